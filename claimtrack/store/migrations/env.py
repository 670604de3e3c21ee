"""Alembic environment: claimtrack runs migrations itself when a database is opened.

`claimtrack.store.database.open_database` passes its open connection in
``config.attributes["connection"]``; batch mode keeps ALTERs working on SQLite.
"""
from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from claimtrack.store import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from claimtrack.store.database import include_object

target_metadata = SQLModel.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # `alembic` command line, for developers writing a new revision
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("alembic.ini: no sqlalchemy.url to migrate")
        engine = create_engine(url)
        with engine.begin() as connection:
            _configure_and_run(connection)
        return
    _configure_and_run(connection)


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
