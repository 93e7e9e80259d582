"""`make bench`: seed a fresh PostgreSQL database at scale, serve the portal and a baseline under
gunicorn, drive both with wrk, time the PDFs, check the bars and write bench/results/latest.md.
`make bench-load` (``--load``): the long run at 50 clients that issue 9 asks for.

    python -m bench.run --scale 2000            # quick, while developing
    python -m bench.run --scale 100000          # the real figures (what `make bench` runs)
    python -m bench.run --load --scale 100000   # 50 clients for 5 minutes

See bench/README.md.
"""

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import bars, report, wrk

REPO = Path(__file__).resolve().parent.parent
VAR = REPO / "var" / "bench"
BIN = Path(sys.executable).parent
STARTED = time.monotonic()
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/opcc_bench"
MAX_RUN_SECONDS = 20
DRAIN_SECONDS = 15
# Never a real key: the bench database is thrown away, and DEBUG=0 insists on having one.
BENCH_SECRET_KEY = "bench-only-secret-key-not-for-any-real-deployment-0123456789"  # noqa: S105


def log(message: str) -> None:
    print(f"[bench {time.monotonic() - STARTED:6.0f}s] {message}", flush=True)


def environment(database_url: str) -> dict:
    """Production settings (DJANGO_DEBUG=0) on the bench database, over plain HTTP."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": BENCH_SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "PRIVATE_FILES_ROOT": str(VAR / "private"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    # Management commands run Celery tasks in-process (no worker here) with a local cache; the
    # servers get the harness's own Redis as their cache (Server.env).
    for name in ("REDIS_URL", "BENCH_BASELINE_PAGE", "CELERY_TASK_ALWAYS_EAGER"):
        env.pop(name, None)
    return env


class Redis:
    """The servers' cache, as production has it: a Redis of the harness's own, on a Unix socket
    (never the machine's shared one, which others use), emptied after seeding."""

    def __init__(self):
        self.socket = VAR / "redis.sock"
        self.process = None

    def start(self) -> str:
        if not shutil.which("redis-server"):
            log("redis-server not found: the servers use a local-memory cache per worker")
            return ""
        VAR.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server"),
                "--port",
                "0",
                "--unixsocket",
                str(self.socket),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.socket.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        return f"unix://{self.socket}?db=0"

    def flush(self) -> None:
        """Empty the cache, then wait out the workers' one-second memo of the public cache's
        version (opcc.public_cache.recent_version), so the next request finds nothing kept."""
        if self.process:
            import redis

            redis.Redis(unix_socket_path=str(self.socket)).flushall()
            time.sleep(1.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


# --- The database ---------------------------------------------------------------------------


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def admin_connection(url: str):
    import psycopg

    return psycopg.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")), autocommit=True)


def database_exists(url: str) -> bool:
    with admin_connection(url) as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database_name(url)]
        ).fetchone()
    return row is not None


def drop_database(url: str) -> None:
    from psycopg import sql

    with admin_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database_name(url))
            )
        )


def create_database(url: str) -> None:
    from psycopg import sql

    drop_database(url)
    with admin_connection(url) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database_name(url))))


def manage(env: dict, *args: str, quiet: bool = False) -> float:
    """Run a management command; its duration in seconds. Its warnings and errors go to
    var/bench/manage.log (WeasyPrint's font warnings would bury the progress lines)."""
    VAR.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(VAR / "manage.log", "a") as errors:
        errors.write(f"\n$ manage.py {' '.join(args)}\n")
        errors.flush()
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env=env,
            check=False,
            stdout=errors if quiet else None,
            stderr=errors,
        )
    if done.returncode:
        tail = (VAR / "manage.log").read_text().splitlines()[-30:]
        raise SystemExit("\n".join([f"manage.py {' '.join(args)} failed:", *tail]))
    return time.monotonic() - started


def django_side(env: dict, command: str) -> dict:
    with open(VAR / "manage.log", "a") as errors:
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench.django_side", command],
            cwd=REPO,
            env=env,
            check=False,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    if done.returncode:
        tail = (VAR / "manage.log").read_text().splitlines()[-30:]
        raise SystemExit("\n".join([f"bench.django_side {command} failed:", *tail]))
    return json.loads(done.stdout)


# --- gunicorn --------------------------------------------------------------------------------


class Server:
    """One gunicorn (2 sync workers, as the Dockerfile runs it) and the memory of its workers."""

    def __init__(self, name: str, port: int, env: dict):
        self.name, self.port, self.env = name, port, env
        self.process = None

    def start(self) -> None:
        deadline = time.monotonic() + 10
        while answers(self.port):
            if time.monotonic() > deadline:
                raise SystemExit(f"Port {self.port} is already in use: stop what listens there.")
            time.sleep(0.5)
        VAR.mkdir(parents=True, exist_ok=True)
        self.log_file = open(VAR / f"{self.name}.log", "a")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(BIN / "gunicorn"),
                "opcc.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--chdir",
                str(REPO),
            ],
            cwd=REPO,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while not answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn ({self.name}) did not start: see {self.log_file.name}")
            time.sleep(0.3)
        while len(self.workers()) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        log(f"{self.name} serving on 127.0.0.1:{self.port} (workers {self.workers()})")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown, workers too
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log_file.close()

    def workers(self) -> list[int]:
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(child) for child in children]

    def memory(self) -> dict:
        """The largest worker's resident size now and its peak since the last reset, in MB."""
        rss, hwm = [], []
        for pid in self.workers():
            status = status_fields(pid)
            rss.append(status.get("VmRSS", 0))
            hwm.append(status.get("VmHWM", 0))
        return {
            "rss_mb": round(max(rss, default=0) / 1024, 1),
            "peak_mb": round(max(hwm, default=0) / 1024, 1),
        }

    def reset_peaks(self) -> None:
        for pid in self.workers():
            # "5" resets the peak resident size (VmHWM) to the current one (Linux >= 4.0).
            with contextlib.suppress(OSError):
                Path(f"/proc/{pid}/clear_refs").write_text("5")


def status_fields(pid: int) -> dict:
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                fields[name] = int(value.split()[0])
    except OSError:
        pass
    return fields


def answers(port: int) -> bool:
    try:
        get(port, "/")
    except OSError:
        return False
    return True


def get(port: int, path: str, cookie: str = "", timeout: float = 120) -> dict:
    """One GET: status, headers, body size, and the time to the first body byte and to the end."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        started = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        first = response.read(1)
        first_byte = time.perf_counter() - started
        body = first + response.read()
        return {
            "status": response.status,
            "headers": {name.lower(): value for name, value in response.getheaders()},
            "body": body,
            "first_byte_ms": first_byte * 1000,
            "total_ms": (time.perf_counter() - started) * 1000,
        }
    finally:
        connection.close()


def probe(server: Server, case: dict, cookie: str) -> dict:
    """A few single requests (which warm the workers and the cache up): the last's status and
    the most queries any of them made (the first, on an empty cache, may make more)."""
    counts = []
    for _ in range(4):
        answer = get(server.port, case["path"], cookie if case["staff"] else "")
        counts.append(int(answer["headers"].get("x-query-count", -1)))
    return {
        "status": answer["status"],
        "queries": max(counts) if min(counts) >= 0 else None,
        "query_counts": counts,
    }


def drain(server: Server) -> None:
    """Wait until the workers have answered what wrk left queued when it stopped (gunicorn's
    sync workers still serve connections wrk has closed), so the next run starts idle; if that
    would take more than DRAIN_SECONDS (a slow page at many clients), restart gunicorn."""
    try:
        for _ in range(2):
            get(server.port, "/bench-drain/", timeout=DRAIN_SECONDS)
    except TimeoutError:
        log("  restarting gunicorn: its workers still owe answers wrk no longer waits for")
        server.stop()
        server.start()


def run_seconds(seconds: float, clients: int, previous: dict | None) -> float:
    """``seconds``, or longer for a slow page at many clients: about three times the wait a
    client queues for (clients / the throughput just measured), up to MAX_RUN_SECONDS, so the
    run reaches a steady state instead of stopping before the first answers come back."""
    if not previous:
        return seconds
    if not previous["rps"]:
        return MAX_RUN_SECONDS
    return min(MAX_RUN_SECONDS, max(seconds, round(3 * clients / previous["rps"])))


def drive(server: Server, path: str, clients: list[str], seconds: float, cookie: str = "") -> dict:
    """wrk at each number of clients, with the workers' memory around each run."""
    runs, previous = {}, None
    for count in clients:
        before = server.memory()
        server.reset_peaks()
        figures = wrk.run(
            f"http://127.0.0.1:{server.port}{path}",
            connections=int(count),
            seconds=run_seconds(seconds, int(count), previous),
            cookie=cookie,
        )
        after = server.memory()
        drain(server)
        previous = figures
        figures["memory"] = {
            "rss_before_mb": before["rss_mb"],
            "peak_mb": after["peak_mb"],
            "rss_after_mb": after["rss_mb"],
        }
        runs[count] = figures
        log(
            f"  {count:>3} clients: {figures['rps']:8.1f} req/s  p50 {figures['p50_ms']:7.1f}  "
            f"p95 {figures['p95_ms']:7.1f}  p99 {figures['p99_ms']:7.1f} ms  "
            f"errors {figures['errors']}  peak {after['peak_mb']} MB  ({figures['seconds']:.0f} s)"
        )
    return runs


def git(*args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [shutil.which("git") or "git", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


# --- The run ---------------------------------------------------------------------------------


def prepare(args, env: dict, results: dict) -> None:
    """A fresh database, migrated, with the demo data (timed), unless --reuse-db finds one."""
    if args.reuse_db and database_exists(args.database_url):
        log(f"reusing database {database_name(args.database_url)}")
        results["notes"].append(
            "The database was reused (--reuse-db): the seeding time is not the whole seeding's."
        )
        return
    log(f"creating database {database_name(args.database_url)}")
    create_database(args.database_url)
    log("migrating")
    results["seeding"]["migrate_s"] = round(manage(env, "migrate", "--noinput", quiet=True), 1)
    log("seeding the demo data")
    results["seeding"]["demo_s"] = round(
        manage(env, "seed_demo", "--allow-without-debug", quiet=True), 1
    )


def seed_at_scale(args, env: dict, results: dict) -> None:
    """``seed_demo --scale N``, timed (on a reused database it adds only what is missing)."""
    log(f"seeding at scale: seed_demo --scale {args.scale}")
    results["seeding"]["scale_s"] = round(
        manage(env, "seed_demo", "--allow-without-debug", "--scale", str(args.scale)), 1
    )
    if "demo_s" in results["seeding"]:
        results["seeding"]["seed_s"] = round(
            results["seeding"]["demo_s"] + results["seeding"]["scale_s"], 1
        )


def measure_csv(server: Server, case: dict, targets: dict) -> dict:
    answers_ = [get(server.port, case["path"]) for _ in range(3)]
    last = answers_[-1]
    growth = max(
        run["memory"]["peak_mb"] - run["memory"]["rss_before_mb"] for run in case["runs"].values()
    )
    return {
        "rows": targets["csv_rows"],
        "status": last["status"],
        "first_byte_ms": round(statistics.median(a["first_byte_ms"] for a in answers_), 1),
        "total_ms": round(statistics.median(a["total_ms"] for a in answers_), 1),
        "bytes": len(last["body"]),
        "content_length": last["headers"].get("content-length"),
        "streamed": "content-length" not in last["headers"],
        "memory_growth_mb": round(growth, 1),
    }


def benchmark(args, env: dict, served: dict, redis: Redis, results: dict) -> None:
    clients = args.clients.split(",")
    portal = Server("portal", args.port, served)
    baseline = None
    try:
        portal.start()
        small = django_side(env, "targets")
        if "demo_s" in results["seeding"]:
            log(f"query counts on the demo data ({small['published_decisions']} decisions)")
            for case in small["cases"]:
                redis.flush()
                answer = probe(portal, case, small["session_cookie"])
                results["cases"][case["key"]] = {"queries_small": answer["queries"]}
        seed_at_scale(args, env, results)
        redis.flush()  # nothing cached before the scale seeding (bulk_create sends no signal)
        targets = django_side(env, "targets")
        cookie = targets["session_cookie"]
        results["published_decisions"] = targets["published_decisions"]

        page = get(portal.port, targets["cases"][0]["path"])
        if page["status"] != 200:
            raise SystemExit(f"the register page answered {page['status']}")
        page_file = VAR / "register-page.html"
        page_file.write_bytes(page["body"])
        baseline = Server(
            "baseline", args.baseline_port, {**served, "BENCH_BASELINE_PAGE": str(page_file)}
        )
        baseline.start()

        log(f"baseline: a static page of {len(page['body']):,} bytes")
        for _ in range(4):
            get(baseline.port, "/")
        results["baseline"] = {
            "label": "baseline (static page)",
            "path": "/",
            "bytes": len(page["body"]),
            "runs": drive(baseline, "/", clients, args.seconds),
        }
        for case in targets["cases"]:
            entry = results["cases"].setdefault(case["key"], {})
            entry.update(case)
            redis.flush()  # the first request of the probe finds nothing cached (its queries)
            answer = probe(portal, case, cookie)
            entry["status"] = answer["status"]
            entry["queries"] = answer["queries"]
            entry["query_counts"] = answer["query_counts"]
            log(
                f"{case['label']}: {case['path']} "
                f"(status {answer['status']}, queries {answer['query_counts']})"
            )
            if answer["status"] != 200:
                results["notes"].append(
                    f"{case['label']} answered {answer['status']}, not 200: its figures are not a "
                    "page's."
                )
            entry["runs"] = drive(
                portal, case["path"], clients, args.seconds, cookie if case["staff"] else ""
            )
            if case["key"] == "csv_year":
                results["csv"] = measure_csv(portal, entry, targets)
        results["notes"] += [
            f"The register has {targets['register_pages']} pages at this scale, so page 500 is "
            f"page {min(500, targets['register_pages'])} (past the end, the last page shows).",
            "Queries of the CSV export are counted until its first byte (a streamed body's queries "
            "run after the headers).",
            "Queries 'on the demo data' are the same pages before `--scale` adds its rows; the "
            "suite's django_assert_max_num_queries tests compare two small sizes too.",
            "Staff pages are measured signed in as the Chief Executive (second factor verified, "
            "with the CSRF cookie a browser holds; the session is written at most once a "
            "minute, as in production).",
            "wrk, gunicorn and PostgreSQL share the machine's CPUs: figures are for comparison "
            "within one run.",
            "PDFs are timed with production's storage: the hashed print stylesheet is read from "
            "STATIC_ROOT (a stylesheet WeasyPrint could not load would be logged in the "
            "harness's output).",
        ]
    finally:
        portal.stop()
        if baseline:
            baseline.stop()
    log("timing the PDFs")
    try:
        results.update(django_side(env, "pdfs"))
    except SystemExit as failure:  # the pages' figures are still worth writing
        log(str(failure))
        results["pdfs"] = [{"key": "pdfs", "label": "PDF timing", "error": "failed (see log)"}]
    for pdf in results["pdfs"]:
        log(
            f"  {pdf['label']}: {pdf.get('seconds', pdf.get('error'))} s, {pdf.get('pages')} "
            f"pages; plain document {pdf.get('plain_seconds')} s"
        )


def load_run(args, env: dict, served: dict, redis: Redis, results: dict) -> dict:
    """--load: a mix of every page (CSV excepted) at ``--load-clients`` for ``--load-seconds``,
    sampling the workers' memory; zero errors and flat memory are the bars."""
    portal = Server("portal", args.port, served)
    try:
        seed_at_scale(args, env, results)
        redis.flush()
        portal.start()
        targets = django_side(env, "targets")
        cookie = targets["session_cookie"]
        mix = [
            f"{case['path']}\t{cookie}" if case["staff"] else case["path"]
            for case in targets["cases"]
            if case["page"]
        ]
        url = f"http://127.0.0.1:{portal.port}/"
        log(f"warming up: {args.load_clients} clients for 10 s")
        wrk.run(url, connections=args.load_clients, seconds=10, mix=mix)
        start = portal.memory()["rss_mb"]
        log(f"load run: {args.load_clients} clients for {args.load_seconds:g} s")
        process = subprocess.Popen(  # noqa: S603
            wrk.command(url, connections=args.load_clients, seconds=args.load_seconds, mix=mix),
            stdout=subprocess.PIPE,
            text=True,
        )
        samples = []
        while process.poll() is None:
            time.sleep(min(15, args.load_seconds / 10))
            samples.append(portal.memory()["rss_mb"])
            log(f"  worker memory {samples[-1]} MB")
        figures = wrk.parse(process.stdout.read())
        end = portal.memory()["rss_mb"]
    finally:
        portal.stop()
    load = {
        "started": results["run"]["started"],
        "scale": args.scale,
        "clients": args.load_clients,
        "seconds": args.load_seconds,
        "run": figures,
        "memory_start_mb": start,
        "memory_end_mb": end,
        "memory_samples_mb": samples,
    }
    load["bars"] = bars.load_bars(load)
    log(
        f"load: {figures['requests']} requests, {figures['rps']} req/s, "
        f"{figures['errors']} errors, memory {start} -> {end} MB"
    )
    return load


def arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=6, help="wrk time per case and clients")
    parser.add_argument("--clients", default="1,10,50")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--baseline-port", type=int, default=8102)
    parser.add_argument("--reuse-db", action="store_true", help="use the database if it exists")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database after")
    parser.add_argument("--load", action="store_true", help="the long load run (issue 9)")
    parser.add_argument("--load-clients", type=int, default=50)
    parser.add_argument("--load-seconds", type=float, default=300)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = arguments(argv)
    env = environment(args.database_url)
    results = {
        "run": {
            "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
            "cpus": os.cpu_count(),
            # Others' work on the machine skews every figure: the 1-minute load at the start.
            "load_average": os.getloadavg()[0],
            "scale": args.scale,
            "seconds": args.seconds,
            "clients": args.clients.split(","),
        },
        "seeding": {},
        "cases": {},
        "baseline": {"runs": {}},
        "notes": [],
    }
    earlier = report.previous()
    redis = Redis()
    try:
        # Static files first: the demo data generates PDFs, which need production's manifest.
        log("collecting static files (production's hashed manifest)")
        manage(env, "collectstatic", "--noinput", quiet=True)
        prepare(args, env, results)
        served = dict(env)
        redis_url = redis.start()
        if redis_url:
            served.update(REDIS_URL=redis_url, CELERY_TASK_ALWAYS_EAGER="1")
        results["run"]["cache"] = "redis (the harness's own)" if redis_url else "local memory"
        if args.load:
            load = load_run(args, env, served, redis, results)
            # The load figures join the last full run's results, which keep their own date.
            results = earlier or results
            results["load"] = load
        else:
            benchmark(args, env, served, redis, results)
            if earlier.get("load"):
                results["load"] = earlier["load"]
            results["bars"] = bars.check(results)
            results["run"]["total_s"] = round(time.monotonic() - STARTED)
            results["run"]["load_average_end"] = os.getloadavg()[0]
    finally:
        redis.stop()
        if not args.keep_db:
            log(f"dropping database {database_name(args.database_url)}")
            drop_database(args.database_url)
    path = report.write(results)
    shown = results.get("bars", []) if not args.load else results["load"]["bars"]
    print()
    for item in shown:
        print(
            f"{report.verdict(item['passed']):4}  {item['bar']}: {item['subject']}: "
            f"{item['measured']} (target {item['target']})"
        )
    log(f"written {path.relative_to(REPO)} and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
