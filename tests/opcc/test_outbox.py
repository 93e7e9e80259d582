import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnavailable

from opcc import outbox, tasks
from opcc.documents import generate_document, request_document
from opcc.models import MessageStatus, OutboundMessage
from opcc.roles import Role
from tests.opcc.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue_welcome(user, **extra):
    return outbox.queue_message(
        kind="account_created",
        to=user.email,
        recipient=user,
        template="account_created",
        context={"user": user},
        **extra,
    )


@pytest.fixture
def reader():
    return UserFactory(role=Role.PANEL, email="reader@opcc.example", full_name="Pat Reader")


def test_message_is_delivered_once_after_commit(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_welcome(reader)
        assert mail.outbox == []  # nothing leaves before the change is committed

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["reader@opcc.example"]
    assert mail.outbox[0].subject == "Your account on the OPCC governance portal"
    assert "Dear Pat Reader" in mail.outbox[0].body


def test_a_rolled_back_change_sends_nothing(reader, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_welcome(reader)
        raise RuntimeError("the change failed")

    assert OutboundMessage.objects.count() == 0
    assert mail.outbox == []


def test_running_the_delivery_task_twice_sends_once(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        message = queue_welcome(reader)

    tasks.deliver_message.apply(args=[message.pk])
    tasks.deliver_message.apply(args=[message.pk])

    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)


def test_broker_down_at_save_time_saves_then_sweeper_delivers_once(
    reader, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(
            tasks.deliver_message, "apply_async", side_effect=BrokerUnavailable("refused")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        message = queue_welcome(reader)  # the user's change succeeds

    message.refresh_from_db()
    assert message.status == MessageStatus.PENDING
    assert mail.outbox == []

    assert outbox.sweep_outbox() == 1
    assert outbox.sweep_outbox() == 0
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


def test_transient_failure_backs_off_then_is_marked_failed(
    settings, reader, django_capture_on_commit_callbacks
):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=False):
        message = queue_welcome(reader)

    with mock.patch(
        "django.core.mail.EmailMultiAlternatives.send",
        side_effect=ConnectionRefusedError("mail server down"),
    ):
        outbox.deliver_message(message.pk)
        message.refresh_from_db()
        assert message.status == MessageStatus.PENDING
        assert message.next_attempt_at > timezone.now()
        assert outbox.sweep_outbox() == 0  # not due yet: the backoff is respected
        assert message.attempts == 1

        OutboundMessage.objects.filter(pk=message.pk).update(
            next_attempt_at=timezone.now() - timedelta(seconds=1)
        )
        outbox.sweep_outbox()

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 2
    assert "ConnectionRefusedError: mail server down" in message.last_error
    assert mail.outbox == []


def test_refused_address_fails_at_once(reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        message = queue_welcome(reader)

    refused = smtplib.SMTPRecipientsRefused({reader.email: (550, b"no such mailbox")})
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refused):
        outbox.deliver_message(message.pk)

    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 1)


def test_generated_document_is_attached_once_ready(
    people, reader, django_capture_on_commit_callbacks
):
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    with django_capture_on_commit_callbacks(execute=False):
        document = request_document(
            chief_executive, kind="record_history", title="History", of=people[Role.VISITOR]
        )
        message = queue_welcome(reader, documents=(document,))

    outbox.deliver_message(message.pk)
    message.refresh_from_db()
    assert message.status == MessageStatus.PENDING  # waits for the PDF
    assert "AttachmentNotReady" in message.last_error

    generate_document(document.pk)
    OutboundMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
    outbox.deliver_message(message.pk)

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    (filename, content, mimetype) = mail.outbox[0].attachments[0]
    assert filename == document.filename
    assert mimetype == "application/pdf"
    assert content.startswith(b"%PDF")


def test_staff_can_send_a_failed_message_again(
    client_for, reader, django_capture_on_commit_callbacks
):
    message = OutboundMessage.objects.create(
        kind="test",
        to=reader.email,
        subject="Try me again",
        body_text="Hello",
        status=MessageStatus.FAILED,
        attempts=6,
        last_error="SMTPServerDisconnected",
    )

    client = client_for(Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox_retry", args=[message.code]))

    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert [sent.subject for sent in mail.outbox] == ["Try me again"]


def test_sending_again_a_delivered_message_is_refused_with_a_message(client_for, reader):
    message = OutboundMessage.objects.create(
        kind="test",
        to=reader.email,
        subject="Sent already",
        body_text="Hello",
        status=MessageStatus.SENT,
        attempts=1,
    )

    response = client_for(Role.STAFF).post(
        reverse("outbox_retry", args=[message.code]), follow=True
    )

    assert "Only a failed notification can be sent again." in response.content.decode()
    assert mail.outbox == []


def test_unknown_message_gives_404(client_for):
    url = reverse("outbox_retry", args=["7d8e0c1a-0000-4000-8000-000000000000"])
    assert client_for(Role.STAFF).post(url).status_code == 404


def test_outbox_page_lists_deliveries_and_filters_by_status(client_for):
    OutboundMessage.objects.create(
        kind="t",
        to="a@example.org",
        subject="Delivered one",
        body_text="-",
        status=MessageStatus.SENT,
    )
    OutboundMessage.objects.create(
        kind="t",
        to="b@example.org",
        subject="Broken one",
        body_text="-",
        status=MessageStatus.FAILED,
        last_error="SMTPRecipientsRefused: b@example.org",
    )
    client = client_for(Role.CHIEF_EXECUTIVE)

    everything = client.get(reverse("outbox")).content.decode()
    failed_only = client.get(reverse("outbox"), {"status": "failed"}).content.decode()
    nonsense = client.get(reverse("outbox"), {"status": "<script>", "page": "x"})

    assert "Delivered one" in everything and "Broken one" in everything
    assert "Broken one" in failed_only and "Delivered one" not in failed_only
    assert "SMTPRecipientsRefused" in failed_only
    assert nonsense.status_code == 200
    assert "&lt;script&gt;" not in nonsense.content.decode()  # an unknown filter is ignored


@pytest.mark.parametrize("rows", [3, 60])
def test_outbox_page_queries_do_not_grow_with_rows(rows, client_for, django_assert_max_num_queries):
    recipients = UserFactory.create_batch(3, role=Role.PANEL)
    OutboundMessage.objects.bulk_create(
        OutboundMessage(
            kind="t",
            to=f"r{n}@example.org",
            recipient=recipients[n % 3],
            subject=f"Message {n}",
            body_text="-",
        )
        for n in range(rows)
    )
    client = client_for(Role.CHIEF_EXECUTIVE)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("outbox"))

    assert response.status_code == 200
    assert response.content.decode().count("govuk-table__row") == min(rows, 25) + 1


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_racing_for_one_message_send_it_once(reader):
    """On PostgreSQL the row is claimed with SELECT ... FOR UPDATE SKIP LOCKED."""
    import threading

    from django.db import connection

    assert connection.vendor == "postgresql", "run with DATABASE_URL set to PostgreSQL"
    message = OutboundMessage.objects.create(
        kind="t", to=reader.email, subject="Once only", body_text="-"
    )
    start = threading.Barrier(2)
    original_send = outbox.EmailMultiAlternatives.send

    def slow_send(email, *args, **kwargs):
        import time

        time.sleep(0.5)  # hold the row lock while the other worker arrives
        return original_send(email, *args, **kwargs)

    def worker():
        from django.db import connections

        start.wait()
        try:
            outbox.deliver_message(message.pk)
        finally:
            connections.close_all()

    with mock.patch.object(outbox.EmailMultiAlternatives, "send", slow_send):
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert [sent.subject for sent in mail.outbox] == ["Once only"]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)


def test_addresses_outside_the_portal_are_shown_only_to_the_chief_executive(client_for):
    # A complainant's address is personal data: staff see that a message went, not to whom.
    OutboundMessage.objects.create(
        kind="review_acknowledgement", to="member.of.public@example.org",
        subject="We have received your request", body_text="-", status=MessageStatus.SENT,
    )  # fmt: skip
    staff = client_for(Role.STAFF).get(reverse("outbox")).content.decode()
    chief_executive = client_for(Role.CHIEF_EXECUTIVE).get(reverse("outbox")).content.decode()
    assert "member.of.public@example.org" not in staff
    assert "An address outside the portal" in staff
    assert "member.of.public@example.org" in chief_executive


def test_plain_text_e_mails_are_not_html_escaped_but_html_bodies_are(db):
    from types import SimpleNamespace

    from opcc.outbox import queue_message

    category = SimpleNamespace(title="Staff's <pay>", refresh=SimpleNamespace(label="Every year"))
    message = queue_message(
        kind="transparency_overdue",
        to="ce@opcc.example",
        template="transparency_overdue",
        context={
            "row": SimpleNamespace(category=category, last_updated=None),
            "user": SimpleNamespace(full_name="Jo O'Neill"),
            "portal_url": "https://portal.example",
        },
    )

    assert "Dear Jo O'Neill," in message.body_text
    assert message.subject == "Transparency: Staff's <pay> is overdue"
    assert "Jo O&#x27;Neill" in message.body_html and "&lt;pay&gt;" in message.body_html
