"""Two-factor authentication for the admin: set up a TOTP device, verify a session."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm

DEVICE_NAME = "Authenticator app"


def next_url(request) -> str:
    """Where to go once verified: the ``next`` parameter if it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(url: str, target: str) -> str:
    return f"{url}?{urlencode({'next': target})}"


def confirmed_devices(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True)


def token_error(device: TOTPDevice, token: str) -> str | None:
    """None if the token is valid now; else why not. Wrong codes slow down further tries
    (django-otp's throttling: 1, 2, 4, ... seconds, OTP_TOTP_THROTTLE_FACTOR)."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return _("Too many wrong codes. Wait a few seconds and try again.")
    if not device.verify_token(token):
        return _("That code is not right. Check your device's clock.")
    return None


def grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Shows a new secret as a QR code and text; the first valid code confirms it."""
    if confirmed_devices(request.user).exists():
        return redirect(with_next(reverse("accounts:otp_verify"), next_url(request)))
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": DEVICE_NAME}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = token_error(device, form.cleaned_data["token"])
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is set up."))
            return redirect(next_url(request))
        form.add_error("token", error)
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "next": next_url(request),
        "qr_data_uri": qr.svg_data_uri(scale=5, dark="#000", light="#fff"),
        "secret": grouped(base32_secret(device)),
    }
    return render(request, "accounts/otp_setup.html", context)


def base32_secret(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed in (base32, no padding)."""
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """Asks for the current code of the user's device and marks the session verified."""
    devices = list(confirmed_devices(request.user))
    if not devices:
        return redirect(with_next(reverse("accounts:otp_setup"), next_url(request)))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        errors = []
        for device in devices:
            error = token_error(device, form.cleaned_data["token"])
            if error is None:
                otp_login(request, device)
                return redirect(next_url(request))
            errors.append(error)
        form.add_error("token", errors[0])
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url(request)})
