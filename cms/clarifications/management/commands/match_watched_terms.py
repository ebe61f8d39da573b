from django.core.management.base import BaseCommand, CommandError

from cms.clarifications.matching import rematch
from cms.clarifications.models import WatchedTerm


class Command(BaseCommand):
    help = (
        "Match the watched terms of the clarifications desk against every stored news item "
        "again (after terms were added or changed), with a progress bar."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", help="Only the terms of this language code (e.g. lo, zh-hans)."
        )

    def handle(self, *args, language=None, **options):
        terms = WatchedTerm.objects.filter(active=True)
        if language:
            terms = terms.filter(language=language)
            if not terms.exists():
                raise CommandError(
                    f"No active watched term in {language!r}. Add one in the admin "
                    "(Clarifications → Watched terms) or check the language code."
                )
        width = 30

        def progress(done: int, total: int) -> None:
            filled = int(width * done / total) if total else width
            bar = "#" * filled + "-" * (width - filled)
            self.stdout.write(f"\r[{bar}] {done}/{total} items", ending="")
            self.stdout.flush()

        stored = rematch(list(terms), progress)
        self.stdout.write(f"\n{stored} matches stored for {terms.count()} terms.")
