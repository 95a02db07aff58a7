from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from coaching.privacy import erase_student
from essays.models import Assignment, Classroom, Essay, Membership, Revision, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_staff", "is_active", "date_joined"]
    search_fields = ["email", "display_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name",)}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ["erase_students"]

    @admin.action(description=_("Erase selected students and everything they wrote"))
    def erase_students(self, request: HttpRequest, queryset: QuerySet[User]) -> Any:
        """Asks once (a page listing what goes), then erases (coaching.privacy)."""
        students = [u for u in queryset if not (u.is_teacher or u.is_staff)]
        skipped = queryset.count() - len(students)
        if request.POST.get("confirm") != "yes":
            return TemplateResponse(
                request,
                "admin/essays/erase_confirm.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Erase students"),
                    "students": students,
                    "skipped": skipped,
                    "essays": Essay.objects.filter(student__in=students).count(),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "opts": self.model._meta,
                },
            )
        for student in students:
            erase_student(student=student, by=request.user)  # type: ignore[arg-type]
        self.message_user(
            request,
            _("Erased %(n)s students and everything they wrote.") % {"n": len(students)},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                _("%(n)s teachers or staff were left alone: only students are erased.")
                % {"n": skipped},
                messages.WARNING,
            )
        return None


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "join_code", "created_at"]
    search_fields = ["name", "join_code"]
    inlines = [MembershipInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "classroom", "due_at", "rubric", "release"]
    list_filter = ["release", "classroom"]
    search_fields = ["title", "prompt"]
    list_select_related = ["classroom", "rubric"]


class RevisionInline(admin.TabularInline):
    model = Revision
    extra = 0
    fields = ["number", "word_count", "created_at"]
    readonly_fields = ["number", "word_count", "created_at"]
    can_delete = False
    show_change_link = True


@admin.register(Essay)
class EssayAdmin(admin.ModelAdmin):
    list_display = ["student", "assignment", "draft_saved_at"]
    list_select_related = ["student", "assignment"]
    search_fields = ["student__email", "assignment__title"]
    inlines = [RevisionInline]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Revisions are immutable: the admin shows them and never edits them."""

    list_display = ["essay", "number", "word_count", "created_at"]
    list_select_related = ["essay__student", "essay__assignment"]
    readonly_fields = ["essay", "number", "text", "text_sha256", "word_count", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
