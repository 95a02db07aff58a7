"""Teachers' assignment pages, as every persona; and what students then see and may do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coaching.models import Rubric
from essays.models import Assignment, Extension
from tests.conftest import client_for, htmx_headers
from tests.factories import RubricFactory

TEACHERS = ("teacher", "co_teacher")
NOT_TEACHERS = ("student", "classmate", "other_teacher", "outsider")


def _client(school, persona: str) -> Client:
    user = school.personas()[persona]
    return client_for(user) if user else Client()


def _form(rubric: Rubric, **overrides) -> dict:
    data = {
        "title": "Letters home",
        "prompt": "Write a **letter** to a friend.\n\n- say where you are\n- say why",
        "rubric": rubric.pk,
        "opens_at": "",
        "due_at": "",
        "min_words": "100",
        "max_words": "600",
        "spelling": "british",
        "late_policy": "mark",
        "release": "after_review",
        "max_revisions": "3",
    }
    data.update(overrides)
    return data


@pytest.fixture
def own_rubric(school):
    return RubricFactory(owner=school.teacher, name="Ms Teacher's letters rubric")


def _pages(school) -> list[tuple[str, str, str]]:
    a = school.assignment
    return [
        ("get", reverse("essays:teach_assignment_list"), ""),
        ("get", reverse("essays:teach_assignment_create", args=[school.classroom.pk]), ""),
        ("get", reverse("essays:teach_assignment_edit", args=[a.pk]), ""),
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_pages_as_every_persona(school, htmx):
    headers = htmx_headers() if htmx else {}
    for method, url, _x in _pages(school):
        for persona in school.personas():
            response = getattr(_client(school, persona), method)(url, headers=headers)
            if persona == "anonymous":
                assert response.status_code == 302, (persona, url)
                assert response["Location"].startswith(reverse("account_login"))
            elif persona in TEACHERS:
                assert response.status_code == 200, (persona, url)
            elif persona == "other_teacher" and url == reverse("essays:teach_assignment_list"):
                # their own list, without this class's assignments
                assert response.status_code == 200
                assert "Uniforms" not in response.content.decode()
            else:
                assert response.status_code == 404, (persona, url)


def test_list_shows_the_classes_taught_and_their_assignments(school):
    body = client_for(school.teacher).get(reverse("essays:teach_assignment_list")).content.decode()
    assert "English 9" in body and "Uniforms" in body
    assert reverse("essays:teach_assignment_create", args=[school.classroom.pk]) in body
    assert "History 11" not in body


def test_teacher_creates_a_draft_then_publishes(school, own_rubric):
    client = client_for(school.teacher)
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    response = client.post(url, _form(own_rubric, action="draft"))
    assignment = Assignment.objects.get(title="Letters home")
    assert response.status_code == 302
    assert response["Location"] == reverse("essays:teach_assignment_edit", args=[assignment.pk])
    assert assignment.status == Assignment.Status.DRAFT
    assert assignment.created_by == school.teacher
    assert (assignment.spelling, assignment.late_policy, assignment.release) == (
        "british",
        "mark",
        "after_review",
    )
    assert (assignment.min_words, assignment.max_words, assignment.max_revisions) == (100, 600, 3)
    assert assignment.rubric == own_rubric
    # Students of the class do not see a draft.
    student = client_for(school.student)
    assert "Letters home" not in student.get(reverse("essays:assignment_list")).content.decode()
    assert student.get(reverse("essays:essay_edit", args=[assignment.pk])).status_code == 404

    status_url = reverse("essays:teach_assignment_status", args=[assignment.pk])
    response = client.post(status_url, {"action": "publish"}, follow=True)
    assert "Published: students in the class can see it." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.PUBLISHED
    assert "Letters home" in student.get(reverse("essays:assignment_list")).content.decode()
    editor = student.get(reverse("essays:essay_edit", args=[assignment.pk])).content.decode()
    assert "<strong>letter</strong>" in editor and "<li>say where you are</li>" in editor


def test_create_and_publish_at_once_and_the_edit_page_shows_the_prompt(school):
    # A co-teacher may use the rubric already set on an assignment of the class.
    client = client_for(school.co_teacher)
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    response = client.post(url, _form(school.assignment.rubric, action="publish"), follow=True)
    body = response.content.decode()
    assert "is published: your students can see it" in body
    assert "<strong>letter</strong>" in body
    assert Assignment.objects.get(title="Letters home").status == "published"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"min_words": "600", "max_words": "600"}, "min_words", "less than the maximum"),
        ({"max_words": "999999"}, "max_words", "at most 5000 words"),
        ({"title": ""}, "title", "This field is required"),
        ({"prompt": "x" * 20_001}, "prompt", "at most 20000 characters"),
        (
            {"opens_at": "2030-05-02T09:00", "due_at": "2030-05-01T09:00"},
            "due_at",
            "after the opening date",
        ),
        ({"max_revisions": "101"}, "max_revisions", "at most 100"),
        ({"late_policy": "whenever"}, "late_policy", "Select a valid choice"),
    ],
)
def test_invalid_settings_are_refused_with_the_message_at_the_field(
    school, own_rubric, overrides, field, message
):
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    response = client_for(school.teacher).post(url, _form(own_rubric, **overrides))
    assert response.status_code == 400
    body = response.content.decode()
    assert f'id="id_{field}_error"' in body
    error_list = body.split(f'id="id_{field}_error"')[1].split("</ul>")[0]
    assert message in error_list
    assert f'aria-describedby="id_{field}_helptext id_{field}_error"' in body or (
        f'aria-describedby="id_{field}_error"' in body
    )
    assert not Assignment.objects.filter(title="Letters home").exists()


def test_a_rubric_the_teacher_may_not_use_is_refused(school):
    others = RubricFactory(owner=school.other_teacher)
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    response = client_for(school.teacher).post(url, _form(others))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_choosing_a_starter_gives_the_teacher_a_copy(school):
    starter = Rubric.objects.filter(is_starter=True).first()
    assert starter is not None  # made by the data migration
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    client_for(school.teacher).post(url, _form(starter))
    assignment = Assignment.objects.get(title="Letters home")
    assert assignment.rubric != starter
    assert assignment.rubric.owner == school.teacher and not assignment.rubric.is_starter
    assert assignment.rubric.name == starter.name
    assert assignment.rubric.criteria.count() == starter.criteria.count()


def test_edit_saves_and_invalid_edit_keeps_the_old_values(school):
    client = client_for(school.teacher)
    a = school.assignment
    url = reverse("essays:teach_assignment_edit", args=[a.pk])
    response = client.post(url, _form(a.rubric, title="Uniforms, again", max_revisions="2"))
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.title, a.max_revisions) == ("Uniforms, again", 2)
    response = client.post(url, _form(a.rubric, title="", max_revisions="5"))
    assert response.status_code == 400
    a.refresh_from_db()
    assert (a.title, a.max_revisions) == ("Uniforms, again", 2)


@pytest.mark.parametrize("persona", NOT_TEACHERS)
def test_no_one_else_can_change_duplicate_or_extend(school, persona):
    client = _client(school, persona)
    a = school.assignment
    extension = Extension.objects.create(
        assignment=a, student=school.student, due_at=timezone.now()
    )
    for htmx in (False, True):
        headers = htmx_headers() if htmx else {}
        for url, data in (
            (reverse("essays:teach_assignment_edit", args=[a.pk]), _form(a.rubric, title="X")),
            (reverse("essays:teach_assignment_status", args=[a.pk]), {"action": "archive"}),
            (reverse("essays:teach_assignment_duplicate", args=[a.pk]), {}),
            (
                reverse("essays:teach_extension_add", args=[a.pk]),
                {"student": school.classmate.pk, "due_at": "2030-01-01T10:00"},
            ),
            (reverse("essays:teach_extension_delete", args=[a.pk, extension.pk]), {}),
            (
                reverse("essays:teach_assignment_create", args=[school.classroom.pk]),
                _form(a.rubric, action="publish"),
            ),
        ):
            assert client.post(url, data, headers=headers).status_code == 404, url
    a.refresh_from_db()
    assert (a.title, a.status) == ("Uniforms", "published")
    assert Assignment.objects.count() == 1
    assert Extension.objects.filter(pk=extension.pk).exists()
    assert not Extension.objects.filter(student=school.classmate).exists()


def test_anonymous_posts_go_to_login(school):
    a = school.assignment
    for url in (
        reverse("essays:teach_assignment_status", args=[a.pk]),
        reverse("essays:teach_assignment_duplicate", args=[a.pk]),
        reverse("essays:teach_extension_add", args=[a.pk]),
    ):
        response = Client().post(url, {"action": "archive"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", TEACHERS)
def test_status_actions_plain_and_htmx(school, persona):
    client = _client(school, persona)
    a = school.assignment
    url = reverse("essays:teach_assignment_status", args=[a.pk])
    for action, status in (
        ("unpublish", "draft"),
        ("publish", "published"),
        ("archive", "archived"),
        ("unarchive", "draft"),
    ):
        response = client.post(url, {"action": action})
        assert response.status_code == 302
        a.refresh_from_db()
        assert a.status == status
    response = client.post(url, {"action": "publish"}, headers=htmx_headers())
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="status"')
    assert "<html" not in body and "Published: students" in body
    assert client.post(url, {"action": "explode"}).status_code == 400


@pytest.mark.parametrize("persona", TEACHERS)
def test_duplicate_is_a_draft_copy(school, persona):
    client = _client(school, persona)
    a = school.assignment
    url = reverse("essays:teach_assignment_duplicate", args=[a.pk])
    response = client.post(url)
    copy = Assignment.objects.exclude(pk=a.pk).get()
    assert response["Location"] == reverse("essays:teach_assignment_edit", args=[copy.pk])
    assert copy.title == "Copy of Uniforms" and copy.status == "draft"
    assert (copy.rubric_id, copy.prompt, copy.classroom_id) == (
        a.rubric_id,
        a.prompt,
        a.classroom_id,
    )
    response = client.post(url, headers=htmx_headers())
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/teach/assignments/")
    assert Assignment.objects.count() == 3


@pytest.mark.parametrize("persona", TEACHERS)
def test_extensions_plain_and_htmx(school, persona):
    client = _client(school, persona)
    a = school.assignment
    url = reverse("essays:teach_extension_add", args=[a.pk])
    response = client.post(url, {"student": school.student.pk, "due_at": "2030-01-01T10:00"})
    assert response.status_code == 302
    extension = Extension.objects.get(assignment=a, student=school.student)
    assert extension.granted_by == school.personas()[persona]
    # Again for the same student: the date moves.
    response = client.post(
        url,
        {"student": school.student.pk, "due_at": "2030-02-01T10:00"},
        headers=htmx_headers(),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="extensions"') and "<html" not in body
    assert "Sam Student" in body
    assert Extension.objects.get(pk=extension.pk).due_at.month == 2
    # Only students of this class; a date is required; errors stay at the fields.
    for data in (
        {"student": school.outsider.pk, "due_at": "2030-01-01T10:00"},
        {"student": school.teacher.pk, "due_at": "2030-01-01T10:00"},
        {"student": school.classmate.pk, "due_at": ""},
    ):
        response = client.post(url, data)
        assert response.status_code == 400
        assert 'aria-invalid="true"' in response.content.decode()
        response = client.post(url, data, headers=htmx_headers())
        assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert Extension.objects.count() == 1
    delete = reverse("essays:teach_extension_delete", args=[a.pk, extension.pk])
    response = client.post(delete, headers=htmx_headers())
    assert response.status_code == 200 and "extension is removed" in response.content.decode()
    assert not Extension.objects.exists()
    assert client.post(delete).status_code == 404


def test_an_extension_of_another_assignment_cannot_be_removed_through_this_one(school):
    from tests.factories import AssignmentFactory

    elsewhere = AssignmentFactory(classroom=school.other_teacher.classrooms.first())
    extension = Extension.objects.create(
        assignment=elsewhere, student=school.outsider, due_at=timezone.now()
    )
    url = reverse("essays:teach_extension_delete", args=[school.assignment.pk, extension.pk])
    assert client_for(school.teacher).post(url).status_code == 404
    assert Extension.objects.filter(pk=extension.pk).exists()


def test_prompt_markdown_is_sanitised(school):
    a = school.assignment
    a.prompt = (
        "# Heading\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) "
        '<img src=x onerror="alert(1)"> [fine](https://example.org/)'
    )
    a.save()
    body = client_for(school.student).get(reverse("essays:essay_edit", args=[a.pk])).content
    text = body.decode()
    assert "<script>alert" not in text
    prompt = text.split('class="prompt')[1].split("</div>")[0]
    assert 'href="javascript' not in prompt
    assert "<img" not in prompt and "&lt;img" in prompt  # shown as text, never run
    assert "<h2>Heading</h2>" in text
    assert 'href="https://example.org/"' in text
    # The list shows it as plain text.
    listing = client_for(school.student).get(reverse("essays:assignment_list")).content.decode()
    assert "Heading" in listing and "<h2>Heading" not in listing


def test_not_yet_open_assignments_say_when_they_open_and_hide_the_prompt(school):
    a = school.assignment
    a.opens_at = timezone.now() + timedelta(days=2)
    a.prompt = "The secret exam question"
    a.save()
    client = client_for(school.student)
    listing = client.get(reverse("essays:assignment_list")).content.decode()
    assert "This assignment opens on" in listing
    assert "The secret exam question" not in listing
    editor = client.get(reverse("essays:essay_edit", args=[a.pk])).content.decode()
    assert "This assignment opens on" in editor
    assert "The secret exam question" not in editor
    assert "Submit for feedback" not in editor


def test_archived_assignments_are_closed_and_listed_only_with_work(school, submit):
    a = school.assignment
    submit("My essay about uniforms. " * 20)
    a.status = Assignment.Status.ARCHIVED
    a.save()
    student = client_for(school.student)
    listing = student.get(reverse("essays:assignment_list")).content.decode()
    assert "Uniforms" in listing and "archived" in listing
    editor = student.get(reverse("essays:essay_edit", args=[a.pk])).content.decode()
    assert "This assignment is closed" in editor and "Submit for feedback" not in editor
    assert "My essay about uniforms." in editor  # the work is still there
    classmate = client_for(school.classmate)
    assert "Uniforms" not in classmate.get(reverse("essays:assignment_list")).content.decode()


def test_unpublished_after_work_began_shows_a_closed_page_to_that_student_only(school):
    client_for(school.student).post(
        reverse("essays:draft_autosave", args=[school.assignment.pk]), {"text": "Begun"}
    )
    school.assignment.status = Assignment.Status.DRAFT
    school.assignment.save()
    url = reverse("essays:essay_edit", args=[school.assignment.pk])
    body = client_for(school.student).get(url).content.decode()
    assert "taken this assignment down" in body and "Begun" in body
    assert client_for(school.classmate).get(url).status_code == 404


def test_no_new_assignments_in_an_archived_class(school, own_rubric):
    school.classroom.archived_at = timezone.now()
    school.classroom.save()
    url = reverse("essays:teach_assignment_create", args=[school.classroom.pk])
    client = client_for(school.teacher)
    response = client.get(url)
    assert response["Location"] == reverse("essays:teach_class_detail", args=[school.classroom.pk])
    client.post(url, _form(own_rubric, action="publish"))
    assert not Assignment.objects.filter(title="Letters home").exists()


def test_teacher_lists_make_the_same_number_of_queries_however_many_there_are(school):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import AssignmentFactory

    client = client_for(school.teacher)
    urls = [reverse("essays:teach_assignment_list"), reverse("coaching:teach_rubric_list")]

    def counts() -> list[int]:
        out = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx.captured_queries))
        return out

    before = counts()
    for n in range(6):
        AssignmentFactory(
            classroom=school.classroom, rubric=RubricFactory(owner=school.teacher), title=f"T{n}"
        )
    assert counts() == before


def test_duplicate_into_another_class_the_teacher_teaches_only(school):
    from essays.models import Membership
    from tests.factories import ClassroomFactory, MembershipFactory

    second = ClassroomFactory(name="English 10")
    MembershipFactory(classroom=second, user=school.teacher, role=Membership.Role.TEACHER)
    client = client_for(school.teacher)
    url = reverse("essays:teach_assignment_duplicate", args=[school.assignment.pk])
    page = client.get(reverse("essays:teach_assignment_edit", args=[school.assignment.pk]))
    assert 'id="duplicate-class"' in page.content.decode()
    client.post(url, {"classroom": second.pk})
    copy = Assignment.objects.get(classroom=second)
    assert copy.title == "Copy of Uniforms" and copy.status == "draft"
    # Not into a class someone else teaches.
    elsewhere = school.other_teacher.classrooms.first()
    assert client.post(url, {"classroom": elsewhere.pk}).status_code == 404
    assert not Assignment.objects.filter(classroom=elsewhere).exists()
