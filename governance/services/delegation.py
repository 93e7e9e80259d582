"""The scheme of delegation: the Chief Executive adds and changes its categories of decision.

Each function takes the acting user first, requires ``governance.maintain_scheme_of_delegation``,
checks the statute's rules, runs ``full_clean()`` and saves inside a transaction, with the actor
as the author of the history record. Nothing is deleted: a category no longer offered is
withdrawn (``is_active``), and decisions already made keep it.

Police Reform and Social Responsibility Act 2011 s.18(3)(b): the Commissioner may not "arrange
for the deputy police and crime commissioner to exercise a function listed in subsection (7)(a),
(e) or (f)", so the categories carrying those functions can never be delegated to the Deputy.
The categories carrying any s.18(7) function exist because the function exists in law: they can
be renamed and described, never withdrawn.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from governance.models import DecisionCategory
from governance.models.delegation import GENERAL_CATEGORY
from governance.services.decisions import ConcurrentEdit
from opcc import workflow

MAINTAIN = "governance.maintain_scheme_of_delegation"
EDITABLE_FIELDS = ("name", "description", "deputy_may_decide", "is_active", "order")
SLUG_LENGTH = DecisionCategory._meta.get_field("slug").max_length


def add_category(
    actor, *, name, description="", deputy_may_decide=False, is_active=True, order=100
) -> DecisionCategory:
    """Add a category of decision to the scheme. Its slug (for its address) is made from its
    name once, and kept when it is renamed."""
    workflow.require(actor, MAINTAIN, "add a category to the scheme of delegation")
    category = DecisionCategory(
        name=name.strip(),
        description=description.strip(),
        deputy_may_decide=deputy_may_decide,
        is_active=is_active,
        order=order,
    )
    with transaction.atomic():
        category.slug = _unique_slug(category.name)
        _check(category)
        category._history_user = actor
        category.full_clean()
        category.save()
    return category


def update_category(actor, category, *, expected_version: int, **fields) -> DecisionCategory:
    """Change a category: any of EDITABLE_FIELDS. Refused (ConcurrentEdit) when someone else saved
    it after ``expected_version`` was read, so neither change is lost unseen."""
    workflow.require(actor, MAINTAIN, f"change decision category {category.pk}")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        current = workflow.locked(category)
        if current.version != expected_version:
            raise ConcurrentEdit
        for name, value in fields.items():
            setattr(current, name, value.strip() if isinstance(value, str) else value)
        _check(current)
        workflow.save_versioned(current, actor)
    return current


def fixed_fields(category) -> dict[str, str]:
    """The fields of ``category`` that may not change from what the law (or the portal) fixes,
    each with why: the form leaves them out and says so; the service refuses them."""
    fixed = {}
    reserved = category.reserved
    if category.deputy_barred_by_statute:
        fixed["deputy_may_decide"] = (
            f"{_function(reserved.words)} may not be delegated to the Deputy (Police Reform and "
            f"Social Responsibility Act 2011 s.18(3)(b) and s.18(7)({reserved.paragraph}))"
        )
    if reserved is not None:
        fixed["is_active"] = (
            f"{_function(reserved.words)} is a function of the Commissioner in law "
            f"({reserved.citation}), so this category stays in the scheme"
        )
    elif category.slug == GENERAL_CATEGORY:
        fixed["is_active"] = (
            "“General” is the category of every decision in no more particular category, so "
            "it stays in the scheme"
        )
    return fixed


def _check(category) -> None:
    errors = {}
    fixed = fixed_fields(category)
    if category.deputy_may_decide and "deputy_may_decide" in fixed:
        errors["deputy_may_decide"] = fixed["deputy_may_decide"]
    if not category.is_active and "is_active" in fixed:
        errors["is_active"] = fixed["is_active"]
    if (
        category.name
        and DecisionCategory.objects.filter(name__iexact=category.name)
        .exclude(pk=category.pk)
        .exists()
    ):
        errors["name"] = f"There is already a category called “{category.name}”"
    if errors:
        raise ValidationError(errors)


def _function(words: str) -> str:
    """The Act's words of a function, as the start of a sentence: "issuing a police and crime
    plan (see section 5)" becomes "Issuing a police and crime plan"."""
    words = re.sub(r"\s*\(see [^)]*\)$", "", words)
    return words[:1].upper() + words[1:]


def _unique_slug(name: str) -> str:
    base = slugify(name)[:SLUG_LENGTH].strip("-") or "category"
    slug, number = base, 1
    while DecisionCategory.objects.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return slug
