"""The platform's URLs plus the bare page the workshops benchmark compares every page to.

The bare page is the floor of a page of the platform: the same DSFR layout
(``templates/base.html``, its header, footer and context processors) around
twenty static cards, with no query and no form. It exists only here, never in
the production URLs.
"""

from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as platform_urlpatterns

ITEMS = [
    {
        "title": f"Contribution statique n° {n}",
        "text": "Un texte fixe de la longueur d’un extrait de contribution, " * 3,
    }
    for n in range(1, 21)
]


def bare(request):
    return render(request, "bench/bare.html", {"title": "Page nue", "items": ITEMS})


urlpatterns = [path("bench/nue/", bare, name="bench_bare"), *platform_urlpatterns]
