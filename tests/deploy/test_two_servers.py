"""Two gunicorn servers on one database stay one site: a change made through either server,
the workspace or the import shows on the next request to every worker of both.

The servers run as deployed (DEBUG off, static files collected, page cache on), with the
shared cache in the database (the default) or in Redis (CACHE_URL, Debian's redis-server).
They share an SQLite file here: what keeps them one site is the cache versioning, which is the
same on every database.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"

# These tests start their own processes on their own database file; the test database and
# its transaction are not used.
pytestmark = pytest.mark.django_db(transaction=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def get(url: str) -> tuple[str, str]:
    """(body, X-Page-Cache) of a GET."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode(), response.headers.get("X-Page-Cache", "")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if not Path(REDIS_SERVER).exists():
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing; .ci/run installs Debian's redis-server")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


class Site:
    """A database file with the demo programme, and two gunicorn servers of two workers."""

    def __init__(self, folder: Path, cache_url: str = "") -> None:
        self.environment = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
            "DEBUG": "0",
            "SECRET_KEY": "two-servers-test-only",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback, no TLS proxy in front
            "STATIC_ROOT": str(folder / "static"),
            "PAGE_CACHE_SECONDS": "600",
            "CACHE_URL": cache_url,
            "TASKS_BACKEND": "immediate",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        self.environment.pop("DJANGO_SETTINGS_MODULE", None)
        self.servers: list[subprocess.Popen] = []
        self.urls: list[str] = []

    def manage(self, *arguments: str) -> str:
        done = subprocess.run(
            [str(PYTHON), "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self) -> None:
        self.manage("migrate", "--no-input", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        self.manage("load_programme")
        self.manage("load_demo")
        for _ in range(2):
            port = free_port()
            self.servers.append(
                subprocess.Popen(
                    [str(GUNICORN), "kennisstad.wsgi", "--bind", f"127.0.0.1:{port}"]
                    + ["--workers", "2", "--log-level", "warning"],
                    cwd=ROOT,
                    env=self.environment,
                )
            )
            self.urls.append(f"http://127.0.0.1:{port}")
        for url in self.urls:
            wait_for(f"{url}/readyz")

    def stop(self) -> None:
        for server in self.servers:
            server.terminate()
        for server in self.servers:
            server.wait(timeout=20)

    def every_worker(self, path: str) -> list[tuple[str, str]]:
        """The page from both servers, several times each so both workers of each answer."""
        return [get(url + path) for url in self.urls for _ in range(4)]


def a_project_slug(site: Site) -> str:
    return (
        site.manage(
            "shell",
            "-c",
            "from portfolio.models import Project;"
            "print(Project.objects.filter(publication='gepubliceerd').order_by('pk')[0].slug)",
        )
        .strip()
        .splitlines()[-1]
    )


def check_changes_show_everywhere(site: Site, tmp_path: Path) -> None:
    slug = a_project_slug(site)
    path = f"/projecten/{slug}/"
    before = site.every_worker(path)
    assert all(status == 200 or body for body, status in before)
    assert any(cache == "hit" for _, cache in site.every_worker(path)), "the page is not cached"

    # 1. A change through the services (as the workspace makes it) in another process.
    site.manage(
        "shell",
        "-c",
        "from portfolio.models import Project; from portfolio import services;"
        f"services.update_project(project=Project.objects.get(slug='{slug}'),"
        " title='Titel gewijzigd via de werkplek')",
    )
    for body, _ in site.every_worker(path):
        assert "Titel gewijzigd via de werkplek" in body

    # 2. The same page through the other server's overview, and the project import.
    sheet = tmp_path / "projecten.csv"
    sheet.write_text(
        "external_id,title,summary,theme\n"
        "import-twee-servers,Project uit de import,Een samenvatting,gezondheid-welzijn\n",
        encoding="utf-8",
    )
    site.manage("import_projects", str(sheet), "--no-progress")
    for body, _ in site.every_worker("/projecten/?q=import"):
        assert "Project uit de import" in body


def test_two_servers_with_the_database_cache_stay_one_site(tmp_path):
    site = Site(tmp_path)
    try:
        site.start()
        check_changes_show_everywhere(site, tmp_path)
    finally:
        site.stop()


def test_two_servers_with_redis_stay_one_site(tmp_path, redis_url):
    site = Site(tmp_path, cache_url=redis_url)
    try:
        site.start()
        check_changes_show_everywhere(site, tmp_path)
    finally:
        site.stop()
