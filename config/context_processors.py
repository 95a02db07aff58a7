from django.http import HttpRequest


def csp_nonce(request: HttpRequest) -> dict[str, object]:
    """django-htmx's {% htmx_script %} reads `csp_nonce`; django-csp calls it CSP_NONCE."""
    return {"csp_nonce": getattr(request, "csp_nonce", None)}
