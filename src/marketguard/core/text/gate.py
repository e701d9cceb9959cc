"""One RE2 scan (of three sets) that answers every cheap yes/no question the screener asks about a message.

Normalisation and detectors guard their costly work with hints ("letters spelled one at a time?",
"could a payment rail be named here?", "any digit words?"). Asked one by one, a dozen hints cost a dozen
passes over the text, each touching its own automaton, per message: a quarter of the time spent on
ordinary chat, where almost every answer is no. A `Gate` holds many hints in a few RE2 sets. The first
question about a text scans it once for all of them (a few microseconds for chat-sized text) and the
answer is remembered for that text, so the other questions are lookups. RE2 builds the set's automaton
as texts come, so a larger set takes longer to warm up (and the gate's one set never did: `sets.SplitSet`
splits it in three); the phrase tables of the phrase detectors keep
their own sets (`marketguard.core.detectors.pattern`).

Most messages need no rewriting, so their `clean` and `plain` views are one and the same string: the
hints of normalisation (asked about `clean`) and of the detectors (asked about `plain`) are then answered
by a single scan.

Patterns are widened exactly as `Hint` widens them (`marketguard.core.text.prefilter`): a gate can say
yes where the exact pattern would not match, never no where it would.

    _RAILS = PLAIN.hint(r"(?<!\\w)(?:paypal|wise)(?!\\w)")
    if _RAILS(doc): ...          # about doc.plain: the first question scans once for every hint
    if _SPACED(text): ...        # about any text
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from marketguard.core.text.prefilter import options, widen
from marketguard.core.text.sets import SplitSet, compile_set

if TYPE_CHECKING:
    from marketguard.core.text.normalize import Document


class Hits:
    """A gate's answer for one text: the indices that may match."""

    __slots__ = ("found",)

    def __init__(self, found: list[int]) -> None:
        self.found = frozenset(found)


class Gate:
    """Hints answered together; the answers for the last few texts are remembered."""

    _REMEMBERED = 3
    """Texts whose answers are kept: a message's clean and plain views, and the original."""

    def __init__(self, view: str, groups: int = 1) -> None:
        self.view = view
        """The `Document` view that `hint(doc)` asks about."""
        self.groups = groups
        """RE2 sets the hints are split between (`sets.SplitSet`): fewer automaton states to build."""
        self._patterns: list[str] = []
        self._count = 0  # len(self._patterns), read on every question
        self._index: dict[str, int] = {}
        self._lock = threading.Lock()
        self._compiled: tuple[int, Any] | None = None  # (patterns compiled, raw RE2 set or SplitSet)
        self._recent: tuple[tuple[str, int, Hits], ...] = ()  # (text, patterns scanned, answer), newest first

    def add(self, pattern: str) -> int:
        """Register `pattern` (an ordinary `re` pattern, widened here); its index in `Hits`."""
        widened = widen(pattern)
        with self._lock:
            at = self._index.get(widened)
            if at is None:
                # Not compiled here: the set is compiled on the first question, and checking each pattern at
                # import cost 5 % of start-up. `tests/core/text/test_gate.py` compiles every gate of the package.
                at = self._index[widened] = len(self._patterns)
                self._patterns.append(widened)
                self._count = len(self._patterns)
            return at

    def hint(self, pattern: str) -> GateHint:
        """A yes/no question about a document's view or a text, answered by this gate's shared pass."""
        return GateHint(self, self.add(pattern))

    def matches(self, doc: Document) -> Hits:
        """The registered patterns that may match the document's view."""
        text: str = getattr(doc, self.view).text
        return self.scan(text)

    def scan(self, text: str) -> Hits:
        """The registered patterns that may match `text`; a text asked about recently is not rescanned."""
        count = self._count
        recent = self._recent  # one read: another thread may swap in a newer tuple, never half of one
        for seen, scanned, hits in recent:
            if seen is text and scanned == count:  # `is`: the tuple holds the text, so its id is not reused
                return hits
        hits = Hits(self._set().Match(text.encode("utf-8", "surrogatepass")) or [])
        self._recent = ((text, count, hits), *recent[: self._REMEMBERED - 1])
        return hits

    def _set(self) -> Any:
        compiled = self._compiled
        if compiled is None or compiled[0] != len(self._patterns):
            with self._lock:
                patterns = list(self._patterns)
                built = (
                    SplitSet(patterns, options(), self.groups, ordered=False)  # `Hits` holds a set: order unused
                    if self.groups > 1
                    else compile_set(patterns, options())
                )
                compiled = (len(patterns), built)
                self._compiled = compiled
        return compiled[1]


class GateHint:
    """`hint(doc)` or `hint(text)` is False only when the pattern cannot match the gate's view of `doc`
    (or `text`)."""

    __slots__ = ("gate", "index")

    def __init__(self, gate: Gate, index: int) -> None:
        self.gate = gate
        self.index = index

    def __call__(self, subject: Document | str) -> bool:
        gate = self.gate
        text: str = subject if isinstance(subject, str) else getattr(subject, gate.view).text
        recent = gate._recent
        if recent:  # the common case, inlined: the newest answer is this text's (a dozen questions a message)
            seen, scanned, hits = recent[0]
            if seen is text and scanned == gate._count:
                return self.index in hits.found
        return self.index in gate.scan(text).found


PLAIN = Gate("plain", groups=3)
"""The gate of the screener: `hint(doc)` reads `Document.plain`; normalisation asks about its own texts."""
