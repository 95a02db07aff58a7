"""Capacity of one small deployment (issue 11): two web processes and two workers behind
nginx on this machine, PostgreSQL and Redis.

1. Sustained submissions: students log in, open the assignment, submit a (distinct)
   essay and hold its feedback stream until the last panel; the offered rate steps up
   each round. Reported per rate: feedback latency (submit to last panel) p50/p95, page
   time p50/p95/p99 (assignment page, submit + redirect, feedback page), errors. The
   capacity is the highest rate with feedback p95 < 3 s, page p95 < 200 ms, no errors.
2. Open streams: idle feedback streams held by ONE web process, stepping up, with that
   process's resident memory (target: under 1 GB).

    .venv/bin/python scripts/bench/capacity.py                       # both parts
    .venv/bin/python scripts/bench/capacity.py --rates 20,40,60 --seconds 60
    .venv/bin/python scripts/bench/capacity.py --streams 250,500,1000,2000

Needs PostgreSQL and Redis (DATABASE_URL / REDIS_URL or this machine's defaults) and
Debian's nginx (`make nginx`). Nothing is asserted: it prints figures for the README.
CAPACITY_LOG=1 prints the tail of the stream run's server log (to see why a stream was refused).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import http.cookiejar
import os
import re
import resource
import socket
import statistics
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

from _common import (  # type: ignore[import-not-found]
    ROOT,
    backends,
    class_accounts,
    percentile,
    rss,
)

from e2e.harness import Stack
from essays.demo import ESSAY_STRONG

PASSWORD = "Capacity-bench-2026"  # noqa: S105 (throw-away accounts of a throw-away database)
NGINX = "    location / { proxy_pass http://web; }\n"
TARGET_FEEDBACK_P95 = 3.0
TARGET_PAGE_P95 = 0.200
TARGET_STREAM_RSS = 1024**3


@dataclass
class Tally:
    feedback: list[float] = field(default_factory=list)
    pages: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class Browser:
    """One student's cookies and CSRF token over plain HTTP (no JavaScript needed)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, data: dict[str, str]) -> tuple[str, str]:
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def log_in(self, email: str) -> None:
        self.get("/accounts/login/")
        url, _ = self.post("/accounts/login/", {"login": email, "password": PASSWORD})
        if "/accounts/login/" in url:
            raise RuntimeError(f"could not log in as {email}")

    def session_cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def _students(stack: Stack, count: int) -> list[str]:
    return class_accounts(stack, PASSWORD, students=count, prefix="cap")[0]


def _assignment_path(browser: Browser) -> str:
    _, page = browser.get("/assignments/")
    match = re.search(r'href="(/assignments/\d+/)"', page)
    if not match:
        raise RuntimeError("no assignment on the student's list")
    return match[1]


def _wait_feedback(base: str, cookie: str, revision: str, timeout: float = 60.0) -> bool:
    """Hold the revision's event stream until the server closes it (the analysis is done)."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    conn.request("GET", f"/revisions/{revision}/stream/", headers={"Cookie": cookie})
    response = conn.getresponse()
    seen = b""
    while chunk := response.read1(65536):
        seen += chunk
    conn.close()
    return b"event: summary" in seen


def _one_submission(stack: Stack, email: str, n: int, tally: Tally) -> None:
    try:
        browser = Browser(stack.base_url)
        browser.log_in(email)
        started = time.monotonic()
        path = _assignment_path(browser)
        browser.get(path)
        opened = time.monotonic()
        text = ESSAY_STRONG + f"\n\nIn the end, reason number {n} settles it for me."
        url, _ = browser.post(path + "submit/", {"text": text, "action": "submit"})
        submitted = time.monotonic()
        revision = re.search(r"/revisions/(\d+)/", url)
        if not revision:
            raise RuntimeError(f"submit did not land on a revision: {url}")
        done = _wait_feedback(stack.base_url, browser.session_cookie(), revision[1])
        finished = time.monotonic()
        with tally.lock:
            tally.pages += [opened - started, submitted - opened]
            if done:
                tally.feedback.append(finished - opened)
            else:
                tally.errors.append("stream closed before the summary")
    except Exception as exc:  # a bench counts failures, it does not stop on one
        with tally.lock:
            tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


def sustained(stack: Stack, rates: list[int], seconds: float) -> int:
    need = sum(int(rate * seconds / 60) + 1 for rate in rates)
    students = _students(stack, need)
    print(f"  {len(students)} students made; {seconds:.0f} s per rate", flush=True)
    best = 0
    used = 0
    for rate in rates:
        tally = Tally()
        count = int(rate * seconds / 60)
        gap = 60.0 / rate
        threads = []
        began = time.monotonic()
        for i in range(count):
            delay = began + i * gap - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            thread = threading.Thread(
                target=_one_submission, args=(stack, students[used + i], used + i, tally)
            )
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join(timeout=120)
        used += count
        fb, pages = tally.feedback, tally.pages
        ok = (
            fb
            and percentile(fb, 95) < TARGET_FEEDBACK_P95
            and percentile(pages, 95) < TARGET_PAGE_P95
            and not tally.errors
        )
        print(
            f"  {rate:4d}/min: feedback p50 {statistics.median(fb) if fb else 0:.2f} s, "
            f"p95 {percentile(fb, 95) if fb else 0:.2f} s (n={len(fb)}); pages p50 "
            f"{statistics.median(pages) * 1000:.0f} ms, p95 {percentile(pages, 95) * 1000:.0f} "
            f"ms, p99 {percentile(pages, 99) * 1000:.0f} ms; errors {len(tally.errors)}"
            f"{' ' + tally.errors[0] if tally.errors else ''}  {'OK' if ok else 'over'}",
            flush=True,
        )
        if ok:
            best = rate
    return best


def streams(stack: Stack, steps: list[int]) -> None:
    """Idle streams on the first web process: one per analysed revision (each student
    may hold a few; we use many students)."""
    per_user = 4
    students = _students(stack, max(steps) // per_user + 1)
    web = stack.web_urls[0]
    web_pid = stack._procs[stack.worker_processes].pid  # the first uvicorn
    # one analysed revision per student, submitted through the first web process
    cookies: list[tuple[str, str]] = []
    print(f"  {len(students)} students submit once...", flush=True)
    for n, email in enumerate(students):
        browser = Browser(web)
        browser.log_in(email)
        path = _assignment_path(browser)
        url, _ = browser.post(
            path + "submit/", {"text": ESSAY_STRONG + f" Note {n}.", "action": "submit"}
        )
        revision = re.search(r"/revisions/(\d+)/", url)
        if revision:
            cookies.append((browser.session_cookie(), revision[1]))
    # a stream on an unfinished analysis stays open: pause the workers so none finish
    for proc in stack._procs[: stack.worker_processes]:
        os.kill(proc.pid, 19)  # SIGSTOP
    host, port = urllib.parse.urlsplit(web).netloc.split(":")
    sockets: list[socket.socket] = []
    base_rss = rss(web_pid)
    print(f"  web process at rest: {base_rss / 2**20:.0f} MB", flush=True)
    try:
        for step in steps:
            fresh = len(sockets)
            while len(sockets) < step:
                cookie, revision = cookies[(len(sockets) // per_user) % len(cookies)]
                sock = socket.create_connection((host, int(port)))
                sock.sendall(
                    f"GET /revisions/{revision}/stream/ HTTP/1.1\r\nHost: {host}:{port}\r\n"
                    f"Cookie: {cookie}\r\nAccept: text/event-stream\r\n\r\n".encode()
                )
                sockets.append(sock)
            # every new stream answers (its access check waits its turn at the database)
            answered, deadline = 0, time.monotonic() + 60
            other: Counter[str] = Counter()
            for sock in sockets[fresh:]:
                sock.settimeout(max(0.1, deadline - time.monotonic()))
                with contextlib.suppress(OSError):
                    head = sock.recv(4096)
                    answered += b"200 OK" in head
                    if b"200 OK" not in head:
                        other[head.split(b"\r\n", 1)[0].decode(errors="replace") or "closed"] += 1
            settled = time.monotonic() - deadline + 60
            held = rss(web_pid)
            print(
                f"  {step:5d} open streams: web process {held / 2**20:.0f} MB "
                f"({(held - base_rss) / step / 1024:.0f} KB a stream); "
                f"{answered} of {step - fresh} new ones answered 200 within {settled:.1f} s  "
                f"{'OK' if held < TARGET_STREAM_RSS else 'over 1 GB'}"
                f"{'; others: ' + str(dict(other)) if other else ''}",
                flush=True,
            )
    finally:
        for sock in sockets:
            sock.close()
        for proc in stack._procs[: stack.worker_processes]:
            os.kill(proc.pid, 18)  # SIGCONT


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rates", default="20,40,60,90,120", help="submissions per minute")
    parser.add_argument("--seconds", type=float, default=60.0, help="per rate")
    parser.add_argument("--streams", default="250,500,1000,2000")
    parser.add_argument("--skip", choices=("sustained", "streams"))
    args = parser.parse_args()
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    found = [b for b in backends() if b[1]]
    if not found:
        print("capacity: needs PostgreSQL and Redis; skipped")
        return
    _name, database, redis = found[0]
    os.chdir(ROOT)
    if args.skip != "sustained":
        print("-- sustained submissions: 2 web processes, 2 workers, nginx", flush=True)
        stack = Stack(
            database_url=database,
            redis_url=redis,
            label="capacity",
            web_processes=2,
            worker_processes=2,
            nginx_conf=NGINX,
            extra_env={"RATE_LIMIT_LOGIN": "100000/m/ip"},
        )
        with stack:
            rates = [int(r) for r in args.rates.split(",")]
            best = sustained(stack, rates, args.seconds)
            print(f"  sustained: {best} submissions a minute within the targets", flush=True)
    if args.skip != "streams":
        print("-- open streams held by one web process", flush=True)
        stack = Stack(
            database_url=database,
            redis_url=redis,
            label="streams",
            extra_env={"STREAM_MAX_SECONDS": "600", "RATE_LIMIT_LOGIN": "100000/m/ip"},
        )
        with stack:
            streams(stack, [int(s) for s in args.streams.split(",")])
            if os.environ.get("CAPACITY_LOG"):
                print(stack.log()[-4000:])


if __name__ == "__main__":
    main()
