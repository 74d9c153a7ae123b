from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.params import PlainTextMixin

from .models import (
    GRANTED_ROLES,
    SCOPED_ROLES,
    SIDED_ROLES,
    College,
    Frequency,
    Organisation,
    Role,
    Side,
    User,
)
from .notification_kinds import notification_kinds
from .roles import registered_scopes, scope_key


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


class RoleGrantForm(forms.Form):
    """Grant a role to a person found by email, with the side and scope the role needs.

    One scope field per scoped role registered by a higher app (``scope_<role>``:
    the working group of a facilitator, the territory of a representative).
    """

    email = forms.EmailField(label=_("Adresse électronique de la personne"), max_length=254)
    role = forms.ChoiceField(label=_("Rôle"))
    side = forms.ChoiceField(
        label=_("Côté"),
        choices=[("", _("— Sans objet pour un représentant de collectivité —")), *Side.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scopes = {scope.role: scope for scope in registered_scopes()}
        # A scoped role whose app is absent cannot be granted: it is not offered.
        self.fields["role"].choices = [("", _("— Choisir un rôle —"))] + [
            (role.value, role.label)
            for role in GRANTED_ROLES
            if role not in SCOPED_ROLES or role in self.scopes
        ]
        self._objects: dict[str, dict[str, models.Model]] = {}
        for role, scope in self.scopes.items():
            objects = {scope_key(obj): obj for obj in scope.choices()}
            self._objects[role] = objects
            self.fields[f"scope_{role}"] = forms.ChoiceField(
                label=_("%(label)s (pour le rôle « %(role)s »)")
                % {"label": scope.label, "role": Role(role).label},
                choices=[("", _("— Choisir —"))] + [(k, str(o)) for k, o in objects.items()],
                required=False,
            )

    def scope_fields(self) -> list:
        """The bound scope fields, for the template."""
        return [self[f"scope_{role}"] for role in self.scopes]

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "Aucun compte actif n’utilise cette adresse : la personne doit "
                    "d’abord créer son compte."
                )
            )
        return user

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if not role:
            return cleaned
        if role in SIDED_ROLES and not cleaned.get("side"):
            self.add_error("side", _("Choisissez le côté : État ou Région."))
        if role not in SIDED_ROLES:
            cleaned["side"] = ""
        cleaned["scope"] = None
        if role in SCOPED_ROLES:
            field = f"scope_{role}"
            key = cleaned.get(field)
            if not key:
                self.add_error(
                    field,
                    _("Choisissez : %(label)s.") % {"label": self.scopes[role].label.lower()},
                )
            else:
                cleaned["scope"] = self._objects[role][key]
        return cleaned


class RoleFilterForm(forms.Form):
    """The filters of the list of roles (an unknown value is a form error, not a 500)."""

    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=[("", _("Tous les rôles")), *[(r.value, r.label) for r in GRANTED_ROLES]],
        required=False,
    )
    side = forms.ChoiceField(
        label=_("Côté"), choices=[("", _("Les deux côtés")), *Side.choices], required=False
    )
