import pytest

from cop.markdown import render_markdown
from tests.html_safety import dangerous_markup


def test_markdown_renders_emphasis_lists_and_links():
    html = render_markdown("**Gras** et [lien](https://www.ecologie.gouv.fr)\n\n- un\n- deux")
    assert "<strong>Gras</strong>" in html
    assert '<a href="https://www.ecologie.gouv.fr" rel="noopener noreferrer nofollow">' in html
    assert "<li>un</li>" in html


def test_user_headings_start_below_the_page_title():
    assert render_markdown("# Titre").strip() == "<h2>Titre</h2>"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[clic](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src='https://exemple.fr'></iframe>",
        "[x](JaVaScRiPt:alert(1))",
    ],
)
def test_script_handlers_and_javascript_links_come_out_inert(payload):
    assert dangerous_markup(render_markdown(payload)) == []
