"""Who issues and signs an exercise's printed report (table report_issuance, debrief/issuance.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

Like 0001 it keeps what is there: a database made by `db.create_all()` of a version that
already had the table (test helpers, benchmarks) is left as it is.
"""

from alembic import context, op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    if not context.is_offline_mode() and "report_issuance" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "report_issuance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.Integer(), nullable=False),
        sa.Column("parent_agency", sa.String(length=200), nullable=True),
        sa.Column("issuer", sa.String(length=200), nullable=True),
        sa.Column("issuer_short", sa.String(length=200), nullable=True),
        sa.Column("on_behalf", sa.String(length=200), nullable=True),
        sa.Column("signer_title", sa.String(length=200), nullable=True),
        sa.Column("signer_name", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["exercise_id"],
            ["exercise.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("exercise_id"),
    )


def downgrade():
    op.drop_table("report_issuance")
