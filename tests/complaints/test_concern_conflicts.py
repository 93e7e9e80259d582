import pytest
from django.urls import reverse

from complaints.models import ConcernAbout, ConcernRoute, ProtocolConcern
from opcc.models import MessageStatus, OutboundMessage
from opcc.roles import Role

pytestmark = pytest.mark.django_db


def concern(about, route):
    return ProtocolConcern.objects.create(
        raised_by="A member of staff", about=about, description="A concern.", routed_to=route
    )


def test_concern_history_is_for_the_chief_executive_and_never_about_themselves(client_for):
    about_pcc = concern(ConcernAbout.PCC, ConcernRoute.MONITORING_OFFICER)
    about_ce = concern(ConcernAbout.CHIEF_EXECUTIVE, ConcernRoute.AUDIT_COMMITTEE_CHAIR)
    chief_executive = client_for(Role.CHIEF_EXECUTIVE)

    def history(item):
        return reverse("record_history", args=["complaints", "protocolconcern", item.pk])

    assert chief_executive.get(history(about_pcc)).status_code == 200
    assert chief_executive.get(history(about_ce)).status_code == 404
    assert client_for(Role.STAFF).get(history(about_pcc)).status_code == 404
    assert client_for(Role.PCC).get(history(about_pcc)).status_code == 404


def test_the_outbox_hides_messages_about_a_matter_the_viewer_is_the_subject_of(client_for):
    about_ce = concern(ConcernAbout.CHIEF_EXECUTIVE, ConcernRoute.AUDIT_COMMITTEE_CHAIR)
    OutboundMessage.objects.create(
        kind="concern_raised", to="jasc.chair@opcc.example", about=about_ce,
        subject="A concern under the Commissioner and Officer Protocol", body_text="-",
        status=MessageStatus.SENT,
    )  # fmt: skip
    page = client_for(Role.CHIEF_EXECUTIVE).get(reverse("outbox")).content.decode()
    assert "A concern under the Commissioner and Officer Protocol" not in page
    assert "jasc.chair@opcc.example" not in page
    assert "A message about a matter you may not see" in page
