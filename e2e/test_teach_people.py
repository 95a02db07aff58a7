"""A new teacher signs up, starts a class, and manages who is in it, in a real browser."""

from __future__ import annotations

import re
import time

from playwright.sync_api import Browser, Page, expect

from e2e.conftest import axe_violations, new_email, sign_up
from e2e.harness import Stack


def _wait_for_invite_link(stack: Stack) -> str:
    """The worker e-mails invitations (printed to the server log) soon after the request."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return stack.last_email_link(r"http://\S+/invites/[\w-]+/")
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _page_problems(page: Page) -> dict:
    """axe-core's violations, and any sideways scroll on a 360 px wide phone."""
    found: dict = {}
    violations = axe_violations(page)
    if violations:
        found["axe"] = violations
    size = page.viewport_size
    page.set_viewport_size({"width": 360, "height": 740})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        found["scrolls sideways by px"] = overflow
    if size:
        page.set_viewport_size(size)
    return found


def test_a_new_teacher_runs_a_class(browser: Browser, stack: Stack, base_url: str) -> None:
    teacher = browser.new_context(base_url=base_url).new_page()
    sign_up(teacher, new_email("teacher"), name="Ms Okafor", teacher=True)
    expect(teacher.get_by_text("You have no classes yet.")).to_be_visible()
    pages: dict[str, str] = {"dashboard": teacher.url}
    problems: dict[str, dict] = {}

    teacher.get_by_role("link", name="Create your first class").click()
    pages["new class"] = teacher.url
    teacher.get_by_role("button", name="Create class").click()  # no name: the error shows
    expect(teacher.get_by_label("Name")).to_have_attribute("aria-invalid", "true")
    teacher.get_by_label("Name").fill("Year 9 English")
    teacher.get_by_label("Description").fill("Set 3, Tuesdays and Thursdays")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.get_by_role("heading", name="Year 9 English", level=1)).to_be_visible()
    pages["class"] = teacher.url
    code = teacher.get_by_test_id("join-code")
    first_code = code.inner_text()
    assert re.fullmatch(r"[A-Z2-9]{8}", first_code)

    # htmx swaps only the code panel (the status line exists only in the fragment).
    teacher.get_by_role("button", name="Make a new code").click()
    expect(teacher.get_by_text("New code made. The old code no longer works.")).to_be_visible()
    expect(code).not_to_have_text(first_code)
    new_code = code.inner_text()

    student = browser.new_context(base_url=base_url).new_page()
    sign_up(student, new_email("joiner"), name="Jo Learner")
    student.goto("/classes/")
    student.get_by_label("Join code").fill(first_code)
    student.get_by_role("button", name="Join").click()
    expect(student.get_by_text("No class has the join code")).to_be_visible()
    student.get_by_label("Join code").fill(new_code.lower())
    student.get_by_role("button", name="Join").click()
    expect(student.get_by_text("You joined Year 9 English.")).to_be_visible()

    teacher.reload()
    roster = teacher.locator("#roster")
    expect(roster.get_by_role("rowheader", name="Jo Learner")).to_be_visible()
    expect(roster).to_contain_text("joiner-")
    teacher.get_by_role("link", name="Remove Jo Learner from the class").click()
    expect(
        teacher.get_by_role("heading", name="Remove Jo Learner from Year 9 English?")
    ).to_be_visible()
    problems["remove"] = _page_problems(teacher)
    teacher.get_by_role("button", name="Remove Jo Learner").click()
    expect(teacher.get_by_text("Jo Learner is no longer in Year 9 English.")).to_be_visible()
    expect(roster.get_by_role("rowheader", name="Jo Learner")).to_have_count(0)
    expect(teacher.get_by_text("No students yet.")).to_be_visible()

    # The student sees the class no more.
    student.goto("/classes/")
    expect(student.get_by_text("Year 9 English")).to_have_count(0)

    teacher.get_by_role("link", name="Settings").click()
    pages["settings"] = teacher.url
    teacher.get_by_label("Time zone").select_option("Asia/Kolkata")
    teacher.get_by_role("button", name="Save settings").click()
    expect(teacher.get_by_text("Your settings are saved.")).to_be_visible()
    expect(teacher.get_by_text("Times are shown in Asia/Kolkata")).to_be_visible()

    # Invitations: the form, the pending list, and the invitation page itself.
    teacher.goto(pages["class"])
    teacher.get_by_label("Students' e-mail addresses").fill("pat@school.test, lee@school.test")
    teacher.get_by_role("button", name="Send invitations").click()
    expect(teacher.get_by_text("2 invitations sent")).to_be_visible()
    link = _wait_for_invite_link(stack)
    pages["invite"] = link

    for name, url in pages.items():
        teacher.goto(url)
        problems[name] = _page_problems(teacher)
    assert {name: found for name, found in problems.items() if found} == {}


def test_class_pages_work_without_javascript(no_js_page: Page, stack: Stack) -> None:
    page = no_js_page
    sign_up(page, new_email("nojs-teacher"), name="Mr Plain", teacher=True)
    page.get_by_role("link", name="New class", exact=True).click()
    page.get_by_label("Name").fill("History 8")
    page.get_by_role("button", name="Create class").click()
    code = page.get_by_test_id("join-code").inner_text()
    page.get_by_role("button", name="Make a new code").click()
    expect(page.get_by_text(re.compile(r"New join code: [A-Z2-9]{8}\."))).to_be_visible()
    assert page.get_by_test_id("join-code").inner_text() != code
    page.get_by_role("button", name="Archive class").click()
    expect(page.get_by_text("History 8 is archived")).to_be_visible()
    page.get_by_role("button", name="Bring back from the archive").click()
    expect(page.get_by_text("History 8 is active again.")).to_be_visible()
