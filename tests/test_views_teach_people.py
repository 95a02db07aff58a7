"""The teacher's side, people and classes: dashboard, classes, join code, roster.

Every page, fragment and action is tried as every persona, plain and with HX-Request,
with GET and with POST: only the class's teachers get anything but a 404 (or the login
page), and a refused POST changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coaching.models import TeacherReview
from essays.models import ClassInvite, Classroom, Essay, Membership, Revision, User, text_hash
from essays.selectors import revision_for_user
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, AssignmentFactory

PERSONAS = [
    "anonymous",
    "student",
    "classmate",
    "teacher",
    "co_teacher",
    "other_teacher",
    "outsider",
]
TEACHERS_OF_THE_CLASS = {"teacher", "co_teacher"}
TEACHER_ACCOUNTS = {"teacher", "co_teacher", "other_teacher"}


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: Callable[[Any], str]
    methods: tuple[str, ...]  # the methods the view answers; others get 405
    per_class: bool = True  # False: any teacher account may use it
    data: dict[str, str] | None = None


ENDPOINTS = [
    Endpoint("teach_dashboard", lambda s: reverse("essays:teach_dashboard"), ("GET",), False),
    Endpoint(
        "teach_class_create",
        lambda s: reverse("essays:teach_class_create"),
        ("GET", "POST"),
        False,
        {"name": "Poetry club", "description": ""},
    ),
    Endpoint(
        "teach_class_detail",
        lambda s: reverse("essays:teach_class_detail", args=[s.classroom.pk]),
        ("GET",),
    ),
    Endpoint(
        "teach_class_edit",
        lambda s: reverse("essays:teach_class_edit", args=[s.classroom.pk]),
        ("GET", "POST"),
        data={"name": "Renamed", "description": "New words"},
    ),
    Endpoint(
        "teach_class_archive",
        lambda s: reverse("essays:teach_class_archive", args=[s.classroom.pk]),
        ("POST",),
        data={"archive": "1"},
    ),
    Endpoint(
        "teach_class_rotate_code",
        lambda s: reverse("essays:teach_class_rotate_code", args=[s.classroom.pk]),
        ("POST",),
    ),
    Endpoint(
        "teach_student_remove",
        lambda s: reverse("essays:teach_student_remove", args=[s.classroom.pk, s.student.pk]),
        ("GET", "POST"),
    ),
    Endpoint(
        "teach_coteacher_add",
        lambda s: reverse("essays:teach_coteacher_add", args=[s.classroom.pk]),
        ("POST",),
        data={"coteacher-email": "new-colleague@school.test"},
    ),
    Endpoint(
        "teach_coteacher_remove",
        lambda s: reverse("essays:teach_coteacher_remove", args=[s.classroom.pk, s.co_teacher.pk]),
        ("POST",),
    ),
    Endpoint(
        "teach_invite_create",
        lambda s: reverse("essays:teach_invite_create", args=[s.classroom.pk]),
        ("POST",),
        data={"invite-emails": "pat@school.test, lee@school.test"},
    ),
    Endpoint(
        "teach_invite_cancel",
        lambda s: reverse("essays:teach_invite_cancel", args=[s.classroom.pk, _invite(s).pk]),
        ("POST",),
    ),
]


def _invite(school, email: str = "invited@school.test", role: str = "student") -> ClassInvite:
    return ClassInvite.objects.create(
        classroom=school.classroom, email=email, role=role, invited_by=school.teacher
    )


def _snapshot(school) -> tuple:
    """What a refused request must leave untouched."""
    classroom = Classroom.objects.get(pk=school.classroom.pk)
    return (
        classroom.name,
        classroom.description,
        classroom.join_code,
        classroom.archived_at,
        sorted(Membership.objects.values_list("classroom_id", "user_id", "role")),
        Classroom.objects.count(),
        sorted(ClassInvite.objects.values_list("classroom_id", "email", "role", "accepted_at")),
    )


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_every_teacher_page_as_every_persona(school, endpoint, persona, method, htmx):
    user: User | None = school.personas()[persona]
    client = client_for(user) if user else Client()
    url = endpoint.url(school)
    headers = htmx_headers() if htmx else {}
    before = _snapshot(school)
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, endpoint.data or {}, headers=headers)

    allowed = TEACHER_ACCOUNTS if not endpoint.per_class else TEACHERS_OF_THE_CLASS
    if user is None:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif persona not in TEACHER_ACCOUNTS:
        assert response.status_code == 404
    elif method not in endpoint.methods:
        assert response.status_code == 405
    elif persona not in allowed:
        assert response.status_code == 404
    else:
        assert response.status_code in (200, 302), response.content[:500]
        body = response.content.decode()
        if response.status_code == 200 and endpoint.per_class:
            classroom = Classroom.objects.get(pk=school.classroom.pk)
            assert classroom.name in body or classroom.join_code in body
            assert "History 11" not in body  # never another teacher's class
        if endpoint.name == "teach_dashboard":
            own, other = ("History 11", "English 9")
            if persona in TEACHERS_OF_THE_CLASS:
                own, other = other, own
            assert own in body and other not in body
        return
    # Refused: nothing changed, and nothing of the class leaked into the answer.
    assert _snapshot(school) == before
    if response.status_code != 302:
        body = response.content.decode()
        assert school.classroom.join_code not in body
        assert school.student.email not in body


# --- home and navigation -------------------------------------------------------------


def test_home_sends_teachers_to_their_dashboard_and_students_to_assignments(school):
    for person in (school.teacher, school.co_teacher, school.other_teacher):
        response = client_for(person).get("/")
        assert response["Location"] == reverse("essays:teach_dashboard")
    for person in (school.student, school.outsider):
        response = client_for(person).get("/")
        assert response["Location"] == reverse("essays:assignment_list")


def test_login_lands_on_the_role_home(school, password):
    from django.test import Client

    client = Client()
    response = client.post(
        reverse("account_login"), {"login": school.teacher.email, "password": password}
    )
    assert response.status_code == 302
    assert client.get(response["Location"])["Location"] == reverse("essays:teach_dashboard")


def test_navigation_shows_teacher_links_only_to_teachers(school):
    teacher_page = client_for(school.teacher).get(reverse("essays:teach_dashboard")).content
    student_page = client_for(school.student).get(reverse("essays:assignment_list")).content
    dashboard = reverse("essays:teach_dashboard").encode()
    assert b'href="' + dashboard + b'" aria-current="page"' in teacher_page
    assert dashboard not in student_page
    assert reverse("essays:assignment_list").encode() in student_page


# --- dashboard -----------------------------------------------------------------------


def _submit_revision(assignment, student, number: int = 1) -> Revision:
    essay, _ = Essay.objects.get_or_create(assignment=assignment, student=student)
    return Revision.objects.create(
        essay=essay,
        number=number,
        text=UNIFORM_ESSAY,
        text_sha256=text_hash(UNIFORM_ESSAY),
        word_count=90,
    )


def _review(revision, teacher, *, released: bool) -> TeacherReview:
    return TeacherReview.objects.create(
        revision=revision,
        teacher=teacher,
        points={},
        total=3,
        max_total=4,
        released_at=timezone.now() if released else None,
    )


def test_dashboard_lists_what_needs_marking_and_what_is_due(school):
    school.assignment.due_at = timezone.now() + timedelta(days=3)
    school.assignment.save()
    later = AssignmentFactory(
        classroom=school.classroom, title="Far away", due_at=timezone.now() + timedelta(days=60)
    )
    first = _submit_revision(school.assignment, school.student)
    _review(first, school.teacher, released=True)  # marked and released: not waiting
    _submit_revision(school.assignment, school.classmate)  # waiting
    # A released review of an older revision does not cover the newer one.
    older = _submit_revision(later, school.student, 1)
    _review(older, school.teacher, released=True)
    _submit_revision(later, school.student, 2)

    body = client_for(school.co_teacher).get(reverse("essays:teach_dashboard")).content.decode()
    to_mark = body.split('id="to-mark"')[1].split("</section>")[0]
    assert "Uniforms" in to_mark and "1 essay to mark" in to_mark
    assert "Far away" in to_mark
    due = body.split('id="due-soon"')[1].split("</section>")[0]
    assert "Uniforms" in due and "Far away" not in due
    assert "1 of 2 submitted" in due or "2 of 2 submitted" in due
    classes = body.split('id="classes"')[1].split("</section>")[0]
    assert "English 9" in classes and "2 students" in classes
    assert school.classroom.join_code in classes
    assert "History 11" not in body


def test_dashboard_of_a_new_teacher_says_how_to_start(school):
    new = User.objects.create_user(email="new@school.test", role=User.Role.TEACHER)
    body = client_for(new).get(reverse("essays:teach_dashboard")).content.decode()
    assert "Create your first class" in body
    assert "English 9" not in body


def test_dashboard_queries_do_not_grow_with_classes_and_essays(
    school, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(school.teacher)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("essays:teach_dashboard")).status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for n in range(4):
        classroom = Classroom.objects.create(name=f"Extra {n}", created_by=school.teacher)
        Membership.objects.create(classroom=classroom, user=school.teacher, role="teacher")
        assignment = AssignmentFactory(
            classroom=classroom, due_at=timezone.now() + timedelta(days=2)
        )
        for k in range(3):
            student = User.objects.create_user(email=f"s{n}-{k}@school.test")
            Membership.objects.create(classroom=classroom, user=student)
            _submit_revision(assignment, student)
    assert count() == small


def test_archived_classes_leave_the_dashboard_list_but_stay_reachable(school):
    school.classroom.archived_at = timezone.now()
    school.classroom.save()
    body = client_for(school.teacher).get(reverse("essays:teach_dashboard")).content.decode()
    assert "Archived classes" in body
    archived = body.split('id="archived"')[1]
    assert "English 9" in archived
    assert "English 9" not in body.split('id="classes"')[1].split("</section>")[0]


# --- classes -------------------------------------------------------------------------


def test_a_teacher_creates_a_class_and_owns_it(school):
    client = client_for(school.other_teacher)
    response = client.post(
        reverse("essays:teach_class_create"),
        {"name": "  Year 12 Literature ", "description": "Set 2"},
    )
    classroom = Classroom.objects.get(name="Year 12 Literature")
    assert response["Location"] == reverse("essays:teach_class_detail", args=[classroom.pk])
    assert classroom.created_by == school.other_teacher
    assert Membership.objects.get(classroom=classroom, user=school.other_teacher).role == "teacher"
    page = client.get(response["Location"]).content.decode()
    assert classroom.join_code in page
    assert "owner" in page


def test_a_class_needs_a_name_and_the_error_is_tied_to_the_field(school):
    response = client_for(school.teacher).post(
        reverse("essays:teach_class_create"), {"name": "   ", "description": ""}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_name_helptext id_name_error"' in body
    assert 'id="id_name_error"' in body
    assert Classroom.objects.count() == 2


def test_edit_a_class(school):
    client = client_for(school.co_teacher)
    url = reverse("essays:teach_class_edit", args=[school.classroom.pk])
    assert 'value="English 9"' in client.get(url).content.decode()
    client.post(url, {"name": "English 9B", "description": "Tuesdays"})
    school.classroom.refresh_from_db()
    assert (school.classroom.name, school.classroom.description) == ("English 9B", "Tuesdays")


def test_archive_and_bring_back_a_class(school):
    client = client_for(school.teacher)
    url = reverse("essays:teach_class_archive", args=[school.classroom.pk])
    client.post(url, {"archive": "1"})
    school.classroom.refresh_from_db()
    assert school.classroom.archived_at is not None
    # Archived: nobody new joins, the students and their work stay.
    newcomer = User.objects.create_user(email="late@school.test")
    response = client_for(newcomer).post(
        reverse("essays:classroom_list"), {"code": school.classroom.join_code}
    )
    assert response.status_code == 400
    assert "archived" in response.content.decode()
    assert Membership.objects.filter(classroom=school.classroom, user=school.student).exists()
    client.post(url, {"archive": "0"})
    school.classroom.refresh_from_db()
    assert school.classroom.archived_at is None


def test_rotating_the_code_retires_the_old_one(school):
    old = school.classroom.join_code
    client = client_for(school.teacher)
    response = client.post(reverse("essays:teach_class_rotate_code", args=[school.classroom.pk]))
    assert response.status_code == 302
    school.classroom.refresh_from_db()
    new = school.classroom.join_code
    assert new != old and len(new) == 8
    assert new in client.get(response["Location"]).content.decode()
    joiner = User.objects.create_user(email="joiner@school.test")
    assert (
        client_for(joiner).post(reverse("essays:classroom_list"), {"code": old}).status_code == 400
    )
    client_for(joiner).post(reverse("essays:classroom_list"), {"code": new.lower()})
    assert Membership.objects.filter(classroom=school.classroom, user=joiner).exists()


def test_rotating_with_htmx_returns_only_the_code_panel(school):
    response = client_for(school.co_teacher).post(
        reverse("essays:teach_class_rotate_code", args=[school.classroom.pk]),
        headers=htmx_headers(),
    )
    body = response.content.decode()
    school.classroom.refresh_from_db()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="join-code"')
    assert "<html" not in body
    assert school.classroom.join_code in body


# --- roster --------------------------------------------------------------------------


def test_roster_lists_students_by_name_with_email_joined_and_essays(school):
    _submit_revision(school.assignment, school.student)
    _submit_revision(school.assignment, school.student, 2)
    Essay.objects.create(assignment=school.assignment, student=school.classmate, draft_text="x")
    other = AssignmentFactory(classroom=school.outsider.classrooms.first())
    _submit_revision(other, school.student)  # another class's essay is not counted here
    body = (
        client_for(school.teacher)
        .get(reverse("essays:teach_class_detail", args=[school.classroom.pk]))
        .content.decode()
    )
    assert "<title>English 9 · EssayCoach</title>" in body
    assert body.count('id="invites"') == body.count('id="roster"') == 1
    roster = body.split('id="roster"')[1]
    rows = roster.split("<tr>")[2:]
    assert [r.split('scope="row">')[1].split("<")[0] for r in rows] == [
        "Casey Classmate",
        "Sam Student",
    ]
    sam = rows[1]
    assert "student@school.test" in sam
    assert "<td>1</td>" in sam  # one essay submitted (with two revisions)
    assert "<td>0</td>" in rows[0]
    assert "Ms Teacher" not in roster  # teachers are not on the student roster


def test_remove_a_student_asks_first_and_keeps_their_essays(school):
    revision = _submit_revision(school.assignment, school.student)
    client = client_for(school.teacher)
    url = reverse("essays:teach_student_remove", args=[school.classroom.pk, school.student.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200
    body = confirm.content.decode()
    assert "Remove Sam Student from English 9?" in body
    assert "submitted 1 essay" in body
    assert Membership.objects.filter(user=school.student, classroom=school.classroom).exists()
    response = client.post(url)
    assert response["Location"] == reverse("essays:teach_class_detail", args=[school.classroom.pk])
    assert not Membership.objects.filter(user=school.student, classroom=school.classroom).exists()
    assert Revision.objects.filter(pk=revision.pk).exists()
    # The teacher still sees the essay; the student no longer sees the class's work.
    assert revision_for_user(school.teacher, revision.pk) == revision
    edit = reverse("essays:essay_edit", args=[school.assignment.pk])
    assert client_for(school.student).get(edit).status_code == 404


def test_remove_refuses_teachers_and_people_outside_the_class(school):
    client = client_for(school.teacher)
    for target in (school.co_teacher, school.outsider, school.teacher):
        url = reverse("essays:teach_student_remove", args=[school.classroom.pk, target.pk])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Membership.objects.filter(classroom=school.classroom).count() == 4
