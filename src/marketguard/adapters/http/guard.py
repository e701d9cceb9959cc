"""An ASGI guard in front of the API: bodies over the limit get 413, bodies that are not UTF-8 get 400.

It reads the body once (refusing as soon as it passes the limit, before a handler buffers it), checks it
decodes as UTF-8, leaves it in `request.state.body` (for `body_sha256`, which idempotency needs: computed
only for a POST that sends an Idempotency-Key, not for every request) and replays it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marketguard.adapters.http.errors import error_body

_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def _reply(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def body_sha256(scope: Scope) -> str:
    """The SHA-256 of the request body the guard read (hex), or "" when it read none."""
    body = scope.get("state", {}).get("body")
    return hashlib.sha256(body).hexdigest() if body is not None else ""


class BodyGuard:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> bytes:
        """Built only when refusing (it was built for every request with a body before)."""
        limit = self.max_bytes
        return error_body("body_too_large", f"the request body is larger than the limit of {limit} bytes", limit=limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _reply(send, 400, error_body("invalid_content_length", "Content-Length is not a number"))
                    return
                if declared > limit:
                    await _reply(send, 413, self._too_large())
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _reply(send, 413, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            await _reply(
                send,
                400,
                error_body(
                    "invalid_utf8", f"the request body is not valid UTF-8 (byte {exc.start})", position=exc.start
                ),
            )
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        state["body"] = body
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
