#!/usr/bin/env bash
# Echo servers side by side (issue 10): sockit listen -k --echo, a C epoll server (bench/peers/echo-epoll.c, the
# practical limit), Node.js net (pipe), Python asyncio streams, ncat -k --exec /bin/cat and socat fork EXEC:cat, one
# after another on the same loopback port, each driven by the same C load generator (bench/peers/loadgen.c, which
# checks every byte) at 50 connections x 64 B, 1 x 64 B and 1 x 64 KiB; then `sockit bench` beside the C generator
# against the C server (50 x 64 B); then idle connections against sockit, the C server and Node (resident memory per
# connection from the server's VmRSS before and after, and the time to connect and answer them all). Medians of RUNS
# runs each; ratios against the C server and Node.
#
# Usage: bash bench/compare-echo.sh [--runs N] [--duration SECS] [--idle N]   (defaults 3, 5, 10000)
#          writes its section of docs/BENCHMARKS.md (replacing the previous one) and prints it.
#        bash bench/compare-echo.sh --quick   a smoke run: 1 run of 1 s each, 500 idle connections, a JIT build;
#          prints the section and leaves docs/BENCHMARKS.md alone (about 2 minutes with its build).
#        SOCKIT=/path/to/sockit bash bench/compare-echo.sh ...   uses that sockit instead of building one.
# Needs cc (or clang), dotnet, node, python3, ncat, socat (bash .ci/run installs them). Loopback only; every server is
# started in its own session and killed at the end of its turn (and on exit); every load is bounded in time. Exits 1
# when any server echoed a wrong byte or a load generator failed. A full run takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# The field of `sockit bench --format json` that holds round trips a second (a dotted path for a nested one: a.b).
bench_rps_field=roundTripsPerSecond

runs=3 duration=5 idle=10000 hold=3 quick=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 runs=1 duration=1 idle=500 hold=2 ;;
    --runs) runs=$2; shift ;;
    --duration) duration=$2; shift ;;
    --idle) idle=$2; shift ;;
    *) echo "usage: bash bench/compare-echo.sh [--quick] [--runs N] [--duration SECS] [--idle N]" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/sockit-compare-echo.XXXXXX)
server_pid="" idle_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  stop_server
  [ -n "$idle_pid" ] && kill "$idle_pid" 2>/dev/null && wait "$idle_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Enough descriptors for the idle connections on each side (each side is its own process).
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] && hard=1048576
want=$((idle + 256)); [ "$want" -lt 65536 ] && want=65536
[ "$want" -gt "$hard" ] && want=$hard
ulimit -n "$want"
if [ $((idle + 256)) -gt "$want" ]; then
  idle=$((want - 256)); echo "descriptor limit $want: $idle idle connections" >&2
fi

# The C peers.
cc=$(command -v cc || command -v clang)
"$cc" -O2 -Wall -Wextra -Werror -o "$work/echo-epoll" bench/peers/echo-epoll.c
"$cc" -O2 -Wall -Wextra -Werror -o "$work/loadgen" bench/peers/loadgen.c

# sockit: the given binary, else a NativeAOT Release publish (as bench/compare-get.sh), else the JIT Release build.
if [ -n "${SOCKIT:-}" ]; then
  sockit=$SOCKIT; build="$SOCKIT"
elif [ "$quick" = 0 ] && dotnet publish src/Sockit.Cli -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 && [ -x "$work/aot/sockit" ]; then
  sockit="$work/aot/sockit"; build="NativeAOT (linux-x64, Release)"
else
  dotnet build src/Sockit.Cli -c Release -o "$work/jit" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  sockit="dotnet $work/jit/Sockit.Cli.dll"; build="JIT (Release; $( [ "$quick" = 1 ] && echo "a smoke run" || echo "NativeAOT publish failed" ))"
fi

python=$(python3 -c 'import sys; print(sys.executable)')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
node_echo='const net = require("net"); net.createServer(s => { s.on("error", () => {}); s.pipe(s); }).listen(+process.argv[1], "127.0.0.1");'

# Starts server $1 on $port in a session of its own (so its children die with it) and waits until it accepts.
start_server() {
  case $1 in
    sockit) setsid $sockit listen -k --echo "$port" </dev/null >/dev/null 2>>"$work/sockit.stderr" & ;;
    c) setsid "$work/echo-epoll" "$port" </dev/null >/dev/null 2>&1 & ;;
    node) setsid node -e "$node_echo" "$port" </dev/null >/dev/null 2>&1 & ;;
    python) setsid "$python" bench/peers/echo-asyncio.py "$port" </dev/null >/dev/null 2>&1 & ;;
    ncat) setsid ncat -k -l 127.0.0.1 "$port" --exec /bin/cat </dev/null >/dev/null 2>&1 & ;;
    socat) setsid socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" EXEC:cat </dev/null >/dev/null 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && { sleep 0.2; return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "server $1 did not start on port $port" >&2
  exit 1
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

results="$work/results.tsv" # server, case, run, one JSON document
limit=$(awk -v d="$duration" 'BEGIN { printf "%d", d * 2 + 30 }') # seconds a timed load may take before it is killed
failed=0
# loadgen against server $1 for case $2 (CONNECTIONS:SIZE), runs times.
load() {
  local server=$1 connections=${2%:*} size=${2#*:} out
  for run in $(seq "$runs"); do
    out=$(timeout "$limit" "$work/loadgen" 127.0.0.1 "$port" -c "$connections" --size "$size" --duration "$duration" 2>>"$work/loadgen.stderr") || failed=1
    printf '%s\t%s\t%s\t%s\n' "$server" "$2" "$run" "${out:-{\}}" >>"$results"
  done
}

servers="sockit c node python ncat socat"
cases="50:64 1:64 1:65536"
for server in $servers; do
  start_server "$server"
  for case in $cases; do load "$server" "$case"; done
  stop_server
done

# sockit bench beside the C generator, against the C server, runs interleaved.
bench_note=""
if $sockit --help 2>/dev/null | grep -qE '^ +bench( |$)'; then # listed among the commands
  start_server c
  for run in $(seq "$runs"); do
    out=$(timeout "$limit" "$work/loadgen" 127.0.0.1 "$port" -c 50 --size 64 --duration "$duration" 2>>"$work/loadgen.stderr") || failed=1
    printf '%s\t%s\t%s\t%s\n' "c-loadgen" "bench" "$run" "${out:-{\}}" >>"$results"
    out=$(timeout "$limit" $sockit bench 127.0.0.1 "$port" -c 50 --size 64 --duration "$duration" --format json 2>>"$work/bench.stderr") || failed=1
    printf '%s\t%s\t%s\t%s\n' "sockit-bench" "bench" "$run" "$(printf '%s' "${out:-{\}}" | tr -d '\n')" >>"$results"
  done
  stop_server
else
  bench_note="this build has no \`sockit bench\`"
fi

# Idle connections: a fresh server each run; its VmRSS after start-up, and again while the generator holds them all.
for server in sockit c node; do
  for run in $(seq "$runs"); do
    start_server "$server"
    before=$(rss_kib "$server_pid")
    timeout $((hold + 120)) "$work/loadgen" 127.0.0.1 "$port" --idle "$idle" --hold "$hold" >"$work/idle.out" 2>>"$work/loadgen.stderr" &
    idle_pid=$!
    for _ in $(seq 1200); do [ -s "$work/idle.out" ] && break; kill -0 "$idle_pid" 2>/dev/null || break; sleep 0.1; done
    sleep 1
    after=$(rss_kib "$server_pid")
    wait "$idle_pid" || failed=1
    idle_pid=""
    out=$(head -1 "$work/idle.out")
    printf '%s\t%s\t%s\t%s\n' "$server" "idle" "$run" "{\"before_kib\":$before,\"after_kib\":$after,\"loadgen\":${out:-{\}}}" >>"$results"
    stop_server
  done
done

machine="$(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), Linux $(uname -r)"
versions="$(node --version | sed 's/^/Node.js /'), $("$python" --version), $(ncat --version 2>&1 | awk '{ print "ncat " $3 }'), $(socat -V | awk '/socat version/ { print "socat " $3 }')"
section=$(python3 - "$results" "$build" "$machine" "$versions" "$runs" "$duration" "$idle" "$bench_rps_field" "$bench_note" "$quick" <<'PY'
import datetime, json, statistics, sys
path, build, machine, versions, runs, duration, idle, field, bench_note, quick = sys.argv[1:]
rows = {}
for line in open(path):
    server, case, run, document = line.rstrip("\n").split("\t", 3)
    try:
        rows.setdefault((server, case), []).append(json.loads(document))
    except json.JSONDecodeError:
        rows.setdefault((server, case), []).append({})

def median(server, case, key):
    values = [r[key] for r in rows.get((server, case), []) if key in r]
    return statistics.median(values) if values else None

def checked(server, cases):
    docs = [r for c in cases for r in rows.get((server, c), [])]
    bad = sum(r.get("mismatches", 1) for r in docs)
    errors = sum(r.get("errors", 1) for r in docs)
    return "all bytes matched" if bad == 0 and errors == 0 else f"**{bad} mismatched, {errors} errors**"

def number(v, digits=0):
    return "n/a" if v is None else f"{v:,.{digits}f}"

def ratio(a, b):
    return "n/a" if a is None or b in (None, 0) else f"{a / b:.2f}"

names = {
    "sockit": "`sockit listen -k --echo`", "c": "C epoll, one thread (`bench/peers/echo-epoll.c`)",
    "node": "Node.js `net` (`socket.pipe(socket)`)", "python": "Python asyncio streams",
    "ncat": "`ncat -k -l --exec /bin/cat`", "socat": "`socat TCP-LISTEN:PORT,fork,reuseaddr EXEC:cat`",
}
cases = ["50:64", "1:64", "1:65536"]
date = datetime.date.today().isoformat()
lines = [
    "## Echo servers side by side: sockit, C epoll, Node.js, Python, ncat, socat",
    "",
]
if quick == "1":
    lines += [f"**A smoke run (`--quick`: 1 run of {duration} s, {idle} idle connections, a JIT build) on a busy shared machine: "
              "these figures check that the harness works, they measure nothing.**", ""]
lines += [
    f"`bench/compare-echo.sh` on {date}: each server in turn on the same port of 127.0.0.1, driven by the same C load generator",
    "(`bench/peers/loadgen.c`, one thread, epoll): every connection sends a message, waits for the whole echo, checks every",
    f"byte, and sends the next (each message's content differs from the last). Median of {runs} run(s) of {duration} s each.",
    f"sockit: {build}, its stdout to /dev/null and its stderr to a file; {versions}; {machine}, shared with other work.",
    "Run it: `bash bench/compare-echo.sh [--runs N] [--duration SECS] [--idle N]` (defaults 3, 5 and 10,000: about",
    "10 minutes, and it rewrites this section); `bash bench/compare-echo.sh --quick` checks the harness in about two minutes.",
    "The C peers alone: `cc -O2 -o loadgen bench/peers/loadgen.c` (likewise `echo-epoll.c`); their usage is in their header comments.",
    "",
    "| server | 50 conn x 64 B round trips/s | vs C | vs Node | 1 x 64 B round trips/s | vs C | 1 x 64 KiB MB/s | vs C | checked |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
]
for s in ["sockit", "c", "node", "python", "ncat", "socat"]:
    many, one, big = (median(s, "50:64", "round_trips_per_s"), median(s, "1:64", "round_trips_per_s"),
                      median(s, "1:65536", "mb_per_s"))
    lines.append(f"| {names[s]} | {number(many)} | {ratio(many, median('c', '50:64', 'round_trips_per_s'))} | "
                 f"{ratio(many, median('node', '50:64', 'round_trips_per_s'))} | {number(one)} | "
                 f"{ratio(one, median('c', '1:64', 'round_trips_per_s'))} | {number(big)} | "
                 f"{ratio(big, median('c', '1:65536', 'mb_per_s'))} | {checked(s, cases)} |")
lines += [
    "",
    "MB/s: echoed payload one way, 10^6 bytes a second. Latency at 50 x 64 B (p50 / p99, µs): "
    + "; ".join(f"{s} {number(median(s, '50:64', 'p50_us'), 1)} / {number(median(s, '50:64', 'p99_us'), 1)}"
                for s in ["sockit", "c", "node", "python", "ncat", "socat"]) + ".",
    "",
    "Targets (issue 10): 50 x 64 B at least 1.00 of C and 1.30 of Node; 1 x 64 KiB at least 1.00 of C.",
    "",
    "### Load generators against the C server, 50 x 64 B",
    "",
]
if bench_note:
    lines.append(f"Not measured: {bench_note}.")
else:
    c_rps = median("c-loadgen", "bench", "round_trips_per_s")
    def field_of(document):  # a dotted path reaches into nested objects
        for key in field.split("."):
            document = document.get(key) if isinstance(document, dict) else None
        return document
    s_values = [v for v in map(field_of, rows.get(("sockit-bench", "bench"), [])) if isinstance(v, (int, float))]
    s_rps = statistics.median(s_values) if s_values else None
    lines += [
        "| load generator | round trips/s | vs C generator |",
        "| --- | --- | --- |",
        f"| C `loadgen` | {number(c_rps)} | 1.00 |",
        f"| `sockit bench -c 50 --size 64` | {number(s_rps)} | {ratio(s_rps, c_rps)} |",
        "",
        "Target: `sockit bench` at least 0.90 of the C generator (runs interleaved, one server).",
    ]
lines += [
    "",
    f"### {int(idle):,} idle connections",
    "",
    f"A fresh server each run; the generator opens {int(idle):,} connections (at most 1,000 not yet answered at a time),",
    "sends one byte on each and waits for its echo, then holds them all; resident memory is the server's VmRSS before",
    "and while they are held. Time: until the last connection was answered.",
    "",
    "| server | VmRSS before | VmRSS with all connected | per connection | time to connect all | vs C |",
    "| --- | --- | --- | --- | --- | --- |",
]
def idle_median(server, pick):
    values = [pick(r) for r in rows.get((server, "idle"), []) if r.get("loadgen")]
    return statistics.median(values) if values else None
c_ms = idle_median("c", lambda r: r["loadgen"]["connect_ms"])
for s in ["sockit", "c", "node"]:
    before = idle_median(s, lambda r: r["before_kib"])
    after = idle_median(s, lambda r: r["after_kib"])
    each = idle_median(s, lambda r: (r["after_kib"] - r["before_kib"]) * 1024 / r["loadgen"]["connected"] if r["loadgen"]["connected"] else 0)
    ms = idle_median(s, lambda r: r["loadgen"]["connect_ms"])
    docs = rows.get((s, "idle"), [])
    complete = all(r.get("loadgen", {}).get("connected") == int(idle) for r in docs) and docs
    lines.append(f"| {names[s]} | {number(before and before / 1024, 1)} MiB | {number(after and after / 1024, 1)} MiB | "
                 f"{number(each)} B | {number(ms and ms / 1000, 2)} s{'' if complete else ' (**not all connected**)'} | {ratio(ms, c_ms)} |")
lines += ["", "Targets: at most 4 KiB resident a connection; all connected within 2.00 of the C server's time."]
print("\n".join(lines))
# Any wrong byte, failed connection or missing result fails the script.
documents = [r.get("loadgen", r) for key, rs in rows.items() if key[0] != "sockit-bench" for r in rs]
if any(d.get("mismatches", 1) or d.get("errors", 1) for d in documents):
    open(path.rsplit("/", 1)[0] + "/mismatched", "w").close()
PY
)
echo
echo "$section"
if [ "$failed" = 1 ] || [ -e "$work/mismatched" ]; then
  echo "compare-echo: a server echoed wrong bytes or a load generator failed (see the checked column)" >&2
  tail -20 "$work/loadgen.stderr" "$work/bench.stderr" >&2 2>/dev/null || true
  failed=1
fi

if [ "$quick" = 1 ]; then
  echo "a smoke run: docs/BENCHMARKS.md left alone"
  exit "$failed"
fi
# Replace this script's section of docs/BENCHMARKS.md (from its heading to the next "## "), or append it.
doc="$root/docs/BENCHMARKS.md"
printf '%s\n' "$section" | "$root/bench/write-section.sh" "$doc"
exit "$failed"
