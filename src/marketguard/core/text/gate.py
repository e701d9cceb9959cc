"""One RE2 pass that answers every detector's cheap yes/no questions about a document.

Detectors guard their costly work with hints ("could a payment rail be named here?", "any digit
words?", "which phrase patterns could match?"). Asked one by one, a dozen hints cost a dozen passes over
the text and a dozen Python-to-C crossings per message: a quarter of the time spent on ordinary chat,
where almost every answer is no. A `Gate` collects the hints that read one view of a document; the first
question about a document runs all of them as a single RE2 set over that view (well under a microsecond
for chat-sized text, with a hundred patterns) and keeps the answer on the document, so every later
question is a set lookup.

Patterns are widened exactly as `Hint` widens them (`marketguard.core.text.prefilter`): a gate can say
yes where the exact pattern would not match, never no where it would.

    PLAIN = Gate("plain")                      # every hint below reads Document.plain
    _RAILS = PLAIN.hint(r"(?<!\\w)(?:paypal|wise)(?!\\w)")
    if _RAILS(doc): ...                        # the first call on `doc` scans once for every hint
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import re2

from marketguard.core.text.prefilter import options, widen

if TYPE_CHECKING:
    from marketguard.core.text.normalize import Document


class Gate:
    """Hints over one view of a `Document`, answered together and remembered per document."""

    def __init__(self, view: str) -> None:
        self.view = view
        self._patterns: list[str] = []
        self._index: dict[str, int] = {}
        self._lock = threading.Lock()
        self._compiled: tuple[int, Any] | None = None  # (patterns compiled, raw RE2 set)

    def add(self, pattern: str) -> int:
        """Register `pattern` (an ordinary `re` pattern, widened here); its index in `matches`."""
        widened = widen(pattern)
        with self._lock:
            at = self._index.get(widened)
            if at is None:
                re2.compile(widened, options())  # fail here, at import, rather than on the first message
                at = self._index[widened] = len(self._patterns)
                self._patterns.append(widened)
            return at

    def hint(self, pattern: str) -> GateHint:
        """A yes/no question about a document, answered by this gate's shared pass."""
        return GateHint(self, self.add(pattern))

    def matches(self, doc: Document) -> Hits:
        """The registered patterns that may match the document's view, computed once per document."""
        key = (self, len(self._patterns))
        hits: Hits | None = doc.memo.get(key)  # type: ignore[assignment]
        if hits is None:
            text: str = getattr(doc, self.view).text
            hits = Hits(self._set().Match(text.encode("utf-8", "surrogatepass")) or ())
            doc.memo[key] = hits
        return hits

    def _set(self) -> Any:
        compiled = self._compiled  # one read: another thread may swap in a newer set, never half of one
        if compiled is None or compiled[0] != len(self._patterns):
            with self._lock:
                patterns = list(self._patterns)
                built = re2.Set.SearchSet(options())
                for p in patterns:
                    built.Add(p)
                built.Compile()
                compiled = (len(patterns), getattr(built, "_set", built))  # the raw set: no per-call wrapper
                self._compiled = compiled
        return compiled[1]


class Hits:
    """A gate's answer for one document: the indices that may match, in the order RE2 first met them."""

    __slots__ = ("found", "order")

    def __init__(self, order: Sequence[int]) -> None:
        self.order = tuple(order)
        self.found = frozenset(order)


class GateHint:
    """`hint(doc)` is False only when the pattern cannot match the gate's view of `doc`."""

    __slots__ = ("gate", "index")

    def __init__(self, gate: Gate, index: int) -> None:
        self.gate = gate
        self.index = index

    def __call__(self, doc: Document) -> bool:
        return self.index in self.gate.matches(doc).found


PLAIN = Gate("plain")
"""The gate over `Document.plain`, the view most detectors read."""
