"""The kiosk's public side: its page, its bundle, its service worker and its heartbeat.

Every URL but the service worker's carries the display's slug and secret token; a wrong
pair, or an inactive display, is a 403 that says nothing of whether the slug exists (a 404
here would be redirected into a language tree by LocaleMiddleware)."""

import secrets
from functools import cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from cms.core.params import bad_request_json

from .bundle import build_bundle
from .heartbeat import HeartbeatError, TooSoon, parse, record
from .models import Display

SERVICE_WORKER = "js/kiosk-sw.js"
PRIVATE = {
    "Cache-Control": "no-cache, private",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def display_for(slug: str, token: str) -> Display:
    display = Display.objects.filter(slug=slug, active=True).first()
    if display is None or not secrets.compare_digest(display.token.encode(), token.encode()):
        raise PermissionDenied(_("This display address is not valid."))
    return display


def _private(response):
    for name, value in PRIVATE.items():
        response[name] = value
    return response


@require_GET
def kiosk(request, slug: str, token: str):
    display = display_for(slug, token)
    context = {
        "display": display,
        "bundle_url": reverse("displays:bundle", args=[slug, token]),
        "heartbeat_url": reverse("displays:heartbeat", args=[slug, token]),
        "worker_url": reverse("displays:service_worker"),
        "languages": display.language_codes(),
    }
    return _private(render(request, "displays/kiosk.html", context))


@require_GET
def bundle(request, slug: str, token: str):
    display = display_for(slug, token)
    data = build_bundle(request, display)
    return _private(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))


@csrf_exempt
@require_POST
def heartbeat(request, slug: str, token: str):
    """CSRF-exempt (a kiosk has no session), but only with the display's token."""
    display = display_for(slug, token)
    try:
        counts = parse(request.body, display.language_codes())
        result = record(display.pk, counts)
    except HeartbeatError as error:
        return bad_request_json(str(error))
    except TooSoon as early:
        response = JsonResponse({"error": _("Too many heartbeats.")}, status=429)
        response["Retry-After"] = str(early.retry_after)
        return response
    return _private(
        JsonResponse(
            {"stored": result.stored, "skipped": result.skipped, "next": display.heartbeat_seconds}
        )
    )


@cache
def _worker_source() -> bytes:
    path = finders.find(SERVICE_WORKER)
    if path:
        with open(path, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(SERVICE_WORKER) as handle:
        return handle.read()


@require_GET
def service_worker(request):
    """The kiosk's service worker, served under /displays/ so that its scope covers every
    kiosk page (a script under /static/ could only control /static/)."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("displays:service_worker").rsplit("/", 1)[0] + "/"
    response["Cache-Control"] = "no-cache"
    return response
