"""Forms of the registers: the entry forms staff fill in (:mod:`.entries`, built from the fields
in :mod:`.fields`), and the filters of the register lists (:mod:`.filters`), which count in
financial years (:mod:`.financial_years`)."""
