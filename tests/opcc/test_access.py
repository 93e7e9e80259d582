"""opcc.access: role, object permission, publication and the conflict rule, in that order."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from guardian.shortcuts import assign_perm

from opcc import access
from opcc.models import User
from opcc.roles import Role

pytestmark = pytest.mark.django_db


class PublishedComplaintLike:
    """Stands in for any record that names its subjects (a complaint about the Commissioner)."""

    is_published = True

    def __init__(self, subject):
        self.subject = subject

    def is_subject(self, user):
        return user.pk == self.subject.pk


def test_the_subject_of_a_record_never_sees_it_whatever_their_role(people):
    record = PublishedComplaintLike(subject=people[Role.PCC])
    people[Role.PCC].is_superuser = True  # not even a superuser

    assert access.can(people[Role.PCC], access.VIEW, record) is False
    assert access.can(people[Role.DEPUTY], access.VIEW, record) is True


def test_published_records_are_visible_to_the_public():
    record = PublishedComplaintLike(subject=User(pk=999))
    assert access.can(AnonymousUser(), access.VIEW, record) is True
    assert access.can(AnonymousUser(), access.CHANGE, record) is False


def test_role_permission_grants_every_record_of_the_model(people):
    assert access.can(people[Role.CHIEF_EXECUTIVE], access.VIEW, people[Role.PANEL])
    assert not access.can(people[Role.STAFF], access.VIEW, people[Role.PANEL])
    assert not access.can(people[Role.CHIEF_EXECUTIVE], access.CHANGE, people[Role.PANEL])


def test_object_permission_grants_one_record_and_no_other(people, client_for):
    staff, panel, visitor = people[Role.STAFF], people[Role.PANEL], people[Role.VISITOR]
    assign_perm("opcc.view_user", staff, panel)

    assert access.can(staff, access.VIEW, panel)
    assert not access.can(staff, access.VIEW, visitor)
    assert list(access.visible(staff, User.objects.all())) == [panel]

    client = client_for(Role.STAFF)
    assert client.get(reverse("record_history", args=["opcc", "user", panel.pk])).status_code == 200
    assert (
        client.get(reverse("record_history", args=["opcc", "user", visitor.pk])).status_code == 404
    )


def test_inactive_people_have_no_access(people):
    chief_executive = people[Role.CHIEF_EXECUTIVE]
    chief_executive.is_active = False
    assert not access.can(chief_executive, access.VIEW, people[Role.PANEL])


def test_object_for_gives_404_to_outsiders_and_403_to_lookers(people):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    panel = people[Role.PANEL]
    with pytest.raises(Http404):
        access.object_for(people[Role.STAFF], User.objects.all(), pk=panel.pk)
    with pytest.raises(PermissionDenied):
        access.object_for(
            people[Role.CHIEF_EXECUTIVE], User.objects.all(), access.CHANGE, pk=panel.pk
        )
    with pytest.raises(Http404):
        access.object_for(people[Role.CHIEF_EXECUTIVE], User.objects.all(), pk="not-a-number")


def test_role_groups_hold_the_users(people):
    for role, user in people.items():
        assert list(user.groups.values_list("name", flat=True)) == [role]


def test_changing_a_role_in_the_admin_moves_the_person_to_that_group(people):
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    admin_user = people[Role.CHIEF_EXECUTIVE]
    panel = people[Role.PANEL]
    panel.role = Role.VISITOR
    request = RequestFactory().post("/")
    request.user = admin_user
    site._registry[User].save_model(request, panel, form=None, change=True)

    assert list(panel.groups.values_list("name", flat=True)) == [Role.VISITOR]
    assert panel.history.first().role == Role.VISITOR
