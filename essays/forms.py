"""Forms: sign-up, account settings and the teacher's class forms.

Fields render with Django's own templates, which tie each error to its field
(aria-invalid, aria-describedby); views do the writing through essays.services.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from essays.models import Classroom


class ClassroomForm(forms.ModelForm):
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
