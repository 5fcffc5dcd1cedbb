"""What every API resource shares: visibility, ETags and preconditions, CSV export, errors.

Each app's API views subclass `RecordViewSet` and say only what is particular to them:
the queryset, the serializers, the filters.
"""

from __future__ import annotations

import copy
import hashlib

import orjson
from django.core.exceptions import ImproperlyConfigured
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.utils.http import parse_etags, quote_etag
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from rcm import records_cache
from rcm.models import Access, access_for
from rcm.problems import PreconditionFailed, PreconditionRequired
from rcm.renderers import CSVRenderer, csv_rows

CSV_CHUNK_SIZE = 2000


def representation_etag(data) -> str:
    """A strong ETag: the hash of exactly what the client would receive."""
    payload = orjson.dumps(data, option=orjson.OPT_SORT_KEYS, default=str)
    return quote_etag(hashlib.blake2b(payload, digest_size=16).hexdigest())


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match on a read: `*` matches any current representation."""
    tags = parse_etags(header)
    return "*" in tags or etag in tags


# `If-Match: *` holds for any version, so it would let a writer overwrite changes it never read:
# the API refuses it on updates and deletions, as if If-Match were missing.
WILDCARD_IF_MATCH = (
    "If-Match: * does not say which version you read; send the ETag of the version you are "
    "changing."
)
WRITES_OF_A_RECORD = {"update", "partial_update", "destroy"}


class ModelRulesSerializer(serializers.ModelSerializer):
    """A write serializer that holds data to the model's own rules (`full_clean`).

    The rules live on the models; this runs them on a copy of the instance so that the API
    refuses exactly what the admin and the services refuse, with the same messages.
    """

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        many_to_many = {f.name for f in model._meta.many_to_many}
        candidate = copy.copy(self.instance) if self.instance is not None else model()
        for name, value in attrs.items():
            if name not in many_to_many:
                setattr(candidate, name, value)
        fields = [field for field in model._meta.concrete_fields if field.name in self.fields]
        before = {field.attname: getattr(candidate, field.attname) for field in fields}
        try:
            candidate.full_clean()
        except DjangoValidationError as error:
            if hasattr(error, "error_dict"):
                raise serializers.ValidationError(error.message_dict) from None
            raise serializers.ValidationError({"non_field_errors": error.messages}) from None
        # What clean() settles on the copy is saved too, not only checked: a meeting posted
        # without a year gets no date precision there, and the database refuses one with it.
        for field in fields:
            if getattr(candidate, field.attname) != before[field.attname]:
                attrs[field.name] = getattr(candidate, field.name)
        return attrs


class RecordViewSet(viewsets.ModelViewSet):
    """A resource of the records: visible rows only, ETags on details, CSV on lists.

    `serializer_class` is the detail representation (and the one the ETag hashes);
    `list_serializer_class` and `write_serializer_class` may differ from it.
    """

    lookup_value_regex = r"[0-9]+"
    list_serializer_class = None
    write_serializer_class = None
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class:
            return self.list_serializer_class
        if self.action in {"create", "update", "partial_update"} and self.write_serializer_class:
            return self.write_serializer_class
        return self.serializer_class

    def detail_data(self, instance) -> dict:
        return self.serializer_class(instance, context=self.get_serializer_context()).data

    @property
    def access(self) -> Access:
        return access_for(self.request.user)

    def base_queryset(self):
        raise NotImplementedError

    def filter_queryset(self, queryset):
        # A detail asked for without query parameters: the filters would each leave the rows
        # as they are, after building a filterset and its form on every request.
        if self.action == "retrieve" and not self.request.query_params:
            return queryset
        return super().filter_queryset(queryset)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Here, before any subclass's own precondition check: every resource refuses it alike.
        if self.action in WRITES_OF_A_RECORD and "*" in parse_etags(
            request.headers.get("If-Match", "")
        ):
            raise PreconditionRequired(WILDCARD_IF_MATCH)

    def get_queryset(self):
        queryset = self.base_queryset()
        # Fail closed: a resource whose rows have no visibility rule is a mistake, never public.
        if not hasattr(queryset, "visible_to"):
            raise ImproperlyConfigured(
                f"{type(self).__name__} serves {type(queryset).__name__} rows, which have no "
                "visible_to(access): give the model's queryset its visibility rule."
            )
        return queryset.visible_to(self.access)

    # --- reading -------------------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        """A page of the list, with an ETag; If-None-Match with it answers 304 Not Modified.

        The page is kept until the records change (rcm.records_cache): as plain JSON values,
        which every renderer writes as it would have written the serializers' own.
        """
        if isinstance(request.accepted_renderer, CSVRenderer):
            return self.csv_response()

        def page() -> tuple[object, str]:
            data = super(RecordViewSet, self).list(request, *args, **kwargs).data
            return orjson.loads(orjson.dumps(data, default=str)), representation_etag(data)

        data, etag = records_cache.kept_value(request, f"api:{self.basename}", page)
        if etag_matches(request.headers.get("If-None-Match", ""), etag):
            return not_modified(etag)
        return Response(data, headers={"ETag": etag})

    def retrieve(self, request, *args, **kwargs):
        """The record with its ETag; If-None-Match with it answers 304 Not Modified.

        The ETag hashes the representation itself, so it changes whenever anything the client
        sees changes (a related country's status, a child's progress, the date that makes an
        agreement overdue) and If-Match holds writers to the version they read. A resource
        whose representation comes in one query, as agreements do, answers a 304 with that
        one query.
        """
        data = self.detail_data(self.get_object())
        etag = representation_etag(data)
        if etag_matches(request.headers.get("If-None-Match", ""), etag):
            return not_modified(etag)
        return Response(data, headers={"ETag": etag})

    def csv_response(self):
        queryset = self.filter_queryset(self.get_queryset())
        serializer_class = self.list_serializer_class or self.serializer_class
        context = self.get_serializer_context()
        header = list(serializer_class(context=context).fields.keys())

        def rows():
            for instance in queryset.iterator(chunk_size=CSV_CHUNK_SIZE):
                yield serializer_class(instance, context=context).data

        response = StreamingHttpResponse(
            csv_rows(header, rows()), content_type="text/csv; charset=utf-8"
        )
        name = self.basename or "records"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response

    # --- writing: optimistic concurrency through If-Match ----------------------------------------

    def get_locked_object(self):
        """The object, locked until the end of the transaction, so two writers queue.

        The row is locked on its own (a visible queryset may use DISTINCT or outer joins,
        which PostgreSQL does not lock), then read again through the visible queryset.
        """
        queryset = self.filter_queryset(self.get_queryset())
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        instance = queryset.filter(**lookup).first()
        if instance is None:
            raise Http404
        model = type(instance)
        lock = model._default_manager.select_for_update().filter(pk=instance.pk).order_by()
        list(lock.values("pk"))
        instance = queryset.get(pk=instance.pk)
        self.check_object_permissions(self.request, instance)
        return instance

    def check_precondition(self, instance) -> None:
        header = self.request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired()
        if "*" in parse_etags(header):
            raise PreconditionRequired(WILDCARD_IF_MATCH)
        current = representation_etag(self.detail_data(instance))
        if current not in parse_etags(header):
            raise PreconditionFailed()

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_locked_object()
            self.check_precondition(instance)
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        data = self.detail_data(self.get_object())
        return Response(data, headers={"ETag": representation_etag(data)})

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self.get_locked_object()
            self.check_precondition(instance)
            self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.perform_create(serializer)
        instance = self.get_queryset().get(pk=serializer.instance.pk)
        data = self.detail_data(instance)
        return Response(
            data, status=status.HTTP_201_CREATED, headers={"ETag": representation_etag(data)}
        )


def not_modified(etag: str) -> Response:
    return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})


class ReadOnlyRecordViewSet(RecordViewSet):
    http_method_names = ["get", "head", "options"]
