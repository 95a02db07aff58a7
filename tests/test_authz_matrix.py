"""The authorization matrix: every URL in the URLconf x GET and POST x eight personas x
plain and HX-Request, each answer compared with the one written down here.

The URLs are read from `get_resolver()`, not listed by hand: a URL without a row in
EXPECTED fails the test with its name, so a new view cannot ship untried. To add one,
give it a row: who may use it (one of the rules below), how its path is filled from the
objects in `World`, and what the people it admits get for GET and POST.

What refusals look like in this project: a visitor who is not signed in is sent to log
in (302); someone signed in who may not see a thing gets a 404, as if it did not exist;
a method a view does not answer is a 405. An empty POST is enough to show a refusal:
whoever may not use a URL must never get a 200 or a redirect that did something, and
nobody ever gets a 500. Each request runs in a savepoint that is rolled back, so one
persona's successful POST (a deleted comment, an archived class) leaves the objects in
place for the next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from coaching.mail import unsubscribe_token
from coaching.models import CommentBankEntry, PrintJob, Rubric, TeacherComment
from essays.models import ClassInvite, Extension, Revision, User
from tests.conftest import School, client_for
from tests.factories import UNIFORM_ESSAY

PERSONAS = (
    "anonymous",
    "student",  # the essay's author
    "classmate",  # a student of the same class
    "outsider",  # a student of another class
    "teacher",  # the class's teacher (made it, owns the rubric)
    "co_teacher",  # a second teacher of the class
    "other_teacher",  # the teacher of another class
    "admin",  # a superuser with no class at all
)
SIGNED_IN = frozenset(PERSONAS) - {"anonymous"}
TEACHER_ACCOUNTS = frozenset({"teacher", "co_teacher", "other_teacher"})

# URLs with tests of their own, or not ours to answer for.
SKIPPED_PREFIXES = ("admin/", "accounts/")
SKIPPED_NAMES = {"healthz", "readyz", "metrics"}


# --- who may use a URL ------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """The personas a URL admits; the rest get `refused`, a visitor gets `anonymous`
    (302: sent to the page named `login`)."""

    name: str
    admits: frozenset[str]
    anonymous: int = 302
    refused: int = 404
    login: str = "account_login"

    def __repr__(self) -> str:
        return self.name


PUBLIC = Rule("PUBLIC", frozenset(PERSONAS))
LOGGED_IN = Rule("LOGGED_IN", SIGNED_IN)
OWNER_STUDENT = Rule("OWNER_STUDENT", frozenset({"student"}))
CLASS_STUDENT = Rule("CLASS_STUDENT", frozenset({"student", "classmate"}))
CLASS_TEACHER = Rule("CLASS_TEACHER", frozenset({"teacher", "co_teacher"}))
OWNER_AND_CLASS_TEACHER = Rule(
    "OWNER_AND_CLASS_TEACHER", frozenset({"student", "teacher", "co_teacher"})
)
RUBRIC_OWNER = Rule("RUBRIC_OWNER", frozenset({"teacher"}))
BANK_OWNER = Rule("BANK_OWNER", frozenset({"teacher"}))
ANY_TEACHER = Rule("ANY_TEACHER", TEACHER_ACCOUNTS)
# The feedback stream answers a visitor 403: EventSource cannot follow a login redirect.
STREAM_READER = Rule("STREAM_READER", OWNER_AND_CLASS_TEACHER.admits, anonymous=403)
# Django admin's own check: everyone else is sent to the admin's login page.
SITE_ADMIN = Rule("SITE_ADMIN", frozenset({"admin"}), refused=302, login="admin:login")


# --- the objects paths are filled from --------------------------------------------------


@dataclass
class World:
    school: School
    revision: Revision
    rubric: Rubric
    print_job: PrintJob
    comment: TeacherComment
    bank_entry: CommentBankEntry
    extension: Extension
    invite: ClassInvite
    unsubscribe: str
    export_format: str = "json"


def _world(school: School, analysed: Callable[..., Revision]) -> World:
    teacher = school.teacher
    assignment = school.assignment
    rubric = assignment.rubric
    assert rubric is not None
    rubric.owner = teacher
    rubric.save(update_fields=["owner"])
    revision = analysed(UNIFORM_ESSAY)
    return World(
        school=school,
        revision=revision,
        rubric=rubric,
        print_job=PrintJob.objects.create(
            assignment=assignment,
            requested_by=teacher,
            status=PrintJob.Status.DONE,
            pdf=b"%PDF-1.4 matrix",
            pages=1,
        ),
        comment=TeacherComment.objects.create(
            revision=revision, teacher=teacher, text="Good opening.", paragraph=1
        ),
        bank_entry=CommentBankEntry.objects.create(owner=teacher, text="Quote a source here."),
        extension=Extension.objects.create(
            assignment=assignment,
            student=school.student,
            due_at=timezone.now() + timedelta(days=7),
            granted_by=teacher,
        ),
        invite=ClassInvite.objects.create(
            classroom=school.classroom, email="newcomer@school.test", invited_by=teacher
        ),
        unsubscribe=unsubscribe_token(school.student, "feedback"),
    )


# --- the table --------------------------------------------------------------------------

Answer = int | tuple[int, int]  # one code, or (plain, with HX-Request)


def _none(w: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Row:
    rule: Rule
    get: Answer  # what the personas the rule admits get
    post: Answer
    args: Callable[[World], dict[str, Any]] = _none
    # Who reaches the view's method check (405) at all: login_required is the outer
    # decorator everywhere, and the teacher's class pages refuse (404) any account that
    # is not a teacher's before looking at the method.
    gate: frozenset[str] = SIGNED_IN
    # (persona, method) -> answer, where one persona is the exception to the rule
    special: dict[tuple[str, str], Answer] = field(default_factory=dict)


def _w(attr: str, *more: str) -> Callable[[World], dict[str, Any]]:
    """Path arguments from the world: _w("revision.pk", "comment_pk=comment.pk")."""

    def args(w: World) -> dict[str, Any]:
        out = {}
        for spec in (attr, *more):
            key, _, path = spec.rpartition("=")
            obj: Any = w
            for part in path.split("."):
                obj = getattr(obj, part)
            out[key or "pk"] = obj
        return out

    return args


A = _w("school.assignment.pk")
C = _w("school.classroom.pk")
R = _w("revision.pk")
RUB = _w("rubric.pk")

EXPECTED: dict[str, Row] = {
    # --- essays: everyone -------------------------------------------------------------
    # the landing page for visitors; people signed in are sent to their home
    "essays:home": Row(PUBLIC, get=302, post=405, special={("anonymous", "GET"): 200}),
    "essays:classroom_list": Row(LOGGED_IN, get=200, post=400),
    # (`Form(request.POST or None)`: an empty POST is no form at all, the blank form again)
    "essays:preferences": Row(LOGGED_IN, get=200, post=200),
    "essays:account_export": Row(LOGGED_IN, get=200, post=405),
    # the invitation is for an address nobody here has: a visitor is asked to sign in,
    # everyone signed in is told it is not theirs, and nobody joins
    "essays:invite_accept": Row(
        PUBLIC,
        get=403,
        post=403,
        args=_w("token=invite.token"),
        special={("anonymous", "GET"): 200, ("anonymous", "POST"): 302},
    ),
    # --- essays: the student's writing -----------------------------------------------
    "essays:assignment_list": Row(LOGGED_IN, get=200, post=405),
    # (any student of the class works on their own essay of the assignment)
    "essays:essay_edit": Row(CLASS_STUDENT, get=200, post=405, args=A),
    "essays:draft_autosave": Row(CLASS_STUDENT, get=405, post=(302, 200), args=A),
    "essays:draft_upload": Row(CLASS_STUDENT, get=405, post=302, args=A),
    # an empty POST submits the saved draft: the author has one, the classmate none
    "essays:essay_submit": Row(
        CLASS_STUDENT, get=405, post=302, args=A, special={("classmate", "POST"): 422}
    ),
    # --- essays: the teacher's classes -----------------------------------------------
    # (teacher_required: an account that is not a teacher's gets 404 before the method check)
    "essays:teach_dashboard": Row(ANY_TEACHER, get=200, post=405, gate=TEACHER_ACCOUNTS),
    "essays:teach_class_create": Row(ANY_TEACHER, get=200, post=200, gate=TEACHER_ACCOUNTS),
    "essays:teach_class_detail": Row(
        CLASS_TEACHER, get=200, post=405, args=C, gate=TEACHER_ACCOUNTS
    ),
    "essays:teach_class_edit": Row(CLASS_TEACHER, get=200, post=200, args=C, gate=TEACHER_ACCOUNTS),
    "essays:teach_class_archive": Row(
        CLASS_TEACHER, get=405, post=302, args=C, gate=TEACHER_ACCOUNTS
    ),
    "essays:teach_class_rotate_code": Row(
        CLASS_TEACHER, get=405, post=(302, 200), args=C, gate=TEACHER_ACCOUNTS
    ),
    "essays:teach_student_remove": Row(
        CLASS_TEACHER,
        get=200,
        post=302,
        args=_w("school.classroom.pk", "user_pk=school.student.pk"),
        gate=TEACHER_ACCOUNTS,
    ),
    "essays:teach_coteacher_add": Row(
        CLASS_TEACHER, get=405, post=400, args=C, gate=TEACHER_ACCOUNTS
    ),
    "essays:teach_coteacher_remove": Row(
        CLASS_TEACHER,
        get=405,
        post=302,
        args=_w("school.classroom.pk", "user_pk=school.co_teacher.pk"),
        gate=TEACHER_ACCOUNTS,
    ),
    "essays:teach_invite_create": Row(
        CLASS_TEACHER, get=405, post=400, args=C, gate=TEACHER_ACCOUNTS
    ),
    "essays:teach_invite_cancel": Row(
        CLASS_TEACHER,
        get=405,
        post=302,
        args=_w("school.classroom.pk", "invite_pk=invite.pk"),
        gate=TEACHER_ACCOUNTS,
    ),
    # --- essays: the teacher's assignments -------------------------------------------
    "essays:teach_assignment_list": Row(ANY_TEACHER, get=200, post=405),
    "essays:teach_assignment_create": Row(
        CLASS_TEACHER, get=200, post=400, args=_w("class_pk=school.classroom.pk")
    ),
    "essays:teach_assignment_edit": Row(CLASS_TEACHER, get=200, post=400, args=A),
    "essays:teach_assignment_status": Row(CLASS_TEACHER, get=405, post=400, args=A),
    "essays:teach_assignment_duplicate": Row(CLASS_TEACHER, get=405, post=(302, 200), args=A),
    "essays:teach_extension_add": Row(CLASS_TEACHER, get=405, post=(400, 200), args=A),
    "essays:teach_extension_delete": Row(
        CLASS_TEACHER,
        get=405,
        post=(302, 200),
        args=_w("school.assignment.pk", "extension_pk=extension.pk"),
    ),
    # --- coaching: feedback ----------------------------------------------------------
    "coaching:revision_feedback": Row(OWNER_AND_CLASS_TEACHER, get=200, post=405, args=R),
    # (no login_required: the method is checked first, for visitors too)
    "coaching:revision_stream": Row(
        STREAM_READER, get=200, post=405, args=R, gate=frozenset(PERSONAS)
    ),
    # only the author asks for a new analysis (the analysis is done: back to the page)
    "coaching:analysis_retry": Row(OWNER_STUDENT, get=405, post=302, args=R),
    "coaching:essay_compare": Row(
        OWNER_AND_CLASS_TEACHER, get=200, post=405, args=_w("revision.essay.pk")
    ),
    "coaching:revision_print": Row(OWNER_AND_CLASS_TEACHER, get=200, post=405, args=R),
    # the signed token is the authority (mail clients' one-click POST has no cookie)
    "coaching:unsubscribe": Row(PUBLIC, get=200, post=200, args=_w("token=unsubscribe")),
    # --- coaching: the teacher's marking ---------------------------------------------
    "coaching:assignment_marking": Row(CLASS_TEACHER, get=200, post=405, args=A),
    "coaching:submissions": Row(CLASS_TEACHER, get=200, post=405, args=A),
    "coaching:assignment_release": Row(CLASS_TEACHER, get=405, post=(302, 200), args=A),
    "coaching:class_overview": Row(CLASS_TEACHER, get=200, post=405, args=A),
    "coaching:grades_csv": Row(CLASS_TEACHER, get=200, post=405, args=A),
    "coaching:class_print": Row(CLASS_TEACHER, get=200, post=405, args=A),
    "coaching:class_pdf": Row(CLASS_TEACHER, get=200, post=302, args=A),
    "coaching:class_pdf_download": Row(CLASS_TEACHER, get=200, post=405, args=_w("print_job.pk")),
    "coaching:review_page": Row(CLASS_TEACHER, get=200, post=405, args=R),
    # (an empty form is answered with its message: a redirect back, or the fragment)
    "coaching:review_marks": Row(CLASS_TEACHER, get=405, post=(302, 200), args=R),
    # a decision about a note the analysis does not have: 404 to the teachers too
    "coaching:note_decision": Row(CLASS_TEACHER, get=405, post=404, args=R),
    "coaching:comment_add": Row(CLASS_TEACHER, get=405, post=(302, 200), args=R),
    "coaching:comment_delete": Row(
        CLASS_TEACHER,
        get=405,
        post=(302, 200),
        args=_w("revision.pk", "comment_pk=comment.pk"),
    ),
    "coaching:bank_add": Row(CLASS_TEACHER, get=405, post=(302, 200), args=R),
    # a comment bank is one teacher's own: the co-teacher may not use or delete its entries
    "coaching:bank_use": Row(
        BANK_OWNER, get=405, post=(302, 200), args=_w("revision.pk", "entry_pk=bank_entry.pk")
    ),
    "coaching:bank_delete": Row(
        BANK_OWNER, get=405, post=(302, 200), args=_w("revision.pk", "entry_pk=bank_entry.pk")
    ),
    "coaching:review_release": Row(CLASS_TEACHER, get=405, post=(302, 200), args=R),
    "coaching:review_return": Row(CLASS_TEACHER, get=405, post=(302, 200), args=R),
    # --- coaching: rubrics -----------------------------------------------------------
    "coaching:teach_rubric_list": Row(ANY_TEACHER, get=200, post=405),
    "coaching:teach_rubric_new": Row(ANY_TEACHER, get=200, post=(400, 200)),
    "coaching:teach_rubric_import": Row(ANY_TEACHER, get=200, post=400),
    # (the class's rubric: its teachers may read, export and copy it; only its owner
    # edits or deletes it)
    "coaching:teach_rubric_detail": Row(CLASS_TEACHER, get=200, post=405, args=RUB),
    "coaching:teach_rubric_edit": Row(RUBRIC_OWNER, get=200, post=(400, 200), args=RUB),
    "coaching:teach_rubric_copy": Row(CLASS_TEACHER, get=405, post=(302, 200), args=RUB),
    "coaching:teach_rubric_delete": Row(RUBRIC_OWNER, get=405, post=(302, 200), args=RUB),
    "coaching:teach_rubric_export": Row(
        CLASS_TEACHER, get=200, post=405, args=_w("rubric.pk", "fmt=export_format")
    ),
    # --- lti: the LMS's side and the tool's set-up -----------------------------------
    # (the platform's requests carry no session; without their parameters: refused)
    "lti:login": Row(PUBLIC, get=400, post=400),
    "lti:launch": Row(PUBLIC, get=405, post=403),
    "lti:jwks": Row(PUBLIC, get=200, post=200),
    "lti:config": Row(SITE_ADMIN, get=200, post=200),
    # no deep-linking launch in the session: refused to everyone
    "lti:deep_link": Row(LOGGED_IN, get=400, post=400),
    # the class and assignment are not linked to an LMS: 404 to their teachers too
    "lti:roster_sync": Row(CLASS_TEACHER, get=405, post=404, args=C),
    "lti:grades_resend": Row(CLASS_TEACHER, get=405, post=302, args=A),
}


# --- walking the URLconf ----------------------------------------------------------------


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = p.namespace or ""
            yield from _walk(
                p.url_patterns, route, f"{namespace}:{ns}".strip(":") if ns else namespace
            )
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield route, name or route


def matrix_urls() -> list[str]:
    names = []
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith(SKIPPED_PREFIXES) or name in SKIPPED_NAMES:
            continue
        names.append(name)
    return sorted(set(names))


def _expected(row: Row, persona: str, method: str, htmx: bool) -> int:
    answer: Answer
    if (persona, method) in row.special:
        answer = row.special[(persona, method)]
    elif (row.get if method == "GET" else row.post) == 405 and persona in row.gate:
        # a method the view does not answer is refused before anything is looked up
        return 405
    elif persona in row.rule.admits:
        answer = row.get if method == "GET" else row.post
    elif persona == "anonymous":
        return row.rule.anonymous
    else:
        return row.rule.refused
    if isinstance(answer, tuple):
        return answer[1] if htmx else answer[0]
    return answer


def test_every_url_has_a_row():
    missing = [name for name in matrix_urls() if name not in EXPECTED]
    assert not missing, f"URLs without a row in EXPECTED (add one): {', '.join(missing)}"
    stale = sorted(set(EXPECTED) - set(matrix_urls()))
    assert not stale, f"rows for URLs that no longer exist: {', '.join(stale)}"


@pytest.mark.parametrize("name", matrix_urls())
def test_matrix(name: str, school: School, analysed):
    assert name in EXPECTED, f"{name} has no row in EXPECTED: add one"
    row = EXPECTED[name]
    world = _world(school, analysed)
    url = reverse(name, kwargs=row.args(world))
    people: dict[str, User | None] = {**school.personas(), "admin": school.admin}
    clients = {p: Client() if u is None else client_for(u) for p, u in people.items()}
    wrong = []
    for persona in PERSONAS:
        for method in ("GET", "POST"):
            for htmx in (False, True):
                headers = {"HX-Request": "true"} if htmx else {}
                with transaction.atomic():
                    client = clients[persona]
                    send = client.get if method == "GET" else client.post
                    response = send(url, headers=headers)
                    transaction.set_rollback(True)
                got = response.status_code
                want = _expected(row, persona, method, htmx)
                if got != want:
                    wrong.append(f"{persona} {method}{' htmx' if htmx else ''}: {got} != {want}")
                elif got == 302 and persona not in row.rule.admits:
                    assert response["Location"].startswith(reverse(row.rule.login)), (
                        persona,
                        method,
                        response["Location"],
                    )
    assert not wrong, f"{name} {url}\n" + "\n".join(wrong)
