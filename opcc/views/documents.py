from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from opcc import access
from opcc.documents import retry_document
from opcc.models import DocumentStatus, GeneratedDocument


def document_for(user, code) -> GeneratedDocument:
    document = GeneratedDocument.objects.filter(code=code).first()
    if document is None or not access.can(user, access.VIEW, document):
        raise Http404
    return document


def status_payload(document: GeneratedDocument) -> dict:
    return {
        "status": document.status,
        "label": document.get_status_display(),
        "finished": document.is_finished,
        "error": document.error if document.status == DocumentStatus.FAILED else "",
        "download_url": reverse("document_download", args=[document.code])
        if document.status == DocumentStatus.READY
        else "",
    }


class DocumentView(LoginRequiredMixin, TemplateView):
    """Shows a document's progress, updating itself (static/js/document-status.mjs) until done."""

    template_name = "documents/document.html"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "document": document_for(self.request.user, kwargs["code"]),
        }


class DocumentStatusView(LoginRequiredMixin, View):
    def get(self, request, code):
        return JsonResponse(status_payload(document_for(request.user, code)))


class DocumentDownloadView(LoginRequiredMixin, View):
    def get(self, request, code):
        document = document_for(request.user, code)
        if document.status != DocumentStatus.READY:
            raise Http404
        response = FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.filename,
            content_type="application/pdf",
        )
        response["Cache-Control"] = "no-store"
        return response


class DocumentRetryView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, code):
        document = document_for(request.user, code)
        if document.status != DocumentStatus.FAILED:
            return redirect("document", code=document.code)
        retry_document(request.user, document)
        return redirect("document", code=document.code)
