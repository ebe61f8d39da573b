from django.core.management.base import BaseCommand

from cms.submissions import conf
from cms.submissions.purge import purge
from cms.submissions.tasks import ensure_schedule


class Command(BaseCommand):
    help = (
        "Delete unconfirmed submissions and the personal data of rejected ones older than "
        "SUBMISSIONS_RETENTION_DAYS. With --schedule, also let the worker repeat it every "
        "SUBMISSIONS_PURGE_INTERVAL seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the periodic purge on the database worker (once is enough)",
        )

    def handle(self, *args, schedule=False, **options):
        result = purge()
        days = conf.get("SUBMISSIONS_RETENTION_DAYS")
        self.stdout.write(
            f"Older than {days} days: {result.deleted} unconfirmed submissions deleted, "
            f"{result.anonymised} rejected submissions stripped of personal data."
        )
        if schedule:
            if ensure_schedule():
                self.stdout.write("The worker will repeat the purge (manage.py worker).")
            else:
                self.stdout.write(
                    "Not queued: a purge is already scheduled, or the tasks backend cannot "
                    "defer tasks (use cron: see the README)."
                )
