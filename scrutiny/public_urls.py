"""The scrutiny pages the public reads, at the site root (/meetings/...)."""

from scrutiny.routes import meetings

urlpatterns = [
    *meetings.public_urlpatterns,
]
