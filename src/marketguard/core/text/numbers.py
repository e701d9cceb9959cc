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

# Two-digit numbers read aloud ("ninety nine", "sesenta y uno", "тридцать два"): tens, then an optional unit.
TENS_WORDS: dict[str, int] = {
    "twenty": 2, "thirty": 3, "forty": 4, "fourty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9,
    "veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5, "sesenta": 6, "setenta": 7, "ochenta": 8, "noventa": 9,
    "vinte": 2, "trinta": 3, "quarenta": 4, "cinquenta": 5, "sessenta": 6, "oitenta": 8,
    "vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6,
    "zwanzig": 2, "dreißig": 3, "dreissig": 3, "vierzig": 4, "fünfzig": 5, "sechzig": 6, "siebzig": 7, "achtzig": 8,
    "neunzig": 9,
    "двадцать": 2, "тридцать": 3, "сорок": 4, "пятьдесят": 5, "шестьдесят": 6, "семьдесят": 7, "восемьдесят": 8,
    "девяносто": 9,
}
TEEN_WORDS: dict[str, str] = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "diez": "10", "once": "11", "doce": "12", "trece": "13", "catorce": "14", "quince": "15", "dieciséis": "16",
    "diecisiete": "17", "dieciocho": "18", "diecinueve": "19",
    "dez": "10", "onze": "11", "doze": "12", "treze": "13", "catorze": "14", "quinze": "15", "dezesseis": "16",
    "dezessete": "17", "dezoito": "18", "dezenove": "19",
    "dix": "10", "douze": "12", "treize": "13", "quatorze": "14", "seize": "16",
    "zehn": "10", "elf": "11", "zwölf": "12", "dreizehn": "13", "vierzehn": "14", "fünfzehn": "15",
    "sechzehn": "16", "siebzehn": "17", "achtzehn": "18", "neunzehn": "19",
    "десять": "10", "одиннадцать": "11", "двенадцать": "12", "тринадцать": "13", "четырнадцать": "14",
    "пятнадцать": "15", "шестнадцать": "16", "семнадцать": "17", "восемнадцать": "18", "девятнадцать": "19",
}
