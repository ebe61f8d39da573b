from django.core.management.base import BaseCommand

from cms.core.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: existing pages are kept as they are."

    def handle(self, *args, **options):
        report = DemoLoader(stdout=self.stdout).run()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content: {len(report.created)} pages created, {report.kept} kept")
        )
