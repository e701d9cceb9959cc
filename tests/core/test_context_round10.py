"""Context that makes a finding benign, and the phrasings that stay findings beside it (the holdout10 round).

Screened whole, as the engine does: the detectors find the words, `context.why_cancelled` drops them when the message
refuses, quotes a script, or names a detail on the other party's own site as the work to do.
"""

from __future__ import annotations

import pytest

from circ_rounds import families as _families


@pytest.mark.parametrize(
    "text",
    [
        # refusals: "not something I do", a bare "no … payments outside" after an apology
        "sorry, no payments outside the platform, I can give you a discount here instead",
        "taking payment off the site isn't something we do, it all goes through milestones",
        "lo siento, nada de pagos por fuera, todo por la plataforma",
        "désolé, pas de paiements en dehors de la plateforme",
        "nope, no deals off-platform, but I can start tomorrow here",
        "I never take payment outside the site, sorry",
        # Vietnamese negation: "I don't move to Zalo before the contract"
        "xin lỗi, mình không chuyển qua zalo trước khi ký hợp đồng",
        # German compound script cues and how the number is to be spoken
        'Telefonansage: "Sie erreichen uns unter 089 555 0199" - passt das Tempo?',
        'Werbespot-Text: "Jetzt anrufen: 040 555 0177" — soll ich lauter sprechen?',
        'voiceover line: "call 555-0143 today" — want me to read the number slower?',
        # a detail on the other party's own site, whose repair is the work
        "your site's header still shows hello@oldbrand.com, should I replace it with the new one?",
        "the footer of your website lists contact@acme-bakery.com twice, I'll remove one",
        "en el pie de página de tu web sale info@panaderia.es dos veces, ¿lo quito?",
        "auf deiner Webseite steht im Impressum noch info@alt-firma.de, soll ich das ändern?",
        "your landing page at acme.io/contact has a broken form, I can fix it today",
    ],
)
def test_benign_in_context(text: str) -> None:
    assert _families(text) == set(), text


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("no fees if you pay me outside, sorry for asking", "payment"),
        ("I can take payments outside, no fees", "payment"),
        ("your site is nice, contact me at jo.k@gmail.com to fix it", "contact"),
        ("my site jdoe.dev has the fix for your broken form", "contact"),
        ("can we close this one out and do future work invoice-to-invoice?", "payment"),
        ("qua zalo nói chuyện nhé", "contact"),
    ],
)
def test_still_found_beside_those_words(text: str, family: str) -> None:
    assert family in _families(text), text
