"""Context that cancels or weakens a finding: negation, on-platform talk, code, quoted scripts.

Only soft findings (words about contact or payment) are cancelled by negation or on-platform context:
"Sorry, I won't move to WhatsApp" and "let's talk on a call here on the platform" stay allowed, while a
phone number stays a phone number whatever is said around it. Every cancellation says why.
"""

from __future__ import annotations

import re

from marketguard.core.detectors.base import Finding
from marketguard.core.text.normalize import Document

_CLAUSE_BREAK = re.compile(r"[.!?;\n]|\bbut\b|\bhowever\b|\bpero\b|\bmas\b|\bmais\b|\baber\b|\bно\b")
_NEGATION = re.compile(
    r"(?<!\w)(?:not|n't|never|no|nope|won't|can't|cannot|don't|dont|doesn't|didn't|shouldn't|mustn't|refuse|"
    r"rather\snot|against\s(?:the\s)?(?:rules|tos|terms|policy)|not\sallowed|prohibited|forbidden|"
    r"no\s(?:puedo|quiero)|nunca|não|nao|nunca|pas|jamais|nicht|kein|keine|niemals|не|нельзя|никогда)(?!\w)"
)
_ON_PLATFORM = re.compile(
    r"(?<!\w)(?:here\son\s(?:upwork|fiverr|the\splatform)|on\s(?:upwork|fiverr|the\splatform|this\splatform)|"
    r"through\s(?:upwork|fiverr|the\splatform)|via\s(?:upwork|fiverr|the\splatform)|(?:upwork|fiverr)(?:'s)?\s(?:messages|"
    r"chat|call|zoom|video)|platform(?:'s)?\s(?:messages|chat|call|video)|in\s(?:the\s)?(?:upwork|fiverr)\s(?:chat|messages)|"
    r"here\sin\s(?:the\s)?chat|right\shere|stay\shere|keep\s(?:it|everything|things)\shere)(?!\w)"
)
_SCRIPT_CUE = re.compile(r"(?i)\b(?:script|voice[- ]?over|vo\b|ad\scopy|radio\sspot|read\sthis|narrat\w*|line\sreads?)")
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{1,2000})[\"“”«»]")


def _clause_before(text: str, pos: int, width: int = 50) -> str:
    chunk = text[max(0, pos - width) : pos]
    last = None
    for last in _CLAUSE_BREAK.finditer(chunk):
        pass
    return chunk if last is None else chunk[last.end() :]


def _clause_around(text: str, start: int, end: int) -> str:
    left = _clause_before(text, start, 80)
    right = text[end : end + 60]
    cut = _CLAUSE_BREAK.search(right)
    return left + text[start:end] + (right if cut is None else right[: cut.start()])


def why_cancelled(doc: Document, finding: Finding) -> str | None:
    """A reason to drop this finding, or None to keep it."""
    if finding.allowed_by:
        return finding.allowed_by
    text = doc.text.lower()
    if finding.soft:
        if _NEGATION.search(_clause_before(text, finding.start)):
            return "negated in its clause"
        if not finding.kind.startswith("payment.") and _ON_PLATFORM.search(_clause_around(text, finding.start, finding.end)):
            return "the conversation stays on the platform"
    if finding.kind == "contact.phone" and _SCRIPT_CUE.search(text):
        for m in _QUOTED.finditer(doc.text):
            if m.start() <= finding.start and finding.end <= m.end():
                return "a number quoted in a script the sender is asked to read"
    return None


def in_code(doc: Document, finding: Finding) -> bool:
    return doc.in_code(finding.start, finding.end)
