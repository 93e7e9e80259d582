import datetime

import factory

from complaints.models import Complainant, ComplaintReview, PanelMember, PanelMemberKind


class ComplainantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complainant

    name = factory.Sequence(lambda n: f"Sam Complainant {n}")
    email = factory.Sequence(lambda n: f"complainant{n}@example.org")
    phone = "01632 960000"


class ComplaintReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplaintReview

    reference = factory.Sequence(lambda n: f"R-2026-{n + 1:04d}")
    complainant = factory.SubFactory(ComplainantFactory)
    force_reference = factory.Sequence(lambda n: f"CO/2026/{n + 100}")
    outcome_given_on = datetime.date(2026, 10, 1)
    request_received_on = datetime.date(2026, 10, 20)
    grounds = "The force did not speak to my witness."


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    name = factory.Sequence(lambda n: f"Panel member {n}")
    kind = PanelMemberKind.INDEPENDENT_MEMBER
    appointed_until = datetime.date(2029, 3, 31)
