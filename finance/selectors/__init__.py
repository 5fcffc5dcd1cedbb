"""Reads the API, the pages and the exports share; every total is an SQL aggregate. One module
a topic; import them from here."""

from finance.selectors.contributions import *  # noqa: F403
from finance.selectors.funds import *  # noqa: F403
from finance.selectors.reports import *  # noqa: F403
