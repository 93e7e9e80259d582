from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from opcc import access, history
from opcc.access import RoleRequiredMixin
from opcc.documents import request_document
from opcc.models import SecurityMarking
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES


def _record(request, app_label, model_name, pk):
    """The record, fetched as its own pages would; a record whose history holds personal data
    is told it was looked at (``history_viewed(user)``), so the look is logged."""
    model = history.historical_model(app_label, model_name)
    obj = access.object_for(request.user, model._default_manager.all(), pk=pk)
    history_viewed = getattr(obj, "history_viewed", None)
    if callable(history_viewed):
        history_viewed(request.user)
    return obj


class RecordHistoryView(RoleRequiredMixin, TemplateView):
    """Who changed what and when, field by field, for office roles who may see the record.
    (History shows past and unpublished values: never for the public or the panel.)"""

    roles = OFFICE_ROLES

    template_name = "history/record_history.html"

    def get_context_data(self, **kwargs):
        obj = _record(self.request, kwargs["app_label"], kwargs["model_name"], kwargs["pk"])
        records = history.records_of(obj)
        page = paginate(self.request, records)
        page_records = list(page.object_list)
        older = None
        if page_records:
            last = page_records[-1]
            older = records.filter(history_date__lt=last.history_date).first()
        return {
            **super().get_context_data(**kwargs),
            "object": obj,
            "model_name": obj._meta.verbose_name,
            "page": page,
            "entries": history.entries(page_records, older),
        }


class RecordHistoryPdfView(RoleRequiredMixin, View):
    roles = OFFICE_ROLES
    http_method_names = ["post"]

    def post(self, request, app_label, model_name, pk):
        obj = _record(request, app_label, model_name, pk)
        document = request_document(
            request.user,
            kind="record_history",
            title=f"Change history: {obj._meta.verbose_name} {obj}",
            of=obj,
            marking=SecurityMarking.OFFICIAL_SENSITIVE,
        )
        return redirect("document", code=document.code)
