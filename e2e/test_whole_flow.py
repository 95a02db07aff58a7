"""The teacher's whole flow in a real browser: build a rubric, set an assignment, a
student submits, the teacher marks it with the keyboard only and releases it, and the
student sees the teacher's marks."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

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


def test_rubric_assignment_submission_keyboard_review_release(
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
