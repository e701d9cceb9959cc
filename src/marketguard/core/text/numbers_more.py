"""Digit words of Dutch, Romanian and Ukrainian, and the "double"/"triple" words of the long-tail languages.

Merged into `numbers.MORE_DIGIT_WORDS` (read word by word, never glued) and `numbers.REPEAT_WORDS`. Left out on
purpose: Vietnamese ("hai", "ba", "năm" are also Hindi "is", Tagalog's question word and "year"), and Devanagari
Hindi (the view drops the vowel marks, so "चार" would be read inside "विचार"); digits are what those writers type.
Romanian "doi" (2) is left out too: it is the DOI of a paper, with digits after it. Dutch "een" is also "a": a
digit only inside a run of digit words, like English "one".
"""

from __future__ import annotations

DIGIT_WORDS: dict[str, str] = {
    # Dutch ("vier", "acht" and "null"-like "nul" differ from German only in "nul")
    "nul": "0",
    "een": "1",
    "één": "1",
    "twee": "2",
    "drie": "3",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "negen": "9",
    # Romanian, with the comma, the cedilla and no accent
    "unu": "1",
    "trei": "3",
    "patru": "4",
    "cinci": "5",
    "șase": "6",
    "şase": "6",
    "sase": "6",
    "șapte": "7",
    "şapte": "7",
    "sapte": "7",
    "opt": "8",
    "nouă": "9",
    "noua": "9",
    # Ukrainian ("нуль", "один", "два", "три" are Russian too), with the apostrophes people type
    "чотири": "4",
    "п'ять": "5",
    "п’ять": "5",
    "пʼять": "5",
    "шість": "6",
    "сім": "7",
    "вісім": "8",
    "дев'ять": "9",
    "дев’ять": "9",
    "девʼять": "9",
}
REPEAT_WORDS: dict[str, int] = {
    "doppio": 2,
    "doppia": 2,
    "tripla": 3,
    "podwójne": 2,
    "podwójna": 2,
    "podwojne": 2,
    "potrójne": 3,
    "potrójna": 3,
    "potrojne": 3,
    "çift": 2,
    "cift": 2,
    "dubbel": 2,
    "dubbele": 2,
    "driedubbel": 3,
    "dublu": 2,
    "triplu": 3,
    "dobel": 2,
    "подвійна": 2,
    "подвійний": 2,
    "потрійна": 3,
}
