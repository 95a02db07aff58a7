"""The anonymised research export (coaching.privacy.research_export): JSON lines, only
from classes whose teacher opted in, pseudonymous ids, no names or e-mail addresses.

    manage.py research_export research.jsonl
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coaching.privacy import research_export


class Command(BaseCommand):
    help = "Write the anonymised research export of opted-in classes as JSON lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="file to write ('-' for standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["path"] == "-":
            rows = research_export(self.stdout)
        else:
            with open(options["path"], "w", encoding="utf-8") as out:
                rows = research_export(out)
        self.stderr.write(f"{rows} revisions exported")
