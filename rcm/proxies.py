"""The address of the person making a request, as the trusted proxies in front of the app saw it."""

import ipaddress

from django.http import HttpRequest
from rest_framework.throttling import BaseThrottle


def client_address(request: HttpRequest) -> str | None:
    """The client's address for sign-in lockouts, read as the API's throttles read it.

    With TRUSTED_PROXY_COUNT (REST_FRAMEWORK's NUM_PROXIES) at 0 it is REMOTE_ADDR and
    X-Forwarded-For is ignored. Behind N proxies that each append the address they were reached
    from, it is the N-th entry of X-Forwarded-For from the right: entries further left are
    written by the client and never trusted. Something that is not an address (a misconfigured
    proxy) falls back to REMOTE_ADDR, the nearest proxy.
    """
    address = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return request.META.get("REMOTE_ADDR")
