"""Demo data of the scheme of delegation: a few ordinary categories of decision beside the
statutory ones the migration made, added through the service by the demo Chief Executive, so
each has its history and the public scheme reads like a real one. Running it again adds
nothing; ``scale`` adds nothing either (an office has a few dozen categories at most)."""

from governance.models import DecisionCategory
from governance.services.delegation import add_category
from opcc.models import User

RECORDED_BY = "chief.executive@opcc.example"

# (name, description, delegated to the Deputy, position in the scheme)
CATEGORIES = (
    (
        "Grants and commissioning",
        "Awarding grants and commissioning services, such as victims' services and community "
        "safety grants, within the approved budget.",
        True,
        110,
    ),
    (
        "Contracts and procurement",
        "Awarding and varying contracts for goods and services within the approved budget.",
        True,
        120,
    ),
    (
        "Estates and land",
        "Buying, selling, leasing and developing police land and buildings.",
        False,
        130,
    ),
    (
        "Policy and strategy",
        "Adopting and reviewing the office's policies and strategies, other than the police and "
        "crime plan.",
        True,
        140,
    ),
)


def seed_delegation(scale: int, log) -> None:
    actor = User.objects.filter(email=RECORDED_BY).first()
    if actor is None:
        log("scheme of delegation: skipped, the demo Chief Executive is missing")
        return
    added = 0
    for name, description, deputy_may_decide, order in CATEGORIES:
        if DecisionCategory.objects.filter(name__iexact=name).exists():
            continue
        add_category(
            actor,
            name=name,
            description=description,
            deputy_may_decide=deputy_may_decide,
            is_active=True,
            order=order,
        )
        added += 1
    log(f"scheme of delegation: {added} categories added")
