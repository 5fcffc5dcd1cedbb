import django_filters
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, MeetingKind, MeetingState, MeetingStatus
from rcm.models import Country


class MeetingFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=MeetingKind.choices, label=_("Kind"), empty_label=_("All")
    )
    year = django_filters.NumberFilter(label=_("Year"))
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(),
        label=_("Host country"),
        to_field_name="code",
        empty_label=_("All"),
    )
    # Two filters a reader would both call "status": as recorded, and where the meeting stands
    # today (a planned meeting whose date passed is "not confirmed").
    status = django_filters.ChoiceFilter(
        choices=MeetingStatus.choices, label=_("Status as recorded"), empty_label=_("All")
    )
    state = django_filters.ChoiceFilter(
        choices=MeetingState.choices,
        label=_("Where it stands"),
        method="filter_state",
        empty_label=_("All"),
    )

    class Meta:
        model = Meeting
        fields = ["kind", "year", "country", "status", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the reader's language (Belice, República Dominicana).
        self.form.fields["country"].label_from_instance = lambda country: country.name

    def filter_state(self, queryset, name, value):
        """As readers see it: *planned* leaves out the planned meetings whose date passed,
        which are *not confirmed*."""
        not_confirmed = Meeting.objects.not_confirmed_q()
        if value == MeetingState.NOT_CONFIRMED:
            return queryset.filter(not_confirmed)
        return queryset.filter(status=value).exclude(not_confirmed)
