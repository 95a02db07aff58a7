"""Fault drill with real processes: the worker is SIGKILLed mid-analysis on every attempt.
The analysis ends "failed" with a Try again (not "running" for ever, issue 9), the essay is
kept, and Try again on a healthy worker finishes it. uvicorn + run_huey + a redis-server and
a PostgreSQL server of our own."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from e2e.harness import PYTHON, ROOT, Stack
from e2e.test_fault_drills import Browser

STALE = 10  # ANALYSIS_STALE_SECONDS (its minimum)

# A stand-in for harper.js: answers at once, except that it hangs on a text holding HANG,
# so the worker is caught mid-analysis whenever the test kills it.
FAKE_NODE = f"""#!{sys.executable}
import json, os, sys, time
parent = os.getppid()
print(json.dumps({{"ready": True, "harper_js": "fake"}}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    while "HANG" in request.get("text", ""):
        time.sleep(0.2)
        if os.getppid() != parent:  # the worker was killed: go too
            sys.exit(0)
    if request.get("op") == "likely_english":
        reply = {{"id": request["id"], "likely_english": True}}
    else:
        reply = {{"id": request["id"], "lints": []}}
    print(json.dumps(reply), flush=True)
"""

SETUP = """
import json
from coaching.models import Analysis
from essays.models import Assignment, Classroom, Membership, Revision, User, text_hash
from essays.services import essay_for
from coaching.tasks import analyse_revision

classroom = Classroom.objects.get(join_code="WRITE24")
assignment = Assignment.objects.filter(classroom=classroom).first()
user = User.objects.create_user(email="killed@school.test", password="x-Drill-2026")
Membership.objects.create(classroom=classroom, user=user)
essay = essay_for(assignment=assignment, student=user)
text = "Phones distract students in class, HANG. " * 30
revision = Revision.objects.create(
    essay=essay, number=1, text=text, text_sha256=text_hash(text), word_count=180
)
analysis = Analysis.objects.create(revision=revision)
analyse_revision(analysis.pk)
print(json.dumps([revision.pk, analysis.pk]))
"""

STATE = """
import json
from coaching.models import Analysis
a = Analysis.objects.get(pk={pk})
print(json.dumps([a.status, a.attempts]))
"""

# What the minute task does, run now instead of waiting for the clock.
REQUEUE = "from coaching.tasks import requeue_lost_analyses; requeue_lost_analyses.call_local()"


def _fake_node(folder: Path) -> Path:
    path = folder / "node"
    path.write_text(FAKE_NODE)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _state(stack: Stack, pk: int) -> tuple[str, int]:
    status, attempts = json.loads(stack.manage("shell", "-c", STATE.format(pk=pk)).splitlines()[-1])
    return str(status), int(attempts)


def _wait_state(stack: Stack, pk: int, wanted: tuple[str, int], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    state = _state(stack, pk)
    while state != wanted and time.monotonic() < deadline:
        time.sleep(0.5)
        state = _state(stack, pk)
    assert state == wanted, (state, stack.log()[-3000:])


def _new_worker(stack: Stack, **env: str) -> subprocess.Popen:
    log = stack.log_path.open("a")
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "run_huey", "--quiet"],
        cwd=ROOT,
        env={**stack.env(), **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    stack._procs.append(worker)
    return worker


def _kill(worker: subprocess.Popen) -> None:
    # the whole group would take Node too; the worker alone is what a crash looks like
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def test_a_worker_killed_on_every_attempt_leaves_a_failed_analysis_with_try_again(
    private_redis, private_postgres, tmp_path
):
    node = _fake_node(tmp_path)
    stack = Stack(
        database_url=private_postgres.url,
        template_db="essaycoach_template",
        redis_url=private_redis.url,
        label="drill-worker",
        extra_env={
            "HARPER_NODE": str(node),
            "HARPER_TIMEOUT": "3600",
            "ANALYSIS_STALE_SECONDS": str(STALE),
        },
    )
    with stack:
        revision_id, analysis_id = json.loads(stack.manage("shell", "-c", SETUP).splitlines()[-1])
        worker = stack._procs[0]
        for attempt in (1, 2, 3):
            _wait_state(stack, analysis_id, ("running", attempt))
            _kill(worker)  # mid-analysis: Node is hanging on the essay
            time.sleep(STALE + 1)  # the claim goes stale
            worker = _new_worker(stack)
            stack.manage("shell", "-c", REQUEUE)
        # the third attempt died too: the minute task marks it failed instead of leaving it
        # "running" for ever
        _wait_state(stack, analysis_id, ("failed", 3))

        browser = Browser(stack.base_url)
        browser.log_in("killed@school.test")
        status, page = browser.get(f"/revisions/{revision_id}/")
        assert status == 200
        assert "We could not analyse this revision." in page and "Try again" in page

        # a healthy worker (this stand-in no longer hangs) and Try again: feedback arrives
        _kill(worker)
        node.write_text(FAKE_NODE.replace('"HANG" in', '"NEVER-SEEN" in'))
        _new_worker(stack)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token
        retry_path = f"/revisions/{revision_id}/retry/"
        status, _ = browser._request(retry_path, {"csrfmiddlewaretoken": token.group(1)})
        assert status == 200
        _wait_state(stack, analysis_id, ("done", 1))
        status, page = browser.get(f"/revisions/{revision_id}/")
        assert "Feedback complete." in page
