"""Console sessions in signed cookies, and the CSRF token that every form carries.

The cookie holds `{name, epoch, csrf}` signed with itsdangerous (HMAC-SHA1 over a key from the database or
MARKETGUARD_CONSOLE_SECRET) and timestamped: it is HttpOnly, SameSite=Strict, Secure over HTTPS, and dies
after `MAX_AGE` or as soon as the reviewer's session epoch changes (logout, password change, disable).

CSRF: SameSite=Strict already keeps other sites' requests cookie-less; on top, each form posts the
session's random token (compared in constant time) and a request whose Origin names another host, or
whose Sec-Fetch-Site says cross-site, is refused. Before login, a short-lived signed cookie carries the
token the login form must echo, so a login cannot be forged either.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

SESSION_COOKIE = "mg_console"
LOGIN_COOKIE = "mg_console_login"
MAX_AGE = 12 * 3600
"""A working day; then the reviewer logs in again."""
LOGIN_MAX_AGE = 3600


@dataclass(frozen=True, slots=True)
class SessionData:
    name: str
    epoch: int
    csrf: str


class Cookies:
    """Signs and reads the console's two cookies."""

    def __init__(self, key: str) -> None:
        self._session = URLSafeTimedSerializer(key, salt="marketguard-console-session")
        self._login = URLSafeTimedSerializer(key, salt="marketguard-console-login")

    def read_session(self, request: Request) -> SessionData | None:
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            data: Any = self._session.loads(raw, max_age=MAX_AGE)
            return SessionData(str(data["n"]), int(data["e"]), str(data["c"]))
        except (BadSignature, KeyError, TypeError, ValueError):
            return None

    def write_session(self, request: Request, response: Response, name: str, epoch: int) -> None:
        token = self._session.dumps({"n": name, "e": epoch, "c": secrets.token_urlsafe(32)})
        _set(request, response, SESSION_COOKIE, token, MAX_AGE)
        response.delete_cookie(LOGIN_COOKIE, path="/console", httponly=True, samesite="strict")

    def login_token(self, request: Request) -> str | None:
        raw = request.cookies.get(LOGIN_COOKIE)
        if not raw:
            return None
        try:
            return str(self._login.loads(raw, max_age=LOGIN_MAX_AGE))
        except BadSignature:
            return None

    def set_login_token(self, request: Request, response: Response, token: str) -> None:
        """The pre-login cookie; the login form must post the same `token` back."""
        _set(request, response, LOGIN_COOKIE, self._login.dumps(token), LOGIN_MAX_AGE)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _set(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def clear(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/console", httponly=True, samesite="strict")


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def cross_site(request: Request) -> bool:
    """True when the browser says the request comes from another site or origin.

    Sec-Fetch-Site (every current browser) must say same-origin; without it, the Origin header must name
    this host. A client that sends neither (curl, a test) is not a browser riding a session: the CSRF token
    still has to match.
    """
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.headers.get("host", "")
