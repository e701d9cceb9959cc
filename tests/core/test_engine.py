"""The screener end to end: phases, conversations, split details, truncation, explanations."""

from __future__ import annotations

from marketguard import Context, Decision, Message, Phase, Screener, ScreenerConfig
from marketguard.core.conversation import InMemoryConversations


def test_plain_string_defaults_to_pre_contract(screener: Screener) -> None:
    result = screener.screen("reach me at jdoe@gmail.com")
    assert result.phase is Phase.PRE_CONTRACT
    assert result.decision is Decision.REDACT
    assert result.redacted_text == "reach me at [contact removed]"
    assert result.nudge and "payment protection" in result.nudge


def test_every_signal_points_into_the_original_text(screener: Screener) -> None:
    text = "Cаll me: ｆｏｕｒ one five 555 01\u200b98 or jdoe [at] gmail [dot] com"
    result = screener.screen(text)
    assert result.signals
    for s in result.signals:
        assert text[s.start : s.end] == s.text
        assert s.detector and s.reason and 0 <= s.score <= 1
    kinds = {s.kind for s in result.signals}
    assert {"contact.phone", "contact.email"} <= kinds


def test_active_contract_allows_contact_but_not_payment(screener: Screener) -> None:
    ctx = Context(phase=Phase.ACTIVE_CONTRACT)
    assert screener.screen("my email is jdoe@gmail.com for the Slack invite", ctx).decision is Decision.ALLOW
    nudged = screener.screen("let's skip the fee next time", ctx)
    assert nudged.decision is Decision.NUDGE and nudged.nudge
    assert screener.screen("pay me via PayPal, $300", ctx).decision is Decision.REVIEW


def test_split_number_is_joined_on_the_completing_message() -> None:
    screener = Screener()
    first = screener.screen(Message(id="m1", text="my number is 415", conversation_id="c", sender_id="a"))
    assert first.decision is Decision.REDACT
    second = screener.screen(Message(id="m2", text="555 0198", conversation_id="c", sender_id="a"))
    phones = [s for s in second.signals if s.kind == "contact.phone"]
    assert phones and phones[0].value == "+14155550198"
    assert phones[0].related and phones[0].related[0].message_id == "m1"
    assert phones[0].text == "555 0198"


def test_split_pieces_from_another_sender_are_not_joined() -> None:
    screener = Screener()
    screener.screen(Message(id="m1", text="the order is 415", conversation_id="c", sender_id="a"))
    other = screener.screen(Message(id="m2", text="555 0198 units", conversation_id="c", sender_id="b"))
    assert not [s for s in other.signals if s.related]


def _talk(*turns: tuple[str, str]) -> list[set[str]]:
    """Screen (sender, text) turns in one conversation; the families flagged in each."""
    screener = Screener()
    out = []
    for i, (sender, text) in enumerate(turns):
        result = screener.screen(Message(id=f"m{i}", text=text, conversation_id="c", sender_id=sender))
        out.append({s.family for s in result.signals if s.family in ("contact", "payment")})
    return out


def test_a_reply_that_answers_a_request_for_a_detail_is_flagged() -> None:
    # the first part of the detail asked for, in the asked family; made-up names and the 555-01xx range
    assert _talk(("a", "¿me pasas tu correo?"), ("b", "claro: leo.marquez"))[1] == {"contact"}
    assert _talk(("a", "what's your phone number?"), ("b", "07700"))[1] == {"contact"}
    assert _talk(("a", "pay in USDT? send your wallet"), ("b", "ok TXq4mRzp8LbW2yKd"))[1] == {"payment"}
    assert _talk(("a", "can I pay you by bank transfer directly?"), ("b", "yes: FR76 3000"))[1] == {"payment"}


def test_a_reply_without_a_detail_or_to_no_request_is_not_flagged() -> None:
    assert _talk(("a", "what's your email?"), ("b", "final_v2.pdf"))[1] == set()
    assert _talk(("a", "what's your email?"), ("b", "sorry, not allowed"))[1] == set()
    assert _talk(("a", "what's your email?"), ("b", "at 10.30"))[1] == set()
    assert _talk(("a", "the mockups look great"), ("b", "jo.marsh"))[1] == set()
    assert _talk(("a", "what's your email?"), ("a", "maybe later"), ("b", "TXq4mRzp8LbW2yKd"))[2] == set()


def test_a_continuation_may_follow_the_other_partys_reply() -> None:
    turns = _talk(("a", "do you have telegram?"), ("b", "yes why"), ("a", "search ana_kowal"), ("a", "bei gmail"))
    assert turns[2] == {"contact"} and turns[3] == {"contact"}


def test_the_next_piece_of_a_payment_is_flagged_as_payment() -> None:
    # an e-mail head after "pay to my paypal" is the PayPal address: payment and contact; a bare question for the
    # wallet after "I'll pay in usdt" is payment; made-up names
    turns = _talk(("b", "from now on pay to my paypal"), ("b", "it's mira.okafor"), ("b", "at gmail dot com"))
    assert turns[1] == {"contact", "payment"} and turns[2] == {"contact", "payment"}
    assert _talk(("a", "I can pay in USDT"), ("a", "your wallet?"))[1] == {"payment"}
    assert _talk(("a", "mandame tu cuenta, te pago por bizum"), ("a", "¿cuenta?"))[1] == {"payment"}


def test_a_reply_after_payment_talk_that_carries_no_detail_is_not_flagged() -> None:
    assert _talk(("a", "I can pay in USDT"), ("a", "ok thanks"))[1] == set()
    assert _talk(("a", "I can pay in USDT"), ("a", "see report_v2.pdf"))[1] == set()
    assert _talk(("a", "I can pay in USDT"), ("b", "wallet?"))[1] == set()
    assert _talk(("a", "the wallet screen is done"), ("a", "wallet?"))[1] == set()


def test_split_word_glued_across_messages() -> None:
    screener = Screener()
    screener.screen(Message(id="1", text="easier to chat on sk", conversation_id="c", sender_id="a"))
    result = screener.screen(Message(id="2", text="ype: maya.lind.art", conversation_id="c", sender_id="a"))
    assert any(s.value == "skype:maya.lind.art" for s in result.signals)


def test_repeated_attempts_escalate_to_review() -> None:
    screener = Screener()
    decisions = [
        screener.screen(Message(text=t, conversation_id="c", sender_id="a")).decision
        for t in ("text me on whatsapp", "my email is jo@mail.com", "ok call +1 415 555 0198")
    ]
    assert decisions == [Decision.REDACT, Decision.REDACT, Decision.REVIEW]


def test_conversation_memory_is_bounded() -> None:
    store = InMemoryConversations(max_conversations=3)
    screener = Screener(conversations=store)
    for i in range(10):
        screener.screen(Message(text="hello", conversation_id=f"c{i}"))
    assert len(store) == 3


def test_long_text_is_screened_on_head_and_tail_and_says_so() -> None:
    screener = Screener(ScreenerConfig(max_chars=1000))
    text = "email me at a.b@gmail.com " + "lorem ipsum " * 2000 + " or call +44 20 7946 0958"
    result = screener.screen(text)
    assert result.truncated and result.notes
    values = {s.value for s in result.signals}
    assert {"a.b@gmail.com", "+442079460958"} <= values
    for s in result.signals:
        assert text[s.start : s.end] == s.text


def test_code_lowers_scores() -> None:
    screener = Screener()
    plain = screener.screen("contact dev@acme-corp.io")
    coded = screener.screen("```\ngit config user.email dev@acme-corp.io\n```")
    assert max(s.score for s in coded.signals) < max(s.score for s in plain.signals)
    assert coded.decision is Decision.ALLOW


def test_disabled_detector_does_not_run() -> None:
    screener = Screener(ScreenerConfig(disabled=frozenset({"contact.email"})))
    assert not [s for s in screener.screen("jdoe@gmail.com").signals if s.kind == "contact.email"]


def test_suppressed_findings_say_why(screener: Screener) -> None:
    result = screener.screen("Sorry, I won't move to WhatsApp")
    assert result.decision is Decision.ALLOW
    assert result.suppressed and "negated" in result.suppressed[0].why


def test_result_serialises(screener: Screener) -> None:
    out = screener.screen(Message(id="x", text="jdoe at gmail dot com")).to_dict()
    assert out["id"] == "x" and out["decision"] == "redact" and out["rule"] == "contact-before-contract"
    sig = out["signals"][0]
    assert {"kind", "family", "score", "start", "end", "text", "value", "reason", "detector"} <= set(sig)


def test_a_dotted_capital_i_does_not_switch_off_lower_casing(screener: Screener) -> None:
    for text in ("Text me on WhatsApp İ", "Email: Mehmet.Yilmaz AT Gmail DOT com - İzmir"):
        result = screener.screen(text)
        assert result.decision is Decision.REDACT
        assert all(text[s.start : s.end] == s.text for s in result.signals)


def test_related_offsets_index_the_earlier_message_as_sent() -> None:
    screener = Screener()
    first = Message(id="m1", text="   my number is 415", conversation_id="c", sender_id="u")
    screener.screen(first)
    result = screener.screen(Message(id="m2", text="  555 0198", conversation_id="c", sender_id="u"))
    related = [r for s in result.signals for r in s.related]
    assert related and all(first.text[r.start : r.end] == r.text for r in related)


def test_a_split_address_in_pieces_after_a_request_is_flagged_piece_by_piece() -> None:
    """holdout6 round: an e-mail given as a username head and a hinted provider, in reply to a request."""
    screener = Screener()
    turns = [
        ("a", "could you give me an email for the raw footage? the upload cap here is small"),
        ("b", "sure. the first half is tove.lindgren"),
        ("b", "and the rest is the big G mail service"),
    ]
    got = [
        screener.screen(Message(id=f"m{i}", text=t, conversation_id="c", sender_id=who)).families(0.6)
        for i, (who, t) in enumerate(turns)
    ]
    assert got == [{"contact"}, {"contact"}, {"contact"}]


def test_a_signal_of_an_iban_keeps_the_account_and_drops_the_phone(screener: Screener) -> None:
    result = screener.screen("wire it: IBAN GB33 BUKB 2020 1555 5555 55, ref invoice 7")
    kinds = {s.kind for s in result.signals}
    assert "payment.account" in kinds and "contact.phone" not in kinds
