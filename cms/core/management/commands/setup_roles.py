from django.core.management.base import BaseCommand

from cms.core.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or reset the editorial groups: Editors, Translators and Reviewers per "
        "language, Moderators, Administrators."
    )

    def handle(self, *args, **options):
        for group in setup_roles():
            self.stdout.write(f"{group.name}: {group.page_permissions.count()} page permissions")
