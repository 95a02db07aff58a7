"""What EssayCoach keeps beside django-lti's own models (registrations, deployments,
LMS users, contexts, resource links): which class, assignment and account each LMS
thing is, and the state of every score sent back to an LMS gradebook.

django-lti's `LtiUser.auth_user` already links an LMS subject to our user.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from lti_tool.models import LtiContext, LtiRegistration, LtiResourceLink


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, or "" when it has none."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


class PlatformFrame(models.Model):
    """Where a registered platform shows us: the origins allowed to frame launched pages.

    The issuer and the auth URL's origins are always allowed; an LMS that serves its
    course pages from another host (Canvas: the school's own domain) lists it here."""

    registration = models.OneToOneField(
        LtiRegistration, on_delete=models.CASCADE, related_name="frame"
    )
    extra_origins = models.TextField(
        _("other origins that frame the tool"),
        blank=True,
        help_text=_("one per line, e.g. https://school.instructure.com"),
    )

    class Meta:
        verbose_name = _("platform frame origins")
        verbose_name_plural = _("platform frame origins")

    def __str__(self) -> str:
        return f"frame origins of {self.registration}"


def frame_origins(registration: LtiRegistration) -> list[str]:
    """The origins that may put this platform's launches in a frame, for CSP."""
    urls = [registration.issuer, registration.auth_url]
    frame = PlatformFrame.objects.filter(registration=registration).first()
    if frame is not None:
        urls += frame.extra_origins.split()
    return sorted({origin for url in urls if (origin := origin_of(url))})


class LtiClass(models.Model):
    """The EssayCoach class made for one LMS course (context)."""

    context = models.OneToOneField(LtiContext, on_delete=models.CASCADE, related_name="essay_class")
    classroom = models.OneToOneField(
        "essays.Classroom", on_delete=models.CASCADE, related_name="lti_class"
    )
    roster_synced_at = models.DateTimeField(null=True, blank=True)
    roster_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("LMS class")
        verbose_name_plural = _("LMS classes")

    def __str__(self) -> str:
        return f"{self.context} -> {self.classroom}"


class LtiLink(models.Model):
    """Which assignment an LMS resource link (a placement in the course) opens, and the
    gradebook column (line item) its scores go to."""

    resource_link = models.OneToOneField(
        LtiResourceLink, on_delete=models.CASCADE, related_name="essay_link"
    )
    assignment = models.ForeignKey(
        "essays.Assignment", on_delete=models.CASCADE, related_name="lti_links"
    )
    lineitem_url = models.URLField(_("line item URL"), max_length=500, blank=True)
    score_maximum = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("LMS link")
        verbose_name_plural = _("LMS links")

    def __str__(self) -> str:
        return f"{self.resource_link} -> {self.assignment}"


class GradeSync(models.Model):
    """The score of one student on one linked assignment, as last sent (or tried) to the
    LMS. The task reads the current marking each time, so sending twice is harmless."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    link = models.ForeignKey(LtiLink, on_delete=models.CASCADE, related_name="grade_syncs")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grade_syncs"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    # what the LMS was told: PendingManual (submitted, not released) or FullyGraded
    grading_progress = models.CharField(max_length=32, blank=True)
    score_given = models.FloatField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "student"], name="one_grade_sync_per_student")
        ]

    def __str__(self) -> str:
        return f"{self.student} on {self.link}: {self.status}"


class UsedNonce(models.Model):
    """An id_token's nonce, kept so that the same token is never accepted twice."""

    nonce = models.CharField(max_length=255, unique=True)
    seen_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.nonce
