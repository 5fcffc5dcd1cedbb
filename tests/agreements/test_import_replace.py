"""Importing a record again ("Replace") keeps what other records hang on its agreements."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agreements.importer import parse_record
from agreements.importer.commit import ImportRefused, record_import
from agreements.models import Agreement, AgreementLink, FollowUp, LinkKind, Status
from agreements.services import followup_record
from meetings.models import Meeting
from tests.agreements.test_admin_import import URL, commit_data, preview, staff_client  # noqa: F401
from tests.agreements.test_import_record import DOCUMENT, conference  # noqa: F401
from tests.factories import AgreementFactory, ts_staff_user
from tests.networks.factories import WorkPlanItemFactory

pytestmark = pytest.mark.django_db

# The same record, corrected: item 2 reworded, 3 dropped.
CORRECTED = DOCUMENT.replace(
    "2. To urge the Member Countries", "2. To strongly urge the Member Countries"
).replace(
    "3. To hold a regional workshop on labour migration in Costa Rica, with the support of IOM,\n"
    "during the first semester of 2017.\n",
    "",
)


def imported(text=DOCUMENT) -> Meeting:
    return record_import(record=parse_record(text).as_dict(), force=True).meeting


def test_replace_updates_kept_agreements_in_place_with_their_follow_up(conference):  # noqa: F811
    meeting = imported()
    urge = meeting.agreements.get(section="conclusion", ref="2")
    followup_record(agreement=urge, author=ts_staff_user(), status=Status.IN_PROGRESS)
    record_import(record=parse_record(CORRECTED).as_dict(), replace=True, force=True)
    kept = Agreement.objects.get(pk=urge.pk)
    assert kept.text_en.startswith("To strongly urge")
    assert kept.status == Status.IN_PROGRESS
    assert FollowUp.objects.filter(agreement=kept).count() == 1
    assert not meeting.agreements.filter(section="conclusion", ref="3").exists()


def test_replace_keeps_work_plan_links_and_lineage(conference):  # noqa: F811
    meeting = imported()
    thanks = meeting.agreements.get(section="conclusion", ref="1")
    item = WorkPlanItemFactory(agreement=thanks)
    earlier = AgreementFactory()
    AgreementLink.objects.create(later=thanks, earlier=earlier, kind=LinkKind.FOLLOWS_UP)
    record_import(record=parse_record(CORRECTED).as_dict(), replace=True, force=True)
    item.refresh_from_db()
    assert item.agreement_id == thanks.pk
    assert AgreementLink.objects.filter(later_id=thanks.pk, earlier=earlier).exists()


def test_replace_dropping_an_agreement_others_point_at_is_refused_and_changes_nothing(
    conference,  # noqa: F811
):
    meeting = imported()
    workshop = meeting.agreements.get(section="conclusion", ref="3")
    WorkPlanItemFactory(agreement=workshop)
    before = list(meeting.agreements.order_by("pk").values_list("pk", "text_en"))
    with pytest.raises(ImportRefused, match=r"Conclusion 3: 1 (work plan|work-plan)"):
        record_import(record=parse_record(CORRECTED).as_dict(), replace=True, force=True)
    assert list(meeting.agreements.order_by("pk").values_list("pk", "text_en")) == before


def test_the_command_explains_a_refused_replace_without_a_traceback(conference, tmp_path):  # noqa: F811
    meeting = imported()
    WorkPlanItemFactory(agreement=meeting.agreements.get(section="conclusion", ref="3"))
    path = tmp_path / "corrected.txt"
    path.write_text(CORRECTED)
    with pytest.raises(CommandError, match="other records point at"):
        call_command("import_record", str(path), replace=True, force=True, stderr=StringIO())


def test_the_preview_says_what_replace_deletes_and_what_hangs_on_kept_items(
    staff_client,  # noqa: F811
    conference,  # noqa: F811
):
    meeting = imported()
    urge = meeting.agreements.get(section="conclusion", ref="2")
    followup_record(agreement=urge, author=ts_staff_user(), status=Status.IN_PROGRESS)
    response = preview(staff_client, text=CORRECTED)
    plan = response.context["plan"]
    assert [a.ref for a in plan.deleted] == ["3"]
    assert [(a.ref, holds) for a, holds in plan.kept_holds] == [("2", ["1 follow-up update"])]
    assert "What Replace will do" in response.text


def test_a_replace_the_records_protect_is_a_message_in_the_admin_not_a_500(
    staff_client,  # noqa: F811
    conference,  # noqa: F811
):
    meeting = imported()
    WorkPlanItemFactory(agreement=meeting.agreements.get(section="conclusion", ref="3"))
    response = preview(staff_client, text=CORRECTED)
    refused = staff_client.post(
        URL, commit_data(response, **{"replace": "on", "confirm_warnings": "on"})
    )
    assert refused.status_code == 200
    assert "other records point at" in refused.text
    assert meeting.agreements.count() == 5
