"""send_reminders: one digest per focal point, with exactly the items due, in its language."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext, ngettext

from agreements.models import ReminderLog, Status
from meetings.models import MeetingStatus
from pages import reminders
from rcm.models import Visibility
from tests.consultations.factories import (
    answer_all,
    at,
    conference,
    in_members_round,
)
from tests.factories import (
    AgreementFactory,
    FocalPointFactory,
    MeetingFactory,
    focal_point_user,
)

pytestmark = pytest.mark.django_db

SUBJECT = "RCM Records: %(count)d item for %(country)s"
SUBJECT_PLURAL = "RCM Records: %(count)d items for %(country)s"
DAY = "2026-12-20"  # a Sunday; the members' round opened on Friday 18 December is open
TODAY = datetime.date(2026, 12, 20)


def in_language(language, words):
    with translation.override(language):
        return words()


def send(*args) -> str:
    out = StringIO()
    call_command("send_reminders", "--date", DAY, *args, stdout=out)
    return out.getvalue()


def message_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


@pytest.fixture
def setting():
    """Mexico's focal point reads Spanish (a declared contact); Guatemala's, English (an
    account). Honduras is a member with nothing due."""
    setting = conference(members=("MX", "GT", "CR", "HN"))
    FocalPointFactory(
        country=setting.countries["MX"],
        person_name="Ana Pérez",
        email="Ana.Perez@sre.example.mx",
        language="es",
    )
    setting.focal_points["GT"].email = "focal@minex.example.gt"
    setting.focal_points["GT"].save()
    for code in ("MX", "CR", "HN"):
        setting.focal_points[code].email = ""
        setting.focal_points[code].save()
    return setting


@pytest.fixture
def due(setting):
    """What is due for Mexico on 20 December 2026, and what is not."""
    mx, gt = setting.countries["MX"], setting.countries["GT"]
    text = "To submit the report on consular protection ({}).".format
    items = {
        "soon": AgreementFactory(
            responsible=[mx],
            deadline=datetime.date(2026, 12, 30),
            text_en=text("soon"),
            text_es="Presentar el informe sobre protección consular (pronto).",
        ),
        "overdue": AgreementFactory(
            responsible=[mx], deadline=datetime.date(2026, 11, 30), text_en=text("overdue")
        ),
        "later": AgreementFactory(
            responsible=[mx], deadline=datetime.date(2027, 1, 20), text_en=text("later")
        ),
        "done": AgreementFactory(
            responsible=[mx],
            deadline=datetime.date(2026, 12, 1),
            status=Status.DONE,
            text_en=text("done"),
        ),
        "mentioned": AgreementFactory(
            mentions=[mx], deadline=datetime.date(2026, 12, 22), text_en=text("mentioned")
        ),
        "guatemala": AgreementFactory(
            responsible=[gt], deadline=datetime.date(2026, 12, 22), text_en=text("guatemala")
        ),
        "no deadline": AgreementFactory(responsible=[mx], text_en=text("no deadline")),
    }
    planned = {"status": MeetingStatus.PLANNED, "city": "Tegucigalpa", "kind": "workshop"}
    items["meeting"] = MeetingFactory(
        name_en="Workshop on consular protection",
        name_es="Taller sobre protección consular",
        starts_on=datetime.date(2027, 1, 12),
        **planned,
    )
    items["members meeting"] = MeetingFactory(
        name_en="Closed-door preparatory meeting",
        starts_on=datetime.date(2027, 1, 13),
        visibility=Visibility.MEMBERS,
        **planned,
    )
    items["far meeting"] = MeetingFactory(
        name_en="Vice-Ministerial Meeting far away", starts_on=datetime.date(2027, 3, 1), **planned
    )
    items["restricted meeting"] = MeetingFactory(
        name_en="Restricted session",
        starts_on=datetime.date(2027, 1, 5),
        visibility=Visibility.RESTRICTED,
        **planned,
    )
    items["consultation"] = in_members_round(
        setting, subject="Joint statement on the migrant caravan"
    )
    answer_all(setting, items["consultation"], ["GT"], now=at("2026-12-19"))
    return items


def test_each_focal_point_gets_one_digest(setting, due):
    send()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana.perez@sre.example.mx",
        "focal@minex.example.gt",
    ]


def test_the_digest_holds_exactly_the_items_due(setting, due):
    send()
    digest = message_to("ana.perez@sre.example.mx").body
    for present in ("(pronto)", "(overdue)", "Taller sobre protección", "Closed-door preparatory"):
        assert present in digest
    assert "Joint statement on the migrant caravan" in digest
    for absent in (
        "(later)",
        "(done)",
        "(mentioned)",
        "(guatemala)",
        "(no deadline)",
        "far away",
        "Restricted session",
    ):
        assert absent not in digest
    assert message_to("ana.perez@sre.example.mx").subject == in_language(
        "es", lambda: ngettext(SUBJECT, SUBJECT_PLURAL, 5) % {"count": 5, "country": "México"}
    )


def test_a_country_that_answered_the_round_is_not_asked_again(setting, due):
    send()
    digest = message_to("focal@minex.example.gt").body
    assert "(guatemala)" in digest
    assert "Joint statement on the migrant caravan" not in digest


def test_the_digest_is_written_in_the_focal_points_language(setting, due):
    send()
    spanish = message_to("ana.perez@sre.example.mx")
    english = message_to("focal@minex.example.gt")
    heading = "AGREEMENTS YOUR COUNTRY MUST ACT ON"
    assert spanish.extra_headers["Content-Language"] == "es"
    assert in_language("es", lambda: gettext(heading)) in spanish.body
    assert "Presentar el informe sobre protección consular" in spanish.body  # text_es
    assert "30 de diciembre de 2026" in spanish.body
    assert "México" in spanish.subject
    assert english.extra_headers["Content-Language"] == "en"
    assert heading in english.body
    assert "22 December 2026" in english.body
    assert "Guatemala" in english.subject


def test_the_round_deadline_is_given_in_the_ppts_time(setting, due):
    send()
    digest = message_to("ana.perez@sre.example.mx").body
    assert "America/Mexico_City" in digest
    assert f"/consultations/{due['consultation'].pk}/" in digest


def test_the_digest_comes_also_as_html(setting, due):
    send()
    html, mimetype = message_to("focal@minex.example.gt").alternatives[0]
    assert mimetype == "text/html"
    assert "<li>" in html and "(guatemala)" in html


def test_running_twice_in_a_day_sends_nothing_new(setting, due):
    send()
    second = send()
    assert len(mail.outbox) == 2
    assert "0 digests sent" in second
    assert "2 already sent today" in second
    assert ReminderLog.objects.count() == 2


def test_an_unchanged_digest_is_not_repeated_within_a_week(setting, due):
    send()
    out = StringIO()
    call_command("send_reminders", "--date", "2026-12-21", stdout=out)
    assert len(mail.outbox) == 2
    assert "2 unchanged since an earlier digest" in out.getvalue()


def test_a_changed_digest_is_sent_the_next_day(setting, due):
    send()
    AgreementFactory(
        responsible=[setting.countries["GT"]],
        deadline=datetime.date(2026, 12, 31),
        text_en="A new task.",
    )
    call_command("send_reminders", "--date", "2026-12-21", stdout=StringIO())
    assert [m.to[0] for m in mail.outbox[2:]] == ["focal@minex.example.gt"]


def test_a_focal_point_with_nothing_due_gets_nothing(setting):
    out = send()
    assert mail.outbox == []
    assert "2 with nothing due" in out


def test_a_dry_run_sends_and_records_nothing(setting, due):
    out = send("--dry-run")
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()
    assert "2 digests would be sent" in out


def test_progress_and_a_summary_are_printed(setting, due):
    out = send().splitlines()
    assert out[0] == "1/2 focal@minex.example.gt: sent (3 items)"
    assert out[1] == "2/2 ana.perez@sre.example.mx: sent (5 items)"
    assert out[-1].startswith("2026-12-20: 2 digests sent to 2 focal points")


def test_inactive_contacts_and_contacts_without_an_address_get_nothing(setting, due):
    mexico = setting.countries["MX"]
    FocalPointFactory(country=mexico, person_name="Former", email="former@example.mx", active=False)
    FocalPointFactory(country=mexico, person_name="No e-mail")
    send()
    assert "former@example.mx" not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 2


def test_a_contact_and_its_account_with_one_address_get_one_digest(setting, due):
    account = focal_point_user(
        setting.countries["MX"], username="ana", email="ana.perez@sre.example.mx"
    )
    assert account.language == "en"
    send()
    (message,) = [m for m in mail.outbox if m.to == ["ana.perez@sre.example.mx"]]
    assert message.extra_headers["Content-Language"] == "es"  # the declared contact's


def test_the_digest_shows_only_what_a_focal_point_may_see(setting, due):
    hidden = AgreementFactory(
        responsible=[setting.countries["GT"]],
        deadline=datetime.date(2026, 12, 28),
        visibility=Visibility.RESTRICTED,
        text_en="A restricted decision.",
    )
    assert hidden.pk
    send()
    assert "A restricted decision." not in message_to("focal@minex.example.gt").body


def test_a_failed_send_is_retried_on_the_next_run(setting, due, monkeypatch):
    def fail(self, fail_silently=False):
        raise OSError("mail server down")

    monkeypatch.setattr(reminders.EmailMultiAlternatives, "send", fail)
    with pytest.raises(CommandError, match="could not be sent"):
        send()
    assert not ReminderLog.objects.exists()
    monkeypatch.undo()
    send()
    assert len(mail.outbox) == 2


def test_rounds_past_their_deadline_are_closed_with_no_answer_recorded(setting):
    consultation = in_members_round(setting, start=at("2026-01-05"))
    send()
    round = consultation.rounds.get(kind="members")
    assert round.closed_at is not None
    assert round.answers.filter(answer="no_answer").count() == 4


def test_a_bad_date_is_refused_with_the_expected_form(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "20/12/2026", stdout=StringIO())


def test_the_admin_previews_the_digest_a_focal_point_would_receive(client, setting, due):
    client.force_login(setting.ts)
    setting.ts.is_superuser = True
    setting.ts.save()
    response = client.get(
        "/admin/agreements/reminderlog/preview/",
        {"recipient": "ana.perez@sre.example.mx", "date": DAY},
    )
    assert response.status_code == 200
    assert "Presentar el informe sobre protección consular" in response.text
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_the_reminder_log_links_to_the_preview(client, setting):
    setting.ts.is_superuser = True
    setting.ts.save()
    client.force_login(setting.ts)
    response = client.get("/admin/agreements/reminderlog/")
    assert "/admin/agreements/reminderlog/preview/" in response.text


def test_the_admin_preview_is_for_staff_only(client, setting):
    client.force_login(setting.focal_points["GT"])
    response = client.get("/admin/agreements/reminderlog/preview/")
    assert response.status_code == 302


def test_the_progress_is_in_the_site_s_language_whatever_the_process_was_left_in(setting, due):
    with translation.override("es"):
        out = send().splitlines()
    assert out[0] == "1/2 focal@minex.example.gt: sent (3 items)"


def test_the_digest_writes_out_the_acronyms(setting, due):
    send()
    message = message_to("focal@minex.example.gt")
    assert "RCGM (Regional Consultation Group on Migration)" in message.body
    html, _ = message.alternatives[0]
    assert '<abbr title="Regional Consultation Group on Migration">RCGM</abbr>' in html


def test_the_spanish_digest_writes_out_each_spanish_acronym_once(setting, due):
    send()
    body = message_to("ana.perez@sre.example.mx").body
    name = in_language("es", lambda: gettext("Regional Consultation Group on Migration"))
    assert body.count(f"GRCM ({name})") == 1
    assert body.count("GRCM") > 1
