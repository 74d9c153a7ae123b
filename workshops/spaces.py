"""What the workshops add to "Mon espace" and to the signed-in home page.

Registered in ``workshops/apps.py`` through ``cop.spaces.register_section``;
each callable returns its template's variables, or None when it has nothing.
"""

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cop.spaces import HOME, register_section

from .selectors import space


def my_groups(request: HttpRequest) -> dict | None:
    groups = list(space.groups_of_user(user=request.user))
    return {"groups": groups} if groups else None


def my_meetings(request: HttpRequest) -> dict | None:
    registrations = list(space.registrations_of_user(user=request.user, now=timezone.now()))
    return {"registrations": registrations} if registrations else None


def my_contributions(request: HttpRequest) -> dict | None:
    contributions = space.contributions_of_user(user=request.user)
    return {"contributions": contributions} if contributions else None


def next_meeting(request: HttpRequest) -> dict | None:
    registration = space.registrations_of_user(user=request.user, now=timezone.now()).first()
    return {"registration": registration} if registration else None


def register() -> None:
    register_section(
        "workshops.groups",
        title=_("Mes groupes de travail"),
        template="workshops/space/_groups.html",
        context=my_groups,
        order=20,
    )
    register_section(
        "workshops.meetings",
        title=_("Mes réunions"),
        template="workshops/space/_meetings.html",
        context=my_meetings,
        order=30,
    )
    register_section(
        "workshops.contributions",
        title=_("Mes contributions"),
        template="workshops/space/_contributions.html",
        context=my_contributions,
        order=40,
    )
    register_section(
        "workshops.next_meeting",
        title=_("Votre prochaine réunion"),
        template="workshops/space/_next_meeting.html",
        context=next_meeting,
        order=30,
        page=HOME,
    )
