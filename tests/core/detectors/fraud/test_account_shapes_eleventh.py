"""Account offers by shape x language (acct11 round, `accounts_eleventh.yaml`), phrased after the rules.

The round's rules cover shapes that blind11 and the round's own batch (`eval/fraud/accounts.dev6.jsonl`) showed the
acct10 rules missing: money every month for USING the other person's account (or "yours", once one's own was
closed), "your account, my work" for a split, an account sold with its verb and object side by side or bought as
"wanted" (Hindi and Urdu "chahiye"), a payout e-mail changed to an address the sender names, and a person with a
foreign document sought for the check, in 26 languages (acct10's 22 plus Japanese, Korean, Persian and Thai).
These phrasings were written after the rules to check them: each offer must raise an account signal of its own kind
with the rules alone. The look-alikes share their words (a flat or a subscription paid monthly, gigs sold "on my
profile", one's own payout e-mail, a KYC screen to build, an account blocked and waiting for support); none may
raise one.
"""

from __future__ import annotations

import pytest

from fraud_dev_sets import rules_only_screener
from marketguard import Screener

R, S, V, P = "account.rental_offer", "account.sale", "account.verification_proxy", "account.payout_redirect"

OFFERS: list[tuple[str, str]] = [
    (R, "They shut my profile down. $450 a month is yours if I can use yours."),
    (R, "Ma cuenta está bloqueada... te pago 200 dólares al mes por usar la tuya."),
    (R, "Zapłacę 900 zł miesięcznie, jeśli będę mógł korzystać z Twojego konta na Fiverr."),
    (R, "Мой аккаунт забанили. Заплачу 400 $ в месяц, чтобы пользоваться вашим аккаунтом."),
    (R, "Hesabım kapandı, senin hesabını kullanmam için ayda 250 dolar öderim."),
    (R, "Saya bayar 2 juta per bulan untuk pakai akun Fiverr anda."),
    (R, "Tumhara account use karne ke liye har mahine $200 dunga."),
    (R, "Ik betaal 200 euro per maand om je Fiverr-account te gebruiken."),
    (R, "毎月1万5千円払うので、あなたのFiverrアカウントを使わせてもらえますか。"),
    (R, "매월 25만원 드립니다. 당신의 Fiverr 계정을 사용하게 해주세요."),
    (R, "Your Upwork profile, my skills: we split every payout 60/40."),
    (S, "Account for sale: Upwork, 3 years old, 45 reviews, email included."),
    (S, "Sprzedam konto Upwork, 70 opinii, stare, z mailem."),
    (S, "Dijual akun Upwork lama, 60 ulasan, termasuk email."),
    (S, "Bán lại tài khoản Upwork lâu năm, 90 đánh giá."),
    (S, "Aged account chahiye Fiverr ka, 50+ reviews, acha price dunga."),
    (S, "오래된 Upwork 계정 구매합니다, 리뷰 30개 이상."),
    (V, "Need somebody with a US passport to do the verification on my profile, $90."),
    (V, "Birisi ABD pasaportuyla hesabımın doğrulamasını yapsın, 120 $ veririm."),
    (V, "Am nevoie de cineva cu buletin din SUA pentru verificarea contului meu, 80 $."),
    (V, "Нужен человек с документами Канады, чтобы пройти верификацию моего аккаунта."),
    (V, "أحتاج شخصا معه جواز أمريكي لتوثيق حسابي، 100 دولار."),
    (P, "Aggiungi il mio PayPal come metodo di prelievo sul tuo account, la tua parte te la giro."),
    (P, "Dodaj mój PayPal jako metodę wypłaty na swoim koncie, Twoją część oddam."),
    (P, "Tambahkan PayPal saya sebagai metode penarikan di akun kamu, bagianmu nanti aku transfer."),
    (P, "Update your payout email to ops.payroll.team@proton.me, we route all contractor money from there."),
]

LOOK_ALIKES: list[str] = [
    "I pay $40 a month for Figma; if you have a seat you can use yours for the mockups.",
    "My account was blocked yesterday, support says it takes 48 hours; I pay my rent monthly so I hope it's soon.",
    "Il mio account è stato sospeso, ho scritto al supporto; intanto uso il tuo link per il file.",
    "Płacę 2000 zł miesięcznie za wynajem mieszkania, dlatego stawka 40 zł za godzinę.",
    "Плачу 500 $ в месяц за аренду офиса, можете использовать его для встречи.",
    "Saya bayar 1 juta per bulan untuk sewa kos, jadi tarif saya naik.",
    "Te pago 300 al mes por gestionar tu cuenta de Instagram y publicar a diario.",
    "Ik betaal 20 euro per maand voor Canva, je kunt de jouwe gebruiken voor de banner.",
    "毎月5000円払ってAdobeを使っています。あなたのアカウントでも同じソフトを使えますか？",
    "매달 만원 내고 Figma를 씁니다. 당신 계정도 같은 요금제인가요?",
    "Vendo logos en mi perfil, ya tengo 50 reseñas.",
    "Я продаю шаблоны для сайтов на своём профиле, есть отзывы.",
    "Sprzedam laptopa, stary, konto Windows usunięte, 1500 zł.",
    "Jual template website di profil saya, sudah ada 40 ulasan.",
    "Before buying a Fiverr gig, check that the seller's account is verified and has real reviews.",
    "Which verified account badge do I need to buy ads on Meta for the client?",
    "I changed my payout email to my new address, jo.design@fastmail.com, after the move.",
    "Please send the invoice to billing@northwind-example.com; your payout email stays the one on your profile.",
    "Biri hesabımı doğrulamamı istedi, kimlik istediler; platformun kendi doğrulamasını kullandım.",
    "Am nevoie de cineva care să facă ecranul de verificare a contului, cu act de identitate, în aplicația noastră.",
    "Нужен человек, который сверстает страницу верификации аккаунта с загрузкой документов (только UI).",
    "Need somebody to translate my passport for the visa; my account manager sent the form.",
    "أحتاج شخصا لتصميم شاشة توثيق الحساب مع رفع جواز السفر في تطبيقنا.",
    "Partner with me on the tender: your design, my code, we split the fee 50/50.",
    "Your profile looks good; my work on the logo is 60/40 done and I'll split the files in two.",
    "I log in to the client's account with the staff seat they gave me and we split the tasks by week.",
    "Dodałem mój PayPal jako metodę wypłaty na swoim koncie, działa od wczoraj.",
    "Aggiungi il tuo PayPal come metodo di prelievo sul tuo account, è nella guida della piattaforma.",
]


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


@pytest.mark.parametrize(("kind", "text"), OFFERS)
def test_every_offer_gets_its_account_kind(rules_screener: Screener, kind: str, text: str) -> None:
    signals = rules_screener.screen(text).signals
    assert any(s.kind == kind and s.score >= 0.6 for s in signals), signals


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_no_look_alike_gets_an_account_signal(rules_screener: Screener, text: str) -> None:
    signals = rules_screener.screen(text).signals
    assert not [s for s in signals if s.family == "account" and s.score >= 0.6], signals
