"""Save a PNG of every page type at 375 and 1280 px wide (`make screenshots`).

The public pages in Dutch and English, and the workspace (/beheer/) as seen by a user who is
programme office and Kenniswinkel coordinator at once (made for the run, with a password).

Builds a throwaway SQLite database with the programme and demo content, serves it with
gunicorn in production mode (DEBUG off, so the real 404 page shows) on a free loopback port,
and photographs each page with Debian's headless Chromium through Playwright. Your own
database under var/ is not touched.

    .venv/bin/python scripts/screenshots.py [--output var/screenshots] [--language nl en]
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_site(workdir: Path) -> dict[str, str]:
    """Create, migrate and fill a throwaway database; return the server's environment."""
    env = {
        "DJANGO_SETTINGS_MODULE": "kennisstad.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "DEBUG": "false",
        "SECRET_KEY": "screenshots-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    print("Preparing a throwaway database with the demo content ...", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    from tests.browser.pages import load_site_data

    load_site_data()
    make_workspace_user()
    call_command("collectstatic", verbosity=0, interactive=False)
    return env


WORKSPACE_USER = ("screenshots", "screenshots-only-password-7Qk2")


def make_workspace_user() -> None:
    from django.contrib.auth import get_user_model

    from accounts.models import Role, RoleAssignment

    username, password = WORKSPACE_USER
    user = get_user_model().objects.create_user(username, "screenshots@example.org", password)
    for role in (Role.PROGRAMME_OFFICE, Role.COORDINATOR):
        RoleAssignment.objects.create(user=user, role=role)


def workspace_paths() -> dict[str, str]:
    """One example of every workspace page, by short name."""
    from portfolio.models import Project
    from questions.models import Question

    project = Project.objects.filter(deleted_at__isnull=True).order_by("pk").first()
    question = Question.objects.filter(status=Question.Status.NEW).order_by("pk").first()
    question = question or Question.objects.order_by("pk").first()
    return {
        "dashboard": "/beheer/",
        "projects": "/beheer/projecten/",
        "project": f"/beheer/projecten/{project.pk}/",
        "project-edit": f"/beheer/projecten/{project.pk}/bewerken/",
        "project-preview": f"/beheer/projecten/{project.pk}/voorbeeld/",
        "project-history": f"/beheer/projecten/{project.pk}/geschiedenis/",
        "review-queue": "/beheer/projecten/ter-beoordeling/",
        "trash": "/beheer/prullenbak/",
        "users": "/beheer/gebruikers/",
        "audit-log": "/beheer/logboek/",
        "kenniswinkel-inbox": "/beheer/kenniswinkel/",
        "kenniswinkel-questions": "/beheer/kenniswinkel/vragen/",
        "kenniswinkel-question": f"/beheer/kenniswinkel/vragen/{question.pk}/",
        "kenniswinkel-matches": "/beheer/kenniswinkel/verzoeken/",
        "kenniswinkel-offers": "/beheer/kenniswinkel/aanbod/",
    }


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    """Start gunicorn on 127.0.0.1:`port` and wait until /healthz answers."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kennisstad.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped with exit code {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return server
        except (urllib.error.URLError, OSError):  # refused, reset, or a slow first answer
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 30 seconds")


def take_screenshots(base_url: str, output: Path, languages: list[str]) -> list[Path]:
    """Photograph every page type in every language at both widths; return the files."""
    from playwright.sync_api import sync_playwright
    from tqdm import tqdm

    from tests.browser.pages import (
        CHROMIUM,
        DESKTOP,
        PAGE_TYPES,
        PHONE,
        find_demo_site,
        keep_requests_on,
        launch_chromium,
        page_path,
    )

    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"No Chromium at {CHROMIUM}: install it with `apt-get install chromium`.")
    site = find_demo_site()
    output.mkdir(parents=True, exist_ok=True)
    shots = [
        (language, page_type, viewport)
        for language in languages
        for page_type in PAGE_TYPES
        for viewport in (PHONE, DESKTOP)
    ]
    saved = []
    # Database reads before Playwright starts: its event loop forbids the ORM inside.
    workspace = workspace_paths()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        contexts = {
            viewport["width"]: browser.new_context(viewport=viewport, base_url=base_url)
            for viewport in (PHONE, DESKTOP)
        }
        for context in contexts.values():
            keep_requests_on(context, base_url)
        pages = {width: context.new_page() for width, context in contexts.items()}
        for language, page_type, viewport in tqdm(shots, desc="screenshots", unit="page"):
            page = pages[viewport["width"]]
            page.goto(page_path(site, page_type, language))
            path = output / f"{language}-{page_type}-{viewport['width']}.png"
            page.screenshot(path=path, full_page=True)
            saved.append(path)
        username, password = WORKSPACE_USER
        for width, page in pages.items():
            page.goto("/beheer/inloggen/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_load_state()
            if "/inloggen/" in page.url:
                raise SystemExit("could not log in to the workspace for its screenshots")
            for name, workspace_path in tqdm(workspace.items(), desc=f"workspace {width}px"):
                page.goto(workspace_path)
                path = output / f"nl-beheer-{name}-{width}.png"
                page.screenshot(path=path, full_page=True)
                saved.append(path)
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--language", nargs="+", default=["nl", "en"], choices=["nl", "en"])
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-screenshots-") as workdir:
        env = prepare_site(Path(workdir))
        port = free_port()
        server = start_server(env, port)
        try:
            saved = take_screenshots(
                f"http://127.0.0.1:{port}", arguments.output, arguments.language
            )
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{len(saved)} screenshots in {arguments.output}")


if __name__ == "__main__":
    main()
