import lxml.html
from django.urls import reverse

from coaching.models import Analysis
from essays.models import Assignment
from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY, UNIFORM_REVISED


def feedback_url(revision) -> str:
    return reverse("coaching:revision_feedback", args=[revision.pk])


def test_author_sees_all_four_panels(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    body = client_for(school.student).get(feedback_url(revision)).content.decode()
    for heading in ("Overview", "Notes on your text", "Rubric scores", "Summary and next steps"):
        assert heading in body
    assert "Feedback complete." in body
    assert "sse-connect" not in body  # a finished analysis opens no stream
    assert "Working on it" not in body


def test_a_running_analysis_opens_the_stream_and_offers_a_refresh_link(school, submit):
    revision = submit(UNIFORM_ESSAY)
    body = client_for(school.student).get(feedback_url(revision)).content.decode()
    stream = reverse("coaching:revision_stream", args=[revision.pk])
    assert f'sse-connect="{stream}?after=0"' in body
    assert 'sse-close="done"' in body
    assert "Refresh" in body
    assert body.count("Working on it") == 4


def test_a_live_page_has_an_empty_polite_status_line_for_its_stream(school, submit, analysed):
    revision = submit(UNIFORM_ESSAY)
    page = lxml.html.fromstring(client_for(school.student).get(feedback_url(revision)).content)
    (line,) = page.xpath('//*[@id="stream-status"]')
    # announced politely; the stream's "busy" fills it, "connected" empties it
    assert (line.get("role"), line.get("aria-live")) == ("status", "polite")
    assert line.get("sse-swap") == "busy,connected"
    assert line.xpath("ancestor::*[@sse-connect]"), "outside the stream: no event reaches it"
    # empty (CSS gives it no room then), and it holds nothing a swap could take away
    assert line.text_content() == "" and len(line) == 0
    assert page.xpath('//*[@id="progress"]//a[text()="Refresh"]')

    finished = analysed(UNIFORM_REVISED)
    body = client_for(school.student).get(feedback_url(finished)).content.decode()
    assert "stream-status" not in body  # no stream, nothing to say about one


def test_the_busy_message_is_escaped_for_the_swap(monkeypatch):
    from coaching import views

    monkeypatch.setattr(views, "_", lambda text: "Trop de pages <ouvertes> & co")
    assert views._stream_busy().endswith(
        "event: busy\ndata: Trop de pages &lt;ouvertes&gt; &amp; co\n\n"
    )


def test_teacher_of_the_class_sees_it_others_get_404(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    assert client_for(school.teacher).get(feedback_url(revision)).status_code == 200
    for person in (school.classmate, school.other_teacher, school.outsider):
        assert client_for(person).get(feedback_url(revision)).status_code == 404


def test_feedback_waits_for_release_when_the_assignment_says_so(school, analysed):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = analysed(UNIFORM_ESSAY)
    body = client_for(school.student).get(feedback_url(revision)).content.decode()
    assert "Your teacher will release the feedback" in body
    assert "Rubric scores" not in body
    assert (
        "Rubric scores" in client_for(school.teacher).get(feedback_url(revision)).content.decode()
    )


def test_inline_notes_mark_the_text(school, analysed):
    revision = analysed("I beleive that uniforms are usefull for every student in the school.\n")
    body = client_for(school.student).get(feedback_url(revision)).content.decode()
    assert '<mark class="note note-spelling"' in body
    assert 'href="#note-1"' in body


def test_compare_two_revisions(school, analysed):
    first = analysed(UNIFORM_ESSAY)
    analysed(UNIFORM_REVISED)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    response = client_for(school.student).get(url, {"a": 1, "b": 2})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<ins>" in body and "<del>" in body
    assert "Revision 1 → revision 2" in body
    for person in (school.classmate, school.outsider):
        assert client_for(person).get(url).status_code == 404


def test_compare_with_one_revision_explains(school, analysed):
    first = analysed(UNIFORM_ESSAY)
    url = reverse("coaching:essay_compare", args=[first.essay.pk])
    body = client_for(school.student).get(url).content.decode()
    assert "Submit at least two revisions" in body


def test_retry_is_offered_after_a_failure_and_only_to_the_author(
    school, submit, django_capture_on_commit_callbacks
):
    revision = submit(UNIFORM_ESSAY)
    Analysis.objects.filter(revision=revision).update(status="failed", attempts=3)
    body = client_for(school.student).get(feedback_url(revision)).content.decode()
    assert "We could not analyse this revision." in body
    assert "Try again" in body
    retry = reverse("coaching:analysis_retry", args=[revision.pk])
    assert client_for(school.teacher).post(retry).status_code == 404
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(school.student).post(retry)
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert Analysis.objects.get(revision=revision).status == "queued"


def test_released_marking_shows_the_feedback_to_the_student(
    school, analysed, django_capture_on_commit_callbacks
):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    revision = analysed(UNIFORM_ESSAY)
    url = feedback_url(revision)
    form = {f"criterion-{c.pk}": 3 for c in school.assignment.rubric.criteria.all()} | {
        "comment": "Clear and well organised."
    }
    teacher = client_for(school.teacher)
    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(reverse("coaching:review_marks", args=[revision.pk]), form)
    student_page = client_for(school.student).get(url).content.decode()
    assert "Your teacher will release the feedback" in student_page  # saved, not released

    with django_capture_on_commit_callbacks(execute=False):
        teacher.post(reverse("coaching:review_release", args=[revision.pk]))
    student_page = client_for(school.student).get(url).content.decode()
    assert "Rubric scores" in student_page
    assert "Your teacher's marking" in student_page
    assert "Clear and well organised." in student_page
    # The classmate still sees nothing.
    assert client_for(school.classmate).get(url).status_code == 404


def test_scores_stay_hidden_from_the_author_until_release(school, analysed):
    school.assignment.release = Assignment.Release.AFTER_REVIEW
    school.assignment.save()
    first = analysed(UNIFORM_ESSAY)
    analysed(UNIFORM_REVISED)
    percent = f"{first.analysis.overall_percent:.0f}%"
    student = client_for(school.student)
    pages = [
        reverse("essays:essay_edit", args=[school.assignment.pk]),
        feedback_url(first),
        reverse("coaching:essay_compare", args=[first.essay.pk]),
    ]
    for url in pages:
        body = student.get(url).content.decode()
        assert percent not in body, url
        assert "awaiting your teacher" in body, url
    teacher_view = client_for(school.teacher).get(feedback_url(first)).content.decode()
    assert percent in teacher_view
