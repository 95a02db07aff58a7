"""The teacher's pages: dashboard, classes, roster, co-teachers and invitations.

Every view finds its class through `classroom_for_teacher` (404 to anyone who does not
teach it) before anything renders; writes go through essays.services.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coaching.models import ResearchConsent
from coaching.privacy import research_consent_set
from config.http import AuthedRequest
from essays.forms import ClassroomForm, CoteacherForm, InviteStudentsForm
from essays.models import Classroom, Essay, Membership
from essays.selectors import (
    classroom_for_teacher,
    coteacher_of,
    invite_of,
    pending_invites,
    roster_of,
    student_of,
    teacher_dashboard,
    teachers_of,
)
from essays.services import (
    classroom_archive,
    classroom_create,
    classroom_rotate_code,
    classroom_update,
    students_invite,
)
from essays.services import coteacher_add as coteacher_add_service
from essays.services import coteacher_remove as coteacher_remove_service
from essays.services import invite_cancel as invite_cancel_service
from essays.services import student_remove as student_remove_service

View = Callable[..., HttpResponse]


def teacher_required(view: View) -> View:
    """Signed in (else the login page) and a teacher account (else 404)."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthedRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_teacher:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@teacher_required
@require_GET
def dashboard(request: AuthedRequest) -> HttpResponse:
    return render(
        request, "essays/teach/dashboard.html", {"dashboard": teacher_dashboard(request.user)}
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def class_create(request: AuthedRequest) -> HttpResponse:
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        classroom = classroom_create(
            teacher=request.user,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
        research_consent_set(
            classroom=classroom, teacher=request.user, opted_in=form.cleaned_data["research"]
        )
        messages.success(
            request,
            _("%(name)s is ready. Give your students its join code: %(code)s.")
            % {"name": classroom.name, "code": classroom.join_code},
        )
        return redirect("essays:teach_class_detail", pk=classroom.pk)
    return render(
        request,
        "essays/teach/class_form.html",
        {"form": form, "classroom": None},
        status=400 if form.errors else 200,
    )


def _class_page(
    request: AuthedRequest,
    classroom: Classroom,
    *,
    invite_form: InviteStudentsForm | None = None,
    coteacher_form: CoteacherForm | None = None,
) -> HttpResponse:
    """The class page; with a rejected form, shown again with its errors (400)."""
    invalid = bool(
        (invite_form and invite_form.errors) or (coteacher_form and coteacher_form.errors)
    )
    context = {
        "classroom": classroom,
        "roster": roster_of(classroom),
        "teachers": teachers_of(classroom),
        "invites": pending_invites(classroom),
        "assignments": classroom.assignments.order_by("due_at", "pk"),
        "invite_form": invite_form or InviteStudentsForm(prefix="invite"),
        "coteacher_form": coteacher_form or CoteacherForm(prefix="coteacher"),
    }
    return render(
        request, "essays/teach/class_detail.html", context, status=400 if invalid else 200
    )


def _base_url(request: AuthedRequest) -> str:
    return request.build_absolute_uri("/")


@teacher_required
@require_GET
def class_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, pk)
    return _class_page(request, classroom)


@teacher_required
@require_http_methods(["GET", "POST"])
def class_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, pk)
    consent = ResearchConsent.objects.filter(classroom=classroom, opted_in=True).exists()
    form = ClassroomForm(request.POST or None, instance=classroom, initial={"research": consent})
    if request.method == "POST" and form.is_valid():
        classroom_update(
            classroom=classroom,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
        if form.cleaned_data["research"] != consent:
            research_consent_set(
                classroom=classroom, teacher=request.user, opted_in=form.cleaned_data["research"]
            )
        messages.success(request, _("Class saved."))
        return redirect("essays:teach_class_detail", pk=classroom.pk)
    return render(
        request,
        "essays/teach/class_form.html",
        {"form": form, "classroom": classroom},
        status=400 if form.errors else 200,
    )


@teacher_required
@require_POST
def class_archive(request: AuthedRequest, pk: int) -> HttpResponse:
    """POST archive=1 archives the class, archive=0 brings it back."""
    classroom = classroom_for_teacher(request.user, pk)
    archived = request.POST.get("archive", "1") != "0"
    classroom_archive(classroom=classroom, archived=archived)
    if archived:
        messages.success(
            request,
            _("%(name)s is archived: its essays are kept and no one new can join.")
            % {"name": classroom.name},
        )
    else:
        messages.success(request, _("%(name)s is active again.") % {"name": classroom.name})
    return redirect("essays:teach_class_detail", pk=classroom.pk)


@teacher_required
@require_POST
def class_rotate_code(request: AuthedRequest, pk: int) -> HttpResponse:
    """A new join code; htmx swaps the code panel, a plain form post reloads the page."""
    classroom = classroom_for_teacher(request.user, pk)
    classroom_rotate_code(classroom=classroom)
    if request.htmx:
        return render(
            request, "essays/teach/_join_code.html", {"classroom": classroom, "rotated": True}
        )
    messages.success(
        request,
        _("New join code: %(code)s. The old code no longer works.") % {"code": classroom.join_code},
    )
    return redirect("essays:teach_class_detail", pk=classroom.pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def student_remove(request: AuthedRequest, pk: int, user_pk: int) -> HttpResponse:
    """GET asks to confirm; POST removes the student (their essays are kept)."""
    classroom = classroom_for_teacher(request.user, pk)
    membership = student_of(classroom, user_pk)
    if request.method == "POST":
        student_remove_service(classroom=classroom, student=membership.user)
        messages.success(
            request,
            _("%(name)s is no longer in %(class)s. Their essays are kept.")
            % {"name": membership.user.name, "class": classroom.name},
        )
        return redirect("essays:teach_class_detail", pk=classroom.pk)
    submitted = (
        Essay.objects.filter(
            student=membership.user, assignment__classroom=classroom, revisions__isnull=False
        )
        .distinct()
        .count()
    )
    return render(
        request,
        "essays/teach/student_remove.html",
        {"classroom": classroom, "membership": membership, "submitted": submitted},
    )


@teacher_required
@require_POST
def invite_create(request: AuthedRequest, pk: int) -> HttpResponse:
    """Invite students by e-mail; the e-mails go out once the invitations are saved."""
    classroom = classroom_for_teacher(request.user, pk)
    form = InviteStudentsForm(request.POST, prefix="invite")
    if classroom.archived_at is not None:
        form.add_error(None, _("This class is archived: bring it back before inviting anyone."))
    if not form.is_valid():
        return _class_page(request, classroom, invite_form=form)
    outcome = students_invite(
        classroom=classroom,
        emails=form.cleaned_data["emails"],
        invited_by=request.user,
        base_url=_base_url(request),
    )
    if outcome.invited:
        messages.success(
            request,
            ngettext(
                "Invitation sent to %(emails)s.",
                "%(n)d invitations sent: %(emails)s.",
                len(outcome.invited),
            )
            % {"n": len(outcome.invited), "emails": ", ".join(outcome.invited)},
        )
    if outcome.already_in:
        messages.info(
            request,
            _("Already in the class, so not invited: %(emails)s.")
            % {"emails": ", ".join(outcome.already_in)},
        )
    return redirect(reverse("essays:teach_class_detail", args=[classroom.pk]) + "#invites")


@teacher_required
@require_POST
def invite_cancel(request: AuthedRequest, pk: int, invite_pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, pk)
    invite = invite_of(classroom, invite_pk)
    invite_cancel_service(invite=invite)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": invite.email}
    )
    return redirect(reverse("essays:teach_class_detail", args=[classroom.pk]) + "#invites")


@teacher_required
@require_POST
def coteacher_add(request: AuthedRequest, pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, pk)
    form = CoteacherForm(request.POST, prefix="coteacher")
    if form.is_valid():
        try:
            result = coteacher_add_service(
                classroom=classroom,
                email=form.cleaned_data["email"],
                added_by=request.user,
                base_url=_base_url(request),
            )
        except ValidationError as exc:
            form.add_error("email", exc.messages[0])
        else:
            if isinstance(result, Membership):
                messages.success(
                    request,
                    _("%(name)s now teaches %(class)s with you.")
                    % {"name": result.user.name, "class": classroom.name},
                )
            else:
                messages.success(
                    request,
                    _("%(email)s has no teacher account yet: we e-mailed them an invitation.")
                    % {"email": result.email},
                )
            return redirect(reverse("essays:teach_class_detail", args=[classroom.pk]) + "#teachers")
    return _class_page(request, classroom, coteacher_form=form)


@teacher_required
@require_POST
def coteacher_remove(request: AuthedRequest, pk: int, user_pk: int) -> HttpResponse:
    classroom = classroom_for_teacher(request.user, pk)
    membership = coteacher_of(classroom, user_pk)
    try:
        coteacher_remove_service(classroom=classroom, teacher=membership.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("essays:teach_class_detail", pk=classroom.pk)
    if membership.user_id == request.user.pk:
        messages.success(request, _("You no longer teach %(class)s.") % {"class": classroom.name})
        return redirect("essays:teach_dashboard")
    messages.success(
        request,
        _("%(name)s no longer teaches %(class)s.")
        % {"name": membership.user.name, "class": classroom.name},
    )
    return redirect("essays:teach_class_detail", pk=classroom.pk)
