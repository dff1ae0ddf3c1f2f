"""Behind a reverse proxy: the client's address and scheme taken from X-Forwarded-For / X-Forwarded-Proto, when trusted.

    TRUSTED_PROXIES   how many proxies stand in front of the server and set those headers
                      (CRISIS_TRUSTED_PROXIES; default 0: none, the headers are ignored)

With N trusted proxies, Werkzeug's `ProxyFix` takes the address and the scheme that the N-th proxy
from the server recorded (the rightmost N values of each header), so the per-address limits
(`web.floods`, `web.throttle`) count each client, not the proxy, and a request that reached the proxy
over TLS is `request.is_secure` (HSTS, `web.headers`; the session cookie's Secure flag, `web.config`).
Whatever the count, the two headers are then removed from the request: with none trusted, a header a
client forged changes nothing (Flask-Talisman would otherwise read `X-Forwarded-Proto` itself).
The host is not taken from a header: nginx passes it as `Host` (docs/DEPLOY.md).
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")


class _ForwardedHeaders:
    """WSGI middleware, outermost (Socket.IO's connections keep the environ it fixed): the count is read per request."""

    def __init__(self, app: Flask, wsgi_app):
        self.app, self.wsgi_app = app, wsgi_app
        self._fixers: dict[int, ProxyFix] = {}

    def __call__(self, environ, start_response):
        trusted = trusted_proxies(self.app)
        if not trusted:
            return self._without_headers(environ, start_response)
        if trusted not in self._fixers:
            self._fixers[trusted] = ProxyFix(self._without_headers, x_for=trusted, x_proto=trusted, x_host=0)
        return self._fixers[trusted](environ, start_response)

    def _without_headers(self, environ, start_response):
        for name in FORWARDED_HEADERS:
            environ.pop(name, None)
        return self.wsgi_app(environ, start_response)


def trusted_proxies(app: Flask) -> int:
    """The configured count of trusted proxies (0 when unset)."""
    return app.config["TRUSTED_PROXIES"]


def init_app(app: Flask) -> None:
    """Check the setting and put the middleware outermost; call it after Socket.IO has wrapped the app."""
    count = app.config["TRUSTED_PROXIES"]
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise SystemExit(
            f"CRISIS_TRUSTED_PROXIES={count!r}: một số nguyên ≥ 0, số proxy đứng trước máy chủ / "
            f"a whole number ≥ 0, the count of proxies in front of the server"
        )
    app.wsgi_app = _ForwardedHeaders(app, app.wsgi_app)  # type: ignore[method-assign]  # Flask's way to wrap it
