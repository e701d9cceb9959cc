"""Schemathesis generates requests from /openapi.json; none may get a 5xx. Bounded: a few examples per route.

The application is built when the module loads (Schemathesis reads the schema at collection time), on a
fresh SQLite file in a temporary folder, with rate limits off so generated bursts are not refused.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from marketguard.service.settings import ServiceSettings
from service_api import make_api

_DATA = Path(tempfile.mkdtemp(prefix="mg-schemathesis-"))
atexit.register(shutil.rmtree, _DATA, True)
_API = make_api(ServiceSettings(data_dir=_DATA, rate_limit=0.0))
_api = next(_API)
atexit.register(lambda: next(_API, None))

schema = schemathesis.openapi.from_asgi("/openapi.json", _api.client.app)

_REVIEW = (
    "/v1/decisions",
    "/v1/queues",
    "/v1/appeals",
    "/v1/cases/{case_id}/claim",
    "/v1/cases/{case_id}/release",
    "/v1/cases/{case_id}/decision",
)


def _token_for(path: str) -> str:
    if path.startswith(("/v1/audit", "/v1/keys")):
        return _api.tokens["admin"]
    if path.startswith(_REVIEW) or path == "/v1/cases/{case_id}":
        return _api.tokens["alice"]
    return _api.tokens["platform"]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: Any) -> None:
    token = _token_for(case.operation.path)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
