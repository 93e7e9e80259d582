from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE, *, count: int | None = None) -> Page:
    """A page of ``queryset`` from ?page=, answering a bad or too-large page with the last page
    (a page that is not a number with the first). ``count``, when the caller already knows it
    (e.g. from a cache), saves counting the rows again."""
    return DeferredJoinPaginator(queryset, per_page, count=count).get_page(request.GET.get("page"))


def page_number(paginator: Paginator, raw) -> int:
    """The page ``raw`` (from ?page=) names, as ``Paginator.get_page`` reads it: not a number
    gives the first page, out of range the last."""
    try:
        return paginator.validate_number(raw)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


class DeferredJoinPaginator(Paginator):
    """Pages found by their primary keys first: ``WHERE pk IN (SELECT pk ... OFFSET n LIMIT 25)``.

    A plain ``OFFSET`` reads every skipped row from the table, so page 500 costs 500 times page
    1; the keys alone come from the index that serves the filter and the order (an index-only
    scan), and only the page's own rows are then read. Same query count, flat cost in depth."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count

    @cached_property
    def count(self) -> int:
        return super().count

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        if bottom == 0 or not _is_plain(queryset):
            return self._get_page(queryset[bottom:top], number, self)
        keys = queryset.values("pk")[bottom:top]
        return self._get_page(list(queryset.filter(pk__in=keys)), number, self)


def _is_plain(queryset) -> bool:
    """A queryset whose rows are its model's rows (no union, DISTINCT or grouping), so its
    primary keys alone can pick a page."""
    query = getattr(queryset, "query", None)
    return (
        query is not None
        and not query.combinator
        and not query.distinct
        and query.group_by is None
        and not any(getattr(a, "contains_aggregate", False) for a in query.annotations.values())
    )
