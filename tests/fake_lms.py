"""A fake LMS for the tests: an LTI 1.3 platform built on the `lti1p3platform` library.

It signs id_tokens with its own RSA key, serves its JWKS, answers the OIDC auth request
with the auto-posting launch form, issues access tokens (checking the tool's signed
client assertion against the tool's JWKS), keeps line items and the scores posted to
them, answers roster (NRPS) calls, and checks deep linking responses. Plain WSGI, no
Django: pytest runs it in a thread over HTTP; the browser tests run it in a process of
its own over TLS on 127.0.0.2 (`python -m tests.fake_lms`).

Nobody on the team wrote the protocol here: claims, signing and token checks are the
library's; this file only stores what arrives and routes requests.
"""

from __future__ import annotations

import argparse
import html
import json
import threading
import typing as t
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.exceptions import LtiException as PlatformLtiException
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.membership import Context
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request, TRequest
from lti1p3platform.service_connector import (
    AssignmentsGradesService,
    NamesRoleProvisioningService,
    TPage,
)

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
CLIENT_ID = "essaycoach-on-fake-lms"
DEPLOYMENT_ID = "fake-lms-deployment-1"


def new_private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem_of(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@dataclass
class LaunchSpec:
    """What the LMS says about one launch (the lti_message_hint names it)."""

    sub: str
    roles: list[str]
    context_id: str = "course-1"
    context_title: str = "English 10 (LMS)"
    resource_link_id: str = "link-1"
    name: str = ""
    email: str = ""
    custom: dict[str, str] = field(default_factory=dict)
    deep_link: bool = False
    lineitem: str = ""  # the gradebook column of this resource link, if any


class WsgiRequest(Request):
    def build_metadata(self, request: t.Any) -> TRequest:
        environ, body = request
        content_type = environ.get("CONTENT_TYPE", "")
        form = dict(parse_qsl(body.decode())) if "form-urlencoded" in content_type else {}
        headers = {
            key[5:].replace("_", "-").title(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        return {
            "method": environ["REQUEST_METHOD"],
            "form_data": form,
            "get_data": dict(parse_qsl(environ.get("QUERY_STRING", ""))),
            "headers": headers,
            "content_type": content_type,
            "path": environ.get("PATH_INFO", ""),
            "json": json.loads(body) if body and "json" in content_type else None,
        }


class _Registration(Registration):
    """The library's registration, with the key id worked out once (it reloads the
    private key for every signature otherwise)."""

    kid: str | None = None

    def get_kid(self) -> str | None:
        return self.kid


class PlatformConfig(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs: t.Any) -> None:
        self.lms: FakeLms = kwargs["lms"]
        self.deployment_id: str = kwargs.get("deployment_id") or self.lms.deployment_id

    def get_registration_by_params(self, **kwargs: t.Any) -> Registration:
        lms = self.lms
        registration = _Registration()
        registration.kid = lms.kid
        (
            registration.set_iss(lms.base_url)
            .set_client_id(lms.client_id)
            .set_deployment_id(self.deployment_id)
            .set_oidc_login_url(f"{lms.tool_url}/lti/login/")
            .set_launch_url(f"{lms.tool_url}/lti/launch/")
            .set_deeplink_launch_url(f"{lms.tool_url}/lti/launch/")
            .set_platform_public_key(lms.public_pem)
            .set_platform_private_key(lms.private_pem)
        )
        if lms.tool_jwks is not None:
            registration.set_tool_key_set(lms.tool_jwks)  # type: ignore[arg-type]
        else:
            registration.set_tool_key_set_url(f"{lms.tool_url}/lti/jwks/")
        return registration


class Launcher(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data: dict[str, t.Any], **kwargs: t.Any) -> t.Any:
        return launch_data


class Grades(AssignmentsGradesService):
    def __init__(self, request: Request, config: PlatformConfig, context_id: str) -> None:
        super().__init__(request, config, f"{config.lms.base_url}/lineitems/{context_id}")
        self.lms = config.lms
        self.context_id = context_id

    def find_lineitems(self, page: int = 1, limit: int | None = None, **_: t.Any) -> TPage:
        items = [i for i in self.lms.lineitems.values() if i["_context"] == self.context_id]
        return {"content": [_public(i) for i in items], "has_next": False, "next": None}

    def find_lineitem(self, line_item_id: str) -> t.Any:
        from lti1p3platform.exceptions import LineItemNotFoundException

        item = self.lms.lineitems.get(line_item_id)
        if item is None:
            raise LineItemNotFoundException()
        return _public(item)

    def create_lineitem(self, lineitem: t.Any) -> t.Any:
        return _public(self.lms.lineitem_create(self.context_id, dict(lineitem)))

    def update_lineitem(self, lineitem: t.Any) -> t.Any:
        self.lms.lineitems[lineitem["id"]].update(lineitem)
        return _public(self.lms.lineitems[lineitem["id"]])

    def delete_lineitem(self, line_item_id: str) -> None:
        self.lms.lineitems.pop(line_item_id, None)

    def update_score(self, line_item_id: str, score: t.Any) -> t.Any:
        from lti1p3platform.exceptions import LineItemNotFoundException
        from lti1p3platform.score import UpdateScoreStatus

        if line_item_id not in self.lms.lineitems:
            raise LineItemNotFoundException()
        if self.lms.fail_scores:
            return UpdateScoreStatus.NOTAPPLIED
        with self.lms.lock:
            self.lms.scores.append({"lineitem": line_item_id, **score})
        return UpdateScoreStatus.SUCCESS

    def get_results(self, *args: t.Any, **kwargs: t.Any) -> t.Any:
        return {"content": [], "has_next": False, "next": None}


def _public(item: dict[str, t.Any]) -> dict[str, t.Any]:
    return {k: v for k, v in item.items() if not k.startswith("_")}


class Roster(NamesRoleProvisioningService):
    def __init__(self, request: Request, config: PlatformConfig, context_id: str) -> None:
        super().__init__(request, config, f"{config.lms.base_url}/memberships/{context_id}")
        self.lms = config.lms
        self.context_id = context_id

    def get_member_data_page(self, page: int = 1, limit: int | None = None, **_: t.Any) -> TPage:
        members = [dict(m) for m in self.lms.members.get(self.context_id, [])]
        return {"content": members, "has_next": False, "next": None}

    def get_context_by_id(self) -> Context:
        return Context(id=self.context_id, label=self.context_id, title=self.context_id)


class FakeLms:
    def __init__(
        self,
        *,
        base_url: str,
        tool_url: str,
        client_id: str = CLIENT_ID,
        deployment_id: str = DEPLOYMENT_ID,
        tool_jwks: dict[str, t.Any] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.tool_url = tool_url.rstrip("/")
        self.client_id = client_id
        self.deployment_id = deployment_id
        self.tool_jwks = tool_jwks
        self.rotate_key()
        self.launches: dict[str, LaunchSpec] = {}
        self.lineitems: dict[str, dict[str, t.Any]] = {}
        self.scores: list[dict[str, t.Any]] = []
        self.members: dict[str, list[dict[str, t.Any]]] = {}
        self.deep_link_items: list[dict[str, t.Any]] = []
        self.fail_scores = False
        self.next_token = ""  # "forge" or "expire": the next auth answer is bad once
        self.last_launch: dict[str, str] = {}
        self.lock = threading.RLock()

    def rotate_key(self) -> None:
        """A new signing key (the LMS's own key rotation)."""
        self.private_pem = new_private_key_pem()
        self.public_pem = public_pem_of(self.private_pem)
        self.kid = Registration.get_jwk(self.public_pem)["kid"]
        self._jwks = {"keys": [Registration.get_jwk(self.public_pem)]}

    # --- what a test sets up ------------------------------------------------------------
    def add_launch(self, hint: str, spec: LaunchSpec) -> None:
        self.launches[hint] = spec

    def lineitem_create(self, context_id: str, item: dict[str, t.Any]) -> dict[str, t.Any]:
        with self.lock:
            item_id = f"{self.base_url}/lineitems/{context_id}/{len(self.lineitems) + 1}"
            item.update(id=item_id, _context=context_id)
            self.lineitems[item_id] = item
        return item

    def login_url(self, hint: str, *, deployment_id: str | None = None) -> str:
        """Where the LMS's page points its iframe: the tool's OIDC login initiation."""
        params = {
            "iss": self.base_url,
            "login_hint": self.launches[hint].sub,
            "target_link_uri": f"{self.tool_url}/lti/launch/",
            "lti_message_hint": hint,
            "client_id": self.client_id,
            "lti_deployment_id": deployment_id or self.deployment_id,
        }
        return f"{self.tool_url}/lti/login/?{urlencode(params)}"

    def jwks(self) -> dict[str, t.Any]:
        return self._jwks

    # --- id_tokens ------------------------------------------------------------------------
    def launch_data(
        self,
        hint: str,
        *,
        nonce: str,
        state: str,
        redirect_uri: str,
        expiration: int = 300,
        deployment_id: str | None = None,
    ) -> dict[str, str]:
        """The signed id_token (and state) the LMS posts to the tool for this launch."""
        spec = self.launches[hint]
        config = PlatformConfig(lms=self, deployment_id=deployment_id)
        preflight = WsgiRequest(
            (
                {
                    "REQUEST_METHOD": "GET",
                    "QUERY_STRING": urlencode(
                        {
                            "nonce": nonce,
                            "state": state,
                            "redirect_uri": redirect_uri,
                            "client_id": self.client_id,
                        }
                    ),
                },
                b"",
            )
        )
        launch = Launcher(preflight, config)
        launch.set_id_token_expiration(expiration)
        launch.set_user_data(
            spec.sub, spec.roles, full_name=spec.name or None, email_address=spec.email or None
        )
        launch.set_launch_context_claim(
            spec.context_id,
            context_types=["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
            context_title=spec.context_title,
            context_label=spec.context_id,
        )
        launch.set_launch_presentation_claim(
            document_target="iframe", return_url=f"{self.base_url}/course/{spec.context_id}"
        )
        if spec.custom:
            launch.set_custom_parameters_claim(dict(spec.custom))
        launch.set_ags(
            lineitems_url=f"{self.base_url}/lineitems/{spec.context_id}",
            lineitem_url=spec.lineitem or None,
        )
        launch.set_nrps(f"{self.base_url}/memberships/{spec.context_id}")
        if spec.deep_link:
            launch.set_dl(
                deep_link_return_url=f"{self.base_url}/deep-link-return/{spec.context_id}",
                title="Add EssayCoach",
                accept_types={"ltiResourceLink"},
            )
        else:
            launch.set_resource_link_claim(spec.resource_link_id, title="EssayCoach")
        data = launch.lti_launch()
        return {"id_token": data["id_token"], "state": data["state"], "url": data["launch_url"]}

    def forged_token(self, hint: str, *, nonce: str, state: str, redirect_uri: str) -> str:
        """A token the LMS's key did not sign (same key id, another key)."""
        genuine = self.launch_data(hint, nonce=nonce, state=state, redirect_uri=redirect_uri)
        header = jwt.get_unverified_header(genuine["id_token"])
        body = jwt.decode(genuine["id_token"], options={"verify_signature": False})
        return jwt.encode(
            body, new_private_key_pem(), algorithm="RS256", headers={"kid": header["kid"]}
        )

    # --- HTTP -------------------------------------------------------------------------------
    def __call__(
        self, environ: dict[str, t.Any], start_response: t.Callable[..., t.Any]
    ) -> list[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        request = WsgiRequest((environ, body))
        path = environ.get("PATH_INFO", "")
        parts = [p for p in path.split("/") if p]
        try:
            status, content_type, payload, headers = self._route(request, parts)
        except PlatformLtiException as exc:
            status, content_type, payload, headers = (
                400,
                "application/json",
                {"error": str(exc)},
                {},
            )
        if isinstance(payload, (dict, list)):
            data = json.dumps(payload).encode()
        else:
            data = str(payload).encode()
        start_response(
            f"{status} {'OK' if status < 400 else 'Error'}",
            [("Content-Type", content_type), ("Content-Length", str(len(data))), *headers.items()],
        )
        return [data]

    def _route(
        self, request: WsgiRequest, parts: list[str]
    ) -> tuple[int, str, t.Any, dict[str, str]]:
        config = PlatformConfig(lms=self)
        config.get_registration()
        if parts and parts[0] == "_control":
            return self._control(request, parts[1:])
        if parts == ["frame"]:  # an LMS page framing any tool URL (framing tests)
            src = html.escape(request.get_data.get("src", ""))
            page = f"<!doctype html><iframe id='tool' title='tool' src='{src}'></iframe>"
            return 200, "text/html; charset=utf-8", page, {}
        if parts == ["jwks"]:
            return 200, "application/json", self.jwks(), {}
        if parts == ["auth"]:
            return self._auth(request)
        if parts == ["token"]:
            return 200, "application/json", config.get_access_token(request.form_data), {}
        if parts and parts[0] == "course" and len(parts) == 2:
            return 200, "text/html; charset=utf-8", self.course_page(parts[1]), {}
        if parts and parts[0] == "deep-link-return":
            items = config.validate_deeplinking_resp(request.form_data)
            context_id = parts[1] if len(parts) > 1 else ""
            with self.lock:
                for item in items:
                    self.deep_link_items.append(item)
                    if item.get("lineItem"):
                        created = self.lineitem_create(context_id, dict(item["lineItem"]))
                        item["_lineitem_id"] = created["id"]
            return (
                200,
                "text/html; charset=utf-8",
                "<p id='deep-link-done'>Added to the course.</p>",
                {},
            )
        if parts and parts[0] == "lineitems" and len(parts) >= 2:
            service = Grades(request, config, parts[1])
            if len(parts) == 2:
                handler = (
                    service.handle_get_lineitems
                    if request.method == "GET"
                    else service.handle_create_lineitem
                )
                return _service_response(handler())
            item_id = f"{self.base_url}/lineitems/{parts[1]}/{parts[2]}"
            if len(parts) == 4 and parts[3] == "scores":
                return _service_response(service.handle_update_score(item_id))
            return _service_response(service.handle_get_lineitem(item_id))
        if parts and parts[0] == "memberships" and len(parts) == 2:
            return _service_response(Roster(request, config, parts[1]).handle_get_members())
        return 404, "text/plain", "not found", {}

    def _control(self, request: WsgiRequest, parts: list[str]) -> tuple[int, str, t.Any, dict]:
        """What the browser tests (another process) set and read."""
        body = request.json or {}
        with self.lock:
            if parts == ["launch"]:
                self.add_launch(body.pop("hint"), LaunchSpec(**body))
            elif parts == ["members"]:
                self.members[body["context_id"]] = body["members"]
            elif parts == ["lineitem"]:
                item = self.lineitem_create(body.pop("context_id"), body)
                return 200, "application/json", item, {}
            elif parts == ["next-token"]:
                self.next_token = body.get("mode", "")
            elif parts == ["fail-scores"]:
                self.fail_scores = bool(body.get("fail"))
            state = {
                "scores": self.scores,
                "lineitems": self.lineitems,
                "deep_link_items": self.deep_link_items,
                "last_launch": self.last_launch,
                "base_url": self.base_url,
            }
        return 200, "application/json", state, {}

    def _auth(self, request: WsgiRequest) -> tuple[int, str, t.Any, dict[str, str]]:
        params = request.get_data or request.form_data
        hint = params.get("lti_message_hint", "")
        if hint not in self.launches or params.get("client_id") != self.client_id:
            return 400, "text/plain", "unknown launch or client", {}
        if params.get("redirect_uri") != f"{self.tool_url}/lti/launch/":
            return 400, "text/plain", "redirect_uri is not registered", {}
        mode, self.next_token = self.next_token, ""
        kwargs = {"nonce": params["nonce"], "state": params["state"]}
        data = self.launch_data(
            hint,
            redirect_uri=params["redirect_uri"],
            expiration=-120 if mode == "expire" else 300,
            **kwargs,
        )
        if mode == "forge":
            data["id_token"] = self.forged_token(
                hint, redirect_uri=params["redirect_uri"], **kwargs
            )
        self.last_launch = dict(data)
        form = (
            "<!doctype html><html><body>"
            f'<form id="launch" method="post" action="{html.escape(data["url"])}">'
            f'<input type="hidden" name="id_token" value="{html.escape(data["id_token"])}">'
            f'<input type="hidden" name="state" value="{html.escape(data["state"])}">'
            '<button type="submit">Continue</button></form>'
            '<script>document.getElementById("launch").submit();</script>'
            "</body></html>"
        )
        return 200, "text/html; charset=utf-8", form, {}

    def course_page(self, hint: str) -> str:
        """The LMS's page with the tool in an iframe (what a student sees in Canvas)."""
        src = html.escape(self.login_url(hint))
        return (
            "<!doctype html><html><head><meta name='viewport' content='width=device-width'>"
            "<title>Fake LMS course</title></head><body style='margin:0'>"
            "<h1 style='font:16px sans-serif;margin:8px'>Fake LMS</h1>"
            f"<iframe id='tool' name='tool' title='EssayCoach' src='{src}' "
            "style='width:100%;height:900px;border:0' "
            "allow='clipboard-write'></iframe></body></html>"
        )


def _service_response(resp: t.Any) -> tuple[int, str, t.Any, dict[str, str]]:
    if 200 <= resp.code < 300:
        result = resp.result
        if isinstance(result, dict) and "content" in result:
            result = result["content"]
        return resp.code, resp.media_type, result if result is not None else {}, {}
    return resp.code, "application/json", {"error": resp.message}, {}


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: t.Any) -> None:
        pass


class _ThreadingServer(WSGIServer):
    daemon_threads = True

    def process_request(self, request: t.Any, client_address: t.Any) -> None:
        thread = threading.Thread(target=self._handle, args=(request, client_address), daemon=True)
        thread.start()

    def _handle(self, request: t.Any, client_address: t.Any) -> None:
        try:
            self.finish_request(request, client_address)
        finally:
            self.shutdown_request(request)


def serve_in_thread(lms: FakeLms, host: str, port: int) -> tuple[WSGIServer, threading.Thread]:
    server = make_server(
        host, port, lms, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def uid() -> str:
    return uuid.uuid4().hex[:12]


def main() -> None:  # pragma: no cover - the browser tests' process
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.2")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tool-url", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    scheme = "https" if args.cert else "http"
    lms = FakeLms(base_url=f"{scheme}://{args.host}:{args.port}", tool_url=args.tool_url)
    server = make_server(
        args.host, args.port, lms, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    if args.cert:
        import ssl

        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    main()
