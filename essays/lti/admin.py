from django.contrib import admin

from essays.lti.models import GradeSync, LtiClass, LtiLink, PlatformFrame


@admin.register(PlatformFrame)
class PlatformFrameAdmin(admin.ModelAdmin):
    list_display = ["registration", "extra_origins"]


@admin.register(LtiClass)
class LtiClassAdmin(admin.ModelAdmin):
    list_display = ["context", "classroom", "roster_synced_at"]
    raw_id_fields = ["context", "classroom"]


@admin.register(LtiLink)
class LtiLinkAdmin(admin.ModelAdmin):
    list_display = ["resource_link", "assignment", "lineitem_url"]
    raw_id_fields = ["resource_link", "assignment"]


@admin.register(GradeSync)
class GradeSyncAdmin(admin.ModelAdmin):
    list_display = ["student", "link", "status", "grading_progress", "score_given", "sent_at"]
    list_filter = ["status"]
    raw_id_fields = ["link", "student"]
