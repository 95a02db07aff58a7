"""Teachers' rubric pages: the list, a rubric's page, the builder, copy, delete, import
and export.

The builder round-trips the whole rubric through its form (see coaching/rubric_draft.py):
with htmx the builder fragment is swapped, without JavaScript the page reloads; only
"Save rubric" writes. Every view first asks coaching.rubric_selectors who may do what.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from coaching.models import Rubric
from coaching.rubric_draft import (
    Problems,
    RubricDraft,
    apply_action,
    blank_draft,
    builder_context,
    from_post,
    from_rubric,
    measures_label,
    validate,
)
from coaching.rubric_io import (
    MAX_FILE_BYTES,
    RubricFileError,
    export_csv,
    export_json,
    import_file,
)
from coaching.rubric_selectors import (
    assignments_using,
    is_teacher,
    rubric_for_owner,
    rubric_for_viewer,
    rubric_list,
    rubric_with_levels,
)
from coaching.rubric_services import rubric_copy, rubric_delete, rubric_save
from config.http import AuthedRequest, post_text

BUILDER = "coaching/rubric_builder.html"


def _require_teacher(request: AuthedRequest) -> None:
    if not is_teacher(request.user):
        raise Http404


@login_required
@require_GET
def teach_rubric_list(request: AuthedRequest) -> HttpResponse:
    _require_teacher(request)
    own, shared, starters = rubric_list(request.user)
    return render(
        request,
        "coaching/rubric_list.html",
        {"own": own, "shared": shared, "starters": starters},
    )


@login_required
@require_GET
def teach_rubric_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    rubric = rubric_for_viewer(request.user, pk)
    criteria = rubric_with_levels(rubric)
    measured = [
        (c, c.get_measures_display() if c.measures else measures_label(c.name, c.description))
        for c in criteria
    ]
    return render(
        request,
        "coaching/rubric_detail.html",
        {
            "rubric": rubric,
            "criteria": measured,
            "max_levels": max((len(c.levels.all()) for c in criteria), default=0),
            "can_edit": rubric.owner_id == request.user.pk and not rubric.is_starter,
            "assignments": assignments_using(rubric, request.user),
        },
    )


def _builder(
    request: AuthedRequest,
    draft: RubricDraft,
    *,
    rubric: Rubric | None,
    problems: Problems | None = None,
    focus: str | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    problems = problems or Problems()
    context: dict[str, Any] = {
        **builder_context(draft, problems),
        "rubric": rubric,
        "action_url": (
            reverse("coaching:teach_rubric_edit", args=[rubric.pk])
            if rubric
            else reverse("coaching:teach_rubric_new")
        ),
        "focus": focus,
        "notice": notice,
    }
    if request.htmx:
        # htmx swaps only the builder; it does not swap 4xx answers, so errors come as 200.
        return render(request, BUILDER + "#builder", context)
    return render(request, BUILDER, context, status=status)


def _builder_post(request: AuthedRequest, rubric: Rubric | None) -> HttpResponse:
    draft = from_post(request.POST)
    action = request.POST.get("action", "save")
    if action != "save":
        focus = apply_action(draft, action)
        return _builder(request, draft, rubric=rubric, focus=focus)
    problems = validate(draft)
    if problems:
        return _builder(
            request,
            draft,
            rubric=rubric,
            problems=problems,
            focus="problems",
            status=400,
        )
    try:
        saved = rubric_save(owner=request.user, draft=draft, rubric=rubric)
    except ValidationError as exc:
        problems.add("name", exc.messages[0])
        return _builder(request, draft, rubric=rubric, problems=problems, status=400)
    messages.success(request, _("The rubric “%(name)s” is saved.") % {"name": saved.name})
    url = reverse("coaching:teach_rubric_detail", args=[saved.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_http_methods(["GET", "POST"])
def teach_rubric_new(request: AuthedRequest) -> HttpResponse:
    _require_teacher(request)
    if request.method == "POST":
        return _builder_post(request, None)
    return _builder(request, blank_draft(), rubric=None)


@login_required
@require_http_methods(["GET", "POST"])
def teach_rubric_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    rubric = rubric_for_owner(request.user, pk)
    if request.method == "POST":
        return _builder_post(request, rubric)
    return _builder(request, from_rubric(rubric), rubric=rubric)


@login_required
@require_POST
def teach_rubric_copy(request: AuthedRequest, pk: int) -> HttpResponse:
    rubric = rubric_for_viewer(request.user, pk)
    copy = rubric_copy(rubric=rubric, owner=request.user)
    messages.success(request, _("This is your own copy: change anything you like."))
    url = reverse("coaching:teach_rubric_edit", args=[copy.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_POST
def teach_rubric_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    rubric = rubric_for_owner(request.user, pk)
    try:
        rubric_delete(rubric=rubric, owner=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        url = reverse("coaching:teach_rubric_detail", args=[rubric.pk])
    else:
        messages.success(request, _("The rubric “%(name)s” is deleted.") % {"name": rubric.name})
        url = reverse("coaching:teach_rubric_list")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def teach_rubric_export(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    rubric = rubric_for_viewer(request.user, pk)
    draft = from_rubric(rubric)
    filename = (slugify(rubric.name) or "rubric") + "." + fmt
    if fmt == "csv":
        response = HttpResponse(export_csv(draft), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        response = HttpResponse(export_json(draft), content_type="application/json")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def teach_rubric_import(request: AuthedRequest) -> HttpResponse:
    """Upload a file; a good one opens in the builder to check (nothing saved until then),
    a bad one is refused with the row and the problem."""
    _require_teacher(request)
    errors: list[str] = []
    name = post_text(request, "name")[:200]
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            errors = [_("Choose a file to import.")]
        else:
            data = upload.read(MAX_FILE_BYTES + 1)
            try:
                imported = import_file(upload.name or "", data, name=name, size=upload.size)
            except RubricFileError as exc:
                errors = exc.problems
            else:
                draft = imported.draft
                problems = Problems() if imported.exact else validate(draft)
                notice = _(
                    "We read %(file)s. Check the rubric below, fix anything marked, then save "
                    "it: nothing is saved yet."
                ) % {"file": upload.name}
                return _builder_page(request, draft, problems, notice)
    return render(
        request,
        "coaching/rubric_import.html",
        {
            "errors": errors,
            "name": name,
            "max_kb": MAX_FILE_BYTES // 1024,
            "max_upload_kb": settings.ESSAY_MAX_UPLOAD_BYTES // 1024,
        },
        status=400 if errors else 200,
    )


def _builder_page(
    request: AuthedRequest, draft: RubricDraft, problems: Problems, notice: str
) -> HttpResponse:
    context: dict[str, Any] = {
        **builder_context(draft, problems),
        "rubric": None,
        "action_url": reverse("coaching:teach_rubric_new"),
        "focus": "problems" if problems else None,
        "notice": notice,
        "imported": True,
    }
    return render(request, BUILDER, context)
