"""Reads for the writing workflow, and the one place that says who may see what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Lower
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from essays.models import (
    Assignment,
    ClassInvite,
    Classroom,
    Essay,
    Extension,
    Membership,
    Revision,
    User,
)


def classrooms_for(user: User) -> QuerySet[Classroom]:
    return (
        Classroom.objects.filter(memberships__user=user)
        .annotate(
            role=Subquery(
                Membership.objects.filter(classroom=OuterRef("pk"), user=user).values("role")[:1]
            )
        )
        .prefetch_related("assignments")
    )


def teaches(user: User, classroom_id: int) -> bool:
    return Membership.objects.filter(
        classroom_id=classroom_id, user=user, role=Membership.Role.TEACHER
    ).exists()


def _assignment_for(user: User, pk: int, role: str) -> Assignment:
    assignment = (
        Assignment.objects.select_related("classroom", "rubric")
        .filter(pk=pk, classroom__memberships__user=user, classroom__memberships__role=role)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def assignment_for_student(user: User, pk: int) -> Assignment:
    """The assignment, if the user is a student in its class and may see it; 404 otherwise.

    A draft (never published, or taken down) is invisible to students, unless the student
    already has an essay for it: then the editor shows it closed, with their text kept.
    """
    assignment = _assignment_for(user, pk, Membership.Role.STUDENT)
    if (
        assignment.status == Assignment.Status.DRAFT
        and not Essay.objects.filter(assignment=assignment, student=user).exists()
    ):
        raise Http404
    return assignment


def due_for(assignment: Assignment, student: User) -> datetime | None:
    """The student's due date: their extension's if they have one, else the assignment's."""
    extension = Extension.objects.filter(assignment=assignment, student=student).first()
    return extension.due_at if extension else assignment.due_at


@dataclass(frozen=True)
class Availability:
    """Whether a student may write and submit now, and what to tell them if not."""

    key: str  # open | late | not_open | draft | archived | closed
    can_submit: bool
    message: str = ""

    @property
    def is_open(self) -> bool:
        return self.key in ("open", "late")


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


def availability(
    assignment: Assignment, *, due: datetime | None, now: datetime | None = None
) -> Availability:
    """What the assignment's status, dates and late policy allow a student right now.

    `due` is the student's own due date (see `due_for`: an extension moves it).
    """
    now = now or timezone.now()
    if assignment.status == Assignment.Status.DRAFT:
        return Availability(
            "draft",
            False,
            gettext(
                "Your teacher has taken this assignment down for now. Your text is kept; "
                "you can submit again once it is published."
            ),
        )
    if assignment.status == Assignment.Status.ARCHIVED:
        return Availability(
            "archived",
            False,
            gettext("This assignment is closed: your teacher has archived it. Your work is kept."),
        )
    if assignment.opens_at and now < assignment.opens_at:
        return Availability(
            "not_open",
            False,
            gettext("This assignment opens on %(when)s.") % {"when": _when(assignment.opens_at)},
        )
    if due and now > due:
        if assignment.late_policy == Assignment.LatePolicy.REFUSE:
            return Availability(
                "closed",
                False,
                gettext(
                    "The due date (%(when)s) has passed and your teacher does not accept late "
                    "work for this assignment. Your text is kept as a draft; ask your teacher "
                    "if you need more time."
                )
                % {"when": _when(due)},
            )
        if assignment.late_policy == Assignment.LatePolicy.MARK:
            return Availability(
                "late",
                True,
                gettext(
                    "The due date (%(when)s) has passed: you can still submit, and your "
                    "teacher will see that it came in late."
                )
                % {"when": _when(due)},
            )
    return Availability("open", True)


def assignment_for_teacher(user: User, pk: int) -> Assignment:
    """The assignment, if the user teaches its class; 404 for everyone else."""
    return _assignment_for(user, pk, Membership.Role.TEACHER)


def essays_of_assignment(assignment: Assignment) -> QuerySet[Essay]:
    """Every student's essay with its latest revision's machine and teacher marks."""
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    return (
        Essay.objects.filter(assignment=assignment)
        .select_related("student")
        .annotate(
            revision_count=Count("revisions"),
            latest_revision_id=Subquery(latest.values("pk")[:1]),
            latest_number=Subquery(latest.values("number")[:1]),
            machine_percent=Subquery(latest.values("analysis__overall_percent")[:1]),
            teacher_total=Subquery(latest.values("review__total")[:1]),
            teacher_max=Subquery(latest.values("review__max_total")[:1]),
        )
        .order_by("student__display_name", "student__email")
    )


def essay_for_user(user: User, pk: int) -> Essay:
    """The essay, for its author or a teacher of its class; 404 for everyone else."""
    essay = (
        Essay.objects.select_related("assignment__classroom", "assignment__rubric", "student")
        .filter(pk=pk)
        .first()
    )
    if essay is None or not (
        essay.student_id == user.pk or teaches(user, essay.assignment.classroom_id)
    ):
        raise Http404
    return essay


def revision_for_user(user: User, pk: int) -> Revision:
    """The revision, for its author or a teacher of its class; 404 for everyone else."""
    revision = (
        Revision.objects.select_related(
            "essay__assignment__classroom", "essay__assignment__rubric", "essay__student"
        )
        .filter(pk=pk)
        .first()
    )
    if revision is None:
        raise Http404
    essay = revision.essay
    if not (essay.student_id == user.pk or teaches(user, essay.assignment.classroom_id)):
        raise Http404
    return revision


def is_author(user: User, essay: Essay) -> bool:
    return essay.student_id == user.pk


class EssayStatus:
    NOT_STARTED = _("Not started")
    DRAFT = _("Draft")
    SUBMITTED = _("Submitted")
    FEEDBACK_READY = _("Feedback ready")


@dataclass(frozen=True)
class AssignmentRow:
    assignment: Assignment
    essay: Essay | None
    status: str
    status_key: str
    latest_revision_id: int | None
    availability: Availability
    due: datetime | None


def assignments_for_student(user: User) -> list[AssignmentRow]:
    """Every assignment of the student's classes that they may see, with their essay's
    status and whether they can submit now.

    Published assignments are listed (those not yet open say when they open); drafts never
    are; archived ones only when the student has an essay for them, to reach their work.
    Four queries whatever the number of assignments or revisions.
    """
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    essays = (
        Essay.objects.filter(student=user)
        .annotate(
            revision_count=Count("revisions"),
            latest_number=Max("revisions__number"),
            latest_revision_id=Subquery(latest.values("pk")[:1]),
            latest_status=Subquery(latest.values("analysis__status")[:1]),
        )
        .order_by()
    )
    has_essay = Essay.objects.filter(assignment=OuterRef("pk"), student=user)
    assignments = (
        Assignment.objects.filter(
            classroom__memberships__user=user,
            classroom__memberships__role=Membership.Role.STUDENT,
        )
        .annotate(has_essay=Exists(has_essay))
        .filter(
            Q(status=Assignment.Status.PUBLISHED)
            | Q(status=Assignment.Status.ARCHIVED, has_essay=True)
        )
        .select_related("classroom", "rubric")
        .prefetch_related(
            Prefetch("essays", queryset=essays, to_attr="my_essays"),
            Prefetch(
                "extensions",
                queryset=Extension.objects.filter(student=user),
                to_attr="my_extensions",
            ),
            "rubric__criteria",
        )
        .order_by("due_at", "pk")
    )
    rows = []
    now = timezone.now()
    for assignment in assignments:
        due = assignment.my_extensions[0].due_at if assignment.my_extensions else assignment.due_at
        essay = assignment.my_essays[0] if assignment.my_essays else None
        if essay is None or (not essay.draft_text.strip() and not essay.revision_count):
            key, label = "not_started", EssayStatus.NOT_STARTED
        elif not essay.revision_count:
            key, label = "draft", EssayStatus.DRAFT
        elif essay.latest_status == "done":
            key, label = "feedback_ready", EssayStatus.FEEDBACK_READY
        else:
            key, label = "submitted", EssayStatus.SUBMITTED
        rows.append(
            AssignmentRow(
                assignment=assignment,
                essay=essay,
                status=str(label),
                status_key=key,
                latest_revision_id=essay.latest_revision_id if essay else None,
                availability=availability(assignment, due=due, now=now),
                due=due,
            )
        )
    # Open work first (by due date), then not yet open, then closed.
    order = {"open": 0, "late": 0, "not_open": 1, "closed": 2, "archived": 3, "draft": 3}
    rows.sort(key=lambda row: order[row.availability.key])
    return rows


def revisions_of(essay: Essay) -> QuerySet[Revision]:
    """An essay's revisions, newest first, with their analyses and reviews (one query)."""
    return essay.revisions.select_related("analysis", "review").order_by("-number")


def scores_wait_for_release(user: User, essay: Essay) -> bool:
    """True when this viewer is the author and the assignment holds feedback until the
    teacher releases it: their lists then show a revision's score only once released."""
    return (
        essay.student_id == user.pk and essay.assignment.release == Assignment.Release.AFTER_REVIEW
    )


# --- The teacher's side ----------------------------------------------------------------


def classrooms_taught_by(user: User, *, archived: bool | None = False) -> QuerySet[Classroom]:
    """The classes this user teaches (as owner or co-teacher), with their student counts.

    archived=False: active classes only; True: archived only; None: both.
    """
    classes = Classroom.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.TEACHER
    )
    if archived is not None:
        classes = classes.filter(archived_at__isnull=not archived)
    students = (
        Membership.objects.filter(classroom=OuterRef("pk"), role=Membership.Role.STUDENT)
        .order_by()
        .values("classroom")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return classes.annotate(student_count=Coalesce(Subquery(students), 0)).order_by("name", "pk")


def classroom_for_teacher(user: User, pk: int) -> Classroom:
    """The class (archived or not), if the user teaches it; 404 for everyone else."""
    if not user.is_authenticated:
        raise Http404
    classroom = (
        Classroom.objects.select_related("created_by")
        .filter(pk=pk, memberships__user=user, memberships__role=Membership.Role.TEACHER)
        .first()
    )
    if classroom is None:
        raise Http404
    return classroom


def roster_of(classroom: Classroom) -> QuerySet[Membership]:
    """The class's students by name, each with how many essays they have submitted here."""
    submitted = (
        Essay.objects.filter(
            student=OuterRef("user_id"),
            assignment__classroom=classroom,
            revisions__isnull=False,
        )
        .order_by()
        .values("student")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return (
        Membership.objects.filter(classroom=classroom, role=Membership.Role.STUDENT)
        .select_related("user")
        .annotate(essays_submitted=Coalesce(Subquery(submitted), 0))
        .order_by(Lower("user__display_name"), "user__email")
    )


def teachers_of(classroom: Classroom) -> QuerySet[Membership]:
    """The class's teachers, the owner first."""
    return (
        Membership.objects.filter(classroom=classroom, role=Membership.Role.TEACHER)
        .select_related("user")
        .order_by("joined_at", "pk")
    )


def pending_invites(classroom: Classroom) -> QuerySet[ClassInvite]:
    return classroom.invites.filter(accepted_at__isnull=True).order_by("email")


def invite_by_token(token: str) -> ClassInvite:
    invite = (
        ClassInvite.objects.select_related("classroom", "invited_by").filter(token=token).first()
    )
    if invite is None:
        raise Http404
    return invite


@dataclass(frozen=True)
class MarkingRow:
    assignment: Assignment
    waiting: int


@dataclass(frozen=True)
class Dashboard:
    classes: list[Classroom]
    archived: list[Classroom]
    to_mark: list[MarkingRow]
    due_soon: Sequence[Assignment]


DUE_SOON_DAYS = 14


def essays_to_mark(assignments: QuerySet[Assignment]) -> QuerySet[Essay]:
    """Submitted essays whose latest revision has no released (or returned) review yet."""
    latest = Revision.objects.filter(essay=OuterRef("pk")).order_by("-number")
    return (
        Essay.objects.filter(assignment__in=assignments)
        .filter(Exists(Revision.objects.filter(essay=OuterRef("pk"))))
        .annotate(
            latest_released=Subquery(latest.values("review__released_at")[:1]),
            latest_returned=Subquery(latest.values("review__returned_at")[:1]),
        )
        .filter(latest_released__isnull=True, latest_returned__isnull=True)
    )


def teacher_dashboard(user: User) -> Dashboard:
    """Everything the teacher's home page shows, in four queries whatever the numbers."""
    classes = list(classrooms_taught_by(user, archived=None))
    active = [c for c in classes if c.archived_at is None]
    assignments = Assignment.objects.filter(classroom__in=[c.pk for c in active]).exclude(
        status=Assignment.Status.ARCHIVED
    )
    waiting: dict[int, int] = {}
    for assignment_id in essays_to_mark(assignments).values_list("assignment_id", flat=True):
        waiting[assignment_id] = waiting.get(assignment_id, 0) + 1
    now = timezone.now()
    submitted = (
        Essay.objects.filter(assignment=OuterRef("pk"), revisions__isnull=False)
        .order_by()
        .values("assignment")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    students = (
        Membership.objects.filter(classroom=OuterRef("classroom_id"), role=Membership.Role.STUDENT)
        .order_by()
        .values("classroom")
        .annotate(n=Count("pk"))
        .values("n")
    )
    relevant = (
        assignments.filter(
            Q(pk__in=list(waiting))
            | Q(due_at__range=(now - timedelta(days=1), now + timedelta(days=DUE_SOON_DAYS)))
        )
        .select_related("classroom")
        .annotate(
            submitted_count=Coalesce(Subquery(submitted), 0),
            student_count=Coalesce(Subquery(students), 0),
        )
        .order_by("due_at", "pk")
    )
    by_id = {a.pk: a for a in relevant}
    to_mark = [
        MarkingRow(assignment=by_id[pk], waiting=n) for pk, n in waiting.items() if pk in by_id
    ]
    to_mark.sort(key=lambda row: (-row.waiting, row.assignment.title.lower()))
    due_soon = [
        a
        for a in relevant
        if a.due_at is not None
        and now - timedelta(days=1) <= a.due_at <= now + timedelta(days=DUE_SOON_DAYS)
        and a.status == Assignment.Status.PUBLISHED
    ]
    return Dashboard(
        classes=active,
        archived=[c for c in classes if c.archived_at is not None],
        to_mark=to_mark,
        due_soon=due_soon,
    )


def student_of(classroom: Classroom, user_pk: int) -> Membership:
    """A student's membership of this class; 404 if they are not a student in it."""
    membership = (
        Membership.objects.select_related("user")
        .filter(classroom=classroom, user_id=user_pk, role=Membership.Role.STUDENT)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


# --- Teachers' assignments ------------------------------------------------------------


def taught_classrooms_with_assignments(user: User) -> QuerySet[Classroom]:
    """The classes the user teaches (current first), each with its assignments: 2 queries."""
    return (
        Classroom.objects.filter(memberships__user=user, memberships__role=Membership.Role.TEACHER)
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("rubric").order_by(
                    "status", "due_at", "pk"
                ),
            )
        )
        .order_by("archived_at", "name", "pk")
    )


def students_of(classroom: Classroom) -> QuerySet[User]:
    return User.objects.filter(
        memberships__classroom=classroom, memberships__role=Membership.Role.STUDENT
    ).order_by("display_name", "email")


def extensions_of(assignment: Assignment) -> QuerySet[Extension]:
    return assignment.extensions.select_related("student").order_by(
        "student__display_name", "student__email"
    )


def invite_of(classroom: Classroom, invite_pk: int) -> ClassInvite:
    """A pending invitation of this class; 404 otherwise."""
    invite = classroom.invites.filter(pk=invite_pk, accepted_at__isnull=True).first()
    if invite is None:
        raise Http404
    return invite


def coteacher_of(classroom: Classroom, user_pk: int) -> Membership:
    """A teacher's membership of this class; 404 if they do not teach it."""
    membership = (
        Membership.objects.select_related("user")
        .filter(classroom=classroom, user_id=user_pk, role=Membership.Role.TEACHER)
        .first()
    )
    if membership is None:
        raise Http404
    return membership
