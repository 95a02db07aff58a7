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
from allauth.core.internal import ratelimit as _ratelimit
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


def _login_failed_rates() -> tuple[dict[str, str], dict[str, str]]:
    """RATE_LIMIT_LOGIN_FAILED split in two: its per-address rates and the others (per
    account), each as a config allauth's rate limiter reads."""
    rates = [r.strip() for r in settings.ACCOUNT_RATE_LIMITS.get("login_failed", "").split(",")]
    per_ip = ",".join(r for r in rates if r.endswith("/ip"))
    other = ",".join(r for r in rates if r and not r.endswith("/ip"))
    return {"login_failed": per_ip}, {"login_failed": other}


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """The failed-login limit, with the per-address part counting failures only.

        allauth counts every sign-in against the whole limit while its password is being
        checked and gives it back on success, so more sign-ins in flight from one address
        than the per-address limit (a class behind one school NAT, password hashing slowed
        by load) were refused with the right password: the load test saw 24 of 102. Here
        the per-address part is only checked before and counted in
        ``authentication_failed``; the per-account part keeps allauth's way."""
        per_ip, per_account = _login_failed_rates()
        if not _ratelimit.consume(
            request, app="allauth.account", action="login_failed", config=per_ip, dry_run=True
        ):
            raise self.validation_error("too_many_login_attempts")
        key = self._get_login_attempts_cache_key(request, **credentials)
        self._login_failed_rl_usage = _ratelimit.consume(
            request, app="allauth.account", action="login_failed", config=per_account, key=key
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        per_ip, _ = _login_failed_rates()
        _ratelimit.consume(request, app="allauth.account", action="login_failed", config=per_ip)
        super().authentication_failed(request, **credentials)


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
