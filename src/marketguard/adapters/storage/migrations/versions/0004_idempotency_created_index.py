"""Idempotency answers: an index on `created_at`, so the sweeper can delete the expired ones oldest first.

Without it each pass of the sweeper would scan the whole table, which grows by one row per POST made with an
Idempotency-Key and per stream record stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_idempotency_created_at", "idempotency", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_idempotency_created_at", table_name="idempotency")
