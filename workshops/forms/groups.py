"""Forms of the working groups: join requests, decisions, the proposed scenario."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin
from panorama.models import Scenario


class JoinGroupForm(PlainTextMixin, forms.Form):
    message = forms.CharField(
        label=_("Votre message à l’animation du groupe"),
        help_text=_("Ce que vous ou votre organisation apportez au groupe."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class GroupDecisionForm(PlainTextMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accepter")), ("decline", _("Refuser"))],
        error_messages={
            "required": _("Choisissez d’accepter ou de refuser la demande."),
            "invalid_choice": _("Choisissez d’accepter ou de refuser la demande."),
        },
    )
    message = forms.CharField(
        label=_("Message à la personne (facultatif)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


class GroupScenarioForm(forms.Form):
    """Choose among the scenarios the facilitator may open; empty withdraws the proposal."""

    scenario = forms.ModelChoiceField(
        label=_("Scénario du simulateur proposé par le groupe"),
        queryset=Scenario.objects.none(),
        required=False,
        empty_label=_("— Aucun scénario —"),
        error_messages={
            "invalid_choice": _("Choisissez un de vos scénarios enregistrés dans le simulateur.")
        },
    )

    def __init__(self, *args, scenarios=None, **kwargs):
        super().__init__(*args, **kwargs)
        if scenarios is not None:
            self.fields["scenario"].queryset = scenarios
