"""Crypto wallet addresses and IBANs: account numbers that exist only to be paid into.

Checked on the original text, because these formats are case-sensitive. A checksum that verifies
(base58check, bech32, IBAN mod-97) makes a finding near certain; a well-formed address whose checksum
fails still counts beside wallet words, since scammers paste addresses by hand and readers do not check.
"""

from __future__ import annotations

import re

import base58
import bech32

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document

_BECH32 = lazy_compile(r"(?<![\w])(?:bc1|tb1|BC1)[ac-hj-np-zAC-HJ-NP-Z02-9]{11,71}(?![\w])")
_BASE58 = lazy_compile(r"(?<![\w])[13T][a-km-zA-HJ-NP-Z1-9]{25,34}(?![\w])")
_ETH = lazy_compile(r"(?<![\w])0x[a-fA-F0-9]{40}(?![\w])")
_IBAN = lazy_compile(r"(?<![\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?(?![\w])")
_FORM_WORK = lazy_compile(
    r"(?i)\b(?:field|form|formular|feld|validat\w*|regex|checksum|pr[üu]fziffer|test\s?value|testwert|sample|dummy|"
    r"placeholder|example|e\.g\.|unit\stest|fixture|mock)"
)
"""Developers build IBAN fields and test them with valid sample numbers: that is work, not a payment."""
_LONG_TOKEN = lazy_compile(r"[0-9A-Za-z]{25,}")
_IBAN_START = lazy_compile(r"[A-Z]{2}\d{2}")
_CANDIDATE_HINT = PLAIN.hint(f"{_LONG_TOKEN.pattern}|{_IBAN_START.pattern}")
"""Both shapes, case-insensitive, asked about the `clean` view: lower-cased, and only ever longer runs where
letters spaced out are joined, so wherever the original has a shape, `clean` has it too. Most texts have
neither, and the question costs nothing: normalisation has scanned `clean` already."""
_WALLET_WORDS = lazy_compile(
    r"(?i)(?<!\w)(?:wallet|address|addr|usdt|usdc|btc|bitcoin|eth|ethereum|trc-?20|erc-?20|bep-?20|crypto|tron|"
    r"send|deposit|pay|кошел\w*|адрес|iban|account|bank|conta|cuenta|compte|konto|счет|счёт|addy|wire|transf\w*|"
    r"[üu]berweis\w*|virement|перев[оеё]\w*|bonifico|conto|przelew\w*|konta|hesab\w*|rekening|"
    # Arabic: the word takes the article, "الآيبان", so no word edge before the stem
    r"(?:ال)?(?:آيبان|ايبان|حساب\w*)|تحويل)(?!\w)"
)
_IBAN_LENGTHS = {
    "AT": 20, "BE": 16, "BG": 22, "BR": 29, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
    "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IT": 27, "LT": 20, "LU": 20, "LV": 21,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "TR": 26, "UA": 29, "AE": 23,
    "SA": 24, "QA": 29, "KW": 30, "BH": 22, "JO": 30, "EG": 29, "LB": 28, "IL": 23, "PK": 24, "TN": 24, "MT": 31,
    "IS": 26, "MC": 27, "SM": 27, "RS": 22, "BA": 20, "MK": 19, "AL": 28, "ME": 22, "XK": 20, "MD": 24, "GE": 22,
    "AZ": 28, "KZ": 20, "BY": 28, "LI": 21, "GI": 23, "IQ": 23, "MR": 27, "MU": 30, "DO": 28, "CR": 22, "GT": 28,
}  # fmt: skip
"""Each country's IBAN length: an IBAN shorter than its country's, at the end of a message, is being sent in parts."""
_IBAN_HEAD = lazy_compile(r"(?<![\w])(?P<cc>[A-Z]{2})\d{2}(?:\s?[A-Z0-9]{4}){1,6}\s*$")
_PART = r"(?:pt|part|teil|parte|partie|часть)\.?\s?"
_PARTS = lazy_compile(
    rf"(?i:{_PART}(?:1|one)|1/2|first\s(?:half|part))\s?[:.)\-]?\s{{0,2}}(?P<a>[1-9A-HJ-NP-Za-km-z]{{6,40}})"
    rf"\W{{1,20}}?(?i:{_PART}(?:2|two)|2/2|second\s(?:half|part)|rest)\s?[:.)\-]?\s{{0,2}}(?P<b>[1-9A-HJ-NP-Za-km-z]{{6,40}})(?!\w)"
)
_FIRST_PART = lazy_compile(
    rf"(?i:{_PART}(?:1|one)|1/2|first\s(?:half|part))"
    # "first part of my wallet, the rest after: …"
    r"(?i:\sof\s(?:my|the)\s(?:wallet|address|usdt|btc|crypto|tron|trc20)\w*(?:\saddress)?[^\n:]{0,40}?:)?"
    r"\s?[:.)\-]?\s{0,2}"
    r"(?P<a>(?:T|bc1|0x)[1-9A-HJ-NP-Za-km-z]{8,32}|[13][1-9A-HJ-NP-Za-km-z]{8,32})\s*$"
)
_PARTS_HINT = PLAIN.hint(rf"{_PART}(?:1|one)|1/2|first\s(?:half|part)")
"""A wallet address in labelled parts ("pt1: TCsg...", "pt2: MGqb..."): put together, its checksum must hold."""


def _base58_ok(s: str) -> bool:
    try:
        base58.b58decode_check(s)
    except ValueError:
        return False
    return True


def _iban_ok(s: str) -> bool:
    s = s.replace(" ", "")
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


class WalletDetector(Detector):
    info = DetectorInfo(
        id="payment.wallet",
        family="payment",
        kinds=("payment.wallet", "payment.account"),
        version="1.0.0",
        description="Bitcoin, Ethereum and TRON addresses and IBANs, checksum-verified where the format has one.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        text = doc.text
        out: list[Finding] = self._in_parts(text) if _PARTS_HINT(doc) else []
        if not _CANDIDATE_HINT(doc.clean.text) or not (_LONG_TOKEN.search(text) or _IBAN_START.search(text)):
            return out
        context = _WALLET_WORDS.search(text) is not None
        for m in _BECH32.finditer(text):
            ok = bech32.bech32_decode(m.group().lower())[0] is not None
            self._add(out, m, "bitcoin", ok, context)
        for m in _BASE58.finditer(text):
            chain = "tron" if m.group().startswith("T") else "bitcoin"
            if chain == "tron" and len(m.group()) != 34:
                continue
            self._add(out, m, chain, _base58_ok(m.group()), context)
        for m in _ETH.finditer(text):
            self._add(out, m, "ethereum", None, context)
        if _IBAN_START.search(text) and not _FORM_WORK.search(text):
            self._ibans(out, text, context)
        return out

    @staticmethod
    def _ibans(out: list[Finding], text: str, context: bool) -> None:
        """IBANs beside a payment word; without one, only an IBAN of its country's exact length whose mod-97
        check holds (pasted alone, or completed across messages: "GB03 NWBK 6016" then "1331 9268 99")."""
        head = _IBAN_HEAD.search(text, max(0, len(text) - 40))
        if head is not None and (context or (head.start() <= 2 and len(head.group().replace(" ", "").strip()) >= 12)):
            # a head alone: beside a payment word, or as the whole message ("GB03 NWBK 6016", the rest to follow)
            expected = _IBAN_LENGTHS.get(head.group("cc"), 0)
            if len(head.group().replace(" ", "").strip()) < expected:
                start, end = head.start(), head.start() + len(head.group().rstrip())
                value = "iban:" + text[start:end].replace(" ", "")
                reason = "the first part of a bank account number (IBAN), the rest to follow"
                out.append(Finding("payment.account", 0.7, start, end, value, reason))
        for m in _IBAN.finditer(text):
            flat = m.group().replace(" ", "")
            if (context or len(flat) == _IBAN_LENGTHS.get(flat[:2], 0)) and _iban_ok(flat):
                reason = "a bank account number (IBAN) shared for direct payment"
                out.append(Finding("payment.account", 0.9, m.start(), m.end(), "iban:" + flat, reason))

    @staticmethod
    def _in_parts(text: str) -> list[Finding]:
        """A wallet address in labelled parts: both parts put together pass the checksum; a first part alone
        at the end of a message is the start of one."""
        out: list[Finding] = []
        for m in _PARTS.finditer(text):
            joined = m.group("a") + m.group("b")
            chain = _verified_chain(joined)
            if chain is not None:
                value, reason = f"{chain}:{joined}", f"a {chain} wallet address given in parts (checksum verified)"
                out.append(Finding("payment.wallet", 0.95, m.start("a"), m.end("b"), value, reason))
        if not out:
            first = _FIRST_PART.search(text, max(0, len(text) - 80))
            if first is not None:
                reason = "the first part of a wallet address, announced as such"
                out.append(Finding("payment.wallet", 0.7, first.start("a"), first.end("a"), first.group("a"), reason))
        return out

    @staticmethod
    def _add(out: list[Finding], m: re.Match[str], chain: str, ok: bool | None, context: bool) -> None:
        if ok:
            score, why = 0.95, "checksum verified"
        elif ok is None:
            score, why = (0.9 if context else 0.6), "address format"
        elif context:
            score, why = 0.8, "address format, checksum fails"
        else:
            return
        out.append(
            Finding(
                "payment.wallet", score, m.start(), m.end(), f"{chain}:{m.group()}", f"a {chain} wallet address ({why})"
            )
        )


def _verified_chain(address: str) -> str | None:
    """The chain whose checksum `address` passes, if any."""
    if _BECH32.fullmatch(address):
        return "bitcoin" if bech32.bech32_decode(address.lower())[0] is not None else None
    if _BASE58.fullmatch(address) and _base58_ok(address):
        return "tron" if address.startswith("T") else "bitcoin"
    return None
