"""A resource whose rows have no visibility rule is an error, never public."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from rcm.api.base import RecordViewSet
from rcm.api.router import router

pytestmark = pytest.mark.django_db


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = Group
        fields = ["id", "name"]


class GroupsWithoutARule(RecordViewSet):
    serializer_class = GroupSerializer

    def base_queryset(self):
        return Group.objects.all()


def test_a_resource_whose_model_has_no_visibility_rule_refuses_to_serve():
    Group.objects.create(name="Somebody's group")
    view = GroupsWithoutARule.as_view({"get": "list"})

    with pytest.raises(ImproperlyConfigured, match="visible_to"):
        view(APIRequestFactory().get("/api/v1/groups/"))


@pytest.mark.parametrize("action", ["list", "retrieve"])
@pytest.mark.parametrize(
    "prefix, viewset", [(prefix, viewset) for prefix, viewset, _ in router.registry]
)
def test_every_resource_of_the_api_has_a_visibility_rule(prefix, viewset, action):
    resource = viewset(action=action, kwargs={}, format_kwarg=None)
    resource.request = Request(APIRequestFactory().get(f"/api/v1/{prefix}/"))
    resource.request.user = AnonymousUser()

    rows = resource.base_queryset()

    assert hasattr(rows, "visible_to"), f"/api/v1/{prefix}/ serves rows without a visibility rule"
