"""Full-text indexes for the portal's search, made by each app's migration (PostgreSQL only).

A migration calls ``search_indexes(((name, table, (field, ...)), ...))`` with its own indexes
written out (frozen there); only the mechanism lives here. Each index is the same expression as
Django's ``SearchVector(*fields, config="english")``, so PostgreSQL uses it instead of computing
every row's document (opcc.search.matching). SQLite searches with LIKE and gets none.
"""

from django.db import migrations


def _document(fields) -> str:
    return " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)


def search_indexes(indexes) -> migrations.RunPython:
    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, table, fields in indexes:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                f"USING gin (to_tsvector('english'::regconfig, {_document(fields)}))"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, _, _ in indexes:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)
