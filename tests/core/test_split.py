"""When the screener joins a message with the sender's earlier ones, and the joinings it tries."""

from __future__ import annotations

from marketguard.core.split import joinings, worth_joining


def test_pieces_are_joined_and_whole_thoughts_are_not() -> None:
    assert worth_joining("555 0198", ["my number is 415"])
    assert worth_joining("gram", ["let's move to tele"])
    assert worth_joining("pal? I'll send to whatever address you give me", ["can you take the payment on pay"])
    assert not worth_joining(
        "Thanks, I reviewed the pull request and left two comments on the parser.",
        ["The staging deploy finished and the dashboards look fine to me now."],
    )
    assert not worth_joining("anything", [])


def test_joinings_try_spaces_then_glued_boundaries_without_repeats() -> None:
    got = [text for text, _ in joinings(["move to tele", "gram", "@ruslan"])]
    assert got[0] == "move to tele gram @ruslan"
    assert "move to telegram @ruslan" in got
    assert len(got) == len(set(got))
    text, starts = next(joinings(["a", "b"]))
    assert text == "a b" and starts == [0, 2]


def test_no_glue_after_a_whole_address_or_across_scripts() -> None:
    """ "bram@outlook.com" then "eerste ontwerpen …": the address is whole; "parse_pro" then "и оплата …": a Latin
    handle does not go on in Cyrillic. A cut word or address is still glued."""
    joined = [t for t, _ in joinings(["bram.visser@outlook.com", "eerste ontwerpen"])]
    assert joined == ["bram.visser@outlook.com eerste ontwerpen"]
    assert "parse_proи оплата" not in [t for t, _ in joinings(["parse_pro", "и оплата"])]
    assert "jo.k@gmail.com" in [t for t, _ in joinings(["jo.k@gmail.", "com"])]
    assert "телеграм" in [t for t, _ in joinings(["теле", "грам"])]
