"""WSGI entry point for gunicorn: `gunicorn kennisstad.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kennisstad.settings")
application = get_wsgi_application()
