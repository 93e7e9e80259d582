from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.models import MessageStatus, OutboundMessage
from opcc.outbox import retry_message
from opcc.pagination import paginate


class OutboxView(PermissionRequiredMixin, TemplateView):
    """Every notification the portal has sent or will send, and how its delivery went."""

    permission = "opcc.view_outboundmessage"
    template_name = "opcc/outbox.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        messages_ = OutboundMessage.objects.select_related("recipient").order_by(
            "-created_at", "-id"
        )
        if status in MessageStatus.values:
            messages_ = messages_.filter(status=status)
        else:
            status = ""
        page = paginate(self.request, messages_.prefetch_related("about"))
        for message in page.object_list:
            # The conflict rule: a message about a record the viewer is the subject of (a
            # concern about the Chief Executive, say) does not even show its subject line.
            if message.about is not None and access.is_subject_of(self.request.user, message.about):
                message.subject = "A message about a matter you may not see"
                message.to = ""
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "status": status,
            "statuses": MessageStatus.choices,
        }


class OutboxRetryView(PermissionRequiredMixin, View):
    permission = "opcc.change_outboundmessage"
    http_method_names = ["post"]

    def post(self, request, code):
        message = get_object_or_404(OutboundMessage, code=code)
        if message.status != MessageStatus.FAILED:
            messages.error(request, "Only a failed notification can be sent again.")
            return redirect("outbox")
        retry_message(request.user, message)
        messages.success(request, f"“{message.subject}” will be sent again.")
        return redirect("outbox")
