"""Rubric files: export and import round trips, tables from Word and PDF, and malformed
files that name the row and the problem and save nothing."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coaching.models import Rubric
from coaching.rubric_draft import from_rubric, to_dict
from coaching.rubric_io import (
    MAX_FILE_BYTES,
    RubricFileError,
    export_csv,
    export_json,
    import_file,
)
from tests.conftest import client_for, htmx_headers


def _pdf(cells: list[tuple[float, float, str]]) -> bytes:
    """A one-page PDF with text placed at (x, y), built by hand (no PDF writer needed)."""
    ops = " ".join(f"BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET" for x, y, text in cells)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
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


@pytest.fixture
def starter(db):
    return Rubric.objects.get(name="Literary analysis", is_starter=True)


def test_json_round_trip_is_exact(starter):
    original = from_rubric(starter)
    imported = import_file("rubric.json", export_json(original).encode())
    assert imported.exact
    assert to_dict(imported.draft) == to_dict(original)


def test_csv_round_trip_is_exact(starter):
    original = from_rubric(starter)
    imported = import_file("Literary analysis.csv", export_csv(original).encode())
    assert imported.draft.name == "Literary analysis"  # from the file name
    assert to_dict(imported.draft)["criteria"] == to_dict(original)["criteria"]


def test_csv_export_neutralises_formulas(starter):
    draft = from_rubric(starter)
    draft.criteria[0].name = "=HYPERLINK(1)"
    draft.criteria[0].levels[0].descriptor = "+cmd"
    text = export_csv(draft)
    assert "'=HYPERLINK(1)" in text and "'+cmd" in text
    back = import_file("x.csv", text.encode()).draft
    assert back.criteria[0].name == "=HYPERLINK(1)"


CSV_HEADER = "criterion,description,weight,measures,level,points,descriptor\n"


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "Thesis,,1,,Strong,four,x\nThesis,,1,,Weak,1,y\n",
            "Row 2: points “four” is not a whole number.",
        ),
        (
            "Thesis,,1,,Strong,4,x\nThesis,,1,,Weak,4,y\n",
            "Row 3: Another level of this criterion has the same points.",
        ),
        ("Thesis,,0,,Strong,4,x\nThesis,,0,,Weak,1,y\n", "Row 2: The weight must be more than 0."),
        ("Thesis,,1,,Strong,4,x\n", "Row 2: A criterion needs at least two levels."),
        (
            "Thesis,,1,mind-reading,Strong,4,x\nThesis,,1,,Weak,1,y\n",
            "Row 2: “mind-reading” is not something the engine measures",
        ),
        ("Thesis,,1,,,4,x\nThesis,,1,,Weak,1,y\n", "Row 2: Give this level a label."),
        ("", "A rubric needs at least one criterion."),
    ],
)
def test_malformed_csv_names_the_row_and_the_problem(body, problem):
    with pytest.raises(RubricFileError) as caught:
        import_file("bad.csv", (CSV_HEADER + body).encode())
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems


def test_csv_without_the_needed_columns():
    with pytest.raises(RubricFileError) as caught:
        import_file("bad.csv", b"name,score\nThesis,4\n")
    assert caught.value.problems[0].startswith("Row 1: the header needs the columns")


def test_csv_from_a_spreadsheet_with_semicolons_and_windows_encoding():
    text = (
        "Criterion;Level;Points;Descriptor\r\n"
        "Organisation;Très bien;4;Clair\r\nOrganisation;Faible;1;Confus\r\n"
    )
    draft = import_file("export.csv", text.encode("cp1252")).draft
    assert draft.criteria[0].name == "Organisation"
    assert [lv.label for lv in draft.criteria[0].levels] == ["Très bien", "Faible"]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"{not json", "This JSON file is damaged (line 1)"),
        (b"[1, 2]", "The JSON needs an object with a “criteria” list."),
        (json.dumps({"criteria": ["x"]}).encode(), "Criterion 1: it must be an object."),
        (
            json.dumps(
                {
                    "name": "R",
                    "criteria": [
                        {
                            "name": "A",
                            "levels": [{"label": "x", "points": 1}, {"label": "y", "points": 1}],
                        }
                    ],
                }
            ).encode(),
            "Criterion 1, level 2: Another level of this criterion has the same points.",
        ),
        (
            json.dumps(
                {
                    "name": "R",
                    "criteria": [
                        {
                            "name": "A",
                            "weight": -2,
                            "levels": [{"label": "x", "points": 2}, {"label": "y", "points": 1}],
                        }
                    ],
                }
            ).encode(),
            "Criterion 1: The weight must be more than 0.",
        ),
        (
            json.dumps(
                {
                    "name": "R",
                    "criteria": [
                        {
                            "name": "A",
                            "levels": [{"label": "x", "points": True}, {"label": "y", "points": 1}],
                        }
                    ],
                }
            ).encode(),
            "Criterion 1, level 1: Points must be a whole number",
        ),
    ],
)
def test_malformed_json_names_the_entry_and_the_problem(data, problem):
    with pytest.raises(RubricFileError) as caught:
        import_file("bad.json", data)
    assert any(p.startswith(problem) for p in caught.value.problems), caught.value.problems


def _docx_table(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Rubric for the persuasive letter")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_grid_in_a_word_document_becomes_a_draft_to_check():
    data = _docx_table(
        [
            ["Criteria", "Excellent (4)", "Good (3)", "Needs work (1)"],
            ["Purpose\nKnows why it is written", "Clear purpose", "Mostly clear", "Unclear"],
            ["Tone", "Polite and firm", "Mostly polite", "Rude"],
        ]
    )
    imported = import_file("letter rubric.docx", data)
    assert not imported.exact
    draft = imported.draft
    assert draft.name == "letter rubric"
    assert [c.name for c in draft.criteria] == ["Purpose", "Tone"]
    assert draft.criteria[0].description == "Knows why it is written"
    assert [(lv.label, lv.points, lv.descriptor) for lv in draft.criteria[0].levels] == [
        ("Excellent", "4", "Clear purpose"),
        ("Good", "3", "Mostly clear"),
        ("Needs work", "1", "Unclear"),
    ]


def test_a_grid_without_points_counts_down():
    data = _docx_table([["", "Strong", "Weak"], ["Ideas", "Fresh", "Thin"]])
    levels = import_file("r.docx", data).draft.criteria[0].levels
    assert [(lv.label, lv.points) for lv in levels] == [("Strong", "2"), ("Weak", "1")]


def test_a_long_table_in_a_word_document_reads_like_our_csv():
    data = _docx_table(
        [
            ["Criterion", "Level", "Points", "Descriptor"],
            ["Ideas", "Strong", "2", "Fresh"],
            ["Ideas", "Weak", "1", "Thin"],
        ]
    )
    draft = import_file("r.docx", data).draft
    assert [(lv.label, lv.points) for lv in draft.criteria[0].levels] == [
        ("Strong", "2"),
        ("Weak", "1"),
    ]


def test_a_grid_in_a_pdf_becomes_a_draft_to_check():
    rows = [
        (500, ["Criterion", "Excellent (4)", "Fair (2)", "Poor (1)"]),
        (480, ["Structure", "Clear paragraphs", "Some order", "None"]),
        (468, ["", "throughout", "", ""]),
        (448, ["Evidence", "Apt quotations", "A few quotes", "No quotes"]),
    ]
    columns = (40, 200, 400, 600)
    cells = [
        (x, y, text) for y, texts in rows for x, text in zip(columns, texts, strict=True) if text
    ]
    draft = import_file("rubric.pdf", _pdf(cells)).draft
    assert [c.name for c in draft.criteria] == ["Structure", "Evidence"]
    first = draft.criteria[0].levels
    assert [(lv.label, lv.points) for lv in first] == [
        ("Excellent", "4"),
        ("Fair", "2"),
        ("Poor", "1"),
    ]
    assert first[0].descriptor == "Clear paragraphs throughout"
    assert draft.criteria[1].levels[2].descriptor == "No quotes"


@pytest.mark.parametrize(
    ("filename", "data", "problem"),
    [
        ("r.docx", b"PK\x03\x04 not really a zip", "This file is damaged or not a real .docx"),
        ("r.docx", b"plain text pretending", "This file is damaged or not a real .docx"),
        ("r.pdf", b"%PDF-1.4 garbage", "This PDF is damaged"),
        ("r.pdf", b"\x00\x01\x02", "This PDF is damaged"),
        ("r.xlsx", b"whatever", "Upload a .csv, .json, .docx or .pdf file"),
        ("r.csv", b"", "The file is empty."),
        ("r.csv", b"\xff\xfe\x00\x00" + b"\x81" * 10, "This file is not text we can read"),
    ],
)
def test_damaged_files_give_a_message_not_an_error(filename, data, problem):
    with pytest.raises(RubricFileError) as caught:
        import_file(filename, data)
    assert caught.value.problems[0].startswith(problem), caught.value.problems


def test_a_document_without_a_table():
    document = docx.Document()
    document.add_paragraph("No table here.")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(RubricFileError) as caught:
        import_file("r.docx", out.getvalue())
    assert "no table" in caught.value.problems[0]
    with pytest.raises(RubricFileError) as caught:
        import_file("r.pdf", _pdf([(40, 500, "Just a line of text")]))
    assert "no table" in caught.value.problems[0]


def test_size_is_bounded():
    with pytest.raises(RubricFileError) as caught:
        import_file("big.csv", b"x" * (MAX_FILE_BYTES + 1))
    assert "Too large (1,048,577 bytes; the limit is 1,048,576 bytes)" in caught.value.problems[0]


# ---------------------------------------------------------------------- through the pages


def _upload(client, filename: str, data: bytes, htmx: bool = False, **extra):
    return client.post(
        reverse("coaching:teach_rubric_import"),
        {"file": SimpleUploadedFile(filename, data), **extra},
        headers=htmx_headers() if htmx else {},
    )


@pytest.mark.parametrize("htmx", [False, True])
def test_export_then_import_then_save_through_the_pages(school, starter, htmx):
    client = client_for(school.teacher)
    before = Rubric.objects.count()
    for fmt in ("csv", "json"):
        response = client.get(reverse("coaching:teach_rubric_export", args=[starter.pk, fmt]))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="literary-analysis.{fmt}"'
        data = response.content
        preview = _upload(client, f"literary-analysis.{fmt}", data, htmx=htmx, name="Lit v2")
        body = preview.content.decode()
        assert preview.status_code == 200
        assert "nothing is saved yet" in body
        assert 'value="Lit v2"' in body and 'value="Textual evidence"' in body
        assert Rubric.objects.count() == before  # a preview saves nothing
    # The preview's form posts to the builder, which saves.
    draft = from_rubric(starter)
    post = {"name": "Lit v2", "description": draft.description}
    for i, c in enumerate(draft.criteria):
        post |= {f"c-{i}-name": c.name, f"c-{i}-weight": c.weight, f"c-{i}-measures": c.measures}
        for j, lv in enumerate(c.levels):
            post |= {f"c-{i}-l-{j}-label": lv.label, f"c-{i}-l-{j}-points": lv.points}
    assert client.post(reverse("coaching:teach_rubric_new"), post).status_code == 302
    saved = Rubric.objects.get(name="Lit v2", owner=school.teacher)
    assert to_dict(from_rubric(saved))["criteria"][1]["levels"][0]["points"] == 4


def test_a_malformed_upload_names_the_row_and_saves_nothing(school):
    before = Rubric.objects.count()
    response = _upload(
        client_for(school.teacher),
        "bad.csv",
        (CSV_HEADER + "Thesis,,1,,Strong,4,x\nThesis,,1,,Weak,lots,y\n").encode(),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "nothing was saved" in body
    assert "Row 3: points “lots” is not a whole number." in body
    assert Rubric.objects.count() == before


def test_a_damaged_pdf_through_the_page_is_a_message_not_a_500(school):
    response = _upload(client_for(school.teacher), "r.pdf", b"%PDF-1.7\n1 0 obj <<")
    assert response.status_code == 400
    assert "This PDF is damaged" in response.content.decode()


def test_a_word_table_opens_in_the_builder_with_its_problems_marked(school):
    data = _docx_table([["", "Top (4)", "Also top (4)"], ["Ideas", "Fresh", "Fresh too"]])
    response = _upload(client_for(school.teacher), "r.docx", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="c-0-l-1-points-error"' in body and "same points" in body
    assert not Rubric.objects.filter(name="r").exists()


def test_no_file_chosen(school):
    response = client_for(school.teacher).post(reverse("coaching:teach_rubric_import"), {})
    assert response.status_code == 400
    assert "Choose a file to import." in response.content.decode()


def test_unknown_export_format_is_404(school, starter):
    url = reverse("coaching:teach_rubric_export", args=[starter.pk, "xml"])
    assert client_for(school.teacher).get(url).status_code == 404


@pytest.mark.parametrize("persona", ["anonymous", "student", "classmate", "outsider"])
def test_import_is_for_teachers(school, persona):
    from django.test import Client

    user = school.personas()[persona]
    client = client_for(user) if user else Client()
    response = _upload(client, "r.csv", b"criterion,level,points\nA,x,1\nA,y,2\n")
    assert response.status_code == (302 if user is None else 404)
