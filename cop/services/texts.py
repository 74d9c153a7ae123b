"""Published texts: save a draft, publish it as a new dated version.

A text has at most one draft; saving again edits the draft. Publishing freezes
the draft into a version that is never changed afterwards, so every state the
public has read stays readable on the text's versions page. Only publication
is audited (it is what the public sees). The caller checks who may write.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cop import audit
from cop.models import TEXT_KEY_PATTERN, PublishedText, PublishedTextVersion, User

MAX_BODY_LENGTH = 200_000

DRAFT = PublishedTextVersion.State.DRAFT
PUBLISHED = PublishedTextVersion.State.PUBLISHED


def _valid_key(key: str) -> str:
    if not isinstance(key, str) or not re.fullmatch(TEXT_KEY_PATTERN, key):
        raise ValidationError(_("La clé de ce texte n’est pas valide."))
    return key


def _locked_text(key: str, *, title: str = "") -> PublishedText:
    text, _created = PublishedText.objects.get_or_create(key=key, defaults={"title": title})
    # The row lock orders concurrent saves and publications of one text.
    return PublishedText.objects.select_for_update().get(pk=text.pk)


def text_save_draft(*, key: str, body: str, author: User, title: str = "") -> PublishedTextVersion:
    """Save ``body`` as the draft of text ``key`` (created if need be); the draft returned."""
    key = _valid_key(key)
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Le texte est vide."))
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            _("Le texte dépasse %(max)s caractères.")
            % {"max": f"{MAX_BODY_LENGTH:,}".replace(",", " ")}
        )
    with transaction.atomic():
        text = _locked_text(key, title=title[:200])
        if title and text.title != title[:200]:
            text.title = title[:200]
            text.save(update_fields=["title"])
        draft = text.versions.filter(state=DRAFT).first()
        if draft is None:
            last = text.versions.aggregate(last=Max("number"))["last"] or 0
            return PublishedTextVersion.objects.create(
                text=text, number=last + 1, body=body, author=author, state=DRAFT
            )
        draft.body, draft.author, draft.saved_at = body, author, timezone.now()
        draft.save(update_fields=["body", "author", "saved_at"])
        return draft


def text_publish(*, key: str, author: User) -> PublishedTextVersion:
    """Publish the draft of text ``key`` as its new version (audited); the version returned."""
    key = _valid_key(key)
    with transaction.atomic():
        text = PublishedText.objects.select_for_update().filter(key=key).first()
        draft = text.versions.filter(state=DRAFT).first() if text else None
        if draft is None:
            raise ValidationError(_("Il n’y a pas de brouillon à publier pour ce texte."))
        draft.state = PUBLISHED
        draft.published_by = author
        draft.published_at = timezone.now()
        draft.save(update_fields=["state", "published_by", "published_at"])
        audit.record(
            actor=author, action="text.publish", target=draft, key=key, number=draft.number
        )
        return draft
