"""The complaints pages the public uses, at the site root."""

from complaints.routes import panels, reviews

urlpatterns = [*reviews.public_urlpatterns, *panels.public_urlpatterns]
