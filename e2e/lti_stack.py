"""The LMS set-up of the browser tests and the launch benchmark: a test CA and
certificates made here (`cryptography`), our tool served with TLS on 127.0.0.1 (uvicorn
+ Huey, the harness's Stack), the fake LMS (tests/fake_lms.py, on lti1p3platform) with
TLS on 127.0.0.2, registered with the tool by `manage.py lti_register`, and a chromium
profile whose preferences block (or allow) third-party cookies.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import ipaddress
import json
import os
import ssl
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from e2e.harness import PYTHON, ROOT, PrivateRedis, Stack, free_port

LMS_HOST = "127.0.0.2"


@dataclass
class TestCa:
    """A CA of the test run's own and one server certificate for both addresses."""

    folder: Path
    ca_file: Path = field(init=False)
    cert_file: Path = field(init=False)
    key_file: Path = field(init=False)
    spki_hashes: list[str] = field(init=False)

    def __post_init__(self) -> None:
        now = datetime.datetime.now(datetime.UTC)
        ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "EssayCoach test CA")])
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(
                x509.SubjectAlternativeName(
                    [
                        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                        x509.IPAddress(ipaddress.ip_address(LMS_HOST)),
                    ]
                ),
                critical=False,
            )
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        self.ca_file = self.folder / "ca.pem"
        self.cert_file = self.folder / "server.pem"
        self.key_file = self.folder / "server-key.pem"
        self.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
        self.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        self.key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            )
        )
        # chromium trusts certificates by their public key hash (no system store touched)
        self.spki_hashes = [
            base64.b64encode(
                hashlib.sha256(
                    c.public_key().public_bytes(
                        serialization.Encoding.DER,
                        serialization.PublicFormat.SubjectPublicKeyInfo,
                    )
                ).digest()
            ).decode()
            for c in (cert, ca_cert)
        ]

    def chromium_args(self) -> list[str]:
        return [f"--ignore-certificate-errors-spki-list={','.join(self.spki_hashes)}"]


class FakeLmsProcess:
    def __init__(self, ca: TestCa, tool_url: str) -> None:
        self.port = free_port()
        self.base_url = f"https://{LMS_HOST}:{self.port}"
        self.ca = ca
        self.tool_url = tool_url
        self._proc: subprocess.Popen[bytes] | None = None
        self._context = ssl.create_default_context(cafile=str(ca.ca_file))

    def start(self) -> FakeLmsProcess:
        env = {**os.environ, "REQUESTS_CA_BUNDLE": str(self.ca.ca_file), "PYTHONUNBUFFERED": "1"}
        self._proc = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "tests.fake_lms",
                f"--host={LMS_HOST}",
                f"--port={self.port}",
                f"--tool-url={self.tool_url}",
                f"--cert={self.ca.cert_file}",
                f"--key={self.ca.key_file}",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.control("state")
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the fake LMS did not start")

    def control(self, what: str, **body: Any) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.base_url}/_control/{what}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10, context=self._context) as response:
            return dict(json.loads(response.read()))

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None


@dataclass
class LtiSetup:
    ca: TestCa
    tool: Stack
    lms: FakeLmsProcess
    redis: PrivateRedis | None = None

    def course_url(self, hint: str) -> str:
        return f"{self.lms.base_url}/course/{hint}"


def start_lti(folder: Path, *, label: str, **tool_env: str) -> LtiSetup:
    """Tool and fake LMS, each knowing the other's address, the LMS registered."""
    ca = TestCa(folder)
    port = free_port()
    # A Redis of our own when the run uses Redis: PyLTI1p3 keeps each launch's nonce in
    # the cache, and other test runs on the machine flush the shared one at any moment.
    redis = PrivateRedis().start() if os.environ.get("REDIS_URL") else None
    tool = Stack(
        database_url=os.environ.get("DATABASE_URL") or None,
        redis_url=redis.url if redis else None,
        label=label,
        ssl_cert=str(ca.cert_file),
        ssl_key=str(ca.key_file),
        ca_file=str(ca.ca_file),
        port=port,
        extra_env={
            "REQUESTS_CA_BUNDLE": str(ca.ca_file),
            "DJANGO_SECURE": "1",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "LTI_GRADE_RETRY_DELAY": "1",
            **tool_env,
        },
    )
    lms = FakeLmsProcess(ca, f"https://127.0.0.1:{port}")
    lms.start()
    try:
        tool.start()
        tool.manage(
            "lti_register",
            "--name=Fake LMS",
            f"--issuer={lms.base_url}",
            "--client-id=essaycoach-on-fake-lms",
            f"--auth-url={lms.base_url}/auth",
            f"--token-url={lms.base_url}/token",
            f"--keyset-url={lms.base_url}/jwks",
            "--deployment=fake-lms-deployment-1",
        )
    except Exception:
        lms.stop()
        tool.stop()
        if redis is not None:
            redis.stop()
        raise
    return LtiSetup(ca, tool, lms, redis)


def stop_lti(setup: LtiSetup) -> None:
    setup.lms.stop()
    setup.tool.stop()
    if setup.redis is not None:
        setup.redis.stop()


def chromium_profile(folder: Path, *, block_third_party: bool) -> Path:
    """A persistent profile whose preferences block (1) or allow (0) third-party cookies."""
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=folder))
    (profile / "Default").mkdir()
    preferences = {
        "profile": {
            "cookie_controls_mode": 1 if block_third_party else 0,
            "block_third_party_cookies": block_third_party,
        }
    }
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    return profile
