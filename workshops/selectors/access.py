"""The one way to fetch a contribution or a comment for a user: 404 before 403.

Every page, partial and POST that takes a contribution id or a comment id goes
through these two functions. Who may not see the object gets the same 404 as for
an id that does not exist (ids are sequential: anything else would let hidden
titles be enumerated); who sees it but may not do what the view does gets a 403
that says why.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from ..models import Comment, Contribution
from .contributions import contribution_detail

READ_CONTRIBUTION = "workshops.read_contribution"
READ_COMMENT = "workshops.read_comment"


def get_contribution_for_user(
    user, pk: int, *, perm: str = READ_CONTRIBUTION, denied: str = ""
) -> Contribution:
    """The contribution ``pk`` if ``user`` may see it (Http404 otherwise) and holds ``perm``
    on it (PermissionDenied with the reason ``denied`` otherwise)."""
    contribution = contribution_detail(pk=pk)
    if contribution is None or not rules.has_perm(READ_CONTRIBUTION, user, contribution):
        raise Http404(_("Cette contribution n’existe pas."))
    if perm != READ_CONTRIBUTION and not rules.has_perm(perm, user, contribution):
        raise _denied(denied)
    return contribution


def get_comment_for_user(user, pk: int, *, perm: str = READ_COMMENT, denied: str = "") -> Comment:
    """The comment ``pk`` if ``user`` may see it and its contribution (Http404 otherwise) and
    holds ``perm`` on it (PermissionDenied with the reason ``denied`` otherwise)."""
    comment = (
        Comment.objects.select_related(
            "author", "contribution", "contribution__author", "contribution__group"
        )
        .filter(pk=pk)
        .first()
    )
    if comment is None or not rules.has_perm(READ_COMMENT, user, comment):
        raise Http404(_("Ce commentaire n’existe pas."))
    if perm != READ_COMMENT and not rules.has_perm(perm, user, comment):
        raise _denied(denied)
    return comment


def _denied(reason: str) -> PermissionDenied:
    # PermissionDenied(None) would print "None" on the 403 page.
    return PermissionDenied(reason) if reason else PermissionDenied()
