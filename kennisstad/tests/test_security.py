"""Security headers on every response, no inline code in our templates, and a production
configuration that `manage.py check --deploy` finds nothing wrong with."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
OUR_TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]


def test_every_page_carries_the_security_headers(client):
    for path in ("/", "/beheer/inloggen/", "/en/projecten/", "/bestaat-niet/"):
        response = client.get(path)
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]


def test_our_templates_have_no_inline_scripts_styles_or_event_handlers():
    offences = []
    for directory in OUR_TEMPLATE_DIRS:
        if ".venv" in directory.parts:
            continue
        for template in directory.rglob("*.html"):
            text = template.read_text()
            for pattern, what in (
                (r"<script(?![^>]*\bsrc=)[^>]*>", "inline script"),
                (r"<style\b", "style element"),
                (r"\sstyle=", "style attribute"),
                (r"\son[a-z]+=", "event handler attribute"),
                # htmx runs hx-on code through eval, which the policy refuses as well.
                (r"\shx-on", "htmx hx-on attribute"),
                (r"javascript:", "javascript: URL"),
            ):
                if re.search(pattern, text, flags=re.IGNORECASE):
                    offences.append(f"{template.relative_to(ROOT)}: {what}")
    assert not offences, "\n".join(offences)


def test_user_written_text_is_escaped(client, django_user_model):
    from portfolio.models import Programme, Project, Theme

    programme = Programme.objects.create(name="P", slug="leiden-kennisstad", city="Leiden")
    theme = Theme.objects.create(programme=programme, name="T", slug="t")
    Project.objects.create(
        programme=programme,
        primary_theme=theme,
        title="<script>alert(1)</script>",
        slug="xss",
        summary="<img src=x onerror=alert(1)>",
        publication="gepubliceerd",
    )
    body = client.get("/projecten/xss/").content.decode()
    assert "<script>alert(1)</script>" not in body and "<img src=x" not in body
    assert "&lt;script&gt;" in body


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "kennisstad.example",
        "SITE_URL": "https://kennisstad.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
