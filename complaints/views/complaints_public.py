"""The public's complaint about the Commissioner, the Deputy or the Chief Constable: no sign-in,
rate-limited, with a robot trap.

The person's details travel only in the POST body and the session, never in a query string,
and every page that shows them is sent with Cache-Control: no-store.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from complaints.forms.complaints import ComplaintForm
from complaints.services import complaints as services
from opcc.forms import add_service_errors
from opcc.rate_limit import too_many_submissions
from opcc.views.forms import BadRequestOnInvalidForm

SENT_SESSION_KEY = "complaint_sent"


@method_decorator(never_cache, name="dispatch")
class ComplainView(BadRequestOnInvalidForm, FormView):
    template_name = "complaints/public/complaint_form.html"
    form_class = ComplaintForm

    def post(self, request, *args, **kwargs):
        if too_many_submissions(request, "complaint"):
            return render(request, "complaints/public/too_many_requests.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if form.is_from_a_robot:
            # Look like success, so the robot learns nothing; keep nothing.
            self.request.session[SENT_SESSION_KEY] = {"reference": ""}
            return redirect("complain_sent")
        try:
            complaint = services.receive_complaint(**form.complaint_data())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        self.request.session[SENT_SESSION_KEY] = {"reference": complaint.reference}
        return redirect("complain_sent")


@method_decorator(never_cache, name="dispatch")
class ComplaintSentView(TemplateView):
    template_name = "complaints/public/complaint_sent.html"

    def get(self, request, *args, **kwargs):
        sent = request.session.get(SENT_SESSION_KEY)
        if sent is None:
            return redirect("complain")
        return self.render_to_response(self.get_context_data(sent=sent))
