from django.contrib import admin
from django.http import HttpRequest

from coaching.models import (
    Analysis,
    Calibration,
    Criterion,
    Level,
    ParkedTask,
    ReviewEvent,
    Rubric,
    TeacherReview,
)


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 0
    show_change_link = True


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "created_at"]
    search_fields = ["name"]
    inlines = [CriterionInline]


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "rubric", "weight", "order"]
    list_select_related = ["rubric"]
    inlines = [LevelInline]


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    list_display = ["revision", "status", "attempts", "overall_percent", "engine_version"]
    list_filter = ["status", "engine_version"]
    readonly_fields = [f.name for f in Analysis._meta.fields]


@admin.register(TeacherReview)
class TeacherReviewAdmin(admin.ModelAdmin):
    list_display = ["revision", "teacher", "total", "max_total", "updated_at"]
    list_select_related = ["teacher"]


@admin.register(Calibration)
class CalibrationAdmin(admin.ModelAdmin):
    list_display = ["assignment", "essays", "engine_version", "fitted_at"]


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    """The audit log of marking: read-only, as an audit log should be."""

    list_display = ["at", "action", "teacher", "revision", "total", "max_total"]
    list_filter = ["action"]
    search_fields = ["teacher__email", "teacher__display_name"]
    list_select_related = ["teacher", "revision"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ParkedTask)
class ParkedTaskAdmin(admin.ModelAdmin):
    """Work queued while Redis was down, waiting for the workers to send it (an unknown
    task name after a deploy stays here, with its error, until someone deletes it)."""

    list_display = ["created_at", "name", "args", "attempts", "error"]
    readonly_fields = [f.name for f in ParkedTask._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
