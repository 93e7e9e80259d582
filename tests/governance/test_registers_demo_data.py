"""The registers' demo data: loaded once however often the seed runs, with an ended interest, a
contract of exactly £10,000 and valid PDF documents for the published contracts; the benchmark
scale's bulk entries of the three registers created once, in proportion; and nothing loaded
without the demo people."""

from decimal import Decimal

import pytest
from django.conf import settings

from governance.models import Contract, GiftOffer, InterestEntry
from governance.seed_registers import BENCHMARK_INTEREST, BENCHMARK_REASON, seed_registers
from opcc.seed import seed_people
from opcc.uploads import check_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_23_november_2026")]


def test_demo_registers_are_loaded_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(0, lambda line: None)
    seed_registers(0, lambda line: None)
    counts = (InterestEntry.objects.count(), GiftOffer.objects.count(), Contract.objects.count())

    seed_registers(0, lambda line: None)

    assert counts == (
        InterestEntry.objects.count(),
        GiftOffer.objects.count(),
        Contract.objects.count(),
    )
    assert all(counts)
    assert InterestEntry.objects.filter(ended_on__isnull=False).exists()
    assert Contract.objects.filter(value=Decimal("10000.00")).exists()
    with_document_over = Contract.objects.filter(value__gt=10000).exclude(document="")
    assert with_document_over.exists()
    for contract in with_document_over:
        with contract.document.open("rb") as document:
            content_type = check_document(document, max_bytes=settings.UPLOAD_MAX_BYTES)
            assert content_type == "application/pdf"


def test_demo_scale_bulk_creates_register_entries_in_proportion_once(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        seed_people(0, lambda line: None)
    seed_registers(0, lambda line: None)
    demo = (InterestEntry.objects.count(), GiftOffer.objects.count(), Contract.objects.count())

    seed_registers(120, lambda line: None)
    seed_registers(120, lambda line: None)

    # --scale N: N/5 entries in all, gifts and hospitality N/10, interests and contracts N/20.
    assert GiftOffer.objects.filter(reason=BENCHMARK_REASON).count() == 12
    assert InterestEntry.objects.filter(description__endswith=BENCHMARK_INTEREST).count() == 6
    assert (
        InterestEntry.objects.count() - demo[0],
        GiftOffer.objects.count() - demo[1],
        Contract.objects.count() - demo[2],
    ) == (6, 12, 6)
    benchmark_interests = InterestEntry.objects.filter(description__endswith=BENCHMARK_INTEREST)
    assert benchmark_interests.filter(ended_on__isnull=False).exists()  # most have ended


def test_demo_registers_are_skipped_without_the_demo_people():
    lines = []

    seed_registers(10, lines.append)

    assert not GiftOffer.objects.exists()
    assert "skipped" in lines[0]
