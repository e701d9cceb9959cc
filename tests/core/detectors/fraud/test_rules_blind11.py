"""The causes of the blind11 round (scam side) as families of phrasings, end to end.

Every text was written for this test after the round's fixes, none taken from an evaluation set, from
`messages.dev11.jsonl` or from a rule's fixtures, and screened once before any change for it (21/22 scams named,
0/16 look-alikes flagged; the miss, "جواز سفرك" -- "your passport" with the possessive suffix -- then joined the
identity rule's document words). For each cause the round found in blind11 (a combo order whose difference is to be
deposited, a VIP level unlocked by a top-up, a fee to activate a worker ID, a mandatory priced course with no pay
verb, a cheque "$1,900 over", a cheque cashed to pay "our supplier" in Ukrainian, Polish or Arabic, an ID front and
back with a selfie in Romanian, Tagalog-English or Arabic, voice samples with one's name and "yes, I agree", "npm
install" for a timed test in Polish, Russian or Vietnamese, parcels relabelled in Ukrainian, interviews "on Signal",
a contract signed on an outside page with one's marketplace password) one wording, and work talk with the same
words that must stay clean. The rule fixtures test each rule alone; these test the whole screener.
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    "Bạn trúng đơn combo thứ 3, tài khoản âm 210 USDT; nạp bù rồi rút cả vốn lẫn hoa hồng.",
    "Selamat, ada pesanan kombo! Setor kekurangannya dulu, setelah itu komisi dan modal bisa ditarik.",
    "Hai ricevuto un ordine combo: deposita la differenza in USDT, poi ritiri tutto con la commissione.",
    "VIP level 3 opens after a 150 USDT top-up; the rating tasks there pay triple commission.",
    "Um Aufträge zu bekommen, fällt für die Aktivierung Ihres Mitarbeiterausweises eine Gebühr von 19 € an.",
    "Żeby aktywować ID pracownika, wpłać 49 zł opłaty aktywacyjnej na nasze konto.",
    "Antes de comenzar hay un curso obligatorio de 35 dólares, luego recibes pedidos sin límite.",
    "Для активации ID сотрудника переведите 700 рублей, вернём с первой выплатой.",
    "The cheque our accountant posted is $1,900 over. Please send the difference back by Zelle this afternoon.",
    "Отримаєте чек на 2400 $; обготівкуйте його й купіть у нашого постачальника ноутбук.",
    "Prześlemy czek, zrealizuj go i zapłać naszemu dostawcy za monitor i słuchawki.",
    "سنرسل شيكا بقيمة 2800 دولار، اصرفه ثم ادفع للمورد ثمن المعدات.",
    "Pentru salariu avem nevoie de buletin față-verso și un selfie, trimiteți-le pe WhatsApp.",
    "Para sa payroll, pasend ng valid ID front and back at selfie mo.",
    "أرسل صورة جواز سفرك وسيلفي وتاريخ ميلادك لإكمال ملف التوظيف.",
    "Voice samples needed: record 10 sentences with your full name and address, then say 'yes, I agree'.",
    "Zadanie testowe na 30 minut: sklonuj repozytorium i uruchom npm start.",
    "Тестовое: скачайте репозиторий, выполните npm install и npm start, на исправление 30 минут.",
    "Bài test 30 phút: clone repo, chạy npm install và npm start.",
    "Робота з дому: приймаєте посилки, міняєте етикетки й надсилаєте за кордон.",
    "Our hiring team uses Signal for every interview, download it and text +1 555 0177.",
    "Sign the offer letter at offer-sign-docs.com; log in with your marketplace email and password first.",
]

BENIGN = [
    "Đơn combo trong app trà sữa phải hiện phần chênh lệch giá; mình gửi Figma nhé.",
    "I refused a 'combo order' job that wanted me to deposit the difference in USDT; reported it.",
    "Our exchange's VIP levels are based on trading volume; write the FAQ about commission tiers.",
    "Aktywacja ID pracownika w naszym portalu HR jest darmowa, zbuduj tylko formularz.",
    "The mandatory training is paid at our usual hourly rate and happens before you start.",
    "El curso obligatorio lo pagamos nosotros antes de empezar el proyecto.",
    "The invoice came out $300 over the estimate; send back your notes and I'll adjust it.",
    "Я обналичил чек клиента сам, поставщику уже заплатила компания.",
    "Nu trimite buletinul sau selfie nimănui; verificarea se face doar pe platformă.",
    "Design the KYC screen: ID front and back, a selfie, then the bank details form (Figma).",
    "Voice-over gig: record 10 sentences from the attached script, no names or personal data.",
    "For the paid test, fork the repo, run npm install, and open a pull request by Friday.",
    "Our warehouse team relabels the parcels before they go abroad; write the packing SOP.",
    "We don't interview on Signal; everything stays on the platform.",
    "The Wi-Fi signal dropped during the interview, can we continue here tomorrow?",
    "Never sign a contract on an outside site with your marketplace email and password.",
]


test_each_phrasing_of_a_blind11_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
