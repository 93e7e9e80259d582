from django.conf import settings

from opcc.access import navigation_for


def portal(request):
    return {
        "portal_name": settings.PORTAL_NAME,
        "portal_office": settings.PORTAL_OFFICE,
        "navigation": navigation_for(request.user) if hasattr(request, "user") else [],
        "demo_mode": settings.DEBUG,
    }
