from django.urls import path

from essays import teach_views, views

app_name = "essays"
urlpatterns = [
    path("", views.home, name="home"),
    path("classes/", views.classroom_list, name="classroom_list"),
    path("account/preferences/", views.preferences, name="preferences"),
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
]
