"""Every marking page, fragment and action as every persona, plain and htmx.

Teachers of the class (owner and co-teacher) get the page or the action; everyone else
(the essay's author included) gets a 404; a visitor who is not signed in is sent to log in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from coaching.marking import note_key
from coaching.models import CommentBankEntry, NoteDecision, TeacherComment, TeacherReview
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY
from tests.teach_data import add_revision, notes_for

TEACHERS = {"teacher", "co_teacher"}


@dataclass
class Endpoint:
    name: str
    method: str
    url: Callable  # (school, revision, user) -> str
    data: Callable = lambda school, revision, user: {}
    htmx_target: str = ""


def _marks(school, revision, user):
    return {f"criterion-{c.pk}": 3 for c in school.assignment.rubric.criteria.all()} | {
        "comment": "Well argued."
    }


def _comment(school, revision, user):
    comment = TeacherComment.objects.create(
        revision=revision, teacher=school.teacher, text="Nice.", paragraph=1
    )
    return reverse("coaching:comment_delete", args=[revision.pk, comment.pk])


def _bank_entry(school, user, action):
    owner = user if user is not None and user.is_teacher else school.teacher
    entry = CommentBankEntry.objects.create(owner=owner, text="Use a quotation here.")
    return lambda revision: reverse(f"coaching:bank_{action}", args=[revision.pk, entry.pk])


ENDPOINTS = [
    Endpoint(
        "submissions",
        "get",
        lambda s, r, u: reverse("coaching:submissions", args=[s.assignment.pk]),
    ),
    Endpoint(
        "submissions table",
        "get",
        lambda s, r, u: reverse("coaching:submissions", args=[s.assignment.pk]) + "?sort=machine",
        htmx_target="submissions",
    ),
    Endpoint(
        "overview",
        "get",
        lambda s, r, u: reverse("coaching:assignment_marking", args=[s.assignment.pk]),
    ),
    Endpoint("review page", "get", lambda s, r, u: reverse("coaching:review_page", args=[r.pk])),
    Endpoint(
        "bank search",
        "get",
        lambda s, r, u: reverse("coaching:review_page", args=[r.pk]) + "?q=quotation",
        htmx_target="comment-bank",
    ),
    Endpoint(
        "marks", "post", lambda s, r, u: reverse("coaching:review_marks", args=[r.pk]), _marks
    ),
    Endpoint(
        "note decision",
        "post",
        lambda s, r, u: reverse("coaching:note_decision", args=[r.pk]),
        lambda s, r, u: {"note_key": note_key(notes_for(r.text)[0]), "decision": "dismissed"},
    ),
    Endpoint(
        "comment add",
        "post",
        lambda s, r, u: reverse("coaching:comment_add", args=[r.pk]),
        lambda s, r, u: {"text": "Good point.", "start": 0, "end": 14, "paragraph": 1},
    ),
    Endpoint("comment delete", "post", _comment),
    Endpoint(
        "bank add",
        "post",
        lambda s, r, u: reverse("coaching:bank_add", args=[r.pk]),
        lambda s, r, u: {"text": "Explain your example."},
    ),
    Endpoint("bank use", "post", lambda s, r, u: _bank_entry(s, u, "use")(r)),
    Endpoint("bank delete", "post", lambda s, r, u: _bank_entry(s, u, "delete")(r)),
    Endpoint("release", "post", lambda s, r, u: reverse("coaching:review_release", args=[r.pk])),
    Endpoint(
        "withdraw",
        "post",
        lambda s, r, u: reverse("coaching:review_release", args=[r.pk]),
        lambda s, r, u: {"action": "withdraw"},
    ),
    Endpoint(
        "return",
        "post",
        lambda s, r, u: reverse("coaching:review_return", args=[r.pk]),
        lambda s, r, u: {"note": "Add a source for the cost figures."},
    ),
    Endpoint(
        "release all",
        "post",
        lambda s, r, u: reverse("coaching:assignment_release", args=[s.assignment.pk]),
    ),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_every_persona(school, endpoint: Endpoint, htmx: bool):
    revision = add_revision(school.assignment, school.student)
    for persona, user in school.personas().items():
        client = Client() if user is None else client_for(user)
        url = endpoint.url(school, revision, user)
        headers = htmx_headers() if htmx else {}
        if htmx and endpoint.htmx_target:
            headers["HX-Target"] = endpoint.htmx_target
        response = getattr(client, endpoint.method)(
            url, endpoint.data(school, revision, user), headers=headers
        )
        if user is None:
            assert response.status_code == 302, (persona, response.status_code)
            assert "/accounts/login/" in response["Location"]
        elif persona in TEACHERS:
            if endpoint.method == "get" or htmx:
                assert response.status_code == 200, (persona, url, response.status_code)
                body = response.content.decode()
                if htmx and endpoint.method == "get" and endpoint.htmx_target:
                    assert "<html" not in body  # only the fragment comes back
                if htmx and endpoint.method == "post" and not response.has_header("HX-Redirect"):
                    assert "<html" not in body
            else:
                assert response.status_code == 302, (persona, url, response.status_code)
        else:
            assert response.status_code == 404, (persona, url, response.status_code)


def test_nothing_is_written_by_people_who_do_not_teach_the_class(school):
    revision = add_revision(school.assignment, school.student)
    key = note_key(notes_for(UNIFORM_ESSAY)[0])
    marks = _marks(school, revision, None)
    for user in (school.student, school.classmate, school.other_teacher, school.outsider):
        client = client_for(user)
        client.post(reverse("coaching:review_marks", args=[revision.pk]), marks)
        client.post(
            reverse("coaching:note_decision", args=[revision.pk]),
            {"note_key": key, "decision": "dismissed"},
        )
        client.post(
            reverse("coaching:comment_add", args=[revision.pk]), {"text": "x", "paragraph": 1}
        )
        client.post(reverse("coaching:review_release", args=[revision.pk]))
        client.post(reverse("coaching:review_return", args=[revision.pk]), {"note": "Fix it."})
        client.post(reverse("coaching:assignment_release", args=[school.assignment.pk]))
    assert not TeacherReview.objects.exists()
    assert not NoteDecision.objects.exists()
    assert not TeacherComment.objects.exists()


def test_a_teacher_cannot_use_or_delete_another_teachers_bank_entry(school):
    revision = add_revision(school.assignment, school.student)
    entry = CommentBankEntry.objects.create(owner=school.co_teacher, text="Mine.")
    client = client_for(school.teacher)
    for action in ("use", "delete"):
        url = reverse(f"coaching:bank_{action}", args=[revision.pk, entry.pk])
        assert client.post(url).status_code == 404
    assert CommentBankEntry.objects.filter(pk=entry.pk, uses=0).exists()
    assert not TeacherReview.objects.exists()
