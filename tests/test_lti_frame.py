"""Pages of a launched session may sit in the LMS's iframe (and only in that LMS's);
their cookies cross the frame as SameSite=None; Secure; Partitioned. Everything else
keeps refusing to be framed, with ordinary cookies."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from essays.lti.models import LtiClass, PlatformFrame
from tests.factories import AssignmentFactory
from tests.fake_lms import INSTRUCTOR, LEARNER, LaunchSpec
from tests.lti_helpers import (  # noqa: F401 (platform_fixture: the `platform` fixture)
    Platform,
    launch,
    platform_fixture,
)

pytestmark = pytest.mark.django_db


def _frame_ancestors(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    found = re.search(r"frame-ancestors ([^;]*)", policy)
    assert found is not None, policy
    return found.group(1).split()


def _set_cookie(response, name: str) -> str:
    return response.cookies[name].output(header="").strip()


def _launched_student(platform: Platform, client: Client):
    lms = platform.lms
    lms.add_launch("t", LaunchSpec(sub="teacher-1", roles=[INSTRUCTOR]))
    launch(Client(), lms, "t")
    assignment = AssignmentFactory(classroom=LtiClass.objects.get().classroom)
    lms.add_launch(
        "s",
        LaunchSpec(
            sub="student-1",
            roles=[LEARNER],
            custom={"essaycoach_assignment": str(assignment.pk)},
        ),
    )
    response = launch(client, lms, "s")
    assert response.status_code == 302
    return assignment, response


def test_launched_pages_may_be_framed_by_the_platform_only(platform: Platform):
    client = Client()
    assignment, _launch = _launched_student(platform, client)
    page = client.get(reverse("essays:essay_edit", args=[assignment.pk]), secure=True)
    assert page.status_code == 200
    assert "X-Frame-Options" not in page
    assert _frame_ancestors(page) == ["'self'", platform.lms.base_url]


def test_extra_frame_origins_of_the_platform_are_allowed(platform: Platform):
    PlatformFrame.objects.create(
        registration=platform.registration, extra_origins="https://school.lms.example"
    )
    client = Client()
    assignment, _launch = _launched_student(platform, client)
    page = client.get(reverse("essays:essay_edit", args=[assignment.pk]), secure=True)
    assert "https://school.lms.example" in _frame_ancestors(page)


def test_outside_the_lms_framing_stays_denied(platform: Platform, school):
    client = Client()
    for response in (
        client.get(reverse("account_login"), secure=True),
        client.get(reverse("essays:home"), secure=True),
    ):
        assert response["X-Frame-Options"] == "DENY"
        assert _frame_ancestors(response) == ["'self'"]
    client.force_login(school.student)
    page = client.get(reverse("essays:essay_edit", args=[school.assignment.pk]), secure=True)
    assert page["X-Frame-Options"] == "DENY"
    assert _frame_ancestors(page) == ["'self'"]


def test_session_and_csrf_cookies_of_a_launch_are_partitioned(platform: Platform):
    client = Client()
    assignment, launched = _launched_student(platform, client)
    session = _set_cookie(launched, "sessionid")
    for part in ("SameSite=None", "Secure", "Partitioned", "HttpOnly"):
        assert part in session
    page = client.get(reverse("essays:essay_edit", args=[assignment.pk]), secure=True)
    csrf = _set_cookie(page, "csrftoken")
    for part in ("SameSite=None", "Secure", "Partitioned"):
        assert part in csrf


def test_the_state_cookies_of_the_login_are_partitioned(platform: Platform):
    lms = platform.lms
    lms.add_launch("s", LaunchSpec(sub="student-1", roles=[LEARNER]))
    client = Client()
    path = lms.login_url("s").split("testserver", 1)[1]
    check = client.get(path, secure=True)
    assert "Partitioned" in _set_cookie(check, "essaycoach-lti-check")
    onward = client.get(check["Location"], secure=True)
    state = [name for name in onward.cookies if name.startswith("lti1p3-state-")]
    assert state
    for name in (*state, "lti1p3-session-id"):
        cookie = _set_cookie(onward, name)
        assert "Partitioned" in cookie and "SameSite=None" in cookie and "Secure" in cookie


def test_ordinary_sign_in_cookies_are_not_partitioned(platform: Platform, school, password):
    client = Client()
    client.get(reverse("account_login"), secure=True)
    response = client.post(
        reverse("account_login"),
        {"login": school.student.email, "password": password},
        secure=True,
    )
    session = _set_cookie(response, "sessionid")
    assert "Partitioned" not in session and "SameSite=Lax" in session


def test_unpartitioned_configuration_leaves_the_attribute_off(platform: Platform, settings):
    settings.LTI_PARTITIONED_COOKIES = False
    client = Client()
    _assignment, launched = _launched_student(platform, client)
    session = _set_cookie(launched, "sessionid")
    assert "SameSite=None" in session and "Partitioned" not in session


def test_csrf_protected_post_works_in_the_frame(platform: Platform):
    client = Client(enforce_csrf_checks=True)
    assignment, _launch = _launched_student(platform, client)
    page = client.get(reverse("essays:essay_edit", args=[assignment.pk]), secure=True)
    token = client.cookies["csrftoken"].value
    origin = "https://testserver"
    saved = client.post(
        reverse("essays:draft_autosave", args=[assignment.pk]),
        {"text": "A first sentence of the draft."},
        secure=True,
        headers={
            "X-CSRFToken": token,
            "Origin": origin,
            "Referer": f"{origin}/",
            "HX-Request": "true",
        },
    )
    assert page.status_code == 200
    assert saved.status_code == 200
    refused = client.post(
        reverse("essays:draft_autosave", args=[assignment.pk]),
        {"text": "No token."},
        secure=True,
        headers={"Origin": origin, "Referer": f"{origin}/"},
    )
    assert refused.status_code == 403


def test_launched_navigation_is_reduced(platform: Platform):
    client = Client()
    assignment, _launch = _launched_student(platform, client)
    text = client.get(reverse("essays:essay_edit", args=[assignment.pk]), secure=True)
    html = text.content.decode()
    nav = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    assert "data-lti-home" in nav and "Your essay" in nav
    assert "Settings" not in nav and "Log out" not in nav and "Classes" not in nav


def test_the_messages_cookie_of_a_launch_is_partitioned_too(platform: Platform):
    # "Saved", "Asking the LMS…": a note carried across a redirect inside the frame
    client = Client()
    _launched_student(platform, Client())
    platform.lms.add_launch("t2", LaunchSpec(sub="teacher-1", roles=[INSTRUCTOR]))
    launch(client, platform.lms, "t2")
    classroom = LtiClass.objects.get().classroom
    response = client.post(reverse("lti:roster_sync", args=[classroom.pk]), secure=True)
    cookie = _set_cookie(response, "messages")
    assert "Partitioned" in cookie and "SameSite=None" in cookie
    page = client.get(response["Location"], secure=True)
    assert "Asking the LMS for the roster" in page.content.decode()
