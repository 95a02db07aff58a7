"""Send the teachers' daily digest now (the worker also sends it every day)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coaching.mail import digest_send


class Command(BaseCommand):
    help = "E-mail each teacher who wants it the last day's new essays to mark."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = digest_send()
        self.stdout.write(f"digest sent to {sent} teacher(s)")
