import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.core.conf import markdown_table

START, END = "<!-- settings-table -->", "<!-- /settings-table -->"
SECTION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.S)


def readme_path() -> Path:
    return Path(settings.BASE_DIR) / "README.md"


def readme_table(text: str) -> str | None:
    """The table between the README's markers, None when the markers are missing."""
    match = SECTION.search(text)
    return match.group(0)[len(START) : -len(END)].strip("\n") + "\n" if match else None


class Command(BaseCommand):
    help = (
        "Print every app setting (from each app's conf.py) as a Markdown table: setting, "
        "environment variable, default, meaning. --write puts it into README.md between "
        f"{START} and {END}."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--write", action="store_true", help="update the table in README.md instead"
        )

    def handle(self, *args, write: bool = False, **options):
        table = markdown_table()
        if not write:
            self.stdout.write(table, ending="")
            return
        path = readme_path()
        text = path.read_text(encoding="utf-8")
        if readme_table(text) is None:
            self.stderr.write(f"No {START} ... {END} markers in {path}.")
            raise SystemExit(1)
        path.write_text(
            SECTION.sub(lambda _match: f"{START}\n{table}{END}", text), encoding="utf-8"
        )
        self.stdout.write(f"Updated the settings table in {path}.")
