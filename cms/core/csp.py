"""Content-Security-Policy: django-csp's middleware with a second, admin policy.

Public pages get settings.CONTENT_SECURITY_POLICY (strict: no inline code). Under
settings.ADMIN_PATH_PREFIXES the response gets settings.CSP_ADMIN_DIRECTIVES instead,
since Wagtail's admin needs inline scripts and styles; a view's own @csp decorator wins.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = dict(settings.CSP_ADMIN_DIRECTIVES)
        return parts
