from django.urls import path

from coaching import rubric_views, views, views_print, views_review

app_name = "coaching"
urlpatterns = [
    path("revisions/<int:pk>/print/", views_print.revision_print, name="revision_print"),
    path(
        "teach/assignments/<int:pk>/overview/",
        views_print.class_overview,
        name="class_overview",
    ),
    path("teach/assignments/<int:pk>/grades.csv", views_print.grades_csv, name="grades_csv"),
    path("teach/assignments/<int:pk>/print/", views_print.class_print, name="class_print"),
    path("teach/assignments/<int:pk>/pdf/", views_print.class_pdf, name="class_pdf"),
    path(
        "teach/print-jobs/<int:pk>/download/",
        views_print.class_pdf_download,
        name="class_pdf_download",
    ),
    path("unsubscribe/<str:token>/", views_print.unsubscribe_view, name="unsubscribe"),
    path("revisions/<int:pk>/", views.revision_feedback, name="revision_feedback"),
    path("revisions/<int:pk>/stream/", views.revision_stream, name="revision_stream"),
    path("revisions/<int:pk>/retry/", views.analysis_retry_view, name="analysis_retry"),
    path("essays/<int:pk>/compare/", views.essay_compare, name="essay_compare"),
    path("teach/assignments/<int:pk>/", views.assignment_marking, name="assignment_marking"),
    path(
        "teach/assignments/<int:pk>/submissions/",
        views_review.submissions_view,
        name="submissions",
    ),
    path(
        "teach/assignments/<int:pk>/release/",
        views_review.assignment_release_view,
        name="assignment_release",
    ),
    path("teach/revisions/<int:pk>/", views_review.review_page, name="review_page"),
    path("teach/revisions/<int:pk>/marks/", views_review.review_marks, name="review_marks"),
    path("teach/revisions/<int:pk>/notes/", views_review.note_decision_view, name="note_decision"),
    path("teach/revisions/<int:pk>/comments/", views_review.comment_add_view, name="comment_add"),
    path(
        "teach/revisions/<int:pk>/comments/<int:comment_pk>/delete/",
        views_review.comment_delete_view,
        name="comment_delete",
    ),
    path("teach/revisions/<int:pk>/bank/", views_review.bank_add_view, name="bank_add"),
    path(
        "teach/revisions/<int:pk>/bank/<int:entry_pk>/use/",
        views_review.bank_use_view,
        name="bank_use",
    ),
    path(
        "teach/revisions/<int:pk>/bank/<int:entry_pk>/delete/",
        views_review.bank_delete_view,
        name="bank_delete",
    ),
    path(
        "teach/revisions/<int:pk>/release/",
        views_review.review_release_view,
        name="review_release",
    ),
    path("teach/revisions/<int:pk>/return/", views_review.review_return_view, name="review_return"),
    path("teach/rubrics/", rubric_views.teach_rubric_list, name="teach_rubric_list"),
    path("teach/rubrics/new/", rubric_views.teach_rubric_new, name="teach_rubric_new"),
    path("teach/rubrics/import/", rubric_views.teach_rubric_import, name="teach_rubric_import"),
    path("teach/rubrics/<int:pk>/", rubric_views.teach_rubric_detail, name="teach_rubric_detail"),
    path("teach/rubrics/<int:pk>/edit/", rubric_views.teach_rubric_edit, name="teach_rubric_edit"),
    path("teach/rubrics/<int:pk>/copy/", rubric_views.teach_rubric_copy, name="teach_rubric_copy"),
    path(
        "teach/rubrics/<int:pk>/delete/",
        rubric_views.teach_rubric_delete,
        name="teach_rubric_delete",
    ),
    path(
        "teach/rubrics/<int:pk>/export.<str:fmt>",
        rubric_views.teach_rubric_export,
        name="teach_rubric_export",
    ),
]
