"""Long jobs of the process core: the audit log as a CSV file, for staff.

Registered in ``cop/apps.py`` as the kind ``cop.audit_export``; started from
the audit log page, followed on the job's status page.
"""

import json

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import csv_lines

from . import selectors
from .jobs import Progress
from .models import LongJob

AUDIT_EXPORT = "cop.audit_export"
CHUNK = 2000


def audit_log_csv(job: LongJob, progress: Progress) -> tuple[str, bytes]:
    """Every event of the audit log (filtered by ``params["action"]``), as a CSV file."""
    # Asked again at run time: a role may have been revoked since the request.
    if not job.owner.has_perm("cop.view_auditlog"):
        raise PermissionDenied(
            _("Le journal des actions est réservé aux agents de l’État et de la Région.")
        )
    action = str(job.params.get("action", ""))[:100]
    events = selectors.audit_events(action=action)
    total = events.count()

    def rows():
        for index, event in enumerate(events.iterator(chunk_size=CHUNK), start=1):
            if index % CHUNK == 0:
                progress(
                    index * 100 // max(total, 1),
                    _("%(done)s événements sur %(total)s") % {"done": index, "total": total},
                )
            yield [
                timezone.localtime(event.created_at).strftime("%d/%m/%Y %H:%M:%S"),
                event.actor.email if event.actor else _("Système"),
                event.action,
                event.target_type.name if event.target_type else "",
                event.target_id,
                event.target_repr,
                json.dumps(event.details, ensure_ascii=False, sort_keys=True, default=str),
            ]

    header = [
        _("Date"),
        _("Auteur"),
        _("Action"),
        _("Type d’objet"),
        _("Identifiant"),
        _("Objet"),
        _("Détails"),
    ]
    content = "".join(csv_lines(header, rows())).encode("utf-8")
    stamp = timezone.localdate().isoformat()
    return f"journal-des-actions-{stamp}.csv", content
