"""The finance app's API resources, registered on the one router (rcm/api/router.py)."""


def register(router) -> None:
    """Add this app's viewsets to the router."""
