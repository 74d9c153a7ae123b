"""Forms of meetings: the list filter, scheduling, attendance, minutes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.files import ACCEPT_ATTRIBUTE, ACCEPTED_FORMATS, MAX_UPLOAD_LABEL, validate_upload
from core.params import PlainIntegerField, PlainModelChoiceField, PlainTextMixin
from territories.models import Departement

from ..models import Meeting, MeetingKind, WorkingGroup


class MeetingFilterForm(forms.Form):
    departement = PlainModelChoiceField(
        label=_("Département"),
        queryset=Departement.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("Tous les départements"),
        error_messages={"invalid_choice": _("Choisissez un département de la région.")},
    )
    groupe = PlainModelChoiceField(
        label=_("Groupe de travail"),
        queryset=WorkingGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les groupes"),
        error_messages={"invalid_choice": _("Choisissez un des groupes de travail.")},
    )

    def __init__(self, *args, departements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departements is not None:
            self.fields["departement"].queryset = departements


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MeetingForm(PlainTextMixin, forms.ModelForm):
    """Schedule or change a meeting; the groups offered are those the person co-pilots."""

    online_url = forms.URLField(
        label=_("Lien de visioconférence"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Indiquez une adresse web complète (https://…).")},
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "group",
            "departement",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "agenda",
            "capacity",
        ]
        field_classes = {
            "group": PlainModelChoiceField,
            "departement": PlainModelChoiceField,
            "capacity": PlainIntegerField,
        }
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "place": _("Adresse complète ; laissez vide pour une réunion entièrement en ligne."),
            "capacity": _("Laissez vide si le nombre de places n’est pas limité."),
            "agenda": _("En Markdown : une ligne « 1. … » par point."),
        }
        error_messages = {
            "title": {"required": _("Donnez un titre à la réunion.")},
            "starts_at": {
                "required": _("Indiquez la date et l’heure de début."),
                "invalid": _(
                    "Indiquez une date et une heure valides, par exemple 14/03/2025 14:00."
                ),
            },
            "ends_at": {
                "required": _("Indiquez la date et l’heure de fin."),
                "invalid": _(
                    "Indiquez une date et une heure valides, par exemple 14/03/2025 17:00."
                ),
            },
        }

    def __init__(self, *args, groups=None, departements=None, allow_departmental=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        self.fields["ends_at"].input_formats = ["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"]
        if groups is not None:
            self.fields["group"].queryset = groups
        if departements is not None:
            self.fields["departement"].queryset = departements
        if not allow_departmental:
            self.fields["kind"].choices = [
                (MeetingKind.GROUP_SESSION.value, MeetingKind.GROUP_SESSION.label)
            ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == MeetingKind.GROUP_SESSION and not data.get("group"):
            self.add_error("group", _("Choisissez le groupe de travail de la séance."))
        if kind == MeetingKind.DEPARTMENTAL and not data.get("departement"):
            self.add_error("departement", _("Choisissez le département de la rencontre."))
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("La fin doit suivre le début de la réunion."))
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Indiquez un lieu ou un lien de visioconférence."))
        return data


class AttendanceForm(forms.Form):
    attended = forms.ChoiceField(
        choices=[("yes", _("Présent")), ("no", _("Absent")), ("", _("Non noté"))],
        required=False,
        error_messages={"invalid_choice": _("Choisissez présent, absent ou non noté.")},
    )

    @property
    def value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("attended") or "")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def _lines(text: str) -> list[str]:
    """One output per line; bullets typed out of habit (« - », « * », « • ») are dropped."""
    lines = []
    for line in text.splitlines():
        line = line.strip().lstrip("-*•").strip()
        if line:
            lines.append(line)
    return lines


OUTPUT_HELP = _("Une ligne par élément. « Titre : précisions » sépare le titre du détail.")


class MinutesForm(PlainTextMixin, forms.Form):
    accept = ACCEPT_ATTRIBUTE  # the file input's ``accept``, from the one allow-list

    minutes = forms.CharField(
        label=_("Compte rendu"),
        help_text=_("En Markdown : titres « ## », listes « - », liens."),
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": _("Rédigez le compte rendu avant de le publier.")},
    )
    initiatives = forms.CharField(
        label=_("Initiatives existantes relevées"),
        help_text=OUTPUT_HELP,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    obstacles = forms.CharField(
        label=_("Freins soulevés"),
        help_text=OUTPUT_HELP,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    proposals = forms.CharField(
        label=_("Propositions d’action"),
        help_text=OUTPUT_HELP,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Pièces jointes"),
        help_text=_("Formats acceptés : %(formats)s. %(limit)s au plus par fichier.")
        % {"formats": ACCEPTED_FORMATS, "limit": MAX_UPLOAD_LABEL},
        required=False,
    )

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files

    def outputs(self) -> dict[str, list[str]]:
        return {
            name: _lines(self.cleaned_data.get(name) or "")
            for name in ("initiatives", "obstacles", "proposals")
        }


class MeetingCallOffForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif de l’annulation (facultatif)"),
        help_text=_("Il est écrit dans le courriel envoyé aux personnes inscrites."),
        required=False,
        max_length=Meeting._meta.get_field("cancellation_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
