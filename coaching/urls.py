from django.urls import path

from coaching import views

app_name = "coaching"
urlpatterns = [
    path("revisions/<int:pk>/", views.revision_feedback, name="revision_feedback"),
    path("revisions/<int:pk>/stream/", views.revision_stream, name="revision_stream"),
    path("revisions/<int:pk>/retry/", views.analysis_retry_view, name="analysis_retry"),
    path("revisions/<int:pk>/review/", views.review_save_view, name="review_save"),
    path("essays/<int:pk>/compare/", views.essay_compare, name="essay_compare"),
    path("teach/assignments/<int:pk>/", views.assignment_marking, name="assignment_marking"),
]
