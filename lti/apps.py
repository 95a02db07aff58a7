from django.apps import AppConfig


class LtiConfig(AppConfig):
    """EssayCoach inside an LMS (LTI 1.3, on django-lti): launch, iframe, grades, rosters."""

    name = "lti"
    verbose_name = "LMS (LTI 1.3)"

    def ready(self) -> None:
        from lti import cookies, receivers

        cookies.allow_partitioned_attribute()
        receivers.connect()
