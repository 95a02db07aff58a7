"""Sign-up with a name and a role, settings and time zones, co-teachers and invitations."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from essays.models import ClassInvite, Membership, User
from essays.services import invite_email_send
from tests.conftest import client_for, htmx_headers
from tests.factories import PASSWORD

SIGNUP = {
    "display_name": "  Robin   Writer ",
    "email": "Robin@School.test",
    "password1": "Essays-fun-2026",
    "password2": "Essays-fun-2026",
}


# --- sign-up -------------------------------------------------------------------------


def test_signup_needs_a_name_and_ties_the_error_to_it(db):
    response = Client().post(reverse("account_signup"), {**SIGNUP, "display_name": "  "})
    assert response.status_code == 200  # allauth shows the form again
    body = response.content.decode()
    assert 'id="id_display_name_error"' in body
    assert 'aria-describedby="id_display_name_helptext id_display_name_error"' in body
    assert not User.objects.exists()


def test_a_student_signs_up_with_name_and_lands_on_assignments(db):
    client = Client()
    response = client.post(reverse("account_signup"), {**SIGNUP, "role": "student"})
    user = User.objects.get(email="robin@school.test")
    assert (user.display_name, user.role) == ("Robin Writer", "student")
    assert client.get(response["Location"])["Location"] == reverse("essays:assignment_list")


def test_a_teacher_signs_up_and_lands_on_the_dashboard(db):
    client = Client()
    response = client.post(
        reverse("account_signup"), {**SIGNUP, "role": "teacher", "time_zone": "Europe/Madrid"}
    )
    user = User.objects.get(email="robin@school.test")
    assert user.is_teacher and user.time_zone == "Europe/Madrid"
    assert client.get(response["Location"])["Location"] == reverse("essays:teach_dashboard")


def test_signup_ignores_a_time_zone_that_does_not_exist(db):
    Client().post(
        reverse("account_signup"), {**SIGNUP, "role": "student", "time_zone": "Mars/Base"}
    )
    assert User.objects.get().time_zone == ""


def test_closed_teacher_signup_has_no_choice_and_makes_students(db, settings):
    settings.TEACHER_SIGNUP = "closed"
    client = Client()
    assert 'name="role"' not in client.get(reverse("account_signup")).content.decode()
    client.post(reverse("account_signup"), {**SIGNUP, "role": "teacher"})
    assert User.objects.get().role == "student"


def test_teacher_signup_by_code(db, settings):
    settings.TEACHER_SIGNUP = "code"
    settings.TEACHER_SIGNUP_CODE = "staffroom-42"
    client = Client()
    assert 'name="teacher_code"' in client.get(reverse("account_signup")).content.decode()
    wrong = client.post(
        reverse("account_signup"), {**SIGNUP, "role": "teacher", "teacher_code": "guess"}
    )
    assert "not this school&#x27;s teacher code" in wrong.content.decode()
    assert 'id="id_teacher_code_error"' in wrong.content.decode()
    assert not User.objects.exists()
    # A student needs no code.
    client.post(reverse("account_signup"), {**SIGNUP, "role": "student"})
    assert User.objects.get().role == "student"
    User.objects.all().delete()
    Client().post(
        reverse("account_signup"),
        {**SIGNUP, "role": "teacher", "teacher_code": " staffroom-42 "},
    )
    assert User.objects.get().role == "teacher"


@pytest.mark.parametrize("value", ["sometimes", ""])
def test_a_bad_teacher_signup_setting_stops_startup(monkeypatch, value):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import config.settings

    monkeypatch.setenv("TEACHER_SIGNUP", value or "code")
    monkeypatch.delenv("TEACHER_SIGNUP_CODE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="TEACHER_SIGNUP"):
        importlib.reload(config.settings)
    monkeypatch.undo()
    importlib.reload(config.settings)


# --- settings and time zones ---------------------------------------------------------


def test_settings_page_as_every_persona_changes_only_your_own_account(school):
    for persona, user in school.personas().items():
        url = reverse("essays:preferences")
        if user is None:
            for response in (Client().get(url), Client().post(url, {"display_name": "X"})):
                assert response.status_code == 302, persona
            continue
        client = client_for(user)
        for headers in ({}, htmx_headers()):
            page = client.get(url, headers=headers)
            assert page.status_code == 200
            body = page.content.decode()
            assert user.email in body
            others = [p for p in school.personas().values() if p and p != user]
            assert not any(
                re.search(r"(?<![\w.-])" + re.escape(other.email), body) for other in others
            )
        response = client.post(
            url,
            {
                "display_name": f"New {persona}",
                "time_zone": "Asia/Tokyo",
                "email_on_feedback": "",
                "email_digest": "",
            },
        )
        assert response["Location"] == url
    for persona, user in school.personas().items():
        if user is None:
            continue
        user.refresh_from_db()
        assert user.display_name == f"New {persona}"
        assert user.time_zone == "Asia/Tokyo"
        assert user.email_on_feedback is False
        # The digest is a teacher's e-mail: students neither see nor change it.
        assert user.email_digest is (not user.is_teacher)


def test_settings_show_the_digest_choice_to_teachers_only(school):
    url = reverse("essays:preferences")
    assert 'name="email_digest"' in client_for(school.teacher).get(url).content.decode()
    student_page = client_for(school.student).get(url).content.decode()
    assert 'name="email_digest"' not in student_page
    assert 'name="email_on_feedback"' in student_page


def test_settings_reject_an_unknown_time_zone_and_an_empty_name(school):
    response = client_for(school.student).post(
        reverse("essays:preferences"),
        {"display_name": " ", "time_zone": "Europe/Atlantis", "email_on_feedback": "on"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_time_zone_error"' in body and 'id="id_display_name_error"' in body
    school.student.refresh_from_db()
    assert (school.student.display_name, school.student.time_zone) == ("Sam Student", "")


def test_times_are_shown_in_the_users_time_zone(school):
    school.assignment.due_at = datetime(2030, 1, 15, 12, 0, tzinfo=UTC)
    school.assignment.save()
    url = reverse("essays:assignment_list")
    assert "15 Jan 2030, 12:00" in client_for(school.student).get(url).content.decode()
    school.student.time_zone = "Asia/Tokyo"
    school.student.save()
    assert "15 Jan 2030, 21:00" in client_for(school.student).get(url).content.decode()
    # The next person's request is back on the server's zone.
    school.classmate.time_zone = ""
    school.classmate.save()
    assert "15 Jan 2030, 12:00" in client_for(school.classmate).get(url).content.decode()


def test_a_zone_the_server_no_longer_knows_falls_back_to_the_servers(school):
    User.objects.filter(pk=school.student.pk).update(time_zone="Nowhere/Gone")
    response = client_for(school.student).get(reverse("essays:assignment_list"))
    assert response.status_code == 200


def test_the_feedback_stream_renders_in_the_viewers_time_zone(school, monkeypatch):
    from django.utils import timezone

    from coaching import views

    monkeypatch.setattr(
        views,
        "_render_events",
        lambda request, pk, user, after: ([timezone.get_current_timezone_name()], after, True),
    )
    school.student.time_zone = "America/Chicago"
    assert views._render_events_for(None, 1, school.student, 0)[0] == ["America/Chicago"]
    school.classmate.time_zone = ""
    assert views._render_events_for(None, 1, school.classmate, 0)[0] == ["UTC"]


# --- co-teachers ---------------------------------------------------------------------


def _class_url(school) -> str:
    return reverse("essays:teach_class_detail", args=[school.classroom.pk])


def test_add_an_existing_teacher_as_co_teacher(school):
    url = reverse("essays:teach_coteacher_add", args=[school.classroom.pk])
    response = client_for(school.teacher).post(
        url, {"coteacher-email": " Other-Teacher@School.test "}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(classroom=school.classroom, user=school.other_teacher)
    assert membership.role == "teacher"
    assert (
        "English 9"
        in client_for(school.other_teacher).get(reverse("essays:teach_dashboard")).content.decode()
    )


def test_a_student_account_cannot_be_made_co_teacher(school):
    url = reverse("essays:teach_coteacher_add", args=[school.classroom.pk])
    response = client_for(school.teacher).post(url, {"coteacher-email": school.outsider.email})
    assert response.status_code == 400
    body = response.content.decode()
    assert "belongs to a student account" in body
    assert 'id="id_coteacher-email_error"' in body
    assert not Membership.objects.filter(user=school.outsider, classroom=school.classroom).exists()
    again = client_for(school.teacher).post(url, {"coteacher-email": school.co_teacher.email})
    assert "already teaches this class" in again.content.decode()


def test_a_co_teacher_without_an_account_is_invited(school, django_capture_on_commit_callbacks):
    url = reverse("essays:teach_coteacher_add", args=[school.classroom.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        client_for(school.co_teacher).post(url, {"coteacher-email": "Fresh@School.test"})
    invite = ClassInvite.objects.get(email="fresh@school.test")
    assert invite.role == "teacher" and invite.invited_by == school.co_teacher
    assert len(callbacks) == 1  # the e-mail is queued once the invitation is saved


def test_co_teachers_leave_but_the_owner_stays(school):
    client = client_for(school.co_teacher)
    owner_url = reverse(
        "essays:teach_coteacher_remove", args=[school.classroom.pk, school.teacher.pk]
    )
    client.post(owner_url)
    assert Membership.objects.filter(user=school.teacher, classroom=school.classroom).exists()
    own_url = reverse(
        "essays:teach_coteacher_remove", args=[school.classroom.pk, school.co_teacher.pk]
    )
    response = client.post(own_url)
    assert response["Location"] == reverse("essays:teach_dashboard")
    assert not Membership.objects.filter(
        user=school.co_teacher, classroom=school.classroom
    ).exists()
    assert client.get(_class_url(school)).status_code == 404


# --- inviting students ---------------------------------------------------------------


STUDENT = "student@school.test"


def test_invite_students_by_email(school, django_capture_on_commit_callbacks):
    url = reverse("essays:teach_invite_create", args=[school.classroom.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        response = client_for(school.teacher).post(
            url,
            {"invite-emails": "Pat@School.test, lee@school.test\npat@school.test; " + STUDENT},
            follow=True,
        )
    body = response.content.decode()
    assert "2 invitations sent: pat@school.test, lee@school.test." in body
    assert "Already in the class, so not invited: student@school.test." in body
    assert sorted(ClassInvite.objects.values_list("email", flat=True)) == [
        "lee@school.test",
        "pat@school.test",
    ]
    assert len(callbacks) == 2
    assert "Waiting for an answer" in body and "pat@school.test" in body


def test_a_bad_address_sends_nothing_and_says_which(school):
    url = reverse("essays:teach_invite_create", args=[school.classroom.pk])
    response = client_for(school.teacher).post(
        url, {"invite-emails": "ok@school.test, not-an-address"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "These are not e-mail addresses: not-an-address" in body
    assert 'aria-describedby="id_invite-emails_helptext id_invite-emails_error"' in body
    assert not ClassInvite.objects.exists()


def test_an_archived_class_sends_no_invitations(school):
    from django.utils import timezone

    school.classroom.archived_at = timezone.now()
    school.classroom.save()
    url = reverse("essays:teach_invite_create", args=[school.classroom.pk])
    response = client_for(school.teacher).post(url, {"invite-emails": "a@school.test"})
    assert response.status_code == 400
    assert not ClassInvite.objects.exists()


def test_the_invitation_email_carries_a_working_link(school):
    from huey.contrib.djhuey import HUEY

    from essays.services import students_invite

    invite_immediately = HUEY.immediate
    HUEY.immediate = True
    try:
        from django.db import transaction

        with transaction.atomic():
            students_invite(
                classroom=school.classroom,
                emails=["pat@school.test"],
                invited_by=school.teacher,
                base_url="http://essays.test/",
            )
        # Inside the test's transaction on_commit never fires: send as the task would.
        assert invite_email_send(
            invite_id=ClassInvite.objects.get().pk, base_url="http://essays.test/"
        )
    finally:
        HUEY.immediate = invite_immediately
    message = mail.outbox[-1]
    invite = ClassInvite.objects.get()
    assert message.to == ["pat@school.test"]
    assert message.subject == "Ms Teacher invited you to join English 9 on EssayCoach"
    assert f"http://essays.test/invites/{invite.token}/" in message.body


def test_an_accepted_invitation_is_not_emailed_again(school):
    invite = ClassInvite.objects.create(classroom=school.classroom, email="x@school.test")
    from django.utils import timezone

    invite.accepted_at = timezone.now()
    invite.save()
    assert not invite_email_send(invite_id=invite.pk, base_url="http://essays.test/")
    assert not mail.outbox


def test_withdraw_an_invitation(school):
    invite = ClassInvite.objects.create(classroom=school.classroom, email="x@school.test")
    url = reverse("essays:teach_invite_cancel", args=[school.classroom.pk, invite.pk])
    client_for(school.teacher).post(url)
    assert not ClassInvite.objects.exists()
    assert (
        client_for(school.teacher)
        .get(reverse("essays:invite_accept", args=[invite.token]))
        .status_code
        == 404
    )


# --- accepting an invitation ---------------------------------------------------------


def _accept_url(invite) -> str:
    return reverse("essays:invite_accept", args=[invite.token])


def test_a_new_student_signs_up_through_the_invitation_and_joins(school):
    invite = ClassInvite.objects.create(
        classroom=school.classroom, email="pat@school.test", invited_by=school.teacher
    )
    client = Client()
    page = client.get(_accept_url(invite)).content.decode()
    assert "Join English 9" in page and "Ms Teacher invited you." in page
    signup_link = f"{reverse('account_signup')}?next=%2Finvites%2F{invite.token}%2F"
    assert signup_link in page
    response = client.post(
        signup_link,
        {**SIGNUP, "email": "pat@school.test", "display_name": "Pat", "role": "student"},
    )
    assert response["Location"] == _accept_url(invite)
    assert "Join the class" in client.get(_accept_url(invite)).content.decode()
    response = client.post(_accept_url(invite))
    assert response["Location"] == reverse("essays:assignment_list")
    pat = User.objects.get(email="pat@school.test")
    assert Membership.objects.get(classroom=school.classroom, user=pat).role == "student"
    invite.refresh_from_db()
    assert invite.accepted_at is not None
    # Accepted once: the link does not work again.
    again = client.post(_accept_url(invite))
    assert again.status_code == 403
    assert "already been used" in again.content.decode()


def test_an_invitation_for_another_address_is_refused_clearly(school):
    invite = ClassInvite.objects.create(classroom=school.classroom, email="pat@school.test")
    client = client_for(school.outsider)
    for response in (client.get(_accept_url(invite)), client.post(_accept_url(invite))):
        assert response.status_code == 403
        body = response.content.decode()
        assert "sent to another e-mail address" in body
        assert "signed in as outsider@school.test" in body
        assert "Join the class</button>" not in body
    assert not Membership.objects.filter(user=school.outsider, classroom=school.classroom).exists()
    invite.refresh_from_db()
    assert invite.accepted_at is None


def test_signed_out_posting_an_invitation_goes_to_login_and_changes_nothing(school):
    invite = ClassInvite.objects.create(classroom=school.classroom, email="pat@school.test")
    response = Client().post(_accept_url(invite), headers=htmx_headers())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    invite.refresh_from_db()
    assert invite.accepted_at is None


def test_an_unknown_invitation_is_404(school):
    assert client_for(school.student).get("/invites/not-a-token/").status_code == 404
    assert Client().get("/invites/not-a-token/").status_code == 404


def test_a_co_teacher_invitation_makes_a_teacher(school):
    invite = ClassInvite.objects.create(
        classroom=school.classroom, email=school.outsider.email, role="teacher"
    )
    # The outsider signed up as a student; the invitation (from a teacher) is the proof.
    response = client_for(school.outsider).post(_accept_url(invite))
    assert response["Location"] == _class_url(school)
    school.outsider.refresh_from_db()
    assert school.outsider.is_teacher
    assert (
        Membership.objects.get(user=school.outsider, classroom=school.classroom).role == "teacher"
    )


def test_invitation_to_an_archived_class_is_refused(school):
    from django.utils import timezone

    invite = ClassInvite.objects.create(classroom=school.classroom, email=school.outsider.email)
    school.classroom.archived_at = timezone.now()
    school.classroom.save()
    response = client_for(school.outsider).post(_accept_url(invite))
    assert response.status_code == 403
    assert "archived" in response.content.decode()


def test_an_invitation_accepted_as_every_persona(school):
    """Only the addressee joins; for everyone else nothing changes."""
    for persona, user in school.personas().items():
        invite = ClassInvite.objects.create(
            classroom=school.classroom, email=f"pat-{persona}@school.test"
        )
        client = client_for(user) if user else Client()
        for headers in ({}, htmx_headers()):
            get = client.get(_accept_url(invite), headers=headers)
            post = client.post(_accept_url(invite), headers=headers)
            if user is None:
                assert get.status_code == 200 and post.status_code == 302
            else:
                assert get.status_code == 403 and post.status_code == 403
        invite.refresh_from_db()
        assert invite.accepted_at is None
    assert PASSWORD  # personas log in with the factories' password elsewhere
