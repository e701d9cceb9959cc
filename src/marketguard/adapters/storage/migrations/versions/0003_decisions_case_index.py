"""Decisions: the case_id index holds only the decisions that joined a case (a partial index).

Nine in ten screened messages join no case; with a full index each of their rows still added a NULL entry to
it (an index insert and its WAL record on every screening). A case's decisions are read by `case_id = ...`,
which implies `case_id IS NOT NULL`, so PostgreSQL and SQLite use the partial index for them as before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_WHERE = sa.text("case_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_decisions_case_id", table_name="decisions")
    op.create_index(
        "ix_decisions_case_id", "decisions", ["case_id"], sqlite_where=_WHERE, postgresql_where=_WHERE
    )


def downgrade() -> None:
    op.drop_index("ix_decisions_case_id", table_name="decisions")
    op.create_index("ix_decisions_case_id", "decisions", ["case_id"])
