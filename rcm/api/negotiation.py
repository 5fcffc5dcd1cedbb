"""Content negotiation that answers an unknown or empty ?format= with 406 Not Acceptable.

Django REST framework answers 404 for a format no renderer offers and ignores an empty one; a
client asking for a format should learn that it is not offered, whatever the method.
"""

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class StrictFormatNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        parameter = self.settings.URL_FORMAT_OVERRIDE
        if not format_suffix and parameter and parameter in request.query_params:
            requested = request.query_params.getlist(parameter)
            offered = {renderer.format for renderer in renderers}
            if len(requested) > 1 or requested[0] not in offered:
                raise NotAcceptable("format is one of: " + ", ".join(sorted(offered)) + ".")
        return super().select_renderer(request, renderers, format_suffix)
