"""The monitor's workspace: editors state contributions of their projects, the programme
office reviews them; nobody else gets in."""

import pytest

from ambitions.models import Contribution, Indicator

pytestmark = pytest.mark.django_db


def test_an_editor_states_a_contribution_that_waits_for_review(client, editors):
    client.force_login(editors["editor"])
    url = f"/beheer/projecten/{editors['mine'].pk}/indicatoren/"
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")

    response = client.post(
        url, {"indicator": indicator.pk, "how": "Kookavonden in de buurt.", "measured_result": ""}
    )

    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.project, contribution.review) == (editors["mine"], "ingediend")
    assert contribution.created_by == editors["editor"]
    assert "Kookavonden in de buurt." in client.get(url).content.decode()


def test_an_empty_statement_is_refused_with_a_message(client, editors):
    client.force_login(editors["editor"])
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")

    response = client.post(
        f"/beheer/projecten/{editors['mine'].pk}/indicatoren/",
        {"indicator": indicator.pk, "how": ""},
    )

    assert response.status_code == 400
    assert "nog niet opgeslagen" in response.content.decode()
    assert not Contribution.objects.exists()


def test_an_editor_cannot_state_contributions_for_another_organisations_project(client, editors):
    client.force_login(editors["editor"])
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")

    response = client.post(
        f"/beheer/projecten/{editors['theirs'].pk}/indicatoren/",
        {"indicator": indicator.pk, "how": "Niet mijn project."},
    )

    assert response.status_code == 404
    assert not Contribution.objects.exists()


def test_the_programme_office_approves_from_the_queue_and_editors_may_not(client, editors):
    client.force_login(editors["editor"])
    indicator = Indicator.objects.get(slug="goed-ervaren-gezondheid")
    client.post(
        f"/beheer/projecten/{editors['mine'].pk}/indicatoren/",
        {"indicator": indicator.pk, "how": "Kookavonden."},
    )
    contribution = Contribution.objects.get()
    assert client.get("/beheer/bijdragen/").status_code == 403
    assert client.post(f"/beheer/bijdragen/{contribution.pk}/", {"approve": "1"}).status_code == 403

    client.force_login(editors["office"])
    assert "Kookavonden." in client.get("/beheer/bijdragen/").content.decode()
    client.post(f"/beheer/bijdragen/{contribution.pk}/", {"approve": "0", "comment": ""})
    contribution.refresh_from_db()
    assert contribution.review == "ingediend"  # sending back needs a reason
    client.post(f"/beheer/bijdragen/{contribution.pk}/", {"approve": "1"})
    contribution.refresh_from_db()
    assert contribution.review == "goedgekeurd"


def test_an_anonymous_visitor_is_sent_to_the_login(client, editors):
    response = client.get(f"/beheer/projecten/{editors['mine'].pk}/indicatoren/")

    assert response.status_code == 302
    assert "login" in response["Location"] or "inloggen" in response["Location"]


@pytest.mark.parametrize("model", ["ambition", "indicator", "area", "observation", "contribution"])
def test_the_programme_office_manages_the_monitor_in_the_admin(client, editors, model):
    client.force_login(editors["office"])

    assert client.get(f"/beheer/admin/ambitions/{model}/").status_code == 200
    assert client.get(f"/beheer/admin/ambitions/{model}/add/").status_code == 200


def test_an_editor_does_not_enter_the_admin(client, editors):
    client.force_login(editors["editor"])

    response = client.get("/beheer/admin/ambitions/indicator/")

    assert response.status_code == 302  # to the admin's login: the policy keeps editors out


def test_the_programme_office_tries_an_upload_first_and_nothing_is_written(client, editors):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ambitions.models import Observation

    client.force_login(editors["office"])
    before = Observation.objects.count()
    upload = SimpleUploadedFile(
        "lang.csv",
        b"indicator,area,period,value,lower,upper\ngoed-ervaren-gezondheid,GM0546,2022,57.5,,\n",
    )

    response = client.post(
        "/beheer/admin/ambitions/indicator/importeren/", {"file": upload, "dry_run": "on"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Proefimport: er is niets opgeslagen" in body
    assert "Dezelfde meting opnieuw importeren verandert niets." in body
    assert "1 nieuw" in body
    assert Observation.objects.count() == before
