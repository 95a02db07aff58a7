"""A teacher marks a student's revision and releases the marking, in a real browser."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from e2e.conftest import log_in, new_student_submits
from e2e.harness import Stack
from essays.demo import ESSAY_STRONG


def test_teacher_marks_and_the_student_sees_it(browser: Browser, stack: Stack, base_url: str):
    student = browser.new_context(base_url=base_url).new_page()
    new_student_submits(student, "marked", ESSAY_STRONG)
    expect(student.locator("#progress")).to_contain_text("Feedback complete.", timeout=30_000)
    feedback_url = student.url

    teacher = browser.new_context(base_url=base_url).new_page()
    log_in(teacher, "teacher@example.com")
    teacher.goto("/classes/")
    teacher.get_by_role("link", name="Mark “Phones in class: ban them or not?”").click()
    expect(teacher.get_by_text("until you have marked 20 essays")).to_be_visible()
    teacher.goto(feedback_url)
    form = teacher.locator("form", has=teacher.get_by_role("button", name="Save marking"))
    expect(form.locator("select").first).to_be_visible()
    for select in form.locator("select").all():
        select.select_option(index=2)
    teacher.get_by_label("Comment for the student (optional)").fill("Strong opening. Add a source.")
    teacher.get_by_label("Let the student see the feedback and this marking").check()
    teacher.get_by_role("button", name="Save marking").click()
    expect(teacher.get_by_text("Your marking is saved.")).to_be_visible()

    student.reload()
    expect(student.get_by_role("heading", name="Your teacher's marking")).to_be_visible()
    expect(student.get_by_text("Strong opening. Add a source.")).to_be_visible()
    # The marking form is the teacher's alone.
    expect(student.get_by_role("button", name="Save marking")).to_have_count(0)
