from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opcc.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into DATABASE_URL's database (and its "
        "files' archive, if there is one beside it, into MEDIA_ROOT). The database must be "
        "empty unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="the .dump file, e.g. backups/opcc-20261123-140000.dump")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace what the database and MEDIA_ROOT hold (make restore CONFIRM=yes)",
        )

    def handle(self, *args, backup, replace, **options):
        if not backup:
            raise CommandError("Name the backup: make restore BACKUP=backups/opcc-<time>.dump")
        try:
            files = restore(Path(backup), replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the database from {backup}")
        self.stdout.write(f"Restored the files from {files}" if files else "No files to restore")
