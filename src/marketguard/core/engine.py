"""The screener: one readable pipeline from a message to an explained decision.

    message -> documents (head and tail of a long text) -> every enabled detector -> context (negation,
    on-platform talk, code, allow-lists) -> overlaps resolved -> pieces joined across the conversation's
    recent messages -> policy table -> result (decision, deciding rule, signals with original offsets,
    nudge, redacted text)

Usage:

    screener = Screener()
    result = screener.screen("jdoe at gmail dot com")
    result = screener.screen(Message(text="555 0198", conversation_id="c1", sender_id="u1"))
    result = screener.screen("pay me by PayPal", Context(phase=Phase.ACTIVE_CONTRACT))
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from marketguard.core.combine import defer_model
from marketguard.core.context import in_code, why_cancelled
from marketguard.core.conversation import ConversationState, ConversationStore, InMemoryConversations, Turn
from marketguard.core.detectors.base import Detector, DetectorConfig, Finding
from marketguard.core.model import (
    Context,
    Decision,
    JobPost,
    Message,
    Related,
    ScreenResult,
    Signal,
    Suppressed,
    new_result,
    new_signal,
)
from marketguard.core.policy import Policy, decide
from marketguard.core.registry import SPLIT_DETECTORS, Registry
from marketguard.core.split import (
    answers_request,
    continues_detail,
    continues_payment,
    joinings,
    looks_like_address_head,
    worth_joining,
)
from marketguard.core.text.normalize import Document

_TURN_CHARS = 2000
"""How much of each earlier message is remembered: its end, where a split detail begins."""
_NO_CONTEXT = Context()
"""The context of a bare text (frozen, so one instance serves every call)."""
REDACTION_LABELS = {"contact": "[contact removed]", "payment": "[payment details removed]"}


@dataclass(frozen=True, slots=True)
class ScreenerConfig:
    """How the screener runs; every field has an embedded default."""

    detectors: DetectorConfig = field(default_factory=DetectorConfig)
    disabled: frozenset[str] = frozenset()
    enabled: frozenset[str] = frozenset()
    """Detectors that are off by default (`DetectorInfo.default_on` false) switched on."""
    max_chars: int = 20_000
    """Longer texts are screened on their first and last `max_chars // 2` characters, and say so."""
    code_factor: float = 0.5
    """Scores of findings inside quoted code are multiplied by this."""
    history_turns: int = 3
    """How many earlier messages of the same sender are searched for the rest of a split detail."""
    max_findings_per_detector: int = 100
    """A message with more findings than this from one detector is flooding; the first ones are kept."""


@dataclass(slots=True)
class _Found:
    finding: Finding
    detector: Detector


class Screener:
    def __init__(
        self,
        config: ScreenerConfig | None = None,
        policy: Policy | None = None,
        conversations: ConversationStore | None = None,
        registry: Registry | None = None,
    ) -> None:
        from marketguard.defaults import default_policy  # the packaged table, read once

        self.config = config or ScreenerConfig()
        self.policy = policy or default_policy()
        self.conversations: ConversationStore = InMemoryConversations() if conversations is None else conversations
        self.detectors = (registry or Registry()).build(
            self.config.detectors, self.config.disabled, self.config.enabled
        )
        self._split_detectors = [d for d in self.detectors if d.info.id in SPLIT_DETECTORS]

    # -- public ------------------------------------------------------------------------------------------

    def screen(self, message: Message | str, context: Context | None = None) -> ScreenResult:
        """Screen one message; a plain string is a pre-contract message without a conversation."""
        if isinstance(message, str):  # no `Message` built: most library calls screen a bare text
            text, context, msg_id, job, conversation_id = message, context or _NO_CONTEXT, None, None, None
        else:
            if context is not None:
                message = replace(message, context=context)
            text, context, msg_id, job = message.text, message.context, message.id, message.job
            conversation_id = message.conversation_id
        docs, notes, truncated = self._documents(text, context.region, job)
        signals: list[Signal] = []
        suppressed: list[Suppressed] = []
        for offset, doc in docs:
            kept, dropped = self._run(doc, self.detectors)
            if doc.notes:
                notes.extend(doc.notes)
            if kept:
                signals.extend(_to_signal(f, offset, text) for f in kept)
            if dropped:
                suppressed.extend(Suppressed(_to_signal(f, offset, text), why) for f, why in dropped)

        state: ConversationState | None = None
        if conversation_id is not None and isinstance(message, Message):
            state = self.conversations.get(conversation_id) or ConversationState()
            joined = self._split_details(message, state, signals)
            if joined:
                # a detail completed across messages supersedes the fragment seen in this message alone, also when
                # the fragment alone read as another kind of detail (the last groups of an IBAN as a phone number)
                signals = [s for s in signals if not any(_supersedes(j, s) for j in joined)] + joined
            if not any(s.family == "contact" for s in signals):
                piece = _continuation(message, state)
                if piece is not None:
                    signals.append(piece)
            if not any(s.family == "payment" for s in signals):
                signals.extend(_payment_continuation(message, state, signals))
            if not signals:
                answer = _answer(message, state)
                if answer is not None:
                    signals.append(answer)

        if signals:
            signals.sort(key=lambda s: (s.start, -s.score))
            signals, deferred = defer_model(signals, suppressed)
            suppressed.extend(deferred)
        attempts = state.attempts if state is not None else 0
        verdict = decide(self.policy, signals, context.phase, attempts, context.language)
        redacted = _redact(text, _what_to_cut(verdict.redact)) if verdict.redact else None

        if state is not None and conversation_id is not None and isinstance(message, Message):
            kept_from = max(0, len(text) - _TURN_CHARS)
            shared = any(s.family == "contact" for s in signals)
            paid = any(s.family == "payment" for s in signals)
            state.turns.append(Turn(msg_id, message.sender_id, text[kept_from:], kept_from, shared, paid))
            del state.turns[: -max(self.config.history_turns * 3, 1)]
            if verdict.decision is not Decision.ALLOW:
                state.attempts += 1
            self.conversations.put(conversation_id, state)

        return new_result(
            msg_id,
            verdict.decision,
            verdict.rule,
            tuple(signals),
            context.phase,
            verdict.fired,
            redacted,
            verdict.nudge,
            tuple(suppressed),
            truncated,
            tuple(notes),
            verdict.warning,
        )

    # -- steps -------------------------------------------------------------------------------------------

    def _documents(
        self, text: str, region: str | None, job: JobPost | None = None
    ) -> tuple[list[tuple[int, Document]], list[str], bool]:
        limit = self.config.max_chars
        if len(text) <= limit:
            return [(0, Document(text, region, job=job))], [], False
        half = limit // 2
        tail_start = len(text) - half
        note = f"text of {len(text)} characters screened on its first {half} and last {half} characters"
        head, tail = Document(text[:half], region, job=job), Document(text[tail_start:], region, job=job)
        return [(0, head), (tail_start, tail)], [note], True

    def _run(self, doc: Document, detectors: list[Detector]) -> tuple[list[_Found], list[tuple[_Found, str]]]:
        found: list[_Found] = []
        dropped: list[tuple[_Found, str]] = []
        cap = self.config.max_findings_per_detector
        for detector in detectors:
            findings = detector.detect(doc)
            if not findings:
                continue
            if len(findings) > cap:
                doc.notes.append(f"{detector.info.id}: {len(findings)} findings, the first {cap} kept")
                findings = findings[:cap]
            for finding in findings:
                item = _Found(finding, detector)
                why = why_cancelled(doc, finding)
                if why is not None:
                    dropped.append((item, why))
                    continue
                if doc.code and in_code(doc, finding):
                    item.finding = replace(
                        finding,
                        score=finding.score * self.config.code_factor,
                        reason=finding.reason + " (inside quoted code)",
                    )
                found.append(item)
        if dropped and found:
            found = _without_orphan_amounts(found, dropped)
        return (_resolve_overlaps(found) if found else found), dropped

    def _split_details(self, message: Message, state: ConversationState, current: list[Signal]) -> list[Signal]:
        """Join this message with the sender's recent ones; keep details that only exist across them."""
        turns = [t for t in state.turns if message.sender_id is None or t.sender_id == message.sender_id]
        turns = turns[-self.config.history_turns :]
        if not turns or not worth_joining(message.text, [t.text for t in turns]):
            return []
        pieces = [*(t.text.strip() for t in turns), message.text.strip()]
        own_offset = len(message.text) - len(message.text.lstrip())
        known = {(s.kind, s.value) for s in current}
        out: list[Signal] = []
        for joined, starts in joinings(pieces):
            own_start = starts[-1]
            kept, _ = self._run(Document(joined, message.context.region), self._split_detectors)
            for item in kept:
                f = item.finding
                if f.end <= own_start or (f.kind, f.value) in known:
                    continue
                known.add((f.kind, f.value))
                related = []
                for piece, turn, begin in zip(pieces, turns, starts, strict=False):
                    s, e = max(f.start, begin), min(f.end, begin + len(piece))
                    if s < e:
                        shift = turn.offset + len(turn.text) - len(turn.text.lstrip())  # into the message as sent
                        related.append(Related(turn.message_id, shift + s - begin, shift + e - begin, joined[s:e]))
                if not related:  # found in this message alone, but only with the earlier ones in view
                    prev = turns[-1]
                    shift = prev.offset + len(prev.text) - len(prev.text.lstrip())
                    related.append(Related(prev.message_id, shift, shift + len(pieces[-2]), pieces[-2]))
                names = ", ".join(r.message_id or "?" for r in related)
                end = own_offset + f.end - own_start
                begin_here = own_offset + max(f.start - own_start, 0)
                out.append(
                    Signal(
                        kind=f.kind,
                        family=_family(item),
                        score=f.score,
                        start=begin_here,
                        end=end,
                        text=message.text[begin_here:end],
                        value=f.value,
                        reason=f"{f.reason}, completed across messages ({names} and this one)",
                        detector=item.detector.info.ref,
                        related=tuple(related),
                    )
                )
        return out


def _continuation(message: Message, state: ConversationState) -> Signal | None:
    """The next piece of an address the sender began in the message just before ("drop me a line: oren", then
    "dot kessler"): flagged with the pieces, as the label scheme flags every fragment of a split detail."""
    if not state.turns or message.sender_id is None:
        return None
    last = _own_last(message.sender_id, state)  # the other party may have answered in between ("yes why")
    if last is None or not last.shared or not continues_detail(message.text):
        return None
    reason = f"continues the contact detail begun in the sender's previous message ({last.message_id or '?'})"
    return _piece_of(message.text, last, "contact.request", "contact", reason, "split.continuation@1.0.0")


def _payment_continuation(message: Message, state: ConversationState, current: list[Signal]) -> list[Signal]:
    """The next piece of a payment the sender began just before ("pay to my paypal", then "it's dana.k" and "at
    outlook dot com"; "I'll send usdt", then "wallet?"): flagged as payment, as the label scheme flags every piece of
    a split detail. An address head there is the payment account's e-mail or handle, so it is contact too (a PayPal
    e-mail address is both); a detail found in the message itself is already contact."""
    if not state.turns or message.sender_id is None:
        return []
    last = _own_last(message.sender_id, state)
    if last is None or not last.paid:
        return []
    text = message.text
    has_detail = any(s.family == "contact" and s.kind in DETAIL_KINDS and s.score >= 0.6 for s in current)
    if not has_detail and not continues_payment(text):
        return []
    why = f"continues the payment detail begun in the sender's previous message ({last.message_id or '?'})"
    out = [_piece_of(text, last, "payment.offplatform", "payment", why, "split.continuation@1.0.0")]
    if not any(s.family == "contact" and s.score >= 0.6 for s in current) and looks_like_address_head(text):
        why = f"the head of the address to pay, begun in the sender's previous message ({last.message_id or '?'})"
        out.append(_piece_of(text, last, "contact.request", "contact", why, "split.continuation@1.0.0"))
    return out


def _own_last(sender_id: str, state: ConversationState) -> Turn | None:
    """The sender's latest turn among the last three, or None."""
    for turn in reversed(state.turns[-3:]):
        if turn.sender_id == sender_id:
            return turn
    return None


def _answer(message: Message, state: ConversationState) -> Signal | None:
    """A short reply that gives a detail the other party just asked for ("Vous avez une adresse mail ?", then
    "oui : sophie.garnier"; "Can I just wire you?", then "sure. DE7812030000"): flagged in the family asked for,
    as the label scheme flags every piece of a detail given across messages."""
    if not state.turns or message.sender_id is None:
        return None
    last = state.turns[-1]
    if last.sender_id is None or last.sender_id == message.sender_id:
        return None
    asked = "contact" if last.shared else "payment" if last.paid else None
    if asked is None or not answers_request(message.text, asked, last.text):
        return None
    kind = "contact.request" if asked == "contact" else "payment.offplatform"
    reason = f"answers the other party's request for a {asked} detail ({last.message_id or '?'}) with one, or its start"
    return _piece_of(message.text, kind=kind, family=asked, last=last, reason=reason, detector="split.answer@1.0.0")


def _piece_of(text: str, last: Turn, kind: str, family: str, reason: str, detector: str) -> Signal:
    """A signal over the whole (trimmed) message that is one piece of a detail, naming the earlier turn it
    belongs with."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    related = (Related(last.message_id, last.offset, last.offset + len(last.text), last.text),)
    return new_signal(kind, family, 0.7, start, end, text[start:end], None, reason, detector, related)


def _supersedes(joined: Signal, own: Signal) -> bool:
    same = joined.kind == own.kind or (joined.kind in DETAIL_KINDS and own.kind in DETAIL_KINDS)
    return same and own.start < joined.end


def _without_orphan_amounts(found: list[_Found], dropped: list[tuple[_Found, str]]) -> list[_Found]:
    """An amount is evidence only beside off-platform payment talk; when all that talk was cancelled ("I can't
    give you a discount for paying outside ... the price is $600"), its amounts are dropped with it."""
    kinds = {f.finding.kind for f in found}
    if "payment.amount" not in kinds or any(k.startswith("payment.") and k != "payment.amount" for k in kinds):
        return found
    why = "the payment talk it went with was cancelled"
    dropped.extend((f, why) for f in found if f.finding.kind == "payment.amount")
    return [f for f in found if f.finding.kind != "payment.amount"]


def _resolve_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the strongest of overlapping findings of one family; a detail is never hidden by mere talk."""
    ordered = sorted(found, key=lambda f: (-f.finding.score, f.finding.start))
    kept: list[_Found] = []
    starts: list[int] = []  # kept findings' starts, sorted, to look only at neighbours
    by_start: list[_Found] = []
    longest = 0
    for item in ordered:
        f = item.finding
        clash = False
        lo = bisect_left(starts, f.start - longest)
        hi = bisect_left(starts, f.end)
        for other in by_start[lo:hi]:
            o = other.finding
            if not (f.start < o.end and o.start < f.end):
                continue
            if _family(item) == _family(other):
                if _family(item) in _PATTERN_FAMILIES and (f.kind != o.kind or item.detector is not other.detector):
                    continue  # a fee scam in a fake interview, a rule and the job-post weighing: all stay, explained
                if f.soft == o.soft or f.soft:
                    clash = True
                    break
            elif f.kind == "contact.request" and o.kind == "payment.offplatform":
                clash = True  # "the rest outside the platform" inside a payment phrase is about the payment
                break
            elif f.kind == "contact.phone" and o.kind in _ACCOUNT_KINDS and o.start <= f.start and f.end <= o.end:
                clash = True  # the last groups of an IBAN read as a phone number are part of the account
                break
        if not clash:
            kept.append(item)
            at = bisect_left(starts, f.start)
            starts.insert(at, f.start)
            by_start.insert(at, item)
            longest = max(longest, f.end - f.start)
    return sorted(kept, key=lambda f: f.finding.start)


MIXED_FAMILY = "fraud"
"""A detector of this family reports each finding under its kind's family (`scam.*` -> scam, `account.*`
-> account): one rule pack covers both."""


_ACCOUNT_KINDS = frozenset({"payment.account", "payment.wallet"})
"""A payment account's number: a phone number read inside one is a piece of it, not a second detail."""

_PATTERN_FAMILIES = frozenset({"scam", "account"})
"""Families whose findings are patterns, not details: overlapping findings stay unless one detector reports
the same kind twice."""


def _family(item: _Found) -> str:
    family = item.detector.info.family
    return item.finding.kind.partition(".")[0] if family == MIXED_FAMILY else family


def _to_signal(item: _Found, offset: int, text: str) -> Signal:
    f = item.finding
    start, end = f.start + offset, f.end + offset
    return new_signal(
        f.kind,
        _family(item),
        round(min(max(f.score, 0.0), 1.0), 4),
        start,
        end,
        text[start:end],
        f.value,
        f.reason,
        item.detector.info.ref,
        (),
        f.pack_rule,
    )


DETAIL_KINDS = frozenset(
    {"contact.email", "contact.phone", "contact.url", "contact.handle", "payment.wallet", "payment.account"}
)


def _what_to_cut(signals: tuple[Signal, ...]) -> tuple[Signal, ...]:
    """Cut the details themselves when there are any ("reach me at [contact removed]"); else the request."""
    details = tuple(s for s in signals if s.kind in DETAIL_KINDS)
    return details or signals


def _redact(text: str, signals: tuple[Signal, ...]) -> str:
    """Replace each signal's span with a label; overlapping spans become one label."""
    merged: list[tuple[int, int, str]] = []
    for sig in sorted(signals, key=lambda x: (x.start, x.end)):
        if merged and (sig.start <= merged[-1][1] or not text[merged[-1][1] : sig.start].strip()):
            s, e, fam = merged[-1]
            merged[-1] = (s, max(e, sig.end), fam)
        else:
            merged.append((sig.start, sig.end, sig.family))
    out: list[str] = []
    pos = 0
    for s, e, fam in merged:
        out.append(text[pos:s])
        out.append(REDACTION_LABELS.get(fam, "[removed]"))
        pos = e
    out.append(text[pos:])
    return "".join(out)
