"""Demo documents for the transparency hub's hand-published categories: some up to date, one
overdue (spending, monthly), so the hub and the Chief Executive's dashboard show both."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from opcc.models import TransparencyPublication, User
from opcc.roles import Role

# The smallest well-formed PDF: one blank page.
BLANK_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# (category, title, summary, days ago)
DEMO_DOCUMENTS = (
    ("budget-and-precept", "Budget and precept 2026/27", "The budget the panel agreed.", 40),
    ("spending", "Spending over £500: September 2026", "Each payment over £500.", 70),
    ("staff", "Staff of the office: 2026", "Headcount, equality data and organisation chart.", 90),
    ("senior-salaries", "Senior employees' salaries 2026/27", "Posts and salary bands.", 120),
    ("policies", "Complaints and whistleblowing procedures", "The office's procedures.", 200),
    ("grants", "Grants awarded: Q2 2026/27", "Recipient, amount and purpose of each grant.", 45),
    ("premises", "Premises occupied by the Commissioner", "The office at Police HQ.", 150),
    ("office-holders", "Commissioner and Deputy: salary and expenses", "Pay and claims.", 30),
    ("policing-priorities", "Statement on the national policing priorities", "", 20),
    ("complaints-information", "IOPC complaints information bulletin, Q2 2026/27", "", 15),
)


def seed_transparency(scale: int, log) -> None:
    if TransparencyPublication.objects.exists():
        return
    publisher = User.objects.filter(role=Role.STAFF).order_by("id").first()
    if publisher is None:
        return
    today = timezone.localdate()
    for category, title, summary, days_ago in DEMO_DOCUMENTS:
        entry = TransparencyPublication(
            category=category,
            title=title,
            summary=summary,
            published_on=today - timedelta(days=days_ago),
            published_by=publisher,
        )
        entry.document.save(f"{entry.code}.pdf", ContentFile(BLANK_PDF), save=False)
        entry.save()
    log(f"transparency: {len(DEMO_DOCUMENTS)} documents published")
