"""URLs of decisions, the forward plan and the annual report."""

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
