"""Demo data for the protocol declarations: two versions, and version 2.0 signed by half the staff.

Idempotent: running it again adds nothing. ``scale`` adds nothing either: an office has a handful
of versions, and the people who sign are the office's own.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from governance.models import ProtocolDeclaration, ProtocolVersion
from opcc.models import User
from opcc.roles import Role, sync_role_group
from opcc.seed import DEMO_PASSWORD

DECLARATION = (
    "I have read the Commissioner and Officer Protocol, version {version}, and I understand the "
    "roles and responsibilities it sets out for the Police and Crime Commissioner, the Deputy, "
    "the Chief Executive and Monitoring Officer, the Chief Finance Officer and the staff of the "
    "office.\n\n"
    "I will act in accordance with the protocol and with the Seven Principles of Public Life. I "
    "will declare any interest that could affect, or be seen to affect, my work for the office, "
    "and I will raise any concern about a breach of the protocol with the Monitoring Officer."
)

VERSIONS = (
    ("1.0", datetime.date(2024, 5, 1)),
    ("2.0", datetime.date(2026, 4, 1)),
)

EXTRA_STAFF = (
    ("tom.hughes@opcc.example", "Tom Hughes"),
    ("aisha.khan@opcc.example", "Aisha Khan"),
    ("ben.price@opcc.example", "Ben Price"),
)

# Everyone signed 1.0 soon after it was approved; 2.0 so far by the Commissioner, the Chief
# Executive and two of the four staff, so Priya Shah (staff@opcc.example) is asked to sign.
SIGNED_2_0 = (
    "pcc@opcc.example",
    "chief.executive@opcc.example",
    "tom.hughes@opcc.example",
    "aisha.khan@opcc.example",
)
SIGNED_1_0 = (
    "pcc@opcc.example",
    "deputy@opcc.example",
    "chief.executive@opcc.example",
    "cfo@opcc.example",
    "staff@opcc.example",
    "tom.hughes@opcc.example",
    "aisha.khan@opcc.example",
    "ben.price@opcc.example",
)


def seed_protocol(scale: int, log) -> None:
    with transaction.atomic():
        _seed_staff(log)
        versions = {
            number: _seed_version(number, approved_on, log) for number, approved_on in VERSIONS
        }
        _seed_declarations(versions["1.0"], SIGNED_1_0, days_after=10, log=log)
        _seed_declarations(versions["2.0"], SIGNED_2_0, days_after=5, log=log)


def _seed_staff(log) -> None:
    for email, full_name in EXTRA_STAFF:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={"full_name": full_name, "role": Role.STAFF, "is_demo_account": True},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            log(f"created {Role.STAFF.label}: {email}")
        sync_role_group(user)


def _seed_version(number: str, approved_on: datetime.date, log) -> ProtocolVersion:
    version, created = ProtocolVersion.objects.get_or_create(
        version=number,
        defaults={
            "approved_on": approved_on,
            "declaration_text": DECLARATION.format(version=number),
        },
    )
    if created:
        log(f"protocol version {number}, approved {approved_on:%-d %B %Y}")
    if not (version.document and version.document.storage.exists(version.document.name)):
        version.document.save(
            f"commissioner-and-officer-protocol-{number.replace('.', '-')}.pdf",
            ContentFile(demo_pdf(f"Commissioner and Officer Protocol, version {number}")),
        )
    return version


def _seed_declarations(version, emails, *, days_after: int, log) -> None:
    signed_at = timezone.make_aware(
        datetime.datetime.combine(version.approved_on, datetime.time(10, 0))
    ) + datetime.timedelta(days=days_after)
    added = 0
    for person in User.objects.filter(email__in=emails):
        _, created = ProtocolDeclaration.objects.get_or_create(
            version=version, person=person, defaults={"signed_at": signed_at}
        )
        added += created
    if added:
        log(f"protocol version {version.version}: {added} declarations signed")


def demo_pdf(line: str) -> bytes:
    """A one-page PDF with one line of text: enough for the demo's download link to open."""
    text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 18 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        pdf += b"%010d 00000 n \n" % offset
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(pdf)
