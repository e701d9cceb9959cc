"""Storage of the marketguard service: SQLAlchemy 2 tables, Alembic migrations, and the transactions
that run the moderation domain (`marketguard.service`) against SQLite (embedded default, WAL) or PostgreSQL.
"""
