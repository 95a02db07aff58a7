"""Hostile files, built here (no fixtures on disk): zip bombs, entity and depth bombs,
PDFs whose streams inflate past the limits. No Django imports: the parse child imports
this module when a test hands it one of the functions below."""

from __future__ import annotations

import io
import os
import re
import struct
import time
import zipfile
import zlib
from pathlib import Path

import docx

MB = 1024 * 1024


def plain_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rebuild_docx(replace: dict[str, bytes]) -> bytes:
    """A real python-docx document with some members replaced."""
    members = _members(plain_docx("An honest paragraph."))
    members.update(replace)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand: (name, compressed bytes, method, crc, uncompressed size)."""
    out = io.BytesIO()
    central = []
    for name, body, method, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,  # local file header
                20,  # version needed
                0,  # flags
                method,  # 0 stored, 8 deflate
                0,  # time
                0x21,  # date
                crc,
                len(body),
                size,
                len(encoded),
                0,  # extra length
            )
        )
        out.write(encoded)
        out.write(body)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0x21,
                crc,
                len(body),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for record in central:
        out.write(record)
    end = out.tell()
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), end - start, start, 0
        )
    )
    return out.getvalue()


def zip_bomb_docx(inflated_mb: int = 1100) -> bytes:
    """A .docx whose document part really inflates to `inflated_mb` MB of zeros (about
    1 MB on disk): each 1 MB of zeros compresses to the same bytes after a full flush, so
    the stream is one block repeated."""
    chunk = b"\0" * MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(inflated_mb):
        crc = zlib.crc32(chunk, crc)
    entries = []
    for name, body in _members(plain_docx("Bomb")).items():
        if name == "word/document.xml":
            continue
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = packer.compress(body) + packer.flush()
        entries.append((name, packed, 8, zlib.crc32(body), len(body)))
    entries.append(("word/document.xml", block * inflated_mb + tail, 8, crc, inflated_mb * MB))
    return _raw_zip(entries)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def malformed_xml_docx() -> bytes:
    return rebuild_docx(
        {"word/document.xml": f"<w:document {W}><w:body><w:p><w:r><w:t>Half".encode()}
    )


def entity_bomb_docx() -> bytes:
    """Billion laughs in the document part."""
    lol = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return rebuild_docx({"word/document.xml": xml.encode()})


def deep_xml_docx(depth: int = 100_000) -> bytes:
    xml = (
        f"<w:document {W}><w:body>"
        + "<w:p><w:r>" * depth
        + "</w:r></w:p>" * depth
        + "</w:body></w:document>"
    )
    return rebuild_docx({"word/document.xml": xml.encode()})


# ---------------------------------------------------------------------- PDF


def pdf(pages: int, content: bytes, *, flate: bool = False, shared: bool = True) -> bytes:
    """A PDF with `pages` pages. Each page's content is `content` (FlateDecode when
    `flate`); with `shared`, every page points at the same one stream object."""
    body = zlib.compress(content, 9) if flate else content
    filters = b" /Filter /FlateDecode" if flate else b""
    stream = b"<< /Length %d%s >>\nstream\n" % (len(body), filters) + body + b"\nendstream"
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")  # 3
    page_ids = []
    content_ids = []
    if shared:
        objects.append(stream)
        content_ids = [len(objects)] * pages
    for k in range(pages):
        if not shared:
            objects.append(stream)
            content_ids.append(len(objects))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_ids[k]
        )
        page_ids.append(len(objects))
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def text_operators(size: int) -> bytes:
    """A content stream of about `size` bytes of text-showing operators."""
    line = b"BT /F1 12 Tf 72 720 Td (Uniforms are fair and cheap) Tj ET\n"
    return line * (size // len(line) + 1)


def inflating_pdf(inflated_mb: int = 40) -> bytes:
    """One page whose content stream inflates to `inflated_mb` MB of spaces."""
    return pdf(1, b" " * (inflated_mb * MB), flate=True)


def shared_stream_pdf(pages: int = 10, stream_mb: float = 4) -> bytes:
    """Ten pages sharing one large stream of text operators (small on disk)."""
    return pdf(pages, text_operators(int(stream_mb * MB)), flate=True)


def star_markdown(kb: int) -> bytes:
    return b" *a" * (kb * 1024 // 3)


# ---------------------------------------------------------------------- run in the child

_QUADRATIC_ITALICS = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")


def old_italics(text: str) -> str:
    """The italics pattern as it was before issue 9: quadratic on " *a" * N."""
    return _QUADRATIC_ITALICS.sub(r"\2", text)


def hog_memory(megabytes: int) -> int:
    """Allocate `megabytes` MB and touch it."""
    block = bytearray(megabytes * MB)
    return len(block)


def parse_when_released(folder: str, release: str) -> str:
    """A parse that holds its child until the test lets it go: it says it has started (a
    file of its own in `folder`), then waits for the file `release` to exist."""
    started = Path(folder) / f"started-{os.getpid()}"
    started.touch()
    gate = Path(release)
    while not gate.exists():
        time.sleep(0.02)
    return "released"
