"""Issue 9, "no one waits": the feedback-stream cap seen from a real browser.

One student opens three feedback pages in three tabs on a server that lets a person hold
two streams (STREAM_MAX_PER_USER=2). The third tab is turned away: it says so politely in
its status line, keeps what it shows and its Refresh link, and asks again every
STREAM_BUSY_RETRY_SECONDS. Another student on the same server is not affected. Closing a
tab lets the third one in at its next try, and the message goes; when the worker comes
back, every open tab receives its feedback. The worker is frozen (SIGSTOP) until then, so
the analyses stay pending and the streams stay open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from e2e.conftest import join_demo_class, log_in, new_email, open_demo_assignment, sign_up
from e2e.harness import Stack, stack_from_env
from essays.demo import ESSAY_DRAFT, ESSAY_STRONG

BUSY = "Too many feedback pages are open; this one updates again shortly."
PASSWORD = "Essays-are-fun-2026"  # what sign_up sets
TEXTS = (ESSAY_DRAFT, ESSAY_STRONG, ESSAY_STRONG + "\nOne more sentence for a third try.")

# What each page's stream delivered (events) and what the page swapped in (swaps), kept
# on <html> where expect() can wait for it (wait_for_function would need 'unsafe-eval'
# under our CSP). sseBeforeMessage fires for every event a swap element listens to, also
# one the page leaves as it is.
RECORD_STREAM = """
(() => {
  const seen = [];
  const swapped = [];
  const note = () => {
    const root = document.documentElement;
    root.setAttribute("data-test-events", " " + seen.join(" ") + " ");
    root.setAttribute("data-test-swaps", " " + swapped.join(" ") + " ");
  };
  document.addEventListener("htmx:sseBeforeMessage", (e) => { seen.push(e.detail.type); note(); });
  document.addEventListener("htmx:sseMessage", (e) => { swapped.push(e.detail.type); note(); });
})();
"""


def _got(event: str) -> re.Pattern[str]:
    return re.compile(f" {event} ")


@pytest.fixture(scope="module")
def capped() -> Iterator[Stack]:
    # Streams last far longer than the test (no reconnect frees a slot behind its back).
    stack = stack_from_env(
        "streamcap",
        STREAM_MAX_PER_USER="2",
        STREAM_BUSY_RETRY_SECONDS="2",
        STREAM_MAX_SECONDS="600",
    )
    with stack as running:
        yield running


def _context(browser: Browser, stack: Stack, *, javascript: bool = True) -> BrowserContext:
    context = browser.new_context(base_url=stack.base_url, java_script_enabled=javascript)
    context.set_default_timeout(30_000)
    if javascript:
        context.add_init_script(RECORD_STREAM)
    return context


def _submit(page: Page, text: str) -> str:
    page.get_by_label("Your essay").fill(text)
    page.get_by_role("button", name="Submit for feedback").click()
    expect(
        page.get_by_role("heading", name=re.compile(r"^Feedback on revision \d$"))
    ).to_be_visible()
    return page.url


def _holds_a_stream(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("data-test-events", _got("connected"))
    expect(page.locator("#stream-status")).to_have_text("")


def test_a_third_tab_waits_politely_for_its_stream_and_gets_its_feedback(
    browser: Browser, capped: Stack
) -> None:
    email = new_email("tabs")
    # Three revisions, submitted with JavaScript off: no stream is opened meanwhile.
    writer = _context(browser, capped, javascript=False).new_page()
    sign_up(writer, email)
    join_demo_class(writer)
    capped.pause_worker()
    try:
        urls = []
        for text in TEXTS:
            open_demo_assignment(writer)
            urls.append(_submit(writer, text))

        student = _context(browser, capped)
        tabs = [student.new_page() for _ in urls]
        log_in(tabs[0], email, PASSWORD)
        for tab, url in zip(tabs[:2], urls[:2], strict=True):
            tab.goto(url)
            _holds_a_stream(tab)

        # The third tab is turned away: it says so, in its polite status line...
        third = tabs[2]
        third.goto(urls[2])
        status = third.locator("#stream-status")
        expect(status).to_have_text(BUSY)
        expect(status).to_have_attribute("role", "status")
        expect(status).to_have_attribute("aria-live", "polite")
        # ...and keeps what it shows and its Refresh link, asking again after the retry.
        expect(third.locator("#progress")).to_contain_text("0 of 4 parts ready")
        expect(third.locator("#progress").get_by_role("link", name="Refresh")).to_be_visible()
        record = third.locator("html")
        expect(record).to_have_attribute("data-test-events", re.compile(" busy busy "))
        expect(status).to_have_text(BUSY)
        for tab in tabs[:2]:  # the first two still hold theirs, and were never turned away
            expect(tab.locator("#stream-status")).to_have_text("")
            assert " busy " not in (tab.locator("html").get_attribute("data-test-events") or "")
        assert " connected " not in (record.get_attribute("data-test-events") or "")
        # the same answer again is left as it is: a screen reader does not hear it twice
        assert (record.get_attribute("data-test-swaps") or "").split() == ["busy"]

        # Without JavaScript there is no stream, so nothing to be turned away from.
        writer.goto(urls[2])
        expect(writer.locator("#progress")).to_contain_text("0 of 4 parts ready")
        expect(writer.get_by_text(BUSY)).to_have_count(0)
        writer.get_by_role("link", name="Refresh").click()
        expect(writer.locator("#progress")).to_contain_text("0 of 4 parts ready")

        # Another student on the same server: their page's stream opens.
        other = _context(browser, capped).new_page()
        sign_up(other, new_email("other"))
        join_demo_class(other)
        open_demo_assignment(other)
        _submit(other, ESSAY_STRONG)
        _holds_a_stream(other)

        # One tab closes: the third is let in at its next try, and the message goes.
        tabs[0].close()
        expect(record).to_have_attribute("data-test-events", _got("connected"), timeout=60_000)
        expect(status).to_have_text("")
        expect(third.locator("#progress").get_by_role("link", name="Refresh")).to_be_visible()
    finally:
        capped.resume_worker()

    # The worker is back: every open tab receives its feedback over its stream.
    for tab in (tabs[1], third, other):
        expect(tab.locator("#progress")).to_contain_text("Feedback complete.", timeout=180_000)
        expect(tab.locator("#panel-scores")).to_contain_text("Overall")
        expect(tab.locator("#stream-status")).to_have_text("")
        events = tab.locator("html").get_attribute("data-test-events") or ""
        for stage in ("overview", "notes", "scores", "summary"):
            assert f" {stage} " in events, (stage, events)
