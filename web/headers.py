"""The security headers of every page, set by Flask-Talisman.

A strict Content-Security-Policy: everything (scripts, styles, fonts, the Socket.IO connection) comes from
the platform itself, nothing from a CDN, and no inline script, style or event handler runs; the pages keep
their data in `<script type="application/json">` blocks, which are data, not scripts. No framing by any site,
no MIME sniffing, no referrer to other sites. HSTS only when the request came over TLS (directly, or
through a trusted proxy that says `X-Forwarded-Proto: https`: `web.proxies`), so a classroom on plain HTTP is never told to
switch. The session cookie's Secure flag is `web.config`'s, not Talisman's.
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # data: the empty favicon of base.html
    "font-src": "'self'",
    "connect-src": "'self'",  # the Socket.IO polling and WebSocket on the same host
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
HSTS_SECONDS = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    Talisman(
        app,
        force_https=False,
        session_cookie_secure=False,
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy="same-origin",
        strict_transport_security=True,
        strict_transport_security_max_age=HSTS_SECONDS,
        strict_transport_security_include_subdomains=False,
    )
