"""EssayCoach inside an LMS, in Debian's chromium: the fake LMS (lti1p3platform, TLS on
127.0.0.2) embeds our tool (TLS on 127.0.0.1) in an iframe; the browser profile blocks
third-party cookies. The tests run in order and share one course.
"""

from __future__ import annotations

import ssl
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, FrameLocator, Page, Playwright, expect

from e2e.harness import CHROMIUM, CHROMIUM_ARGS
from e2e.lti_stack import LtiSetup, chromium_profile, start_lti, stop_lti

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
ESSAY = " ".join(
    [
        "Phones in class divide attention, yet a total ban ignores how students research.",
        "A clear rule, phones away unless the teacher asks for them, keeps the benefits.",
        "Teachers then decide when a device helps the lesson and when it distracts.",
    ]
    * 8
)
COURSE: dict[str, Any] = {}  # what earlier tests made: the deep-linked item


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lti")


@pytest.fixture(scope="module")
def lti(folder: Path) -> Iterator[LtiSetup]:
    setup = start_lti(folder, label="e2elti")
    yield setup
    stop_lti(setup)


def new_context(
    playwright: Playwright, lti: LtiSetup, folder: Path, *, block: bool = True, width: int = 1024
) -> BrowserContext:
    profile = chromium_profile(folder, block_third_party=block)
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, *lti.ca.chromium_args()],
        headless=True,
        viewport={"width": width, "height": 900},
    )


@pytest.fixture
def browser_page(playwright: Playwright, lti: LtiSetup, folder: Path) -> Iterator[Page]:
    context = new_context(playwright, lti, folder)
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


def tool(page: Page) -> FrameLocator:
    return page.frame_locator("#tool")


def add_launch(lti: LtiSetup, hint: str, sub: str, role: str, **spec: Any) -> None:
    lti.lms.control("launch", hint=hint, sub=sub, roles=[role], **spec)


def wait_for_score(lti: LtiSetup, predicate: Any, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for score in reversed(lti.lms.control("state")["scores"]):
            if predicate(score):
                return dict(score)
        time.sleep(0.3)
    raise AssertionError(f"no such score at the LMS: {lti.lms.control('state')['scores']}")


def manage_shell(lti: LtiSetup, code: str) -> str:
    return lti.tool.manage("shell", "-c", code).strip().splitlines()[-1]


def test_teacher_deep_links_a_new_assignment_with_a_line_item(browser_page: Page, lti: LtiSetup):
    page = browser_page
    add_launch(lti, "dl", "teacher-1", INSTRUCTOR, deep_link=True, name="Ms Lms")
    page.goto(lti.course_url("dl"))
    frame = tool(page)
    expect(frame.get_by_role("heading", name="Add an EssayCoach assignment")).to_be_visible()
    frame.get_by_label("Title").fill("Phones in class")
    frame.get_by_label("Prompt").fill("Should phones be banned in class?")
    frame.get_by_role("button", name="Create and add").click()
    expect(frame.locator("#deep-link-done")).to_be_visible()
    item = lti.lms.control("state")["deep_link_items"][-1]
    assert item["type"] == "ltiResourceLink"
    assert item["lineItem"]["label"] == "Phones in class"
    assert item["lineItem"]["scoreMaximum"] > 0
    assert set(item["custom"]) == {"essaycoach_assignment"}
    COURSE["item"] = item


def _student_launch(lti: LtiSetup, hint: str = "s1", sub: str = "student-1") -> None:
    item = COURSE["item"]
    add_launch(
        lti,
        hint,
        sub,
        LEARNER,
        name="Sam Lms",
        resource_link_id="rl-phones",
        custom=item["custom"],
        lineitem=item["_lineitem_id"],
    )


def test_student_launch_writes_submits_and_stays_signed_in_inside_the_frame(
    browser_page: Page, lti: LtiSetup
):
    page = browser_page
    _student_launch(lti)
    page.goto(lti.course_url("s1"))
    frame = tool(page)
    expect(frame.get_by_label("Your essay")).to_be_visible()
    frame.get_by_label("Your essay").fill(ESSAY)
    frame.get_by_role("button", name="Submit for feedback").click()  # CSRF-protected post
    expect(frame.get_by_role("heading", name="Feedback on revision 1")).to_be_visible()
    frame.locator("[data-lti-home]").click()  # a later request: the session holds
    expect(frame.get_by_label("Your essay")).to_be_visible()
    cookies = {c["name"]: c for c in page.context.cookies("https://127.0.0.1")}
    for name in ("sessionid", "csrftoken"):
        assert cookies[name]["sameSite"] == "None" and cookies[name]["secure"]
        assert cookies[name].get("partitionKey"), cookies[name]
    pending = wait_for_score(lti, lambda s: s["userId"] == "student-1")
    assert pending["gradingProgress"] == "PendingManual" and "scoreGiven" not in pending
    assert pending["lineitem"] == COURSE["item"]["_lineitem_id"]


RELEASE = """
from coaching.services import review_release, review_save
from essays.models import Revision, User
student = User.objects.get(lti_users__sub="student-1")
teacher = User.objects.get(lti_users__sub="teacher-1")
revision = Revision.objects.filter(essay__student=student).latest("pk")
points = {{c.pk: max(l.points for l in c.levels.all()) - {drop}
          for c in revision.essay.assignment.rubric.criteria.all()}}
review = review_save(revision=revision, teacher=teacher, points=points)
review_release(revision=revision, teacher=teacher)
print(review.total, review.max_total)
"""


def test_released_score_arrives_at_the_lms_and_a_change_updates_it(lti: LtiSetup):
    total, maximum = map(float, manage_shell(lti, RELEASE.format(drop=0)).split())
    graded = wait_for_score(
        lti, lambda s: s["userId"] == "student-1" and s["gradingProgress"] == "FullyGraded"
    )
    assert graded["scoreGiven"] == pytest.approx(total) and graded["scoreMaximum"] == maximum
    lower, _maximum = map(float, manage_shell(lti, RELEASE.format(drop=1)).split())
    assert lower < total
    changed = wait_for_score(
        lti, lambda s: s["userId"] == "student-1" and s.get("scoreGiven") == pytest.approx(lower)
    )
    assert changed["gradingProgress"] == "FullyGraded"


def test_teacher_launch_lands_on_the_submissions_page(browser_page: Page, lti: LtiSetup):
    item = COURSE["item"]
    add_launch(
        lti,
        "t1",
        "teacher-1",
        INSTRUCTOR,
        resource_link_id="rl-phones",
        custom=item["custom"],
        lineitem=item["_lineitem_id"],
    )
    browser_page.goto(lti.course_url("t1"))
    frame = tool(browser_page)
    expect(frame.get_by_role("heading", name="Submissions: Phones in class")).to_be_visible()
    expect(frame.get_by_role("heading", name="LMS gradebook")).to_be_visible()


def test_roster_sync_adds_the_lms_members(browser_page: Page, lti: LtiSetup):
    lti.lms.control(
        "members",
        context_id="course-1",
        members=[
            {"user_id": "teacher-1", "roles": [INSTRUCTOR], "name": "Ms Lms", "status": "Active"},
            {"user_id": "student-1", "roles": [LEARNER], "name": "Sam Lms", "status": "Active"},
            {"user_id": "student-42", "roles": [LEARNER], "name": "Rosa Roster"},
        ],
    )
    add_launch(lti, "t-roster", "teacher-1", INSTRUCTOR, resource_link_id="rl-unlinked")
    browser_page.goto(lti.course_url("t-roster"))
    frame = tool(browser_page)
    frame.get_by_role("button", name="Sync the roster from the LMS").click()
    expect(frame.get_by_text("Asking the LMS for the roster")).to_be_visible()
    deadline = time.monotonic() + 60  # the worker asks the LMS; the page shows the result
    while time.monotonic() < deadline and not frame.get_by_text("Rosa Roster").count():
        time.sleep(0.5)
        frame.locator("[data-lti-home]").click()
    expect(frame.get_by_text("Rosa Roster")).to_be_visible()
    expect(frame.locator("[data-roster-synced]")).to_be_visible()


def test_narrow_frame_has_no_sideways_scroll_and_little_navigation(
    playwright: Playwright, lti: LtiSetup, folder: Path
):
    context = new_context(playwright, lti, folder, width=360)
    page = context.pages[0] if context.pages else context.new_page()
    _student_launch(lti, hint="s-narrow")
    page.goto(lti.course_url("s-narrow"))
    frame = tool(page)
    expect(frame.get_by_label("Your essay")).to_be_visible()
    inner = page.frame_locator("#tool").locator("html")
    widths = inner.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1], widths
    assert frame.get_by_role("navigation", name="Main").get_by_role("link").count() == 1
    context.close()
    # the teacher's submissions page too
    context = new_context(playwright, lti, folder, width=360)
    page = context.pages[0] if context.pages else context.new_page()
    item = COURSE["item"]
    add_launch(
        lti,
        "t-narrow",
        "teacher-1",
        INSTRUCTOR,
        resource_link_id="rl-phones",
        custom=item["custom"],
    )
    page.goto(lti.course_url("t-narrow"))
    frame = tool(page)
    expect(frame.get_by_role("heading", name="Submissions: Phones in class")).to_be_visible()
    widths = (
        page.frame_locator("#tool")
        .locator("html")
        .evaluate("el => [el.scrollWidth, el.clientWidth]")
    )
    assert widths[0] <= widths[1], widths
    context.close()


@pytest.mark.parametrize("mode", ["forge", "expire"])
def test_forged_or_expired_id_token_is_refused(browser_page: Page, lti: LtiSetup, mode: str):
    _student_launch(lti, hint=f"s-{mode}")
    lti.lms.control("next-token", mode=mode)
    browser_page.goto(lti.course_url(f"s-{mode}"))
    expect(tool(browser_page).get_by_text("This launch could not be verified")).to_be_visible()


def test_replayed_id_token_is_refused(browser_page: Page, lti: LtiSetup):
    page = browser_page
    _student_launch(lti, hint="s-replay")
    page.goto(lti.course_url("s-replay"))
    expect(tool(page).get_by_label("Your essay")).to_be_visible()
    launch = lti.lms.control("state")["last_launch"]
    page.evaluate(
        """data => {
            const form = document.createElement("form");
            form.method = "post"; form.action = data.url; form.target = "tool";
            for (const name of ["id_token", "state"]) {
                const input = document.createElement("input");
                input.type = "hidden"; input.name = name; input.value = data[name];
                form.appendChild(input);
            }
            document.body.appendChild(form); form.submit();
        }""",
        launch,
    )
    expect(tool(page).get_by_text("This launch could not be verified")).to_be_visible()


def test_outside_a_launch_framing_is_denied(browser_page: Page, lti: LtiSetup):
    page = browser_page
    context = ssl.create_default_context(cafile=str(lti.ca.ca_file))
    with urllib.request.urlopen(f"{lti.tool.base_url}/accounts/login/", context=context) as r:
        assert r.headers["X-Frame-Options"] == "DENY"
        # django-csp writes the directives in no fixed order: compare them as a set
        directives = {d.strip() for d in r.headers["Content-Security-Policy"].split(";")}
        assert "frame-ancestors 'self'" in directives
    page.goto(f"{lti.lms.base_url}/frame?src={lti.tool.base_url}/accounts/login/")
    page.wait_for_load_state("load")
    frame = page.frames[-1]
    assert frame.url.startswith("chrome-error://") or frame.locator("form").count() == 0


def test_third_party_cookies_allowed_smoke(playwright: Playwright, lti: LtiSetup, folder: Path):
    context = new_context(playwright, lti, folder, block=False)
    page = context.pages[0] if context.pages else context.new_page()
    _student_launch(lti, hint="s-allowed")
    page.goto(lti.course_url("s-allowed"))
    expect(tool(page).get_by_label("Your essay")).to_be_visible()
    context.close()


def test_unpartitioned_cookies_fail_in_the_frame_and_the_new_tab_completes(
    playwright: Playwright, folder: Path, lti: LtiSetup
):
    (folder / "plain").mkdir(exist_ok=True)
    plain = start_lti(folder / "plain", label="e2eltiplain", LTI_PARTITIONED_COOKIES="0")
    try:
        context = new_context(playwright, plain, folder)
        page = context.pages[0] if context.pages else context.new_page()
        add_launch(plain, "s", "student-1", LEARNER, name="Sam Lms")
        page.goto(plain.course_url("s"))
        frame = tool(page)
        expect(frame.get_by_role("heading", name="Open EssayCoach in a new tab")).to_be_visible()
        with context.expect_page() as popup_info:
            frame.get_by_role("link", name="Continue in a new tab").click()
        popup = popup_info.value
        expect(popup.get_by_role("heading", name="Your assignments")).to_be_visible()
        assert popup.url.startswith(plain.tool.base_url)
        context.close()
    finally:
        stop_lti(plain)
