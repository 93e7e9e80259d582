"""The public's complaint about the Commissioner, the Deputy or the Chief Constable: a start
page, one question a page, "Check your answers", then the confirmation. No sign-in;
rate-limited and with a robot trap.

The person's details travel only in POST bodies and the session, never in a query string,
and every page that shows them is sent with Cache-Control: no-store.
"""

from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from complaints.forms.public import COMPLAINT_QUESTIONS
from complaints.services import complaints as services
from opcc.question_pages import QuestionPages

SENT_SESSION_KEY = "complaint_sent"
TITLE = "Complain about the Commissioner, the Deputy or the Chief Constable"


class ComplainStartView(TemplateView):
    template_name = "complaints/public/complain_start.html"


class ComplaintQuestionsView(QuestionPages):
    questions = COMPLAINT_QUESTIONS
    session_key = "complaint_answers"
    url_name = "complain_step"
    rate_limit_scope = "complaint"
    title = TITLE

    def send(self, cleaned):
        names = ("subject", "name", "email", "phone", "details")
        complaint = services.receive_complaint(**{name: cleaned[name] for name in names})
        self.request.session[SENT_SESSION_KEY] = {"reference": complaint.reference}
        return redirect("complain_sent")

    def robot_response(self):
        self.request.session[SENT_SESSION_KEY] = {"reference": ""}
        return redirect("complain_sent")


@method_decorator(never_cache, name="dispatch")
class ComplaintSentView(TemplateView):
    template_name = "complaints/public/complaint_sent.html"

    def get(self, request, *args, **kwargs):
        sent = request.session.get(SENT_SESSION_KEY)
        if sent is None:
            return redirect("complain")
        return self.render_to_response(self.get_context_data(sent=sent))
