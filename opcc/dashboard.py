""" "My work" in one query, whatever the data: each panel (opcc.registry.DashboardPanel) says
which rows it wants (`Rows`: a queryset, its order, how many), the dashboard runs every panel's
rows as one UNION ALL, and hands each panel back model instances, as `select_related` would have
loaded them, and how many there are in all (`Fetched`).

Each member of the union is the panel's queryset with four columns: which panel part the row is
for, its position, the count of the whole queryset (a window count, so it holds whatever the
limit), and the row itself as a JSON object (one object per model along `related`, every
concrete field), from which the instance is rebuilt without a further query.
"""

import datetime
import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import CharField, Count, Expression, F, JSONField, OrderBy, Value, Window
from django.db.models.functions import JSONObject, RowNumber
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time

SELF = "row"


@dataclass(frozen=True)
class Rows:
    """Up to ``limit`` rows of ``queryset`` (all of them if None) in ``order_by``, with the
    related objects named in ``related`` (select_related paths) loaded too."""

    queryset: Any
    order_by: tuple = ("pk",)
    limit: int | None = 10
    related: tuple[str, ...] = ()
    annotations: tuple[str, ...] = ()  # names the queryset annotates, set on each instance


@dataclass
class Fetched:
    """What came back for one `Rows`: the instances, in order, and how many match in all."""

    items: list = field(default_factory=list)
    count: int = 0


def prime_permissions(user) -> None:
    """Load the user's model permissions in one query (ModelBackend takes two), into the cache
    ModelBackend.has_perm reads, so the panels' permission checks cost nothing more."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    if not (user.is_authenticated and user.is_active) or user.is_superuser:
        return  # nobody's permissions to load; a superuser's has_perm needs no query
    if hasattr(user, "_perm_cache"):
        return
    found = (
        Permission.objects.filter(Q(group__user=user) | Q(user=user))
        .values_list("content_type__app_label", "codename")
        .distinct()
    )
    user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in found}


def _stored_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if f.get_internal_type() != "SearchVectorField"]


class RowJSON(Expression):
    """Every stored field of the row at ``path`` (a select_related path; "" for the queryset's
    own model) as one JSON object, written column by column from the table's alias: compiling
    it costs next to nothing, where a JSONObject of thirty F() costs milliseconds a panel."""

    output_field = JSONField()

    def __init__(self, model, path=""):
        super().__init__()
        self.model, self.path = model, path
        self.anchor = None  # a column of the row's table, which brings in its join

    def get_source_expressions(self):
        return [self.anchor] if self.anchor is not None else []

    def set_source_expressions(self, expressions):
        self.anchor = expressions[0] if expressions else None

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        clone = self.copy()
        # Not the primary key: a relation's key is read from the row that points to it, and
        # the join to the related table would be left out.
        column = next(f for f in _stored_fields(self.model) if not f.primary_key)
        name = f"{self.path}__{column.name}" if self.path else column.name
        clone.anchor = F(name).resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(self.anchor.alias)
        pairs = ", ".join(
            f"'{f.attname}', {table}.{connection.ops.quote_name(f.column)}"
            for f in _stored_fields(self.model)
        )
        function = "JSONB_BUILD_OBJECT" if connection.vendor == "postgresql" else "JSON_OBJECT"
        return f"{function}({pairs})", []


def _path_models(model, related: tuple[str, ...]) -> dict[str, Any]:
    """{path: model} for the queryset's model (SELF) and every model along ``related``."""
    found = {SELF: model}
    for path in related:
        current = model
        steps = path.split("__")
        for depth, step in enumerate(steps):
            current = current._meta.get_field(step).related_model
            found["__".join(steps[: depth + 1])] = current
    return found


def _ordering(order_by) -> list:
    ordering = []
    for item in order_by:
        if isinstance(item, str):
            descending = item.startswith("-")
            expression = F(item.lstrip("-"))
            ordering.append(OrderBy(expression, descending=descending))
        else:
            ordering.append(item)
    return ordering


def _member(tag: str, rows: Rows):
    queryset = rows.queryset
    model = queryset.model
    if queryset.query.distinct:
        # DISTINCT would apply after the window functions: keep the same rows another way.
        queryset = model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
    objects = {}
    for path, path_model in _path_models(model, rows.related).items():
        objects[path] = RowJSON(path_model, "" if path == SELF else path)
    if rows.annotations:
        objects["annotations"] = JSONObject(**{name: F(name) for name in rows.annotations})
    member = queryset.annotate(
        dash_part=Value(tag, output_field=CharField()),
        dash_data=JSONObject(**objects),
        dash_total=Window(Count("pk")),
        dash_rn=Window(RowNumber(), order_by=_ordering(rows.order_by)),
    )
    if rows.limit is not None:
        member = member.filter(dash_rn__lte=rows.limit)
    return member.order_by().values_list("dash_part", "dash_rn", "dash_total", "dash_data")


def _value(model_field, value):
    if value is None:
        return None
    if isinstance(model_field, models.DateTimeField):
        moment = value if isinstance(value, datetime.datetime) else parse_datetime(str(value))
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)  # SQLite keeps UTC, naive
        return moment
    if isinstance(model_field, models.DateField):
        return parse_date(str(value)[:10]) if isinstance(value, str) else value
    if isinstance(model_field, models.TimeField):
        return parse_time(value) if isinstance(value, str) else value
    if isinstance(model_field, models.DecimalField):
        return Decimal(str(value))
    if isinstance(model_field, models.UUIDField):
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    if isinstance(model_field, models.BooleanField):
        return bool(value)
    if isinstance(model_field, models.JSONField):
        return value
    return model_field.to_python(value)


def _instance(model, values: dict | None, db: str):
    if not values or all(value is None for value in values.values()):
        return None  # a nullable relation that is empty
    fields = [f for f in _stored_fields(model) if f.attname in values]
    return model.from_db(
        db, [f.attname for f in fields], [_value(f, values[f.attname]) for f in fields]
    )


def _rebuild(rows: Rows, data, db: str):
    if isinstance(data, str):
        data = json.loads(data)
    built = {}
    for path, path_model in _path_models(rows.queryset.model, rows.related).items():
        objects = data.get(path)
        if isinstance(objects, str):
            objects = json.loads(objects)
        built[path] = _instance(path_model, objects, db)
    for path, instance in built.items():
        if path == SELF:
            continue
        parent_path, _, step = path.rpartition("__")
        parent = built[parent_path or SELF]
        if parent is not None:
            parent._meta.get_field(step).set_cached_value(parent, instance)
    annotations = data.get("annotations") or {}
    if isinstance(annotations, str):
        annotations = json.loads(annotations)
    for name in rows.annotations:
        setattr(built[SELF], name, annotations.get(name))
    return built[SELF]


def fetch(wanted: dict[str, Rows]) -> dict[str, Fetched]:
    """Every `Rows` in ``wanted`` at once: one query (none if nothing is wanted)."""
    fetched = {tag: Fetched() for tag in wanted}
    if not wanted:
        return fetched
    members = [_member(tag, rows) for tag, rows in wanted.items()]
    query = members[0].union(*members[1:], all=True) if len(members) > 1 else members[0]
    db = query.db
    for tag, _position, total, data in sorted(query, key=lambda row: (row[0], row[1])):
        fetched[tag].items.append(_rebuild(wanted[tag], data, db))
        fetched[tag].count = total
    return fetched


def fetch_alone(rows, user) -> dict[str, Fetched] | None:
    """What the panel rows function ``rows`` asks for ``user``, fetched on its own (one query),
    or None when the panel is hidden from them: for calling one panel's context directly."""
    wanted = rows(user)
    return None if wanted is None else fetch(wanted)


def build_panels(panels, user) -> list[tuple[Any, dict]]:
    """(panel, context) for each of ``panels`` that has something to show ``user``: a query for
    the permissions, and one for every panel's rows."""
    prime_permissions(user)
    asked = []
    for panel in panels:
        parts = panel.rows(user)
        if parts is not None:
            asked.append((panel, parts))
    fetched = fetch(
        {f"{panel.key}:{part}": rows for panel, parts in asked for part, rows in parts.items()}
    )
    built = []
    for panel, parts in asked:
        context = panel.context(user, {part: fetched[f"{panel.key}:{part}"] for part in parts})
        if context is not None:
            built.append((panel, context))
    return built
