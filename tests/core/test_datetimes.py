"""``|datetime_attr``: the machine-readable value of ``<time datetime>``."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.template import Context, Template

UTC = dt.UTC


def render(value) -> str:
    return Template("{% load datetimes %}{{ value|datetime_attr }}").render(
        Context({"value": value})
    )


def test_a_datetime_is_written_in_local_time_to_the_second(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = dt.datetime(2025, 3, 14, 9, 26, 53, 589793, tzinfo=UTC)
    assert render(moment) == "2025-03-14T10:26:53+01:00"


def test_summer_time_gives_its_own_offset(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = dt.datetime(2025, 7, 1, 8, 0, 0, 1, tzinfo=ZoneInfo("Europe/Paris"))
    assert render(moment) == "2025-07-01T08:00:00+02:00"


def test_a_date_is_a_plain_iso_date_and_nothing_gives_an_empty_value():
    assert render(dt.date(2025, 12, 4)) == "2025-12-04"
    assert render(None) == ""
