"""Rate limits key on the address the trusted proxy saw; the admin login and join codes
are limited too."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from config.throttle import client_ip
from tests.conftest import client_for
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

REAL = "203.0.113.7"  # the address the proxy saw and appended
PROXY = "10.0.0.2"  # the proxy's own address: REMOTE_ADDR as Django sees it


def spoofed(n: int) -> dict[str, str]:
    """A client rotating X-Forwarded-For, as Django sees it behind the proxy and uvicorn's
    `--forwarded-allow-ips=*`: the proxy appended the real address, and uvicorn made the
    leftmost (the client's own words) REMOTE_ADDR."""
    return {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}, {REAL}", "REMOTE_ADDR": f"198.51.100.{n}"}


def via_proxy(real: str) -> dict[str, str]:
    return {"HTTP_X_FORWARDED_FOR": real, "REMOTE_ADDR": real}


@pytest.mark.parametrize(
    ("hops", "forwarded", "remote", "expected"),
    [
        (0, "198.51.100.1", PROXY, PROXY),  # no proxy trusted: the header is ignored
        (1, "198.51.100.1, 203.0.113.7", PROXY, REAL),
        (1, "203.0.113.7", PROXY, REAL),
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", PROXY, REAL),
        (2, "203.0.113.7", PROXY, PROXY),  # fewer entries than proxies: not through them
        (1, "198.51.100.1, not-an-address", PROXY, PROXY),
        (1, "198.51.100.1, [2001:db8::1]:443", PROXY, "2001:db8::1"),
        (1, "198.51.100.1, 203.0.113.7:5123", PROXY, REAL),
        (1, "", PROXY, PROXY),
    ],
)
def test_the_client_address_is_the_one_the_trusted_proxy_saw(
    settings, hops, forwarded, remote, expected
):
    settings.TRUSTED_PROXY_HOPS = hops
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def signup(client: Client, n: int, forwarded: dict[str, str]) -> int:
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": f"Person {n}",
            "role": "student",
            "email": f"person-{n}@school.test",
            "password1": "Essays-fun-2026",
            "password2": "Essays-fun-2026",
        },
        **forwarded,
    )
    return response.status_code


def test_rotating_x_forwarded_for_does_not_reset_the_signup_limit(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "3/m/ip"}
    statuses = [signup(Client(), n, spoofed(n)) for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    # someone else behind the same proxy still signs up
    assert signup(Client(), 9, via_proxy("203.0.113.8")) == 302


def test_rotating_x_forwarded_for_does_not_reset_the_failed_login_limit(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    url = reverse("account_login")
    bodies = []
    for n, email in enumerate(["a@school.test", "b@school.test", "c@school.test", "d@x.test"]):
        response = Client().post(
            url,
            {"login": email, "password": "wrong"},
            **spoofed(n),
        )
        bodies.append(response.content.decode())
    assert "Too many failed login attempts" not in bodies[2]
    assert "Too many failed login attempts" in bodies[3]


def admin_login(client: Client, password: str, forwarded: dict[str, str]) -> str:
    response = client.post(
        "/admin/login/",
        {"username": "site-admin@school.test", "password": password, "next": "/admin/"},
        **forwarded,
    )
    return response.content.decode() if response.status_code == 200 else "signed in"


def test_the_admin_login_is_behind_the_failed_login_limit(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "10/m/ip,3/5m/key",
    }
    assert admin_login(Client(), PASSWORD, spoofed(0)) == "signed in"  # it works
    for n in range(3):
        assert "Please enter the correct" in admin_login(Client(), "wrong", spoofed(n))
    # the right password is refused while the limit holds, whatever the header says
    assert "Too many failed login attempts" in admin_login(Client(), PASSWORD, spoofed(7))
    # and the admin's failures count on /accounts/login/ too: one throttle
    response = Client().post(
        reverse("account_login"), {"login": "site-admin@school.test", "password": PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()


def test_the_admin_login_limit_per_address(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/m/ip"}
    for n in range(2):
        assert "Please enter the correct" in admin_login(Client(), "wrong", spoofed(n))
    assert "Too many failed login attempts" in admin_login(Client(), "wrong", spoofed(5))


def join(client: Client, code: str, forwarded: dict[str, str] | None = None):
    return client.post(reverse("essays:classroom_list"), {"code": code}, **(forwarded or {}))


def test_join_code_guesses_are_limited_per_person(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "join_class": "3/m/user"}
    client = client_for(school.outsider)
    # spread over many addresses: it is the person who is counted
    assert [
        join(client, f"GUESS{n}", via_proxy(f"203.0.113.{n}")).status_code for n in range(3)
    ] == [
        400,
        400,
        400,
    ]
    response = join(client, school.classroom.join_code, via_proxy("203.0.113.99"))
    assert response.status_code == 429
    assert "Too many tries at a join code" in response.content.decode()
    assert not school.classroom.memberships.filter(user=school.outsider).exists()
    # a classmate is not held up by someone else's guesses
    assert join(client_for(school.other_teacher), "GUESS").status_code == 400


def test_join_code_guesses_are_limited_per_address(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "join_class": "3/m/ip"}
    people = [school.outsider, school.other_teacher, school.co_teacher, school.classmate]
    statuses = [join(client_for(p), "GUESS", spoofed(n)).status_code for n, p in enumerate(people)]
    assert statuses == [400, 400, 400, 429]


def test_a_right_code_still_joins(settings, school):
    response = join(client_for(school.outsider), school.classroom.join_code)
    assert response.status_code == 302
    assert school.classroom.memberships.filter(user=school.outsider).exists()


def test_sign_ins_in_flight_from_one_address_are_not_refused(settings, school):
    """A class behind one NAT signing in while the server is busy: many sign-ins are being
    checked at once. Only failures count against the per-address limit."""
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    for n in range(6):  # six passwords being checked at once, none finished yet
        request = RequestFactory().post("/accounts/login/", **via_proxy("203.0.113.50"))
        get_adapter(request).pre_authenticate(request, email=f"student{n}@school.test")
    # and a real sign-in from the same address still goes through
    response = Client().post(
        reverse("account_login"),
        {"login": school.student.email, "password": PASSWORD},
        **via_proxy("203.0.113.50"),
    )
    assert response.status_code == 302


def test_failed_logins_still_count_per_address_and_per_account(settings, school):
    settings.TRUSTED_PROXY_HOPS = 1
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/m/ip,2/5m/key",
    }
    url = reverse("account_login")

    def attempt(email: str, password: str, address: str) -> str:
        return (
            Client()
            .post(url, {"login": email, "password": password}, **via_proxy(address))
            .content.decode()
        )

    # per account: two failures, then even the right password waits
    for _ in range(2):
        assert "Too many failed" not in attempt(school.student.email, "wrong", "203.0.113.60")
    assert "Too many failed" in attempt(school.student.email, PASSWORD, "203.0.113.61")
    # per address: three failures on different accounts, then the address waits
    for n in range(3):
        assert "Too many failed" not in attempt(f"x{n}@school.test", "wrong", "203.0.113.70")
    assert "Too many failed" in attempt("y@school.test", "wrong", "203.0.113.70")
