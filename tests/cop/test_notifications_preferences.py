"""Each user chooses, kind by kind, how often they hear from the platform."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from cop import selectors, services
from cop.models import Frequency, NotificationPreference
from cop.notification_kinds import notification_kinds
from tests.factories import NotificationPreferenceFactory


def test_without_a_choice_what_concerns_me_comes_at_once_and_the_rest_in_the_digest(citizen):
    assert selectors.notification_frequencies(user=citizen) == {
        "moderation": "immediately",
        "reply": "immediately",
        "meeting_reminder": "immediately",
        "meeting_seat": "immediately",
        "meeting_cancelled": "immediately",
        "minutes_published": "daily",
        "group_contribution": "daily",
        "report_received": "immediately",
        "membership": "immediately",
    }


def test_every_kind_has_a_default(citizen):
    for kind in notification_kinds():
        assert selectors.notification_frequency(user=citizen, kind=kind.key) in Frequency.values


def test_a_choice_replaces_the_default_for_that_kind_only(citizen):
    services.notification_preferences_set(
        user=citizen, frequencies={"reply": "daily", "group_contribution": "never"}
    )

    frequencies = selectors.notification_frequencies(user=citizen)
    assert frequencies["reply"] == "daily"
    assert frequencies["group_contribution"] == "never"
    assert frequencies["moderation"] == "immediately"
    assert frequencies["minutes_published"] == "daily"


def test_changing_a_choice_twice_keeps_one_row_per_kind(citizen):
    services.notification_preferences_set(user=citizen, frequencies={"reply": "daily"})
    services.notification_preferences_set(user=citizen, frequencies={"reply": "never"})

    assert NotificationPreference.objects.filter(user=citizen, kind="reply").count() == 1
    assert selectors.notification_frequency(user=citizen, kind="reply") == "never"


def test_one_users_choice_does_not_change_anothers(citizen, stakeholder):
    services.notification_preferences_set(user=citizen, frequencies={"moderation": "never"})
    assert selectors.notification_frequency(user=stakeholder, kind="moderation") == "immediately"


def test_an_unknown_frequency_is_refused_in_french_and_changes_nothing(citizen):
    with pytest.raises(ValidationError) as error:
        services.notification_preferences_set(
            user=citizen, frequencies={"reply": "daily", "moderation": "weekly"}
        )

    assert "Immédiatement" in error.value.messages[0]
    assert not NotificationPreference.objects.exists()


def test_an_unknown_kind_is_refused_in_french(citizen):
    with pytest.raises(ValidationError, match="Ce type de notification n’existe pas"):
        services.notification_preferences_set(user=citizen, frequencies={"weather": "daily"})


def test_the_database_holds_one_choice_per_user_and_kind(citizen):
    NotificationPreferenceFactory(user=citizen, kind="reply", frequency="daily")
    with pytest.raises(IntegrityError):
        NotificationPreference.objects.create(user=citizen, kind="reply", frequency="never")


def test_the_database_refuses_an_unknown_frequency(citizen):
    with pytest.raises(IntegrityError):
        NotificationPreference.objects.create(user=citizen, kind="reply", frequency="weekly")
