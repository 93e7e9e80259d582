"""Steps the scheme of delegation's tests share."""

from governance.models import DecisionCategory
from governance.services import delegation as services

# Made by governance migration 0011, one per paragraph of s.18(7).
STATUTORY = {
    "a": "police-and-crime-plan",
    "b": "police-and-crime-objectives",
    "c": "panel-attendance",
    "d": "annual-report",
    "e": "chief-constable",
    "f": "precept-and-budget",
    "g": "local-auditor",
    "h": "liability-limitation",
}


def statutory(paragraph) -> DecisionCategory:
    return DecisionCategory.objects.get(slug=STATUTORY[paragraph])


def add(actor, name="Grants and commissioning", **fields):
    fields = {"description": "", "deputy_may_decide": True, "is_active": True, "order": 110,
              **fields}  # fmt: skip
    return services.add_category(actor, name=name, **fields)


def form_data(category=None, **changes):
    data = {"name": "Grants and commissioning", "description": "Community safety grants.",
            "deputy_may_decide": "True", "is_active": "on", "order": "110"}  # fmt: skip
    if category is not None:
        data["version"] = str(category.version)
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
