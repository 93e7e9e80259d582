from django.db import migrations

from opcc.migration_indexes import search_documents, without_search_indexes

# Stored search documents for the portal's search (opcc.search.matching(..., document=...)):
# ranking a common word's matches computed each one's document again; a stored tsvector is read.
# PostgreSQL only: SQLite searches with LIKE. They replace the expression indexes of 0008.
SEARCH_DOCUMENTS = (
    ("governance_decision", "search_document", "governance_decision_document",
     ("title", "summary")),
    ("governance_contract", "search_document", "governance_contract_document",
     ("title", "supplier")),
)  # fmt: skip
REPLACED_INDEXES = (
    ("governance_decision_search", "governance_decision", ("title", "summary")),
    ("governance_contract_search", "governance_contract", ("title", "supplier")),
)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_performance_indexes"),
    ]

    operations = [
        search_documents(SEARCH_DOCUMENTS),
        without_search_indexes(REPLACED_INDEXES),
    ]
