import time

from django.core.management.base import BaseCommand
from wagtail import hooks

from cms.core.roles import setup_roles
from cms.demo.loader import DemoLoader
from cms.demo.users import DEMO_PASSWORD, create_demo_users, demo_accounts
from cms.search.indexing import rebuild


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
        # Apps add their own demo content (events, displays, ...) with this hook: a
        # function taking stdout, idempotent like the loader above.
        for load_app_demo in hooks.get_hooks("load_demo_content"):
            load_app_demo(self.stdout)
        self.build_search_index()
        if with_users:
            setup_roles()
            create_demo_users()
            names = ", ".join(demo_accounts())
            self.stdout.write(f"Demo accounts ({names}), password: {DEMO_PASSWORD}")

    def build_search_index(self) -> None:
        """What ``manage.py search rebuild`` does, so that search answers at once."""
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"  search index: {done}/{total}")

        total = rebuild(progress)
        seconds = time.monotonic() - started
        self.stdout.write(f"Search index: {total} documents indexed in {seconds:.1f} s")
