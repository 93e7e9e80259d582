"""The office's pages for complaints about the Commissioner, the Deputy and the Chief
Constable: the list, a case, and each step on it. The conflict rule narrows every page through
Complaint.objects.visible_to (via opcc.access)."""

from crispy_forms_gds.layout import Field
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from complaints.forms.complaints import (
    AssignHandlerForm,
    CloseComplaintForm,
    DeclineToRecordForm,
    DisapplyForm,
    PassToPanelForm,
    RecordedComplaintForm,
    ReferToIopcForm,
)
from complaints.models import Complaint, ComplaintStatus, ComplaintSubject
from complaints.services import complaints as services
from complaints.services.personal_data import log_personal_data_view, may_hold
from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES, Role
from opcc.views.forms import BadRequestOnInvalidForm, RecordStepView, keep_typing_against_latest

# The panel sees the complaints passed to it for informal resolution (visible_to says which).
CASE_ROLES = frozenset({*OFFICE_ROLES, Role.PANEL})


class ComplaintMixin:
    """Loads the complaint named in the URL through the one way in (404 for outsiders and for
    the person it is about); `action` is what the page does to it (403 for one who may only
    look)."""

    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.has_role(request.user, *CASE_ROLES):
            self.complaint = access.object_for(
                request.user,
                Complaint.objects.select_related("complainant", "handler"),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "complaint": self.complaint}

    def get_success_url(self):
        return self.complaint.get_absolute_url()


class ComplaintListView(RoleRequiredMixin, TemplateView):
    roles = CASE_ROLES
    template_name = "complaints/cases/list.html"

    def get_context_data(self, **kwargs):
        subject = self.request.GET.get("subject", "")
        status = self.request.GET.get("status", "")
        complaints = access.visible(self.request.user, Complaint.objects.select_related("handler"))
        if subject in ComplaintSubject.values:
            complaints = complaints.filter(subject=subject)
        else:
            subject = ""
        if status in ComplaintStatus.values:
            complaints = complaints.filter(status=status)
        else:
            status = ""
        query = "&".join(
            f"{name}={value}" for name, value in (("subject", subject), ("status", status)) if value
        )
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, complaints),
            "subject": subject,
            "status": status,
            "query": query,
            "subjects": ComplaintSubject.choices,
            "statuses": ComplaintStatus.choices,
        }


@method_decorator(never_cache, name="dispatch")
class ComplaintDetailView(RoleRequiredMixin, ComplaintMixin, TemplateView):
    roles = CASE_ROLES
    template_name = "complaints/cases/detail.html"

    def get_context_data(self, **kwargs):
        complaint, user = self.complaint, self.request.user
        shows_personal = services.may_see_personal_details(user, complaint)
        if shows_personal:
            log_personal_data_view(user, complaint.complainant, complaint.reference)
        status = complaint.status
        may_record = user.has_perm(services.RECORD) and services.may_act(user, complaint)
        may_act = services.may_act(user, complaint)
        about_office_holder = services.is_about_office_holder(complaint)
        recorded = status == ComplaintStatus.RECORDED
        return {
            **super().get_context_data(**kwargs),
            "shows_personal": shows_personal,
            "may_hold": may_hold(user),
            "about_office_holder": about_office_holder,
            "may_record": may_record and status == ComplaintStatus.RECEIVED,
            "may_refer": may_act and (recorded or status == ComplaintStatus.BEING_HANDLED),
            "may_pass_to_panel": may_record and recorded and about_office_holder,
            "may_disapply": may_record and recorded and about_office_holder,
            "may_assign": may_record
            and not about_office_holder
            and status in (ComplaintStatus.RECORDED, ComplaintStatus.BEING_HANDLED),
            "may_close": may_act
            and ComplaintStatus.CLOSED in services.COMPLAINT_TRANSITIONS[status],
        }


class ComplaintFormView(RoleRequiredMixin, ComplaintMixin, BadRequestOnInvalidForm, FormView):
    """A step on a complaint that asks for something first. The form carries the version of the
    complaint the person opened, so a step someone else took meanwhile is not overwritten: the
    second person is told (409) and keeps what they typed."""

    roles = CASE_ROLES
    action = access.CHANGE
    template_name = "complaints/cases/action_form.html"
    heading = ""
    done_message = ""

    def act(self, form):
        raise NotImplementedError

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self.complaint.version
        )
        form.helper.layout.append(Field("version"))
        return form

    def opened_version(self, form) -> int | None:
        """The version the form was opened on (None from a caller that sent none)."""
        return form.cleaned_data.get("version")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def form_valid(self, form):
        try:
            self.act(form)
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, Complaint, self.complaint.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message.format(complaint=self.complaint))
        return redirect(self.get_success_url())


class ChiefExecutiveStep(PermissionRequiredMixin, ComplaintFormView):
    """A step only the Chief Executive takes (on the panel's behalf, for the office holders)."""

    permission = services.RECORD


class DeclineToRecordView(ChiefExecutiveStep):
    form_class = DeclineToRecordForm
    heading = "Decline to record the complaint"
    done_message = "Complaint {complaint.reference} has not been recorded."

    def act(self, form):
        services.decline_to_record(
            self.request.user,
            self.complaint,
            reason=form.cleaned_data["reason"],
            expected_version=self.opened_version(form),
        )


class ReferToIopcView(ComplaintFormView):
    form_class = ReferToIopcForm
    heading = "Record the referral to the IOPC"
    done_message = "The referral of complaint {complaint.reference} to the IOPC has been recorded."

    def act(self, form):
        data = form.cleaned_data
        services.refer_to_iopc(
            self.request.user,
            self.complaint,
            referred_on=data["referred_on"],
            serious=data["serious"],
            conduct_matter=data["conduct_matter"],
            expected_version=self.opened_version(form),
        )


class PassToPanelView(ChiefExecutiveStep):
    form_class = PassToPanelForm
    heading = "Pass the complaint to the panel for informal resolution"
    done_message = "Complaint {complaint.reference} has been passed to the panel."

    def act(self, form):
        services.pass_to_panel(
            self.request.user, self.complaint, expected_version=self.opened_version(form)
        )


class DisapplyView(ChiefExecutiveStep):
    form_class = DisapplyForm
    heading = "Disapply the requirements of the Regulations"
    done_message = "The requirements have been disapplied for complaint {complaint.reference}."

    def act(self, form):
        services.disapply(
            self.request.user,
            self.complaint,
            ground=form.cleaned_data["ground"],
            expected_version=self.opened_version(form),
        )


class AssignHandlerView(ChiefExecutiveStep):
    form_class = AssignHandlerForm
    heading = "Assign a handler"
    done_message = "Complaint {complaint.reference} has been assigned."

    def act(self, form):
        services.assign_handler(
            self.request.user,
            self.complaint,
            handler=form.cleaned_data["handler"],
            expected_version=self.opened_version(form),
        )


class CloseComplaintView(ComplaintFormView):
    form_class = CloseComplaintForm
    heading = "Close the complaint"
    done_message = "Complaint {complaint.reference} has been closed."

    def act(self, form):
        services.close_complaint(
            self.request.user,
            self.complaint,
            outcome=form.cleaned_data["outcome"],
            expected_version=self.opened_version(form),
        )


class RecordComplaintView(PermissionRequiredMixin, ComplaintMixin, RecordStepView):
    """Record a received complaint: one button on the case's page, nothing to ask."""

    permission = services.RECORD
    action = access.CHANGE
    record_attribute = "complaint"
    done_message = "Complaint {record.reference} has been recorded."

    def act(self):
        services.record_complaint(self.request.user, self.complaint)


@method_decorator(never_cache, name="dispatch")
class ReceiveComplaintView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """A complaint the office received by letter, phone, e-mail or in person."""

    permission = "complaints.add_complaint"
    template_name = "complaints/cases/receive.html"
    form_class = RecordedComplaintForm

    def form_valid(self, form):
        try:
            complaint = services.receive_complaint(actor=self.request.user, **form.complaint_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Complaint {complaint.reference} has been received.")
        if access.can(self.request.user, access.VIEW, complaint):
            return redirect(complaint.get_absolute_url())
        return redirect("complaints:complaint_cases")
