"""The teacher's pages for a class of 300 students with 3 revisions each: server time
(p50/p95 through the whole Django stack, in process, no network) and query counts at
30 and 300 students (they must not grow with the class).

The analysed stages are the real engine's output for one of our demo essays, computed
once and stored on every revision. Runs on a throw-away test database: SQLite, and
PostgreSQL too when DATABASE_URL is set or a local server answers (scripts/bench/_common).

    .venv/bin/python scripts/bench/teacher_pages.py            # every backend
    .venv/bin/python scripts/bench/teacher_pages.py --runs 50
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT, backends, percentile, summary  # type: ignore[import-not-found]

TARGET_P95_MS = 150.0
STUDENTS = 300
REVISIONS = 3


def _engine_stages(assignment) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    from coaching.engine import EssayInput
    from coaching.runtime import get_engine, rubric_spec
    from essays.demo import ESSAY_DRAFT

    result = get_engine().analyze(
        EssayInput(
            text=ESSAY_DRAFT, prompt=assignment.prompt, rubric=rubric_spec(assignment.rubric)
        )
    )
    return {stage: result[stage] for stage in ("overview", "notes", "scores", "summary")}


def _build_class(assignment, teacher, size: int, stages: dict[str, dict], text: str) -> None:  # type: ignore[no-untyped-def]
    """Bulk-create students up to `size`, each with REVISIONS analysed revisions (every
    tenth has not submitted; every third is marked, every sixth released)."""
    from django.utils import timezone

    from coaching.models import Analysis, StageResult, TeacherReview, digest_of_stages
    from essays.models import Essay, Membership, Revision, User, text_hash

    have = Membership.objects.filter(classroom=assignment.classroom, role="student").count()
    new = range(have, size)
    users = User.objects.bulk_create(
        User(email=f"bench-{assignment.pk}-{i}@school.test", display_name=f"Student {i:03d}")
        for i in new
    )
    Membership.objects.bulk_create(
        Membership(classroom=assignment.classroom, user=u, role="student") for u in users
    )
    submitting = [(i, u) for i, u in zip(new, users, strict=True) if i % 10 != 9]
    essays = Essay.objects.bulk_create(
        Essay(assignment=assignment, student=u) for _i, u in submitting
    )
    sha = text_hash(text)
    revisions = Revision.objects.bulk_create(
        Revision(
            essay=e,
            number=n,
            text=text,
            text_sha256=sha,
            word_count=len(text.split()),
            late=(i % 7 == 0 and n == REVISIONS),
        )
        for (i, _u), e in zip(submitting, essays, strict=True)
        for n in range(1, REVISIONS + 1)
    )
    percent = stages["scores"]["overall"]["percent"]
    analyses = Analysis.objects.bulk_create(
        Analysis(
            revision=r,
            status="done",
            overall_percent=percent,
            finished_at=timezone.now(),
            digest=digest_of_stages(stages),
        )
        for r in revisions
    )
    StageResult.objects.bulk_create(
        StageResult(analysis=a, stage=stage, seq=seq, data=data)
        for a in analyses
        for seq, (stage, data) in enumerate(stages.items(), start=1)
    )
    latest = [r for r in revisions if r.number == REVISIONS]
    now = timezone.now()
    TeacherReview.objects.bulk_create(
        TeacherReview(
            revision=r,
            teacher=teacher,
            points={},
            total=8 + k % 5,
            max_total=20,
            released_at=now if k % 2 == 0 else None,
            released_by=teacher if k % 2 == 0 else None,
        )
        for k, r in enumerate(latest)
        if k % 3 == 0
    )


def _pages(assignment) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from django.urls import NoReverseMatch, reverse

    from essays.models import Revision

    revision = Revision.objects.filter(essay__assignment=assignment, number=REVISIONS).first()
    base = reverse("coaching:submissions", args=[assignment.pk])
    pages = {
        "submissions page": base,
        "submissions, by machine score, page 3": base + "?sort=machine&dir=desc&page=3",
        "submissions, needs marking, late": base + "?status=needs_marking&late=late",
        "marking overview": reverse("coaching:assignment_marking", args=[assignment.pk]),
        "review page": reverse("coaching:review_page", args=[revision.pk]) if revision else "",
    }
    # the class overview, once teach-print has built it
    for name in ("class_overview", "assignment_overview", "overview"):
        try:
            pages["class overview"] = reverse(f"coaching:{name}", args=[assignment.pk])
            break
        except NoReverseMatch:
            continue
    return {k: v for k, v in pages.items() if v}


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def child(runs: int) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.DEBUG = False
    # a database of its own: the test suite may be using test_<name> at the same time
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = (
        None if connection.vendor == "sqlite" else f"bench_teacher_pages_{os.getpid()}"
    )
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failed = False
    try:
        from essays.demo import ESSAY_DRAFT
        from essays.models import Membership, User
        from tests.factories import AssignmentFactory, UserFactory

        assignment = AssignmentFactory(title="Bench")
        teacher = UserFactory(role=User.Role.TEACHER, display_name="Bench Teacher")
        Membership.objects.create(classroom=assignment.classroom, user=teacher, role="teacher")
        started = time.monotonic()
        stages = _engine_stages(assignment)
        print(
            f"   engine ran once ({time.monotonic() - started:.1f} s); "
            "its stages are stored on every revision"
        )
        client = Client()
        client.force_login(teacher)

        _build_class(assignment, teacher, 30, stages, ESSAY_DRAFT)
        pages = _pages(assignment)
        small = {name: _queries(client, url) for name, url in pages.items()}
        started = time.monotonic()
        _build_class(assignment, teacher, STUDENTS, stages, ESSAY_DRAFT)
        print(
            f"   class of {STUDENTS} students x {REVISIONS} revisions built "
            f"({time.monotonic() - started:.1f} s)"
        )
        pages = _pages(assignment)
        for name, url in pages.items():
            large = _queries(client, url)
            for _ in range(3):  # warm caches and connections
                client.get(url)
            times, cpu = [], []
            for _ in range(runs):
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                assert response.status_code == 200
            p95 = percentile(times, 95) * 1000
            timed = name.startswith("submissions") or name == "class overview"
            verdict = ""
            if timed:
                verdict = "  OK" if p95 < TARGET_P95_MS else f"  OVER {TARGET_P95_MS:.0f} ms"
                failed = failed or p95 >= TARGET_P95_MS
            same = "same" if small[name] == large else "GROWS"
            failed = failed or small[name] != large
            print(f"   {name}: {summary(times)}{verdict}")
            print(
                f"      CPU of this process: p50 {statistics.median(cpu) * 1000:.0f} ms, "
                f"p95 {percentile(cpu, 95) * 1000:.0f} ms (the database's own time not counted)"
            )
            print(
                f"      queries: {small[name]} with 30 students, {large} with {STUDENTS} ({same})"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.runs)
    status = 0
    load = os.getloadavg()[0]
    print(f"   load average {load:.1f} on {os.cpu_count()} CPUs (wall times grow with it)")
    for label, database, redis in backends():
        print(f"-- {label}", flush=True)
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.setdefault("ESSAYCOACH_VAR_DIR", str(ROOT / "var" / "bench"))
        if database:
            env["DATABASE_URL"] = database
        if redis:
            env["REDIS_URL"] = redis
        result = subprocess.run(
            [sys.executable, __file__, "--child", "--runs", str(args.runs)], env=env, check=False
        )
        status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
