"""LTI launch to first paint inside the LMS's iframe, 20 launches (issue 10).

Starts the fake LMS (lti1p3platform, TLS on 127.0.0.2) and the tool (uvicorn + Huey,
TLS on 127.0.0.1) as the browser tests do (e2e/lti_stack.py), and in Debian's chromium
with third-party cookies blocked opens the LMS's course page; each run is a whole launch
(OIDC login with its cookie check, the platform's auth, the signed id_token posted to
the tool, sign-in, redirect to the student's assignment). The figure is from the start
of the LMS page's navigation to the first contentful paint of the tool's page in the
frame, both read from the browser's own clocks (performance.timeOrigin).

    .venv/bin/python scripts/bench/lti_launch.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from _common import backends, summary  # type: ignore[import-not-found]
from playwright.sync_api import expect, sync_playwright

from e2e.harness import CHROMIUM, CHROMIUM_ARGS
from e2e.lti_stack import LtiSetup, chromium_profile, start_lti, stop_lti

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
MAKE_ASSIGNMENT = """
from coaching.models import Rubric
from essays.models import Assignment
from essays.lti.models import LtiClass
classroom = LtiClass.objects.get().classroom
rubric = Rubric.objects.filter(is_starter=True).first()
bench = Assignment.objects.create(classroom=classroom, title="Bench", prompt="Go.", rubric=rubric)
print(bench.pk)
"""


def measure(setup: LtiSetup, folder: Path, runs: int) -> list[float]:
    lms = setup.lms
    lms.control("launch", hint="t", sub="teacher-1", roles=[INSTRUCTOR])
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(chromium_profile(folder, block_third_party=True)),
            executable_path=CHROMIUM,
            args=[*CHROMIUM_ARGS, *setup.ca.chromium_args()],
            headless=True,
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(setup.course_url("t"))  # makes the course's class
        expect(page.frame_locator("#tool").get_by_role("heading").first).to_be_visible()
        pk = setup.tool.manage("shell", "-c", MAKE_ASSIGNMENT).strip().splitlines()[-1]
        lms.control(
            "launch",
            hint="s",
            sub="student-1",
            roles=[LEARNER],
            custom={"essaycoach_assignment": pk},
        )
        times = []
        for run in range(runs + 1):  # run 0 warms the browser and the server
            page.goto(setup.course_url("s"))
            expect(page.frame_locator("#tool").get_by_label("Your essay")).to_be_visible()
            frame = next(f for f in page.frames if f.url.endswith(f"/assignments/{pk}/"))
            painted = frame.evaluate(
                "() => performance.timeOrigin + "
                "performance.getEntriesByName('first-contentful-paint')[0].startTime"
            )
            started = page.evaluate("() => performance.timeOrigin")
            if run:
                times.append((painted - started) / 1000)
        context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    for label, database, redis in backends():
        for name, value in (("DATABASE_URL", database), ("REDIS_URL", redis)):
            if value:
                os.environ[name] = value
            else:
                os.environ.pop(name, None)
        with tempfile.TemporaryDirectory(prefix="lti-bench-") as tmp:
            setup = start_lti(Path(tmp), label="benchlti")
            try:
                times = measure(setup, Path(tmp), args.runs)
            finally:
                stop_lti(setup)
        print(f"LTI launch to first paint in the iframe, {label}: {summary(times)}", flush=True)


if __name__ == "__main__":
    main()
