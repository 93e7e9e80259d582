"""Who must sign the Commissioner and Officer Protocol, and who has signed which version.

Read-only functions returning querysets, each a fixed number of queries whatever the size of the
office. State changes are in governance.services.protocol.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from governance.models import ProtocolDeclaration, ProtocolVersion
from opcc.roles import Role

# The roles whose groups hold governance.sign_protocol (migration 0002_role_permissions): asking
# the role field keeps a list of signatories to one query. A test keeps the two in step.
SIGNING_ROLES = frozenset({Role.PCC, Role.DEPUTY, Role.CHIEF_EXECUTIVE, Role.CFO, Role.STAFF})


def must_sign(user) -> bool:
    """Is ``user`` one of the people who sign the protocol? (No query.)"""
    return user.is_authenticated and user.is_active and user.role in SIGNING_ROLES


def people_who_must_sign() -> QuerySet:
    """Everyone active whose role signs the protocol, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, role__in=SIGNING_ROLES)
        .order_by("full_name", "pk")
    )


def _declaration_of_person(version) -> QuerySet:
    return ProtocolDeclaration.objects.filter(version=version, person=OuterRef("pk"))


def outstanding_signatures(version) -> QuerySet:
    """The people who must sign and have not signed ``version``, by name."""
    return people_who_must_sign().filter(~Exists(_declaration_of_person(version)))


def signature_counts(version) -> dict:
    """How many must sign ``version``, how many have, and how many have not: one query."""
    counts = people_who_must_sign().aggregate(
        must_sign=Count("pk"), signed=Count("pk", filter=Q(Exists(_declaration_of_person(version))))
    )
    return {**counts, "outstanding": counts["must_sign"] - counts["signed"]}


def signatures(version) -> QuerySet:
    """Everyone who must sign, each with ``signed_at`` for ``version`` (None if not signed).

    Those who have not signed come first, so the Chief Executive sees them without paging.
    """
    return (
        people_who_must_sign()
        .annotate(signed_at=Subquery(_declaration_of_person(version).values("signed_at")[:1]))
        .order_by(F("signed_at").asc(nulls_first=True), "full_name", "pk")
    )


def current_version_for(user) -> ProtocolVersion | None:
    """The current version, with ``signed_at`` set to when ``user`` signed it (None if not)."""
    if not user.is_authenticated:
        return ProtocolVersion.objects.current()
    own_declaration = ProtocolDeclaration.objects.filter(version=OuterRef("pk"), person=user.pk)
    return ProtocolVersion.objects.annotate(
        signed_at=Subquery(own_declaration.values("signed_at")[:1])
    ).current()


def versions_with_counts() -> QuerySet:
    """Every version, newest approval first, with how many declarations each has."""
    return ProtocolVersion.objects.annotate(declaration_count=Count("declarations")).order_by(
        "-approved_on", "-id"
    )
