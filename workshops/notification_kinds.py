"""The kinds of notification of the working groups, registered in ``cop`` at start-up."""

from django.utils.translation import gettext_lazy as _

from cop.models import Frequency
from cop.notification_kinds import register_notification_kind

REPLY = "reply"
MEETING_REMINDER = "meeting_reminder"
MEETING_SEAT = "meeting_seat"
MEETING_CANCELLED = "meeting_cancelled"
MINUTES_PUBLISHED = "minutes_published"
GROUP_CONTRIBUTION = "group_contribution"
REPORT_RECEIVED = "report_received"


def register() -> None:
    register_notification_kind(
        REPLY,
        label=_("Réponses à mes contributions"),
        help_text=_(
            "Quand quelqu’un commente une de vos contributions ou répond à un de vos commentaires."
        ),
        default_frequency=Frequency.IMMEDIATELY,
        order=20,
    )
    register_notification_kind(
        MEETING_REMINDER,
        label=_("Rappels de réunion la veille"),
        help_text=_(
            "La veille d’une réunion à laquelle vous êtes inscrit : l’heure, le lieu ou le "
            "lien de connexion."
        ),
        default_frequency=Frequency.IMMEDIATELY,
        order=30,
    )
    register_notification_kind(
        MEETING_SEAT,
        label=_("Places obtenues depuis la liste d’attente"),
        help_text=_(
            "Quand une place se libère à une réunion dont vous étiez sur la liste d’attente : "
            "vous êtes alors inscrit."
        ),
        default_frequency=Frequency.IMMEDIATELY,
        order=32,
    )
    register_notification_kind(
        MEETING_CANCELLED,
        label=_("Réunions annulées"),
        help_text=_("Quand une réunion à laquelle vous êtes inscrit est annulée, avec le motif."),
        default_frequency=Frequency.IMMEDIATELY,
        order=34,
    )
    register_notification_kind(
        MINUTES_PUBLISHED,
        label=_("Comptes rendus publiés"),
        help_text=_(
            "Quand le compte rendu d’une réunion à laquelle vous étiez inscrit est publié."
        ),
        default_frequency=Frequency.DAILY,
        order=40,
    )
    register_notification_kind(
        GROUP_CONTRIBUTION,
        label=_("Nouvelles contributions dans mes groupes"),
        help_text=_(
            "Quand une contribution est publiée dans un groupe de travail que vous suivez."
        ),
        default_frequency=Frequency.DAILY,
        order=50,
    )
    register_notification_kind(
        REPORT_RECEIVED,
        label=_("Signalements à modérer"),
        help_text=_(
            "Pour l’animation d’un groupe et les agents : quand une contribution ou un "
            "commentaire est signalé."
        ),
        default_frequency=Frequency.IMMEDIATELY,
        order=60,
    )
