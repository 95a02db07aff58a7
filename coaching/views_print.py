"""Print, export and insight for teachers (and a printable copy for the student).

Every view finds its object through a helper that 404s for anyone who may not see it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from coaching import insight
from coaching.mail import read_unsubscribe_token, unsubscribe
from coaching.models import PrintJob
from coaching.printing import COPIES, PAPERS, PrintedEssay, latest_revisions, printed_essays
from coaching.services import class_pdf_request
from config.http import AuthedRequest
from essays.models import Assignment
from essays.selectors import assignment_for_teacher, revision_for_user, teaches


def _paper(request: AuthedRequest) -> str:
    paper = request.GET.get("paper", "")
    if paper in PAPERS:
        return paper
    return "letter" if request.LANGUAGE_CODE.lower() in ("en-us", "en-ca") else "a4"


@login_required
@require_GET
def revision_print(request: AuthedRequest, pk: int) -> HttpResponse:
    """One essay's feedback, ready to print: the teacher's copy for its teachers, the
    released feedback for its author."""
    user = request.user
    revision = revision_for_user(user, pk)
    assignment = revision.essay.assignment
    copy = "teacher" if teaches(user, assignment.classroom_id) else "student"
    printed = printed_essays(assignment, [revision], copy=copy)
    back = (
        reverse("coaching:review_page", args=[revision.pk])
        if copy == "teacher"
        else reverse("coaching:revision_feedback", args=[revision.pk])
    )
    return _print_page(request, assignment, printed, back, copy_param="")


def _print_page(
    request: AuthedRequest,
    assignment: Assignment,
    printed: list[PrintedEssay],
    back: str,
    *,
    copy_param: str,
) -> HttpResponse:
    return render(
        request,
        "coaching/print_document.html",
        {
            "assignment": assignment,
            "essays": printed,
            "paper": _paper(request),
            "papers": [(key, label) for key, label in PAPERS.items()],
            "printed_at": timezone.now(),
            "back_url": back,
            "copy_param": copy_param,
            "pdf": False,
        },
    )


@login_required
@require_GET
def class_print(request: AuthedRequest, pk: int) -> HttpResponse:
    """The whole class in the browser: one student per printed page break."""
    assignment = assignment_for_teacher(request.user, pk)
    copy = request.GET.get("copy", "teacher")
    if copy not in COPIES:
        copy = "teacher"
    printed = printed_essays(assignment, latest_revisions(assignment), copy=copy)
    return _print_page(
        request,
        assignment,
        printed,
        reverse("coaching:class_overview", args=[assignment.pk]),
        copy_param=copy,
    )


@login_required
@require_http_methods(["GET", "POST"])
def class_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    """Ask the worker for the class PDF (POST), and see how it is getting on (GET)."""
    assignment = assignment_for_teacher(request.user, pk)
    if request.method == "POST":
        paper = request.POST.get("paper", "a4")
        copy = request.POST.get("copy", "teacher")
        if paper not in PAPERS or copy not in COPIES:
            raise Http404
        class_pdf_request(assignment=assignment, teacher=request.user, paper=paper, copy=copy)
        messages.info(request, _("The class PDF is being made. This page shows when it is ready."))
        return redirect("coaching:class_pdf", pk=assignment.pk)
    jobs = list(
        PrintJob.objects.filter(assignment=assignment)
        .defer("pdf")
        .select_related("requested_by")
        .order_by("-created_at")[:5]
    )
    busy = any(job.status in (PrintJob.Status.QUEUED, PrintJob.Status.RUNNING) for job in jobs)
    context = {"assignment": assignment, "jobs": jobs, "busy": busy, "papers": PAPERS}
    if request.htmx:
        return render(request, "coaching/class_pdf.html#jobs", context)
    return render(request, "coaching/class_pdf.html", context)


@login_required
@require_GET
def class_pdf_download(request: AuthedRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(
        PrintJob.objects.select_related("assignment"), pk=pk, status=PrintJob.Status.DONE
    )
    if not teaches(request.user, job.assignment.classroom_id):
        raise Http404
    name = f"feedback-{job.assignment.pk}-{job.paper}-{job.copy}.pdf"
    response = HttpResponse(bytes(job.pdf or b""), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def class_overview(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    return render(
        request,
        "coaching/overview.html",
        {"assignment": assignment, "overview": insight.class_overview(assignment)},
    )


@login_required
@require_GET
def grades_csv(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="grades-{assignment.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    insight.write_grades_csv(assignment, response)
    return response


@csrf_exempt  # the signed token is the authority; mail clients' one-click POST has no cookie
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """Turn one kind of e-mail off without logging in. GET asks (mail scanners follow
    links); POST does it, also as RFC 8058's one-click request."""
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "coaching/unsubscribe.html", {"invalid": True})
    person, kind = found
    done = request.method == "POST"
    if done:
        unsubscribe(user=person, kind=kind)
    return render(
        request, "coaching/unsubscribe.html", {"person": person, "kind": kind, "done": done}
    )
