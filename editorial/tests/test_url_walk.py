"""Walk every URL of the site (the URL conf itself, admin and all apps) as every role, with
the IDs of another organisation's unpublished projects, by GET and POST: nobody but the
programme office may read or change them, whatever the address or the form."""

import re

import pytest
from django.contrib.auth.models import User
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from accounts.models import Invitation, RoleAssignment
from organisations.models import Organisation
from portfolio.models import Project, ProjectLink, ProjectPartner, Result

pytestmark = pytest.mark.django_db

SECRETS = ("Geheim museumplan", "Ingediend plan van Naturalis")
ROLES_WITHOUT_RIGHTS = ["anonymous", "editor", "coordinator", "teacher", "nobody"]
DENIED = {403, 404, 405, 410}


def walk(patterns, prefix: str = ""):
    """(pattern text, URL pattern) for every URL the site answers, admin included."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + _text(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + _text(pattern.pattern), pattern


def _text(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        return "«" + str(pattern).lstrip("^").rstrip("$") + "»"
    return str(pattern)  # the language prefix: "" for Dutch


def fill(text: str, project: Project, world) -> str:
    """A concrete path: every parameter filled with an ID of the other organisation."""
    model = re.search(r"admin/(\w+)/(\w+)/", text)
    model_name = model.group(2) if model else "project"
    by_model = {
        "project": project.pk,
        "projectpartner": project.partners.first().pk,
        "result": project.results.first().pk,
        "projectlink": project.links.first().pk,
        "organisation": world.other.pk,
        "user": world.users["other_editor"].pk,
        "roleassignment": world.users["other_editor"].role_assignments.first().pk,
    }
    values = {
        "pk": project.pk,
        "object_id": by_model.get(model_name, project.pk),
        "history_id": project.history.order_by("history_id").first().history_id,
        "slug": project.slug,
        "code": "WK054601",
        "token": "x",
        "uidb64": "MQ",
        "path": "x",
        "content_type_id": "1",
        "app_label": "portfolio",
        "url": f"portfolio/project/{project.pk}/change/",
    }

    def route(match):
        return str(values.get(match.group(2), project.pk))

    text = re.sub(r"<(?:(\w+):)?(\w+)>", route, text)

    def regex(match):
        inner = match.group(1)
        inner = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values.get(m.group(1), "x")), inner)
        return inner.replace("\\", "")

    return "/" + re.sub(r"«(.*?)»", regex, text)


def snapshot(world) -> dict:
    """Everything about the other organisation's projects, and who has which rights."""
    projects = Project.objects.filter(partners__organisation=world.other).order_by("pk")
    ids = list(projects.values_list("pk", flat=True))
    return {
        "projects": [
            model_to_dict(p, exclude=["image"]) | {"updated": p.updated_at} for p in projects
        ],
        "partners": list(ProjectPartner.objects.filter(project_id__in=ids).order_by("pk").values()),
        "results": list(Result.objects.filter(project_id__in=ids).order_by("pk").values()),
        "links": list(ProjectLink.objects.filter(project_id__in=ids).order_by("pk").values()),
        "history": Project.history.filter(id__in=ids).count(),
        "organisations": list(Organisation.objects.order_by("pk").values()),
        "roles": list(RoleAssignment.objects.order_by("pk").values("user", "role", "organisation")),
        "users": list(
            User.objects.order_by("pk").values(
                "pk", "username", "email", "is_active", "is_staff", "is_superuser", "password"
            )
        ),
        "invitations": Invitation.objects.count(),
    }


POST_DATA = {
    "title": "Gekaapt",
    "summary": "Gekaapt",
    "transition": "publish",
    "comment": "gekaapt",
    "email": "aanvaller@example.org",
    "role": "programmabureau",
    "revoke": "1",
    "action": "delete_selected",
    "_selected_action": "1",
    "post": "yes",
    "publication": "gepubliceerd",
}


def all_paths(world) -> list[tuple[str, str]]:
    paths = []
    for text, _pattern in walk(get_resolver().url_patterns):
        targets = (
            [world.other_draft, world.other_submitted]
            if "<" in text or "«" in text
            else [world.other_draft]
        )
        for project in targets:
            paths.append((text, fill(text, project, world)))
    return sorted(set(paths))


def client_for(role: str, world) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world.users[role])
    return client


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and (
        "/inloggen/" in response["Location"] or "/admin/login/" in response["Location"]
    )


def test_the_walk_covers_the_workspace_the_admin_and_the_public_site(world):
    texts = {text for text, _path in all_paths(world)}
    assert any(t.startswith("beheer/admin/") for t in texts)
    assert "beheer/projecten/<int:pk>/bewerken/" in texts
    assert "projecten/<slug:slug>/" in texts
    assert len(texts) > 100


@pytest.mark.parametrize("role", ROLES_WITHOUT_RIGHTS)
def test_no_role_reads_or_changes_another_organisations_drafts_by_any_url(world, role):
    before = snapshot(world)
    client = client_for(role, world)
    problems = []
    for text, path in all_paths(world):
        for method in ("get", "post"):
            if method == "get":
                response = client.get(path, {"q": "museumplan"})
            else:
                response = client.post(path, POST_DATA)
            if role != "anonymous" and not client.session.get("_auth_user_id"):
                client.force_login(world.users[role])  # the walk logged itself out
            status = response.status_code
            body = response.content.decode(errors="replace") if not response.streaming else ""
            if status >= 500:
                problems.append(f"{method.upper()} {path}: {status}")
            leaked = [secret for secret in SECRETS if secret in body]
            if leaked:
                problems.append(f"{method.upper()} {path}: shows {leaked}")
            workspace = text.startswith("beheer/") and not text.startswith(
                (
                    "beheer/inloggen",
                    "beheer/uitloggen",
                    "beheer/wachtwoord",
                    "beheer/uitnodiging",
                    "beheer/admin/login",
                    "beheer/admin/logout",
                    "beheer/admin/jsi18n",
                )
            )
            if workspace and role in ("anonymous", "nobody", "coordinator", "teacher", "editor"):
                allowed = status in DENIED or is_login_redirect(response)
                # The own dashboard, lists and forms are open to an editor (and the dashboard
                # to every role); they are checked for leaks above. The theme suggestion of
                # the project form reads only the text it is sent.
                own_pages = {
                    "beheer/",
                    "beheer/projecten/",
                    "beheer/projecten/nieuw/",
                    "beheer/projecten/themavoorstel/",
                    "beheer/prullenbak/",
                    "beheer/activiteiten/",
                    "beheer/activiteiten/nieuw/",
                    "beheer/samenhang/",  # the editor's own published projects (coherence)
                    "beheer/api-sleutels/",  # the user's own keys only (api/tests)
                }
                # The Kenniswinkel's lists, scoped by the policy to what the role may see.
                if role == "coordinator":
                    own_pages |= {
                        "beheer/kenniswinkel/",
                        "beheer/kenniswinkel/vragen/",
                        "beheer/kenniswinkel/aanbod/",
                        "beheer/kenniswinkel/aanbod/nieuw/",  # the coordinator manages offers
                    }
                if role == "teacher":
                    own_pages |= {
                        "beheer/kenniswinkel/vragen/",
                        "beheer/kenniswinkel/verzoeken/",
                        "beheer/kenniswinkel/aanbod/",
                    }
                if text in own_pages and role != "anonymous" and status in (200, 302, 400):
                    allowed = True
                if not allowed:
                    problems.append(f"{method.upper()} {path}: {status} for {role}")
    assert snapshot(world) == before, "the walk changed the other organisation's data"
    assert not problems, "\n".join(problems)


def test_programme_office_reaches_every_project_page_of_any_organisation(world):
    client = client_for("office", world)
    for text, path in all_paths(world):
        if not text.startswith("beheer/projecten/<int:pk>/") or "terugzetten" in text:
            continue
        if text.endswith(("status/", "verwijderen/")):
            continue  # POST-only actions, tested in test_workflow
        response = client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        assert world.other_draft.title in response.content.decode() or (
            world.other_submitted.title in response.content.decode()
        )
    admin = client.get(f"/beheer/admin/portfolio/project/{world.other_draft.pk}/change/")
    assert admin.status_code == 200


def test_editor_sees_projects_where_their_organisation_is_partner_but_edits_only_as_lead(
    world, login
):
    client = login(world.users["editor"])
    assert client.get(f"/beheer/projecten/{world.shared.pk}/").status_code == 200
    assert client.get(f"/beheer/projecten/{world.shared.pk}/bewerken/").status_code == 403
    assert client.get(f"/beheer/projecten/{world.own_draft.pk}/bewerken/").status_code == 200
    listed = client.get("/beheer/projecten/").content.decode()
    assert world.shared.title in listed and world.own_draft.title in listed
    assert world.other_draft.title not in listed
