"""Factories of the panorama's own models."""

import factory

from panorama.models import Scenario
from tests.factories import VerifiedUserFactory


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    owner = factory.SubFactory(VerifiedUserFactory)
    name = factory.Sequence(lambda n: f"Scénario {n}")
    region_code = "24"
    query = ""
