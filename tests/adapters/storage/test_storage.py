"""Storage on both databases: migrations, the audit chain, grouping, claims, decisions, appeals, outbox."""

from __future__ import annotations

import threading
from datetime import timedelta

import orjson
import pytest
from sqlalchemy import Engine, select, text, update

from marketguard.adapters.storage import audit_log, cases, keys, moderation, outbox
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.migrate import current, head
from marketguard.adapters.storage.tables import AuditEvent, Case, Reporter
from marketguard.service.audit import EventKind
from marketguard.service.errors import Conflict, Forbidden, Invalid
from marketguard.service.sanctions import Action
from marketguard.service.settings import ServiceSettings

SETTINGS = ServiceSettings()


def _report(engine: Engine, account: str = "u-bad", reporter: str = "u-1", reason: str = "circumvention") -> str:
    _, case_id = run(
        engine,
        lambda s: moderation.file_report(
            s, reporter, account, "message", "m-1", reason, "asked for my email", "api", utcnow()
        ),
    )
    return case_id


def test_migrated_to_head(engine: Engine) -> None:
    assert current(engine) == head()
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_audit_chain_detects_a_changed_and_a_deleted_row(engine: Engine) -> None:
    for i in range(5):
        run(engine, lambda s, i=i: audit_log.append(s, EventKind.CONFIG_CHANGED, "admin", {"n": i}))
    count, problems = run(engine, audit_log.verify_log)
    assert (count, problems) == (5, [])

    with engine.begin() as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(payload='{"n":99}'))
    _, problems = run(engine, audit_log.verify_log)
    assert [p.seq for p in problems] == [3]
    assert "changed" in problems[0].what

    with engine.begin() as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.seq == 3).values(payload='{"n":2}'))
        conn.execute(text("DELETE FROM audit_events WHERE seq = 4"))
    _, problems = run(engine, audit_log.verify_log)
    assert problems and problems[0].seq == 5 and "deleted" in problems[0].what

    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq >= 4"))
    _, problems = run(engine, audit_log.verify_log)
    assert problems and "head" in problems[0].what  # the tail was cut


def test_concurrent_appends_keep_one_chain(engine: Engine) -> None:
    def worker(n: int) -> None:
        for i in range(10):
            run(engine, lambda s, i=i: audit_log.append(s, EventKind.CONFIG_CHANGED, f"w{n}", {"i": i}))  # type: ignore[misc]

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    count, problems = run(engine, audit_log.verify_log)
    assert (count, problems) == (40, [])


def test_reports_about_one_account_share_one_case(engine: Engine) -> None:
    a = _report(engine, reporter="u-1")
    b = _report(engine, reporter="u-2", reason="scam")
    c = _report(engine, account="u-other")
    assert a == b != c
    row = run(engine, lambda s: cases.get(s, a))
    assert row.items == 2 and row.family == "scam"  # the more severe family decides the queue


def test_two_reviewers_claiming_at_once_exactly_one_wins(engine: Engine) -> None:
    for _ in range(5):
        case_id = _report(engine, account=f"u-{utcnow().timestamp()}")
        barrier = threading.Barrier(2)
        outcomes: dict[str, str] = {}

        def claim(
            reviewer: str,
            case_id: str = case_id,
            barrier: threading.Barrier = barrier,
            outcomes: dict[str, str] = outcomes,
        ) -> None:
            barrier.wait()
            try:
                run(engine, lambda s: cases.claim(s, case_id, reviewer, utcnow(), 60))
                outcomes[reviewer] = "won"
            except Conflict as exc:
                outcomes[reviewer] = exc.code

        threads = [threading.Thread(target=claim, args=(r,)) for r in ("alice", "bob")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes.values()) == ["case_claimed", "won"], outcomes
        winner = next(r for r, o in outcomes.items() if o == "won")
        assert run(engine, lambda s, c=case_id: cases.get(s, c)).claimed_by == winner


def test_an_expired_claim_can_be_taken(engine: Engine) -> None:
    case_id = _report(engine)
    now = utcnow()
    run(engine, lambda s: cases.claim(s, case_id, "alice", now, 60))
    with pytest.raises(Conflict):
        run(engine, lambda s: cases.claim(s, case_id, "bob", now + timedelta(seconds=30), 60))
    row = run(engine, lambda s: cases.claim(s, case_id, "bob", now + timedelta(seconds=61), 60))
    assert row.claimed_by == "bob"


def _decide(engine: Engine, case_id: str, reviewer: str, action: Action, **kw: object) -> dict[str, object]:
    now = utcnow()
    run(engine, lambda s: cases.claim(s, case_id, reviewer, now, 60))
    return run(
        engine,
        lambda s: moderation.decide(s, SETTINGS, case_id, reviewer, action, kw.get("duration"), "shared an email", now),  # type: ignore[arg-type]
    )


def test_ladder_escalates_repeat_circumvention(engine: Engine) -> None:
    actions = []
    for _ in range(4):
        case_id = _report(engine, account="u-repeat")
        actions.append(_decide(engine, case_id, "alice", Action.LADDER)["action"])
    assert actions == ["warn", "restrict_messaging", "suspend", "suspend"]


def test_decision_must_be_claimed_and_reporters_learn(engine: Engine) -> None:
    case_id = _report(engine, reporter="u-good")
    with pytest.raises(Conflict, match="claim"):
        run(engine, lambda s: moderation.decide(s, SETTINGS, case_id, "alice", Action.WARN, None, "x", utcnow()))
    decision = _decide(engine, case_id, "alice", Action.RESTRICT_MESSAGING, duration=timedelta(days=3))
    statement = decision["statement"]
    assert isinstance(statement, dict) and set(statement) == {"action", "cause", "evidence", "next_step"}
    assert "u-good" not in str(decision)  # the reporter stays anonymous
    assert run(engine, lambda s: s.get(Reporter, "u-good")).upheld == 1  # type: ignore[union-attr]
    # the next report by the same reporter carries a higher reputation
    case2 = _report(engine, account="u-x", reporter="u-good")
    assert run(engine, lambda s: cases.get(s, case2)).reporter_weight > 0.5


def test_appeal_by_another_reviewer_overturns_and_lifts(engine: Engine) -> None:
    case_id = _report(engine, reporter="u-r")
    _decide(engine, case_id, "alice", Action.SUSPEND)
    assert run(engine, lambda s: moderation.active_sanctions(s, ("account", "u-bad"), utcnow()))
    appeal = run(engine, lambda s: moderation.file_appeal(s, case_id, "I only shared my portfolio", "api", utcnow()))
    with pytest.raises(Forbidden):
        run(engine, lambda s: moderation.decide_appeal(s, appeal["id"], "alice", "overturned", "mine", utcnow()))
    run(engine, lambda s: moderation.decide_appeal(s, appeal["id"], "bob", "overturned", "a portfolio link", utcnow()))
    assert run(engine, lambda s: moderation.active_sanctions(s, ("account", "u-bad"), utcnow())) == []
    stats = run(engine, lambda s: s.get(Reporter, "u-r"))
    assert stats is not None and (stats.upheld, stats.rejected) == (0, 1)
    assert run(engine, lambda s: cases.get(s, case_id)).status == "resolved"


def test_appeal_window(engine: Engine) -> None:
    case_id = _report(engine)
    _decide(engine, case_id, "alice", Action.WARN)
    late = utcnow() + timedelta(days=SETTINGS.appeal_days, seconds=5)
    with pytest.raises(Invalid, match="closed"):
        run(engine, lambda s: moderation.file_appeal(s, case_id, "late", "api", late))


def test_outbox_lease_is_exclusive_and_retries_back_off(engine: Engine) -> None:
    run(engine, lambda s: outbox.enqueue(s, "decision.made", {"x": 1}))
    now = utcnow()
    first = run(engine, lambda s: outbox.lease(s, now, 30))
    second = run(engine, lambda s: outbox.lease(s, now, 30))
    assert len(first) == 1 and second == []
    event_id = first[0][0]
    run(engine, lambda s: outbox.failed(s, event_id, 0, "connection refused", 5))
    assert run(engine, lambda s: outbox.lease(s, utcnow(), 30)) == []  # backing off
    later = utcnow() + timedelta(seconds=5)
    again = run(engine, lambda s: outbox.lease(s, later, 30))
    assert [r[0] for r in again] == [event_id] and again[0][2] == 1
    run(engine, lambda s: outbox.delivered(s, event_id))
    assert run(engine, lambda s: outbox.lease(s, later + timedelta(hours=1), 30)) == []


def test_keys_are_hashed_and_revocable(engine: Engine) -> None:
    key_id, token = run(engine, lambda s: keys.create(s, "alice", ["review"], "cli"))
    caller = run(engine, lambda s: keys.authenticate(s, token))
    assert caller is not None and caller.name == "alice" and caller.scopes == {"review"}
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT secret_hash FROM api_keys")).scalar_one()
    assert token.split("_", 2)[2] not in stored
    assert run(engine, lambda s: keys.authenticate(s, token[:-1] + "x")) is None
    run(engine, lambda s: keys.revoke(s, key_id, "cli"))
    assert run(engine, lambda s: keys.authenticate(s, token)) is None


def test_open_case_is_unique_per_subject_under_concurrency(engine: Engine) -> None:
    barrier = threading.Barrier(4)

    def file(n: int) -> None:
        barrier.wait()
        _report(engine, account="u-race", reporter=f"r{n}")

    threads = [threading.Thread(target=file, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with engine.connect() as conn:
        rows = conn.execute(select(Case.id, Case.items).where(Case.subject_id == "u-race")).all()
    assert len(rows) == 1 and rows[0][1] == 4


def test_screening_results_open_cases_in_the_most_severe_family(engine: Engine) -> None:
    def sig(kind: str, family: str, score: float) -> dict[str, object]:
        return {"kind": kind, "family": family, "score": score, "start": 0, "end": 1, "text": "x"}

    result = {
        "id": "m-1",
        "decision": "block",
        "rule": "phishing-link",
        "signals": [sig("contact.url", "contact", 0.95), sig("scam.phishing", "scam", 0.85)],
    }
    _, case_id = run(
        engine,
        lambda s: moderation.record_screen(s, SETTINGS, result, "message", "x", ("account", "u-p"), "api", utcnow()),
    )
    row = run(engine, lambda s: cases.get(s, case_id))  # type: ignore[arg-type]
    assert (row.family, row.urgent, row.severity) == ("scam", True, 1.0)
    weak = {**result, "decision": "nudge", "signals": [sig("contact.request", "contact", 0.6)]}
    _, none = run(
        engine,
        lambda s: moderation.record_screen(s, SETTINGS, weak, "message", "x", ("account", "u-q"), "api", utcnow()),
    )
    assert none is None  # below the case threshold and not a review: stored, no case


def test_configuration_changes_are_logged_once(engine: Engine) -> None:
    from dataclasses import replace

    assert run(engine, lambda s: moderation.record_config(s, SETTINGS, "service"))
    assert not run(engine, lambda s: moderation.record_config(s, SETTINGS, "service"))  # unchanged: nothing
    changed = replace(SETTINGS, appeal_days=3)
    assert run(engine, lambda s: moderation.record_config(s, changed, "service"))
    events = run(engine, lambda s: moderation.audit_page(s, 0, 10))
    assert [e["kind"] for e in events] == ["config.changed", "config.changed"]
    assert events[1]["payload"]["appeal_days"] == 3


def test_a_timed_sanction_announces_its_end_when_it_ends(engine: Engine) -> None:
    case_id = _report(engine)
    decision = _decide(engine, case_id, "alice", Action.HOLD_PAYOUTS, duration=timedelta(hours=2))
    leased = run(engine, lambda s: outbox.lease(s, utcnow(), 30))
    assert [orjson.loads(b)["topic"] for _, b, _ in leased] == ["decision.made"]  # the end is not due yet
    run(engine, lambda s: outbox.delivered(s, leased[0][0]))
    later = utcnow() + timedelta(hours=2, seconds=1)
    due = run(engine, lambda s: outbox.lease(s, later, 30))
    body = orjson.loads(due[0][1])
    assert body["topic"] == "sanction.ended" and body["data"]["sanction_id"] == decision["sanction_id"]
