"""Request parameters: the one way to turn what a request carries into a number, an id,
a choice, a slug, a text or a date.

Every parameter that reaches a query or a computation goes through here, so the same
hostile values are refused everywhere: unicode digits ("²" passes ``str.isdigit()``
and then fails ``int()``; "١٢" is accepted by ``int()``), signs and spaces, integers
beyond PostgreSQL's bigint, ``1e308``/``inf``/``nan``, NUL and other control characters
(PostgreSQL refuses NUL in text, which surfaces as a database error), unbounded
lengths, and dates BC or in the far future (stored fine, then unreadable).

Two ways to be told: the ``parse_*``/``*_param`` functions raise :class:`BadParameter`,
a ``BadRequest`` whose French message the 400 page shows (callers that prefer a message
on the page catch it and use ``error.message``); forms use :class:`PlainIntegerField`,
:func:`validate_plain_text` and :func:`validate_plausible_date` and show a field error.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.db import DataError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template import loader
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

# PostgreSQL's bigint: the largest id or count a query may carry.
BIGINT_MAX = 2**63 - 1
# The years a person may mean on this platform; a date outside is a typing mistake
# (year 1 is stored as a date BC that psycopg cannot read back).
MIN_YEAR = 2000
MAX_YEAR = 2100
# Default bound of a free-text parameter (a search, a filter).
TEXT_MAX_LENGTH = 200

# Plain ASCII digits only, at most 19 of them (bigint), an optional minus sign when allowed.
_INTEGER = re.compile(r"-?[0-9]{1,19}\Z")
# A decimal typed by a person: "600", "600,5", "-1.25" (spaces as thousands separators
# are removed before). No exponent, so no 1e308.
_DECIMAL = re.compile(r"-?([0-9]{1,18}|[0-9]{1,3}( [0-9]{3}){1,5})([.,][0-9]{1,12})?\Z")
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_SPACES = {" ", "\u00a0", "\u202f"}


class BadParameter(BadRequest):
    """A request parameter that cannot be used; ``message`` says why, in French."""

    def __init__(self, message: str, *, name: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.name = name

    def __str__(self) -> str:
        return self.message


def _label(name: str) -> str:
    return name[:40] if name else _("demandée")


# --- Raw strings ---------------------------------------------------------------------------


def has_control_characters(text: str) -> bool:
    """Whether a text holds NUL or another control character (tabs and newlines are fine)."""
    return any(
        unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r" for char in text
    )


def parse_text(raw: str, *, name: str = "", max_length: int = TEXT_MAX_LENGTH) -> str:
    """A free text, stripped: no control character, at most ``max_length`` characters."""
    if has_control_characters(raw):
        raise BadParameter(
            _("La valeur « %(name)s » contient des caractères interdits.")
            % {"name": _label(name)},
            name=name,
        )
    text = raw.strip()
    if len(text) > max_length:
        raise BadParameter(
            _("La valeur « %(name)s » dépasse %(max)s caractères.")
            % {"name": _label(name), "max": max_length},
            name=name,
        )
    return text


def parse_int(
    raw: str,
    *,
    name: str = "",
    min_value: int | None = None,
    max_value: int | None = BIGINT_MAX,
) -> int:
    """An integer written in ASCII digits, within the bounds (bigint at most by default)."""
    text = raw  # no strip: " 1" is not what a link or a form sends
    negative_allowed = min_value is None or min_value < 0
    if not _INTEGER.match(text) or (text.startswith("-") and not negative_allowed):
        raise BadParameter(
            _("La valeur « %(name)s » doit être un nombre entier écrit en chiffres.")
            % {"name": _label(name)},
            name=name,
        )
    value = int(text)
    low = -BIGINT_MAX if min_value is None else min_value
    high = BIGINT_MAX if max_value is None else max_value
    if not low <= value <= high:
        raise BadParameter(
            _("La valeur « %(name)s » doit être comprise entre %(min)s et %(max)s.")
            % {"name": _label(name), "min": low, "max": high},
            name=name,
        )
    return value


def parse_id(raw: str, *, name: str = "") -> int:
    """The id of a row: a positive integer that fits PostgreSQL's bigint."""
    return parse_int(raw, name=name, min_value=1, max_value=BIGINT_MAX)


def parse_decimal(raw: str, *, name: str = "", min_value: float, max_value: float) -> float:
    """A finite number typed by a person ("600", "600,5", "1 204.5"), within the bounds.

    Exponents, ``inf`` and ``nan`` are refused: nobody types them, and ``1e308`` turns
    every sum into an overflow."""
    text = "".join(" " if char in _SPACES else char for char in raw).strip()
    if not _DECIMAL.match(text):
        raise BadParameter(
            _("« %(value)s » n’est pas un nombre.") % {"value": raw.strip()[:20]}, name=name
        )
    text = text.replace(" ", "")
    value = float(text.replace(",", "."))
    if min_value >= 0 and text.startswith("-"):
        raise BadParameter(_("La valeur doit être positive ou nulle."), name=name)
    if not math.isfinite(value) or not min_value <= value <= max_value:
        raise BadParameter(
            _("La valeur doit être comprise entre %(min)s et %(max)s.")
            % {"min": _plain(min_value), "max": _plain(max_value)},
            name=name,
        )
    return value + 0.0  # -0.0 becomes 0.0


def _plain(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f") if value == int(value) else str(value)


def parse_slug(raw: str, *, name: str = "", max_length: int = 60) -> str:
    """An identifier in a URL: ASCII letters, digits, hyphens and underscores."""
    text = raw.strip()
    if not _SLUG.match(text) or len(text) > max_length:
        raise BadParameter(
            _("L’identifiant « %(name)s » n’est pas valide.") % {"name": _label(name)}, name=name
        )
    return text


def parse_choice(raw: str, *, name: str = "", choices: Iterable[str]) -> str:
    """One of the allowed values."""
    text = raw.strip()
    if text not in set(choices):
        raise BadParameter(
            _("La valeur « %(name)s » n’est pas l’un des choix possibles.")
            % {"name": _label(name)},
            name=name,
        )
    return text


# --- Parameters of a request (a QueryDict or any mapping) -----------------------------------


def _raw(params: Mapping[str, Any], name: str) -> str:
    value = params.get(name, "")
    return value if isinstance(value, str) else ""


def int_param(
    params: Mapping[str, Any],
    name: str,
    *,
    default: int | None = None,
    min_value: int | None = None,
    max_value: int | None = BIGINT_MAX,
) -> int | None:
    """``?name=12`` as an int; ``default`` when absent or empty; ``BadParameter`` otherwise."""
    raw = _raw(params, name)
    if not raw.strip():
        return default
    return parse_int(raw, name=name, min_value=min_value, max_value=max_value)


def id_param(params: Mapping[str, Any], name: str) -> int | None:
    """``?name=<id>``: None when absent or empty."""
    raw = _raw(params, name)
    return parse_id(raw, name=name) if raw.strip() else None


def page_param(params: Mapping[str, Any], name: str = "page") -> int:
    """The page number of a list, for ``Paginator.get_page`` (which shows the last page
    when the number is beyond it). A page number is forgiving on purpose: absent or
    malformed ("abc", "²", "-3"), it is the first page, as a stale link deserves."""
    try:
        return int_param(params, name, default=1, min_value=1) or 1
    except BadParameter:
        return 1


def text_param(params: Mapping[str, Any], name: str, *, max_length: int = TEXT_MAX_LENGTH) -> str:
    """A free-text parameter, stripped ("" when absent)."""
    return parse_text(_raw(params, name), name=name, max_length=max_length)


def slug_param(params: Mapping[str, Any], name: str, *, max_length: int = 60) -> str:
    """A slug parameter ("" when absent or empty)."""
    raw = _raw(params, name)
    return parse_slug(raw, name=name, max_length=max_length) if raw.strip() else ""


def choice_param(
    params: Mapping[str, Any], name: str, *, choices: Iterable[str], default: str = ""
) -> str:
    """One of ``choices``; ``default`` when absent or empty."""
    raw = _raw(params, name)
    return parse_choice(raw, name=name, choices=choices) if raw.strip() else default


# --- Forms and models ----------------------------------------------------------------------


def validate_plain_text(value: str) -> None:
    """A form or model validator: no NUL or other control character."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            gettext_lazy("Ce texte contient des caractères interdits."), code="control"
        )


@deconstructible
class PlausibleDateValidator:
    """A date or datetime between ``MIN_YEAR`` and ``MAX_YEAR`` (models and forms)."""

    message = gettext_lazy("Indiquez une date entre %(min)s et %(max)s.")
    code = "implausible_date"

    def __call__(self, value: date | datetime | None) -> None:
        if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValidationError(
                self.message, code=self.code, params={"min": MIN_YEAR, "max": MAX_YEAR}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlausibleDateValidator)

    def __hash__(self) -> int:
        return hash(self.code)


validate_plausible_date = PlausibleDateValidator()


class PlainTextMixin:
    """For a form: every text field refuses NUL and other control characters.

    ``class CommentForm(PlainTextMixin, forms.Form)``; Django's ``CharField`` refuses
    NUL only."""

    fields: dict[str, forms.Field]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            if isinstance(form_field, forms.CharField):
                form_field.validators.append(validate_plain_text)


class PlainIntegerField(forms.IntegerField):
    """An ``IntegerField`` that accepts ASCII digits only (Django's takes "١٢" for 12)
    and stays within PostgreSQL's bigint unless tighter bounds are given."""

    default_error_messages = {
        "invalid": gettext_lazy("Saisissez un nombre entier écrit en chiffres."),
    }

    def __init__(self, *, min_value=None, max_value=None, **kwargs):
        super().__init__(
            min_value=-BIGINT_MAX if min_value is None else min_value,
            max_value=BIGINT_MAX if max_value is None else max_value,
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str) and value not in self.empty_values and not _INTEGER.match(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class PlainModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` that refuses, before any query, a value that could not be
    a key (NUL bytes make PostgreSQL raise instead of finding nothing)."""

    def to_python(self, value):
        if isinstance(value, str) and (
            has_control_characters(value) or len(value) > TEXT_MAX_LENGTH
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


# --- The 400 page and the last line of defence ---------------------------------------------


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler400``: the DSFR 400 page, with the reason when it is one of ours."""
    reason = exception.message if isinstance(exception, BadParameter) else ""
    template = loader.get_template("400.html")
    return HttpResponseBadRequest(template.render({"reason": reason}, request))


class BadParameterMiddleware:
    """The last line of defence: a query string with a NUL byte or another control
    character is refused before any view runs, and a ``DataError`` raised while a
    request with parameters was served (a value PostgreSQL refuses) answers 400.

    Views still parse their parameters where they read them (``core.params``): this
    only keeps a forgotten one from showing as a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(
            has_control_characters(key) or has_control_characters(value)
            for key, values in request.GET.lists()
            for value in values
        ):
            return bad_request(
                request, BadParameter(_("L’adresse contient des caractères interdits."))
            )
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DataError | OverflowError | ValueError) and (
            request.GET or request.POST
        ):
            # Logged as an error all the same: a parameter was read without this module.
            logger.error("Unparsed request parameter", exc_info=exception)
            return bad_request(
                request,
                BadParameter(_("Une des valeurs envoyées n’est pas utilisable.")),
            )
        return None
