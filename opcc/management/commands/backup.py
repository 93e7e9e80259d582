from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opcc.backups import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Back up DATABASE_URL's PostgreSQL database (pg_dump's custom format) and the private "
        "files (MEDIA_ROOT) into a folder: opcc-<UTC time>.dump and opcc-<UTC time>-files.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", default="backups", help="the folder (default: backups)")

    def handle(self, *args, to, **options):
        try:
            dump, files = back_up(Path(to))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Database: {dump}")
        self.stdout.write(f"Files: {files}" if files else "Files: none to back up")
