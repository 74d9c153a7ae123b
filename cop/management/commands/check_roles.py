"""``manage.py check_roles``: say where the roles and the data that follow from them disagree.

Checks that ``is_staff`` follows from the staff and publisher roles, then runs
the data check of every registered scope (the groups' facilitators in
workshops, the representatives' territories). Exits with an error when anything
disagrees, so that CI or an operator notices.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Exists, OuterRef, Q

from cop.models import STAFF_LEVEL_ROLES, RoleAssignment, User
from cop.roles import registered_scopes


def staff_flag_problems() -> list[str]:
    """Accounts whose ``is_staff`` does not follow from their roles."""
    holds_staff_role = Exists(
        RoleAssignment.objects.filter(user=OuterRef("pk"), role__in=STAFF_LEVEL_ROLES)
    )
    users = User.objects.annotate(holds=holds_staff_role)
    wrong = users.filter(
        Q(is_staff=True, holds=False, is_superuser=False)
        | Q(is_staff=False, holds=True)
        | Q(is_staff=False, is_superuser=True)
    )
    return [
        f"{user.email} : « accès à l’administration » vaut {user.is_staff} "
        "alors que ses rôles disent le contraire."
        for user in wrong.order_by("email")
    ]


def role_problems() -> list[str]:
    problems = staff_flag_problems()
    for scope in registered_scopes():
        if scope.problems is not None:
            problems.extend(str(line) for line in scope.problems())
    return problems


class Command(BaseCommand):
    help = "Vérifie que les rôles, l’accès à l’administration et les animateurs concordent."

    def handle(self, *args, **options) -> None:
        problems = role_problems()
        for line in problems:
            self.stderr.write(line)
        if problems:
            raise CommandError(f"{len(problems)} incohérence(s) dans les rôles.")
        self.stdout.write("Rôles cohérents.")
