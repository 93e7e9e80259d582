"""The complaints pages the public uses, at the site root."""

from complaints.routes import complaints, concerns, panels, personal_data, reviews

urlpatterns = [
    *reviews.public_urlpatterns,
    *panels.public_urlpatterns,
    *complaints.public_urlpatterns,
    *concerns.public_urlpatterns,
    *personal_data.public_urlpatterns,
]
