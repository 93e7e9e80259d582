"""The core app's "My work" panels (registered in OpccConfig.ready)."""

from opcc.models import GeneratedDocument, MessageStatus, OutboundMessage


def documents_panel(user):
    documents = list(GeneratedDocument.objects.filter(requested_by=user)[:5])
    return {"documents": documents} if documents else None


def outbox_panel(user):
    if not user.has_perm("opcc.view_outboundmessage"):
        return None
    pending = OutboundMessage.objects.filter(status=MessageStatus.PENDING).count()
    failed = OutboundMessage.objects.filter(status=MessageStatus.FAILED).count()
    return {"pending": pending, "failed": failed}


def transparency_panel(user):
    """Categories of the transparency hub overdue for an update, for those who publish."""
    from opcc.publications import may_publish, overdue_rows

    if not may_publish(user):
        return None
    rows = overdue_rows()
    return {"rows": rows} if rows else None
