"""The public's request for a complaint review: a start page, one question a page, "Check your
answers", then the confirmation. No sign-in; rate-limited and with a robot trap.

The person's details travel only in POST bodies and the session, never in a query string,
and every page that shows them is sent with Cache-Control: no-store.
"""

from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from complaints.forms.public import REVIEW_QUESTIONS, review_request_data
from complaints.services import reviews as services
from opcc.question_pages import QuestionPages

SENT_SESSION_KEY = "complaint_review_request_sent"
TITLE = "Ask for a review of how the police handled your complaint"


class ReviewRequestStartView(TemplateView):
    template_name = "complaints/public/review_request_start.html"


class ReviewRequestQuestionsView(QuestionPages):
    questions = REVIEW_QUESTIONS
    session_key = "complaint_review_request_answers"
    url_name = "complaint_review_request_step"
    rate_limit_scope = "review-request"
    title = TITLE

    def send(self, cleaned):
        review = services.receive_review_request(**review_request_data(cleaned))
        self.request.session[SENT_SESSION_KEY] = {
            "reference": review.reference,
            "in_time": review.is_in_time,
            "routed_to_iopc": bool(review.iopc_ground),
        }
        return redirect("complaint_review_request_sent")

    def robot_response(self):
        self.request.session[SENT_SESSION_KEY] = {"reference": "", "in_time": True}
        return redirect("complaint_review_request_sent")


@method_decorator(never_cache, name="dispatch")
class ReviewRequestSentView(TemplateView):
    template_name = "complaints/public/review_request_sent.html"

    def get(self, request, *args, **kwargs):
        sent = request.session.get(SENT_SESSION_KEY)
        if sent is None:
            return redirect("complaint_review_request")
        return self.render_to_response(self.get_context_data(sent=sent))
