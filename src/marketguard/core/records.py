"""Input records: JSON objects in, `Message`s out, with a precise error for anything malformed.

This is the one place where the wire shape meets the core's dataclasses. Unknown fields are kept in
`Message.extra` and otherwise ignored, so producers can add fields without breaking consumers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from marketguard.core.countries import country_code
from marketguard.core.model import ClientFacts, Context, JobPost, Kind, Message, Phase, new_message
from marketguard.errors import RecordError

_KNOWN = frozenset({"id", "kind", "text", "conversation_id", "sender_id", "recipient_id", "at", "context"})
_JOB_FIELDS = frozenset({"title", "description", "company", "budget", "client"})


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    raise RecordError(f"field '{key}' must be a string, got {type(value).__name__}")


def message_from_dict(record: Any) -> Message:
    """Validate one decoded JSON value as a message record."""
    if not isinstance(record, Mapping):
        raise RecordError(f"a record must be a JSON object, got {type(record).__name__}")
    raw_kind = record.get("kind", Kind.MESSAGE.value)
    kind = _KINDS.get(raw_kind) if isinstance(raw_kind, str) else None
    if kind is None:
        raise RecordError(f"field 'kind' must be one of {[k.value for k in Kind]}, got {raw_kind!r}")
    job = job_from_dict(record) if kind is Kind.JOB_POST else None
    if "text" not in record:
        if job is None or not (job.title or job.description):
            raise RecordError("missing field 'text'" + (" (or 'title'/'description')" if kind is Kind.JOB_POST else ""))
        text = job_text(job)
    else:
        text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f"field 'text' must be a string, got {type(text).__name__}")
    ctx = record.get("context") or {}
    if not isinstance(ctx, Mapping):
        raise RecordError("field 'context' must be an object")
    raw_phase = ctx.get("phase", Phase.PRE_CONTRACT.value)
    phase = _PHASES.get(raw_phase) if isinstance(raw_phase, str) else None
    if phase is None:
        raise RecordError(
            f"field 'context.phase' must be one of {[p.value for p in Phase]}, got {raw_phase!r}"
        )
    region = ctx.get("region")
    if region is not None and not isinstance(region, str):
        raise RecordError("field 'context.region' must be a country code or name")
    language = ctx.get("language")
    if language is not None and (not isinstance(language, str) or not _LANGUAGE_TAG.fullmatch(language)):
        raise RecordError("field 'context.language' must be a language tag such as 'es' or 'pt-BR'")
    context = _CONTEXTS.get((phase, region, language))
    if context is None:
        context = Context(phase=phase, region=_country(region, "context.region"), language=language)
        if len(_CONTEXTS) < 1024:  # frozen: one instance per phase, region and language serves every record
            _CONTEXTS[(phase, region, language)] = context
    extra = {k: v for k, v in record.items() if k not in _KNOWN} if not _KNOWN.issuperset(record) else {}
    if job is not None and extra:
        extra = {k: v for k, v in extra.items() if k not in _JOB_FIELDS}
    return new_message(
        text,
        _optional_str(record, "id"),
        kind,
        _optional_str(record, "conversation_id"),
        _optional_str(record, "sender_id"),
        _optional_str(record, "recipient_id"),
        _optional_str(record, "at"),
        context,
        extra,
        job,
    )


_KINDS = {k.value: k for k in Kind}
_PHASES = {p.value: p for p in Phase}
_CONTEXTS: dict[tuple[Phase, str | None, str | None], Context] = {}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}")
"""A BCP 47 tag's usual shapes (`es`, `pt-BR`, `zh-Hant-TW`, `es_419`): bounded, so linear on any input."""


def job_text(job: JobPost) -> str:
    """The text screened for a job post: the title, a blank line, the description (see `JobPost`)."""
    if not job.title:
        return job.description
    return f"{job.title}\n\n{job.description}" if job.description else job.title


def job_from_dict(record: Mapping[str, Any]) -> JobPost:
    """The structured fields of a `job_post` record; every field is optional, a wrong type is an error."""
    title = _optional_text(record, "title")
    description = _optional_text(record, "description")
    company = _optional_text(record, "company")
    budget, budget_type = _budget(record.get("budget"))
    raw_client = record.get("client")
    if raw_client is None:
        client = ClientFacts()
    elif not isinstance(raw_client, Mapping):
        raise RecordError("field 'client' must be an object")
    else:
        # other client facts a platform keeps (rating, hires, ...) are ignored, as unknown record fields are
        spend = _number(raw_client.get("spend"), "client.spend")
        verified = raw_client.get("payment_verified")
        if verified is not None and not isinstance(verified, bool):
            raise RecordError("field 'client.payment_verified' must be true or false")
        age = raw_client.get("account_age_days")
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or age < 0):
            raise RecordError("field 'client.account_age_days' must be a whole number >= 0")
        client = ClientFacts(spend, verified, age, _country(raw_client.get("country"), "client.country"))
    return JobPost(title or "", description or "", company, budget, budget_type, client)


def _country(value: Any, field: str) -> str | None:
    if value is None:
        return None
    try:
        return country_code(value, field)
    except ValueError as exc:
        raise RecordError(str(exc)) from None


def _optional_text(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"field '{key}' must be a string, got {type(value).__name__}")


def _number(value: Any, key: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 or value != value:
        raise RecordError(f"field '{key}' must be a number >= 0")
    return float(value)


def _budget(value: Any) -> tuple[float | None, str | None]:
    """`budget` is a number (USD) or {"amount": n, "type": "fixed" | "hourly"}."""
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return _number(value, "budget"), None
    if not isinstance(value, Mapping):
        raise RecordError("field 'budget' must be a number or an object with 'amount' and 'type'")
    kind = value.get("type")
    if kind is not None and kind not in ("fixed", "hourly"):
        raise RecordError("field 'budget.type' must be 'fixed' or 'hourly'")
    return _number(value.get("amount"), "budget.amount"), kind
