"""Upload, accessibility, small screens, print, accounts."""

from __future__ import annotations

import docx
import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import (
    axe_violations,
    join_demo_class,
    log_in,
    new_email,
    new_student_submits,
    open_demo_assignment,
    sign_up,
)
from e2e.harness import Stack
from essays.demo import ESSAY_STRONG


def test_upload_a_word_document(page: Page, stack: Stack, tmp_path) -> None:
    sign_up(page, new_email("upload"))
    join_demo_class(page)
    open_demo_assignment(page)
    document = docx.Document()
    document.add_paragraph("Phones belong in bags during lessons.")
    document.add_paragraph("Teachers should decide when they come out.")
    path = tmp_path / "my essay.docx"
    document.save(str(path))
    page.get_by_label("A .txt, .md, .docx or .pdf file").set_input_files(str(path))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("We put the text of my essay.docx into your draft")).to_be_visible()
    expect(page.get_by_label("Your essay")).to_have_value(
        "Phones belong in bags during lessons.\n\nTeachers should decide when they come out.\n"
    )


def test_an_unreadable_upload_explains_itself(page: Page, stack: Stack, tmp_path) -> None:
    sign_up(page, new_email("badupload"))
    join_demo_class(page)
    open_demo_assignment(page)
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 this is not really a pdf")
    page.get_by_label("A .txt, .md, .docx or .pdf file").set_input_files(str(path))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("This PDF is damaged or cannot be read.")).to_be_visible()


@pytest.fixture
def student_with_feedback(page: Page, stack: Stack) -> Page:
    new_student_submits(page, "pages", ESSAY_STRONG)
    expect(page.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    return page


STUDENT_PAGES = ["/assignments/", "/classes/", "EDITOR", "FEEDBACK"]


def _visit(page: Page, where: str, feedback_url: str) -> None:
    if where == "EDITOR":
        open_demo_assignment(page)
    elif where == "FEEDBACK":
        page.goto(feedback_url)
        expect(page.locator("#progress")).to_contain_text("Feedback complete.")
    else:
        page.goto(where)


def test_student_pages_have_no_axe_violations(student_with_feedback: Page) -> None:
    page = student_with_feedback
    feedback_url = page.url
    problems = {}
    for where in STUDENT_PAGES:
        _visit(page, where, feedback_url)
        violations = axe_violations(page)
        if violations:
            problems[where] = violations
    page.get_by_role("button", name="Log out").click()
    for where in ("/", "/accounts/login/", "/accounts/signup/"):
        page.goto(where)
        violations = axe_violations(page)
        if violations:
            problems[where] = violations
    assert not problems, problems


def test_student_pages_fit_a_360px_phone(student_with_feedback: Page) -> None:
    page = student_with_feedback
    feedback_url = page.url
    page.set_viewport_size({"width": 360, "height": 740})
    for where in STUDENT_PAGES:
        _visit(page, where, feedback_url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{where} scrolls sideways by {overflow}px at 360px"


def test_print_drops_navigation_and_keeps_feedback(student_with_feedback: Page) -> None:
    page = student_with_feedback
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator("#progress")).to_be_hidden()
    expect(page.locator("#panel-scores")).to_be_visible()
    expect(page.locator("#panel-summary")).to_be_visible()


def test_log_in_log_out_and_reset_a_password(page: Page, stack: Stack) -> None:
    log_in(page, "student@example.com")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()

    email = new_email("reset")
    sign_up(page, email)
    page.get_by_role("button", name="Log out").click()
    page.goto("/accounts/password/reset/")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Reset My Password").click()
    expect(page.get_by_role("heading", name="Password Reset")).to_be_visible()
    page.wait_for_timeout(300)
    page.goto(stack.last_email_link())
    page.locator("#id_password1").fill("A-brand-new-secret-77")
    page.locator("#id_password2").fill("A-brand-new-secret-77")
    page.get_by_role("button", name="Change Password").click()
    expect(page.get_by_text("Your password is now changed.")).to_be_visible()
    log_in(page, email, "A-brand-new-secret-77")


def test_another_students_feedback_is_not_found(browser, stack: Stack, base_url: str) -> None:
    owner = browser.new_context(base_url=base_url).new_page()
    new_student_submits(owner, "owner", ESSAY_STRONG)
    feedback_url = owner.url

    other = browser.new_context(base_url=base_url).new_page()
    sign_up(other, new_email("nosy"))
    join_demo_class(other)
    response = other.goto(feedback_url)
    assert response is not None and response.status == 404
    response = other.goto(feedback_url + "stream/")
    assert response is not None and response.status == 404
