from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from opcc.registry import seeders


class Command(BaseCommand):
    help = (
        "Load the demo data of every app (idempotent). --scale N adds large volumes for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="how many records of each kind to bulk-create"
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="load demo users (whose password is public) although DEBUG is off",
        )

    def handle(self, *args, scale, allow_without_debug, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more")
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "DEBUG is off: the demo users' password is published in the README, so they are "
                "not created on a real deployment. For a throwaway trial or a benchmark, pass "
                "--allow-without-debug."
            )
        for seeder in seeders.all():
            self.stdout.write(f"seeding {seeder.key} ...")
            seeder.seed(scale, lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(self.style.SUCCESS("demo data ready"))
