"""The scheme of delegation: the categories of decision, and who may make each.

Police Reform and Social Responsibility Act 2011 s.18 lets the Commissioner arrange for the
Deputy (s.18(1)(b)) or anyone else (s.18(2)) to exercise the Commissioner's functions, except:
s.18(3)(b) "arrange for the deputy police and crime commissioner to exercise a function listed
in subsection (7)(a), (e) or (f)", and s.18(3)(d) "arrange, under subsection (2), for any
person to exercise a function listed in subsection (7)". The list is encoded below word for
word; the categories that carry one of its functions are created by a migration and cannot be
delegated against it, whatever the Chief Executive records.
"""

from dataclasses import dataclass

from django.db import models
from simple_history.models import HistoricalRecords


@dataclass(frozen=True)
class ReservedFunction:
    paragraph: str  # s.18(7)(a) ...
    words: str  # the Act's words
    deputy_barred: bool  # s.18(3)(b): (7)(a), (e) and (f) may not go to the Deputy either

    @property
    def citation(self) -> str:
        return f"Police Reform and Social Responsibility Act 2011 s.18(7)({self.paragraph})"


# PRSRA 2011 s.18(7), as amended (Local Audit and Accountability Act 2014 added (g) and (h)).
SECTION_18_7 = {
    "a": ReservedFunction("a", "issuing a police and crime plan (see section 5)", True),
    "b": ReservedFunction("b", "determining police and crime objectives (see section 7)", False),
    "c": ReservedFunction(
        "c",
        "attendance at a meeting of a police and crime panel in compliance with a requirement "
        "by the panel to do so (see section 29)",
        False,
    ),
    "d": ReservedFunction(
        "d", "preparing an annual report to a police and crime panel (see section 12)", False
    ),
    "e": ReservedFunction(
        "e",
        "appointing the chief constable, suspending the chief constable, or calling upon the "
        "chief constable to retire or resign (see section 38)",
        True,
    ),
    "f": ReservedFunction(
        "f",
        "calculating a council tax requirement or a budget requirement (see section 42A or 43 "
        "of the Local Government Finance Act 1992)",
        True,
    ),
    "g": ReservedFunction(
        "g",
        "appointing a local auditor under section 7 of the Local Audit and Accountability Act 2014",
        False,
    ),
    "h": ReservedFunction(
        "h",
        "deciding whether to enter into a liability limitation agreement under section 14 "
        "of that Act",
        False,
    ),
}
RESERVED_FUNCTION_CHOICES = [(key, f"s.18(7)({key})") for key in SECTION_18_7]
GENERAL_CATEGORY = "general"


class DecisionCategoryQuerySet(models.QuerySet):
    def in_scheme_order(self):
        return self.order_by("order", "name")

    def offered(self):
        return self.filter(is_active=True).in_scheme_order()


class DecisionCategory(models.Model):
    """A kind of decision in the scheme of delegation, and whether the Deputy may make it."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    reserved_function = models.CharField(
        "function listed in s.18(7)",
        max_length=1,
        choices=RESERVED_FUNCTION_CHOICES,
        blank=True,
        editable=False,  # set by the migration that creates the statutory categories
    )
    deputy_may_decide = models.BooleanField(
        "delegated to the Deputy",
        default=False,
        help_text="The Commissioner may always decide. Tick if the scheme delegates this "
        "category to the Deputy.",
    )
    is_active = models.BooleanField("offered for new decisions", default=True)
    order = models.PositiveSmallIntegerField(default=100)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()
    objects = DecisionCategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "decision categories"
        permissions = [("maintain_scheme_of_delegation", "Can maintain the scheme of delegation")]
        indexes = [models.Index(fields=["is_active", "order", "name"])]

    def __str__(self):
        return self.name

    @property
    def reserved(self) -> ReservedFunction | None:
        return SECTION_18_7.get(self.reserved_function)

    @property
    def deputy_barred_by_statute(self) -> bool:
        return bool(self.reserved and self.reserved.deputy_barred)

    def may_be_decided_by(self, maker: str) -> bool:
        if maker == "pcc":
            return True
        return maker == "deputy" and self.deputy_may_decide and not self.deputy_barred_by_statute

    def refusal_for(self, maker: str) -> str:
        """Why ``maker`` may not make a decision of this category ('' if they may)."""
        if self.may_be_decided_by(maker):
            return ""
        if self.deputy_barred_by_statute:
            return (
                f"Only the Commissioner may make this decision: {self.reserved.words} may not "
                f"be delegated to the Deputy ({self.reserved.citation}, and s.18(3)(b))."
            )
        return f"The scheme of delegation does not delegate “{self.name}” to the Deputy."


def general_category_id() -> int:
    """The default category: a decision in no more particular category."""
    existing = (
        DecisionCategory.objects.filter(slug=GENERAL_CATEGORY).values_list("pk", flat=True).first()
    )
    if existing is not None:
        return existing
    category, _ = DecisionCategory.objects.get_or_create(
        slug=GENERAL_CATEGORY,
        defaults={"name": "General", "deputy_may_decide": True, "order": 900},
    )
    return category.pk
