from django.contrib import admin
from django.urls import include, path

from config.metrics import metrics_view
from config.throttle import AdminLoginForm
from config.views import healthz, readyz

# the admin's sign-in counts failed attempts with allauth's login limits
admin.site.login_form = AdminLoginForm

handler500 = "config.views.server_error"  # a database outage answers 503 (config/views.py)

urlpatterns = [
    path("healthz/", healthz, name="healthz"),  # answered by HealthCheckMiddleware
    path("readyz/", readyz, name="readyz"),
    path("metrics/", metrics_view, name="metrics"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("essays.urls")),
    path("", include("coaching.urls")),
    path("", include("essays.lti.urls")),
]
