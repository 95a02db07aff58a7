"""Teachers' assignment forms: field checks with messages tied to each field; writes stay in
services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coaching.models import Rubric
from essays.markdown import PROMPT_MAX_CHARS
from essays.models import Assignment, User

ASSIGNMENT_FIELDS = (
    "title",
    "prompt",
    "rubric",
    "opens_at",
    "due_at",
    "min_words",
    "max_words",
    "spelling",
    "late_policy",
    "release",
    "max_revisions",
)
_LOCAL = "%Y-%m-%dT%H:%M"


class _LocalDateTime(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format=_LOCAL)


class RubricChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Rubric) -> str:
        if obj.is_starter:
            return _("Starter: %(name)s (you get your own copy)") % {"name": obj.name}
        return obj.name


class AssignmentForm(forms.ModelForm):
    rubric = RubricChoice(queryset=Rubric.objects.none(), label=gettext_lazy("rubric"))

    class Meta:
        model = Assignment
        fields = ASSIGNMENT_FIELDS
        widgets = {"opens_at": _LocalDateTime(), "due_at": _LocalDateTime()}
        help_texts = {
            "prompt": gettext_lazy(
                "What students see above their essay. Markdown: **bold**, *italic*, "
                "lists with -, links, and headings with #."
            ),
            "opens_at": gettext_lazy("Empty: open as soon as it is published."),
            "due_at": gettext_lazy("Empty: no due date."),
            "max_revisions": gettext_lazy("How many times a student may submit. 0 = no limit."),
        }
        labels = {"release": gettext_lazy("feedback")}

    def __init__(self, *args: Any, rubrics: QuerySet[Rubric], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rubric_field = self.fields["rubric"]
        assert isinstance(rubric_field, forms.ModelChoiceField)
        rubric_field.queryset = rubrics.order_by("is_starter", "name", "pk")
        self.fields["title"].widget.attrs["maxlength"] = 200
        prompt = self.fields["prompt"]
        prompt.widget.attrs.update({"rows": 8, "maxlength": PROMPT_MAX_CHARS})
        prompt.validators.append(MaxLengthValidator(PROMPT_MAX_CHARS))
        for name in ("min_words", "max_words"):
            self.fields[name].widget.attrs.update({"min": 1, "max": settings.ESSAY_MAX_WORDS})
        self.fields["max_revisions"].widget.attrs["max"] = 100
        for bound in self.fields.values():
            bound.widget.attrs.setdefault("class", "input")

    def clean_max_revisions(self) -> int:
        value = self.cleaned_data["max_revisions"]
        if value > 100:
            raise forms.ValidationError(_("Allow at most 100 revisions, or 0 for no limit."))
        return int(value)

    def clean_max_words(self) -> int:
        value = int(self.cleaned_data["max_words"])
        if value > settings.ESSAY_MAX_WORDS:
            raise forms.ValidationError(
                _("This site allows essays of at most %(n)d words.")
                % {"n": settings.ESSAY_MAX_WORDS}
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_words"), data.get("max_words")
        if low is not None and high is not None and low >= high:
            self.add_error("min_words", _("The minimum must be less than the maximum."))
        if low is not None and low < 1:
            self.add_error("min_words", _("The minimum must be at least 1 word."))
        opens, due = data.get("opens_at"), data.get("due_at")
        if opens and due and opens >= due:
            self.add_error("due_at", _("The due date must come after the opening date."))
        return data


def _name(user: User) -> str:
    return user.name


class ExtensionForm(forms.Form):
    student = forms.ModelChoiceField(queryset=User.objects.none(), label=gettext_lazy("student"))
    due_at = forms.DateTimeField(label=gettext_lazy("new due date"), widget=_LocalDateTime())

    def __init__(self, *args: Any, students: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        student_field = self.fields["student"]
        assert isinstance(student_field, forms.ModelChoiceField)
        student_field.queryset = students
        student_field.label_from_instance = _name  # type: ignore[method-assign,assignment]
        for bound in self.fields.values():
            bound.widget.attrs.setdefault("class", "input")
