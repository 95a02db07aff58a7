"""A person's settings: time zone (pages show times in it) and which e-mails they get."""

from __future__ import annotations

from datetime import UTC, datetime

from django.test import Client
from django.urls import reverse

from essays.models import Revision
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY

URL = "/account/preferences/"


def test_url_name():
    assert reverse("essays:preferences") == URL


def test_every_persona_sees_only_their_own_settings(school):
    for name, person in school.personas().items():
        for headers in ({}, htmx_headers()):
            client = client_for(person) if person else Client()
            response = client.get(URL, headers=headers)
            if person is None:
                assert response.status_code == 302, name
                continue
            assert response.status_code == 200, name
            body = response.content.decode()
            assert 'name="email_on_feedback"' in body
            assert ('type="checkbox" name="email_digest"' in body) == person.is_teacher, name


def test_save_time_zone_and_e_mail_choices(school):
    client = client_for(school.teacher)
    response = client.post(
        URL, {"display_name": "Ms Teacher", "time_zone": "Asia/Tokyo", "email_digest": "on"}
    )
    assert response.status_code == 302
    school.teacher.refresh_from_db()
    assert school.teacher.time_zone == "Asia/Tokyo"
    assert school.teacher.email_digest is True
    assert school.teacher.email_on_feedback is False


def test_an_unknown_time_zone_is_refused(school):
    response = client_for(school.student).post(
        URL, {"display_name": "Sam Student", "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 400
    assert "Choose a time zone" in response.content.decode()
    school.student.refresh_from_db()
    assert school.student.time_zone == ""


def test_anonymous_post_changes_nothing(school):
    response = Client().post(URL, {"time_zone": "Asia/Tokyo"})
    assert response.status_code == 302


def test_times_are_shown_in_the_users_time_zone(school, submit):
    revision = submit(UNIFORM_ESSAY)
    Revision.objects.filter(pk=revision.pk).update(
        created_at=datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    )
    url = reverse("coaching:revision_feedback", args=[revision.pk])
    client = client_for(school.student)
    assert "2 Mar 2026, 23:30" in client.get(url).content.decode()
    school.student.time_zone = "Asia/Tokyo"
    school.student.save()
    body = client.get(url).content.decode()
    assert "3 Mar 2026, 08:30" in body
    # the teacher in their own zone sees their own local time
    school.teacher.time_zone = "America/New_York"
    school.teacher.save()
    assert "2 Mar 2026, 18:30" in client_for(school.teacher).get(url).content.decode()
