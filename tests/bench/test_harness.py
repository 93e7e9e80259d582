"""The benchmark harness's pure parts: reading wrk's figures, the bars, the results table.
(The harness itself, `make bench`, is too long for the suite.)"""

import pytest

from bench import bars, report, run, wrk

WRK_OUTPUT = """Running 6s test @ http://127.0.0.1:8101/decisions/
  2 threads and 10 connections
  1200 requests in 6.00s, 9.60MB read
BENCH_JSON {"requests": 1200, "duration_us": 6000000, "bytes": 9600000, "connect": 0, \
"read": 2, "write": 0, "timeout": 1, "status_4xx_5xx": 0, "non2xx": 3, "first_non2xx": 302, \
"p50_us": 8000, "p95_us": 15500, "p99_us": 21000, "max_us": 40000, "mean_us": 8300.5}
"""


def test_wrk_figures_are_read_from_the_scripts_json_line():
    figures = wrk.parse(WRK_OUTPUT)
    assert figures["rps"] == 200.0
    assert (figures["p50_ms"], figures["p95_ms"], figures["p99_ms"]) == (8.0, 15.5, 21.0)
    # A redirect (say, to the sign-in page) is an error, and so is every socket error.
    assert figures["non2xx"] == 3
    assert figures["first_non2xx"] == 302
    assert figures["socket_errors"] == 3
    assert figures["errors"] == 6
    assert figures["bytes_per_request"] == 8000


def test_wrk_output_without_figures_is_refused():
    with pytest.raises(ValueError, match="BENCH_JSON"):
        wrk.parse("unable to connect to 127.0.0.1:8101 Connection refused")


def test_wrk_command_signs_in_with_the_cookie_and_passes_a_mix_to_the_script():
    args = wrk.command(
        "http://127.0.0.1:8101/", connections=50, seconds=6, cookie="sessionid=abc", mix=["/a"]
    )
    assert args[:4] == ["wrk", "-t2", "-c50", "-d6s"]
    assert "--timeout=30s" in args
    assert args[args.index("-H") + 1] == "Cookie: sessionid=abc"
    assert args[-3:] == ["http://127.0.0.1:8101/", "--", "/a"]
    assert wrk.command("http://x/", connections=1, seconds=6)[1] == "-t1"


def test_a_slow_page_at_many_clients_runs_longer_up_to_a_limit():
    assert run.run_seconds(6, 50, None) == 6
    assert run.run_seconds(6, 50, {"rps": 500.0}) == 6
    assert run.run_seconds(6, 50, {"rps": 15.0}) == 10
    assert run.run_seconds(6, 50, {"rps": 1.0}) == run.MAX_RUN_SECONDS
    # Nothing answered at fewer clients: the longest run, not the shortest.
    assert run.run_seconds(6, 10, {"rps": 0.0}) == run.MAX_RUN_SECONDS


def figures(rps, p50=10.0, p95=20.0, errors=0, requests=600):
    return {
        "rps": rps,
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": p95,
        "errors": errors,
        "non2xx": errors,
        "first_non2xx": 500 if errors else None,
        "socket_errors": 0,
        "timeouts": 0,
        "requests": requests,
        "seconds": 6.0,
    }


def results(**pages):
    """A run in which the baseline does 100 req/s with a p95 of 10 ms at every concurrency."""
    return {
        "run": {
            "scale": 100_000,
            "started": "now",
            "commit": "abc",
            "cpus": 2,
            "seconds": 6,
            "clients": ["1", "10", "50"],
        },
        "baseline": {
            "bytes": 1000,
            "runs": {c: figures(100.0, 5.0, 10.0) for c in ("1", "10", "50")},
        },
        "cases": {
            key: {
                "label": key,
                "path": "/",
                "staff": False,
                "page": True,
                "queries": 4,
                "queries_small": 4,
                "runs": runs,
            }
            for key, runs in pages.items()
        },
        "seeding": {"seed_s": 200.0},
    }


def verdicts(found, bar_name):
    return [b["passed"] for b in found if b["bar"].startswith(bar_name)]


def test_a_page_meets_the_baseline_bars_at_half_the_throughput_and_three_times_the_p95():
    found = bars.baseline_bars(
        results(register_first={"10": figures(50.0, p95=30.0), "50": figures(40.0)})
    )
    assert verdicts(found, "throughput") == [True]
    assert verdicts(found, "p95") == [True]
    assert verdicts(found, "errors") == [True]


def test_a_page_below_half_the_baseline_or_slower_than_three_times_fails():
    found = bars.baseline_bars(
        results(search={"10": figures(49.0, p95=31.0), "50": figures(40.0, errors=2)})
    )
    assert verdicts(found, "throughput") == [False]
    assert verdicts(found, "p95") == [False]
    assert verdicts(found, "errors") == [False]


def test_no_answer_at_all_at_fifty_clients_is_not_zero_errors():
    found = bars.baseline_bars(
        results(staff_dashboard={"10": figures(60.0), "50": figures(0.0, requests=0)})
    )
    errors = next(b for b in found if b["bar"].startswith("errors"))
    assert errors["passed"] is False
    assert errors["measured"] == "no request completed in 6 s"


def test_queries_must_be_few_and_the_same_on_small_data():
    data = results(register_first={}, search={}, decision_detail={})
    data["cases"]["search"]["queries"] = 11
    data["cases"]["decision_detail"]["queries_small"] = 3
    found = {b["subject"]: b["passed"] for b in bars.query_bars(data)}
    assert found == {"register_first": True, "search": False, "decision_detail": False}


def test_page_500_is_held_to_one_and_a_half_times_page_one():
    data = results(
        register_first={"1": figures(50, p50=10.0)}, register_page_500={"1": figures(40, p50=15.0)}
    )
    assert bars.page_500_bar(data)[0]["passed"] is True
    data["cases"]["register_page_500"]["runs"]["1"]["p50_ms"] = 15.1
    assert bars.page_500_bar(data)[0]["passed"] is False


def test_a_csv_that_is_not_streamed_fails_however_fast():
    data = results()
    data["csv"] = {
        "rows": 10_000,
        "first_byte_ms": 120.0,
        "streamed": False,
        "content_length": "2000000",
        "memory_growth_mb": 3.0,
    }
    streams, memory = bars.csv_bars(data)
    assert streams["passed"] is False
    assert memory["passed"] is True
    data["csv"].update(streamed=True, memory_growth_mb=40.0)
    streams, memory = bars.csv_bars(data)
    assert (streams["passed"], memory["passed"]) == (True, False)


def test_pdfs_notice_under_a_second_reports_within_twice_a_plain_document():
    data = results()
    data["pdfs"] = [
        {
            "key": "decision_notice",
            "label": "notice",
            "seconds": 0.4,
            "pages": 2,
            "plain_seconds": 0.2,
        },
        {
            "key": "panel_quarterly_report",
            "label": "panel",
            "seconds": 2.1,
            "pages": 10,
            "plain_seconds": 1.0,
        },
    ]
    assert [b["passed"] for b in bars.pdf_bars(data)] == [True, False]


def test_seeding_bar_applies_only_at_the_scale_it_names():
    data = results()
    assert bars.seeding_bar(data)[0]["passed"] is True
    data["run"]["scale"] = 2000
    assert bars.seeding_bar(data)[0]["passed"] is None


def test_the_results_table_prints_each_bar_with_its_verdict():
    data = results(register_first={"1": figures(50), "10": figures(20.0), "50": figures(40)})
    data["bars"] = bars.check(data)
    text = report.markdown(data)
    lines = text.splitlines()
    assert (
        "| throughput at 10 clients | register_first | >= 50% of baseline "
        "| 20 req/s = 20% of 100 | FAIL |"
    ) in lines
    assert (
        "| queries per request | register_first | <= 10, same at every size "
        "| 4 at scale, 4 on the demo data | PASS |"
    ) in lines
    assert "Not run yet: `make bench-load`." in text


def test_the_load_run_fails_on_any_error_or_memory_growing_past_a_tenth():
    load = {
        "clients": 50,
        "seconds": 300.0,
        "run": figures(40.0),
        "memory_start_mb": 120.0,
        "memory_end_mb": 132.0,
    }
    assert [b["passed"] for b in bars.load_bars(load)] == [True, True]
    load.update(memory_end_mb=132.1, run=figures(40.0, errors=1))
    assert [b["passed"] for b in bars.load_bars(load)] == [False, False]
