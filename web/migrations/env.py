"""Alembic's environment for the platform: the app's engine and models, one upgrade at a time.

Run by Alembic for every command (`flask --app web db upgrade`, `web.schema.upgrade_database`).
The URL and the models' metadata are the app's (`current_app`). On PostgreSQL the
migrations of a run take an advisory lock first, inside their transaction, so that
several server processes starting at once upgrade one after the other: the later ones
find the database at head and do nothing. Logging is configured from alembic.ini for
the command line only (`configure_logger` is set False by the server's own upgrade).
"""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from sqlalchemy import text

UPGRADE_LOCK = 802_610  # pg_advisory_xact_lock key: any constant the platform uses for nothing else

config = context.config
if config.attributes.get("configure_logger", True) and config.config_file_name:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

migrate = current_app.extensions["migrate"]
config.set_main_option("sqlalchemy.url", migrate.db.engine.url.render_as_string(hide_password=False).replace("%", "%%"))


def skip_empty_revision(_context, _revision, directives) -> None:
    """`flask db migrate` with no change in the models writes no empty revision."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_offline() -> None:
    """`flask db upgrade --sql`: the SQL printed, not run."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=migrate.db.metadata,
        literal_binds=True,
        **migrate.configure_args,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    arguments = {"process_revision_directives": skip_empty_revision, **migrate.configure_args}
    with migrate.db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=migrate.db.metadata, **arguments)
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
