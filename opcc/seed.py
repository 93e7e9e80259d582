"""Demo data of the core app: one person per role (README lists them) and, with --scale, a
delivered outbox for the benchmarks."""

from django.db import transaction
from django.utils import timezone

from opcc import seed_bulk
from opcc.models import MessageStatus, OutboundMessage, User
from opcc.roles import Role, sync_role_group

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - documented in README, demo machines only

DEMO_PEOPLE = (
    ("pcc@opcc.example", "Alex Morgan", Role.PCC),
    ("deputy@opcc.example", "Sam Patel", Role.DEPUTY),
    ("chief.executive@opcc.example", "Jo Williams", Role.CHIEF_EXECUTIVE),
    ("cfo@opcc.example", "Chris Evans", Role.CFO),
    ("staff@opcc.example", "Priya Shah", Role.STAFF),
    ("panel@opcc.example", "Councillor Morgan Reid", Role.PANEL),
    ("visitor@opcc.example", "Dee Clarke", Role.VISITOR),
)


def seed_people(scale: int, log) -> None:
    from opcc.outbox import queue_message

    for email, full_name, role in DEMO_PEOPLE:
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                email=email,
                defaults={"full_name": full_name, "role": role, "is_demo_account": True},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                queue_message(
                    kind="account_created",
                    to=user.email,
                    recipient=user,
                    template="account_created",
                    context={"user": user},
                )
                log(f"created {role.label}: {email}")
            sync_role_group(user)
    if scale:
        seed_outbox_at_scale(scale, log)


def seed_outbox_at_scale(scale: int, log) -> None:
    """N/10 delivered messages for ``--scale N``, bulk-created."""
    existing = OutboundMessage.objects.filter(kind="bench").count()
    today = timezone.localdate()
    wanted = seed_bulk.share(scale, "outbox_messages")
    made = seed_bulk.create(
        OutboundMessage,
        (_benchmark_message(n, today) for n in range(existing, wanted)),
        batch_size=5000,
    )
    log(f"outbox: {len(made)} benchmark messages added")


def _benchmark_message(n: int, today) -> OutboundMessage:
    sent_at = seed_bulk.moment(seed_bulk.day_of(n, today), 8 + n % 10)
    return OutboundMessage(
        code=seed_bulk.code_for("message", n),
        kind="bench",
        to=f"reader{n}@example.org",
        subject=f"Benchmark message {n}",
        body_text="Generated for the benchmarks.",
        status=MessageStatus.SENT,
        attempts=1,
        next_attempt_at=sent_at,
        created_at=sent_at,
        sent_at=sent_at,
    )
