"""The monitor's behaviour: honest changes stay below review, the bad patterns reach it, state is safe."""

from __future__ import annotations

import pytest
from acct_helpers import IPHONE, event, new_monitor, seasoned_monitor

from marketguard.core.accounts import AccountDecision, AccountEventError, AccountMonitor, Profile
from marketguard.errors import RecordError


@pytest.fixture
def monitor() -> AccountMonitor:
    return new_monitor()


@pytest.fixture
def seasoned() -> AccountMonitor:
    return seasoned_monitor()


def kinds(result: object) -> set[str]:
    return {s.kind for s in result.signals}  # type: ignore[attr-defined]


def test_result_shape(seasoned: AccountMonitor) -> None:
    out = seasoned.observe(event("login", 100, 22)).to_dict()
    assert set(out) >= {"id", "decision", "rule", "signals", "verdicts", "risk"}
    assert out["decision"] == "allow" and out["rule"] == "default-allow"


def test_usual_login_is_familiar(seasoned: AccountMonitor) -> None:
    result = seasoned.observe(event("login", 100, 22, 9))
    assert result.risk < 0 and result.decision is AccountDecision.ALLOW


def test_foreign_new_device_is_challenged_with_explanations(seasoned: AccountMonitor) -> None:
    result = seasoned.observe(event("login", 100, 21, 16, ip="1.2.3.4", device_id="stranger", user_agent=IPHONE))
    assert result.decision is AccountDecision.CHALLENGE
    assert {
        "account.new_device",
        "account.new_country",
        "account.country_mismatch",
        "account.login_risk",
        "account.impossible_travel",
        "account.device_family_shift",
    } <= kinds(result)
    risk = next(s for s in result.signals if s.kind == "account.login_risk")
    assert risk.evidence["features"]["device"] > 0 and risk.detector.startswith("accounts.risk")
    assert all(s.to_dict()["family"] == "account" for s in result.signals)


def test_vpn_alone_is_allowed(seasoned: AccountMonitor) -> None:
    result = seasoned.observe(event("login", 100, 22, 9, ip="5.5.5.5"))
    assert "account.anonymising_network" in kinds(result)
    assert result.decision is AccountDecision.ALLOW
    assert "account.impossible_travel" not in kinds(result)


def test_own_name_payout_from_trusted_laptop_is_allowed(seasoned: AccountMonitor) -> None:
    result = seasoned.observe(
        event(
            "payout_change",
            1,
            22,
            ip="81.2.69.160",
            device_id="laptop",
            method="bank",
            beneficiary_name="LIMA, Ána",
            beneficiary_country="GB",
        )
    )
    assert result.decision is AccountDecision.ALLOW, result.to_dict()


def test_takeover_pattern_is_held_then_reviewed(seasoned: AccountMonitor) -> None:
    login = seasoned.observe(event("login", 100, 22, 3, ip="1.2.3.4", device_id="stranger", user_agent=IPHONE))
    assert login.decision is AccountDecision.CHALLENGE
    payout = seasoned.observe(
        event(
            "payout_change",
            1,
            22,
            4,
            ip="1.2.3.4",
            device_id="stranger",
            method="bank",
            beneficiary_name="Bob Mule",
            beneficiary_country="VN",
        )
    )
    assert payout.decision in (AccountDecision.REVIEW, AccountDecision.BLOCK)
    assert {
        "account.payout_third_party",
        "account.payout_untrusted_device",
        "account.payout_after_risky_login",
        "account.takeover",
    } <= kinds(payout)


def test_phone_bought_abroad_then_own_payout_is_held_not_reviewed(seasoned: AccountMonitor) -> None:
    seasoned.observe(event("login", 100, 22, 3, ip="1.2.3.4", device_id="new-phone", user_agent=IPHONE))
    payout = seasoned.observe(
        event(
            "payout_change",
            1,
            22,
            4,
            ip="1.2.3.4",
            device_id="new-phone",
            method="bank",
            beneficiary_name="Ana Lima",
            beneficiary_country="GB",
        )
    )
    assert payout.decision is AccountDecision.HOLD


def test_helper_on_another_home_network_becomes_shared(seasoned: AccountMonitor) -> None:
    decisions = []
    n = 200
    for day in range(22, 31):
        n += 1
        seasoned.observe(event("login", n, day, 9))
        n += 1
        decisions.append(seasoned.observe(event("login", n, day, 15, ip="9.9.9.9", device_id="helper")))
    assert decisions[-1].decision is AccountDecision.REVIEW
    assert decisions[-1].rule == "account-review-shared"
    assert decisions[0].decision is not AccountDecision.REVIEW


def test_bad_event_changes_nothing(seasoned: AccountMonitor) -> None:
    before = seasoned.store.get("a1")
    assert before is not None
    snapshot = before.to_dict()
    with pytest.raises(AccountEventError, match="back in time"):
        seasoned.observe(event("login", 999, 2))
    with pytest.raises(RecordError):
        seasoned.observe(event("login", 998, 23, ip="1.2.3"))
    after = seasoned.store.get("a1")
    assert after is not None and after.to_dict() == snapshot


def test_replay_is_a_no_op(seasoned: AccountMonitor) -> None:
    first = seasoned.observe(event("login", 100, 22, 3, ip="1.2.3.4", device_id="stranger"))
    snapshot = seasoned.store.get("a1").to_dict()  # type: ignore[union-attr]
    again = seasoned.observe(event("login", 100, 22, 3, ip="1.2.3.4", device_id="stranger"))
    assert again.replay and again.rule == "replay" and again.decision == first.decision
    assert again.to_dict()["replay"] is True
    assert seasoned.store.get("a1").to_dict() == snapshot  # type: ignore[union-attr]


def test_state_stays_bounded(monitor: AccountMonitor) -> None:
    for n in range(1, 400):
        monitor.observe(
            event(
                "login",
                n,
                1 + n // 24,
                n % 24,
                ip="1.2.3.4" if n % 2 else "81.2.69.160",
                device_id=f"d{n}",
                session_id=f"s{n}",
            )
        )
    profile = monitor.store.get("a1")
    assert profile is not None
    caps = monitor.caps
    assert len(profile.devices) <= caps.devices and len(profile.sessions) <= caps.sessions
    assert len(profile.recent) <= caps.recent_ids and len(profile.clusters) <= caps.clusters
    assert all(len(t) <= caps.values_per_feature for t in profile.counts)


def test_profile_round_trips(seasoned: AccountMonitor) -> None:
    seasoned.observe(event("login", 100, 22, 3, ip="1.2.3.4", device_id="stranger"))
    profile = seasoned.store.get("a1")
    assert profile is not None
    assert Profile.from_dict(profile.to_dict()).to_dict() == profile.to_dict()


def test_default_monitor_uses_bundled_geo_data() -> None:
    result = AccountMonitor().observe(event("login", 1, 2, ip="8.8.8.8"))
    assert result.decision is AccountDecision.ALLOW
