"""The student's loop in a real browser: sign up, join, write, autosave, submit, watch
the panels arrive live, revise, compare; and the same loop with JavaScript off."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from e2e.conftest import join_demo_class, new_email, open_demo_assignment, sign_up
from e2e.harness import Stack
from essays.demo import ESSAY_DRAFT, ESSAY_STRONG

SAMPLE = ESSAY_DRAFT.strip()
PANELS = ("overview", "notes", "scores", "summary")

RECORD_SWAPS = """
window.__sse = [];
window.__sseOpens = 0;
document.addEventListener("htmx:sseMessage", (e) => window.__sse.push(e.detail.type));
document.addEventListener("htmx:sseOpen", () => { window.__sseOpens += 1; });
"""


def test_student_loop_with_javascript(page: Page, stack: Stack) -> None:
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.add_init_script(RECORD_SWAPS)

    sign_up(page, new_email("js"))
    join_demo_class(page)
    page.goto("/assignments/")
    expect(page.get_by_text("Not started")).to_be_visible()
    open_demo_assignment(page)

    # Write: live word count and autosave.
    area = page.get_by_label("Your essay")
    area.fill(SAMPLE)
    expect(page.locator("#word-count")).to_have_text(f"{len(SAMPLE.split())} words")
    expect(page.locator("#save-status")).to_contain_text("Draft saved")
    page.reload()
    expect(page.get_by_label("Your essay")).to_have_value(re.compile(re.escape(SAMPLE)))
    page.goto("/assignments/")
    expect(page.get_by_text("Draft", exact=True)).to_be_visible()

    # Submit while the worker is frozen, so the page is open before any panel exists.
    open_demo_assignment(page)
    stack.pause_worker()
    try:
        page.get_by_role("button", name="Submit for feedback").click()
        expect(page.get_by_role("heading", name="Feedback on revision 1")).to_be_visible()
        expect(page.locator("#progress")).to_contain_text("0 of 4 parts ready")
        page.evaluate("window.__samePage = true")
    finally:
        stack.resume_worker()

    # Panels arrive over the stream and are swapped in without a reload.
    expect(page.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    expect(page.locator("#panel-overview")).to_contain_text("Words")
    expect(page.locator("#panel-scores")).to_contain_text("Overall")
    expect(page.locator("#panel-summary")).to_contain_text("Fix these next")
    assert page.evaluate("window.__samePage") is True
    swapped = page.evaluate("window.__sse")
    for stage in PANELS:
        assert stage in swapped, f"{stage} did not arrive over the stream: {swapped}"
    expect(page.locator("#panel-notes mark").first).to_be_visible()

    # Revise and submit again.
    page.get_by_role("link", name="Revise").click()
    area = page.get_by_label("Your essay")
    area.fill(ESSAY_STRONG)
    page.get_by_role("button", name="Submit for feedback").click()
    expect(page.get_by_role("heading", name="Feedback on revision 2")).to_be_visible()
    expect(page.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    revisions = page.locator("#revisions-heading + ol li")
    expect(revisions).to_have_count(2)
    expect(revisions.first).to_contain_text("%")

    # Compare the two revisions: text diff and score change.
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Revision 1 → revision 2")).to_be_visible()
    expect(page.locator(".diff ins").first).to_be_visible()
    expect(page.locator(".diff del").first).to_be_visible()
    expect(page.get_by_role("columnheader", name="Change")).to_be_visible()

    page.goto("/assignments/")
    expect(page.get_by_text("Feedback ready")).to_be_visible()
    csp = [e for e in console_errors if "Content Security Policy" in e or "Refused" in e]
    assert not csp, csp


def test_student_loop_without_javascript(no_js_page: Page, stack: Stack) -> None:
    page = no_js_page
    sign_up(page, new_email("nojs"))
    join_demo_class(page)
    open_demo_assignment(page)

    page.get_by_label("Your essay").fill(SAMPLE)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Your essay")).to_have_value(re.compile(re.escape(SAMPLE)))

    stack.pause_worker()
    try:
        page.get_by_role("button", name="Submit for feedback").click()
        expect(page.get_by_role("heading", name="Feedback on revision 1")).to_be_visible()
        expect(page.locator("#progress")).to_contain_text("0 of 4 parts ready")
        refresh = page.get_by_role("link", name="Refresh")
        expect(refresh).to_be_visible()
    finally:
        stack.resume_worker()
    for _ in range(60):
        page.get_by_role("link", name="Refresh").click()
        if page.get_by_text("Feedback complete.").count():
            break
        page.wait_for_timeout(500)
    expect(page.get_by_text("Feedback complete.")).to_be_visible()
    expect(page.locator("#panel-scores")).to_contain_text("Overall")

    page.get_by_role("link", name="Revise").click()
    page.get_by_label("Your essay").fill(ESSAY_STRONG)
    page.get_by_role("button", name="Submit for feedback").click()
    expect(page.get_by_role("heading", name="Feedback on revision 2")).to_be_visible()
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Revision 1 → revision 2")).to_be_visible()
    expect(page.locator(".diff ins").first).to_be_visible()


def test_a_dropped_stream_reconnects_and_still_delivers_every_panel(
    page: Page, stack: Stack
) -> None:
    page.add_init_script(RECORD_SWAPS)
    sign_up(page, new_email("reconnect"))
    join_demo_class(page)
    open_demo_assignment(page)
    page.get_by_label("Your essay").fill(SAMPLE)
    stack.pause_worker()
    try:
        page.get_by_role("button", name="Submit for feedback").click()
        expect(page.locator("#progress")).to_contain_text("0 of 4 parts ready")
        # The server ends each stream after STREAM_MAX_SECONDS=5; wait for a reconnect.
        # (polled from Python: wait_for_function would need 'unsafe-eval' under our CSP)
        for _ in range(100):
            if page.evaluate("window.__sseOpens") >= 2:
                break
            page.wait_for_timeout(200)
        assert page.evaluate("window.__sseOpens") >= 2
    finally:
        stack.resume_worker()
    expect(page.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    swapped = page.evaluate("window.__sse")
    for stage in PANELS:
        assert swapped.count(stage) == 1, swapped


def test_a_draft_survives_leaving_the_page_before_autosave_fires(page: Page, stack: Stack) -> None:
    sign_up(page, new_email("leave"))
    join_demo_class(page)
    open_demo_assignment(page)
    page.get_by_label("Your essay").fill("Typed just before the bell rang.")
    page.goto("/classes/")  # leave at once: the beacon carries the text
    open_demo_assignment(page)
    expect(page.get_by_label("Your essay")).to_have_value(
        re.compile("Typed just before the bell rang.")
    )


def test_a_too_long_essay_is_refused_with_the_text_kept(page: Page, stack: Stack) -> None:
    sign_up(page, new_email("long"))
    join_demo_class(page)
    open_demo_assignment(page)
    text = "word " * 950
    page.get_by_label("Your essay").fill(text)
    expect(page.locator("#word-count")).to_contain_text("over the 900-word limit")
    page.get_by_role("button", name="Submit for feedback").click()
    expect(page.get_by_text("the limit for this assignment is 900")).to_be_visible()
    expect(page.get_by_label("Your essay")).to_have_value(re.compile("^(word ){900}"))
