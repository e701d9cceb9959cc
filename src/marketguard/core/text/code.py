"""Where a message quotes code: fenced blocks, inline code, shell prompts, decorator lines."""

from __future__ import annotations

import re

from marketguard.core.text.lazy import lazy_compile

_INLINE_CODE = lazy_compile(r"`[^`\n]{1,400}`")
_PROMPT_LINE = lazy_compile(
    r"(?m)^[ \t]{0,8}(?:\$|>>>|#|[\w.\-]{1,64}@[\w.\-]{1,64}:[~/][^\n$#]{0,200}[$#])[ \t][^\n]{0,2000}$"
)
_DECORATOR = lazy_compile(r"(?m)^[ \t]{0,16}@[a-z_][\w.]{0,100}(?:\([^\n]{0,500}\))?[ \t]*$", re.IGNORECASE)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where the message quotes code: fenced blocks, inline code, shell prompts, decorator lines."""
    spans: list[tuple[int, int]] = []
    if "```" in text:
        pos = 0
        while True:
            s = text.find("```", pos)
            if s < 0:
                break
            e = text.find("```", s + 3)
            if e < 0:
                spans.append((s, len(text)))
                break
            spans.append((s, e + 3))
            pos = e + 3
    if "`" in text:
        spans.extend(m.span() for m in _INLINE_CODE.finditer(text))
    if "$" in text or ">>>" in text or "#" in text:
        spans.extend(m.span() for m in _PROMPT_LINE.finditer(text))
    if "@" in text:
        spans.extend(m.span() for m in _DECORATOR.finditer(text))
    return sorted(spans)
