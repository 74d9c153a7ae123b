from django.db import transaction

from cop.models import User


@transaction.atomic
def profile_update(*, user: User, first_name: str, last_name: str) -> User:
    """Change the name a user shows to others."""
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    return user
