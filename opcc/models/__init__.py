from opcc.models.alerts import AlertSent, AlertSubscription
from opcc.models.documents import DocumentStatus, GeneratedDocument, SecurityMarking
from opcc.models.outbox import MessageAttachment, MessageStatus, OutboundMessage
from opcc.models.transparency import TransparencyPublication, TransparencyReminder
from opcc.models.users import User

__all__ = [
    "AlertSent",
    "AlertSubscription",
    "DocumentStatus",
    "GeneratedDocument",
    "MessageAttachment",
    "MessageStatus",
    "OutboundMessage",
    "SecurityMarking",
    "TransparencyPublication",
    "TransparencyReminder",
    "User",
]
