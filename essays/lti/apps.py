from django.apps import AppConfig


class LtiConfig(AppConfig):
    """EssayCoach inside an LMS (LTI 1.3, on django-lti): launch, iframe, grades, rosters."""

    name = "essays.lti"
    label = "lti"  # tables, migrations and URL names keep the short label
    verbose_name = "LMS (LTI 1.3)"

    def ready(self) -> None:
        from essays.lti import cookies, receivers

        cookies.allow_partitioned_attribute()
        receivers.connect()
