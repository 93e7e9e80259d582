from django.db.models import Exists, OuterRef
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice

from opcc.access import PermissionRequiredMixin
from opcc.models import User
from opcc.pagination import paginate


class PeopleView(PermissionRequiredMixin, TemplateView):
    """Who may sign in, in which role, and whether they have set up a second factor."""

    permission = "opcc.view_user"
    template_name = "opcc/people.html"

    def get_context_data(self, **kwargs):
        people = User.objects.annotate(
            has_second_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
        ).order_by("full_name", "pk")
        return {**super().get_context_data(**kwargs), "page": paginate(self.request, people)}
