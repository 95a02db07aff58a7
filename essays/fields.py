"""Model fields whose values are encrypted at rest (config/encryption.py holds the keys).

What a student or teacher writes (essays, drafts, feedback, comments) is stored as
"enc1:<Fernet token>", so a database dump, a backup or a replica holds no plaintext. An
empty string stays empty (it says nothing, and `draft_text=""` lookups keep working);
other lookups on these fields cannot work (the same text encrypts differently each
time), so none are made. Values written before encryption was switched on are read as
they are until migrations or `manage.py rotate_encryption` encrypt them.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from config.encryption import PREFIX, decrypt, encrypt


class EncryptedTextField(models.TextField):
    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value).decode()

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(str(value).encode())


class EncryptedJSONField(models.TextField):
    """JSON, stored encrypted as text. Reads and writes like a JSONField without lookups."""

    # what django-stubs reads for the attribute's type (a TextField's would be str)
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        return None if value is None else json.loads(decrypt(value))

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return encrypt(json.dumps(value, cls=DjangoJSONEncoder).encode())

    def value_to_string(self, obj: models.Model) -> str:
        return json.dumps(self.value_from_object(obj), cls=DjangoJSONEncoder)

    def formfield(
        self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any
    ) -> Any:
        return super().formfield(form_class=form_class or forms.JSONField, **kwargs)


class EncryptedBinaryField(models.BinaryField):
    def from_db_value(self, value: Any, expression: Any, connection: Any) -> bytes | None:
        if value is None:
            return None
        raw = bytes(value)
        return decrypt(raw.decode("ascii")) if raw.startswith(PREFIX.encode()) else raw

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is not None:
            value = encrypt(bytes(value)).encode("ascii")
        return super().get_db_prep_value(value, connection, prepared)
