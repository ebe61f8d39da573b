from django.core.management.base import BaseCommand

from cms.core.roles import setup_roles
from cms.demo.loader import DemoLoader
from cms.demo.users import DEMO_PASSWORD, create_demo_users, demo_accounts


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: existing pages are kept as they are."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-users",
            action="store_true",
            help="Also create one demo account per role (only when DEBUG is on).",
        )

    def handle(self, *args, with_users=False, **options):
        report = DemoLoader(stdout=self.stdout).run()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} pages created, {report.kept} already there"
            )
        )
        if with_users:
            setup_roles()
            create_demo_users()
            names = ", ".join(demo_accounts())
            self.stdout.write(f"Demo accounts ({names}), password: {DEMO_PASSWORD}")
