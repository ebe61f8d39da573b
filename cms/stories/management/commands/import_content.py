from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.search.jsonlines import MAX_DEPTH, FileRejected
from cms.stories.importing import import_file


class Command(BaseCommand):
    help = (
        "Import stories from an older portal: one JSON object per line with language, title, "
        "standfirst, body (HTML), date, section, province, topics and an optional key that "
        "links translations of one story. A damaged or hostile file (not UTF-8, NUL bytes, "
        f"invalid or truncated JSON, nesting deeper than {MAX_DEPTH}, numbers out of range, "
        "a line that is not an object) is refused whole; records that cannot become a "
        "story are skipped and listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--draft", action="store_true", help="Import as drafts, unpublished.")

    def handle(self, *args, file, draft=False, **options):
        if not Path(file).is_file():
            raise CommandError(f"No file at {file!r}.")

        def progress(line, report):
            if line % 100 == 0:
                self.stdout.write(
                    f"  line {line}: {report.imported} imported, {len(report.skipped)} skipped"
                )

        try:
            report = import_file(file, publish=not draft, progress=progress)
        except FileRejected as error:
            raise CommandError(f"Refused {file!r}, nothing imported: {error}.") from None
        except OSError as error:
            raise CommandError(f"Cannot read {file!r}: {error.strerror or error}.") from None
        self.stdout.write(f"Imported {report.imported} stories; skipped {len(report.skipped)}.")
        for skipped in report.skipped:
            self.stdout.write(f"  {skipped}")
