"""Workspace actions that combine a portfolio service with an audit line: deletes, undos and
restores. (The workflow's steps, their audit lines and e-mails are the portfolio's one
transition service, `portfolio.services.change_publication`.)"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import AuditEvent
from accounts.services import record
from portfolio import services as portfolio
from portfolio.models import Project


@transaction.atomic
def delete_project(*, project: Project, by: Any, request=None) -> Project:
    project = portfolio.delete_project(project=project, by=by)
    record(AuditEvent.Action.SOFT_DELETE, request=request, actor=by, obj=project)
    return project


@transaction.atomic
def undo_delete_project(*, project: Project, by: Any, request=None) -> Project:
    project = portfolio.undo_delete_project(project=project, by=by)
    record(AuditEvent.Action.UNDO_DELETE, request=request, actor=by, obj=project)
    return project


@transaction.atomic
def restore_project_version(*, project: Project, history_id: int, by: Any, request=None):
    project = portfolio.restore_project_version(project=project, history_id=history_id, by=by)
    record(
        AuditEvent.Action.VERSION_RESTORE,
        request=request,
        actor=by,
        obj=project,
        history_id=history_id,
    )
    return project
