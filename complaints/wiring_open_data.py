"""What complaints give the open data page: the complaints information figures by quarter."""

from opcc.registry import Dataset, datasets

FIELDS = (
    ("quarter", "The quarter of the financial year, e.g. Q2 2026/27"),
    ("first_day", "Its first day"),
    ("last_day", "Its last day"),
    ("reviews_received", "Requests for a complaint review received"),
    ("reviews_made_in_time", "Of those, made within 28 days starting the day after the outcome"),
    ("reviews_decided", "Reviews decided in the quarter"),
    ("reviews_upheld", "Of those, upheld (the outcome was not reasonable and proportionate)"),
    ("reviews_decided_within_target", "Decided within the office's target of working days"),
    ("complaints_about_the_commissioner", "Complaints about the Commissioner received"),
    ("complaints_about_the_deputy", "Complaints about the Deputy received"),
    ("complaints_about_the_chief_constable", "Complaints about the Chief Constable received"),
    (
        "chief_constable_complaints_referred_to_the_iopc",
        "Of those, referred to the Independent Office for Police Conduct",
    ),
)


def register() -> None:
    datasets.register(
        "complaints_information",
        Dataset(
            "complaints_information",
            "Complaints information",
            "Complaints and complaint reviews by quarter; nobody can be identified from them.",
            "complaints:complaints_information",
            "complaints:complaints_information_csv",
            "complaints:complaints_information_json",
            FIELDS,
            70,
        ),
    )
