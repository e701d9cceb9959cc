"""Decisions, sanctions, the repeat-circumvention ladder and the statement of reasons.

A reviewer's decision is one of a small closed set of actions. `ladder` lets the configuration pick the
step: the subject's n-th upheld circumvention sanction gets the n-th rung (warning, restriction, suspension
by default). Every sanction carries a statement of reasons in four parts (ACTION, CAUSE, EVIDENCE, NEXT
STEP), written for the affected user: it names the policy and quotes their own words, never a reporter.

    ladder = parse_ladder("warn,restrict_messaging:7d,suspend")
    step = next_step(ladder, prior=1)            # restrict_messaging for 7 days
    statement = statement_of_reasons(action, family, reason, evidence, until, appeal_until)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from marketguard.service.errors import Invalid


class Action(str, Enum):
    """What a reviewer decides. `ladder` is not stored: it resolves to the rung the subject has reached."""

    DISMISS = "dismiss"
    WARN = "warn"
    RESTRICT_MESSAGING = "restrict_messaging"
    HOLD_PAYOUTS = "hold_payouts"
    SUSPEND = "suspend"
    LADDER = "ladder"


TIMED = frozenset({Action.RESTRICT_MESSAGING, Action.HOLD_PAYOUTS, Action.SUSPEND})
"""Actions that may carry a duration; without one they last until lifted."""


@dataclass(frozen=True, slots=True)
class LadderStep:
    action: Action
    duration: timedelta | None = None

    @property
    def spec(self) -> str:
        if self.duration is None:
            return self.action.value
        return f"{self.action.value}:{_format_duration(self.duration)}"


DEFAULT_LADDER = (
    LadderStep(Action.WARN),
    LadderStep(Action.RESTRICT_MESSAGING, timedelta(days=7)),
    LadderStep(Action.SUSPEND),
)

_DURATION = re.compile(r"^(\d+)([smhd])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_duration(text: str) -> timedelta:
    """'7d', '12h', '30m', '45s' -> timedelta; anything else is a ValueError that says what to write."""
    m = _DURATION.match(text.strip())
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"duration {text!r} must be a positive number followed by s, m, h or d (e.g. 7d)")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


def _format_duration(d: timedelta) -> str:
    seconds = int(d.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def parse_ladder(text: str) -> tuple[LadderStep, ...]:
    """'warn,restrict_messaging:7d,suspend' -> steps; dismiss and ladder cannot be rungs."""
    steps: list[LadderStep] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, _, dur = part.partition(":")
        try:
            action = Action(name)
        except ValueError:
            rungs = "warn, restrict_messaging, hold_payouts, suspend"
            raise ValueError(f"ladder step {name!r} is not one of {rungs}") from None
        if action in (Action.DISMISS, Action.LADDER):
            raise ValueError(f"ladder step {name!r} cannot be a rung")
        if dur and action not in TIMED:
            raise ValueError(f"ladder step {name!r} cannot have a duration")
        steps.append(LadderStep(action, parse_duration(dur) if dur else None))
    if not steps:
        raise ValueError("the ladder needs at least one step")
    return tuple(steps)


def next_step(ladder: tuple[LadderStep, ...], prior: int) -> LadderStep:
    """The rung for a subject with `prior` upheld circumvention sanctions; the top rung repeats."""
    return ladder[min(prior, len(ladder) - 1)]


def resolve(
    action: Action, duration: timedelta | None, family: str, ladder: tuple[LadderStep, ...], prior: int
) -> LadderStep:
    """Turn a reviewer's choice into the step to apply, checking the combination."""
    if action is Action.LADDER:
        if family != "circumvention":
            raise Invalid("ladder_not_applicable", f"the ladder applies to circumvention cases, not {family!r}")
        return next_step(ladder, prior)
    if duration is not None and action not in TIMED:
        raise Invalid("duration_not_allowed", f"{action.value} cannot have a duration")
    return LadderStep(action, duration)


POLICIES = {
    "circumvention": (
        "Off-platform contact and payment",
        "sharing or asking for direct contact details, or moving payment outside the platform, before a "
        "contract allows it",
    ),
    "scam": ("Scams and fraud", "deceiving other users to obtain money, work, credentials or personal data"),
    "account": (
        "Account integrity",
        "using an account that is fake, shared, rented or operated by someone other than its verified owner",
    ),
    "other": ("Community rules", "behaviour reported by other users that breaks the terms of service"),
}

_ACTION_TEXT = {
    Action.DISMISS: "No action: the report was reviewed and no rule was broken",
    Action.WARN: "A formal warning on your account",
    Action.RESTRICT_MESSAGING: "Messaging restricted",
    Action.HOLD_PAYOUTS: "Payouts held",
    Action.SUSPEND: "Account suspended",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence as the affected user may see it: their own words, or that a report exists."""

    what: str
    """e.g. 'message m-17', 'a report by another user'."""
    detail: str
    """e.g. 'contact.email: "jdoe at gmail dot com" (characters 10-30)'."""

    def line(self) -> str:
        return f"{self.what}: {self.detail}"


def _when(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M UTC")


def statement_of_reasons(
    action: Action,
    family: str,
    reason: str,
    evidence: list[Evidence],
    until: datetime | None,
    appeal_until: datetime | None,
) -> dict[str, str]:
    """The four-part statement sent to the affected user; reporters are never named in it."""
    title, rule = POLICIES.get(family, POLICIES["other"])
    act = _ACTION_TEXT[action]
    if action in TIMED:
        act += f" until {_when(until)}" if until is not None else " until further notice"
    cause = f'Policy "{title}" ({family}): {rule}.'
    if reason.strip():
        cause += f" Reviewer's finding: {reason.strip()}"
    shown = [e.line() for e in evidence[:20]]
    if len(evidence) > 20:
        shown.append(f"and {len(evidence) - 20} more items")
    if action is Action.DISMISS:
        next_text = "Nothing to do; the case is closed."
    elif appeal_until is not None:
        next_text = (
            f"You may appeal this decision until {_when(appeal_until)}; a different reviewer will handle it. "
            "Until then the decision stands."
        )
    else:
        next_text = "This decision is final."
    return {
        "action": act + ".",
        "cause": cause,
        "evidence": "; ".join(shown) if shown else "The case record.",
        "next_step": next_text,
    }
