from django.db import migrations

from opcc.migration_indexes import search_documents, without_search_indexes

# Stored search documents for the portal's search over agenda items (opcc.search.matching(...,
# document=...)): a common word's matches each had their document computed again (a public
# search of the minutes read them all). PostgreSQL only: SQLite searches with LIKE. They replace
# the expression indexes of 0007.
SEARCH_DOCUMENTS = (
    ("scrutiny_agendaitem", "search_title", "scrutiny_agendaitem_title_document", ("title",)),
    ("scrutiny_agendaitem", "search_minutes", "scrutiny_agendaitem_minutes_document",
     ("minutes",)),
    ("scrutiny_agendaitem", "search_document", "scrutiny_agendaitem_document",
     ("title", "minutes")),
)  # fmt: skip
REPLACED_INDEXES = (
    ("scrutiny_agendaitem_title_search", "scrutiny_agendaitem", ("title",)),
    ("scrutiny_agendaitem_minutes_search", "scrutiny_agendaitem", ("minutes",)),
    ("scrutiny_agendaitem_search", "scrutiny_agendaitem", ("title", "minutes")),
)


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0007_performance_indexes"),
    ]

    operations = [
        search_documents(SEARCH_DOCUMENTS),
        without_search_indexes(REPLACED_INDEXES),
    ]
