"""rcm.api.rows.PlainRepresentation reads a serializer's declared fields faster than DRF, and
must give exactly what DRF gives."""

import datetime
from types import SimpleNamespace

from rest_framework import serializers

from rcm.api.rows import PlainRepresentation


class RowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="body.name", read_only=True)
    label = serializers.CharField(source="describe")
    on = serializers.DateField()
    missing = serializers.CharField(read_only=True)
    empty = serializers.CharField(source="nothing", allow_null=True)
    upper = serializers.SerializerMethodField()

    def get_upper(self, row) -> str:
        return row.body.name.upper() if row.body else ""


class PlainRowSerializer(PlainRepresentation, RowSerializer):
    pass


def row(pk, body):
    return SimpleNamespace(
        id=pk,
        body=body,
        describe=lambda: f"row {pk}",
        on=datetime.date(2014, 3, 31) if pk % 2 else None,
        nothing=None,
    )


def test_plain_representation_gives_what_drf_gives_for_every_kind_of_source():
    rows = [row(1, SimpleNamespace(name="RCGM")), row(2, None), row(3, SimpleNamespace(name="x"))]

    plain = PlainRowSerializer(rows, many=True).data
    drf = RowSerializer(rows, many=True).data

    assert plain == drf
    assert [list(r) for r in plain] == [list(r) for r in drf]
    assert plain[0] == {
        "id": 1,
        "name": "RCGM",
        "label": "row 1",
        "on": "2014-03-31",
        "empty": None,
        "upper": "RCGM",
    }


def test_each_serializer_gets_fields_of_its_own():
    first, second = PlainRowSerializer(), PlainRowSerializer()

    assert first.fields["upper"].parent is first
    assert second.fields["upper"].parent is second
