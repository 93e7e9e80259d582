from django.shortcuts import render


class BadRequestOnInvalidForm:
    """A form sent back with errors is answered 400, not 200: the request was not accepted.
    Methods other than GET and POST are refused (405), not treated as a POST."""

    http_method_names = ["get", "post", "head", "options"]

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def keep_typing_against_latest(form, model, pk) -> None:
    """After a refused concurrent save, keep the person's typing but move the form's hidden
    version on to the saved one: once they have checked the other person's changes (shown on
    the record's page and in its history), saving again is their informed choice."""
    data = form.data.copy()
    data["version"] = model.objects.values_list("version", flat=True).get(pk=pk)
    form.data = data


def refused(request, message, *, back_url, status=400):
    """An action that could not be done: say why, and offer the way back."""
    return render(
        request, "action_refused.html", {"message": message, "back_url": back_url}, status=status
    )
