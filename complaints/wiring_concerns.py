"""What the concerns part of complaints plugs into the portal's registries (opcc.registry): the
complaints information page on the transparency hub, the annual report's complaints section,
and the demo concerns."""


def register() -> None:
    from complaints import statistics
    from complaints.seed_concerns import seed_concerns
    from opcc.registry import (
        ReportSection,
        Seeder,
        TransparencySource,
        report_sections,
        seeders,
        transparency_sources,
    )

    transparency_sources.register(
        "complaints-information",
        TransparencySource(
            "complaints-information",
            "complaints:complaints_information",
            statistics.changes,
        ),
    )
    report_sections.register(
        "complaints",
        ReportSection(
            "complaints",
            "Complaints and complaint reviews",
            "complaints/report_section.html",
            statistics.report_section,
            40,
        ),
    )
    seeders.register("concerns", Seeder("concerns", seed_concerns, order=56))
