"""A big class for the teacher-page benchmarks: N students, R revisions each, with stage
results and teacher marks on half of them, made with bulk inserts in a few seconds.

    from class_data import build_class
    assignment, teacher = build_class(students=300, revisions=3)

Essays are our own words (tests.factories); levels and notes vary per student.
"""

from __future__ import annotations

import random
from typing import Any

from _common import ROOT  # type: ignore[import-not-found]  # noqa: F401

NOTE_KINDS = ["harper:SpellCheck", "rule:then-than", "rule:comma-splice", "lm:verb:ed>base"]


def build_class(*, students: int = 300, revisions: int = 3, seed: int = 7) -> tuple[Any, Any]:
    from django.utils import timezone

    from coaching.models import Analysis, StageResult, TeacherReview, digest_of_stages
    from essays.models import Essay, Membership, Revision, User, text_hash
    from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED, AssignmentFactory, UserFactory

    rng = random.Random(seed)
    assignment = AssignmentFactory(title=f"Uniforms ({students} students)")
    teacher = UserFactory(role=User.Role.TEACHER, display_name="Bench Teacher")
    Membership.objects.create(
        classroom=assignment.classroom, user=teacher, role=Membership.Role.TEACHER
    )
    criteria = list(assignment.rubric.criteria.all())
    people = User.objects.bulk_create(
        User(email=f"bench{assignment.pk}-{i}@school.test", display_name=f"Student {i:04d}")
        for i in range(students)
    )
    Membership.objects.bulk_create(
        Membership(classroom=assignment.classroom, user=p) for p in people
    )
    writers = people[: max(1, int(students * 0.95))]  # a few have not submitted
    essays = Essay.objects.bulk_create(Essay(assignment=assignment, student=p) for p in writers)
    rows = []
    for essay in essays:
        for number in range(1, revisions + 1):
            text = UNIFORM_ESSAY if number == 1 else UNIFORM_REVISED
            rows.append(
                Revision(
                    essay=essay,
                    number=number,
                    text=text,
                    text_sha256=text_hash(text),
                    word_count=len(text.split()),
                )
            )
    revs = Revision.objects.bulk_create(rows, batch_size=500)
    analyses = Analysis.objects.bulk_create(
        (
            Analysis(
                revision=r,
                status="done",
                overall_percent=50 + 10 * r.number + rng.randint(-10, 10),
                finished_at=timezone.now(),
            )
            for r in revs
        ),
        batch_size=500,
    )
    stages = []
    for analysis in analyses:
        notes = [
            {
                "start": 10 * k,
                "end": 10 * k + 5,
                "category": "spelling" if k % 2 else "grammar",
                "message": f"Note of kind {kind}.",
                "rule": kind,
                "suggestions": [],
            }
            for k, kind in enumerate(rng.sample(NOTE_KINDS, rng.randint(0, 4)))
        ]
        scores = {
            "criteria": [
                {"name": c.name, "level": "", "points": rng.randint(1, 4), "max_points": 4}
                for c in criteria
            ],
            "overall": {"points": 3, "max_points": 12, "percent": analysis.overall_percent},
            "features": {f"f{i}": rng.random() for i in range(40)},
        }
        analysis.digest = digest_of_stages({"notes": {"annotations": notes}, "scores": scores})
        stages.append(
            StageResult(analysis=analysis, stage="notes", seq=2, data={"annotations": notes})
        )
        stages.append(StageResult(analysis=analysis, stage="scores", seq=3, data=scores))
    StageResult.objects.bulk_create(stages, batch_size=500)
    Analysis.objects.bulk_update(analyses, ["digest"], batch_size=500)
    latest = [r for r in revs if r.number == revisions]
    TeacherReview.objects.bulk_create(
        TeacherReview(
            revision=r,
            teacher=teacher,
            points={c.name: rng.randint(1, 4) for c in criteria},
            total=8.0,
            max_total=12.0,
        )
        for r in latest[: len(latest) // 2]
    )
    return assignment, teacher
