"""Soak test: the production server under many simulated visitors for minutes, then checks.

    .venv/bin/python bench/soak.py --database-url URL [--seconds 300] [--users 32]

Starts gunicorn with the production settings exactly as bench/http_bench.py does (its static
collection, server environment and process handling are reused from there), then lets locust
run `--users` simulated visitors (bench/soak_locustfile.py) on loopback for `--seconds`: they
browse (home, themes, flagships, the projects overview with its facets and pages, project
pages, partners, neighbourhoods, English pages), search (hundreds of Dutch queries through
/zoeken/ and /projecten/?q=, suggestions as they type) and ask the Kenniswinkel questions.

Afterwards it checks that the server answered no request with a 5xx, that no request failed
(no error status, no time-out, no broken connection), that gunicorn logged no traceback or
worker time-out, and that every question the server accepted is in the database exactly once
and no refused one is; it prints p50/p95/p99 latency per kind of request and overall, writes
var/bench/soak-<label>-<time>.json, and exits 1 when a check failed.

A SQLite database is copied into a temporary directory first, so the questions the soak asks
do not end up in the cached benchmark database. PostgreSQL is written to as it is (the
Makefile gives it a throwaway cluster).
"""

import argparse
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_projects import sqlite_path  # noqa: E402
from http_bench import (  # noqa: E402
    OUTPUT_DIR,
    PYTHON,
    ROOT,
    Server,
    check_page,
    collect_static,
    free_loopback_port,
    gunicorn_command,
    run_checked,
    server_environment,
)

LOCUST = ROOT / ".venv" / "bin" / "locust"
LOCUSTFILE = Path(__file__).resolve().parent / "soak_locustfile.py"
ASK_PATH = "/vragen/stellen/"
# All simulated visitors come from 127.0.0.1, so the per-IP limit on questions would refuse
# them after a few; the per-address one too, as each visitor keeps one e-mail address.
RAISED_RATE_LIMIT = "100000/h"
MIN_FILL_SECONDS = 3  # the form's default minimum; the visitors take longer than this
MARKER = re.compile(r"\[soak \S+ u\d+ q\d+\]")

# Run inside the server's environment: what the visitors need to know about the database.
FACTS_CODE = """
import json, django
django.setup()
from django.apps import apps
from django.db import connection
from portfolio.models import District, Flagship, Neighbourhood, Project, Theme
from organisations.models import Organisation
published = Project.objects.filter(publication="gepubliceerd")
count = published.count()
step = max(1, count // 400)
print(json.dumps({
    "vendor": connection.vendor,
    "published_projects": count,
    "themes": list(Theme.objects.values_list("slug", flat=True)),
    "flagships": list(Flagship.objects.values_list("slug", flat=True)),
    "projects": list(published.order_by("pk").values_list("slug", flat=True)[::step][:400]),
    "organisations": list(
        Organisation.objects.filter(partnerships__isnull=False).distinct()
        .order_by("pk").values_list("slug", flat=True)[:300]
    ),
    "areas": list(District.objects.values_list("code", flat=True))
        + list(Neighbourhood.objects.values_list("code", flat=True)),
    "questions_installed": apps.is_installed("questions"),
}))
"""

# Run inside the server's environment after the load: the titles of this run's questions.
QUESTIONS_CODE = """
import json, sys, django
django.setup()
from questions.models import Question
titles = Question.objects.filter(title__contains="[soak " + sys.argv[1] + " ")
print(json.dumps(list(titles.values_list("title", flat=True))))
"""


def parse_arguments() -> argparse.Namespace:
    """The command line; the defaults come from SOAK_SECONDS and SOAK_USERS when set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="the database the server uses (default: $DATABASE_URL)",
    )
    parser.add_argument(
        "--seconds",
        type=int,
        default=int(os.environ.get("SOAK_SECONDS", "300")),
        help="how long the visitors keep coming (default $SOAK_SECONDS or 300)",
    )
    parser.add_argument(
        "--users",
        type=int,
        default=int(os.environ.get("SOAK_USERS", "32")),
        help="simultaneous simulated visitors (default $SOAK_USERS or 32)",
    )
    parser.add_argument("--spawn-rate", type=float, default=4, help="visitors started per second")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--timeout", type=int, default=30, help="gunicorn's worker timeout in seconds (30)"
    )
    parser.add_argument("--label", default="", help="name for the JSON file (e.g. sqlite-10000)")
    arguments = parser.parse_args()
    if not arguments.database_url:
        parser.error("give --database-url or set DATABASE_URL")
    if not 10 <= arguments.seconds <= 3600 or not 1 <= arguments.users <= 500:
        parser.error("--seconds must be 10..3600 and --users 1..500")
    return arguments


def copy_sqlite(database_url: str, directory: Path) -> str:
    """A copy of a SQLite database in `directory` (consistent, WAL included); its URL."""
    source = sqlite_path(database_url)
    if source is None:
        return database_url
    if not source.exists():
        sys.exit(f"No database at {source}; run bench/generate_projects.py first")
    target = directory / "soak.sqlite3"
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return f"sqlite:///{target}"


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (already sorted)."""
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, math.ceil(fraction * len(values)) - 1))]


def summarise(requests: dict[str, list]) -> list[dict]:
    """Per kind of request, and overall: count, errors, 5xx and latency percentiles."""
    rows = []
    kinds = sorted(requests) + ["all"]
    for kind in kinds:
        samples = (
            [sample for values in requests.values() for sample in values]
            if kind == "all"
            else requests[kind]
        )
        times = sorted(milliseconds for milliseconds, _ in samples)
        statuses = Counter(status for _, status in samples)
        rows.append(
            {
                "kind": kind,
                "requests": len(samples),
                "server_errors": sum(n for status, n in statuses.items() if status >= 500),
                "no_answer": statuses.get(0, 0),
                "statuses": {str(status): n for status, n in sorted(statuses.items())},
                "p50": percentile(times, 0.50),
                "p95": percentile(times, 0.95),
                "p99": percentile(times, 0.99),
                "max": times[-1] if times else float("nan"),
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    """Latency per kind of request, then the overall line."""
    header = (
        f"{'kind':<18} {'requests':>8} {'5xx':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8}  statuses"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row["kind"] == "all":
            print("-" * len(header))
        statuses = " ".join(f"{status}×{n}" for status, n in row["statuses"].items())
        print(
            f"{row['kind']:<18} {row['requests']:>8} {row['server_errors']:>5} "
            f"{row['p50']:>8.0f} {row['p95']:>8.0f} {row['p99']:>8.0f} {row['max']:>8.0f}  "
            f"{statuses}"
        )


def run_locust(base: str, arguments: argparse.Namespace, output, environment: dict) -> None:
    """Run the visitors; locust's own output goes to `output`, the progress lines to stdout."""
    command = [
        str(LOCUST),
        "--locustfile",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        base,
        "--users",
        str(arguments.users),
        "--spawn-rate",
        str(arguments.spawn_rate),
        "--run-time",
        f"{arguments.seconds}s",
        "--stop-timeout",
        "20",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=output,
        stderr=subprocess.PIPE,
        text=True,
    ) as locust:
        # locust stops itself at --run-time; should it hang, it is killed a little later.
        watchdog = threading.Timer(arguments.seconds + 180, locust.kill)
        watchdog.start()
        try:
            for line in locust.stderr:
                if line.startswith("  soak:"):
                    print(line, end="", flush=True)
                else:
                    output.write(line)
            locust.wait()
        finally:
            watchdog.cancel()
    if locust.returncode < 0:
        sys.exit("locust did not stop by itself and was killed")


def check_questions(accepted: list[str], titles: list[str]) -> list[str]:
    """What is wrong between the questions the server accepted and those in the database."""
    stored = Counter(match.group(0) for title in titles for match in MARKER.finditer(title))
    problems = []
    missing = [marker for marker in accepted if stored[marker] == 0]
    doubled = [marker for marker in accepted if stored[marker] > 1]
    unexpected = sorted(set(stored) - set(accepted))
    if missing:
        problems.append(f"{len(missing)} accepted questions are not in the database: {missing[:5]}")
    if doubled:
        problems.append(
            f"{len(doubled)} accepted questions are stored more than once: {doubled[:5]}"
        )
    if unexpected:
        problems.append(
            f"{len(unexpected)} questions are stored that the server did not accept (refused or "
            f"failed requests): {unexpected[:5]}"
        )
    if len(set(accepted)) != len(accepted):
        problems.append("the same marker was accepted twice (a visitor sent a question again)")
    return problems


def main() -> None:
    arguments = parse_arguments()
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    run_id = datetime.now().strftime("%Y%m%d%H%M%S")
    problems: list[str] = []

    with tempfile.TemporaryDirectory(prefix="kennisstad-soak-") as temporary:
        temporary = Path(temporary)
        database_url = copy_sqlite(arguments.database_url, temporary)
        environment = server_environment(database_url, temporary / "static")
        environment |= {
            "QUESTION_MIN_FILL_SECONDS": str(MIN_FILL_SECONDS),
            "QUESTION_RATE_LIMIT_PER_IP": RAISED_RATE_LIMIT,
            "QUESTION_RATE_LIMIT_PER_EMAIL": RAISED_RATE_LIMIT,
        }
        facts = json.loads(
            run_checked([str(PYTHON), "-c", FACTS_CODE], environment, "Reading the database")
        )
        if not facts["published_projects"]:
            sys.exit("The database holds no published projects; run bench/generate_projects.py")
        facts_file = temporary / "facts.json"
        facts_file.write_text(json.dumps(facts))
        collect_static(environment)
        port = free_loopback_port()
        base = f"http://127.0.0.1:{port}"
        log = temporary / "gunicorn.log"
        server = Server(
            gunicorn_command(port, arguments.workers, arguments.timeout, log),
            environment,
            base,
            log,
        )
        server.start()
        try:
            ask_status, _, _ = check_page(base, ASK_PATH)
            can_ask = ask_status == 200 and facts["questions_installed"]
            print(
                f"gunicorn ({arguments.workers} workers) on {base}, {facts['vendor']}, "
                f"{facts['published_projects']} published projects; {arguments.users} visitors "
                f"for {arguments.seconds} s (locust, loopback only)."
            )
            if can_ask:
                print(
                    f"Asking: {ASK_PATH} is there. The per-IP and per-address question limits "
                    f"are raised to {RAISED_RATE_LIMIT} for this server, because every "
                    "simulated visitor comes from 127.0.0.1; the minimum fill time stays "
                    f"{MIN_FILL_SECONDS} s and the visitors take longer than that."
                )
            else:
                print(
                    f"ASKING: NOT AVAILABLE IN THIS BUILD ({ASK_PATH} answered {ask_status}"
                    + ("" if facts["questions_installed"] else ", no questions app")
                    + "); the visitors only browse and search, no question is checked."
                )
                if ask_status not in (404,):
                    problems.append(f"{ASK_PATH} answered {ask_status} before the load")
            results_file = temporary / "results.json"
            locust_log = temporary / "locust.log"
            started = time.monotonic()
            with open(locust_log, "w") as output:
                run_locust(
                    base,
                    arguments,
                    output,
                    environment=dict(
                        os.environ,
                        SOAK_FACTS_FILE=str(facts_file),
                        SOAK_RESULTS_FILE=str(results_file),
                        SOAK_RUN_ID=run_id,
                        SOAK_ASK="1" if can_ask else "0",
                        SOAK_FILL_SECONDS=str(MIN_FILL_SECONDS),
                    ),
                )
            elapsed = time.monotonic() - started
            if not results_file.exists():
                sys.exit(f"locust wrote no results:\n{locust_log.read_text()[-3000:]}")
            results = json.loads(results_file.read_text())
        finally:
            server.stop()
        server_log = log.read_text()
        titles = None
        if can_ask:
            titles = json.loads(
                run_checked(
                    [str(PYTHON), "-c", QUESTIONS_CODE, run_id], environment, "Counting questions"
                )
            )

    rows = summarise(results["requests"])
    overall = rows[-1]
    failed = results["failed"]
    print()
    print(
        f"{overall['requests']} requests by {arguments.users} visitors in {elapsed:.0f} s "
        f"({overall['requests'] / elapsed:.1f} req/s), {facts['vendor']}, "
        f"{facts['published_projects']} projects:"
    )
    print_table(rows)
    if overall["server_errors"]:
        problems.append(f"{overall['server_errors']} answers were server errors (5xx)")
    if failed:
        problems.append(f"{failed} requests failed")
        for failure in results["failures"][:10]:
            print(f"  failed: {failure['kind']}: {failure['why']} {failure['url']}")
    if results["user_errors"]:
        problems.append(
            f"{len(results['user_errors'])} visitor errors: {results['user_errors'][:3]}"
        )
    tracebacks = server_log.count("Traceback")
    timeouts = server_log.count("WORKER TIMEOUT")
    if tracebacks or timeouts:
        problems.append(f"gunicorn logged {tracebacks} tracebacks and {timeouts} worker timeouts")
    accepted = results["accepted_questions"]
    if titles is None:
        print(
            "Questions: not checked — asking is not available in this build "
            f"({ASK_PATH} answered {ask_status})."
        )
    else:
        question_problems = check_questions(accepted, titles)
        problems += question_problems
        if question_problems:
            print(f"Questions: {len(accepted)} accepted, {len(titles)} of this run stored.")
        else:
            print(
                f"Questions: {len(accepted)} accepted, each stored exactly once; "
                f"{results['rejected_as_expected']} sent without consent were refused, "
                "none of them stored."
            )

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    label = arguments.label or facts["vendor"]
    output = OUTPUT_DIR / f"soak-{label}-{stamp}.json"
    output.write_text(
        json.dumps(
            {
                "label": label,
                "started": run_id,
                "seconds": arguments.seconds,
                "elapsed": elapsed,
                "users": arguments.users,
                "workers": arguments.workers,
                "database": {"vendor": facts["vendor"], "projects": facts["published_projects"]},
                "asking": can_ask,
                "summary": rows,
                "failures": results["failures"],
                "questions_accepted": len(accepted),
                "questions_refused_as_expected": results["rejected_as_expected"],
                "server_tracebacks": tracebacks,
                "worker_timeouts": timeouts,
                "problems": problems,
            },
            indent=2,
        )
    )
    print(f"Results: {output.relative_to(ROOT)}")
    if problems:
        print("SOAK FAILED:\n  " + "\n  ".join(problems))
        if tracebacks:
            print(server_log[server_log.index("Traceback") :][:3000])
        sys.exit(1)
    print(
        "Soak passed: no server error, no failed request"
        + (", every accepted question stored once." if titles is not None else ".")
    )


if __name__ == "__main__":
    main()
