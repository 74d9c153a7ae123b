from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin

from .text import search_key


class TerritorySearchForm(PlainTextMixin, forms.Form):
    q = forms.CharField(
        label=_("Nom ou code postal"),
        # The view gives the region's chef-lieu as the example (with_example).
        help_text=_("Une commune, un EPCI, un département ou un code postal."),
        max_length=100,
        required=False,
        error_messages={"max_length": _("Saisissez au plus 100 caractères.")},
    )

    def with_example(self, name: str, postcode: str) -> "TerritorySearchForm":
        """Show ``name`` and ``postcode`` (the region's chef-lieu) as what to type."""
        self.fields["q"].help_text = _(
            "Une commune, un EPCI ou un département : « %(name)s », « %(postcode)s »."
        ) % {"name": name, "postcode": postcode}
        return self

    def clean_q(self) -> str:
        query = self.cleaned_data["q"].strip()
        if query and len(search_key(query)) < 2:
            raise forms.ValidationError(
                _("Saisissez au moins deux lettres ou chiffres d’un nom ou d’un code postal.")
            )
        return query


# --- Indicative split of the levers among the départements (territories/split/) -----------

MAX_KEYS_UPLOAD_BYTES = 2 * 1024 * 1024


class DistributionKeysUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des clés de répartition"),
        help_text=_(
            "Format CSV, séparateur « , » ou « ; », colonnes levier, departement, valeur "
            "(ou lever, departement, value). 2 Mo au plus."
        ),
        error_messages={"required": _("Choisissez un fichier CSV.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Choisissez un fichier CSV (extension .csv)."))
        if upload.size > MAX_KEYS_UPLOAD_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 2 Mo."))
        return upload


class SplitDepartementForm(forms.Form):
    """The département whose levers to show (``?departement=45``)."""

    departement = forms.ChoiceField(
        label=_("Département"),
        error_messages={
            "required": _("Choisissez un département."),
            "invalid_choice": _(
                "« %(value)s » n’est pas un département de la région : choisissez-en un "
                "dans la liste."
            ),
        },
    )

    def __init__(self, *args, departements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].choices = [
            (departement.code, f"{departement.name} ({departement.code})")
            for departement in departements
        ]
