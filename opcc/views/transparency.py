"""The transparency hub's own pages: a category's documents (public), and the office's page to
publish and withdraw them."""

from pathlib import PurePath

from crispy_forms_gds.layout import Field, Fluid, Layout
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from opcc import access, publications, transparency
from opcc.access import PermissionRequiredMixin
from opcc.fields import GovukDateField
from opcc.forms import GovukForm, add_service_errors
from opcc.models import TransparencyPublication
from opcc.models.transparency import CATEGORY_CHOICES
from opcc.pagination import paginate
from opcc.uploads import ACCEPTED_KINDS, DOCUMENT_TYPES, content_type_for
from opcc.views.forms import BadRequestOnInvalidForm


class CategoryView(TemplateView):
    """What the office published by hand in one category, newest first."""

    template_name = "opcc/transparency_category.html"

    def get_context_data(self, **kwargs):
        category = transparency.category(kwargs["category"])
        if category is None:
            raise Http404
        entries = TransparencyPublication.objects.published().filter(category=category.key)
        return {
            **super().get_context_data(**kwargs),
            "category": category,
            "page": paginate(self.request, entries.only(
                "code", "category", "title", "summary", "published_on", "document"
            )),
            "may_publish": publications.may_publish(self.request.user),
        }  # fmt: skip


class DocumentView(View):
    """A published document, always as a download (never shown inline)."""

    def get(self, request, code):
        entry = access.object_for(request.user, TransparencyPublication.objects.all(), code=code)
        try:
            file = entry.document.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        extension = PurePath(entry.document.name).suffix.lower()
        return FileResponse(
            file,
            as_attachment=True,
            filename=f"{slugify(entry.title)[:80] or 'document'}{extension}",
            content_type=content_type_for(entry.document.name),
        )


class PublishForm(GovukForm, forms.Form):
    submit_label = "Publish"

    category = forms.ChoiceField(
        label="Which category of information is it?",
        choices=[("", "Choose a category"), *CATEGORY_CHOICES],
        error_messages={
            "required": "Choose the category of information",
            "invalid_choice": "Choose the category of information",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter a title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    summary = forms.CharField(
        label="Summary (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The summary must be 2,000 characters or fewer"},
    )
    published_on = GovukDateField(
        label="Date of the information", what="the date of the information", required=False
    )
    document = forms.FileField(
        label="Document",
        help_text=f"Upload {ACCEPTED_KINDS}, up to 20 MB.",
        widget=forms.FileInput(attrs={"accept": ",".join(t.extension for t in DOCUMENT_TYPES)}),
        error_messages={
            "required": "Select the document to publish",
            "invalid": "The selected file could not be read. Choose it again",
            "empty": "The selected file is empty",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.select("category"),
            Field.text("title", field_width=Fluid.THREE_QUARTERS),
            Field.textarea("summary", rows=3),
            Field("published_on", context={"fieldset": True}),
            Field("document"),
        )


class WithdrawForm(GovukForm, forms.Form):
    submit_label = "Withdraw"

    reason = forms.CharField(
        label="Why is it withdrawn?",
        max_length=250,
        error_messages={
            "required": "Enter why the document is withdrawn",
            "max_length": "The reason must be 250 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.text("reason", field_width=Fluid.FULL))


@method_decorator(never_cache, name="dispatch")
class ManageView(PermissionRequiredMixin, TemplateView):
    """Everything published by hand, withdrawn entries included, with the overdue categories."""

    permission = publications.PUBLISH
    template_name = "opcc/transparency_manage.html"

    def get_context_data(self, **kwargs):
        entries = TransparencyPublication.objects.select_related("published_by")
        chosen = self.request.GET.get("category", "")
        if chosen in dict(CATEGORY_CHOICES):
            entries = entries.filter(category=chosen)
        return {
            **super().get_context_data(**kwargs),
            "page": paginate(self.request, entries),
            "categories": CATEGORY_CHOICES,
            "chosen": chosen,
            "query": f"category={chosen}" if chosen else "",
            "overdue": publications.overdue_rows(),
        }


class PublishView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = publications.PUBLISH
    template_name = "opcc/transparency_publish.html"
    form_class = PublishForm

    def get_initial(self):
        return {"category": self.request.GET.get("category", "")}

    def form_valid(self, form):
        try:
            entry = publications.publish_document(self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"“{entry.title}” is published.")
        return redirect("transparency_manage")


class WithdrawView(PermissionRequiredMixin, BadRequestOnInvalidForm, FormView):
    permission = "opcc.change_transparencypublication"
    template_name = "opcc/transparency_withdraw.html"
    form_class = WithdrawForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.entry = access.object_for(
                request.user, TransparencyPublication.objects.all(), code=kwargs["code"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "entry": self.entry}

    def form_valid(self, form):
        try:
            publications.withdraw_publication(
                self.request.user, self.entry, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"“{self.entry.title}” is withdrawn.")
        return redirect("transparency_manage")
