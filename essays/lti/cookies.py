"""Partitioned cookies (CHIPS) for pages inside an LMS iframe.

Chromium refuses unpartitioned third-party cookies; a cookie marked `Partitioned` is
kept per top-level site, so the session made by a launch inside Canvas works inside
Canvas (and nowhere else). Django 5.2 and Python 3.11's `http.cookies` cannot write the
attribute, so the morsel learns it here (Python 3.14 knows it already).
"""

from __future__ import annotations

from http import cookies

from django.http import HttpResponseBase

PARTITIONED = "partitioned"


def allow_partitioned_attribute() -> None:
    morsel = cookies.Morsel
    if PARTITIONED not in morsel._reserved:  # type: ignore[attr-defined]
        morsel._reserved[PARTITIONED] = "Partitioned"  # type: ignore[attr-defined]
        morsel._flags.add(PARTITIONED)  # type: ignore[attr-defined]


def partition(
    response: HttpResponseBase, names: set[str], *, prefix: str = "", partitioned: bool = True
) -> list[str]:
    """Mark the response's cookies in `names` (or starting with `prefix`) as cross-site,
    secure and (unless told not to) partitioned; returns the names changed."""
    changed = []
    for name, morsel in response.cookies.items():
        if name in names or (prefix and name.startswith(prefix)):
            morsel["samesite"] = "None"
            morsel["secure"] = True
            morsel[PARTITIONED] = partitioned
            changed.append(name)
    return changed
