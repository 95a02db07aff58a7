"""Every form a person can reach, found by reading the pages they see.

The hostile-input tests (NUL characters, tests/test_hostile_input.py) do not list forms
by hand: they open each person's pages, parse every <form> (action, method, fields with
their default values) and post it with hostile values in its text fields. A form added
to any of these pages is covered without touching the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import reverse

from coaching.models import Rubric
from essays.models import Assignment, Revision, User
from tests.conftest import School, client_for
from tests.factories import UNIFORM_ESSAY
from tests.teach_data import add_revision

TEXT_TYPES = {"text", "search", "email", "password", "url", "tel", "hidden", "number", "date"}
TEXT_TYPES |= {"datetime-local", "textarea"}


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> default value
    text_fields: list[str] = field(default_factory=list)  # the ones a person types into
    files: list[str] = field(default_factory=list)
    hx_post: bool = False

    @property
    def key(self) -> str:
        return f"{self.method} {urlsplit(self.action).path} [{', '.join(sorted(self.fields))}]"


class _FormParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._own_posts: list[tuple[Form, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = a.get("action") or a.get("hx-post") or self.page
            method = (a.get("method") or ("post" if a.get("hx-post") else "get")).upper()
            self._form = Form(
                page=self.page,
                action=urljoin(self.page, action),
                method=method,
                hx_post=bool(a.get("hx-post")),
            )
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        # Another target for the same fields: a field that posts itself (autosave, by htmx
        # or the editor's script) or a submit button with its own formaction.
        target = a.get("hx-post") or a.get("data-autosave-url") or a.get("formaction")
        if target and tag in ("input", "textarea", "select", "button"):
            self._own_posts.append((form, urljoin(self.page, target)))
        if "name" not in a or "disabled" in a:
            return
        name = a["name"]
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if kind == "submit" and a.get("value") and name not in form.fields:
                    form.fields[name] = a["value"]
                return
            if kind == "file":
                form.files.append(name)
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a or name not in form.fields:
                    form.fields[name] = a.get("value", "on")
                return
            form.fields[name] = a.get("value", "")
            if kind in TEXT_TYPES and name != "csrfmiddlewaretoken":
                form.text_fields.append(name)
        elif tag == "textarea":
            form.fields[name] = ""
            form.text_fields.append(name)
            self._textarea = name
        elif tag == "select":
            self._select = name
            form.fields.setdefault(name, "")
        elif tag == "option" and self._select:
            if "selected" in a or not form.fields.get(self._select):
                form.fields[self._select] = a.get("value", "")
        elif tag == "button" and a.get("value") and a.get("type", "submit") == "submit":
            form.fields.setdefault(name, a["value"])

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            for form, action in self._own_posts:
                self.forms.append(
                    Form(
                        page=form.page,
                        action=action,
                        method="POST",
                        fields=dict(form.fields),
                        text_fields=list(form.text_fields),
                        hx_post=True,
                    )
                )
            self._own_posts = []
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def forms_on(client: Client, url: str) -> list[Form]:
    response = client.get(url, follow=True)
    assert response.status_code == 200, (url, response.status_code)
    parser = _FormParser(url)
    parser.feed(response.content.decode())
    return parser.forms


@dataclass
class Tour:
    """Who visits which pages; each with the client they are signed in with."""

    visits: list[tuple[str, Client, list[str]]]

    def forms(self) -> list[tuple[str, Client, Form]]:
        seen: set[str] = set()
        found = []
        for who, client, urls in self.visits:
            for url in urls:
                for form in forms_on(client, url):
                    key = f"{who} {form.key}"
                    elsewhere = urlsplit(form.action).netloc not in ("", "testserver")
                    # Logging out would end the tour for everything after it.
                    if key in seen or elsewhere or form.action.endswith("/logout/"):
                        continue
                    seen.add(key)
                    found.append((who, client, form))
        # Forms without text fields (archive, remove, release...) change what the others
        # can do: they go last.
        return sorted(found, key=lambda item: not item[2].text_fields)


def school_tour(school: School) -> Tour:
    """Every page with a form, as the person who uses it: a student with a draft and a
    submitted revision, their teacher (review, rubrics, assignments, class), anonymous
    visitors (sign up, log in, password reset)."""
    assignment: Assignment = school.assignment
    revision: Revision = add_revision(assignment, school.student, text=UNIFORM_ESSAY)
    rubric = Rubric.objects.filter(owner=school.teacher).first() or assignment.rubric
    student = client_for(school.student)
    teacher = client_for(school.teacher)
    admin_user: User = school.admin
    return Tour(
        visits=[
            (
                "anonymous",
                Client(),
                [
                    reverse("account_login"),
                    reverse("account_signup"),
                    reverse("account_reset_password"),
                    reverse("admin:login"),
                ],
            ),
            (
                "student",
                student,
                [
                    reverse("essays:classroom_list"),
                    reverse("essays:essay_edit", args=[assignment.pk]),
                    reverse("essays:preferences"),
                    reverse("coaching:revision_feedback", args=[revision.pk]),
                ],
            ),
            (
                "teacher",
                teacher,
                [
                    reverse("essays:teach_dashboard"),
                    reverse("essays:teach_class_create"),
                    reverse("essays:teach_class_detail", args=[school.classroom.pk]),
                    reverse("essays:teach_class_edit", args=[school.classroom.pk]),
                    reverse("essays:teach_assignment_list"),
                    reverse("essays:teach_assignment_create", args=[school.classroom.pk]),
                    reverse("essays:teach_assignment_edit", args=[assignment.pk]),
                    reverse("coaching:submissions", args=[assignment.pk]),
                    reverse("coaching:assignment_marking", args=[assignment.pk]),
                    reverse("coaching:review_page", args=[revision.pk]),
                    reverse("coaching:teach_rubric_list"),
                    reverse("coaching:teach_rubric_new"),
                    reverse("coaching:teach_rubric_import"),
                    reverse("coaching:teach_rubric_edit", args=[rubric.pk])
                    if rubric and rubric.owner_id == school.teacher.pk
                    else reverse("coaching:teach_rubric_new"),
                ],
            ),
            (
                "admin",
                client_for(admin_user),
                [
                    reverse("admin:index"),
                    reverse("admin:essays_user_changelist"),
                    reverse("admin:essays_classroom_changelist"),
                    reverse("admin:essays_assignment_changelist"),
                    reverse("admin:essays_essay_changelist"),
                    reverse("admin:essays_classroom_change", args=[school.classroom.pk]),
                ],
            ),
        ]
    )
