"""The production entry point: the app for gunicorn's gevent worker, prepared and ticking.

    CRISIS_DATABASE_URL=postgresql://… gunicorn -k gevent -w 1 --worker-connections 2000 \\
        --bind 127.0.0.1:5000 web.wsgi:app

One worker per gunicorn: Socket.IO's long polling needs every request of a client to reach the
process that holds its session, which gunicorn's own balancing does not do (docs/DEPLOY.md runs
several gunicorns behind nginx with sticky sessions, and Redis between them). gunicorn's gevent
worker patches the standard library before it imports this module, so the app's threads and
locks are greenlets; CRISIS_ASYNC_MODE defaults to `gevent` here, and must say so if set.
"""

from __future__ import annotations

import os

from web import create_app, prepared
from web.console import say

app = create_app({"ASYNC_MODE": os.environ.get("CRISIS_ASYNC_MODE") or "gevent"})
print(say(prepared(app)), flush=True)  # the demo instructor's line (web.setup)
