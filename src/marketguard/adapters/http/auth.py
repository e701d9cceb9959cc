"""API keys on every /v1 call: `Authorization: Bearer mg_...` (or `X-API-Key`), a scope per route, and
the key's rate limit. A reviewer is whoever holds a review key: its name is their identity.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage import keys
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.keys import Caller
from marketguard.service.errors import Forbidden, ServiceError

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer mg_<id>_<secret>`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="The same key in a header of its own")


class Unauthorized(ServiceError):
    status = 401


class RateLimited(ServiceError):
    status = 429

    def __init__(self, retry_after: float) -> None:
        super().__init__("rate_limited", f"rate limit for this key exceeded; retry after {retry_after:.2f} s")
        self.retry_after = retry_after


async def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.mg
    return state


StateDep = Annotated[AppState, Depends(app_state)]


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The API key a request carries: `Authorization: Bearer <key>` (scheme case-insensitive), else
    `X-API-Key`; None when neither is there. The same reading as FastAPI's `HTTPBearer` and `APIKeyHeader`
    with `auto_error=False` (which stay on the routes for the OpenAPI document)."""
    authorization = headers.get("authorization")
    if authorization:
        scheme, _, credentials = authorization.partition(" ")
        credentials = credentials.strip()
        if credentials and scheme.lower() == "bearer":
            return credentials
    return headers.get("x-api-key") or None


async def authenticate(state: AppState, token: str | None, scope: str) -> Caller:
    """The caller for `token`, checked for `scope`, with a rate-limit token taken: one plain call, so a
    route that handles its own request (`/v1/screen`, see routes/screen.py) authenticates exactly as the
    dependency does. The database is read only on a key-cache miss, in the thread pool."""
    if not token:
        raise Unauthorized("missing_key", "send an API key: Authorization: Bearer mg_...")
    caller = state.cached_key(token)
    if caller is None:
        caller = await run_in_threadpool(run, state.engine, lambda s: keys.authenticate(s, token), True)
        if caller is None:
            raise Unauthorized("invalid_key", "the API key is unknown, malformed or revoked")
        state.cache_key(token, caller)
    if scope not in caller.scopes:
        raise Forbidden("missing_scope", f"this key lacks the '{scope}' scope")
    rate = caller.rate_limit if caller.rate_limit is not None else state.settings.rate_limit
    wait = state.buckets.take(caller.key_id, rate, max(float(state.settings.rate_burst), rate))
    if wait > 0:
        raise RateLimited(wait)
    return caller


def require(scope: str) -> Callable[..., Awaitable[Caller]]:
    """A dependency that authenticates the caller, checks `scope` and takes a rate-limit token."""

    async def dependency(  # async: no thread-pool hop per request; the database is read only on a cache miss
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        header: Annotated[str | None, Depends(_header)],
    ) -> Caller:
        # the state straight from the app, not through `StateDep`: every dependency FastAPI resolves costs
        # tens of microseconds per request, and this one runs on every /v1 call
        state: AppState = request.app.state.mg
        return await authenticate(state, bearer.credentials if bearer is not None else header, scope)

    return dependency


ScreenKey = Annotated[Caller, Depends(require("screen"))]
ReportKey = Annotated[Caller, Depends(require("report"))]
ReviewKey = Annotated[Caller, Depends(require("review"))]
AdminKey = Annotated[Caller, Depends(require("admin"))]
