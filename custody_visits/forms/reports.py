"""Forms of the scheme's reports: choosing the period, and the introduction the PDF opens with."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from custody_visits.report_periods import (
    FIRST_FINANCIAL_YEAR,
    ReportingPeriod,
    ReportKind,
    financial_year_of,
    year_label,
)
from opcc.forms import GovukForm

INTRODUCTION_MAX_LENGTH = 5000
QUARTERS = [
    (1, "Q1: April to June"),
    (2, "Q2: July to September"),
    (3, "Q3: October to December"),
    (4, "Q4: January to March"),
]


class ReportPeriodForm(GovukForm, forms.Form):
    """Sent by GET: the period is part of the page's address, so it can be bookmarked."""

    submit_label = "Show the figures"

    kind = forms.ChoiceField(
        label="Report",
        choices=ReportKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the quarterly or the annual report",
            "invalid_choice": "Choose the quarterly or the annual report",
        },
    )
    financial_year = forms.TypedChoiceField(
        label="Financial year",
        coerce=int,
        error_messages={
            "required": "Choose the financial year",
            "invalid_choice": "Choose a financial year from the list",
        },
    )
    quarter = forms.TypedChoiceField(
        label="Quarter (for the quarterly report)",
        choices=[("", "Choose a quarter"), *QUARTERS],
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose a quarter from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = financial_year_of(timezone.localdate())
        self.fields["financial_year"].choices = [
            (year, year_label(year))
            for year in range(this_year, max(this_year - 6, FIRST_FINANCIAL_YEAR - 1), -1)
        ]
        self.helper.form_method = "get"
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.select("financial_year"),
            Field.select("quarter"),
        )

    def clean(self):
        cleaned = super().clean()
        kind, year, quarter = (cleaned.get(name) for name in ("kind", "financial_year", "quarter"))
        if kind is None or year is None:
            return cleaned
        if kind == ReportKind.QUARTERLY and quarter is None:
            self.add_error("quarter", "Choose the quarter")
            return cleaned
        period = ReportingPeriod(kind, year, quarter if kind == ReportKind.QUARTERLY else None)
        if not period.has_begun():
            self.add_error("quarter", f"{period.label} has not begun yet: choose an earlier one")
            return cleaned
        cleaned["period"] = period
        return cleaned


class ReportIntroductionForm(GovukForm, forms.Form):
    submit_label = "Generate PDF"

    introduction = forms.CharField(
        label="Introduction",
        help_text="It opens the report, before the figures. The PDF shows only this text and "
        "the figures on this page.",
        required=False,
        max_length=INTRODUCTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": f"The introduction must be {INTRODUCTION_MAX_LENGTH:,} characters "
            "or fewer"
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.textarea("introduction", rows=8, max_characters=INTRODUCTION_MAX_LENGTH),
            "version",
        )

    def clean_version(self):
        version = self.cleaned_data["version"]
        if version is not None and version < 1:
            raise ValidationError("Reload the page and try again")
        return version


class PublishedReportFilter(forms.Form):
    """The public list's one filter, by GET: which kind of report."""

    kind = forms.ChoiceField(
        label="Report",
        choices=[("", "All reports"), *ReportKind.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a kind of report from the list"},
    )

    def filter(self, reports):
        kind = self.cleaned_data.get("kind") if self.is_valid() else None
        return reports.filter(kind=kind) if kind else reports
