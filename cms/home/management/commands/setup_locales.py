from django.core.management.base import BaseCommand

from cms.home.locales import ensure_locales


class Command(BaseCommand):
    help = "Create the Locale and home page of every language in settings.LANGUAGES."

    def add_arguments(self, parser):
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Leave new home pages as drafts instead of publishing them.",
        )

    def handle(self, *args, draft=False, **options):
        report = ensure_locales(publish=not draft)
        self.stdout.write(f"Locales created: {', '.join(report.locales_created) or 'none'}")
        self.stdout.write(f"Home pages created: {', '.join(report.homes_created) or 'none'}")
