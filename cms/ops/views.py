"""Probes for load balancers and orchestrators: /healthz (the process answers) and
/readyz (it can serve: database, cache and a live worker)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .health import readiness


@never_cache
@require_safe
def healthz(request):
    """Answers as long as the process runs; touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    report = readiness()
    body = {"status": "ok" if report["ready"] else "unavailable", **report}
    return JsonResponse(body, status=200 if report["ready"] else 503)
