"""The finance records as the API shows them: amounts as strings with two decimals, in USD. One
module a topic; import them from here."""

from finance.api.serializers.budgets import *  # noqa: F403
from finance.api.serializers.contributions import *  # noqa: F403
from finance.api.serializers.fields import *  # noqa: F403
from finance.api.serializers.reports import *  # noqa: F403
