"""The core app's "My work" panels (registered in OpccConfig.ready)."""

from opcc.dashboard import Rows
from opcc.models import GeneratedDocument, MessageStatus, OutboundMessage


def documents_rows(user):
    mine = GeneratedDocument.objects.filter(requested_by=user)
    return {"documents": Rows(mine, ("-requested_at", "-pk"), limit=5)}


def documents_panel(user, fetched):
    documents = fetched["documents"].items
    return {"documents": documents} if documents else None


def outbox_rows(user):
    if not user.has_perm("opcc.view_outboundmessage"):
        return None
    # Only the counts are shown: one row of each is enough to carry them.
    return {
        status: Rows(OutboundMessage.objects.filter(status=status), ("pk",), limit=1)
        for status in (MessageStatus.PENDING, MessageStatus.FAILED)
    }


def outbox_panel(user, fetched):
    return {
        "pending": fetched[MessageStatus.PENDING].count,
        "failed": fetched[MessageStatus.FAILED].count,
    }


def transparency_rows(user):
    from opcc.publications import may_publish

    return {} if may_publish(user) else None


def transparency_panel(user, fetched):
    """Categories of the transparency hub overdue for an update, for those who publish: from
    the hub's own rows (opcc.transparency), not from the dashboard's query."""
    from opcc.publications import overdue_rows

    rows = overdue_rows()
    return {"rows": rows} if rows else None
