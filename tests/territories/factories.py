"""factory-boy factories of the geography, for small synthetic territories."""

import factory

from territories.models import Commune, Departement, Epci, Region
from territories.text import search_key


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "11"
    name = "Île-de-France"


class DepartementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Departement
        django_get_or_create = ["code"]

    code = "75"
    name = "Paris"
    region = factory.SubFactory(RegionFactory)
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))


class EpciFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Epci

    siren = factory.Sequence(lambda n: f"{200054781 + n}")
    name = "Métropole du Grand Paris"
    kind = Epci.Kind.METRO
    financing = Epci.Financing.FPU
    population = 7_000_000
    total_population = 7_100_000
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    code = factory.Sequence(lambda n: f"75{100 + n:03d}")
    name = "Paris"
    departement = factory.SubFactory(DepartementFactory)
    region = factory.SelfAttribute("departement.region")
    postcodes = "75001"
    population = 2_100_000
    search_name = factory.LazyAttribute(lambda o: search_key(o.name))
