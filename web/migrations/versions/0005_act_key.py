"""The client's key of a trainee's action on its input record (input_record.act_key), unique per team and source.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

A resend of an `act` with the same key is answered from the record (web/trainee.py).
Like 0001 it keeps what is there: a database made by `db.create_all()` of a version that
already had the column is left as it is.
"""

from alembic import context, op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    if not context.is_offline_mode():
        columns = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("input_record")}
        if "act_key" in columns:
            return
    op.add_column("input_record", sa.Column("act_key", sa.String(length=64), nullable=True))
    op.create_index("ux_input_record_act_key", "input_record", ["team_id", "source", "act_key"], unique=True)


def downgrade():
    op.drop_index("ux_input_record_act_key", table_name="input_record")
    with op.batch_alter_table("input_record") as batch:
        batch.drop_column("act_key")
