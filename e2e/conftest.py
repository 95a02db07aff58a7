"""Browser tests: Debian's chromium driven by Playwright against the real stack."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from e2e.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEMO_PASSWORD,
    JOIN_CODE,
    ROOT,
    PrivatePostgres,
    PrivateRedis,
    Stack,
    database_template,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
AXE = ROOT / "config" / "static_src" / "node_modules" / "axe-core" / "axe.min.js"
_counter = itertools.count()

expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session")
def stack() -> Iterator[Stack]:
    from e2e.harness import stack_from_env

    # Streams close after 5 s (the shortest allowed), so the browser tests also see the
    # browser reconnect and resume, not only the first connection.
    with stack_from_env("e2e", STREAM_MAX_SECONDS="5") as running:
        yield running


@pytest.fixture(scope="session")
def base_url(stack: Stack) -> str:
    return stack.base_url


@pytest.fixture
def no_js_page(browser: Browser, base_url: str) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    yield page
    context.close()


def new_email(tag: str) -> str:
    return f"{tag}-{os.getpid()}-{next(_counter)}@school.test"


def sign_up(
    page: Page,
    email: str,
    password: str = "Essays-are-fun-2026",
    *,
    name: str = "Test Student",
    teacher: bool = False,
) -> None:
    """Sign up as a student (lands on "Your assignments") or a teacher ("Your teaching")."""
    page.goto("/accounts/signup/")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Teacher" if teacher else "Student", exact=True).check()
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.get_by_role("button", name="Sign Up").click()
    heading = "Your teaching" if teacher else "Your assignments"
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    # Students land on their assignments, teachers on their dashboard.
    expect(
        page.get_by_role("heading", name=re.compile("^Your (assignments|teaching)$"))
    ).to_be_visible()


def join_demo_class(page: Page) -> None:
    page.goto("/classes/")
    page.get_by_label("Join code").fill(JOIN_CODE.lower())
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("You joined English 10")).to_be_visible()


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core inside the page without relaxing its CSP (PITFALLS.md)."""
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def open_demo_assignment(page: Page) -> None:
    page.goto("/assignments/")
    page.get_by_role("link", name="Phones in class: ban them or not?").click()
    expect(page.get_by_label("Your essay")).to_be_visible()


def new_student_submits(page: Page, tag: str, text: str) -> None:
    """A new student signs up, joins the demo class and submits `text`."""
    sign_up(page, new_email(tag))
    join_demo_class(page)
    open_demo_assignment(page)
    page.get_by_label("Your essay").fill(text)
    page.get_by_role("button", name="Submit for feedback").click()
    expect(page.get_by_role("heading", name="Feedback on revision 1")).to_be_visible()


# --- private PostgreSQL and Redis for the fault drills (never the machine's shared ones) ---


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    with PrivateRedis() as redis:
        yield redis


@pytest.fixture(scope="module")
def private_postgres() -> Iterator[PrivatePostgres]:
    # one server per test file; each drill's stack copies a database migrated once
    with PrivatePostgres() as postgres:
        database_template(postgres.url)
        yield postgres
