from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from .lockdown import refused_page


class RefusalAuditMiddleware:
    """Every admin action refused on a page goes in the audit log.

    Wagtail's admin turns a ``PermissionDenied`` into a redirect to the dashboard with an
    error message (``wagtail.admin.auth.permission_denied``), so a refusal is recognised
    either as the exception (XHR requests, views outside that wrapper) or as that redirect
    carrying an error message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 302
            and request.user.is_authenticated
            and response.get("Location") == reverse("wagtailadmin_home")
            and _has_queued_error(request)
        ):
            refused_page(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied) and request.user.is_authenticated:
            refused_page(request)
        return None


def _has_queued_error(request) -> bool:
    storage = getattr(request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return any(message.level == messages.ERROR for message in queued)
