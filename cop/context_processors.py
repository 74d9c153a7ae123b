from django.conf import settings


def platform(request):
    """Values every page of the layout needs."""
    return {"COP_REGION_CODE": settings.COP_REGION_CODE}
