"""Demo of the working groups: the six groups, their facilitators and members,
documents, group sessions and departmental meetings with registrations and minutes.

Idempotent: everything is looked up by a natural key (slug, email, title). Dates
are relative to today, so that the demo always has past meetings (with their
minutes) and upcoming ones. Venues are real public buildings of the region;
people, dates and what was said are illustrative. The content is in ``demo_data/``.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from cop.demo import DEMO_PASSWORD, demo_account
from cop.models import Membership, Role, Side, User
from cop.services import grant_role
from panorama.models import Lever, Scenario, Sector
from territories.models import Departement

from .demo_data.groups import FACILITATORS, GROUPS, JOIN_MESSAGES, MEMBERS, MEMBERSHIPS, Person
from .demo_data.meetings import MEETINGS, PREFECTURES, VISIO
from .models import (
    GroupDocument,
    GroupFollow,
    GroupMembership,
    Meeting,
    MeetingKind,
    Registration,
    WorkingGroup,
)
from .services.meetings import minutes_publish

PARIS = ZoneInfo("Europe/Paris")


# --- Seeding ----------------------------------------------------------------------------------


def seed_groups_and_meetings(log) -> None:
    """Groups, facilitators, members, documents, meetings, registrations and minutes."""
    groups = _seed_groups(log)
    _seed_facilitators(groups)
    _seed_members(groups)
    log(
        f"Groupes de travail : {len(groups)}, chacun avec son binôme d’animation État-Région "
        f"({len(FACILITATORS) * 2} comptes, mot de passe {DEMO_PASSWORD}) et ses membres."
    )
    meetings = _seed_meetings(groups, log)
    log(f"Réunions : {meetings} (séances de groupe et rencontres départementales).")


def _account(person: Person) -> User:
    return demo_account(
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        organisation_name=person.organisation,
    )


def _seed_groups(log) -> dict[str, WorkingGroup]:
    groups = {}
    levers = {lever.slug: lever for lever in Lever.objects.all()}
    sectors = {sector.name: sector for sector in Sector.objects.all()}
    if not levers:
        log("Groupes de travail : panorama absent, les leviers des groupes ne sont pas reliés.")
    for position, data in enumerate(GROUPS, start=1):
        group, _created = WorkingGroup.objects.update_or_create(
            slug=data.slug,
            defaults={
                "name": data.name,
                "summary": data.summary,
                "description": data.description,
                "position": position,
            },
        )
        group.levers.set([levers[slug] for slug in data.levers if slug in levers])
        group.sectors.set([sectors[name] for name in data.sectors if name in sectors])
        for title, url in data.documents:
            GroupDocument.objects.update_or_create(group=group, title=title, defaults={"url": url})
        groups[data.slug] = group
    scenario = Scenario.objects.filter(
        owner__email="animateur@demo.test", name="Proposition du groupe « Mieux se déplacer »"
    ).first()
    if scenario is not None:
        groups["mobilite"].proposed_scenario = scenario
        groups["mobilite"].save(update_fields=["proposed_scenario"])
    return groups


def _seed_facilitators(groups: dict[str, WorkingGroup]) -> None:
    for slug, state, region in FACILITATORS:
        for person, side in ((state, Side.STATE), (region, Side.REGION)):
            user = _account(person)
            # The role service creates the GroupFacilitator row with the role.
            grant_role(user=user, role=Role.FACILITATOR, side=side, scope=groups[slug], by=None)


def _facilitator(group: WorkingGroup) -> User | None:
    """The group's State facilitator (the Region's if the State named none)."""
    facilitator = group.facilitators.select_related("user").order_by("-side").first()
    return facilitator.user if facilitator else None


def _seed_members(groups: dict[str, WorkingGroup]) -> None:
    people = {person.email: _account(person) for person in MEMBERS}
    people |= {user.email: user for user in User.objects.filter(email__in=list(MEMBERSHIPS))}
    now = timezone.now()
    for email, (accepted, pending) in MEMBERSHIPS.items():
        user = people.get(email)
        if user is None:
            continue
        membership = user.memberships.filter(status=Membership.Status.APPROVED).first()
        if membership is None:
            continue
        for slug in accepted:
            group = groups[slug]
            GroupMembership.objects.update_or_create(
                group=group,
                user=user,
                defaults={
                    "organisation": membership.organisation,
                    "status": GroupMembership.Status.ACCEPTED,
                    "message": "",
                    "decided_by": _facilitator(group),
                    "decided_at": now - dt.timedelta(days=60),
                },
            )
            GroupFollow.objects.get_or_create(group=group, user=user)
        for slug in pending:
            GroupMembership.objects.get_or_create(
                group=groups[slug],
                user=user,
                defaults={
                    "organisation": membership.organisation,
                    "message": JOIN_MESSAGES.get(email, ""),
                },
            )
    citizen = User.objects.filter(email="citoyen@demo.test").first()
    if citizen is not None:
        for slug in ("mobilite", "biodiversite"):
            GroupFollow.objects.get_or_create(group=groups[slug], user=citizen)


def _at(days: int, hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=PARIS)


def _seed_meetings(groups: dict[str, WorkingGroup], log) -> int:
    departements = {d.code: d for d in Departement.objects.filter(code__in=list(PREFECTURES))}
    staff = User.objects.filter(email="etat@demo.test").first()
    count = 0
    for data in MEETINGS:
        departement = departements.get(data.departement)
        if data.kind == MeetingKind.DEPARTMENTAL and departement is None:
            log(f"Réunions : géographie absente, « {data.title} » n’est pas créée.")
            continue
        group = groups.get(data.group)
        starts = _at(data.days, data.hour)
        meeting, created = Meeting.objects.update_or_create(
            title=data.title,
            defaults={
                "kind": data.kind,
                "group": group,
                "departement": departement,
                "starts_at": starts,
                "ends_at": starts + dt.timedelta(hours=data.duration),
                "place": data.place,
                "online_url": VISIO if data.online else "",
                "agenda": data.agenda,
                "capacity": data.capacity,
                "created_by": _facilitator(group) if group else staff,
            },
        )
        count += 1
        if created:
            # Once, with the meeting: on a rerun the contributions' authors (made
            # members by demo_contributions) would otherwise take seats as well.
            _seed_registrations(meeting, group, nearly_full=data.nearly_full, past=data.days < 0)
        author = _facilitator(group) if group else staff
        if data.outputs and data.days < 0 and not meeting.minutes_published and author:
            minutes_publish(
                meeting=meeting,
                by=author,
                minutes=data.outputs.minutes,
                initiatives=data.outputs.initiatives,
                obstacles=data.outputs.obstacles,
                proposals=data.outputs.proposals,
            )
    return count


def _seed_registrations(
    meeting: Meeting, group: WorkingGroup | None, *, nearly_full: bool, past: bool
) -> None:
    if group is not None:
        memberships = group.memberships.filter(status=GroupMembership.Status.ACCEPTED)
        users = [m.user for m in memberships.select_related("user").order_by("user__email")]
    else:
        # Departmental meetings: the demo's stakeholders of the département and around.
        users = list(
            User.objects.filter(
                email__in=[person.email for person in MEMBERS[:8]] + ["collectivite@demo.test"]
            ).order_by("email")
        )
    if meeting.capacity is not None:
        # Seats left for the demo visitors; a nearly full meeting keeps one, so
        # that the next person after it goes on the waiting list.
        users = users[: max(meeting.capacity - (1 if nearly_full else 2), 0)]
    for index, user in enumerate(users):
        Registration.objects.get_or_create(
            meeting=meeting,
            user=user,
            defaults={
                "status": Registration.Status.CONFIRMED,
                "attended": (index % 5 != 0) if past else None,
            },
        )
