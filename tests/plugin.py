"""Loaded with -p before pytest-django configures Django: safe test defaults."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret")
os.environ.setdefault("HUEY_NAME", "essaycoach-test")
os.environ.setdefault("CACHE_KEY_PREFIX", "essaycoach-test")
# no resend thread beside the test consumers (tests/test_redis_down.py covers the sending)
os.environ.setdefault("ANALYSIS_RESEND_SECONDS", "0")
# Tests must not need collectstatic or write to the developer's var/ data.
os.environ.setdefault("ESSAYCOACH_VAR_DIR", os.path.join(os.getcwd(), "var", "test"))
# whitenoise warns when STATIC_ROOT is missing; unit tests serve no static files.
os.makedirs(os.path.join(os.environ["ESSAYCOACH_VAR_DIR"], "staticfiles"), exist_ok=True)
# A replica alias that mirrors the test database, with replica reads off: only the tests
# that switch them on (tests/test_replica.py) read through it.
os.environ.setdefault(
    "DATABASE_REPLICA_URL",
    os.environ.get("DATABASE_URL")
    or "sqlite:///" + os.path.join(os.environ["ESSAYCOACH_VAR_DIR"], "essaycoach.sqlite3"),
)
os.environ.setdefault("DATABASE_REPLICA_READS", "0")
