"""The scrutiny work programme (forward plan) and the horizon-scanning log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView

from opcc import access
from opcc.access import PermissionRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.views.forms import BadRequestOnInvalidForm, keep_typing_against_latest
from scrutiny.forms.forward_plan import HorizonScanForm, TopicForm, TopicFromScanForm
from scrutiny.models import ForwardPlanTopic, HorizonScanEntry, TopicSource, TopicStatus
from scrutiny.services import forward_plan as services

VIEW_TOPICS = "scrutiny.view_forwardplantopic"


class ForwardPlanView(PermissionRequiredMixin, TemplateView):
    permission = VIEW_TOPICS
    template_name = "scrutiny/forward_plan/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", TopicStatus.PLANNED)
        source = self.request.GET.get("source", "")
        topics = ForwardPlanTopic.objects.select_related("lead", "planned_meeting__body")
        if status in TopicStatus.values:
            topics = topics.filter(status=status)
        else:
            status = ""
        if source in TopicSource.values:
            topics = topics.filter(source=source)
        else:
            source = ""
        query = "&".join(
            f"{k}={v}" for k, v in (("status", status or "any"), ("source", source)) if v
        )
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, topics),
            "status": status,
            "source": source,
            "statuses": TopicStatus.choices,
            "sources": TopicSource.choices,
            "query": query,
        }


class TopicView(PermissionRequiredMixin, TemplateView):
    permission = VIEW_TOPICS
    template_name = "scrutiny/forward_plan/detail.html"

    def get_context_data(self, **kwargs):
        topic = access.object_for(
            self.request.user,
            ForwardPlanTopic.objects.select_related(
                "lead", "planned_meeting__body", "horizon_scan_entry"
            ),
            pk=self.kwargs["pk"],
        )
        return {
            **super().get_context_data(**kwargs),
            "topic": topic,
            "may_change": self.request.user.has_perm("scrutiny.change_forwardplantopic"),
        }


class TopicCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_forwardplantopic"
    template_name = "scrutiny/forward_plan/form.html"
    form_class = TopicForm
    extra_context = {"heading": "Plan a scrutiny topic"}

    def form_valid(self, form):
        try:
            topic = services.plan_topic(self.request.user, **form.topic_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"The topic {topic.title} has been added to the forward plan."
        )
        return redirect(topic.get_absolute_url())


class TopicEditView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.change_forwardplantopic"
    template_name = "scrutiny/forward_plan/form.html"
    form_class = TopicForm
    extra_context = {"heading": "Change a scrutiny topic"}

    @cached_property
    def topic(self):
        return access.object_for(
            self.request.user, ForwardPlanTopic.objects.all(), access.CHANGE, pk=self.kwargs["pk"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editing": True, "topic": self.topic}

    def get_initial(self):
        topic = self.topic
        return {
            "title": topic.title,
            "description": topic.description,
            "source": topic.source,
            "source_reference": topic.source_reference,
            "planned_quarter": topic.planned_quarter.isoformat(),
            "planned_meeting": topic.planned_meeting_id,
            "lead": topic.lead_id,
            "status": topic.status,
            "version": topic.version,
        }

    def form_valid(self, form):
        try:
            services.update_topic(
                self.request.user,
                self.topic,
                expected_version=form.cleaned_data["version"] or 0,
                status=form.cleaned_data["status"],
                **form.topic_data(),
            )
        except services.ConcurrentEdit as conflict:
            keep_typing_against_latest(form, ForwardPlanTopic, self.topic.pk)
            form.add_error(None, conflict.message)
            response = self.form_invalid(form)
            response.status_code = 409
            return response
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The topic has been saved.")
        return redirect(self.topic.get_absolute_url())


class HorizonScanView(PermissionRequiredMixin, TemplateView):
    permission = "scrutiny.view_horizonscanentry"
    template_name = "scrutiny/forward_plan/horizon_scan.html"

    def get_context_data(self, **kwargs):
        entries = HorizonScanEntry.objects.select_related("noted_by", "topic")
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, entries),
            "may_plan": self.request.user.has_perm("scrutiny.add_forwardplantopic"),
        }


class HorizonScanCreateView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "scrutiny.add_horizonscanentry"
    template_name = "scrutiny/forward_plan/form.html"
    form_class = HorizonScanForm
    extra_context = {"heading": "Add to the horizon-scanning log"}

    def form_valid(self, form):
        try:
            services.note_horizon_scan(self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "The entry has been added to the horizon-scanning log.")
        return redirect("scrutiny:horizon_scan")


class TopicFromScanView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """Turn a horizon-scan entry into a forward-plan topic."""

    permission = "scrutiny.add_forwardplantopic"
    template_name = "scrutiny/forward_plan/form.html"
    form_class = TopicFromScanForm

    @cached_property
    def entry(self):
        return access.object_for(
            self.request.user, HorizonScanEntry.objects.all(), pk=self.kwargs["pk"]
        )

    def get_initial(self):
        return {"title": self.entry.summary[:200], "description": self.entry.action}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Make a forward-plan topic",
            "entry": self.entry,
        }

    def form_valid(self, form):
        try:
            topic = services.plan_topic(
                self.request.user,
                horizon_scan_entry=self.entry,
                source=TopicSource.HORIZON_SCAN,
                **form.topic_data(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"The topic {topic.title} has been added to the forward plan."
        )
        return redirect(topic.get_absolute_url())
