"""Run a parser in a child process that the web process can kill.

An uploaded file is parsed in a child forked from a small fork server (started once per
web process, with the parsers preloaded: a fork costs milliseconds, and the child never
inherits the web process's threads or database connections). The child gets a CPU-time
and an address-space limit (resource.setrlimit) on top of the parent's wall-time wait; on
the deadline the parent kills it. Whatever the file does, the web process waits at most
`seconds` and its own memory never grows. A caller may also cap how many children run at
once in this process (`max_running`): one more is refused at once (ChildrenBusy) rather
than queued, so a burst of uploads cannot fill the machine with parsers or keep a student
waiting behind other people's files.

Pure Python, no Django (the child runs without settings): callers pass the limits in.
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from essays.fileparse import ParseError

logger = logging.getLogger(__name__)

PRELOAD = ["essays.sandbox", "essays.fileparse", "docx", "pypdf", "lxml.etree"]
_lock = threading.Lock()
_context: Any = None
_running_lock = threading.Lock()
_running = 0  # children this process runs now


class ChildLimit(Exception):
    """The child was stopped: `reason` is "timeout" (killed at the deadline), "memory"
    (its allocation failed at the address-space limit) or "died" (killed by a signal,
    e.g. the kernel's CPU-time limit). `exitcode` is the child's, negative for a signal."""

    def __init__(self, reason: str, *, exitcode: int | None, seconds: float, memory_bytes: int):
        super().__init__(f"parse child {reason} (exit {exitcode})")
        self.reason = reason
        self.exitcode = exitcode
        self.seconds = seconds
        self.memory_bytes = memory_bytes


class ChildrenBusy(Exception):
    """`limit` parse children already run in this process; nothing was started."""

    def __init__(self, limit: int):
        super().__init__(f"{limit} parse children already running")
        self.limit = limit


@contextlib.contextmanager
def _slot(limit: int | None) -> Iterator[None]:
    global _running
    with _running_lock:
        if limit is not None and _running >= limit:
            raise ChildrenBusy(limit)
        _running += 1
    try:
        yield
    finally:
        with _running_lock:
            _running -= 1


def _get_context() -> Any:
    global _context
    with _lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            _context = context
        return _context


def _address_space_in_use() -> int:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _child(
    conn: Connection,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    seconds: float,
    memory_bytes: int,
) -> None:
    cpu = math.ceil(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    limit = _address_space_in_use() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, Any] = ("ok", func(*args))
    except ParseError as exc:
        result = ("refused", (exc.reason, exc.params))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # any failure of a parser means "damaged"
        result = ("refused", ("damaged", {"error": type(exc).__name__}))
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("memory", None))
    conn.close()


def run_bounded(
    func: Callable[..., Any],
    *args: Any,
    seconds: float,
    memory_bytes: int,
    max_running: int | None = None,
) -> Any:
    """func(*args) in a child: its result, or ParseError as the child raised it, or
    ChildLimit when the child ran out of time or memory, or ChildrenBusy (at once) when
    `max_running` children of this process are running already. func and args must
    pickle (a module-level function, bytes, dataclasses)."""
    with _slot(max_running):
        return _run_child(func, args, seconds=seconds, memory_bytes=memory_bytes)


def _run_child(
    func: Callable[..., Any], args: tuple[Any, ...], *, seconds: float, memory_bytes: int
) -> Any:
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, func, args, seconds, memory_bytes), daemon=True
    )
    process.start()
    sender.close()
    status: str
    payload: Any = None
    try:
        if receiver.poll(seconds):
            status, payload = receiver.recv()
        else:
            status = "timeout"
    except (EOFError, OSError):
        status = "died"
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    if status == "ok":
        return payload
    if status == "refused":
        reason, params = payload
        raise ParseError(reason, **params)
    if status == "died" and process.exitcode == -signal.SIGXCPU:
        status = "timeout"
    logger.warning(
        "upload parse stopped: %s (exit %s, %s s, %d MB)",
        status,
        process.exitcode,
        seconds,
        memory_bytes // (1024 * 1024),
    )
    raise ChildLimit(status, exitcode=process.exitcode, seconds=seconds, memory_bytes=memory_bytes)
