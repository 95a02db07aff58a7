"""Submit-to-first-panel in a real browser, 600-word essay, 20 runs per backend.

Starts the production-shaped stack (uvicorn + Huey consumer subprocesses) for the
embedded default and for PostgreSQL + Redis, logs in the demo student in Debian's
chromium, and times from the click on "Submit for feedback" until the first panel
(the overview) is on screen, and until every panel is.

    .venv/bin/python scripts/bench/loop_bench.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import time

from _common import backends, percentile, summary  # type: ignore[import-not-found]
from playwright.sync_api import sync_playwright
from sample_essay import ESSAY_600  # type: ignore[import-not-found]

from e2e.harness import CHROMIUM, CHROMIUM_ARGS, DEMO_PASSWORD, Stack


def measure(stack: Stack, runs: int) -> dict[str, list[float]]:
    first_panel: list[float] = []
    all_panels: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(base_url=stack.base_url).new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill("student@example.com")
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("link", name="Phones in class: ban them or not?").click()
        editor_url = page.url
        for run in range(runs + 1):  # run 0 warms the browser cache and the server
            page.goto(editor_url)
            page.locator("#essay-text").fill(ESSAY_600 + f"\nRun {run}.\n")
            started = time.perf_counter()
            page.get_by_role("button", name="Submit for feedback").click()
            page.locator("#panel-overview .stats").wait_for(timeout=30_000)
            first = time.perf_counter() - started
            page.get_by_text("Feedback complete.").wait_for(timeout=30_000)
            done = time.perf_counter() - started
            if run:
                first_panel.append(first)
                all_panels.append(done)
        browser.close()
    return {"first_panel": first_panel, "all_panels": all_panels}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    results = {}
    for name, database, redis in backends():
        with Stack(database_url=database, redis_url=redis, label="bench") as stack:
            timings = measure(stack, args.runs)
        results[name] = {
            key: {
                "p50_ms": round(sorted(v)[len(v) // 2] * 1000),
                "p95_ms": round(percentile(v, 95) * 1000),
            }
            for key, v in timings.items()
        }
        print(f"{name}: submit -> first panel: {summary(timings['first_panel'])}")
        print(f"{name}: submit -> all panels:  {summary(timings['all_panels'])}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
