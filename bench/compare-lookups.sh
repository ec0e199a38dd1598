#!/usr/bin/env bash
# Lookups side by side in one hyperfine run: sockit (NativeAOT) against getent and python3's socket module, for
# getservbyname, getservbyport and gethostbyname_ex('localhost'). Each command is a whole process, as a person runs it.
# Usage: bash bench/compare-lookups.sh [RUNS]   (default 30). Needs hyperfine and python3. Touches no network:
# localhost comes from /etc/hosts.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
work=$(mktemp -d /tmp/sockit-compare-lookups.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Sockit.Cli -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 \
  || { echo "NativeAOT publish failed: see $work/publish.log" >&2; exit 1; }
sockit="$work/aot/sockit"
# The interpreter itself, not a version manager's shim script in front of it.
python=$(python3 -c 'import sys; print(sys.executable)')

compare() { # title, then the commands: sockit's first
  local title=$1; shift
  echo "### $title"
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" "$@" >/dev/null
  python3 - "$work/result.json" "$python" <<'PY'
import json, os, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
base = statistics.median(results[0]["times"])
print("| command | median | ratio to sockit |")
print("| --- | --- | --- |")
for r in results:
    m = statistics.median(r["times"])
    shown = r['command'].replace(os.path.dirname(sys.argv[1]) + '/aot/', '').replace(sys.argv[2], 'python3')
    print(f"| `{shown}` | {m*1000:.1f} ms | {m/base:.2f} |")
PY
  echo
}

compare "getservbyname('ssh')" \
  "$sockit service ssh" "getent services ssh" "$python -c \"import socket; print(socket.getservbyname('ssh'))\""
compare "getservbyport(80)" \
  "$sockit service 80" "getent services 80" "$python -c \"import socket; print(socket.getservbyport(80))\""
compare "gethostbyname_ex('localhost')" \
  "$sockit resolve localhost --ex" "getent hosts localhost" "$python -c \"import socket; print(socket.gethostbyname_ex('localhost'))\""
