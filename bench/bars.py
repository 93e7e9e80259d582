"""The bars issue 8 sets, checked against one run's figures (pure functions of the results)."""

# Every public page and the staff dashboard are held to the baseline.
BASELINE_PAGES = (
    "register_first",
    "register_filtered",
    "register_page_500",
    "decision_detail",
    "transparency_hub",
    "search",
    "staff_dashboard",
)
AT = "10"  # throughput and p95 against the baseline at 10 clients
ERRORS_AT = "50"
MIN_THROUGHPUT_SHARE = 0.5
MAX_P95_RATIO = 3.0
MAX_QUERIES = 10
MAX_PAGE_500_RATIO = 1.5
MAX_FIRST_BYTE_MS = 300
CSV_ROWS_WANTED = 10_000
# "Memory flat": a worker's peak during the export within this much of its size before it.
MAX_CSV_MEMORY_GROWTH_MB = 32
MAX_NOTICE_SECONDS = 1.0
MAX_REPORT_TO_PLAIN = 2.0
MAX_SEED_SECONDS = 300
SEED_SCALE_WANTED = 100_000
# The load run: worker memory at the end within this share of its size at the start.
MAX_LOAD_MEMORY_GROWTH = 0.10


def bar(group, subject, target, measured, passed) -> dict:
    return {
        "bar": group,
        "subject": subject,
        "target": target,
        "measured": measured,
        "passed": None if passed is None else bool(passed),  # None: does not apply to this run
    }


def run_at(results, key, clients):
    return results["cases"].get(key, {}).get("runs", {}).get(clients)


def baseline_bars(results) -> list[dict]:
    bars = []
    base = results["baseline"]["runs"].get(AT)
    for key in BASELINE_PAGES:
        case = results["cases"].get(key)
        if case is None:
            continue
        run = run_at(results, key, AT)
        if run is None or base is None or not base["rps"]:
            bars.append(bar("throughput", case["label"], "measured", "missing", False))
            continue
        share = run["rps"] / base["rps"]
        bars.append(
            bar(
                f"throughput at {AT} clients",
                case["label"],
                f">= {MIN_THROUGHPUT_SHARE:.0%} of baseline",
                f"{run['rps']:.0f} req/s = {share:.0%} of {base['rps']:.0f}",
                share >= MIN_THROUGHPUT_SHARE,
            )
        )
        ratio = run["p95_ms"] / base["p95_ms"] if base["p95_ms"] else float("inf")
        bars.append(
            bar(
                f"p95 at {AT} clients",
                case["label"],
                f"<= {MAX_P95_RATIO:g}x baseline",
                f"{run['p95_ms']:.1f} ms = {ratio:.1f}x {base['p95_ms']:.1f} ms",
                ratio <= MAX_P95_RATIO,
            )
        )
        heavy = run_at(results, key, ERRORS_AT)
        bars.append(
            bar(
                f"errors at {ERRORS_AT} clients",
                case["label"],
                "0",
                "missing" if heavy is None else error_text(heavy),
                heavy is not None and heavy["requests"] > 0 and heavy["errors"] == 0,
            )
        )
    return bars


def error_text(run) -> str:
    if not run["requests"]:
        return f"no request completed in {run['seconds']:.0f} s"
    text = f"{run['errors']} of {run['requests']}"
    if run["non2xx"]:
        text += f" (first non-2xx: {run['first_non2xx']})"
    if run["socket_errors"]:
        text += f" ({run['socket_errors']} socket, {run['timeouts']} timeouts)"
    return text


def query_bars(results) -> list[dict]:
    bars = []
    for case in results["cases"].values():
        if not case["page"]:
            continue
        queries, small = case.get("queries"), case.get("queries_small")
        measured = f"{queries} at scale" + (f", {small} on the demo data" if small else "")
        constant = small is None or queries == small
        bars.append(
            bar(
                "queries per request",
                case["label"],
                f"<= {MAX_QUERIES}, same at every size",
                measured,
                queries is not None and queries <= MAX_QUERIES and constant,
            )
        )
    return bars


def page_500_bar(results) -> list[dict]:
    first, deep = run_at(results, "register_first", "1"), run_at(results, "register_page_500", "1")
    if first is None or deep is None:
        return [bar("page 500 latency", "register", "measured", "missing", False)]
    ratio = deep["p50_ms"] / first["p50_ms"] if first["p50_ms"] else float("inf")
    return [
        bar(
            "page 500 vs page 1 (p50, 1 client)",
            results["cases"]["register_page_500"]["label"],
            f"<= {MAX_PAGE_500_RATIO:g}x page 1",
            f"{deep['p50_ms']:.1f} ms = {ratio:.2f}x {first['p50_ms']:.1f} ms",
            ratio <= MAX_PAGE_500_RATIO,
        )
    ]


def csv_bars(results) -> list[dict]:
    csv = results.get("csv")
    if not csv:
        return [bar("CSV export", "a year of decisions", "measured", "missing", False)]
    rows = csv["rows"]
    subject = f"CSV of {rows} decisions" + (
        f" (fewer than {CSV_ROWS_WANTED:,} at this scale)" if rows < CSV_ROWS_WANTED else ""
    )
    growth = csv.get("memory_growth_mb")
    return [
        bar(
            "CSV streams",
            subject,
            f"first byte < {MAX_FIRST_BYTE_MS} ms, streamed",
            f"first byte {csv['first_byte_ms']:.0f} ms, "
            + ("streamed" if csv["streamed"] else f"not streamed ({csv['content_length']} bytes)"),
            csv["first_byte_ms"] < MAX_FIRST_BYTE_MS and csv["streamed"],
        ),
        bar(
            "CSV worker memory flat",
            subject,
            f"peak <= {MAX_CSV_MEMORY_GROWTH_MB} MB over the size before",
            "missing" if growth is None else f"+{growth:.1f} MB",
            growth is not None and growth <= MAX_CSV_MEMORY_GROWTH_MB,
        ),
    ]


def pdf_bars(results) -> list[dict]:
    bars = []
    for pdf in results.get("pdfs", []):
        if "seconds" not in pdf:
            bars.append(bar("PDF", pdf["label"], "rendered", pdf.get("error", "missing"), False))
            continue
        if pdf["key"] == "decision_notice":
            bars.append(
                bar(
                    "PDF time",
                    pdf["label"],
                    f"< {MAX_NOTICE_SECONDS:g} s",
                    f"{pdf['seconds']:.2f} s ({pdf['pages']} pages)",
                    pdf["seconds"] < MAX_NOTICE_SECONDS,
                )
            )
            continue
        ratio = pdf["seconds"] / pdf["plain_seconds"] if pdf["plain_seconds"] else float("inf")
        bars.append(
            bar(
                "PDF vs plain document",
                pdf["label"],
                f"<= {MAX_REPORT_TO_PLAIN:g}x plain of {pdf['pages']} pages",
                f"{pdf['seconds']:.2f} s = {ratio:.1f}x {pdf['plain_seconds']:.2f} s",
                ratio <= MAX_REPORT_TO_PLAIN,
            )
        )
    return bars


def seeding_bar(results) -> list[dict]:
    seeding, scale = results.get("seeding"), results["run"]["scale"]
    if not seeding or "seed_s" not in seeding:
        return [bar("seeding", f"--scale {scale}", "timed", "not timed (database reused)", None)]
    subject = f"seed_demo --scale {scale:,}"
    if scale < SEED_SCALE_WANTED:
        subject += f" (the bar is for {SEED_SCALE_WANTED:,})"
    return [
        bar(
            "seeding",
            subject,
            f"< {MAX_SEED_SECONDS} s",
            f"{seeding['seed_s']:.0f} s",
            seeding["seed_s"] < MAX_SEED_SECONDS if scale >= SEED_SCALE_WANTED else None,
        )
    ]


def load_bars(load) -> list[dict]:
    if not load:
        return []
    start, end = load["memory_start_mb"], load["memory_end_mb"]
    return [
        bar(
            "load run errors",
            f"{load['clients']} clients for {load['seconds']:.0f} s",
            "0",
            error_text(load["run"]),
            load["run"]["errors"] == 0,
        ),
        bar(
            "load run worker memory flat",
            f"{load['clients']} clients for {load['seconds']:.0f} s",
            f"end <= start + {MAX_LOAD_MEMORY_GROWTH:.0%}",
            f"{start:.1f} MB -> {end:.1f} MB",
            end <= start * (1 + MAX_LOAD_MEMORY_GROWTH),
        ),
    ]


def check(results) -> list[dict]:
    """Every bar, in the order the table prints them."""
    return [
        *baseline_bars(results),
        *query_bars(results),
        *page_500_bar(results),
        *csv_bars(results),
        *pdf_bars(results),
        *seeding_bar(results),
    ]
