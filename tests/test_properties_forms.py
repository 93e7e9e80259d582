"""Property: no form input gives a 500, and a refused form saves nothing.

For every form page of the portal (staff forms, the public's question pages, the account pages)
and every one-button POST step, as someone who may use it, Hypothesis draws POST bodies over the
form's own inputs: sometimes what a person would type, sometimes NUL bytes, lone surrogates,
over-long text, dates in year 1 or 9999, 'NaN', 'Infinity', '1e309', integers past the database's,
inputs left out and unknown ones. The answer is never a 500; when the form is refused (anything
but a redirect), no row of any of the portal's tables (history included) has been added or
removed.

At the unit level, each form the page builds is rebuilt with the same arguments and arbitrary data:
``is_valid()`` answers, never raises.
"""

from collections.abc import Mapping
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.db import connection
from django.forms.forms import DeclarativeFieldsMetaclass
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.complaints.question_pages import COMPLAINT_ANSWERS, REVIEW_ANSWERS, answer, step_url
from tests.conftest import ANONYMOUS
from tests.hypothesis_strategies import (
    arbitrary_dicts,
    field_inputs,
    form_data,
    urlencoded,
    values,
)
from tests.matrix import LOGIN
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (the matrix's records)

PROJECT_APPS = ("opcc", "governance", "complaints", "scrutiny", "custody_visits")
UNIT_EXAMPLES = 5
POST_EXAMPLES = 6
REFUSED = (LOGIN, 403, 404, 405)

# Every page whose GET shows a form (what the access matrix's records and roles give).
FORM_PAGES = [
    "alerts_subscribe",
    "complaints:complaint_add",
    "complaints:complaint_assign",
    "complaints:complaint_close",
    "complaints:complaint_decline",
    "complaints:complaint_disapply",
    "complaints:complaint_pass_to_panel",
    "complaints:complaint_refer_to_iopc",
    "complaints:concern_add",
    "complaints:concern_close",
    "complaints:hearing_choose",
    "complaints:hearing_outcome",
    "complaints:panel_member_add",
    "complaints:panel_member_change",
    "complaints:retention_hold",
    "complaints:review_accept_late",
    "complaints:review_add",
    "complaints:review_assign",
    "complaints:review_decide",
    "complaints:review_force_response",
    "complaints:review_route_to_iopc",
    "complaints:subject_access",
    "custody_visiting_reports",
    "custody_visits:finding_raise",
    "custody_visits:finding_response",
    "custody_visits:report_conditions",
    "custody_visits:report_delay",
    "custody_visits:report_details",
    "custody_visits:report_detainee_add",
    "custody_visits:report_detainee_change",
    "custody_visits:report_finding_add",
    "custody_visits:report_finding_change",
    "custody_visits:reports",
    "custody_visits:suite_add",
    "custody_visits:suite_change",
    "custody_visits:visit_cancel",
    "custody_visits:visit_change",
    "custody_visits:visit_plan",
    "custody_visits:visit_return",
    "custody_visits:visit_review",
    "custody_visits:visit_send_back",
    "custody_visits:visitor_add",
    "custody_visits:visitor_change",
    "governance:annual_reports",
    "governance:contract_add",
    "governance:contract_change",
    "governance:decision_add",
    "governance:decision_advice",
    "governance:decision_document_add",
    "governance:decision_edit",
    "governance:decision_sign",
    "governance:decision_withdraw",
    "governance:delegation_add",
    "governance:delegation_edit",
    "governance:forward_plan_add",
    "governance:forward_plan_edit",
    "governance:gift_offer_add",
    "governance:gift_offer_change",
    "governance:interest_add",
    "governance:interest_change",
    "governance:interest_end",
    "governance:protocol",
    "governance:protocol_sign",
    "governance:protocol_version_add",
    "governance:report_add",
    "governance:report_consider",
    "governance:report_edit",
    "governance:report_publish",
    "login",
    "password_change",
    "password_reset",
    "scrutiny:action",
    "scrutiny:action_raise",
    "scrutiny:agenda_item_add",
    "scrutiny:body_add",
    "scrutiny:body_edit",
    "scrutiny:forward_plan_topic_add",
    "scrutiny:forward_plan_topic_edit",
    "scrutiny:horizon_scan_add",
    "scrutiny:horizon_scan_topic",
    "scrutiny:inspection_add",
    "scrutiny:inspection_comments",
    "scrutiny:inspection_item",
    "scrutiny:inspection_request_comments",
    "scrutiny:inspection_response",
    "scrutiny:inspection_sent",
    "scrutiny:meeting_reschedule",
    "scrutiny:meeting_schedule",
    "scrutiny:minutes_approve",
    "scrutiny:minutes_edit",
    "scrutiny:panel_report_add",
    "scrutiny:panel_report_introduction",
    "scrutiny:paper_add",
    "scrutiny:plan_add",
    "scrutiny:plan_measure_add",
    "scrutiny:plan_priority_add",
    "scrutiny:plan_value_add",
    "search",
    "transparency_publish",
    "two_factor_setup",
]
# The one-button steps (POST only): what they are sent besides their button is never a 500.
POST_STEPS = sorted(name for name, row in MATRIX.items() if row.method == "post")
# The public's question pages, each page with the earlier ones answered.
QUESTION_PAGES = [("complain_step", step) for step in COMPLAINT_ANSWERS] + [
    ("complaint_review_request_step", step) for step in REVIEW_ANSWERS
]


def user_of(row):
    """Someone who may use the page: the public if anyone may, else the first role that may."""
    outcomes = row.outcome.items()
    allowed = [who for who, outcome in outcomes if outcome == 200] or [
        who for who, outcome in outcomes if outcome not in REFUSED
    ]
    assert allowed, "nobody may use this page"
    return ANONYMOUS if ANONYMOUS in allowed else allowed[0]


def row_counts() -> tuple:
    """The number of rows in each of the portal's tables (history included), in one query."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and not model._meta.proxy
    )
    quote = connection.ops.quote_name
    # Table names from the models, quoted: nothing of the request's.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return tuple(zip(tables, cursor.fetchone(), strict=True))


@contextmanager
def forms_built(monkeypatch):
    """Notes each form of the project built meanwhile, with the arguments it was built with (as
    the view passed them, before the form's own __init__ took its keywords)."""
    built = []

    def build(form_class, *args, **kwargs):
        form = type.__call__(form_class, *args, **kwargs)
        if form_class.__module__.startswith(PROJECT_APPS):
            built.append((form, args, kwargs))
        return form

    with monkeypatch.context() as patch:
        patch.setattr(DeclarativeFieldsMetaclass, "__call__", build, raising=False)
        yield built


def inputs_of(forms) -> tuple[list, set]:
    """The (input name, strategy) pairs of the forms' fields, and every field's name."""
    inputs, names = [], set()
    for form in forms:
        for bound in form:
            names.add(bound.html_name)
            if bound.field.widget.is_hidden and bound.value() is not None:
                # A hidden input (the record's version) mostly as the page gave it.
                given_value = st.just(str(bound.value()))
                inputs.append((bound.html_name, st.one_of(given_value, given_value, values)))
            else:
                inputs.extend(field_inputs(bound.field, bound.html_name))
    return inputs, names


def check_forms_never_raise(built):
    """The unit level: each form, rebuilt as the page built it but bound to arbitrary data."""
    for form, args, kwargs in built:
        kwargs = {key: value for key, value in kwargs.items() if key not in ("data", "files")}
        check_is_valid_answers(type(form), args, kwargs, {bound.html_name for bound in form})


def check_is_valid_answers(form_class, args, kwargs, names):
    @settings(max_examples=UNIT_EXAMPLES)
    @given(data=arbitrary_dicts(names))
    def is_valid_answers(data):
        if args and (args[0] is None or isinstance(args[0], Mapping)):
            form = form_class(data, {}, *args[2:], **kwargs)  # built as Form(data, files, ...)
        else:  # built as Form(**kwargs), or AuthenticationForm(request, ...)
            form = form_class(*args, data=data, files={}, **kwargs)
        assert form.is_valid() in (True, False)

    is_valid_answers()


def check_posts(client, url, inputs, names):
    @settings(max_examples=POST_EXAMPLES)
    @given(data=form_data(inputs, extra_names=sorted(names)))
    def never_fails_nor_saves_half(data):
        before = row_counts()
        response = client.post(
            url, urlencoded(data), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500, (url, data)
        if response.status_code not in (301, 302, 303):
            assert row_counts() == before, f"{url} refused {data!r} but saved some of it"

    never_fails_nor_saves_half()


def check_form_page(url, client, monkeypatch):
    with forms_built(monkeypatch) as built:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    forms = {id(form): form for form, _, _ in built}.values()
    assert forms, f"{url} shows no form"
    check_forms_never_raise(built)
    check_posts(client, url, *inputs_of(forms))


@pytest.mark.parametrize("name", FORM_PAGES)
def test_no_input_fails_a_form(name, objects, client_for, monkeypatch):  # noqa: F811
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(objects))
    check_form_page(url, client_for(user_of(row)), monkeypatch)


@pytest.mark.parametrize(("name", "step"), QUESTION_PAGES)
def test_no_input_fails_a_question_page(name, step, client, db, monkeypatch):
    answers = COMPLAINT_ANSWERS if name == "complain_step" else REVIEW_ANSWERS
    earlier = dict(list(answers.items())[: list(answers).index(step)])
    if earlier:
        answer(client, name, earlier)
    check_form_page(step_url(name, step), client, monkeypatch)


@pytest.mark.parametrize("name", POST_STEPS)
def test_no_input_fails_a_one_button_step(name, objects, client_for):  # noqa: F811
    row = MATRIX[name]
    url = reverse(name, kwargs=row.kwargs(objects))
    check_posts(client_for(user_of(row)), url, [], {"version", "direction", "reason"})
