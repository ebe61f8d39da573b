from django.conf import settings
from django.core.management.base import BaseCommand

from cms.core.roles import setup_roles
from cms.home.catalogues import has_catalogue, write_skeleton
from cms.home.language_table import rows
from cms.home.locales import ensure_locales


class Command(BaseCommand):
    help = (
        "Make every language of settings.LANGUAGES (EXTRA_LANGUAGES included) a working "
        "edition: its Locale and home page, its translator and reviewer roles, a UI catalogue "
        "skeleton when Django has none, then show its MT route, fonts and catalogue."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Leave new home pages as drafts instead of publishing them.",
        )

    def handle(self, *args, draft=False, **options):
        names = dict(settings.LANGUAGES)
        created = []
        for code in names:
            if not has_catalogue(code):
                created.append(str(write_skeleton(code, str(names[code]))))
        report = ensure_locales(publish=not draft)
        self.stdout.write(f"Locales created: {', '.join(report.locales_created) or 'none'}")
        self.stdout.write(f"Home pages created: {', '.join(report.homes_created) or 'none'}")
        groups = setup_roles()
        self.stdout.write(f"Roles: {len(groups)} groups in place")
        for path in created:
            self.stdout.write(
                f"UI catalogue skeleton written: {path} (translate it, then compilemessages)"
            )
        for row in rows():
            if row.code in report.locales_created or row.route == "no route":
                self.stdout.write(
                    f"{row.code} ({row.name}): MT from {settings.LANGUAGE_CODE}: {row.route}; "
                    f"fonts: {row.fonts}; UI catalogue: {row.catalogue}; home: {row.home}"
                )
                if row.route == "no route":
                    self.stdout.write(
                        f"  No machine translation reaches {row.code}: drafts are written by "
                        f"translators. Install a model with: python manage.py mt download "
                        f"{settings.LANGUAGE_CODE} {row.code}"
                    )
