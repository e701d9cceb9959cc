"""Timed sanctions: when their end was written to the audit log (`sanction.ended`).

Revision ID: 0002
Revises: console_0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "console_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sanctions") as batch:
        batch.add_column(sa.Column("end_logged_at", sa.DateTime(), nullable=True))
    op.create_index("ix_sanctions_ends_at", "sanctions", ["ends_at"])


def downgrade() -> None:
    op.drop_index("ix_sanctions_ends_at", table_name="sanctions")
    with op.batch_alter_table("sanctions") as batch:
        batch.drop_column("end_logged_at")
