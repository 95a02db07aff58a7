"""Prometheus metrics: behind a token, by view name, analysis stages, queue, streams."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY

TOKEN = "metrics-test-token-0123456789"


def _samples(body: str) -> dict[tuple[str, tuple], float]:
    out = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def _scrape(client: Client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200
    return _samples(response.content.decode())


def test_metrics_are_off_without_a_token_and_refused_without_the_right_one(db, settings):
    settings.METRICS_TOKEN = ""
    assert Client().get("/metrics/").status_code == 404
    settings.METRICS_TOKEN = TOKEN
    assert Client().get("/metrics/").status_code == 401
    wrong = Client().get("/metrics/", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong["WWW-Authenticate"].startswith("Bearer")


def test_request_latency_is_counted_by_view_name_not_path(school, settings):
    settings.METRICS_TOKEN = TOKEN
    key = (
        "essaycoach_request_seconds_count",
        (("method", "GET"), ("status", "200"), ("view", "essays:essay_edit")),
    )
    before = _scrape(Client()).get(key, 0)
    client_for(school.student).get(f"/assignments/{school.assignment.pk}/")
    after = _scrape(Client())
    assert after[key] == before + 1
    assert not any("assignments/" in str(labels) for _, labels in after)


def test_analysis_stages_queue_and_failures_are_measured(analysed, settings):
    settings.METRICS_TOKEN = TOKEN
    before = _scrape(Client())
    analysed(UNIFORM_ESSAY)
    after = _scrape(Client())
    for stage in ("overview", "notes", "scores", "summary"):
        key = ("essaycoach_analysis_stage_seconds_count", (("stage", stage),))
        assert after[key] == before.get(key, 0) + 1, stage
    assert ("essaycoach_queue_pending", ()) in after
    assert after[("essaycoach_analyses", (("status", "queued"),))] == 0
    assert ("essaycoach_open_streams", ()) in after
    assert any(name == "essaycoach_harper_rss_bytes" for name, _ in after)


def test_a_worker_serves_its_metrics_on_its_health_port(db, settings):
    from coaching import heartbeat

    settings.METRICS_TOKEN = TOKEN
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    heartbeat.beat()
    heartbeat.serve_worker_health(port)
    if not heartbeat._server_started:
        pytest.fail("the health server did not start")
    base = f"http://127.0.0.1:{port}"
    with urllib.request.urlopen(base + "/", timeout=5) as r:
        assert r.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(base + "/metrics", timeout=5)
    assert refused.value.code == 401
    request = urllib.request.Request(
        base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=5) as r:
        assert b"essaycoach_analysis_stage_seconds" in r.read()
