"""HTTP benchmark of the public pages against the production server set-up, driven by wrk.

    .venv/bin/python bench/http_bench.py --database-url URL [--duration 10] [--repeat 3]
    .venv/bin/python bench/http_bench.py --table var/bench/http-….json   (print a saved run)

Collects the static files into a temporary STATIC_ROOT, starts gunicorn (`kennisstad.wsgi`,
2 sync workers, DEBUG off, whitenoise) on a free loopback port against DATABASE_URL, waits
for /healthz, warms every page up, then runs wrk (`-t2 -c16`, bench/report.lua) for a fixed
duration on each URL, `--repeat` rounds interleaved (healthz, page A, page B, …, healthz, …) so
drift on the machine hits every URL alike. Prints per URL the median p50/p95/p99 latency,
requests/s and requests/s as a percentage of /healthz measured in the same round, with the
min–max over the rounds as the noise; writes everything to var/bench/http-<label>-<time>.json.

The ratio to /healthz is the figure to compare between machines and runs: /healthz goes
through the same gunicorn, WSGI and middleware stack but touches neither the database nor a
template, so it is the ceiling for this machine and set-up.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LUA_SCRIPT = ROOT / "bench" / "report.lua"
MIX_LUA_SCRIPT = ROOT / "bench" / "mix.lua"
# Numbers each wrk run of a mix, so every run (warm-up, each round) draws its own sequence of
# paths: with one seed for all, every round replayed the start of the warm-up, and the
# "new" searches of the long tail came back to a page cache that had seen them.
MIX_RUNS = itertools.count(1)
OUTPUT_DIR = ROOT / "var" / "bench"
SEARCH_THEME = "gezondheid-welzijn"
SEARCH_MIX_SIZE = 200

# Run inside the server's environment: a real project slug and the number of projects.
FACTS_CODE = """
import json, django
django.setup()
from portfolio.models import Project, Theme
published = Project.objects.filter(publication="gepubliceerd").order_by("pk")
count = published.count()
middle = published.values_list("slug", flat=True)[count // 2] if count else None
themes = list(Theme.objects.order_by("order", "pk").values_list("slug", flat=True))
from django.db import connection
print(json.dumps({"projects": count, "project_slug": middle, "theme_slug": themes[0] if themes
                  else None, "theme_slugs": themes, "vendor": connection.vendor}))
"""


def search_texts(count: int = SEARCH_MIX_SIZE) -> list[str]:
    """`count` different Dutch searches drawn from the words the generated projects use.

    Single words, topics of several words, a word with a shared noun, quoted phrases and
    typos; most find something, a few find nothing. The same list every run.
    """
    import random

    import generate_projects as generated

    rng = random.Random(20261129)
    nouns = sorted(
        {n for words in generated.THEME_WORDS.values() for n in words["nouns"]}
        | set(generated.SHARED_NOUNS)
    )
    topics = sorted({t.lower() for w in generated.THEME_WORDS.values() for t in w["topics"]})
    texts = ["school", "schoolplein", "basisschool", "gezondheid", "erfgoed", "groen"]
    texts += nouns + topics
    texts += [f'"{topic}"' for topic in rng.sample(topics, 10)]
    texts += [f"{a} {b}" for a, b in zip(rng.sample(nouns, 40), rng.sample(nouns, 40), strict=True)]
    for noun in rng.sample([n for n in nouns if len(n) >= 6], 30):
        i = rng.randrange(1, len(noun) - 2)
        texts.append(noun[:i] + noun[i + 1] + noun[i] + noun[i + 2 :])  # two letters swapped
    texts += ["leiden", "stad", "onderzoek", "wijk", "kinderen in de wijk", "xylofoon"]
    unique = list(dict.fromkeys(texts))
    rng.shuffle(unique)
    return unique[:count]


def search_mix(theme_slugs: list[str]) -> list[str]:
    """The search URLs of the mix: every text alone and with one of the themes."""
    paths = []
    for number, text in enumerate(search_texts()):
        query = urllib.parse.quote_plus(text)
        paths.append(f"/projecten/?q={query}")
        if theme_slugs:
            paths.append(f"/projecten/?q={query}&thema={theme_slugs[number % len(theme_slugs)]}")
    return paths


def fresh_searches(theme_slugs: list[str], count: int = 200_000) -> list[str]:
    """`count` search URLs made of two or three random words of the generated projects, with
    or without a theme: so many that a run hardly asks one twice (the long tail)."""
    import random

    import generate_projects as generated

    rng = random.Random(20261130)
    words = sorted(
        {n for w in generated.THEME_WORDS.values() for n in w["nouns"]}
        | set(generated.SHARED_NOUNS)
        | {
            t.lower()
            for w in generated.THEME_WORDS.values()
            for t in " ".join(w["topics"]).split()
            if len(t) >= 4
        }
    )
    seen: set[str] = set()
    while len(seen) < count:
        text = " ".join(rng.sample(words, rng.choice((2, 2, 3))))
        path = f"/projecten/?q={urllib.parse.quote_plus(text)}"
        theme = rng.choice([None, *theme_slugs])
        seen.add(path + (f"&thema={theme}" if theme else ""))
    return sorted(seen)


def parse_arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="the database the server uses (default: $DATABASE_URL)",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL per round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per URL")
    parser.add_argument(
        "--mix-warmup",
        type=int,
        default=60,
        help="warm-up seconds for the search mix, to reach its steady state (default 60)",
    )
    parser.add_argument(
        "--fresh-share",
        type=float,
        default=0.0,
        help="share of the search mix's requests (0-1) that are searches made up anew, which "
        "no cache has seen: the long tail of real traffic (default 0)",
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--timeout",
        type=int,
        default=30,
        help="seconds before wrk gives up on a request and gunicorn kills its worker (30)",
    )
    parser.add_argument(
        "--settle",
        type=int,
        default=30,
        help="seconds to wait for the backlog after each run before restarting gunicorn",
    )
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="PAGE_CACHE_SECONDS=0: measure the cost of rendering, not of the page cache",
    )
    parser.add_argument(
        "--query",
        help="search for this one text (with the health theme) instead of the mix of searches",
    )
    parser.add_argument("--label", default="", help="name for the JSON file (e.g. sqlite-10000)")
    parser.add_argument(
        "--only", action="append", help="benchmark only URLs whose name contains this (repeatable)"
    )
    arguments = parser.parse_args()
    if not arguments.database_url:
        parser.error("give --database-url or set DATABASE_URL")
    if not 1 <= arguments.duration <= 300 or not 1 <= arguments.repeat <= 20:
        parser.error("--duration must be 1..300 seconds and --repeat 1..20")
    return arguments


def require_wrk() -> str:
    """The wrk binary, or exit with a message saying how to install it."""
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit(
            "bench/http_bench.py needs the load generator wrk, which is not on PATH.\n"
            "Install it with: apt-get install -y wrk   (Debian/Ubuntu; brew install wrk on macOS)"
        )
    return wrk


def free_loopback_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(database_url: str, static_root: Path) -> dict[str, str]:
    """The production settings, over plain HTTP on loopback."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="kennisstad.settings",
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY="benchmark-only-not-a-secret-" + "x" * 32,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )


def run_checked(command: list[str], environment: dict, what: str) -> str:
    """Run a command to completion; on failure print its output and exit."""
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{what} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def collect_static(environment: dict) -> None:
    """Collect the static files into the environment's STATIC_ROOT, as a deployment does."""
    run_checked(
        [str(PYTHON), "manage.py", "collectstatic", "--no-input", "-v0"],
        environment,
        "collectstatic",
    )


def gunicorn_command(port: int, workers: int, timeout: int, log: Path) -> list[str]:
    """The production server on 127.0.0.1:`port`, logging errors to `log`."""
    return [
        str(GUNICORN),
        "kennisstad.wsgi",
        f"--workers={workers}",
        f"--bind=127.0.0.1:{port}",
        f"--error-logfile={log}",
        # gunicorn's default: a request running longer gets its worker killed.
        f"--timeout={timeout}",
    ]


def wait_for_health(base: str, server: subprocess.Popen, log: Path, limit: float = 60) -> None:
    """Poll /healthz until it answers 200; exit if the server dies or takes too long."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    sys.exit(f"/healthz did not answer within {limit:.0f} s:\n{log.read_text()[-3000:]}")


def check_page(base: str, path: str) -> tuple[int, int, float]:
    """Fetch a page once: (status, bytes, seconds), so a broken URL shows before the load."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{base}{path}", timeout=120) as answer:
            body = answer.read()
            return answer.status, len(body), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, len(error.read()), time.perf_counter() - started
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        # No answer at all: typically gunicorn killed the worker at its timeout.
        return 0, 0, time.perf_counter() - started


def first_pass(base: str, paths: list[str]) -> dict:
    """Fetch every URL of a mix once, one after the other: what a search costs the first time
    it is asked (nothing of it cached yet but the project index)."""
    seconds, statuses = [], {}
    for path in paths:
        status, _, took = check_page(base, path)
        seconds.append(took * 1000)
        statuses[status] = statuses.get(status, 0) + 1
    seconds.sort()
    summary = {
        "urls": len(paths),
        "statuses": statuses,
        "median_ms": statistics.median(seconds),
        "p95_ms": seconds[int(0.95 * (len(seconds) - 1))],
        "max_ms": seconds[-1],
    }
    print(
        f"  search mix, each of {len(paths)} URLs once: median {summary['median_ms']:.0f} ms, "
        f"p95 {summary['p95_ms']:.0f} ms, max {summary['max_ms']:.0f} ms; statuses {statuses}"
    )
    return summary


def end_orphaned_queries(database_url: str) -> None:
    """On PostgreSQL, end the queries of killed gunicorn workers.

    A worker killed at its timeout or by a restart leaves its query running in PostgreSQL
    until it finishes; without this, that work would slow the next URL's measurement.
    SQLite runs inside the worker process, so its queries die with it.
    """
    if not database_url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )


class Server:
    """The gunicorn process under test, which can be restarted on the same port."""

    def __init__(self, command: list[str], environment: dict, base: str, log: Path):
        self.command, self.environment, self.base, self.log = command, environment, base, log
        self.process: subprocess.Popen | None = None
        self.restarts = 0

    def start(self) -> None:
        with open(self.log, "a") as log_file:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.environment,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        wait_for_health(self.base, self.process, self.log)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)  # quick shutdown: drops the backlog
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        end_orphaned_queries(self.environment["DATABASE_URL"])
        self.start()

    def settle(self, limit: float) -> tuple[float, bool]:
        """Wait until the requests wrk left queued are served: (seconds, restarted).

        wrk stops at its deadline, but requests already in gunicorn's listen backlog are
        still served afterwards; the next URL must not be measured against that backlog.
        Idle means two quick /healthz answers in a row. A backlog that takes longer than
        `limit` (a page of many seconds times 16 connections) is thrown away by restarting
        gunicorn, which keeps the whole run bounded in time.
        """
        started = time.monotonic()
        timeouts_before = self.log.read_text().count("WORKER TIMEOUT")
        quick = 0
        while quick < 2:
            if time.monotonic() - started > limit:
                self.restart()
                return time.monotonic() - started, True
            before = time.monotonic()
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=limit) as answer:
                    answer.read()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                quick = 0
                continue
            quick = quick + 1 if time.monotonic() - before < 0.05 else 0
        if self.log.read_text().count("WORKER TIMEOUT") > timeouts_before:
            # Killed workers may have left queries running in the database.
            self.restart()
            return time.monotonic() - started, True
        return time.monotonic() - started, False


def run_wrk(
    wrk: str, url: str, seconds: int, arguments: argparse.Namespace, paths: Path | None = None
) -> dict:
    """One wrk run against `url`, or spread over the paths listed in `paths`; the JSON that
    bench/report.lua prints."""
    command = [
        wrk,
        f"-t{arguments.threads}",
        f"-c{arguments.connections}",
        f"-d{seconds}s",
        f"--timeout={arguments.timeout}s",
        "-s",
        str(LUA_SCRIPT if paths is None else MIX_LUA_SCRIPT),
        url,
    ]
    if paths is not None:
        fresh = paths.with_name("fresh-searches.txt")
        share = arguments.fresh_share if fresh.exists() else 0
        command += ["--", str(paths), str(fresh), str(share), str(next(MIX_RUNS))]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + arguments.timeout + 30
    )
    match = re.search(r"^BENCH-JSON (\{.*\})$", done.stdout, re.MULTILINE)
    if done.returncode != 0 or match is None:
        sys.exit(f"wrk failed on {url}:\n{done.stdout}\n{done.stderr}")
    return json.loads(match.group(1))


def spread(values: list[float]) -> str:
    """min–max of a list, for the noise column."""
    return f"{min(values):.0f}–{max(values):.0f}" if len(values) > 1 else "-"


def summarise(names: list[str], rounds: list[dict[str, dict]]) -> list[dict]:
    """Per URL the medians over the rounds, min–max spreads and the ratio to /healthz."""
    rows = []
    for name in names:
        runs = [round_[name] for round_ in rounds]
        ratios = [
            100.0 * round_[name]["requests_per_second"] / round_["healthz"]["requests_per_second"]
            if round_["healthz"]["requests_per_second"]
            else float("nan")
            for round_ in rounds
        ]
        # A run in which no request finished has no latency to speak of (not 0 ms).
        finished = [run for run in runs if run["requests"]] or [
            {"latency_ms": dict.fromkeys(("p50", "p95", "p99", "max"), float("nan"))}
        ]
        latency = {
            key: [run["latency_ms"][key] for run in finished]
            for key in ("p50", "p95", "p99", "max")
        }
        throughput = [run["requests_per_second"] for run in runs]
        errors = sum(
            run["non_2xx"]
            + run["errors"]["connect"]
            + run["errors"]["read"]
            + run["errors"]["write"]
            + run["errors"]["timeout"]
            for run in runs
        )
        rows.append(
            {
                "name": name,
                "requests": sum(run["requests"] for run in runs),
                "median": {
                    **{key: statistics.median(values) for key, values in latency.items()},
                    "requests_per_second": statistics.median(throughput),
                    "percent_of_healthz": statistics.median(ratios),
                },
                "min": {
                    **{key: min(values) for key, values in latency.items()},
                    "requests_per_second": min(throughput),
                    "percent_of_healthz": min(ratios),
                },
                "max": {
                    **{key: max(values) for key, values in latency.items()},
                    "requests_per_second": max(throughput),
                    "percent_of_healthz": max(ratios),
                },
                "errors": errors,
            }
        )
    return rows


def print_table(rows: list[dict], paths: dict[str, str]) -> None:
    """The result table: medians, with min–max over the rounds in brackets."""
    header = (
        f"{'URL':<44} {'p50 ms':>17} {'p95 ms':>17} {'p99 ms':>17} "
        f"{'req/s':>17} {'% healthz':>15} {'done':>7} {'errors':>6}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:

        def cell(key: str, digits: int = 1, row: dict = row) -> str:
            median, low, high = row["median"][key], row["min"][key], row["max"][key]
            if median < 10:  # slow pages: keep the figures that carry information
                digits = max(digits, 2 if median < 1 else 1)
            return f"{median:.{digits}f} ({low:.{digits}f}–{high:.{digits}f})"

        path = paths[row["name"]]
        shown = path if len(path) <= 44 else path[:41] + "…"
        print(
            f"{shown:<44} {cell('p50'):>17} {cell('p95'):>17} {cell('p99'):>17} "
            f"{cell('requests_per_second', 0):>17} {cell('percent_of_healthz', 1):>15} "
            f"{row['requests']:>7} {row['errors']:>6}"
        )
    print(
        "Medians over the rounds; (min–max) over the rounds is the noise; done = requests "
        "answered in all rounds; errors = non-2xx + socket errors + timeouts; nan = none answered."
    )


def print_saved(path: Path) -> None:
    """Print the table of a results file written earlier."""
    saved = json.loads(path.read_text())
    print(f"{saved['label']} ({saved['started']}): {saved['database']['projects']} projects")
    print_table(saved["summary"], saved["urls"])
    print(f"Machine noise: /healthz spread {saved['healthz_noise_percent']:.1f}% of its median.")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--table":
        print_saved(Path(sys.argv[2]))
        return
    arguments = parse_arguments()
    wrk = require_wrk()
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as temporary:
        static_root = Path(temporary) / "static"
        environment = server_environment(arguments.database_url, static_root)
        if arguments.no_page_cache:
            environment["PAGE_CACHE_SECONDS"] = "0"
        facts = json.loads(
            run_checked([str(PYTHON), "-c", FACTS_CODE], environment, "Reading the database")
        )
        if not facts["projects"]:
            sys.exit("The database holds no published projects; run bench/generate_projects.py")
        collect_static(environment)
        port = free_loopback_port()
        base = f"http://127.0.0.1:{port}"
        log = Path(temporary) / "gunicorn.log"
        command = gunicorn_command(port, arguments.workers, arguments.timeout, log)
        urls = {
            "healthz": "/healthz",
            "home": "/",
            "projects": "/projecten/",
            "search": f"/projecten/?q={urllib.parse.quote_plus(arguments.query or '')}"
            f"&thema={SEARCH_THEME}",
            "project": f"/projecten/{facts['project_slug']}/",
            "theme": f"/themas/{facts['theme_slug']}/",
            "samenhang": "/samenhang/",
            "map-geojson": "/kaart/projecten.geojson",
            "api-projects": f"/api/v1/projects?thema={facts['theme_slug']}",
            "ambitions": "/ambities/",
            "indicator": "/indicatoren/goed-ervaren-gezondheid/",
        }
        labels = dict(urls)
        mixes: dict[str, Path] = {}
        mix: list[str] = []
        if not arguments.query:
            # Many different searches, spread over by bench/mix.lua, not one URL repeated.
            mix = search_mix(facts["theme_slugs"])
            mixes["search"] = Path(temporary) / "search-mix.txt"
            mixes["search"].write_text("\n".join(mix) + "\n")
            urls["search"] = mix[0]
            labels["search"] = f"/projecten/?q=…[&thema=…] mix of {len(mix)}"
            if arguments.fresh_share:
                fresh = fresh_searches(facts["theme_slugs"])
                mixes["search"].with_name("fresh-searches.txt").write_text("\n".join(fresh) + "\n")
                labels["search"] += f" + {arguments.fresh_share:.0%} new"
        if arguments.only:
            urls = {
                name: path
                for name, path in urls.items()
                if name == "healthz" or any(part in name for part in arguments.only)
            }
        names = list(urls)

        server = Server(command, environment, base, log)
        server.start()
        try:
            print(
                f"gunicorn ({arguments.workers} workers) on {base}, {facts['vendor']}, "
                f"{facts['projects']} published projects; wrk -t{arguments.threads} "
                f"-c{arguments.connections}, {arguments.duration} s per URL, "
                f"{arguments.repeat} rounds, page cache "
                + ("off" if arguments.no_page_cache else "as configured")
            )
            single = {}
            for name, path in urls.items():
                status, size, seconds = check_page(base, path)
                single[name] = {"status": status, "bytes": size, "seconds": seconds}
                print(f"  {path}: {status}, {size} bytes, first answer {seconds * 1000:.0f} ms")
                if status == 0:
                    print(f"  WARNING: {path} gave no answer (worker timeout?); expect errors")
                elif status != 200:
                    print(f"  WARNING: {path} answers {status}; its load is counted as errors")
            if "search" in mixes:
                single["search_mix"] = first_pass(base, mix)
            print(
                f"Warm-up: {arguments.warmup} s per URL"
                + (f", {arguments.mix_warmup} s for the search mix" if mixes else "")
                + " …"
            )
            for name, path in urls.items():
                seconds = arguments.mix_warmup if name in mixes else arguments.warmup
                warmed = run_wrk(wrk, base + path, seconds, arguments, mixes.get(name))
                server.settle(arguments.settle)
                if name in mixes:
                    print(
                        f"  warm-up of the {name} mix: {warmed['requests_per_second']:.1f} req/s,"
                        f" p50 {warmed['latency_ms']['p50']:.0f} ms over {seconds} s",
                        flush=True,
                    )
            rounds: list[dict[str, dict]] = []
            for number in range(1, arguments.repeat + 1):
                results = {}
                for name, path in urls.items():
                    result = run_wrk(
                        wrk, base + path, arguments.duration, arguments, mixes.get(name)
                    )
                    result["settle_seconds"], result["restarted"] = server.settle(arguments.settle)
                    results[name] = result
                    print(
                        f"  round {number}/{arguments.repeat} {name:<9} "
                        f"{result['requests_per_second']:8.1f} req/s  "
                        f"p50 {result['latency_ms']['p50']:8.1f} ms  "
                        f"(settled in {result['settle_seconds']:.1f} s"
                        + (
                            ", backlog dropped by restarting gunicorn)"
                            if result["restarted"]
                            else ")"
                        ),
                        flush=True,
                    )
                rounds.append(results)
        finally:
            server.stop()
        server_log = log.read_text()

    rows = summarise(names, rounds)
    print()
    print_table(rows, labels)
    healthz = [round_["healthz"]["requests_per_second"] for round_ in rounds]
    noise = (max(healthz) - min(healthz)) / (statistics.median(healthz) or 1) * 100
    print(
        f"Machine noise: /healthz ranged {min(healthz):.0f}–{max(healthz):.0f} req/s over the "
        f"rounds ({noise:.1f}% of its median)."
    )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    label = arguments.label or facts["vendor"]
    output = OUTPUT_DIR / f"http-{label}-{stamp}.json"
    output.write_text(
        json.dumps(
            {
                "label": label,
                "started": stamp,
                "database": facts,
                "git_commit": subprocess.run(
                    ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
                ).stdout.strip(),
                "settings": {
                    key: getattr(arguments, key)
                    for key in ("duration", "repeat", "warmup", "connections", "threads")
                }
                | {
                    "workers": arguments.workers,
                    "mix_warmup": arguments.mix_warmup,
                    "cpus": os.cpu_count(),
                    "page_cache": not arguments.no_page_cache,
                    "fresh_share": arguments.fresh_share,
                },
                "urls": labels,
                "search_mix": mix,
                "first_answers": single,
                "summary": rows,
                "rounds": rounds,
                "healthz_noise_percent": noise,
                "server_errors_logged": server_log.count("Traceback"),
                "worker_timeouts_logged": server_log.count("WORKER TIMEOUT"),
                "server_restarts": server.restarts,
            },
            indent=2,
        )
    )
    if server.restarts or "WORKER TIMEOUT" in server_log:
        print(
            f"gunicorn killed {server_log.count('WORKER TIMEOUT')} requests that ran over "
            f"{arguments.timeout} s and was restarted {server.restarts} times to drop a backlog."
        )
    print(f"Results: {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
