"""Rendering: one Jinja2 environment with autoescape on for every template, and the security headers.

Everything the console shows that a user wrote (messages, reports, appeals, names) goes through Jinja2's
escaping; no template marks user text `|safe` (a test reads the templates to keep it so). The page has no
script at all, and the Content-Security-Policy says so: even if markup slipped through, the browser would
refuse to run it, load it from elsewhere, or post a form off-site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"

CSP = (
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'none'; "
    "connect-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def secure(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(f"console/{template}").render(**context)
    return secure(HTMLResponse(html, status_code=status_code))  # type: ignore[return-value]


def redirect(url: str) -> Response:
    return secure(RedirectResponse(url, status_code=303))


class SecureStatic:
    """Wraps the static-file app so stylesheets carry the same headers as pages (nosniff above all)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items() if k != "Cache-Control"]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)
