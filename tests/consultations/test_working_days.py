"""Five working days: Monday to Friday, counted from the day after opening, skipping the public
holidays of the PPT's country as the `holidays` package defines them."""

import datetime

import pytest

from consultations.working_days import end_of_day, ppt_time_zone, working_day_deadline

day = datetime.date.fromisoformat


def test_a_round_opened_by_mexico_on_thursday_17_december_2026_ends_on_the_24th():
    # 18 (Fri), 21, 22, 23, 24: the 25th is Christmas, a holiday in Mexico.
    assert working_day_deadline(day("2026-12-17"), "MX") == day("2026-12-24")


@pytest.mark.parametrize(
    ("opened", "country", "deadline", "why"),
    [
        ("2026-06-01", "MX", "2026-06-08", "Monday: Tuesday to Friday, then Monday"),
        ("2026-06-05", "MX", "2026-06-12", "Friday: the weekend does not count"),
        ("2026-06-06", "MX", "2026-06-12", "Saturday: counting starts on Monday"),
        ("2026-06-07", "MX", "2026-06-12", "Sunday: counting starts on Monday"),
        ("2026-12-18", "MX", "2026-12-28", "the fifth day would be Christmas, a Friday"),
        ("2026-12-30", "CR", "2027-01-07", "crosses the year end; 1 January is a holiday"),
        ("2026-12-24", "CR", "2027-01-04", "Christmas and New Year's Day both fall on Fridays"),
        ("2026-01-29", "MX", "2026-02-06", "Constitution Day, first Monday of February"),
        ("2026-03-30", "GT", "2026-04-08", "Holy Thursday and Good Friday in Guatemala"),
        ("2027-12-20", "US", "2027-12-28", "Christmas observed on Friday the 24th"),
        ("2026-12-16", "PA", "2026-12-24", "Panama's mourning day observed on Monday the 21st"),
    ],
)
def test_the_deadline_skips_weekends_and_the_ppt_country_holidays(opened, country, deadline, why):
    assert working_day_deadline(day(opened), country) == day(deadline), why


def test_the_same_days_count_differently_for_another_ppt():
    # 21 December 2026 is a holiday in Panama, not in Mexico.
    assert working_day_deadline(day("2026-12-16"), "MX") == day("2026-12-23")
    assert working_day_deadline(day("2026-12-16"), "PA") == day("2026-12-24")


def test_a_round_opened_on_a_holiday_counts_from_the_next_day():
    assert working_day_deadline(day("2026-12-25"), "MX") == day("2027-01-04")


def test_the_country_code_may_be_lower_case():
    assert working_day_deadline(day("2026-12-17"), "mx") == day("2026-12-24")


def test_a_country_the_holiday_calendar_does_not_know_counts_weekdays_only():
    assert working_day_deadline(day("2026-12-17"), "QQ") == day("2026-12-24")
    assert working_day_deadline(day("2026-12-18"), "QQ") == day("2026-12-25")


def test_the_number_of_days_can_change():
    assert working_day_deadline(day("2026-12-17"), "MX", days=1) == day("2026-12-18")
    assert working_day_deadline(day("2026-12-17"), "MX", days=10) == day("2027-01-04")


def test_a_period_has_at_least_one_working_day():
    with pytest.raises(ValueError):
        working_day_deadline(day("2026-12-17"), "MX", days=0)


def test_the_round_closes_at_the_end_of_the_deadline_day_in_the_ppt_time_zone():
    closes = end_of_day(day("2026-12-24"), ppt_time_zone("MX"))
    # Midnight in Mexico City is 06:00 UTC.
    assert closes == datetime.datetime(2026, 12, 25, 6, tzinfo=datetime.UTC)


def test_a_country_without_a_known_time_zone_uses_the_secretariats(settings):
    assert ppt_time_zone("QQ").key == settings.TIME_ZONE
