"""Teachers' assignment pages: create, edit, duplicate, publish, archive; extensions.

Every view first asks a selector whether this user teaches the class (404 otherwise).
htmx requests to the small actions get the changed fragment back; without JavaScript the
same forms post and the page reloads.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from coaching.models import Rubric
from coaching.rubric_selectors import is_teacher, rubrics_usable_by
from config.http import AuthedRequest
from essays.assignment_forms import ASSIGNMENT_FIELDS, AssignmentForm, ExtensionForm
from essays.models import Assignment
from essays.selectors import (
    assignment_for_teacher,
    classroom_for_teacher,
    classrooms_taught_by,
    extensions_of,
    students_of,
    taught_classrooms_with_assignments,
)
from essays.services import (
    assignment_create,
    assignment_duplicate,
    assignment_set_status,
    assignment_update,
    extension_grant,
    extension_revoke,
)

EDIT_TEMPLATE = "essays/teach_assignment_edit.html"

# The status buttons: action -> (new status, message)
STATUS_ACTIONS = {
    "publish": Assignment.Status.PUBLISHED,
    "unpublish": Assignment.Status.DRAFT,
    "archive": Assignment.Status.ARCHIVED,
    "unarchive": Assignment.Status.DRAFT,
}


def _values(form: AssignmentForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in ASSIGNMENT_FIELDS}


def _rubrics_for(request: AuthedRequest, assignment: Assignment | None = None) -> QuerySet[Rubric]:
    rubrics = rubrics_usable_by(request.user)
    if assignment is not None:  # the current rubric stays choosable, whoever owns it
        rubrics = rubrics | Rubric.objects.filter(pk=assignment.rubric_id)
    return rubrics


@login_required
@require_GET
def teach_assignment_list(request: AuthedRequest) -> HttpResponse:
    classrooms = list(taught_classrooms_with_assignments(request.user))
    if not classrooms and not is_teacher(request.user):
        raise Http404
    return render(request, "essays/teach_assignment_list.html", {"classrooms": classrooms})


@login_required
@require_http_methods(["GET", "POST"])
def teach_assignment_create(request: AuthedRequest, class_pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, class_pk)
    if classroom.archived_at is not None:
        messages.error(request, _("This class is archived: bring it back to set new work."))
        return redirect("essays:teach_class_detail", pk=classroom.pk)
    rubrics = _rubrics_for(request)
    if request.method == "POST":
        form = AssignmentForm(request.POST, rubrics=rubrics)
        if form.is_valid():
            publish = request.POST.get("action") == "publish"
            assignment = assignment_create(
                classroom=classroom, teacher=request.user, values=_values(form), publish=publish
            )
            messages.success(
                request,
                (
                    _("“%(title)s” is published: your students can see it.")
                    if publish
                    else _("“%(title)s” is saved as a draft: students cannot see it yet.")
                )
                % {"title": assignment.title},
            )
            return redirect("essays:teach_assignment_edit", pk=assignment.pk)
    else:
        form = AssignmentForm(rubrics=rubrics)
    return render(
        request,
        "essays/teach_assignment_form.html",
        {"form": form, "classroom": classroom, "has_rubrics": rubrics.exists()},
        status=400 if form.errors else 200,
    )


def _edit_context(
    request: AuthedRequest,
    assignment: Assignment,
    form: AssignmentForm | None = None,
    extension_form: ExtensionForm | None = None,
) -> dict[str, Any]:
    students = students_of(assignment.classroom)
    return {
        "classrooms": classrooms_taught_by(request.user),
        "assignment": assignment,
        "classroom": assignment.classroom,
        "form": form
        or AssignmentForm(instance=assignment, rubrics=_rubrics_for(request, assignment)),
        "extension_form": extension_form or ExtensionForm(students=students),
        "extensions": extensions_of(assignment),
        "has_students": students.exists(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def teach_assignment_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    form = None
    if request.method == "POST":
        form = AssignmentForm(
            request.POST, instance=assignment, rubrics=_rubrics_for(request, assignment)
        )
        if form.is_valid():
            assignment_update(assignment=assignment, teacher=request.user, values=_values(form))
            messages.success(request, _("Your changes are saved."))
            return redirect("essays:teach_assignment_edit", pk=assignment.pk)
        assignment.refresh_from_db()  # the page's heading shows what is saved
    context = _edit_context(request, assignment, form=form)
    return render(request, EDIT_TEMPLATE, context, status=400 if form is not None else 200)


@login_required
@require_POST
def teach_assignment_status(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    status = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if status is None:
        return HttpResponse(_("Unknown action."), status=400)
    assignment_set_status(assignment=assignment, status=status)
    notice = {
        Assignment.Status.PUBLISHED: _("Published: students in the class can see it."),
        Assignment.Status.DRAFT: _("Unpublished: students cannot see it now. Their work is kept."),
        Assignment.Status.ARCHIVED: _(
            "Archived: students can no longer submit, and see it only if they wrote for it."
        ),
    }[status]
    if request.htmx:
        context = {**_edit_context(request, assignment), "notice": notice}
        return render(request, EDIT_TEMPLATE + "#status", context)
    messages.success(request, notice)
    return redirect("essays:teach_assignment_edit", pk=assignment.pk)


@login_required
@require_POST
def teach_assignment_duplicate(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    target = request.POST.get("classroom", "")
    classroom = classroom_for_teacher(request.user, int(target)) if target.isdigit() else None
    copy = assignment_duplicate(assignment=assignment, teacher=request.user, classroom=classroom)
    messages.success(request, _("This is a draft copy: change what you need, then publish it."))
    if request.htmx:
        return HttpResponseClientRedirect(reverse("essays:teach_assignment_edit", args=[copy.pk]))
    return redirect("essays:teach_assignment_edit", pk=copy.pk)


@login_required
@require_POST
def teach_extension_add(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    form: ExtensionForm | None = ExtensionForm(
        request.POST, students=students_of(assignment.classroom)
    )
    notice = ""
    assert form is not None
    if form.is_valid():
        try:
            extension = extension_grant(
                assignment=assignment,
                student=form.cleaned_data["student"],
                due_at=form.cleaned_data["due_at"],
                teacher=request.user,
            )
        except ValidationError as exc:
            form.add_error("student", exc.messages[0])
        else:
            notice = _("%(name)s now has until the new date.") % {"name": extension.student.name}
            form = None
    if request.htmx:
        # htmx swaps only 2xx answers: the fragment with the field errors comes as 200.
        context = {**_edit_context(request, assignment, extension_form=form), "notice": notice}
        return render(request, EDIT_TEMPLATE + "#extensions", context)
    if form is not None:
        return render(
            request,
            EDIT_TEMPLATE,
            _edit_context(request, assignment, extension_form=form),
            status=400,
        )
    messages.success(request, notice)
    return redirect("essays:teach_assignment_edit", pk=assignment.pk)


@login_required
@require_POST
def teach_extension_delete(request: AuthedRequest, pk: int, extension_pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    extension = assignment.extensions.filter(pk=extension_pk).select_related("student").first()
    if extension is None:
        raise Http404
    extension_revoke(extension=extension)
    notice = _("%(name)s's extension is removed.") % {"name": extension.student.name}
    if request.htmx:
        context = {**_edit_context(request, assignment), "notice": notice}
        return render(request, EDIT_TEMPLATE + "#extensions", context)
    messages.success(request, notice)
    return redirect("essays:teach_assignment_edit", pk=assignment.pk)
