"""The test run's live server, lending each request an open database connection.

Django's live server handles each request in a new thread, and each thread opens its own
connection to PostgreSQL and closes it when the request ends: a server process forked, signed
in and warmed for every request (about 3.5 ms, most of it the server's CPU). The fuzzing and
browser tests make thousands of requests. Here a request thread borrows an open connection
from the server's idle ones and gives it back, as a production server keeps its connections
(CONN_MAX_AGE); a connection left unusable by its request is closed, and the next borrower
opens a new one.
"""

import contextlib
import queue

from django.db import DEFAULT_DB_ALIAS, connections
from django.test.testcases import ThreadedWSGIServer


class ConnectionLendingServer(ThreadedWSGIServer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._idle = queue.LifoQueue()
        self._lent = []

    def process_request_thread(self, request, client_address):
        try:
            connection = self._idle.get_nowait()
        except queue.Empty:
            connection = connections.create_connection(DEFAULT_DB_ALIAS)
            # Opened in one request's thread, used in later ones': never two at once.
            connection.inc_thread_sharing()
            self._lent.append(connection)
        connections[DEFAULT_DB_ALIAS] = connection
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._idle.put(connection)

    def _close_connections(self):
        # Called as each request ends: keep the connection, unless the request left it broken
        # or inside a transaction.
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.connection is None:
            return  # a request that read nothing (a static file)
        try:
            if connection.in_atomic_block or not connection.autocommit:
                connection.close()
            else:
                connection.close_if_unusable_or_obsolete()
        except Exception:  # noqa: BLE001 - a request that outlived its test, whose database
            # access pytest-django has blocked since: the connection is dropped, not lent again.
            with contextlib.suppress(Exception):
                connection.close()

    def server_close(self):
        super().server_close()
        for connection in self._lent:
            connection.close()
