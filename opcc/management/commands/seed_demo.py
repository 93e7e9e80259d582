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

    def handle(self, *args, scale, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more")
        for seeder in seeders.all():
            self.stdout.write(f"seeding {seeder.key} ...")
            seeder.seed(scale, lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(self.style.SUCCESS("demo data ready"))
