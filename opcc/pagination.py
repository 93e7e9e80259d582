from django.core.paginator import Paginator

PAGE_SIZE = 25


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """A page of ``queryset`` from ?page=, answering a bad or too-large page with the last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
