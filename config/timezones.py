"""Each person's own time zone (User.time_zone), for pages and for the feedback stream."""

from __future__ import annotations

import zoneinfo
from typing import Any


def user_zone(user: Any) -> zoneinfo.ZoneInfo | None:
    """The person's own time zone, or None for the server's (TIME_ZONE)."""
    name = getattr(user, "time_zone", "") if getattr(user, "is_authenticated", False) else ""
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None  # a zone this server no longer knows: fall back to TIME_ZONE
