"""``{% load datetimes %}``: dates and times written for machines (``<time datetime>``)."""

import datetime as dt

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def datetime_attr(value: dt.datetime | dt.date | None) -> str:
    """``<time datetime="{{ value|datetime_attr }}">``: ISO 8601 in local time, to the second.

    ``|date:"c"`` keeps microseconds, and the HTML standard allows at most three
    digits of a fraction of a second (the W3C checker rejects six).
    """
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""
