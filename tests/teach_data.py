"""Essays with stored (synthetic) analysis stages, for the teacher's marking pages.

The stage data has the engine's shape; offsets point into our own test essay.
"""

from __future__ import annotations

from typing import Any

from coaching.models import Analysis, StageResult, digest_of_stages
from essays.models import Assignment, Essay, Revision, User, text_hash
from tests.factories import UNIFORM_ESSAY


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def notes_for(text: str) -> list[dict[str, Any]]:
    notes = []
    for words, category, rule, message in (
        ("uniforms reduce", "grammar", "rule:test-agreement", "Check the verb agrees."),
        ("cheap", "spelling", "harper:SpellCheck", "Is this the word you meant?"),
        ("Second, uniforms", "punctuation", "rule:test-comma", "A comma here is fine."),
    ):
        if words in text:
            start, end = _span(text, words)
            notes.append(
                {
                    "start": start,
                    "end": end,
                    "category": category,
                    "message": message,
                    "suggestions": [],
                    "rule": rule,
                }
            )
    return notes


def stages_for(text: str, assignment: Assignment) -> dict[str, dict[str, Any]]:
    criteria = []
    for criterion in assignment.rubric.criteria.all():
        criteria.append(
            {
                "name": criterion.name,
                "level": "Good",
                "points": 3,
                "max_points": 4,
                "rationale": f"The machine's reason for {criterion.name}.",
                "evidence": [{"quote": text.split(".")[0]}],
                "confidence": 0.6,
            }
        )
    return {
        "overview": {"words": 90, "paragraphs": 5, "sentences": 9, "avg_sentence_words": 10.0},
        "notes": {"annotations": notes_for(text)},
        "scores": {
            "criteria": criteria,
            "overall": {"points": 9, "max_points": 12, "percent": 75.0},
        },
        "summary": {"strengths": ["Clear position."], "next_steps": ["Add evidence."]},
    }


def add_revision(
    assignment: Assignment,
    student: User,
    text: str = UNIFORM_ESSAY,
    *,
    late: bool = False,
    stages: dict[str, dict[str, Any]] | None = None,
) -> Revision:
    """A submitted revision whose analysis is done, without running the engine."""
    essay, _created = Essay.objects.get_or_create(assignment=assignment, student=student)
    number = essay.revisions.count() + 1
    revision = Revision.objects.create(
        essay=essay,
        number=number,
        text=text,
        text_sha256=text_hash(text),
        word_count=len(text.split()),
        late=late,
    )
    data = stages or stages_for(text, assignment)
    percent = data.get("scores", {}).get("overall", {}).get("percent")
    analysis = Analysis.objects.create(
        revision=revision, status="done", overall_percent=percent, digest=digest_of_stages(data)
    )
    StageResult.objects.bulk_create(
        StageResult(analysis=analysis, stage=stage, seq=i, data=payload)
        for i, (stage, payload) in enumerate(data.items(), start=1)
    )
    return revision
