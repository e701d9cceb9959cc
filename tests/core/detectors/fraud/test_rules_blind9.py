"""The causes of the blind9 round (scam side) as families of phrasings, end to end.

Every text was written for this test, none taken from an evaluation set or from a rule's fixtures: for each cause
the round found (work to start now and "fund it later" because the card is acting up or the pay is above market; a
suspended account and a new contract from another account in Dutch, Vietnamese, Ukrainian and German; a payout
"held" until the card is confirmed on a link; a cheque deposited, a part kept, the rest sent to a supplier; an
overpayment "te veel" or "chuyển nhầm"; ID photos of both sides and a selfie in Polish, Dutch, Vietnamese and
Ukrainian; a voice clip of name, city and "I agree"; an interview over "WA" with "HRD" or because "we can't talk
here"; a coding round on the worker's main machine; AnyDesk and its access code; an archive whose installer is "the
test environment"; an .apk and a bank log-in; customer money kept in part and passed on; parcels relabelled; a
balance to top up in USDT; equipment from "our supplier" paid back with the salary; licence and training fees
"credited back"; whole unpaid tests in Dutch, Polish, Turkish and Vietnamese) one or more wordings, and work talk
with the same words that must stay clean: a milestone funded before work starts, a checkout in a sandbox, a
payout held until a milestone is approved, an overpayment deducted from the next invoice, an ID card template, a
Codespace the company provides, a macro to review, a supplier the company pays, a paid one-page test, and the
articles, refusals and security policies that name scams ("writing about job scams", "I don't front costs", "we
never ask for your password").
The rule fixtures test each rule alone; these test the whole screener (rules, links, model, combine).
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    (
        "Logo and business card needed in two hours, paying $400 which is above market. "
        "Start right away and I'll fund it tonight."
    ),
    "Skip the milestone, start immediately and I'll pay manually later, my card problem should be fixed by then.",
    "Empieza ya, te pago luego, mi tarjeta está bloqueada hoy.",
    "Comece agora, pago depois, meu cartão deu problema.",
    "Fangen Sie sofort an, ich zahle später, meine Karte wird gerade abgelehnt.",
    "Inizia subito, pago dopo, la mia carta è bloccata.",
    "Hemen başla, sonra öderim, kartım bloke oldu.",
    "Mijn account is geblokkeerd vanwege een betaling, ik stuur een nieuw contract vanaf een ander account.",
    "Tài khoản của tôi bị khóa vì thanh toán, tôi sẽ gửi hợp đồng mới từ tài khoản khác.",
    "Мій акаунт заблокували через оплату, надішлю новий контракт з іншого акаунта.",
    "Mein Konto ist wegen eines Zahlungsproblems gesperrt, das neue Angebot kommt von einem anderen Konto.",
    "Uw uitbetaling staat in de wacht. Bevestig je bankpas via de link hieronder binnen 24 uur.",
    "Khoản rút tiền của bạn bị giữ, đăng nhập qua liên kết và xác nhận thông tin thẻ để nhận tiền.",
    "Ваша виплата утримано. Увійдіть за посиланням і підтвердіть дані картки.",
    "Ödemeniz bekletiliyor, kart bilgilerinizi doğrulamak için linke tıklayın, 24 saat içinde.",
    "O seu pagamento ficou retido, entre neste link e confirme os dados do cartão.",
    "Je krijgt een cheque van 2.000 euro, stort die op je rekening, houd 250 en stuur de rest naar onze leverancier.",
    "Chúng tôi gửi séc 1.500 USD, bạn nộp vào tài khoản, giữ 200 USD và chuyển phần còn lại cho nhà cung cấp.",
    "Отримаєте чек на 2000 доларів, внесіть його на рахунок, 300 залиште собі, решту переказуйте постачальнику.",
    "Sana 3.000 dolarlık çek yollayacağız, hesabına yatır, 400 dolar senin, kalanı tedarikçiye gönder.",
    "Ti arriva un assegno da 2.500 euro: versalo, tieni 300 e il resto giralo al fornitore.",
    "Oeps, we hebben per ongeluk 600 euro te veel overgemaakt, kun je het verschil terugstorten?",
    "Xin lỗi, chúng tôi chuyển nhầm 500 USD, bạn hoàn lại phần chênh lệch giúp nhé.",
    "Ми помилково переплатили 400 доларів, поверніть різницю на PayPal.",
    "Do rejestracji wyślij zdjęcie dowodu z obu stron i selfie z dowodem.",
    "Stuur een foto van je paspoort, voor- en achterkant, en een selfie met je paspoort.",
    "Bạn gửi ảnh CCCD hai mặt và selfie cầm CCCD để làm hợp đồng.",
    "Надішліть фото паспорта з обох сторін і селфі з паспортом.",
    (
        "For the voice-over trial, please record: "
        '"I\'m [your full name], I live in [your city], and I agree to the terms."'
    ),
    "Interviewnya lewat WA ya, hubungi HRD kami di nomor 0813-5555-1234.",
    "Here it's hard to talk here, so message our recruiter on WhatsApp for the interview today.",
    "Hier kunnen we niet goed praten, stuur onze recruiter een bericht op WhatsApp voor het interview.",
    "For the coding round, clone our repo, install the dependencies and start it locally; 30 minutes.",
    "Final interview step: run npm install and npm start on your main computer, not a VM.",
    "Встановіть AnyDesk і надішліть код доступу, наш адмін усе налаштує.",
    "Pobierz archiwum zadanie.rar, rozpakuj i uruchom program.exe, to zadanie testowe.",
    "Tải file app.apk về, cài vào rồi đăng nhập ngân hàng để nhận lương.",
    "Klantbetalingen komen op je rekening, houd 10% en maak de rest over naar de rekeningen die ik stuur.",
    "Tiền khách hàng sẽ vào tài khoản của bạn, giữ 10 phần trăm và chuyển phần còn lại cho chúng tôi.",
    "Müşteri ödemeleri hesabınıza gelir, yüzde 5'i sizin, kalanını verdiğim hesaplara aktarın.",
    "Отримуйте посилки, переклейте етикетки і відправте далі, 30 доларів за кожну посилку.",
    "Vui lòng nạp thêm 50 USDT để mở khóa nhiệm vụ tiếp theo và nhận hoa hồng.",
    "Je saldo is negatief, opwaarderen met 100 USDT om het volgende niveau te ontgrendelen, inclusief commissie.",
    "Поповніть баланс на 80 USDT, щоб розблокувати наступний рівень, комісія повернеться.",
    "Koop de laptop bij onze leverancier via deze link, je krijgt het terugbetaald met je eerste salaris.",
    "Придбайте ноутбук у нашого постачальника, вартість повернемо з першою виплатою.",
    "Ekipmanı tedarikçimizden satın almanız gerekiyor, ilk maaşınızla iade edilecek.",
    "Om te starten betaal je € 30 voor de licentie, die krijg je later terug.",
    "Per attivare il profilo serve pagare la licenza di 25 euro.",
    "Để bắt đầu nhận việc, bạn đóng phí đào tạo 300.000 đồng, hoàn lại sau đơn đầu tiên.",
    (
        "Your account is approved. To get your login, finish the training course for $45; "
        "it's credited back after 10 tasks."
    ),
    "Als test vragen we je de volledige website te bouwen, onbetaald.",
    "Jako próbę przygotuj kompletną stronę sklepu, test jest bezpłatny.",
    "Deneme olarak bütün blog yazılarını yazın, 20 yazı, ücretsiz.",
    "For your application, design our entire app in Figma; there is no compensation for submissions.",
    "Bài test là thiết kế toàn bộ website, không trả phí.",
]

BENIGN = [
    "I'll fund the milestone tomorrow morning; please don't start before it's funded, my card needed a new PIN.",
    "We can start today, the milestone is funded; my card issue last week is solved.",
    "Mijn betaling is geweigerd in de sandbox checkout; kun je de foutmelding van Stripe bekijken?",
    "Je uitbetaling staat in de wacht tot de klant de mijlpaal goedkeurt; dat zie je op het platform.",
    "We hebben per ongeluk te veel betaald; we trekken het af van de volgende factuur, je hoeft niets terug te sturen.",
    "Design an ID card template with front and back and a selfie placeholder for our HR app mockup.",
    "Ik heb mijn paspoort via de officiële app van het platform geverifieerd, niet via de chat.",
    "I need someone in the UK to verify my account with their passport and a selfie, £150.",
    "We can talk here on the platform; the interview is a video call on the site, no WhatsApp.",
    "For the coding round please use the Codespace we provide; clone and run npm start there, 30 minutes.",
    "Our CI pipeline builds setup.exe into release.zip; the build fails on the signing step.",
    "Can you review the macro in the .xlsm I uploaded to the contract files? It rounds the totals wrong.",
    "Our staking dashboard shows the USDT commission per level; please design the unlock animation.",
    "Our supplier ships the monitor to you and we pay the supplier directly, nothing to buy.",
    "We reimburse the Adobe licence you already own; send the receipt with the invoice.",
    "The course on our platform costs $45 for students; build the checkout page and the refund flow.",
    "The paid test is one page, $50; the full website comes after that.",
    "Onbetaald? Nee, de proefopdracht van één pagina wordt betaald, €60.",
    "I'm a journalist writing about job scams that ask for deposits; looking for five interviewees.",
    "Write a blog post: 7 scams new freelancers meet, from fake checks to Telegram interviews.",
    "You want me to buy the plugin from your vendor first? I don't front costs; please fund it as a milestone.",
    "Our security policy: we never ask for your password or 2FA code, please read it before onboarding.",
    (
        "A so-called client wrote: run npm install on your main machine for the interview. "
        "Smells like a scam to me, I didn't run it."
    ),
]


test_each_phrasing_of_a_blind9_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
