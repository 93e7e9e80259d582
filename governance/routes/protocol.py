"""URLs of the Commissioner and Officer Protocol declarations."""

from django.urls import path

from governance.views import protocol

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = [
    path("protocol/", protocol.CurrentProtocolView.as_view(), name="protocol"),
    path(
        "protocol/versions/<int:pk>/sign/",
        protocol.SignDeclarationView.as_view(),
        name="protocol_sign",
    ),
    path("protocol/versions/", protocol.ProtocolVersionsView.as_view(), name="protocol_versions"),
    path(
        "protocol/versions/add/",
        protocol.AddProtocolVersionView.as_view(),
        name="protocol_version_add",
    ),
    path(
        "protocol/versions/<int:pk>/document/",
        protocol.ProtocolDocumentView.as_view(),
        name="protocol_document",
    ),
    path(
        "protocol/signatures/",
        protocol.ProtocolSignaturesView.as_view(),
        name="protocol_signatures",
    ),
]

# Public pages, at the site root.
public_urlpatterns = []
