"""Every example phrasing of taxonomy sections 2 (M1-M33) and 3 (R1-R5), verbatim, finds its kind."""

from __future__ import annotations

import pytest

from marketguard.core.detectors.base import DetectorConfig
from marketguard.core.detectors.fraud.links import LinkDetector
from marketguard.core.detectors.fraud.rules import FraudRulesDetector
from marketguard.core.text.normalize import Document

EXAMPLES = [
    ("M1", "Message HR on Telegram", "scam.offplatform_interview"),
    ("M2", "Text-only interview on Google Chat", "scam.offplatform_interview"),
    ("M3", "Install Teams for the chat interview", "scam.offplatform_interview"),
    ("M4", "Send name, DOB, address, bank", "scam.identity_harvest"),
    ("M5", "Our PM will WhatsApp you", "scam.offplatform_interview"),
    ("M6", "Deposit our check, pay our laptop vendor", "scam.fake_check"),
    ("M7", "We overpaid, wire back $2,400", "scam.fake_check"),
    ("M8", "Use our partner store; reimbursed on payday", "scam.vendor_purchase"),
    ("M9", "$49 training, refunded later", "scam.upfront_fee"),
    ("M10", "$50 commitment deposit in USDT", "scam.upfront_fee"),
    ("M11", "Pay to activate your worker ID", "scam.upfront_fee"),
    ("M12", "Buy the $30 licence from our link", "scam.upfront_fee"),
    ("M13", "Buy USDT with your card; triple back as a bonus", "scam.crypto_task"),
    ("M14", "Pay my team locally, I'll reimburse", "scam.money_mule"),
    ("M15", "Apply with your Connects, refunded double", "scam.upfront_fee"),
    ("M16", "Contract at upw0rk-offers[.]com", "scam.lookalike_link"),
    ("M17", "Brief in the ZIP, sign in with Gmail", "scam.phishing"),
    ("M18", "Verify your card or be locked in 24h", "scam.phishing"),
    ("M19", "Scan this QR to pay", "scam.phishing"),
    ("M20", "ID front, back and a selfie for payroll", "scam.identity_harvest"),
    ("M21", "Share your bank login", "scam.identity_harvest"),
    ("M22", "Say your name and city, then 'yes'", "scam.identity_harvest"),
    ("M23", "Top up 100 USDT to unlock tasks", "scam.crypto_task"),
    ("M24", "Combo order, deposit to withdraw", "scam.crypto_task"),
    ("M25", "Relabel and reship these phones", "scam.money_mule"),
    ("M26", "Forward 90% of incoming payments", "scam.money_mule"),
    ("M27", "Three full articles as the test", "scam.free_work"),
    ("M28", "Finish the logo, then maybe a contract", "scam.free_work"),
    ("M29", "Clone, npm install, fix the bug in 30 minutes", "scam.malware"),
    ("M30", "Enable macros in the .docm", "scam.malware"),
    ("M31", "Install AnyDesk for onboarding", "scam.malware"),
    ("M32", "Card blocked, new contract from my boss's account", "scam.stolen_card"),
    ("M33", "$100 for a $15 logo, start now", "scam.stolen_card"),
    ("R1", "Rent me your account, $1,000 a month", "account.rental_offer"),
    ("R2", "Keep 30%, give me TeamViewer", "account.rental_offer"),
    ("R3", "Need a US-verified profile", "account.verification_proxy"),
    ("R4", "My region is blocked, lend me your login", "account.rental_offer"),
    ("R5", "Add my Payoneer as withdrawal", "account.payout_redirect"),
]


@pytest.mark.parametrize(("ref", "text", "kind"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_taxonomy_example_finds_its_kind(ref: str, text: str, kind: str) -> None:
    doc = Document(text)
    findings = [
        f
        for detector in (FraudRulesDetector(DetectorConfig()), LinkDetector(DetectorConfig()))
        for f in detector.detect(doc)
        if f.score >= 0.6
    ]
    assert kind in {f.kind for f in findings}, f"{ref} {text!r}: found {[(f.kind, f.score) for f in findings]}"
