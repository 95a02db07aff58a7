"""Turn an uploaded .txt, .md, .docx or .pdf file into plain essay text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class UnreadableFile(ValueError):
    """The file cannot be turned into text; the message is safe to show the student."""


def extract_text(name: str, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UnreadableFile(
            _("%(name)s is not a file we can read. Upload a .txt, .md, .docx or .pdf file.")
            % {"name": name}
        )
    if suffix in (".txt", ".md"):
        text = _decode(data)
        if suffix == ".md":
            text = _strip_markdown(text)
    elif suffix == ".docx":
        text = _docx_text(data)
    else:
        text = _pdf_text(data)
    text = _normalise(text)
    if not text.strip():
        raise UnreadableFile(
            _("We found no text in %(name)s. If it is a scan, please type or paste the essay.")
            % {"name": name}
        )
    return text


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        raise UnreadableFile(_("This file does not look like text."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_MD_PATTERNS = [
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
]


def _strip_markdown(text: str) -> str:
    for pattern, replacement in _MD_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _docx_text(data: bytes) -> str:
    import docx  # python-docx; imported here to keep start-up light

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(_("This .docx file is damaged or not a Word document.")) from exc
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(_("This PDF is password-protected. Save it without a password."))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise UnreadableFile(_("This PDF is damaged or cannot be read.")) from exc
    # PDF lines end at the page margin: join wrapped lines, keep blank-line paragraphs.
    text = "\n".join(pages)
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p).strip() for p in paragraphs if p.strip())


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n" if text.strip() else ""
