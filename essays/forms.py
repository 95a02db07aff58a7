"""Forms: sign-up, account settings and the teacher's class forms.

Fields render with Django's own templates, which tie each error to its field
(aria-invalid, aria-describedby); views do the writing through essays.services.
"""

from __future__ import annotations

import re
import secrets
from functools import cache
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from essays.models import Classroom, User
from essays.services import available_time_zones


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every IANA zone this server knows, sorted."""
    return tuple(sorted(available_time_zones()))


def is_time_zone(name: str) -> bool:
    return name in available_time_zones()


class SignupForm(forms.Form):
    """allauth's sign-up adds these to its own fields (ACCOUNT_SIGNUP_FORM_CLASS).

    TEACHER_SIGNUP decides who may say they are a teacher: `open` (anyone), `code` (with
    TEACHER_SIGNUP_CODE) or `closed` (nobody: teachers come from an invitation or the
    admin). The hidden time zone is filled in by the browser when JavaScript runs.
    """

    field_order = ["display_name", "email", "role", "teacher_code", "password1", "password2"]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As your teacher or students know you, e.g. “Sam Patel” or “Ms Rivera”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    role = forms.ChoiceField(
        label=_("I am a"),
        choices=User.Role.choices,
        initial=User.Role.STUDENT,
        widget=forms.RadioSelect,
    )
    teacher_code = forms.CharField(
        label=_("Teacher sign-up code"),
        required=False,
        help_text=_("Only for teachers: the code your school gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    time_zone = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mode = settings.TEACHER_SIGNUP
        if mode != "code":
            del self.fields["teacher_code"]
        if mode == "closed":
            del self.fields["role"]

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Tell us your name."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") == User.Role.TEACHER and settings.TEACHER_SIGNUP == "code":
            code = (data.get("teacher_code") or "").strip()
            if not secrets.compare_digest(code.encode(), settings.TEACHER_SIGNUP_CODE.encode()):
                self.add_error(
                    "teacher_code",
                    _("That is not this school's teacher code. Ask whoever runs EssayCoach."),
                )
        return data

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.role = self.cleaned_data.get("role") or User.Role.STUDENT
        zone = self.cleaned_data.get("time_zone") or ""
        user.time_zone = zone if is_time_zone(zone) else ""
        user.save(update_fields=["display_name", "role", "time_zone"])


class AccountSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("Dates and times are shown in this zone."),
        error_messages={"invalid_choice": _("Choose a time zone from the list.")},
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "email_on_feedback", "email_digest"]
        labels = {"display_name": _("Your name")}
        help_texts = {"display_name": _("Shown to your teachers and classmates' teachers.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["display_name"].widget.attrs["autocomplete"] = "name"
        server = settings.TIME_ZONE
        zone_field = self.fields["time_zone"]
        assert isinstance(zone_field, forms.ChoiceField)
        zone_field.choices = [
            ("", _("The server's time zone (%(zone)s)") % {"zone": server}),
            *[(name, name.replace("_", " ")) for name in time_zone_names()],
        ]
        if not self.instance.is_teacher:
            del self.fields["email_digest"]
        else:
            self.fields["display_name"].help_text = _("Shown to your students and co-teachers.")

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Tell us your name."))
        return name

    def clean_time_zone(self) -> str:
        zone = self.cleaned_data["time_zone"]
        if zone and not is_time_zone(zone):
            raise forms.ValidationError(_("Choose a time zone from the list."))
        return zone


class ClassroomForm(forms.ModelForm):
    research = forms.BooleanField(
        label=_("Share this class's essays, anonymised, for research"),
        required=False,
        help_text=_(
            "Off unless you turn it on. Your school's research export then includes this "
            "class's essays and marks under made-up ids, with names and e-mail addresses "
            "removed from the text."
        ),
    )

    class Meta:
        model = Classroom
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "name": _("As your students know it, e.g. “English 10, period 2”."),
            "description": _("Optional: shown to you and your co-teachers."),
        }

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the class a name."))
        return name


MAX_INVITES = 200


class InviteStudentsForm(forms.Form):
    emails = forms.CharField(
        label=_("Students' e-mail addresses"),
        help_text=_("One or more, separated by commas, spaces or new lines (at most 200)."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )

    def clean_emails(self) -> list[str]:
        found: list[str] = []
        bad: list[str] = []
        for item in re.split(r"[\s,;]+", self.cleaned_data["emails"]):
            address = item.strip().strip("<>").lower()
            if not address:
                continue
            try:
                validate_email(address)
            except forms.ValidationError:
                bad.append(item)
                continue
            if address not in found:
                found.append(address)
        if bad:
            raise forms.ValidationError(
                _("These are not e-mail addresses: %(bad)s. Nothing was sent.")
                % {"bad": ", ".join(bad[:10])}
            )
        if not found:
            raise forms.ValidationError(_("Type at least one e-mail address."))
        if len(found) > MAX_INVITES:
            raise forms.ValidationError(
                _("That is %(n)d addresses; invite at most %(max)d at a time.")
                % {"n": len(found), "max": MAX_INVITES}
            )
        return found


class CoteacherForm(forms.Form):
    email = forms.EmailField(
        label=_("Co-teacher's e-mail address"),
        help_text=_("A teacher with an account joins at once; anyone else gets an invitation."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
