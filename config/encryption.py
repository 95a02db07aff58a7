"""Encryption at rest of what students and teachers write (essays/fields.py uses it).

Keys are Fernet keys (AES-128-CBC with HMAC-SHA256) from ESSAYCOACH_ENCRYPTION_KEYS,
comma-separated, newest first: the first encrypts, every one decrypts. Rotation without
downtime: put the new key first and keep the old one after it, deploy, run
`manage.py rotate_encryption` (re-encrypts every row with the first key), then drop the
old key. In a local install the key is made once into the data folder (var/).
"""

from __future__ import annotations

import functools
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1:"  # marks a stored value as ours (and its format's version)


def valid_key(key: str) -> bool:
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True


def new_key() -> str:
    return Fernet.generate_key().decode()


@functools.cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    bad = [i + 1 for i, key in enumerate(keys) if not valid_key(key)]
    if not keys or bad:
        raise ImproperlyConfigured(
            "ESSAYCOACH_ENCRYPTION_KEYS must hold Fernet keys (32 url-safe base64 bytes); "
            f"key {bad} is not one. Make one with: manage.py rotate_encryption --new-key"
        )
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(plain: bytes) -> str:
    return PREFIX + fernet().encrypt(plain).decode("ascii")


def decrypt(stored: str) -> bytes:
    """The plaintext of a stored value; a value written before encryption was switched
    on (no prefix) is returned as it is, so the migration can run on a live database."""
    if not stored.startswith(PREFIX):
        return stored.encode()
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode("ascii"))
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with ESSAYCOACH_ENCRYPTION_KEYS: "
            "was a key dropped before `manage.py rotate_encryption` finished?"
        ) from exc


def rotate(stored: str) -> str:
    """The value encrypted with the newest key (plaintext is encrypted)."""
    if not stored.startswith(PREFIX):
        return encrypt(stored.encode())
    return PREFIX + fernet().rotate(stored[len(PREFIX) :].encode("ascii")).decode("ascii")


# --- used by the migrations that switch encryption on -------------------------------------


def encrypt_rows(model: Any, fields: list[str], batch: int = 500) -> int:
    """Re-save `fields` of every row of a (historical) model whose fields are encrypted:
    plaintext left from before is read as it is and written encrypted."""
    done, pending = 0, []
    for obj in model.objects.only("pk", *fields).iterator(chunk_size=batch):
        pending.append(obj)
        if len(pending) >= batch:
            model.objects.bulk_update(pending, fields)
            done, pending = done + len(pending), []
    if pending:
        model.objects.bulk_update(pending, fields)
    return done + len(pending)


def decrypt_rows(connection: Any, table: str, columns: list[str], binary: bool = False) -> None:
    """Write the plaintext back into `columns` (migrating backwards), with plain SQL."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for column in columns:
            cursor.execute(f"SELECT id, {quote(column)} FROM {quote(table)}")  # noqa: S608
            for pk, stored in cursor.fetchall():
                if stored is None:
                    continue
                raw = bytes(stored).decode("ascii", "replace") if binary else stored
                if not raw.startswith(PREFIX):
                    continue
                plain: bytes | str = decrypt(raw) if binary else decrypt(raw).decode()
                cursor.execute(
                    f"UPDATE {quote(table)} SET {quote(column)} = %s WHERE id = %s",  # noqa: S608
                    [plain, pk],
                )
