"""Class overview of an assignment for 300 students x 3 revisions (server time, query
count at 30 vs 300 students), and the class PDF of 30 students (seconds to produce).

Builds a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is set).

    .venv/bin/python scripts/bench/class_insight.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import time

from _common import ROOT, percentile, summary  # type: ignore[import-not-found]  # noqa: F401


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
        teardown_test_environment,
    )
    from django.urls import reverse

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from class_data import build_class  # type: ignore[import-not-found]

        from coaching.models import PrintJob
        from coaching.printing import class_pdf_build

        print(f"database: {connection.vendor}")
        counts = {}
        for size in (30, 300):
            started = time.monotonic()
            assignment, teacher = build_class(students=size, revisions=3)
            built = time.monotonic() - started
            client = Client()
            client.force_login(teacher)
            url = reverse("coaching:class_overview", args=[assignment.pk])
            assert client.get(url).status_code == 200
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[size] = len(queries)
            if size == 300:
                times, cpu = [], []
                for _ in range(args.runs):
                    t0, c0 = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                    assert response.status_code == 200
                print(f"class overview, 300 students x 3 revisions (data built in {built:.1f} s):")
                print(f"  server time {summary(times)}; target p95 < 150 ms")
                # CPU time of this process (with SQLite, the database's work too): what the
                # page costs on a core of its own, whatever else the machine is doing
                print(f"  CPU time {summary(cpu)}")
                csv_url = reverse("coaching:grades_csv", args=[assignment.pk])
                t0 = time.perf_counter()
                client.get(csv_url)
                print(f"  grades CSV: {(time.perf_counter() - t0) * 1000:.0f} ms")
            if size == 30:
                for copy in ("teacher", "student"):
                    job = PrintJob.objects.create(
                        assignment=assignment, requested_by=teacher, paper="a4", copy=copy
                    )
                    t0 = time.perf_counter()
                    class_pdf_build(job_id=job.pk)
                    seconds = time.perf_counter() - t0
                    job.refresh_from_db()
                    print(
                        f"class PDF, 30 students ({copy}'s copy): {seconds:.1f} s, "
                        f"{job.pages} pages, {len(bytes(job.pdf or b'')) // 1024} KB ({job.status})"
                    )
        verdict = "equal" if counts[30] == counts[300] else "DIFFERENT"
        print(
            f"class overview queries: {counts[30]} at 30 students, {counts[300]} at 300 ({verdict})"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
