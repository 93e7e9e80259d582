"""URLs of the Commissioner and Officer Protocol declarations."""

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
