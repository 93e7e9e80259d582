"""bench/results/latest.md from the results (a pure function of them) and the JSON beside it."""

import json
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
# What was changed to make the pages faster and what each change gained: kept by hand, carried
# into every results file so the figures and their history are read together.
CHANGES = Path(__file__).with_name("CHANGES.md")


def verdict(passed) -> str:
    return "N/A" if passed is None else ("PASS" if passed else "FAIL")


def load_average(run: dict) -> str:
    if "load_average" not in run:
        return ""
    return (
        f" Machine load average {run['load_average']:.1f} at the start, "
        f"{run.get('load_average_end', 0):.1f} at the end (above the CPU count, other work was "
        "competing for the CPUs)."
    )


def table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def markdown(results: dict) -> str:
    run = results["run"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {run['started']} on commit `{run['commit']}`"
        f"{' (with local changes)' if run.get('dirty') else ''}, {run['cpus']} CPU(s), "
        f"`seed_demo --scale {run['scale']:,}` ({results.get('published_decisions', 0):,} "
        "published decisions); gunicorn, 2 sync workers, production settings (DJANGO_DEBUG=0) on "
        f"PostgreSQL, cache: {run.get('cache', '?')}; wrk for {run['seconds']:g} s per case at "
        f"{', '.join(run['clients'])} clients (longer for a slow page at many clients, up to "
        f"20 s). Whole run: {run.get('total_s', 0):.0f} s." + load_average(run),
        "",
        "The **baseline** is the same gunicorn, settings and middleware serving one view that "
        f"returns a static page of {results['baseline'].get('bytes', 0):,} bytes (the decisions "
        "register's first page, captured in this run): the limit a page can approach. Latency in "
        "ms; errors are non-2xx answers plus socket errors and timeouts (30 s); queries are the "
        "most of four requests' `X-Query-Count` headers, the first on an emptied cache; memory "
        "is the larger gunicorn worker's peak (VmHWM, reset before each run).",
        "",
        "## Bars",
        "",
    ]
    bars = results.get("bars", [])
    failed = sum(1 for b in bars if b["passed"] is False)
    lines += table(
        ["bar", "case", "target", "measured", ""],
        [[b["bar"], b["subject"], b["target"], b["measured"], verdict(b["passed"])] for b in bars],
    )
    lines += ["", f"**{len(bars) - failed} of {len(bars)} bars met; {failed} failed.**", ""]
    lines += ["## Pages", ""]
    rows = []
    cases = [("baseline", {"label": "**baseline** (static page)", **results["baseline"]})]
    cases += list(results["cases"].items())
    base_runs = results["baseline"].get("runs", {})
    for key, case in cases:
        for clients, figures in case.get("runs", {}).items():
            base = base_runs.get(clients)
            ratio = f"{figures['rps'] / base['rps']:.0%}" if base and base["rps"] else ""
            mem = figures.get("memory", {})
            rows.append(
                [
                    case["label"] if clients == run["clients"][0] else "",
                    clients,
                    f"{figures['rps']:.1f}",
                    ratio if key != "baseline" else "",
                    figures["p50_ms"],
                    figures["p95_ms"],
                    figures["p99_ms"],
                    figures["errors"],
                    case.get("queries", "") if clients == run["clients"][0] else "",
                    mem.get("peak_mb", ""),
                ]
            )
    lines += table(
        [
            "case",
            "clients",
            "req/s",
            "of baseline",
            "p50",
            "p95",
            "p99",
            "errors",
            "queries",
            "peak MB",
        ],
        rows,
    )
    lines += ["", "Paths:", ""]
    lines += [f"- {case['label']}: `{case['path']}`" for case in results["cases"].values()]
    csv = results.get("csv")
    if csv:
        lines += [
            "",
            f"CSV export: {csv['rows']:,} rows, first byte after {csv['first_byte_ms']:.0f} ms, "
            f"whole file {csv['total_ms']:.0f} ms ({csv['bytes']:,} bytes), "
            + ("streamed (no Content-Length)" if csv["streamed"] else "not streamed")
            + f"; worker peak {csv.get('memory_growth_mb', 0):+.1f} MB over its size before.",
        ]
    lines += ["", "## PDFs (in-process, median of 7, or one render if it takes over 10 s)", ""]
    lines += table(
        ["document", "pages", "seconds", "plain document, same pages", "ratio"],
        [
            [
                p["label"],
                p.get("pages", ""),
                p.get("seconds", p.get("error", "")),
                p.get("plain_seconds", ""),
                f"{p['seconds'] / p['plain_seconds']:.1f}x" if p.get("plain_seconds") else "",
            ]
            for p in results.get("pdfs", [])
        ],
    )
    seeding = results.get("seeding", {})
    if seeding:
        lines += ["", "## Seeding", ""]
        lines += [f"- {name}: {seconds:.1f} s" for name, seconds in seeding.items()]
    load = results.get("load")
    lines += ["", "## Load run (issue 9)", ""]
    if load:
        figures = load["run"]
        lines += [
            f"Run {load['started']}, scale {load['scale']:,}: {load['clients']} clients for "
            f"{load['seconds']:.0f} s over a mix of every page above (CSV excepted), staff pages "
            "signed in.",
            "",
            f"- requests: {figures['requests']:,} ({figures['rps']:.1f} req/s); p50 "
            f"{figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms",
            f"- errors: {figures['errors']} (non-2xx {figures['non2xx']}, socket "
            f"{figures['socket_errors']}, timeouts {figures['timeouts']})",
            f"- worker memory (largest worker RSS): {load['memory_start_mb']:.1f} MB at the start, "
            f"{load['memory_end_mb']:.1f} MB at the end; samples "
            + ", ".join(f"{m:.0f}" for m in load.get("memory_samples_mb", [])),
            "",
        ]
        lines += table(
            ["bar", "case", "target", "measured", ""],
            [
                [b["bar"], b["subject"], b["target"], b["measured"], verdict(b["passed"])]
                for b in load.get("bars", [])
            ],
        )
    else:
        lines += ["Not run yet: `make bench-load`."]
    notes = results.get("notes", [])
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    if CHANGES.exists():
        lines += ["", CHANGES.read_text().strip()]
    return "\n".join(lines) + "\n"


def write(results: dict, directory: Path = RESULTS) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    path = directory / "latest.md"
    path.write_text(markdown(results))
    return path


def previous(directory: Path = RESULTS) -> dict:
    try:
        return json.loads((directory / "latest.json").read_text())
    except (OSError, ValueError):
        return {}
