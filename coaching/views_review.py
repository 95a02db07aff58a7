"""The teacher's marking pages: an assignment's submissions, the review page of one
essay (levels, notes, comments, comment bank), release and return.

Every view finds its object through a helper that 404s for anyone who does not teach
the class; every write goes through coaching.services. Each action works as a plain
form post (redirect back) and as an htmx post (the changed fragment comes back).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from coaching.marking import (
    SubmissionQuery,
    SubmissionRow,
    comment_bank,
    criterion_rows,
    neighbours,
    note_key,
    note_kind,
    paragraph_of,
    paragraph_spans,
    review_history,
    review_paragraphs,
    stage_data,
    submissions,
    suppressed_kinds,
)
from coaching.models import (
    Analysis,
    CommentBankEntry,
    NoteDecision,
    TeacherComment,
    TeacherReview,
)
from coaching.services import (
    assignment_release,
    bank_add,
    bank_delete,
    bank_use,
    note_decide,
    review_comment_append,
    review_release,
    review_return,
    review_save,
    review_unrelease,
    teacher_comment_add,
    teacher_comment_delete,
)
from config.http import AuthedRequest, get_text, post_text
from essays.models import Assignment, Revision, User
from essays.selectors import assignment_for_teacher, revision_for_user, teaches

# --- access -------------------------------------------------------------------------------


def _revision_for_teacher(user: User, pk: int) -> Revision:
    """The revision, if the user teaches its class; 404 for everyone else (its author too)."""
    revision = revision_for_user(user, pk)
    if not teaches(user, revision.essay.assignment.classroom_id):
        raise Http404
    return revision


def _bank_entry_for(user: User, pk: int) -> CommentBankEntry:
    return get_object_or_404(CommentBankEntry, pk=pk, owner=user)


def _back(revision: Revision, anchor: str = "") -> HttpResponse:
    url = reverse("coaching:review_page", args=[revision.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _int(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        return None


# --- submissions ------------------------------------------------------------------------


@login_required
@require_GET
def submissions_view(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    query = SubmissionQuery.from_params(request.GET)
    result = submissions(assignment, query)
    # one reverse() for the page, not one a row
    review_url = reverse("coaching:review_page", args=[2**31 - 1]).replace(str(2**31 - 1), "{}")
    labels = {
        "late": _("Late"),
        "no": _("No"),
        "yes": _("Yes"),
        "changed": _("Yes, changed since"),
    }
    for row in result.page.object_list:
        row.review_url = review_url.format(row.latest_id) if row.latest_id else ""
        _display(row, labels)
    base = reverse("coaching:submissions", args=[assignment.pk])
    columns = []
    for key, label in (
        ("name", _("Student")),
        ("status", _("Status")),
        ("submitted", _("Submitted")),
        ("late", _("Late")),
        ("machine", _("Machine")),
        ("teacher", _("Teacher")),
    ):
        active = query.sort == key
        direction = "desc" if active and not query.descending else "asc"
        columns.append(
            {
                "key": key,
                "label": label,
                "active": active,
                "aria_sort": ("descending" if query.descending else "ascending")
                if active
                else "none",
                "url": f"{base}?{urlencode(query.params(sort=key, dir=direction, page=1))}",
            }
        )
    pages = {}
    if result.page.has_previous():
        pages["previous"] = (
            f"{base}?{urlencode(query.params(page=result.page.previous_page_number()))}"
        )
    if result.page.has_next():
        pages["next"] = f"{base}?{urlencode(query.params(page=result.page.next_page_number()))}"
    context = {
        "assignment": assignment,
        "result": result,
        "query": query,
        "columns": columns,
        "pages": pages,
        "status_choices": [
            ("", _("Everyone")),
            ("not_submitted", _("Not submitted")),
            ("needs_marking", _("Needs marking")),
            ("marked", _("Marked, not released")),
            ("released", _("Released")),
            ("returned", _("Returned for revision")),
        ],
        "late_choices": [("", _("Any")), ("late", _("Late")), ("on_time", _("On time"))],
        "base_url": base,
    }
    if request.htmx and request.htmx.target == "submissions":
        return render(request, "coaching/submissions.html#table", context)
    return render(request, "coaching/submissions.html", context)


def _display(row: SubmissionRow, labels: dict[str, str]) -> None:
    """Format one table row's cells here: template filters on 50 rows x 7 cells were most
    of the page's time."""
    dash = "–"
    if row.submitted_at:
        local = timezone.localtime(row.submitted_at)
        row.submitted_iso = local.isoformat()
        row.submitted_text = dateformat.format(local, "j M, H:i")
    row.machine_text = f"{row.machine_percent:.0f}%" if row.machine_percent is not None else dash
    row.teacher_text = (
        f"{row.teacher_total:.1f} / {row.teacher_max:.0f}"
        if row.teacher_total is not None and row.teacher_max is not None
        else dash
    )
    if row.released_at:
        row.released_text = labels["changed"] if row.changed_since_release else labels["yes"]
    else:
        row.released_text = labels["no"] if row.teacher_total is not None else dash
    row.late_text = "" if row.late else (labels["no"] if row.latest_id else dash)


@login_required
@require_POST
def assignment_release_view(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    count = assignment_release(assignment=assignment, teacher=request.user)
    if count:
        messages.success(
            request,
            _("Released the marking of %(n)s essays to their students.") % {"n": count}
            if count != 1
            else _("Released the marking of 1 essay to its student."),
        )
    else:
        messages.info(request, _("Nothing to release: every marked essay is released."))
    url = reverse("coaching:submissions", args=[assignment.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- the review page --------------------------------------------------------------------


def _notes_context(
    revision: Revision, stages: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, NoteDecision]]:
    notes = stages.get("notes", {}).get("annotations", [])
    decisions = {d.note_key: d for d in NoteDecision.objects.filter(revision=revision)}
    hidden = suppressed_kinds()
    items = []
    for number, note in enumerate(notes, start=1):
        key = note_key(note)
        decision = decisions.get(key)
        start, end = int(note["start"]), int(note["end"])
        items.append(
            {
                "number": number,
                "key": key,
                "kind": note_kind(note),
                "note": note,
                "quote": revision.text[start:end],
                "decision": decision.decision if decision else "",
                "message": decision.message if decision else "",
                "hidden_kind": note_kind(note) in hidden,
            }
        )
    return items, decisions


def _comments_context(revision: Revision) -> list[dict[str, Any]]:
    spans = paragraph_spans(revision.text)
    out = []
    paragraph: int | None
    for comment in TeacherComment.objects.filter(revision=revision):
        if comment.start is not None and comment.end is not None:
            quote = revision.text[comment.start : comment.end]
            paragraph = paragraph_of(spans, comment.start)
        else:
            quote, paragraph = "", comment.paragraph
        out.append({"comment": comment, "quote": quote, "paragraph": paragraph})
    return out


def _release_context(revision: Revision, review: TeacherReview | None) -> dict[str, Any]:
    changed = bool(
        review
        and review.released_at
        and review.updated_at
        and review.updated_at > review.released_at
    )
    return {
        "revision": revision,
        "review": review,
        "changed_since_release": changed,
        "history": review_history(revision),
        "immediate": revision.essay.assignment.release == Assignment.Release.IMMEDIATE,
    }


def _review_context(request: AuthedRequest, revision: Revision) -> dict[str, Any]:
    assignment = revision.essay.assignment
    stages = stage_data(revision)
    review = (
        TeacherReview.objects.select_related("released_by", "teacher")
        .filter(revision=revision)
        .first()
    )
    notes, decisions = _notes_context(revision, stages)
    states = {key: d.decision for key, d in decisions.items()}
    raw_notes = stages.get("notes", {}).get("annotations", [])
    previous, following, unmarked, position, count = neighbours(assignment, revision)
    analysis = Analysis.objects.filter(revision=revision).only("status").first()
    revisions = list(revision.essay.revisions.order_by("number").only("pk", "number"))
    earlier = [r for r in revisions if r.number < revision.number]
    answers = None
    if earlier:
        answers = (
            TeacherReview.objects.filter(revision=earlier[-1], returned_at__isnull=False)
            .select_related("revision")
            .first()
        )
    return {
        "revision": revision,
        "essay": revision.essay,
        "assignment": assignment,
        "student": revision.essay.student,
        "analysis": analysis,
        "scores": stages.get("scores"),
        "paragraphs": review_paragraphs(revision.text, raw_notes, states),
        "paragraph_choices": list(enumerate(_previews(revision), 1)),
        "notes": notes,
        "checks_skipped": bool(stages.get("notes", {}).get("skipped")),
        "rows": criterion_rows(assignment, stages.get("scores"), review),
        "review": review,
        "comments": _comments_context(revision),
        "bank": comment_bank(request.user, get_text(request, "q")),
        "bank_query": get_text(request, "q"),
        "previous_id": previous,
        "next_id": following,
        "unmarked_id": unmarked if unmarked != revision.pk else None,
        "position": position,
        "count": count,
        "revisions": revisions,
        "answers": answers,
        **_release_context(revision, review),
    }


def _previews(revision: Revision) -> list[str]:
    previews = []
    for start, end in paragraph_spans(revision.text):
        text = revision.text[start:end].strip()
        previews.append(text[:60] + ("…" if len(text) > 60 else ""))
    return previews


@login_required
@require_GET
def review_page(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    if request.htmx and request.htmx.target == "comment-bank":
        return render(request, "coaching/_review_bank.html", _bank_context(request, revision))
    return render(request, "coaching/review.html", _review_context(request, revision))


# --- marks --------------------------------------------------------------------------------


def _marks_status(
    request: AuthedRequest, revision: Revision, *, error: str = "", status: int = 200
) -> HttpResponse:
    review = TeacherReview.objects.filter(revision=revision).first()
    context = {"revision": revision, "review": review, "error": error, "just_saved": not error}
    return render(request, "coaching/_review_saved.html", context, status=status)


@login_required
@require_POST
def review_marks(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    points: dict[int, int] = {}
    for key in request.POST:
        if key.startswith("criterion-"):
            value = _int(request.POST.get(key))
            criterion = _int(key.removeprefix("criterion-"))
            if value is not None and criterion is not None:
                points[criterion] = value
    comment = post_text(request, "comment") if "comment" in request.POST else None
    try:
        review_save(revision=revision, teacher=request.user, points=points, comment=comment)
    except ValidationError as exc:
        if request.htmx:
            return _marks_status(request, revision, error=exc.messages[0])
        messages.error(request, exc.messages[0])
        return _back(revision, "marks")
    if request.htmx:
        return _marks_status(request, revision)
    messages.success(request, _("Your marking is saved. The student sees it once you release it."))
    return _back(revision, "marks")


# --- notes --------------------------------------------------------------------------------


@login_required
@require_POST
def note_decision_view(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    key = request.POST.get("note_key", "")
    decision = request.POST.get("decision", "")
    if decision == "edited" and not request.POST.get("message", "").strip():
        decision_error = _("Write the note as you want the student to read it.")
    else:
        decision_error = ""
    error = decision_error
    if not error:
        try:
            note_decide(
                revision=revision,
                teacher=request.user,
                note_key=key,
                decision=decision,
                message=post_text(request, "message"),
            )
        except ValidationError as exc:
            error = exc.messages[0]
    notes, _decisions = _notes_context(revision, stage_data(revision))
    item = next((n for n in notes if n["key"] == key), None)
    if item is None:
        raise Http404
    if request.htmx:
        context = {"item": item, "revision": revision, "error": error}
        return render(request, "coaching/_review_note.html", context)
    if error:
        messages.error(request, error)
    return _back(revision, f"note-{item['number']}")


# --- comments on passages ---------------------------------------------------------------


def _comments_response(request: AuthedRequest, revision: Revision, error: str = "") -> HttpResponse:
    context = {
        "revision": revision,
        "comments": _comments_context(revision),
        "paragraph_choices": list(enumerate(_previews(revision), 1)),
        "bank": comment_bank(request.user),
        "comment_error": error,
    }
    return render(request, "coaching/_review_comments.html", context)


@login_required
@require_POST
def comment_add_view(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    text = post_text(request, "text")
    entry_id = _int(request.POST.get("bank_entry"))
    entry = _bank_entry_for(request.user, entry_id) if entry_id else None
    if entry is not None and not text.strip():
        text = entry.text
    error = ""
    try:
        teacher_comment_add(
            revision=revision,
            teacher=request.user,
            text=text,
            start=_int(request.POST.get("start")),
            end=_int(request.POST.get("end")),
            paragraph=_int(request.POST.get("paragraph")),
        )
    except ValidationError as exc:
        error = exc.messages[0]
    else:
        if entry is not None and text == entry.text:
            bank_use(entry=entry)
        if request.POST.get("save_to_bank"):
            bank_add(owner=request.user, text=text)
    if request.htmx:
        return _comments_response(request, revision, error)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your comment is saved."))
    return _back(revision, "comments")


@login_required
@require_POST
def comment_delete_view(request: AuthedRequest, pk: int, comment_pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    comment = get_object_or_404(TeacherComment, pk=comment_pk, revision=revision)
    teacher_comment_delete(comment=comment)
    if request.htmx:
        return _comments_response(request, revision)
    messages.success(request, _("The comment is deleted."))
    return _back(revision, "comments")


# --- the comment bank -------------------------------------------------------------------


def _bank_context(request: AuthedRequest, revision: Revision, error: str = "") -> dict[str, Any]:
    query = get_text(request, "q") or post_text(request, "q")
    return {
        "revision": revision,
        "bank": comment_bank(request.user, query),
        "bank_query": query,
        "bank_error": error,
    }


@login_required
@require_POST
def bank_add_view(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    error = ""
    try:
        bank_add(owner=request.user, text=post_text(request, "text"))
    except ValidationError as exc:
        error = exc.messages[0]
    if request.htmx:
        return render(
            request, "coaching/_review_bank.html", _bank_context(request, revision, error)
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Saved to your comment bank."))
    return _back(revision, "comment-bank")


@login_required
@require_POST
def bank_use_view(request: AuthedRequest, pk: int, entry_pk: int) -> HttpResponse:
    """Add a saved comment to this essay's overall comment."""
    revision = _revision_for_teacher(request.user, pk)
    entry = _bank_entry_for(request.user, entry_pk)
    try:
        review_comment_append(revision=revision, teacher=request.user, text=entry.text)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        bank_use(entry=entry)
        messages.success(request, _("Added to your overall comment."))
    url = reverse("coaching:review_page", args=[revision.pk]) + "#marks"
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_POST
def bank_delete_view(request: AuthedRequest, pk: int, entry_pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    bank_delete(entry=_bank_entry_for(request.user, entry_pk))
    if request.htmx:
        return render(request, "coaching/_review_bank.html", _bank_context(request, revision))
    messages.success(request, _("Removed from your comment bank."))
    return _back(revision, "comment-bank")


# --- release and return -----------------------------------------------------------------


def _release_response(request: AuthedRequest, revision: Revision, error: str = "") -> HttpResponse:
    review = (
        TeacherReview.objects.select_related("released_by", "teacher")
        .filter(revision=revision)
        .first()
    )
    context = {**_release_context(revision, review), "release_error": error}
    return render(request, "coaching/_review_release.html", context)


@login_required
@require_POST
def review_release_view(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    withdraw = request.POST.get("action") == "withdraw"
    error = ""
    try:
        if withdraw:
            if TeacherReview.objects.filter(revision=revision).exists():
                review_unrelease(revision=revision, teacher=request.user)
        else:
            review_release(revision=revision, teacher=request.user)
    except ValidationError as exc:
        error = exc.messages[0]
    if request.htmx:
        return _release_response(request, revision, error)
    if error:
        messages.error(request, error)
    elif withdraw:
        messages.success(request, _("Withdrawn: the student no longer sees your marking."))
    else:
        messages.success(request, _("Released: the student sees your marking now."))
    return _back(revision, "release")


@login_required
@require_POST
def review_return_view(request: AuthedRequest, pk: int) -> HttpResponse:
    revision = _revision_for_teacher(request.user, pk)
    error = ""
    try:
        review_return(revision=revision, teacher=request.user, note=post_text(request, "note"))
    except ValidationError as exc:
        error = exc.messages[0]
    if request.htmx:
        return _release_response(request, revision, error)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Returned: the student sees what to fix."))
    return _back(revision, "release")
