import django_filters
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingKind, MeetingStatus
from rcm.models import Country


class MeetingFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Kind"))
    year = django_filters.NumberFilter(label=_("Year"))
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(), label=_("Host country"), to_field_name="code"
    )
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, label=_("Status"))

    class Meta:
        model = Meeting
        fields = ["kind", "year", "country", "status"]
