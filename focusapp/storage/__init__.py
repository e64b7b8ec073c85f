"""Storage: SQLAlchemy models, engine, migrations and repositories over a local SQLite file."""
