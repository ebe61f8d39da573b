from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.search.importing import import_file


class Command(BaseCommand):
    help = (
        "Import stories from an older portal: one JSON object per line with language, title, "
        "standfirst, body (HTML), date, section, province, topics and an optional key that "
        "links translations of one story."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--draft", action="store_true", help="Import as drafts, unpublished.")

    def handle(self, *args, file, draft=False, **options):
        if not Path(file).is_file():
            raise CommandError(f"No file at {file}.")

        def progress(line, report):
            if line % 100 == 0:
                self.stdout.write(
                    f"  line {line}: {report.imported} imported, {len(report.skipped)} skipped"
                )

        report = import_file(file, publish=not draft, progress=progress)
        self.stdout.write(f"Imported {report.imported} stories; skipped {len(report.skipped)}.")
        for line, reason in report.skipped:
            self.stdout.write(f"  line {line}: {reason}")
