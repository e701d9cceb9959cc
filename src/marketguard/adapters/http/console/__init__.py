"""The review console: server-rendered pages for trust & safety analysts, mounted at `/console`.

    from marketguard.adapters.http.console import mount_console
    mount_console(app)          # app: the service's FastAPI app (it needs `app.state.mg`)

Reviewers log in with a name and password (`marketguard reviewers create`), work the queues of their
families, claim a case, read the evidence with the detected spans highlighted, decide with a statement of
reasons, and handle appeals of other reviewers' decisions. See docs/console.md.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from marketguard.adapters.http.console.pages import STATIC, SecureStatic


def mount_console(app: FastAPI) -> None:
    """Add the console's routes and stylesheet to `app`; calling it twice changes nothing."""
    if getattr(app.state, "console_mounted", False):
        return
    from marketguard.adapters.http.console.views import router

    app.include_router(router)
    app.mount("/console/static", SecureStatic(StaticFiles(directory=STATIC)), name="console-static")
    app.state.console_mounted = True
