"""Read-only pages read from the replica; whoever just wrote reads from the primary."""

from __future__ import annotations

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.db_router import PIN_COOKIE
from tests.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def replica_reads(settings):
    settings.DATABASE_REPLICA_READS = True


def _count(client, method: str, url: str, **kwargs) -> tuple[int, int, object]:
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(url, **kwargs)
    return len(primary), len(replica), response


def test_a_read_only_page_reads_from_the_replica(school, replica_reads):
    client = client_for(school.student)
    primary, replica, response = _count(client, "get", reverse("essays:assignment_list"))
    assert response.status_code == 200
    assert "Uniforms" in response.content.decode()
    assert replica > 0
    assert primary == 0
    assert PIN_COOKIE not in response.cookies


def test_after_a_write_the_writer_reads_from_the_primary(school, replica_reads):
    client = client_for(school.student)
    save = reverse("essays:draft_autosave", args=[school.assignment.pk])
    _, _, response = _count(client, "post", save, data={"text": "My newest sentence."})
    assert response.status_code == 302  # no-JS autosave: back to the editor
    assert response.cookies[PIN_COOKIE]["max-age"] == 30
    primary, replica, page = _count(
        client, "get", reverse("essays:essay_edit", args=[school.assignment.pk])
    )
    assert replica == 0 and primary > 0
    assert "My newest sentence." in page.content.decode()
    # another person (no recent write of their own) still reads from the replica
    other_primary, other_replica, _ = _count(
        client_for(school.classmate), "get", reverse("essays:assignment_list")
    )
    assert other_replica > 0 and other_primary == 0


def test_a_post_never_reads_from_the_replica(school, replica_reads):
    client = client_for(school.student)
    save = reverse("essays:draft_autosave", args=[school.assignment.pk])
    _, replica, _ = _count(client, "post", save, data={"text": "Text"})
    assert replica == 0


def test_replica_reads_can_be_switched_off(school, settings):
    settings.DATABASE_REPLICA_READS = False
    primary, replica, _ = _count(client_for(school.student), "get", reverse("essays:home"))
    assert replica == 0 and primary > 0


def test_migrations_and_workers_use_the_primary_only():
    from config.db_router import ReplicaRouter
    from essays.models import Revision

    router = ReplicaRouter()
    assert router.allow_migrate("replica", "essays") is False
    assert router.allow_migrate("default", "essays") is True
    # outside a request (a Huey task, a command) reads go to the primary
    assert router.db_for_read(Revision) == "default"
