from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from cms.core.views import language_redirect
from translations.audit import SiteHistoryView

site_history = require_admin_access(SiteHistoryView.as_view())
site_history_results = require_admin_access(SiteHistoryView.as_view(results_only=True))

urlpatterns = [
    path("", include("cms.ops.urls")),
    path("", language_redirect, name="language_redirect"),
    path("", include("cms.syndication.urls")),  # robots, sitemaps, manifest, API
    path("displays/", include("cms.displays.urls")),  # border-gate kiosks
    path("django-admin/", admin.site.urls),
    path("admin/2fa/", include("cms.accounts.urls")),
    # Wagtail's site history report with a language filter (translations/audit.py).
    path("admin/reports/site-history/", site_history, name="site_history_by_language"),
    path(
        "admin/reports/site-history/results/",
        site_history_results,
        name="site_history_by_language_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("cms.search.urls")),
    path("", include("cms.syndication.feed_urls")),
    path("", include("cms.events.urls")),  # iCalendar feeds
    path("", include("cms.submissions.urls")),  # public voices
    path("", include("cms.newsletters.urls")),
    path("", include("cms.catalogue.urls")),  # the open catalogue
    path("", include("cms.core.page_urls")),  # Wagtail's pages, routes kept
    prefix_default_language=True,
)
