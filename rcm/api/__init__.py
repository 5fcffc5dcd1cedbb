"""The REST API: shared machinery (base, schema) and the one router (router.py)."""
