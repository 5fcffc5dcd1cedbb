"""The conference core: countries, organisations, focal points, presidencies and users, one
module a topic; import them from here."""

from rcm.models.base import *  # noqa: F403
from rcm.models.base import FIRST_YEAR, Bilingual, Role, Visibility, source, year_field  # noqa: F401
from rcm.models.countries import *  # noqa: F403
from rcm.models.organisations import *  # noqa: F403
from rcm.models.people import *  # noqa: F403
from rcm.models.people import ANONYMOUS, Access, access_for, may_keep_focal_points  # noqa: F401
from rcm.models.presidencies import *  # noqa: F403
