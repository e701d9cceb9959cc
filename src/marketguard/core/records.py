"""Input records: JSON objects in, `Message`s out, with a precise error for anything malformed.

This is the one place where the wire shape meets the core's dataclasses. Unknown fields are kept in
`Message.extra` and otherwise ignored, so producers can add fields without breaking consumers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marketguard.core.model import Context, Kind, Message, Phase
from marketguard.errors import RecordError

_KNOWN = frozenset({"id", "kind", "text", "conversation_id", "sender_id", "recipient_id", "at", "context"})


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
    if "text" not in record:
        raise RecordError("missing field 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise RecordError(f"field 'text' must be a string, got {type(text).__name__}")
    raw_kind = record.get("kind", Kind.MESSAGE.value)
    try:
        kind = Kind(raw_kind)
    except ValueError:
        raise RecordError(f"field 'kind' must be one of {[k.value for k in Kind]}, got {raw_kind!r}") from None
    ctx = record.get("context") or {}
    if not isinstance(ctx, Mapping):
        raise RecordError("field 'context' must be an object")
    raw_phase = ctx.get("phase", Phase.PRE_CONTRACT.value)
    try:
        phase = Phase(raw_phase)
    except ValueError:
        raise RecordError(
            f"field 'context.phase' must be one of {[p.value for p in Phase]}, got {raw_phase!r}"
        ) from None
    region = ctx.get("region")
    if region is not None and (not isinstance(region, str) or len(region) != 2):
        raise RecordError("field 'context.region' must be a two-letter country code")
    return Message(
        text=text,
        id=_optional_str(record, "id"),
        kind=kind,
        conversation_id=_optional_str(record, "conversation_id"),
        sender_id=_optional_str(record, "sender_id"),
        recipient_id=_optional_str(record, "recipient_id"),
        at=_optional_str(record, "at"),
        context=Context(phase=phase, region=region.upper() if region else None),
        extra={k: v for k, v in record.items() if k not in _KNOWN},
    )
