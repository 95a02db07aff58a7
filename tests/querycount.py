"""Count the queries of the assignment list and the feedback page as revisions pile up.

Used by tests/test_query_counts.py (asserts) and scripts/bench/queries.py (prints).
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coaching.models import Analysis, StageResult, digest_of_stages
from essays.models import Essay, Revision, text_hash
from tests.factories import UNIFORM_ESSAY, AssignmentFactory, MembershipFactory, UserFactory

STAGE_DATA = {
    "overview": {"words": 100, "paragraphs": 5, "sentences": 9, "avg_sentence_words": 11.0},
    "notes": {"annotations": [{"start": 0, "end": 6, "category": "spelling", "message": "m"}]},
    "scores": {
        "criteria": [
            {"name": "Ideas", "level": "Good", "points": 3, "max_points": 4, "rationale": "r"}
        ],
        "overall": {"points": 3, "max_points": 4, "percent": 75.0},
    },
    "summary": {"strengths": ["s"], "next_steps": ["n"], "changes": []},
}


def _add_revisions(essay: Essay, count: int) -> Revision:
    start = essay.revisions.count()
    revision = None
    for number in range(start + 1, start + count + 1):
        revision = Revision.objects.create(
            essay=essay,
            number=number,
            text=UNIFORM_ESSAY,
            text_sha256=text_hash(UNIFORM_ESSAY),
            word_count=90,
        )
        analysis = Analysis.objects.create(
            revision=revision,
            status="done",
            overall_percent=75,
            digest=digest_of_stages(STAGE_DATA),
        )
        StageResult.objects.bulk_create(
            StageResult(analysis=analysis, stage=stage, seq=i, data=data)
            for i, (stage, data) in enumerate(STAGE_DATA.items(), start=1)
        )
    assert revision is not None
    return revision


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries)


def measure() -> dict[str, tuple[int, int]]:
    """{page: (queries with 1 revision, queries with 50 revisions)}"""
    student = UserFactory()
    assignment = AssignmentFactory()
    MembershipFactory(classroom=assignment.classroom, user=student)
    for _ in range(4):  # other assignments in the class, to show the list does not grow either
        AssignmentFactory(classroom=assignment.classroom)
    essay = Essay.objects.create(assignment=assignment, student=student)
    client = Client()
    client.force_login(student)
    first = _add_revisions(essay, 1)
    pages = {
        "assignment list": reverse("essays:assignment_list"),
        "essay editor": reverse("essays:essay_edit", args=[assignment.pk]),
    }
    before = {name: _count(client, url) for name, url in pages.items()}
    before["feedback page"] = _count(client, reverse("coaching:revision_feedback", args=[first.pk]))
    latest = _add_revisions(essay, 49)
    after = {name: _count(client, url) for name, url in pages.items()}
    after["feedback page"] = _count(client, reverse("coaching:revision_feedback", args=[latest.pk]))
    return {name: (before[name], after[name]) for name in before}


def teacher_class(size: int, revisions: int = 1):
    """An assignment whose class has `size` students, each with `revisions` analysed
    revisions (synthetic stages), a third of them marked; returns (assignment, teacher)."""
    from coaching.models import TeacherReview
    from essays.models import Membership, User

    assignment = AssignmentFactory()
    teacher = UserFactory(role=User.Role.TEACHER)
    MembershipFactory(classroom=assignment.classroom, user=teacher, role=Membership.Role.TEACHER)
    grow_class(assignment, teacher, size, revisions)
    assert TeacherReview.objects.filter(revision__essay__assignment=assignment).exists()
    return assignment, teacher


def grow_class(assignment, teacher, size: int, revisions: int = 1) -> None:
    """Add students until the class has `size` (each submits; every third is marked)."""
    from coaching.models import TeacherReview
    from essays.models import Membership
    from tests.teach_data import add_revision

    have = Membership.objects.filter(classroom=assignment.classroom, role="student").count()
    for i in range(have, size):
        student = UserFactory()
        MembershipFactory(classroom=assignment.classroom, user=student)
        if i % 5 == 4:
            continue  # some never submit
        latest = None
        for _ in range(revisions):
            latest = add_revision(assignment, student, late=i % 7 == 0)
        if i % 3 == 0 and latest is not None:
            TeacherReview.objects.create(
                revision=latest, teacher=teacher, points={}, total=7, max_total=12
            )


def teacher_page_urls(assignment) -> dict[str, str]:
    from essays.models import Revision

    revision = Revision.objects.filter(essay__assignment=assignment).order_by("pk").first()
    assert revision is not None
    urls = {
        "submissions page": reverse("coaching:submissions", args=[assignment.pk]),
        "submissions, sorted by machine score, page 2": reverse(
            "coaching:submissions", args=[assignment.pk]
        )
        + "?sort=machine&dir=desc&page=2",
        "marking overview": reverse("coaching:assignment_marking", args=[assignment.pk]),
        "review page": reverse("coaching:review_page", args=[revision.pk]),
    }
    return urls


def measure_teacher_pages(small: int = 60, large: int = 150) -> dict[str, tuple[int, int]]:
    """{page: (queries with a class of `small`, queries with a class of `large`)}"""
    assignment, teacher = teacher_class(small)
    client = Client()
    client.force_login(teacher)
    urls = teacher_page_urls(assignment)
    before = {name: _count(client, url) for name, url in urls.items()}
    grow_class(assignment, teacher, large)
    after = {name: _count(client, url) for name, url in urls.items()}
    return {name: (before[name], after[name]) for name in before}
