"""The sections of "Mon espace" and the next steps of the signed-in home page.

``cop`` cannot read the models of higher apps, so each app registers, at
start-up, the sections it adds (as roles are registered through
``cop.roles.register_role_provider``)::

    # workshops/apps.py
    def ready(self):
        from cop.spaces import register_section
        register_section(
            "workshops.groups",
            title=_("Mes groupes de travail"),
            template="workshops/space/_groups.html",
            context=my_groups,   # request -> dict, or None to leave the section out
            order=20,
        )

``page=HOME`` makes the section a "next step" of the home page instead.
The context callable is called once per page view for the signed-in person;
it returns the variables of the section's template, or ``None`` (or an empty
dict) when the section has nothing to show. Keep it to one or two queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise

SPACE = "space"  # the "Mon espace" page
HOME = "home"  # the next steps of the signed-in home page

SectionContext = Callable[[HttpRequest], dict[str, Any] | None]


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    template: str
    context: SectionContext | None
    order: int
    page: str


@dataclass(frozen=True)
class RenderedSection:
    """A section ready for ``{% space_section %}``: its title, template and variables."""

    key: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """An HTML id for the section's heading."""
        return "section-" + "".join(c if c.isalnum() else "-" for c in self.key)


_sections: dict[str, Section] = {}


def register_section(
    key: str,
    *,
    title: str | Promise,
    template: str,
    context: SectionContext | None = None,
    order: int = 100,
    page: str = SPACE,
) -> None:
    """Add a section (registering the same key again replaces it)."""
    if page not in (SPACE, HOME):
        raise ValueError(f"Unknown page {page!r} for section {key!r}")
    _sections[key] = Section(key, title, template, context, order, page)


def unregister_section(key: str) -> None:
    """Remove a section (for tests)."""
    _sections.pop(key, None)


def sections_for(request: HttpRequest, *, page: str = SPACE) -> list[RenderedSection]:
    """The sections of ``page`` that have something to show to ``request.user``, in order."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        if section.page != page:
            continue
        values = {} if section.context is None else section.context(request)
        if section.context is not None and not values:
            continue
        rendered.append(
            RenderedSection(section.key, str(section.title), section.template, dict(values or {}))
        )
    return rendered
