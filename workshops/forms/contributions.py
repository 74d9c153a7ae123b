"""Forms of contributions, comments, reports, moderation and the list filters."""

import re
from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.params import PlainIntegerField, PlainTextMixin
from panorama.models import Lever
from territories.models import Commune, Departement, Epci, Territory
from territories.text import search_key

from ..models import ContributionKind, WorkingGroup
from ..services.moderation import BulkAction

# "Orléans — commune (45234)": the code in brackets names the territory exactly.
CODE_IN_BRACKETS = re.compile(r"\(([0-9AB]{2,9})\)\s*$", re.IGNORECASE)


_KIND_LABEL: dict[str, Any] = {
    Territory.Kind.COMMUNE: _("commune"),
    Territory.Kind.EPCI: _("intercommunalité"),
    Territory.Kind.DEPARTEMENT: _("département"),
}


def territory_label(territory) -> str:
    """The text of a territory in the field and in its suggestions."""
    if isinstance(territory, Territory):
        kind = _KIND_LABEL.get(territory.kind) or territory.get_kind_display()
        return f"{territory.name} — {kind} ({territory.code})"
    if isinstance(territory, Commune):
        return f"{territory.name} — commune ({territory.code})"
    if isinstance(territory, Epci):
        return f"{territory.name} — intercommunalité ({territory.siren})"
    if isinstance(territory, Departement):
        return f"{territory.name} — département ({territory.code})"
    return ""


def resolve_territory(text: str, *, region_code: str):
    """The commune, EPCI or département of the region a text names; ``ValidationError``."""
    text = text.strip()
    if not text:
        return None
    found: list[Commune | Epci | Departement] = []
    match = CODE_IN_BRACKETS.search(text)
    if match:
        code = match.group(1).upper()
        if len(code) == 5:
            found = list(Commune.objects.filter(code=code, region_id=region_code))
        elif len(code) == 9:
            found = list(Epci.objects.filter(siren=code, communes__region_id=region_code)[:1])
        else:
            found = list(Departement.objects.filter(code=code, region_id=region_code))
    else:
        key = search_key(text)
        found = [
            *Departement.objects.filter(search_name=key, region_id=region_code),
            *Epci.objects.filter(search_name=key, communes__region_id=region_code).distinct(),
            *Commune.objects.filter(search_name=key, region_id=region_code)[:5],
        ]
    if not found:
        raise forms.ValidationError(
            _(
                "Aucune commune, intercommunalité ou département de la région ne s’appelle "
                "« %(text)s ». Choisissez une proposition de la liste."
            ),
            params={"text": text[:100]},
        )
    if len(found) > 1:
        raise forms.ValidationError(
            _("Plusieurs territoires portent ce nom : %(names)s. Précisez lequel."),
            params={"names": " ; ".join(territory_label(t) for t in found)},
        )
    return found[0]


class LeverChoiceField(forms.ModelMultipleChoiceField):
    """Levers named with their sector: two sectors have a lever of the same name."""

    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.sector.name})"


class ContributionForm(PlainTextMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de contribution"),
        choices=ContributionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez le type de contribution.")},
    )
    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        error_messages={"required": _("Donnez un titre à votre contribution.")},
    )
    body = forms.CharField(
        label=_("Description"),
        help_text=_(
            "Décrivez l’initiative, le frein ou la proposition : qui, où, avec quels moyens. "
            "Mise en forme Markdown possible (**gras**, listes, liens)."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20_000,
        error_messages={"required": _("Décrivez votre contribution.")},
    )
    levers = LeverChoiceField(
        label=_("Leviers concernés"),
        queryset=Lever.objects.select_related("sector").order_by("position", "slug"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    territory = forms.CharField(
        label=_("Territoire concerné"),
        help_text=_("Une commune, une intercommunalité ou un département de la région."),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "territory-options", "autocomplete": "off"}),
    )

    def __init__(self, *args, group: WorkingGroup | None = None, current_levers=(), **kwargs):
        super().__init__(*args, **kwargs)
        # A group offers its own levers (those its participants discuss), plus any
        # lever the contribution already has.
        if group is not None and group.levers.exists():
            cast(forms.ModelMultipleChoiceField, self.fields["levers"]).queryset = (
                Lever.objects.filter(Q(groups=group) | Q(pk__in=[lv.pk for lv in current_levers]))
                .select_related("sector")
                .distinct()
                .order_by("position", "slug")
            )

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Donnez un titre à votre contribution."))
        return title

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Décrivez votre contribution."))
        return body

    def clean_territory(self):
        return resolve_territory(
            self.cleaned_data.get("territory", ""), region_code=settings.COP_REGION_CODE
        )


class CommentForm(PlainTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Votre commentaire"),
        help_text=_("Mise en forme Markdown possible."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        error_messages={"required": _("Écrivez votre commentaire avant de l’envoyer.")},
    )
    parent = PlainIntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class ReportForm(PlainTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif du signalement"),
        help_text=_(
            "Ce qui pose problème : propos injurieux, hors sujet, doublon, données personnelles…"
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2_000,
        error_messages={"required": _("Indiquez le motif du signalement.")},
    )


class ModerationForm(PlainTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Motif (envoyé à l’auteur ou l’autrice)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2_000,
        error_messages={"required": _("Indiquez le motif : la personne concernée le recevra.")},
    )


class MergeForm(PlainTextMixin, forms.Form):
    target = forms.TypedChoiceField(
        label=_("Contribution à conserver"),
        coerce=int,
        error_messages={
            "required": _("Choisissez la contribution à conserver."),
            "invalid_choice": _("Choisissez une contribution de la liste."),
        },
    )
    reason = forms.CharField(
        label=_("Motif (facultatif, envoyé à l’auteur ou l’autrice)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000,
        required=False,
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            ("", _("— Choisir une contribution —")),
            *((c.pk, f"n° {c.pk} — {c.title}") for c in candidates),
        ]


ITEM_KEY = re.compile(r"^(contribution|comment):[0-9]{1,12}$")


class ItemKeysField(forms.MultipleChoiceField):
    """Checked items named ``contribution:12`` or ``comment:5``; the view checks that each
    one exists and that the moderator may act on it."""

    def valid_value(self, value) -> bool:
        return bool(ITEM_KEY.match(str(value)))


class BulkModerationForm(PlainTextMixin, forms.Form):
    items = ItemKeysField(
        label=_("Contenus"),
        error_messages={
            "required": _("Cochez au moins un contenu."),
            "invalid_choice": _("Un des contenus cochés n’existe pas."),
        },
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[("", _("— Choisir une action —")), *BulkAction.choices],
        error_messages={"required": _("Choisissez une action.")},
    )
    reason = forms.CharField(
        label=_("Motif (envoyé aux auteurs et autrices)"),
        help_text=_("Obligatoire pour masquer ou rétablir."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2_000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("action") in (BulkAction.HIDE, BulkAction.RESTORE)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error(
                "reason", _("Indiquez le motif : les personnes concernées le recevront.")
            )
        return data


STATUS_RETAINED = "retenues"


class ContributionFilterForm(PlainTextMixin, forms.Form):
    """The filters of the lists; an invalid value is reported and that filter ignored."""

    q = forms.CharField(label=_("Mots-clés"), max_length=200, required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        choices=[("", _("Tous les types")), *ContributionKind.choices],
        required=False,
    )
    levier = forms.ChoiceField(label=_("Levier"), required=False)
    groupe = forms.ChoiceField(label=_("Groupe de travail"), required=False)
    departement = forms.ChoiceField(label=_("Département"), required=False)
    statut = forms.ChoiceField(
        label=_("Statut"),
        choices=[
            ("", _("Toutes les contributions")),
            (STATUS_RETAINED, _("Retenues pour la feuille de route")),
        ],
        required=False,
    )

    def __init__(self, *args, choices: dict, with_group: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.levers = {lever.slug: lever for lever in choices["levers"]}
        self.groups = {group.slug: group for group in choices["groups"]}
        self.departements = {d.code: d for d in choices["departements"]}
        cast(forms.ChoiceField, self.fields["levier"]).choices = [
            ("", _("Tous les leviers")),
            *((lever.slug, f"{lever.name} ({lever.sector.name})") for lever in choices["levers"]),
        ]
        cast(forms.ChoiceField, self.fields["groupe"]).choices = [
            ("", _("Tous les groupes")),
            *((group.slug, group.name) for group in choices["groups"]),
        ]
        cast(forms.ChoiceField, self.fields["departement"]).choices = [
            ("", _("Tous les départements")),
            *((d.code, f"{d.name} ({d.code})") for d in choices["departements"]),
        ]
        if not with_group:
            del self.fields["groupe"]

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``ContributionFilters``."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "kind": data.get("type") or "",
            "lever": self.levers.get(data.get("levier") or ""),
            "group": self.groups.get(data.get("groupe") or ""),
            "departement": self.departements.get(data.get("departement") or ""),
            "retained": data.get("statut") == STATUS_RETAINED,
        }
