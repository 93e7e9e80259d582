"""Every change to the Commissioner and Officer Protocol declarations: adding a version, signing.

Reads (who must sign, who has not) are in governance.protocol_status.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from governance.models import ProtocolDeclaration, ProtocolVersion
from opcc import access
from opcc.uploads import check_document, stored_name

DEFAULT_TITLE = "Commissioner and Officer Protocol"
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

SIGN_PROTOCOL = "governance.sign_protocol"
ADD_VERSION = "governance.add_protocolversion"


def add_protocol_version(
    actor,
    *,
    version: str,
    approved_on,
    declaration_text: str,
    document=None,
    title: str = DEFAULT_TITLE,
) -> ProtocolVersion:
    """Record a newly approved version of the protocol (the Chief Executive's job).

    From ``approved_on`` it is the current version, and everyone who must sign is asked to sign
    it, whatever they signed before. A ``document`` must be a PDF or Office file of 10 MB or less.
    """
    if not (actor.is_authenticated and actor.has_perm(ADD_VERSION)):
        access.refuse(actor, "add a protocol version")
    version = version.strip()
    errors = {}
    if ProtocolVersion.objects.filter(version__iexact=version).exists():
        errors["version"] = f"Version {version} already exists. Give the new version its own number"
    if document is not None:
        try:
            content_type = check_document(document, max_bytes=MAX_DOCUMENT_BYTES)
        except ValidationError as problem:
            errors["document"] = problem.messages
        else:
            # The name is ours, never the uploader's; the extension is what the content is.
            document.name = stored_name(
                f"commissioner-and-officer-protocol-{slugify(version.replace('.', '-'))}",
                content_type,
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        protocol_version = ProtocolVersion(
            title=title.strip() or DEFAULT_TITLE,
            version=version,
            approved_on=approved_on,
            declaration_text=declaration_text.strip(),
        )
        if document is not None:
            protocol_version.document = document
        protocol_version.full_clean()
        protocol_version._history_user = actor
        protocol_version.save()
    return protocol_version


def sign_protocol(actor, version: ProtocolVersion) -> ProtocolDeclaration:
    """Record that ``actor`` has read ``version`` and makes its declaration, dated now.

    Only the current version can be signed, and only by someone who must sign. Signing twice is
    harmless: the first declaration stands and is returned.
    """
    if not (actor.is_authenticated and actor.is_active and actor.has_perm(SIGN_PROTOCOL)):
        access.refuse(actor, f"sign protocol version {version.pk}")
    with transaction.atomic():
        current = ProtocolVersion.objects.current()
        if current is None or current.pk != version.pk:
            raise ValidationError(
                f"Version {version.version} is not the current version of the protocol, so it "
                "cannot be signed. Sign the current version instead",
                code="not_current",
            )
        existing = ProtocolDeclaration.objects.filter(version=version, person=actor).first()
        if existing is not None:
            return existing
        declaration = ProtocolDeclaration(version=version, person=actor, signed_at=timezone.now())
        declaration.full_clean(validate_constraints=False)
        declaration._history_user = actor
        try:
            # Two clicks at once: the unique constraint lets one in; the other gets that one.
            with transaction.atomic():
                declaration.save()
        except IntegrityError:
            return ProtocolDeclaration.objects.get(version=version, person=actor)
    return declaration
