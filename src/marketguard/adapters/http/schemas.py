"""Request bodies (pydantic, with the examples shown in /openapi.json). Responses are plain JSON objects
built by storage; the core's dataclasses never reach this layer unconverted."""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from marketguard.core.model import Kind, Phase
from marketguard.service.sanctions import Action

ID = Field(min_length=1, max_length=200)


class ContextIn(BaseModel):
    phase: Phase = Phase.PRE_CONTRACT
    region: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$", description="Sender's country (ISO 3166).")


class ScreenIn(BaseModel):
    """A message, proposal, profile or job post to screen."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "id": "m-1001",
                    "kind": "message",
                    "text": "Let's talk on WhatsApp, +1 415 555 0192",
                    "conversation_id": "c-77",
                    "sender_id": "u-42",
                    "recipient_id": "u-7",
                    "context": {"phase": "pre_contract", "region": "US"},
                }
            ]
        },
    )
    id: str | None = Field(default=None, max_length=200)
    kind: Kind = Kind.MESSAGE
    text: str = Field(max_length=100_000)
    conversation_id: str | None = Field(default=None, max_length=200)
    sender_id: str | None = Field(default=None, max_length=200)
    recipient_id: str | None = Field(default=None, max_length=200)
    at: str | None = Field(default=None, max_length=40)
    context: ContextIn = Field(default_factory=ContextIn)


class Reason(str, Enum):
    CIRCUMVENTION = "circumvention"
    SCAM = "scam"
    FAKE_OR_SHARED_ACCOUNT = "fake_or_shared_account"
    OTHER = "other"


class Target(BaseModel):
    type: Literal["message", "job_post", "profile", "account"]
    id: str = ID


class ReportIn(BaseModel):
    """A user flags something; `reporter_id` is never shown to the reported user."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reporter_id": "u-7",
                    "account_id": "u-42",
                    "target": {"type": "message", "id": "m-1001"},
                    "reason": "circumvention",
                    "text": "Asked me to continue on WhatsApp before hiring.",
                }
            ]
        }
    )
    reporter_id: str = ID
    account_id: str = Field(min_length=1, max_length=200, description="The reported account.")
    target: Target
    reason: Reason
    text: str = Field(default="", max_length=5000)


class DecisionIn(BaseModel):
    """`ladder` lets the configured ladder pick warn, restrict or suspend for repeat circumvention."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "action": "restrict_messaging",
                    "duration": "7d",
                    "reason": "Shared a phone number before a contract.",
                },
                {"action": "ladder", "reason": "Third attempt to move payment off the platform."},
            ]
        }
    )
    action: Action
    duration: str | None = Field(default=None, pattern=r"^[1-9][0-9]{0,5}[smhd]$", description="e.g. 7d, 12h")
    reason: str = Field(min_length=1, max_length=5000)


class AppealIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"text": "The number was the client's own, quoted back to them."}]}
    )
    text: str = Field(min_length=1, max_length=5000)


class AppealDecisionIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"outcome": "overturned", "reasons": "The number belonged to the client."}]}
    )
    outcome: Literal["upheld", "overturned"]
    reasons: str = Field(min_length=1, max_length=5000)


class Scope(str, Enum):
    SCREEN = "screen"
    REPORT = "report"
    REVIEW = "review"
    ADMIN = "admin"


class KeyIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "alice", "scopes": ["review"]}]})
    name: str = ID
    scopes: list[Scope] = Field(min_length=1, max_length=4)
    rate_limit: float | None = Field(default=None, gt=0, le=100_000)


class AccountEventsIn(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "events": [
                        {
                            "id": "e-1",
                            "kind": "login",
                            "account_id": "u-42",
                            "at": "2026-11-26T04:00:00Z",
                            "ip": "203.0.113.9",
                            "device_id": "d-1",
                            "user_agent": "Mozilla/5.0",
                            "session_id": "s-1",
                        }
                    ]
                }
            ]
        }
    )
    events: list[dict[str, Any]] = Field(min_length=1, max_length=1000)
