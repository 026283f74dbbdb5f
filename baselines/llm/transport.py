"""One HTTP exchange that ends by a deadline and follows no redirect (``urllib.request`` underneath).

A socket time-out alone bounds each read, so a server trickling a byte every
half second could hold a request for ever. Here every read (status line,
headers, body) and every send waits at most the time left before the
deadline, so one number bounds connecting, sending and reading the whole
answer together. Proxies are used as ``urllib`` finds them in the environment;
a proxy's CONNECT answer is bounded per read only.
"""

from __future__ import annotations

import http.client
import io
import socket
import time
import urllib.request


def seconds_left(deadline: float) -> float:
    """Seconds until ``deadline`` (a ``time.monotonic`` value); past it, :class:`TimeoutError`."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the deadline passed")
    return left


class _DeadlineReader(io.RawIOBase):
    """A socket's reads, each waiting at most the time left before ``deadline``."""

    def __init__(self, sock: socket.socket, deadline: float):
        super().__init__()
        self._sock, self._deadline = sock, deadline
        self._io = sock.makefile("rb", buffering=0)  # holds the socket open until this reader is closed

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        self._sock.settimeout(seconds_left(self._deadline))
        return self._io.readinto(buffer)

    def close(self) -> None:
        self._io.close()
        super().close()


class _DeadlineSocket:
    """A connected socket whose sends and reads end by ``deadline``; anything else is the socket's own."""

    def __init__(self, sock: socket.socket, deadline: float):
        self._sock, self._deadline = sock, deadline

    def __getattr__(self, name: str):
        return getattr(self._sock, name)

    def sendall(self, data, *flags) -> None:
        self._sock.settimeout(seconds_left(self._deadline))
        self._sock.sendall(data, *flags)

    def makefile(self, *args, **kwargs) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _DeadlineConnection:
    """Mixed into an ``http.client`` connection class: connects in the time left, then sends and reads by the deadline."""

    deadline: float

    def connect(self) -> None:
        self.timeout = seconds_left(self.deadline)
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _DeadlineHandler:
    """Mixed into a ``urllib`` HTTP(S) handler: its connections are :class:`_DeadlineConnection` ones."""

    def __init__(self, deadline: float):
        super().__init__()
        self.deadline = deadline

    def do_open(self, http_class, req, **kwargs):
        bounded = type(http_class.__name__, (_DeadlineConnection, http_class), {"deadline": self.deadline})
        return super().do_open(bounded, req, **kwargs)


class _HTTPHandler(_DeadlineHandler, urllib.request.HTTPHandler):
    pass


class _HTTPSHandler(_DeadlineHandler, urllib.request.HTTPSHandler):
    pass


def open_by_deadline(request: urllib.request.Request, deadline: float) -> http.client.HTTPResponse:
    """Send ``request``; its response, to be read by ``deadline`` too.

    No redirect is followed: a 3xx, like any status outside 2xx, raises
    :class:`urllib.error.HTTPError`, whose headers name the ``Location``.
    Past the deadline, :class:`TimeoutError` (or a ``URLError`` with it as its reason, while connecting or sending).
    """
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), _HTTPHandler(deadline),
                    _HTTPSHandler(deadline), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener.open(request, timeout=seconds_left(deadline))
