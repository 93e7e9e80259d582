"""Case references: <prefix>-<year>-<nnnn>, numbered per year (C- for complaints, R- for
complaint reviews). Two cases received at once may read the same last number: the reference's
unique constraint refuses the second, whose service then asks for the next one."""


def next_reference(model, prefix: str, year: int) -> str:
    last = (
        model.objects.filter(reference__startswith=f"{prefix}-{year}-")
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}-{year}-{number:04d}"
