"""The visitors of the soak test (bench/soak.py), for locust: they browse, search and ask.

Not meant to be run by hand: bench/soak.py starts locust with this file and passes, through
environment variables, what the users need (SOAK_FACTS_FILE: slugs and codes read from the
database; SOAK_RUN_ID: the marker of this run; SOAK_ASK: whether the question form exists;
SOAK_FILL_SECONDS: how long a visitor takes to fill it in) and where to write what happened
(SOAK_RESULTS_FILE: every request's kind, status and time, the failures, and the title marker
of every question the server accepted).

Each simulated visitor keeps its cookies, thinks 1–4 s between steps, and follows links it
finds on the pages (facet options, next page) as a person would. Every request carries a
timeout and locust stops the run at its deadline, so nothing here can run on unbounded.
"""

import html
import json
import os
import random
import re
import sys
import time
from collections import defaultdict
from html.parser import HTMLParser
from itertools import count
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_projects import AUDIENCES, SHARED_NOUNS, THEME_WORDS  # noqa: E402

REQUEST_TIMEOUT = 60  # seconds; gunicorn kills a worker after 30 s, so this never waits longer
ASK_PATH = "/vragen/stellen/"
FACTS = json.loads(Path(os.environ["SOAK_FACTS_FILE"]).read_text())
RUN_ID = os.environ["SOAK_RUN_ID"]
ASK_AVAILABLE = os.environ.get("SOAK_ASK") == "1"
FILL_SECONDS = float(os.environ.get("SOAK_FILL_SECONDS", "3"))

# Queries a visitor types: the words the generated projects are made of, combined, misspelt,
# with and without accents, plus some that find nothing.
HAND_WRITTEN_QUERIES = [
    "groene schoolpleinen",
    "schoolplein",
    "gezondheid ouderen",
    "gezondhied",
    "dietisten",
    "diëtisten",
    "erfgoed in de wijk",
    "Rembrandt",
    "molens leiden",
    "hofjes",
    "wadi",
    "regenwater opvangen",
    "eenzaamheid jongeren",
    "leren met de stad",
    "bio science park",
    "Naturalis",
    "Kenniswinkel",
    "energiecoach",
    "klimaatadaptief",
    "hittestress in de binnenstad",
    "de",
    "het en van",
    "xyzzy bestaat niet",
    "museum-in-de-klas",
    "“singelpark”",
    "2024",
]
TOPICS = [topic for words in THEME_WORDS.values() for topic in words["topics"]]
NOUNS = [noun for words in THEME_WORDS.values() for noun in words["nouns"]] + SHARED_NOUNS


def random_query(rng: random.Random) -> str:
    """One Dutch search query, drawn so that a run sends hundreds of different ones."""
    kind = rng.random()
    if kind < 0.2:
        return rng.choice(HAND_WRITTEN_QUERIES)
    if kind < 0.45:
        return rng.choice(TOPICS).lower()
    if kind < 0.65:
        return rng.choice(NOUNS)
    if kind < 0.8:
        return f"{rng.choice(NOUNS)} {rng.choice(NOUNS)}"
    if kind < 0.9:
        return f"{rng.choice(NOUNS)} {rng.choice(AUDIENCES)}"
    word = rng.choice(NOUNS)  # a typo: two neighbouring letters swapped
    if len(word) > 4:
        at = rng.randrange(1, len(word) - 2)
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word


class FormReader(HTMLParser):
    """The fields of the first <form method="post"> of a page: inputs and select options."""

    def __init__(self):
        super().__init__()
        self.inputs: dict[str, str] = {}
        self.options: dict[str, list[str]] = defaultdict(list)
        self._select: str | None = None
        self._in_form = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._done:
            return
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self._in_form = True
        elif not self._in_form:
            return
        elif tag == "input" and attributes.get("name"):
            self.inputs[attributes["name"]] = attributes.get("value") or ""
        elif tag == "select":
            self._select = attributes.get("name")
        elif tag == "option" and self._select and attributes.get("value"):
            self.options[self._select].append(attributes["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True


FACET_LINK = re.compile(r'<a href="\?([^"]*)"[^>]*\sclass="facet__option')
NEXT_LINK = re.compile(r'<a href="\?([^"]*)"[^>]*\srel="next"')
PROJECT_LINK = re.compile(r'href="(/(?:en/)?projecten/[^/"?#]+/)"')

# What the simulated users saw, written to SOAK_RESULTS_FILE when locust stops.
RESULTS: dict = {
    "requests": defaultdict(list),  # kind -> [[milliseconds, status], …]
    "failed": 0,
    "failures": [],  # the first 500, with their reasons
    "accepted_questions": [],
    "rejected_as_expected": 0,
    "ask_unavailable": 0,
    "user_errors": [],
}
USER_NUMBERS = count(1)


@events.request.add_listener
def record_request(name, response_time, response, exception, **_):
    status = getattr(response, "status_code", 0) or 0
    RESULTS["requests"][name].append([round(response_time, 2), status])
    RESULTS["failed"] += exception is not None
    if exception is not None and len(RESULTS["failures"]) < 500:
        url = getattr(response, "url", "") or ""
        RESULTS["failures"].append(
            {"kind": name, "status": status, "url": url, "why": str(exception)}
        )


@events.user_error.add_listener
def record_user_error(user_instance, exception, tb):
    RESULTS["user_errors"].append(f"{type(exception).__name__}: {exception}")


@events.test_start.add_listener
def report_progress(environment, **_):
    """A line every 30 s on stderr, so a five-minute run shows it is alive."""

    def loop():
        started = time.monotonic()
        while True:
            gevent.sleep(30)
            total = environment.stats.total
            print(
                f"  soak: {time.monotonic() - started:5.0f} s, {total.num_requests} requests, "
                f"{total.num_failures} failed, {len(RESULTS['accepted_questions'])} questions "
                f"accepted, p50 {total.get_response_time_percentile(0.5):.0f} ms",
                file=sys.stderr,
                flush=True,
            )

    gevent.spawn(loop)


@events.quitting.add_listener
def write_results(**_):
    Path(os.environ["SOAK_RESULTS_FILE"]).write_text(json.dumps(RESULTS))


class Visitor(HttpUser):
    """A resident, student or partner: browses, searches, and now and then asks a question."""

    wait_time = between(1, 4)

    def on_start(self):
        self.number = next(USER_NUMBERS)
        self.rng = random.Random(f"{RUN_ID}-{self.number}")
        self.asked = 0

    def send_cookies_over_http(self) -> None:
        """The server sets its cookies Secure (production settings) while the soak speaks
        plain HTTP on loopback; take the flag off so they go back, as behind TLS they would."""
        for cookie in self.client.cookies:
            cookie.secure = False

    def get(self, path: str, kind: str, **kwargs):
        """GET a page; anything but a 2xx counts as a failure."""
        self.send_cookies_over_http()
        with self.client.get(
            path, name=kind, timeout=REQUEST_TIMEOUT, catch_response=True, **kwargs
        ) as response:
            if not 200 <= response.status_code < 300:
                response.failure(f"{response.status_code} for {path}")
            return response

    # Browsing ---------------------------------------------------------------------------

    @task(3)
    def home_and_a_theme(self):
        self.get("/", "home")
        self.think()
        theme = self.rng.choice(FACTS["themes"])
        response = self.get(f"/themas/{theme}/", "theme")
        if self.rng.random() < 0.3:
            self.think()
            self.follow_a_project(response.text)

    @task(1)
    def flagship(self):
        self.get(f"/vlaggenschepen/{self.rng.choice(FACTS['flagships'])}/", "flagship")

    @task(4)
    def projects_with_facets(self):
        """The overview, then one to three facet options picked from the page, then on."""
        response = self.get("/projecten/", "projects")
        if response.ok and not FACET_LINK.search(response.text):
            # The overview always has facets: the pattern no longer fits the template.
            raise RuntimeError("no facet links found on /projecten/; update FACET_LINK")
        for _ in range(self.rng.randint(1, 3)):
            links = FACET_LINK.findall(response.text)
            if not links:
                break
            self.think()
            response = self.get("/projecten/?" + html.unescape(self.rng.choice(links)), "facets")
        following = NEXT_LINK.search(response.text)
        if following and self.rng.random() < 0.5:
            self.think()
            response = self.get("/projecten/?" + html.unescape(following.group(1)), "page")
        self.think()
        self.follow_a_project(response.text)

    @task(3)
    def project(self):
        self.get(f"/projecten/{self.rng.choice(FACTS['projects'])}/", "project")

    @task(1)
    def partners(self):
        self.get("/partners/", "partners")
        self.think()
        self.get(f"/partners/{self.rng.choice(FACTS['organisations'])}/", "partner")

    @task(1)
    def areas(self):
        self.get("/wijken/", "areas")
        self.think()
        self.get(f"/wijken/{self.rng.choice(FACTS['areas'])}/", "area")

    @task(1)
    def english(self):
        path = self.rng.choice(
            [
                "/en/",
                "/en/projecten/",
                f"/en/themas/{self.rng.choice(FACTS['themes'])}/",
                f"/en/projecten/{self.rng.choice(FACTS['projects'])}/",
                "/en/partners/",
                "/en/wijken/",
                f"/en/zoeken/?q={random_query(self.rng)}",
            ]
        )
        self.get(path, "english")

    def follow_a_project(self, page: str) -> None:
        links = PROJECT_LINK.findall(page)
        if links:
            self.get(self.rng.choice(links), "project")

    # Searching --------------------------------------------------------------------------

    @task(3)
    def search_with_suggestions(self):
        """Type in the header box (suggestions as-you-type), then search the whole site."""
        query = random_query(self.rng)
        for length in sorted({min(len(query), n) for n in (2, 4, 6, 9)}):
            self.get("/zoeken/suggesties/", "suggestions", params={"q": query[:length]})
            gevent.sleep(self.rng.uniform(0.2, 0.6))
        self.get("/zoeken/", "search", params={"q": query})

    @task(3)
    def search_projects(self):
        """Search in the projects, sometimes with a theme or a status chosen."""
        params = {"q": random_query(self.rng)}
        if self.rng.random() < 0.4:
            params["thema"] = self.rng.choice(FACTS["themes"])
        if self.rng.random() < 0.2:
            params["status"] = self.rng.choice(["idee", "lopend", "afgerond"])
        if self.rng.random() < 0.2:
            params["sorteer"] = self.rng.choice(["nieuwste", "titel"])
        response = self.get("/projecten/", "project search", params=params)
        if self.rng.random() < 0.3:
            self.think()
            self.follow_a_project(response.text)

    # Asking -----------------------------------------------------------------------------

    @task(2)
    def ask_a_question(self):
        """Fill in the Kenniswinkel form like a person (taking at least the minimum fill time)
        and send it; one in five leaves out consent, which must be refused and not stored."""
        if not ASK_AVAILABLE:
            RESULTS["ask_unavailable"] += 1
            return
        self.send_cookies_over_http()
        with self.client.get(
            ASK_PATH, name="ask form", timeout=REQUEST_TIMEOUT, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for the question form")
                return
        form = FormReader()
        form.feed(response.text)
        if "form_started" not in form.inputs or not form.options.get("neighbourhood"):
            raise RuntimeError("the question form has no form_started or no neighbourhoods")
        self.asked += 1
        marker = f"[soak {RUN_ID} u{self.number} q{self.asked}]"
        complete = self.rng.random() >= 0.2
        fields = self.question(marker, form)
        if not complete:
            del fields["consent"]
        gevent.sleep(FILL_SECONDS + self.rng.uniform(0.5, 5))  # reading and typing
        self.send_cookies_over_http()
        with self.client.post(
            ASK_PATH,
            data=fields,
            name="ask submit" if complete else "ask refused",
            headers={"Referer": self.client.base_url + ASK_PATH, "Origin": self.client.base_url},
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
            catch_response=True,
        ) as sent:
            if complete and sent.status_code == 302:
                RESULTS["accepted_questions"].append(marker)
                confirmation = sent.headers["Location"]
            elif not complete and sent.status_code in (200, 400, 422):
                # The form answers a refusal with 400 and the form again: expected here,
                # so not a failed request (catch_response counts any 4xx as one).
                sent.success()
                RESULTS["rejected_as_expected"] += 1
                return
            else:
                expected = "a 302 to the confirmation" if complete else "the form with an error"
                sent.failure(f"{sent.status_code} where {expected} was due ({marker})")
                return
        self.get(confirmation, "ask confirmation")

    def question(self, marker: str, form: FormReader) -> dict:
        """The fields of one question, after the contract of the form (issue 4)."""
        noun = self.rng.choice(NOUNS)
        is_organisation = self.rng.random() < 0.3
        fields = {
            "csrfmiddlewaretoken": form.inputs.get("csrfmiddlewaretoken", ""),
            "form_started": form.inputs["form_started"],
            "website": "",
            "title": f"{marker} Vraag over {noun} in de buurt",
            "description": (
                f"In onze buurt merken we veel van {noun}. "
                f"Kunnen studenten uitzoeken wat er {self.rng.choice(AUDIENCES)} mogelijk is? "
                f"Wij denken graag mee over {self.rng.choice(NOUNS)}."
            ),
            "asker_kind": "organisatie" if is_organisation else "bewoner",
            "email": f"soak-{RUN_ID}-{self.number}@example.org",
            "neighbourhood": self.rng.choice(form.options["neighbourhood"]),
            "theme": self.rng.choice([""] + form.options.get("theme", [])),
            "consent": "on",
        }
        if is_organisation:
            fields["organisation_name"] = f"Buurtvereniging {self.number}"
        return fields

    def think(self) -> None:
        gevent.sleep(self.rng.uniform(0.5, 2))
