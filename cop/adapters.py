"""The platform's django-allauth adapter."""

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from core.ratelimit import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        """The client behind our trusted proxies, so that sign-in limits are per person.

        allauth's own reading of X-Forwarded-For refuses (with a 500) a request
        that passed fewer proxies than configured; ours never fails.
        """
        return client_ip(request)
