"""What the API and the agreements tables read with each agreement: its actors, themes,
children and lineage as arrays, in the one query that fetches the agreements."""

from __future__ import annotations

import functools

from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    BigIntegerField,
    CharField,
    Expression,
    IntegerField,
    JSONField,
)

from agreements.models import (
    Agreement,
    Status,
)
from rcm.models import (
    Access,
    access_for,
)


def _access(reader) -> Access:
    return reader if isinstance(reader, Access) else access_for(reader)


class CorrelatedSQL(Expression):
    """A fixed piece of SQL correlated with the agreement of the row it is read in.

    `{agreement}` in the SQL becomes the id column of the query's own agreement table, under
    whatever alias the query gives it. The SQL is written once, so compiling it costs nothing:
    the same subqueries as ORM expressions took longer to build and compile, on every request,
    than PostgreSQL took to run them for a detail.

    `{visible}` stands for a condition that keeps only the related agreements `visible` holds
    (the agreements a reader may see, `Agreement.objects.visible_to`); without `visible`, all of
    them (TS staff, and reads that show no related agreement).

    Kept as SQL because the benchmark shows the ORM cannot meet its target here. The same seven
    arrays as ArraySubquery/JSONObject/Subquery expressions (tried on 2026-12-03, `bench/run.py
    --quick`, two runs each, at L): the API's agreement detail took 57 and 65 ms against a limit
    of 4.5 and 9.2 ms, 12.7× and 7.1× (target ≤ 5×); with this SQL 40 and 38 ms, 4.2× and
    5.9×. The list of 50 passed either way (ORM 3.7× and 2.9×, SQL 2.7× and 2.5×; ≤ 8×).
    """

    def __init__(self, sql: str, output_field, visible=None):
        super().__init__(output_field=output_field)
        self.sql = sql
        self.visible = visible

    def as_sql(self, compiler, connection):
        agreement = compiler.quote_name_unless_alias(compiler.query.base_table)
        sql = self.sql.replace("{agreement}", f'{agreement}."id"')
        if "{visible:" not in sql:
            return sql, []
        alias = sql.split("{visible:", 1)[1].split("}", 1)[0]
        if self.visible is None:
            return sql.replace(f"{{visible:{alias}}}", "TRUE"), []
        visible_sql, params = self.visible.as_sql(connection)
        return sql.replace(f"{{visible:{alias}}}", f"{alias}.id IN ({visible_sql})"), list(params)

    def get_group_by_cols(self):
        return [self]


class VisibleAgreements:
    """The agreements a reader may see, as the SQL `{visible:…}` stands for: compiled once for
    the four arrays that name related agreements (children, progress, lineage both ways)."""

    def __init__(self, queryset):
        self.queryset = queryset
        self._compiled: dict[str, tuple[str, tuple]] = {}

    def as_sql(self, connection) -> tuple[str, tuple]:
        # The visibility rule itself, compiled on its own: its table is named as ours is, but
        # inside the IN (…) the name means the subquery's own table.
        if connection.alias not in self._compiled:
            query = self.queryset.order_by().values("pk").query
            self._compiled[connection.alias] = query.get_compiler(connection=connection).as_sql()
        return self._compiled[connection.alias]


def _links(towards: str, away: str) -> str:
    """Lineage links to earlier or later agreements, in document order."""
    return (
        f"ARRAY(SELECT JSONB_BUILD_OBJECT('id', l.{towards}_id, 'kind', l.kind, 'ref', a.ref,"
        " 'meeting', a.meeting_id) FROM agreements_agreementlink l"
        f" JOIN agreements_agreement a ON a.id = l.{towards}_id"
        f" WHERE l.{away}_id = {{agreement}} AND {{visible:a}} ORDER BY a.position)"
    )


API_ANNOTATIONS = {
    "api_countries": (
        "ARRAY(SELECT JSONB_BUILD_OBJECT('code', c.country_id, 'responsible', c.responsible,"
        " 'status', c.status) FROM agreements_agreementcountry c"
        " WHERE c.agreement_id = {agreement} ORDER BY c.country_id)",
        ArrayField(JSONField()),
    ),
    "api_organisations": (
        "ARRAY(SELECT JSONB_BUILD_OBJECT('code', o.acronym, 'responsible', ao.responsible)"
        " FROM agreements_agreementorganisation ao"
        " JOIN rcm_organisation o ON o.id = ao.organisation_id"
        " WHERE ao.agreement_id = {agreement} ORDER BY o.acronym)",
        ArrayField(JSONField()),
    ),
    "api_themes": (
        "ARRAY(SELECT t.code FROM agreements_agreement_themes at"
        " JOIN agreements_theme t ON t.id = at.theme_id"
        " WHERE at.agreement_id = {agreement} ORDER BY t.code)",
        ArrayField(CharField()),
    ),
    "api_children": (
        "ARRAY(SELECT c.id FROM agreements_agreement c"
        " WHERE c.parent_id = {agreement} AND {visible:c} ORDER BY c.position)",
        ArrayField(BigIntegerField()),
    ),
    "api_children_done": (
        "(SELECT count(*) FROM agreements_agreement c"
        f" WHERE c.parent_id = {{agreement}} AND c.status = '{Status.DONE}' AND {{visible:c}})",
        IntegerField(),
    ),
    "api_earlier": (_links("earlier", "later"), ArrayField(JSONField())),
    "api_later": (_links("later", "earlier"), ArrayField(JSONField())),
}
# Read by no page or representation, and large: the search vectors and meetings' summaries.
API_DEFERRED = (
    "search_vector",
    "meeting__search_vector",
    "meeting__summary",
    "meeting__parent__search_vector",
    "meeting__parent__summary",
)


def annotate_for_api(
    queryset, *, only: tuple[str, ...] | None = None, reader=None, states_in_sql: bool = True
):
    """Everything a representation needs, in the one query that fetches the agreements.

    Actors, themes, children and lineage come as arrays from correlated subqueries, so a page
    of any size costs the same number of queries and no serializer touches the database.
    `only` names the arrays wanted, when not all of them are. Children, progress and lineage
    name only the agreements `reader` (a user or an Access) may see; without a reader, all.

    The states (overdue, not reported, stale) come from with_states(), or with
    `states_in_sql=False` from the row itself (AgreementQuerySet.states_of, through the model's
    is_overdue, …): for a single agreement, building and compiling the three rules into its
    query took longer than PostgreSQL took to answer it (bench/README.md, agreement_detail).
    """
    access = None if reader is None else _access(reader)
    visible = None
    if access is not None and not access.is_ts_staff:
        visible = VisibleAgreements(Agreement.objects.visible_to(access))
    return (
        (queryset.with_states() if states_in_sql else queryset)
        .select_related("meeting", "meeting__country", "meeting__parent")
        .defer(*API_DEFERRED)
        .annotate(
            **{
                name: CorrelatedSQL(sql, output_field, visible)
                for name, (sql, output_field) in API_ANNOTATIONS.items()
                if only is None or name in only
            }
        )
    )


@functools.lru_cache(maxsize=512)
def _one_agreement_for_api(access: Access):
    return annotate_for_api(Agreement.objects.all(), reader=access, states_in_sql=False)


def one_agreement_for_api(reader):
    """The queryset a single agreement's representation is read from (the API's detail and its
    writes), built once per access: it holds no date and no row, only the reader's visibility, so
    each request clones it (as DRF does a view's `queryset`) instead of building its annotations
    anew, which took longer than PostgreSQL took to answer (bench/README.md, agreement_detail)."""
    return _one_agreement_for_api(_access(reader)).all()


def agreements_for_table(agreements):
    """The rows of an agreements table (the pages and the exports): codes of actors and
    responsible come along; the API's other arrays, which no table shows, do not."""
    return annotate_for_api(agreements, only=("api_countries", "api_organisations"))


def responsible_codes(agreement) -> list[str]:
    return [c["code"] for c in agreement.api_countries if c["responsible"]] + [
        o["code"] for o in agreement.api_organisations if o["responsible"]
    ]
