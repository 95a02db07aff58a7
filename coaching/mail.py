"""E-mail to people: feedback released, revision requested, the teachers' daily digest.

Console by default (settings.EMAIL_BACKEND); sent from Huey tasks queued on commit, never
inside a request. Each message honours the person's choice (User.email_on_feedback,
User.email_digest) and carries an unsubscribe link that works without logging in: a
signed token naming the person and the kind of e-mail (and RFC 8058 one-click headers).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coaching.models import TeacherReview
from coaching.outbox import send_once
from essays.models import Assignment, Membership, Revision, User

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "essaycoach.unsubscribe"
KINDS = {"feedback": "email_on_feedback", "digest": "email_digest"}


# --- unsubscribe tokens ------------------------------------------------------------------


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The person and kind of e-mail a token names; None when forged or unknown."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    kind = data.get("k") if isinstance(data, dict) else None
    user = User.objects.filter(pk=data.get("u")).first() if kind in KINDS else None
    return (user, str(kind)) if user is not None else None


def unsubscribe(*, user: User, kind: str) -> None:
    field = KINDS[kind]
    setattr(user, field, False)
    user.save(update_fields=[field])


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send(*, user: User, kind: str, subject: str, template: str, context: dict[str, Any]) -> bool:
    token = unsubscribe_token(user, kind)
    unsubscribe_url = _absolute(reverse("coaching:unsubscribe", args=[token]))
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": _absolute(reverse("essays:preferences")),
        "site_url": settings.SITE_URL,
    }
    with timezone.override(_zone(user)):
        text = render_to_string(f"coaching/email/{template}.txt", context)
        html = render_to_string(f"coaching/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def _zone(user: User) -> Any:
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(user.time_zone) if user.time_zone else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


# --- to a student: released, returned ----------------------------------------------------


def notify_released(*, review: TeacherReview) -> None:
    """Call inside the release service: the e-mail goes once the release is committed
    (robust: the release stands whatever happens; with the queue down the e-mail is parked
    and sent once the queue is back, coaching/outbox.py)."""
    review_id = review.pk
    transaction.on_commit(lambda: _queue_feedback(review_id, "released"), robust=True)


def notify_returned(*, review: TeacherReview) -> None:
    review_id = review.pk
    transaction.on_commit(lambda: _queue_feedback(review_id, "returned"), robust=True)


def _queue_feedback(review_id: int, event: str) -> None:
    from coaching.outbox import enqueue_or_park
    from coaching.tasks import send_feedback_mail

    enqueue_or_park(send_feedback_mail, review_id, event)


def feedback_mail_send(*, review_id: int, event: str) -> bool:
    """Send the student the news, if they still want it and it is still true; once per
    release (or return): a task that runs twice, or a release's task parked while the queue
    was down and also queued by a later click, e-mails once."""
    review = (
        TeacherReview.objects.select_related(
            "revision__essay__student", "revision__essay__assignment__classroom"
        )
        .filter(pk=review_id)
        .first()
    )
    if review is None:
        return False
    student = review.revision.essay.student
    if not student.email_on_feedback or not student.is_active:
        return False
    stamp = review.released_at if event == "released" else review.returned_at
    if stamp is None:
        return False  # withdrawn before the worker got to it
    assignment = review.revision.essay.assignment
    if event == "released":
        subject = f"Feedback on “{assignment.title}” is ready"
        url = reverse("coaching:revision_feedback", args=[review.revision_id])
    else:
        subject = f"Your teacher asks for a revision of “{assignment.title}”"
        url = reverse("essays:essay_edit", args=[assignment.pk])
    return send_once(
        f"feedback:{event}:{review.pk}:{stamp.isoformat()}",
        lambda: _send(
            user=student,
            kind="feedback",
            subject=subject,
            template=f"feedback_{event}",
            context={"review": review, "assignment": assignment, "url": _absolute(url)},
        ),
    )


# --- to teachers: the daily digest -------------------------------------------------------


def digest_for(teacher: User, since: datetime) -> list[dict[str, Any]]:
    """Per assignment the teacher teaches: new submissions since `since` and how many
    latest revisions wait for marking. Two queries."""
    assignments = (
        Assignment.objects.filter(
            classroom__memberships__user=teacher,
            classroom__memberships__role=Membership.Role.TEACHER,
            classroom__archived_at__isnull=True,
        )
        .exclude(status=Assignment.Status.ARCHIVED)
        .select_related("classroom")
        .annotate(
            new=Count(
                "essays__revisions",
                filter=Q(essays__revisions__created_at__gte=since),
                distinct=True,
            )
        )
        .order_by("due_at", "pk")
    )
    rows = [a for a in assignments if a.new]
    if not rows:
        return []
    unmarked = dict(
        Revision.objects.filter(essay__assignment__in=rows, review__isnull=True)
        .filter(number=_latest_number())
        .values("essay__assignment_id")
        .annotate(n=Count("pk"))
        .values_list("essay__assignment_id", "n")
    )
    return [
        {
            "assignment": a,
            "new": a.new,
            "unmarked": unmarked.get(a.pk, 0),
            "url": _absolute(reverse("coaching:class_overview", args=[a.pk])),
        }
        for a in rows
    ]


def _latest_number() -> Any:
    from django.db.models import OuterRef, Subquery

    latest = Revision.objects.filter(essay_id=OuterRef("essay_id")).order_by("-number")
    return Subquery(latest.values("number")[:1])


def digest_send(*, now: datetime | None = None) -> int:
    """Send each teacher who wants it the last day's news; nothing when nothing is new."""
    now = now or timezone.now()
    since = now - timedelta(days=1)
    sent = 0
    teachers = User.objects.filter(
        role=User.Role.TEACHER, email_digest=True, is_active=True
    ).order_by("pk")
    for teacher in teachers:
        rows = digest_for(teacher, since)
        if not rows:
            continue
        try:
            _send(
                user=teacher,
                kind="digest",
                subject="EssayCoach: new essays to mark",
                template="digest",
                context={"rows": rows, "since": since},
            )
        except Exception:  # one bad address must not stop the others
            logger.exception("digest to teacher %s failed", teacher.pk)
            continue
        sent += 1
    return sent
