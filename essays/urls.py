from django.urls import path

from essays import views

app_name = "essays"
urlpatterns = [
    path("", views.home, name="home"),
    path("classes/", views.classroom_list, name="classroom_list"),
    path("assignments/", views.assignment_list, name="assignment_list"),
    path("assignments/<int:pk>/", views.essay_edit, name="essay_edit"),
    path("assignments/<int:pk>/draft/", views.draft_autosave, name="draft_autosave"),
    path("assignments/<int:pk>/upload/", views.draft_upload, name="draft_upload"),
    path("assignments/<int:pk>/submit/", views.essay_submit, name="essay_submit"),
]
