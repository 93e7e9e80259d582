from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View


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


class RecordStepView(View):
    """A one-button step on a record (POST only): take it, say so and go back to the record's
    page; a step the service refuses is answered 400 with why, and the way back.

    Subclasses name the attribute holding the record (set by their record mixin), the step
    (``act``) and the ``done_message``, which may use ``{record}``."""

    http_method_names = ["post"]
    record_attribute = ""
    done_message = ""

    def act(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        record = getattr(self, self.record_attribute)
        try:
            self.act()
        except ValidationError as error:
            return refused(request, error.messages, back_url=record.get_absolute_url())
        messages.success(request, self.done_message.format(record=record))
        return redirect(record.get_absolute_url())
