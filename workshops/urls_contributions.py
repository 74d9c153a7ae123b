"""Contributions, their comments, supports and reports; moderation; lists; synthesis.

Included by ``workshops/urls.py`` (namespace ``workshops``, mounted at the root).
"""

from django.urls import path

from .views import contributions, moderation, search, synthesis

urlpatterns = [
    path("contributions/", search.contribution_list, name="contributions"),
    path("contributions/nouvelle/", contributions.contribution_create, name="contribution_create"),
    path(
        "contributions/territoires/",
        contributions.territory_options,
        name="territory_options",
    ),
    path("contributions/<int:pk>/", contributions.contribution_detail, name="contribution"),
    path(
        "contributions/<int:pk>/modifier/",
        contributions.contribution_edit,
        name="contribution_edit",
    ),
    path(
        "contributions/<int:pk>/commentaires/",
        contributions.comment_create,
        name="comment_create",
    ),
    path("contributions/<int:pk>/soutien/", contributions.support, name="support"),
    path(
        "contributions/<int:pk>/signaler/",
        contributions.contribution_report,
        name="contribution_report",
    ),
    path(
        "contributions/<int:pk>/moderer/",
        moderation.contribution_moderate,
        name="contribution_moderate",
    ),
    path(
        "contributions/<int:pk>/retenir/",
        moderation.contribution_retain,
        name="contribution_retain",
    ),
    path(
        "contributions/<int:pk>/fusionner/",
        moderation.contribution_merge,
        name="contribution_merge",
    ),
    path("commentaires/<int:pk>/signaler/", contributions.comment_report, name="comment_report"),
    path("commentaires/<int:pk>/moderer/", moderation.comment_moderate, name="comment_moderate"),
    path("moderation/", moderation.moderation_queue, name="moderation"),
    path(
        "groupes/<slug:slug>/contributions/",
        search.group_contributions,
        name="group_contributions",
    ),
    path("groupes/<slug:slug>/synthese/", synthesis.group_synthesis, name="group_synthesis"),
    path(
        "groupes/<slug:slug>/synthese/contributions.csv",
        synthesis.group_synthesis_csv,
        name="group_synthesis_csv",
    ),
]
