"""E-mail: feedback released or revision requested, the teachers' digest, unsubscribe."""

from __future__ import annotations

import re
from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coaching import mail as coaching_mail
from coaching.services import review_release, review_return, review_save, review_unrelease
from essays.models import Revision, User
from tests.factories import UNIFORM_ESSAY


def _marked(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: 3 for c in school.assignment.rubric.criteria.all()},
    )
    return revision


def test_release_e_mails_the_student_once_committed(
    school, analysed, django_capture_on_commit_callbacks
):
    from huey.contrib.djhuey import HUEY

    revision = _marked(school, analysed)
    HUEY.immediate = True  # the task runs here, as the worker would run it
    try:
        with django_capture_on_commit_callbacks(execute=True):
            review_release(revision=revision, teacher=school.teacher)
    finally:
        HUEY.immediate = False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["student@school.test"]
    assert "Uniforms" in message.subject
    assert f"/revisions/{revision.pk}/" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert "/unsubscribe/" in message.body


def test_return_e_mails_what_to_fix(school, analysed, django_capture_on_commit_callbacks):
    revision = _marked(school, analysed)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        review_return(revision=revision, teacher=school.teacher, note="Add a counter-argument.")
    assert callbacks
    coaching_mail.feedback_mail_send(review_id=revision.review.pk, event="returned")
    assert "Add a counter-argument." in mail.outbox[0].body
    assert "revision" in mail.outbox[0].subject.lower()


def test_no_e_mail_when_the_student_turned_them_off_or_it_was_withdrawn(school, analysed):
    revision = _marked(school, analysed)
    review_release(revision=revision, teacher=school.teacher)
    review_unrelease(revision=revision, teacher=school.teacher)
    assert not coaching_mail.feedback_mail_send(review_id=revision.review.pk, event="released")
    review_release(revision=revision, teacher=school.teacher)
    User.objects.filter(pk=school.student.pk).update(email_on_feedback=False)
    assert not coaching_mail.feedback_mail_send(review_id=revision.review.pk, event="released")
    assert mail.outbox == []


def test_unsubscribe_link_works_without_login_and_only_for_its_person(school, analysed):
    token = coaching_mail.unsubscribe_token(school.student, "feedback")
    url = reverse("coaching:unsubscribe", args=[token])
    anonymous = Client()
    page = anonymous.get(url)
    assert page.status_code == 200
    assert "student@school.test" in page.content.decode()
    school.student.refresh_from_db()
    assert school.student.email_on_feedback  # a GET (a mail scanner) changes nothing
    assert anonymous.post(url).status_code == 200
    school.student.refresh_from_db()
    assert not school.student.email_on_feedback
    school.classmate.refresh_from_db()
    assert school.classmate.email_on_feedback
    # a forged or altered token does nothing
    forged = reverse("coaching:unsubscribe", args=[token[:-2] + "xx"])
    assert "not valid" in anonymous.post(forged).content.decode()


def test_one_click_unsubscribe_needs_no_csrf_token(school):
    token = coaching_mail.unsubscribe_token(school.teacher, "digest")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("coaching:unsubscribe", args=[token]), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    school.teacher.refresh_from_db()
    assert not school.teacher.email_digest


def test_daily_digest_to_teachers_who_want_it(school, analysed):
    analysed(UNIFORM_ESSAY)
    User.objects.filter(pk=school.co_teacher.pk).update(email_digest=False)
    call_command("send_digest")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["teacher@school.test"]  # not the co-teacher, not other teachers
    body = mail.outbox[0].body
    assert "Uniforms" in body and "1 new, 1 waiting for marking" in body
    assert "/unsubscribe/" in body
    link = re.search(r"http\S+/unsubscribe/\S+/", body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    Client().post("/" + path)
    school.teacher.refresh_from_db()
    assert not school.teacher.email_digest


def test_no_digest_when_nothing_is_new(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    Revision.objects.filter(pk=revision.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert coaching_mail.digest_send() == 0
    assert mail.outbox == []
