from django.core.management.base import BaseCommand

from cms.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index: every live page and every aggregated item."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help="Index everything again, with a progress bar.")

    def handle(self, *args, action, **options):
        width = 30

        def progress(done: int, total: int) -> None:
            filled = int(width * done / total) if total else width
            bar = "#" * filled + "-" * (width - filled)
            self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
            self.stdout.flush()

        total = rebuild(progress)
        self.stdout.write(f"\nIndexed {total} documents.")
