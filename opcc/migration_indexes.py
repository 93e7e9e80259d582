"""Full-text indexes for the portal's search, made by each app's migration (PostgreSQL only).

A migration calls ``search_indexes(((name, table, (field, ...)), ...))`` with its own indexes
written out (frozen there); only the mechanism lives here. Each index is the same expression as
Django's ``SearchVector(*fields, config="english")``, so PostgreSQL uses it instead of computing
every row's document (opcc.search.matching). SQLite searches with LIKE and gets none.

The big tables have a stored document instead (``search_documents``): an expression index finds
the matches, but ranking them still computes each one's document again.
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


def without_search_indexes(indexes) -> migrations.RunPython:
    """Drop expression indexes a stored document replaces (made again if migrated back)."""
    made = search_indexes(indexes)
    return migrations.RunPython(made.reverse_code, made.code)


def search_documents(documents) -> migrations.RunPython:
    """Stored search documents, for the tables large enough that computing a document per row at
    query time is too slow (a common word in 100,000 decisions took seconds): each a ``tsvector``
    column that PostgreSQL keeps up to date itself (GENERATED ALWAYS ... STORED: no save, update()
    or bulk_create can leave it stale), with a GIN index, for ``opcc.search.matching(...,
    document=column)``. ``documents`` is ``((table, column, index, (field, ...)), ...)``, written
    out in the migration. The column is the database's only, not a model field (Django selects
    and saves named columns, so it never sees it; the history tables have none); SQLite gets
    nothing. Note: PostgreSQL will not change the type of a column a generated column reads, so a
    later AlterField of one of ``fields`` on PostgreSQL must drop the column first and add it again.
    """

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column, index, fields in documents:
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} tsvector "
                f"GENERATED ALWAYS AS (to_tsvector('english'::regconfig, {_document(fields)})) "
                "STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin ({column})"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, column, index, _ in documents:
            schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}")

    return migrations.RunPython(create, drop)
