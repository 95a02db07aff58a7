"""People, classes, assignments and the essays students write for them."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from essays.fields import EncryptedTextField

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in class


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address.

    `role` says which home a person lands on (a teacher's dashboard or a student's
    assignments); what they may see in a class still comes from their membership of it.
    """

    class Role(models.TextChoices):
        STUDENT = "student", _("Student")
        TEACHER = "teacher", _("Teacher")

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("I am a"), max_length=16, choices=Role.choices, default=Role.STUDENT)
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True, help_text=_("empty: the server's time zone")
    )
    email_on_feedback = models.BooleanField(
        _("e-mail me when feedback is released or a revision is requested"), default=True
    )
    email_digest = models.BooleanField(_("daily digest e-mail (teachers)"), default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def name(self) -> str:
        return self.display_name or self.email.split("@")[0]

    @property
    def is_teacher(self) -> bool:
        return self.role == self.Role.TEACHER


def _invite_token() -> str:
    return secrets.token_urlsafe(32)


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(8))


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    join_code = models.CharField(_("join code"), max_length=16, unique=True, default=new_join_code)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    members: models.ManyToManyField[User, Membership] = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="classrooms"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("class")
        verbose_name_plural = _("classes")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        STUDENT = "student", _("Student")
        TEACHER = "teacher", _("Teacher")

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.STUDENT)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["classroom", "user"], name="one_membership_per_class")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.classroom} ({self.role})"


class ClassInvite(models.Model):
    """An e-mailed invitation to join a class; the link carries `token`."""

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="invites")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        max_length=16, choices=Membership.Role.choices, default=Membership.Role.STUDENT
    )
    token = models.CharField(max_length=64, unique=True, default=_invite_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["classroom", "email"], name="one_invite_per_address")
        ]

    def __str__(self) -> str:
        return f"invite of {self.email} to {self.classroom}"


class Assignment(models.Model):
    class Release(models.TextChoices):
        IMMEDIATE = "immediate", _("Students see machine feedback at once")
        AFTER_REVIEW = "after_review", _("Students see feedback after the teacher releases it")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (students cannot see it)")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Spelling(models.TextChoices):
        AUTO = "auto", _("Either (follow the student's own spelling)")
        BRITISH = "british", _("British English")
        AMERICAN = "american", _("American English")

    class LatePolicy(models.TextChoices):
        ACCEPT = "accept", _("Accept late work")
        MARK = "mark", _("Accept late work and mark it late")
        REFUSE = "refuse", _("Refuse submissions after the due date")

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(_("title"), max_length=200)
    prompt = models.TextField(_("prompt"), help_text=_("Markdown"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PUBLISHED)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    spelling = models.CharField(
        _("spelling"), max_length=16, choices=Spelling.choices, default=Spelling.AUTO
    )
    late_policy = models.CharField(
        _("late work"), max_length=16, choices=LatePolicy.choices, default=LatePolicy.MARK
    )
    max_revisions = models.PositiveSmallIntegerField(
        _("revisions allowed"), default=0, help_text=_("0 = no limit")
    )
    rubric = models.ForeignKey(
        "coaching.Rubric", on_delete=models.PROTECT, related_name="assignments"
    )
    min_words = models.PositiveIntegerField(_("minimum words"), default=150)
    max_words = models.PositiveIntegerField(_("maximum words"), default=1500)
    release = models.CharField(max_length=16, choices=Release.choices, default=Release.IMMEDIATE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Extension(models.Model):
    """A later due date for one student on one assignment."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="extensions"
    )
    due_at = models.DateTimeField(_("new due date"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"], name="one_extension_per_student"
            )
        ]

    def __str__(self) -> str:
        return f"extension for {self.student} on {self.assignment}"


class Essay(models.Model):
    """One student's work on one assignment: the autosaved draft plus its revisions."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="essays")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="essays"
    )
    draft_text = EncryptedTextField(blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"], name="one_essay_per_student_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} — {self.assignment}"

    @property
    def draft_version(self) -> str:
        """What an editor page sends back as its base, so a stale save can be refused."""
        return self.draft_saved_at.isoformat() if self.draft_saved_at else ""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Revision(models.Model):
    """An immutable submission: what was analysed is exactly what is stored here."""

    essay = models.ForeignKey(Essay, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = EncryptedTextField()
    text_sha256 = models.CharField(max_length=64)
    word_count = models.PositiveIntegerField()
    late = models.BooleanField(default=False, help_text="submitted after the due date")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["essay", "number"]
        constraints = [
            models.UniqueConstraint(fields=["essay", "number"], name="revision_numbers_unique")
        ]

    def __str__(self) -> str:
        return f"{self.essay} #{self.number}"
