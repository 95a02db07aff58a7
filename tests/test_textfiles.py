import io

import docx
import pytest

from essays.textfiles import UnreadableFile, extract_text


def _pdf_with_text(lines: list[str]) -> bytes:
    """A minimal one-page PDF with real text objects, built by hand (no PDF writer needed)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_plain_text_and_windows_line_endings():
    text = extract_text("essay.txt", b"First paragraph.\r\n\r\nSecond one.\r\n")
    assert text == "First paragraph.\n\nSecond one.\n"


def test_cp1252_text_is_decoded():
    assert extract_text("essay.txt", "Café culture".encode("cp1252")) == "Café culture\n"


def test_markdown_markup_is_removed():
    text = extract_text("essay.md", b"# My title\n\nSome **bold** and _quiet_ [words](http://x).\n")
    assert text == "My title\n\nSome bold and quiet words.\n"


def test_docx_paragraphs_become_paragraphs():
    document = docx.Document()
    document.add_paragraph("Uniforms are fair.")
    document.add_paragraph("")
    document.add_paragraph("They also save money.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract_text("essay.docx", buffer.getvalue()) == (
        "Uniforms are fair.\n\nThey also save money.\n"
    )


def test_pdf_text_is_extracted():
    text = extract_text("essay.pdf", _pdf_with_text(["Uniforms are fair", "and cheap."]))
    assert "Uniforms are fair" in text
    assert "cheap" in text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("essay.docx", b"not a zip", "damaged"),
        ("essay.pdf", b"%PDF-1.4 garbage", "damaged"),
        ("essay.txt", b"   \n ", "found no text"),
        ("essay.odt", b"x", "not a file we can read"),
        ("essay.txt", b"\x00\x01\x02binary", "does not look like text"),
    ],
)
def test_unreadable_files_get_a_clear_message(name, data, message):
    with pytest.raises(UnreadableFile, match=message):
        extract_text(name, data)
