#!/usr/bin/env python3
"""Full-size load check of an echo server: N clients connected at once, each sends a random payload and checks every
byte of the echo. The server runs in its own process, so each side needs N descriptors (the in-suite test,
EchoLoadAndFaultsTests, shares one process and is bounded by the hard descriptor limit).

  sockit listen 0 -k --echo --max-clients 20000 &      # prints the port on stderr
  python3 bench/echo-load.py --port PORT --clients 10000

Loopback only; bounded by --clients and --timeout, and it stops by itself. Prints one summary line, exits 1 on any
mismatch or failed client.
"""
import argparse
import asyncio
import os
import random
import resource
import sys
import time


async def client(host, port, seed, sizes, ready, go, results):
    rng = random.Random(seed)
    payload = rng.randbytes(rng.randint(*sizes))
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError as e:
        results["connect_failed"] += 1
        results["errors"].append(repr(e))
        ready.release()
        return
    results["connected"] += 1
    ready.release()
    await go.wait()
    try:
        writer.write(payload)
        await writer.drain()
        writer.write_eof()  # half-close: the echo must still come back whole
        echoed = await reader.read(-1)
        if echoed == payload:
            results["exact"] += 1
            results["bytes"] += len(payload)
        else:
            results["mismatch"] += 1
    except OSError as e:
        results["io_failed"] += 1
        results["errors"].append(repr(e))
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, default=10000)
    parser.add_argument("--min-size", type=int, default=1)
    parser.add_argument("--max-size", type=int, default=16384)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server-pid", type=int, help="report this process's resident memory once all are connected")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("echo-load: loopback only")

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    results = {"connected": 0, "connect_failed": 0, "exact": 0, "mismatch": 0, "io_failed": 0, "bytes": 0, "errors": []}
    ready = asyncio.Semaphore(0)
    go = asyncio.Event()
    # Connect in waves so the listen backlog is not the thing measured.
    started = time.monotonic()
    tasks = []
    for i in range(args.clients):
        tasks.append(asyncio.create_task(client(args.host, args.port, args.seed * 1_000_003 + i,
                                                (args.min_size, args.max_size), ready, go, results)))
        if i % 500 == 499:
            await asyncio.sleep(0)
    for _ in range(args.clients):
        await asyncio.wait_for(ready.acquire(), args.timeout)
    connect_seconds = time.monotonic() - started
    rss = None
    if args.server_pid:
        with open(f"/proc/{args.server_pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    go.set()
    await asyncio.wait_for(asyncio.gather(*tasks), args.timeout)
    total = time.monotonic() - started
    line = (f"clients {args.clients}: connected {results['connected']} (all in {connect_seconds:.1f} s), "
            f"echoed exactly {results['exact']}, mismatched {results['mismatch']}, "
            f"connect failed {results['connect_failed']}, I/O failed {results['io_failed']}, "
            f"{results['bytes']} bytes checked, {total:.1f} s in all")
    if rss is not None:
        line += f"; server resident {rss} KiB with all connected ({rss * 1024 // max(results['connected'], 1)} B a connection)"
    print(line)
    for error in results["errors"][:5]:
        print("  " + error)
    ok = results["exact"] == args.clients
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    asyncio.run(main())
