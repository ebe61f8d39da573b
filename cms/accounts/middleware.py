"""Admin sessions: the second factor is enforced, idle sessions end."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from cms.core.csp import is_admin_path

from .policy import requires_otp

# A session is touched at most once a minute, not written on every request.
ACTIVITY_KEY = "last_activity"
ACTIVITY_GRANULARITY = 60


def exempt_paths() -> set[str]:
    """Pages a user who still owes a second factor may open."""
    return {
        reverse(name)
        for name in (
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_javascript_catalog",
            "admin:login",
            "admin:logout",
            "accounts:otp_setup",
            "accounts:otp_verify",
        )
    }


class OTPRequiredMiddleware:
    """Sends every admin request of a user who must use a second factor (see
    policy.requires_otp) to the verify page, or to the setup page if they have no device
    yet, until the session is verified. Needs django_otp's OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            is_admin_path(request.path_info)
            and user.is_authenticated
            and not user.is_verified()
            and request.path_info not in exempt_paths()
            and requires_otp(user)
        ):
            target = "accounts:otp_verify" if user_has_device(user) else "accounts:otp_setup"
            next_url = request.get_full_path() if request.method == "GET" else ""
            query = f"?{urlencode({'next': next_url})}" if next_url else ""
            return redirect(reverse(target) + query)
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Signs a user out after settings.SESSION_IDLE_TIMEOUT seconds without a request (the
    session's own lifetime, SESSION_COOKIE_AGE, bounds it from the other side)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.SESSION_IDLE_TIMEOUT
        if timeout and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(ACTIVITY_KEY)
            if last is not None and now - last > timeout:
                logout(request)
                if is_admin_path(request.path_info):
                    login = reverse("wagtailadmin_login")
                    return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
            elif last is None or now - last >= ACTIVITY_GRANULARITY:
                request.session[ACTIVITY_KEY] = now
        return self.get_response(request)
