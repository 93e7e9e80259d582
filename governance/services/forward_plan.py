"""The forward plan: decisions expected in the coming months."""

from django.db import transaction

from governance.models import ForwardPlanItem
from opcc import access


def save_forward_plan_item(actor, item: ForwardPlanItem | None = None, **fields) -> ForwardPlanItem:
    """Add an item (item=None) or change one, e.g. to link the decision once it is made."""
    permission = "governance.change_forwardplanitem" if item else "governance.add_forwardplanitem"
    if not actor.has_perm(permission):
        access.refuse(actor, "keep the forward plan")
    with transaction.atomic():
        item = item or ForwardPlanItem()
        for name, value in fields.items():
            setattr(item, name, value)
        item._history_user = actor
        item.full_clean()
        item.save()
    return item
