"""The records every part of marketguard speaks: what comes in, what a detector finds, what goes out.

Plain frozen dataclasses, so the core stays free of frameworks; adapters convert to and from JSON in one
place (`marketguard.core.records`). Offsets (`start`, `end`) always index the ORIGINAL text, so that a
reviewer's highlight and a redactor's cut agree whatever normalisation found the detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Phase(str, Enum):
    """Where the two parties stand: the same words are allowed in one phase and prohibited in another."""

    PRE_CONTRACT = "pre_contract"
    ACTIVE_CONTRACT = "active_contract"
    ENDED = "ended"


class Kind(str, Enum):
    """What the text is; job posts and profiles are public, messages and proposals are one-to-one."""

    MESSAGE = "message"
    PROPOSAL = "proposal"
    PROFILE = "profile"
    JOB_POST = "job_post"


class Decision(str, Enum):
    """The closed vocabulary of outcomes, mildest first; `severity` orders them."""

    ALLOW = "allow"
    NUDGE = "nudge"
    REDACT = "redact"
    REVIEW = "review"
    BLOCK = "block"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {d: i for i, d in enumerate(Decision)}


@dataclass(frozen=True, slots=True)
class Context:
    """Facts about the conversation that the platform knows and the text does not."""

    phase: Phase = Phase.PRE_CONTRACT
    region: str | None = None
    """ISO 3166 alpha-2 country of the sender, if known: the first guess when reading a national phone number."""
    language: str | None = None
    """The language the platform shows its users (a BCP 47 tag such as `es` or `pt-BR`): the nudge and the warning
    are given in it where the policy has a translation, else in the policy's own language."""


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """What the platform knows about the client behind a job post: a $0-spend, unverified, day-old client is
    where most fake jobs come from, though many honest clients start that way too."""

    spend: float | None = None
    payment_verified: bool | None = None
    account_age_days: int | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class JobPost:
    """The structured fields of a `job_post` record. The text screened is `title`, a blank line, then
    `description` (so a finding at offset >= `description_offset` lies in the description)."""

    title: str = ""
    description: str = ""
    company: str | None = None
    budget: float | None = None
    budget_type: str | None = None
    """'fixed' or 'hourly' when the record says which."""
    client: ClientFacts = field(default_factory=ClientFacts)

    @property
    def description_offset(self) -> int:
        return len(self.title) + 2 if self.title else 0


@dataclass(frozen=True, slots=True)
class Message:
    """One text to screen. `extra` keeps unknown input fields so they survive a round trip."""

    text: str
    id: str | None = None
    kind: Kind = Kind.MESSAGE
    conversation_id: str | None = None
    sender_id: str | None = None
    recipient_id: str | None = None
    at: str | None = None
    context: Context = field(default_factory=Context)
    extra: dict[str, Any] = field(default_factory=dict)
    job: JobPost | None = None
    """Set for `job_post` records that carry structured fields (title, budget, client facts)."""


@dataclass(frozen=True, slots=True)
class Related:
    """A piece of an earlier message that, together with this one, forms a detail."""

    message_id: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Signal:
    """One finding: what (kind, family), where (start/end in the original text), how sure, and why."""

    kind: str
    family: str
    score: float
    start: int
    end: int
    text: str
    value: str | None
    reason: str
    detector: str
    related: tuple[Related, ...] = ()
    pack_rule: str | None = None
    """The id of the fraud rule-pack rule that made this signal (`fraud.rules` only), for code that acts on the
    rule (`core/combine.py` names it when the model steps aside) without reading it back out of `reason`, which
    is written for people. Not printed: `reason` already names the rule, and the output record stays issue 3's."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "family": self.family,
            "score": round(self.score, 3),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "reason": self.reason,
            "detector": self.detector,
        }
        if self.related:
            out["related"] = [
                {"message_id": r.message_id, "start": r.start, "end": r.end, "text": r.text} for r in self.related
            ]
        return out


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding that an allow-list or a context rule removed, kept so the decision stays explainable."""

    signal: Signal
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.signal.to_dict(), "suppressed_because": self.why}


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """What the screener answers for one message; the CLI prints it and the API returns it as JSON."""

    id: str | None
    decision: Decision
    rule: str
    signals: tuple[Signal, ...]
    phase: Phase
    rules_fired: tuple[str, ...] = ()
    redacted_text: str | None = None
    nudge: str | None = None
    suppressed: tuple[Suppressed, ...] = ()
    truncated: bool = False
    notes: tuple[str, ...] = ()
    warning: str | None = None
    """Shown to the RECIPIENT (the nudge is for the sender): names the scam pattern and what to do."""

    def families(self, min_score: float = 0.0) -> set[str]:
        return {s.family for s in self.signals if s.score >= min_score}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "decision": self.decision.value,
            "rule": self.rule,
            "rules_fired": list(self.rules_fired),
            "phase": self.phase.value,
            "signals": [s.to_dict() for s in self.signals],
        }
        if self.redacted_text is not None:
            out["redacted_text"] = self.redacted_text
        if self.nudge is not None:
            out["nudge"] = self.nudge
        if self.warning is not None:
            out["warning"] = self.warning
        if self.suppressed:
            out["suppressed"] = [s.to_dict() for s in self.suppressed]
        if self.truncated:
            out["truncated"] = True
        if self.notes:
            out["notes"] = list(self.notes)
        return out


# -- fast construction ------------------------------------------------------------------------------------
# A frozen dataclass's generated __init__ sets each field through `object.__setattr__` looked up by name: for
# the twelve fields of a `ScreenResult` that is 3.6 us, a tenth of screening an ordinary chat message. The
# screener builds its results and signals here instead, setting the slots directly (0.8 us); the objects are
# the same (equal, frozen, hashable). `tests/core/test_records.py` checks that the field lists below match the
# classes, so a new field cannot be forgotten.

_new = object.__new__
_RESULT_FIELDS = (
    "id", "decision", "rule", "signals", "phase", "rules_fired", "redacted_text", "nudge", "suppressed",
    "truncated", "notes", "warning",
)  # fmt: skip
_MESSAGE_FIELDS = (
    "text", "id", "kind", "conversation_id", "sender_id", "recipient_id", "at", "context", "extra", "job",
)  # fmt: skip
_SIGNAL_FIELDS = (
    "kind", "family", "score", "start", "end", "text", "value", "reason", "detector", "related", "pack_rule",
)  # fmt: skip
(_r_id, _r_decision, _r_rule, _r_signals, _r_phase, _r_fired, _r_redacted, _r_nudge, _r_suppressed, _r_truncated,
 _r_notes, _r_warning) = (getattr(ScreenResult, name).__set__ for name in _RESULT_FIELDS)  # fmt: skip
(_m_text, _m_id, _m_kind, _m_conversation, _m_sender, _m_recipient, _m_at, _m_context, _m_extra, _m_job) = (
    getattr(Message, name).__set__ for name in _MESSAGE_FIELDS
)
(_s_kind, _s_family, _s_score, _s_start, _s_end, _s_text, _s_value, _s_reason, _s_detector, _s_related,
 _s_pack_rule) = (getattr(Signal, name).__set__ for name in _SIGNAL_FIELDS)  # fmt: skip


def new_result(
    id: str | None,
    decision: Decision,
    rule: str,
    signals: tuple[Signal, ...],
    phase: Phase,
    rules_fired: tuple[str, ...],
    redacted_text: str | None,
    nudge: str | None,
    suppressed: tuple[Suppressed, ...],
    truncated: bool,
    notes: tuple[str, ...],
    warning: str | None,
) -> ScreenResult:
    """`ScreenResult(...)` with every field given, four times faster."""
    result: ScreenResult = _new(ScreenResult)
    _r_id(result, id)
    _r_decision(result, decision)
    _r_rule(result, rule)
    _r_signals(result, signals)
    _r_phase(result, phase)
    _r_fired(result, rules_fired)
    _r_redacted(result, redacted_text)
    _r_nudge(result, nudge)
    _r_suppressed(result, suppressed)
    _r_truncated(result, truncated)
    _r_notes(result, notes)
    _r_warning(result, warning)
    return result


def new_signal(
    kind: str,
    family: str,
    score: float,
    start: int,
    end: int,
    text: str,
    value: str | None,
    reason: str,
    detector: str,
    related: tuple[Related, ...] = (),
    pack_rule: str | None = None,
) -> Signal:
    """`Signal(...)`, three times faster."""
    signal: Signal = _new(Signal)
    _s_kind(signal, kind)
    _s_family(signal, family)
    _s_score(signal, score)
    _s_start(signal, start)
    _s_end(signal, end)
    _s_text(signal, text)
    _s_value(signal, value)
    _s_reason(signal, reason)
    _s_detector(signal, detector)
    _s_related(signal, related)
    _s_pack_rule(signal, pack_rule)
    return signal


def new_message(
    text: str,
    id: str | None,
    kind: Kind,
    conversation_id: str | None,
    sender_id: str | None,
    recipient_id: str | None,
    at: str | None,
    context: Context,
    extra: dict[str, Any],
    job: JobPost | None,
) -> Message:
    """`Message(...)` with every field given, for the record reader (one per input line)."""
    message: Message = _new(Message)
    _m_text(message, text)
    _m_id(message, id)
    _m_kind(message, kind)
    _m_conversation(message, conversation_id)
    _m_sender(message, sender_id)
    _m_recipient(message, recipient_id)
    _m_at(message, at)
    _m_context(message, context)
    _m_extra(message, extra)
    _m_job(message, job)
    return message
