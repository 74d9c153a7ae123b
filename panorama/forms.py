from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin

from .importers import FORMATS
from .models import BiodiversityTag

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ScenarioSaveForm(PlainTextMixin, forms.Form):
    name = forms.CharField(label=_("Nom du scénario"), max_length=200)
    query = forms.CharField(required=False, widget=forms.HiddenInput)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier des leviers SGPE"),
        help_text=_(
            "Format JSON, CSV ou XLSX, avec les colonnes du fichier du SGPE. 10 Mo au plus."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in FORMATS:
            raise forms.ValidationError(_("Choisissez un fichier JSON, CSV ou XLSX."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 10 Mo."))
        return upload


TERRITORIAL_CHOICES = [
    ("", _("Tous les leviers")),
    ("oui", _("Leviers territoriaux")),
    ("non", _("Leviers non territoriaux")),
]


class BiodiversityFilterForm(forms.Form):
    tag = forms.MultipleChoiceField(
        label=_("Étiquettes"),
        choices=BiodiversityTag.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    territorial = forms.ChoiceField(label=_("Portée"), choices=TERRITORIAL_CHOICES, required=False)

    def filters(self) -> tuple[list[str], bool | None]:
        """The selected tags and territorial flag; an invalid query filters nothing."""
        if not self.is_valid():
            return [], None
        territorial = {"oui": True, "non": False}.get(self.cleaned_data["territorial"])
        return list(self.cleaned_data["tag"]), territorial
