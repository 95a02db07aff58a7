"""Privacy: a student's own copy of everything, erasure, retention, the research export."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coaching.models import PrintJob, ResearchConsent, StageResult, TeacherReview
from coaching.privacy import erase_student, pseudonym, research_export, retention_purge
from coaching.services import review_release, review_save
from essays.models import Assignment, Essay, Revision, User
from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY

ESSAY = UNIFORM_ESSAY + "\n\nMy name is Sam Student and you can write to student@school.test."


def _mark(school, revision, comment: str):
    criteria = school.assignment.rubric.criteria.all()
    return review_save(
        revision=revision,
        teacher=school.teacher,
        points={c.pk: 3 for c in criteria},
        comment=comment,
    )


def _zip(client) -> zipfile.ZipFile:
    response = client.get(reverse("essays:account_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_a_student_downloads_everything_held_about_them(school, analysed):
    first = analysed(ESSAY)
    _mark(school, first, "Released comment.")
    review_release(revision=first, teacher=school.teacher)
    second = analysed(ESSAY + "\n\nA second revision.")
    _mark(school, second, "Not released yet.")
    Essay.objects.filter(pk=first.essay_id).update(draft_text="")
    essay = Essay.objects.get(pk=first.essay_id)
    essay.draft_text = "My draft in progress."
    essay.save()
    analysed(UNIFORM_ESSAY, school.classmate)  # someone else's essay

    archive = _zip(client_for(school.student))
    names = archive.namelist()
    assert "README.txt" in names and "profile.json" in names
    profile = json.loads(archive.read("profile.json"))
    assert profile["email"] == "student@school.test" and profile["name"] == "Sam Student"
    assert profile["classes"][0]["class"] == school.classroom.name
    texts = {n: archive.read(n).decode() for n in names}
    folder = next(n for n in names if n.endswith("/revision-1.txt")).rsplit("/", 1)[0]
    assert texts[f"{folder}/draft.txt"] == "My draft in progress."
    assert texts[f"{folder}/revision-1.txt"] == first.text
    assert texts[f"{folder}/revision-2.txt"] == second.text
    one = json.loads(texts[f"{folder}/revision-1-feedback.json"])
    two = json.loads(texts[f"{folder}/revision-2-feedback.json"])
    assert set(one["machine_feedback"]) == {"overview", "notes", "scores", "summary"}
    assert one["teacher_feedback"]["comment"] == "Released comment."
    assert two["teacher_feedback"] is None  # not released: not theirs to see yet
    everything = "".join(texts.values())
    assert "Not released yet." not in everything
    assert "classmate" not in everything.lower()


def test_feedback_held_for_release_stays_held_in_the_export(school, analysed):
    Assignment.objects.filter(pk=school.assignment.pk).update(release="after_review")
    analysed(ESSAY)
    archive = _zip(client_for(school.student))
    feedback = next(n for n in archive.namelist() if n.endswith("-feedback.json"))
    assert json.loads(archive.read(feedback))["machine_feedback"] == (
        "held until your teacher releases it"
    )


def test_the_export_needs_a_login(client):
    response = client.get(reverse("essays:account_export"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_settings_page_links_the_export(school):
    page = client_for(school.student).get(reverse("essays:preferences")).content.decode()
    assert reverse("essays:account_export") in page


def test_erasing_a_student_removes_everything_they_wrote(school, analysed):
    revision = analysed(ESSAY)
    _mark(school, revision, "A comment.")
    job = PrintJob.objects.create(
        assignment=school.assignment, requested_by=school.teacher, pdf=b"%PDF class"
    )
    kept = analysed(UNIFORM_ESSAY, school.classmate)
    student_client = client_for(school.student)
    assert Session.objects.count() >= 1

    counts = erase_student(student=school.student, by=school.admin)
    assert counts["essays"] == 1 and counts["revisions"] == 1 and counts["class_pdfs"] == 1
    assert not User.objects.filter(pk=school.student.pk).exists()
    assert not Revision.objects.filter(pk=revision.pk).exists()
    assert not StageResult.objects.filter(analysis__revision_id=revision.pk).exists()
    assert not TeacherReview.objects.filter(revision_id=revision.pk).exists()
    assert not PrintJob.objects.filter(pk=job.pk).exists()  # it held their essay
    assert Revision.objects.filter(pk=kept.pk).exists()  # classmates keep theirs
    response = student_client.get(reverse("essays:assignment_list"))
    assert response.status_code == 302  # signed out everywhere


def test_teachers_are_not_erased_as_students(school):
    import pytest

    with pytest.raises(ValueError):
        erase_student(student=school.teacher, by=school.admin)


def test_the_admin_asks_before_erasing(school, analysed):
    analysed(ESSAY)
    admin = client_for(school.admin)
    url = reverse("admin:essays_user_changelist")
    chosen = {
        "action": "erase_students",
        "_selected_action": [school.student.pk, school.teacher.pk],
    }
    page = admin.post(url, chosen)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Sam Student" in body and "1 essays" in body and "not erased" in body
    assert User.objects.filter(pk=school.student.pk).exists()  # nothing yet
    done = admin.post(url, {**chosen, "confirm": "yes"})
    assert done.status_code == 302
    assert not User.objects.filter(pk=school.student.pk).exists()
    assert User.objects.filter(pk=school.teacher.pk).exists()


def test_the_erase_command(school, analysed):
    analysed(ESSAY)
    out = io.StringIO()
    call_command("erase_student", "student@school.test", stdout=out)
    assert "Would erase" in out.getvalue()
    assert User.objects.filter(pk=school.student.pk).exists()
    call_command("erase_student", "student@school.test", "--yes", stdout=out)
    assert not User.objects.filter(pk=school.student.pk).exists()


def test_retention_deletes_only_essays_idle_longer_than_the_setting(school, analysed, settings):
    old = analysed(ESSAY)
    recent = analysed(UNIFORM_ESSAY, school.classmate)
    long_ago = timezone.now() - timedelta(days=400)
    Revision.objects.filter(pk=old.pk).update(created_at=long_ago)
    Essay.objects.filter(pk=old.essay_id).update(created_at=long_ago, draft_saved_at=long_ago)
    settings.ESSAY_RETENTION_DAYS = 0
    assert retention_purge() == 0  # 0 keeps everything
    settings.ESSAY_RETENTION_DAYS = 365
    assert retention_purge() == 1
    assert not Revision.objects.filter(pk=old.pk).exists()
    assert Revision.objects.filter(pk=recent.pk).exists()


def test_a_draft_saved_recently_keeps_an_old_essay(school, analysed):
    old = analysed(ESSAY)
    long_ago = timezone.now() - timedelta(days=400)
    Revision.objects.filter(pk=old.pk).update(created_at=long_ago)
    Essay.objects.filter(pk=old.essay_id).update(created_at=long_ago, draft_saved_at=timezone.now())
    assert retention_purge(days=365) == 0


def test_research_export_only_opted_in_classes_and_no_names(school, analysed):
    revision = analysed(ESSAY)
    _mark(school, revision, "Fine.")
    review_release(revision=revision, teacher=school.teacher)
    out = io.StringIO()
    assert research_export(out) == 0  # nobody opted in
    edit = reverse("essays:teach_class_edit", args=[school.classroom.pk])
    response = client_for(school.teacher).post(
        edit, {"name": school.classroom.name, "description": "", "research": "on"}
    )
    assert response.status_code == 302
    assert ResearchConsent.objects.get(classroom=school.classroom).opted_in
    form = client_for(school.teacher).get(edit).content.decode()
    assert 'name="research"' in form and "checked" in form

    rows = [json.loads(line) for line in _export().splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["student"] == pseudonym("student", school.student.pk)
    assert row["teacher_points"] and row["machine_points"]
    dumped = json.dumps(rows)
    for secret in ("Sam", "Student", "student@school.test", "Ms Teacher", "school.test"):
        assert secret not in dumped, secret
    assert "@PERSON" in row["text"] and "@EMAIL" in row["text"]
    assert str(school.student.pk) != row["student"]


def _export() -> str:
    out = io.StringIO()
    call_command("research_export", "-", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_audit_log_is_in_the_admin_and_read_only(school, analysed):
    revision = analysed(ESSAY)
    _mark(school, revision, "Audited.")
    review_release(revision=revision, teacher=school.teacher)
    admin = client_for(school.admin)
    page = admin.get(reverse("admin:coaching_reviewevent_changelist"))
    body = page.content.decode()
    assert page.status_code == 200 and "Released" in body and "Ms Teacher" in body
    assert admin.get(reverse("admin:coaching_reviewevent_add")).status_code == 403
