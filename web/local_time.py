"""Times as the users read them: Vietnam time (UTC+7, no summer time), whatever the server's zone.

The database keeps UTC (SQLite gives it back without a zone); pages show local time
through the `local` template filter: `{{ exercise.created_at|local('%d/%m/%Y %H:%M') }}`.
"""

from __future__ import annotations

import datetime

from flask import Flask

VIETNAM = datetime.timezone(datetime.timedelta(hours=7), "ICT")


def in_vietnam(moment: datetime.datetime) -> datetime.datetime:
    """A stored moment (UTC, with or without its zone) in Vietnam time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(VIETNAM)


def local(moment: datetime.datetime | None, pattern: str = "%d/%m/%Y %H:%M") -> str:
    """The `local` filter: a stored moment formatted in Vietnam time ('' for none)."""
    return "" if moment is None else in_vietnam(moment).strftime(pattern)


def init_app(app: Flask) -> None:
    app.add_template_filter(local, "local")
