"""Demo data of the registers: interests, gifts and hospitality offers and contracts, recorded
through the services by the demo Chief Executive, so each has its history. Running it again adds
nothing. With a scale, benchmark entries of the three registers are bulk-created (also
idempotently; see ``_seed_at_scale``)."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from governance.models import (
    Contract,
    GiftOffer,
    InterestCategory,
    InterestEntry,
    ProcurementRoute,
)
from governance.services import registers as services
from opcc import seed_bulk
from opcc.models import User

RECORDED_BY = "chief.executive@opcc.example"
BENCHMARK_REASON = "Generated for the benchmarks."
BENCHMARK_INTEREST = "Recorded for the benchmarks."

# (e-mail, category, description, days since registered, days since ended or None)
INTERESTS = (
    (
        "pcc@opcc.example",
        InterestCategory.EMPLOYMENT,
        "Police and Crime Commissioner (this office)",
        900,
        None,
    ),
    (
        "pcc@opcc.example",
        InterestCategory.MEMBERSHIPS,
        "Trustee of Northfield Youth Trust, a local youth charity (unpaid)",
        700,
        None,
    ),
    (
        "pcc@opcc.example",
        InterestCategory.LAND,
        "Home owned jointly with spouse in Westbury",
        900,
        None,
    ),
    (
        "deputy@opcc.example",
        InterestCategory.EMPLOYMENT,
        "Councillor, Westbury Borough Council",
        850,
        200,
    ),
    (
        "deputy@opcc.example",
        InterestCategory.MEMBERSHIPS,
        "Member of the Magistrates' Association",
        600,
        None,
    ),
    (
        "chief.executive@opcc.example",
        InterestCategory.MEMBERSHIPS,
        "Member of the Association of Policing and Crime Chief Executives",
        1000,
        None,
    ),
    (
        "chief.executive@opcc.example",
        InterestCategory.OTHER,
        "Spouse employed by the county council in its community safety team",
        400,
        None,
    ),
    (
        "cfo@opcc.example",
        InterestCategory.MEMBERSHIPS,
        "Member of the Chartered Institute of Public Finance and Accountancy",
        1000,
        None,
    ),
    (
        "cfo@opcc.example",
        InterestCategory.SECURITIES,
        "Shares in a bank, below the nominal value that must be declared in detail",
        300,
        None,
    ),
)

# (e-mail, days ago, offered by, description, value, accepted, reason)
GIFT_OFFERS = (
    (
        "pcc@opcc.example",
        20,
        "County Business Awards",
        "Dinner at the annual awards evening",
        "45.00",
        True,
        "Attended to present the community safety award on behalf of the office.",
    ),
    (
        "pcc@opcc.example",
        60,
        "Westbury Town Football Club",
        "Two tickets to a home match, with hospitality",
        "180.00",
        False,
        "The club is applying for a community safety grant; accepting could be seen as "
        "influencing the decision.",
    ),
    (
        "deputy@opcc.example",
        95,
        "Northfield Neighbourhood Watch",
        "Lunch at the annual general meeting",
        "12.50",
        True,
        "Spoke at the meeting; a modest lunch provided to all speakers.",
    ),
    (
        "chief.executive@opcc.example",
        250,
        "A body-worn video supplier",
        "Free place at a two-day conference, with overnight accommodation",
        "650.00",
        False,
        "The supplier may bid for a contract the office will let this year.",
    ),
    (
        "cfo@opcc.example",
        300,
        "Regional audit firm",
        "Seminar on the public sector audit code, with refreshments",
        "30.00",
        True,
        "Training relevant to the post, open to all public bodies in the region.",
    ),
    (
        "pcc@opcc.example",
        420,
        "Local Chamber of Commerce",
        "Bottle of wine at the end of a business crime round-table",
        "15.00",
        False,
        "Declined in line with the office's policy on gifts from business groups.",
    ),
)

# (title, supplier, value, starts in days, lasts days, route, with a document)
CONTRACTS = (
    (
        "Victims' and witnesses' support service",
        "Victim Support",
        "1250000.00",
        -600,
        1095,
        ProcurementRoute.OPEN,
        True,
    ),
    (
        "Domestic abuse perpetrator programme",
        "Respect Partnership CIC",
        "185000.00",
        -200,
        730,
        ProcurementRoute.RESTRICTED,
        True,
    ),
    (
        "Independent custody visitor training",
        "Skills for Justice",
        "18500.00",
        -90,
        365,
        ProcurementRoute.FRAMEWORK,
        False,
    ),
    (
        "Website accessibility audit",
        "Clear Access Ltd",
        "10000.00",
        -45,
        60,
        ProcurementRoute.QUOTATIONS,
        False,
    ),
    (
        "Translation of custody visit leaflets",
        "Lingua Services Ltd",
        "8400.00",
        -120,
        365,
        ProcurementRoute.QUOTATIONS,
        False,
    ),
    (
        "Design and print of the annual report",
        "Westbury Print Works",
        "6750.00",
        -30,
        90,
        ProcurementRoute.DIRECT_AWARD,
        False,
    ),
)


def seed_registers(scale: int, log) -> None:
    actor = User.objects.filter(email=RECORDED_BY).first()
    if actor is None:
        log("registers: skipped, the demo Chief Executive is missing")
        return
    people = {user.email: user for user in User.objects.filter(email__endswith="@opcc.example")}
    today = timezone.localdate()
    added = _seed_interests(actor, people, today) + _seed_gift_offers(actor, people, today)
    added += _seed_contracts(actor, today)
    log(f"registers: {added} entries added")
    if scale:
        _seed_at_scale(scale, people, today, log)


def _seed_interests(actor, people, today) -> int:
    added = 0
    for email, category, description, registered_days, ended_days in INTERESTS:
        person = people.get(email)
        if (
            person is None
            or InterestEntry.objects.filter(person=person, description=description).exists()
        ):
            continue
        with transaction.atomic():
            entry = services.record_interest(
                actor,
                person=person,
                category=category,
                description=description,
                registered_on=today - timedelta(days=registered_days),
            )
            if ended_days is not None:
                services.end_interest(actor, entry, today - timedelta(days=ended_days))
        added += 1
    return added


def _seed_gift_offers(actor, people, today) -> int:
    added = 0
    for email, days_ago, offered_by, description, value, accepted, reason in GIFT_OFFERS:
        recipient = people.get(email)
        if (
            recipient is None
            or GiftOffer.objects.filter(
                recipient=recipient, offered_by=offered_by, description=description
            ).exists()
        ):
            continue
        services.record_gift_offer(
            actor,
            offered_on=today - timedelta(days=days_ago),
            recipient=recipient,
            offered_by=offered_by,
            description=description,
            estimated_value=Decimal(value),
            accepted=accepted,
            reason=reason,
        )
        added += 1
    return added


def _seed_contracts(actor, today) -> int:
    added = 0
    for title, supplier, value, starts_in, lasts, route, has_document in CONTRACTS:
        if Contract.objects.filter(title=title).exists():
            continue
        starts_on = today + timedelta(days=starts_in)
        services.record_contract(
            actor,
            title=title,
            supplier=supplier,
            value=Decimal(value),
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=lasts),
            procurement_route=route,
            document=ContentFile(contract_pdf(title, supplier), name="contract.pdf")
            if has_document
            else None,
        )
        added += 1
    return added


BENCHMARK_INTERESTS = (
    (InterestCategory.MEMBERSHIPS, "Member of a local community safety charity"),
    (InterestCategory.EMPLOYMENT, "Non-executive director of a housing association"),
    (InterestCategory.LAND, "Rented flat in the county"),
    (InterestCategory.SECURITIES, "Shares in a utility company"),
    (InterestCategory.OTHER, "Governor of a local primary school"),
)
BENCHMARK_GIFTS = (
    "Refreshments at a partnership meeting",
    "Dinner at a charity awards evening",
    "Tickets to a community sports event",
    "A book about the history of the county's policing",
)
BENCHMARK_CONTRACTS = (
    ("Cleaning of the office", "Spotless Facilities Ltd"),
    ("Victims' counselling service", "Northfield Counselling CIC"),
    ("Custody suite healthcare", "Care in Custody Ltd"),
    ("Youth diversion workshops", "Second Chance Trust"),
    ("Translation and interpreting", "Lingua Services Ltd"),
    ("Audit services", "Regional Audit LLP"),
)


def _seed_at_scale(scale: int, people, today, log) -> None:
    """Benchmark register entries over ten years, N/5 of ``--scale N`` in all: gift and
    hospitality offers N/10, interests N/20 (most ended since), contracts N/20 (some at or
    below £10,000), bulk-created without history."""
    recipients = [
        people[email]
        for email in (
            "pcc@opcc.example",
            "deputy@opcc.example",
            "chief.executive@opcc.example",
            "cfo@opcc.example",
        )
        if email in people
    ]
    if not recipients:
        log("registers: benchmark entries skipped, the demo people are missing")
        return
    gifts = GiftOffer.objects.filter(reason=BENCHMARK_REASON).count()
    interests = InterestEntry.objects.filter(description__endswith=BENCHMARK_INTEREST).count()
    contracts = seed_bulk.missing(Contract, "contract", seed_bulk.share(scale, "contracts"))
    with transaction.atomic():
        made = seed_bulk.create(
            GiftOffer,
            (
                _benchmark_gift(n, recipients, today)
                for n in range(gifts, seed_bulk.share(scale, "gift_offers"))
            ),
        )
        made += seed_bulk.create(
            InterestEntry,
            (
                _benchmark_interest(n, recipients, today)
                for n in range(interests, seed_bulk.share(scale, "interests"))
            ),
        )
        made += seed_bulk.create(Contract, (_benchmark_contract(n, today) for n in contracts))
    log(f"registers: {len(made)} benchmark entries added")


def _benchmark_gift(n, recipients, today) -> GiftOffer:
    offered_on = seed_bulk.day_of(n, today)
    return GiftOffer(
        offered_on=offered_on,
        recipient=recipients[n % len(recipients)],
        offered_by=f"Partner organisation {n % 500}",
        description=seed_bulk.pick(n, 60, BENCHMARK_GIFTS),
        estimated_value=Decimal(seed_bulk.mix(n, 61, 25000)) / 100,
        accepted=n % 3 != 0,
        reason=BENCHMARK_REASON,
        created_at=seed_bulk.moment(offered_on + timedelta(days=3)),
    )


def _benchmark_interest(n, recipients, today) -> InterestEntry:
    registered_on = seed_bulk.day_of(n, today)
    category, description = seed_bulk.pick(n, 62, BENCHMARK_INTERESTS)
    ended = seed_bulk.mix(n, 63, 5) > 0 and (today - registered_on).days > 30
    return InterestEntry(
        person=recipients[n % len(recipients)],
        category=category,
        description=f"{description}. {BENCHMARK_INTEREST}",
        registered_on=registered_on,
        ended_on=registered_on + timedelta(days=(today - registered_on).days // 2)
        if ended
        else None,
        created_at=seed_bulk.moment(registered_on),
    )


def _benchmark_contract(n, today) -> Contract:
    title, supplier = seed_bulk.pick(n, 64, BENCHMARK_CONTRACTS)
    starts_on = seed_bulk.day_of(n, today)
    return Contract(
        code=seed_bulk.code_for("contract", n),
        title=f"{title} ({starts_on:%Y})",
        supplier=supplier,
        value=Decimal(2_000 + seed_bulk.mix(n, 65, 200) * 2_500),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=365 * (1 + n % 3)),
        procurement_route=seed_bulk.pick(n, 66, ProcurementRoute.values),
        created_at=seed_bulk.moment(starts_on),
    )


def contract_pdf(title: str, supplier: str) -> bytes:
    """A one-page PDF standing in for a signed contract in the demo."""

    def text(value: str) -> str:
        return (
            value.replace("\\", "")
            .replace("(", "")
            .replace(")", "")
            .encode("latin-1", "replace")
            .decode("latin-1")
        )

    lines = [f"Contract: {text(title)}", f"Supplier: {text(supplier)}", "Demo document"]
    content = "BT /F1 16 Tf 72 720 Td 22 TL " + " ".join(f"({line}) Tj T*" for line in lines)
    stream = (content + " ET").encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
