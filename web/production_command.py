"""The production server's command line (docs/DEPLOY.md): gunicorn with one gevent worker serving an app.

    gunicorn_command("127.0.0.1:5000")            # the platform, `web.wsgi:app`
    gunicorn_command(bind, "benchmarks.baseline_server:app", connections=4000)

One worker per gunicorn (`web.wsgi` says why); `--no-control-socket`: gunicorn's control socket is not used.
The tests (tests/webapp/server_helpers.py) and the benchmarks start the server with this line.
"""

from __future__ import annotations

import sys


def gunicorn_command(bind: str, app: str = "web.wsgi:app", connections: int | None = None) -> list[str]:
    """The command that serves `app` on `bind` (host:port) with this interpreter's gunicorn."""
    limit = ["--worker-connections", str(connections)] if connections else []
    return [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--no-control-socket", *limit, "--bind", bind, app]
