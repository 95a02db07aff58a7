"""Where the LMS app listens: a submitted revision (the gradebook shows "pending") and
released or withdrawn marking (the score, or "pending" again)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from coaching.signals import marking_changed
from essays.models import Revision


def _revision_saved(sender: type[Revision], instance: Revision, created: bool, **_: Any) -> None:
    if created:
        _queue(instance)


def _marking_changed(sender: Any, revision: Revision, **_: Any) -> None:
    _queue(revision)


def _queue(revision: Revision) -> None:
    from essays.lti.grades import assignment_changed

    essay = revision.essay
    assignment_changed(assignment=essay.assignment, student=essay.student)


def connect() -> None:
    post_save.connect(_revision_saved, sender=Revision, dispatch_uid="lti-revision-saved")
    marking_changed.connect(_marking_changed, dispatch_uid="lti-marking-changed")
