"""Print-ready feedback: one essay (teacher's and student's copies), the class as a PDF."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from coaching import printing
from coaching.models import PrintJob, TeacherComment, TeacherReview
from coaching.services import review_release, review_return, review_save
from essays.models import Assignment, Membership
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, UserFactory

ESSAY = UNIFORM_ESSAY.replace("School uniforms", "Scool uniforms", 1)


def _mark(school, revision, points: int = 3, comment: str = "Strong reasons, well ordered."):
    criteria = school.assignment.rubric.criteria.all()
    return review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: points for c in criteria},
        comment=comment,
    )


def _client(person):
    return client_for(person) if person else Client()


def test_print_page_as_every_persona(school, analysed):
    revision = analysed(ESSAY)
    url = reverse("coaching:revision_print", args=[revision.pk])
    allowed = {"student", "teacher", "co_teacher"}
    for name, person in school.personas().items():
        for headers in ({}, htmx_headers()):
            response = _client(person).get(url, headers=headers)
            if person is None:
                assert response.status_code == 302, name
            elif name in allowed:
                assert response.status_code == 200, name
                assert "Sam Student" in response.content.decode(), name
            else:
                assert response.status_code == 404, name


def test_teacher_copy_shows_unreleased_marks_comments_and_rubric(school, analysed):
    revision = analysed(ESSAY)
    _mark(school, revision)
    TeacherComment.objects.create(
        revision=revision, teacher=school.teacher, start=0, end=14, text="Bold opening."
    )
    body = (
        client_for(school.teacher)
        .get(reverse("coaching:revision_print", args=[revision.pk]))
        .content.decode()
    )
    assert "Teacher&#x27;s copy" in body or "Teacher's copy" in body
    assert "Strong reasons, well ordered." in body
    assert "not released to the student yet" in body
    assert "Bold opening." in body and "<q>Scool uniforms</q>" in body
    for criterion in school.assignment.rubric.criteria.all():
        assert criterion.name in body
    # the chosen level is marked in each row
    assert body.count('class="chosen"') == school.assignment.rubric.criteria.count()
    assert "paper-a4.css" in body
    assert "<sup>1</sup>" in body  # numbered notes in the essay


def test_student_copy_shows_only_what_was_released(school, analysed):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = analysed(ESSAY)
    _mark(school, revision, comment="Secret draft comment.")
    url = reverse("coaching:revision_print", args=[revision.pk])
    body = client_for(school.student).get(url).content.decode()
    assert "has not released the feedback" in body
    assert "Secret draft comment." not in body
    assert 'class="chosen"' not in body
    review_release(revision=revision, teacher=school.teacher)
    TeacherReview.objects.filter(revision=revision).update(comment="Changed after release.")
    body = client_for(school.student).get(url).content.decode()
    assert "Secret draft comment." in body  # the snapshot, as released
    assert "Changed after release." not in body
    assert "Teacher's copy" not in body
    assert body.count('class="chosen"') == school.assignment.rubric.criteria.count()


def test_letter_paper_is_a_choice(school, analysed):
    revision = analysed(ESSAY)
    url = reverse("coaching:revision_print", args=[revision.pk])
    body = client_for(school.student).get(url, {"paper": "letter"}).content.decode()
    assert "paper-letter.css" in body and "paper-a4.css" not in body
    body = client_for(school.student).get(url, {"paper": "tabloid"}).content.decode()
    assert "paper-a4.css" in body


def test_print_stylesheet_splits_big_blocks_and_sizes_the_page():
    css = (printing.STATIC_DIR / "css" / "print.css").read_text()
    assert "break-inside: avoid" not in css.split(".rubric tr")[0]  # nothing big kept whole
    assert "break-before: page" in css
    assert "size: A4" in (printing.STATIC_DIR / "css" / "paper-a4.css").read_text()
    assert "size: Letter" in (printing.STATIC_DIR / "css" / "paper-letter.css").read_text()


def _class_of(school, analysed, count: int):
    students = []
    for i in range(count):
        student = UserFactory(display_name=f"Pupil {chr(65 + i)}{chr(97 + i)}xample")
        Membership.objects.create(classroom=school.classroom, user=student)
        analysed(ESSAY, student)
        students.append(student)
    return students


def test_class_pdf_one_student_per_page_break(school, analysed, django_capture_on_commit_callbacks):
    students = _class_of(school, analysed, 3)
    revision = analysed(ESSAY)  # Sam Student
    _mark(school, revision, comment="Printed in the class PDF.")
    url = reverse("coaching:class_pdf", args=[school.assignment.pk])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(school.teacher).post(url, {"paper": "letter", "copy": "teacher"})
    assert response.status_code == 302
    assert len(callbacks) == 1  # the worker is asked once the job is committed
    job = PrintJob.objects.get(assignment=school.assignment)
    assert job.status == PrintJob.Status.QUEUED
    assert printing.class_pdf_build(job_id=job.pk)
    assert not printing.class_pdf_build(job_id=job.pk)  # safe to run twice
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE, job.error
    reader = PdfReader(io.BytesIO(bytes(job.pdf)))
    assert len(reader.pages) == job.pages
    texts = [page.extract_text() for page in reader.pages]
    names = [s.display_name for s in students] + ["Sam Student"]
    # the cover lists who has not submitted (the classmate); then each student starts a page
    assert "Casey Classmate" in texts[0]
    starts = [i for i, t in enumerate(texts) if t.lstrip().startswith(tuple(names))]
    assert len(starts) == len(names)
    assert len(reader.pages) >= len(names) + 1
    # no blank page: beside the footer (name, page number) every page has a body
    assert all(len(text.strip().splitlines()) >= 3 for text in texts), texts
    assert "Printed in the class PDF." in "".join(texts)
    width, height = reader.pages[1].mediabox.width, reader.pages[1].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)  # US Letter in points

    download = client_for(school.co_teacher).get(
        reverse("coaching:class_pdf_download", args=[job.pk])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")


def test_students_copy_pdf_holds_no_unreleased_marks(school, analysed):
    revision = analysed(ESSAY)
    _mark(school, revision, comment="Not for the student yet.")
    job = PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, paper="a4", copy="student"
    )
    printing.class_pdf_build(job_id=job.pk)
    job.refresh_from_db()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(job.pdf))).pages)
    assert "Sam Student" in text
    assert "Not for the student yet." not in text
    reader = PdfReader(io.BytesIO(bytes(job.pdf)))
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_class_pdf_pages_and_download_as_every_persona(school, analysed):
    analysed(ESSAY)
    job = PrintJob.objects.create(assignment=school.assignment, requested_by=school.teacher)
    printing.class_pdf_build(job_id=job.pk)
    pages = {
        "status": reverse("coaching:class_pdf", args=[school.assignment.pk]),
        "download": reverse("coaching:class_pdf_download", args=[job.pk]),
        "print": reverse("coaching:class_print", args=[school.assignment.pk]),
    }
    for name, person in school.personas().items():
        for page, url in pages.items():
            for headers in ({}, htmx_headers()):
                response = _client(person).get(url, headers=headers)
                if person is None:
                    assert response.status_code == 302, (name, page)
                elif name in ("teacher", "co_teacher"):
                    assert response.status_code == 200, (name, page)
                else:
                    assert response.status_code == 404, (name, page)
        post = _client(person).post(pages["status"], {"paper": "a4", "copy": "teacher"})
        expected = 302 if name in ("teacher", "co_teacher", "anonymous") else 404
        assert post.status_code == expected, name
    assert PrintJob.objects.filter(assignment=school.assignment).count() == 2


def test_status_fragment_for_htmx_polls_while_busy(school):
    PrintJob.objects.create(assignment=school.assignment, requested_by=school.teacher)
    url = reverse("coaching:class_pdf", args=[school.assignment.pk])
    response = client_for(school.teacher).get(url, headers=htmx_headers())
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="jobs"')
    assert 'hx-trigger="every 2s"' in body
    assert "<html" not in body
    page = client_for(school.teacher).get(url).content.decode()
    assert "Refresh" in page  # without JavaScript: a link


def test_a_bad_paper_or_copy_is_refused(school):
    url = reverse("coaching:class_pdf", args=[school.assignment.pk])
    assert (
        client_for(school.teacher).post(url, {"paper": "a3", "copy": "teacher"}).status_code == 404
    )
    assert not PrintJob.objects.exists()


def test_class_print_in_the_browser_breaks_pages_per_student(school, analysed):
    _class_of(school, analysed, 2)
    analysed(ESSAY)
    body = (
        client_for(school.teacher)
        .get(reverse("coaching:class_print", args=[school.assignment.pk]))
        .content.decode()
    )
    assert body.count('<article class="printed-essay"') == 3


@pytest.mark.parametrize("copy", ["teacher", "student"])
def test_class_print_queries_do_not_grow_with_the_class(
    school, analysed, copy, django_assert_max_num_queries
):
    from coaching.printing import latest_revisions, printed_essays

    analysed(ESSAY)
    _class_of(school, analysed, 4)
    with django_assert_max_num_queries(9):
        printed_essays(school.assignment, latest_revisions(school.assignment), copy=copy)


def test_returned_essay_prints_what_to_fix(school, analysed):
    revision = analysed(ESSAY)
    review_return(revision=revision, teacher=school.teacher, note="Fix the spelling in line one.")
    body = (
        client_for(school.teacher)
        .get(reverse("coaching:revision_print", args=[revision.pk]))
        .content.decode()
    )
    assert "Fix the spelling in line one." in body


def test_a_job_whose_worker_died_fails_and_a_lost_one_is_sent_again(school, settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.PRINT_JOB_STALE_SECONDS = 600
    long_ago = timezone.now() - timedelta(seconds=601)
    dead = PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, status="running"
    )
    PrintJob.objects.filter(pk=dead.pk).update(started_at=long_ago)
    busy = PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, status="running"
    )
    PrintJob.objects.filter(pk=busy.pk).update(started_at=timezone.now())
    lost = PrintJob.objects.create(assignment=school.assignment, requested_by=school.teacher)
    PrintJob.objects.filter(pk=lost.pk).update(created_at=long_ago)
    fresh = PrintJob.objects.create(assignment=school.assignment, requested_by=school.teacher)

    assert printing.print_jobs_recover() == [lost.pk]  # the periodic task sends it again
    states = dict(PrintJob.objects.values_list("pk", "status"))
    assert states == {dead.pk: "failed", busy.pk: "running", lost.pk: "queued", fresh.pk: "queued"}
    page = client_for(school.teacher).get(
        reverse("coaching:class_pdf", args=[school.assignment.pk])
    )
    assert "Try again" in page.content.decode()


def test_a_dead_job_does_not_block_a_new_request(school, settings):
    from datetime import timedelta

    from django.utils import timezone

    dead = PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, status="running", paper="a4"
    )
    PrintJob.objects.filter(pk=dead.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.PRINT_JOB_STALE_SECONDS + 1)
    )
    url = reverse("coaching:class_pdf", args=[school.assignment.pk])
    client_for(school.teacher).post(url, {"paper": "a4", "copy": "teacher"})
    assert PrintJob.objects.filter(status="queued").count() == 1
    assert PrintJob.objects.get(pk=dead.pk).status == "failed"
