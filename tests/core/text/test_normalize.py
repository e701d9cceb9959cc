"""Normalised views: what they read, and (property) that every offset maps back into the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marketguard.core.text.normalize import Document, code_spans
from marketguard.core.text.view import View

CASES = [
    ("ｔｅｌｅｇｒａｍ", "clean", "telegram"),
    ("Теlеgram", "clean", "telegram"),
    ("what\u200bsapp", "clean", "whatsapp"),
    ("g m a i l", "clean", "gmail"),
    ("t.e.l.e.g.r.a.m", "clean", "telegram"),
    ("g m a i l . c o m", "clean", "gmail.com"),
    ("телефон", "clean", "телефон"),
    ("jdoe at gmail dot com", "plain", "jdoe@gmail.com"),
    ("jdoe [at] proton [dot] me", "plain", "jdoe@proton.me"),
    ("t dot me slash jd", "plain", "t.me/jd"),
    ("live colon jdoe", "plain", "live:jdoe"),
    ("hxxps://x[.]com", "plain", "https://x.com"),
    ("I'm at home", "plain", "i'm at home"),
    ("four one five", "digits", "4 1 5"),
    ("2three4", "digits", "234"),
    ("double zero triple five", "digits", "00 555"),
    ("five oh one", "digits", "5 0 1"),
    ("oh well", "digits", "oh well"),
    ("ninety nine", "digits", "99"),
    ("ochenta y uno", "digits", "81"),
    ("пять пять", "digits", "5 5"),
    ("４１５", "digits", "415"),
    ("٤١٥", "digits", "415"),
    ("on 2024-05-17 at 10:30", "digits", "on ########## at #####"),
]


@pytest.mark.parametrize(("text", "view", "expected"), CASES)
def test_views(text: str, view: str, expected: str) -> None:
    assert getattr(Document(text), view).text == expected


def test_code_spans() -> None:
    text = "see `x@y.com` and\n```\nuser@host:~$ ls\n```\n$ ssh a@b\n@app.route('/x')"
    spans = code_spans(text)
    covered = "".join(text[s:e] for s, e in spans)
    assert "`x@y.com`" in covered and "user@host" in covered and "ssh a@b" in covered and "@app.route" in covered


def _check_view(original: str, view: View) -> None:
    if view.starts is None:
        assert len(view.text) == len(original)
        return
    assert len(view.starts) == len(view.text) + 1
    assert view.starts[-1] == len(original)
    assert all(0 <= i <= len(original) for i in view.starts)
    assert list(view.starts) == sorted(view.starts)  # order is preserved
    for i in range(len(view.text)):
        s, e = view.span(i, i + 1)
        assert 0 <= s < e <= len(original)


_alphabet = st.sampled_from(
    [
        *list("abcdefghijklmnopqrstuvwxyz0123456789 .@-_:/[]()#+$\n"),
        "at",
        "dot",
        "five",
        "oh",
        "double",
        " ",
        "\u200b",
        "ｔ",
        "е",
        "Ａ",
        "4️⃣",
        "٤",
        "ﬁ",
        "İ",
        "ß",
        "```",
        "`",
        "slash",
        "hxxp",
        "@",
        "ninety",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, max_size=60).map("".join))
def test_every_view_maps_back_into_the_original(text: str) -> None:
    doc = Document(text)
    for view in (doc.clean, doc.plain, doc.digits):
        _check_view(text, view)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_normalises(text: str) -> None:
    doc = Document(text)
    for view in (doc.clean, doc.plain, doc.digits):
        _check_view(text, view)
    code_spans(text)
