"""The screener builds results and signals with `new_result` / `new_signal`, which set the slots directly:
they must give exactly what the dataclass constructors give, and cover every field."""

from __future__ import annotations

from dataclasses import fields

from marketguard.core import model
from marketguard.core.model import (
    Context,
    Decision,
    Kind,
    Message,
    Phase,
    Related,
    ScreenResult,
    Signal,
    new_message,
    new_result,
    new_signal,
)


def test_the_fast_constructors_name_every_field_in_order() -> None:
    assert tuple(f.name for f in fields(ScreenResult)) == model._RESULT_FIELDS
    assert tuple(f.name for f in fields(Signal)) == model._SIGNAL_FIELDS
    assert tuple(f.name for f in fields(Message)) == model._MESSAGE_FIELDS


def test_new_message_equals_the_dataclass_constructor() -> None:
    context = Context(Phase.ENDED, "BR")
    args = ("hi", "m1", Kind.PROPOSAL, "c1", "u1", "u2", "2026-11-26T07:00:00Z", context, {"x": 1}, None)
    assert new_message(*args) == Message(*args)


def test_new_signal_and_new_result_equal_the_dataclass_constructors() -> None:
    related = (Related("m1", 0, 3, "415"),)
    args = ("contact.phone", "contact", 0.95, 3, 10, "555 0198", "+14155550198", "a phone", "contact.phone@1", related)
    fast, slow = new_signal(*args), Signal(*args)
    assert fast == slow and hash(fast) == hash(slow) and fast.to_dict() == slow.to_dict()
    assert new_signal(*args[:-1]).related == ()
    assert new_signal(*args[:-1]).pack_rule is None
    ruled = (*args, "fee.named_fee")
    assert new_signal(*ruled) == Signal(*ruled) and new_signal(*ruled).pack_rule == "fee.named_fee"
    assert new_signal(*ruled).to_dict() == fast.to_dict()  # the rule's id is for code, not printed
    result_args = (
        "m2", Decision.REDACT, "pre-contract-contact", (fast,), Phase.PRE_CONTRACT, ("pre-contract-contact",),
        "[contact removed]", "Keep it here", (), True, ("note",), None,
    )  # fmt: skip
    fast_result, slow_result = new_result(*result_args), ScreenResult(*result_args)
    assert fast_result == slow_result and fast_result.to_dict() == slow_result.to_dict()
    try:
        fast_result.decision = Decision.ALLOW  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover - the assertion below explains the failure
        raise AssertionError("a result built by new_result must stay frozen")
