"""The governance pages the public reads, at the site root (/decisions/, /registers/,
/scheme-of-delegation/...)."""

from governance.routes import decisions, delegation, protocol, registers, reports

urlpatterns = [
    *decisions.public_urlpatterns,
    *delegation.public_urlpatterns,
    *reports.public_urlpatterns,
    *registers.public_urlpatterns,
    *protocol.public_urlpatterns,
]
