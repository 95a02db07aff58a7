"""Turn an uploaded .txt, .md, .docx or .pdf file into plain essay text.

The parsing itself (essays/fileparse.py) runs in a child process with limits of time and
memory (essays/sandbox.py); here the limits come from settings and every refusal becomes
a message that says what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from essays.fileparse import Limits, ParseError, essay_text
from essays.sandbox import ChildLimit, ChildrenBusy, run_bounded

logger = logging.getLogger(__name__)

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class UnreadableFile(ValueError):
    """The file cannot be turned into text; the message is safe to show the student.
    `reason` says why (damaged, too_large, inflated, pages, encrypted, binary, timeout,
    memory, empty, type, unavailable, busy) for logs and tests."""

    def __init__(self, message: str, *, reason: str = "damaged") -> None:
        super().__init__(message)
        self.reason = reason


def size_text(size: int) -> str:
    """A size as people read it: "850 KB", "5.3 MB", "1,100 MB"."""
    if size < 1024 * 1024:
        return _("%(n)s KB") % {"n": f"{max(size, 1) / 1024:,.0f}" if size >= 1024 else "1"}
    mb = size / (1024 * 1024)
    return _("%(n)s MB") % {"n": f"{mb:,.1f}" if mb < 10 else f"{mb:,.0f}"}


def too_large_message(size: int, limit: int) -> str:
    shown, shown_limit = size_text(size), size_text(limit)
    if shown == shown_limit:  # just over the limit: the bytes tell them apart
        shown = _("%(n)s bytes") % {"n": f"{size:,}"}
        shown_limit = _("%(n)s bytes") % {"n": f"{limit:,}"}
    return _(
        "Too large (%(size)s; the limit is %(limit)s). Make the file smaller, or paste the text."
    ) % {"size": shown, "limit": shown_limit}


def parse_limits() -> Limits:
    return Limits(
        max_inflated_bytes=settings.UPLOAD_MAX_INFLATED_BYTES,
        max_pdf_pages=settings.UPLOAD_MAX_PDF_PAGES,
    )


def run_parser(suffix: str, func: Callable[..., Any], *args: Any) -> Any:
    """func(*args) in the bounded child; every way it can fail as an UnreadableFile."""
    try:
        return run_bounded(
            func,
            *args,
            seconds=settings.UPLOAD_PARSE_SECONDS,
            memory_bytes=settings.UPLOAD_PARSE_MEMORY_MB * 1024 * 1024,
            max_running=settings.UPLOAD_PARSE_CONCURRENCY,
        )
    except ChildrenBusy as exc:
        # Refused at once, not queued: the student's request does not wait behind others'.
        raise UnreadableFile(
            _("Many files are being read right now; try again in a moment."), reason="busy"
        ) from exc
    except ParseError as exc:
        raise UnreadableFile(refusal_message(suffix, exc), reason=exc.reason) from exc
    except OSError as exc:  # no child could be started (no processes or temp dir left)
        logger.exception("upload parse child could not start")
        raise UnreadableFile(
            _("We cannot read files just now. Try again in a minute, or paste the text."),
            reason="unavailable",
        ) from exc
    except ChildLimit as exc:
        if exc.reason == "memory":
            message = _(
                "This file needs more memory to read than we allow (%(limit)s MB). Save it "
                "again as a plain .docx or .txt, or paste the text."
            ) % {"limit": settings.UPLOAD_PARSE_MEMORY_MB}
        else:
            message = _(
                "This file took too long to read (over %(seconds)s seconds), so we stopped. "
                "Save it again as a plain .docx or .txt, or paste the text."
            ) % {"seconds": settings.UPLOAD_PARSE_SECONDS}
        raise UnreadableFile(message, reason=exc.reason) from exc


def refusal_message(suffix: str, exc: ParseError) -> str:
    params = exc.params
    if exc.reason == "inflated":
        size = params.get("size", 0)
        limit = params.get("limit", 0)
        what = (
            _("more than %(size)s") % {"size": size_text(size)}
            if params.get("at_least")
            else size_text(size)
        )
        return _(
            "Too large: this %(kind)s unpacks to %(size)s; the limit is %(limit)s. "
            "Save the text alone in a new file, or paste it."
        ) % {"kind": suffix or _("file"), "size": what, "limit": size_text(limit)}
    if exc.reason == "pages":
        return _(
            "This PDF has %(pages)s pages; the limit is %(limit)s. Upload only the essay's pages."
        ) % {"pages": params.get("pages"), "limit": params.get("limit")}
    if exc.reason == "encrypted":
        return _("This PDF is password-protected. Save it without a password.")
    if exc.reason == "binary":
        return _(
            "This file does not look like text. Save the essay as plain text (.txt) or as a "
            ".docx, or paste it."
        )
    if suffix == ".docx":
        return _(
            "This file is damaged or not a real .docx (Word) document. Open it in Word and "
            "save it again, or paste the text."
        )
    if suffix == ".pdf":
        return _(
            "This PDF is damaged or cannot be read. Save it again as a PDF, upload the .docx, "
            "or paste the text."
        )
    return _("This file is damaged or cannot be read. Save it again, or paste the text.")


def extract_text(name: str, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UnreadableFile(
            _("%(name)s is not a file we can read. Upload a .txt, .md, .docx or .pdf file.")
            % {"name": name},
            reason="type",
        )
    if len(data) > settings.ESSAY_MAX_UPLOAD_BYTES:
        raise UnreadableFile(
            too_large_message(len(data), settings.ESSAY_MAX_UPLOAD_BYTES), reason="too_large"
        )
    text = run_parser(suffix, essay_text, suffix, data, parse_limits())
    assert isinstance(text, str)
    if not text.strip():
        raise UnreadableFile(
            _("We found no text in %(name)s. If it is a scan, please type or paste the essay.")
            % {"name": name},
            reason="empty",
        )
    return text
