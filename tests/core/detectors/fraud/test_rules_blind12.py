"""The causes of the blind12 round (scam side) as families of phrasings, end to end.

Every text was written for this test after the round's fixes, none taken from an evaluation set or from a rule's
fixtures, and screened once before any change for it (20/22 scams named, 0/16 look-alikes flagged; the two misses,
"envie ... RG frente e verso ... para o pagamento" and "acquistare il software a 35 €", then joined the identity rule's
send words and the fee rule's priced software). For each cause the round found in blind12 (an interview on Viber or
in Polish typed without diacritics, parcels relabelled in Polish or Chinese, client money on "rekening kamu" or "je
eigen rekening", an ID front and back with a selfie in Turkish, familiar French, Arabic without hamza or Chinese, a
level raised by a USDT deposit without the word VIP, a combo order in Vietnamese without diacritics, USDT bought for
"o triplo", a "kaucja" in "zl", a licence to buy in Italian, a Bengali registration fee, a laptop ordered from "our
partner dealer", a voice message of name, town and a quoted "ja", an offer to accept on an outside portal with the same
password, work to start without waiting for the funding, a whole job as an unpaid test) one wording, and work talk
with the same words that must stay clean (the account offers that the scam rules used to flag among them). The rule
fixtures test each rule alone; these test the whole screener.
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    "Etap rozmowy rekrutacyjnej robimy na Telegramie, prosze napisac do @rekrutacja_ola.",
    "Співбесіда пройде у Вайбері, додайте нашого менеджера за номером 555-0188.",
    "Paczki przychodza na twoj adres, naklejasz nasze nowe etykiety i odsylasz, 30 zl za paczke.",
    "快递到了以后，换上新的快递单再寄出去，每件给你40元。",
    "Klien transfer ke rekening kamu, ambil 4% lalu sisanya kirim ke rekening yang aku kasih.",
    "Je krijgt klantbetalingen op je eigen rekening, houdt 5% en de rest maak je over naar onze partner.",
    "Para o pagamento, envie foto do RG frente e verso, uma selfie com ele e seus dados bancários.",
    "Bordro için kimlik kartının ön ve arka yüzünün fotoğrafı ve kimlikle selfie gerek.",
    "Pour ton salaire, envoie ta carte d'identite recto verso et un selfie.",
    "ارسل صورة بطاقة الهوية من الوجهين وصورة سيلفي لفتح ملف الراتب.",
    "请发送身份证正反面照片和手持身份证自拍，用于发工资。",
    "Para subir de nivel y desbloquear tareas mejores, deposita 40 USDT; las comisiones son diarias.",
    "Ban co don combo moi, nap them 50 USDT de mo khoa nhiem vu tiep theo.",
    "Compre 150 dólares de USDT e mande para a carteira do projeto, sexta você recebe o triplo.",
    "Zeby odblokowac zlecenia, wplac 80 zl kaucji, zwrot po miesiacu.",
    "Per iniziare devi acquistare il software a 35 € dal nostro link, poi te lo rimborsiamo.",
    "কাজ পেতে ৪০০ টাকা রেজিস্ট্রেশন ফি দিতে হবে, প্রথম বেতনে ফেরত।",
    "Das Headset bestellst du bei unserem Partnerhändler, die Kosten erstatten wir mit dem ersten Gehalt.",
    'Schick mir eine Sprachnachricht: vollen Namen, Wohnort und am Ende "ja".',
    "To accept the offer, sign in at hr-offer-portal.net with the same password you use here.",
    "Tiny logo, $300, don't wait for the payment, start right now please.",
    "Zadanie testowe: caly serwis www, testy nie sa platne, potem umowa na stale.",
]

BENIGN = [
    "Rozmowa rekrutacyjna jest tutaj na platformie, na Telegram nie przechodzimy.",
    "Співбесіда відбудеться тут, на платформі, без Вайбера.",
    "Nasz magazyn nakleja nowe etykiety na paczki; napisz instrukcję pakowania.",
    "我们电商仓库每件包裹都换新面单，请设计一个面单模板。",
    "Honor masuk ke rekening kamu lewat platform, potongan platform 10%, sisanya milikmu.",
    "Ne envoie jamais ta carte d'identite recto verso à un client, même pour la paie.",
    "我们在开发一个注册页面，用户要发送身份证正反面照片，请做界面。",
    "Nosso jogo: o jogador sobe de nível com pontos, escreva os textos da loja.",
    "Me pediram para comprar USDT e mandar para uma carteira prometendo o triplo; denunciei.",
    "Kaucja 1200 zl za mieszkanie; potrzebuję logo dla agencji najmu.",
    "La licenza del software la paghiamo noi, tu inizia lunedì.",
    "Preciso de alguém para fazer a selfie na verificação da minha conta, minha foto não bate.",
    "Looking for account holders: verify with your own passport, we set up remote desktop on a laptop we ship.",
    "Never start without waiting for the funding; a client who says don't wait for payment is suspicious.",
    "Zadanie testowe jest płatne, 150 zł, potem umowa.",
    "Please record the hotline greeting: 'Welcome to Roth Bakery', no names needed.",
]


test_each_phrasing_of_a_blind12_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
