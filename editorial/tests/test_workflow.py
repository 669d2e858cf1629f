"""An editor creates, submits and resubmits; the programme office sends back and approves;
the public sees only what is published."""

from io import BytesIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portfolio import services
from portfolio.models import Project

pytestmark = pytest.mark.django_db


def project_form_data(world, **overrides) -> dict:
    data = {
        "title": "Buurtlab Pieterswijk",
        "summary": "Studenten en bewoners onderzoeken samen de gezondheid in de wijk.",
        "description": "Een lange beschrijving.",
        "primary_theme": world.theme.pk,
        "secondary_themes": [world.other_theme.pk],
        "flagships": [world.flagship.pk],
        "status": "lopend",
        "start_date": "2026-01-01",
        "end_date": "",
        "website": "https://example.org/buurtlab",
        "neighbourhoods": [world.neighbourhood.pk],
        "latitude": "",
        "longitude": "",
        "image_alt": "",
        "partners-TOTAL_FORMS": "2",
        "partners-INITIAL_FORMS": "0",
        "partners-0-organisation": world.own.pk,
        "partners-0-role": "trekker",
        "partners-1-organisation": world.other.pk,
        "partners-1-role": "kennispartner",
        "results-TOTAL_FORMS": "1",
        "results-INITIAL_FORMS": "0",
        "results-0-kind": "rapport",
        "results-0-title": "Eindrapport",
        "results-0-url": "https://example.org/rapport.pdf",
        "results-0-date": "2026-06-01",
        "results-0-description": "",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-0-label": "Projectsite",
        "links-0-url": "https://example.org/",
    }
    data.update(overrides)
    return data


def jpeg_with_exif(size=(2400, 1200)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x9286] = "secret comment"
    output = BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def test_editor_creates_a_project_with_partners_results_links_and_an_image(world, login):
    client = login(world.users["editor"])
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_exif(), content_type="image/jpeg")
    without_alt = client.post(
        "/beheer/projecten/nieuw/", {**project_form_data(world), "image": upload}
    )
    assert without_alt.status_code == 400, "an image needs a description (alt text)"
    assert "Beschrijf wat er op de afbeelding staat" in without_alt.content.decode()
    upload.seek(0)
    response = client.post(
        "/beheer/projecten/nieuw/",
        {**project_form_data(world), "image": upload, "image_alt": "Een rood vlak"},
    )
    assert response.status_code == 302, [
        line for line in response.content.decode().splitlines() if "error" in line
    ]
    project = Project.objects.get(title="Buurtlab Pieterswijk")
    assert project.publication == "concept"
    assert {(p.organisation, p.role) for p in project.partners.all()} == {
        (world.own, "trekker"),
        (world.other, "kennispartner"),
    }
    assert [r.title for r in project.results.all()] == ["Eindrapport"]
    assert [link.label for link in project.links.all()] == ["Projectsite"]
    assert list(project.neighbourhoods.all()) == [world.neighbourhood]
    with Image.open(project.image.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == 1600  # resized
        assert not stored.getexif()  # metadata stripped
    assert not project.image.name.endswith("foto.jpg")  # a random name
    history = project.history.first()
    assert history.history_user == world.users["editor"]


def test_image_that_is_really_html_is_refused(world, login):
    client = login(world.users["editor"])
    upload = SimpleUploadedFile(
        "foto.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    response = client.post(
        "/beheer/projecten/nieuw/", {**project_form_data(world), "image": upload}
    )
    assert response.status_code == 400
    assert not Project.objects.filter(title="Buurtlab Pieterswijk").exists()


def test_form_errors_are_shown_and_nothing_is_stored(world, login):
    client = login(world.users["editor"])
    data = project_form_data(
        world,
        title="",
        end_date="2025-01-01",
        **{"partners-0-organisation": world.other.pk, "partners-TOTAL_FORMS": "1"},
    )
    response = client.post("/beheer/projecten/nieuw/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Uw eigen organisatie is de trekker" in body
    assert "De einddatum ligt vóór de startdatum." in body or "verplicht" in body
    assert Project.objects.count() == 5


def test_editor_cannot_make_another_organisation_lead_of_their_project(world, login):
    client = login(world.users["editor"])
    data = project_form_data(
        world,
        **{
            "partners-0-role": "partner",
            "partners-1-role": "trekker",
            "results-TOTAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
        },
    )
    response = client.post(f"/beheer/projecten/{world.own_draft.pk}/bewerken/", data)
    assert response.status_code == 400
    world.own_draft.refresh_from_db()
    assert world.own_draft.title == "Gezonde wijk"


def test_submit_send_back_resubmit_approve_with_mail_to_both_sides(
    world, login, client, django_capture_on_commit_callbacks
):
    project = world.own_draft
    editor, office = world.users["editor"], world.users["office"]
    post = client.post

    def client_post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = client_post
    login(editor)
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "submit"})
    project.refresh_from_db()
    assert project.publication == "ingediend"
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"office@example.org", "editor@example.org"} <= recipients
    # The editor cannot approve (publish) their own project.
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "publish"})
    project.refresh_from_db()
    assert project.publication == "ingediend"

    mail.outbox.clear()
    login(office)
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "send_back"})
    project.refresh_from_db()
    assert project.publication == "ingediend", "sending back needs a comment"
    client.post(
        f"/beheer/projecten/{project.pk}/status/",
        {"transition": "send_back", "comment": "Voeg de partners toe."},
    )
    project.refresh_from_db()
    assert project.publication == "concept" and project.is_sent_back
    assert any("Voeg de partners toe." in m.body for m in mail.outbox)
    assert {"editor@example.org", "office@example.org"} <= {a for m in mail.outbox for a in m.to}

    login(editor)
    dashboard = client.get("/beheer/").content.decode()
    assert "teruggestuurd" in dashboard
    page = client.get(f"/beheer/projecten/{project.pk}/").content.decode()
    assert "Voeg de partners toe." in page
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "submit"})
    assert client.get(project.get_absolute_url()).status_code == 404

    mail.outbox.clear()
    login(office)
    review = client.get(f"/beheer/projecten/{project.pk}/").content.decode()
    assert review.count('value="publish"') == 1, "one publish action on a submitted project"
    client.post(f"/beheer/projecten/{project.pk}/status/", {"transition": "publish"})
    project.refresh_from_db()
    assert project.publication == "gepubliceerd" and not project.review_comment
    to_editor = [m for m in mail.outbox if "editor@example.org" in m.to]
    assert to_editor and to_editor[0].subject.startswith("Goedgekeurd en gepubliceerd")
    assert "goedgekeurd" in to_editor[0].body
    client.logout()
    assert client.get(project.get_absolute_url()).status_code == 200
    assert project.title in client.get("/projecten/").content.decode()
    assert project.title in client.get("/zoeken/", {"q": "gezonde"}).content.decode()


def test_transitions_outside_the_table_are_refused(world):
    office = world.users["office"]
    with pytest.raises(LookupError):
        services.change_publication(project=world.own_draft, transition="approve", by=office)
    with pytest.raises(ValidationError):
        services.change_publication(project=world.own_draft, transition="archive", by=office)
    with pytest.raises(PermissionDenied):
        services.change_publication(
            project=world.other_draft, transition="submit", by=world.users["editor"]
        )
    with pytest.raises(LookupError):
        services.change_publication(project=world.own_draft, transition="fly", by=office)
    published = services.change_publication(
        project=world.other_submitted, transition="publish", by=office
    )
    archived = services.change_publication(project=published, transition="archive", by=office)
    assert archived.publication == "gearchiveerd"


def test_public_pages_and_search_show_only_published_projects(world, client):
    titles = [world.own_draft.title, world.other_submitted.title, world.other_draft.title]
    for path in ("/", "/projecten/", f"/themas/{world.theme.slug}/", "/zoeken/?q=plan"):
        body = client.get(path).content.decode()
        assert not any(title in body for title in titles), path
    assert world.own_published.title in client.get("/projecten/").content.decode()
    services.delete_project(project=world.own_published, by=world.users["office"])
    assert world.own_published.title not in client.get("/projecten/").content.decode()
    assert client.get(world.own_published.get_absolute_url()).status_code == 404


def test_preview_shows_the_draft_as_the_public_page_would(world, login):
    client = login(world.users["editor"])
    response = client.get(f"/beheer/projecten/{world.own_draft.pk}/voorbeeld/")
    body = response.content.decode()
    assert response.status_code == 200
    assert world.own_draft.title in body and "Rapport Gezonde wijk" in body
    assert 'class="project theme-gezondheid"' in body  # the public page's own markup
