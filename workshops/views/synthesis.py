"""The synthesis of a group for its facilitators and staff: counts, charts, CSV exports."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from cop.views import forbidden
from core.spreadsheets import csv_response
from panorama.charts import Bar, BarGroup, grouped_bars

from ..models import WorkingGroup
from ..selectors import contributions as selectors
from .contributions import LoggedInRequest, crumbs

NOT_ALLOWED = _(
    "La synthèse d’un groupe est réservée à ses animateurs et aux agents de l’État et de "
    "la Région."
)


def _group_for(request: LoggedInRequest, slug: str):
    group = get_object_or_404(WorkingGroup, slug=slug)
    allowed = request.user.has_perm("workshops.view_group_synthesis", group)
    return group, allowed


def _chart(label: str, rows: list[tuple[str, int]], *, title: str, unit: str, chart_id: str):
    """One group of horizontal bars; its heading gives the total in ``unit``."""
    return grouped_bars(
        [BarGroup(label, [Bar(name, count) for name, count in rows])],
        title=title,
        description=_(
            "Barres horizontales : %(title)s. Les mêmes chiffres figurent dans le tableau qui "
            "suit."
        )
        % {"title": title.lower()},
        unit=unit,
        chart_id=chart_id,
    )


@login_required
@require_safe
def group_synthesis(request: LoggedInRequest, slug: str):
    group, allowed = _group_for(request, slug)
    if not allowed:
        return forbidden(request, str(NOT_ALLOWED))
    synthesis = selectors.group_synthesis(group=group)
    by_kind = [(str(label), count) for label, count in synthesis.by_kind]
    by_lever = [
        (f"{lever.name} ({lever.sector.name})", count) for lever, count in synthesis.by_lever
    ]
    by_departement = [(str(d), count) for d, count in synthesis.by_departement]
    charts = {}
    if synthesis.total:
        charts["kind"] = _chart(
            _("Contributions publiées"),
            by_kind,
            title=_("Contributions par type"),
            unit=_("contributions"),
            chart_id="chart-kind",
        )
        # A contribution may cite several levers, and an EPCI lie in several
        # départements: those totals count mentions, not contributions.
        charts["departement"] = _chart(
            _("Départements concernés"),
            by_departement,
            title=_("Contributions par département"),
            unit=_("mentions"),
            chart_id="chart-departement",
        )
        if by_lever:
            charts["lever"] = _chart(
                _("Leviers cités"),
                by_lever,
                title=_("Contributions par levier"),
                unit=_("mentions"),
                chart_id="chart-lever",
            )
    title = _("Synthèse du groupe « %(group)s »") % {"group": group.name}
    return render(
        request,
        "workshops/contributions/synthesis.html",
        {
            "title": title,
            "breadcrumb_data": crumbs(
                _("Synthèse"),
                (reverse("workshops:contributions"), _("Contributions")),
                (group.get_absolute_url(), group.name),
            ),
            "group": group,
            "synthesis": synthesis,
            "by_kind": by_kind,
            "by_lever": by_lever,
            "by_departement": by_departement,
            "charts": charts,
        },
    )


SYNTHESIS_HEADER = [
    gettext_lazy("Numéro"),
    gettext_lazy("Type"),
    gettext_lazy("Titre"),
    gettext_lazy("Organisation"),
    gettext_lazy("Leviers"),
    gettext_lazy("Territoire"),
    gettext_lazy("Réunion"),
    gettext_lazy("Soutiens"),
    gettext_lazy("Commentaires"),
    gettext_lazy("Retenue"),
    gettext_lazy("Publiée le"),
    gettext_lazy("Lien"),
]


@login_required
@require_safe
def group_synthesis_csv(request: LoggedInRequest, slug: str):
    """The group's published contributions, one a line (semicolons, UTF-8 with BOM for Excel)."""
    group, allowed = _group_for(request, slug)
    if not allowed:
        return forbidden(request, str(NOT_ALLOWED))
    contributions = selectors.group_contributions_for_export(group=group).iterator(chunk_size=500)
    return csv_response(
        filename=f"contributions-{group.slug}-{timezone.localdate():%Y-%m-%d}.csv",
        header=SYNTHESIS_HEADER,
        rows=(_synthesis_row(request, c) for c in contributions),
    )


def _synthesis_row(request: HttpRequest, contribution) -> list:
    return [
        contribution.pk,
        contribution.get_kind_display(),
        contribution.title,
        contribution.organisation.name if contribution.organisation else "",
        " ; ".join(lever.name for lever in contribution.levers.all()),
        getattr(contribution, "territory_name", None) or "",
        contribution.meeting.title if contribution.meeting else "",
        contribution.support_count,
        contribution.comment_count,
        _("oui") if contribution.is_retained else _("non"),
        timezone.localtime(contribution.created_at).strftime("%d/%m/%Y"),
        request.build_absolute_uri(contribution.get_absolute_url()),
    ]
