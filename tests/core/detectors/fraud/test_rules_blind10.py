"""The causes of the blind10 round (scam side) as families of phrasings, end to end.

Every text was written for this test after the round's fixes, none taken from an evaluation set, from
`messages.dev10.jsonl` or from a rule's fixtures, and screened once before any change for it (23/23 scams named,
1/15 look-alikes flagged: an exchange's "buy USDT ... send it to their own wallet" flow, then vetoed as product work).
For each cause the round found in blind10 (equipment from "our certified vendor" paid back on the first payslip, an
overpayment "instead of" or "no lugar de" the right sum, parcels whose labels are swapped, a share of customer
payments "sent on", a membership, a licence key or a "cuota de registro" to buy first, a contract moved to a
friend's account, a payout card to "reconfirm", an archive opened with a Microsoft account, a shortened link to
"enter your details", online-banking credentials, "npm install" for the technical test, a free test of whole
articles, USDT "2 guna wapas", "we dont use this app for interviews", a favicon paid many times its price to be
started now) one wording, and work talk with the same words that must stay clean.
The rule fixtures test each rule alone; these test the whole screener (rules, links, model, combine).
"""

from __future__ import annotations

from fraud_rounds import round_tests, rule_scam

SCAMS = [
    "Please get the noise-cancelling headset from our certified vendor; you're paid back on your first payslip.",
    "Debes adquirir el software de dictado con nuestro proveedor autorizado; se devuelve en la primera nómina.",
    "Le matériel se commande chez notre fournisseur agréé, remboursé sur votre premier salaire.",
    "Finance made a typo and sent you $5,200 rather than $520; kindly wire back the excess by Zelle today.",
    "Wysłaliśmy omyłkowo 5 000 zł zamiast 500 zł, proszę odesłać nadwyżkę przelewem.",
    "Caíram R$ 1.500 no lugar de R$ 150 sem querer, devolve a diferença pelo Pix?",
    "Parcels with tablets will reach you; swap the shipping labels we email and drop them at the post office.",
    "Arriveranno pacchi con portatili: cambia l'etichetta e rispediscili con il corriere indicato.",
    "Our customers' payments will land in your PayPal; send 90% of each to the account I'll give you.",
    "To see client jobs you need to buy our $29 yearly membership first; every translator here has it.",
    "Please purchase a $15 license key for our annotation tool from this link before the first batch.",
    "Hay que pagar una cuota de registro de 20 dólares para darte de alta, se devuelve con el primer pago.",
    "Meu cartão deu problema de novo, mando a proposta pela conta de um amigo, aceita por lá.",
    "Mia carta non funziona, accetta il nuovo contratto dall'account di mio zio.",
    "A quick favicon, I'll pay $350 though it's normally a $20 job, but accept and start right now.",
    "Your payouts are frozen. Reconfirm your payout card on the link below within 8 hours.",
    "Die Vertragsunterlagen sind in vertrag.zip, öffnen Sie sie und melden Sie sich mit Ihrem Microsoft-Konto an.",
    "Per ricevere il compenso vai su bit.ly/Compenso-Paypal e inserisci i tuoi dati.",
    "Envoyez-moi vos identifiants de banque en ligne pour que notre comptable fasse le virement.",
    "Para la prueba técnica, clona nuestro repositorio, ejecuta npm install y lanza el proyecto.",
    "Pour le test, écrivez les 6 articles complets ; pas de paiement pour le test.",
    "Card se USDT kharido aur hamare wallet me bhejo, kal tak 2 guna wapas milega.",
    "we dont use this app for interviews, pls whatsapp our recruiter on +1 555 0188",
]

BENIGN = [
    "I paid the supplier through the platform; the vendor refund came back to my own card, FYI.",
    "Our certified vendor ships the headset to your address and we pay them, you buy nothing.",
    "We sent $520 instead of $5,200 by mistake; the remaining part follows through the platform today.",
    "Build the returns page copy: the customer prints the label and sends the item back within 30 days.",
    "Our marketplace pays out 90% of each sale to the seller's PayPal; build the monthly payout report.",
    "Design the signup page where members buy the $29 yearly membership, with a plans table.",
    "The license key for the annotation tool is on us; I'll email it when the contract starts.",
    "Meu cartão deu problema, mas já resolvi; financio o marco nesta mesma conta amanhã.",
    "I'll pay $350 for the favicon set because you're great; no rush, deadline is next Friday.",
    "Payouts are released 5 days after approval; check the date on your platform dashboard.",
    "Write a help centre page that explains why you should never share your online banking password.",
    "For the paid test ($60), clone the repo in the Codespace we provide and run npm install there.",
    "Our exchange lets users buy USDT with a card and send it to their own wallet; design that flow.",
    "Heads up: people pretending to be our recruiters are on WhatsApp. We never interview there.",
    "The smart contract must revert on a negative balance; please add the unit tests for that case.",
]


test_each_phrasing_of_a_blind10_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
    SCAMS, BENIGN, rule_scam
)
