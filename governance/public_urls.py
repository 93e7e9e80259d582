"""The governance pages the public reads, at the site root (/decisions/, /registers/...)."""

from governance.routes import decisions, protocol, registers, reports

urlpatterns = [
    *decisions.public_urlpatterns,
    *reports.public_urlpatterns,
    *registers.public_urlpatterns,
    *protocol.public_urlpatterns,
]
