"""A normalised copy of a text that remembers where each of its characters came from.

Detectors search normalised text ("ｔｅｌｅｇｒａｍ" read as "telegram", "five five five" as "5 5 5") but
must report offsets into the ORIGINAL text, because reviewers highlight and redactors cut there. A
`View` carries, for every character, the index in the original of the character it came from; views
derived from views compose their maps, so a detector never needs to know how many steps came before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Replacement = str | list[tuple[str, int]] | None
"""What a rewrite callback returns: None keeps the match; a string replaces it (every character maps to the
match's start); a list of (character, offset-within-match) pairs replaces it keeping finer offsets."""


@dataclass(frozen=True, slots=True)
class View:
    """`text` with `starts[i]` = index in the original of `text[i]`; `starts[len(text)]` = len(original).

    `starts` is None when the view is character-for-character aligned with the original (the common case
    for plain ASCII chat), which saves building a list per message.
    """

    text: str
    starts: Sequence[int] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map [start, end) in this view to [start, end) in the original text."""
        if self.starts is None:
            return start, end
        s = self.starts[start]
        e = self.starts[end]
        return s, max(e, s + 1)

    def origin(self, index: int) -> int:
        """The index in the original text of this view's character `index`."""
        return index if self.starts is None else self.starts[index]


def rewrite(view: View, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], Replacement]) -> View:
    """Apply `replace` to every match of `pattern` in `view`, keeping the map to the original text."""
    text = view.text
    pieces: list[str] = []
    starts: list[int] = []
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        rep = replace(m)
        if rep is None:
            continue
        changed = True
        s, e = m.span()
        pieces.append(text[pos:s])
        starts.extend(range(pos, s))
        if isinstance(rep, str):
            pieces.append(rep)
            starts.extend([s] * len(rep))
        else:
            for ch, off in rep:
                pieces.append(ch)
                starts.append(s + off)
        pos = e
    if not changed:
        return view
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text) + 1))
    if view.starts is not None:
        parent = view.starts
        starts = [parent[i] for i in starts]
    return View("".join(pieces), starts)


def mask(view: View, pattern: re.Pattern[str], fill: str = "#") -> View:
    """Overwrite every match with `fill` characters of the same length: offsets stay as they were."""

    def _fill(m: re.Match[str]) -> str:
        return fill * (m.end() - m.start())

    text = pattern.sub(_fill, view.text)
    return view if text == view.text else View(text, view.starts)
