"""Walking the public's question pages in tests: answer each page in turn, then send."""

from django.urls import reverse

CHECK = "check-your-answers"

REVIEW_ANSWERS = {
    "reference": {"force_reference": "CO/2026/123", "website": ""},
    "outcome-date": {
        "outcome_given_on_0": "1",
        "outcome_given_on_1": "10",
        "outcome_given_on_2": "2026",
    },
    "review-body": {"review_body_named": "pcc"},
    "reasons": {"grounds": "They did not speak to my witness."},
    "name": {"name": "Sam Complainant"},
    "contact": {"email": "sam@example.org", "phone": ""},
}

COMPLAINT_ANSWERS = {
    "about": {"subject": "pcc", "website": ""},
    "what-happened": {"details": "The Commissioner shouted at me at a public meeting."},
    "name": {"name": "Ali Complainant"},
    "contact": {"email": "ali@example.org", "phone": ""},
}


def step_url(url_name: str, step: str) -> str:
    return reverse(url_name, kwargs={"step": step})


def answer(client, url_name: str, answers: dict, changes: dict | None = None, **extra):
    """Answer every page (``changes`` maps a step to the fields to change on it); return the
    response to the last page's answer."""
    response = None
    for step, fields in answers.items():
        data = fields | (changes or {}).get(step, {})
        response = client.post(step_url(url_name, step), data, **extra)
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    return response


def send(client, url_name: str, answers: dict, changes: dict | None = None, **extra):
    """Answer every page, then send from "Check your answers"."""
    answer(client, url_name, answers, changes, **{k: v for k, v in extra.items() if k != "follow"})
    return client.post(step_url(url_name, CHECK), **extra)
