#!/usr/bin/env bash
# Lookups side by side: sockit (NativeAOT) against getent and python3's socket module, for getservbyname,
# getservbyport and gethostbyname_ex('localhost'). Each command is a whole process, as a person runs it. The commands
# take turns: ROUNDS hyperfine runs of 10 runs each, all commands in every round, so that a burst of other work on
# the machine falls on all of them alike; medians over all runs. Writes its section of docs/BENCHMARKS.md.
# Usage: bash bench/compare-lookups.sh [ROUNDS]   (default 20: 200 runs a command, about a minute after the publish).
# SOCKIT=/path/to/sockit uses that NativeAOT program instead of publishing one (so that the publish can run outside
# a lock held for the timing). Needs hyperfine and python3. Touches no network: localhost comes from /etc/hosts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-20}
work=$(mktemp -d /tmp/sockit-compare-lookups.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ -n "${SOCKIT:-}" ]; then
  sockit=$SOCKIT
else
  dotnet publish src/Sockit.Cli -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 \
    || { echo "NativeAOT publish failed: see $work/publish.log" >&2; exit 1; }
  sockit="$work/aot/sockit"
fi
# The interpreter itself, not a version manager's shim script in front of it.
python=$(python3 -c 'import sys; print(sys.executable)')

compare() { # title, then the commands: sockit's first, getent's second
  local title=$1; shift
  for round in $(seq "$rounds"); do
    hyperfine -N --warmup 3 --runs 10 --export-json "$work/round-$round.json" "$@" >/dev/null
  done
  python3 - "$title" "$sockit" "$python" "$work"/round-*.json <<'PY'
import json, statistics, sys
title, sockit, python, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
times = {}
for f in files:
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
commands = list(times)
base = statistics.median(times[commands[0]])
print(f"#### {title}")
print("| command | runs | median | ratio to sockit |")
print("| --- | --- | --- | --- |")
for c in commands:
    m = statistics.median(times[c])
    shown = c.replace(sockit, "sockit").replace(python, "python3")
    print(f"| `{shown}` | {len(times[c])} | {m*1000:.2f} ms | {m/base:.2f} |")
getent = statistics.median(times[commands[1]])
print(f"\nsockit over getent: **{base/getent:.2f}** times getent's time.")
PY
  rm -f "$work"/round-*.json
  echo
}

tables=$(
  compare "getservbyname('ssh')" \
    "$sockit service ssh" "getent services ssh" "$python -c \"import socket; print(socket.getservbyname('ssh'))\""
  compare "getservbyport(80)" \
    "$sockit service 80" "getent services 80" "$python -c \"import socket; print(socket.getservbyport(80))\""
  compare "gethostbyname_ex('localhost')" \
    "$sockit resolve localhost --ex" "getent hosts localhost" "$python -c \"import socket; print(socket.gethostbyname_ex('localhost'))\""
)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
section=$(cat <<EOF
## Lookups: sockit against getent and python3 (whole processes)

\`bash bench/compare-lookups.sh $rounds\` on $(date -u +%Y-%m-%d): each command run $((rounds * 10)) times as a whole process
(hyperfine \`-N\`), the commands taking turns in $rounds rounds of 10 runs (3 warm-ups a round), sockit as a NativeAOT
binary, python3 the interpreter itself ($("$python" -c 'import platform; print(platform.python_version())')), not a version manager's shim; $(nproc) cores
($cpu), Linux $(uname -r), shared with other work. Medians; the ratio is each command's median over sockit's.
Target (issue 10): \`sockit service ssh\` at most 3 times getent's time; what start-up costs and what was tried is in
"Where issue 10's targets stand" above.

$tables
EOF
)
echo "$section"
printf '%s\n' "$section" | "$root/bench/write-section.sh" "$root/docs/BENCHMARKS.md"
