"""The one small interface every detector implements, and the records it returns.

A detector reads a `Document` (the message and its normalised views) and returns `Finding`s whose
offsets index `Document.text`. It declares what it is as class data (`info`) so that the registry, the
traces and the documentation read it without running it. Detectors are pure: no I/O, no clocks.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Literal

from marketguard.core.text.normalize import Document

Cost = Literal["cheap", "moderate", "expensive"]


@dataclass(frozen=True, slots=True)
class DetectorInfo:
    """Identity of a detector: its id is unique, its version changes when its behaviour does."""

    id: str
    family: str
    kinds: tuple[str, ...]
    version: str
    description: str
    cost: Cost = "cheap"
    default_on: bool = True
    """False for a detector that runs only when configuration switches it on (`detectors.enabled`): the trained
    circumvention model, whose recall gain costs about a third more instructions per message (docs/model.md)."""

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a detector saw, in `Document.text` offsets.

    `soft` findings are words about contact or payment (a request, an invitation, a rail named) rather than
    a detail itself; negation ("I won't move to WhatsApp") and on-platform context ("a call here on the
    platform") may cancel them, but never a concrete email or phone number.
    """

    kind: str
    score: float
    start: int
    end: int
    value: str | None
    reason: str
    soft: bool = False
    allowed_by: str | None = None
    """Set when an allow-list covers the finding: the engine then reports it as suppressed, not as a signal."""
    pack_rule: str | None = None
    """The rule-pack rule that made the finding (`fraud.rules` only); the engine carries it onto `Signal.pack_rule`."""


@dataclass(frozen=True, slots=True)
class DetectorConfig:
    """Settings that detectors share; the adapters fill them from configuration files."""

    regions: tuple[str, ...] = (
        "US",
        "GB",
        "IN",
        "BR",
        "DE",
        "NG",
        "PH",
        "PK",
        "RU",
        "FR",
        "ES",
        "MX",
        "UA",
        "CA",
        "AU",
        "IT",
        "PT",
        "AR",
        "CO",
        "KE",
        "EG",
        "BD",
        "ID",
        "TR",
    )
    """Regions tried, in order, for a phone number written without a country code."""
    allowed_domains: frozenset[str] = frozenset(
        {
            "github.com",
            "gitlab.com",
            "bitbucket.org",
            "behance.net",
            "dribbble.com",
            "artstation.com",
            "upwork.com",
            "fiverr.com",
            "freelancer.com",
            "stackoverflow.com",
            "python.org",
            "mozilla.org",
            "wikipedia.org",
            "w3.org",
            "npmjs.com",
            "pypi.org",
            "readthedocs.io",
            "figma.com",
        }
    )
    """Registered domains whose links the policy allows (portfolios, code hosts); they never fire."""
    platform_words: tuple[str, ...] = ("upwork", "fiverr", "freelancer", "the platform", "this platform")


class Detector(ABC):
    """Base class: subclasses set `info` and implement `detect`."""

    info: ClassVar[DetectorInfo]

    def __init__(self, config: DetectorConfig) -> None:
        self.config = config

    @abstractmethod
    def detect(self, doc: Document) -> list[Finding]:
        """Every finding in `doc`; an empty list when there is none."""
