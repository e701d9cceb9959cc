"""`marketguard eval accounts EVENTS TRUTH`: how the account monitor does on a labelled simulated stream.

Per scenario: bad accounts caught (a `review` or `block` at or after the onset), honest accounts ever
reviewed, honest logins challenged (any decision from `challenge` up), and take-overs stopped (one of the
attacker's logins or payout changes challenged, held, reviewed or blocked).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from marketguard.core.accounts import AccountMonitor

STOPPING = frozenset({"challenge", "hold", "review", "block"})
CASE = frozenset({"review", "block"})


@dataclass
class ScenarioFigures:
    accounts: int = 0
    bad: bool = False
    caught: int = 0
    honest_reviewed: int = 0
    logins: int = 0
    logins_challenged: int = 0
    takeovers: int = 0
    takeovers_stopped: int = 0
    attacker_logins: int = 0
    attacker_logins_challenged: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class AccountsReport:
    scenarios: dict[str, ScenarioFigures] = field(default_factory=dict)
    errors: int = 0

    def totals(self) -> dict[str, float]:
        bad = [s for s in self.scenarios.values() if s.bad]
        honest = [s for s in self.scenarios.values() if not s.bad]

        def share(a: int, b: int) -> float:
            return a / b if b else 0.0

        return {
            "bad_caught": share(sum(s.caught for s in bad), sum(s.accounts for s in bad)),
            "honest_reviewed": share(sum(s.honest_reviewed for s in honest), sum(s.accounts for s in honest)),
            "honest_logins_challenged": share(sum(s.logins_challenged for s in honest), sum(s.logins for s in honest)),
            "takeovers_stopped": share(sum(s.takeovers_stopped for s in bad), sum(s.takeovers for s in bad)),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenarios": {k: v.to_dict() for k, v in sorted(self.scenarios.items())},
            "totals": self.totals(),
            "errors": self.errors,
        }


def _ts(value: str | None) -> float | None:
    return None if value is None else datetime.fromisoformat(value).timestamp()


def evaluate_accounts(
    events: Iterable[dict[str, Any]], truth: dict[str, Any], monitor: AccountMonitor | None = None
) -> AccountsReport:
    """Run every event through a fresh monitor and score the decisions against the truth."""
    from marketguard.errors import RecordError

    monitor = monitor or AccountMonitor()
    labels: dict[str, Any] = truth["accounts"]
    onsets = {a: _ts(t.get("onset")) for a, t in labels.items()}
    attacker = {e for t in labels.values() for e in t.get("attacker_events", [])}
    caught: set[str] = set()
    stopped: set[str] = set()
    report = AccountsReport()
    for t in labels.values():
        fig = report.scenarios.setdefault(t["scenario"], ScenarioFigures(bad=bool(t["bad"])))
        fig.accounts += 1
        if t["scenario"].startswith("takeover."):
            fig.takeovers += 1
    for record in events:
        try:
            result = monitor.observe(record)
        except RecordError:
            report.errors += 1
            continue
        account = result.account_id
        label = labels.get(account)
        if label is None:
            continue
        decision = result.decision.value
        if label["bad"]:
            onset = onsets[account]
            if decision in CASE and onset is not None and _ts(record["at"]) >= onset:  # type: ignore[operator]
                caught.add(account)
            if result.id in attacker and decision in STOPPING:
                stopped.add(account)
            if result.id in attacker and result.kind == "login" and label["scenario"].startswith("takeover."):
                fig = report.scenarios[label["scenario"]]
                fig.attacker_logins += 1
                fig.attacker_logins_challenged += decision in STOPPING
        else:
            fig = report.scenarios[label["scenario"]]
            if decision in CASE:
                caught.add(account)
            if result.kind == "login":
                fig.logins += 1
                fig.logins_challenged += decision in STOPPING
    for account in caught:
        label = labels[account]
        fig = report.scenarios[label["scenario"]]
        if label["bad"]:
            fig.caught += 1
        else:
            fig.honest_reviewed += 1
    for account in stopped:
        report.scenarios[labels[account]["scenario"]].takeovers_stopped += (
            1 if labels[account]["scenario"].startswith("takeover.") else 0
        )
    return report
