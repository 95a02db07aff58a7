"""Who is asking, and how often they may try.

The client address is the one the trusted proxy saw: behind TRUSTED_PROXY_HOPS proxies
that each append to X-Forwarded-For, the entry that many places from the right. Anything
further left was written by the client and proves nothing (uvicorn's
`--forwarded-allow-ips=*` takes the leftmost, so a client rotating the header used to get a
fresh address, and fresh rate limits, on every request). allauth's limits (login, signup)
key on this address through the adapter; the admin login and class join codes go through
the same machinery.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.core import ratelimit
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.http import HttpRequest


def _address(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The address the outermost trusted proxy saw (REMOTE_ADDR with no proxy)."""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        chain = [p for p in request.headers.get("X-Forwarded-For", "").split(",") if p.strip()]
        if len(chain) >= hops:
            found = _address(chain[-hops])
            if found:
                return found
    return _address(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's sign-in goes through allauth's authenticate: the same failed-login
    limits (per address and per e-mail address) as /accounts/login/."""

    def clean(self) -> dict[str, Any]:
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email is not None and password:
            assert self.request is not None
            self.user_cache = get_adapter(self.request).authenticate(
                self.request, email=email, password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


def join_attempt_allowed(request: HttpRequest) -> bool:
    """Count one try at a class join code (RATE_LIMIT_JOIN: per person and per address)."""
    return ratelimit.consume(request, action="join_class", user=request.user)
