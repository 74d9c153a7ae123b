"""The lists of contributions: across groups and per group, with filters and search."""

import html

import nh3
from django.core.paginator import Page, Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from cop.markdown import render_markdown
from core.params import page_param

from ..forms.contributions import ContributionFilterForm
from ..models import WorkingGroup
from ..selectors import contributions as selectors
from .contributions import HtmxRequest, crumbs

LIST = "workshops/contributions/list.html"


def _paginate(items, number: int) -> Page:
    """A page of ``items`` with the elided page numbers of the DSFR pagination."""
    paginator = Paginator(items, selectors.PAGE_SIZE)
    page = paginator.get_page(number)
    page.elided_range = list(  # type: ignore[attr-defined]
        paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    )
    return page


def excerpt(text: str, length: int = 220) -> str:
    """The beginning of a Markdown text as plain text (the template escapes it)."""
    plain = html.unescape(nh3.clean(render_markdown(text), tags=set()))
    return Truncator(" ".join(plain.split())).chars(length)


def _list(request: HtmxRequest, *, group: WorkingGroup | None, context: dict):
    form = ContributionFilterForm(
        request.GET, choices=selectors.filter_choices(), with_group=group is None
    )
    filters = selectors.ContributionFilters(**form.filters())
    if group is not None:
        filters.group = group
    page = _paginate(selectors.search_contributions(filters=filters), page_param(request.GET))
    for contribution in page:
        contribution.excerpt = excerpt(contribution.body)
    context |= {"form": form, "filters": filters, "page_obj": page, "group": group}
    # An htmx request gets the results only; a history restore needs the whole page.
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, LIST + "#results", context)
    return render(request, LIST, context)


@require_safe
@vary_on_headers("HX-Request")
def contribution_list(request: HtmxRequest):
    title = _("Contributions")
    return _list(
        request,
        group=None,
        context={
            "title": title,
            "breadcrumb_data": crumbs(title),
            "action": reverse("workshops:contributions"),
            "can_contribute": request.user.is_authenticated,
        },
    )


@require_safe
@vary_on_headers("HX-Request")
def group_contributions(request: HtmxRequest, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    title = _("Contributions du groupe « %(group)s »") % {"group": group.name}
    return _list(
        request,
        group=group,
        context={
            "title": title,
            "breadcrumb_data": crumbs(
                _("Contributions"),
                (reverse("workshops:contributions"), _("Toutes les contributions")),
                (group.get_absolute_url(), group.name),
            ),
            "action": reverse("workshops:group_contributions", args=[group.slug]),
            "can_contribute": request.user.has_perm("workshops.contribute_in_group", group),
            "can_synthesise": request.user.has_perm("workshops.view_group_synthesis", group),
        },
    )
