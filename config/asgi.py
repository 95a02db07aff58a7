import os

from django.conf import settings
from django.core.asgi import get_asgi_application

from config.bodylimit import BodyLimit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Bodies over REQUEST_MAX_BODY_BYTES are refused (413) before Django spools them to disk.
application = BodyLimit(get_asgi_application(), settings.REQUEST_MAX_BODY_BYTES)
