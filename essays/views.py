"""Student pages: classes, assignments, and the essay editor."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.http import AuthedRequest, post_text
from config.throttle import join_attempt_allowed
from essays.models import Assignment, Essay, Membership
from essays.selectors import (
    assignment_for_student,
    assignments_for_student,
    availability,
    classrooms_for,
    due_for,
    revisions_of,
    scores_wait_for_release,
)
from essays.services import (
    DraftConflict,
    classroom_join,
    draft_import,
    draft_save,
    essay_for,
    revision_submit,
)
from essays.text import count_words


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Signed in: a teacher's dashboard or a student's assignments; else the welcome page."""
    if request.user.is_authenticated:
        if request.user.is_teacher:
            return redirect("essays:teach_dashboard")
        return redirect("essays:assignment_list")
    return render(request, "essays/home.html")


@login_required
@require_http_methods(["GET", "POST"])
def classroom_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    error = ""
    code = ""
    status = 200
    if request.method == "POST":
        code = post_text(request, "code")
        if not join_attempt_allowed(request):
            # join codes are short: guessing them must be slow
            error = _("Too many tries at a join code. Wait a minute, then try again.")
            status = 429
        else:
            try:
                membership = classroom_join(user=user, code=code)
            except ValidationError as exc:
                error = exc.messages[0]
                status = 400
            else:
                messages.success(
                    request, _("You joined %(name)s.") % {"name": membership.classroom.name}
                )
                return redirect("essays:classroom_list")
    return render(
        request,
        "essays/classroom_list.html",
        {"classrooms": classrooms_for(user), "error": error, "code": code},
        status=status,
    )


@login_required
@require_GET
def assignment_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    rows = assignments_for_student(user)
    teaching = not rows and user.memberships.filter(role=Membership.Role.TEACHER).exists()
    return render(request, "essays/assignment_list.html", {"rows": rows, "teaching": teaching})


def _student_essay(request: AuthedRequest, pk: int) -> tuple[Assignment, Essay]:
    """The assignment (404 unless the user is a student of its class) and their essay."""
    assignment = assignment_for_student(request.user, pk)
    return assignment, essay_for(assignment=assignment, student=request.user)


def _editor_context(request: AuthedRequest, pk: int, *, text: str | None = None) -> dict:
    assignment, essay = _student_essay(request, pk)
    draft = essay.draft_text if text is None else text
    due = due_for(assignment, request.user)
    return {
        "availability": availability(assignment, due=due),
        "due": due,
        "assignment": assignment,
        "essay": essay,
        "draft": draft,
        "word_count": count_words(draft),
        "max_words": min(assignment.max_words, settings.ESSAY_MAX_WORDS),
        "revisions": revisions_of(essay),
        "hide_unreleased": scores_wait_for_release(request.user, essay),
        "criteria": assignment.rubric.criteria.all(),
        "max_upload_kb": settings.ESSAY_MAX_UPLOAD_BYTES // 1024,
    }


@login_required
@require_GET
def essay_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    return render(request, "essays/essay_edit.html", _editor_context(request, pk))


@login_required
@require_POST
def draft_autosave(request: AuthedRequest, pk: int) -> HttpResponse:
    """Autosave (app.js, htmx, or a beacon when the page is left) and the no-JS 'Save draft'.

    The editor sends the draft version it started from as `base`; a save on top of an older
    draft than the server's is refused with 409 so a stale tab cannot overwrite newer words.
    Script saves get the status fragment and the new version in X-Draft-Version.
    """
    assignment, essay = _student_essay(request, pk)
    text = post_text(request, "text")
    base = request.POST.get("base")
    script = bool(request.htmx or request.headers.get("X-Autosave") or request.POST.get("autosave"))
    status, error = 200, ""
    try:
        draft_save(essay=essay, text=text, base=base)
    except DraftConflict:
        status = 409
        error = _("This essay was changed in another tab or window.")
    except ValidationError as exc:
        status, error = 422, exc.messages[0]
    if script:
        response = render(
            request, "essays/_save_status.html", {"essay": essay, "error": error}, status=status
        )
        if status != 422:
            response["X-Draft-Version"] = essay.draft_version
        return response
    if error:
        if status == 409:
            # The page below carries the newer version: Save draft again keeps this text.
            error += " " + _(
                "Your text is below: Save draft again to keep it, or open the essay again "
                "to see the newer one."
            )
        messages.error(request, error)
        context = _editor_context(request, pk, text=text)
        return render(request, "essays/essay_edit.html", context, status=status)
    messages.success(request, _("Draft saved."))
    return redirect("essays:essay_edit", pk=assignment.pk)


@login_required
@require_POST
def draft_upload(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment, essay = _student_essay(request, pk)
    upload = request.FILES.get("file")
    state = availability(assignment, due=due_for(assignment, request.user))
    if not state.can_submit:
        messages.error(request, state.message)
        return redirect("essays:essay_edit", pk=assignment.pk)
    if upload is None:
        messages.error(request, _("Choose a file to upload."))
        return redirect("essays:essay_edit", pk=assignment.pk)
    try:
        data = upload.read(settings.ESSAY_MAX_UPLOAD_BYTES + 1)
        draft_import(essay=essay, filename=upload.name or "", data=data, size=upload.size)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(
            request,
            _("We put the text of %(name)s into your draft. Check it, then submit.")
            % {"name": upload.name},
        )
    return redirect("essays:essay_edit", pk=assignment.pk)


@login_required
@require_POST
def essay_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    _assignment, essay = _student_essay(request, pk)
    text = post_text(request, "text", essay.draft_text)
    try:
        revision = revision_submit(essay=essay, text=text)
    except ValidationError as exc:
        # Keep what they typed: save it as the draft, show the problem next to it.
        with contextlib.suppress(ValidationError):
            draft_save(essay=essay, text=text)
        messages.error(request, exc.messages[0])
        context = _editor_context(request, pk, text=text)
        return render(request, "essays/essay_edit.html", context, status=422)
    return redirect("coaching:revision_feedback", pk=revision.pk)
