"""Deadlines found in an agreement's text and resolved to a date."""

import datetime as dt

import pytest

from agreements.importer import find_date_range, resolve_deadline

NOV_19_2013 = dt.date(2013, 11, 19)
JUNE_1_2017 = dt.date(2017, 6, 1)


def deadline(text, last_day=NOV_19_2013, language="en"):
    return resolve_deadline(text, last_day, language)


# --- Periods resolve to their last day -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "during the I semester of 2018",
        "in the first semester of 2018",
        "first semester of 2018",
        "I semester of 2018",
        "durante el primer semestre de 2018",
        "el primer semestre de 2018",
        "en el I semestre de 2018",
        "in the first half of 2018",
    ],
)
def test_first_semester_resolves_to_its_last_day(text):
    result = deadline(text, JUNE_1_2017)
    assert (result.date, result.precision) == (dt.date(2018, 6, 30), "semester")


def test_second_semester_resolves_to_the_end_of_the_year():
    assert deadline("in the second semester of 2018", JUNE_1_2017).date == dt.date(2018, 12, 31)
    assert deadline("durante el segundo semestre de 2018", JUNE_1_2017).date == dt.date(
        2018, 12, 31
    )


def test_first_quarter_of_the_year_resolves_to_march_31():
    result = deadline("Request the review no later than the first quarter of the year 2022.")
    assert result.date == dt.date(2022, 3, 31)
    assert result.phrase == "no later than the first quarter of the year 2022"
    assert result.precision == "quarter"


def test_spanish_quarter_resolves_to_its_last_day():
    assert deadline("a más tardar el tercer trimestre de 2019").date == dt.date(2019, 9, 30)


def test_mid_year_at_the_latest_resolves_to_june_30():
    result = deadline("The study will be ready in mid-2019 at the latest.", JUNE_1_2017)
    assert (result.date, result.phrase) == (dt.date(2019, 6, 30), "in mid-2019 at the latest")


@pytest.mark.parametrize("text", ["in 2018", "during 2018", "en 2018", "durante 2018"])
def test_a_future_year_resolves_to_december_31(text):
    result = deadline(f"Countries will send their reports {text}.", JUNE_1_2017)
    assert (result.date, result.precision) == (dt.date(2018, 12, 31), "year")


@pytest.mark.parametrize(
    "text", ["April 2014", "on April 2014", "abril de 2014", "en abril de 2014"]
)
def test_a_month_resolves_to_its_last_day(text):
    result = deadline(text)
    assert (result.date, result.precision) == (dt.date(2014, 4, 30), "month")


@pytest.mark.parametrize(
    "text",
    ["a finales de marzo de 2015", "by the end of March 2015", "antes de finales de marzo de 2015"],
)
def test_the_end_of_a_month_resolves_to_its_last_day(text):
    assert deadline(text).date == dt.date(2015, 3, 31)


@pytest.mark.parametrize(
    "text",
    ["no later than 15 May 2016", "a más tardar el 15 de mayo de 2016", "by May 15th, 2016"],
)
def test_a_full_date_resolves_to_that_day(text):
    result = deadline(text)
    assert (result.date, result.precision) == (dt.date(2016, 5, 15), "day")


def test_a_planned_activity_to_be_held_on_a_month_has_that_month_as_deadline():
    text = "a workshop on that same topic, which should be held on April 2014, within the framework"
    result = deadline(text)
    assert (result.date, result.phrase) == (dt.date(2014, 4, 30), "should be held on April 2014")


# --- Relative periods count from the meeting's last day ------------------------------------------


def test_within_a_two_month_period_counts_from_the_meeting():
    result = deadline("circulated by the TS for feedback within a two-month period.")
    assert result.date == dt.date(2014, 1, 19)
    assert (result.phrase, result.precision) == ("within a two-month period", "relative")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 30 days", dt.date(2013, 12, 19)),
        ("within the next six months", dt.date(2014, 5, 19)),
        ("within two weeks", dt.date(2013, 12, 3)),
        ("en un plazo de dos meses", dt.date(2014, 1, 19)),
        ("en un plazo máximo de 15 días", dt.date(2013, 12, 4)),
        ("dentro de los próximos seis meses", dt.date(2014, 5, 19)),
        ("within five working days", dt.date(2013, 11, 26)),
        ("en un plazo de cinco días hábiles", dt.date(2013, 11, 26)),
    ],
)
def test_relative_periods_count_from_the_meeting(text, expected):
    assert deadline(text).date == expected


def test_a_period_counted_from_a_future_event_keeps_its_phrase_without_a_date():
    result = deadline("The TS will circulate the agenda one month before the next meeting.")
    assert result.date is None
    assert result.phrase == "one month before the next meeting"
    assert result.precision == "relative"


def test_a_relative_period_without_a_meeting_date_has_no_date():
    result = resolve_deadline("within 30 days", None, "en")
    assert (result.date, result.phrase) == (None, "within 30 days")


# --- Days without a year -------------------------------------------------------------------------


def test_a_day_without_a_year_is_the_next_such_day_after_the_meeting():
    assert deadline("by March 31st").date == dt.date(2014, 3, 31)
    assert deadline("by March 31st", dt.date(2013, 2, 21)).date == dt.date(2013, 3, 31)


def test_a_spanish_day_without_a_year_is_the_next_such_day():
    assert deadline("antes del 31 de marzo", language="es").date == dt.date(2014, 3, 31)
    assert deadline("a más tardar el 31 de marzo", dt.date(2013, 2, 21)).date == dt.date(
        2013, 3, 31
    )


def test_at_the_latest_is_part_of_the_phrase():
    result = deadline("The RNCOM will send, by March 31st at the latest, a proposal.")
    assert result.phrase == "by March 31st at the latest"


# --- No date, phrase kept ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "as soon as possible",
        "lo antes posible",
        "a la brevedad",
        "a la brevedad posible",
        "in due course",
        "on a date to be determined",
        "en una fecha por definir",
        "oportunamente",
    ],
)
def test_vague_deadlines_keep_the_phrase_without_a_date(phrase):
    result = deadline(f"Countries should do so {phrase}.")
    assert (result.date, result.phrase, result.precision) == (None, phrase, "none")


def test_a_dated_deadline_wins_over_a_vague_one():
    result = deadline("as soon as possible and no later than 15 May 2016")
    assert result.date == dt.date(2016, 5, 15)


def test_text_without_a_deadline_has_an_empty_one():
    result = deadline("To thank Costa Rica for its presentation.")
    assert (result.date, result.phrase, result.precision) == (None, "", "")
    assert not result


# --- Dates that are not deadlines ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Regional Workshop held in San Jose, Costa Rica on September 17th – 18th, 2013.",
        "the Mano Amiga Emergency Plan in response to Haitian earthquake of January 2010.",
        "the Protocol of 2000 against the smuggling of migrants",
        "the High Level Dialogue held in July in Santiago, Chile.",
        "Seminario celebrado en La Antigua Guatemala los días 27 y 28 de agosto de 2013.",
        "To recommend approval of the 2022 Budget of the Executive Secretariat.",
        "el informe sobre las reuniones de la Coalición en 2014",
        "the report for the May – October 2013 period",
        "a meeting in January 2010",
    ],
)
def test_dates_that_describe_the_past_or_name_things_are_not_deadlines(text):
    assert deadline(text, dt.date(2014, 11, 25)).phrase == ""


def test_a_date_in_the_past_introduced_by_in_is_not_a_deadline():
    assert deadline("Countries reported progress in 2012.").phrase == ""


def test_a_future_date_after_to_be_held_in_is_a_deadline():
    result = deadline(
        "the next meeting, to be held in San José, Costa Rica, in June 2013", dt.date(2013, 2, 21)
    )
    assert result.date == dt.date(2013, 6, 30)


def test_the_budget_for_the_following_year_is_not_a_deadline():
    text = (
        "To accept Canada's recommendation to submit the budget for the following year "
        "one month in advance"
    )
    result = deadline(text, dt.date(2021, 12, 1))
    assert (result.date, result.phrase) == (None, "one month in advance")


# --- Numbers, months and ordinals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within two months", dt.date(2020, 3, 15)),
        ("within three months", dt.date(2020, 4, 15)),
        ("within six months", dt.date(2020, 7, 15)),
        ("en un plazo de dos meses", dt.date(2020, 3, 15)),
        ("en un plazo de tres meses", dt.date(2020, 4, 15)),
        ("en un plazo de seis (6) meses", dt.date(2020, 7, 15)),
        ("within fifteen days", dt.date(2020, 1, 30)),
        ("en un plazo de treinta días", dt.date(2020, 2, 14)),
    ],
)
def test_numbers_written_as_words_count(text, expected):
    assert deadline(text, dt.date(2020, 1, 15)).date == expected


def test_ordinal_suffixes_are_read():
    assert deadline("by April 1st, 2014").date == dt.date(2014, 4, 1)
    assert deadline("by the 2nd of May 2014").date == dt.date(2014, 5, 2)


# --- Meeting dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("November 18 – 19, 2013", dt.date(2013, 11, 18), dt.date(2013, 11, 19)),
        ("held on November 18 -19, 2013 in", dt.date(2013, 11, 18), dt.date(2013, 11, 19)),
        ("December 1, 2021", dt.date(2021, 12, 1), dt.date(2021, 12, 1)),
        ("20 - 21 February, 2013", dt.date(2013, 2, 20), dt.date(2013, 2, 21)),
        ("20 y 21 de febrero de 2013", dt.date(2013, 2, 20), dt.date(2013, 2, 21)),
        ("del 1 al 3 de diciembre de 2021", dt.date(2021, 12, 1), dt.date(2021, 12, 3)),
        ("November 30 – December 2, 2005", dt.date(2005, 11, 30), dt.date(2005, 12, 2)),
        ("30 de noviembre al 2 de diciembre de 2005", dt.date(2005, 11, 30), dt.date(2005, 12, 2)),
        ("los días 18, 19 y 20 de mayo de 2010", dt.date(2010, 5, 18), dt.date(2010, 5, 20)),
    ],
)
def test_meeting_dates_are_read_as_a_range(text, start, end):
    assert find_date_range(text) == (start, end)


def test_a_text_without_dates_has_no_range():
    assert find_date_range("Meeting of the RCGM") is None


# --- More ways of writing a deadline -------------------------------------------------------------


def test_mid_year_without_a_year_is_the_next_june_30():
    assert deadline("by mid-year").date == dt.date(2014, 6, 30)
    assert deadline("a mediados de año", JUNE_1_2017).date == dt.date(2017, 6, 30)


@pytest.mark.parametrize(
    "text", ["by the end of the year", "a finales del año", "antes de finales del presente año"]
)
def test_the_end_of_the_year_is_december_31_of_the_meeting_year(text):
    result = deadline(text)
    assert (result.date, result.phrase, result.precision) == (dt.date(2013, 12, 31), text, "year")


def test_a_period_after_this_meeting_counts_from_its_last_day():
    assert deadline("30 days after the meeting").date == dt.date(2013, 12, 19)
    assert deadline("un mes después de la reunión").date == dt.date(2013, 12, 19)


def test_a_date_range_of_a_planned_activity_ends_on_its_last_day():
    result = deadline("Workshop to be held from 10 to 12 March 2014.")
    assert result.date == dt.date(2014, 3, 12)
    assert result.phrase == "to be held from 10 to 12 March 2014"
    spanish = deadline("Taller a realizarse del 10 al 12 de marzo de 2014.")
    assert spanish.date == dt.date(2014, 3, 12)


def test_a_date_to_be_confirmed_has_no_date():
    assert deadline("Seminar on health (date to be confirmed).").phrase == "date to be confirmed"
    assert deadline("Seminario (fecha por confirmar).").phrase == "fecha por confirmar"


def test_at_least_a_month_in_advance_has_no_date():
    result = deadline("enviar las convocatorias con al menos un mes de anticipación")
    assert (result.date, result.precision) == (None, "relative")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The TS will present it at the next meeting of the RCGM.",
         "at the next meeting of the RCGM"),
        ("La ST lo presentará en la próxima reunión del GRCM.", "en la próxima reunión del GRCM"),
        ("To be presented at the next RCGM.", "at the next RCGM"),
        ("Se presentará en la próxima CRM.", "en la próxima CRM"),
    ],
)  # fmt: skip
def test_a_bodys_next_meeting_is_a_deadline_at_that_meeting_not_one_counted_from_this_one(
    text, phrase
):
    result = deadline(text)
    assert (result.date, result.phrase, result.precision) == (None, phrase, "meeting")
