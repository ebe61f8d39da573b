"""The event editor: start and end are typed as wall-clock times in the event's own zone.

Django reads a typed date-time in the site's zone (Asia/Ho_Chi_Minh) and makes it aware;
an event in Vientiane or Paris means the time on the clocks there. So the form shows the
stored times converted to the event's zone, and on saving reads the typed wall-clock time
again in the zone the editor chose.
"""

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm

from .recurrence import zone

TIME_FIELDS = ("start", "end")


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        where = zone(self.instance.time_zone)
        for name in TIME_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                self.initial[name] = timezone.localtime(value, where).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        where = zone(cleaned.get("time_zone") or "")
        for name in TIME_FIELDS:
            value = cleaned.get(name)
            if value is not None:
                wall_clock = timezone.localtime(value).replace(tzinfo=None)
                cleaned[name] = timezone.make_aware(wall_clock, where)
        return cleaned
