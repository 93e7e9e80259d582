"""One search box across everything a person may see.

Each app registers a ``SearchSource`` (opcc.registry.search_sources) that searches its own
records through a queryset already narrowed to the searcher (``visible_to``), so the public
finds what is published, the office also what is not, and nobody what they may not see (the
conflict rule included). On PostgreSQL the match is full-text search with ranking (over the
documents the database stores for the big tables: decisions, contracts, agenda items); on SQLite,
every word of the query must appear in one of the fields, newest first.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import connection
from django.db.models import Expression, F, FloatField, Q, Value
from django.db.models.expressions import Col
from django.utils import timezone

from opcc.registry import search_sources

PER_SOURCE = 50  # the best matches of each kind; a search is for finding, not for listing
MAX_WORDS = 12
CANDIDATES = 4 * PER_SOURCE  # matches ranked per source (newest first) on PostgreSQL


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    date: date | None
    summary: str = ""
    rank: float = 0.0


def words(query: str) -> list[str]:
    return query.split()[:MAX_WORDS]


def matching(
    queryset,
    query: str,
    *,
    fields: list[str],
    date_field: str,
    date_from,
    date_to,
    identifiers: tuple[str, ...] = (),
    document: str = "",
):
    """``queryset`` narrowed to the records matching ``query`` in ``fields`` and dated in the
    range, best first, with a ``rank`` on each. ``identifiers`` (references like C-2026-0042)
    also match on any part of them, which a full-text index would split into words. ``document``
    names the column where PostgreSQL stores the document of exactly ``fields``, if the table has
    one (opcc.migration_indexes.search_documents)."""
    if date_from:
        queryset = queryset.filter(
            **{f"{date_field}__gte": _start(queryset, date_field, date_from)}
        )
    if date_to:
        queryset = queryset.filter(**{f"{date_field}__lte": _end(queryset, date_field, date_to)})
    if connection.vendor == "postgresql" and fields:
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        # A stored document is read, not computed: matching and ranking a word found in 10,000
        # rows took seconds when each row's document was computed again.
        vector = StoredDocument(document) if document else SearchVector(*fields, config="english")
        search_query = SearchQuery(query, search_type="websearch", config="english")
        # Only the newest CANDIDATES matches are ranked. Found either through the full-text
        # index, or, for a common word, by walking a date index newest first and testing each
        # stored document (PostgreSQL chooses): in the order such an index holds, DESC with
        # NULLS FIRST; the dates searched are never null where it matters (published records).
        # References are matched apart (an OR with the full-text test would read every row).
        newest = F(date_field).desc(nulls_last=True)
        by_text = queryset.alias(search_document=vector).filter(search_document=search_query)
        by_date = F(date_field).desc()
        candidates = Q(pk__in=by_text.order_by(by_date).values("pk")[:CANDIDATES])
        by_reference = _containing(query, identifiers)
        if by_reference:
            by_reference = queryset.filter(by_reference).order_by(by_date).values("pk")
            candidates |= Q(pk__in=by_reference[:CANDIDATES])
        return (
            queryset.filter(candidates)
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", newest)
        )
    for word in words(query):
        queryset = queryset.filter(_any_contains(word, [*fields, *identifiers]))
    return queryset.annotate(rank=Value(0.0, output_field=FloatField())).order_by(
        F(date_field).desc(nulls_last=True)
    )


class StoredDocument(Expression):
    """The queryset's own row's stored search document (a column only PostgreSQL has, not a
    model field): resolved to a column of the query's base table, so it stays right when the
    query becomes a subquery with other table aliases."""

    def __init__(self, column: str):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.column = column

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        from django.contrib.postgres.search import SearchVectorField

        target = SearchVectorField()
        target.set_attributes_from_name(self.column)
        target.model = query.model
        return Col(query.get_initial_alias(), target, output_field=SearchVectorField())


def _any_contains(word: str, fields) -> Q:
    found = Q()
    for field in fields:
        found |= Q(**{f"{field}__icontains": word})
    return found


def _containing(query: str, identifiers) -> Q:
    """Every word of the query inside one of the identifiers (an empty Q if there are none, or if
    no word has a digit: references all do, and matching words inside them would stop the
    full-text index from being used, reading every row)."""
    if not identifiers or not any(character.isdigit() for character in query):
        return Q()
    found = Q()
    for word in words(query):
        found &= _any_contains(word, identifiers)
    return found


def _is_datetime(queryset, field_path: str) -> bool:
    model = queryset.model
    *relations, name = field_path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name).get_internal_type() == "DateTimeField"


def _start(queryset, field, day):
    if _is_datetime(queryset, field):
        return timezone.make_aware(datetime.combine(day, time.min))
    return day


def _end(queryset, field, day):
    if _is_datetime(queryset, field):
        return timezone.make_aware(datetime.combine(day, time.max))
    return day


def day_of(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def sources():
    return sorted(search_sources.all(), key=lambda source: (source.order, source.label))


def search(user, query: str, *, kinds=(), date_from=None, date_to=None) -> list[Hit]:
    """The hits for ``query`` of the chosen kinds (all if none), best first, then newest."""
    hits = []
    for source in sources():
        if kinds and source.key not in kinds:
            continue
        hits.extend(source.search(user, query, date_from, date_to)[:PER_SOURCE])
    return sorted(hits, key=lambda hit: (-hit.rank, -(hit.date or date.min).toordinal()))
