"""The meetings app's models, one module a topic; import them from here. Each module names what
it exports in its __all__ (as django.db.models does)."""

from meetings.models.choices import *  # noqa: F403
from meetings.models.meetings import *  # noqa: F403
from meetings.models.participation import *  # noqa: F403
from meetings.models.querysets import *  # noqa: F403
