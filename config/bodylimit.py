"""Refuse request bodies over REQUEST_MAX_BODY_BYTES before Django reads them.

Django's ASGI handler reads the whole body into a spooled temporary file before any view
or limit runs: an anonymous 1 GB POST was written to disk first. This guard wraps the
application in config/asgi.py: a declared Content-Length over the limit is answered 413
at once, without reading a byte of the body; a chunked body (no Content-Length) is
counted as it arrives and answered 413 as soon as it passes the limit, and Django is
told the client went away, so it stops reading and never calls a view.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[..., Awaitable[None]]  # Django's handler types its arguments its own way


def _mb(size: int) -> str:
    mb = size / (1024 * 1024)
    return f"{mb:,.1f} MB" if mb < 10 else f"{mb:,.0f} MB"


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._refuse(send, 400, "The Content-Length header is not a number.")
                    return
        if declared is not None and declared > self.max_bytes:
            await self._refuse(
                send,
                413,
                f"Too large ({_mb(declared)}; the limit is {_mb(self.max_bytes)}). "
                "Send a smaller file or less text.",
            )
            return
        received = 0
        refused = False

        async def counted_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refused = True
                    await self._refuse(
                        send,
                        413,
                        f"Too large (more than {_mb(self.max_bytes)}; the limit is "
                        f"{_mb(self.max_bytes)}). Send a smaller file or less text.",
                    )
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if not refused:  # after a refusal the app has nothing more to say
                await send(message)

        await self.app(scope, counted_receive, guarded_send)

    @staticmethod
    async def _refuse(send: Send, status: int, text: str) -> None:
        body = (text + "\n").encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
