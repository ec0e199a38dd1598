#!/usr/bin/env bash
# sockit forward vs socat doing the same relay: curl downloads a 1 GiB file from nginx on 127.0.0.1 through
# `sockit forward A 127.0.0.1:B` and through `socat TCP-LISTEN:A,fork,reuseaddr TCP:127.0.0.1:B` (and straight from
# nginx, the baseline no relay can beat), side by side in one hyperfine run.
# Usage: bench/compare-forward.sh [RUNS]   (default 10). Writes the result under its heading in docs/BENCHMARKS.md.
# SIZE=64M bench/compare-forward.sh 1 is the quick smoke run (a few seconds; JIT build, docs/BENCHMARKS.md left alone).
# SOCKIT=/path/to/sockit bench/compare-forward.sh uses that program instead of publishing one (SOCKIT_BUILD=TEXT names it).
# Needs nginx, curl, socat, hyperfine, python3 (bash .ci/run installs them). Loopback only; everything in a temp dir, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-10}
size=${SIZE:-1G}
work=$(mktemp -d /tmp/sockit-compare-forward.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done; echo "nothing on port $1"; exit 1; }

source bench/nginx-source.sh
pick_sockit

# The data source: nginx with sendfile, serving a sparse file (no disk reads), so the relay is what is measured.
mkdir -p "$work/www"
truncate -s "$size" "$work/www/1g.bin"
bytes=$(stat -c %s "$work/www/1g.bin")
port=$(free_port)
start_nginx "$port"
pids+=("$nginx_pid")

# The two relays, each on its own port, both to the same nginx.
sockit_port=$(free_port)
$sockit forward "$sockit_port" "127.0.0.1:$port" 2>"$work/forward.log" &
pids+=($!)
socat_port=$(free_port)
socat "TCP-LISTEN:$socat_port,bind=127.0.0.1,fork,reuseaddr" "TCP:127.0.0.1:$port" &
pids+=($!)
wait_port "$sockit_port"
wait_port "$socat_port"

# Each relay must deliver the whole file, or the timing means nothing.
for p in "$sockit_port" "$socat_port"; do
  got=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$p/1g.bin")
  [ "$got" = "$bytes" ] || { echo "the relay on port $p delivered $got of $bytes bytes"; exit 1; }
done
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  -n "sockit forward" "curl -s -o /dev/null http://127.0.0.1:$sockit_port/1g.bin" \
  -n "socat" "curl -s -o /dev/null http://127.0.0.1:$socat_port/1g.bin" \
  -n "no relay" "curl -s -o /dev/null http://127.0.0.1:$port/1g.bin"

socat_version="socat $(socat -V 2>/dev/null | grep -m1 'socat version' | cut -d' ' -f3)"
section=$(python3 - "$work/result.json" "$build" "$socat_version" "$runs" "$bytes" <<'PY'
import json, sys, statistics, platform, os, datetime
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
size = int(sys.argv[5])
def median(name): return statistics.median(results[name]["times"])
s, c, d = median("sockit forward"), median("socat"), median("no relay")
ratio = (size / s) / (size / c)
lines = [
    "## sockit forward vs socat: 1 GiB relayed on loopback",
    "",
    f"`bench/compare-forward.sh` ({sys.argv[4]} runs each after a warm-up, one hyperfine run, {datetime.date.today().isoformat()}):",
    "`curl -s -o /dev/null` fetches a 1 GiB sparse file from nginx (sendfile) on 127.0.0.1 through",
    "`sockit forward A 127.0.0.1:B` and through `socat TCP-LISTEN:A,fork,reuseaddr TCP:127.0.0.1:B`, and straight from nginx.",
    f"sockit: {sys.argv[2]}; {sys.argv[3]}; {os.cpu_count()} cores shared with other work, Linux {platform.release()}.",
    "",
    "| relay | median time | throughput |",
    "| --- | --- | --- |",
    f"| sockit forward | {s:.3f} s | {size / s / 2**20:.0f} MiB/s |",
    f"| socat | {c:.3f} s | {size / c / 2**20:.0f} MiB/s |",
    f"| no relay (curl to nginx) | {d:.3f} s | {size / d / 2**20:.0f} MiB/s |",
    "",
    f"Throughput ratio sockit/socat: **{ratio:.2f}** (target: at least 1.00).",
]
print("\n".join(lines))
PY
)
echo
echo "$section"

if [ "$size" != 1G ]; then
  echo "a trial size ($size): docs/BENCHMARKS.md left alone"
  exit 0
fi
# Replace this script's section of docs/BENCHMARKS.md (from its heading to the next "## "), or append it.
doc="$root/docs/BENCHMARKS.md"
printf '%s\n' "$section" | "$root/bench/write-section.sh" "$doc"
