"""factory-boy factories of the geography, for small synthetic territories."""

import factory

from territories.models import Commune, Departement, Epci, Region
from territories.reference import sync_reference
from territories.text import search_key


class _CogFactory(factory.django.DjangoModelFactory):
    """A COG row and, as ``import_territories`` does, the territory reference after it."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def reference(obj, create, extracted, **kwargs):
        if create:
            sync_reference()


class RegionFactory(_CogFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "11"
    name = "Île-de-France"


class DepartementFactory(_CogFactory):
    class Meta:
        model = Departement
        django_get_or_create = ["code"]

    code = "75"
    name = "Paris"
    region = factory.SubFactory(RegionFactory)
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))


class EpciFactory(_CogFactory):
    class Meta:
        model = Epci

    siren = factory.Sequence(lambda n: f"{200054781 + n}")
    name = "Métropole du Grand Paris"
    kind = Epci.Kind.METRO
    financing = Epci.Financing.FPU
    population = 7_000_000
    total_population = 7_100_000
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))


class CommuneFactory(_CogFactory):
    class Meta:
        model = Commune

    code = factory.Sequence(lambda n: f"75{100 + n:03d}")
    name = "Paris"
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    postcodes = "75001"
    population = 2_100_000
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))
