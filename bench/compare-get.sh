#!/usr/bin/env bash
# sockit get vs curl: download a 1 GiB file from nginx on 127.0.0.1 to /dev/null, side by side in one hyperfine run.
# Usage: bench/compare-get.sh [RUNS]   (default 5). Writes the result under its heading in docs/BENCHMARKS.md.
# Needs nginx, curl, hyperfine, python3 (bash .ci/run installs them). Loopback only; everything in a temp dir, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-10}
work=$(mktemp -d /tmp/sockit-compare-get.XXXXXX)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A Release build of sockit: NativeAOT when it publishes, else the JIT build.
if dotnet publish src/Sockit.Cli -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 && [ -x "$work/aot/Sockit.Cli" ]; then
  sockit="$work/aot/Sockit.Cli"; build="NativeAOT (linux-x64, Release)"
else
  dotnet build src/Sockit.Cli -c Release -o "$work/jit" >/dev/null
  sockit="dotnet $work/jit/Sockit.Cli.dll"; build="JIT (Release; NativeAOT publish failed)"
fi

mkdir -p "$work/www" "$work/tmp"
fallocate -l 1G "$work/www/1g.bin" 2>/dev/null || head -c 1073741824 /dev/zero >"$work/www/1g.bin"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $work/tmp/body; proxy_temp_path $work/tmp/proxy; fastcgi_temp_path $work/tmp/fastcgi;
    uwsgi_temp_path $work/tmp/uwsgi; scgi_temp_path $work/tmp/scgi;
    default_type application/octet-stream;
    sendfile on;
    server { listen 127.0.0.1:$port; root $work/www; }
}
CONF
nginx=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx" -c "$work/nginx.conf" -p "$work" -e "$work/error.log" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done

url="http://127.0.0.1:$port/1g.bin"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  -n "sockit get" "$sockit get $url -o /dev/null" \
  -n "curl" "curl -s -o /dev/null $url"

curl_version=$(curl --version | head -1 | cut -d' ' -f1-2)
section=$(python3 - "$work/result.json" "$build" "$curl_version" "$runs" <<'PY'
import json, sys, statistics, platform, os
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
size = 1 << 30
def median(name): return statistics.median(results[name]["times"])
s, c = median("sockit get"), median("curl")
ratio = (size / s) / (size / c)
lines = [
    "## sockit get vs curl: 1 GiB from nginx on loopback",
    "",
    f"`bench/compare-get.sh` ({sys.argv[4]} runs each after a warm-up, one hyperfine run): `sockit get URL -o /dev/null`",
    f"against `curl -s -o /dev/null URL`, a 1 GiB file served by nginx (sendfile) on 127.0.0.1. sockit: {sys.argv[2]};",
    f"{sys.argv[3]}; {os.cpu_count()} cores shared with other work, Linux {platform.release()}.",
    "",
    "| client | median time | throughput |",
    "| --- | --- | --- |",
    f"| sockit get | {s:.3f} s | {size / s / 2**20:.0f} MiB/s |",
    f"| curl | {c:.3f} s | {size / c / 2**20:.0f} MiB/s |",
    "",
    f"Throughput ratio sockit/curl: **{ratio:.2f}** (target: at least 1.00).",
]
print("\n".join(lines))
PY
)
echo
echo "$section"

# Replace this script's section of docs/BENCHMARKS.md (from its heading to the next "## "), or append it.
doc="$root/docs/BENCHMARKS.md"
mkdir -p "$root/docs"
[ -f "$doc" ] || printf '# Benchmarks\n' >"$doc"
SECTION="$section" python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].strip() + "\n"
heading = section.splitlines()[0]
pattern = re.compile(re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text.rstrip("\n") + "\n")
PY
echo "wrote $doc"
