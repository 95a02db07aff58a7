"""LTI 1.3 launch: real id_tokens signed by the fake LMS (lti1p3platform), validated by
django-lti/PyLTI1p3 in the tool, through the tool's own login and launch views."""

from __future__ import annotations

import html
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from lti_tool.models import Key, LtiDeployment, LtiRegistration, LtiUser

from essays.lti.models import LtiClass, LtiLink, PlatformFrame
from essays.models import Classroom, Membership, User
from tests.factories import AssignmentFactory, UserFactory
from tests.fake_lms import INSTRUCTOR, LEARNER, LaunchSpec
from tests.lti_helpers import (  # noqa: F401 (platform_fixture: the `platform` fixture)
    Platform,
    launch,
    platform_fixture,
    post_launch,
    start_login,
)

pytestmark = pytest.mark.django_db


def _student(lms, hint="s1", sub="lms-student-1", **kw) -> None:
    lms.add_launch(hint, LaunchSpec(sub=sub, roles=[LEARNER], name="Sam Lms", **kw))


def _teacher(lms, hint="t1", sub="lms-teacher-1", **kw) -> None:
    lms.add_launch(hint, LaunchSpec(sub=sub, roles=[INSTRUCTOR], name="Ms Lms", **kw))


def test_first_launch_makes_the_student_the_class_and_the_membership(platform: Platform):
    _student(platform.lms)
    response = launch(Client(), platform.lms, "s1")
    assert response.status_code == 302
    lti_user = LtiUser.objects.get(registration=platform.registration, sub="lms-student-1")
    user = lti_user.auth_user
    assert user is not None and user.role == User.Role.STUDENT
    assert user.display_name == "Sam Lms"
    assert not user.has_usable_password()
    classroom = LtiClass.objects.get().classroom
    assert classroom.name == "English 10 (LMS)"
    assert Membership.objects.get(classroom=classroom, user=user).role == Membership.Role.STUDENT
    # no assignment linked yet: a student lands on their assignments
    assert response["Location"] == reverse("essays:assignment_list")


def test_second_launch_signs_in_the_same_account_by_subject(platform: Platform):
    _student(platform.lms)
    launch(Client(), platform.lms, "s1")
    launch(Client(), platform.lms, "s1")
    assert User.objects.filter(lti_users__sub="lms-student-1").count() == 1
    assert Classroom.objects.count() == 1


def test_an_existing_account_with_the_same_email_is_never_taken_over(platform: Platform):
    existing = UserFactory(email="sam@school.test")
    _student(platform.lms, email="sam@school.test")
    client = Client()
    launch(client, platform.lms, "s1")
    signed_in = User.objects.get(pk=client.session["_auth_user_id"])
    assert signed_in != existing
    assert LtiUser.objects.get(sub="lms-student-1").auth_user == signed_in


def test_the_same_subject_on_another_platform_is_another_person(platform: Platform):
    _student(platform.lms)
    launch(Client(), platform.lms, "s1")
    other = LtiRegistration.objects.create(
        name="Other",
        issuer="https://other.example",
        client_id="x",
        auth_url="https://other.example/auth",
        token_url="https://other.example/token",
        keyset_url="https://other.example/jwks",
    )
    LtiUser.objects.create(registration=other, sub="lms-student-1")
    assert LtiUser.objects.get(registration=other).auth_user is None


def test_teacher_lands_on_the_submissions_page_of_the_linked_assignment(platform: Platform):
    _teacher(platform.lms)
    client = Client()
    launch(client, platform.lms, "t1")  # makes the class
    classroom = LtiClass.objects.get().classroom
    assignment = AssignmentFactory(classroom=classroom)
    _teacher(
        platform.lms,
        hint="t2",
        resource_link_id="link-2",
        custom={"essaycoach_assignment": str(assignment.pk)},
    )
    response = launch(client, platform.lms, "t2")
    assert response["Location"] == reverse("coaching:submissions", args=[assignment.pk])
    teacher = User.objects.get(lti_users__sub="lms-teacher-1")
    assert teacher.role == User.Role.TEACHER
    membership = Membership.objects.get(classroom=classroom, user=teacher)
    assert membership.role == Membership.Role.TEACHER
    assert client.get(response["Location"], secure=True).status_code == 200


def test_student_lands_on_the_assignment_and_the_session_holds(platform: Platform):
    _teacher(platform.lms)
    launch(Client(), platform.lms, "t1")
    assignment = AssignmentFactory(classroom=LtiClass.objects.get().classroom)
    _student(platform.lms, custom={"essaycoach_assignment": str(assignment.pk)})
    client = Client()
    response = launch(client, platform.lms, "s1")
    assert response["Location"] == reverse("essays:essay_edit", args=[assignment.pk])
    page = client.get(response["Location"], secure=True)
    assert page.status_code == 200
    assert assignment.title in page.content.decode()
    assert LtiLink.objects.get().assignment == assignment


def test_a_custom_claim_naming_another_class_assignment_opens_nothing(platform: Platform):
    elsewhere = AssignmentFactory()  # not in the LMS course's class
    _student(platform.lms, custom={"essaycoach_assignment": str(elsewhere.pk)})
    response = launch(Client(), platform.lms, "s1")
    assert response["Location"] == reverse("essays:assignment_list")
    assert not LtiLink.objects.exists()


def test_the_platforms_keys_are_kept_and_refetched_when_it_rotates(platform: Platform):
    from django.core.cache import cache

    _student(platform.lms)
    assert launch(Client(), platform.lms, "s1").status_code == 302
    assert any("lti1p3-key-set-url-" in key for key in cache._cache)  # type: ignore[attr-defined]
    platform.lms.rotate_key()  # the kept set no longer has the signing key
    assert launch(Client(), platform.lms, "s1").status_code == 302


def test_forged_id_token_is_refused(platform: Platform):
    _student(platform.lms)
    client = Client()
    auth = start_login(client, platform.lms, "s1")
    token = platform.lms.forged_token(
        "s1", nonce=auth.nonce, state=auth.state, redirect_uri=auth.redirect_uri
    )
    response = post_launch(client, token, auth.state)
    assert response.status_code == 403
    assert "could not be verified" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not LtiUser.objects.exists()


def test_expired_id_token_is_refused(platform: Platform):
    _student(platform.lms)
    response = launch(Client(), platform.lms, "s1", expiration=-120)
    assert response.status_code == 403
    assert "expired" in response.content.decode()
    assert not LtiUser.objects.exists()


def test_replayed_id_token_is_refused(platform: Platform):
    _student(platform.lms)
    client = Client()
    auth = start_login(client, platform.lms, "s1")
    data = platform.lms.launch_data(
        "s1", nonce=auth.nonce, state=auth.state, redirect_uri=auth.redirect_uri
    )
    assert post_launch(client, data["id_token"], data["state"]).status_code == 302
    again = post_launch(client, data["id_token"], data["state"])
    assert again.status_code == 403
    assert "could not be verified" in again.content.decode()


@pytest.mark.parametrize(
    "data", [{}, {"state": "state-x"}, {"id_token": "not.a.token", "state": "state-x"}]
)
def test_a_launch_without_a_usable_token_is_refused_not_an_error(platform: Platform, data):
    response = Client().post("/lti/launch/", data, secure=True)
    assert response.status_code == 403
    assert "could not be verified" in response.content.decode()


def test_a_token_without_the_state_cookie_is_refused(platform: Platform):
    _student(platform.lms)
    auth = start_login(Client(), platform.lms, "s1")
    data = platform.lms.launch_data(
        "s1", nonce=auth.nonce, state=auth.state, redirect_uri=auth.redirect_uri
    )
    response = post_launch(Client(), data["id_token"], data["state"])  # another browser
    assert response.status_code == 403


def test_unknown_deployment_gets_a_page_for_the_admin(platform: Platform):
    _student(platform.lms)
    client = Client()
    auth = start_login(client, platform.lms, "s1", deployment_id="new-deployment")
    data = platform.lms.launch_data(
        "s1",
        nonce=auth.nonce,
        state=auth.state,
        redirect_uri=auth.redirect_uri,
        deployment_id="new-deployment",
    )
    response = post_launch(client, data["id_token"], data["state"])
    assert response.status_code == 403
    text = response.content.decode()
    assert "not switched on" in text and "new-deployment" in text and "is active" in text
    # django-lti recorded it inactive: the admin only ticks "is active"
    assert not LtiDeployment.objects.get(deployment_id="new-deployment").is_active
    assert "_auth_user_id" not in client.session


def test_inactive_deployment_gets_the_same_page(platform: Platform):
    LtiDeployment.objects.update(is_active=False)
    _student(platform.lms)
    response = launch(Client(), platform.lms, "s1")
    assert response.status_code == 403
    assert "not switched on" in response.content.decode()


def test_unregistered_platform_gets_a_page_for_the_admin(platform: Platform):
    _student(platform.lms)
    platform.registration.delete()
    url = platform.lms.login_url("s1")
    client = Client()
    path = url.split("testserver", 1)[1]
    check = client.get(path, secure=True)["Location"]
    response = client.get(check, secure=True)
    assert response.status_code == 400
    text = response.content.decode()
    assert "not registered" in text and platform.lms.base_url in text


def test_login_refuses_a_target_on_another_host(platform: Platform):
    _student(platform.lms)
    url = platform.lms.login_url("s1").replace(
        "target_link_uri=https%3A%2F%2Ftestserver", "target_link_uri=https%3A%2F%2Fevil.example"
    )
    response = Client().get(url.split("testserver", 1)[1], secure=True)
    assert response.status_code == 400


def test_browser_without_the_cookie_is_offered_a_new_tab(platform: Platform):
    _student(platform.lms)
    client = Client()
    path = platform.lms.login_url("s1").split("testserver", 1)[1]
    check = client.get(path, secure=True)["Location"]
    client.cookies.clear()  # what a browser refusing third-party cookies does
    response = client.get(check, secure=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Continue in a new tab" in text and 'target="_blank"' in text
    # the new-tab link skips the check and goes on to the LMS
    found = re.search(r'href="([^"]*lti1p3_new_window=1[^"]*)" target="_blank"', text)
    assert found is not None
    new_tab = html.unescape(found.group(1))
    onward = Client().get(new_tab, secure=True)
    assert onward.status_code == 302
    assert onward["Location"].startswith(f"{platform.lms.base_url}/auth?")


# --- registration, configuration page, keys ----------------------------------------------


def test_lti_register_command_registers_and_activates(db):
    call_command(
        "lti_register",
        "--name=School Canvas",
        "--issuer=https://canvas.instructure.com",
        "--client-id=10000000000042",
        "--auth-url=https://sso.canvaslms.com/api/lti/authorize_redirect",
        "--token-url=https://sso.canvaslms.com/login/oauth2/token",
        "--keyset-url=https://sso.canvaslms.com/api/lti/security/jwks",
        "--deployment=1:abc",
        "--frame-origin=https://school.instructure.com",
    )
    registration = LtiRegistration.objects.get(client_id="10000000000042")
    assert registration.is_active
    assert list(registration.deployments.values_list("deployment_id", "is_active")) == [
        ("1:abc", True)
    ]
    assert PlatformFrame.objects.get().extra_origins == "https://school.instructure.com"
    assert Key.objects.active().count() == 1
    # again: updates, no duplicate, no second key
    call_command(
        "lti_register",
        "--name=School Canvas (renamed)",
        "--issuer=https://canvas.instructure.com",
        "--client-id=10000000000042",
        "--auth-url=https://sso.canvaslms.com/api/lti/authorize_redirect",
        "--token-url=https://sso.canvaslms.com/login/oauth2/token",
        "--keyset-url=https://sso.canvaslms.com/api/lti/security/jwks",
    )
    assert LtiRegistration.objects.get().name == "School Canvas (renamed)"
    assert Key.objects.count() == 1


def test_lti_register_refuses_a_bad_url(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command(
            "lti_register",
            "--name=x",
            "--issuer=x",
            "--client-id=y",
            "--auth-url=not a url",
            "--token-url=https://a.example/t",
            "--keyset-url=https://a.example/k",
        )


def test_rotate_keys_adds_a_key_to_the_jwks(db):
    Key.objects.generate()
    call_command("rotate_keys", "--deactivate-after=7")
    jwks = Client().get("/lti/jwks/").json()
    assert len(jwks["keys"]) == 2
    assert all(key["alg"] == "RS256" and key["use"] == "sig" for key in jwks["keys"])
    Key.objects.update(datetime_created="2000-01-01T00:00:00Z")
    call_command("rotate_keys", "--deactivate-after=7")
    assert len(Client().get("/lti/jwks/").json()["keys"]) == 1


def test_configuration_page_is_for_staff_only(platform: Platform, school):
    url = reverse("lti:config")
    client = Client()
    assert client.get(url).status_code == 302
    client.force_login(school.teacher)
    assert client.get(url).status_code == 302
    client.force_login(school.admin)
    response = client.get(url, secure=True)
    text = response.content.decode()
    assert response.status_code == 200
    for part in (
        "https://testserver/lti/login/",
        "https://testserver/lti/launch/",
        "https://testserver/lti/jwks/",
        "oidc_initiation_url",
        "Fake LMS",
    ):
        assert part in text
