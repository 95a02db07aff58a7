"""Error reports to Sentry without the children's writing in them.

Essays, drafts, comments, names and e-mail addresses must never leave the server in an
error report. So: no request bodies, cookies or local variables at all; no user beyond
an id; no exception messages or log parameters (they may quote what failed); e-mail
addresses masked in whatever strings remain (breadcrumbs); long strings cut.
"""

from __future__ import annotations

import re
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MAX_STRING = 200
_SAFE_HEADERS = {"user-agent", "content-type", "content-length", "x-request-id", "hx-request"}


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = EMAIL.sub("[email]", value)
        return value if len(value) <= MAX_STRING else value[:MAX_STRING] + "…[cut]"
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def scrub_event(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers") or {}
        request["headers"] = {k: v for k, v in headers.items() if k.lower() in _SAFE_HEADERS}
    user = event.get("user")
    if isinstance(user, dict):
        event["user"] = {"id": user["id"]} if "id" in user else {}
    for exc in (event.get("exception") or {}).get("values") or []:
        # an exception's message may quote what it failed on (an essay, an address):
        # the type and the stack say where; the message stays on the server's log
        if exc.get("value"):
            exc["value"] = f"[redacted: {len(str(exc['value']))} characters]"
        for frame in (exc.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        # keep the template ("could not save draft %s"), not what was put into it
        logentry.pop("params", None)
        logentry.pop("formatted", None)
    event.pop("extra", None)
    for key in ("logentry", "message", "exception", "breadcrumbs", "tags", "contexts"):
        if key in event:
            event[key] = _clean(event[key])
    return event


def scrub_breadcrumb(crumb: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    crumb.pop("data", None)  # SQL parameters, HTTP bodies
    return _clean(crumb)


def init_sentry(*, dsn: str, environment: str, release: str, traces: float) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.huey import HueyIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        traces_sample_rate=traces,
        include_local_variables=False,
        max_request_body_size="never",
        # Event is a TypedDict; the scrubbers treat it as the plain dict it is at run time
        before_send=scrub_event,  # type: ignore[arg-type]
        before_send_transaction=scrub_event,  # type: ignore[arg-type]
        before_breadcrumb=scrub_breadcrumb,
        integrations=[DjangoIntegration(), HueyIntegration()],
    )
