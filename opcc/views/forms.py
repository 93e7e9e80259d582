from django.shortcuts import render


class BadRequestOnInvalidForm:
    """A form sent back with errors is answered 400, not 200: the request was not accepted.
    Methods other than GET and POST are refused (405), not treated as a POST."""

    http_method_names = ["get", "post", "head", "options"]

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def refused(request, message, *, back_url, status=400):
    """An action that could not be done: say why, and offer the way back."""
    return render(
        request, "action_refused.html", {"message": message, "back_url": back_url}, status=status
    )
