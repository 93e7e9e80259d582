"""Financial years, which run from 1 April to 31 March, as the gifts register counts them."""

from datetime import date

from django.utils import timezone

from governance.models import GiftOffer


def financial_year_of(day: date) -> int:
    """The year in which the financial year (1 April to 31 March) holding ``day`` begins."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_dates(year: int) -> tuple[date, date]:
    return date(year, 4, 1), date(year + 1, 3, 31)


def financial_year_label(year: int) -> str:
    return f"{year} to {year + 1}"


def gift_offer_years() -> list[int]:
    """Financial years with offers recorded, and the current one, newest first (one query)."""
    months = GiftOffer.objects.dates("offered_on", "month")
    years = {financial_year_of(month) for month in months}
    years.add(financial_year_of(timezone.localdate()))
    return sorted(years, reverse=True)
