"""A teacher prints one essay at A4, looks at the class overview (axe, 360 px) and
downloads the class PDF that the worker makes; both PDFs are checked page by page."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from e2e.conftest import axe_violations, log_in, new_student_submits
from e2e.harness import Stack
from essays.demo import ESSAY_STRONG

A4 = (595, 842)  # points


def _size(reader: PdfReader, index: int = 0) -> tuple[int, int]:
    box = reader.pages[index].mediabox
    return round(float(box.width)), round(float(box.height))


def _overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_print_a4_overview_and_class_pdf(browser: Browser, stack: Stack, base_url: str):
    student = browser.new_context(base_url=base_url).new_page()
    new_student_submits(student, "printed", ESSAY_STRONG)
    expect(student.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    revision_id = re.search(r"/revisions/(\d+)/", student.url)[1]
    # the student's own printable copy: nothing released yet, the machine's draft shows
    student.get_by_role("link", name="Printable copy").click()
    expect(student.get_by_role("heading", name="Rubric")).to_be_visible()
    expect(student.get_by_text("Teacher's copy")).to_have_count(0)
    assert axe_violations(student) == []
    name = student.locator("h1.student-name").inner_text()

    teacher = browser.new_context(base_url=base_url).new_page()
    log_in(teacher, "teacher@example.com")
    teacher.goto(f"/teach/revisions/{revision_id}/")
    teacher.get_by_role("link", name="Print", exact=True).click()
    expect(teacher.get_by_text("Teacher's copy")).to_be_visible()
    assert axe_violations(teacher) == []
    teacher.emulate_media(media="print")
    expect(teacher.get_by_role("navigation", name="Print options")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(teacher.pdf(prefer_css_page_size=True, print_background=True)))
    assert _size(pdf) == A4
    text = "".join(page.extract_text() for page in pdf.pages)
    assert name in text and "Rubric" in text and "The essay" in text
    assert "Print options" not in text and "Paper:" not in text

    # the class overview: charts, no axe findings, no sideways scroll on a phone
    teacher.emulate_media(media="screen")
    teacher.goto(f"/teach/revisions/{revision_id}/")
    teacher.locator("main p a").first.click()  # the assignment's submissions
    teacher.get_by_role("link", name="Class overview, grades and PDF").click()
    expect(teacher.get_by_role("heading", name=re.compile("^Class overview"))).to_be_visible()
    expect(teacher.locator("svg.chart").first).to_be_visible()
    assert axe_violations(teacher) == []
    overview_url = teacher.url
    teacher.set_viewport_size({"width": 360, "height": 740})
    assert _overflow(teacher) <= 0, "the overview scrolls sideways at 360 px"
    teacher.goto(f"/revisions/{revision_id}/print/")
    assert _overflow(teacher) <= 0, "the print page scrolls sideways at 360 px"
    teacher.set_viewport_size({"width": 1280, "height": 900})

    # the class PDF, made by the worker, downloaded
    teacher.goto(overview_url)
    with teacher.expect_download() as csv_download:
        teacher.get_by_role("link", name="Download grades (CSV)").click()
    with open(csv_download.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    submitted = [row["Student"] for row in rows if row["Revision"]]
    assert name in submitted
    teacher.get_by_role("link", name="Class feedback as one PDF").click()
    assert axe_violations(teacher) == []
    teacher.get_by_role("button", name="Make the PDF").click()
    download_link = teacher.get_by_role("link", name=re.compile(r"^Download \(\d+ pages?\)"))
    expect(download_link).to_be_visible(timeout=120_000)  # htmx polls the job
    with teacher.expect_download() as download:
        download_link.click()
    reader = PdfReader(download.value.path())
    pages = [page.extract_text() for page in reader.pages]
    assert _size(reader, len(pages) - 1) == A4
    # no blank page: beside the footer (name, page number) every page has a body
    assert all(len(page.strip().splitlines()) >= 3 for page in pages), pages
    # the cover, then every student who submitted starts a page of their own. Students
    # may share a display name across the suite, so sections are found through the PDF's
    # outline (one bookmark per <h1>), not by matching names on pages.
    assert "Not submitted" in pages[0] or pages[0].lstrip().startswith(tuple(submitted))
    marks = [item for item in reader.outline if not isinstance(item, list)]
    sections = [
        (mark.title, reader.get_destination_page_number(mark))
        for mark in marks
        if mark.title in submitted
    ]
    assert sorted(title for title, _ in sections) == sorted(submitted)
    starts = [start for _, start in sections]
    assert starts == sorted(set(starts)), starts  # in order, never two on one page
    assert starts[0] >= 1  # after the cover
    for title, start in sections:
        assert pages[start].strip().split("\n")[0] == title, (title, start)
    assert len(pages) >= len(submitted)
