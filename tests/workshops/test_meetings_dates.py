"""A meeting dated year 1 (stored BC, then unreadable) or year 9999 is refused everywhere
a person types a date: the scheduling form and the admin."""

import pytest
from django.apps import apps
from django.db import models

from core.params import PlausibleDateValidator
from workshops.models import Meeting

FORM = {
    "kind": "group_session",
    "title": "Séance de l’an 1",
    "ends_at": "2030-03-14T17:00",
    "place": "Orléans",
}


@pytest.mark.parametrize("starts_at", ["0001-01-01T10:00", "1999-12-31T10:00", "9999-12-31T10:00"])
def test_scheduling_a_meeting_outside_2000_2100_is_refused_with_a_french_message(
    client_of, group_facilitator, group, starts_at
):
    client = client_of(group_facilitator)
    response = client.post(
        "/reunions/nouvelle/", {**FORM, "group": group.pk, "starts_at": starts_at}
    )

    assert response.status_code == 400
    assert "Indiquez une date entre 2000 et 2100." in response.content.decode()
    assert not Meeting.objects.exists()
    assert client.get("/reunions/").status_code == 200
    assert client.get("/reunions/calendrier.ics").status_code == 200


def test_the_admin_refuses_a_meeting_dated_year_1(client_of, staff, group):
    response = client_of(staff).post(
        "/admin/workshops/meeting/add/",
        {
            "kind": "group_session",
            "title": "Séance de l’an 1",
            "group": group.pk,
            "starts_at_0": "01/01/0001",
            "starts_at_1": "10:00",
            "ends_at_0": "01/01/0001",
            "ends_at_1": "12:00",
            "place": "Orléans",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "Indiquez une date entre 2000 et 2100." in response.content.decode()
    assert not Meeting.objects.exists()
    assert client_of(staff).get("/admin/workshops/meeting/").status_code == 200


def _typed_dates():
    for model in apps.get_models():
        if model._meta.app_label not in {"cop", "panorama", "territories", "workshops"}:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.DateField) and field.editable:
                yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(_typed_dates()))
def test_every_date_a_person_may_enter_is_bounded_to_plausible_years(field):
    assert any(isinstance(v, PlausibleDateValidator) for v in field.validators)
