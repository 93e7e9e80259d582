"""The custody visiting pages the public reads, under /custody-visiting/: published reports."""

from custody_visits.routes import reports

urlpatterns = [*reports.public_urlpatterns]
