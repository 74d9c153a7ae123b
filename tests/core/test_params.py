"""core.params: the one parser of request parameters, its 400 page and its middleware."""

import pytest
from django import forms

from core.params import (
    BIGINT_MAX,
    BadParameter,
    PlainIntegerField,
    PlainTextMixin,
    id_param,
    page_param,
    parse_choice,
    parse_decimal,
    parse_id,
    parse_int,
    parse_slug,
    parse_text,
    validate_plausible_date,
)


@pytest.mark.parametrize(
    "raw",
    [
        "²",
        "١٢",
        "１２",
        "+1",
        "-1",
        " 1",
        "1 ",
        "1_000",
        "0x1f",
        "1e3",
        "",
        "\x00",
        str(BIGINT_MAX + 1),
    ],
)
def test_an_id_is_plain_ascii_digits_within_bigint(raw):
    with pytest.raises(BadParameter) as error:
        parse_id(raw, name="reunion")
    assert "reunion" in error.value.message or "nombre" in error.value.message


def test_an_id_within_bigint_is_read():
    assert parse_id("12") == 12
    assert parse_id(str(BIGINT_MAX)) == BIGINT_MAX


def test_a_negative_integer_is_read_only_where_negatives_are_allowed():
    assert parse_int("-3", min_value=-10) == -3
    with pytest.raises(BadParameter):
        parse_int("-0", min_value=0)


@pytest.mark.parametrize(
    "raw", ["1e308", "inf", "-inf", "nan", "NaN", "1e3", "0x10", "²", "1,2,3"]
)
def test_a_decimal_refuses_exponents_infinities_and_nan(raw):
    with pytest.raises(BadParameter, match="n’est pas un nombre"):
        parse_decimal(raw, min_value=0, max_value=1e6)


def test_a_decimal_is_read_as_people_type_it_and_bounded():
    assert parse_decimal("1 204,5", min_value=0, max_value=1e6) == 1204.5
    assert parse_decimal("600.25", min_value=0, max_value=1e6) == 600.25
    assert parse_decimal("\u202f12\u00a0345 ", min_value=0, max_value=1e6) == 12345
    with pytest.raises(BadParameter):
        parse_decimal("7 7", min_value=0, max_value=1e6)
    with pytest.raises(BadParameter, match="comprise entre"):
        parse_decimal("1000001", min_value=0, max_value=1e6)
    with pytest.raises(BadParameter, match="positive ou nulle"):
        parse_decimal("-0", min_value=0, max_value=1e6)


@pytest.mark.parametrize("raw", ["a\x00b", "\x1b[31m", "x" * 201, "\x7f"])
def test_a_text_refuses_control_characters_and_excess_length(raw):
    with pytest.raises(BadParameter):
        parse_text(raw, name="q")


def test_a_text_keeps_accents_quotes_and_newlines():
    assert parse_text(" l’Orléanais\n ") == "l’Orléanais"


def test_slugs_and_choices():
    assert parse_slug("mobilite") == "mobilite"
    for raw in ["mobilité", "a b", "mobilite\x00", "x" * 61]:
        with pytest.raises(BadParameter):
            parse_slug(raw)
    assert parse_choice("remove", choices=["add", "remove"]) == "remove"
    with pytest.raises(BadParameter):
        parse_choice("drop", choices=["add", "remove"])


def test_an_absent_parameter_is_none_and_a_bad_page_number_is_the_first_page():
    assert id_param({}, "reunion") is None
    assert id_param({"reunion": ""}, "reunion") is None
    for raw in ["abc", "²", "-3", "0", "1e308"]:
        assert page_param({"page": raw}) == 1
    assert page_param({"page": "4"}) == 4


def test_a_date_outside_2000_2100_is_refused(db):
    import datetime as dt

    validate_plausible_date(dt.date(2000, 1, 1))
    validate_plausible_date(dt.date(2100, 12, 31))
    for value in (dt.date(1, 1, 1), dt.date(1999, 12, 31), dt.date(2101, 1, 1)):
        with pytest.raises(forms.ValidationError, match="entre 2000 et 2100"):
            validate_plausible_date(value)


class _Form(PlainTextMixin, forms.Form):
    name = forms.CharField(max_length=50)
    count = PlainIntegerField(min_value=0, required=False)


@pytest.mark.parametrize("count", ["²", "١٢", " 7 ", "+1", "1e3", str(BIGINT_MAX + 1)])
def test_a_form_integer_accepts_ascii_digits_only(count):
    form = _Form({"name": "Atelier", "count": count})
    assert not form.is_valid()
    assert form.errors["count"]


def test_a_form_text_refuses_control_characters_with_a_french_message():
    form = _Form({"name": "Atelier\x1b", "count": "3"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Ce texte contient des caractères interdits."]
    assert _Form({"name": "Atelier", "count": "3"}).is_valid()


def test_a_bad_parameter_answers_a_french_400_page_that_says_why(stakeholder_client):
    response = stakeholder_client.get("/contributions/nouvelle/", {"reunion": "²"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Requête incorrecte" in page
    assert "« reunion » doit être un nombre entier écrit en chiffres" in page
    assert 'class="fr-header' in page  # the DSFR layout


def test_a_nul_byte_in_the_address_answers_400_before_any_query(client, db):
    response = client.get("/reunions/calendrier.ics?groupe=%00")

    assert response.status_code == 400
    assert "caractères interdits" in response.content.decode()
