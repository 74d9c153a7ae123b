from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load humanize %}" + source).render(Context(context))


def test_ids_past_999_stay_plain_in_attributes_and_urls():
    assert render('<tr id="row-{{ pk }}">', pk=1096) == '<tr id="row-1096">'


def test_figures_shown_to_people_are_grouped_the_french_way():
    assert render("{{ n|intcomma }}", n=2587031) == "2\xa0587\xa0031"
    assert render('{{ x|floatformat:"0g" }}', x=9503.9) == "9\xa0504"
    assert render('{{ x|floatformat:"1g" }}', x=284.83) == "284,8"
