"""Panels the teacher's pages show for classes and assignments that live in an LMS:
the gradebook sync (failures never silent) and the roster sync."""

from __future__ import annotations

from typing import Any

from django import template

from essays.lti.models import GradeSync, LtiClass, LtiLink
from essays.models import Assignment, Classroom

register = template.Library()


@register.inclusion_tag("lti/_grades_panel.html", takes_context=True)
def lti_grades_panel(context: dict[str, Any], assignment: Assignment) -> dict[str, Any]:
    linked = LtiLink.objects.filter(assignment=assignment).exists()
    syncs = (
        GradeSync.objects.filter(link__assignment=assignment)
        .select_related("student")
        .order_by("student__display_name", "student__email")
        if linked
        else GradeSync.objects.none()
    )
    rows = list(syncs)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "assignment": assignment,
        "linked": linked,
        "sent": sum(1 for s in rows if s.status == GradeSync.Status.SENT),
        "queued": sum(1 for s in rows if s.status == GradeSync.Status.QUEUED),
        "failed": [s for s in rows if s.status == GradeSync.Status.FAILED],
        "unlinked_column": linked
        and not LtiLink.objects.filter(assignment=assignment).exclude(lineitem_url="").exists(),
    }


@register.inclusion_tag("lti/_roster_panel.html", takes_context=True)
def lti_roster_panel(context: dict[str, Any], classroom: Classroom) -> dict[str, Any]:
    lti_class = LtiClass.objects.filter(classroom=classroom).select_related("context").first()
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "classroom": classroom,
        "lti_class": lti_class,
    }
