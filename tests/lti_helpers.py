"""Launching the tool from the fake LMS inside pytest: the LMS runs in a thread over
HTTP (the tool fetches its JWKS and asks it for tokens); the browser is Django's client."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from tests.fake_lms import FakeLms, serve_in_thread

TOOL = "https://testserver"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class Platform:
    lms: FakeLms
    registration: LtiRegistration
    deployment: LtiDeployment


@pytest.fixture(name="platform")
def platform_fixture(db: Any, settings: Any) -> Iterator[Platform]:
    # PyLTI1p3 keeps the launch's nonce and data in the cache between requests; other
    # test runs on this machine clear the shared Redis database at any moment, so these
    # tests keep their own.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    port = free_port()
    lms = FakeLms(base_url=f"http://127.0.0.1:{port}", tool_url=TOOL)
    server, _thread = serve_in_thread(lms, "127.0.0.1", port)
    Key.objects.generate()
    lms.tool_jwks = Key.objects.as_jwks()
    registration = LtiRegistration.objects.create(
        name="Fake LMS",
        issuer=lms.base_url,
        client_id=lms.client_id,
        auth_url=f"{lms.base_url}/auth",
        token_url=f"{lms.base_url}/token",
        keyset_url=f"{lms.base_url}/jwks",
    )
    deployment = LtiDeployment.objects.create(
        registration=registration, deployment_id=lms.deployment_id, is_active=True
    )
    yield Platform(lms, registration, deployment)
    server.shutdown()
    server.server_close()


@dataclass
class Auth:
    """The tool's redirect to the LMS's auth URL: what the LMS needs to answer it."""

    state: str
    nonce: str
    redirect_uri: str


def start_login(client: Client, lms: FakeLms, hint: str, **kwargs: Any) -> Auth:
    """The iframe opens the tool's login URL; the tool checks its cookie sticks, then
    sends the browser to the LMS's auth URL with a state and a nonce."""
    url = urlsplit(lms.login_url(hint, **kwargs))
    response = client.get(f"{url.path}?{url.query}", secure=True)
    assert response.status_code == 302, response.content[:300]
    check = urlsplit(response["Location"])
    assert "lti_cookie_check=1" in check.query
    response = client.get(f"{check.path}?{check.query}", secure=True)
    assert response.status_code == 302, response.content[:300]
    location = urlsplit(response["Location"])
    assert location.geturl().startswith(f"{lms.base_url}/auth?")
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    return Auth(state=query["state"], nonce=query["nonce"], redirect_uri=query["redirect_uri"])


def post_launch(client: Client, id_token: str, state: str) -> Any:
    return client.post("/lti/launch/", {"id_token": id_token, "state": state}, secure=True)


def launch(client: Client, lms: FakeLms, hint: str, **token_kwargs: Any) -> Any:
    auth = start_login(client, lms, hint)
    data = lms.launch_data(
        hint, nonce=auth.nonce, state=auth.state, redirect_uri=auth.redirect_uri, **token_kwargs
    )
    return post_launch(client, data["id_token"], data["state"])
