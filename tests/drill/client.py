#!/usr/bin/env python3
"""client.py: the load, upload and slow clients of the fault drills, and
the summaries of their logs.  Standard library only.

  client.py load    URL --path P [--path P ...] [--cookie C] [--threads N] [--seconds S] --out LOG
  client.py upload  URL --target PATH [--target ...] --cookie C --csrf T --tag TAG
                    [--threads N] [--seconds S] [--count N] [--min-kb K] [--max-kb K] --out LOG
  client.py slow    URL [--headers N] [--bodies N] [--readers N] [--read-path P]
                    [--body-path P] [--cookie C] [--seconds S] --out REPORT
  client.py summary LOG [--from MS] [--to MS] [--ended-before MS] [--path-prefix P]
  client.py recovery LOG --after MS [--to MS] [--ok 200,303]

Every client runs until --seconds pass, --count uploads are done, or it gets
SIGTERM/SIGINT, then writes its log.  A log line is one request:

  start_ms end_ms status path [sha256 size name]

with times in milliseconds since the epoch (float), status 0 for no answer
(the connection failed or timed out) and 1 for an answer cut off after its
status line.  An upload's success is 303 to a page
with done=uploaded; any other 303 is logged as status 3030.
"""

import argparse
import asyncio
import hashlib
import http.client
import os
import random
import resource
import signal
import socket
import sys
import threading
import time
import urllib.parse

stop = threading.Event()


def now_ms():
    return time.time() * 1000.0


def on_signal(signum, frame):
    stop.set()


def split_url(url):
    u = urllib.parse.urlsplit(url)
    return u.hostname, u.port or 80


class Log:
    """Lines kept in memory and written at the end: no I/O on the hot path."""

    def __init__(self, path):
        self.path = path
        self.lines = []
        self.lock = threading.Lock()

    def add(self, line):
        with self.lock:
            self.lines.append(line)

    def write(self):
        with open(self.path, "w") as f:
            f.write("".join(self.lines))


class Conn:
    """One keep-alive connection, made again after any failure."""

    def __init__(self, host, port, timeout=30):
        self.host, self.port, self.timeout = host, port, timeout
        self.c = None

    def request(self, method, path, body=None, headers=None):
        """(status, Location, body); status 0 when no answer came, 1 when
        the answer was cut off after its status line."""
        if self.c is None:
            self.c = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.c.request(method, path, body=body, headers=headers or {})
            r = self.c.getresponse()
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, "", b""
        try:
            data = r.read()
        except (OSError, http.client.HTTPException):
            self.close()
            return 1, "", b""
        if r.getheader("Connection", "").lower() == "close":
            self.close()
        return r.status, r.getheader("Location", ""), data

    def close(self):
        if self.c is not None:
            self.c.close()
        self.c = None


def run_threads(n, target, seconds):
    deadline = time.time() + seconds if seconds else None
    threads = [threading.Thread(target=target, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    while not stop.is_set() and any(t.is_alive() for t in threads):
        if deadline is not None and time.time() >= deadline:
            stop.set()
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join(60)


def cmd_load(a):
    host, port = split_url(a.url)
    log = Log(a.out)
    headers = {"Host": f"{host}:{port}"}
    if a.cookie:
        headers["Cookie"] = a.cookie

    def worker(i):
        c = Conn(host, port)
        k = i
        while not stop.is_set():
            path = a.path[k % len(a.path)]
            k += 1
            t0 = now_ms()
            status, _, _ = c.request("GET", path, headers=headers)
            log.add(f"{t0:.1f} {now_ms():.1f} {status} {path}\n")
            if status == 0:
                time.sleep(0.05)	# nothing listening: do not spin
            elif a.pause:
                time.sleep(a.pause)

    run_threads(a.threads, worker, a.seconds)
    log.write()


def multipart(name, content):
    boundary = "----drill" + os.urandom(12).hex()
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: application/pdf\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return boundary, head + content + tail


def cmd_upload(a):
    host, port = split_url(a.url)
    log = Log(a.out)
    counter = {"n": 0}
    lock = threading.Lock()

    def take():
        with lock:
            if a.count and counter["n"] >= a.count:
                return None
            counter["n"] += 1
            return counter["n"]

    def worker(i):
        c = Conn(host, port, timeout=120)
        rnd = random.Random(os.urandom(8))
        while not stop.is_set():
            seq = take()
            if seq is None:
                return
            target = a.target[seq % len(a.target)]
            size = rnd.randint(a.min_kb * 1024, a.max_kb * 1024)
            content = b"%PDF-1.4\n" + os.urandom(size)
            sha = hashlib.sha256(content).hexdigest()
            name = f"drill-{a.tag}-{i}-{seq}.pdf"
            boundary, body = multipart(name, content)
            headers = {
                "Host": f"{host}:{port}",
                "Cookie": a.cookie,
                "Origin": a.url.rstrip("/"),
                "Content-Type": f"multipart/form-data; boundary={boundary}",
            }
            t0 = now_ms()
            status, location, _ = c.request("POST", f"{target}?csrf={a.csrf}", body, headers)
            if status == 303 and "done=uploaded" not in location:
                status = 3030
            log.add(f"{t0:.1f} {now_ms():.1f} {status} {target} {sha} {len(content)} {name}\n")
            if status == 0:
                time.sleep(0.05)
            elif a.pause:
                time.sleep(a.pause)

    run_threads(a.threads, worker, a.seconds)
    log.write()


# --- slow clients ---------------------------------------------------------------

class Slow:
    def __init__(self):
        self.open = 0
        self.peak = 0
        self.connects = 0
        self.closed_by_server = 0
        self.failed = 0
        self.bytes_read = 0

    def up(self):
        self.open += 1
        self.connects += 1
        self.peak = max(self.peak, self.open)


async def slow_connect(host, port, small_buffer):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if small_buffer:
        # Before connect, so that the window offered stays small.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    try:
        await asyncio.wait_for(asyncio.get_running_loop().sock_connect(sock, (host, port)), 10)
    except BaseException:
        sock.close()
        raise
    return await asyncio.open_connection(sock=sock, limit=4096)


async def slow_one(st, host, port, first, trickle, interval, read_slowly):
    """Connect, send first, then trickle a piece every interval (or read a
    little every interval); start again whenever the server gives up."""
    while not stop.is_set():
        try:
            reader, writer = await slow_connect(host, port, read_slowly)
        except (OSError, asyncio.TimeoutError):
            st.failed += 1
            await asyncio.sleep(0.5)
            continue
        st.up()
        try:
            writer.write(first)
            await writer.drain()
            while not stop.is_set():
                wait = interval * (0.5 + random.random())
                if read_slowly:
                    data = await asyncio.wait_for(reader.read(512), 60)
                    if data:
                        st.bytes_read += len(data)
                        await asyncio.sleep(wait)
                        continue
                else:
                    try:
                        data = await asyncio.wait_for(reader.read(1024), wait)
                    except asyncio.TimeoutError:
                        writer.write(trickle)
                        await writer.drain()
                        continue
                # The server closed, or answered (a timeout, a refusal).
                st.closed_by_server += 1
                break
        except (OSError, asyncio.TimeoutError):
            st.closed_by_server += 1
        finally:
            st.open -= 1
            writer.close()


async def slow_main(a):
    host, port = split_url(a.url)
    st = Slow()
    hosthdr = f"Host: {host}:{port}\r\n"
    cookie = f"Cookie: {a.cookie}\r\n" if a.cookie else ""
    tasks = []
    for _ in range(a.headers):
        first = f"GET / HTTP/1.1\r\n{hosthdr}X-Drill: ".encode()
        tasks.append(slow_one(st, host, port, first, b"a", a.interval, False))
    for i in range(a.bodies):
        first = (f"POST {a.body_path[i % len(a.body_path)]} HTTP/1.1\r\n{hosthdr}{cookie}"
                 f"Content-Type: application/x-www-form-urlencoded\r\n"
                 f"Content-Length: 900000\r\n\r\nx=").encode()
        tasks.append(slow_one(st, host, port, first, b"aaaaaaaa", a.interval, False))
    for _ in range(a.readers):
        first = f"GET {a.read_path} HTTP/1.1\r\n{hosthdr}{cookie}\r\n".encode()
        tasks.append(slow_one(st, host, port, first, b"", a.interval, True))
    started = time.time()

    async def watch():
        while not stop.is_set():
            if a.seconds and time.time() - started >= a.seconds:
                stop.set()
            # Replaced whole, so that a reader never sees it empty.
            with open(a.out + ".open.new", "w") as f:
                f.write(f"{st.open}\n")
            os.replace(a.out + ".open.new", a.out + ".open")
            await asyncio.sleep(0.2)

    # Spread the connects over a second rather than all at once.
    async def staggered(coro):
        await asyncio.sleep(random.random())
        await coro

    runners = [asyncio.create_task(staggered(t)) for t in tasks]
    await watch()
    for r in runners:
        r.cancel()
    await asyncio.gather(*runners, return_exceptions=True)
    with open(a.out, "w") as f:
        f.write(f"connects={st.connects} peak_open={st.peak} closed_by_server={st.closed_by_server} "
                f"failed={st.failed} bytes_read={st.bytes_read}\n")


def cmd_slow(a):
    # A socket each: as many as the hard limit allows.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    a.body_path = a.body_path or ["/applications/1/outlets"]
    asyncio.run(slow_main(a))


# --- summaries --------------------------------------------------------------------

def read_log(path):
    rows = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) >= 4:
                rows.append((float(p[0]), float(p[1]), int(p[2]), p[3]))
    return rows


def percentile(sorted_values, q):
    if not sorted_values:
        return 0.0
    k = max(0, min(len(sorted_values) - 1, int(round(q / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def cmd_summary(a):
    rows = read_log(a.log)
    sel = [r for r in rows
           if (a.frm is None or r[0] >= a.frm) and (a.to is None or r[0] < a.to)
           and (a.ended_before is None or r[1] < a.ended_before)
           and r[3].startswith(a.path_prefix)]
    lat = sorted(r[1] - r[0] for r in sel)
    counts = {}
    for r in sel:
        counts[r[2]] = counts.get(r[2], 0) + 1
    out = [f"n={len(sel)}"]
    out += [f"s{k}={counts[k]}" for k in sorted(counts)]
    out.append(f"p50={percentile(lat, 50):.1f} p99={percentile(lat, 99):.1f} "
               f"max={lat[-1] if lat else 0:.1f}")
    print(" ".join(out))


def cmd_recovery(a):
    """Milliseconds from --after until the first request after which every
    request started succeeded (-1: never)."""
    ok = {int(x) for x in a.ok.split(",")}
    rows = sorted(r for r in read_log(a.log)
                  if r[0] >= a.after and (a.to is None or r[0] < a.to))
    last_bad = None
    for r in rows:
        if r[2] not in ok:
            last_bad = r
    if not rows:
        print(-1)
        return
    if last_bad is None:
        print(f"{max(0.0, rows[0][0] - a.after):.0f}")
        return
    later = [r for r in rows if r[0] > last_bad[0]]
    print(f"{later[0][0] - a.after:.0f}" if later else -1)


def main():
    ap = argparse.ArgumentParser(description="Starcert fault drill clients")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("load")
    p.add_argument("url")
    p.add_argument("--path", action="append", required=True)
    p.add_argument("--cookie", default="")
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--pause", type=float, default=0)
    p.add_argument("--out", required=True)

    p = sub.add_parser("upload")
    p.add_argument("url")
    p.add_argument("--target", action="append", required=True)
    p.add_argument("--cookie", required=True)
    p.add_argument("--csrf", required=True)
    p.add_argument("--tag", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--count", type=int, default=0)
    p.add_argument("--min-kb", type=int, default=1)
    p.add_argument("--max-kb", type=int, default=256)
    p.add_argument("--pause", type=float, default=0)
    p.add_argument("--out", required=True)

    p = sub.add_parser("slow")
    p.add_argument("url")
    p.add_argument("--headers", type=int, default=0)
    p.add_argument("--bodies", type=int, default=0)
    p.add_argument("--readers", type=int, default=0)
    p.add_argument("--read-path", default="/")
    p.add_argument("--body-path", action="append", default=None)
    p.add_argument("--cookie", default="")
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--out", required=True)

    p = sub.add_parser("summary")
    p.add_argument("log")
    p.add_argument("--from", dest="frm", type=float)
    p.add_argument("--to", type=float)
    p.add_argument("--ended-before", type=float)
    p.add_argument("--path-prefix", default="")

    p = sub.add_parser("recovery")
    p.add_argument("log")
    p.add_argument("--after", type=float, required=True)
    p.add_argument("--to", type=float)
    p.add_argument("--ok", default="200,303")

    a = ap.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    {"load": cmd_load, "upload": cmd_upload, "slow": cmd_slow,
     "summary": cmd_summary, "recovery": cmd_recovery}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
