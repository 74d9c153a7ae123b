"""Pages of the shared pieces: "Mon espace", long jobs, the versions of a published text."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .exports import AUDIT_EXPORT
from .jobs import job_kind
from .services.jobs import job_start
from .spaces import SPACE, sections_for
from .views import LoggedInRequest, _crumbs, forbidden

MY_SPACE = _("Mon espace")


@login_required
def my_space(request: LoggedInRequest) -> HttpResponse:
    context = {
        "title": str(MY_SPACE),
        "breadcrumb_data": _crumbs(str(MY_SPACE)),
        "sections": sections_for(request, page=SPACE),
    }
    return render(request, "cop/my_space.html", context)


@login_required
@vary_on_headers("HX-Request")
def job_status(request: LoggedInRequest, pk: int) -> HttpResponse:
    job = selectors.get_job_for_user(user=request.user, pk=pk)
    kind = job_kind(job.kind)
    context = {
        "title": kind.title if kind else job.kind,
        "breadcrumb_data": _crumbs(
            _("Travail n° %(id)s") % {"id": job.pk}, (reverse("cop:my_space"), str(MY_SPACE))
        ),
        "job": job,
        "kind_title": kind.title if kind else job.kind,
        "expired": job.is_expired(timezone.now()),
    }
    template = "cop/job_status.html#status" if request.htmx else "cop/job_status.html"
    return render(request, template, context)


@login_required
@require_POST
def audit_export(request: LoggedInRequest) -> HttpResponse:
    if not request.user.has_perm("cop.view_auditlog"):
        return forbidden(
            request, _("Le journal des actions est réservé aux agents de l’État et de la Région.")
        )
    action = request.POST.get("action", "").strip()[:100]
    try:
        job = job_start(kind=AUDIT_EXPORT, owner=request.user, params={"action": action})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("cop:audit_log")
    return redirect("cop:job_status", pk=job.pk)


def text_versions(request: HttpRequest, key: str) -> HttpResponse:
    """Every published version of a text, the latest first (public, as the text is)."""
    versions = list(selectors.text_versions(key))
    if not versions:
        raise Http404("Texte introuvable.")
    text = versions[0].text
    heading = (
        _("Versions de « %(title)s »") % {"title": text.title}
        if text.title
        else _("Versions du texte")
    )
    context = {
        "title": heading,
        "breadcrumb_data": _crumbs(heading),
        "heading": heading,
        "text": text,
        "versions": versions,
    }
    return render(request, "cop/text_versions.html", context)
