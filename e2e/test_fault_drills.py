"""Fault drills with real processes: uvicorn + a Huey consumer + a redis-server and a
PostgreSQL server of our own (never the machine's shared ones), each started by the tests.
Each drill shows nothing is lost and prints its recovery time (README, "Fault drills")."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import http.cookiejar
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from e2e.harness import (
    DEMO_PASSWORD,
    PrivatePostgres,
    PrivateRedis,
    Stack,
    _with_database,
)

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
        self.headers: Any = {}

    def _request(
        self, path: str, data: dict[str, str] | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        headers = dict(headers or {})
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers)
        if body is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=30) as response:
                self.url, self.headers = response.url, response.headers
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            self.url, self.headers = error.url, error.headers
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


def _stack(label: str, redis: PrivateRedis, postgres: PrivatePostgres, **extra_env: str) -> Stack:
    return Stack(
        database_url=postgres.url,
        template_db="essaycoach_template",
        redis_url=redis.url,
        label=label,
        extra_env=extra_env,
    )


def test_many_streams_hold_no_connections_and_the_cap_answers(private_redis, private_postgres):
    with _stack(
        "drill-streams",
        private_redis,
        private_postgres,
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


def test_redis_down_sign_in_sign_up_submit_then_feedback_once_it_is_back(
    private_redis, private_postgres
):
    from essays.demo import ESSAY_STRONG

    with _stack(
        "drill-redis",
        private_redis,
        private_postgres,
        ANALYSIS_STALE_SECONDS="600",
        ANALYSIS_RESEND_SECONDS="5",
    ) as stack:
        assignment = stack.manage(
            "shell",
            "-c",
            "from essays.models import Assignment; "
            "print(Assignment.objects.get(classroom__join_code='WRITE24').pk)",
        ).splitlines()[-1]
        classroom = stack.manage(
            "shell",
            "-c",
            "from essays.models import Classroom; "
            "print(Classroom.objects.get(join_code='WRITE24').pk)",
        ).splitlines()[-1]
        student = Browser(stack.base_url)
        student.log_in("student@example.com", DEMO_PASSWORD)
        teacher = Browser(stack.base_url)
        teacher.log_in("teacher@example.com", DEMO_PASSWORD)

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
        # an invitation: saved and acknowledged; its e-mail is parked (coaching/outbox.py)
        invitee = "drill-invitee@school.test"
        status, page = teacher.post_form(
            f"/teach/classes/{classroom}/invites/",
            {"invite-emails": invitee},
            form_page=f"/teach/classes/{classroom}/",
        )
        assert status == 200 and f"Invitation sent to {invitee}." in page, page[:500]
        time.sleep(3)  # a while with Redis down: nothing runs, nothing is lost
        assert _latest_analysis(stack) == "queued"
        assert f"To: {invitee}" not in stack.log()

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
        # the parked invitation went out too (the worker's resender drains parked tasks),
        # once: the console e-mail backend prints it into the stack's log
        _wait_for(lambda: f"To: {invitee}" in stack.log(), 120, "invitation not sent", stack)
        print(
            f"Redis back: the parked invitation was e-mailed {time.monotonic() - back:.1f} s later"
        )
        assert re.search(r"http://\S+/invites/\S+/", stack.log())
        time.sleep(6)  # one more resend round (ANALYSIS_RESEND_SECONDS): nothing sent twice
        assert stack.log().count(f"To: {invitee}") == 1


def _assignment_id(stack: Stack) -> int:
    return int(
        stack.manage(
            "shell",
            "-c",
            "from essays.models import Assignment; "
            "print(Assignment.objects.get(classroom__join_code='WRITE24').pk)",
        ).splitlines()[-1]
    )


def _analysis_row(stack: Stack) -> tuple[str, int] | None:
    """The newest analysis's (status, attempts), read straight from the database."""
    import psycopg

    assert stack.database_url and stack._db_name
    with psycopg.connect(_with_database(stack.database_url, stack._db_name)) as conn:
        row = conn.execute(
            "SELECT status, attempts FROM coaching_analysis ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return (str(row[0]), int(row[1])) if row else None


def _wait_for(check: Callable[[], bool], timeout: float, what: str, stack: Stack) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"{what}:\n{stack.log()[-3000:]}"
        time.sleep(0.25)


def test_worker_sigkilled_mid_analysis_a_new_worker_finishes_it(
    private_redis, private_postgres, tmp_path
):
    from e2e.test_worker_drills import FAKE_NODE, _fake_node, _kill, _new_worker
    from essays.demo import ESSAY_STRONG

    stale = 10  # ANALYSIS_STALE_SECONDS (its minimum): a claim older than this was lost
    node = _fake_node(tmp_path)  # answers at once, but hangs on an essay holding HANG
    with _stack(
        "drill-kill",
        private_redis,
        private_postgres,
        HARPER_NODE=str(node),
        HARPER_TIMEOUT="3600",
        ANALYSIS_STALE_SECONDS=str(stale),
    ) as stack:
        assignment = _assignment_id(stack)
        student = Browser(stack.base_url)
        student.log_in("student@example.com", DEMO_PASSWORD)
        text = ESSAY_STRONG + "\n\nPhones HANG on every word we write."
        status, page = student.post_form(
            f"/assignments/{assignment}/submit/",
            {"text": text},
            form_page=f"/assignments/{assignment}/",
        )
        assert status == 200 and re.search(r"/revisions/\d+/$", student.url), page[:500]
        feedback_path = urlsplit(student.url).path
        _wait_for(lambda: _analysis_row(stack) == ("running", 1), 60, "never ran", stack)

        _kill(stack._procs[0])  # kill -9 mid-analysis (Node is hanging on the essay)
        killed = time.monotonic()
        node.write_text(FAKE_NODE.replace('"HANG" in', '"NEVER-SEEN" in'))  # healthy again
        _new_worker(stack)  # what the supervisor does: a new consumer, nothing else
        # nobody calls the requeue here: the new consumer's minute task finds the stale claim
        _wait_for(
            lambda: (_analysis_row(stack) or ("", 0))[0] in ("done", "failed"),
            stale + 60 + 60,
            "never finished",
            stack,
        )
        recovery = time.monotonic() - killed
        print(
            f"\nworker SIGKILLed mid-analysis: feedback complete {recovery:.1f} s later "
            f"(stale after {stale} s, then the minute's requeue)"
        )
        assert _analysis_row(stack) == ("done", 2), stack.log()[-3000:]
        status, page = student.get(feedback_path)
        assert status == 200 and "Feedback complete." in page
        # the revision as submitted (the printable copy always shows the text; the feedback
        # page shows it only with notes on it)
        status, printed = student.get(feedback_path.rstrip("/") + "/print/")
        assert status == 200 and "Phones HANG on every word we write." in printed


class HangingServer:
    """Accepts connections and reads what is sent, but never answers: an LLM endpoint that
    hangs."""

    def __init__(self) -> None:
        import socket

        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = int(self._sock.getsockname()[1])
        self.accepted = 0
        self._held: list[Any] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.accepted += 1
            self._held.append(conn)  # held open, never answered

    def __enter__(self) -> HangingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sock.close()
        for conn in self._held:
            conn.close()


def test_llm_endpoint_hanging_feedback_completes_offline_and_says_so(
    private_redis, private_postgres
):
    from essays.demo import ESSAY_STRONG

    with (
        HangingServer() as llm,
        _stack(
            "drill-llm",
            private_redis,
            private_postgres,
            LLM_BASE_URL=f"http://127.0.0.1:{llm.port}/v1",
            LLM_API_KEY="drill-key",
            LLM_MODEL="drill-model",
            LLM_TIMEOUT="1",
            LLM_BUDGET="3",
        ) as stack,
    ):
        assignment = _assignment_id(stack)
        student = Browser(stack.base_url)
        student.log_in("student@example.com", DEMO_PASSWORD)
        status, page = student.post_form(
            f"/assignments/{assignment}/submit/",
            {"text": ESSAY_STRONG},
            form_page=f"/assignments/{assignment}/",
        )
        submitted = time.monotonic()
        assert status == 200 and re.search(r"/revisions/\d+/$", student.url), page[:500]
        _wait_for(
            lambda: (_analysis_row(stack) or ("", 0))[0] in ("done", "failed"),
            120,
            "never finished",
            stack,
        )
        elapsed = time.monotonic() - submitted
        print(f"\nLLM endpoint hanging: feedback complete {elapsed:.1f} s after the submit")
        assert _analysis_row(stack) == ("done", 1)  # on the first attempt: no retry needed
        assert llm.accepted >= 1  # the request did go to the hanging endpoint
        status, page = student.get(urlsplit(student.url).path)
        assert status == 200 and "Feedback complete." in page
        assert "The AI reviewer timed out" in page  # and the student is told why


# Students of the demo class, each with an empty essay on the assignment.
TYPISTS = """
import json
from essays.models import Classroom, Membership, User
classroom = Classroom.objects.get(join_code="WRITE24")
for n in range({count}):
    user = User.objects.create_user(email=f"typist-{{n}}@school.test", password="x-Drill-2026")
    Membership.objects.create(classroom=classroom, user=user)
"""

# What the database holds afterwards: each typist's draft and revisions, and the analyses.
HOLDINGS = """
import json
from essays.models import Essay
out = {}
for essay in Essay.objects.filter(student__email__startswith="typist-"):
    out[essay.student.email] = {
        "draft": essay.draft_text,
        "revisions": {
            str(r.number): [r.text, r.analysis.status] for r in essay.revisions.all()
        },
    }
print(json.dumps(out))
"""


class Typist(threading.Thread):
    """A student typing: loads the editor, autosaves as app.js does (the version it saved
    on top of, kept until a save is acknowledged), and now and then submits."""

    def __init__(self, base_url: str, email: str, assignment: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.browser = Browser(base_url)
        self.browser.log_in(email)
        self.email, self.assignment, self.stop = email, assignment, stop
        self.acked: list[tuple[float, str, str]] = []  # (when, "draft" | revision number, text)
        self.tried: list[str] = []  # every text sent, acknowledged or not
        self.answers: list[tuple[float, str, int, str]] = []  # (when, what, status, body)

    def _note(self, what: str, status: int, body: str) -> None:
        self.answers.append((time.monotonic(), what, status, body[:2000]))

    def run(self) -> None:
        editor = f"/assignments/{self.assignment}/"
        base, token, i = None, None, 0
        from essays.demo import ESSAY_STRONG

        while not self.stop.is_set():
            i += 1
            try:
                status, page = self.browser.get(editor)
            except OSError as error:  # no answer at all: would be a finding
                self._note("page", -1, repr(error))
                continue
            self._note("page", status, page)
            if status == 200:
                found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
                token = found.group(1) if found else token
                if base is None:
                    found = re.search(r'name="base" value="([^"]*)"', page)
                    base = found.group(1) if found else ""
            if token is None or base is None:
                time.sleep(0.2)
                continue
            text = f"{ESSAY_STRONG}\n\n{self.email} typed this, keystroke {i}."
            self.tried.append(text)
            if i % 12 == 6:  # a submit now and then
                status, body = self.browser._request(
                    f"/assignments/{self.assignment}/submit/",
                    {"csrfmiddlewaretoken": token, "text": text},
                )
                self._note("submit", status, body)
                found = re.search(r"/revisions/(\d+)/$", self.browser.url)
                if status == 200 and found:
                    number = re.search(r"Feedback on revision (\d+)", body)
                    assert number, body[:500]
                    self.acked.append((time.monotonic(), number.group(1), text))
                    base = None  # the submit saved the draft too: take the page's version
                continue
            status, body = self.browser._request(
                f"/assignments/{self.assignment}/draft/",
                {"csrfmiddlewaretoken": token, "text": text, "base": base, "autosave": "1"},
                headers={"X-Autosave": "1"},
            )
            self._note("autosave", status, body)
            if status == 200:
                base = self.browser.headers["X-Draft-Version"]
                self.acked.append((time.monotonic(), "draft", text))
            elif status == 409:  # our own save landed but its answer was lost: reload
                base = None
            time.sleep(0.05)


def test_postgres_restarted_under_traffic_nothing_lost_and_served_again(
    private_redis, private_postgres, tmp_path
):
    from e2e.test_worker_drills import FAKE_NODE, _fake_node

    typists = 4
    node = _fake_node(tmp_path)  # a quick stand-in for Node: the drill is the database's
    node.write_text(FAKE_NODE.replace('"HANG" in', '"NEVER-SEEN" in'))
    with _stack(
        "drill-pg",
        private_redis,
        private_postgres,
        HARPER_NODE=str(node),
        # persistent connections, so the restart leaves dead ones in every process
        DATABASE_CONN_MAX_AGE="60",
        ANALYSIS_STALE_SECONDS="600",
    ) as stack:
        assignment = _assignment_id(stack)
        stack.manage("shell", "-c", TYPISTS.format(count=typists))
        stop = threading.Event()
        workers = [
            Typist(stack.base_url, f"typist-{n}@school.test", assignment, stop)
            for n in range(typists)
        ]
        for typist in workers:
            typist.start()
        time.sleep(4)  # traffic before
        began = time.monotonic()
        private_postgres.restart()  # fast mode: every session is ended
        back = time.monotonic()
        # traffic after, until every typist has been answered normally again, and a while
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(
            any(when > back and status == 200 for when, _w, status, _b in t.answers)
            for t in workers
        ):
            time.sleep(0.1)
        time.sleep(4)
        stop.set()
        for typist in workers:
            typist.join(timeout=40)

        answers = [a for t in workers for a in t.answers]
        failures = [a for a in answers if a[2] != 200]
        served_again = max(
            min(when for when, _w, status, _b in t.answers if when > back and status == 200)
            for t in workers
        )
        window = max((w for w, *_ in failures), default=began) - min(
            (w for w, *_ in failures), default=began
        )
        print(
            f"\nPostgreSQL restarted under traffic ({len(answers)} requests from {typists} "
            f"typists): restart took {back - began:.1f} s, {len(failures)} requests failed "
            f"within {window:.1f} s ({sorted({(w, s) for _t, w, s, _b in failures})}), every "
            f"typist served again {served_again - back:.1f} s after PostgreSQL was back"
        )
        # clean failures only: a 503 that says try again, never a 500 or no answer
        for _when, what, status, body in failures:
            assert status in (503, 409), (what, status, body[:800])
            if status == 503:
                assert "Traceback" not in body
        # the web processes served again without being restarted
        assert all(proc.poll() is None for proc in stack._procs)

        # nothing acknowledged is lost: every revision, and each draft is the last saved
        # text (or a later one whose answer was lost in the restart)
        held = {}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            held = json.loads(stack.manage("shell", "-c", HOLDINGS).splitlines()[-1])
            statuses = [s for h in held.values() for _t, s in h["revisions"].values()]
            if all(s in ("done", "failed") for s in statuses):
                break
            time.sleep(1)
        submitted = 0
        for typist in workers:
            mine = held[typist.email]
            for _when, what, text in typist.acked:
                if what != "draft":
                    submitted += 1
                    # (the server keeps the text with one final newline)
                    stored, status = mine["revisions"][what]
                    assert (stored.strip(), status) == (text, "done"), (typist.email, what)
            last = typist.acked[-1][2]
            later = typist.tried[typist.tried.index(last) :]
            assert mine["draft"].strip() in later, typist.email
        assert submitted >= typists
        print(f"all {submitted} submitted revisions analysed, every autosaved draft kept")
