"""Query counts of the assignment list, editor and feedback page with 1 vs 50 revisions.

Builds a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is set).

    .venv/bin/python scripts/bench/queries.py
"""

from __future__ import annotations

import os

from _common import ROOT  # type: ignore[import-not-found]  # noqa: F401


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.querycount import measure

        for page, (one, fifty) in measure().items():
            verdict = "equal" if one == fifty else "DIFFERENT"
            print(f"{page}: {one} queries with 1 revision, {fifty} with 50 ({verdict})")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
