"""Screening and account-event decisions in the database: every one stored with its full trace, and the
strong ones (review, block, or a signal above `case_min_score`) opening or joining the subject's case."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, cast

import psycopg
from sqlalchemy import Connection, Dialect, Table, insert
from sqlalchemy.orm import Session

from marketguard.adapters.storage import audit_log, cases
from marketguard.adapters.storage.clock import new_sequential_id
from marketguard.adapters.storage.db import execute_on_psycopg, sqlite_errors
from marketguard.adapters.storage.tables import Decision
from marketguard.service.audit import EventKind
from marketguard.service.priority import FAMILY_SEVERITY, FAMILY_TIER, case_family, is_urgent
from marketguard.service.settings import ServiceSettings

_INSERT_DECISION = insert(cast(Table, Decision.__table__))

ESCALATING = ("review", "block")
"""Decisions that always open a case, whatever the score."""

_PENDING = "marketguard_pending_decisions"


def _defer_decision(session: Session, row: dict[str, Any]) -> None:
    """Queue a decision row for one multi-row INSERT just before the transaction commits: a group-commit
    batch of screened messages then costs one statement (one round trip to PostgreSQL) for all its
    decisions instead of one each. Nothing in a screening transaction reads decisions back."""
    pending: list[dict[str, Any]] | None = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = []
    pending.append(row)


@audit_log.before_seal
def _insert_pending(session: Session) -> None:
    """At the outer commit, before the transaction's audit events are chained (`audit_log.before_seal`: the
    INSERT is not made while the chain head is held). A rolled-back transaction needs no cleanup: `run` starts
    every attempt on a new session, so its queued rows go with the old one."""
    pending: list[dict[str, Any]] | None = session.info.pop(_PENDING, None)
    if pending:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            _insert_sqlite(connection, pending)
            return
        with _one_statement_transaction(connection, len(pending)):
            _insert_postgresql(connection, pending)


_DECISIONS = cast(Table, Decision.__table__)
_COLUMNS = tuple(column.name for column in _DECISIONS.columns)
_SQLITE_INSERT = f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_Processors = tuple[Callable[[Any], Any] | None, ...]
_processors: weakref.WeakKeyDictionary[Dialect, _Processors] = weakref.WeakKeyDictionary()


def _insert_sqlite(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """The decisions' INSERT sent to the SQLite driver, one prepared statement for the batch: SQLAlchemy's
    `execute` (execution context, parameter processing, result) was 23 % of a plain screening's
    transaction on SQLite. Each value goes through its column type's own bind processor (the JSON serializer,
    the UTC datetime format, the NUL guard), so the stored row is byte for byte the one `execute` stores."""
    params = _bound(connection.dialect, rows)
    with sqlite_errors(connection, _SQLITE_INSERT) as dbapi:
        dbapi.executemany(_SQLITE_INSERT, params)


def _processors_for(dialect: Dialect) -> _Processors:
    """Each decisions column's own SQLAlchemy bind processor for `dialect` (None where the value goes as it is)."""
    processors = _processors.get(dialect)
    if processors is None:
        processors = _processors[dialect] = tuple(
            column.type.dialect_impl(dialect).bind_processor(dialect) for column in _DECISIONS.columns
        )
    return processors


def _bound(dialect: Dialect, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows' values in column order, each through its column's bind processor."""
    processors = _processors_for(dialect)
    return [
        tuple(row[name] if p is None else p(row[name]) for name, p in zip(_COLUMNS, processors, strict=True))
        for row in rows
    ]


_pg_statements: weakref.WeakKeyDictionary[Dialect, dict[int, str]] = weakref.WeakKeyDictionary()


def _pg_statement(dialect: Dialect, rows: int) -> str:
    """The multi-row INSERT of `rows` decisions with positional parameters, each cast as SQLAlchemy's Core INSERT
    casts it (`%s::VARCHAR`, `%s::JSON`, ...): the row's placeholders are taken from the statement SQLAlchemy
    compiles for this dialect, so the values reach the same column types the same way. Built once per row count
    (a batch holds at most 64), and the same text each time, so psycopg prepares it on the server after a few
    uses (its `prepare_threshold`): PostgreSQL then neither parses nor plans it again."""
    by_rows = _pg_statements.get(dialect)
    if by_rows is None:
        by_rows = _pg_statements[dialect] = {}
    statement = by_rows.get(rows)
    if statement is None:
        compiled = str(_INSERT_DECISION.compile(dialect=dialect))
        head, values = compiled.split(" VALUES ", 1)
        names = re.findall(r"%\((\w+)\)s", values)
        if tuple(names) != _COLUMNS:
            raise AssertionError(f"unexpected decisions INSERT: {compiled}")
        row = re.sub(r"%\(\w+\)s", "%s", values)
        statement = by_rows[rows] = f"{head} VALUES {', '.join([row] * rows)}"
    return statement


def _insert_postgresql(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """The decisions' INSERT sent to psycopg, one multi-row statement for the batch, with each value through
    its column's bind processor and cast as in the Core INSERT (the same stored row). SQLAlchemy's `execute`
    (execution context, "insertmanyvalues" batching, parameter processing, a result object) was most of the
    Python the writer thread ran for a plain batch on PostgreSQL, work the event loop waits for (one
    interpreter lock). A driver error is raised as SQLAlchemy raises it (`execute_on_psycopg`), so `run` retries
    a transaction whose connection died on a fresh connection, as before."""
    dialect = connection.dialect
    for start in range(0, len(rows), _PAGE):  # a statement holds at most 65,535 parameters
        page = rows[start : start + _PAGE]
        params: list[Any] = [value for row in _bound(dialect, page) for value in row]
        execute_on_psycopg(connection, _pg_statement(dialect, len(page)), params)


_PAGE = 1000
"""Most rows per INSERT statement (SQLAlchemy's "insertmanyvalues" page size, kept): more take several."""


@contextmanager
def _one_statement_transaction(connection: Connection, rows: int) -> Iterator[None]:
    """On PostgreSQL, when the decisions' INSERT is the transaction's only statement (a batch of screenings
    that open no case: nine in ten), run it in autocommit: one statement is atomic and durable on its own,
    committed before `execute` returns, so the transaction costs one round trip instead of three (psycopg
    sends BEGIN before the first statement and COMMIT after the last; with nothing sent yet the connection
    is idle and the COMMIT that follows is skipped). Anything else runs as it is."""
    dbapi = connection.connection.dbapi_connection
    one = (
        isinstance(dbapi, psycopg.Connection)
        and not dbapi.autocommit
        and dbapi.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        and rows <= _PAGE
    )
    if not one:
        yield
        return
    assert isinstance(dbapi, psycopg.Connection)
    dbapi.autocommit = True
    try:
        yield
    finally:
        try:
            dbapi.autocommit = False
        except psycopg.Error:
            # the connection died under the statement: its own error, raised as SQLAlchemy's, is the one `run`
            # must see; the connection must never go back to the pool in autocommit, so it is discarded
            if not connection.invalidated:
                connection.invalidate()


def record_screen(
    session: Session,
    settings: ServiceSettings,
    result: dict[str, Any],
    item_kind: str,
    text: str,
    subject: tuple[str, str] | None,
    actor: str,
    now: datetime,
) -> tuple[str, str | None]:
    """Store one screening decision; open or join the subject's case when it is strong enough."""
    signals: list[dict[str, Any]] = result.get("signals", [])
    strong = [s for s in signals if float(s["score"]) >= settings.case_min_score]
    top = max(signals, key=lambda s: float(s["score"]), default=None)
    # the case's family is the most severe one among the signals that count (a scam beats circumvention)
    counted = strong or ([top] if top else [])
    family = max((case_family(str(s["family"])) for s in counted), key=lambda f: FAMILY_TIER.get(f, 0), default=None)
    decision_id = new_sequential_id()
    escalate = subject is not None and (
        result["decision"] in ESCALATING or (result["decision"] != "allow" and bool(strong))
    )
    case_id: str | None = None
    if escalate and subject is not None and top is not None and family is not None:
        kinds = [str(s["kind"]) for s in signals] + [str(result.get("rule", ""))]
        item = cases.Item(
            family=family,
            severity=FAMILY_SEVERITY.get(family, 0.3) if result["decision"] != "block" else 1.0,
            confidence=float(top["score"]),
            reporter_weight=0.0,
            urgent=is_urgent(kinds),
            payload={
                "decision_id": decision_id,
                "item_id": result.get("id"),
                "decision": result["decision"],
                "rule": result.get("rule"),
                "kinds": sorted({str(s["kind"]) for s in signals}),
            },
        )
        case_id = cases.attach(session, subject, item, actor, now)
    # a Core insert on the table with parameters apart (a statement compiled once and cached), deferred to the
    # transaction's end with the batch's other decisions: this runs for every screened message
    _defer_decision(
        session,
        {
            "id": decision_id,
            "source": "screen",
            "item_id": result.get("id"),
            "item_kind": item_kind,
            "subject_type": subject[0] if subject else None,
            "subject_id": subject[1] if subject else None,
            "decision": result["decision"],
            "rule": result.get("rule"),
            "family": family,
            "text": text,
            "trace": result,
            "case_id": case_id,
            "created_at": now,
        },
    )
    if case_id is not None:
        audit_log.append(
            session,
            EventKind.DETECTION,
            actor,
            {"decision_id": decision_id, "decision": result["decision"], "rule": result.get("rule")},
            case_id,
            subject,
            now,
        )
    return decision_id, case_id


def record_account(
    session: Session, result: dict[str, Any], account_id: str, event: dict[str, Any], actor: str, now: datetime
) -> tuple[str, str | None]:
    """Store an account event's result; review and block decisions open or join the account's case."""
    decision_id = new_sequential_id()
    subject = ("account", account_id)
    case_id: str | None = None
    signals: list[dict[str, Any]] = result.get("signals", [])
    if result.get("decision") in ESCALATING:
        kinds = [str(s.get("kind", "")) for s in signals] + [str(result.get("rule", ""))]
        risk = float(result.get("risk", max((float(s.get("score", 0)) for s in signals), default=0.5)))
        item = cases.Item(
            family="account",
            severity=1.0 if result["decision"] == "block" else FAMILY_SEVERITY["account"],
            confidence=min(max(risk, 0.0), 1.0),
            reporter_weight=0.0,
            urgent=is_urgent(kinds),
            payload={
                "decision_id": decision_id,
                "decision": result["decision"],
                "rule": result.get("rule"),
                "kinds": sorted(set(kinds) - {""}),
            },
        )
        case_id = cases.attach(session, subject, item, actor, now)
        audit_log.append(
            session,
            EventKind.ACCOUNT_FLAGGED,
            actor,
            {"decision_id": decision_id, "decision": result["decision"], "rule": result.get("rule")},
            case_id,
            subject,
            now,
        )
    session.add(
        Decision(
            id=decision_id,
            source="account",
            item_id=str(result.get("id")) if result.get("id") is not None else None,
            item_kind=str(event.get("type", "account_event")),
            subject_type="account",
            subject_id=account_id,
            decision=str(result.get("decision")),
            rule=result.get("rule"),
            family="account",
            text=None,
            trace={"result": result, "event": event},
            case_id=case_id,
            created_at=now,
        )
    )
    return decision_id, case_id
