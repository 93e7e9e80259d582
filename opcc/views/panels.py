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
