"""Load run: wrk against gunicorn (site/gunicorn.conf.py) on PostgreSQL with the demo content.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/glokal_bench \
        .venv/bin/python bench/load_run.py [--load-demo] [--seconds 30] [--connections 10]

Needs `wrk` (apt-get install wrk) and a migrated database with the demo (`--load-demo` runs
`migrate` and `load_demo` first). Starts gunicorn with the production settings on a free
loopback port, behind a simulated TLS proxy (X-Forwarded-Proto), with Redis as the cache when
CACHE_URL is set, runs wrk on the directory page and the directory search API one after the
other, and prints requests/s, latency percentiles and errors. Sends traffic to 127.0.0.1 only.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WARM_UP_SECONDS = 10
TARGETS = [
    ("directory page", "/de/verzeichnis/"),
    ("directory search API", "/api/v3/directory/search/?q=maschinenbau&locale=de"),
]


def _wrk(url, connections, seconds):
    command = ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    command += ["-H", "X-Forwarded-Proto: https", url]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(base_url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz within a minute")


def _seconds(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def _parse_wrk(output):
    latency = dict(re.findall(r"^\s*(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "detail": socket_errors.group(0) if socket_errors else "",
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": _seconds(latency["50"]) * 1000,
        "p99_ms": _seconds(latency["99"]) * 1000,
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--load-demo", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database.")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk).")

    port = _free_port()
    static_root = tempfile.mkdtemp(prefix="glokal-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "glokal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-" + "x" * 50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": os.environ.get("GUNICORN_ACCESS_LOG", os.devnull),
    }
    manage = [str(PYTHON), str(ROOT / "manage.py")]
    if args.load_demo:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)

    server = subprocess.Popen(
        [str(GUNICORN), "-c", str(ROOT / "site" / "gunicorn.conf.py"), "glokal.wsgi:application"],
        env=env,
        cwd=ROOT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url)
        workers = env.get("GUNICORN_WORKERS", "default")
        print(
            f"gunicorn (workers: {workers}), PostgreSQL, cache: "
            f"{'Redis' if os.environ.get('CACHE_URL') else 'per process'}; "
            f"wrk {args.connections} connections, {args.seconds} s each after {WARM_UP_SECONDS} s warm-up"
        )
        print(
            f"{'target':<24} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}"
        )
        for name, path in TARGETS:
            # Warm-up, not counted: each worker builds its facet index on its first request.
            _wrk(base_url + path, args.connections, WARM_UP_SECONDS)
            output = _wrk(base_url + path, args.connections, args.seconds)
            try:
                figures = _parse_wrk(output)
            except (AttributeError, KeyError):
                raise SystemExit(f"wrk printed what this script cannot read:\n{output}") from None
            print(
                f"{name:<24} {figures['requests']:>9} {figures['rps']:>8.1f} "
                f"{figures['p50_ms']:>8.1f} {figures['p99_ms']:>8.1f} {figures['errors']:>7}"
                f"  {figures['detail']}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
