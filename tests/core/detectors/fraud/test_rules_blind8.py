"""The causes of the blind8 round (scam side) as families of phrasings, end to end.

Every text was written for this test, none taken from an evaluation set or from a rule's fixtures: for each cause
the round found (a "recruiter" who sends the candidate to a messenger handle where "the role and pay will be
explained", a company that "does not use this site's chat", an interview on the personal edition of Skype or Teams,
equipment bought from "the shop we partner with" and paid back with the salary, a bond "returned at the end", a card
"issue" and a second account, ID photos front and back with a selfie in Turkish, Italian, Arabic and Indonesian, a
voice clip of name, town and "yes", money through an e-wallet or PayPal passed on in crypto, parcels relabelled and
paid per parcel, an overpayment "a mais" or "zu viel", a QR code to scan for a payout, an installer that needs admin
rights, whole tests that "are not paid" in French, Italian and Spanish) one or more wordings, and work talk with the
same words that must stay clean: security work that names look-alike domains and punycode, a malicious .docm to
analyse in a sandbox, a macro that IS the job, reports and warnings ("ni-report ko na", "a friend of mine lost",
"Reporting:"), a partner store the company pays itself, a bond market report.
The rule fixtures test each rule alone; these test the whole screener (rules, links, model, combine).
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    (
        "Hi again! We run candidate screening over on Telegram. Look us up, "
        "username is @careers_delta, and the role and pay rate get explained there."
    ),
    (
        "Text me on WhatsApp (+1 305 555 0148) and I'll add you to the "
        "team group; the weekly pay and tasks are explained over there."
    ),
    "Cerca su Telegram l'utente @selezione_it e scrivi 'pronto': lì ti spieghiamo il ruolo e lo stipendio.",
    "Our agency doesn't use this site's chat for hiring, so please contact our HR on WhatsApp at +44 7700 900456.",
    "This inbox is slow, our recruiter will continue the interview on Telegram: @recruit_anna.",
    (
        "Please install Skype, the personal version not the business "
        "one, and add onboarding.team77@hotmail.com for the interview."
    ),
    (
        "You'll need to buy the webcam from the store we partner "
        "with; just pay them and finance pays it back with your salary."
    ),
    "Compra el portátil en la tienda asociada y te lo reembolsamos con tu sueldo del primer mes.",
    "Before we release the project we require a performance bond of $90, returned at the end of the contract.",
    "İşe başlamadan önce 50 USDT depozito yatırmanız gerekiyor, ilk maaşla iade edilir.",
    "Paying $400 for a tiny fix, accept quickly. If the payment fails I have other cards, no worries.",
    "There's an issue with my card so I'll send the contract from my second account, just accept it.",
    "Kartım reddedildi, sözleşmeyi arkadaşımın hesabından tekrar göndereceğim.",
    "Minha conta foi bloqueada por causa do cartão, vou abrir outra conta e te contratar de novo.",
    "For payroll we need your SSN and a photo of your driver license, please send them today.",
    (
        "Per il registro paghe servono foto fronte e retro della "
        "carta d'identità e un selfie con il documento, inviale qui."
    ),
    "لإتمام التسجيل نحتاج صورة الهوية من الأمام والخلف وصورة شخصية، أرسلها هنا.",
    "Untuk pendaftaran gaji kami perlu foto KTP depan dan belakang serta selfie sambil memegang KTP, kirim di sini.",
    "For the narration gig send a voice note: say your full name and the town you live in, then answer yes at the end.",
    "Simple lang: papasok ang pera sa GCash mo, i-withdraw mo tapos send mo sa wallet namin, sa iyo na ang 8%.",
    "You'll receive client payments on your PayPal and send them to our main account in crypto, weekly bonus included.",
    "تستقبل الأموال على حسابك البنكي وتحول الباقي إلى محفظتنا بعد أن تأخذ 5%.",
    "Recibes cajas en casa, cambias las etiquetas por las nuestras y las reenvías. 20 dólares por caja.",
    "Odbierasz paczki w domu, przepakować i nadać z naszymi etykietami, 100 zł za paczkę.",
    "Ops, o pagamento foi a mais, mandei R$ 3.000 em vez de R$ 1.000. Devolve a diferença no Pix?",
    "Wir haben versehentlich 800 € zu viel bezahlt, bitte den Differenzbetrag per PayPal zurückschicken.",
    "Чтобы получить выплату, отсканируйте этот QR-код в банковском приложении и подтвердите.",
    "Rozpakuj archiwum i uruchom installer.exe, potrzebne są uprawnienia administratora do naszego trackera.",
    "As the final evaluation step, pull the project and run npm start locally, it takes 15 minutes.",
    "Comme test, réalisez le site complet en WordPress. Pas de rémunération pour les tests, désolé.",
    "Come prova traduci tutto il manuale di 30 pagine, non pago le prove.",
    "Como prueba escribe cinco artículos completos; no se pagan, pero hay trabajo fijo después.",
    "Quick note: your secure workspace costs $30 to activate, after paying you'll get the first tasks.",
    "Cerco un assistente personale per un manager sempre in viaggio, 700€ a settimana, gestione pagamenti. Scrivimi.",
]

BENIGN = [
    "We need a browser plugin that warns about punycode and homoglyph domains such as xn--pypal-4ve.com in emails.",
    "Cerchiamo uno sviluppatore per un URL checker che segnali domini simili come paypa1.com.",
    "Build a typosquatting monitor: alert us when someone registers paypa1.com or upw0rk.net.",
    "Necesito analizar un adjunto .docm malicioso en un sandbox y escribir el informe.",
    "I'll send the .xlsm template; please build the macro that fills the invoice sheet.",
    "Ni-report ko na yung nag-message sa akin na mag-deposit daw ng tseke, ingat kayo.",
    "A guy on here wanted me to run a repo with npm install for a 'test'; ran it in a VM, it was stealing cookies.",
    "A friend of mine lost $200 to a fake equipment vendor, so I'm careful. Your job looks fine, a few questions.",
    "Reporting: someone sent a QR code and said scan it to get paid. The platform pays me, so no.",
    "Ping me here on the platform when the test is done, the pay rate is in the contract.",
    "The site's chat is slow today; no worries, let's keep the interview here.",
    "I use the personal Skype for family calls; our interview stays on the platform's video call.",
    "Our partner store ships the laptop to you directly and we pay the store, you don't buy anything.",
    "The bond market analysis dashboard needs a chart of the $120 coupon payments we require.",
    "My card had an issue last week but it's fixed; the milestone is funded on this contract.",
    "Per la verifica della piattaforma carica la carta d'identità nell'app ufficiale, non inviarla a nessuno in chat.",
    (
        "Please record a voice-over of the script: our product's "
        "full name and the town where it's made, then say the slogan."
    ),
    "Receive the client's feedback on your PayPal integration and send them the fixed build via the repo.",
    "Zaprojektuj nowe etykiety na paczki dla naszego sklepu, płacimy 100 zł za projekt.",
    "Ops, a fatura saiu errada, mandei R$ 300 a mais? Não, não, está certo, pode ignorar.",
    "The QR code on the poster opens our menu, the customer scans it at the table.",
    "Cerco un assistente personale per l'agenda del direttore, colloquio la settimana prossima, 1.800€ al mese.",
]


test_each_phrasing_of_a_blind8_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
