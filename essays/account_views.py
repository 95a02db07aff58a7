"""Pages for everyone signed in: their own settings, and accepting an invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coaching.privacy import export_for
from config.http import AuthedRequest
from essays.forms import AccountSettingsForm
from essays.models import Membership, User
from essays.selectors import invite_by_token
from essays.services import invite_accept as invite_accept_service
from essays.services import user_preferences_save


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: AuthedRequest) -> HttpResponse:
    """Name, time zone and e-mail preferences (unsubscribe links in e-mails lead here).
    Only ever the signed-in person's own."""
    user = request.user
    form = AccountSettingsForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user_preferences_save(
            user=user,
            display_name=data["display_name"],
            time_zone=data["time_zone"],
            email_on_feedback=data["email_on_feedback"],
            email_digest=data.get("email_digest") if user.is_teacher else None,
        )
        messages.success(request, _("Your settings are saved."))
        return redirect("essays:preferences")
    if form.errors:
        user.refresh_from_db()  # the header shows the saved name, not the rejected one
    return render(
        request,
        "essays/account_settings.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def invite_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation e-mail. Signed out: sign up or log in first (and come
    back here). Signed in as the invited address: join with one button. Anyone else, or
    a used invitation: a clear refusal that changes nothing."""
    invite = invite_by_token(token)
    user = request.user
    here = reverse("essays:invite_accept", args=[token])
    if not user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(here)
        return render(request, "essays/invite.html", {"invite": invite, "next": here})
    assert isinstance(user, User)
    error = ""
    if request.method == "POST":
        try:
            membership = invite_accept_service(token=token, user=user)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(
                request,
                _("Welcome to %(name)s.") % {"name": membership.classroom.name},
            )
            if membership.role == Membership.Role.TEACHER:
                return redirect("essays:teach_class_detail", pk=membership.classroom_id)
            return redirect("essays:assignment_list")
    elif invite.accepted_at is not None:
        error = _("This invitation has already been used. Ask your teacher for a new one.")
    elif invite.email.lower() != user.email.lower():
        error = _(
            "This invitation was sent to another e-mail address, and you are signed in as "
            "%(email)s. Sign out, then sign in (or sign up) with the address the invitation "
            "was sent to."
        ) % {"email": user.email}
    return render(
        request,
        "essays/invite.html",
        {"invite": invite, "error": error, "next": here},
        status=403 if error else 200,
    )


@login_required
@require_http_methods(["GET"])
def account_export(request: AuthedRequest) -> HttpResponse:
    """Everything held about the signed-in person, as a zip they download."""
    data = export_for(request.user)
    response = HttpResponse(data, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="essaycoach-my-data-{stamp}.zip"'
    response["Cache-Control"] = "no-store"
    return response
