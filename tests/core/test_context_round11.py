"""Context and family boundaries of the holdout11 round, screened whole as the engine does.

Refusals that name the request first ("you asked for Zelle, I can't accept that"), a preference for being paid on the
platform, the Indonesian "ga" before the finding's own verb, ad copy quoted in a numbered script line; and the line
between the families: a number asked for a payment app keyed by phone numbers, or "outside the platform" said of
paying, is the payment's detail and no contact finding, while an e-mail asked for PayPal stays a contact detail.
"""

from __future__ import annotations

import pytest

from circ_rounds import families as _families


@pytest.mark.parametrize(
    "text",
    [
        # the request named, then turned down
        "you mentioned paying by PayPal — I can't accept that, the contract here covers it",
        "you asked about a Wise transfer; we can't accept that, milestones only",
        "me pediste pagar por Bizum: no puedo aceptarlo, todo por la plataforma",
        # the sender would rather be paid on the platform
        "obrigada, mas prefiro receber tudo pela plataforma, nada de transferência por fora",
        "prefiero cobrar por la plataforma, nada de pagos por fuera",
        "thanks, I'd rather get the bonus through the platform, no PayPal needed",
        # Indonesian "ga"/"gak" before the verb, and "here" written as one word
        "maaf, saya gak kasih nomor pribadi, chat di sini aja ya kak",
        "maaf kak, saya ga kasih nomor WA, ngobrol disini aja",
        # ad copy quoted in a numbered script line, a pause around the number
        'Scene 3 revised: "Call 555-0100 to book" — I added a pause after the number',
        'Take 2 edited: "Text DEAL to 55510 for 15% off" - kept the pause before the number',
        # a shop's discount is no fee avoided
        'the banner reads "Save 20% on your first order" in bold',
        "Save 15% on all plans this week - can you put that in the hero section?",
        # the green app as a colour of the work, a platform compared
        "la app verde del cliente necesita más contraste en los botones",
        "the green app icon in the mockup looks dated, can we try teal?",
        "the platform with the best reviews for logos is this one, I think",
        # a purchase order; a third party's address
        "the order id is PO 4500123, invoice attached",
        "pasame el mail del cliente final para el pie de página? no, mejor genérico",
        "the README uses test@example.com as the sample address",
        # Dutch "ik ga" (I go) and Polish "tak" (yes) are no negation, nor a finding here
        "ik ga WhatsApp integreren in de webshop, komt de knop rechtsonder?",
        "tak, zrobię to dziś, plik wyślę na platformie",
    ],
)
def test_benign_in_context(text: str) -> None:
    assert _families(text) == set(), text


@pytest.mark.parametrize(
    ("text", "families"),
    [
        # a number asked for a phone-keyed payment app: the payment's detail
        ("te pago la mitad por Bizum, pásame tu móvil", {"payment"}),
        ("send me your number for GCash and I'll transfer the rest directly", {"payment"}),
        ("أرسل رقمك على STC Pay وأحول لك الباقي مباشرة", {"payment"}),
        # "outside the platform" said of paying
        ("Bezahlung gern in USDT, außerhalb der Plattform, schick die Wallet", {"payment"}),
        ("оплата криптой вне площадки, так проще", {"payment"}),
        # an e-mail asked for PayPal is still an address; a number shown is still a number
        ("te pago por paypal, pásame el mail y listo", {"contact", "payment"}),
        ("gcash ko po 0918 555 0144, dun mo na lang i-send", {"contact", "payment"}),
    ],
)
def test_family_boundaries(text: str, families: set[str]) -> None:
    assert _families(text) == families, text


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("I can't accept that fee here, just pay me via Zelle", "payment"),
        ("can't accept that milestone, pay me directly instead", "payment"),
        ("ik ga je toevoegen, stuur me je whatsapp nummer", "contact"),
        ("kak, ga usah lewat platform, langsung WA aja ke 0812 5550 1234", "contact"),
        ("find me on the app with the paper plane logo, I'm ria_makes", "contact"),
        ("put $10 here so the order shows, the remaining 900 I'll wire separately", "payment"),
        ("could I zelle you the deposit tonight?", "payment"),
        ("пишите мне в в а т с а п", "contact"),
        ("mail cua em la hoa.le a cong gmail cham com", "contact"),
        ("my address for the Figma invite is ana.roy@studio.test", "contact"),
        ("discord is easier for calls, I'm nora.sketch there", "contact"),
    ],
)
def test_still_found_beside_those_words(text: str, family: str) -> None:
    assert family in _families(text), text
