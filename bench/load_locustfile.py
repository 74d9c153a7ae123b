"""The simulated people of ``load.py`` (locust): visitors and the demo accounts at work.

Not run by hand: ``load.py`` starts the servers, writes the targets (ids and slugs of
the demo, the accounts and what each may do) to the JSON file named by
``LOAD_TARGETS``, runs locust on this file, and reads back from ``LOAD_RESULTS``
what was written (to find it in the database) and the figures per kind of request.

Each simulated person has an address of their own (``X-Forwarded-For``, the
platform trusting one proxy for the run), so that the per-address limits of
sign-in see 200 people, not one. Writes carry the run's tag so that they can
be counted afterwards; a write is recorded only when the platform said it was
done (a redirect to the new object, or the page that confirms it).
"""

import itertools
import json
import os
import random
import re
from collections import Counter
from pathlib import Path

from locust import HttpUser, between, events, task

TARGETS = json.loads(Path(os.environ["LOAD_TARGETS"]).read_text(encoding="utf-8"))
TAG = TARGETS["tag"]
ACCOUNTS = itertools.cycle([None, *TARGETS["accounts"]])  # None: a visitor
ADDRESSES = (f"10.77.{n // 250}.{n % 250 + 1}" for n in itertools.count())
WORDS = ["rénovation", "covoiturage", "chaudiere", "haies", "méthanisation", "vélo", "eau"]

# What the run wrote, as the platform confirmed it (a single locust process: gevent
# greenlets share these without locks).
WRITES: dict[str, list] = {
    "contributions": [],
    "comments": [],
    "supports": [],
    "registrations": [],
    "scenarios": [],
}
RUN_CONTRIBUTIONS: list[int] = []  # to support: contributions of this run
TRIED: set[tuple[str, str, int]] = set()  # (kind, email, pk) pairs already tried once
STATUSES: Counter = Counter()
SERVER_ERRORS: list[str] = []

CONTRIBUTION_URL = re.compile(r"/contributions/(\d+)/$")
COMMENT_URL = re.compile(r"#commentaire-(\d+)$")


@events.request.add_listener
def count_status(request_type, name, response, exception, **kwargs):
    status = getattr(response, "status_code", 0) or 0
    STATUSES[status] += 1
    if status >= 500:
        SERVER_ERRORS.append(f"{status} {request_type} {name}")


@events.quitting.add_listener
def write_results(environment, **kwargs):
    stats = {}
    for (name, method), entry in environment.stats.entries.items():
        stats[f"{method} {name}"] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "median_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
        }
    total = environment.stats.total
    Path(os.environ["LOAD_RESULTS"]).write_text(
        json.dumps(
            {
                "writes": WRITES,
                "statuses": {str(k): v for k, v in STATUSES.items()},
                "server_errors": SERVER_ERRORS[:50],
                "stats": stats,
                "total": {
                    "requests": total.num_requests,
                    "failures": total.num_failures,
                    "median_ms": total.get_response_time_percentile(0.5),
                    "p95_ms": total.get_response_time_percentile(0.95),
                    "seconds": total.last_request_timestamp - total.start_time
                    if total.last_request_timestamp
                    else 0,
                },
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


class Person(HttpUser):
    wait_time = between(1, 5)

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = next(ADDRESSES)
        self.account = next(ACCOUNTS)
        if self.account is not None:
            self.sign_in()

    # --- helpers ---------------------------------------------------------------------

    def can(self, ability: str) -> bool:
        return self.account is not None and ability in self.account["abilities"]

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def get(self, url: str, name: str, **kwargs):
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code >= 400:
                response.failure(f"{response.status_code}")
            return response

    def post(self, url: str, name: str, data: dict, *, ok, **kwargs):
        """POST a form with the CSRF token; ``ok(response)`` says whether it was done."""
        data = {"csrfmiddlewaretoken": self.csrf(), **data}
        headers = {"X-CSRFToken": self.csrf(), **kwargs.pop("headers", {})}
        with self.client.post(
            url,
            data=data,
            name=name,
            headers=headers,
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as response:
            done = response.status_code < 400 and ok(response)
            if not done:
                response.failure(f"{response.status_code}, non fait")
            return response if done else None

    def sign_in(self):
        self.get("/comptes/login/", "connexion (formulaire)")
        self.post(
            "/comptes/login/",
            "connexion",
            {"login": self.account["email"], "password": TARGETS["password"]},
            ok=lambda r: r.status_code == 302,
        )

    # --- browsing ----------------------------------------------------------------------

    @task(12)
    def browse(self):
        pages = [
            ("/", "accueil"),
            ("/groupes/", "groupes"),
            (f"/groupes/{random.choice(TARGETS['groups'])}/", "un groupe"),
            ("/reunions/", "réunions"),
            (f"/reunions/{random.choice(TARGETS['meetings'])}/", "une réunion"),
            ("/contributions/", "liste des contributions"),
            (
                f"/groupes/{random.choice(TARGETS['groups'])}/contributions/",
                "contributions d’un groupe",
            ),
            (f"/contributions/{random.choice(TARGETS['contributions'])}/", "une contribution"),
            ("/panorama/", "panorama"),
            (f"/panorama/leviers/{random.choice(TARGETS['levers'])}/", "page d’un levier"),
        ]
        url, name = random.choice(pages)
        self.get(url, name)

    @task(3)
    def search(self):
        query = random.choice(WORDS)
        if random.random() < 0.3:
            query += " -" + random.choice(WORDS)
        self.get("/contributions/", "recherche", params={"q": query})

    @task(3)
    def simulate(self):
        levers = random.sample(TARGETS["editable_levers"], 3)
        params = {f"t-{slug}": str(random.randint(0, 1000)) for slug in levers}
        self.get("/panorama/simulateur/", "simulateur", params=params)
        if self.account is not None and random.random() < 0.3:
            name = f"{TAG} scénario {random.randint(1, 10**9)}"
            query = "&".join(f"{key}={value}" for key, value in params.items())
            if self.post(
                "/panorama/scenarios/enregistrer/",
                "enregistrer un scénario",
                {"name": name, "query": query},
                ok=lambda r: r.headers.get("Location", "").endswith("/panorama/scenarios/"),
            ):
                WRITES["scenarios"].append(name)

    # --- writing -------------------------------------------------------------------------

    @task(1)
    def post_contribution(self):
        if self.account is None or not self.account["groups"]:
            return
        group = random.choice(self.account["groups"])
        self.get(f"/contributions/nouvelle/?groupe={group}", "contribuer (formulaire)")
        title = f"{TAG} proposition {random.randint(1, 10**9)}"
        response = self.post(
            f"/contributions/nouvelle/?groupe={group}",
            "contribuer",
            {
                "kind": random.choice(TARGETS["kinds"]),
                "title": title,
                "body": f"{title} : développer le covoiturage rural et les pistes cyclables.",
            },
            ok=lambda r: bool(CONTRIBUTION_URL.search(r.headers.get("Location", ""))),
        )
        if response is not None:
            pk = int(CONTRIBUTION_URL.search(response.headers["Location"]).group(1))
            WRITES["contributions"].append(pk)
            RUN_CONTRIBUTIONS.append(pk)

    @task(2)
    def comment(self):
        if not self.can("comment"):
            return
        pk = random.choice(RUN_CONTRIBUTIONS or TARGETS["contributions"])
        self.get(f"/contributions/{pk}/", "une contribution")
        response = self.post(
            f"/contributions/{pk}/commentaires/",
            "commenter",
            {"body": f"{TAG} commentaire {random.randint(1, 10**9)} : d’accord, à amplifier."},
            ok=lambda r: bool(COMMENT_URL.search(r.headers.get("Location", ""))),
        )
        if response is not None:
            WRITES["comments"].append(
                int(COMMENT_URL.search(response.headers["Location"]).group(1))
            )

    @task(2)
    def support(self):
        if not self.can("support") or not RUN_CONTRIBUTIONS:
            return
        email = self.account["email"]
        untried = [pk for pk in RUN_CONTRIBUTIONS if ("support", email, pk) not in TRIED]
        if not untried:
            return
        pk = random.choice(untried)
        TRIED.add(("support", email, pk))  # one attempt per person and contribution
        if self.post(
            f"/contributions/{pk}/soutien/",
            "soutenir",
            {"action": "add"},
            headers={"HX-Request": "true"},
            ok=lambda r: r.status_code == 200 and 'value="remove"' in r.text,
        ):
            WRITES["supports"].append([email, pk])

    @task(1)
    def register(self):
        if self.account is None:
            return
        email = self.account["email"]
        open_meetings = [
            pk
            for pk in TARGETS["registrable"].get(email, [])
            if ("registration", email, pk) not in TRIED
        ]
        if not open_meetings:
            return
        pk = random.choice(open_meetings)
        TRIED.add(("registration", email, pk))
        if self.post(
            f"/reunions/{pk}/inscription/",
            "s’inscrire à une réunion",
            {},
            ok=lambda r: r.status_code == 302,
        ):
            WRITES["registrations"].append([email, pk])
