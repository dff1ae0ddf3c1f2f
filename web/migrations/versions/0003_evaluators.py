"""Evaluator accounts, the teams assigned to them, and which observations they wrote (web/models/evaluators.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

Like 0001 and 0002 it keeps what is there: a database `db.create_all()` made with these
tables already is left as it is.
"""

from alembic import context, op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    inspector = None if context.is_offline_mode() else sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names()) if inspector else set()
    if "evaluator" not in tables:
        op.create_table(
            "evaluator",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("instructor_id", sa.Integer(), nullable=False),
            sa.Column("username", sa.String(length=64), nullable=False),
            sa.Column("display_name", sa.String(length=120), nullable=False),
            sa.Column("password_hash", sa.String(length=256), nullable=False),
            sa.ForeignKeyConstraint(
                ["instructor_id"],
                ["instructor.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("username"),
        )
        op.create_index("ix_evaluator_instructor_id", "evaluator", ["instructor_id"], unique=False)
    if "evaluator_team" not in tables:
        op.create_table(
            "evaluator_team",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("evaluator_id", sa.Integer(), nullable=False),
            sa.Column("team_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["evaluator_id"],
                ["evaluator.id"],
            ),
            sa.ForeignKeyConstraint(
                ["team_id"],
                ["team.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("evaluator_id", "team_id"),
        )
        op.create_index("ix_evaluator_team_evaluator_id", "evaluator_team", ["evaluator_id"], unique=False)
        op.create_index("ix_evaluator_team_team_id", "evaluator_team", ["team_id"], unique=False)
    if "evaluator_observation" not in tables:
        op.create_table(
            "evaluator_observation",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("observation_id", sa.Integer(), nullable=False),
            sa.Column("evaluator_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["evaluator_id"],
                ["evaluator.id"],
            ),
            sa.ForeignKeyConstraint(
                ["observation_id"],
                ["observation.id"],
            ),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("observation_id"),
        )
        op.create_index("ix_evaluator_observation_evaluator_id", "evaluator_observation", ["evaluator_id"], unique=False)


def downgrade():
    op.drop_index("ix_evaluator_observation_evaluator_id", table_name="evaluator_observation")
    op.drop_table("evaluator_observation")
    op.drop_index("ix_evaluator_team_team_id", table_name="evaluator_team")
    op.drop_index("ix_evaluator_team_evaluator_id", table_name="evaluator_team")
    op.drop_table("evaluator_team")
    op.drop_index("ix_evaluator_instructor_id", table_name="evaluator")
    op.drop_table("evaluator")
