"""The database's schema under Alembic: bring any database of the platform to the latest revision.

The revisions are in `web/migrations/versions` (run through Flask-Migrate). `upgrade_database()`
is what the server's start does (`web.setup.prepare`) and what `flask --app web db upgrade`
does by hand, and it serves every database alike:

- a new, empty database: the first revision creates every table, the later ones run;
- a database an earlier version made with `db.create_all()` (tables but no `alembic_version`):
  the first revision creates only the tables it lacks and keeps the others as they are, then
  the later revisions run;
- a database already under Alembic: only the revisions it has not had yet.

A change of the models goes with a new revision (`flask --app web db migrate -m "..."`, see
docs/DEPLOY.md); tests/test_migrations.py fails while models and revisions differ.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from flask import current_app

MIGRATIONS = Path(__file__).with_name("migrations")


def upgrade_database(revision: str = "head") -> None:
    """Upgrade the app's database (within an app context) to `revision`, quietly (the server's log is its own)."""
    config = current_app.extensions["migrate"].migrate.get_config()
    config.attributes["configure_logger"] = False
    command.upgrade(config, revision)
