"""What a rule is: plain frozen records and the closed vocabularies a rule may use.

A rule fires when every one of its cue groups matches (`all`) inside a window of `within` characters,
unless a negation phrase stands in the clause before the passage (`unless`), a reporting phrase stands
anywhere in the message (`unless_in_message`), or the passage is a quotation inside a longer message
(`in_quotes`). Phrases are data, never code: see `compiler` for their
syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from marketguard.errors import MarketguardError

KINDS: frozenset[str] = frozenset(
    {
        "scam.offplatform_interview",
        "scam.fake_check",
        "scam.vendor_purchase",
        "scam.upfront_fee",
        "scam.crypto_task",
        "scam.phishing",
        "scam.identity_harvest",
        "scam.money_mule",
        "scam.free_work",
        "scam.malware",
        "scam.lookalike_link",
        "scam.fake_job",
        "scam.stolen_card",
        "account.rental_offer",
        "account.sale",
        "account.verification_proxy",
        "account.payout_redirect",
    }
)
"""Every kind a fraud rule may name; the family is the part before the dot (`scam` or `account`)."""

SEVERITIES: tuple[str, ...] = ("low", "medium", "high", "critical")


class RulePackError(MarketguardError):
    """A rule pack is malformed; the message names the file and the rule."""


@dataclass(frozen=True, slots=True)
class CueGroup:
    """Phrases of which any one is enough; `name` is the shared cue it came from, if any."""

    phrases: tuple[str, ...]
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Fixtures:
    match: tuple[str, ...] = ()
    no_match: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    score: float
    severity: str
    all: tuple[CueGroup, ...]
    within: int
    unless: CueGroup | None
    unless_in_message: CueGroup | None
    description: str
    fixtures: Fixtures
    source: str
    """The file the rule came from, for error messages and `marketguard rules list`."""
    in_quotes: bool = False
    """Whether the rule may fire on a passage that lies wholly inside quotation marks in a longer message.
    False by default: "Someone sent me 'deposit our check' - a scam, right?" quotes a scam to report or teach
    it, and a scam's own instruction is rarely a quotation inside other words."""

    @property
    def family(self) -> str:
        return self.kind.partition(".")[0]


@dataclass(frozen=True, slots=True)
class Pack:
    rules: tuple[Rule, ...]
    sources: tuple[str, ...]
    cues: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The shared cues by name, resolved ("@name" spliced in): for callers that read one cue on its own."""

    def cue(self, name: str) -> tuple[str, ...]:
        """The phrases of one shared cue, or () when the pack has none of that name."""
        return next((phrases for key, phrases in self.cues if key == name), ())
