import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from opcc.registry import seeders


class Command(BaseCommand):
    help = (
        "Load the demo data of every app (idempotent). --scale N adds large volumes for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="also bulk-create benchmark rows (no history), spread over ten years, the same on "
            "every run and never twice: N published decisions, N/2 complaints, N/10 complaint "
            "reviews, N/5 custody visits (with their reports, detainees and findings), N/50 "
            "meetings (five agenda items and two actions each), N/5 register entries (gifts and "
            "hospitality N/10, interests N/20, contracts N/20), N/100 horizon-scan entries and "
            "N/10 delivered outbox messages",
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
        started = time.monotonic()
        # The demo first, exactly as without --scale, so its reports and PDFs are the demo's;
        # then the benchmark rows, each seeder's demo part being already there (a no-op).
        passes = [("", 0), (" at scale", scale)] if scale else [("", 0)]
        for label, pass_scale in passes:
            for seeder in seeders.all():
                self.stdout.write(f"seeding {seeder.key}{label} ...")
                began = time.monotonic()
                seeder.seed(pass_scale, lambda line: self.stdout.write(f"  {line}"))
                self.stdout.write(f"  ({seeder.key}: {time.monotonic() - began:.1f} s)")
        if scale and connection.vendor == "postgresql":
            # After a bulk load the planner has no statistics until autovacuum gets round to
            # the tables (if it runs at all); without them it picks plans production never
            # would (a full scan for a search the GIN index answers in milliseconds).
            began = time.monotonic()
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.stdout.write(f"  (statistics: {time.monotonic() - began:.1f} s)")
        self.stdout.write(
            self.style.SUCCESS(f"demo data ready in {time.monotonic() - started:.1f} s")
        )
