"""The simulator: deterministic, labelled, addresses that geolocate as the scenario says; and the eval runs."""

from __future__ import annotations

from marketguard.adapters.ipintel import default_ipintel
from marketguard.core.accounts import NetworkType
from marketguard.evaluation_accounts import evaluate_accounts
from marketguard.simulate.accounts import BAD, SCENARIOS, simulate


def test_simulation_is_deterministic_and_labelled() -> None:
    events, truth = simulate(7, per_scenario=2)
    again, _ = simulate(7, per_scenario=2)
    assert events == again
    assert {t["scenario"] for t in truth["accounts"].values()} == set(SCENARIOS)
    assert all(t["onset"] for t in truth["accounts"].values() if t["scenario"] in BAD)
    times: dict[str, str] = {}
    for ev in events:
        assert ev["at"] >= times.get(ev["account_id"], "")
        times[ev["account_id"]] = ev["at"]


def test_vpn_exits_and_homes_geolocate() -> None:
    events, truth = simulate(8, per_scenario=2)
    intel = default_ipintel()
    vpn = [a for a, t in truth["accounts"].items() if t["scenario"] == "honest.vpn"]
    types = {intel.lookup(e["ip"]).type for e in events if e["account_id"] in vpn and "ip" in e}
    assert NetworkType.CONSUMER in types or NetworkType.MOBILE in types
    assert types & {NetworkType.VPN, NetworkType.HOSTING}


def test_evaluation_reports_every_scenario() -> None:
    events, truth = simulate(9, per_scenario=3)
    report = evaluate_accounts(events, truth)
    assert set(report.scenarios) == set(SCENARIOS) and report.errors == 0
    totals = report.totals()
    assert totals["takeovers_stopped"] >= 0.9  # small sample: the real figures are in docs/accounts.md
    assert totals["honest_reviewed"] <= 0.2
