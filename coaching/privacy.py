"""What the school owes the people whose writing it holds: a student's own copy of it
all, erasure, retention, and an anonymised export for research (only from classes
whose teacher opted in).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import re
import zipfile
from datetime import timedelta
from typing import IO, Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify

from coaching.marking import released_feedback
from coaching.models import STAGES, PrintJob, ResearchConsent, StageResult
from coaching.selectors import DIFF_CACHE_VERSION, feedback_visible
from essays.models import Essay, Membership, Revision, User

logger = logging.getLogger(__name__)

# --- a student's own copy ------------------------------------------------------------------

EXPORT_README = """Everything EssayCoach holds about you, as of {when}.

profile.json           your account: name, e-mail address, settings, classes
essays/<assignment>/   for each assignment: your autosaved draft, every revision you
                       submitted, and the feedback on each as you can see it
                       (the machine's, and your teacher's once released)

Your teacher's marking that has not been released yet is not here: ask your teacher
or school for it. Text files are UTF-8; the .json files hold the same feedback as the
pages, as data.
"""


def export_for(user: User) -> bytes:
    """A zip of everything held about `user` that they may see."""
    buffer = io.BytesIO()
    now = timezone.now()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", EXPORT_README.format(when=now.isoformat()))
        archive.writestr("profile.json", _json(_profile(user)))
        essays = Essay.objects.filter(student=user).select_related("assignment__classroom")
        for essay in essays.order_by("assignment__created_at", "pk"):
            folder = f"essays/{essay.pk}-{slugify(essay.assignment.title)[:60] or 'essay'}"
            if essay.draft_text:
                archive.writestr(f"{folder}/draft.txt", essay.draft_text)
            revisions = essay.revisions.select_related("analysis", "review").order_by("number")
            for revision in revisions:
                archive.writestr(f"{folder}/revision-{revision.number}.txt", revision.text)
                archive.writestr(
                    f"{folder}/revision-{revision.number}-feedback.json",
                    _json(_feedback(user, revision)),
                )
    return buffer.getvalue()


def _profile(user: User) -> dict[str, Any]:
    classes = Membership.objects.filter(user=user).select_related("classroom")
    return {
        "name": user.display_name,
        "email": user.email,
        "role": user.role,
        "time_zone": user.time_zone,
        "email_on_feedback": user.email_on_feedback,
        "email_digest": user.email_digest,
        "joined": user.date_joined,
        "last_login": user.last_login,
        "classes": [
            {"class": m.classroom.name, "role": m.role, "joined": m.joined_at} for m in classes
        ],
    }


def _feedback(user: User, revision: Revision) -> dict[str, Any]:
    out: dict[str, Any] = {
        "assignment": revision.essay.assignment.title,
        "revision": revision.number,
        "submitted": revision.created_at,
        "words": revision.word_count,
        "late": revision.late,
    }
    if feedback_visible(user, revision):
        stages = dict(
            StageResult.objects.filter(analysis__revision=revision).values_list("stage", "data")
        )
        out["machine_feedback"] = {stage: stages[stage] for stage in STAGES if stage in stages}
    else:
        out["machine_feedback"] = "held until your teacher releases it"
    review = getattr(revision, "review", None)
    out["teacher_feedback"] = released_feedback(review) if review else None
    return out


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


# --- erasure -------------------------------------------------------------------------------


def erase_student(*, student: User, by: User | None) -> dict[str, int]:
    """Delete a student and everything they wrote: essays, drafts, revisions, feedback,
    marks, comments on them, class PDFs that hold their work, their sessions and cached
    comparisons. Teachers are not erased this way (their marking belongs to others too)."""
    if student.is_teacher or student.is_staff:
        raise ValueError("Only a student can be erased this way.")
    revision_ids = list(
        Revision.objects.filter(essay__student=student).values_list("pk", "essay_id")
    )
    assignment_ids = set(
        Essay.objects.filter(student=student).values_list("assignment_id", flat=True)
    )
    pseudonym_of = pseudonym("student", student.pk)
    with transaction.atomic():
        pdfs, _ = PrintJob.objects.filter(assignment_id__in=assignment_ids).delete()
        sessions = [
            s.pk
            for s in Session.objects.all()
            if s.get_decoded().get("_auth_user_id") == str(student.pk)
        ]
        Session.objects.filter(pk__in=sessions).delete()
        essays = Essay.objects.filter(student=student).count()
        student.delete()
    by_essay: dict[int, list[int]] = {}
    for pk, essay_id in revision_ids:
        by_essay.setdefault(essay_id, []).append(pk)
    keys = [
        f"diff:v{DIFF_CACHE_VERSION}:{a}:{b}"
        for pks in by_essay.values()
        for a in pks
        for b in pks
        if a < b
    ]
    try:
        cache.delete_many(keys)
    except Exception:  # the cache expires them anyway (DIFF_CACHE_SECONDS)
        logger.warning("could not clear cached comparisons", exc_info=True)
    counts = {
        "essays": essays,
        "revisions": len(revision_ids),
        "class_pdfs": pdfs,
        "sessions": len(sessions),
    }
    logger.info(
        "erased student %s",
        pseudonym_of,
        extra={"erased": pseudonym_of, "by_user": by.pk if by else None, **counts},
    )
    return counts


# --- retention -----------------------------------------------------------------------------


def retention_purge(*, days: int | None = None, now: Any = None) -> int:
    """Delete essays with no activity (draft saved, revision submitted) for `days`
    (ESSAY_RETENTION_DAYS; 0 keeps everything), and class PDFs as old. Returns essays deleted."""
    days = settings.ESSAY_RETENTION_DAYS if days is None else days
    if not days:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    stale = (
        Essay.objects.annotate(
            last_revision=Max("revisions__created_at"),
        )
        .annotate(
            active=Greatest(
                "created_at",
                Coalesce("draft_saved_at", "created_at"),
                Coalesce("last_revision", "created_at"),
            )
        )
        .filter(active__lt=cutoff)
    )
    ids = list(stale.values_list("pk", flat=True)[:5000])
    deleted = len(ids)
    Essay.objects.filter(pk__in=ids).delete()
    PrintJob.objects.filter(created_at__lt=cutoff).delete()
    if deleted:
        logger.info("retention: deleted %s essays older than %s days", deleted, days)
    return deleted


# --- research export -------------------------------------------------------------------------


def pseudonym(kind: str, pk: int) -> str:
    """A stable id that cannot be turned back into the person without the secret key."""
    key = hashlib.sha256(("research:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, f"{kind}:{pk}".encode(), hashlib.sha256).hexdigest()[:16]


def _name_pattern(users: list[User]) -> re.Pattern[str] | None:
    words = {
        part
        for user in users
        for part in re.split(r"[\s.@_-]+", f"{user.display_name} {user.email}")
        if len(part) >= 3
    }
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def research_export(out: IO[str] | Any) -> int:
    """One JSON line per submitted revision from classes whose teacher opted in: pseudonymous
    ids, dates to the day, the text with every class member's name and any e-mail address
    replaced, the machine's and the released marks. No names, no e-mail addresses."""
    rows = 0
    for consent in ResearchConsent.objects.filter(opted_in=True).select_related("classroom"):
        classroom = consent.classroom
        members = list(User.objects.filter(memberships__classroom=classroom))
        names = _name_pattern(members)
        revisions = (
            Revision.objects.filter(essay__assignment__classroom=classroom)
            .select_related("essay__assignment", "analysis", "review")
            .order_by("essay__assignment_id", "essay__student_id", "number")
        )
        for revision in revisions:
            text = EMAIL.sub("@EMAIL", revision.text)
            if names is not None:
                text = names.sub("@PERSON", text)
            analysis = getattr(revision, "analysis", None)
            review = getattr(revision, "review", None)
            released = released_feedback(review) if review else None
            row = {
                "class": pseudonym("class", classroom.pk),
                "assignment": pseudonym("assignment", revision.essay.assignment_id),
                "prompt": revision.essay.assignment.prompt,
                "student": pseudonym("student", revision.essay.student_id),
                "revision": revision.number,
                "date": revision.created_at.date().isoformat(),
                "words": revision.word_count,
                "text": text,
                "machine_percent": analysis.overall_percent if analysis else None,
                "machine_points": (analysis.digest or {}).get("points") if analysis else None,
                "teacher_points": (released or {}).get("points"),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def research_consent_set(*, classroom: Any, teacher: User, opted_in: bool) -> ResearchConsent:
    consent, _created = ResearchConsent.objects.update_or_create(
        classroom=classroom, defaults={"opted_in": opted_in, "set_by": teacher}
    )
    return consent
