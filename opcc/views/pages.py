from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from opcc.dashboard import build_panels
from opcc.registry import dashboard_banners, dashboard_panels
from opcc.transparency import hub_rows


class HomeView(TemplateView):
    template_name = "opcc/home.html"


class DashboardView(LoginRequiredMixin, TemplateView):
    """ "My work": the sections the apps register, each shown only when it has something; every
    panel's rows come in one query (opcc.dashboard)."""

    template_name = "opcc/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        panels = build_panels(dashboard_panels.all(), user)
        notices = [notice for banner in dashboard_banners.all() for notice in banner.notices(user)]
        return {**super().get_context_data(**kwargs), "panels": panels, "notices": notices}


class TransparencyHubView(TemplateView):
    template_name = "opcc/transparency.html"

    def get_context_data(self, **kwargs):
        from opcc.publications import may_publish

        rows = hub_rows()
        return {
            **super().get_context_data(**kwargs),
            "rows": rows,
            "published_count": sum(row.is_published for row in rows),
            "may_publish": may_publish(self.request.user),
        }


class AccessibilityView(TemplateView):
    template_name = "opcc/accessibility.html"


class PrivacyView(TemplateView):
    template_name = "opcc/privacy.html"
