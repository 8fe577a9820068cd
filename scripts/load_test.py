#!/usr/bin/env python3
"""Bounded load test of `dyad serve` on loopback (issue 11; docs/PERFORMANCE.md).

Starts `dyad serve` on a free loopback port over an evidence database and, for --duration
seconds, drives at the same time:
  * --connections keep-alive clients sending well-formed requests: every GET route in turn
    (/, /api, /api/stats, /api/events, /api/events/ID, /api/documents/KEY, /api/search,
    /api/conflicts, /role), 10% POST /api/code and 5% GET /api/role;
  * --idle sockets that connect and send nothing (reopened when the server closes them);
  * --slow clients that send a request's header lines one every 2 s (reopened when closed).
A separate process (its own interpreter, so the client threads' GIL does not delay it) asks
GET /api/stats every 100 ms on one kept-alive connection: the probe, a measure of the server's
answer time apart from the Python client's (its 20 threads share one GIL and the cores).
Reports errors on the well-formed requests (any status but 2xx, a refused or reset connection,
no answer within 30 s), latency per route (p50/p99/max), the server's peak RSS (VmHWM) and CPU
time, and the load average before and after (the machine may be shared).
Exits 1 when the targets are missed: errors > 0, /api/stats p99 >= 100 ms, or RSS >= 500 MB.

  scripts/load_test.py [--build build] [--db FILE] [--duration 60]

Without --db it builds the demo database: `dyad ingest` of data/samples (as scripts/demo.sh).
Python 3 standard library only.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import random
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE_TEXT = ("Belarus hosted Russian troops near the Ukrainian border on Monday. "
             "Ukraine accused Belarus of helping Russia. Lithuania strongly condemned Belarus on Tuesday.")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def demo_db(dyad, work):
    db = os.path.join(work, "demo.db")
    samples = []
    for folder, _, files in os.walk(os.path.join(ROOT, "data", "samples")):
        samples += [os.path.join(folder, f) for f in files if f.endswith(".txt")]
    subprocess.run([dyad, "ingest", *sorted(samples), "--db", db], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    """utime + stime of a process, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = {}   # route -> [seconds]
        self.errors = {}    # route -> count
        self.examples = []  # first few error descriptions

    def record(self, route, seconds, error=None):
        with self.lock:
            if error is None:
                self.latency.setdefault(route, []).append(seconds)
            else:
                self.errors[route] = self.errors.get(route, 0) + 1
                if len(self.examples) < 10:
                    self.examples.append(f"{route}: {error}")


def routes(port):
    """The well-formed requests, keyed by route name, with ids read from the server."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/events?limit=200")
    events = json.loads(conn.getresponse().read())["events"]
    conn.close()
    if not events:
        sys.exit("load_test: the database has no events")
    event_ids = [e["event_id"] if "event_id" in e else e["id"] for e in events]
    doc_keys = sorted({f"d{e['document_id']}" for e in events if "document_id" in e}) or ["d1"]
    actors = sorted({e.get("source", "") for e in events if e.get("source")})[:20] or ["BLR"]
    words = ["troops", "border", "missiles", "sanctions", "Belarus", "attack", "condemned", "nuclear"]
    q = urllib.parse.quote
    get_routes = {
        "/": lambda: "/",
        "/api": lambda: "/api",
        "/api/stats": lambda: "/api/stats",
        "/api/events": lambda: f"/api/events?actor={q(random.choice(actors))}&limit=50",
        "/api/events/ID": lambda: f"/api/events/{random.choice(event_ids)}",
        "/api/documents/KEY": lambda: f"/api/documents/{random.choice(doc_keys)}",
        "/api/search": lambda: f"/api/search?q={q(random.choice(words))}&limit=20",
        "/api/conflicts": lambda: "/api/conflicts",
        "/role": lambda: "/role?state=BLR&conflict=russia-ukraine",
    }
    return get_routes


def client(port, get_routes, stats, stop, counters):
    names = list(get_routes)
    conn = None
    turn = random.randrange(len(names))
    while not stop.is_set():
        r = random.random()
        body = None
        if r < 0.10:
            route, method, target, body = "POST /api/code", "POST", "/api/code?date=2024-03-04", CODE_TEXT
        elif r < 0.15:
            route, method, target = "/api/role", "GET", "/api/role?state=BLR&conflict=russia-ukraine"
        else:
            route = names[turn % len(names)]
            turn += 1
            method, target = "GET", get_routes[route]()
        headers = {"Content-Type": "text/plain"} if body is not None else {}
        start = time.monotonic()
        for attempt in (1, 2):
            reused = conn is not None
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request(method, target, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                elapsed = time.monotonic() - start
                if resp.will_close:
                    conn.close()
                    conn = None
                if 200 <= resp.status < 300:
                    stats.record(route, elapsed)
                else:
                    stats.record(route, elapsed, f"HTTP {resp.status} {data[:200]!r}")
                break
            except (OSError, http.client.HTTPException) as e:
                if conn is not None:
                    conn.close()
                conn = None
                # A kept-alive connection the server closed just before the request was sent
                # (its keep-alive timeout) is retried once on a new connection, as browsers do;
                # counted apart. Anything else is an error.
                if attempt == 1 and reused and isinstance(e, (http.client.RemoteDisconnected, BrokenPipeError,
                                                              ConnectionResetError)):
                    with stats.lock:
                        counters["retried"] += 1
                    continue
                stats.record(route, time.monotonic() - start, f"{type(e).__name__}: {e}")
                break
    if conn is not None:
        conn.close()


def idle_sockets(port, count, stop, counters):
    """Keeps `count` connected sockets that never send anything."""
    sel = selectors.DefaultSelector()

    def open_one():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
            counters["idle_opened"] += 1
        except OSError:
            counters["idle_failed"] += 1

    for _ in range(count):
        open_one()
    while not stop.is_set():
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:  # closed by the server: open another
                sel.unregister(s)
                s.close()
                open_one()
    for key in list(sel.get_map().values()):
        key.fileobj.close()


def slow_client(port, stop, counters):
    """Sends a request's header lines one every 2 s, forever; reconnects when closed."""
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            counters["slow_opened"] += 1
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            n = 0
            while not stop.wait(2.0):
                s.sendall(b"X-Slow-%d: %s\r\n" % (n, b"x" * 10))
                n += 1
        except OSError:
            pass
        finally:
            try:
                s.close()
            except Exception:
                pass


def probe(port, until, results):
    """GET /api/stats every 100 ms until `until` (time.time()); latencies (s) into `results`."""
    conn = None
    while time.time() < until:
        start = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/stats")
            resp = conn.getresponse()
            resp.read()
            if resp.will_close:
                conn.close()
                conn = None
            results.append(time.monotonic() - start if resp.status == 200 else -1.0)
        except (OSError, http.client.HTTPException):
            if conn is not None:
                conn.close()
            conn = None
            results.append(-1.0)
        time.sleep(max(0.0, 0.1 - (time.monotonic() - start)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--db", help="evidence database (default: the demo database, built here)")
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--idle", type=int, default=200)
    ap.add_argument("--slow", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--serve-arg", action="append", default=[], help="one more argument for dyad serve (repeatable)")
    args = ap.parse_args()
    random.seed(args.seed)
    dyad = os.path.join(args.build, "tools", "dyad", "dyad")
    if not os.access(dyad, os.X_OK):
        sys.exit(f"load_test: {dyad}: not built")

    with tempfile.TemporaryDirectory() as work:
        db = args.db or demo_db(dyad, work)
        port = free_port()
        # Every simulated client shares 127.0.0.1: the per-client connection limit (tested in
        # tests/unit/server/api_test.cc) would refuse all but 16 of them, so it is off here.
        server = subprocess.Popen([dyad, "serve", "--db", db, "--port", str(port), "--quiet",
                                   "--max-connections-per-client", "0", *args.serve_arg],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        sys.exit("load_test: dyad serve exited: " + server.stderr.read().decode(errors="replace"))
                    time.sleep(0.1)
            get_routes = routes(port)
            stats = Stats()
            stop = threading.Event()
            counters = {"idle_opened": 0, "idle_failed": 0, "slow_opened": 0, "retried": 0}
            threads = [threading.Thread(target=idle_sockets, args=(port, args.idle, stop, counters))]
            threads += [threading.Thread(target=slow_client, args=(port, stop, counters)) for _ in range(args.slow)]
            threads[0].start()
            for t in threads[1:]:
                t.start()
            time.sleep(1.0)  # the idle and slow sockets are in place before the clients start
            load_before = os.getloadavg()
            cpu_before = cpu_seconds(server.pid)
            workers = [threading.Thread(target=client, args=(port, get_routes, stats, stop, counters))
                       for _ in range(args.connections)]
            started = time.monotonic()
            manager = multiprocessing.Manager()
            probe_results = manager.list()
            prober = multiprocessing.Process(target=probe, args=(port, time.time() + args.duration, probe_results))
            prober.start()
            for t in workers:
                t.start()
            rss_samples = []
            while time.monotonic() - started < args.duration:
                time.sleep(1.0)
                rss_samples.append(peak_rss_mb(server.pid))
                if server.poll() is not None:
                    break
            stop.set()
            prober.join()
            probe_latency = list(probe_results)
            manager.shutdown()
            for t in workers + threads:
                t.join()
            elapsed = time.monotonic() - started
            alive = server.poll() is None
            rss = peak_rss_mb(server.pid) if alive else float("nan")
            cpu = cpu_seconds(server.pid) - cpu_before if alive else float("nan")
            load_after = os.getloadavg()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    total = sum(len(v) for v in stats.latency.values())
    errors = sum(stats.errors.values())
    print(f"dyad serve load test: {args.duration:.0f} s, {args.connections} clients, {args.idle} idle sockets, "
          f"{args.slow} slow-header clients; database {os.path.basename(db) if args.db else 'demo (data/samples)'}")
    print(f"requests: {total + errors} in {elapsed:.1f} s ({(total + errors) / elapsed:.0f}/s), errors: {errors}; "
          f"idle sockets opened {counters['idle_opened']} (failed {counters['idle_failed']}), "
          f"slow clients connected {counters['slow_opened']} times; "
          f"requests retried on a kept-alive connection the server had closed: {counters['retried']}")
    print(f"{'route':<22}{'ok':>8}{'errors':>8}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for route in sorted(set(stats.latency) | set(stats.errors)):
        lat = stats.latency.get(route, [])
        print(f"{route:<22}{len(lat):>8}{stats.errors.get(route, 0):>8}{percentile(lat, 50) * 1000:>10.1f}"
              f"{percentile(lat, 99) * 1000:>10.1f}{(max(lat) if lat else float('nan')) * 1000:>10.1f}")
    for e in stats.examples:
        print("  error:", e)
    probe_ok = [x for x in probe_latency if x >= 0]
    print(f"probe (its own process, GET /api/stats every 100 ms): {len(probe_ok)} answered, "
          f"{len(probe_latency) - len(probe_ok)} errors; p50 {percentile(probe_ok, 50) * 1000:.1f} ms, "
          f"p99 {percentile(probe_ok, 99) * 1000:.1f} ms, max {(max(probe_ok) if probe_ok else float('nan')) * 1000:.1f} ms")
    p99 = percentile(stats.latency.get("/api/stats", []), 99) * 1000
    print(f"server peak RSS (VmHWM): {rss:.0f} MB; server CPU {cpu:.1f} s; server {'alive' if alive else 'DIED'}")
    print("load average (1, 5, 15 min): before " + " ".join(f"{x:.2f}" for x in load_before) +
          ", after " + " ".join(f"{x:.2f}" for x in load_after))
    ok = alive and errors == 0 and p99 < 100 and rss < 500
    print("targets (0 errors, /api/stats p99 < 100 ms, RSS < 500 MB):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
