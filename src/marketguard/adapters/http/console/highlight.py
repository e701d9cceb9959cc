"""Cut a message into plain and highlighted segments, one per change of the set of covering signals.

The template escapes each segment on its own (Jinja2 autoescape), so highlighting never builds markup
out of the attacker's text: the only tags on the page are the template's `<mark>`s. Spans come from the
stored trace, so they are checked (clamped to the text, empty or reversed ones dropped) rather than
trusted. Overlapping signals share a segment that names all of them.

    segments("mail me: a@b.co", [{"start": 9, "end": 15, "kind": "contact.email", "score": 0.95}])
    -> [Segment("mail me: ", ()), Segment("a@b.co", ("contact.email 0.95",))]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    labels: tuple[str, ...]
    """What covers this segment ('kind score' per signal); empty for plain text."""

    @property
    def marked(self) -> bool:
        return bool(self.labels)


def _span(signal: Mapping[str, Any], length: int) -> tuple[int, int] | None:
    try:
        start, end = int(signal["start"]), int(signal["end"])
    except (KeyError, TypeError, ValueError):
        return None
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if start < end else None


def _label(signal: Mapping[str, Any]) -> str:
    kind = str(signal.get("kind", "signal"))
    try:
        return f"{kind} {float(signal.get('score', 0.0)):.2f}"
    except (TypeError, ValueError):
        return kind


def segments(text: str, signals: Iterable[Mapping[str, Any]]) -> list[Segment]:
    """The text as consecutive segments whose concatenation is exactly `text`."""
    spans = [(span, _label(s)) for s in signals if (span := _span(s, len(text))) is not None]
    cuts = sorted({0, len(text), *(p for (a, b), _ in spans for p in (a, b))})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        labels = tuple(dict.fromkeys(label for (s, e), label in spans if s <= a and b <= e))
        if out and out[-1].labels == labels:
            out[-1] = Segment(out[-1].text + text[a:b], labels)
        else:
            out.append(Segment(text[a:b], labels))
    return out
