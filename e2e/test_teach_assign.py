"""A teacher builds a rubric (with JavaScript, and without), sets an assignment and
publishes it; a student of the class sees it. axe and a 360 px phone on every page."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from e2e.conftest import axe_violations, join_demo_class, log_in, new_email, sign_up
from e2e.harness import Stack

TEACHER = "teacher@example.com"


def _fill_criterion(page: Page, i: int, name: str, levels: list[tuple[str, str]]) -> None:
    page.locator(f"#c-{i}-name").fill(name)
    for j, (label, points) in enumerate(levels):
        page.locator(f"#c-{i}-l-{j}-label").fill(label)
        page.locator(f"#c-{i}-l-{j}-points").fill(points)


def _overflow(page: Page) -> int:
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def test_teacher_builds_a_rubric_with_htmx_and_publishes_an_assignment(
    browser: Browser, stack: Stack, base_url: str
) -> None:
    teacher = browser.new_context(base_url=base_url).new_page()
    log_in(teacher, TEACHER)
    teacher.get_by_role("navigation", name="Main").get_by_role("link", name="Rubrics").click()
    expect(teacher.get_by_role("heading", name="Starter rubrics")).to_be_visible()
    teacher.get_by_role("link", name="New rubric").click()
    expect(teacher.get_by_role("heading", name="New rubric")).to_be_visible()
    teacher.get_by_label("Name", exact=True).fill("Letters to the editor")
    _fill_criterion(teacher, 0, "Clear position", [])

    # htmx: the builder is swapped in place, what was typed stays, focus moves to the new field.
    teacher.get_by_role("button", name="Add a criterion").click()
    expect(teacher.locator("#c-1-name")).to_be_focused()
    expect(teacher.locator("#c-0-name")).to_have_value("Clear position")
    assert teacher.url.endswith("/teach/rubrics/new/")  # no page load
    teacher.locator("#c-1-name").fill("Spelling and punctuation")
    expect(teacher.locator("#c-1-measures option[value='']")).to_have_text(
        "Decide from the name"
    )  # refreshed on the next round trip
    teacher.get_by_role("button", name="Add a level of criterion 2").click()
    expect(teacher.locator("#c-1-l-4-label")).to_be_focused()
    expect(teacher.locator("#c-1-measures option[value='']")).to_have_text(
        "Decide from the name (now: Spelling, grammar and punctuation)"
    )
    teacher.get_by_role("button", name="Remove level 5 of criterion 2").click()
    expect(teacher.locator("#c-1-l-4-label")).to_have_count(0)
    teacher.get_by_role("button", name="Move up criterion 2").click()
    expect(teacher.locator("#c-0-name")).to_have_value("Spelling and punctuation")
    expect(teacher.locator("#c-0-name")).to_be_focused()

    # A mistake is reported next to its field, and nothing is lost.
    teacher.locator("#c-1-l-1-points").fill("4")
    teacher.get_by_role("button", name="Save rubric", exact=True).click()
    expect(teacher.locator("#problems")).to_be_focused()
    expect(teacher.locator("#c-1-l-1-points-error")).to_have_text(
        "Another level of this criterion has the same points."
    )
    expect(teacher.locator("#c-1-l-1-points")).to_have_attribute("aria-invalid", "true")
    assert not axe_violations(teacher), axe_violations(teacher)
    teacher.locator("#c-1-l-1-points").fill("3")
    teacher.get_by_role("button", name="Save rubric", exact=True).click()
    expect(teacher.get_by_role("heading", name="Letters to the editor")).to_be_visible()
    expect(teacher.get_by_text("is saved")).to_be_visible()
    table = teacher.locator("table.rubric-table")
    expect(table.locator("tbody tr").first).to_contain_text("Spelling and punctuation")

    # The assignment, in the demo class, with this rubric; published at once.
    teacher.get_by_role("navigation", name="Main").get_by_role("link", name="Assignments").click()
    teacher.get_by_role("link", name=re.compile("New assignment for English 10")).click()
    teacher.get_by_label("Title").fill("A letter to the editor")
    teacher.get_by_label("Prompt").fill(
        "Write to your local paper about **one** change your town needs.\n\n- say what\n- say why"
    )
    teacher.get_by_label("Rubric").select_option(label="Letters to the editor")
    teacher.get_by_label("Due").fill("2031-06-30T17:00")
    teacher.get_by_label("Spelling").select_option("british")
    teacher.get_by_role("button", name="Save and publish").click()
    expect(teacher.get_by_text("is published: your students can see it")).to_be_visible()
    expect(teacher.locator(".prompt strong")).to_have_text("one")

    # htmx: status and extensions swap their own section.
    teacher.get_by_role("button", name="Unpublish").click()
    expect(teacher.get_by_text("Unpublished: students cannot see it now.")).to_be_visible()
    teacher.get_by_role("button", name="Publish").click()
    expect(teacher.get_by_text("Published: students in the class can see it.")).to_be_visible()

    student = browser.new_context(base_url=base_url).new_page()
    sign_up(student, new_email("assign"))
    join_demo_class(student)
    student.goto("/assignments/")
    expect(student.get_by_role("link", name="A letter to the editor")).to_be_visible()
    student.get_by_role("link", name="A letter to the editor").click()
    expect(student.locator(".prompt li")).to_have_count(2)
    expect(student.get_by_role("button", name="Submit for feedback")).to_be_visible()
    assert not axe_violations(student), axe_violations(student)


def test_no_js_builder_round_trips_and_saves(no_js_page: Page, stack: Stack) -> None:
    page = no_js_page
    log_in(page, TEACHER)
    page.goto("/teach/rubrics/new/")
    page.get_by_label("Name", exact=True).fill("Speeches, no JavaScript")
    _fill_criterion(page, 0, "Delivery", [])
    page.get_by_role("button", name="Add a criterion").click()  # a real form post
    expect(page.locator("#c-1-name")).to_be_focused()  # autofocus after the reload
    expect(page.locator("#c-0-name")).to_have_value("Delivery")
    page.locator("#c-1-name").fill("Word choice")
    page.get_by_role("button", name="Remove level 4 of criterion 1").click()
    expect(page.locator("#c-0-l-3-label")).to_have_count(0)
    page.get_by_role("button", name="Move down criterion 1").click()
    expect(page.locator("#c-1-name")).to_have_value("Delivery")
    page.get_by_role("button", name="Save rubric", exact=True).click()
    expect(page.get_by_role("heading", name="Speeches, no JavaScript")).to_be_visible()
    expect(page.locator("table.rubric-table tbody tr")).to_have_count(2)


TEACHER_PAGES = [
    "/teach/assignments/",
    "/teach/rubrics/",
    "/teach/rubrics/new/",
    "/teach/rubrics/import/",
]


def test_teacher_pages_pass_axe_and_fit_a_phone(page: Page, stack: Stack) -> None:
    log_in(page, TEACHER)
    page.goto("/teach/rubrics/")
    page.get_by_role("link", name="Six-trait writing").click()
    detail = page.url
    page.goto("/teach/assignments/")
    page.get_by_role("link", name=re.compile("New assignment for English 10")).click()
    create = page.url
    page.goto("/teach/assignments/")
    page.get_by_role("link", name="Phones in class: ban them or not?", exact=True).click()
    edit = page.url
    problems = {}
    overflow = {}
    for url in [*TEACHER_PAGES, detail, create, edit]:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        found = axe_violations(page)
        if found:
            problems[url] = found
        page.set_viewport_size({"width": 360, "height": 740})
        page.reload()
        if _overflow(page) > 0:
            overflow[url] = _overflow(page)
    assert not problems, problems
    assert not overflow, overflow
