"""Small middlewares every response passes through: a request id and Permissions-Policy."""

import logging
import re
import time
import uuid

from django.conf import settings

from .request_context import request_id

logger = logging.getLogger("cms.request")

# What we accept from X-Request-ID (a proxy's $request_id, a UUID): short, no spaces.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


class RequestIdMiddleware:
    """Takes the request id from X-Request-ID when it looks sane (else a new uuid4), puts it
    in a context variable for the logs and echoes it in the response's X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if SANE_REQUEST_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY: browser features the site never uses are off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.PERMISSIONS_POLICY
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
