"""URLs of the personal_data part of complaints."""

# Staff pages, in the "complaints" namespace under /complaints/.
urlpatterns = []

# Public pages, at the site root.
public_urlpatterns = []
