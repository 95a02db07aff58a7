"""A teacher marks a student's revision with the keyboard only and releases it; the
student sees the teacher's marking above the machine's draft. The marking pages pass
axe and fit a 360 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import axe_violations, log_in, new_student_submits
from e2e.harness import Stack
from essays.demo import ESSAY_STRONG


def _tab_to(page: Page, name: str, limit: int = 60) -> None:
    """Press Tab until the focused control is called `name` (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => (document.activeElement.innerText || document.activeElement.value || '').trim()"
        )
        if label.startswith(name):
            return
    raise AssertionError(f"no control called {name!r} reached with Tab")


@pytest.fixture(scope="module")
def submitted(browser: Browser, stack: Stack, base_url: str) -> str:
    """A new student's analysed revision: its feedback page URL."""
    context = browser.new_context(base_url=base_url)
    student = context.new_page()
    new_student_submits(student, "marked", ESSAY_STRONG)
    expect(student.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    url = student.url
    context.close()
    return url


def _revision_id(feedback_url: str) -> str:
    match = re.search(r"/revisions/(\d+)/", feedback_url)
    assert match
    return match[1]


def test_teacher_marks_with_the_keyboard_only_and_the_student_sees_it(
    browser: Browser, stack: Stack, base_url: str
):
    student = browser.new_context(base_url=base_url).new_page()
    new_student_submits(student, "keyboard", ESSAY_STRONG)
    expect(student.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    feedback_url = student.url

    teacher = browser.new_context(base_url=base_url).new_page()
    log_in(teacher, "teacher@example.com")
    teacher.goto(f"/teach/revisions/{_revision_id(feedback_url)}/")
    expect(teacher.get_by_role("heading", name="Rubric")).to_be_visible()

    # the help opens with "?"
    teacher.keyboard.press("?")
    expect(teacher.get_by_text("next / previous student")).to_be_visible()
    teacher.keyboard.press("Escape")

    # levels: 4, 3, 2, 3, 4 for the five criteria (1 = lowest), each saved at once
    for key in "43234":
        teacher.keyboard.press(key)
    expect(teacher.locator("#save-status")).to_contain_text("Saved.")
    expect(teacher.locator("#save-status")).to_contain_text("Your mark:")
    radios = teacher.locator("[data-criterion] input[type=radio]:checked")
    expect(radios).to_have_count(5)
    values = [radios.nth(i).get_attribute("value") for i in range(5)]
    assert values == ["4", "3", "2", "3", "4"]

    # the machine's notes: accept the first, dismiss the second (if the essay has two)
    notes = teacher.locator("[data-note]")
    if notes.count():
        teacher.keyboard.press("]")
        teacher.keyboard.press("a")
        expect(notes.first).to_have_class(re.compile("review-note-accepted"))
    if notes.count() > 1:
        teacher.keyboard.press("]")
        teacher.keyboard.press("d")
        expect(notes.nth(1)).to_have_class(re.compile("review-note-dismissed"))

    # an overall comment, typed and saved as it is typed
    teacher.keyboard.press("c")
    teacher.keyboard.type("A persuasive essay. Add one statistic.")
    expect(teacher.locator("#save-status")).to_contain_text("Saved.")
    teacher.keyboard.press("Escape")

    # a comment on a paragraph (the keyboard's way to anchor one)
    teacher.keyboard.press("n")
    teacher.keyboard.type("Strong hook in this opening.")
    _tab_to(teacher, "Add comment")
    teacher.keyboard.press("Enter")
    expect(teacher.locator("#comments")).to_contain_text("Strong hook in this opening.")
    teacher.keyboard.press("Escape")

    # release: "r" goes to the button, Enter presses it
    teacher.keyboard.press("r")
    teacher.keyboard.press("Enter")
    expect(teacher.locator("#release")).to_contain_text("Released to the student by")

    student.reload()
    marking = student.locator("#teacher-feedback")
    expect(marking.get_by_role("heading", name="Your teacher's marking")).to_be_visible()
    expect(marking).to_contain_text("A persuasive essay. Add one statistic.")
    expect(marking).to_contain_text("Strong hook in this opening.")
    expect(marking).to_contain_text("Thesis and focus")
    # the teacher's marking comes above the machine's draft
    top_teacher = marking.bounding_box()
    top_machine = student.locator("#panel-scores").bounding_box()
    assert top_teacher and top_machine and top_teacher["y"] < top_machine["y"]
    expect(student.get_by_role("button", name="Save marking")).to_have_count(0)

    # j / k move to another student of the class (saving first)
    next_url = teacher.locator("[data-review]").get_attribute("data-next")
    previous_url = teacher.locator("[data-review]").get_attribute("data-previous")
    if next_url or previous_url:
        teacher.keyboard.press("j" if next_url else "k")
        teacher.wait_for_url(re.compile(re.escape(next_url or previous_url or "")))
        expect(teacher.get_by_role("heading", name="Rubric")).to_be_visible()


def _teacher_pages(page: Page, feedback_url: str) -> list[str]:
    page.goto("/classes/")
    page.get_by_role("link", name="Mark “Phones in class: ban them or not?”").click()
    overview = page.url
    submissions = overview + "submissions/"
    review = f"/teach/revisions/{_revision_id(feedback_url)}/"
    return [overview, submissions, submissions + "?status=needs_marking&sort=machine", review]


def test_marking_pages_have_no_axe_violations(
    browser: Browser, submitted: str, base_url: str
) -> None:
    page = browser.new_context(base_url=base_url).new_page()
    log_in(page, "teacher@example.com")
    problems = {}
    for url in _teacher_pages(page, submitted):
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            problems[url] = violations
    assert not problems, problems


def test_marking_pages_fit_a_360px_phone(browser: Browser, submitted: str, base_url: str) -> None:
    page = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}).new_page()
    log_in(page, "teacher@example.com")
    for url in _teacher_pages(page, submitted):
        page.goto(url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            "() => [...document.querySelectorAll('body *')]"
            ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at 360px: {wide}"


def test_marking_works_without_javascript(browser: Browser, submitted: str, base_url: str):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    log_in(page, "teacher@example.com")
    page.goto(f"/teach/revisions/{_revision_id(submitted)}/")
    page.locator("[data-criterion]").first.locator("input[type=radio]").last.check()
    page.get_by_label("Overall comment for the student").fill("Marked without scripts.")
    page.get_by_role("button", name="Save marking").click()
    expect(page.get_by_text("Your marking is saved.")).to_be_visible()
    page.get_by_label("Your comment", exact=True).fill("A paragraph comment.")
    page.get_by_label("On paragraph").select_option(index=1)
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator("#comments")).to_contain_text("A paragraph comment.")
    page.get_by_role("button", name="Release to the student").click()
    expect(page.get_by_text("Released: the student sees your marking now.")).to_be_visible()
    context.close()
