"""LTI Advantage against the fake LMS: scores to its gradebook (AGS), deep linking (a
link with a line item), the roster (NRPS). The LMS checks our signed client assertion,
our deep linking JWT and its own access tokens with lti1p3platform."""

from __future__ import annotations

import html
import re

import jwt
import pytest
import requests
from django.test import Client
from django.urls import reverse

from coaching.review import rubric_range
from coaching.services import review_release, review_save, review_unrelease
from essays.lti import grades
from essays.lti.models import GradeSync, LtiClass, LtiLink
from essays.lti.tasks import grade_sync_task, roster_sync_task
from essays.models import Assignment, Membership, User
from essays.services import essay_for, revision_submit
from tests.factories import AssignmentFactory, RubricFactory
from tests.fake_lms import INSTRUCTOR, LEARNER, LaunchSpec
from tests.lti_helpers import (  # noqa: F401 (platform_fixture: the `platform` fixture)
    Platform,
    launch,
    platform_fixture,
)

pytestmark = pytest.mark.django_db
ESSAY = " ".join(["Uniforms make mornings simpler and help students focus on learning."] * 8)


def _teacher_launch(platform: Platform, client: Client | None = None, **kw) -> Client:
    client = client or Client()
    platform.lms.add_launch("t", LaunchSpec(sub="teacher-1", roles=[INSTRUCTOR], **kw))
    launch(client, platform.lms, "t")
    return client


def _linked_assignment(platform: Platform) -> tuple[Assignment, str, User]:
    """A teacher's course with an assignment the LMS links with a gradebook column, and a
    student who opened it from the LMS."""
    _teacher_launch(platform)
    assignment = AssignmentFactory(classroom=LtiClass.objects.get().classroom)
    item = platform.lms.lineitem_create("course-1", {"label": "Essay", "scoreMaximum": 12})
    platform.lms.add_launch(
        "s",
        LaunchSpec(
            sub="student-1",
            roles=[LEARNER],
            custom={"essaycoach_assignment": str(assignment.pk)},
            lineitem=item["id"],
        ),
    )
    launch(Client(), platform.lms, "s")
    student = User.objects.get(lti_users__sub="student-1")
    return assignment, item["id"], student


def _run_pending() -> None:
    for sync in GradeSync.objects.filter(status=GradeSync.Status.QUEUED):
        grade_sync_task.call_local(sync.pk)


def test_submission_is_pending_release_is_graded_and_a_change_updates(
    platform: Platform, django_capture_on_commit_callbacks
):
    assignment, item_id, student = _linked_assignment(platform)
    teacher = User.objects.get(lti_users__sub="teacher-1")
    lms = platform.lms

    with django_capture_on_commit_callbacks() as queued:
        revision = revision_submit(
            essay=essay_for(assignment=assignment, student=student), text=ESSAY
        )
    assert GradeSync.objects.get().status == GradeSync.Status.QUEUED
    assert queued  # the task goes to Huey once the submission is committed
    _run_pending()
    pending = lms.scores[-1]
    assert pending["lineitem"] == item_id and pending["userId"] == "student-1"
    assert pending["gradingProgress"] == "PendingManual" and "scoreGiven" not in pending

    points = {c.pk: 3 for c in assignment.rubric.criteria.all()}
    review_save(revision=revision, teacher=teacher, points=points)
    _run_pending()
    assert len(lms.scores) == 1  # saving marks sends nothing: only release does
    review_release(revision=revision, teacher=teacher)
    _run_pending()
    graded = lms.scores[-1]
    _low, maximum = rubric_range(assignment)
    assert graded["gradingProgress"] == "FullyGraded" and graded["userId"] == "student-1"
    assert graded["scoreGiven"] == pytest.approx(0.75 * maximum)
    assert graded["scoreMaximum"] == maximum

    review_save(revision=revision, teacher=teacher, points={c: 4 for c in points})
    review_release(revision=revision, teacher=teacher)
    _run_pending()
    assert lms.scores[-1]["scoreGiven"] == pytest.approx(maximum)
    sync = GradeSync.objects.get()
    assert sync.status == GradeSync.Status.SENT and sync.score_given == pytest.approx(maximum)

    review_unrelease(revision=revision, teacher=teacher)
    _run_pending()
    assert lms.scores[-1]["gradingProgress"] == "PendingManual"


def test_a_refused_score_is_retried_by_huey_and_shown_to_the_teacher(platform: Platform, settings):
    assignment, _item, student = _linked_assignment(platform)
    revision_submit(essay=essay_for(assignment=assignment, student=student), text=ESSAY)
    platform.lms.fail_scores = True
    sync = GradeSync.objects.get()
    with pytest.raises(grades.ServiceError):
        grade_sync_task.call_local(sync.pk)  # raising is what makes Huey retry
    assert grade_sync_task.retries == settings.LTI_GRADE_RETRIES > 0
    sync.refresh_from_db()
    assert sync.status == GradeSync.Status.FAILED and "HTTP 403" in sync.last_error

    teacher = User.objects.get(lti_users__sub="teacher-1")
    client = Client()
    client.force_login(teacher)
    page = client.get(reverse("coaching:submissions", args=[assignment.pk])).content.decode()
    assert "LMS gradebook" in page and "1 failed" in page and "HTTP 403" in page
    assert student.name in page

    platform.lms.fail_scores = False
    response = client.post(reverse("lti:grades_resend", args=[assignment.pk]))
    assert response.status_code == 302
    assert GradeSync.objects.get().status == GradeSync.Status.QUEUED
    _run_pending()
    assert GradeSync.objects.get().status == GradeSync.Status.SENT


def test_an_unreachable_lms_is_a_failure_too(platform: Platform):
    assignment, _item, student = _linked_assignment(platform)
    revision_submit(essay=essay_for(assignment=assignment, student=student), text=ESSAY)
    LtiLink.objects.update(lineitem_url="http://127.0.0.1:9/lineitems/nowhere/1")
    with pytest.raises(grades.ServiceError):
        grade_sync_task.call_local(GradeSync.objects.get().pk)
    assert GradeSync.objects.get().status == GradeSync.Status.FAILED


def test_a_student_unknown_to_the_lms_is_shown_not_retried(platform: Platform):
    assignment, _item, _student = _linked_assignment(platform)
    outsider = User.objects.create_user(email="joined-by-code@school.test")
    Membership.objects.create(classroom=assignment.classroom, user=outsider)
    revision_submit(essay=essay_for(assignment=assignment, student=outsider), text=ESSAY)
    sync = GradeSync.objects.get(student=outsider)
    grade_sync_task.call_local(sync.pk)  # no exception: Huey does not retry it
    sync.refresh_from_db()
    assert sync.status == GradeSync.Status.FAILED
    assert "never opened EssayCoach from the LMS" in sync.last_error
    assert not platform.lms.scores


def test_only_the_assignments_teachers_can_resend(platform: Platform, school):
    assignment, _item, _student = _linked_assignment(platform)
    client = Client()
    client.force_login(school.teacher)  # teaches another class
    assert client.post(reverse("lti:grades_resend", args=[assignment.pk])).status_code == 404


def test_assignments_without_an_lms_link_send_nothing(school):
    revision_submit(
        essay=essay_for(assignment=school.assignment, student=school.student), text=ESSAY
    )
    assert not GradeSync.objects.exists()


# --- deep linking --------------------------------------------------------------------------


def _deep_link_client(platform: Platform) -> Client:
    _teacher_launch(platform)  # the course's class exists
    client = Client()
    platform.lms.add_launch("dl", LaunchSpec(sub="teacher-1", roles=[INSTRUCTOR], deep_link=True))
    response = launch(client, platform.lms, "dl")
    assert response.status_code == 302 and response["Location"] == reverse("lti:deep_link")
    return client


def _returned_jwt(response) -> tuple[str, str]:
    text = response.content.decode()
    action = re.search(r'<form id="lti-deep-link-return" method="post" action="([^"]+)"', text)
    token = re.search(r'name="JWT" value="([^"]+)"', text)
    assert action and token, text[:500]
    return html.unescape(action.group(1)), token.group(1)


def test_deep_linking_creates_an_assignment_and_returns_a_link_with_a_line_item(
    platform: Platform,
):
    client = _deep_link_client(platform)
    rubric = RubricFactory(owner=User.objects.get(lti_users__sub="teacher-1"))
    page = client.get(reverse("lti:deep_link"), secure=True)
    assert page.status_code == 200 and "Create and add" in page.content.decode()
    response = client.post(
        reverse("lti:deep_link"),
        {"title": "Letters home", "prompt": "Write to your family.", "rubric": rubric.pk},
        secure=True,
    )
    assert response.status_code == 200
    assert platform.lms.base_url in response["Content-Security-Policy"].split("form-action")[1]
    assignment = Assignment.objects.get(title="Letters home")
    assert assignment.status == Assignment.Status.PUBLISHED
    assert assignment.classroom == LtiClass.objects.get().classroom
    return_url, token = _returned_jwt(response)
    assert return_url == f"{platform.lms.base_url}/deep-link-return/course-1"

    # The LMS checks the JWT against our JWKS and stores the link and its column.
    answer = requests.post(return_url, data={"JWT": token}, timeout=10)
    assert answer.status_code == 200, answer.text
    item = platform.lms.deep_link_items[-1]
    assert item["type"] == "ltiResourceLink"
    assert item["url"] == "https://testserver/lti/launch/"
    assert item["custom"] == {"essaycoach_assignment": str(assignment.pk)}
    _low, maximum = rubric_range(assignment)
    assert item["lineItem"]["scoreMaximum"] == maximum
    assert item["lineItem"]["label"] == "Letters home"

    # A student opening that link lands on the assignment; its column is remembered.
    platform.lms.add_launch(
        "s",
        LaunchSpec(
            sub="student-1",
            roles=[LEARNER],
            resource_link_id="link-from-dl",
            custom=item["custom"],
            lineitem=item["_lineitem_id"],
        ),
    )
    landed = launch(Client(), platform.lms, "s")
    assert landed["Location"] == reverse("essays:essay_edit", args=[assignment.pk])
    assert LtiLink.objects.get(assignment=assignment).lineitem_url == item["_lineitem_id"]


def test_deep_linking_can_pick_an_existing_assignment(platform: Platform):
    client = _deep_link_client(platform)
    existing = AssignmentFactory(classroom=LtiClass.objects.get().classroom, title="Uniforms")
    elsewhere = AssignmentFactory(title="Not this course")
    page = client.get(reverse("lti:deep_link"), secure=True).content.decode()
    assert "Uniforms" in page and "Not this course" not in page
    refused = client.post(reverse("lti:deep_link"), {"assignment": elsewhere.pk}, secure=True)
    assert refused.status_code == 404
    response = client.post(reverse("lti:deep_link"), {"assignment": existing.pk}, secure=True)
    _url, token = _returned_jwt(response)
    claims = jwt.decode(token, options={"verify_signature": False})
    items = claims["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert items[0]["custom"] == {"essaycoach_assignment": str(existing.pk)}


def test_students_cannot_deep_link(platform: Platform):
    _teacher_launch(platform)
    platform.lms.add_launch("dl", LaunchSpec(sub="student-1", roles=[LEARNER], deep_link=True))
    response = launch(Client(), platform.lms, "dl")
    assert response.status_code == 403


def test_the_deep_link_page_needs_a_deep_linking_launch(platform: Platform):
    client = _teacher_launch(platform)  # a resource-link launch
    response = client.get(reverse("lti:deep_link"), secure=True)
    assert response.status_code == 400


# --- roster ------------------------------------------------------------------------------


def test_teacher_syncs_the_roster_from_the_lms(
    platform: Platform, django_capture_on_commit_callbacks
):
    platform.lms.members["course-1"] = [
        {"user_id": "teacher-1", "roles": [INSTRUCTOR], "name": "Ms Lms", "status": "Active"},
        {"user_id": "student-7", "roles": [LEARNER], "name": "New Kid", "status": "Active"},
        {"user_id": "student-8", "roles": [LEARNER], "name": "Left", "status": "Inactive"},
    ]
    client = _teacher_launch(platform)
    classroom = LtiClass.objects.get().classroom
    page = client.get(reverse("essays:teach_class_detail", args=[classroom.pk]), secure=True)
    assert "Sync the roster from the LMS" in page.content.decode()
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("lti:roster_sync", args=[classroom.pk]), secure=True)
    assert response.status_code == 302 and queued  # the worker asks the LMS
    roster_sync_task.call_local(LtiClass.objects.get().pk)
    new_kid = User.objects.get(lti_users__sub="student-7")
    assert new_kid.display_name == "New Kid" and new_kid.role == User.Role.STUDENT
    assert Membership.objects.get(classroom=classroom, user=new_kid).role == "student"
    assert not User.objects.filter(lti_users__sub="student-8").exists()
    assert LtiClass.objects.get().roster_synced_at is not None
    # the new student's first launch finds the same account
    platform.lms.add_launch("s7", LaunchSpec(sub="student-7", roles=[LEARNER]))
    launch(Client(), platform.lms, "s7")
    assert User.objects.filter(lti_users__sub="student-7").count() == 1


def test_a_failed_roster_sync_is_shown(platform: Platform):
    client = _teacher_launch(platform)
    lti_class = LtiClass.objects.get()
    lti_class.context.memberships_url = "http://127.0.0.1:9/memberships/x"
    lti_class.context.save()
    client.post(reverse("lti:roster_sync", args=[lti_class.classroom_id]), secure=True)
    roster_sync_task.call_local(lti_class.pk)
    page = client.get(reverse("essays:teach_class_detail", args=[lti_class.classroom_id]))
    assert "Last roster sync failed" in page.content.decode()


def test_only_the_class_teachers_sync_its_roster(platform: Platform, school):
    _teacher_launch(platform)
    client = Client()
    client.force_login(school.teacher)
    classroom = LtiClass.objects.get().classroom
    assert client.post(reverse("lti:roster_sync", args=[classroom.pk])).status_code == 404
