"""A lesson's load on EssayCoach (issue 9): Locust's user classes, run by scripts/bench/load.py.

Students log in, open the assignment and type it (an autosave every few seconds, the text
growing), submit, and watch the feedback stream to its last panel; then they read, revise
(a few more autosaves) and submit again, until the run ends. Teachers go round the class:
the class overview, the submissions still to mark, one review page, a level changed and
saved, released.

Requests are named by page, not by URL, so the percentiles group by page. The feedback
latency is an event of its own ("FEEDBACK submit to last panel"): from the submit to the
stream's `done` (the summary panel comes in the same batch), in milliseconds.

Locust runs on gevent, which patches the standard library: this file is only ever loaded
by the `locust` command in a process of its own (the runner starts it), never imported by
pytest or Django. The runner passes, in the environment:

    LOAD_ACCOUNTS   a JSON file: {"password": ..., "students": [...], "teachers": [...]}
    LOAD_RESULTS    where each user's outcome and the figures go when the run stops (JSON)
    LOAD_TEACHERS   how many of the users are teachers (the rest are students)
    LOAD_THINK      seconds between a student's autosaves, "low,high" (default 3,5)
    LOAD_READ       seconds a student reads the feedback before revising (default 20,40)
    LOAD_ROUND      seconds between a teacher's rounds (default 5,10)
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from http.client import RemoteDisconnected
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, events, task
from urllib3.exceptions import ProtocolError
from urllib3.util.retry import Retry

HERE = Path(__file__).resolve().parent
# The benchmarks' 600-word essay, read as text: importing the project here would pull
# Django into Locust's gevent-patched process for no reason.
_sample = (HERE.parent / "sample_essay.py").read_text()
ESSAY = _sample.split('ESSAY_600 = """', 1)[1].split('"""', 1)[0].strip()
PARAGRAPHS = ESSAY.split("\n\n")

ACCOUNTS: dict[str, Any] = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
OUTCOMES: list[dict[str, Any]] = []
_students = count()
_teachers = count()


def _range(name: str, default: str) -> tuple[float, float]:
    low, high = (float(x) for x in os.environ.get(name, default).split(","))
    return low, high


THINK = _range("LOAD_THINK", "3,5")
READ = _range("LOAD_READ", "20,40")
ROUND = _range("LOAD_ROUND", "5,10")
STREAM_DEADLINE = 180.0  # seconds a student waits for the last panel before it is a failure


@events.quitting.add_listener
def _write_results(environment: Any, **_kwargs: Any) -> None:
    """Each user's outcome and the final figures, once every user has stopped (the CSV files
    are written every second and may miss the last requests of the stop)."""
    stats = [
        {
            "type": e.method,
            "name": e.name,
            "count": e.num_requests,
            "failures": e.num_failures,
            "p50": e.get_response_time_percentile(0.50),
            "p95": e.get_response_time_percentile(0.95),
            "p99": e.get_response_time_percentile(0.99),
            "max": e.max_response_time,
        }
        for e in environment.stats.entries.values()
    ]
    failures = [
        f"{e.method} {e.name}: {e.error} x{e.occurrences}"
        for e in environment.stats.errors.values()
    ]
    failures += [
        f"exception x{e['count']}: {e['msg']}" for e in environment.runner.exceptions.values()
    ]
    results = {"outcomes": OUTCOMES, "stats": stats, "failures": failures}
    Path(os.environ["LOAD_RESULTS"]).write_text(json.dumps(results, indent=1))


class _ResendOnIdleClose(Retry):
    """What a browser does when the server closed a kept-alive connection while it sat idle
    (uvicorn closes them after 5 s, and a student's next autosave can be sent at that very
    moment): send the request again, once, on a new connection. Only then: the connection
    dropped before the first byte of an answer. Every resend is an event of its own
    ("RESENT"), so the report counts them instead of hiding them."""

    def increment(self, method=None, url=None, response=None, error=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        cause = error.args[-1] if isinstance(error, ProtocolError) and error.args else None
        if response is None and isinstance(cause, RemoteDisconnected | ConnectionResetError):
            events.request.fire(
                request_type="RESENT",
                name=f"{method} {re.sub(r'[0-9]+', 'N', urlsplit(url or '').path)}",
                response_time=0,
                response_length=0,
                exception=None,
                context={},
            )
        elif error is not None:
            raise error  # anything else is the request's own failure, never sent again
        return super().increment(method, url, response, error, *args, **kwargs)


class _Person(HttpUser):
    abstract = True
    pause = 1.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # every method, POST too: the server never read the request it dropped
        resend = _ResendOnIdleClose(
            total=1, connect=0, read=1, status=0, other=0, allowed_methods=None
        )
        for adapter in self.client.adapters.values():
            adapter.max_retries = resend

    def wait_time(self) -> float:
        return self.pause

    def _csrf(self) -> str:
        return self.client.cookies.get("csrftoken") or ""

    def _page(self, path: str, name: str, must: str = "") -> str | None:
        """GET a page that must answer 200 itself (a redirect to the login page is a
        failure, not a success), optionally with `must` in it."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code} {r.headers.get('Location', '')} {r.error or ''}")
                return None
            if must and must not in r.text:
                r.failure(f"no {must!r} on the page")
                return None
            return r.text

    def _log_in(self, email: str) -> bool:
        """Sign in, trying again twice as a person would; False if it never worked (the
        user then stays idle: raising StopUser would make Locust start another user)."""
        for attempt in range(3):
            if attempt:
                time.sleep(5)
            if self._try_log_in(email):
                return True
        self.outcome["failures"].append("login")
        return False

    def _try_log_in(self, email: str) -> bool:
        self._page("/accounts/login/", "login page")
        with self.client.post(
            "/accounts/login/",
            data={
                "login": email,
                "password": ACCOUNTS["password"],
                "csrfmiddlewaretoken": self._csrf(),
            },
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302 or "/accounts/login/" in r.headers.get("Location", ""):
                said = re.findall(
                    r'(?:errorlist[^>]*>|role="alert"[^>]*>)\s*(?:<li>)?([^<]+)', r.text
                )
                r.failure(f"login refused: {r.status_code} {said[:2]}")
                return False
        return True


class StudentUser(_Person):
    """One student of the demo class: types, submits, watches, reads, revises."""

    def on_start(self) -> None:
        self.number = next(_students)
        self.email = ACCOUNTS["students"][self.number]
        self.outcome: dict[str, Any] = {
            "kind": "student",
            "email": self.email,
            "autosaves": 0,
            "submitted": 0,
            "feedback": 0,
            "latencies": [],
            "failures": [],
        }
        OUTCOMES.append(self.outcome)
        self.broken = True
        if not self._log_in(self.email):
            return
        listing = self._page("/assignments/", "assignments") or ""
        found = re.search(r'href="(/assignments/\d+/)"', listing)
        if not found:
            self.outcome["failures"].append("no assignment")
            return
        self.broken = False
        self.editor = found[1]
        self._open_editor()
        # the first draft is typed in a few goes, a paragraph or more each time
        self.steps = self._chunks(random.randint(4, 6))
        self.revision = 0
        self.reopen = False
        self.pause = random.uniform(*THINK)

    def _open_editor(self) -> None:
        page = self._page(self.editor, "editor", must="essay-form") or ""
        found = re.search(r'name="base" value="([^"]*)"', page)
        self.base = found[1] if found else ""

    def _chunks(self, parts: int) -> list[str]:
        """The essay as it stands after each go of typing (the last one complete)."""
        size = -(-len(PARAGRAPHS) // parts)
        return ["\n\n".join(PARAGRAPHS[: size * (i + 1)]) for i in range(parts)]

    def _text(self, body: str, step: int) -> str:
        # every student's every save is their own text: no two revisions are the same
        return (
            f"{body}\n\nAfter draft {self.revision + 1}.{step}, student {self.number} still "
            f"thinks reason number {self.number % 3 + 1} settles it."
        )

    @task
    def write(self) -> None:
        self.pause = random.uniform(*THINK)
        if self.broken:
            return
        if self.reopen:
            # back from the feedback to the essay, to revise it in a few goes
            self.reopen = False
            self._open_editor()
            self.steps = [ESSAY] * random.randint(3, 6)
            return
        if self.steps:
            body = self.steps.pop(0)
            self._autosave(self._text(body, len(self.steps)))
            return
        self._submit_and_watch(self._text(ESSAY, 0))
        self.revision += 1
        self.reopen = True
        self.pause = random.uniform(*READ)  # reading the feedback

    def _autosave(self, text: str) -> None:
        with self.client.post(
            self.editor + "draft/",
            data={
                "text": text,
                "base": self.base,
                "autosave": "1",
                "csrfmiddlewaretoken": self._csrf(),
            },
            headers={"X-Autosave": "1"},
            name="autosave",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            version = r.headers.get("X-Draft-Version")
            if r.status_code != 200 or version is None:
                r.failure(f"autosave answered {r.status_code} {r.error or ''}")
                self.outcome["failures"].append(f"autosave {r.status_code}")
                return
            self.base = version
            self.outcome["autosaves"] += 1

    def _submit_and_watch(self, text: str) -> None:
        started = time.monotonic()
        with self.client.post(
            self.editor + "submit/",
            data={"text": text, "base": self.base, "csrfmiddlewaretoken": self._csrf()},
            name="submit",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            found = re.search(r"/revisions/(\d+)/$", r.headers.get("Location", ""))
            if r.status_code != 302 or not found:
                r.failure(f"submit answered {r.status_code} {r.error or r.headers.get('Location')}")
                self.outcome["failures"].append(f"submit {r.status_code}")
                return
        self.outcome["submitted"] += 1
        revision = found[1]
        page = self._page(f"/revisions/{revision}/", "feedback page", must="Feedback on") or ""
        live = re.search(r'sse-connect="([^"]+)"', page)
        if live:
            status = self._watch(live[1].replace("&amp;", "&"))
        elif re.search(r'id="panel-summary"[^>]*data-ready="true"', page):
            status = "done"  # finished before the page was drawn: every panel is on it
        else:
            status = "no stream and no summary on the page"
        elapsed = time.monotonic() - started
        events.request.fire(
            request_type="FEEDBACK",
            name="submit to last panel",
            response_time=elapsed * 1000,
            response_length=0,
            exception=None if status == "done" else RuntimeError(status),
            context={},
        )
        if status == "done":
            self.outcome["feedback"] += 1
            self.outcome["latencies"].append(round(elapsed, 3))
        else:
            self.outcome["failures"].append(f"feedback: {status}")

    def _watch(self, url: str) -> str:
        """Follow the event stream as EventSource does (reconnecting with Last-Event-ID
        when the server closes it early) until `done`; return the analysis's status."""
        deadline = time.monotonic() + STREAM_DEADLINE
        last_id = ""
        while time.monotonic() < deadline:
            headers = {"Accept": "text/event-stream"}
            if last_id:
                headers["Last-Event-ID"] = last_id
            with self.client.get(
                url, headers=headers, name="feedback stream", stream=True, catch_response=True
            ) as r:
                if r.status_code != 200:
                    r.failure(f"stream answered {r.status_code}")
                    return f"stream {r.status_code}"
                event = ""
                for raw in r.iter_lines(decode_unicode=True):
                    line = raw or ""
                    if line.startswith("id: "):
                        last_id = line[4:]
                    elif line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: ") and event == "done":
                        r.success()
                        return line[6:]
                    elif line.startswith("data: ") and event == "busy":
                        r.failure("too many streams")
                        return "busy"
                r.success()  # closed early (STREAM_MAX_SECONDS): reconnect
            time.sleep(1.0)  # the stream's `retry: 1000`
        return "no last panel within the deadline"


class TeacherUser(_Person):
    """A teacher of the class (a co-teacher each): overview, marking, release."""

    fixed_count = int(os.environ.get("LOAD_TEACHERS", "1"))

    def on_start(self) -> None:
        self.email = ACCOUNTS["teachers"][next(_teachers)]
        self.outcome: dict[str, Any] = {
            "kind": "teacher",
            "email": self.email,
            "rounds": 0,
            "reviews": 0,
            "released": 0,
            "failures": [],
        }
        OUTCOMES.append(self.outcome)
        self.broken = True
        if not self._log_in(self.email):
            return
        dashboard = self._page("/teach/", "teacher dashboard") or ""
        found = re.search(r'href="/teach/assignments/(\d+)/"', dashboard)
        if not found:
            self.outcome["failures"].append("no assignment")
            return
        self.broken = False
        self.assignment = found[1]
        self.pause = random.uniform(*ROUND)

    @task
    def go_round(self) -> None:
        self.pause = random.uniform(*ROUND)
        if self.broken:
            return
        base = f"/teach/assignments/{self.assignment}"
        if self._page(f"{base}/overview/", "class overview") is None:
            self.outcome["failures"].append("class overview")
            return
        listing = self._page(f"{base}/submissions/?status=needs_marking", "submissions")
        if listing is None:
            self.outcome["failures"].append("submissions")
            return
        self.outcome["rounds"] += 1
        links = re.findall(r'href="(/teach/revisions/\d+/)"', listing)
        if not links:
            # all marked (or nothing in yet): look at one already marked, if any
            every = self._page(f"{base}/submissions/", "submissions") or ""
            links = re.findall(r'href="(/teach/revisions/\d+/)"', every)
        if links:
            self._review(random.choice(links))

    def _review(self, path: str) -> None:
        page = self._page(path, "review page", must="marks-form")
        if page is None:
            self.outcome["failures"].append("review page")
            return
        levels: dict[str, list[str]] = {}
        chosen: dict[str, str] = {}
        for tag in re.findall(r'<input type="radio" name="criterion-[^>]*>', page):
            name = re.search(r'name="(criterion-\d+)"', tag)
            value = re.search(r'value="(\d+)"', tag)
            if name and value:
                levels.setdefault(name[1], []).append(value[1])
                if " checked" in tag:
                    chosen[name[1]] = value[1]
        if not levels:
            self.outcome["failures"].append("no rubric levels on the review page")
            return
        marks = {name: chosen.get(name) or random.choice(values) for name, values in levels.items()}
        # the teacher disagrees with the machine on one criterion
        adjust = random.choice(sorted(levels))
        marks[adjust] = random.choice([v for v in levels[adjust] if v != marks[adjust]] or ["1"])
        htmx = {"HX-Request": "true", "X-CSRFToken": self._csrf()}
        marks["comment"] = f"Clear position. ({self.email}, round {self.outcome['rounds']})"
        with self.client.post(
            path + "marks/", data=marks, headers=htmx, name="save marks", catch_response=True
        ) as r:
            if r.status_code != 200 or "Saved." not in r.text:
                r.failure(f"marks answered {r.status_code}: {r.text[:120]}")
                self.outcome["failures"].append("save marks")
                return
        self.outcome["reviews"] += 1
        with self.client.post(
            path + "release/", data={}, headers=htmx, name="release", catch_response=True
        ) as r:
            if r.status_code != 200 or "Released to the student" not in r.text:
                r.failure(f"release answered {r.status_code}: {r.text[:160]}")
                self.outcome["failures"].append("release")
                return
        self.outcome["released"] += 1
