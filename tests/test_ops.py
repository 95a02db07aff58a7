"""Running it for a school: settings that refuse bad production config, a key made once,
health endpoints a platform can reach, and error reports without anyone's writing."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from coaching import heartbeat
from config.env import local_secret_key, strong_secret
from tests.conftest import client_for

ROOT = Path(__file__).resolve().parent.parent
FERNET_KEY = "A" * 43 + "="  # 32 zero bytes: a valid (if silly) Fernet key
STRONG = "k" * 10 + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"


def _django_check(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    base["ESSAYCOACH_VAR_DIR"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_local_install_makes_its_secret_key_once_and_keeps_it(tmp_path):
    first = _django_check({}, tmp_path)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text().strip()
    assert strong_secret(key)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _django_check({}, tmp_path).returncode == 0
    assert key_file.read_text().strip() == key


def test_processes_starting_together_agree_on_one_key(tmp_path):
    path = tmp_path / "secret_key"
    with ProcessPoolExecutor(4) as pool:
        keys = set(pool.map(local_secret_key, [path] * 8))
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {},
            "needs DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, "
            "ESSAYCOACH_ENCRYPTION_KEYS",
        ),
        (
            {"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "a.example"},
            "needs DATABASE_URL",
        ),
        (
            {
                "DJANGO_SECRET_KEY": "short",
                "DJANGO_ALLOWED_HOSTS": "a.example",
                "DATABASE_URL": "postgres://u@127.0.0.1/x",
                "ESSAYCOACH_ENCRYPTION_KEYS": FERNET_KEY,
            },
            "too weak",
        ),
        (
            {
                "DJANGO_SECRET_KEY": STRONG,
                "DJANGO_ALLOWED_HOSTS": "a.example",
                "DATABASE_URL": "postgres://u@127.0.0.1/x",
                "ESSAYCOACH_ENCRYPTION_KEYS": FERNET_KEY,
                "DJANGO_DEBUG": "1",
            },
            "DJANGO_DEBUG must be off",
        ),
    ],
)
def test_production_refuses_to_start_without_what_it_needs(tmp_path, env, message):
    result = _django_check({"DJANGO_ENV": "production", **env}, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_starts_with_a_strong_key_hosts_and_a_database(tmp_path):
    result = _django_check(
        {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": STRONG,
            "DJANGO_ALLOWED_HOSTS": "a.example",
            "DATABASE_URL": "postgres://u@127.0.0.1/x",
            "ESSAYCOACH_ENCRYPTION_KEYS": FERNET_KEY,
        },
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_health_answers_by_ip_over_http_behind_the_https_redirect(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["essays.school.example"]
    client = Client()
    response = client.get("/healthz/", HTTP_HOST="172.19.0.7:8000")
    assert response.status_code == 200
    assert response.json() == {"alive": True}
    assert response["Cache-Control"] == "no-store"
    # every other page still redirects and checks the host
    assert client.get("/", HTTP_HOST="essays.school.example").status_code == 301
    assert client.get("/", HTTP_HOST="172.19.0.7:8000", secure=True).status_code == 400


def test_ready_needs_a_worker_seen_recently(db):
    client = Client()
    heartbeat.beat(now=time.time() - 3600)
    stale = client.get("/readyz/", HTTP_HOST="10.1.2.3")
    assert stale.status_code == 503
    assert stale.json()["database"] is True
    assert stale.json()["worker"] is False
    heartbeat.beat()
    ready = client.get("/readyz/", HTTP_HOST="10.1.2.3")
    assert ready.status_code == 200, ready.json()
    assert ready.json()["worker"] is True


class _FakeSentry(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        if self.headers.get("Content-Encoding") == "gzip":
            import gzip

            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            import brotli  # type: ignore[import-not-found]

            body = brotli.decompress(body)
        _FakeSentry.received.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    import sentry_sdk

    from config.sentry import init_sentry

    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeSentry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _FakeSentry.received = []
    init_sentry(
        dsn=f"http://publickey@127.0.0.1:{server.server_address[1]}/1",
        environment="test",
        release="essaycoach@test",
        traces=0.0,
    )
    yield _FakeSentry.received
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: off again
    server.shutdown()


SECRET_ESSAY = "Zebra-crossing marmalade is why uniforms should stay, said Quillon"


def test_error_reports_carry_no_essay_text_names_or_addresses(school, fake_sentry, monkeypatch):
    import sentry_sdk

    import essays.views

    def broken_save(*, essay, text, **_kwargs):
        essay_text = text  # a local variable holding the essay
        raise RuntimeError(f"could not save for {essay.student.email}: {essay_text[:20]}")

    monkeypatch.setattr(essays.views, "draft_save", broken_save)
    client = client_for(school.student)
    client.raise_request_exception = False
    url = reverse("essays:draft_autosave", args=[school.assignment.pk])
    response = client.post(url, {"text": SECRET_ESSAY * 20})
    assert response.status_code == 500
    sentry_sdk.flush(timeout=5)
    assert fake_sentry, "the error was not reported at all"
    sent = b"".join(fake_sentry).decode("utf-8", "replace")
    assert "RuntimeError" in sent
    assert "essaycoach@test" in sent and '"environment":"test"' in sent.replace(" ", "")
    for private in (
        "Zebra-crossing",
        "marmalade",
        "Quillon",
        school.student.email,
        school.student.display_name,
    ):
        assert private not in sent, private
    events = [json.loads(line) for line in sent.splitlines() if line.startswith("{")]
    assert any("exception" in e for e in events)


def test_every_response_carries_a_request_id_and_a_forged_one_is_replaced(db):
    client = Client()
    made = client.get("/accounts/login/")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/accounts/login/")["X-Request-ID"] != made
    kept = client.get("/accounts/login/", headers={"X-Request-ID": "lb-7f3a9c2e"})
    assert kept["X-Request-ID"] == "lb-7f3a9c2e"
    forged = client.get("/accounts/login/", headers={"X-Request-ID": "x\nInjected: 1"})
    assert forged["X-Request-ID"] != "x\nInjected: 1" and len(forged["X-Request-ID"]) == 32


def test_json_log_lines_carry_the_request_id_and_extras():
    import logging

    from config.logs import JsonFormatter, RequestIdFilter, bind, unbind

    record = logging.makeLogRecord(
        {"name": "coaching.tasks", "levelname": "INFO", "msg": "analysing %s", "args": (7,)}
    )
    record.analysis_id = 7
    token = bind("abc123def456")
    try:
        RequestIdFilter().filter(record)
    finally:
        unbind(token)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "analysing 7"
    assert entry["request_id"] == "abc123def456"
    assert entry["analysis_id"] == 7
    assert entry["level"] == "INFO" and entry["logger"] == "coaching.tasks"


async def test_health_answers_under_asgi_too(db):
    from django.test import AsyncClient

    response = await AsyncClient().get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"alive": True}


def test_check_deploy_is_clean_in_production_behind_https(tmp_path):
    """Every `check --deploy` warning is fixed or decided (README, Configuration)."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env = {
        **base,
        "ESSAYCOACH_VAR_DIR": str(tmp_path),
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": STRONG,
        "DJANGO_ALLOWED_HOSTS": "essays.school.example",
        "DATABASE_URL": "postgres://u@127.0.0.1/x",
        "ESSAYCOACH_ENCRYPTION_KEYS": FERNET_KEY,
        "DJANGO_SECURE": "1",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("error", "status"),
    [
        ("django.db.OperationalError", 503),  # the database restarting or failing over
        ("django.db.InterfaceError", 503),  # a connection it ended under the request
        ("builtins.RuntimeError", 500),  # a bug stays a 500
    ],
)
def test_a_database_outage_answers_503_retry_after_not_a_500(db, monkeypatch, error, status):
    import importlib

    module, name = error.rsplit(".", 1)
    raised = getattr(importlib.import_module(module), name)

    def unreachable(request):
        raise raised("the database system is shutting down")

    monkeypatch.setattr("django.contrib.auth.get_user", unreachable)
    response = Client(raise_request_exception=False).get(reverse("essays:assignment_list"))
    assert response.status_code == status
    if status == 503:
        assert response["Retry-After"] == "5"
        assert "Try again in a few seconds" in response.content.decode()
