"""What a case page shows, shaped from the domain's case view (`storage.moderation.case_view`).

Messages become highlighted segments; account events and reports keep their signals; the audit events
become one readable line each. Reporter identities stay pseudonyms unless the viewer may see them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marketguard.adapters.http.console.highlight import Segment, segments
from marketguard.adapters.storage.tables import Decision, Report


def messages(view: dict[str, Any]) -> list[dict[str, Any]]:
    """Screened texts of the case, each with its segments and the signals that explain them."""
    out = []
    for d in view["detections"]:
        if d["source"] != "screen":
            continue
        trace = d["trace"] or {}
        signals = [s for s in trace.get("signals", []) if isinstance(s, dict)]
        text = d["text"] or ""
        out.append(
            {
                "id": d["item_id"] or d["id"],
                "kind": d["kind"],
                "decision": d["decision"],
                "rule": d["rule"],
                "at": d["at"],
                "segments": segments(text, signals),
                "signals": signals,
                "suppressed": [s for s in trace.get("suppressed", []) if isinstance(s, dict)],
            }
        )
    return out


def account_events(view: dict[str, Any]) -> list[dict[str, Any]]:
    """The case's own account-event detections, then the subject's recent account history."""
    own = [
        {
            "id": d["id"],
            "type": d["kind"],
            "decision": d["decision"],
            "rule": d["rule"],
            "signals": (d["trace"] or {}).get("result", {}).get("signals", []),
            "at": d["at"],
            "in_case": True,
        }
        for d in view["detections"]
        if d["source"] == "account"
    ]
    seen = {e["id"] for e in own}
    history = [{**h, "in_case": False} for h in view["account_history"] if h["id"] not in seen]
    return own + history


def reports(session: Session, view: dict[str, Any], reveal: bool) -> list[dict[str, Any]]:
    """Reports with their reason and text; the reporter is a pseudonym unless `reveal` (admins)."""
    ids: dict[str, str] = {}
    if reveal and view["reports"]:
        rows = session.execute(
            select(Report.id, Report.reporter_id).where(Report.id.in_([r["id"] for r in view["reports"]]))
        )
        ids = {str(i): str(who) for i, who in rows}
    shown = {d["item_id"] for d in view["detections"] if d["source"] == "screen" and d["item_id"]}
    out = []
    for r in view["reports"]:
        target_id = (r.get("target") or {}).get("id")
        if target_id in shown:  # the reported message is already on the page, highlighted, under Messages
            out.append(
                {
                    **r,
                    "reporter_shown": ids.get(r["id"], r["reporter"]),
                    "target_segments": [],
                    "target_signals": [],
                    "target_above": True,
                }
            )
            continue
        target_text = _target_text(session, r)
        screening = r.get("target_screening") or {}
        signals = [s for s in screening.get("signals", []) if isinstance(s, dict)]
        out.append(
            {
                **r,
                "reporter_shown": ids.get(r["id"], r["reporter"]),
                "target_segments": segments(target_text, signals) if target_text else [],
                "target_signals": signals,
                "target_above": False,
            }
        )
    return out


def _target_text(session: Session, report: dict[str, Any]) -> str | None:
    target = report.get("target") or {}
    if not target.get("id"):
        return None
    text = session.execute(
        select(Decision.text)
        .where(Decision.item_id == str(target["id"]), Decision.source == "screen")
        .order_by(Decision.created_at)
        .limit(1)
    ).scalar_one_or_none()
    return text


def event_line(event: dict[str, Any]) -> str:
    """One line per audit event: what happened and the fields a reviewer cares about."""
    p = event.get("payload") or {}
    keys = (
        "action",
        "chosen",
        "reason",
        "reasons",
        "outcome",
        "reviewer",
        "expires_at",
        "decision",
        "rule",
        "reporter",
        "duration",
        "ends_at",
        "because",
    )
    parts = [f"{k}={p[k]}" for k in keys if p.get(k) not in (None, "")]
    return " ".join(parts)


__all__ = ["Segment", "account_events", "event_line", "messages", "reports"]
