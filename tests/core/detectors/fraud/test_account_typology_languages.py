"""Account offers by typology x language (acct10 round, `accounts_languages.yaml`), phrased after the rules.

The round wrote its rules from taxonomy section 3 per typology (renting, working the other's account for a split,
buying an aged account, a document lent for the check, a payout pointed at the sender's bank) and then these new
phrasings to check them: each must raise an account signal with the rules alone. The look-alikes are the everyday
talk that shares their words in the same languages (an office or a car rented and paid from "the company account",
one's own payout method, the platform's own check, refusals told afterwards); none may raise one.
"""

from __future__ import annotations

import pytest

from fraud_dev_sets import rules_only_screener
from marketguard import Screener

OFFERS: list[str] = [
    "Can I rent your freelancer login for the summer? $300 monthly, you won't even notice.",
    "Alquílame tu perfil verificado unos meses y te paso 250 al mes.",
    "Quero alugar seu perfil por três meses, pago adiantado.",
    "Tu me loues ton profil Upwork ? 200 euros chaque mois.",
    "Vermiete mir dein Profil, ich zahle monatlich 300 Euro.",
    "Mi affitti il tuo account per qualche mese? 200 euro al mese.",
    "Дай свой профиль в аренду на пару месяцев, заплачу 250.",
    "Здай мені свій профіль в оренду, 200 доларів щомісяця.",
    "Wynajmiesz mi swój profil? 800 zł co miesiąc.",
    "Profilini kiralamak istiyorum, ayda 200 dolar.",
    "Boleh aku sewa profil kamu? 1,5 juta sebulan.",
    "Pwede ko bang rentahan ang account mo? 5k kada buwan.",
    "Cho mình thuê lại tài khoản nhé, 5 triệu một tháng.",
    "Aapka profile rent pe milega? 15k har mahine.",
    "मुझे अपना प्रोफाइल अकाउंट किराये पर दो, हर महीने 10 हज़ार।",
    "أريد تأجير حسابك لمدة شهرين، أدفع 200 دولار.",
    "اپنا اکاؤنٹ کرایہ پر دو، ہر مہینے 20 ہزار دوں گا۔",
    "তোমার অ্যাকাউন্টটা কয়েক মাসের জন্য ভাড়া দেবে? মাসে ১০ হাজার।",
    "Mag ik je account een paar maanden huren? 250 euro per maand.",
    "把你的账号租给我三个月，每月一千。",
    "Naomba kukodi akaunti yako kwa miezi miwili, dola 150 kila mwezi.",
    "Boleh saya sewa akaun awak tiga bulan? RM500 sebulan.",
    "Vreau să închiriez contul tău două luni, 1000 lei pe lună.",
    "I'll work from your Fiverr account and we split the profit, just keep TeamViewer open.",
    "Trabajo yo con tu perfil y nos repartimos las ganancias, me das acceso por AnyDesk.",
    "Eu trabalho pela sua conta e dividimos o lucro meio a meio.",
    "Je travaille sur ton compte et on partage les gains, il me faut juste AnyDesk.",
    "Я буду работать с твоего аккаунта, прибыль делим 50/50.",
    "Я працюю з твого акаунта, прибуток ділимо навпіл.",
    "Aku kerja pakai akunmu, hasilnya bagi dua.",
    "Mình làm việc trên tài khoản của bạn, thu nhập chia đôi nhé.",
    "Buying aged Upwork accounts with Top Rated badge, up to $2,000.",
    "Compro tu cuenta antigua con reseñas, te pago 500 y me pasas la contraseña.",
    "Compro sua conta antiga com avaliações.",
    "Je rachète ton compte ancien avec avis, 500 euros.",
    "Ich kaufe dein altes Konto mit Bewertungen, 400 Euro.",
    "Куплю твой старый аккаунт с отзывами, 500 долларов.",
    "Kupię twoje stare konto z opiniami, 1500 zł.",
    "Eski hesabını satın alırım, yorumlu olsun.",
    "Beli akun lama kamu yang ada review, 3 juta.",
    "Mua lại tài khoản cũ có đánh giá của bạn, 10 triệu.",
    "Tera purana account kharidna hai reviews wala.",
    "أشتري حسابك القديم مع التقييمات.",
    "Ik koop je oude account met reviews.",
    "收购你的老账号，带好评的。",
    "Cumpăr contul tău vechi cu recenzii.",
    "Verify my account with your passport, I'll pay $150.",
    "Preciso que você verifique minha conta com seu documento, pago 200 reais.",
    "Peux-tu vérifier mon compte avec ta pièce d'identité ? 100 euros.",
    "Kannst du mit deinem Ausweis meinen Account verifizieren? 80 Euro.",
    "Puoi verificare il mio account con il tuo documento? Ti do 100 euro.",
    "Пройди верификацию моего аккаунта со своим паспортом, заплачу 100.",
    "Пройди верифікацію мого акаунта зі своїм паспортом, заплачу 100.",
    "Zweryfikuj moje konto swoim dowodem, zapłacę 200 zł.",
    "Hesabımı kendi kimliğinle doğrular mısın? 100 dolar.",
    "Bisa verifikasi akun saya pakai KTP kamu? Dibayar 300 ribu.",
    "Pwede mo bang i-verify ang account ko gamit ang ID mo? May bayad.",
    "Bạn xác minh tài khoản của mình bằng CCCD của bạn được không? Trả 500 nghìn.",
    "Mere account ka verification apni ID se kar do, 2k dunga.",
    "هل يمكنك توثيق حسابي بهويتك؟ سأدفع 100 دولار.",
    "Kun je mijn account verifiëren met jouw ID? 100 euro.",
    "用你的身份证帮我的账号做实名认证，给你300元。",
    "Unaweza kuthibitisha akaunti yangu kwa kitambulisho chako? Nitakulipa.",
    "Poți verifica contul meu cu buletinul tău? Îți dau 200 lei.",
    "Change your payout method to my Wise and I'll send you 30% every week.",
    "Cambia el método de retiro de tu cuenta a mi PayPal y te paso tu parte.",
    "Troca a forma de saque da sua conta para minha conta bancária.",
    "Ganti metode penarikan akunmu ke rekening saya ya.",
    "Palitan mo yung withdrawal method ng account mo sa GCash ko.",
]

LOOK_ALIKES: list[str] = [
    "I rent a studio for the shoot; my account on the booking site has the invoice.",
    "Could you rent the camera gear on your account at the shop? I'll reimburse via the milestone.",
    "Alquilo un coche para ir al rodaje, mi cuenta de la empresa paga.",
    "Aluguei um escritório novo, minha conta bancária continua a mesma.",
    "Je loue une salle de réunion, mon compte pro paiera.",
    "Ich miete einen Transporter für den Umzug, mein Konto ist belastet.",
    "Affitto una sala per il workshop, il mio account aziendale paga.",
    "Арендую офис, аккаунт компании оплатит.",
    "Wynajmuję biuro, konto firmowe zapłaci.",
    "Ofis kiraladım, şirket hesabından ödenecek.",
    "Saya sewa studio buat foto, akun kantor yang bayar.",
    "Nagrenta ako ng studio, babayaran ng company account.",
    "Mình thuê văn phòng mới, tài khoản công ty thanh toán.",
    "Maine office rent pe liya hai, company account se payment hoga.",
    "استأجرت مكتبا جديدا والدفع من حساب الشركة.",
    "ہم نے دفتر کرائے پر لیا ہے، کمپنی کے اکاؤنٹ سے ادائیگی ہوگی۔",
    "আমরা অফিস ভাড়া নিয়েছি, কোম্পানির অ্যাকাউন্ট থেকে পেমেন্ট হবে।",
    "We huren een studio, het bedrijfsaccount betaalt.",
    "我们租了一个办公室，公司账户付款。",
    "Tumekodi ofisi mpya, akaunti ya kampuni italipa.",
    "Kami sewa pejabat baru, akaun syarikat akan bayar.",
    "Am închiriat un birou, contul firmei plătește.",
    "Build a rental marketplace where owners list a flat and renters create an account.",
    "I work on your account settings page today, the split view of the dashboard is done.",
    "Trabajo en tu cuenta de Shopify para arreglar la página de pago, como dice el contrato.",
    "Je travaille sur ton compte Google Ads pour la campagne, on partage le rapport demain.",
    "Ich arbeite an deinem Shopify-Konto, den Bericht teilen wir am Freitag.",
    "I'll work on your Instagram account's content calendar; we split the posts into reels and stories.",
    "Buy the stock photos with your account and add them to the invoice.",
    "We bought an old domain with good backlinks for your account's SEO.",
    "Compramos una plantilla con buenas reseñas para tu cuenta de Shopify.",
    "I'd like to buy your old MacBook, is the password still on it?",
    "Kupię stary laptop, konto Windows wyczyszczone.",
    "Please verify your account with your passport in the platform settings, it's required.",
    "We need someone to build the KYC page where users verify their account with an ID and selfie.",
    "Upwork asked me to verify my account with my passport, done.",
    "Our client needs a selfie verification screen for their account app.",
    "Verifica tu cuenta con tu documento en la plataforma, es obligatorio para cobrar.",
    "Zweryfikuj swoje konto dowodem w ustawieniach platformy.",
    "I changed my withdrawal method to my new Wise account.",
    "Cambié mi método de retiro a mi nueva cuenta bancaria.",
    "Ganti metode penarikan akun saya ke rekening baru saya.",
    "What withdrawal method do you use? I set my Payoneer last week.",
    "Someone asked me to rent my account for $500 a month. I refused and reported him.",
    "Мне предлагали купить мой аккаунт, я отказался.",
    "Ktoś chciał wynająć moje konto, odmówiłem i zgłosiłem.",
    "Biri hesabımı kiralamak istedi, kabul etmedim.",
    "Ada yang mau sewa akun saya, saya tolak.",
    "May gustong bumili ng account ko, hindi ko binenta.",
    "Có người muốn thuê tài khoản của mình, mình đã từ chối.",
    "Kisi ne mera account kharidna chaha, maine mana kar diya.",
    "عرض علي شخص استئجار حسابي، رفضت.",
    "Iemand wilde mijn account huren, ik heb geweigerd.",
    "有人想租我的账号，我拒绝了。",
    "Mtu alitaka kukodi akaunti yangu, nilikataa.",
    "Cineva a vrut să-mi închirieze contul, am refuzat.",
    "Can I add a second user to my agency account to handle proposals?",
    "Do you have a team account on Notion so I can share the docs?",
    "We share one ChatGPT Team account across the studio; I'll add your email.",
    "We offer a profile review service for freelancers: headline, rate and portfolio.",
    "Please don't send me your password; add me as a collaborator on the repo.",
]


@pytest.fixture(scope="module")
def rules_screener() -> Screener:
    return rules_only_screener()


@pytest.mark.parametrize("text", OFFERS)
def test_every_offer_gets_an_account_signal(rules_screener: Screener, text: str) -> None:
    signals = rules_screener.screen(text).signals
    assert any(s.family == "account" and s.score >= 0.6 for s in signals), signals


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_no_look_alike_gets_an_account_signal(rules_screener: Screener, text: str) -> None:
    signals = rules_screener.screen(text).signals
    assert not [s for s in signals if s.family == "account" and s.score >= 0.6], signals
