"""A corpus of XSS payloads in titles, bodies, comments and reasons comes out inert.

Every page that shows user text is rendered twice: once with harmless text, once
with the payloads in the same places. The script-capable markup found in the
page (``tests/html_safety.dangerous_markup``: the layout's own forms included)
must be the same: a payload adds nothing a browser would run.
"""

import re
from collections import Counter

import pytest
from django.db import transaction
from django.urls import reverse

from tests.html_safety import dangerous_markup
from tests.workshops.factories import (
    CommentFactory,
    ContributionFactory,
    ReportFactory,
    make_member,
    make_stakeholder,
)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[entités](&#106;avascript:alert(1))",
    '<a href="javascript:alert(1)">lien brut</a>',
    '<a href="&#x6A;avascript:alert(1)">hexa</a>',
    "[données](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://exemple.test"></iframe>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '![image](x" onerror="alert(1))',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>Envoyer</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<details open ontoggle=alert(1)>",
    "[vb](vbscript:msgbox(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]

LAYOUT_SCRIPT = re.compile(r'<script[^>]*\bsrc="/static/[^"]*"[^>]*>\s*</script>')


def body_of(html: str) -> str:
    """The page's body (a partial is all body) without the layout's own script files."""
    return LAYOUT_SCRIPT.sub("", html.split("<body", 1)[-1])


def build(texts, group, author, facilitator_client):
    """Contributions, comments, replies, reports and a hidden item carrying ``texts``."""
    contributions = [
        ContributionFactory(
            group=group, author=author, title=text[:200], body=f"Avant {text} après"
        )
        for text in texts
    ]
    main = contributions[0]
    for text in texts:
        comment = CommentFactory(contribution=main, body=text)
        CommentFactory(contribution=main, parent=comment, body=f"Réponse : {text}")
        ReportFactory(contribution=None, comment=comment, reason=text)
    for contribution, text in zip(contributions[1:6], texts, strict=False):
        ReportFactory(contribution=contribution, reason=text)
    hidden = contributions[-1]
    hidden.status = "hidden"
    hidden.moderation_reason = texts[1]
    hidden.save()
    return main, hidden, main.comments.first()


def pages(world, clients, group):
    main, hidden, comment = world
    public, author, moderator = clients
    list_url = reverse("workshops:contributions")
    return {
        "contribution (public)": public.get(main.get_absolute_url()),
        "contribution (author)": author.get(main.get_absolute_url()),
        "contribution (moderator)": moderator.get(main.get_absolute_url()),
        "hidden contribution (author)": author.get(hidden.get_absolute_url()),
        "hidden contribution (moderator)": moderator.get(hidden.get_absolute_url()),
        "list": public.get(list_url),
        "list, page 2": public.get(list_url, {"page": 2}),
        "group list": public.get(reverse("workshops:group_contributions", args=[group.slug])),
        "search": public.get(list_url, {"q": "alert"}),
        "search for a payload": public.get(list_url, {"q": PAYLOADS[12]}),
        "results partial": public.get(list_url, headers={"HX-Request": "true"}),
        "moderation queue": moderator.get(reverse("workshops:moderation")),
        "comment report": author.get(reverse("workshops:comment_report", args=[comment.pk])),
        "comment moderation": moderator.get(
            reverse("workshops:comment_moderate", args=[comment.pk])
        ),
        "merge": moderator.get(reverse("workshops:contribution_merge", args=[main.pk])),
        "edit": author.get(reverse("workshops:contribution_edit", args=[main.pk])),
        "synthesis": moderator.get(reverse("workshops:group_synthesis", args=[group.slug])),
    }


def findings(responses) -> dict[str, Counter]:
    found = {}
    for name, response in responses.items():
        assert response.status_code == 200, name
        found[name] = Counter(dangerous_markup(body_of(response.content.decode())))
    return found


@pytest.fixture
def setting(group, group_facilitator, client, client_of):
    author = make_member(group, "autrice@exemple.test")
    make_stakeholder("lecteur@exemple.test")
    clients = (client, client_of(author), client_of(group_facilitator))
    return group, author, clients


def test_the_payloads_add_no_script_capable_markup_to_any_page(setting):
    group, author, clients = setting
    harmless = [f"Texte anodin numéro {n}" for n in range(len(PAYLOADS))]
    with transaction.atomic():
        baseline = findings(pages(build(harmless, group, author, None), clients, group))
        transaction.set_rollback(True)

    responses = pages(build(PAYLOADS, group, author, None), clients, group)

    assert findings(responses) == baseline


def test_the_payloads_are_shown_as_text_not_dropped(setting):
    group, author, clients = setting
    main, _hidden, _comment = build(PAYLOADS, group, author, None)
    public = clients[0]

    page = public.get(main.get_absolute_url()).content.decode()
    listing = public.get(reverse("workshops:contributions")).content.decode()
    search = public.get(reverse("workshops:contributions"), {"q": PAYLOADS[0]}).content.decode()

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in listing
    assert "« &lt;script&gt;alert(1)&lt;/script&gt; »" in search
