"""Driving wrk (Debian's package) and reading its figures: pure functions but ``run``."""

import json
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).with_name("wrk.lua")
# A request slower than this is a timeout error. gunicorn kills a worker stuck for 30 s, so a
# longer wait could never succeed; wrk's own default (2 s) would count queueing as failure.
TIMEOUT_SECONDS = 30
MARKER = "BENCH_JSON "


def command(
    url: str,
    *,
    connections: int,
    seconds: float,
    cookie: str = "",
    mix: list[str] | None = None,
) -> list[str]:
    """The wrk command line for ``connections`` clients on ``url`` for ``seconds``: one thread
    per client up to two (the machine's cores are shared with the server)."""
    args = [
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        f"--timeout={TIMEOUT_SECONDS}s",
        "-s",
        str(SCRIPT),
    ]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    args.append(url)
    if mix:
        args += ["--", *mix]
    return args


def parse(output: str) -> dict:
    """The figures of one wrk run from its output (the line wrk.lua's ``done`` writes)."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            raw = json.loads(line.removeprefix(MARKER))
            break
    else:
        raise ValueError(f"no {MARKER.strip()} line in wrk's output:\n{output}")
    seconds = raw["duration_us"] / 1_000_000
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "non2xx": raw["non2xx"],
        "first_non2xx": raw["first_non2xx"] or None,
        "socket_errors": socket_errors,
        "timeouts": raw["timeout"],
        "errors": raw["non2xx"] + socket_errors,
        "bytes_per_request": round(raw["bytes"] / raw["requests"]) if raw["requests"] else 0,
    }


def run(url: str, **options) -> dict:
    args = command(url, **options)
    done = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse(done.stdout)
