"""import_record: from a meeting's document to records, all or nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from agreements.importer.commit import ImportRefused, record_import
from agreements.models import Agreement, AgreementCountry
from meetings.models import Meeting, MeetingKind
from rcm.models import OrganisationKind
from tests.factories import MeetingFactory, OrganisationFactory, member_country

pytestmark = pytest.mark.django_db

MEMBERS = {
    "BZ": "Belize", "CA": "Canada", "CR": "Costa Rica", "DO": "Dominican Republic",
    "SV": "El Salvador", "GT": "Guatemala", "HN": "Honduras", "MX": "Mexico",
    "NI": "Nicaragua", "PA": "Panama", "US": "United States",
}  # fmt: skip
DOCUMENT = """REGIONAL CONFERENCE ON MIGRATION (RCM)
Meeting of the Regional Consultation Group on Migration (RCGM)

Panama City, Panama
March 3 – 4, 2016

The Regional Consultation Group on Migration (RCGM), at a meeting held on March 3-4, 2016 in
Panama City, Panama with the participation of representatives from Canada, Costa Rica, Mexico
and Panama reached the following:

CONCLUSIONS

1. To thank Panama for hosting the meeting.
2. To urge the Member Countries to pay their contributions as soon as possible.
a. The TS will circulate the report within a two-month period.
3. To hold a regional workshop on labour migration in Costa Rica, with the support of IOM,
during the first semester of 2017.

RECOMMENDATIONS

1. To recommend approval of the 2017 budget.
"""


@pytest.fixture
def conference(db):
    for code, name in MEMBERS.items():
        member_country(code, name_en=name, name_es=name)
    for acronym in ("TS", "PPT", "RCGM", "VMM"):
        OrganisationFactory(acronym=acronym, kind=OrganisationKind.CONFERENCE_BODY)
    OrganisationFactory(acronym="IOM", name_en="International Organization for Migration")


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "rcgm-2016-03.txt"
    path.write_text(DOCUMENT)
    return path


def run(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("import_record", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_prints_the_json_contract_and_writes_nothing(conference, document):
    out, _ = run(str(document), dry_run=True, format="json")
    data = json.loads(out)
    assert data["meeting"]["participants"] == ["CA", "CR", "MX", "PA"]
    assert data["meeting"]["start"] == "2016-03-03"
    first = data["agreements"][0]
    assert (first["ref"], first["section"], first["action"]) == ("1", "conclusion", "thank")
    assert data["agreements"][1]["children"][0]["deadline"] == "2016-05-04"
    assert not Meeting.objects.exists()


def test_a_dry_run_names_the_meeting_already_recorded(conference, document):
    meeting = MeetingFactory(
        kind=MeetingKind.RCGM, starts_on="2016-03-03", ends_on="2016-03-04", year=2016
    )
    out, _ = run(str(document), dry_run=True, format="json")
    assert json.loads(out)["existing_meeting"] == meeting.pk


def test_importing_creates_the_meeting_its_agreements_and_actors(conference, document):
    run(str(document))
    meeting = Meeting.objects.get(kind=MeetingKind.RCGM)
    assert meeting.participations.count() == 4
    refs = list(meeting.agreements.order_by("position").values_list("section", "ref"))
    assert refs == [
        ("conclusion", "1"), ("conclusion", "2"), ("conclusion", "2.a"), ("conclusion", "3"),
        ("recommendation", "1"),
    ]  # fmt: skip
    urge = meeting.agreements.get(ref="2")
    assert AgreementCountry.objects.filter(agreement=urge, responsible=True).count() == 11
    assert meeting.agreements.get(ref="1", section="conclusion").status == "no_follow_up"


def test_an_agreement_to_hold_a_workshop_proposes_a_planned_activity(conference, document):
    run(str(document))
    workshop = Agreement.objects.get(ref="3").proposed_activities.get()
    assert (workshop.kind, workshop.status, workshop.year) == ("workshop", "planned", 2017)
    assert workshop.supports.get().organisation.acronym == "IOM"


def test_importing_the_same_document_twice_is_refused_naming_the_meeting(conference, document):
    run(str(document))
    with pytest.raises(CommandError, match=r"RCGM Panama City 2016 \(meeting \d+\) already has 5"):
        run(str(document))
    assert Agreement.objects.count() == 5


def test_replace_imports_the_document_again(conference, document):
    run(str(document))
    run(str(document), replace=True)
    assert Agreement.objects.count() == 5
    assert Meeting.objects.filter(status="planned").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("scan.pdf", b"%PDF-1.4 binary", "PDF"),
        ("binary.txt", b"\x00\x01\x02\x03" * 50, "binary"),
        (
            "notes.txt",
            b"Some notes without any numbered item at all.",
            "No numbered agreements|not a meeting record",
        ),
    ],
)
def test_a_document_that_cannot_be_read_gives_a_clear_error(
    conference, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not Meeting.objects.exists()


def test_a_missing_file_gives_a_clear_error(conference, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.txt"))


def test_warnings_need_confirmation(conference, tmp_path):
    path = tmp_path / "jump.txt"
    path.write_text(DOCUMENT.replace("3. To hold", "5. To hold"))
    with pytest.raises(CommandError, match="warnings"):
        run(str(path))
    assert not Agreement.objects.exists()
    run(str(path), force=True)
    assert Agreement.objects.filter(ref="5").exists()


def test_an_actor_the_records_do_not_know_is_a_warning_on_its_item(conference, tmp_path):
    path = tmp_path / "unknown.txt"
    path.write_text(DOCUMENT.replace("with the support of IOM", "with the support of UNICEF"))
    out, _ = run(str(path), dry_run=True, format="json")
    item = json.loads(out)["agreements"][2]
    assert "UNICEF is not a recorded country or organisation." in item["warnings"]
    assert "UNICEF" not in item["actors"]


def test_a_spanish_document_is_read(conference):
    spanish = Path(settings.BASE_DIR) / "tests/agreements/documents"
    path = spanish / "grcm-2017-06-tegucigalpa-conclusiones.txt"
    out, _ = run(str(path), dry_run=True, format="json")
    data = json.loads(out)
    assert data["meeting"]["language"] == "es"
    assert data["agreements"][0]["ref"] == "1"


@hypothesis_settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0, max_value=4), defect=st.sampled_from(["date", "text"]))
def test_a_defect_at_any_row_leaves_every_table_unchanged(conference, position, defect):
    from agreements.importer import parse_record

    record = parse_record(DOCUMENT).as_dict()
    items = []

    def walk(nodes):
        for node in nodes:
            items.append(node)
            walk(node["children"])

    walk(record["agreements"])
    if defect == "date":
        items[position]["deadline"] = "2016-02-30"
    else:
        items[position]["text"] = "   "
    before = (Meeting.objects.count(), Agreement.objects.count(), AgreementCountry.objects.count())
    with pytest.raises(ImportRefused):
        record_import(record=record, force=True)
    after = (Meeting.objects.count(), Agreement.objects.count(), AgreementCountry.objects.count())
    assert after == before
