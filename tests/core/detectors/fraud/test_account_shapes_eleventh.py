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
    # the second batch, written after the first rules (partnerships, a person of a country sought, ...)
    (R, "Looking for a cooperation partner: you provide the Upwork account, I provide the skills, profit 50/50."),
    (R, "Install AnyDesk and keep your PC on, I will use your Fiverr from there, 25% is yours."),
    (V, "Need a US person to pass the video check on my profile, $100 for 10 minutes."),
    (S, "Buying verified accounts, any platform, fast payment."),
    (R, "Lease me your seller account for 3 months, $900 total."),
    (R, "Can I borrow your Upwork login for a couple of weeks? My region is blocked."),
    (P, "Add my bank as the withdrawal method on your account and keep 10%."),
    (R, "Busco socio: tú pones la cuenta de Upwork, yo el trabajo, ganancias 50/50."),
    (R, "Cherche partenaire : tu fournis le compte, je fais le travail, on partage 50/50."),
    (R, "Suche Partner: du stellst den Upwork-Account, ich mache die Arbeit, Gewinn 50/50."),
    (R, "Ищу партнёра: с тебя аккаунт Upwork, с меня работа, прибыль пополам."),
    (R, "Szukam wspólnika: ty dajesz konto, ja robię zlecenia, dzielimy się po połowie."),
    (R, "Ortak arıyorum: hesap senden, iş benden, kazanç yarı yarıya."),
    (R, "Cari partner: kamu kasih akun, aku yang kerja, hasil bagi dua."),
    (R, "Cần đối tác: bạn cho tài khoản, mình làm việc, chia đôi lợi nhuận."),
    (R, "Partner chahiye: aap account do, kaam main karunga, profit aadha aadha."),
    (R, "ابحث عن شريك: أنت تقدم الحساب وأنا أعمل، والربح بالنصف."),
    (R, "Zoek partner: jij levert het account, ik doe het werk, winst 50/50."),
    (R, "找合作：你出账号，我干活，收益五五分。"),
    (R, "Cerco socio: tu metti l'account, io lavoro, dividiamo 50/50."),
    (R, "Procuro parceiro: você entra com a conta, eu com o trabalho, lucro 50/50."),
    (R, "Caut partener: tu dai contul, eu lucrez, împărțim 50/50."),
    (R, "Login mo lang yung account sa laptop ko, ako na bahala sa trabaho, 30% sayo."),
    (V, "Ich brauche jemanden aus den USA, der für mein Konto den Video-Check macht, 100 $."),
    (V, "Potrzebuję kogoś z USA do weryfikacji wideo mojego konta, 100 $."),
    (V, "Mi serve una persona americana per la verifica video del mio account, 100 $."),
    (V, "Preciso de uma pessoa americana para a verificação por vídeo da minha conta, 100 dólares."),
    (V, "J'ai besoin d'une personne américaine pour la vérification vidéo de mon compte, 100 $."),
    (S, "Compro cuentas verificadas de Upwork, pago rápido."),
    (S, "Куплю верифицированные аккаунты Upwork, оплата сразу."),
    (S, "Kupię zweryfikowane konta Upwork, płacę od ręki."),
    (S, "Mua tài khoản Upwork đã xác minh, thanh toán ngay."),
    (S, "Beli akun Upwork terverifikasi, bayar cepat."),
    (P, "Ajoute ma banque comme méthode de retrait sur ton compte et garde 10 %."),
    (P, "Füge mein Bankkonto als Auszahlungsmethode in deinem Account hinzu, 10 % für dich."),
    (P, "Добавь мой банк как способ вывода в своём аккаунте, 10 % тебе."),
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
    # the second batch
    "Looking for a partner for the agency: you bring the clients, I provide the skills, we split profit 50/50.",
    "You provide the test account, I do the work on the integration, and we split the invoice 50/50.",
    "Busco socio para la agencia: tú pones los clientes, yo el trabajo, ganancias 50/50.",
    "I work on my laptop from the café; the client pays me weekly and 20% for you as the referral.",
    "A US person must verify their own account with a video check; the platform asks everyone.",
    "Someone from the US on our team will join the video check of the client's store account demo.",
    "Ich mache die Arbeit auf meinem Laptop, du stellst das Konto für Staging, Kosten teilen wir 50/50.",
    "Je fais le travail sur mon ordi, tu fournis le compte de test, on partage les frais 50/50.",
    "Cần đối tác mở agency: bạn cho tài khoản quảng cáo, mình làm việc, chia đôi lợi nhuận.",
    "Persona americana nel team: farà la verifica video del nostro account aziendale sulla piattaforma ufficiale.",
    "My account was suspended; I pay $10 a month for Spotify, can I use yours meanwhile?",
    "Ti pago 50 euro al mese per usare il tuo studio di registrazione il sabato.",
    "Мой аккаунт заблокировали, плачу 300 $ в месяц за аренду квартиры, пользуйтесь вашим кабинетом.",
    "Я продаю шаблоны на своём аккаунте, есть отзывы и старые покупатели.",
    "Selling old accounts receivable reports with reviews of each client, $50 per template.",
    "Change your payout email to the one on your invoices, e.g. name@yourcompany.com, as the help article says.",
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
