from django.db import migrations, models

# The quarterly report to the panel counts and lists the decisions signed in a quarter: without
# an index on signed_at each of its two queries read every decision (95 ms at 100,000).


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0009_decision_search_document"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(fields=["signed_at"], name="decision_signed_at"),
        ),
    ]
