"""The rules of signing the Commissioner and Officer Protocol, below the pages: who must sign
(and who may not), that only the current version can be signed and a new version asks everyone
again, which signatures are still outstanding, and the demo data's versions and signatures."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance import protocol_status
from governance.models import ProtocolDeclaration, ProtocolVersion
from governance.seed_protocol import seed_protocol
from governance.services.protocol import add_protocol_version, sign_protocol
from governance.wiring_protocol import sign_panel
from opcc.roles import Role
from opcc.seed import seed_people
from tests.governance.factories import ProtocolDeclarationFactory, ProtocolVersionFactory
from tests.governance.protocol_helpers import days_ago

pytestmark = pytest.mark.django_db

SIGNATORIES = [Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF]


def names(people_queryset) -> set[str]:
    return {person.email for person in people_queryset}


def office_emails(*roles) -> set[str]:
    return {f"{role}@opcc.example" for role in roles}


# Who signs, and what


def test_a_person_who_must_sign_signs_the_current_version_and_it_is_dated(people, current):
    before = timezone.now()

    declaration = sign_protocol(people[Role.STAFF], current)

    assert declaration.version == current
    assert declaration.person == people[Role.STAFF]
    assert before <= declaration.signed_at <= timezone.now()
    assert people[Role.STAFF] not in protocol_status.outstanding_signatures(current)


def test_an_earlier_version_cannot_be_signed(people, current, earlier):
    with pytest.raises(ValidationError, match="not the current version"):
        sign_protocol(people[Role.STAFF], earlier)
    assert not ProtocolDeclaration.objects.exists()


def test_a_version_approved_for_a_future_date_is_not_yet_current_nor_signable(people, current):
    coming = ProtocolVersionFactory(version="3.0", approved_on=days_ago(-14))

    assert ProtocolVersion.objects.current() == current
    with pytest.raises(ValidationError, match="not the current version"):
        sign_protocol(people[Role.STAFF], coming)
    assert not ProtocolDeclaration.objects.exists()


@pytest.mark.parametrize("role", [Role.PANEL, Role.VISITOR])
def test_panel_members_and_visitors_cannot_sign(role, people, current):
    with pytest.raises(PermissionDenied):
        sign_protocol(people[role], current)
    assert not ProtocolDeclaration.objects.exists()


def test_someone_with_no_role_cannot_sign(outsider, current):
    with pytest.raises(PermissionDenied):
        sign_protocol(outsider, current)


def test_signing_twice_is_harmless_and_keeps_the_first_date(people, current):
    first = sign_protocol(people[Role.PCC], current)

    again = sign_protocol(people[Role.PCC], current)

    assert again.pk == first.pk
    assert again.signed_at == first.signed_at
    assert ProtocolDeclaration.objects.count() == 1


def test_a_new_version_asks_everyone_again(people, earlier):
    for role in SIGNATORIES:
        sign_protocol(people[role], earlier)
    assert not protocol_status.outstanding_signatures(earlier).exists()
    assert sign_panel(people[Role.STAFF]) is None

    newer = add_protocol_version(
        people[Role.CHIEF_EXECUTIVE],
        version="2.0",
        approved_on=timezone.localdate(),
        declaration_text="I have read version 2.0 and will act in accordance with it.",
    )

    assert ProtocolVersion.objects.current() == newer
    assert names(protocol_status.outstanding_signatures(newer)) == office_emails(*SIGNATORIES)
    assert sign_panel(people[Role.STAFF]) == {"version": newer}


def test_who_must_sign_follows_the_sign_protocol_permission(db):
    # protocol_status asks the role field for speed; the role groups' permission is the rule.
    signing_groups = set(
        Group.objects.filter(
            permissions__codename="sign_protocol", permissions__content_type__app_label="governance"
        ).values_list("name", flat=True)
    )
    assert signing_groups == set(protocol_status.SIGNING_ROLES)


def test_people_who_have_left_are_not_asked_to_sign(people, current):
    people[Role.CFO].is_active = False
    people[Role.CFO].save()

    assert people[Role.CFO] not in protocol_status.outstanding_signatures(current)
    assert people[Role.CFO] not in protocol_status.people_who_must_sign()


# The Chief Executive's view of who has not signed


def test_outstanding_signatures_are_exactly_those_who_must_sign_and_have_not(people, current):
    sign_protocol(people[Role.PCC], current)
    sign_protocol(people[Role.STAFF], current)
    ProtocolDeclarationFactory(
        version=ProtocolVersionFactory(approved_on=days_ago(900)), person=people[Role.CFO]
    )

    outstanding = protocol_status.outstanding_signatures(current)

    assert names(outstanding) == office_emails(Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO)


# Demo data


def test_demo_data_has_a_version_half_the_staff_have_signed(db):
    log = []
    for _ in range(2):  # idempotent
        seed_people(0, log.append)
        seed_protocol(0, log.append)

    current = ProtocolVersion.objects.current()
    assert current.version == "2.0"
    assert ProtocolVersion.objects.count() == 2
    staff = protocol_status.people_who_must_sign().filter(role=Role.STAFF)
    assert staff.count() == 4
    signed_staff = staff.exclude(pk__in=protocol_status.outstanding_signatures(current))
    assert signed_staff.count() == 2
    assert not protocol_status.outstanding_signatures(
        ProtocolVersion.objects.get(version="1.0")
    ).exists()
    assert current.document.read(5) == b"%PDF-"
