from django.contrib import admin

from coaching.models import Analysis, Calibration, Criterion, Level, Rubric, TeacherReview


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
