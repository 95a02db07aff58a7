"""The quick load test of issue 9 (the full one is `make proof`, figures in the README).

Ten people for 45 seconds against the stack as production runs it (uvicorn with two
workers, a Huey consumer with its Node process, PostgreSQL, Redis): nine students type
(autosaves), submit and watch their feedback stream to the last panel, then revise and
submit again; a teacher goes round the class overview and the submissions and marks and
releases what came in. Locust drives them from a process of its own
(scripts/bench/load.py, scripts/bench/locust/locustfile.py).

Asserted: no request failed and the server logged no error; every student submitted and
every submission's feedback reached its last panel; the teacher's pages answered, marks
were saved and released; and no process's memory grew past a generous bound between the
sample after the warm-up and the end. No time is asserted: the figures are printed.
"""

from __future__ import annotations

import sys

import pytest

from e2e.harness import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "bench"))

from _common import backends  # type: ignore[import-not-found]
from load import MB, report, run_load  # type: ignore[import-not-found]

USERS = 10


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    found = [b for b in backends() if b[1]]
    if not found:
        pytest.skip("the load test runs on PostgreSQL and Redis (DATABASE_URL, REDIS_URL)")
    _name, database, redis = found[0]
    measured = run_load(
        database,
        redis,
        users=USERS,
        spawn_rate=5,
        seconds=45,
        teachers=1,
        # a lesson sped up so that each student submits at least once in 45 s
        think="1.5,2.5",
        read="3,5",
        teacher_round="3,5",
    )
    print("\n" + report(measured))
    return measured


def test_nothing_failed(result) -> None:  # type: ignore[no-untyped-def]
    assert result.pages, result.locust_log[-3000:]
    assert result.failed == 0 and not result.failures, result.failures
    assert not result.server_errors, result.server_errors[:20]
    assert result.held()[0] == USERS


def test_every_submission_got_its_feedback(result) -> None:  # type: ignore[no-untyped-def]
    students = result.students
    assert len(students) == USERS - 1
    for student in students:
        assert not student["failures"], student
        assert student["autosaves"] >= 1, student
        assert student["submitted"] >= 1, student
        assert student["feedback"] == student["submitted"], student


def test_the_teacher_marked_and_released(result) -> None:  # type: ignore[no-untyped-def]
    (teacher,) = result.teacher_outcomes
    assert not teacher["failures"], teacher
    assert teacher["rounds"] >= 1 and teacher["reviews"] >= 1, teacher
    assert teacher["released"] == teacher["reviews"], teacher
    answered = {page.name for page in result.pages if page.count and not page.failures}
    assert {"class overview", "submissions", "review page", "save marks", "release"} <= answered


def test_memory_did_not_grow(result) -> None:  # type: ignore[no-untyped-def]
    roles = result.role_memory()
    assert set(roles) == {"web", "worker"}, roles
    for role, (warm, end, _largest) in roles.items():
        # generous: a leak of a request's or an essay's worth each time shows over a run
        assert end <= warm * 1.5 + 64 * MB, (role, warm / MB, end / MB)
