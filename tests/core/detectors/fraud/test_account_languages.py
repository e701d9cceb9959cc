"""The four account kinds in thirteen languages, and their benign look-alikes (blind6 round, accounts).

Written for this round, not taken from any evaluation set: each language gets a rental, a sale, a verification
by proxy and a payout redirect phrased the way a sender would, and the everyday talk that shares their words --
team accounts, agency seats, the platform's own verification, a client's staging login in an active contract,
people refusing or reporting such offers. The rule layers alone are screened (the trained model is off), so a
miss here is a gap in the rule pack, not something the model happened to cover.
"""

from __future__ import annotations

import pytest

from marketguard import Screener, ScreenerConfig
from marketguard.core.registry import Registry

RENT = "account.rental_offer"
SALE = "account.sale"
PROXY = "account.verification_proxy"
PAYOUT = "account.payout_redirect"

POSITIVES: list[tuple[str, str, str]] = [
    # English
    ("en", RENT, "Looking to lease a Top Rated profile, $700 a month; send the password, you stay the owner."),
    ("en", SALE, "I'll pay $1,200 for an account you no longer use, as long as you hand over the email and password."),
    ("en", PROXY, "Need a US resident to pass the identity check on my account with their own ID, $200 once approved."),
    (
        "en",
        PAYOUT,
        "Please swap your withdrawal method to the Payoneer I'll DM you; your share comes by Wise every Monday.",
    ),
    # Spanish
    ("es", RENT, "Te alquilo la cuenta: yo trabajo desde tu perfil y te pago 280 dólares al mes."),
    ("es", SALE, "Compro tu cuenta con reseñas, pago 900 dólares y me pasas el correo y la contraseña."),
    ("es", PROXY, "Busco alguien de Estados Unidos que verifique mi cuenta con su documento, pago 150 dólares."),
    ("es", PAYOUT, "Cambia tu método de retiro a la cuenta de mi socio y cada semana te paso tu parte."),
    # Portuguese
    ("pt", RENT, "Quero alugar sua conta de freelancer, pago 1.200 reais por mês e você não faz nada."),
    ("pt", SALE, "Compro sua conta verificada com avaliações, pago 3.000 reais, você me passa e-mail e senha."),
    ("pt", PROXY, "Preciso de alguém que faça a verificação da minha conta com o seu documento, pago 100 dólares."),
    ("pt", PAYOUT, "Troque a forma de saque da sua conta para o PayPal do meu sócio, eu te passo a sua parte."),
    # French
    ("fr", RENT, "Je loue ton compte freelance 300 € par mois, je fais les missions et tu ne fais rien."),
    ("fr", SALE, "J'achète ton compte avec ses avis, 1 500 €, tu me donnes l'e-mail et le mot de passe."),
    ("fr", PROXY, "Je cherche quelqu'un de France pour vérifier mon compte avec sa pièce d'identité, 120 € pour toi."),
    (
        "fr",
        PAYOUT,
        "Changez la méthode de retrait de votre profil pour le compte de ma société, je vous reverse votre part.",
    ),
    # German
    ("de", RENT, "Ich miete dein Freelancer-Konto für 300 € im Monat, ich arbeite, du machst nichts."),
    ("de", SALE, "Ich kaufe dein Konto mit Bewertungen für 1.000 €, du schickst mir die Zugangsdaten."),
    ("de", PROXY, "Suche jemanden aus den USA, der mein Konto mit seinem Ausweis für mich verifiziert, 150 €."),
    (
        "de",
        PAYOUT,
        "Ändere die Auszahlungsmethode in deinem Profil auf das Konto meiner Firma, deinen Anteil überweise ich dir.",
    ),
    # Russian
    ("ru", RENT, "Сниму твой аккаунт в аренду, плачу 300$ в месяц, работаю сам."),
    ("ru", SALE, "Куплю ваш аккаунт с отзывами за 800$, передадите логин и пароль."),
    ("ru", PROXY, "Ищу человека из Канады, который верифицирует мой аккаунт своим паспортом, плачу 150$."),
    ("ru", PAYOUT, "Смени способ вывода в своём профиле на мою карту, твою долю отправлю каждую пятницу."),
    # Hindi-English (romanised)
    ("hi", RENT, "Bhai tera Fiverr account kiraye pe de de, 25k monthly dunga, kaam main sambhalunga."),
    ("hi", SALE, "Purana verified account bechna hai toh batao, 60k dunga, login aur email de dena."),
    ("hi", PROXY, "Bhai apne passport se mera account verify kar do, 8k dunga, baaki main sambhal lunga."),
    ("hi", PAYOUT, "Bhai apna withdrawal method badal ke mera Payoneer daal do, tumhara hissa har hafte bhej dunga."),
    # Tagalog(-English)
    ("tl", RENT, "Pwede ko bang rentahan ang freelancer account mo? $200 kada buwan, ako na ang gagawa."),
    ("tl", SALE, "Bibilhin ko ang account mo na may 50 reviews, $600, ibigay mo lang ang email at password."),
    ("tl", PROXY, "Ikaw na lang mag-verify ng profile ko gamit ang passport mo, $100 bayad."),
    (
        "tl",
        PAYOUT,
        "Pakipalitan ang withdrawal method ng account mo sa PayPal ko, ibibigay ko ang share mo linggo-linggo.",
    ),
    # Indonesian
    ("id", RENT, "Mau sewa akun freelancer kamu, bayar 2 juta per bulan, saya yang kerja."),
    ("id", SALE, "Beli akun freelancer yang sudah terverifikasi, 5 juta, kirim email dan password."),
    ("id", PROXY, "Butuh orang buat verifikasi akun saya pakai KTP kamu, bayar 500 ribu."),
    ("id", PAYOUT, "Ganti metode penarikan di akun kamu ke PayPal saya ya, bagian kamu saya transfer tiap minggu."),
    # Arabic
    ("ar", RENT, "أريد استئجار حسابك على منصة العمل الحر مقابل 250 دولار شهريا."),
    ("ar", SALE, "أشتري حسابك الموثق بتقييمات جيدة مقابل 700 دولار، أرسل البريد وكلمة المرور."),
    ("ar", PROXY, "أبحث عن شخص لتوثيق حسابي بهويتك، سأدفع 120 دولار."),
    ("ar", PAYOUT, "غيّر طريقة السحب في حسابك إلى حساب أخي وسأرسل لك حصتك كل أسبوع."),
    # Italian
    ("it", RENT, "Cerco affitto account su piattaforme freelance, 250 € al mese, lavoro io."),
    ("it", SALE, "Compro il tuo account verificato con recensioni, 900 €, mi passi email e password."),
    ("it", PROXY, "Cerco qualcuno che verifichi il mio account con il tuo documento, ti pago 100 €."),
    (
        "it",
        PAYOUT,
        "Cambia il metodo di prelievo del tuo profilo con il conto di mio fratello, ti mando la tua parte"
        " ogni settimana.",
    ),
    # Polish
    ("pl", RENT, "Wynajmę konto na Upwork, płacę 1000 zł miesięcznie, ja wykonuję zlecenia."),
    ("pl", SALE, "Kupię konto freelancerskie z opiniami, 3000 zł, przekażesz login i hasło."),
    ("pl", PROXY, "Szukam kogoś do weryfikacji mojego konta twoim dowodem, płacę 300 zł."),
    ("pl", PAYOUT, "Zmień metodę wypłaty na swoim profilu na moje konto, twoją część przeleję co tydzień."),
    # Turkish
    ("tr", RENT, "Freelancer hesabını kiralamak istiyorum, aylık 300 dolar veririm, işleri ben yaparım."),
    ("tr", SALE, "Doğrulanmış hesabını 800 dolara satın alırım, e-posta ve şifreyi bana ver."),
    ("tr", PROXY, "Hesabımı kimliğinle doğrulayacak birini arıyorum, 100 dolar öderim."),
    ("tr", PAYOUT, "Para çekme yöntemini kuzenimin PayPal hesabıyla değiştir, payını her hafta gönderirim."),
    # the six old languages again, in other words (their coverage was checked, not assumed)
    ("es", RENT, "¿Me dejas trabajar con tu cuenta de Upwork? Te doy el 30 % de cada contrato."),
    (
        "es",
        SALE,
        "Vendo cuenta de freelancer con nivel Top Rated y 150 reseñas, 2.500 dólares, entrego correo y contraseña.",
    ),
    (
        "es",
        PROXY,
        "Necesito a alguien de EE. UU. que pase la verificación de identidad de mi perfil con su pasaporte, "
        "pago 200 dólares.",
    ),
    ("es", PAYOUT, "Añade mi Payoneer en tu cuenta como método de retiro y te paso el 80 % cada semana."),
    ("pt", RENT, "Posso trabalhar pela sua conta? Você fica com 25 % de cada projeto."),
    ("pt", SALE, "Quanto você quer pela sua conta do Upwork? Pago em USDT e você troca o e-mail para o meu."),
    ("pt", PROXY, "Alguém dos EUA pode verificar minha conta com o próprio documento? Pago 150 dólares."),
    ("pt", PAYOUT, "Coloca minha conta bancária como método de saque no seu perfil, depois te passo sua parte."),
    ("fr", RENT, "Je peux travailler via ton compte ? Je te donne 30 % de chaque mission."),
    ("fr", SALE, "Combien pour votre compte ? Je paie 1 000 € si vous changez l'e-mail pour le mien."),
    ("fr", PROXY, "Quelqu'un des États-Unis pourrait vérifier mon compte avec son passeport ? 150 € pour toi."),
    ("fr", PAYOUT, "Ajoute mon IBAN comme méthode de retrait sur ton profil, je te reverse ta part chaque semaine."),
    ("de", RENT, "Darf ich über dein Profil Aufträge annehmen? Du bekommst 30 % von jedem Auftrag."),
    ("de", SALE, "Verkaufe mein Freelancer-Konto mit 120 Bewertungen, 2.000 €, Übergabe mit E-Mail und Passwort."),
    ("de", PROXY, "Kannst du mein Konto mit deinem Ausweis verifizieren? Ich zahle 150 €."),
    ("de", PAYOUT, "Füge mein PayPal als Auszahlungsmethode in deinem Profil hinzu, deinen Anteil schicke ich dir."),
    ("ru", RENT, "Можно я буду брать заказы через твой аккаунт? Тебе 30 % с каждого заказа."),
    ("ru", SALE, "Продаю аккаунт фрилансера с отзывами, 1500$, передам почту и пароль."),
    ("ru", PROXY, "Пройди верификацию моего аккаунта своим паспортом, заплачу 150$."),
    ("ru", PAYOUT, "Добавь мой Payoneer как способ вывода в своём профиле, твою долю переведу."),
]

BENIGN: list[tuple[str, str, str]] = [
    # English
    ("en", "team", "I added you to our team account as a member; you'll see the $600 milestone under the agency seat."),
    (
        "en",
        "staging",
        "Here is the staging login for the admin panel, use it only for this contract; the $300 milestone is funded.",
    ),
    (
        "en",
        "platform",
        "The platform asked for a video verification of my own account, so I'll reply after it, around $40 cheaper.",
    ),
    ("en", "refusal", "Someone offered me $500 a month to rent my account; I said no and reported the message."),
    # Spanish
    ("es", "team", "Te agregué a la cuenta del equipo de la agencia; el hito de 400 dólares ya está financiado."),
    ("es", "refusal", "Me ofrecieron 300 dólares al mes por alquilar mi cuenta; no acepto y ya lo reporté."),
    # Portuguese
    (
        "pt",
        "platform",
        "A plataforma pediu a verificação da minha conta com meu documento; já fiz, o marco de 200 dólares segue.",
    ),
    # French
    ("fr", "staging", "Voici l'accès à notre compte de préproduction pour la mission, 300 € par jalon comme convenu."),
    # German
    ("de", "refusal", "Jemand wollte mein Konto für 300 € im Monat mieten, ich habe abgelehnt und es gemeldet."),
    # Russian
    ("ru", "team", "Добавил тебя в командный аккаунт агентства, оплата 500$ за этап как договаривались."),
    # Hindi-English
    ("hi", "refusal", "Nahi bhai, apna profile main kiraye pe nahi deta, ban ho jayega."),
    (
        "hi",
        "platform",
        "Platform ne mera account verify karne ke liye mera passport manga tha, ho gaya, ab 500 dollars ka kaam shuru.",
    ),
    (
        "hi",
        "staging",
        "Staging server ka login bhej raha hu, sirf is contract ke liye use karna, 300 dollars milestone funded hai.",
    ),
    # Tagalog
    (
        "tl",
        "refusal",
        "May nag-alok sa akin ng $300 kada buwan para rentahan ang account ko, pero hindi ko tinanggap, scam yan.",
    ),
    ("tl", "team", "Inadd na kita sa team account ng agency namin, $400 ang milestone ngayong linggo."),
    # Indonesian
    ("id", "refusal", "Ada yang mau sewa akun saya 2 juta per bulan, tapi saya tolak, itu penipuan."),
    (
        "id",
        "platform",
        "Platform minta verifikasi akun saya pakai KTP saya sendiri, sudah beres, milestone 500 dolar jalan.",
    ),
    ("id", "team", "Kamu sudah saya tambahkan ke akun tim agensi, pembayaran 300 dolar per milestone."),
    # Arabic
    ("ar", "refusal", "عرض علي شخص تأجير حسابي مقابل 300 دولار شهريا، هذا احتيال وقد أبلغت عنه."),
    ("ar", "platform", "طلبت المنصة توثيق حسابي بهويتي، تم ذلك وسيبدأ العمل على المشروع بقيمة 400 دولار."),
    # Italian
    ("it", "refusal", "Non affitto il mio account a nessuno, nemmeno per 300 € al mese."),
    (
        "it",
        "staging",
        "Ti mando le credenziali dell'ambiente di staging del cliente, il milestone da 500 € è già finanziato.",
    ),
    ("it", "payout", "Come cambio il metodo di prelievo sul mio profilo? Vorrei ricevere i pagamenti su Wise."),
    # Polish
    ("pl", "refusal", "Ktoś chciał wynająć moje konto za 1000 zł miesięcznie, odmówiłem, to oszustwo."),
    ("pl", "rent", "Wynajmę mieszkanie studentom, czynsz 2000 zł, przelew na konto do dziesiątego."),
    # Turkish
    ("tr", "refusal", "Hesabımı kimseye kiralamam, aylık 300 dolar da verseler."),
    (
        "tr",
        "team",
        "Seni ajansın ekip hesabına ekledim, kilometre taşı başına 400 dolar ödeme var.",
    ),  # advice, own settings, retainers, shops and the platform's own checks that share the rules' words
    ("en", "payout", "Tip: change your withdrawal method to Wise, I'll send you the guide; the fee drops to 0.5%."),
    (
        "en",
        "payout",
        "If your payout failed, update your payout method in settings and I'll send the bonus once it works.",
    ),
    ("en", "payout", "Set your payout method before the first release; your share of the team bonus is 10% as agreed."),
    ("es", "payout", "Cambia tu método de retiro a Payoneer si quieres, te paso el enlace de ayuda de la plataforma."),
    ("pt", "payout", "Troque seu método de saque para o Pix no app, eu te passo o tutorial oficial."),
    ("id", "payout", "Kalau mau, ganti metode penarikan kamu ke bank lokal, nanti saya kirim panduannya."),
    (
        "tr",
        "payout",
        "Para çekme yöntemini kendi banka hesabına değiştir, komisyon daha düşük; faturayı ben gönderirim.",
    ),
    ("en", "rent", "We rent a verified business account on the cloud provider for the staging servers, $200 a month."),
    ("hi", "work", "Aapke account se proposal bhej do, budget 500 dollars hai, milestone pe payment hoga."),
    ("id", "work", "Login ke akun kamu di platform lalu terima kontraknya, 300 dolar sudah didanai."),
    ("it", "work", "Accedi al tuo account e accetta l'offerta, 400 € al mese come retainer per la manutenzione."),
    ("tl", "work", "Mag-login ka sa account mo at i-accept ang contract, $300 kada buwan ang retainer."),
    ("tr", "work", "Hesabını kullanarak teklifi kabul et, aylık 300 dolar bakım ücreti platform üzerinden."),
    ("pl", "work", "Zaloguj się na twoim koncie i zaakceptuj ofertę, 2000 zł miesięcznie przez platformę."),
    ("ar", "work", "سجل الدخول من حسابك واقبل العقد، 300 دولار شهريا عبر المنصة."),
    ("es", "sale", "Vendo plantillas de Notion en mi cuenta de Gumroad, 20 dólares con reseñas."),
    ("id", "sale", "Jual template desain di akun Etsy saya, 50 ribu per item, ulasan bagus."),
    ("tr", "sale", "Şablonları hesabımdan satıyorum, 10 dolar, yorumlar çok iyi."),
    ("ar", "sale", "أبيع قوالب التصميم من حسابي على المتجر، 20 دولار، تقييمات ممتازة."),
    ("pl", "sale", "Sprzedam szablony z mojego konta na Etsy, 40 zł, świetne opinie."),
    (
        "en",
        "proxy",
        "Please verify your identity with your own ID on the platform page before we start the $500 milestone.",
    ),
    ("hi", "proxy", "Platform pe apna ID verification khud kar lo, uske baad 500 dollars ka contract start karenge."),
    (
        "id",
        "proxy",
        "Verifikasi akun kamu sendiri pakai KTP kamu di halaman platform, lalu kita mulai proyek 300 dolar.",
    ),
    (
        "tl",
        "proxy",
        "I-verify mo muna ang sarili mong account gamit ang ID mo sa platform, tapos simulan natin ang "
        "$300 na project.",
    ),
    (
        "it",
        "proxy",
        "Verifica il tuo account con il tuo documento sulla piattaforma, poi partiamo con il progetto da 400 €.",
    ),
    ("pl", "proxy", "Zweryfikuj swoje konto twoim dowodem na stronie platformy, potem zaczynamy projekt za 2000 zł."),
    ("tr", "proxy", "Platformda kendi hesabını kimliğinle doğrula, sonra 300 dolarlık projeye başlarız."),
    ("ar", "proxy", "وثّق حسابك بهويتك على صفحة المنصة ثم نبدأ المشروع بقيمة 300 دولار."),
    (
        "en",
        "address",
        "Your address is needed for the invoice; the address verification of my company is done, $300 as agreed.",
    ),
    ("en", "stays", "You keep ownership of the account and the data; our agency fee is 10% per month of ad spend."),
    # a percentage that is an advance, an account that is a work tool or a settings page
    (
        "es",
        "advance-or-tool",
        "Puedes trabajar con tu cuenta de Figma; el anticipo es del 30 % y el resto al entregar.",
    ),
    ("pt", "advance-or-tool", "Pode trabalhar com a sua conta do GitHub, o adiantamento é de 50 % via plataforma."),
    (
        "fr",
        "advance-or-tool",
        "Tu peux travailler avec ton compte Canva, l'acompte de 30 % est versé par la plateforme.",
    ),
    (
        "es",
        "advance-or-tool",
        "Puedes trabajar desde tu cuenta de Google Ads, te pagamos el 10 % del presupuesto como comisión.",
    ),
    (
        "en",
        "advance-or-tool",
        "Work from your account settings page: 20% of users never finish onboarding, fix that flow.",
    ),
    (
        "it",
        "advance-or-tool",
        "Lavora sul tuo account GitHub, il 30% del compenso è anticipato tramite la piattaforma.",
    ),
    ("hi", "advance-or-tool", "Bhai tumhare account se kaam ka proposal bhejo, 20% advance milestone mein milega."),
    ("id", "advance-or-tool", "Kerja di akun kamu sendiri, 30% uang muka lewat platform."),
]


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    """The rule-based layers alone: the trained scam model (when installed) is switched off."""
    model = {i for i in Registry().ids if i == "scam.model"}
    return Screener(ScreenerConfig(disabled=frozenset(model)))


@pytest.mark.parametrize(("lang", "kind", "text"), POSITIVES, ids=[f"{p[0]}-{p[1]}" for p in POSITIVES])
def test_every_account_kind_fires_in_every_language(rules_screener: Screener, lang: str, kind: str, text: str) -> None:
    signals = rules_screener.screen(text).signals
    assert any(s.kind == kind and s.score >= 0.6 and s.detector.startswith("fraud.rules@") for s in signals), signals


@pytest.mark.parametrize(("lang", "what", "text"), BENIGN, ids=[f"{b[0]}-{b[1]}" for b in BENIGN])
def test_team_accounts_platform_checks_staging_logins_and_refusals_stay_silent(
    rules_screener: Screener, lang: str, what: str, text: str
) -> None:
    signals = rules_screener.screen(text).signals
    assert not [s for s in signals if s.family in {"scam", "account"} and s.score >= 0.6], signals
