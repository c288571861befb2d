"""Fault matrix: what a visitor sees and what is stored when a service fails.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/glokal_bench .venv/bin/python bench/fault_matrix.py

Needs a database with the demo content (`manage.py migrate && manage.py load_demo`). Each fault
runs in its own process with the environment that causes it (a closed port on 127.0.0.1 for
Redis, Elasticsearch, SMTP and PostgreSQL; a local SMTP server that accepts and never answers),
sends the requests a visitor would with Django's test client and prints one line a request:
the status, the page's heading or first message, and the enquiries stored. Stores enquiries in
the database it is given. Sends traffic to 127.0.0.1 only.
"""

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

# The checkout under test is the current directory (so the script can measure another one).
ROOT = Path.cwd()
CLOSED = "127.0.0.1:1"
# A fault whose requests are not all answered after this long is reported as hanging.
BUDGET_SECONDS = 90
FAULTS = {
    "none": {},
    "mail refused": {"EMAIL_URL": f"smtp://{CLOSED}"},
    "mail hanging": {"EMAIL_URL": "smtp://127.0.0.1:{hanging_port}"},
    "cache down": {"CACHE_URL": f"redis://{CLOSED}/0"},
    "search down": {"ELASTICSEARCH_URL": f"http://{CLOSED}"},
    "database down": {"DATABASE_URL": f"postgres://postgres@{CLOSED}/glokal"},
}
REQUESTS = [
    ("GET", "/de/"),
    ("GET", "/de/verzeichnis/"),
    ("GET", "/api/v3/directory/search/?q=maschinenbau"),
    ("GET", "/de/suche/?q=projekt"),
    ("GET", "/api/v3/pages/?search=projekt"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
    ("POST", "/de/verzeichnis/contact/"),
]


def _hanging_smtp_server():
    """Accepts connections and never says a word, like a mail server stuck behind a firewall."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []

    def accept():
        while True:
            connection, _address = server.accept()
            held.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    return server.getsockname()[1]


def _summary(response):
    text = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return text[:90]
    for pattern in (
        r'class="[^"]*(?:message|alert|error)[^"]*"[^>]*>\s*(.*?)<',
        r"<h1[^>]*>(.*?)</h1>",
    ):
        found = re.search(pattern, text, re.DOTALL)
        if found and found.group(1).strip():
            return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()[:90]
    return text[:60].replace("\n", " ")


def _visit():
    """Inside the fault's process: one visitor's requests, one JSON line each."""
    import django

    django.setup()
    from django.test import Client

    client = Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")
    organisation_id = os.environ["FAULT_ORGANISATION"]
    for method, path in REQUESTS:
        started = time.monotonic()
        before = _enquiry_states()
        if method == "GET":
            response = client.get(path)
        else:
            from directory.selfservice.spam import form_token

            response = client.post(
                path,
                {
                    "org": [organisation_id],
                    "sender_name": "Petr Svoboda",
                    "sender_email": "petr@svoboda.example",
                    "sender_country": "CZ",
                    "subject": "Anfrage Fräsarbeiten",
                    "message": "Guten Tag, wir suchen einen Partner für CNC-Fräsarbeiten.",
                    "consent": "on",
                    "homepage": "",
                    "started": form_token(time.time() - 20),
                },
                follow=True,
            )
        after = _enquiry_states()
        stored = {
            k: after.get(k, 0) - before.get(k, 0)
            for k in after
            if after.get(k, 0) != before.get(k, 0)
        }
        line = {
            "request": f"{method} {path}",
            "status": response.status_code,
            "seconds": round(time.monotonic() - started, 1),
            "visitor sees": _summary(response),
            "enquiries stored": stored if stored else "-",
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)


def _enquiry_states():
    from django.db import DatabaseError
    from django.db.models import Count

    from directory.models import Enquiry

    try:
        rows = Enquiry.objects.values("delivery_status").annotate(n=Count("id"))
        return {row["delivery_status"]: row["n"] for row in rows}
    except DatabaseError:
        return {}


def _organisation_with_recipients():
    import django

    django.setup()
    from directory.models import OrganisationPage
    from directory.selfservice.enquiries import enquiry_recipients

    for page in OrganisationPage.objects.live().filter(locale__language_code="de"):
        if enquiry_recipients(page):
            return page.pk
    raise SystemExit("No organisation with a contact address: load the demo first.")


def _print_rows(process):
    # The process's stdout also carries its log; only the rows of this script are shown.
    for row in process.stdout:
        if row.startswith('{"request"'):
            print(row, end="", flush=True)


def main():
    if os.environ.get("FAULT_VISIT"):
        _visit()
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.dev")
    sys.path.insert(0, str(ROOT))
    base_env = {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "CRITICAL",
        "EMAIL_URL": "dummymail://",
        "FAULT_VISIT": "1",
        "FAULT_ORGANISATION": str(_organisation_with_recipients()),
    }
    hanging_port = _hanging_smtp_server()
    for fault, changes in FAULTS.items():
        env = {**base_env, **{k: v.format(hanging_port=hanging_port) for k, v in changes.items()}}
        print(f"\n== {fault} ==", flush=True)
        process = subprocess.Popen(
            [sys.executable, __file__], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        reader = threading.Thread(target=_print_rows, args=(process,))
        reader.start()
        reader.join(timeout=BUDGET_SECONDS)
        if reader.is_alive():
            print(f"(no answer within {BUDGET_SECONDS} s: the request hangs)")
            process.kill()
        process.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
