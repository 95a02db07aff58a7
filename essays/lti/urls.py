from django.urls import path

from essays.lti import views

app_name = "lti"
urlpatterns = [
    path("lti/login/", views.login_init, name="login"),
    path("lti/launch/", views.launch, name="launch"),
    path("lti/jwks/", views.jwks, name="jwks"),
    path("lti/config/", views.config_page, name="config"),
    path("lti/deep-link/", views.deep_link, name="deep_link"),
    path("lti/classes/<int:pk>/roster/", views.roster_sync, name="roster_sync"),
    path("lti/assignments/<int:pk>/grades/resend/", views.grades_resend, name="grades_resend"),
]
