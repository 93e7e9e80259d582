"""The open data page (every public dataset, its fields and licence), and the hub's own
published documents as CSV, JSON and an Atom feed."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views import View
from django.views.generic import TemplateView

from opcc.csv_export import csv_response, json_response
from opcc.models import TransparencyPublication
from opcc.registry import datasets

PUBLICATION_FIELDS = (
    ("category", "The category of the Specified Information Order, as a key, e.g. spending"),
    ("category_title", "The category's title"),
    ("title", "The document's title"),
    ("summary", "A short description, if given"),
    ("published_on", "The date of the information"),
    ("url", "Where to download the document"),
)


class OpenDataView(TemplateView):
    template_name = "opcc/open_data.html"

    def get_context_data(self, **kwargs):
        listed = [
            {
                "key": dataset.key,
                "title": dataset.title,
                "description": dataset.description,
                "page_url": reverse(dataset.page),
                "csv_url": reverse(dataset.csv),
                "json_url": reverse(dataset.json),
                "fields": dataset.fields,
            }
            for dataset in datasets.all()
        ]
        return {**super().get_context_data(**kwargs), "datasets": listed}


def publication_rows(request):
    entries = TransparencyPublication.objects.published().order_by("-published_on", "-id")
    for entry in entries.iterator():
        yield (
            entry.category,
            entry.get_category_display(),
            entry.title,
            entry.summary,
            entry.published_on,
            request.build_absolute_uri(entry.get_document_url()),
        )


class PublicationsCsvView(View):
    def get(self, request):
        header = [name for name, _ in PUBLICATION_FIELDS]
        return csv_response("published-documents.csv", header, publication_rows(request))


class PublicationsJsonView(View):
    def get(self, request):
        header = [name for name, _ in PUBLICATION_FIELDS]
        return json_response(header, publication_rows(request))


class PublicationsFeed(Feed):
    feed_type = Atom1Feed
    title = "Published documents of the Police and Crime Commissioner"
    subtitle = "Documents published for the transparency hub, as they are published."

    def link(self):
        return reverse("transparency")

    def items(self):
        return TransparencyPublication.objects.published().order_by("-published_on", "-id")[:50]

    def item_title(self, item):
        return f"{item.get_category_display()}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return str(item.code)

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        from datetime import datetime, time

        from django.utils import timezone

        return timezone.make_aware(datetime.combine(item.published_on, time(9)))

    item_pubdate = item_updateddate
