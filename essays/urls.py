from django.urls import path, register_converter

from essays import account_views, teach_assignment_views, teach_views, views


class UrlTokenConverter:
    """A token as secrets.token_urlsafe makes it: anything else (a NUL, which PostgreSQL
    refuses in a lookup, or a megabyte of path) is a 404 before the view."""

    regex = "[A-Za-z0-9_-]{1,128}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UrlTokenConverter, "urltoken")

app_name = "essays"
urlpatterns = [
    path("", views.home, name="home"),
    path("classes/", views.classroom_list, name="classroom_list"),
    path("account/preferences/", account_views.account_settings, name="preferences"),
    path("account/my-data.zip", account_views.account_export, name="account_export"),
    path("assignments/", views.assignment_list, name="assignment_list"),
    path("assignments/<int:pk>/", views.essay_edit, name="essay_edit"),
    path("assignments/<int:pk>/draft/", views.draft_autosave, name="draft_autosave"),
    path("assignments/<int:pk>/upload/", views.draft_upload, name="draft_upload"),
    path("assignments/<int:pk>/submit/", views.essay_submit, name="essay_submit"),
    # The teacher's side (teach-people): dashboard, classes, roster.
    path("teach/", teach_views.dashboard, name="teach_dashboard"),
    path("teach/classes/new/", teach_views.class_create, name="teach_class_create"),
    path("teach/classes/<int:pk>/", teach_views.class_detail, name="teach_class_detail"),
    path("teach/classes/<int:pk>/edit/", teach_views.class_edit, name="teach_class_edit"),
    path("teach/classes/<int:pk>/archive/", teach_views.class_archive, name="teach_class_archive"),
    path(
        "teach/classes/<int:pk>/code/",
        teach_views.class_rotate_code,
        name="teach_class_rotate_code",
    ),
    path(
        "teach/classes/<int:pk>/students/<int:user_pk>/remove/",
        teach_views.student_remove,
        name="teach_student_remove",
    ),
    # Assignments (teach-assign)
    path(
        "teach/assignments/",
        teach_assignment_views.teach_assignment_list,
        name="teach_assignment_list",
    ),
    path(
        "teach/classes/<int:class_pk>/assignments/new/",
        teach_assignment_views.teach_assignment_create,
        name="teach_assignment_create",
    ),
    path(
        "teach/assignments/<int:pk>/edit/",
        teach_assignment_views.teach_assignment_edit,
        name="teach_assignment_edit",
    ),
    path(
        "teach/assignments/<int:pk>/status/",
        teach_assignment_views.teach_assignment_status,
        name="teach_assignment_status",
    ),
    path(
        "teach/assignments/<int:pk>/duplicate/",
        teach_assignment_views.teach_assignment_duplicate,
        name="teach_assignment_duplicate",
    ),
    path(
        "teach/assignments/<int:pk>/extensions/",
        teach_assignment_views.teach_extension_add,
        name="teach_extension_add",
    ),
    path(
        "teach/assignments/<int:pk>/extensions/<int:extension_pk>/delete/",
        teach_assignment_views.teach_extension_delete,
        name="teach_extension_delete",
    ),
    path("teach/classes/<int:pk>/teachers/", teach_views.coteacher_add, name="teach_coteacher_add"),
    path(
        "teach/classes/<int:pk>/teachers/<int:user_pk>/remove/",
        teach_views.coteacher_remove,
        name="teach_coteacher_remove",
    ),
    path("teach/classes/<int:pk>/invites/", teach_views.invite_create, name="teach_invite_create"),
    path(
        "teach/classes/<int:pk>/invites/<int:invite_pk>/cancel/",
        teach_views.invite_cancel,
        name="teach_invite_cancel",
    ),
    # Everyone: the link in an invitation e-mail (settings: essays:preferences above).
    path("invites/<urltoken:token>/", account_views.invite_accept, name="invite_accept"),
]
