"""Digits written as words, in the languages that the screener reads.

People spell a phone number out ("four one five", "cinco cinco", "пять пять") exactly so that a digit
filter misses it. The words become digits in the digit view; the phone detector then treats them like
any other digits, and the original span still covers the words.
"""

from __future__ import annotations

DIGIT_WORDS: dict[str, str] = {
    # English ("oh" and "o" are handled apart: they are zero only beside other digits)
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # Spanish
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
    "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
    # Portuguese ("meia", half a dozen, is six when Brazilians read numbers aloud)
    "um": "1", "dois": "2", "três": "3", "quatro": "4", "sete": "7", "oito": "8",
    "nove": "9", "meia": "6",
    # French
    "zéro": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
    "sept": "7", "huit": "8", "neuf": "9",
    # German
    "null": "0", "eins": "1", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "fuenf": "5",
    "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # Russian
    "ноль": "0", "нуль": "0", "один": "1", "одна": "1", "два": "2", "две": "2", "три": "3",
    "четыре": "4", "пять": "5", "шесть": "6", "семь": "7", "восемь": "8", "девять": "9",
}

REPEAT_WORDS: dict[str, int] = {
    "double": 2, "triple": 3, "doble": 2, "triplo": 3, "dupla": 2, "duplo": 2, "doppel": 2,
    "двойная": 2, "тройная": 3,
}

ZERO_LETTERS = ("oh", "o")
