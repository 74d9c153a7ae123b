from . import urls_contributions, urls_groups

app_name = "workshops"

# Groups and meetings (/groupes/, /reunions/) and contributions with their
# moderation (/contributions/, /groupes/<slug>/contributions/, /moderation/).
urlpatterns = urls_groups.urlpatterns + urls_contributions.urlpatterns
