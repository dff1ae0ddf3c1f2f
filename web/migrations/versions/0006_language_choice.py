"""The language each user chose for their pages (language_choice, web/models/preferences.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Like 0001 it keeps what is there: a database made by `db.create_all()` of a version that
already had the table is left as it is.
"""

from alembic import context, op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade():
    if not context.is_offline_mode() and "language_choice" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "language_choice",
        sa.Column("user_id", sa.String(length=40), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )


def downgrade():
    op.drop_table("language_choice")
