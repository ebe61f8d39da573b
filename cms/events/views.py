from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from . import ical
from .models import EventIndexPage, EventPage


def calendar(request) -> HttpResponse:
    """``/<lang>/events.ics``: every live event of the language, for calendar apps."""
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None:
        raise Http404(_("This language has no events."))
    index = EventIndexPage.objects.live().public().filter(locale=locale).first()
    pages = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("province", "locale")
        .order_by("start", "pk")
    )
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    title = index.title if index else _("Events")
    body = ical.calendar(request, title, pages, host)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="events-{locale.language_code}.ics"'
    return response
