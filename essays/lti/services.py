"""Writes for LMS launches: who the person is, which class and assignment, which role.

A person is matched only by the platform's subject (`sub`, through django-lti's
`LtiUser`), never by name or e-mail: two LMSs (or an LMS and a sign-up) may well use
the same address for different people.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from lti_tool.lti_core.constants import ContextRole
from lti_tool.lti_core.utils import normalize_role
from lti_tool.models import LtiContext, LtiLaunch, LtiMembership, LtiResourceLink, LtiUser

from essays.lti.models import LtiClass, LtiLink, UsedNonce
from essays.models import Assignment, Classroom, Membership, User

TEACHING_ROLES = {
    ContextRole.INSTRUCTOR,
    ContextRole.ADMINISTRATOR,
    ContextRole.CONTENT_DEVELOPER,
}
# LTI's own "this launch asked for no account" e-mail domain: .invalid never resolves.
LTI_EMAIL_DOMAIN = "lti.invalid"
NONCE_KEEP = timedelta(days=1)  # far longer than any id_token lives


class ReplayedLaunch(Exception):
    """The id_token was already used once."""


@dataclass(frozen=True)
class Launch:
    user: User
    classroom: Classroom
    teaching: bool
    assignment: Assignment | None


def is_teaching(roles: list[str]) -> bool:
    return any(normalize_role(role) in TEACHING_ROLES for role in roles)


def nonce_use(*, nonce: str) -> None:
    """Remember an accepted id_token's nonce; a second use raises ReplayedLaunch."""
    try:
        with transaction.atomic():
            UsedNonce.objects.create(nonce=nonce)
    except IntegrityError as exc:
        raise ReplayedLaunch(nonce) from exc
    UsedNonce.objects.filter(seen_at__lt=timezone.now() - NONCE_KEEP).delete()


def _display_name(lti_user: LtiUser) -> str:
    name = lti_user.name or " ".join(p for p in (lti_user.given_name, lti_user.family_name) if p)
    return name.strip()[:150]


def user_for(*, lti_user: LtiUser, teaching: bool) -> User:
    """The EssayCoach account of an LMS subject: made on first sight, with an address of
    its own (no password; the LMS signs them in), never someone else's by their e-mail."""
    if lti_user.auth_user_id is not None:
        user = lti_user.auth_user
        assert user is not None
        changed = []
        if teaching and not user.is_teacher:
            user.role = User.Role.TEACHER
            changed.append("role")
        name = _display_name(lti_user)
        if name and name != user.display_name:
            user.display_name = name
            changed.append("display_name")
        if changed:
            user.save(update_fields=changed)
        return user
    with transaction.atomic():
        locked = LtiUser.objects.select_for_update().get(pk=lti_user.pk)
        if locked.auth_user_id is not None:
            return user_for(lti_user=locked, teaching=teaching)
        user = User.objects.create_user(
            email=f"lti-{secrets.token_hex(12)}@{LTI_EMAIL_DOMAIN}",
            display_name=_display_name(lti_user),
            role=User.Role.TEACHER if teaching else User.Role.STUDENT,
            # the LMS tells them about grades; our e-mails would go nowhere
            email_on_feedback=False,
            email_digest=False,
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        locked.auth_user = user
        locked.save(update_fields=["auth_user"])
    lti_user.auth_user = user
    return user


def classroom_for(*, context: LtiContext, creator: User | None) -> Classroom:
    """The class for an LMS course, made the first time anyone launches from it."""
    existing = LtiClass.objects.select_related("classroom").filter(context=context).first()
    if existing is not None:
        return existing.classroom
    with transaction.atomic():
        name = (context.title or context.label or context.id_on_platform or "LMS course")[:200]
        classroom = Classroom.objects.create(name=name, created_by=creator)
        try:
            with transaction.atomic():
                LtiClass.objects.create(context=context, classroom=classroom)
        except IntegrityError:  # a classmate's first launch won the race
            classroom.delete()
            return LtiClass.objects.get(context=context).classroom
    return classroom


def membership_ensure(*, classroom: Classroom, user: User, teaching: bool) -> Membership:
    role = Membership.Role.TEACHER if teaching else Membership.Role.STUDENT
    membership, created = Membership.objects.get_or_create(
        classroom=classroom, user=user, defaults={"role": role}
    )
    if not created and teaching and membership.role != Membership.Role.TEACHER:
        membership.role = Membership.Role.TEACHER
        membership.save(update_fields=["role"])
    return membership


def _custom_assignment(lti_launch: LtiLaunch, classroom: Classroom) -> Assignment | None:
    raw = lti_launch.get_custom_claim("essaycoach_assignment")
    if not raw or not str(raw).isdigit():
        return None
    # The claim is signed by the platform, yet it must still name one of this course's
    # assignments: a link copied into another course opens nothing of the first.
    return Assignment.objects.filter(pk=int(raw), classroom=classroom).first()


def link_for(
    *, lti_launch: LtiLaunch, resource_link: LtiResourceLink, classroom: Classroom
) -> LtiLink | None:
    """The assignment a resource link opens (set by deep linking, as a custom claim the
    first time), with the gradebook column the platform gave it."""
    link = LtiLink.objects.select_related("assignment").filter(resource_link=resource_link).first()
    ags = lti_launch.ags_claim or {}
    lineitem = str(ags.get("lineitem") or "")
    if link is None:
        assignment = _custom_assignment(lti_launch, classroom)
        if assignment is None:
            return None
        link, _created = LtiLink.objects.get_or_create(
            resource_link=resource_link,
            defaults={"assignment": assignment, "lineitem_url": lineitem},
        )
    if lineitem and link.lineitem_url != lineitem:
        link.lineitem_url = lineitem
        link.save(update_fields=["lineitem_url"])
    return link


def launch_sign_in(*, lti_launch: LtiLaunch) -> Launch:
    """Everything a resource-link launch sets up, once django-lti has validated it and
    synced its own records (user, context, membership, resource link)."""
    roles = list(lti_launch.roles_claim or [])
    teaching = is_teaching(roles)
    lti_user = lti_launch.user
    with transaction.atomic():
        user = user_for(lti_user=lti_user, teaching=teaching)
        classroom = classroom_for(context=lti_launch.context, creator=user if teaching else None)
        membership_ensure(classroom=classroom, user=user, teaching=teaching)
        link = link_for(
            lti_launch=lti_launch, resource_link=lti_launch.resource_link, classroom=classroom
        )
    return Launch(
        user=user,
        classroom=classroom,
        teaching=teaching,
        assignment=link.assignment if link else None,
    )


# --- Roster (NRPS) ----------------------------------------------------------------------


@dataclass(frozen=True)
class RosterResult:
    added: int
    already: int
    inactive: int


def roster_apply(*, lti_class: LtiClass, members: list[dict[str, Any]]) -> RosterResult:
    """Put the LMS's active members in the class (students and teachers by their LMS
    role); matched by subject like a launch. Inactive members are left as they are."""
    context = lti_class.context
    context.update_memberships(members)
    added = already = inactive = 0
    memberships = LtiMembership.objects.filter(context=context).select_related("user")
    subjects = {str(m.get("user_id")) for m in members}
    for lti_membership in memberships:
        if lti_membership.user.sub not in subjects:
            continue
        if not lti_membership.is_active:
            inactive += 1
            continue
        teaching = (
            lti_membership.is_instructor
            or lti_membership.is_administrator
            or lti_membership.is_content_developer
        )
        user = user_for(lti_user=lti_membership.user, teaching=teaching)
        exists = Membership.objects.filter(classroom=lti_class.classroom, user=user).exists()
        membership_ensure(classroom=lti_class.classroom, user=user, teaching=teaching)
        if exists:
            already += 1
        else:
            added += 1
    LtiClass.objects.filter(pk=lti_class.pk).update(
        roster_synced_at=timezone.now(), roster_error=""
    )
    return RosterResult(added=added, already=already, inactive=inactive)
