"""Education offers managed in the workspace: list, create, edit periods and places, with the
import's rules (one service), history and an audit line."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent, Role
from portfolio.tests.factories import OrganisationFactory, ThemeFactory
from questions.models import EducationOffer, OfferPeriod
from questions.tests.factories import OfferFactory, PeriodFactory, make_user

pytestmark = pytest.mark.django_db


def offer_data(institution, teacher=None, **changes) -> dict:
    data = {
        "title": "Stadslab groen",
        "institution": institution.pk,
        "programme": "Biologie",
        "level": "hbo",
        "kind": "vak",
        "disciplines": "ecologie",
        "keywords": "groen, bomen",
        "description": "Studenten onderzoeken groen in de wijk.",
        "themes": [ThemeFactory().pk],
        "teachers": [teacher.pk] if teacher else [],
        "is_active": "on",
        "periods-TOTAL_FORMS": "2",
        "periods-INITIAL_FORMS": "0",
        "periods-0-academic_year": "2026",
        "periods-0-term": "S1",
        "periods-0-capacity": "3",
        "periods-1-academic_year": "",
        "periods-1-term": "",
        "periods-1-capacity": "",
    }
    data.update(changes)
    return data


def test_coordinator_creates_and_edits_an_offer_with_history(client):
    coordinator = make_user("coordinator", Role.COORDINATOR)
    institution = OrganisationFactory(name="Hogeschool Leiden")
    teacher = make_user("docent", Role.TEACHER, institution, first_name="Dirk")
    client.force_login(coordinator)
    listing = client.get(reverse("kenniswinkel:offers")).content.decode()
    assert "import_offers" not in listing and "Nieuw aanbod" in listing
    response = client.post(reverse("kenniswinkel:offer_create"), offer_data(institution, teacher))
    assert response.status_code == 302, response.content.decode()[-2000:]
    offer = EducationOffer.objects.get(title="Stadslab groen")
    assert list(offer.teachers.all()) == [teacher]
    period = OfferPeriod.objects.get(offer=offer)
    assert (period.academic_year, period.term, period.capacity) == (2026, "S1", 3)

    edit = reverse("kenniswinkel:offer_edit", args=[offer.pk])
    page = client.get(edit).content.decode()
    assert 'name="periods-0-capacity"' in page and 'value="3"' in page
    response = client.post(
        edit,
        offer_data(
            institution,
            teacher,
            **{"periods-INITIAL_FORMS": "1", "periods-0-capacity": "5", "title": "Stadslab"},
        ),
    )
    assert response.status_code == 302
    period.refresh_from_db()
    assert period.capacity == 5
    assert offer.history.count() >= 2
    event = AuditEvent.objects.filter(action="offer_edited").first()
    assert event.actor == coordinator and "periodes" in event.details["fields"]
    history = client.get(reverse("kenniswinkel:offer_history", args=[offer.pk])).content.decode()
    assert "Stadslab groen" in history and "Gewijzigd" in history


def test_bad_offer_input_gets_a_clear_message_and_stores_nothing(client):
    client.force_login(make_user("coordinator", Role.COORDINATOR))
    institution = OrganisationFactory()
    stranger = make_user("vreemde", Role.TEACHER, OrganisationFactory(name="Andere school"))
    duplicate = offer_data(
        institution,
        stranger,
        **{"periods-1-academic_year": "2026", "periods-1-term": "S1", "periods-1-capacity": "1"},
    )
    response = client.post(reverse("kenniswinkel:offer_create"), duplicate)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Elke periode komt één keer voor." in body
    assert "is geen docent van" in body
    assert not EducationOffer.objects.exists()


def test_teachers_see_offers_but_do_not_manage_them(client):
    institution = OrganisationFactory()
    offer = OfferFactory(institution=institution)
    PeriodFactory(offer=offer)
    client.force_login(make_user("docent", Role.TEACHER, institution))
    assert client.get(reverse("kenniswinkel:offers")).status_code == 200
    assert client.get(reverse("kenniswinkel:offer_edit", args=[offer.pk])).status_code == 403
    assert client.get(reverse("kenniswinkel:offer_create")).status_code == 403


def test_an_offer_import_writes_one_audit_line(tmp_path):
    from questions.importing import import_offers

    OrganisationFactory(name="Hogeschool Leiden")
    sheet = tmp_path / "aanbod.csv"
    sheet.write_text(
        "external_id,institution,programme,title,level,kind,periods,capacity,active\n"
        "HL-1,Hogeschool Leiden,Biologie,Stadslab,hbo,vak,2026-2027 S1,2,ja\n",
        encoding="utf-8",
    )
    result = import_offers(file=str(sheet))
    assert result.is_written, [str(e) for e in result.errors]
    event = AuditEvent.objects.get(action="import")
    assert event.details["created"] == 1 and event.actor_label == "import_offers"
