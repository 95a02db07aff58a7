"""Bytes a student's feedback page makes the browser download, first and repeat visit.

Counts what crosses the wire (after compression) per resource type with Chrome's
DevTools protocol, and lists any request to another origin (there must be none).

    .venv/bin/python scripts/bench/page_weight.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from urllib.parse import urlsplit

from _common import ROOT  # type: ignore[import-not-found]  # noqa: F401
from playwright.sync_api import Page, sync_playwright

from e2e.harness import CHROMIUM, CHROMIUM_ARGS, DEMO_PASSWORD, Stack
from essays.demo import ESSAY_STRONG


def _visit(page: Page, url: str) -> dict[str, object]:
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    requests: dict[str, dict[str, object]] = {}

    def on_response(event: dict) -> None:
        requests.setdefault(event["requestId"], {}).update(
            url=event["response"]["url"],
            type=event["type"],
            cached=event["response"].get("fromDiskCache", False)
            or event["response"].get("fromMemoryCache", False),
        )

    def on_finished(event: dict) -> None:
        requests.setdefault(event["requestId"], {})["bytes"] = event["encodedDataLength"]

    def on_cache(event: dict) -> None:
        requests.setdefault(event["requestId"], {})["cached"] = True

    client.on("Network.responseReceived", on_response)
    client.on("Network.loadingFinished", on_finished)
    client.on("Network.requestServedFromCache", on_cache)
    page.goto(url)
    page.get_by_text("Feedback complete.").wait_for()
    page.wait_for_timeout(500)
    client.detach()
    by_type: dict[str, int] = defaultdict(int)
    origins = set()
    for info in requests.values():
        if "url" not in info:
            continue
        origins.add(f"{urlsplit(str(info['url'])).scheme}://{urlsplit(str(info['url'])).netloc}")
        if info.get("cached"):
            continue
        by_type[str(info["type"])] += int(info.get("bytes", 0) or 0)
    return {"bytes_by_type": dict(by_type), "origins": sorted(origins)}


def main() -> None:
    with Stack(label="weight") as stack, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=stack.base_url)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill("student@example.com")
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Phones in class: ban them or not?").click()
        page.locator("#essay-text").fill(ESSAY_STRONG)
        page.get_by_role("button", name="Submit for feedback").click()
        page.get_by_text("Feedback complete.").wait_for()
        feedback_url = page.url
        # A fresh context: nothing cached, as on a student's first visit.
        fresh = browser.new_context(base_url=stack.base_url, storage_state=context.storage_state())
        first_page = fresh.new_page()
        first = _visit(first_page, feedback_url)
        repeat = _visit(first_page, feedback_url)
        browser.close()
    own = f"{urlsplit(stack.base_url).scheme}://{urlsplit(stack.base_url).netloc}"
    report = {}
    for name, visit in (("first visit", first), ("repeat visit", repeat)):
        sizes = visit["bytes_by_type"]
        assert isinstance(sizes, dict)
        css_js = sizes.get("Stylesheet", 0) + sizes.get("Script", 0)
        report[name] = {**sizes, "css+js": css_js, "total": sum(sizes.values())}
        others = [o for o in visit["origins"] if o != own]  # type: ignore[union-attr]
        print(
            f"{name}: HTML {sizes.get('Document', 0) / 1024:.1f} KB, "
            f"CSS {sizes.get('Stylesheet', 0) / 1024:.1f} KB, "
            f"JS {sizes.get('Script', 0) / 1024:.1f} KB, CSS+JS {css_js / 1024:.1f} KB, "
            f"all {sum(sizes.values()) / 1024:.1f} KB; other origins: {others or 'none'}"
        )
    if len(sys.argv) > 2 and sys.argv[1] == "--json":
        with open(sys.argv[2], "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
