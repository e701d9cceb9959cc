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
    language: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$",
        description="The users' language (BCP 47, e.g. es, pt-BR): the nudge and warning come in it where translated.",
    )


class BudgetIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    amount: float | None = Field(default=None, ge=0)
    type: Literal["fixed", "hourly"] | None = None


class ClientIn(BaseModel):
    """The job post's client, as the platform knows it: job-post rules weigh a new, $0-spend client."""

    model_config = ConfigDict(extra="ignore")
    spend: float | None = Field(default=None, ge=0)
    payment_verified: bool | None = None
    account_age_days: int | None = Field(default=None, ge=0)
    country: str | None = Field(default=None, max_length=60, description="ISO 3166 code or a country's name.")


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
                },
                {
                    "id": "job-311",
                    "kind": "job_post",
                    "title": "Data entry, no experience, start today",
                    "description": "Easy typing at $45/hour. Apply on Telegram to get the task list.",
                    "company": "Northwind Remote",
                    "budget": {"amount": 45, "type": "hourly"},
                    "client": {"spend": 0, "payment_verified": False, "account_age_days": 1, "country": "US"},
                    "sender_id": "client-9",
                },
            ]
        },
    )
    id: str | None = Field(default=None, max_length=200)
    kind: Kind = Kind.MESSAGE
    text: str | None = Field(
        default=None, max_length=100_000, description="Required, except for a job post that has a title or description."
    )
    conversation_id: str | None = Field(default=None, max_length=200)
    sender_id: str | None = Field(default=None, max_length=200)
    recipient_id: str | None = Field(default=None, max_length=200)
    at: str | None = Field(default=None, max_length=40)
    context: ContextIn = Field(default_factory=ContextIn)
    title: str | None = Field(default=None, max_length=1_000, description="Job posts: the title.")
    description: str | None = Field(default=None, max_length=100_000, description="Job posts: the description.")
    company: str | None = Field(default=None, max_length=500, description="Job posts: the company named.")
    budget: float | BudgetIn | None = Field(default=None, description="Job posts: an amount, or amount and type.")
    client: ClientIn | None = Field(default=None, description="Job posts: what the platform knows of the client.")

    def job_fields(self) -> dict[str, Any] | None:
        """The job-post fields as a record gives them (None for other kinds): the core's reader checks them."""
        if self.kind is not Kind.JOB_POST:
            return None
        return self.model_dump(include=_JOB_FIELDS, exclude_none=True, mode="json")


_JOB_FIELDS = {"title", "description", "company", "budget", "client"}


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


class ScreenBatchIn(BaseModel):
    """Up to 500 texts screened in order, as `marketguard scan` screens lines: a conversation's earlier messages
    in the batch are in view of its later ones."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {"id": "m-1", "text": "my number is 415", "conversation_id": "c-9", "sender_id": "u-5"},
                        {"id": "m-2", "text": "555 0198, text me", "conversation_id": "c-9", "sender_id": "u-5"},
                    ]
                }
            ]
        }
    )
    items: list[ScreenIn] = Field(min_length=1, max_length=500)
