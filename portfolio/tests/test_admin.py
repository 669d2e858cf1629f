"""The programme office's admin: every list and form renders, and the invariants hold there too."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portfolio.models import Project
from portfolio.tests.factories import (
    FlagshipFactory,
    NeighbourhoodFactory,
    OrganisationFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client, django_user_model):
    user = django_user_model.objects.create_superuser("bureau", "bureau@example.org", "geheim-123")
    client.force_login(user)
    return client


def test_every_portfolio_admin_page_renders(office):
    project = ProjectFactory()
    ProjectPartnerFactory(project=project)
    ResultFactory(project=project)
    NeighbourhoodFactory()
    for model in admin.site._registry:
        if model._meta.app_label != "portfolio":
            continue
        info = (model._meta.app_label, model._meta.model_name)
        changelist = office.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "a"})
        assert changelist.status_code == 200, model
        assert office.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, model
        instance = model.objects.first()
        if instance is not None:
            url = reverse("admin:{}_{}_change".format(*info), args=[instance.pk])
            assert office.get(url).status_code == 200, model


def project_form_data(project: Project, **overrides) -> dict:
    data = {
        "programme": project.programme_id,
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "description": project.description,
        "primary_theme": project.primary_theme_id,
        "status": project.status,
        "publication": project.publication,
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "results-TOTAL_FORMS": "0",
        "results-INITIAL_FORMS": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_admin_refuses_primary_theme_as_secondary_theme(office):
    project = ProjectFactory()
    url = reverse("admin:portfolio_project_change", args=[project.pk])
    response = office.post(
        url, project_form_data(project, secondary_themes=[project.primary_theme_id])
    )
    assert response.status_code == 200
    assert "Het hoofdthema kan niet ook een extra thema zijn." in response.content.decode()
    assert not project.secondary_themes.exists()


def test_admin_refuses_citywide_with_neighbourhoods_and_two_leads(office):
    project = ProjectFactory()
    neighbourhood = NeighbourhoodFactory()
    first, second = OrganisationFactory(), OrganisationFactory()
    url = reverse("admin:portfolio_project_change", args=[project.pk])
    response = office.post(
        url,
        project_form_data(
            project,
            is_citywide="on",
            neighbourhoods=[neighbourhood.pk],
            **{
                "partners-TOTAL_FORMS": "2",
                "partners-0-organisation": first.pk,
                "partners-0-role": "trekker",
                "partners-1-organisation": second.pk,
                "partners-1-role": "trekker",
            },
        ),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Een stadsbreed project heeft geen losse buurten" in content
    project.refresh_from_db()
    assert not project.is_citywide
    assert not project.partners.exists()


def test_admin_saves_a_valid_change(office):
    project = ProjectFactory()
    other_theme = ThemeFactory(programme=project.programme)
    url = reverse("admin:portfolio_project_change", args=[project.pk])
    response = office.post(
        url, project_form_data(project, title="Nieuwe titel", secondary_themes=[other_theme.pk])
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Nieuwe titel"
    assert list(project.secondary_themes.all()) == [other_theme]


def test_admin_import_tries_first_then_imports(office, tmp_path):
    ThemeFactory(slug="gezondheid-welzijn", name="Gezondheid & Welzijn")
    csv = (
        b"external_id,title,summary,theme,status,lead_organisation,partners\n"
        b"x-1,Gezonde buurt,Samen gezonder,gezondheid-welzijn,lopend,Buurthuis De Ster,LUMC\n"
    )
    url = reverse("admin:portfolio_project_import")
    assert office.get(url).status_code == 200
    response = office.post(url, {"file": SimpleUploadedFile("lijst.csv", csv), "dry_run": "on"})
    assert "Proefimport" in response.content.decode()
    assert not Project.objects.exists()
    response = office.post(url, {"file": SimpleUploadedFile("lijst.csv", csv)})
    assert "1 nieuw" in response.content.decode()
    assert Project.objects.get(external_id="x-1").title == "Gezonde buurt"


def test_admin_import_shows_every_bad_line_and_saves_nothing(office):
    ThemeFactory(slug="gezondheid-welzijn", name="Gezondheid & Welzijn")
    csv = (
        b"external_id,title,summary,theme,status\n"
        b"x-1,Goed,Samen gezonder,gezondheid-welzijn,lopend\n"
        b"x-2,Fout,Samen,gezondhied,lopend\n"
        b"x-3,Ook fout,Samen,gezondheid-welzijn,klaar\n"
    )
    response = office.post(
        reverse("admin:portfolio_project_import"),
        {"file": SimpleUploadedFile("lijst.csv", csv)},
    )
    content = response.content.decode()
    assert "Regel 3" in content and "Regel 4" in content
    assert not Project.objects.exists()


@pytest.mark.parametrize("model", ["theme", "flagship", "neighbourhood", "district"])
def test_a_name_renamed_in_the_admin_finds_its_projects_at_once(office, model):
    import json

    from django.forms.models import model_to_dict

    from search import query, terms
    from search.services import index_objects

    project = ProjectFactory(publication=Project.Publication.PUBLISHED)
    if model == "theme":
        renamed = project.primary_theme
    elif model == "flagship":
        renamed = FlagshipFactory(programme=project.programme)
        project.flagships.add(renamed)
    else:
        neighbourhood = NeighbourhoodFactory()
        project.neighbourhoods.add(neighbourhood)
        renamed = neighbourhood if model == "neighbourhood" else neighbourhood.district
    index_objects(kind="project", ids=[project.pk])
    data = {
        key: "" if value is None else json.dumps(value) if isinstance(value, dict) else value
        for key, value in model_to_dict(renamed).items()
    }
    data["name"] = "Zwanenbloesem"
    prefix = "neighbourhoods"  # the district's inline of neighbourhoods, left as it is
    data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})

    response = office.post(reverse(f"admin:portfolio_{model}_change", args=[renamed.pk]), data)

    assert response.status_code == 302
    found = query.TextMatch("project", terms.parse_query("Zwanenbloesem")).ranked_object_ids()
    assert found == [project.pk]


def test_admin_edits_and_deletes_reach_the_search_index(office):
    from search.models import SearchDocument

    project = ProjectFactory()
    organisation = OrganisationFactory(name="Oude Naam")
    ProjectPartnerFactory(project=project, organisation=organisation)
    url = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    response = office.post(
        url, {"name": "Stichting Nieuwe Naam", "slug": organisation.slug, "kind": "bedrijf"}
    )
    assert response.status_code == 302
    assert SearchDocument.objects.get(kind="organisation", object_id=organisation.pk).label == (
        "Stichting Nieuwe Naam"
    )
    assert "nieuw" in SearchDocument.objects.get(kind="project", object_id=project.pk).keywords
    # Projects are never hard-deleted from the admin: the workspace's bin (soft delete) takes
    # them out of the public index, and only the retention rule removes them for good.
    url = reverse("admin:portfolio_project_delete", args=[project.pk])
    assert office.post(url, {"post": "yes"}).status_code == 403
    assert Project.objects.filter(pk=project.pk).exists()
    from django.contrib.auth.models import User

    from portfolio.services import delete_project

    delete_project(project=project, by=User.objects.get(username="bureau"))
    assert not SearchDocument.objects.get(kind="project", object_id=project.pk).is_public
