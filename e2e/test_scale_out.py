"""Two web processes and two workers behind nginx (issue 11, scale out).

nginx sends every feedback stream to the second web process and everything else to the
first, so the process that takes a submission never holds the stream that must hear
about it: the notification has to cross processes (Redis pub/sub, or the database
without Redis). The session made on one process is used on the other, and the login
limit counts failures across both (round-robin on the login page).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from e2e.conftest import new_student_submits
from e2e.harness import Stack, stack_from_env
from essays.demo import ESSAY_STRONG

NGINX = """
    location ~ ^/revisions/[0-9]+/stream/ { proxy_pass http://web2; }
    location = /accounts/login/ { proxy_pass http://web; }
    location / { proxy_pass http://web1; }
"""


@pytest.fixture(scope="module")
def scaled() -> Iterator[Stack]:
    stack = stack_from_env("scale", STREAM_MAX_SECONDS="30", RATE_LIMIT_LOGIN_FAILED="4/m/ip")
    stack.web_processes = 2
    stack.worker_processes = 2
    stack.nginx_conf = NGINX
    with stack as running:
        yield running


def test_feedback_reaches_a_stream_on_the_other_web_process(browser: Browser, scaled: Stack):
    page = browser.new_context(base_url=scaled.base_url).new_page()
    new_student_submits(page, "scaled", ESSAY_STRONG)
    expect(page.locator("#progress")).to_contain_text("Feedback complete.", timeout=60_000)
    expect(page.locator("#panel-scores")).to_contain_text("%")

    web1, web2 = (url.removeprefix("http://") for url in scaled.web_urls)
    passed = scaled.upstreams()
    streams = [(status, up) for method, path, status, up in passed if "/stream/" in path]
    posts = [up for method, path, _, up in passed if method == "POST" and "/stream/" not in path]
    assert streams and {up for _, up in streams} == {web2}, streams  # held by web 2
    assert posts and set(posts) == {web1}, posts  # the submission went to web 1
    # the session made on web 1 was good on web 2: the stream answered, not a 403
    assert {status for status, _ in streams} == {"200"}, streams


def test_the_login_limit_counts_across_both_web_processes(browser: Browser, scaled: Stack):
    page = browser.new_context(base_url=scaled.base_url).new_page()
    refused = False
    for _ in range(6):
        page.goto("/accounts/login/")
        page.get_by_label("Email").fill("student@example.com")
        page.get_by_label("Password").fill("not the password")
        page.get_by_role("button", name="Sign In").click()
        if page.get_by_text("Too many failed login attempts").count():
            refused = True
            break
    assert refused
    logins = Counter(up for _, path, _, up in scaled.upstreams() if path == "/accounts/login/")
    assert len(logins) == 2, logins  # round-robin: both processes counted into one limit
