import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.home.language_table import markdown_table

START, END = "<!-- languages-table -->", "<!-- /languages-table -->"
SECTION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)


def readme_table(text: str) -> str | None:
    """The table between the README's markers, None when the markers are missing."""
    match = SECTION.search(text)
    return match.group(0)[len(START) : -len(END)].strip("\n") + "\n" if match else None


class Command(BaseCommand):
    help = (
        "Print every content language as a Markdown table: code, name, machine-translation "
        "route from the source language, fonts, UI catalogue completeness, home page. "
        f"--write puts it into README.md between {START} and {END}; --check exits 1 when "
        "README.md differs."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--write", action="store_true", help="update the README's table")
        action.add_argument(
            "--check", action="store_true", help="exit 1 when the README's table differs"
        )
        parser.add_argument(
            "--readme",
            type=Path,
            default=None,
            help="the README to write or check (default: README.md of the project)",
        )

    def handle(self, *args, write=False, check=False, readme=None, **options):
        table = markdown_table()
        if not (write or check):
            self.stdout.write(table, ending="")
            return
        path = readme or Path(settings.BASE_DIR) / "README.md"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                f"Cannot read {path}: {error}. Give another with --readme."
            ) from error
        documented = readme_table(text)
        if documented is None:
            raise CommandError(
                f"No {START} ... {END} markers in {path}: add them where the table belongs."
            )
        if check:
            if documented != table:
                raise CommandError(
                    f"The languages table in {path} is out of date: run "
                    "`python manage.py languages_table --write` and commit it."
                )
            self.stdout.write(f"The languages table in {path} is up to date.")
            return
        path.write_text(
            SECTION.sub(lambda _match: f"{START}\n{table}{END}", text), encoding="utf-8"
        )
        self.stdout.write(f"Updated the languages table in {path}.")
