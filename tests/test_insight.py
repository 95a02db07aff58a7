"""The class overview of an assignment and its grade export."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse

from coaching.insight import class_overview, safe_cell
from coaching.services import review_release, review_save
from essays.models import Membership
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED, UserFactory

ERRORS = UNIFORM_ESSAY.replace("because", "becuase").replace("School uniforms", "Scool uniforms")


def _mark(school, revision, points):
    criteria = list(school.assignment.rubric.criteria.all())
    return review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: p for c, p in zip(criteria, points, strict=False)},
    )


def test_overview_and_csv_as_every_persona(school, analysed):
    analysed(UNIFORM_ESSAY)
    urls = [
        reverse("coaching:class_overview", args=[school.assignment.pk]),
        reverse("coaching:grades_csv", args=[school.assignment.pk]),
    ]
    for name, person in school.personas().items():
        client = client_for(person) if person else Client()
        for url in urls:
            for headers in ({}, htmx_headers()):
                response = client.get(url, headers=headers)
                if person is None:
                    assert response.status_code == 302, (name, url)
                elif name in ("teacher", "co_teacher"):
                    assert response.status_code == 200, (name, url)
                else:
                    assert response.status_code == 404, (name, url)


def test_overview_counts_levels_missing_students_issues_and_progress(school, analysed):
    first = analysed(UNIFORM_ESSAY)
    _mark(school, first, [4, 3, 2])
    second = analysed(UNIFORM_REVISED)
    _mark(school, second, [4, 4, 3])
    analysed(ERRORS, school.classmate)
    late = UserFactory(display_name="Lola Late")
    Membership.objects.create(classroom=school.classroom, user=late)

    overview = class_overview(school.assignment)
    assert overview.students == 3
    assert overview.submitted == 2
    assert [p.display_name for p in overview.missing] == ["Lola Late"]
    assert overview.marked == 1
    ideas = overview.distributions[0]
    by_points = {level.points: level for level in ideas.levels}
    assert by_points[4].teacher == 1  # Sam's latest, as the teacher marked it
    assert ideas.total == 2  # Casey's machine suggestion is the other one
    assert sum(level.machine for level in ideas.levels) == 1
    assert [s.number for s in overview.steps] == [1, 2]
    assert overview.steps[0].essays == 2 and overview.steps[1].essays == 1
    assert overview.improved == 1  # Sam: 75% -> 92%
    assert overview.issues and overview.issues[0].students >= 1

    body = (
        client_for(school.teacher)
        .get(reverse("coaching:class_overview", args=[school.assignment.pk]))
        .content.decode()
    )
    assert "<svg" in body and 'role="img"' in body and "<desc" in body
    assert "Lola Late" in body
    assert "<script" not in body.split("</head>")[1]
    assert "1 improved" in body


def test_overview_queries_do_not_grow_with_the_class(school, analysed, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    analysed(UNIFORM_ESSAY)
    with CaptureQueriesContext(connection) as small:
        class_overview(school.assignment)
    for i in range(4):
        student = UserFactory(display_name=f"Extra {i}")
        Membership.objects.create(classroom=school.classroom, user=student)
        analysed(ERRORS, student)
        analysed(UNIFORM_REVISED, student)
    with CaptureQueriesContext(connection) as big:
        class_overview(school.assignment)
    assert len(big) == len(small)


def test_csv_has_names_first_marks_and_neutralised_formulas(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    _mark(school, revision, [4, 3, 2])
    review_release(revision=revision, teacher=school.teacher)
    school.classmate.display_name = '=HYPERLINK("http://evil.example","x")'
    school.classmate.save()
    analysed(UNIFORM_ESSAY, school.classmate)
    response = client_for(school.teacher).get(
        reverse("coaching:grades_csv", args=[school.assignment.pk])
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header = rows[0]
    assert header[:2] == ["Student", "E-mail"]
    criteria = [c.name for c in school.assignment.rubric.criteria.all()]
    assert header[7 : 7 + len(criteria)] == criteria
    by_name = {row[0]: row for row in rows[1:]}
    sam = by_name["Sam Student"]
    assert sam[1] == "student@school.test"
    assert sam[6] == "released"
    assert sam[7:10] == ["4", "3", "2"]
    assert '\'=HYPERLINK("http://evil.example","x")' in by_name
    assert len(rows) == 1 + 2  # the two students of the class, nobody else


def test_safe_cell_prefixes_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert safe_cell("Ann") == "Ann"
    assert safe_cell(-3) == -3  # numbers stay numbers
