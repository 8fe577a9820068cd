#!/usr/bin/env python3
"""A client reconnecting in a tight loop against `dyad serve` (issue 11; docs/PERFORMANCE.md).

Starts `dyad serve` on a free loopback port (default limits) and, for --duration seconds, runs
--loops processes that each connect and close as fast as they can, from one address of
127.0.0.0/8 (--source, default a random one, so that no earlier run's TIME_WAIT ports are in the
way), in one of three ways (--mode):
  fin   connect, close (an orderly close: FIN);
  rst   connect, close with SO_LINGER 0 (a reset);
  half  connect, send half a request line, close.
Meanwhile a well-behaved client at 127.0.0.1 asks GET /api/stats on a new connection every
100 ms. Reports the loop's connections per second, the server's CPU time (utime + stime from
/proc) over the run, the well-behaved client's statuses and latency (p50/p99/max), whether the
server is still alive, and the load average before and after. --loops 0 measures the
well-behaved client alone.

  scripts/reconnect_storm.py [--build build] [--db FILE] [--duration 20] [--loops 2] [--mode fin]

Without --db it builds the demo database (`dyad ingest` of data/samples). Python 3 standard
library only; Linux (reads /proc).
"""
import argparse
import http.client
import multiprocessing
import os
import random
import socket
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


IP_BIND_ADDRESS_NO_PORT = 24  # Linux: the port is chosen at connect, which may reuse TIME_WAIT ones


def reconnect_loop(port, source, mode, until, counts, index):
    """Connects and closes until `until` (time.time()); the count goes to counts[index]."""
    made = failed = 0
    linger = struct.pack("ii", 1, 0)
    while time.time() < until:
        s = socket.socket()
        try:
            s.setsockopt(socket.SOL_IP, IP_BIND_ADDRESS_NO_PORT, 1)
            s.bind((source, 0))
            s.connect(("127.0.0.1", port))
            if mode == "rst":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
            elif mode == "half":
                s.send(b"GET /api/st")
            made += 1
        except OSError:
            failed += 1
        finally:
            s.close()
    counts[2 * index] = made
    counts[2 * index + 1] = failed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--db", help="evidence database (default: the demo database, built here)")
    ap.add_argument("--duration", type=float, default=20)
    ap.add_argument("--loops", type=int, default=2, help="reconnecting processes (0: none)")
    ap.add_argument("--mode", choices=["fin", "rst", "half"], default="fin")
    ap.add_argument("--source", default=f"127.{random.randrange(1, 255)}.{random.randrange(1, 255)}.2",
                    help="the loops' address (default a random one of 127.0.0.0/8)")
    ap.add_argument("--serve-arg", action="append", default=[], help="one more argument for dyad serve")
    args = ap.parse_args()
    dyad = os.path.join(args.build, "tools", "dyad", "dyad")
    if not os.access(dyad, os.X_OK):
        sys.exit(f"reconnect_storm: {dyad}: not built")

    with tempfile.TemporaryDirectory() as work:
        db = args.db or demo_db(dyad, work)
        port = free_port()
        server = subprocess.Popen([dyad, "serve", "--db", db, "--port", str(port), "--quiet", *args.serve_arg],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if server.poll() is not None:
                        sys.exit("reconnect_storm: dyad serve exited: " + server.stderr.read().decode(errors="replace"))
                    time.sleep(0.1)
            time.sleep(0.5)
            load_before = os.getloadavg()[0]
            cpu_before = cpu_seconds(server.pid)
            started = time.time()
            until = started + args.duration
            counts = multiprocessing.Array("q", 2 * max(1, args.loops))
            loops = [multiprocessing.Process(target=reconnect_loop, args=(port, args.source, args.mode, until, counts, i))
                     for i in range(args.loops)]
            for p in loops:
                p.start()
            latency, statuses = [], {}
            while time.time() < until:
                t = time.monotonic()
                try:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    conn.request("GET", "/api/stats", headers={"Connection": "close"})
                    response = conn.getresponse()
                    response.read()
                    conn.close()
                    key = str(response.status)
                    if response.status == 200:
                        latency.append(time.monotonic() - t)
                except (OSError, http.client.HTTPException) as e:
                    key = type(e).__name__
                statuses[key] = statuses.get(key, 0) + 1
                time.sleep(max(0.0, 0.1 - (time.monotonic() - t)))
            for p in loops:
                p.join()
            elapsed = time.time() - started
            alive = server.poll() is None
            cpu = cpu_seconds(server.pid) - cpu_before if alive else float("nan")
            load_after = os.getloadavg()[0]
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    made = sum(counts[2 * i] for i in range(args.loops))
    failed = sum(counts[2 * i + 1] for i in range(args.loops))
    print(f"reconnect storm: {args.loops} loop(s) from {args.source}, mode {args.mode}, {elapsed:.1f} s; "
          f"load average {load_before:.2f} before, {load_after:.2f} after")
    print(f"loop connections: {made} ({made / elapsed:.0f}/s), failed {failed}")
    per_connection = f", {cpu / made * 1e6:.0f} us per loop connection" if made else ""
    print(f"server CPU: {cpu:.2f} s ({100 * cpu / elapsed:.0f}% of one core{per_connection}); "
          f"server {'alive' if alive else 'DIED'}")
    print(f"well-behaved GET /api/stats: {statuses}; p50 {percentile(latency, 50) * 1000:.1f} ms, "
          f"p99 {percentile(latency, 99) * 1000:.1f} ms, max {(max(latency) if latency else float('nan')) * 1000:.1f} ms")
    return 0 if alive else 1


if __name__ == "__main__":
    sys.exit(main())
