"""Fault drills with real processes: uvicorn + a Huey consumer + a redis-server of our own
(never the machine's shared one), against a throw-away PostgreSQL database when
DATABASE_URL is set (SQLite otherwise)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.cookiejar
import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from e2e.harness import DEMO_PASSWORD, PrivateRedis, Stack, _with_database

STUDENTS = 8
STREAM_CAP = 6
DB_GATE = 3
ONE_STUDENT = 40  # streams the first student opens at once

# Students with a revision each whose analysis waits in the queue (no task is sent).
SETUP = """
import json
from coaching.models import Analysis
from essays.models import Assignment, Classroom, Membership, Revision, User, text_hash
from essays.services import essay_for

classroom = Classroom.objects.get(join_code="WRITE24")
assignment = Assignment.objects.filter(classroom=classroom).first()
out = []
for n in range({students}):
    user = User.objects.create_user(email=f"drill-{{n}}@school.test", password="x-Drill-2026")
    Membership.objects.create(classroom=classroom, user=user)
    essay = essay_for(assignment=assignment, student=user)
    text = "Phones distract students in class. " * 40
    revision = Revision.objects.create(
        essay=essay, number=1, text=text, text_sha256=text_hash(text), word_count=200
    )
    analysis = Analysis.objects.create(revision=revision)
    out.append([user.email, revision.pk, analysis.pk])
print(json.dumps(out))
"""

# Every analysis gets its first panel at once, then the wake-up is published: every
# stream wakes together and renders. The script's own connection is closed first.
WAKE = """
from django.db import connection
from coaching.models import StageResult
from coaching.notify import publish
ids = {ids}
for analysis_id in ids:
    StageResult.objects.create(
        analysis_id=analysis_id, stage="overview", seq=1, data={{"words": 200, "paragraphs": 1}}
    )
connection.close()
for analysis_id in ids:
    publish(analysis_id, "stage overview")
"""


DRILL_PASSWORD = "x-Drill-2026"


class Browser:
    """Just enough of a browser for forms: cookies, the CSRF token, redirects."""

    def __init__(self, base_url: str, forwarded_for: str | None = None) -> None:
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.forwarded_for = forwarded_for
        self.url = ""

    def _request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {"X-Forwarded-For": self.forwarded_for} if self.forwarded_for else {}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        if body is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=30) as response:
                self.url = response.url
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            self.url = error.url
            return error.code, error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        return self._request(path)

    def post_form(
        self, path: str, fields: dict[str, str], form_page: str | None = None
    ) -> tuple[int, str]:
        """GET the form's page for its CSRF token, then POST the form (redirects followed)."""
        _status, page = self.get(form_page or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {form_page or path}"
        return self._request(path, {"csrfmiddlewaretoken": token.group(1), **fields})

    def log_in(self, email: str, password: str = DRILL_PASSWORD) -> str:
        status, page = self.post_form("/accounts/login/", {"login": email, "password": password})
        assert status == 200 and self.cookie("sessionid"), page[:500]
        return page

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


def _in_thread(fn: Callable[[], Any]) -> Any:
    """asyncio.run in a fresh thread: Playwright's loop may be running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result()


class SSEClient:
    """A bare HTTP/1.1 client holding one event stream open and keeping what arrives."""

    def __init__(self, port: int, path: str, session_key: str) -> None:
        self.port, self.path, self.session_key = port, path, session_key
        self.received = b""
        self.closed = False

    async def run(self, started: asyncio.Event | None = None) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(
            (
                f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Cookie: sessionid={self.session_key}\r\nAccept: text/event-stream\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        try:
            while chunk := await reader.read(65536):
                self.received += chunk
        finally:
            self.closed = True
            writer.close()

    def saw(self, text: str) -> bool:
        return text.encode() in self.received


def _connections(database_url: str, name: str) -> int:
    import psycopg

    with psycopg.connect(_with_database(database_url, "postgres"), autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)
        ).fetchone()
        return int(row[0]) if row else 0


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    with PrivateRedis() as redis:
        yield redis


def _stack(label: str, redis: PrivateRedis, **extra_env: str) -> Stack:
    return Stack(
        database_url=os.environ.get("DATABASE_URL") or None,
        redis_url=redis.url,
        label=label,
        extra_env=extra_env,
    )


def test_many_streams_hold_no_connections_and_the_cap_answers(private_redis):
    with _stack(
        "drill-streams",
        private_redis,
        STREAM_MAX_PER_USER=str(STREAM_CAP),
        STREAM_DB_CONCURRENCY=str(DB_GATE),
        STREAM_MAX_SECONDS="120",
        ANALYSIS_STALE_SECONDS="600",
    ) as stack:
        stack.pause_worker()  # nothing else touches the database meanwhile
        people = json.loads(
            stack.manage("shell", "-c", SETUP.format(students=STUDENTS)).splitlines()[-1]
        )
        port = int(urlsplit(stack.base_url).port or 0)
        sessions = {}
        for email, _revision, _analysis in people:
            browser = Browser(stack.base_url)
            browser.log_in(email)
            sessions[email] = browser.cookie("sessionid")
        # every student opens one stream more than the cap; the first opens ONE_STUDENT
        streams = [
            SSEClient(port, f"/revisions/{revision_id}/stream/", sessions[email])
            for n, (email, revision_id, _analysis) in enumerate(people)
            for _ in range(ONE_STUDENT if n == 0 else STREAM_CAP + 1)
        ]
        peak: list[int] = []
        stop_sampling = threading.Event()

        def sample() -> None:
            assert stack.database_url and stack._db_name
            while not stop_sampling.is_set():
                peak.append(_connections(stack.database_url, stack._db_name))
                time.sleep(0.02)

        async def drill() -> tuple[int, int]:
            tasks = [asyncio.create_task(s.run()) for s in streams]
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                held = sum(s.saw("retry: 1000") and not s.closed for s in streams)
                refused = sum(s.saw("event: busy") for s in streams)
                if held + refused == len(streams):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(3.0)  # every stream has rendered what there is and waits
            waiting = 0
            if stack.database_url:
                for _ in range(5):
                    count = _connections(stack.database_url, stack._db_name)
                    waiting = max(waiting, count)
                    await asyncio.sleep(0.2)
            sampler = threading.Thread(target=sample)
            if stack.database_url:
                sampler.start()
            ids = [analysis for _key, _rev, analysis in people]
            await asyncio.to_thread(stack.manage, "shell", "-c", WAKE.format(ids=ids))
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if all(s.saw("event: overview") for s in streams if not s.saw("event: busy")):
                    break
                await asyncio.sleep(0.1)
            stop_sampling.set()
            if stack.database_url:
                sampler.join()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            return held, waiting

        try:
            held, waiting = _in_thread(lambda: asyncio.run(drill()))
        finally:
            stack.resume_worker()

        refused = [s for s in streams if s.saw("event: busy")]
        # each student holds STREAM_CAP streams; the one more gets a short "come back later"
        assert held == STUDENTS * STREAM_CAP, streams[0].received[:600]
        assert len(refused) == (STUDENTS - 1) + (ONE_STUDENT - STREAM_CAP)
        for stream in refused:
            assert stream.saw("HTTP/1.1 200")
            assert stream.saw("retry: 30000")
        woken = [s for s in streams if s not in refused]
        assert all(s.saw("event: overview") for s in woken)
        if stack.database_url:
            print(
                f"\n{len(streams)} streams asked for ({ONE_STUDENT} by one student), {held} "
                f"held, {len(refused)} told to retry later; {waiting} database connections "
                "while they wait, "
                f"at most {max(peak)} while all of them woke and rendered"
            )
            # Waiting streams hold none; waking ones take turns (DB_GATE per process), plus
            # a connection the worker or the wake-up script may have open for a moment.
            assert waiting <= 1
            assert max(peak) <= DB_GATE + 2


def _latest_analysis(stack: Stack) -> str | None:
    """The newest analysis's status, read straight from the database (not through a page,
    which would itself send a stranded task again)."""
    sql = "SELECT status FROM coaching_analysis ORDER BY id DESC LIMIT 1"
    if stack.database_url:
        import psycopg

        assert stack._db_name
        with psycopg.connect(_with_database(stack.database_url, stack._db_name)) as conn:
            row = conn.execute(sql).fetchone()
    else:
        import sqlite3

        assert stack._tmp is not None
        with contextlib.closing(
            sqlite3.connect(Path(stack._tmp.name) / "essaycoach.sqlite3")
        ) as conn:
            row = conn.execute(sql).fetchone()
    return str(row[0]) if row else None


def test_redis_down_sign_in_sign_up_submit_then_feedback_once_it_is_back(private_redis):
    from essays.demo import ESSAY_STRONG

    with _stack(
        "drill-redis", private_redis, ANALYSIS_STALE_SECONDS="600", ANALYSIS_RESEND_SECONDS="5"
    ) as stack:
        assignment = stack.manage(
            "shell",
            "-c",
            "from essays.models import Assignment; "
            "print(Assignment.objects.get(classroom__join_code='WRITE24').pk)",
        ).splitlines()[-1]
        student = Browser(stack.base_url)
        student.log_in("student@example.com", DEMO_PASSWORD)

        private_redis.stop()
        # sign-in and sign-up: the rate-limit counters fall back to the process's memory
        page = Browser(stack.base_url).log_in("student2@example.com", DEMO_PASSWORD)
        assert "Your assignments" in page
        newcomer = Browser(stack.base_url)
        status, page = newcomer.post_form(
            "/accounts/signup/",
            {
                "display_name": "Drill Newcomer",
                "role": "student",
                "email": "drill-newcomer@school.test",
                "password1": "Essays-fun-2026",
                "password2": "Essays-fun-2026",
            },
        )
        assert status == 200 and "Your assignments" in page, page[:500]
        # submit: saved, and the page says feedback is delayed (no 500, no resubmit)
        status, page = student.post_form(
            f"/assignments/{assignment}/submit/",
            {"text": ESSAY_STRONG},
            form_page=f"/assignments/{assignment}/",
        )
        assert status == 200, page[:500]
        assert re.search(r"/revisions/\d+/$", student.url)
        assert "Feedback is delayed" in page
        assert _latest_analysis(stack) == "queued"
        time.sleep(3)  # a while with Redis down: nothing runs, nothing is lost
        assert _latest_analysis(stack) == "queued"

        private_redis.start()  # same port: web and worker reconnect by themselves
        back = time.monotonic()
        status_now = None
        while time.monotonic() - back < 240:
            status_now = _latest_analysis(stack)
            if status_now in ("done", "failed"):
                break
            time.sleep(0.5)
        recovery = time.monotonic() - back
        print(f"\nRedis back: the stranded analysis was {status_now} {recovery:.1f} s later")
        assert status_now == "done", stack.log()[-3000:]
        status, page = student.get(urlsplit(student.url).path)
        assert "Feedback complete." in page
