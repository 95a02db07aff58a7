"""Harper through Automattic's own harper.js, run in one persistent Node process.

``HarperChecker(dialect)`` with ``lint`` (the dialect may be given per text: the server keeps
one linter per dialect),
``lint_all`` and ``is_likely_english``, returning the same finding dicts (rule, kind, start,
end, problem, message, suggestions; plus ``suggestion_kinds``). Spans are Python str
indices. The Node side is ``harper_node/server.mjs`` (JSON lines over a pipe); install its
packages with ``npm ci`` in ``harper_node/``. ``HARPER_NODE`` names the node binary;
``HARPER_BINARY`` picks harper.js's wasm export (default ``binary``, read from disk);
``HARPER_NODE_FLAGS`` gives Node V8 flags (``NODE_FLAGS`` below: none).

The Node process is started on first use, shared by every checker in this Python process,
used under a lock (one request at a time), and started again if it died, timed out or the
process forked. Node's stdout is our pipe, so nothing reaches this process's stdout.
A checker built with ``max_rss_mb`` stops the process after a request that left its resident
memory (/proc/PID/status) above that bound: wasm memory never shrinks, and one hostile
text once grew it from 366 MB to 1.8 GB; the next request starts a fresh one.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import selectors
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from .harper_rules import DISABLED_RULES, ENABLED_RULES, USED_RULES

log = logging.getLogger(__name__)

NODE_DIR = Path(__file__).resolve().parent / "harper_node"
SERVER = NODE_DIR / "server.mjs"
START_TIMEOUT = 120.0
REQUEST_TIMEOUT = 60.0

# How Node runs harper.js, for memory (measured in coaching/engine/README.md, "Memory of the
# Node process"). V8 compiles Harper's wasm functions with its baseline compiler, then the hot
# ones again, optimised, on background threads (the largest needs ~50 MB of compiler memory).
# glibc's malloc kept that memory, once freed, in the threads' arenas: Node held 415-480 MB.
# From 32 KB up, blocks are now mapped on their own and given back when freed: ~310 MB.
# Other C libraries ignore the variable. A value already in the environment wins.
NODE_ENV = {"MALLOC_MMAP_THRESHOLD_": "32768"}
# V8 flags for Node (HARPER_NODE_FLAGS replaces them). None by default: one optimising
# compilation at a time (--wasm-num-compilation-tasks=1) lowers Node's peak ~415 -> ~396 MB
# but adds a few ms to the bench's p95 while the hot code is optimised after start-up;
# --no-liftoff peaks ~387 MB but adds ~2.5 s to the first lint, so to the engine's start-up.
NODE_FLAGS: tuple[str, ...] = ()


class HarperUnavailable(RuntimeError):
    """Node, server.mjs or its node_modules is missing, or the server would not start."""


class HarperError(RuntimeError):
    """The server answered a request with an error."""


class _BadOption(HarperUnavailable):
    """Node exited at once on a V8 flag (``HARPER_NODE_FLAGS``) it does not know."""


def node_binary() -> str:
    return os.environ.get("HARPER_NODE", "node")


def node_flags() -> list[str]:
    flags = os.environ.get("HARPER_NODE_FLAGS")
    return list(NODE_FLAGS) if flags is None else flags.split()


class _Server:
    """One Node process speaking the server.mjs protocol."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.proc: subprocess.Popen[bytes] | None = None
        self.pid_owner = 0
        self.info: dict[str, Any] = {}
        self.startup_seconds = 0.0
        self._buf = b""
        self._next_id = 0

    # ------------------------------------------------------------------ process

    def alive(self) -> bool:
        return self.proc is not None and self.pid_owner == os.getpid() and self.proc.poll() is None

    def start(self) -> None:
        flags = node_flags()
        try:
            self._start(flags)
        except _BadOption:
            # a Node whose V8 does not know one of the flags: run without them
            log.warning("node refused the flags %s: starting harper.js without them", flags)
            self._start([])

    def _start(self, flags: list[str]) -> None:
        self.stop()
        args = [
            node_binary(),
            *flags,
            str(SERVER),
            "--off=" + ",".join(sorted(DISABLED_RULES)),
            "--on=" + ",".join(sorted(ENABLED_RULES)),
            "--only=" + ",".join(sorted(USED_RULES | ENABLED_RULES)),
            "--dialect=" + self.dialect,
            "--binary=" + os.environ.get("HARPER_BINARY", "binary"),
        ]
        t0 = time.perf_counter()
        try:
            self.proc = subprocess.Popen(  # noqa: S603 (node and our own server.mjs)
                args,
                cwd=str(NODE_DIR),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=None,  # Node's warnings go to our stderr
                close_fds=True,
                env={**NODE_ENV, **os.environ},
            )
        except OSError as exc:
            raise HarperUnavailable(f"cannot run {args[0]!r}: {exc}") from exc
        self.pid_owner = os.getpid()
        self._buf = b""
        try:
            line = self._read_line(START_TIMEOUT)
            info = json.loads(line)
        except Exception as exc:
            bad_option = False
            if flags and isinstance(exc, EOFError) and self.proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    # 9: Node's exit status for an option it does not know
                    bad_option = self.proc.wait(timeout=5) == 9
            self.stop(kill=True)
            if bad_option:
                raise _BadOption() from exc
            raise HarperUnavailable(f"harper.js server did not start: {exc}") from exc
        if not info.get("ready"):
            self.stop(kill=True)
            raise HarperUnavailable(f"harper.js server said {info!r}")
        self.info = info
        self.startup_seconds = time.perf_counter() - t0

    def stop(self, *, kill: bool = False) -> None:
        """Close the pipes (the server exits at end of input); ``kill`` ends it at once."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if self.pid_owner != os.getpid():
            return  # a parent's process: not ours to stop from a forked child
        if kill and proc.poll() is None:
            proc.kill()
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    # ------------------------------------------------------------------ protocol

    def _read_line(self, timeout: float) -> bytes:
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buf:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no answer from harper.js within {timeout:g}s")
                if not sel.select(left):
                    continue
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    raise EOFError("harper.js server exited")
                self._buf += chunk
        line, _, self._buf = self._buf.partition(b"\n")
        return line

    def request(self, payload: dict[str, Any], timeout: float) -> dict[str, Any]:
        if not self.alive():
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self._next_id += 1
        rid = self._next_id
        data = json.dumps({"id": rid, **payload}, ensure_ascii=True).encode("ascii") + b"\n"
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
            while True:
                reply = json.loads(self._read_line(timeout))
                if reply.get("id") == rid:
                    break
        except (OSError, EOFError, TimeoutError, ValueError):
            self.stop(kill=True)  # out of step or dead: the next request starts a fresh one
            raise
        if "error" in reply:
            raise HarperError(reply["error"])
        return reply


_LOCK = threading.Lock()
_SERVER: _Server | None = None
# how many times this process stopped its Node server for growing past its memory bound
_recycled = 0


def rss_mb(pid: int) -> int | None:
    """Resident memory of a process in MB (Linux /proc), None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _call(
    payload: dict[str, Any], dialect: str, timeout: float, max_rss_mb: int | None = None
) -> dict[str, Any]:
    global _SERVER
    with _LOCK:
        if _SERVER is None or _SERVER.pid_owner not in (0, os.getpid()):
            _SERVER = _Server(dialect)
        try:
            reply = _SERVER.request({**payload, "dialect": dialect}, timeout)
        except TimeoutError:
            raise
        except (OSError, EOFError, ValueError):
            # The process died (between two requests, or on this one): one fresh try.
            reply = _SERVER.request({**payload, "dialect": dialect}, timeout)
        if max_rss_mb:
            _recycle_if_grown(_SERVER, max_rss_mb)
        return reply


def _recycle_if_grown(server: _Server, max_rss_mb: int) -> None:
    global _recycled
    proc = server.proc
    if proc is None or not server.alive():
        return
    rss = rss_mb(proc.pid)
    if rss is not None and rss > max_rss_mb:
        log.warning(
            "harper.js grew to %s MB (bound %s MB): starting a fresh process", rss, max_rss_mb
        )
        server.stop(kill=True)
        _recycled += 1


def server_info() -> dict[str, Any]:
    """The ready line of the running server (harper.js version, binary, start-up time)."""
    with _LOCK:
        if _SERVER is None or not _SERVER.alive():
            return {}
        pid = _SERVER.proc.pid if _SERVER.proc else None
        return {
            **_SERVER.info,
            "pid": pid,
            "startup_seconds": _SERVER.startup_seconds,
            "recycled": _recycled,
        }


def recycled_count() -> int:
    """How many times this process's Node server was stopped for its memory."""
    return _recycled


def shutdown() -> None:
    """Stop this process's Node server (it is started again on the next request)."""
    global _SERVER
    with _LOCK:
        if _SERVER is not None:
            _SERVER.stop()
            _SERVER = None


atexit.register(shutdown)


def _check_installed() -> None:
    node = node_binary()
    if shutil.which(node) is None:
        raise HarperUnavailable(f"node not found: {node!r} (set HARPER_NODE)")
    if not SERVER.is_file():
        raise HarperUnavailable(f"missing {SERVER}")
    if not (NODE_DIR / "node_modules" / "harper.js" / "package.json").is_file():
        raise HarperUnavailable(f"harper.js is not installed: run `npm ci` in {NODE_DIR}")


class HarperChecker:
    """Harper's linter, backed by harper.js in Node.

    Construction only checks that node and the package are there; the Node process
    starts on the first request (``start()`` starts it now).
    """

    def __init__(
        self,
        dialect: str = "british",
        *,
        timeout: float = REQUEST_TIMEOUT,
        max_rss_mb: int | None = None,
    ) -> None:
        _check_installed()
        self.dialect = dialect if dialect in {"british", "american"} else "british"
        self.timeout = timeout
        self.max_rss_mb = max_rss_mb

    def start(self) -> None:
        self.is_likely_english("This is a warm-up sentence.")

    def lint(self, text: str, dialect: str | None = None) -> list[dict[str, Any]]:
        """Raw findings: dicts with rule, kind, start, end, problem, message, suggestions.
        ``dialect`` (british/american) overrides the checker's own for this text."""
        return self._lint("lint", text, dialect)

    def lint_all(self, text: str, dialect: str | None = None) -> list[dict[str, Any]]:
        """Findings of every Harper rule, the disabled ones included (for measurement)."""
        return self._lint("lint_all", text, dialect)

    def is_likely_english(self, text: str) -> bool:
        reply = _call(
            {"op": "likely_english", "text": text}, self.dialect, self.timeout, self.max_rss_mb
        )
        return bool(reply["likely_english"])

    def _lint(self, op: str, text: str, dialect: str | None = None) -> list[dict[str, Any]]:
        if dialect not in {"british", "american"}:
            dialect = self.dialect
        reply = _call({"op": op, "text": text}, dialect, self.timeout, self.max_rss_mb)
        out = []
        for lint in reply["lints"]:
            sugg = lint.get("suggestions") or []
            out.append(
                {
                    "rule": lint["rule"],
                    "kind": lint["kind"],
                    "start": lint["start"],
                    "end": lint["end"],
                    "problem": lint["problem"],
                    "message": lint["message"],
                    "suggestions": [s["text"] for s in sugg],
                    "suggestion_kinds": [s["kind"] for s in sugg],
                }
            )
        out.sort(key=lambda d: (d["start"], d["end"], d["rule"]))
        return out
