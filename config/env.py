"""Strict environment helpers: bad values fail loudly at start-up, not at 3 a.m."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """A string from NAME, or from the file named by NAME_FILE (for mounted secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_path!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no)")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from exc
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}")
    return value


def env_float(name: str, default: float, *, minimum: float | None = None) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a number") from exc
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} must be at least {minimum}")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def strong_secret(value: str) -> bool:
    """Django's own test for a usable key (check --deploy): long and varied."""
    return (
        len(value) >= 50
        and len(set(value)) >= 5
        and not value.startswith("django-insecure-")
        and value not in {"tests-only-secret", "build-only"}
    )


def local_secret_key(path: Path) -> str:
    """The installation's key, generated once and kept (mode 0600) in the data folder."""
    import secrets

    return local_key_file(path, make=lambda: secrets.token_urlsafe(64), valid=strong_secret)


def local_key_file(path: Path, *, make: Callable[[], str], valid: Callable[[str], bool]) -> str:
    """A key made once by `make` and kept (mode 0600) at `path`; a key there that is not
    `valid` (empty, weak, left by hand) is replaced. Safe when processes start together."""
    import secrets

    try:
        key = path.read_text().strip()
        found = True
    except FileNotFoundError:
        key, found = "", False
    if valid(key):
        return key
    key = make()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key + "\n")
    try:
        if found:  # a weak or empty key left by hand: replace it
            os.replace(tmp, path)
        else:
            # link() fails if another process got there first: then both use its key
            os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text().strip()
