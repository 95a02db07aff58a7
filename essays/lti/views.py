"""LMS pages: OIDC login initiation, the launch, deep linking, the roster sync, the grade
resend button, and the tool configuration page for administrators.

The protocol itself (state, nonce, signatures, keys) is PyLTI1p3's, through django-lti.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from lti_tool.models import Key, LtiLaunch, LtiRegistration
from lti_tool.utils import DjangoToolConfig, get_launch_from_request, sync_data_from_launch
from pylti1p3.contrib.django import DjangoCacheDataStorage, DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.lineitem import LineItem

from coaching.review import rubric_range
from coaching.rubric_selectors import rubrics_usable_by
from config.http import AuthedRequest
from essays.lti import grades
from essays.lti.models import LtiClass, frame_origins
from essays.lti.services import (
    ReplayedLaunch,
    classroom_for,
    is_teaching,
    launch_sign_in,
    membership_ensure,
    nonce_use,
    user_for,
)
from essays.models import Assignment
from essays.selectors import assignment_for_teacher, classroom_for_teacher
from essays.services import assignment_create

logger = logging.getLogger(__name__)

DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
SESSION_KEY = "lti"  # {"origins": [...], "home": url, "launch_id": id}
CHECK_COOKIE = "essaycoach-lti-check"
CHECK_PARAM = "lti_cookie_check"
NEW_WINDOW_PARAM = "lti1p3_new_window"  # PyLTI1p3's name for "opened in its own tab"
OIDC_PARAMS = (
    "iss",
    "login_hint",
    "target_link_uri",
    "lti_message_hint",
    "lti_deployment_id",
    "client_id",
)


def _problem(
    request: HttpRequest, *, title: str, text: str, admin_text: str = "", status: int = 400
) -> HttpResponse:
    response = render(
        request,
        "lti/problem.html",
        {"title": title, "text": text, "admin_text": admin_text},
        status=status,
    )
    # Shown inside the LMS's frame: say what went wrong there, not as a browser error.
    response.xframe_options_exempt = True
    response.lti_frame = True  # type: ignore[attr-defined]
    return response


def _unregistered(request: HttpRequest, params: dict[str, str]) -> HttpResponse:
    return _problem(
        request,
        title=_("This LMS is not registered with EssayCoach"),
        text=_("Please tell your school's EssayCoach administrator."),
        admin_text=_(
            "Register the platform (issuer %(iss)s, client ID %(client)s) in the admin under "
            "LTI registrations, or with “manage.py lti_register”; the tool's URLs are on "
            "%(config)s."
        )
        % {
            "iss": params.get("iss") or "?",
            "client": params.get("client_id") or "?",
            "config": request.build_absolute_uri(reverse("lti:config")),
        },
    )


def _oidc_params(request: HttpRequest) -> dict[str, str]:
    source = request.POST if request.method == "POST" else request.GET
    return {name: source[name] for name in (*OIDC_PARAMS, NEW_WINDOW_PARAM) if source.get(name)}


@csrf_exempt
@xframe_options_exempt
@require_http_methods(["GET", "POST"])
def login_init(request: HttpRequest) -> HttpResponse:
    """Third-party initiated login: check that this browser keeps our (partitioned)
    cookies in the LMS's frame, then send it to the platform's auth URL."""
    params = _oidc_params(request)
    target = params.get("target_link_uri", "")
    if not target or urlsplit(target).netloc != request.get_host():
        return HttpResponseBadRequest(_("target_link_uri must be this tool's launch URL."))
    new_window = bool(params.get(NEW_WINDOW_PARAM))
    checked = (request.POST if request.method == "POST" else request.GET).get(CHECK_PARAM)
    if not new_window and not checked:
        # A round trip proves the browser stored a cookie set from inside the frame.
        response = redirect(f"{reverse('lti:login')}?{urlencode({**params, CHECK_PARAM: 1})}")
        response.set_cookie(
            CHECK_COOKIE,
            "1",
            max_age=300,
            secure=request.is_secure(),
            httponly=True,
            samesite="None" if request.is_secure() else "Lax",
        )
        return response
    if not new_window and request.COOKIES.get(CHECK_COOKIE) != "1":
        return _new_tab_page(request, params)
    tool_conf = DjangoToolConfig()
    oidc_login = DjangoOIDCLogin(request, tool_conf, launch_data_storage=DjangoCacheDataStorage())
    try:
        response = oidc_login.redirect(target)
    except OIDCException:
        return _unregistered(request, params)
    response.delete_cookie(CHECK_COOKIE, samesite="None" if request.is_secure() else "Lax")
    return response


def _new_tab_page(request: HttpRequest, params: dict[str, str]) -> HttpResponse:
    """The browser refused our cookies inside the frame: the same launch in its own tab
    (where they are first-party) works, and the LMS stays open in this one."""
    url = f"{reverse('lti:login')}?{urlencode({**params, NEW_WINDOW_PARAM: 1})}"
    response = render(request, "lti/new_tab.html", {"url": url})
    response.xframe_options_exempt = True
    response.lti_frame = True  # type: ignore[attr-defined]
    return response


def _launch_problem(request: HttpRequest, exc: Exception) -> HttpResponse:
    text = str(exc)
    if "Registration not found" in text or "Client id not registered" in text:
        return _unregistered(request, {})
    return _problem(
        request,
        title=_("This launch could not be verified"),
        text=_(
            "Go back to your course and open EssayCoach again. If it keeps happening, "
            "tell your school's EssayCoach administrator."
        ),
        admin_text=_("The LMS's id_token was refused: %(reason)s") % {"reason": text[:200]},
        status=403,
    )


def _validated_launch(request: HttpRequest) -> LtiLaunch:
    """django-lti's validation, with the platform's public keys kept in the cache for
    LTI_PLATFORM_KEYS_CACHE_SECONDS (fetching them is a round trip to the LMS on every
    launch otherwise); a token signed with a key not in the cached set refetches once."""
    for attempt in (1, 2):
        message_launch = DjangoMessageLaunch(
            request, DjangoToolConfig(), launch_data_storage=DjangoCacheDataStorage()
        )
        if settings.LTI_PLATFORM_KEYS_CACHE_SECONDS:
            message_launch.set_public_key_caching(
                DjangoCacheDataStorage(), cache_lifetime=settings.LTI_PLATFORM_KEYS_CACHE_SECONDS
            )
        try:
            message_launch.validate()
        except LtiException as exc:
            # only set once validation reached the registration (no state: never)
            registration = getattr(message_launch, "_registration", None)
            if attempt == 2 or "public key" not in str(exc) or registration is None:
                raise
            key_set_url = registration.get_key_set_url() or ""
            digest = hashlib.md5(key_set_url.encode(), usedforsecurity=False).hexdigest()
            cache.delete(f"lti1p3-key-set-url-{digest}")  # PyLTI1p3's key for the set
            continue
        break
    return LtiLaunch(message_launch)


@csrf_exempt
@require_POST
def launch(request: HttpRequest) -> HttpResponse:
    """The LMS posts a signed id_token here (resource link or deep linking request)."""
    try:
        lti_launch = _validated_launch(request)
        nonce_use(nonce=str(lti_launch.get_claim("nonce")))
    except (LtiException, ReplayedLaunch) as exc:
        logger.warning("LTI launch refused: %s", exc)
        return _launch_problem(request, exc)
    deployment = lti_launch.deployment
    if not deployment.is_active:
        registration = deployment.registration
        return _problem(
            request,
            title=_("EssayCoach is not switched on for this LMS deployment yet"),
            text=_("Please tell your school's EssayCoach administrator."),
            admin_text=_(
                "Deployment %(deployment)s of %(platform)s is known but not active: in the "
                "admin, open LTI registrations → %(platform)s and tick “is active” beside it "
                "(%(url)s)."
            )
            % {
                "deployment": deployment.deployment_id,
                "platform": registration.name,
                "url": request.build_absolute_uri(
                    reverse("admin:lti_tool_ltiregistration_change", args=[registration.pk])
                ),
            },
            status=403,
        )
    sync_data_from_launch(lti_launch)
    if lti_launch.is_deep_link_launch:
        return _deep_link_start(request, lti_launch)
    if not lti_launch.is_resource_launch:
        return _problem(
            request,
            title=_("EssayCoach cannot open this kind of link"),
            text=_("Only links to an assignment are supported."),
        )
    result = launch_sign_in(lti_launch=lti_launch)
    if result.assignment is None:
        if result.teaching:
            home = reverse("essays:teach_class_detail", args=[result.classroom.pk])
            label = _("Your class")
        else:
            home, label = reverse("essays:assignment_list"), _("Your assignments")
    elif result.teaching:
        home = reverse("coaching:submissions", args=[result.assignment.pk])
        label = _("Submissions")
    else:
        home, label = reverse("essays:essay_edit", args=[result.assignment.pk]), _("Your essay")
    _sign_in(request, result.user, lti_launch, home, label)
    return redirect(home)


def _sign_in(request: HttpRequest, user: Any, lti_launch: LtiLaunch, home: str, label: str) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_KEY] = {
        "origins": frame_origins(lti_launch.registration),
        "home": home,
        "label": label,
        "launch_id": lti_launch.get_launch_id(),
    }


# --- Deep linking -----------------------------------------------------------------------


def _deep_link_start(request: HttpRequest, lti_launch: LtiLaunch) -> HttpResponse:
    if not is_teaching(list(lti_launch.roles_claim or [])):
        return _problem(
            request,
            title=_("Only teachers add EssayCoach assignments"),
            text=_("Ask your teacher to add the assignment to the course."),
            status=403,
        )
    user = user_for(lti_user=lti_launch.user, teaching=True)
    classroom = classroom_for(context=lti_launch.context, creator=user)
    membership_ensure(classroom=classroom, user=user, teaching=True)
    home = reverse("lti:deep_link")
    _sign_in(request, user, lti_launch, home, _("Add an assignment"))
    return redirect(home)


def _deep_link_launch(request: HttpRequest) -> LtiLaunch | None:
    launch_id = (request.session.get(SESSION_KEY) or {}).get("launch_id")
    if not launch_id:
        return None
    try:
        lti_launch = get_launch_from_request(request, launch_id)
    except LtiException:
        return None
    return lti_launch if lti_launch.is_deep_link_launch else None


@login_required
@require_http_methods(["GET", "POST"])
def deep_link(request: AuthedRequest) -> HttpResponse:
    """From the LMS's "add external tool" dialog: pick one of the course's assignments or
    create one; the LMS gets a link to it with a gradebook column."""
    lti_launch = _deep_link_launch(request)
    if lti_launch is None:
        return _problem(
            request,
            title=_("Start again from your course"),
            text=_("This page only works from the LMS's “add external tool” dialog."),
        )
    classroom = LtiClass.objects.select_related("classroom").get(context=lti_launch.context)
    classroom_obj = classroom_for_teacher(request.user, classroom.classroom_id)
    error = ""
    if request.method == "POST":
        assignment: Assignment | None = None
        if request.POST.get("assignment"):
            assignment = get_object_or_404(
                Assignment, pk=request.POST["assignment"], classroom=classroom_obj
            )
        else:
            title = request.POST.get("title", "").strip()
            prompt = request.POST.get("prompt", "").strip()
            rubric = (
                rubrics_usable_by(request.user).filter(pk=request.POST.get("rubric") or 0).first()
            )
            if not title or not prompt or rubric is None:
                error = _("Give the new assignment a title, a prompt and a rubric.")
            else:
                try:
                    assignment = assignment_create(
                        classroom=classroom_obj,
                        teacher=request.user,
                        values={"title": title[:200], "prompt": prompt, "rubric": rubric},
                        publish=True,
                    )
                except ValidationError as exc:
                    error = " ".join(exc.messages)
        if assignment is not None:
            return _deep_link_response(request, lti_launch, assignment)
    context = {
        "classroom": classroom_obj,
        "assignments": classroom_obj.assignments.exclude(status=Assignment.Status.ARCHIVED),
        "rubrics": rubrics_usable_by(request.user),
        "error": error,
    }
    return render(request, "lti/deep_link.html", context, status=400 if error else 200)


def _deep_link_response(
    request: HttpRequest, lti_launch: LtiLaunch, assignment: Assignment
) -> HttpResponse:
    _low, maximum = rubric_range(assignment)
    lineitem = (
        LineItem()
        .set_score_maximum(maximum)
        .set_label(assignment.title)
        .set_resource_id(f"essaycoach-assignment-{assignment.pk}")
        .set_tag("essaycoach")
    )
    resource = (
        DeepLinkResource()
        .set_url(request.build_absolute_uri(reverse("lti:launch")))
        .set_title(assignment.title)
        .set_custom_params({"essaycoach_assignment": str(assignment.pk)})
        .set_lineitem(lineitem)
    )
    message_launch = lti_launch.get_message_launch()
    deep_link_obj = message_launch.get_deep_link()
    jwt_value = deep_link_obj.get_response_jwt([resource])
    settings_claim = lti_launch.get_claim(DEEP_LINKING_SETTINGS) or {}
    return_url = str(settings_claim.get("deep_link_return_url", ""))
    response = render(
        request,
        "lti/deep_link_return.html",
        {"return_url": return_url, "jwt": jwt_value, "assignment": assignment},
    )
    # The form goes back to the LMS: allow that one origin as a form target here.
    response._csp_update = {"form-action": [_origin(return_url)]}  # type: ignore[attr-defined]
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# --- Roster and grades (teachers) -------------------------------------------------------


@login_required
@require_POST
def roster_sync(request: AuthedRequest, pk: int) -> HttpResponse:
    """Queue the roster sync: the worker asks the LMS (which may in turn fetch our JWKS,
    so the web process must not wait on it)."""
    classroom = classroom_for_teacher(request.user, pk)
    lti_class = get_object_or_404(LtiClass, classroom=classroom)
    grades.roster_queue(lti_class=lti_class)
    messages.success(
        request, _("Asking the LMS for the roster: the class list updates in a moment.")
    )
    return redirect(reverse("essays:teach_class_detail", args=[pk]))


@login_required
@require_POST
def grades_resend(request: AuthedRequest, pk: int) -> HttpResponse:
    assignment = assignment_for_teacher(request.user, pk)
    count = grades.resend_failed(assignment=assignment)
    messages.success(
        request, _("%(count)d score(s) queued to be sent to the LMS again.") % {"count": count}
    )
    return redirect(reverse("coaching:submissions", args=[pk]))


# --- For administrators -----------------------------------------------------------------


def jwks(request: HttpRequest) -> HttpResponse:
    return JsonResponse(Key.objects.as_jwks())


def tool_urls(request: HttpRequest) -> dict[str, str]:
    return {
        "login": request.build_absolute_uri(reverse("lti:login")),
        "launch": request.build_absolute_uri(reverse("lti:launch")),
        "jwks": request.build_absolute_uri(reverse("lti:jwks")),
        "deep_link": request.build_absolute_uri(reverse("lti:launch")),
    }


def tool_json(urls: dict[str, str]) -> dict[str, Any]:
    """The tool's configuration as a platform imports it (Canvas's developer key JSON;
    Moodle and Brightspace take the same URLs field by field)."""
    domain = urlsplit(urls["launch"]).netloc
    return {
        "title": "EssayCoach",
        "description": "Rubric-aligned feedback on students' essays.",
        "oidc_initiation_url": urls["login"],
        "target_link_uri": urls["launch"],
        "public_jwk_url": urls["jwks"],
        "scopes": [
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
        ],
        "extensions": [
            {
                "domain": domain,
                "platform": "canvas.instructure.com",
                "privacy_level": "public",
                "settings": {
                    "placements": [
                        {
                            "placement": "assignment_selection",
                            "message_type": "LtiDeepLinkingRequest",
                            "target_link_uri": urls["launch"],
                        },
                        {
                            "placement": "link_selection",
                            "message_type": "LtiDeepLinkingRequest",
                            "target_link_uri": urls["launch"],
                        },
                    ]
                },
            }
        ],
        "custom_fields": {},
    }


@staff_member_required
def config_page(request: HttpRequest) -> HttpResponse:
    urls = tool_urls(request)
    context = {
        "urls": urls,
        "redirect_uris": [urls["launch"]],
        "tool_json": json.dumps(tool_json(urls), indent=2),
        "registrations": LtiRegistration.objects.prefetch_related("deployments").order_by("name"),
        "has_key": Key.objects.active().exists(),
        "secure": request.is_secure() or settings.DEBUG,
    }
    return render(request, "lti/config.html", context)
