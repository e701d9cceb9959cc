"""The console's pages: login, the queue of a family, a case, appeals; every write is a CSRF-checked form.

Handlers are plain functions (FastAPI runs them in its thread pool) that read the session cookie, check
what the reviewer may see, run one transaction through the domain (`storage.moderation`, `storage.cases`),
and answer with a page or a 303 redirect (post/redirect/get, so a reload never repeats a decision). The
domain's refusals (claimed by someone else, same reviewer for an appeal, ...) become an error page with
the same status code the API would give.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from sqlalchemy.orm import Session
from starlette.responses import Response

from marketguard.adapters.http.console import evidence, store
from marketguard.adapters.http.console.pages import redirect, render
from marketguard.adapters.http.console.sessions import (
    Cookies,
    SessionData,
    clear,
    cross_site,
    new_token,
    same_token,
)
from marketguard.adapters.http.state import AppState
from marketguard.adapters.storage import cases, moderation
from marketguard.adapters.storage.clock import utcnow
from marketguard.adapters.storage.db import run
from marketguard.adapters.storage.tables import Appeal, Case
from marketguard.service.errors import Forbidden, Invalid, NotFound, ServiceError
from marketguard.service.sanctions import TIMED, Action, parse_duration

router = APIRouter(prefix="/console", include_in_schema=False)
T = TypeVar("T")

ACTIONS = [
    (Action.DISMISS, "Dismiss: no rule broken"),
    (Action.WARN, "Warn"),
    (Action.RESTRICT_MESSAGING, "Restrict messaging"),
    (Action.HOLD_PAYOUTS, "Hold payouts"),
    (Action.SUSPEND, "Suspend"),
    (Action.LADDER, "Next rung of the circumvention ladder"),
]
MIN_REASON = 10
MAX_TEXT = 4000
Text = Annotated[str, Form()]


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.mg
    return state


def _cookies(request: Request) -> Cookies:
    cookies: Cookies | None = getattr(request.app.state, "console_cookies", None)
    if cookies is None:
        state = _state(request)
        key = os.environ.get("MARKETGUARD_CONSOLE_SECRET") or run(state.engine, store.signing_key)
        cookies = Cookies(key)
        request.app.state.console_cookies = cookies
    return cookies


def _db(request: Request, work: Callable[[Session], T]) -> T:
    return run(_state(request).engine, work)


def _who(request: Request) -> tuple[store.Identity, SessionData] | None:
    data = _cookies(request).read_session(request)
    if data is None:
        return None
    ident = _db(request, lambda s: store.current(s, data.name, data.epoch))
    return (ident, data) if ident is not None else None


def _to_login(request: Request) -> Response:
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect(f"/console/login?next={quote(path, safe='')}")


def _safe_next(target: str) -> str:
    """Only redirect to the console itself (no //host, no scheme): an open redirect is a phishing aid."""
    if target.startswith("/console/") and not target.startswith("//") and "\\" not in target and ":" not in target:
        return target
    return "/console/queue"


def _error(ident: store.Identity | None, csrf: str, status: int, code: str, message: str) -> Response:
    return render("error.html", status, me=ident, csrf=csrf, status=status, code=code, message=message)


def _page(request: Request, page: Callable[[store.Identity, str], Response]) -> Response:
    """Run a GET page for a logged-in reviewer; domain refusals become error pages."""
    who = _who(request)
    if who is None:
        return _to_login(request)
    ident, data = who
    try:
        return page(ident, data.csrf)
    except ServiceError as exc:
        return _error(ident, data.csrf, exc.status, exc.code, exc.message)


def _post(request: Request, csrf: str, action: Callable[[store.Identity], str]) -> Response:
    """Run a form post: same-origin, logged in, CSRF token matches; then redirect to what `action` returns."""
    if cross_site(request):
        return _error(None, "", 403, "cross_site", "this form was posted from another site")
    who = _who(request)
    if who is None:
        return _error(None, "", 401, "not_logged_in", "your session ended; log in again")
    ident, data = who
    if not same_token(data.csrf, csrf):
        return _error(ident, data.csrf, 403, "csrf", "the form is stale or forged; reload the page and try again")
    try:
        return redirect(action(ident))
    except ServiceError as exc:
        return _error(ident, data.csrf, exc.status, exc.code, exc.message)


def _visible_case(session: Session, ident: store.Identity, case_id: str) -> Case:
    row = cases.get(session, case_id)
    if not ident.sees(row.family):
        raise Forbidden("family_not_yours", f"{row.family} cases are outside your queues")
    return row


# -- login -----------------------------------------------------------------------------------------------


@router.get("")
@router.get("/")
def home(request: Request) -> Response:
    return redirect("/console/queue")


@router.get("/login")
def login_page(request: Request, next: str = "/console/queue") -> Response:
    if _who(request) is not None:
        return redirect(_safe_next(next))
    return _login_form(request, next, None, 200)


def _login_form(request: Request, next_url: str, error: str | None, status: int) -> Response:
    token = new_token()
    response = render("login.html", status, me=None, csrf=token, next=_safe_next(next_url), error=error)
    _cookies(request).set_login_token(request, response, token)
    return response


@router.post("/login")
def login(
    request: Request, name: Text = "", password: Text = "", csrf: Text = "", next: Text = "/console/queue"
) -> Response:
    if cross_site(request):
        return _error(None, "", 403, "cross_site", "this form was posted from another site")
    cookies = _cookies(request)
    if not same_token(cookies.login_token(request), csrf):
        return _login_form(request, next, "The login form expired; please try again.", 403)
    ident = _db(request, lambda s: store.login(s, name[:200], password[:1000], utcnow()))
    if ident is None:
        return _login_form(request, next, "Wrong name or password, or the account is locked for a while.", 401)
    response = redirect(_safe_next(next))
    cookies.write_session(request, response, ident.name, ident.epoch)
    return response


@router.post("/logout")
def logout(request: Request, csrf: Text = "") -> Response:
    def action(ident: store.Identity) -> str:
        _db(request, lambda s: store.end_sessions(s, ident.name))
        return "/console/login"

    response = _post(request, csrf, action)
    clear(response)
    return response


# -- queue -----------------------------------------------------------------------------------------------


@router.get("/queue")
def queue(request: Request, family: str = "") -> Response:
    def page(ident: store.Identity, csrf: str) -> Response:
        if not ident.families:
            raise Forbidden("no_families", "you have no queues; ask an admin to give you a family")
        chosen = family or ident.families[0]
        if not ident.sees(chosen):
            raise Forbidden("family_not_yours", f"the {chosen} queue is not one of yours")
        now = utcnow()

        def read(s: Session) -> tuple[list[dict[str, Any]], dict[str, int]]:
            rows = cases.queue(s, chosen, 200, now, include_claimed=True)
            return [moderation.case_summary(r, now) for r in rows], cases.depth(s)

        rows, depth = _db(request, read)
        counts = {f: depth.get(f, 0) for f in ident.families}
        return render("queue.html", me=ident, csrf=csrf, family=chosen, cases=rows, counts=counts)

    return _page(request, page)


# -- a case ----------------------------------------------------------------------------------------------


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: str) -> Response:
    def page(ident: store.Identity, csrf: str) -> Response:
        now = utcnow()

        def read(s: Session) -> dict[str, Any]:
            _visible_case(s, ident, case_id)
            view = moderation.case_view(s, case_id, now)
            return {
                "case": view,
                "messages": evidence.messages(view),
                "account_events": evidence.account_events(view),
                "reports": evidence.reports(s, view, ident.sees_reporters),
                "events": [{**e, "line": evidence.event_line(e)} for e in view["events"]],
            }

        data = _db(request, read)
        view = data["case"]
        actions = [
            (a.value, label) for a, label in ACTIONS if a is not Action.LADDER or view["family"] == "circumvention"
        ]
        return render(
            "case.html",
            me=ident,
            csrf=csrf,
            mine=view["claimed_by"] == ident.name,
            actions=actions,
            timed=sorted(a.value for a in TIMED),
            **data,
        )

    return _page(request, page)


@router.post("/cases/{case_id}/claim")
def claim(request: Request, case_id: str, csrf: Text = "") -> Response:
    def action(ident: store.Identity) -> str:
        seconds = _state(request).settings.claim_seconds

        def work(s: Session) -> None:
            _visible_case(s, ident, case_id)
            cases.claim(s, case_id, ident.name, utcnow(), seconds)

        _db(request, work)
        return f"/console/cases/{quote(case_id)}"

    return _post(request, csrf, action)


@router.post("/cases/{case_id}/release")
def release(request: Request, case_id: str, csrf: Text = "") -> Response:
    def action(ident: store.Identity) -> str:
        def work(s: Session) -> None:
            _visible_case(s, ident, case_id)
            cases.release(s, case_id, ident.name, utcnow())

        _db(request, work)
        return "/console/queue"

    return _post(request, csrf, action)


@router.post("/cases/{case_id}/decide")
def decide(
    request: Request, case_id: str, csrf: Text = "", action: Text = "", duration: Text = "", reason: Text = ""
) -> Response:
    def act(ident: store.Identity) -> str:
        try:
            chosen = Action(action)
        except ValueError:
            raise Invalid("invalid_action", f"choose one of {', '.join(a.value for a in Action)}") from None
        finding = reason.strip()
        if len(finding) < MIN_REASON or len(finding) > MAX_TEXT:
            raise Invalid(
                "reason_required",
                f"write your finding ({MIN_REASON}-{MAX_TEXT} characters): it is the CAUSE the user reads",
            )
        span: timedelta | None = None
        if duration.strip():
            try:
                span = parse_duration(duration)
            except ValueError as exc:
                raise Invalid("invalid_duration", str(exc)) from None
        settings = _state(request).settings

        def work(s: Session) -> None:
            _visible_case(s, ident, case_id)
            moderation.decide(s, settings, case_id, ident.name, chosen, span, finding, utcnow())

        _db(request, work)
        return f"/console/cases/{quote(case_id)}"

    return _post(request, csrf, act)


# -- appeals ---------------------------------------------------------------------------------------------


@router.get("/appeals")
def appeals(request: Request) -> Response:
    def page(ident: store.Identity, csrf: str) -> Response:
        def read(s: Session) -> list[dict[str, Any]]:
            out = []
            for a in moderation.open_appeals(s, 500):
                row = cases.get(s, a["case_id"])
                if ident.sees(row.family):
                    out.append(
                        {
                            **a,
                            "family": row.family,
                            "subject": f"{row.subject_type} {row.subject_id}",
                            "action": row.action,
                            "yours": a["decided_by"] == ident.name,
                        }
                    )
            return out

        return render("appeals.html", me=ident, csrf=csrf, appeals=_db(request, read))

    return _page(request, page)


@router.post("/appeals/{appeal_id}/decide")
def decide_appeal(
    request: Request, appeal_id: str, csrf: Text = "", outcome: Text = "", reasons: Text = ""
) -> Response:
    def act(ident: store.Identity) -> str:
        if outcome not in ("upheld", "overturned"):
            raise Invalid("invalid_outcome", "the outcome is upheld or overturned")
        text = reasons.strip()
        if len(text) < MIN_REASON or len(text) > MAX_TEXT:
            raise Invalid("reason_required", f"give the reasons ({MIN_REASON}-{MAX_TEXT} characters)")

        def work(s: Session) -> str:
            appeal = s.get(Appeal, appeal_id)
            if appeal is None:
                raise NotFound("appeal_not_found", f"no appeal {appeal_id!r}")
            row = _visible_case(s, ident, appeal.case_id)
            if row.decided_by == ident.name:
                raise Forbidden("same_reviewer", "you decided this case; another reviewer must handle its appeal")
            moderation.decide_appeal(s, appeal_id, ident.name, outcome, text, utcnow())
            return appeal.case_id

        case_id = _db(request, work)
        return f"/console/cases/{quote(case_id)}"

    return _post(request, csrf, act)
