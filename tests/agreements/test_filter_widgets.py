"""The dashboard's and the matrix's filters write their widgets in Python (agreements/widgets.py):
the markup must stay exactly what Django's widget templates write."""

import pytest
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict

from agreements import selectors, widgets
from agreements.dashboard_filter import DashboardFilter
from agreements.models import Agreement, Theme
from meetings.models import Meeting
from rcm.models import Country

pytestmark = pytest.mark.django_db


def offered_filter(query: str) -> DashboardFilter:
    filterset = DashboardFilter(QueryDict(query), queryset=Agreement.objects.all())
    filterset.offer(
        selectors.FilterChoices(
            countries=[Country(code="MX", name_en="México & <Co>", name_es="México")],
            themes=[Theme(code="1", name_en='"Quoted" theme', name_es="Tema")],
            organisations=["IOM", "UNHCR"],
            meetings=[Meeting(pk=7, kind="rcgm", year=2019, name_en="A meeting", name_es="")],
        )
    )
    return filterset


def test_the_dashboard_filters_are_written_by_the_python_renderer():
    assert offered_filter("").form.renderer is widgets.RENDERER


@pytest.mark.parametrize(
    "query",
    [
        "",
        "country=MX&theme=1&status=open&status=done&section=recommendation&overdue=true"
        "&deadline_after=2020-01-02&q=a%22b%3Cc&meeting=7&organisation=IOM&not_reported=true",
    ],
)
def test_every_filter_widget_is_written_as_djangos_templates_write_it(query):
    fast = offered_filter(query).form
    django = offered_filter(query).form
    django.renderer = DjangoTemplates()
    for name in fast.fields:
        assert str(fast[name]) == str(django[name]), name
        for box, reference in zip(fast[name], django[name], strict=True):
            assert box.tag() == reference.tag(), name
            assert box.tag(wrap_label=True) == reference.tag(wrap_label=True), name
