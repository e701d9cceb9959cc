"""The one shape of the blind-round rule tests: a table of phrasings the screener must name, a table of work talk
with the same words it must leave alone, and what counts as naming one.

Each round's module keeps only its tables and its docstring (the causes it covers) and takes its two tests from
`round_tests`, bound to the names the round has always had, so the test ids stay the same:

    test_each_phrasing_of_a_blind7_cause_is_named, test_work_talk_with_the_same_words_stays_clean = round_tests(
        SCAMS, BENIGN, rule_scam
    )
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

import pytest

from fraud_dev_sets import rules_only_screener
from marketguard import Screener
from marketguard.core.model import Signal

Finds = Callable[[Iterable[Signal]], list[Signal]]
"""What a round counts as a finding among a screened text's signals (empty: none)."""
RoundTest = Callable[[str], None]


def rule_scam(signals: Iterable[Signal]) -> list[Signal]:
    """Scam findings of the rule layers (not the model), strong enough for a policy row to act on (0.6)."""
    return [s for s in signals if s.family == "scam" and s.kind != "scam.model" and s.score >= 0.6]


def account_offer(signals: Iterable[Signal]) -> list[Signal]:
    """Account findings strong enough for a policy row to act on (0.6)."""
    return [s for s in signals if s.family == "account" and s.score >= 0.6]


@cache
def _screener(rules_only: bool) -> Screener:
    """One screener of each sort for every round (a bare text carries no conversation, so nothing is shared
    between screenings): the whole screener (rules, links, model, combine), or the rule layers alone."""
    return rules_only_screener() if rules_only else Screener()


def round_tests(
    named: Sequence[str], clean: Sequence[str], finds: Finds, rules_only: bool = False
) -> tuple[RoundTest, RoundTest]:
    """The round's two tests, one case a text: each text of `named` gives a finding (`finds`), no text of `clean`
    gives one. Screened by the whole screener, or with `rules_only` by the rule layers alone. Assign them to
    module names that begin with `test_`: pytest collects them under those names."""

    @pytest.mark.parametrize("text", named)
    def test_named(text: str) -> None:
        signals = _screener(rules_only).screen(text).signals
        assert finds(signals), signals

    @pytest.mark.parametrize("text", clean)
    def test_clean(text: str) -> None:
        signals = _screener(rules_only).screen(text).signals
        assert not finds(signals), signals

    return test_named, test_clean
