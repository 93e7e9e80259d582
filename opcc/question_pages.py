"""GOV.UK question pages: one question a page, then "Check your answers", then send.

The answers wait in the session (server side, never in a URL) as the posted form data of each
page, and every page's form is bound again before sending, so nothing unchecked is ever saved.
A subclass lists its questions and says what sending does.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from opcc.rate_limit import too_many_submissions

CHECK = "check-your-answers"


@dataclass(frozen=True)
class Question:
    slug: str
    form_class: type
    # What "Check your answers" calls the answer (the form's labels are whole questions).
    summary: str


@method_decorator(never_cache, name="dispatch")
class QuestionPages(View):
    """Subclasses set ``questions``, ``session_key``, ``url_name`` (a route taking ``step``),
    ``rate_limit_scope``, ``title``, ``check_template`` and implement ``send``."""

    questions: tuple[Question, ...] = ()
    session_key = ""
    url_name = ""
    rate_limit_scope = ""
    title = ""
    question_template = "question_page.html"
    check_template = "check_answers.html"
    too_many_template = "complaints/public/too_many_requests.html"
    trap_field = "website"  # hidden from people: only a robot fills it in
    http_method_names = ["get", "post", "head", "options"]

    def send(self, cleaned: dict):
        """Save what the answers describe and return the response that confirms it; raise
        ValidationError (keyed by field name) to send the person back to an answer."""
        raise NotImplementedError

    def robot_response(self):
        """What a robot sees instead: success, so it learns nothing; nothing is kept."""
        raise NotImplementedError

    # --- the answers kept so far ---------------------------------------------------------

    def stored(self) -> dict:
        return self.request.session.get(self.session_key, {})

    def store(self, slug: str, data: QueryDict) -> None:
        answers = self.stored()
        answers[slug] = {key: data.getlist(key) for key in data if key != "csrfmiddlewaretoken"}
        self.request.session[self.session_key] = answers

    def bound_form(self, question: Question):
        answers = self.stored().get(question.slug)
        if answers is None:
            return None
        data = QueryDict(mutable=True)
        for key, values in answers.items():
            data.setlist(key, values)
        return question.form_class(data=data)

    def first_unanswered(self) -> Question | None:
        answered = self.stored()
        return next((q for q in self.questions if q.slug not in answered), None)

    def url(self, slug: str) -> str:
        return reverse(self.url_name, kwargs={"step": slug})

    def go_on(self):
        """To the first question not yet answered, or to the check page once all are."""
        unanswered = self.first_unanswered()
        return redirect(self.url(unanswered.slug if unanswered else CHECK))

    # --- one question ----------------------------------------------------------------------

    def question(self, slug: str) -> Question:
        for question in self.questions:
            if question.slug == slug:
                return question
        raise Http404

    def may_answer(self, question: Question) -> bool:
        """Questions are answered in order: a later one waits for the earlier ones."""
        unanswered = self.first_unanswered()
        if unanswered is None:
            return True
        return self.questions.index(question) <= self.questions.index(unanswered)

    def render_question(self, question, form, status=200):
        context = {
            "form": form,
            "title": self.title,
            "question": question,
            "back_url": self.back_url(question),
            "trap_field": self.trap_field if question is self.questions[0] else "",
        }
        return render(self.request, self.question_template, context, status=status)

    def back_url(self, question) -> str | None:
        index = self.questions.index(question)
        if self.first_unanswered() is None:
            return self.url(CHECK)
        return self.url(self.questions[index - 1].slug) if index else None

    def get(self, request, step=None):
        if step is None:
            return self.go_on()
        if step == CHECK:
            return self.check_page()
        question = self.question(step)
        if not self.may_answer(question):
            return self.go_on()
        form = self.bound_form(question) or question.form_class()
        return self.render_question(question, form)

    def post(self, request, step=None):
        if step == CHECK:
            return self.send_answers()
        if step is None:
            raise Http404
        question = self.question(step)
        if not self.may_answer(question):
            return self.go_on()
        form = question.form_class(data=request.POST)
        if not form.is_valid():
            return self.render_question(question, form, status=400)
        self.store(question.slug, request.POST)
        return self.go_on()

    # --- check your answers, then send -----------------------------------------------------

    def answered_forms(self):
        """Each question with its form bound to the kept answer, or None if one is missing."""
        forms = []
        for question in self.questions:
            form = self.bound_form(question)
            if form is None:
                return None
            forms.append((question, form))
        return forms

    def rows(self, answered) -> list[dict]:
        rows = []
        for question, form in answered:
            form.is_valid()
            shown = [self.display(form, name) for name in form.fields if name != self.trap_field]
            rows.append(
                {
                    "key": question.summary,
                    "value": "\n".join(value for value in shown if value),
                    "change_url": self.url(question.slug),
                }
            )
        return rows

    @staticmethod
    def display(form, name) -> str:
        value = form.cleaned_data.get(name)
        field = form.fields[name]
        if value in (None, ""):
            return ""
        choices = dict(getattr(field, "choices", ()) or ())
        if choices:
            return str(choices.get(value, value))
        if hasattr(value, "strftime"):
            return f"{value:%-d %B %Y}"
        return str(value)

    def check_page(self, errors=None, status=200):
        answered = self.answered_forms()
        if answered is None:
            return self.go_on()
        context = {"title": self.title, "rows": self.rows(answered), "errors": errors or []}
        return render(self.request, self.check_template, context, status=status)

    def send_answers(self):
        if too_many_submissions(self.request, self.rate_limit_scope):
            return render(self.request, self.too_many_template, status=429)
        answered = self.answered_forms()
        if answered is None:
            return self.go_on()
        cleaned = {}
        for question, form in answered:
            if not form.is_valid():
                return redirect(self.url(question.slug))
            cleaned.update(form.cleaned_data)
        if str(cleaned.pop(self.trap_field, "") or "").strip():
            self.request.session.pop(self.session_key, None)
            return self.robot_response()
        try:
            response = self.send(cleaned)
        except ValidationError as error:
            return self.check_page(self.errors_by_question(error, answered), status=400)
        self.request.session.pop(self.session_key, None)
        return response

    def errors_by_question(self, error: ValidationError, answered) -> list[dict]:
        """The service's refusals, each linked to the page that asked the question."""
        owner = {name: question for question, form in answered for name in form.fields}
        found = []
        for field, messages in error.message_dict.items():
            question = owner.get(field)
            href = self.url(question.slug) if question else ""
            found.extend({"text": message, "href": href} for message in messages)
        return found
