"""The search page: one box, filters by kind and date, results a page at a time."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from opcc import search
from opcc.fields import GovukDateField
from opcc.forms import GovukForm

PAGE_SIZE = 20


class SearchForm(GovukForm, forms.Form):
    submit_label = "Search"

    q = forms.CharField(
        label="Search",
        max_length=200,
        required=False,
        error_messages={"max_length": "Search for 200 characters or fewer"},
    )
    kind = forms.MultipleChoiceField(
        label="Kind of record",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose kinds of record from the list"},
    )
    date_from = GovukDateField(label="From", what="the first date", required=False)
    date_to = GovukDateField(label="To", what="the last date", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(s.key, s.label) for s in search.sources()]
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Field.text("q", label_size=Size.MEDIUM),
            Field.checkboxes("kind", legend_size=Size.SMALL, small=True),
            Field("date_from", context={"fieldset": True}),
            Field("date_to", context={"fieldset": True}),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The last date must be the same as or after the first date")
        return cleaned


class SearchView(TemplateView):
    template_name = "opcc/search.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET or None)
        context = {"form": form, "searched": False}
        if form.is_bound and not form.is_valid():
            return self.render_to_response(context, status=400)
        if form.is_bound and form.cleaned_data["q"].strip():
            data = form.cleaned_data
            hits = search.search(
                request.user,
                data["q"].strip(),
                kinds=data["kind"],
                date_from=data["date_from"],
                date_to=data["date_to"],
            )
            query = request.GET.copy()
            query.pop("page", None)
            context.update(
                searched=True,
                page=Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page")),
                count=len(hits),
                query=query.urlencode(),
            )
        return self.render_to_response(context)
