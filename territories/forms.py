from django import forms
from django.utils.translation import gettext_lazy as _

from .text import search_key


class TerritorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom ou code postal"),
        help_text=_("Une commune, un EPCI ou un département : « Orléans », « 45000 »."),
        max_length=100,
        required=False,
        error_messages={"max_length": _("Saisissez au plus 100 caractères.")},
    )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"].strip()
        if query and len(search_key(query)) < 2:
            raise forms.ValidationError(
                _("Saisissez au moins deux lettres ou chiffres d’un nom ou d’un code postal.")
            )
        return query
