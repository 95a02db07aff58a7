"""Teachers mark revisions; from 20 marked essays the engine's overall follows them."""

import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coaching.engine import ENGINE_VERSION
from coaching.models import Analysis, Calibration, TeacherReview
from coaching.pipeline import analysis_run
from coaching.review import calibration_fit, stale_calibrations
from coaching.services import review_save
from essays.services import essay_for, revision_submit
from tests.conftest import client_for
from tests.factories import UNIFORM_ESSAY, MembershipFactory, UserFactory

MISTAKES = [
    ("uniforms reduce", "uniforms reduse"),
    ("wearing cheap", "wearing cheep"),
    ("save families", "saves familys"),
    ("Second, uniforms", "Second uniforms"),
    ("their ideas", "there ideas"),
    ("adopt them", "adopt it them"),
    ("should be required", "should required"),
    ("my cousin said", "my cousin sayed"),
]


def _points_for(revision, fraction: float) -> dict[int, int]:
    criteria = revision.essay.assignment.rubric.criteria.prefetch_related("levels")
    points = {}
    for criterion in criteria:
        levels = sorted(level.points for level in criterion.levels.all())
        points[criterion.pk] = levels[min(len(levels) - 1, int(fraction * len(levels)))]
    return points


def _marked_class(school, count: int, django_capture_on_commit_callbacks):
    """`count` students submit versions with 0..8 mistakes; the teacher marks them down."""
    rng = random.Random(7)
    revisions = []
    for i in range(count):
        student = UserFactory()
        MembershipFactory(classroom=school.classroom, user=student)
        errors = i % (len(MISTAKES) + 1)
        text = UNIFORM_ESSAY
        for before, after in rng.sample(MISTAKES, errors):
            text = text.replace(before, after)
        essay = essay_for(assignment=school.assignment, student=student)
        with django_capture_on_commit_callbacks(execute=False):
            revision = revision_submit(essay=essay, text=text)
        assert analysis_run(analysis_id=revision.analysis.pk)
        with django_capture_on_commit_callbacks(execute=False):
            review_save(
                revision=revision,
                teacher=school.teacher,
                points=_points_for(revision, 1 - errors / (len(MISTAKES) + 1)),
            )
        revisions.append(revision)
    return revisions


def test_teacher_gets_a_link_to_the_marking_page_and_students_do_not(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    url = reverse("coaching:revision_feedback", args=[revision.pk])
    review_url = reverse("coaching:review_page", args=[revision.pk])
    assert review_url in client_for(school.teacher).get(url).content.decode()
    assert review_url not in client_for(school.student).get(url).content.decode()
    # the marking page is built on the real engine's stages too
    body = client_for(school.teacher).get(review_url).content.decode()
    assert "Machine suggests:" in body


def test_saving_marks_needs_a_teacher_of_the_class(
    school, analysed, django_capture_on_commit_callbacks
):
    revision = analysed(UNIFORM_ESSAY)
    url = reverse("coaching:review_marks", args=[revision.pk])
    form = {f"criterion-{pk}": points for pk, points in _points_for(revision, 0.5).items()}
    for person in (school.student, school.classmate, school.other_teacher):
        assert client_for(person).post(url, form).status_code == 404
    assert not TeacherReview.objects.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(school.teacher).post(url, {**form, "comment": " Good start. "})
    assert response.status_code == 302
    review = TeacherReview.objects.get()
    assert review.comment == "Good start."
    assert review.max_total == 12
    assert len(callbacks) == 1  # the refit is queued


def test_a_mark_must_be_a_level_of_the_rubric(school, analysed):
    revision = analysed(UNIFORM_ESSAY)
    points = _points_for(revision, 0.5)
    first = next(iter(points))
    points[first] = 99
    with pytest.raises(ValidationError, match="Choose a level"):
        review_save(revision=revision, teacher=school.teacher, points=points)


def test_no_calibration_below_twenty_marked_essays(school, django_capture_on_commit_callbacks):
    _marked_class(school, 19, django_capture_on_commit_callbacks)
    assert calibration_fit(assignment=school.assignment) is None
    page = client_for(school.teacher).get(
        reverse("coaching:assignment_marking", args=[school.assignment.pk])
    )
    assert "until you have marked 20 essays" in page.content.decode()
    assert "(you have marked 19)" in page.content.decode()


def test_twenty_marked_essays_calibrate_later_scores(school, django_capture_on_commit_callbacks):
    _marked_class(school, 20, django_capture_on_commit_callbacks)
    calibration = calibration_fit(assignment=school.assignment)
    assert calibration is not None and calibration.essays == 20
    report = calibration.model["report"]
    assert report["n"] == 20 and "cv_rmse" in report

    page = client_for(school.teacher).get(
        reverse("coaching:assignment_marking", args=[school.assignment.pk])
    )
    assert "Calibrated to your marking of 20 essays" in page.content.decode()

    def later(text):
        student = UserFactory()
        MembershipFactory(classroom=school.classroom, user=student)
        essay = essay_for(assignment=school.assignment, student=student)
        with django_capture_on_commit_callbacks(execute=False):
            revision = revision_submit(essay=essay, text=text)
        analysis_run(analysis_id=revision.analysis.pk)
        return revision.analysis.stages.get(stage="scores").data

    clean = later(UNIFORM_ESSAY)
    messy = UNIFORM_ESSAY
    for before, after in MISTAKES:
        messy = messy.replace(before, after)
    sloppy = later(messy)
    assert clean["calibration"]["essays"] == 20
    assert "heuristic_overall" in clean
    assert clean["overall"]["points"] > sloppy["overall"]["points"]


def test_a_changed_mark_refits_the_model(school, django_capture_on_commit_callbacks):
    revisions = _marked_class(school, 20, django_capture_on_commit_callbacks)
    first = calibration_fit(assignment=school.assignment)
    assert first is not None
    with django_capture_on_commit_callbacks(execute=True):
        # The override queues a refit; no consumer runs here, so fit by hand below.
        review_save(
            revision=revisions[0], teacher=school.teacher, points=_points_for(revisions[0], 0.0)
        )
    second = calibration_fit(assignment=school.assignment)
    assert second is not None
    assert Calibration.objects.count() == 1
    assert second.model["intercept"] != first.model["intercept"]


def test_marks_on_essays_an_older_engine_analysed_use_todays_features(
    school, django_capture_on_commit_callbacks
):
    revisions = _marked_class(school, 20, django_capture_on_commit_callbacks)
    current = calibration_fit(assignment=school.assignment)
    assert current is not None
    # pretend half the class was analysed by an engine whose features meant other things
    old = revisions[:10]
    Analysis.objects.filter(revision__in=old).update(engine_version="0.0.1")
    for revision in old:
        stage = revision.analysis.stages.get(stage="scores")
        stage.data = {**stage.data, "features": {"notes_per_100": 999.0}}
        stage.save(update_fields=["data"])

    refit = calibration_fit(assignment=school.assignment)
    assert refit is not None and refit.essays == 20
    # the old numbers were not used: the same model as before comes out
    assert refit.model["coef"] == pytest.approx(current.model["coef"])
    # and the students' stored feedback was left as it was
    stage = old[0].analysis.stages.get(stage="scores")
    assert stage.data["features"] == {"notes_per_100": 999.0}


def test_calibrations_from_an_older_engine_are_found_for_a_refit(
    school, django_capture_on_commit_callbacks
):
    _marked_class(school, 20, django_capture_on_commit_callbacks)
    calibration = calibration_fit(assignment=school.assignment)
    assert calibration is not None
    assert stale_calibrations() == []
    Calibration.objects.update(engine_version="0.0.1")
    assert stale_calibrations() == [school.assignment.pk]
    refit = calibration_fit(assignment=school.assignment)
    assert refit is not None and refit.engine_version == ENGINE_VERSION
    assert stale_calibrations() == []
