"""Rubrics, and the machine's analysis of each revision, stage by stage."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from essays.fields import EncryptedBinaryField, EncryptedJSONField, EncryptedTextField

STAGES: tuple[str, ...] = ("overview", "notes", "scores", "summary")
STAGE_LABELS = {
    "overview": _("Overview"),
    "notes": _("Notes on the text"),
    "scores": _("Rubric scores"),
    "summary": _("Summary"),
}


class Rubric(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    is_starter = models.BooleanField(
        default=False, help_text="one of ours, for teachers to copy; never edited in place"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    class Measures(models.TextChoices):
        """What the engine measures for a criterion (coaching/engine/scoring.DIMENSIONS)."""

        AUTO = "", _("Decide from the criterion's name")
        FOCUS = "focus", _("Thesis and focus on the question")
        ORGANISATION = "organisation", _("Organisation and paragraphs")
        DEVELOPMENT = "development", _("Evidence and development")
        LANGUAGE = "language", _("Language and style")
        CONVENTIONS = "conventions", _("Spelling, grammar and punctuation")
        OVERALL = "overall", _("The essay as a whole")

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)
    measures = models.CharField(
        _("what the engine measures"), max_length=16, choices=Measures.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["rubric", "order", "pk"]
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


class Level(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(_("label"), max_length=80)
    points = models.PositiveSmallIntegerField(_("points"))
    descriptor = models.TextField(_("descriptor"), blank=True)

    class Meta:
        ordering = ["criterion", "-points"]

    def __str__(self) -> str:
        return f"{self.label} ({self.points})"


class Analysis(models.Model):
    """The machine's work on one revision. Claimed atomically; safe to run twice."""

    class Status(models.TextChoices):
        # saved, not queued yet: the student has ANALYSES_IN_FLIGHT_PER_STUDENT in flight
        WAITING = "waiting", _("Waiting")
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    revision = models.OneToOneField(
        "essays.Revision", on_delete=models.CASCADE, related_name="analysis"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    engine_version = models.CharField(max_length=32, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    overall_percent = models.FloatField(null=True, blank=True)
    # What class-wide pages need of the stages, kept small (see `digest_of`): the machine's
    # points per criterion and a count per note kind. A class of 300 then reads a few
    # bytes per essay instead of every note's JSON.
    digest = EncryptedJSONField(default=dict, blank=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # `error` of a queued analysis whose task could not be sent (Redis down at submit): the
    # periodic requeue sends it as soon as the queue is back, and the page says "delayed".
    NOT_QUEUED = "not queued: the queue was unavailable"

    class Meta:
        verbose_name_plural = _("analyses")
        indexes = [models.Index(fields=["status", "claimed_at"])]

    def __str__(self) -> str:
        return f"analysis {self.pk} of revision {self.revision_id} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


IN_FLIGHT = (Analysis.Status.QUEUED, Analysis.Status.RUNNING)


def digest_of(stage: str, data: dict) -> dict:
    """The part of a stage's output kept on `Analysis.digest` ({} for other stages)."""
    if stage == "scores":
        criteria = data.get("criteria") or []
        return {"points": {c["name"]: c["points"] for c in criteria if "name" in c}}
    if stage == "notes":
        kinds: dict[str, list] = {}
        for note in data.get("annotations") or []:
            kind = str(note.get("rule") or note.get("category") or "note")
            if kind in kinds:
                kinds[kind][0] += 1
            else:
                kinds[kind] = [1, note.get("category", ""), note.get("message", "")]
        return {"kinds": kinds}
    return {}


def digest_of_stages(stages: Mapping[str, dict]) -> dict:
    """`Analysis.digest` for a whole result (stage name -> data)."""
    digest: dict = {}
    for stage, data in stages.items():
        digest.update(digest_of(stage, data))
    return digest


class StageResult(models.Model):
    """One stage's output, as data; `seq` is the SSE event id (1-based, stage order)."""

    analysis = models.ForeignKey(Analysis, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=16)
    seq = models.PositiveSmallIntegerField()
    data = EncryptedJSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["analysis", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["analysis", "stage"], name="one_result_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.analysis_id}:{self.stage}"


class TeacherReview(models.Model):
    """A teacher's marking of one revision: the level chosen for each criterion.

    It is a layer over the machine's draft (which stays as it was) and it is what the
    per-assignment calibration learns from.
    """

    revision = models.OneToOneField(
        "essays.Revision", on_delete=models.CASCADE, related_name="review"
    )
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    points = models.JSONField(help_text="criterion name -> points the teacher gave")
    total = models.FloatField()
    max_total = models.FloatField()
    comment = EncryptedTextField(blank=True)
    released_at = models.DateTimeField(
        null=True, blank=True, help_text="when the student was allowed to see the feedback"
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_at = models.DateTimeField(
        null=True, blank=True, help_text="when the teacher asked for a revision"
    )
    return_note = EncryptedTextField(_("what to fix"), blank=True)
    released = EncryptedJSONField(
        null=True,
        blank=True,
        help_text="what the student sees: the marking as it was when last released",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"review of revision {self.revision_id}: {self.total}/{self.max_total}"

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.max_total if self.max_total else 0.0


class Calibration(models.Model):
    """An assignment's model from engine features to its teacher's overall marks."""

    assignment = models.OneToOneField(
        "essays.Assignment", on_delete=models.CASCADE, related_name="calibration"
    )
    model = models.JSONField()
    essays = models.PositiveIntegerField()
    engine_version = models.CharField(max_length=32)
    fitted_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calibration of assignment {self.assignment_id} on {self.essays} essays"


class ReviewEvent(models.Model):
    """Audit trail of a teacher's marking: who set, changed, released or returned what, when."""

    class Action(models.TextChoices):
        SAVED = "saved", _("Saved")
        RELEASED = "released", _("Released")
        UNRELEASED = "unreleased", _("Withdrawn")
        RETURNED = "returned", _("Returned for revision")

    revision = models.ForeignKey(
        "essays.Revision", on_delete=models.CASCADE, related_name="review_events"
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    points = models.JSONField(default=dict)
    total = models.FloatField(null=True, blank=True)
    max_total = models.FloatField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["revision", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} revision {self.revision_id} at {self.at:%Y-%m-%d %H:%M}"


class NoteDecision(models.Model):
    """A teacher's decision on one of the machine's notes on a revision.

    `note_key` identifies the note within the revision's notes stage (stable across page
    loads); `kind` is the note's rule/kind id, which the per-kind statistics count.
    """

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")
        EDITED = "edited", _("Edited")

    revision = models.ForeignKey(
        "essays.Revision", on_delete=models.CASCADE, related_name="note_decisions"
    )
    note_key = models.CharField(max_length=64)
    kind = models.CharField(max_length=80, db_index=True)
    decision = models.CharField(max_length=16, choices=Decision.choices)
    message = EncryptedTextField(blank=True, help_text="the teacher's wording, when edited")
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "note_key"], name="one_decision_per_note")
        ]

    def __str__(self) -> str:
        return f"{self.decision} {self.kind} on revision {self.revision_id}"


class TeacherComment(models.Model):
    """A teacher's own comment, anchored to a passage (start/end) or to a paragraph."""

    revision = models.ForeignKey(
        "essays.Revision", on_delete=models.CASCADE, related_name="teacher_comments"
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    paragraph = models.PositiveIntegerField(null=True, blank=True)
    text = EncryptedTextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["revision", "start", "paragraph", "pk"]

    def __str__(self) -> str:
        return f"comment on revision {self.revision_id}"


class CommentBankEntry(models.Model):
    """A teacher's saved comment, to search and reuse."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_bank"
    )
    text = models.TextField(_("comment"))
    uses = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uses", "-created_at"]
        verbose_name_plural = _("comment bank entries")

    def __str__(self) -> str:
        return self.text[:60]


class PrintJob(models.Model):
    """A class's feedback as one PDF, made by the worker and kept for download.

    The PDF is stored in the database: web and worker processes may run on different
    machines (fly.toml), and a class PDF is a few hundred KB. Only the last few per
    assignment are kept (coaching.services.class_pdf_request).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Paper(models.TextChoices):
        A4 = "a4", _("A4")
        LETTER = "letter", _("US Letter")

    class Copy(models.TextChoices):
        TEACHER = "teacher", _("teacher's copy")
        STUDENT = "student", _("students' copies")

    assignment = models.ForeignKey(
        "essays.Assignment", on_delete=models.CASCADE, related_name="print_jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    paper = models.CharField(max_length=8, choices=Paper.choices, default=Paper.A4)
    copy = models.CharField(max_length=16, choices=Copy.choices, default=Copy.TEACHER)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    pdf = EncryptedBinaryField(null=True, blank=True, editable=False)
    pages = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"class PDF of assignment {self.assignment_id} ({self.status})"


class ResearchConsent(models.Model):
    """A teacher's choice to let a class's essays into the anonymised research export
    (coaching/privacy.py). Off unless a teacher of the class turns it on."""

    classroom = models.OneToOneField(
        "essays.Classroom", on_delete=models.CASCADE, related_name="research_consent"
    )
    opted_in = models.BooleanField(default=False)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    set_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"research export {'on' if self.opted_in else 'off'} for class {self.classroom_id}"


class ParkedTask(models.Model):
    """A Huey task whose enqueue failed because the queue (Redis) was down: kept here so
    nothing a page queued is lost, and put in the queue again by the workers once it is
    back (coaching/outbox.py). Deleted once its enqueue succeeded."""

    name = models.CharField(max_length=200, help_text="the task as Huey knows it: module.name")
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0, help_text="failed re-enqueues")
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"parked {self.name}{tuple(self.args)}"


class SentMail(models.Model):
    """One row per e-mail sent under an idempotency key (coaching/outbox.py send_once), so a
    task that runs twice (parked and also delivered, retried after a lost ack) e-mails once."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
