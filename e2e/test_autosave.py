"""Autosave in a real browser: offline, reloads, a second tab, text too long, server errors.
Each case checks what the page says and what the server really holds."""

from __future__ import annotations

import html
import re

from playwright.sync_api import BrowserContext, Page, Route, expect

from e2e.conftest import join_demo_class, new_email, open_demo_assignment, sign_up
from e2e.harness import Stack

AUTOSAVE = re.compile(r"/assignments/\d+/draft/$")


def start_writing(page: Page, tag: str) -> None:
    sign_up(page, new_email(tag))
    join_demo_class(page)
    open_demo_assignment(page)


def server_draft(page: Page) -> str:
    """The draft as the server has it (a plain request with the page's cookies, no script)."""
    body = page.request.get(page.url).text()
    match = re.search(r'<textarea id="essay-text"[^>]*>(.*?)</textarea>', body, re.S)
    assert match, "no editor in the page"
    return html.unescape(match.group(1))


def saved(page: Page, text: str) -> None:
    """The page says saved and the server holds `text` (waiting for a save under way)."""
    expect(page.locator("#save-status")).to_contain_text("Draft saved")
    for _ in range(75):
        if server_draft(page) == text:
            break
        page.wait_for_timeout(200)
    assert server_draft(page) == text
    expect(page.locator("#save-status")).to_contain_text("Draft saved")


def test_offline_typing_is_kept_and_sent_when_back_online(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    start_writing(page, "offline")
    area = page.get_by_label("Your essay")
    area.fill("Written online.")
    saved(page, "Written online.")

    context.set_offline(True)
    area.fill("Written online. Then the train went into a tunnel.")
    expect(page.locator("#save-status")).to_contain_text("Offline, will retry")
    context.set_offline(False)
    saved(page, "Written online. Then the train went into a tunnel.")


def test_a_reload_right_after_typing_keeps_the_newest_words(page: Page, stack: Stack) -> None:
    start_writing(page, "reload")
    area = page.get_by_label("Your essay")
    area.fill("First sentence.")
    saved(page, "First sentence.")
    area.fill("First sentence. Second sentence, typed just before the reload.")
    page.reload()  # well within the 0.8 s the autosave waits
    area = page.get_by_label("Your essay")
    expect(area).to_have_value("First sentence. Second sentence, typed just before the reload.")
    # The next keystroke builds on those words, and they reach the server.
    area.press("End")
    area.press_sequentially(" Third.")
    saved(page, "First sentence. Second sentence, typed just before the reload. Third.")


def test_words_the_server_never_got_come_back_after_a_reload_with_a_note(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    # A page-leave beacon that never arrives (phones drop them; offline they may also leave
    # once the connection is back, which would make this test depend on timing).
    page.add_init_script("navigator.sendBeacon = function () { return true; };")
    start_writing(page, "restore")
    url = page.url
    area = page.get_by_label("Your essay")
    area.fill("On the server.")
    saved(page, "On the server.")

    # Offline, and the tab closed: nothing gets out.
    context.set_offline(True)
    area.fill("On the server. Only in this browser.")
    expect(page.locator("#save-status")).to_contain_text("Offline, will retry")
    page.close()
    context.set_offline(False)

    again = context.new_page()
    again.goto(url)
    expect(again.get_by_text("Restored what you typed while offline")).to_be_visible()
    expect(again.get_by_label("Your essay")).to_have_value("On the server. Only in this browser.")
    saved(again, "On the server. Only in this browser.")


def test_an_older_tab_cannot_overwrite_a_newer_draft(
    page: Page, context: BrowserContext, stack: Stack
) -> None:
    start_writing(page, "tabs")
    older = page
    newer = context.new_page()
    newer.goto(older.url)

    newer.get_by_label("Your essay").fill("Written in the newer tab.")
    saved(newer, "Written in the newer tab.")

    older.get_by_label("Your essay").fill("Written in the older tab.")
    expect(older.locator("#save-status")).to_contain_text(
        "This essay was changed in another tab or window"
    )
    assert server_draft(older) == "Written in the newer tab."

    # Keep this one: saved on top of the newer version, on purpose.
    older.get_by_role("button", name="Keep this one").click()
    saved(older, "Written in the older tab.")

    # Now the other tab is the stale one; it loads the newer text instead.
    newer.get_by_label("Your essay").fill("Written in the newer tab, again.")
    expect(newer.locator("#save-status")).to_contain_text("changed in another tab or window")
    newer.get_by_role("button", name="Load the newer one").click()
    expect(newer.get_by_label("Your essay")).to_have_value("Written in the older tab.")
    expect(newer.get_by_text("Restored what you typed")).to_be_hidden()
    assert server_draft(newer) == "Written in the older tab."


def test_text_the_server_refuses_as_too_long_says_so(page: Page, stack: Stack) -> None:
    start_writing(page, "toolong")
    area = page.get_by_label("Your essay")
    area.fill("A sensible draft.")
    saved(page, "A sensible draft.")
    area.fill("word " * 5001)
    expect(page.locator("#save-status")).to_contain_text(
        "Too long to save: 5001 words, the limit is 5000."
    )
    assert server_draft(page) == "A sensible draft."
    # Cutting it back saves again.
    area.fill("A sensible draft, a little longer.")
    saved(page, "A sensible draft, a little longer.")


def test_a_server_error_is_shown_and_the_save_retried(page: Page, stack: Stack) -> None:
    start_writing(page, "error500")
    attempts: list[int] = []

    def fail_first(route: Route) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            route.fulfill(status=500, body="Server Error (500)", content_type="text/html")
        else:
            route.continue_()

    page.route(AUTOSAVE, fail_first)
    page.get_by_label("Your essay").fill("Saved on the second attempt.")
    expect(page.locator("#save-status")).to_contain_text("Server error, will retry")
    saved(page, "Saved on the second attempt.")
    assert len(attempts) >= 2


def test_a_signed_out_page_says_so_and_a_reload_brings_the_text_back(
    page: Page, stack: Stack
) -> None:
    start_writing(page, "signedout")
    page.route(AUTOSAVE, lambda route: route.fulfill(status=403, body="CSRF verification failed"))
    page.get_by_label("Your essay").fill("Typed after the session ended.")
    expect(page.locator("#save-status")).to_contain_text("you may have been signed out")
    page.unroute(AUTOSAVE)
    page.reload()
    expect(page.get_by_label("Your essay")).to_have_value("Typed after the session ended.")
    saved(page, "Typed after the session ended.")
