"""The audit log: one way to record who did what to which object.

Every moderation and publication action of the platform calls ``record`` in the
same transaction as the change it describes, so the log and the data agree.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent


def record(*, actor, action: str, target: models.Model | None, **details: Any) -> AuditEvent:
    """Record that ``actor`` did ``action`` (dotted, like ``membership.approve``) to ``target``."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None  # an anonymous user or a system task
    event = AuditEvent(actor=actor, action=action, details=details)
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:300]
    event.save()
    return event
