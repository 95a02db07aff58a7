"""Writes for the writing workflow. Keyword-only, small, and transactional."""

from __future__ import annotations

import functools
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coaching.models import Rubric
from coaching.outbox import enqueue_or_park, send_once
from coaching.rubric_services import rubric_copy
from coaching.services import analysis_queue
from essays.models import (
    Assignment,
    ClassInvite,
    Classroom,
    Essay,
    Extension,
    Membership,
    Revision,
    User,
    new_join_code,
    text_hash,
)
from essays.selectors import availability, due_for
from essays.text import count_words
from essays.textfiles import extract_text, too_large_message


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


class DraftConflict(Exception):
    """An autosave based on an older draft than the server's: refused, nothing written."""

    def __init__(self, essay: Essay) -> None:
        super().__init__("draft changed since this page loaded it")
        self.essay = essay


def draft_save(*, essay: Essay, text: str, base: str | None = None) -> Essay:
    """Autosave; the text is kept even if it is over the assignment's limit for now.

    With `base` (the `draft_version` the editor started from), a save made on top of an
    older draft than the server's, from another tab or an old page, is refused with
    DraftConflict, unless it carries the very text already saved (a page-leave beacon and
    a later save of the same words). Without `base` the last write wins (submit, upload).
    """
    text = text.replace("\r\n", "\n").replace("\x00", "")
    limit = settings.ESSAY_MAX_WORDS
    words = count_words(text)
    if words > limit:
        raise ValidationError(
            _("Too long to save: %(words)d words, the limit is %(limit)d.")
            % {"words": words, "limit": limit},
            code="too_long",
        )
    # A character cap as well, so one enormous "word" cannot slip past the word limit.
    if len(text) > limit * 30:
        raise ValidationError(
            _("Too long to save: %(chars)d characters, the limit is %(limit)d.")
            % {"chars": len(text), "limit": limit * 30},
            code="too_long",
        )
    with transaction.atomic():
        if base is not None:
            # Lock the row so two tabs saving at once cannot both pass the check.
            locked = Essay.objects.select_for_update().get(pk=essay.pk)
            essay.draft_text, essay.draft_saved_at = locked.draft_text, locked.draft_saved_at
            if base != essay.draft_version:
                if text.strip() == essay.draft_text.strip():
                    return essay
                raise DraftConflict(essay)
        essay.draft_text = text
        essay.draft_saved_at = timezone.now()
        essay.save(update_fields=["draft_text", "draft_saved_at"])
    return essay


def draft_import(*, essay: Essay, filename: str, data: bytes, size: int | None = None) -> Essay:
    """The file's text becomes the draft; refused (draft untouched) when the file is too
    large, damaged, or cannot be read within the parse bounds. `size`: the upload's real
    size when only its first bytes were read."""
    size = max(size or 0, len(data))
    if size > settings.ESSAY_MAX_UPLOAD_BYTES:
        raise ValidationError(
            too_large_message(size, settings.ESSAY_MAX_UPLOAD_BYTES), code="file_too_big"
        )
    try:
        text = extract_text(filename, data)
    except ValueError as exc:
        raise ValidationError(str(exc), code="unreadable") from exc
    _check_length(assignment=essay.assignment, text=text)
    return draft_save(essay=essay, text=text)


def revision_submit(*, essay: Essay, text: str, now: datetime | None = None) -> Revision:
    """Freeze the text as a new revision and queue its analysis once the row is committed.

    Refused (ValidationError, nothing saved: the caller keeps the text as the draft) when
    the assignment is not open to the student, past their due date under a "refuse" late
    policy, or out of revisions. Under a "mark" policy a late revision is flagged `late`,
    measured against the student's extension when they have one.
    """
    text = text.replace("\r\n", "\n").strip() + "\n"
    if not text.strip():
        raise ValidationError(_("Write something before you submit."), code="empty")
    assignment = essay.assignment
    words = _check_length(assignment=assignment, text=text)
    with transaction.atomic():
        # Lock the essay row so two submits from two tabs get numbers 1 and 2, not 1 and 1.
        locked = Essay.objects.select_for_update().get(pk=essay.pk)
        state = availability(assignment, due=due_for(assignment, locked.student), now=now)
        if not state.can_submit:
            raise ValidationError(state.message, code=state.key)
        number = (locked.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
        # A teacher who returns a revision for another go allows one more than the limit.
        returned = locked.revisions.filter(
            number=number - 1, review__returned_at__isnull=False
        ).exists()
        if assignment.max_revisions and number > assignment.max_revisions and not returned:
            raise ValidationError(
                ngettext(
                    "This assignment allows %(n)d submission, and you have made it. Your text "
                    "is kept as a draft; ask your teacher if you need another go.",
                    "This assignment allows %(n)d submissions, and you have made them all. "
                    "Your text is kept as a draft; ask your teacher if you need another go.",
                    assignment.max_revisions,
                )
                % {"n": assignment.max_revisions},
                code="revisions_used",
            )
        revision = Revision.objects.create(
            essay=locked,
            number=number,
            text=text,
            text_sha256=text_hash(text),
            word_count=words,
            late=state.key == "late",
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
    *,
    user: User,
    time_zone: str,
    email_on_feedback: bool,
    email_digest: bool | None = None,
    display_name: str | None = None,
) -> User:
    """A person's own settings: their name, the time zone pages use, which e-mails they
    get. None leaves a setting as it is (a student has no digest to choose)."""
    if time_zone and time_zone not in available_time_zones():
        raise ValidationError(_("Choose a time zone from the list."), code="time_zone")
    user.time_zone = time_zone
    user.email_on_feedback = email_on_feedback
    fields = ["time_zone", "email_on_feedback"]
    if email_digest is not None:
        user.email_digest = email_digest
        fields.append("email_digest")
    if display_name is not None:
        display_name = " ".join(display_name.split())
        if not display_name:
            raise ValidationError(_("Tell us your name."), code="display_name")
        user.display_name = display_name
        fields.append("display_name")
    user.save(update_fields=fields)
    return user


@functools.cache
def available_time_zones() -> frozenset[str]:
    """Every IANA zone this server knows (read once: it scans the zone files)."""
    return frozenset(zoneinfo.available_timezones())


# ---------------------------------------------------------------------- teachers' assignments


def _own_rubric(*, rubric: Rubric, teacher: User) -> Rubric:
    """A starter is never set on an assignment: the teacher gets a copy of their own."""
    return rubric_copy(rubric=rubric, owner=teacher) if rubric.is_starter else rubric


def assignment_create(
    *, classroom: Classroom, teacher: User, values: dict[str, Any], publish: bool = False
) -> Assignment:
    """A new assignment in a class the teacher teaches; a draft unless `publish`."""
    with transaction.atomic():
        fields = {**values, "rubric": _own_rubric(rubric=values["rubric"], teacher=teacher)}
        return Assignment.objects.create(
            classroom=classroom,
            created_by=teacher,
            status=Assignment.Status.PUBLISHED if publish else Assignment.Status.DRAFT,
            **fields,
        )


def assignment_update(
    *, assignment: Assignment, teacher: User, values: dict[str, Any]
) -> Assignment:
    with transaction.atomic():
        for name, value in values.items():
            setattr(assignment, name, value)
        assignment.rubric = _own_rubric(rubric=values["rubric"], teacher=teacher)
        assignment.save()
    return assignment


def assignment_set_status(*, assignment: Assignment, status: str) -> Assignment:
    if status not in Assignment.Status.values:
        raise ValidationError(_("Unknown status."), code="status")
    assignment.status = status
    assignment.save(update_fields=["status", "updated_at"])
    return assignment


def assignment_duplicate(
    *, assignment: Assignment, teacher: User, classroom: Classroom | None = None
) -> Assignment:
    """A draft copy with the same settings and rubric, no essays: in the same class, or in
    `classroom` (another class the teacher teaches; the caller checks that)."""
    copy = Assignment.objects.get(pk=assignment.pk)
    copy.pk = None
    if classroom is not None:
        copy.classroom = classroom
    copy.title = (_("Copy of %(title)s") % {"title": assignment.title})[:200]
    copy.status = Assignment.Status.DRAFT
    copy.created_by = teacher
    copy.save()
    return copy


def extension_grant(
    *, assignment: Assignment, student: User, due_at: datetime, teacher: User
) -> Extension:
    """Give (or move) one student's own due date."""
    if not Membership.objects.filter(
        classroom_id=assignment.classroom_id, user=student, role=Membership.Role.STUDENT
    ).exists():
        raise ValidationError(_("That student is not in this class."), code="not_a_student")
    extension, _created = Extension.objects.update_or_create(
        assignment=assignment,
        student=student,
        defaults={"due_at": due_at, "granted_by": teacher},
    )
    return extension


def extension_revoke(*, extension: Extension) -> None:
    extension.delete()


# --- Invitations and co-teachers -------------------------------------------------------


@dataclass
class InviteOutcome:
    """What became of each address a teacher typed."""

    invited: list[str] = field(default_factory=list)
    already_in: list[str] = field(default_factory=list)


def _is_member(classroom: Classroom, email: str) -> bool:
    return Membership.objects.filter(classroom=classroom, user__email__iexact=email).exists()


def _invite(
    *, classroom: Classroom, email: str, role: str, invited_by: User, base_url: str
) -> ClassInvite:
    """Create (or renew) the invitation and e-mail it once the transaction commits."""
    invite, created = ClassInvite.objects.get_or_create(
        classroom=classroom,
        email=email,
        defaults={"role": role, "invited_by": invited_by},
    )
    if not created:
        if invite.accepted_at is not None:
            invite.token = ClassInvite._meta.get_field(
                "token"
            ).get_default()  # an old link must not work a second time
        invite.accepted_at = None
        invite.role = role
        invite.invited_by = invited_by
        invite.save(update_fields=["accepted_at", "role", "invited_by", "token"])
    from essays.tasks import send_invite_email

    # robust: the queue being down must not turn a saved invitation into a 500; the
    # e-mail is parked then, and sent once the queue is back (coaching/outbox.py). `once`
    # names this request, so a task that runs twice e-mails once.
    once = uuid.uuid4().hex
    transaction.on_commit(
        lambda: enqueue_or_park(send_invite_email, invite.pk, base_url, once), robust=True
    )
    return invite


def students_invite(
    *, classroom: Classroom, emails: list[str], invited_by: User, base_url: str
) -> InviteOutcome:
    """Invite each address to join as a student; people already in the class are skipped."""
    outcome = InviteOutcome()
    with transaction.atomic():
        for email in emails:
            if _is_member(classroom, email):
                outcome.already_in.append(email)
                continue
            _invite(
                classroom=classroom,
                email=email,
                role=Membership.Role.STUDENT,
                invited_by=invited_by,
                base_url=base_url,
            )
            outcome.invited.append(email)
    return outcome


def coteacher_add(
    *, classroom: Classroom, email: str, added_by: User, base_url: str
) -> Membership | ClassInvite:
    """An existing teacher account joins at once; anyone else gets an invitation.

    A student account cannot be made a teacher this way (a student must not gain a
    teacher's view of classmates' work by a typo).
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and not user.is_teacher:
        raise ValidationError(
            _("%(email)s belongs to a student account. Co-teachers need a teacher account.")
            % {"email": email},
            code="student_account",
        )
    existing = Membership.objects.filter(classroom=classroom, user__email__iexact=email).first()
    if existing is not None and existing.role == Membership.Role.TEACHER:
        raise ValidationError(
            _("%(email)s already teaches this class.") % {"email": email}, code="already"
        )
    with transaction.atomic():
        if user is not None:
            membership, _created = Membership.objects.update_or_create(
                classroom=classroom, user=user, defaults={"role": Membership.Role.TEACHER}
            )
            ClassInvite.objects.filter(classroom=classroom, email__iexact=email).delete()
            return membership
        return _invite(
            classroom=classroom,
            email=email,
            role=Membership.Role.TEACHER,
            invited_by=added_by,
            base_url=base_url,
        )


def coteacher_remove(*, classroom: Classroom, teacher: User) -> bool:
    """Take a co-teacher off a class; the owner stays."""
    if teacher.pk == classroom.created_by_id:
        raise ValidationError(_("The class's owner cannot be removed."), code="owner")
    deleted, _rows = Membership.objects.filter(
        classroom=classroom, user=teacher, role=Membership.Role.TEACHER
    ).delete()
    return deleted > 0


def invite_cancel(*, invite: ClassInvite) -> None:
    invite.delete()


def invite_accept(*, token: str, user: User) -> Membership:
    """Join the invitation's class. Only once, only as the address it was sent to."""
    with transaction.atomic():
        invite = (
            ClassInvite.objects.select_for_update()
            .select_related("classroom")
            .filter(token=token)
            .first()
        )
        if invite is None:
            raise ValidationError(_("This invitation does not exist."), code="unknown")
        if invite.accepted_at is not None:
            raise ValidationError(
                _("This invitation has already been used. Ask your teacher for a new one."),
                code="used",
            )
        if invite.email.lower() != user.email.lower():
            raise ValidationError(
                _(
                    "This invitation was sent to another e-mail address, and you are signed "
                    "in as %(email)s. Sign out, then sign in (or sign up) with the address "
                    "the invitation was sent to."
                )
                % {"email": user.email},
                code="wrong_address",
            )
        classroom = invite.classroom
        if classroom.archived_at is not None:
            raise ValidationError(
                _("%(name)s is archived and takes no new members.") % {"name": classroom.name},
                code="archived",
            )
        if invite.role == Membership.Role.TEACHER:
            if not user.is_teacher:
                user.role = User.Role.TEACHER
                user.save(update_fields=["role"])
            membership, _created = Membership.objects.update_or_create(
                classroom=classroom, user=user, defaults={"role": Membership.Role.TEACHER}
            )
        else:
            membership, _created = Membership.objects.get_or_create(
                classroom=classroom, user=user, defaults={"role": Membership.Role.STUDENT}
            )
        invite.accepted_at = timezone.now()
        invite.save(update_fields=["accepted_at"])
    return membership


def invite_email_send(*, invite_id: int, base_url: str, once: str = "") -> bool:
    """E-mail one invitation (console by default). False if it is gone or was accepted, or
    was e-mailed already for the request `once` names (a task that ran twice)."""
    invite = (
        ClassInvite.objects.select_related("classroom", "invited_by")
        .filter(pk=invite_id, accepted_at__isnull=True)
        .first()
    )
    if invite is None:
        return False
    link = base_url.rstrip("/") + reverse("essays:invite_accept", args=[invite.token])
    inviter = invite.invited_by.name if invite.invited_by else _("Your teacher")
    context = {"invite": invite, "inviter": inviter, "link": link}
    subject = render_to_string("essays/email/invite_subject.txt", context).strip()
    body = render_to_string("essays/email/invite_body.txt", context)
    if not once:  # queued before requests were named: no record to keep
        send_mail(subject, body, None, [invite.email])
        return True
    return send_once(
        f"invite:{invite.pk}:{once}", lambda: send_mail(subject, body, None, [invite.email])
    )
