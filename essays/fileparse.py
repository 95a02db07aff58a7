"""Read untrusted uploaded files within bounds: size, inflated size, pages, XML shape.

Pure Python, no Django: it runs inside a child process (essays/sandbox.py) that the web
process kills when it takes too long or uses too much memory, so a bomb or a slow pattern
costs the child, never the web process. Every refusal is a `ParseError` with a reason and
the figures the message needs; the Django side (essays/textfiles.py) words it.

Every pattern here is linear in its input: an upload is hostile until read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any


class ParseError(Exception):
    """The file is refused. `reason`: damaged, inflated, pages, encrypted, binary."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params = params


@dataclass(frozen=True)
class Limits:
    max_inflated_bytes: int = 32 * 1024 * 1024  # a .docx unpacked; a PDF's decoded pages
    max_pdf_pages: int = 50
    max_text_chars: int = 2_000_000  # what comes back to the web process


# ---------------------------------------------------------------------- plain text


def decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError as exc:
                raise ParseError("binary") from exc
        raise ParseError("binary")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# Each pattern stops at the next delimiter it could close on, so a failed attempt costs
# the distance to that delimiter and the whole pass stays linear (the former `(.+?)` ran
# to the end of the line from every "*": quadratic on " *a" * N, 27 s for 90 KB).
_MD_PATTERNS = [
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # quotes
    (re.compile(r"\*\*([^*\n]+)\*\*"), r"\1"),  # bold
    (re.compile(r"__([^_\n]+)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?![\s_])([^_\n]+)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)"), r"\1"),  # links and images
    (re.compile(r"`([^`\n]*)`"), r"\1"),  # inline code
]


def strip_markdown(text: str) -> str:
    for pattern, replacement in _MD_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def normalise(text: str) -> str:
    """Line endings, trailing blanks, runs of blank lines; NULs dropped (PostgreSQL
    refuses them in text). Line by line: a regex over a long run of spaces would be
    quadratic."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    out: list[str] = []
    blank = 0
    for line in lines:
        blank = blank + 1 if not line else 0
        if blank <= 1:
            out.append(line)
    text = "\n".join(out).strip()
    return text + "\n" if text else ""


def join_wrapped(text: str) -> str:
    """PDF lines end at the page margin: join wrapped lines, keep blank-line paragraphs."""
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def csv_rows(text: str, limits: Limits, *, max_rows: int) -> list[list[str]]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            rows.append(row)
            if len(rows) > max_rows:
                break
    except csv.Error as exc:
        raise ParseError("damaged", detail=str(exc)[:200]) from exc
    return rows


# ---------------------------------------------------------------------- .docx

_XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


def check_docx(data: bytes, limits: Limits) -> None:
    """Before python-docx reads anything: a real zip, every member's unpacked size (from
    its header: zipfile never inflates a member past it) within the total, and no DTD in
    any XML part (Word writes none; a DTD is how entity bombs start)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ParseError("damaged") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > 2000:
            raise ParseError("damaged")
        total = sum(max(info.file_size, 0) for info in infos)
        if total > limits.max_inflated_bytes:
            raise ParseError("inflated", size=total, limit=limits.max_inflated_bytes)
        names = {info.filename for info in infos}
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise ParseError("damaged")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(info) as member:
                        head = member.read(limits.max_inflated_bytes + 1)
                except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
                    raise ParseError("damaged") from exc
                if any(token in head for token in _XML_DECLARATIONS):
                    raise ParseError("damaged")


def _open_docx(data: bytes, limits: Limits) -> Any:
    check_docx(data, limits)
    import docx  # python-docx: lxml without entity resolution or network, depth-limited

    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes, limits: Limits) -> str:
    document = _open_docx(data, limits)
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())


def docx_table_rows(
    data: bytes, limits: Limits, *, max_rows: int, max_cols: int
) -> list[list[str]] | None:
    """The largest table's cells, or None when the document has no table."""
    document = _open_docx(data, limits)
    tables = document.tables
    if not tables:
        return None
    table = max(tables, key=lambda t: len(t.rows) * len(t.columns))
    return [[cell.text for cell in row.cells[:max_cols]] for row in table.rows[: max_rows + 1]]


# ---------------------------------------------------------------------- .pdf


def pdf_pages_text(data: bytes, limits: Limits, *, layout: bool, max_pages: int) -> list[str]:
    """Text of the first `max_pages` pages. Refused when the PDF has more pages than the
    limit allows, when any stream inflates past the limit, or when the pages' contents
    together do (ten pages sharing one large stream count it ten times: they cost ten
    times the work)."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    cap = limits.max_inflated_bytes
    with apply_configuration(
        maximum_declared_stream_length=cap,
        zlib_maximum_output_length=cap,
        lzw_maximum_output_length=cap,
        run_length_maximum_output_length=cap,
        array_based_stream_maximum_output_length=cap,
        brotli_maximum_output_length=cap,
        jbig2_maximum_output_length=cap,
        image_maximum_buffer_size=cap,
        stream_decoding_work_maximum_length=cap,
        xfa_decoding_work_maximum_length=cap,
        page_tree_maximum_entries=10_000,
        page_tree_maximum_page_entries=100_000,
    ):
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ParseError("encrypted")
            count = len(reader.pages)
            if count > limits.max_pdf_pages:
                raise ParseError("pages", pages=count, limit=limits.max_pdf_pages)
            pages = list(reader.pages[:max_pages])
            decoded = 0
            for page in pages:  # the whole budget before any (slow) text extraction
                contents = page.get_contents()
                decoded += len(contents.get_data()) if contents is not None else 0
                if decoded > cap:
                    raise ParseError("inflated", size=decoded, limit=cap, at_least=True)
            texts: list[str] = []
            for page in pages:
                if layout:
                    texts.append(page.extract_text(extraction_mode="layout") or "")
                else:
                    texts.append(page.extract_text() or "")
                if sum(len(t) for t in texts) > limits.max_text_chars:
                    raise ParseError("inflated", size=decoded, limit=cap, at_least=True)
        except LimitReachedError as exc:
            raise ParseError("inflated", size=cap, limit=cap, at_least=True) from exc
    return texts


_CELL = re.compile(r"\S+(?: \S+)*")


def pdf_table_rows(
    data: bytes, limits: Limits, *, max_pages: int, max_rows: int, max_cols: int
) -> list[list[str]] | None:
    """A table in a PDF, from pypdf's layout-preserving text: the first line with three or
    more cells (runs of text two spaces apart) fixes the columns; a line with text in the
    first column starts a row, and lines without continue the cells above (wrapped text).
    None when no line has three cells."""
    pages = pdf_pages_text(data, limits, layout=True, max_pages=max_pages)
    lines = [line.rstrip() for line in "\n".join(pages).splitlines() if line.strip()]
    start = None
    for k, line in enumerate(lines):
        if len(_CELL.findall(line, 0, 100_000)) >= 3:
            start = k
            break
    if start is None:
        return None
    header = [(m.start(), m.group()) for m in _CELL.finditer(lines[start])][:max_cols]
    columns = [pos for pos, _text in header]
    rows: list[list[str]] = [[text for _pos, text in header]]
    for line in lines[start + 1 :][:max_rows]:
        placed = [""] * len(columns)
        for m in _CELL.finditer(line):
            col = max((k for k, c in enumerate(columns) if c <= m.start() + 2), default=0)
            placed[col] = (placed[col] + " " + m.group()).strip()
        if placed[0] or len(rows) == 1:
            rows.append(placed)
        else:
            rows[-1] = [(a + " " + b).strip() for a, b in zip(rows[-1], placed, strict=True)]
    return rows


# ---------------------------------------------------------------------- essays


def essay_text(suffix: str, data: bytes, limits: Limits) -> str:
    """The essay in an uploaded file as plain text ("" when there is none)."""
    if suffix in (".txt", ".md"):
        text = decode_text(data)
        if suffix == ".md":
            text = strip_markdown(text)
    elif suffix == ".docx":
        text = docx_text(data, limits)
    elif suffix == ".pdf":
        pages = pdf_pages_text(data, limits, layout=False, max_pages=limits.max_pdf_pages)
        text = join_wrapped("\n".join(pages))
    else:
        raise ParseError("damaged")
    return normalise(text)[: limits.max_text_chars]
