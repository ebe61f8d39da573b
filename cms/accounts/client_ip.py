"""The client's address for login throttling, behind settings.TRUSTED_PROXY_COUNT proxies.

Each trusted proxy appends the address it received the request from to X-Forwarded-For
(nginx: ``$proxy_add_x_forwarded_for``), so the client is the entry that many places from
the right; what the client itself put further left is ignored. Without proxies it is
REMOTE_ADDR.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")
