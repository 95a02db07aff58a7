"""The teacher's marking: submissions, the review page, decisions, comments, the comment
bank, release and return, and what the student then sees."""

from __future__ import annotations

import re

from django.urls import reverse

from coaching.marking import note_key, suppressed_kinds
from coaching.models import (
    CommentBankEntry,
    NoteDecision,
    ReviewEvent,
    TeacherComment,
    TeacherReview,
)
from coaching.services import review_release, review_return, review_save
from essays.models import Assignment, Essay
from tests.conftest import client_for, htmx_headers
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED, MembershipFactory, UserFactory
from tests.teach_data import add_revision, notes_for


def _marks(school, points: int = 3, comment: str | None = "Well argued.") -> dict:
    form: dict = {f"criterion-{c.pk}": points for c in school.assignment.rubric.criteria.all()}
    if comment is not None:
        form["comment"] = comment
    return form


def _points(school, points: int) -> dict[int, int]:
    return {c.pk: points for c in school.assignment.rubric.criteria.all()}


def _feedback(school, revision, user=None) -> str:
    url = reverse("coaching:revision_feedback", args=[revision.pk])
    return client_for(user or school.student).get(url).content.decode()


# --- submissions ------------------------------------------------------------------------


def _rows(body: str) -> list[str]:
    tbody = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", tbody, flags=re.S)


def test_submissions_list_every_student_with_their_status(
    school, django_capture_on_commit_callbacks
):
    late = UserFactory(display_name="Lee Late")
    MembershipFactory(classroom=school.classroom, user=late)
    drafter = UserFactory(display_name="Dana Draft")
    MembershipFactory(classroom=school.classroom, user=drafter)
    Essay.objects.create(assignment=school.assignment, student=drafter, draft_text="Some words")
    marked = add_revision(school.assignment, school.student)
    add_revision(school.assignment, late, late=True)
    with django_capture_on_commit_callbacks(execute=False):
        review_save(revision=marked, teacher=school.teacher, points=_points(school, 4))
    url = reverse("coaching:submissions", args=[school.assignment.pk])
    body = client_for(school.teacher).get(url).content.decode()
    rows = _rows(body)
    assert len(rows) == 4  # teachers are not listed; students who did nothing are
    by_name = {
        re.search(r"(Sam Student|Casey Classmate|Lee Late|Dana Draft)", r)[1]: r for r in rows
    }
    assert "Marked, not released" in by_name["Sam Student"]
    assert "12.0 / 12" in by_name["Sam Student"]
    assert "75%" in by_name["Sam Student"]  # the machine's score
    assert "Not started" in by_name["Casey Classmate"]
    assert "Draft only" in by_name["Dana Draft"]
    assert "Needs marking" in by_name["Lee Late"] and "status-late" in by_name["Lee Late"]
    review_url = reverse("coaching:review_page", args=[marked.pk])
    assert review_url in by_name["Sam Student"]
    # names in alphabetical order by default
    assert [n for n in ("Casey", "Dana", "Lee", "Sam") if n in "".join(rows)] == [
        "Casey",
        "Dana",
        "Lee",
        "Sam",
    ]
    assert "Release 1 marked essay" in body


def test_submissions_filter_sort_and_paginate(school, django_capture_on_commit_callbacks):
    students = []
    for i in range(55):
        student = UserFactory(display_name=f"Pupil {i:02d}")
        MembershipFactory(classroom=school.classroom, user=student)
        students.append(student)
    for i, student in enumerate(students[:10]):
        add_revision(school.assignment, student, late=i % 2 == 0)
    url = reverse("coaching:submissions", args=[school.assignment.pk])
    teacher = client_for(school.teacher)

    first = teacher.get(url).content.decode()
    assert len(_rows(first)) == 50
    assert "Page 1 of 2" in first
    second = teacher.get(url, {"page": 2}).content.decode()
    assert len(_rows(second)) == 7  # 55 pupils + student + classmate

    needs = teacher.get(url, {"status": "needs_marking"}).content.decode()
    assert len(_rows(needs)) == 10
    late = teacher.get(url, {"status": "needs_marking", "late": "late"}).content.decode()
    assert len(_rows(late)) == 5
    not_submitted = teacher.get(url, {"status": "not_submitted"}).content.decode()
    assert len(_rows(not_submitted)) == 47

    desc = _rows(teacher.get(url, {"sort": "name", "dir": "desc"}).content.decode())
    assert "Sam Student" in desc[0]
    by_submitted = _rows(teacher.get(url, {"sort": "submitted"}).content.decode())
    assert "Pupil 00" in by_submitted[0]  # the first to submit; never-submitted come last

    fragment = teacher.get(
        url, {"sort": "late"}, headers={**htmx_headers(), "HX-Target": "submissions"}
    ).content.decode()
    assert "<html" not in fragment and "<table" in fragment
    assert "status-late" in _rows(fragment)[0]


def test_submissions_page_ignores_nonsense_parameters(school):
    url = reverse("coaching:submissions", args=[school.assignment.pk])
    response = client_for(school.teacher).get(
        url, {"sort": "drop table", "status": "x", "late": "y", "page": "z"}
    )
    assert response.status_code == 200


# --- the review page ----------------------------------------------------------------------


def test_review_page_shows_the_text_notes_and_the_machines_levels(school):
    revision = add_revision(school.assignment, school.student)
    body = (
        client_for(school.teacher)
        .get(reverse("coaching:review_page", args=[revision.pk]))
        .content.decode()
    )
    assert "Sam Student: revision 1" in body
    assert "The machine's notes (3)" in body
    assert "Check the verb agrees." in body
    # every level is a radio button; the machine's suggestion (3) is pre-selected
    criterion = school.assignment.rubric.criteria.first()
    assert re.search(
        rf'name="criterion-{criterion.pk}" value="3" id="level-{criterion.pk}-3" checked', body
    )
    assert "Machine suggests: Good (3)" in body
    assert "The machine&#x27;s reason for Ideas." in body
    assert "<q>School uniforms should be required in every secondary school</q>" in body
    # the keyboard help and the paragraph fallback for comments
    assert "Keyboard shortcuts" in body and "<kbd>j</kbd>" in body
    assert 'name="paragraph"' in body and "¶5" in body
    assert 'data-o="0"' in body  # segments carry their offsets for selections


def test_next_and_previous_student_follow_the_class_list(school):
    names = ["Ann A", "Bob B", "Cal C"]
    revisions = []
    for name in names:
        student = UserFactory(display_name=name)
        MembershipFactory(classroom=school.classroom, user=student)
        revisions.append(add_revision(school.assignment, student))
    teacher = client_for(school.teacher)
    body = teacher.get(reverse("coaching:review_page", args=[revisions[1].pk])).content.decode()
    assert f'href="{reverse("coaching:review_page", args=[revisions[0].pk])}" rel="prev"' in body
    assert f'href="{reverse("coaching:review_page", args=[revisions[2].pk])}" rel="next"' in body
    assert "2 of 3 submitted" in body


def test_every_click_saves_the_marks_without_releasing(school, django_capture_on_commit_callbacks):
    school.assignment.release = Assignment.Release.IMMEDIATE
    school.assignment.save()
    revision = add_revision(school.assignment, school.student)
    url = reverse("coaching:review_marks", args=[revision.pk])
    teacher = client_for(school.teacher)
    with django_capture_on_commit_callbacks(execute=False) as refits:
        response = teacher.post(url, _marks(school, 2), headers=htmx_headers())
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Saved." in body and "6.0 / 12" in body
    assert len(refits) == 1  # new marks refit the calibration
    review = TeacherReview.objects.get()
    assert review.released_at is None
    assert "Your teacher's marking" not in _feedback(school, revision)

    with django_capture_on_commit_callbacks(execute=False) as refits:
        teacher.post(url, _marks(school, 2, comment="Better."), headers=htmx_headers())
    assert len(refits) == 0  # a comment alone does not refit
    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(url, _marks(school, 4), headers=htmx_headers())
    review.refresh_from_db()
    assert review.total == 12 and review.comment == "Well argued."
    # a run of saves by one teacher is one audit event with the latest marks
    events = list(ReviewEvent.objects.filter(revision=revision))
    assert [e.action for e in events] == ["saved"] and events[0].total == 12


def test_a_missing_level_is_reported_in_the_fragment(school):
    revision = add_revision(school.assignment, school.student)
    form = _marks(school)
    form.pop(next(iter(form)))
    response = client_for(school.teacher).post(
        reverse("coaching:review_marks", args=[revision.pk]), form, headers=htmx_headers()
    )
    assert "Choose a level for" in response.content.decode()
    assert not TeacherReview.objects.exists()


def test_note_decisions_are_recorded_per_note_and_kind(school):
    revision = add_revision(school.assignment, school.student)
    notes = notes_for(revision.text)
    url = reverse("coaching:note_decision", args=[revision.pk])
    teacher = client_for(school.teacher)
    response = teacher.post(
        url, {"note_key": note_key(notes[0]), "decision": "accepted"}, headers=htmx_headers()
    )
    fragment = response.content.decode()
    assert fragment.startswith('<li id="note-1"') and "review-note-accepted" in fragment
    teacher.post(url, {"note_key": note_key(notes[1]), "decision": "dismissed"})
    teacher.post(
        url,
        {"note_key": note_key(notes[2]), "decision": "edited", "message": "Good comma."},
    )
    decisions = {d.kind: (d.decision, d.message) for d in NoteDecision.objects.all()}
    assert decisions == {
        "rule:test-agreement": ("accepted", ""),
        "harper:SpellCheck": ("dismissed", ""),
        "rule:test-comma": ("edited", "Good comma."),
    }
    # an edit needs words; a note that is not on the essay is refused; undo removes
    body = teacher.post(
        url,
        {"note_key": note_key(notes[0]), "decision": "edited", "message": " "},
        headers=htmx_headers(),
    ).content.decode()
    assert "Write the note as you want the student to read it." in body
    assert teacher.post(url, {"note_key": "0-1-nothing", "decision": "accepted"}).status_code == 404
    teacher.post(url, {"note_key": note_key(notes[0]), "decision": ""})
    assert NoteDecision.objects.count() == 2


def test_comments_anchor_to_a_passage_or_a_paragraph(school):
    revision = add_revision(school.assignment, school.student)
    url = reverse("coaching:comment_add", args=[revision.pk])
    teacher = client_for(school.teacher)
    start = revision.text.index("my cousin")
    fragment = teacher.post(
        url,
        {"text": "Is one cousin enough?", "start": start, "end": start + 9, "paragraph": 1},
        headers=htmx_headers(),
    ).content.decode()
    assert "<q>my cousin</q> (paragraph 2)" in fragment
    teacher.post(url, {"text": "Strong ending.", "paragraph": 5, "start": "", "end": ""})
    comments = list(TeacherComment.objects.order_by("pk"))
    assert (comments[0].start, comments[0].end, comments[0].paragraph) == (start, start + 9, None)
    assert (comments[1].start, comments[1].paragraph) == (None, 5)
    bad = teacher.post(
        url, {"text": "x", "start": 5, "end": 99999, "paragraph": 99}, headers=htmx_headers()
    )
    assert "Select a passage or choose a paragraph." in bad.content.decode()
    assert TeacherComment.objects.count() == 2
    teacher.post(reverse("coaching:comment_delete", args=[revision.pk, comments[1].pk]))
    assert TeacherComment.objects.count() == 1


def test_the_comment_bank_saves_searches_and_reuses(school):
    revision = add_revision(school.assignment, school.student)
    teacher = client_for(school.teacher)
    teacher.post(reverse("coaching:bank_add", args=[revision.pk]), {"text": "Quote a source."})
    teacher.post(reverse("coaching:bank_add", args=[revision.pk]), {"text": "Quote a source."})
    teacher.post(
        reverse("coaching:comment_add", args=[revision.pk]),
        {"text": "Vary your sentence openings.", "paragraph": 2, "save_to_bank": "1"},
    )
    assert CommentBankEntry.objects.filter(owner=school.teacher).count() == 2
    page = reverse("coaching:review_page", args=[revision.pk])
    found = teacher.get(
        page, {"q": "source"}, headers={**htmx_headers(), "HX-Target": "comment-bank"}
    ).content.decode()
    assert "Quote a source." in found and "Vary your sentence" not in found
    # the co-teacher has a bank of their own
    assert "Quote a source." not in client_for(school.co_teacher).get(page).content.decode()

    entry = CommentBankEntry.objects.get(text="Quote a source.")
    teacher.post(reverse("coaching:bank_use", args=[revision.pk, entry.pk]))
    review = TeacherReview.objects.get(revision=revision)
    assert review.comment == "Quote a source."
    assert review.points  # the pre-selected machine levels became the teacher's
    entry.refresh_from_db()
    assert entry.uses == 1
    teacher.post(
        reverse("coaching:comment_add", args=[revision.pk]),
        {"text": "", "bank_entry": entry.pk, "paragraph": 1},
    )
    # (comments are encrypted at rest: compared after reading, never in SQL)
    assert [c.text for c in TeacherComment.objects.filter(paragraph=1)] == ["Quote a source."]
    entry.refresh_from_db()
    assert entry.uses == 2
    teacher.post(reverse("coaching:bank_delete", args=[revision.pk, entry.pk]))
    assert not CommentBankEntry.objects.filter(pk=entry.pk).exists()


# --- release and return -----------------------------------------------------------------


def test_the_student_sees_exactly_what_was_released(school, django_capture_on_commit_callbacks):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = add_revision(school.assignment, school.student)
    notes = notes_for(revision.text)
    teacher = client_for(school.teacher)
    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(reverse("coaching:review_marks", args=[revision.pk]), _marks(school, 4))
    teacher.post(
        reverse("coaching:note_decision", args=[revision.pk]),
        {"note_key": note_key(notes[1]), "decision": "dismissed"},
    )
    teacher.post(
        reverse("coaching:note_decision", args=[revision.pk]),
        {"note_key": note_key(notes[2]), "decision": "edited", "message": "Teacher's wording."},
    )
    teacher.post(
        reverse("coaching:comment_add", args=[revision.pk]),
        {"text": "Lovely opening line.", "paragraph": 1},
    )
    assert "Your teacher will release the feedback" in _feedback(school, revision)

    response = teacher.post(
        reverse("coaching:review_release", args=[revision.pk]), headers=htmx_headers()
    )
    assert "Released to the student by Ms Teacher" in response.content.decode()
    body = _feedback(school, revision)
    teacher_at = body.index("Your teacher's marking")
    assert teacher_at < body.index("Rubric scores")  # above the machine's draft
    assert "12.0 out of 12" in body
    assert "Well argued." in body and "Lovely opening line." in body
    assert "Teacher&#x27;s wording." in body
    assert "Marked by Ms Teacher; released by Ms Teacher" in body
    # the dismissed note is gone from the machine's notes; the others stay
    assert "Is this the word you meant?" not in body
    assert "Check the verb agrees." in body

    # later changes stay with the teacher until released again
    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(
            reverse("coaching:review_marks", args=[revision.pk]),
            _marks(school, 1, comment="Second thoughts."),
        )
    body = _feedback(school, revision)
    assert "12.0 out of 12" in body and "Second thoughts." not in body
    page = teacher.get(reverse("coaching:review_page", args=[revision.pk])).content.decode()
    assert "You changed the marking since" in page
    submissions = teacher.get(
        reverse("coaching:submissions", args=[school.assignment.pk])
    ).content.decode()
    assert "Yes, changed since" in submissions
    teacher.post(reverse("coaching:review_release", args=[revision.pk]))
    body = _feedback(school, revision)
    assert "3.0 out of 12" in body and "Second thoughts." in body

    events = [e.action for e in ReviewEvent.objects.filter(revision=revision)]
    assert events == ["saved", "released", "saved", "released"]
    released = ReviewEvent.objects.filter(action="released").last()
    assert released.teacher == school.teacher and released.total == 3

    teacher.post(reverse("coaching:review_release", args=[revision.pk]), {"action": "withdraw"})
    assert "Your teacher will release the feedback" in _feedback(school, revision)
    assert ReviewEvent.objects.filter(action="unreleased").count() == 1


def test_release_a_whole_assignment(school, django_capture_on_commit_callbacks):
    first = add_revision(school.assignment, school.student)
    second = add_revision(school.assignment, school.classmate)
    with django_capture_on_commit_callbacks(execute=False):
        review_save(revision=first, teacher=school.teacher, points=_points(school, 3))
    url = reverse("coaching:assignment_release", args=[school.assignment.pk])
    response = client_for(school.co_teacher).post(url, headers=htmx_headers())
    assert response["HX-Redirect"] == reverse("coaching:submissions", args=[school.assignment.pk])
    review = TeacherReview.objects.get(revision=first)
    assert review.released_at is not None and review.released_by == school.co_teacher
    assert not TeacherReview.objects.filter(revision=second).exists()  # unmarked: not released
    assert "Your teacher's marking" in _feedback(school, first)
    # nothing new to release: nothing happens
    client_for(school.teacher).post(url)
    assert ReviewEvent.objects.filter(action="released").count() == 1


def test_return_for_revision_and_the_next_revision_links_to_it(
    school, django_capture_on_commit_callbacks
):
    first = add_revision(school.assignment, school.student)
    teacher = client_for(school.teacher)
    refused = teacher.post(
        reverse("coaching:review_return", args=[first.pk]), {"note": " "}, headers=htmx_headers()
    )
    assert "Say what the student should fix." in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(
            reverse("coaching:review_return", args=[first.pk]),
            {"note": "Give a figure for the cost of uniforms."},
        )
    review = TeacherReview.objects.get(revision=first)
    assert review.returned_at is not None and review.released_at is None
    body = _feedback(school, first)
    assert "Your teacher asks for a revision" in body
    assert "Give a figure for the cost of uniforms." in body

    editor = (
        client_for(school.student)
        .get(reverse("essays:essay_edit", args=[school.assignment.pk]))
        .content.decode()
    )
    assert "Your teacher asks for a revision" in editor
    assert "Give a figure for the cost of uniforms." in editor

    second = add_revision(school.assignment, school.student, UNIFORM_REVISED)
    editor = (
        client_for(school.student)
        .get(reverse("essays:essay_edit", args=[school.assignment.pk]))
        .content.decode()
    )
    assert "Your teacher asks for a revision" not in editor  # answered
    body = _feedback(school, second)
    assert "This revision answers your teacher's request" in body
    assert reverse("coaching:revision_feedback", args=[first.pk]) in body
    page = teacher.get(reverse("coaching:review_page", args=[second.pk])).content.decode()
    assert "This revision answers your request" in page
    assert ReviewEvent.objects.filter(revision=first, action="returned").exists()


def test_services_never_release_by_default(school, django_capture_on_commit_callbacks):
    revision = add_revision(school.assignment, school.student)
    with django_capture_on_commit_callbacks(execute=False):
        review = review_save(revision=revision, teacher=school.teacher, points=_points(school, 3))
    assert review.released_at is None
    review = review_release(revision=revision, teacher=school.co_teacher)
    assert review.released["released_by"] == "Mr Coteacher"
    assert review.released["set_by"] == "Ms Teacher"
    review = review_return(revision=revision, teacher=school.teacher, note="More evidence.")
    assert review.released_at is not None  # returning leaves the release as it was


# --- what the school's teachers dismiss -------------------------------------------------


def test_a_kind_the_school_keeps_dismissing_stops_showing(
    school, settings, django_capture_on_commit_callbacks
):
    settings.NOTE_KIND_MIN_DECISIONS = 10
    settings.NOTE_KIND_DISMISSED_SHARE = 0.7
    spelling = "harper:SpellCheck"
    revisions = []
    for _i in range(10):
        student = UserFactory()
        MembershipFactory(classroom=school.classroom, user=student)
        revisions.append(add_revision(school.assignment, student))
    watched = add_revision(school.assignment, school.student)
    key = note_key(notes_for(UNIFORM_ESSAY)[1])
    assert "Is this the word you meant?" in _feedback(school, watched)
    teacher = client_for(school.teacher)
    for i, revision in enumerate(revisions[:9]):
        decision = "dismissed" if i < 6 else "accepted"
        teacher.post(
            reverse("coaching:note_decision", args=[revision.pk]),
            {"note_key": key, "decision": decision},
        )
    assert suppressed_kinds() == set()  # 9 decisions: not enough yet
    teacher.post(
        reverse("coaching:note_decision", args=[revisions[9].pk]),
        {"note_key": key, "decision": "dismissed"},
    )
    assert suppressed_kinds() == {spelling}  # 7 of 10 dismissed
    body = _feedback(school, watched)
    assert "Is this the word you meant?" not in body
    assert "Check the verb agrees." in body  # other kinds still show

    overview = teacher.get(
        reverse("coaching:assignment_marking", args=[school.assignment.pk])
    ).content.decode()
    row = re.search(rf"<code>{spelling}</code>.*?</tr>", overview, flags=re.S)[0]
    assert "<td>3</td><td>0</td><td>7</td>" in row
    assert "70% of 10" in row and "No, hidden" in row
    # the teacher still sees the note on the marking page, flagged
    page = teacher.get(reverse("coaching:review_page", args=[watched.pk])).content.decode()
    assert "Is this the word you meant?" in page
    assert "hidden from students" in page
