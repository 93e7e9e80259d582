"""HMICFRS reports: the office's list, a report and each step of the response."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES
from opcc.views.forms import (
    BadRequestOnInvalidForm,
    RecordStepView,
    keep_typing_against_latest,
)
from scrutiny.forms.inspections import (
    CommentsForm,
    CommentsRequestForm,
    InspectionForm,
    IntroductionForm,
    ItemResponseForm,
    SentForm,
)
from scrutiny.models import HmicfrsInspection, InspectionStatus
from scrutiny.services import inspections as services

RESPOND = "respond"
PUBLISH = "publish"


class InspectionMixin:
    """Loads the report named in the URL through the one way in (404 for outsiders); `action`
    is what the page does to it (403 for one who may only look)."""

    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.is_office(request.user):
            self.inspection = access.object_for(
                request.user,
                HmicfrsInspection.objects.select_related("document"),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "inspection": self.inspection}

    def get_success_url(self):
        return self.inspection.get_absolute_url()


class InspectionListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/inspections/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        inspections = access.visible(self.request.user, HmicfrsInspection.objects.all())
        if status in InspectionStatus.values:
            inspections = inspections.filter(status=status)
        else:
            status = ""
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, inspections),
            "status": status,
            "statuses": InspectionStatus.choices,
        }


class InspectionCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_hmicfrsinspection"
    template_name = "scrutiny/inspections/form.html"
    form_class = InspectionForm

    def form_valid(self, form):
        try:
            inspection = services.record_inspection(self.request.user, **form.inspection_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The report {inspection.title} has been recorded.")
        return redirect(inspection.get_absolute_url())


class InspectionDetailView(RoleRequiredMixin, InspectionMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "scrutiny/inspections/detail.html"

    def get_context_data(self, **kwargs):
        inspection, user = self.inspection, self.request.user
        is_open = inspection.status == InspectionStatus.AWAITING_RESPONSE
        may_respond = is_open and access.can(user, RESPOND, inspection)
        return {
            **super().get_context_data(**kwargs),
            "items": list(inspection.items.all()),
            "may_respond": may_respond,
            "may_request_comments": may_respond and inspection.comments_requested_on is None,
            "may_record_comments": may_respond and inspection.comments_requested_on is not None,
            "may_publish": is_open and access.can(user, PUBLISH, inspection),
            "may_record_sent": inspection.is_published and access.can(user, RESPOND, inspection),
        }


class InspectionFormView(RoleRequiredMixin, InspectionMixin, BadRequestOnInvalidForm, FormView):
    """A step on a report that asks for something first."""

    roles = OFFICE_ROLES
    action = RESPOND
    template_name = "scrutiny/inspections/action_form.html"
    heading = ""
    done_message = ""

    def act(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def form_valid(self, form):
        try:
            self.act(form)
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, HmicfrsInspection, self.inspection.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message)
        return redirect(self.get_success_url())


class RequestCommentsView(InspectionFormView):
    form_class = CommentsRequestForm
    heading = "Request the Chief Constable's comments"
    done_message = "The request for the Chief Constable's comments has been sent."

    def get_initial(self):
        return {"requested_on": timezone.localdate()}

    def act(self, form):
        services.request_chief_constable_comments(
            self.request.user, self.inspection, requested_on=form.cleaned_data["requested_on"]
        )


class CommentsView(InspectionFormView):
    form_class = CommentsForm
    heading = "Record the Chief Constable's comments"
    done_message = "The Chief Constable's comments have been saved."

    def get_initial(self):
        return {
            "received_on": self.inspection.comments_received_on,
            "comments": self.inspection.chief_constable_comments,
        }

    def act(self, form):
        services.record_chief_constable_comments(
            self.request.user,
            self.inspection,
            received_on=form.cleaned_data["received_on"],
            comments=form.cleaned_data["comments"],
        )


class ResponseIntroductionView(InspectionFormView):
    form_class = IntroductionForm
    heading = "The Commissioner's comments on the report"
    done_message = "The Commissioner's comments have been saved."

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "label": "The Commissioner's comments",
            "required_message": "Enter the Commissioner's comments on the report",
        }

    def get_initial(self):
        return {
            "introduction": self.inspection.response_introduction,
            "version": self.inspection.version,
        }

    def act(self, form):
        services.save_response_introduction(
            self.request.user,
            self.inspection,
            introduction=form.cleaned_data["introduction"],
            expected_version=form.cleaned_data["version"],
        )


class ItemResponseView(InspectionFormView):
    form_class = ItemResponseForm
    done_message = "The answer has been saved."

    def get_item(self):
        return get_object_or_404(self.inspection.items, pk=self.kwargs["pk"])

    @property
    def heading(self):
        return f"Answer {str(self.get_item()).lower()}"

    def get_initial(self):
        item = self.get_item()
        return {"response_kind": item.response_kind, "response": item.response}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "item": self.get_item()}

    def act(self, form):
        services.respond_to_item(self.request.user, self.get_item(), **form.cleaned_data)


class PublishResponseView(RoleRequiredMixin, InspectionMixin, RecordStepView):
    roles = OFFICE_ROLES
    action = PUBLISH
    record_attribute = "inspection"
    done_message = "The response has been published on the transparency hub."

    def act(self):
        services.publish_response(self.request.user, self.inspection)


class RecordSentView(InspectionFormView):
    form_class = SentForm
    heading = "Record where the response was sent"
    done_message = "The response is recorded as sent to HMICFRS and the Home Secretary."

    def get_initial(self):
        today = timezone.localdate()
        return {"sent_to_inspectorate_on": today, "sent_to_home_secretary_on": today}

    def act(self, form):
        services.record_sent(self.request.user, self.inspection, **form.cleaned_data)
