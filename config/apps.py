from django.apps import AppConfig


class ThemeConfig(AppConfig):
    """Registers config/ as an app only so django-tailwind finds config/static_src."""

    name = "config"
    label = "config"
    verbose_name = "Theme (Tailwind sources)"
