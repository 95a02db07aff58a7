"""Issue 9: request bodies are bounded at the server. An anonymous 1 GB POST was spooled
to disk before any check; now the ASGI guard (config/bodylimit.py) answers 413 before
Django reads the body, for a declared Content-Length and for a chunked body, tested here
against the real uvicorn as scripts/serve.sh runs it, over a socket."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from config.bodylimit import BodyLimit

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 1024 * 1024


# ---------------------------------------------------------------------- the guard alone


def _run(app, headers, chunks):
    """Drive an ASGI app: `chunks` is the body as the client sends it."""
    sent: list[dict] = []
    pulled: list[int] = []
    queue = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    queue.append({"type": "http.request", "body": b"", "more_body": False})

    async def receive():
        pulled.append(1)
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    asyncio.run(app(scope, receive, send))
    return sent, len(pulled)


async def _reading_app(scope, receive, send):
    """Reads the whole body, as Django's ASGI handler does, then answers 200."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def test_a_declared_length_over_the_limit_is_refused_without_reading():
    app = BodyLimit(_reading_app, LIMIT)
    sent, pulled = _run(app, [(b"content-length", b"1073741824")], [b"x" * 1000])
    assert sent[0]["status"] == 413
    assert b"Too large (1,024 MB; the limit is 1.0 MB)" in sent[1]["body"]
    assert pulled == 0


def test_a_chunked_body_is_refused_once_it_passes_the_limit():
    app = BodyLimit(_reading_app, LIMIT)
    sent, pulled = _run(app, [], [b"x" * 65536] * 64)  # 4 MB, no Content-Length
    assert [m.get("status") for m in sent if "status" in m] == [413]
    assert b"more than 1.0 MB" in sent[1]["body"]
    assert pulled == LIMIT // 65536 + 1  # stopped at the first chunk past the limit


def test_bodies_within_the_limit_pass_through():
    app = BodyLimit(_reading_app, LIMIT)
    sent, _pulled = _run(app, [(b"content-length", b"2000")], [b"x" * 1000, b"y" * 1000])
    assert sent[0]["status"] == 200


def test_a_content_length_that_is_not_a_number_is_a_400():
    sent, pulled = _run(BodyLimit(_reading_app, LIMIT), [(b"content-length", b"lots")], [])
    assert sent[0]["status"] == 400
    assert pulled == 0


# ---------------------------------------------------------------------- the real server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    env = {
        **os.environ,
        "REQUEST_MAX_BODY_BYTES": str(LIMIT),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "tests-only-secret"),
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "uvicorn"),
            "config.asgi:application",
            "--host=127.0.0.1",
            f"--port={port}",
            "--no-access-log",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, "uvicorn stopped"
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(10)


def _response(sock: socket.socket) -> bytes:
    sock.settimeout(20)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return data


def _head(port: int, extra: str) -> bytes:
    return (
        f"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/x-www-form-urlencoded\r\n{extra}\r\n"
    ).encode()


@pytest.mark.integration
def test_uvicorn_refuses_a_declared_1gb_post_before_its_body(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(_head(server, "Content-Length: 1073741824\r\n"))
        sock.sendall(b"login=a&password=b" + b"x" * 4096)  # the first bytes of the gigabyte
        answer = _response(sock)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"Too large (1,024 MB; the limit is 1.0 MB)" in answer


@pytest.mark.integration
def test_uvicorn_refuses_a_chunked_body_as_it_passes_the_limit(server):
    chunk = b"x" * 65536
    sent = 0
    answer = b""
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(_head(server, "Transfer-Encoding: chunked\r\n"))
        sock.setblocking(False)
        try:
            while sent < 200 * LIMIT:  # 200 MB if nobody stopped us
                try:
                    answer += sock.recv(65536)
                    if answer:
                        break
                except BlockingIOError:
                    pass
                sock.setblocking(True)
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sock.setblocking(False)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock.setblocking(True)
        answer += _response(sock)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"more than 1.0 MB" in answer
    assert sent < 20 * LIMIT  # refused after about the limit, not after the whole body


@pytest.mark.integration
def test_uvicorn_lets_a_small_post_through(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(
            f"POST /healthz/ HTTP/1.1\r\nHost: 127.0.0.1:{server}\r\n"
            "Content-Length: 5\r\nConnection: close\r\n\r\nhello".encode()
        )
        answer = _response(sock)
    assert answer.startswith(b"HTTP/1.1 ")
    assert not answer.startswith(b"HTTP/1.1 413")
