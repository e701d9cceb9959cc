"""Normalisation: the views of a message that detectors search, each mapped back to the original.

Three views, each derived from the one before and computed only when a detector asks for it:

- `clean`: lower-case; NFKC (fullwidth and mathematical letters become ASCII); Unicode digits become
  ASCII digits; invisible characters (zero-width, joiners, variation selectors, keycaps) vanish;
  Cyrillic and Greek look-alikes inside Latin words become Latin (the confusables table); letters written
  one at a time ("g m a i l", "t.e.l.e.g.r.a.m") are joined.
- `plain`: `clean` with spelled-out punctuation undone where it is unambiguous: "[dot]", "(at)", "[.]",
  "jdoe at gmail", "t dot me slash x", "live colon x", "hxxp".
- `digits`: `plain` with digit words turned into digits ("four one five", "double zero", "2three4", in six
  languages), and with dates, times, prices, versions, IP addresses and reference numbers masked, so
  that what is left that looks like a phone number probably is one.

Every regex here is bounded, so that a megabyte of hostile near-matches takes linear time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar, overload

from marketguard.core.model import JobPost
from marketguard.core.text.clean import clean_view
from marketguard.core.text.code import code_spans
from marketguard.core.text.digits import (
    DIGIT_WORD_HINT,
    NOT_PHONE,
    SYMBOLS,
    digits_view,
    mask_not_phone_view,
    spelled_digits_view,
)
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.plain import LEET, WEBMAIL, WEBMAIL_STRICT, plain_view
from marketguard.core.text.view import View, mask

__all__ = [
    "DIGIT_WORDS",
    "DIGIT_WORD_HINT",
    "LEET",
    "NOT_PHONE",
    "SYMBOLS",
    "WEBMAIL",
    "WEBMAIL_STRICT",
    "Document",
    "clean_view",
    "code_spans",
    "digits_view",
    "plain_view",
    "spelled_digits_view",
]


_T = TypeVar("_T")


class view_property(cached_property[_T], Generic[_T]):
    """`functools.cached_property` without the lock Python 3.11 takes on every first access (3.12 dropped
    it): a view is a pure function of the text, so two threads building one at once waste work, nothing
    more, and the lock cost about a microsecond per view per message."""

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> view_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type[Any] | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type[Any] | None = None) -> _T | view_property[_T]:
        if instance is None:
            return self
        value: _T = self.func(instance)
        instance.__dict__[self.attrname or self.func.__name__] = value
        return value


@dataclass
class Document:
    """One text and its views, computed on first use and shared by every detector."""

    text: str
    region: str | None = None
    """The sender's country, if known: the first region tried for a national phone number."""
    notes: list[str] = field(default_factory=list)
    """What the screener wants the reader to know about how this text was read (caps hit, ...)."""
    job: JobPost | None = None
    """The structured fields of a job post, for the detectors that weigh them against the text."""

    @view_property
    def clean(self) -> View:
        return clean_view(self.text)

    @view_property
    def plain(self) -> View:
        return plain_view(self.clean)

    @view_property
    def spelled(self) -> View:
        """`plain` with digit words turned into digits, before anything is masked."""
        return spelled_digits_view(self.plain, words=DIGIT_WORDS(self))

    @view_property
    def digits(self) -> View:
        return mask(mask_not_phone_view(self.spelled), SYMBOLS, " ")

    @view_property
    def lower(self) -> str:
        """The original lower-cased (same length), for context rules that read around a finding."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else "".join(c.lower()[:1] or c for c in self.text)

    @view_property
    def code(self) -> list[tuple[int, int]]:
        return code_spans(self.text)

    def in_code(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.code)


DIGIT_WORDS = PLAIN.hint(DIGIT_WORD_HINT.pattern)
"""`DIGIT_WORD_HINT` answered by the document's gate: digit words ("four", "cinco", "double") in `plain`."""
