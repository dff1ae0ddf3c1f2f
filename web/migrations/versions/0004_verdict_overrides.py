"""An instructor's override of a rule's automatic verdict on a team's card (table verdict_override, scoring/overrides.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

Like the earlier revisions it keeps what is there: a database `db.create_all()` made with
the table already is left as it is.
"""

from alembic import context, op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    if not context.is_offline_mode() and "verdict_override" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "verdict_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("instructor_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instructor_id"],
            ["instructor.id"],
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "rule_id"),
    )
    op.create_index("ix_verdict_override_team_id", "verdict_override", ["team_id"], unique=False)


def downgrade():
    op.drop_index("ix_verdict_override_team_id", table_name="verdict_override")
    op.drop_table("verdict_override")
