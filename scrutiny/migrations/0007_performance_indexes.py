from django.db import migrations

from opcc.migration_indexes import search_indexes

# Full-text indexes for the portal's search (opcc.search.matching) over agenda items: the same
# expressions as Django's SearchVector(field, config="english"), so PostgreSQL uses the index
# instead of computing every row's document. PostgreSQL only: SQLite searches with LIKE.
SEARCH_INDEXES = (
    ("scrutiny_agendaitem_title_search", "scrutiny_agendaitem", ("title",)),
    ("scrutiny_agendaitem_minutes_search", "scrutiny_agendaitem", ("minutes",)),
    ("scrutiny_agendaitem_search", "scrutiny_agendaitem", ("title", "minutes")),
)


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0006_integrity_constraints"),
    ]

    operations = [
        search_indexes(SEARCH_INDEXES),
    ]
