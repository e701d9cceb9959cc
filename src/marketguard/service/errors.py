"""Errors of the service domain; the HTTP adapter maps each class to one status code.

MarketguardError
└── ServiceError          a request the service refuses, with a machine-readable `code`
    ├── NotFound          404: the case, report, appeal or key does not exist
    ├── Forbidden         403: the caller may not do this (wrong scope, same reviewer for an appeal)
    ├── Conflict          409: the state forbids it (case claimed by someone else, already decided)
    └── Invalid           422: well-formed but unacceptable (appeal window closed, bad ladder step)
"""

from __future__ import annotations

from marketguard.errors import MarketguardError


class ServiceError(MarketguardError):
    """A refusal with a stable `code` that clients can switch on; the message is for humans."""

    status = 400

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NotFound(ServiceError):
    status = 404


class Forbidden(ServiceError):
    status = 403


class Conflict(ServiceError):
    status = 409


class Invalid(ServiceError):
    status = 422
