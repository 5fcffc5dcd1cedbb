"""Dates as Spanish writes them: 31 de marzo de 2022, 30 abr 2014 (months in lower case)."""

DATE_FORMAT = r"j \d\e F \d\e Y"
SHORT_DATE_FORMAT = "j b Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
SHORT_DATETIME_FORMAT = "j b Y H:i"
