"""Backup and restore: a round trip SQLite → PostgreSQL → SQLite (or PostgreSQL → SQLite →
PostgreSQL when the suite runs on PostgreSQL) keeps every row of every model and every byte
of every media file; a restore refuses what it must refuse and leaves nothing half done."""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.models import AuditEvent, Invitation, Role, RoleAssignment
from accounts.services import record
from organisations.models import Organisation
from portfolio import services
from portfolio.models import Project

ROOT = Path(settings.BASE_DIR)
PG_BINARIES = [Path("/usr/lib/postgresql/15/bin")]
ROUND_TRIP_ACTIONS = {"backup", "backup_restore"}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def fill_database(media_root: Path) -> None:
    """Demo content plus everything else a backup must carry: users, roles, invitations,
    audit lines, admin log entries (content types), permissions, history, the bin, media."""
    call_command("load_programme", verbosity=0)
    call_command("load_demo", verbosity=0)
    office = User.objects.create_user("office", "office@example.org", "x", first_name="Bureau")
    office.user_permissions.add(Permission.objects.get(codename="change_project"))
    RoleAssignment.objects.create(user=office, role=Role.PROGRAMME_OFFICE)
    organisation = Organisation.objects.order_by("pk").first()
    editor = User.objects.create_user("editor", "editor@example.org", "x")
    RoleAssignment.objects.create(user=editor, role=Role.PARTNER_EDITOR, organisation=organisation)
    Invitation.objects.create(
        email="nieuw@example.org",
        role=Role.TEACHER,
        organisation=organisation,
        invited_by=office,
        expires_at="2030-01-01T00:00:00Z",
    )
    record(AuditEvent.Action.LOGIN, actor=office, detail="ünïcode ✓")
    project = Project.objects.order_by("pk").first()
    services.update_project(project=project, title="Nieuwe titel met ‘aanhalingstekens’")
    project.image.save("foto.jpg", ContentFile(b"\xff\xd8\xff\xe0 not really a jpeg \x00\x01"))
    services.delete_project(project=Project.objects.order_by("pk").last(), by=office)
    LogEntry.objects.create(
        user=office,
        content_type=ContentType.objects.get_for_model(Project),
        object_id=str(project.pk),
        object_repr=str(project),
        action_flag=CHANGE,
        change_message="test",
    )
    (media_root / "losse-map").mkdir(parents=True, exist_ok=True)
    (media_root / "losse-map" / "bijlage.bin").write_bytes(bytes(range(256)))


def archive_contents(path: Path) -> tuple[dict, dict]:
    """Rows per model (as parsed JSON) and media bytes per path, from an archive."""
    with tarfile.open(path, "r:gz") as archive:
        members = {
            m.name: archive.extractfile(m).read() for m in archive.getmembers() if m.isfile()
        }
    manifest = json.loads(members["manifest.json"])
    rows = {entry["model"]: json.loads(members[entry["file"]]) for entry in manifest["models"]}
    media = {name: data for name, data in members.items() if name.startswith("media/")}
    return rows, media


def without_round_trip_audit(rows: dict, before: dict) -> dict:
    """The round trip's own audit lines (backup, restore) are new rows by design."""
    known = {row["pk"] for row in before["accounts.AuditEvent"]}
    rows = dict(rows)
    rows["accounts.AuditEvent"] = [
        row
        for row in rows["accounts.AuditEvent"]
        if row["pk"] in known or row["fields"]["action"] not in ROUND_TRIP_ACTIONS
    ]
    return rows


def manage(*args: str, database_url: str, media_root: Path) -> str:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "DEBUG": "true",
        "TASKS_BACKEND": "immediate",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture
def postgres_server(tmp_path_factory):
    """A PostgreSQL server to restore into: the suite's own when it runs on PostgreSQL,
    KENNISSTAD_SECOND_DATABASE_URL when set, else a throwaway cluster for this test."""
    if connection.vendor == "postgresql":
        settings_dict = connection.settings_dict
        yield (
            f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
            f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/postgres"
        )
        return
    given = os.environ.get("KENNISSTAD_SECOND_DATABASE_URL")
    if given:
        yield given.rsplit("/", 1)[0] + "/postgres"
        return
    path = os.environ.get("PATH", "")
    path = ":".join([path, *(str(p) for p in PG_BINARIES)])
    if not shutil.which("initdb", path=path):
        if in_ci():
            pytest.fail("CI=true: the backup round trip needs PostgreSQL's initdb", pytrace=False)
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    import tempfile

    cluster = tempfile.mkdtemp(prefix="kennisstad-roundtrip-pg-")
    environment = {**os.environ, "PATH": path, "KENNISSTAD_PG_DIR": cluster}
    script = str(ROOT / "scripts" / "throwaway-postgres.sh")
    url = subprocess.run(
        [script, "start"], env=environment, capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()
    try:
        yield url.rsplit("/", 1)[0] + "/postgres"
    finally:
        subprocess.run([script, "stop"], env=environment, capture_output=True, timeout=120)


@pytest.fixture
def fresh_postgres_database(postgres_server):
    """A new, empty database on that server, dropped afterwards."""
    import psycopg

    name = f"kennisstad_roundtrip_{uuid.uuid4().hex[:10]}"
    admin_url = postgres_server
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_round_trip_through_the_other_database_keeps_every_row_and_every_byte(
    tmp_path, settings, fresh_postgres_database
):
    media = Path(settings.MEDIA_ROOT)
    fill_database(media)
    first = tmp_path / "first.tar.gz"
    call_command("backup", str(first), "--no-progress", stdout=io.StringIO())

    sqlite_url = f"sqlite:///{tmp_path / 'round-trip.sqlite3'}"
    other_url = f"sqlite:///{tmp_path / 'return.sqlite3'}"
    if connection.vendor == "sqlite":
        # SQLite (this suite) → PostgreSQL → SQLite
        chain = [(fresh_postgres_database, "postgres"), (sqlite_url, "sqlite")]
    else:
        # PostgreSQL (this suite) → SQLite → PostgreSQL (a fresh database)
        chain = [(other_url, "sqlite"), (fresh_postgres_database, "postgres")]

    archive = first
    archives = [first]
    for step, (url, _vendor) in enumerate(chain):
        step_media = tmp_path / f"media-{step}"
        manage("migrate", "--no-input", "-v", "0", database_url=url, media_root=step_media)
        manage("restore", str(archive), "--no-progress", database_url=url, media_root=step_media)
        archive = tmp_path / f"step-{step}.tar.gz"
        manage("backup", str(archive), "--no-progress", database_url=url, media_root=step_media)
        archives.append(archive)
        restored = {
            p.relative_to(step_media).as_posix(): p.read_bytes()
            for p in step_media.rglob("*")
            if p.is_file()
        }
        original = {
            p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()
        }
        assert restored == original, "media files differ after the restore"

    rows, files = archive_contents(first)
    assert sum(len(r) for r in rows.values()) > 500
    assert rows["portfolio.HistoricalProject"] and rows["admin.LogEntry"]
    assert rows["auth.User"][0]["fields"]["user_permissions"] == [
        ["change_project", "portfolio", "project"]
    ]
    assert len(files) == 2
    for later in archives[1:]:
        later_rows, later_files = archive_contents(later)
        assert later_files == files
        assert set(later_rows) == set(rows)
        comparable = without_round_trip_audit(later_rows, rows)
        for model, model_rows in rows.items():
            assert comparable[model] == model_rows, f"{model} differs after {later.name}"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_non_empty_database_unless_forced(tmp_path, settings):
    fill_database(Path(settings.MEDIA_ROOT))
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), "--no-progress")
    Project.objects.update(title="Veranderd")
    call_command("restore", str(archive), "--force", "--no-progress", stdout=io.StringIO())
    assert not Project.objects.filter(title="Veranderd").exists()
    assert AuditEvent.objects.filter(action="backup_restore").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_other_migrations_and_damaged_archives(tmp_path, settings):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    with tarfile.open(archive, "r:gz") as source:
        members = {m.name: source.extractfile(m).read() for m in source.getmembers()}

    def rewrite(name: str, change) -> Path:
        changed = dict(members)
        changed[name] = change(changed[name])
        target = tmp_path / f"changed-{len(list(tmp_path.iterdir()))}.tar.gz"
        with tarfile.open(target, "w:gz") as out:
            for member_name, data in changed.items():
                info = tarfile.TarInfo(member_name)
                info.size = len(data)
                out.addfile(info, io.BytesIO(data))
        return target

    def other_migrations(data: bytes) -> bytes:
        manifest = json.loads(data)
        manifest["migrations"]["portfolio"].append("9999_from_the_future")
        return json.dumps(manifest).encode()

    AuditEvent.objects.all().delete()
    with pytest.raises(CommandError, match="other migrations"):
        call_command("restore", str(rewrite("manifest.json", other_migrations)), "--no-progress")
    data_file = next(name for name in members if name.startswith("data/portfolio.project"))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(rewrite(data_file, lambda d: d + b" ")), "--no-progress")
    assert not Project.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failing_restore_leaves_no_rows_and_no_files(tmp_path, settings):
    media = Path(settings.MEDIA_ROOT)
    fill_database(media)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    call_command("flush", "--no-input", verbosity=0)
    shutil.rmtree(media)
    from backups import archive as archive_module

    real_copy = archive_module.shutil.copyfile
    copied = []

    def copy_then_fail(source, target):
        if copied:
            raise OSError("disk full")
        copied.append(target)
        return real_copy(source, target)

    archive_module.shutil.copyfile = copy_then_fail
    try:
        with pytest.raises(OSError):
            call_command("restore", str(archive), "--no-progress")
    finally:
        archive_module.shutil.copyfile = real_copy
    assert copied, "the first media file was written before the failure"
    assert not Project.objects.exists() and not User.objects.exists()
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
