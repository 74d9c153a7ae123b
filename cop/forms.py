from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin

from .models import College, Frequency, NotificationKind, Organisation


class ProfileForm(PlainTextMixin, forms.Form):
    first_name = forms.CharField(label=_("Prénom"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=150, required=False)


class MembershipRequestForm(PlainTextMixin, forms.Form):
    """Choose a listed organisation, or propose a new one by name and college."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation de la liste"),
        queryset=Organisation.objects.listed().order_by("name"),
        required=False,
        empty_label=_("— Choisir une organisation —"),
    )
    new_name = forms.CharField(
        label=_("Nom de l’organisation"),
        max_length=200,
        required=False,
        help_text=_("L’équipe de la COP vérifie chaque nouvelle organisation."),
    )
    new_college = forms.ChoiceField(
        label=_("Collège de l’organisation"),
        choices=[("", _("— Choisir un collège —")), *College.choices],
        required=False,
    )
    message = forms.CharField(
        label=_("Message à l’équipe de la COP"),
        help_text=_("Votre fonction, votre rôle dans l’organisation."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        organisation, new_name = data.get("organisation"), (data.get("new_name") or "").strip()
        if organisation and new_name:
            raise forms.ValidationError(
                _(
                    "Choisissez une organisation de la liste ou proposez-en une nouvelle, "
                    "pas les deux."
                )
            )
        if not organisation and not new_name:
            raise forms.ValidationError(
                _("Choisissez une organisation de la liste ou indiquez le nom d’une nouvelle.")
            )
        if new_name and not data.get("new_college"):
            self.add_error("new_college", _("Indiquez le collège de la nouvelle organisation."))
        data["new_name"] = new_name
        return data


class DecisionForm(PlainTextMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Accepter")), ("decline", _("Refuser"))],
        error_messages={"required": _("Choisissez d’accepter ou de refuser la demande.")},
    )
    message = forms.CharField(
        label=_("Message à la personne (facultatif)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


# What each kind of notification is about, in the words of the preferences page.
NOTIFICATION_HELP = {
    NotificationKind.MODERATION: _(
        "Quand une animatrice, un animateur ou un agent masque ou rétablit une de vos "
        "contributions ou un de vos commentaires, avec le motif."
    ),
    NotificationKind.REPLY: _(
        "Quand quelqu’un commente une de vos contributions ou répond à un de vos commentaires."
    ),
    NotificationKind.MEETING_REMINDER: _(
        "La veille d’une réunion à laquelle vous êtes inscrit : l’heure, le lieu ou le lien "
        "de connexion."
    ),
    NotificationKind.MINUTES_PUBLISHED: _(
        "Quand le compte rendu d’une réunion à laquelle vous étiez inscrit est publié."
    ),
    NotificationKind.GROUP_CONTRIBUTION: _(
        "Quand une contribution est publiée dans un groupe de travail que vous suivez."
    ),
    NotificationKind.MEMBERSHIP: _(
        "Quand un agent de l’État ou de la Région accepte ou refuse votre demande de "
        "rattachement à une organisation."
    ),
}


class NotificationPreferencesForm(forms.Form):
    """One choice of frequency per kind of notification, named after the kind."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in NotificationKind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                help_text=NOTIFICATION_HELP[kind],
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choisissez à quel rythme vous voulez être prévenu."),
                    "invalid_choice": _(
                        "Choisissez « Immédiatement », « Dans un résumé quotidien » ou « Jamais »."
                    ),
                },
            )
