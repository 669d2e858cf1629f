"""Portable backups: every row of every model as JSON and every media file, in one .tar.gz.

The archive holds ``manifest.json`` (format version, the migration state, per model its row
count and checksum, per media file its size and checksum), ``data/<app>.<model>.json`` in
dependency order, and ``media/…``. Rows are Django's serialised JSON with their primary keys;
references to content types and permissions use natural keys, because `migrate` numbers those
anew in every database. Sessions (logins, tied to the secret key) and the search index
(rebuilt from the data after a restore) are left out. A restore goes into a freshly migrated
database with the same migrations, all or nothing, and resets PostgreSQL's sequences.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "kennisstad-backup"
FORMAT_VERSION = 1
# Recreated by `migrate` (content types, permissions) or not worth keeping (sessions, the
# search index, which is rebuilt from the restored data).
SKIPPED = {"contenttypes.ContentType", "auth.Permission", "sessions.Session"}
SKIPPED_APPS = {"search"}
NATURAL = (ContentType, Permission)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with a message for the operator."""


class FullPrecisionEncoder(DjangoJSONEncoder):
    """Django's JSON encoder keeps only milliseconds of times; a backup keeps them whole."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    """Django's JSON, with natural keys only for content types and permissions."""

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL)
        super().handle_m2m_field(obj, field)


def backed_up_models() -> list:
    """The models whose rows go into a backup, in an order that loads (dependencies first)."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label not in SKIPPED
        and model._meta.app_label not in SKIPPED_APPS
    ]
    by_app: dict = {}
    for model in chosen:
        by_app.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    ordered = serializers.sort_dependencies(list(by_app.items()), allow_cycles=True)
    return [model for model in ordered if model in chosen]


def migration_state() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


@dataclass
class Summary:
    models: dict[str, int] = field(default_factory=dict)
    media: int = 0


def create_backup(path: str | os.PathLike, *, progress=None) -> Summary:
    """Write the whole platform to `path` (a .tar.gz), from one consistent snapshot."""
    target = Path(path)
    summary = Summary()
    manifest: dict = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": migration_state(),
        "models": [],
        "media": [],
    }
    temporary = target.with_name(target.name + ".partial")
    with tarfile.open(temporary, "w:gz") as archive, transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        for model in backed_up_models():
            label = model._meta.label
            queryset = model._default_manager.order_by("pk")
            stream = io.StringIO()
            Serializer().serialize(
                queryset.iterator(chunk_size=2000), stream=stream, cls=FullPrecisionEncoder
            )
            data = stream.getvalue().encode()
            name = f"data/{label.lower()}.json"
            _add(archive, name, data)
            count = queryset.count()
            manifest["models"].append(
                {"model": label, "file": name, "count": count, "sha256": _sha256(data)}
            )
            summary.models[label] = count
            if progress:
                progress(label)
        root = Path(settings.MEDIA_ROOT)
        for file_path in _media_files():
            data = file_path.read_bytes()
            relative = file_path.relative_to(root).as_posix()
            _add(archive, f"media/{relative}", data)
            manifest["media"].append({"path": relative, "size": len(data), "sha256": _sha256(data)})
            summary.media += 1
        _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
    temporary.replace(target)
    return summary


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def read_archive(path: str | os.PathLike) -> tuple[dict, dict[str, bytes]]:
    """The manifest and members of an archive, every checksum verified."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {}
            for member in archive.getmembers():
                if not member.isfile():
                    continue
                if member.name.startswith("/") or ".." in Path(member.name).parts:
                    raise BackupError(f"Unsafe path in the archive: {member.name}")
                members[member.name] = archive.extractfile(member).read()
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from error
    if "manifest.json" not in members:
        raise BackupError("This is not a Kennisstad backup: it has no manifest.json.")
    manifest = json.loads(members["manifest.json"])
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"Unknown backup format {manifest.get('format')!r} version {manifest.get('version')!r}."
        )
    for entry in manifest["models"]:
        data = members.get(entry["file"])
        if data is None or _sha256(data) != entry["sha256"]:
            raise BackupError(f"{entry['file']} is missing or damaged (checksum).")
    for entry in manifest["media"]:
        data = members.get(f"media/{entry['path']}")
        if data is None or _sha256(data) != entry["sha256"]:
            raise BackupError(f"media/{entry['path']} is missing or damaged (checksum).")
    return manifest, members


def database_is_empty() -> bool:
    return not any(model._default_manager.exists() for model in backed_up_models())


def restore_backup(path: str | os.PathLike, *, force: bool = False, progress=None) -> Summary:
    """Load an archive into this database and MEDIA_ROOT, all or nothing."""
    manifest, members = read_archive(path)
    current = migration_state()
    if manifest["migrations"] != current:
        differences = sorted(
            app
            for app in set(current) | set(manifest["migrations"])
            if current.get(app) != manifest["migrations"].get(app)
        )
        raise BackupError(
            "The backup was made with other migrations than this database has "
            f"(apps: {', '.join(differences)}). Restore it with the same version of the code."
        )
    known = {model._meta.label for model in backed_up_models()}
    unknown = [entry["model"] for entry in manifest["models"] if entry["model"] not in known]
    if unknown:
        raise BackupError(f"The backup holds models this code does not know: {unknown}")
    if not database_is_empty() and not force:
        raise BackupError(
            "The database is not empty. Restore into a freshly migrated database, "
            "or pass --force to replace everything in it."
        )
    media_root = Path(settings.MEDIA_ROOT)
    written: list[Path] = []
    summary = Summary()
    staging = Path(tempfile.mkdtemp(prefix="kennisstad-restore-"))
    try:
        with transaction.atomic():
            if force:
                for model in reversed(backed_up_models()):
                    model._default_manager.all()._raw_delete(model._default_manager.db)
            with connection.constraint_checks_disabled():
                for entry in manifest["models"]:
                    count = 0
                    for item in serializers.deserialize(
                        "json", members[entry["file"]], handle_forward_references=True
                    ):
                        item.object.skip_history_when_saving = True
                        item.save()
                        count += 1
                    if count != entry["count"]:
                        raise BackupError(
                            f"{entry['model']}: {count} rows, expected {entry['count']}."
                        )
                    summary.models[entry["model"]] = count
                    if progress:
                        progress(entry["model"])
            tables = [apps.get_model(e["model"])._meta.db_table for e in manifest["models"]]
            connection.check_constraints(table_names=tables)
            models = [apps.get_model(entry["model"]) for entry in manifest["models"]]
            statements = connection.ops.sequence_reset_sql(no_style(), models)
            if statements:
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
            for entry in manifest["media"]:
                target = media_root / entry["path"]
                data = members[f"media/{entry['path']}"]
                if target.exists():
                    if target.read_bytes() == data:
                        continue
                    if not force:
                        raise BackupError(f"{target} exists with other content.")
                staged = staging / entry["path"]
                staged.parent.mkdir(parents=True, exist_ok=True)
                staged.write_bytes(data)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(staged, target)
                written.append(target)
                summary.media += 1
    except BaseException:
        for target in written:
            target.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    call_command("rebuild_search_index", "--no-progress", verbosity=0, stdout=io.StringIO())
    return summary
