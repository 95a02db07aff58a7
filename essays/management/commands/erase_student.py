"""Erase a student and everything they wrote (coaching.privacy.erase_student).

manage.py erase_student student@school.example --yes
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coaching.privacy import erase_student
from essays.models import User


class Command(BaseCommand):
    help = "Erase a student: account, essays, drafts, feedback, marks, comments, class PDFs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="do it (without: say what goes)")

    def handle(self, *args: Any, **options: Any) -> None:
        student = User.objects.filter(email__iexact=options["email"]).first()
        if student is None:
            raise CommandError(f"No account with the e-mail address {options['email']}.")
        if student.is_teacher or student.is_staff:
            raise CommandError("Only a student can be erased this way.")
        essays = student.essays.count()
        if not options["yes"]:
            self.stdout.write(f"Would erase {student.email} and {essays} essays. Add --yes.")
            return
        counts = erase_student(student=student, by=None)
        self.stdout.write(self.style.SUCCESS(f"Erased {student.email}: {counts}"))
