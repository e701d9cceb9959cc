"""The console's pure parts: span highlighting (property-tested), password hashing, templates' escaping."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from marketguard.adapters.http.console import passwords
from marketguard.adapters.http.console.highlight import segments
from marketguard.adapters.http.console.pages import TEMPLATES, env

spans = st.lists(
    st.fixed_dictionaries(
        {
            "start": st.integers(-5, 60),
            "end": st.integers(-5, 60),
            "kind": st.sampled_from(["a", "b", "c"]),
            "score": st.floats(0, 1),
        }
    ),
    max_size=6,
)


@given(st.text(max_size=50), spans)
def test_segments_cover_the_text_exactly_and_mark_the_union_of_spans(
    text: str, signals: list[dict[str, object]]
) -> None:
    segs = segments(text, signals)
    assert "".join(s.text for s in segs) == text
    assert all(s.text for s in segs)
    covered = set()
    for s in signals:
        a, b = max(0, min(int(s["start"]), len(text))), max(0, min(int(s["end"]), len(text)))  # type: ignore[call-overload]
        covered |= set(range(a, b))
    pos = 0
    for seg in segs:
        for i in range(pos, pos + len(seg.text)):
            assert (i in covered) == seg.marked
        pos += len(seg.text)
    # neighbours differ, else they would have been merged
    assert all(x.labels != y.labels for x, y in itertools.pairwise(segs))


def test_overlapping_spans_name_every_signal() -> None:
    text = "mail john.doe@gmail.com now"
    segs = segments(
        text,
        [
            {"start": 5, "end": 23, "kind": "contact.email", "score": 0.95},
            {"start": 0, "end": 12, "kind": "contact.request", "score": 0.8},
            {"start": "x", "end": None},  # a broken trace entry is ignored, not a crash
        ],
    )
    assert [(s.text, s.labels) for s in segs] == [
        ("mail ", ("contact.request 0.80",)),
        ("john.do", ("contact.email 0.95", "contact.request 0.80")),
        ("e@gmail.com", ("contact.email 0.95",)),
        (" now", ()),
    ]


def test_highlighting_escapes_each_segment() -> None:
    template = env.from_string(
        "{% for s in segs %}{% if s.marked %}<mark>{{ s.text }}</mark>{% else %}{{ s.text }}{% endif %}{% endfor %}"
    )
    text = '<img src=x onerror="alert(1)"> a@b.co </mark><script>'
    html = template.render(segs=segments(text, [{"start": 31, "end": 37, "kind": "contact.email", "score": 1}]))
    assert "<img" not in html and "<script>" not in html and html.count("</mark>") == 1
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert "<mark>a@b.co</mark>" in html


def test_templates_never_turn_escaping_off() -> None:
    for path in Path(TEMPLATES).rglob("*.html"):
        source = path.read_text("utf-8")
        assert not re.search(r"\|\s*safe|autoescape\s+false|Markup|\|\s*e\b", source), path
        assert "<script" not in source, f"{path}: the console has no scripts (the CSP forbids them)"
    assert env.autoescape is True


def test_passwords_are_salted_scrypt_and_verified_in_constant_form() -> None:
    one, two = passwords.hash_password("correct horse battery"), passwords.hash_password("correct horse battery")
    assert one != two and one.startswith(f"scrypt${passwords.N}$")
    assert passwords.verify_password("correct horse battery", one)
    assert not passwords.verify_password("correct horse batterY", one)
    assert not passwords.verify_password("x", "not-a-hash")
    assert not passwords.needs_rehash(one)
    assert passwords.needs_rehash(one.replace(f"${passwords.N}$", "$1024$", 1))
