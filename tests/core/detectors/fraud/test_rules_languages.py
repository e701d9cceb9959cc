"""The scam kinds in the languages added in the blind6 round (hi-en, tl, id, ar, it, pl, tr), end to end.

Each text is written for this test (not taken from any evaluation set or from the rules' fixtures): a scam the
screener must name as a scam, and an everyday work message in the same language with the same words, which it
must leave alone. The rule fixtures test each rule; these test the whole screener (rules, model, combine).
"""

from __future__ import annotations

import pytest

from marketguard import Screener

SCAMS = [
    # upfront fee
    "Selection ho gaya hai! Kaam shuru karne se pehle 799 rs joining fee bharna hoga, first payout me wapas.",
    "Sebelum mulai, transfer biaya aktivasi Rp 200.000 ke rekening admin ya kak, nanti dikembalikan.",
    "Przed rozpoczęciem wpłać opłatę aktywacyjną 80 zł, zwrot po pierwszym zleceniu.",
    # crypto task
    "Bhai next level unlock karne ke liye 50 USDT ka recharge karo, commission ke saath wapas aayega.",
    "Per sbloccare il prossimo livello ricarica 120 USDT, ti tornano con la commissione.",
    # money mule
    "Papasok sa account mo ang bayad ng mga client namin; ipadala mo ang natitira sa wallet namin, sa iyo na ang 8%.",
    "Na twoje konto przyjdą przelewy od klientów, zatrzymaj 5% i przelej resztę na nasz portfel.",
    # identity harvest
    "Salary ke liye Aadhaar, PAN card aur net banking password WhatsApp pe bhej do.",
    # phishing
    "Hesabınız 24 saat içinde kapatılacak; linkten giriş yapın ve kart bilgilerinizi girin.",
    # interview off the platform
    "Wawancara lewat Telegram ya kak, tambahkan HRD kami di sana.",
    # stolen card
    "Book me a hotel with the card details I'll send you, and keep $40 for the trouble.",
]

BENIGN = [
    "Payment page pe joining fee ka field chahiye, customers ko 799 rs dikhe aur coupon lage.",
    "Tolong desain halaman isi ulang pulsa untuk pelanggan kami, dengan level member dan komisi agen.",
    "Il colloquio è martedì qui sulla piattaforma; non useremo Telegram.",
    "Net banking ka login page redesign karna hai, password reset flow ke saath, Figma me.",
    "Ödeme formunu test modunda kart numarası ve CVV ile deneyin, müşteriler satın al butonunu görsün.",
    "Please add the bank logo to the footer of the checkout page, the card icons too.",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


@pytest.mark.parametrize("text", SCAMS)
def test_scams_in_the_new_languages_are_named(screener: Screener, text: str) -> None:
    result = screener.screen(text)
    assert any(s.family == "scam" for s in result.signals), result.signals


@pytest.mark.parametrize("text", BENIGN)
def test_work_talk_in_the_new_languages_stays_clean(screener: Screener, text: str) -> None:
    result = screener.screen(text)
    assert not any(s.family in {"scam", "account"} for s in result.signals), result.signals
