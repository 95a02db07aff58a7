"""Writes for the writing workflow. Keyword-only, small, and transactional."""

from __future__ import annotations

import functools
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coaching.services import analysis_queue
from essays.models import (
    Assignment,
    Classroom,
    Essay,
    Membership,
    Revision,
    User,
    new_join_code,
    text_hash,
)
from essays.text import count_words
from essays.textfiles import extract_text


def _max_words(assignment: Assignment) -> int:
    return min(assignment.max_words or settings.ESSAY_MAX_WORDS, settings.ESSAY_MAX_WORDS)


def _check_length(*, assignment: Assignment, text: str) -> int:
    words = count_words(text)
    limit = _max_words(assignment)
    if words > limit:
        raise ValidationError(
            _("Your essay has %(words)d words; the limit for this assignment is %(limit)d.")
            % {"words": words, "limit": limit},
            code="too_long",
        )
    # A character cap as well, so one enormous "word" cannot slip past the word limit.
    if len(text) > limit * 30:
        raise ValidationError(_("This text is too long to save."), code="too_long")
    return words


def classroom_join(*, user: User, code: str) -> Membership:
    cleaned = "".join(code.split()).upper()
    classroom = Classroom.objects.filter(join_code=cleaned).first()
    if classroom is None:
        raise ValidationError(
            _("No class has the join code “%(code)s”. Check it with your teacher.")
            % {"code": code.strip()},
            code="unknown_code",
        )
    if classroom.archived_at is not None:
        raise ValidationError(
            _("%(name)s is archived and takes no new students. Ask your teacher.")
            % {"name": classroom.name},
            code="archived",
        )
    membership, _created = Membership.objects.get_or_create(
        classroom=classroom, user=user, defaults={"role": Membership.Role.STUDENT}
    )
    return membership


def essay_for(*, assignment: Assignment, student: User) -> Essay:
    try:
        essay, _created = Essay.objects.get_or_create(assignment=assignment, student=student)
    except IntegrityError:  # two tabs raced to create it
        essay = Essay.objects.get(assignment=assignment, student=student)
    return essay


def draft_save(*, essay: Essay, text: str) -> Essay:
    """Autosave: last write wins; the text is kept even if it is over the limit for now."""
    text = text.replace("\r\n", "\n")
    if len(text) > settings.ESSAY_MAX_WORDS * 30:
        raise ValidationError(_("This text is too long to save."), code="too_long")
    essay.draft_text = text
    essay.draft_saved_at = timezone.now()
    essay.save(update_fields=["draft_text", "draft_saved_at"])
    return essay


def draft_import(*, essay: Essay, filename: str, data: bytes) -> Essay:
    if len(data) > settings.ESSAY_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("That file is %(size)d KB; the largest file we accept is %(limit)d KB.")
            % {"size": len(data) // 1024, "limit": settings.ESSAY_MAX_UPLOAD_BYTES // 1024},
            code="file_too_big",
        )
    try:
        text = extract_text(filename, data)
    except ValueError as exc:
        raise ValidationError(str(exc), code="unreadable") from exc
    _check_length(assignment=essay.assignment, text=text)
    return draft_save(essay=essay, text=text)


def revision_submit(*, essay: Essay, text: str) -> Revision:
    """Freeze the text as a new revision and queue its analysis once the row is committed."""
    text = text.replace("\r\n", "\n").strip() + "\n"
    if not text.strip():
        raise ValidationError(_("Write something before you submit."), code="empty")
    words = _check_length(assignment=essay.assignment, text=text)
    with transaction.atomic():
        # Lock the essay row so two submits from two tabs get numbers 1 and 2, not 1 and 1.
        locked = Essay.objects.select_for_update().get(pk=essay.pk)
        number = (locked.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
        revision = Revision.objects.create(
            essay=locked,
            number=number,
            text=text,
            text_sha256=text_hash(text),
            word_count=words,
        )
        draft_save(essay=locked, text=text)
        analysis_queue(revision=revision)
    return revision


# --- The teacher's side: classes, people, invitations ----------------------------------


def classroom_create(*, teacher: User, name: str, description: str = "") -> Classroom:
    """A new class owned by `teacher`, who is also its first teacher member."""
    with transaction.atomic():
        classroom = Classroom.objects.create(
            name=name.strip(), description=description.strip(), created_by=teacher
        )
        Membership.objects.create(classroom=classroom, user=teacher, role=Membership.Role.TEACHER)
    return classroom


def classroom_update(*, classroom: Classroom, name: str, description: str) -> Classroom:
    classroom.name = name.strip()
    classroom.description = description.strip()
    classroom.save(update_fields=["name", "description"])
    return classroom


def classroom_archive(*, classroom: Classroom, archived: bool = True) -> Classroom:
    """Archive (or bring back) a class: nothing is deleted, students can no longer join."""
    if archived and classroom.archived_at is None:
        classroom.archived_at = timezone.now()
    elif not archived:
        classroom.archived_at = None
    classroom.save(update_fields=["archived_at"])
    return classroom


def classroom_rotate_code(*, classroom: Classroom) -> str:
    """A fresh join code; the old one stops working at once."""
    for _attempt in range(10):
        code = new_join_code()
        if not Classroom.objects.filter(join_code=code).exists():
            break
    classroom.join_code = code
    classroom.save(update_fields=["join_code"])
    return code


def student_remove(*, classroom: Classroom, student: User) -> bool:
    """Take a student out of a class. Their essays, revisions and feedback are kept (a
    teacher of the class still sees them); the student no longer sees the class's work."""
    deleted, _rows = Membership.objects.filter(
        classroom=classroom, user=student, role=Membership.Role.STUDENT
    ).delete()
    return deleted > 0


def user_preferences_save(
    *, user: User, time_zone: str, email_on_feedback: bool, email_digest: bool
) -> User:
    """A person's own settings: the time zone pages use, and which e-mails they get."""
    if time_zone and time_zone not in available_time_zones():
        raise ValidationError(_("Choose a time zone from the list."), code="time_zone")
    user.time_zone = time_zone
    user.email_on_feedback = email_on_feedback
    user.email_digest = email_digest
    user.save(update_fields=["time_zone", "email_on_feedback", "email_digest"])
    return user


@functools.cache
def available_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())
