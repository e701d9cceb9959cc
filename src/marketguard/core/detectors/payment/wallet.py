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
from marketguard.core.text.normalize import Document

_BECH32 = re.compile(r"(?<![\w])(?:bc1|tb1|BC1)[ac-hj-np-zAC-HJ-NP-Z02-9]{11,71}(?![\w])")
_BASE58 = re.compile(r"(?<![\w])[13T][a-km-zA-HJ-NP-Z1-9]{25,34}(?![\w])")
_ETH = re.compile(r"(?<![\w])0x[a-fA-F0-9]{40}(?![\w])")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?(?![\w])")
_FORM_WORK = re.compile(
    r"(?i)\b(?:field|form|formular|feld|validat\w*|regex|checksum|pr[üu]fziffer|test\s?value|testwert|sample|dummy|"
    r"placeholder|example|e\.g\.|unit\stest|fixture|mock)"
)
"""Developers build IBAN fields and test them with valid sample numbers: that is work, not a payment."""
_LONG_TOKEN = re.compile(r"[0-9A-Za-z]{25,}")
_IBAN_START = re.compile(r"[A-Z]{2}\d{2}")
_CANDIDATE_HINT = PLAIN.hint(f"{_LONG_TOKEN.pattern}|{_IBAN_START.pattern}")
"""Both shapes, case-insensitive, asked about the `clean` view: lower-cased, and only ever longer runs where
letters spaced out are joined, so wherever the original has a shape, `clean` has it too. Most texts have
neither, and the question costs nothing: normalisation has scanned `clean` already."""
_WALLET_WORDS = re.compile(
    r"(?i)(?<!\w)(?:wallet|address|addr|usdt|usdc|btc|bitcoin|eth|ethereum|trc-?20|erc-?20|bep-?20|crypto|tron|"
    r"send|deposit|pay|кошел\w*|адрес|iban|account|bank|conta|cuenta|compte|konto|счет|счёт)(?!\w)"
)


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
        out: list[Finding] = []
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
        if context and not _FORM_WORK.search(text):
            for m in _IBAN.finditer(text):
                if _iban_ok(m.group()):
                    out.append(
                        Finding(
                            "payment.account",
                            0.9,
                            m.start(),
                            m.end(),
                            "iban:" + m.group().replace(" ", ""),
                            "a bank account number (IBAN) shared for direct payment",
                        )
                    )
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
