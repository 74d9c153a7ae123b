from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin

from .models import College, Frequency, Organisation
from .notification_kinds import notification_kinds


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


class NotificationPreferencesForm(forms.Form):
    """One choice of frequency per kind of notification, named after the kind."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in notification_kinds():
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.help_text,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choisissez à quel rythme vous voulez être prévenu."),
                    "invalid_choice": _(
                        "Choisissez « Immédiatement », « Dans un résumé quotidien » ou « Jamais »."
                    ),
                },
            )
