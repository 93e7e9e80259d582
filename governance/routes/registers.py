"""URLs of the registers (interests, gifts and hospitality, contracts)."""

# Staff pages, in the "governance" namespace under /governance/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
