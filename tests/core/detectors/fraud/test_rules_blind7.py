"""The causes of the blind7 round (scam family) as families of phrasings, end to end.

Every text was written for this test, none taken from an evaluation set or from a rule's fixtures: for each
cause the round found (an ID and a bank card photographed and e-mailed, a fee paid to a "screening partner"
before the offer, an interview by chat "with no video", a card that fails and a new contract or account, a
"prepaid order" paid back "capital + commission", a deposit "to show commitment", an account opened in the
worker's name for customer payments, an unpaid whole "trial", a QR code to pay a release fee, a voice clip of
name, birth date and "yes, I agree", an interview test run with sudo on the worker's own machine, ...) several
wordings in English and in the pack's other languages, and work talk with the same words that must stay clean.
The rule fixtures test each rule alone; these test the whole screener (rules, links, model, combine).
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    # indirect wordings, written after the first fixes to test that each family, not one sentence, is covered
    ("HR needs to see your passport and the bank card your salary goes to, both faces, sent over email today."),
    (
        "Kindly forward clear photos of your national ID and of the card you'll be paid on, front "
        "and back side, by mail."
    ),
    ("There's a one-time vetting charge of $29 that goes to our background-check vendor before the offer letter."),
    "Screening costs $40; please settle it with our verification partner so I can release the offer.",
    "We hold interviews in writing on Telegram, no call needed. Message our talent lead to begin.",
    "The recruiter only does chat interviews, no camera, on WhatsApp; text him now.",
    (
        "Our process: every candidate talks to Mr. Reed on WhatsApp first, he's waiting. Please "
        "don't answer on this site."
    ),
    "My bank blocked the payment again, I'll send you a new contract from my brother's account.",
    "Card declined again, ugh. I'll set up another client account and rehire you, I'll pay extra.",
    (
        "The platform froze my payment method, so I'm starting a new account; accept the offer "
        "there and I'll pay double."
    ),
    (
        "Your tutor will guide you; the current order is prepaid at $250, once done the app "
        "refunds your capital plus commission."
    ),
    ("You're on order 38 of 40; the last two are a premium bundle needing 300 USDT, then you withdraw everything."),
    ("We ask every new assistant for a refundable deposit of $75 to show you're committed; it's returned on payday."),
    (
        "Open a checking account under your own name for our clients' payments, then send the "
        "funds on to the accounts we list."
    ),
    ("Customers will pay you directly; you keep 7 percent and transfer the remainder to our supplier the same day."),
    "As your trial, produce the complete set of 10 blog posts this week; trials are not compensated.",
    "Please write the full e-book chapter as a test; we don't pay for tests.",
    "To unlock your payout, scan the QR code with your banking app and confirm the small fee.",
    "For verification, send a voice note saying your full name, date of birth, and the words 'I agree'.",
    "As part of the interview, pull our project and run the install script as root on your own machine.",
    "We paid you twice by mistake, please send back the extra $600 via Zelle.",
    "The job description is in a password-protected zip; sign in with your Outlook account to unlock it.",
    (
        "We do our own vetting: photograph your passport and both sides of your debit card and "
        "send them to onboarding.kt@gmail.com."
    ),
    (
        "Please email a scan of your driver's license plus a photo of your credit card, front and "
        "back, to our hiring inbox."
    ),
    "Quick KYC step: snap your ID and the card you get paid on (both sides) and email them to me.",
    "Before we can extend the offer, you need a background screening; it's $35, paid to our vetting partner.",
    ("Our client insists on a credit check. The $20 has to be paid via our screening company before onboarding."),
    "A drug test is required before hiring, $45, you pay it through the clinic link I send.",
    ("You must pass the certification exam before the contract; the exam costs $60, payable to our training partner."),
    "The interview is a chat on Skype, no camera needed. Add our hiring desk and say you're ready.",
    (
        "We'll do the interview over Teams messages only, no video required, so install Teams and "
        "search for our recruiter."
    ),
    "Interview format: text only, on Signal. Download Signal and message our HR coordinator.",
    (
        "Every applicant is vetted by our director over WhatsApp first. His number is 555-0101. "
        "Don't reply here anymore."
    ),
    "Candidates are screened by Ms. Clark on Telegram before we send contracts; message her at @clark_hr.",
    ("Paying $200 for a tiny banner, start right away. If my card gets declined I'll just make a new contract."),
    "My card keeps failing here, so I'll hire you again from another account and double your pay.",
    "The payment bounced, I'm opening a fresh client account, accept the new offer and I'll pay you twice.",
    "My previous account was suspended over a billing problem, I made a new one, let's continue from here.",
    (
        "Your coach will walk you through the app. Today's prepaid order is $280; finish it and "
        "the system pays back principal + commission."
    ),
    (
        "This is a premium order, you need to prepay 150 USDT and you will get the capital and "
        "commission back right away."
    ),
    "Your mentor says the lucky order needs a $400 top-up, then you get everything back with 5x commission.",
    "To show commitment we require a deposit of 60 USDT, fully refunded with your first salary.",
    "As proof of commitment send a $50 deposit; it's returned with your first paycheck.",
    "There's a refundable security deposit of 30 USDT before you get your first task.",
    (
        "As our local representative you'll open a bank account in your name; customer payments "
        "arrive there and you forward them to the accounts I give you."
    ),
    "Clients will pay into your account, you keep 8% and wire the rest to our supplier within an hour.",
    ("You'll receive transfers from our customers and pass them on to our partners each day, keeping a 5% fee."),
    "For the trial, write the full 3,000-word guide by Friday. The trial is unpaid, that's standard.",
    "As a test, design all 12 social posts for the campaign. No payment for the test, sorry, company policy.",
    "Please translate the whole 20-page manual as your trial; trials aren't paid here.",
    "Scan this QR code to pay the small activation fee and your contract will unlock.",
    "To release your earnings, scan the QR code and pay the processing fee.",
    (
        "For the voice project, record your full name, your birth date and then say 'yes, I "
        "agree'. Send the recording here."
    ),
    ("Voice sample: state your legal name and hometown, then answer 'yes' three times. Send it as a voice note."),
    ("For the coding test, clone our repo and run npm install on your own computer, not in Docker; 30 minutes."),
    "Technical interview: run setup.sh with sudo on your machine and tell me what breaks.",
    "We accidentally paid you $1,200 instead of $200. Please return the difference by Zelle today.",
    "Our accountant sent you too much by mistake, kindly wire back the extra $900.",
    "The brief is in the zip; sign in with your Google account to open it.",
    "The project files are protected, log in with your Microsoft email to view the document link.",
    "Il tuo pagamento è in sospeso: scansiona il codice QR per confermare l'identità e sbloccare i fondi.",
    "Ödemeniz beklemede. QR kodu okutarak kimliğinizi doğrulayın ve paranızı alın.",
    "Pembayaran Anda ditahan, pindai kode QR ini untuk verifikasi dan cairkan dana.",
    "Wypłata zablokowana: zeskanuj kod QR i opłać prowizję, żeby odblokować środki.",
    "Votre compte sera suspendu dans 24 heures, confirmez votre carte via le lien.",
    "تنبيه: سيتم إغلاق حسابك خلال 24 ساعة، يرجى تأكيد بطاقتك عبر الرابط.",
    "Hesabınız 24 saat içinde kapatılacak, kartınızı bu linkten doğrulayın.",
    "Il file è in brief.zip, per aprirlo accedi con il tuo account Google.",
    "Plik z briefem jest w archiwum projekt.zip, zaloguj się kontem Google, żeby go otworzyć.",
    "Dokumen ada di file brief.zip, untuk membukanya login dengan akun Google Anda.",
    "Kirim nama ibu kandung, tanggal lahir dan kode OTP yang masuk ke HP kamu untuk verifikasi gaji.",
    "Ipadala mo ang username at password ng online banking mo para sa payroll.",
    "أرسل صورة الهوية من الجهتين وسيلفي وبيانات الدخول إلى حسابك البنكي.",
    "Mi servono la foto della carta d'identità e le credenziali dell'home banking per il pagamento.",
    "Per sbloccare il profilo serve una cauzione di 40 euro, restituita dopo il primo progetto.",
    "Aby zacząć, wpłać kaucję 150 zł, zwrócimy ją z pierwszą wypłatą.",
    "İşe başlamak için 20 dolarlık sertifika ücretini ödemeniz gerekiyor.",
    "Sebelum kontrak, ada pemeriksaan latar belakang, biaya Rp 300.000, harus dibayar ke mitra kami.",
    "Płatność znowu nie przeszła, wyślę ci zlecenie z nowego konta, zapłacę podwójnie.",
    "Pagamento dalla mia carta rifiutato, ti mando un nuovo contratto da un altro account.",
    "Mera card decline ho gaya, naya account bana ke contract bhejta hoon, double payment dunga.",
    "Tinanggihan ang card ko, gagawa ako ng bagong account para sa contract, doble ang bayad.",
    "Bugün şanslı siparişin var, 300 USDT yüklemen lazım, sonra komisyonla geri alırsın.",
    "Покупаете USDT и переводите на кошелёк проекта, вечером получаете в три раза больше.",
    "Riceverai bonifici dai nostri clienti sul tuo conto, trattieni il 10% e inoltra il resto.",
    "Przelewy od klientów przyjdą na twoje konto, zatrzymaj 10% i przelej resztę na konto, które podam.",
    ("Riceverai pacchi con telefoni a casa, cambia le etichette con le nostre e rispediscili. 30 euro a pacco."),
    "Paczki z telefonami przyjdą do ciebie, zmień etykiety na nasze i nadaj je dalej. 50 zł za paczkę.",
    "Il software si compra solo dal nostro rivenditore, 200 €, te lo rimborsiamo con la prima fattura.",
    ("Commandez l'ordinateur sur le site de notre partenaire, la comptabilité vous rembourse à la fin du mois."),
    "Abbiamo pagato per errore 3.000 € invece di 300 €. Restituisci la differenza oggi con bonifico.",
    "Przez pomyłkę przelaliśmy za dużo, 2000 zł. Zwróć różnicę na to konto.",
    "Yanlışlıkla fazla ödeme yaptık, farkı bugün geri gönderin.",
    "Per il test traduci tutto il documento di 15 pagine entro domani, il test non è retribuito.",
    'Para la prueba de voz graba tu nombre completo y di "sí, acepto" al final.',
    "Pour l'entretien technique, lancez npm install avec sudo sur votre ordinateur.",
    "Mülakat dosyası ekte: Teklif.docm, açınca İçeriği Etkinleştir'e tıklayın.",
    "Il colloquio si fa per chat su Teams, senza video: scarica l'app e cerca il nostro recruiter.",
]

BENIGN = [
    # the worker buys a licence or stock photo for the client and bills it (a blind6 leftover of fee.pay_to_start)
    "I pay for the font license with my own account, $25, and bill you later.",
    "HR needs a copy of your signed contract, sent over email today; no ID or bank details please.",
    "Our background check provider is free for candidates; we cover the $40 fee.",
    "We hold interviews by video on the platform; no Telegram or WhatsApp.",
    "The client's card was declined, so the milestone is pending; the platform will notify you.",
    (
        "Please order the monitor from Amazon; we reimburse via the platform expense milestone "
        "after you upload the receipt."
    ),
    "Customers pay into our Stripe account and we pay you monthly through the platform.",
    "The paid trial is a 300-word sample at your normal rate.",
    "Our app lets users scan a QR code to tip the barista; please fix the crash on Android.",
    "Voice-over brief: read the script in a warm tone; no personal details needed.",
    "For the interview we'll pair program in a shared cloud environment; nothing to install locally.",
    (
        "Invoice #44 was paid twice by our accountant; I've asked platform support to reverse one, "
        "nothing needed from you."
    ),
    "The zip contains the fonts and the logo; it's not password protected.",
    'Can you write an article titled "How to spot a fake recruiter on Telegram"?',
    "I won't share my bank login with anyone, sorry; please pay through the platform.",
    "Before we can extend the offer, we'll run a background check at no cost to you; the company pays it.",
    "I passed a background check last year; my rate is $45 an hour.",
    "Our interview is a video call on the platform, no need to install anything.",
    "Daily stand-up on Teams, no video needed, just post your update in the channel.",
    "If the payment fails, the platform retries it automatically; no action needed from you.",
    "My card was declined on your checkout page in test mode, can you check the Stripe logs?",
    "To show commitment I'll fund the first milestone of $500 in escrow today.",
    ("We overpaid you by $40 last sprint; we'll deduct it from the next invoice, no need to send anything back."),
    "For the trial, write one short paragraph, 15 minutes max; it's paid at your hourly rate.",
    "Clone the repo and run npm install, then open localhost:3000 to see the dashboard we built.",
    "Please run npm install on your laptop and then start the dev server, the README has details.",
    "The QR code on the flyer lets customers scan and pay at the register.",
    "Voice sample for the audiobook: read the first page of chapter two.",
    "The zip has the brand assets; no login needed, just unzip it.",
    "Customers pay into our account and our accountant forwards supplier invoices each week.",
    "I reported a job post that asked for a $40 training fee; support removed it.",
    "Thanks, but I'm not going to pay any registration fee. Let's use platform milestones.",
    "We don't use WhatsApp for interviews; our recruiter will message you here.",
    'Write a blog post: "Seven signs a remote job is a scam" covering fees and fake checks.',
    "Sending my bank password isn't something I'd ever do; the platform pays me directly.",
    "Our HR team screens all candidates through the platform's video call.",
    "Please email a scan of the signed NDA to legal@ourfirm.com; no ID needed.",
    "The parcel service puts new labels on each parcel at the depot; we pay $4 per parcel for shipping.",
    "Il cliente scansiona il QR code alla cassa per pagare (checkout del negozio).",
    "Potwierdź swoją kartę w aplikacji sklepu, aby klienci widzieli poprawną cenę.",
    "Non condividere mai le credenziali dell'home banking con nessuno.",
    "La cauzione dell'appartamento l'ha pagata l'azienda, non devi fare nulla.",
    "Kartu pelanggan ditolak di halaman checkout sandbox, tolong cek log Stripe.",
    "Abbiamo pagato per errore 100 € in più, lo scaliamo dalla prossima fattura, non devi restituire nulla.",
    "Per il colloquio faremo una videochiamata sulla piattaforma.",
    "Le logiciel est fourni par notre partenaire et déjà payé par la société.",
    "Il pacchetto con le nuove etichette per il negozio è pronto, design approvato.",
    "Kod QR na ulotce prowadzi do menu restauracji.",
]


test_each_phrasing_of_a_blind7_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
