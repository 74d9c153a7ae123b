"""Relations between models respect the floors of ARCHITECTURE.md.

import-linter (``make lint``) sees imports only; a lazy reference such as
``models.ForeignKey("roadmap.Action", ...)`` is the same arrow without an import.
Every ForeignKey, OneToOneField and ManyToManyField of our apps must point to its
own app or to a lower floor; apps of one floor never point at each other, except
that ``panorama`` may point at the user model (``settings.AUTH_USER_MODEL``).
"""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps

FLOORS = {
    "core": 0,
    "cop": 1,
    "panorama": 1,
    "territories": 2,
    "workshops": 3,
    "consultation": 3,
    "roadmap": 4,
    "api": 4,
    "config": 5,
}


def _target(field: models.Field) -> tuple[str, str]:
    """(app label, "app.Model") of the model a relation points at, resolved or still a string."""
    model = field.remote_field.model
    if isinstance(model, str):
        if model == "self" or "." not in model:
            return field.model._meta.app_label, model
        return model.split(".")[0], model
    return model._meta.app_label, model._meta.label


def _allowed(source: str, target: str, label: str) -> bool:
    if target == source or target not in FLOORS:  # Django's and libraries' own models
        return True
    if source == "panorama" and label == settings.AUTH_USER_MODEL:
        return True
    return FLOORS[target] < FLOORS[source]


def upward_references(model_classes) -> list[str]:
    """Each relation of the given models that points at the same or a higher floor."""
    found = []
    for model in model_classes:
        source = model._meta.app_label
        if source not in FLOORS:
            continue
        for field in model._meta.get_fields(include_hidden=True):
            if not field.is_relation or field.auto_created or field.remote_field is None:
                continue
            if not field.concrete and not field.many_to_many:
                continue  # generic relations and reverse accessors
            target, label = _target(field)
            if not _allowed(source, target, label):
                found.append(f"{model._meta.label}.{field.name} -> {label}")
    return found


def test_no_model_points_at_a_higher_floor_or_a_sibling_app():
    assert upward_references(apps.get_models(include_auto_created=True)) == []


@isolate_apps("cop", "panorama")
def test_a_lazy_reference_upwards_or_sideways_is_caught():
    class Upwards(models.Model):  # noqa: DJ008
        meeting = models.ForeignKey("workshops.Meeting", on_delete=models.CASCADE)
        groups = models.ManyToManyField("workshops.WorkingGroup")

        class Meta:
            app_label = "cop"

    class Sideways(models.Model):  # noqa: DJ008
        organisation = models.OneToOneField("cop.Organisation", on_delete=models.CASCADE)
        owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

        class Meta:
            app_label = "panorama"

    assert upward_references([Upwards, Sideways]) == [
        "cop.Upwards.meeting -> workshops.Meeting",
        "cop.Upwards.groups -> workshops.WorkingGroup",
        "panorama.Sideways.organisation -> cop.Organisation",
    ]
