import pytest
from django.core.exceptions import ValidationError

from coaching.models import Analysis
from essays.models import Membership, Revision
from essays.services import (
    classroom_join,
    draft_import,
    draft_save,
    essay_for,
    revision_submit,
)
from tests.factories import UNIFORM_ESSAY, ClassroomFactory


def test_join_with_code_is_case_and_space_insensitive(school):
    classroom = ClassroomFactory(join_code="ABCD2345")
    membership = classroom_join(user=school.outsider, code=" abcd 2345 ")
    assert membership.classroom == classroom
    assert membership.role == Membership.Role.STUDENT
    # Joining twice keeps one membership.
    classroom_join(user=school.outsider, code="ABCD2345")
    assert Membership.objects.filter(user=school.outsider, classroom=classroom).count() == 1


def test_join_with_unknown_code_explains(school):
    with pytest.raises(ValidationError, match="No class has the join code"):
        classroom_join(user=school.student, code="NOPE")


def test_submit_creates_numbered_immutable_revisions_and_queues_analysis(
    school, django_capture_on_commit_callbacks
):
    essay = essay_for(assignment=school.assignment, student=school.student)
    with django_capture_on_commit_callbacks() as callbacks:
        first = revision_submit(essay=essay, text=UNIFORM_ESSAY)
        second = revision_submit(essay=essay, text=UNIFORM_ESSAY + "\nOne more line.")
    assert (first.number, second.number) == (1, 2)
    assert first.word_count == len(UNIFORM_ESSAY.split())
    assert len(first.text_sha256) == 64
    assert Analysis.objects.filter(revision__essay=essay, status="queued").count() == 2
    assert len(callbacks) == 2  # the analysis is queued only once the rows are committed
    essay.refresh_from_db()
    assert essay.draft_text.startswith("School uniforms")


def test_submit_rejects_empty_and_too_long(school):
    essay = essay_for(assignment=school.assignment, student=school.student)
    with pytest.raises(ValidationError, match="Write something"):
        revision_submit(essay=essay, text="   \n  ")
    too_long = "word " * (school.assignment.max_words + 1)
    with pytest.raises(ValidationError, match="limit for this assignment is 800"):
        revision_submit(essay=essay, text=too_long)
    assert not Revision.objects.exists()


def test_draft_save_keeps_text_even_over_the_word_limit(school):
    essay = essay_for(assignment=school.assignment, student=school.student)
    text = "word " * (school.assignment.max_words + 10)
    draft_save(essay=essay, text=text)
    essay.refresh_from_db()
    assert essay.draft_text == text
    assert essay.draft_saved_at is not None


def test_draft_import_rejects_big_and_unknown_files(school, settings):
    settings.ESSAY_MAX_UPLOAD_BYTES = 1024
    essay = essay_for(assignment=school.assignment, student=school.student)
    with pytest.raises(ValidationError, match=r"Too large \(4 KB; the limit is 1 KB\)"):
        draft_import(essay=essay, filename="big.txt", data=b"a " * 2000)
    with pytest.raises(ValidationError, match="not a file we can read"):
        draft_import(essay=essay, filename="essay.exe", data=b"MZ")
    draft_import(essay=essay, filename="essay.txt", data=b"My essay about uniforms.")
    essay.refresh_from_db()
    assert essay.draft_text == "My essay about uniforms.\n"
