"""Create the demo class: a teacher, two students, an assignment with its rubric, essays.

Safe to run again: it finds what exists and fills in what is missing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from coaching.models import Criterion, Level, Rubric
from essays.demo import ARGUMENT_RUBRIC, ESSAY_DRAFT, ESSAY_STRONG, PHONES_PROMPT
from essays.models import Assignment, Classroom, Membership, User
from essays.services import draft_save, essay_for, revision_submit

DEMO_PASSWORD = "coach-demo-2026"  # noqa: S105 (printed for the demo on purpose)
DEMO_USERS = {
    "teacher": ("teacher@example.com", "Ms Rivera"),
    "student": ("student@example.com", "Sam Patel"),
    "student2": ("student2@example.com", "Alex Chen"),
}
DEMO_JOIN_CODE = "WRITE24"


def ensure_rubric(spec: dict[str, Any], owner: User | None = None) -> Rubric:
    rubric, created = Rubric.objects.get_or_create(
        name=spec["name"], defaults={"description": spec["description"], "owner": owner}
    )
    if created:
        for order, c in enumerate(spec["criteria"]):
            criterion = Criterion.objects.create(
                rubric=rubric,
                name=c["name"],
                description=c["description"],
                weight=c["weight"],
                order=order,
            )
            Level.objects.bulk_create(
                Level(criterion=criterion, label=label, points=points, descriptor=descriptor)
                for label, points, descriptor in c["levels"]
            )
    return rubric


class Command(BaseCommand):
    help = "Create (or complete) the demo class, users and essays."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--no-essays", action="store_true", help="Do not submit the sample essays."
        )

    @transaction.atomic
    def handle(self, *args: Any, no_essays: bool = False, **options: Any) -> None:
        users = {}
        for key, (email, name) in DEMO_USERS.items():
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
                user.display_name = name
                user.save(update_fields=["display_name"])
            users[key] = user
        teacher = users["teacher"]
        if teacher.role != User.Role.TEACHER:
            teacher.role = User.Role.TEACHER
            teacher.save(update_fields=["role"])
        classroom, _ = Classroom.objects.get_or_create(
            join_code=DEMO_JOIN_CODE,
            defaults={"name": "English 10 — Period 2", "created_by": teacher},
        )
        Membership.objects.get_or_create(
            classroom=classroom, user=users["teacher"], defaults={"role": "teacher"}
        )
        for key in ("student", "student2"):
            Membership.objects.get_or_create(classroom=classroom, user=users[key])
        rubric = ensure_rubric(ARGUMENT_RUBRIC, owner=users["teacher"])
        assignment, _ = Assignment.objects.get_or_create(
            classroom=classroom,
            title="Phones in class: ban them or not?",
            defaults={
                "prompt": PHONES_PROMPT,
                "rubric": rubric,
                "due_at": timezone.now() + timedelta(days=7),
                "min_words": 250,
                "max_words": 900,
            },
        )
        if not no_essays:
            essay = essay_for(assignment=assignment, student=users["student2"])
            if not essay.revisions.exists():
                revision_submit(essay=essay, text=ESSAY_STRONG)
            draft = essay_for(assignment=assignment, student=users["student"])
            if not draft.draft_text and not draft.revisions.exists():
                draft_save(essay=draft, text=ESSAY_DRAFT)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        for key, (email, _name) in DEMO_USERS.items():
            self.stdout.write(f"  {key:9} {email:24} password: {DEMO_PASSWORD}")
        self.stdout.write(f"  class join code: {DEMO_JOIN_CODE}")
