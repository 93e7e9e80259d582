"""URLs of Monitoring Officer and s.114 reports."""

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
