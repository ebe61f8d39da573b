from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.ops.backup import BackupError
from cms.ops.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checksums first, then the database "
        "(which must be empty unless --force), then the media files."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="overwrite a database that is not empty"
        )

    def handle(self, *args, directory, force, **options):
        try:
            manifest = restore_backup(directory, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database and {len(manifest['media'])} media files "
            f"from the backup of {manifest['created_at']}."
        )
