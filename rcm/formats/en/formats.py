"""Dates as the conference's English documents write them: 31 March 2022, 30 Apr 2014."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
