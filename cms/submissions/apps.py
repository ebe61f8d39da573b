from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "cms.submissions"
    label = "submissions"
    verbose_name = _("Public voices")

    def ready(self):
        from .permissions import ensure_group

        # Every app's post_migrate: the group's permissions belong to several apps.
        post_migrate.connect(ensure_group, dispatch_uid="submissions.ensure_group")
