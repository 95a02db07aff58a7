"""Issue 9: a NUL character (PostgreSQL refuses it in text) in any field of any form is
stripped or refused with a message, never a 500. The forms are found by reading the
pages (tests/formcrawl.py), so a new form is covered without a new test."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from essays.models import Essay
from tests.conftest import client_for
from tests.formcrawl import school_tour

pytestmark = pytest.mark.django_db


def _send(client, form, data):
    headers = {"HX-Request": "true"} if form.hx_post else {}
    send = client.post if form.method == "POST" else client.get
    try:
        return send(form.action, data, headers=headers).status_code
    except Exception as exc:  # the test client re-raises a view's exception
        return f"{type(exc).__name__}: {str(exc)[:120]}"


def _covered(school) -> set[str]:
    """Forms the issue names (and a few more) that the crawl must find."""
    a = school.assignment.pk
    return {
        reverse("account_login"),
        reverse("account_signup"),
        reverse("essays:classroom_list"),  # join code
        reverse("essays:draft_autosave", args=[a]),
        reverse("essays:essay_submit", args=[a]),
        reverse("coaching:teach_rubric_new"),
        reverse("coaching:teach_rubric_import"),
        reverse("essays:teach_assignment_create", args=[school.classroom.pk]),
    }


def test_every_text_field_of_every_form_survives_a_nul(school):
    failures = []
    tried = 0
    forms = school_tour(school).forms()
    paths = {urlsplit(form.action).path for _who, _client, form in forms}
    assert _covered(school) <= paths
    # and the teacher's review: comments, marks, note decisions, the comment bank
    assert sum(path.startswith("/teach/revisions/") for path in paths) >= 5
    for who, client, form in forms:
        for name in form.text_fields:
            data = dict(form.fields)
            data[name] = (data.get(name) or "x") + "\x00 tail"
            status = _send(client, form, data)
            tried += 1
            if status == 500 or isinstance(status, str):
                failures.append(f"{who} {form.action} {name}: {status}")
    assert tried > 30
    assert not failures, "\n".join(failures)


def test_nul_in_autosave_and_submit_is_dropped_not_stored(school):
    client = client_for(school.student)
    client.post(
        reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "Hel\x00lo"}
    )
    assert Essay.objects.get(student=school.student).draft_text == "Hello"


def test_nul_in_a_join_code_is_dropped(school):
    response = client_for(school.outsider).post(
        reverse("essays:classroom_list"), {"code": school.classroom.join_code + "\x00"}
    )
    assert response.status_code == 302
    assert school.classroom.memberships.filter(user=school.outsider).exists()


def test_nul_in_a_django_form_is_refused_with_a_message(school):
    response = client_for(school.teacher).post(
        reverse("essays:teach_class_create"), {"name": "Eng\x00lish", "description": ""}
    )
    assert response.status_code in (200, 400)
    assert "Null characters are not allowed" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/invites/ab%00cd/",
        "/unsubscribe/ab%00cd/",
        "/accounts/password/reset/key/1-ab%00cd/",
        "/accounts/confirm-email/ab%00cd/",
        "/teach/rubrics/?q=%00",
        "/assignments/?q=%00",
    ],
)
def test_a_nul_in_a_path_or_query_is_not_a_500(school, path):
    for client in (client_for(school.student), client_for(school.teacher)):
        assert client.get(path).status_code < 500
