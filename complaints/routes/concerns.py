"""URLs of the concerns part of complaints."""

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
