"""The office's pages for complaint reviews: the list, a case, each step, and the upheld themes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from complaints.forms.reviews import (
    AssignReviewerForm,
    DecideReviewForm,
    ForceResponseForm,
    ReasonForm,
    RecordedReviewRequestForm,
)
from complaints.models import (
    ComplaintReview,
    Recommendation,
    RecommendationStatus,
    ReviewFinding,
    ReviewStatus,
)
from complaints.services import reviews as services
from complaints.services.personal_data import log_personal_data_view, may_hold
from opcc import access
from opcc.access import PermissionRequiredMixin, RoleRequiredMixin
from opcc.forms import add_service_errors
from opcc.pagination import paginate
from opcc.roles import OFFICE_ROLES, Role
from opcc.views.forms import BadRequestOnInvalidForm, RecordStepView

PERSONAL_DETAILS = "complaints.view_complainant_details"


def may_see_personal_details(user, review) -> bool:
    return user.has_perm(PERSONAL_DETAILS) or user.has_perm(PERSONAL_DETAILS, review)


def with_targets(reviews) -> list[tuple]:
    """Each review with its office targets and overdue marks."""
    return [(review, services.overdue_marks(review)) for review in reviews]


class ReviewMixin:
    """Loads the review named in the URL through the one way in (404 for outsiders); `action`
    is what the page does to it (403 for one who may only look)."""

    action = access.VIEW

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and access.is_office(request.user):
            self.review = access.object_for(
                request.user,
                ComplaintReview.objects.select_related("complainant", "reviewer"),
                self.action,
                code=kwargs["code"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "review": self.review}

    def get_success_url(self):
        return self.review.get_absolute_url()


class ReviewListView(RoleRequiredMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "complaints/reviews/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        reviews = access.visible(
            self.request.user, ComplaintReview.objects.select_related("reviewer")
        )
        if status in ReviewStatus.values:
            reviews = reviews.filter(status=status)
        else:
            status = ""
        page = paginate(self.request, reviews)
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "rows": with_targets(page.object_list),
            "status": status,
            "statuses": ReviewStatus.choices,
        }


@method_decorator(never_cache, name="dispatch")
class ReviewDetailView(RoleRequiredMixin, ReviewMixin, TemplateView):
    roles = OFFICE_ROLES
    template_name = "complaints/reviews/detail.html"

    def get_context_data(self, **kwargs):
        review, user = self.review, self.request.user
        shows_personal = may_see_personal_details(user, review)
        if shows_personal:
            log_personal_data_view(user, review.complainant, review.reference)
        may_change = access.can(user, access.CHANGE, review)
        recommendations = list(review.recommendations.all())
        status = review.status
        received = status == ReviewStatus.RECEIVED
        waits_for_acceptance = not review.is_in_time and not review.late_reason
        return {
            **super().get_context_data(**kwargs),
            "targets": services.overdue_marks(review),
            "shows_personal": shows_personal,
            "may_hold": may_hold(user),
            "recommendations": recommendations,
            "may_route": received and may_change,
            "may_accept_late": received and waits_for_acceptance and may_change,
            "may_assign": status in (ReviewStatus.RECEIVED, ReviewStatus.UNDER_REVIEW)
            and not waits_for_acceptance
            and access.has_role(user, Role.CHIEF_EXECUTIVE),
            "may_decide": status == ReviewStatus.UNDER_REVIEW
            and access.can(user, "decide", review),
            "may_respond": status == ReviewStatus.DECIDED and may_change,
            "may_close": may_change
            and status in (ReviewStatus.DECIDED, ReviewStatus.ROUTED_TO_IOPC)
            and all(r.status != RecommendationStatus.AWAITING_RESPONSE for r in recommendations),
        }


class ReviewFormView(RoleRequiredMixin, ReviewMixin, BadRequestOnInvalidForm, FormView):
    """A step on a review that asks for something first."""

    roles = OFFICE_ROLES
    template_name = "complaints/reviews/action_form.html"
    heading = ""
    done_message = ""

    def act(self, form):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "heading": self.heading}

    def form_valid(self, form):
        try:
            self.act(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message.format(review=self.review))
        return redirect(self.get_success_url())


class ReasonFormView(ReviewFormView):
    form_class = ReasonForm
    action = access.CHANGE
    reason_label = ""
    submit_label = ""

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "label": self.reason_label,
            "submit_label": self.submit_label,
        }


class RouteToIopcView(ReasonFormView):
    heading = "Send the request to the IOPC"
    reason_label = "Why is the IOPC the review body?"
    submit_label = "Send to the IOPC"
    done_message = "Review {review.reference} has been sent to the IOPC."

    def act(self, form):
        services.route_to_iopc(self.request.user, self.review, reason=form.cleaned_data["reason"])


class AcceptLateRequestView(ReasonFormView):
    heading = "Accept a late request"
    reason_label = "Why is the late request accepted?"
    submit_label = "Accept the request"
    done_message = "The late request {review.reference} has been accepted."

    def act(self, form):
        services.accept_late_request(
            self.request.user, self.review, reason=form.cleaned_data["reason"]
        )


class AssignReviewerView(ReviewFormView):
    roles = frozenset({Role.CHIEF_EXECUTIVE})
    form_class = AssignReviewerForm
    heading = "Assign a reviewer"
    done_message = "Review {review.reference} has been assigned."

    def act(self, form):
        services.assign_reviewer(
            self.request.user, self.review, reviewer=form.cleaned_data["reviewer"]
        )


class DecideReviewView(ReviewFormView):
    form_class = DecideReviewForm
    action = "decide"
    heading = "Decide the review"
    done_message = "Review {review.reference} has been decided."

    def act(self, form):
        services.decide_review(self.request.user, self.review, **form.decision_data())


class ForceResponseView(ReviewFormView):
    form_class = ForceResponseForm
    action = access.CHANGE
    heading = "Record the force's response"
    done_message = "The force's response has been recorded."

    def get_recommendation(self) -> Recommendation:
        return get_object_or_404(self.review.recommendations, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "recommendation": self.get_recommendation()}

    def act(self, form):
        recommendation = self.get_recommendation()
        services.record_force_response(
            self.request.user,
            recommendation,
            accepted=form.cleaned_data["accepted"],
            response=form.cleaned_data["response"],
        )


class CloseReviewView(RoleRequiredMixin, ReviewMixin, RecordStepView):
    roles = OFFICE_ROLES
    action = access.CHANGE
    record_attribute = "review"
    done_message = "Review {record.reference} has been closed."

    def act(self):
        services.close_review(self.request.user, self.review)


@method_decorator(never_cache, name="dispatch")
class RecordReviewRequestView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    """A request the office received by letter, phone or e-mail."""

    permission = "complaints.add_complaintreview"
    template_name = "complaints/reviews/record_request.html"
    form_class = RecordedReviewRequestForm

    def form_valid(self, form):
        try:
            review = services.receive_review_request(actor=self.request.user, **form.request_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Request {review.reference} has been recorded.")
        if access.can(self.request.user, access.VIEW, review):
            return redirect(review.get_absolute_url())
        return redirect("complaints:reviews")


class UpheldThemesView(RoleRequiredMixin, TemplateView):
    """Upheld reviews and their themes, for scrutiny: no personal data, nothing of the case."""

    roles = OFFICE_ROLES
    template_name = "complaints/reviews/upheld_themes.html"

    def get_context_data(self, **kwargs):
        upheld = (
            ComplaintReview.objects.filter(finding=ReviewFinding.NOT_REASONABLE)
            .exclude(decided_on=None)
            .order_by("-decided_on", "-id")
            .only("reference", "theme", "decided_on", "status")
        )
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, upheld)}
