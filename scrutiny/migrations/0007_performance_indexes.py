from django.db import migrations

# Full-text indexes for the portal's search (opcc.search.matching) over agenda items: the same
# expressions as Django's SearchVector(field, config="english"), so PostgreSQL uses the index
# instead of computing every row's document. PostgreSQL only: SQLite searches with LIKE.
SEARCH_INDEXES = (
    ("scrutiny_agendaitem_title_search", "scrutiny_agendaitem", ("title",)),
    ("scrutiny_agendaitem_minutes_search", "scrutiny_agendaitem", ("minutes",)),
    ("scrutiny_agendaitem_search", "scrutiny_agendaitem", ("title", "minutes")),
)


def document(fields):
    return " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)


def create_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, fields in SEARCH_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin (to_tsvector('english'::regconfig, {document(fields)}))"
        )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in SEARCH_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0006_integrity_constraints"),
    ]

    operations = [
        migrations.RunPython(create_search_indexes, drop_search_indexes),
    ]
