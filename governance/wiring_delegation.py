"""What the scheme of delegation plugs into the portal's registries (opcc.registry): its public
page on the transparency hub, its open data, and the demo categories."""

from opcc.registry import (
    Dataset,
    Seeder,
    TransparencySource,
    datasets,
    seeders,
    transparency_sources,
)

# The Specified Information Order has no category of its own for a scheme of delegation: it is
# among the procedures that govern how the office works, so it publishes "Policies and
# procedures" (the documents published by hand there stay linked from the hub's row).
HUB_CATEGORY = "policies"


def scheme_changes():
    from governance.models import DecisionCategory
    from opcc.transparency import Latest

    return [Latest(DecisionCategory.history.all(), "history_date")]


def register() -> None:
    from governance.seed_delegation import seed_delegation
    from governance.views.exports import DELEGATION_FIELDS

    transparency_sources.register(
        HUB_CATEGORY, TransparencySource(HUB_CATEGORY, "scheme_of_delegation", scheme_changes)
    )
    datasets.register(
        "scheme_of_delegation",
        Dataset(
            "scheme_of_delegation",
            "Scheme of delegation",
            "The categories of decision, who may make each, and the functions the Police Reform "
            "and Social Responsibility Act 2011 reserves to the Commissioner.",
            "scheme_of_delegation",
            "scheme_of_delegation_csv",
            "scheme_of_delegation_json",
            DELEGATION_FIELDS,
            11,
        ),
    )
    seeders.register("delegation", Seeder("delegation", seed_delegation, order=15))
