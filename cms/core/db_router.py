"""Anonymous public reads go to the read replica (DATABASE_REPLICA_URL), the rest to the
primary.

Only GET and HEAD requests outside the admin, from visitors without a session cookie, are
marked for the replica; writes, the admin, signed-in users, background workers and
management commands always use the primary. A replica lags behind its primary, so a page
published a moment ago may take that long to appear for anonymous visitors.
"""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_public_read: ContextVar[bool] = ContextVar("public_read", default=False)


def is_public_read(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(tuple(settings.ADMIN_PATH_PREFIXES))
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaRoutingMiddleware:
    """Marks the request's database reads for the replica when it is an anonymous read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class PublicReadReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA
