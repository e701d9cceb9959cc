"""Schemathesis generates requests from /openapi.json; none may get a 5xx. Bounded: a few examples per route.

The applications are built when the module loads (Schemathesis reads the schema at collection time): one on
a fresh SQLite file, one on a throwaway PostgreSQL database (which rejects inputs SQLite takes, such as NUL
characters or out-of-range integers), with rate limits off so generated bursts are not refused.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from marketguard.service.settings import ServiceSettings
from service_api import Api, make_api
from service_helpers import postgres_reachable, throwaway_postgres, unavailable

_DATA = Path(tempfile.mkdtemp(prefix="mg-schemathesis-"))
atexit.register(shutil.rmtree, _DATA, True)
_API = make_api(ServiceSettings(data_dir=_DATA, rate_limit=0.0))
_api = next(_API)
atexit.register(lambda: next(_API, None))

schema = schemathesis.openapi.from_asgi("/openapi.json", _api.client.app)


def _postgres_api() -> tuple[Api | None, str | None]:
    why = postgres_reachable()
    if why:
        return None, why
    stack = ExitStack()
    atexit.register(stack.close)
    try:
        url = stack.enter_context(throwaway_postgres())
    except BaseException as exc:
        return None, str(exc)
    gen = make_api(ServiceSettings(data_dir=_DATA / "pg", database_url=url, rate_limit=0.0))
    atexit.register(lambda: next(gen, None))
    return next(gen), None


_pg_api, _pg_missing = _postgres_api()
pg_schema = schemathesis.openapi.from_asgi("/openapi.json", (_pg_api or _api).client.app)

_REVIEW = (
    "/v1/decisions",
    "/v1/queues",
    "/v1/appeals",
    "/v1/cases/{case_id}/claim",
    "/v1/cases/{case_id}/release",
    "/v1/cases/{case_id}/decision",
)


def _token_for(api: Api, path: str) -> str:
    if path.startswith(("/v1/audit", "/v1/keys")):
        return api.tokens["admin"]
    if path.startswith(_REVIEW) or path == "/v1/cases/{case_id}":
        return api.tokens["alice"]
    return api.tokens["platform"]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: Any) -> None:
    token = _token_for(_api, case.operation.path)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])


@pytest.mark.slow
@pg_schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_on_postgres(case: Any) -> None:
    if _pg_api is None:
        unavailable("PostgreSQL", _pg_missing or "unknown")
    assert _pg_api is not None
    token = _token_for(_pg_api, case.operation.path)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
