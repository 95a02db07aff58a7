"""Re-encrypt everything encrypted at rest with the newest key (ESSAYCOACH_ENCRYPTION_KEYS).

    manage.py rotate_encryption --new-key   # print a new key to put first in the list
    manage.py rotate_encryption             # re-encrypt every row with the first key

Rows stay readable throughout (every listed key decrypts), so the site keeps running.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser

from config.encryption import encrypt_rows, new_key
from essays.fields import EncryptedBinaryField, EncryptedJSONField, EncryptedTextField

ENCRYPTED = (EncryptedTextField, EncryptedJSONField, EncryptedBinaryField)


def encrypted_fields() -> dict[Any, list[str]]:
    """Every model with encrypted fields, and those fields' names."""
    found: dict[Any, list[str]] = {}
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, ENCRYPTED)]
        if names:
            found[model] = names
    return found


class Command(BaseCommand):
    help = "Re-encrypt every encrypted value with the first key of ESSAYCOACH_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--new-key", action="store_true", help="print a new key and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["new_key"]:
            self.stdout.write(new_key())
            return
        for model, fields in encrypted_fields().items():
            rows = encrypt_rows(model, fields)
            self.stdout.write(f"{model._meta.label}: {rows} rows ({', '.join(fields)})")
        self.stdout.write(self.style.SUCCESS("Every row is encrypted with the first key."))
