"""What an assignment's status, dates, late policy, extensions and revision limit allow a
student to submit (essays/services.revision_submit), and what the pages then say."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from essays.models import Assignment, Essay, Extension, Revision
from essays.selectors import assignments_for_student
from essays.services import essay_for, revision_submit
from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY


def _submit(school, student=None, now=None):
    essay = essay_for(assignment=school.assignment, student=student or school.student)
    return revision_submit(essay=essay, text=UNIFORM_ESSAY, now=now)


def _set(assignment: Assignment, **fields) -> None:
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.save()


@pytest.fixture
def past_due(school):
    _set(school.assignment, due_at=timezone.now() - timedelta(hours=1))
    return school.assignment


def test_on_time_is_not_late(school):
    _set(school.assignment, due_at=timezone.now() + timedelta(days=1), late_policy="mark")
    assert _submit(school).late is False


def test_mark_policy_accepts_and_flags_late_work(school, past_due):
    _set(past_due, late_policy=Assignment.LatePolicy.MARK)
    assert _submit(school).late is True


def test_accept_policy_accepts_without_a_flag(school, past_due):
    _set(past_due, late_policy=Assignment.LatePolicy.ACCEPT)
    assert _submit(school).late is False


def test_refuse_policy_refuses_and_saves_nothing(school, past_due):
    _set(past_due, late_policy=Assignment.LatePolicy.REFUSE)
    with pytest.raises(ValidationError) as caught:
        _submit(school)
    assert caught.value.code == "closed"
    assert "does not accept late work" in caught.value.messages[0]
    assert not Revision.objects.exists()


def test_an_extension_moves_the_due_date_for_that_student_only(school, past_due):
    _set(past_due, late_policy=Assignment.LatePolicy.REFUSE)
    Extension.objects.create(
        assignment=past_due, student=school.student, due_at=timezone.now() + timedelta(days=2)
    )
    assert _submit(school).late is False
    with pytest.raises(ValidationError):
        _submit(school, student=school.classmate)
    # Past the extension too: late (under "mark") by the extension's date.
    _set(past_due, late_policy=Assignment.LatePolicy.MARK)
    later = timezone.now() + timedelta(days=3)
    assert _submit(school, now=later).late is True
    assert _submit(school, now=timezone.now()).late is False


def test_an_extension_can_also_be_earlier_than_the_class_date(school):
    _set(school.assignment, due_at=timezone.now() + timedelta(days=5), late_policy="mark")
    Extension.objects.create(
        assignment=school.assignment,
        student=school.student,
        due_at=timezone.now() - timedelta(minutes=1),
    )
    assert _submit(school).late is True


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"status": Assignment.Status.DRAFT}, "draft"),
        ({"status": Assignment.Status.ARCHIVED}, "archived"),
        ({"opens_at": "FUTURE"}, "not_open"),
    ],
)
def test_closed_assignments_refuse_submissions(school, fields, code):
    if fields.get("opens_at") == "FUTURE":
        fields = {"opens_at": timezone.now() + timedelta(hours=3)}
    _set(school.assignment, **fields)
    with pytest.raises(ValidationError) as caught:
        _submit(school)
    assert caught.value.code == code
    assert not Revision.objects.exists()


def test_opening_time_passed_is_open(school):
    _set(school.assignment, opens_at=timezone.now() - timedelta(minutes=1))
    assert _submit(school).number == 1


def test_revision_limit(school):
    _set(school.assignment, max_revisions=2)
    assert [_submit(school).number for _ in range(2)] == [1, 2]
    with pytest.raises(ValidationError) as caught:
        _submit(school)
    assert caught.value.code == "revisions_used"
    assert "allows 2 submissions" in caught.value.messages[0]
    assert Revision.objects.count() == 2
    # Another student has their own allowance.
    assert _submit(school, student=school.classmate).number == 1


def test_a_revision_returned_by_the_teacher_allows_one_more(school):
    from coaching.models import TeacherReview

    _set(school.assignment, max_revisions=1)
    first = _submit(school)
    with pytest.raises(ValidationError):
        _submit(school)
    TeacherReview.objects.create(
        revision=first,
        teacher=school.teacher,
        points={},
        total=0,
        max_total=0,
        returned_at=timezone.now(),
        return_note="Add a counter-argument.",
    )
    assert _submit(school).number == 2
    with pytest.raises(ValidationError):
        _submit(school)


def test_no_limit_when_zero(school):
    _set(school.assignment, max_revisions=0)
    assert [_submit(school).number for _ in range(4)] == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"late_policy": "refuse", "due_at": "PAST"}, "does not accept late work"),
        ({"max_revisions": 1}, "allows 1 submission"),
        ({"status": "archived"}, "This assignment is closed"),
    ],
)
def test_the_submit_page_refuses_with_a_message_and_keeps_the_text(school, fields, message):
    if fields.get("due_at") == "PAST":
        fields = {**fields, "due_at": timezone.now() - timedelta(days=1)}
    client = client_for(school.student)
    url = reverse("essays:essay_submit", args=[school.assignment.pk])
    if "max_revisions" in fields:
        _set(school.assignment, **fields)
        assert client.post(url, {"text": "My first go at it."}).status_code == 302
    else:
        _set(school.assignment, **fields)
    response = client.post(url, {"text": "Words I must not lose, typed at the last minute."})
    body = response.content.decode()
    assert response.status_code == 422
    assert message in body
    assert "Words I must not lose, typed at the last minute." in body
    essay = Essay.objects.get(assignment=school.assignment, student=school.student)
    assert essay.draft_text.startswith("Words I must not lose")


def test_late_submission_under_mark_is_accepted_and_the_editor_says_so(school):
    _set(school.assignment, late_policy="mark", due_at=timezone.now() - timedelta(days=1))
    client = client_for(school.student)
    editor = client.get(reverse("essays:essay_edit", args=[school.assignment.pk])).content
    assert "your teacher will see that it came in late" in editor.decode()
    response = client.post(
        reverse("essays:essay_submit", args=[school.assignment.pk]), {"text": UNIFORM_ESSAY}
    )
    assert response.status_code == 302
    assert Revision.objects.get().late is True


def test_upload_is_refused_when_closed(school):
    _set(school.assignment, late_policy="refuse", due_at=timezone.now() - timedelta(days=1))
    client = client_for(school.student)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("essay.txt", b"An uploaded essay.")
    response = client.post(
        reverse("essays:draft_upload", args=[school.assignment.pk]), {"file": upload}, follow=True
    )
    assert "does not accept late work" in response.content.decode()
    assert not Essay.objects.filter(draft_text__contains="uploaded").exists()


def test_the_students_list_uses_their_extension_and_orders_open_work_first(school):
    now = timezone.now()
    from tests.factories import AssignmentFactory

    closed = AssignmentFactory(
        classroom=school.classroom,
        title="Closed one",
        due_at=now - timedelta(days=3),
        late_policy="refuse",
    )
    AssignmentFactory(classroom=school.classroom, title="Draft one", status="draft")
    _set(school.assignment, due_at=now - timedelta(days=1), late_policy="refuse")
    Extension.objects.create(
        assignment=school.assignment, student=school.student, due_at=now + timedelta(days=1)
    )
    rows = assignments_for_student(school.student)
    assert [row.assignment.title for row in rows] == ["Uniforms", "Closed one"]
    assert rows[0].availability.can_submit and rows[0].due > now
    assert rows[1].availability.key == "closed"
    classmate_rows = assignments_for_student(school.classmate)
    assert [r.availability.key for r in classmate_rows] == ["closed", "closed"]
    assert closed.pk in {r.assignment.pk for r in classmate_rows}
