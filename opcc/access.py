"""The one place that answers "may this user do this to this object".

Views and services both ask here. The answer combines, in this order:

1. the conflict rule: a person who is the subject of a record never sees it, whatever their role
   (the record says so through an ``is_subject(user)`` method);
2. publication: anyone may view a record whose ``is_published`` is true;
3. the user's role, through the model permissions of their role group;
4. django-guardian object permissions (e.g. a complaint assigned to one member of staff);
5. a record's own rule for special relationships (``grants_access(user, action)``, e.g. a custody
   visitor and their own visit report).

Lists are narrowed the same way with :func:`visible`, so a guessed id gives 404.
"""

import logging
from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from guardian.shortcuts import get_objects_for_user

from opcc.registry import ANONYMOUS
from opcc.registry import navigation as navigation_registry
from opcc.roles import OFFICE_ROLES

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"

security_log = logging.getLogger("opcc.security")


def role_of(user) -> str | None:
    if not user.is_authenticated:
        return None
    return user.role or None


def has_role(user, *roles) -> bool:
    return user.is_authenticated and user.is_active and user.role in roles


def is_office(user) -> bool:
    return has_role(user, *OFFICE_ROLES)


def permission_name(action: str, obj_or_model) -> str:
    meta = obj_or_model._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"


def is_subject_of(user, obj) -> bool:
    is_subject = getattr(obj, "is_subject", None)
    return bool(user.is_authenticated and callable(is_subject) and is_subject(user))


def is_public(obj) -> bool:
    return getattr(obj, "is_published", False) is True


def can(user, action: str, obj: Model) -> bool:
    """May ``user`` do ``action`` (view, add, change, delete, or a custom verb) to ``obj``?"""
    from opcc.models import GeneratedDocument

    if is_subject_of(user, obj):
        return False  # the conflict rule beats every grant
    if isinstance(obj, GeneratedDocument):
        return _can_use_document(user, action, obj)
    if action == VIEW and is_public(obj):
        return True
    if not (user.is_authenticated and user.is_active):
        return False
    perm = permission_name(action, obj)
    if user.has_perm(perm) or user.has_perm(perm, obj):
        return True
    grants_access = getattr(obj, "grants_access", None)
    return bool(callable(grants_access) and grants_access(user, action))


def _can_use_document(user, action: str, document) -> bool:
    # Nobody changes a generated document by hand. Who may read it is its kind's rule; by default
    # the office roles who may see what it is of (a history PDF shows past, unpublished values).
    from opcc.registry import document_kinds

    if action != VIEW:
        return False
    of = document.of
    if of is not None and not can(user, VIEW, of):
        return False
    kind = document_kinds.get(document.kind)
    if kind is not None and kind.may_view is not None:
        return kind.may_view(user, document)
    return is_office(user) or (user.is_authenticated and document.requested_by_id == user.pk)


def visible(user, queryset: QuerySet) -> QuerySet:
    """Narrow ``queryset`` to the rows ``user`` may view.

    A model's QuerySet can answer for itself with ``visible_to(user)``; otherwise the role's model
    permission shows everything, and object permissions show the rows granted one by one.
    """
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user)
    model = queryset.model
    if hasattr(model, "is_subject") or hasattr(model, "is_published"):
        # Permissions alone cannot apply the conflict rule or publication in SQL: such a model
        # must narrow its own lists, or a list would show what a detail page refuses.
        raise ImproperlyConfigured(f"{model._meta.label}'s QuerySet needs a visible_to(user)")
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    perm = permission_name(VIEW, queryset.model)
    if user.has_perm(perm):
        return queryset
    return get_objects_for_user(user, perm, klass=queryset, accept_global_perms=False)


def object_for(user, queryset: QuerySet, action: str = VIEW, **lookup) -> Model:
    """The one way in to a protected record: 404 for an outsider, 403 for one who may only look."""
    try:
        obj = get_object_or_404(visible(user, queryset), **lookup)
    except (ValueError, ValidationError):
        raise Http404 from None  # a malformed id is just another unknown record
    if not can(user, VIEW, obj):
        raise Http404
    if action != VIEW and not can(user, action, obj):
        refuse(user, f"{action} {obj._meta.label} {obj.pk}")
    return obj


def refuse(user, what: str):
    security_log.warning("permission refused: user=%s what=%s", getattr(user, "pk", None), what)
    raise PermissionDenied


class RoleRequiredMixin(AccessMixin):
    """A view for some roles only: the public is sent to sign in; other roles get 403."""

    roles: frozenset[str] = frozenset()

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_role(request.user, *self.roles):
            refuse(request.user, f"{request.path} needs one of {sorted(self.roles)}")
        return super().dispatch(request, *args, **kwargs)


def role_required(*roles):
    """Decorator form of :class:`RoleRequiredMixin` for function views."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                refuse(request.user, f"{request.path} needs one of {sorted(roles)}")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def navigation_for(user) -> list:
    """The navigation a user sees, decided by their role."""
    role = role_of(user) or (None if user.is_authenticated else ANONYMOUS)
    return [item for item in navigation_registry.all() if role in item.roles]


class PermissionRequiredMixin(AccessMixin):
    """A view for whoever holds a model permission through their role (opcc.view_user, ...)."""

    permission: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.permission):
            refuse(request.user, f"{request.path} needs {self.permission}")
        return super().dispatch(request, *args, **kwargs)
