"""The teacher's whole flow in a real browser: build a rubric, set an assignment, a
student submits, the teacher marks it with the keyboard only and releases it, the
student sees the teacher's marks, the teacher prints the class as one PDF (pages and
content checked) and exports the grades as CSV."""

from __future__ import annotations

import csv
import re

from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from e2e.conftest import join_demo_class, log_in, new_email, sign_up
from e2e.harness import Stack
from essays.demo import ESSAY_STRONG

TEACHER = "teacher@example.com"


def _tab_to(page: Page, name: str, limit: int = 80) -> None:
    """Press Tab until the focused control's text starts with `name` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.value || '').trim()"
        )
        if label.startswith(name):
            return
    raise AssertionError(f"no control called {name!r} reached with Tab")


def _build_rubric(teacher: Page, name: str) -> None:
    teacher.goto("/teach/rubrics/new/")
    teacher.get_by_label("Name", exact=True).fill(name)
    teacher.locator("#c-0-name").fill("Argument")
    teacher.get_by_role("button", name="Add a criterion").click()
    expect(teacher.locator("#c-1-name")).to_be_focused()
    teacher.locator("#c-1-name").fill("Spelling and punctuation")
    teacher.get_by_role("button", name="Save rubric", exact=True).click()
    expect(teacher.get_by_role("heading", name=name)).to_be_visible()
    expect(teacher.locator("table.rubric-table tbody tr")).to_have_count(2)


def _create_assignment(teacher: Page, title: str, rubric: str) -> str:
    """Set and publish an assignment for the demo class; its id."""
    teacher.goto("/teach/assignments/")
    teacher.get_by_role("link", name=re.compile("New assignment for English 10")).click()
    teacher.get_by_label("Title").fill(title)
    teacher.get_by_label("Prompt").fill(
        "Should phones be banned in lessons? Take a position and defend it."
    )
    teacher.get_by_label("Rubric").select_option(label=rubric)
    teacher.get_by_label("Due").fill("2031-06-30T17:00")
    teacher.get_by_role("button", name="Save and publish").click()
    expect(teacher.get_by_text("is published: your students can see it")).to_be_visible()
    match = re.search(r"/teach/assignments/(\d+)/", teacher.url)
    assert match, teacher.url
    return match[1]


def test_rubric_assignment_submission_keyboard_review_release_pdf_csv(
    browser: Browser, stack: Stack, base_url: str
) -> None:
    tag = new_email("flow").split("@")[0]
    rubric, title = f"Debate rubric {tag}", f"Phones debate {tag}"
    teacher = browser.new_context(base_url=base_url).new_page()
    log_in(teacher, TEACHER)
    _build_rubric(teacher, rubric)
    assignment_id = _create_assignment(teacher, title, rubric)

    student = browser.new_context(base_url=base_url).new_page()
    sign_up(student, new_email("flow"))
    join_demo_class(student)
    student.goto("/assignments/")
    student.get_by_role("link", name=title).click()
    student.get_by_label("Your essay").fill(ESSAY_STRONG)
    student.get_by_role("button", name="Submit for feedback").click()
    expect(student.get_by_role("heading", name="Feedback on revision 1")).to_be_visible()
    expect(student.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)

    # The teacher, keyboard only from here: the submissions page, then the review page.
    teacher.goto(f"/teach/assignments/{assignment_id}/submissions/?status=needs_marking")
    rows = teacher.locator("table.data-table tbody tr")
    expect(rows).to_have_count(1)
    _tab_to(teacher, rows.first.locator("a").first.inner_text())
    teacher.keyboard.press("Enter")
    expect(teacher.get_by_role("heading", name="Rubric")).to_be_visible()
    expect(teacher.locator("[data-criterion]")).to_have_count(2)
    teacher.keyboard.press("4")  # Argument: the highest level
    teacher.keyboard.press("2")  # Spelling and punctuation: the second lowest
    expect(teacher.locator("#save-status")).to_contain_text("Saved.")
    teacher.keyboard.press("c")
    # the comment saves 800 ms after the last key; "Saved." already shows from the levels,
    # so wait for the comment's own save to come back before releasing
    with teacher.expect_response(
        lambda r: (
            "/marks/" in r.url
            and r.request.method == "POST"
            and "commas." in (r.request.post_data or "")
        )
    ):
        teacher.keyboard.type("Convincing. Check your commas.")
    expect(teacher.locator("#save-status")).to_contain_text("Saved.")
    teacher.keyboard.press("Escape")
    teacher.keyboard.press("r")
    teacher.keyboard.press("Enter")
    expect(teacher.locator("#release")).to_contain_text("Released to the student by")

    student.reload()
    marking = student.locator("#teacher-feedback")
    expect(marking).to_contain_text("Convincing. Check your commas.")
    expect(marking.locator("tbody tr")).to_have_count(2)
    expect(marking.locator("tbody tr").first).to_contain_text("Argument")

    teacher.goto(f"/teach/assignments/{assignment_id}/submissions/")
    expect(teacher.locator("table.data-table tbody")).to_contain_text("Released")

    # The class as one PDF (the teacher's copy, A4): the student who submitted starts a
    # page of their own, with the teacher's comment and the rubric's criteria.
    with teacher.expect_download() as csv_download:
        teacher.goto(f"/teach/assignments/{assignment_id}/overview/")
        teacher.get_by_role("link", name="Download grades (CSV)").click()
    with open(csv_download.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    submitted = [row for row in rows if row["Revision"]]
    assert len(submitted) == 1, rows
    row = submitted[0]
    assert row["Argument"] == "4" and row["Spelling and punctuation"] == "2", row
    assert float(row["Out of"]) == 8 and float(row["Teacher total"]) == 6.0, row
    assert row["Machine %"], row
    not_submitted = [r for r in rows if not r["Revision"]]
    assert len(not_submitted) >= 1  # the demo class's other students are listed too

    teacher.get_by_role("link", name="Class feedback as one PDF").click()
    teacher.get_by_role("button", name="Make the PDF").click()
    download_link = teacher.get_by_role("link", name=re.compile(r"^Download \(\d+ pages?\)"))
    expect(download_link).to_be_visible(timeout=120_000)
    promised = int(re.search(r"\((\d+) page", download_link.inner_text())[1])  # type: ignore[index]
    with teacher.expect_download() as download:
        download_link.click()
    reader = PdfReader(download.value.path())
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) == promised
    name = row["Student"]
    starts = [i for i, text in enumerate(pages) if text.strip().split("\n")[0] == name]
    assert len(starts) == 1, (name, [p[:80] for p in pages])
    essay_pages = "\n".join(pages[starts[0] :])
    assert "Convincing. Check your commas." in essay_pages
    assert "Argument" in essay_pages and "Spelling and punctuation" in essay_pages
    assert title in "\n".join(pages)
