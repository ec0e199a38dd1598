#!/usr/bin/env bash
# sockit get vs curl: download a 1 GiB file from nginx on 127.0.0.1 to /dev/null, over http and over https (TLS 1.3,
# one cipher suite forced on the server so both clients use the same), side by side, the commands taking turns.
# Usage: bench/compare-get.sh [RUNS]   (default 10). Writes the result under its heading in docs/BENCHMARKS.md.
# SIZE=1M bench/compare-get.sh 1 tries the script on a small file (JIT build, docs/BENCHMARKS.md left alone).
# SOCKIT=/path/to/sockit bench/compare-get.sh uses that program instead of publishing one (SOCKIT_BUILD=TEXT names it in the docs).
# Needs nginx, curl, hyperfine, python3, openssl (bash .ci/run installs them). Loopback only; everything in a temp dir, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-10}
size=${SIZE:-1G}
cipher=TLS_AES_128_GCM_SHA256
work=$(mktemp -d /tmp/sockit-compare-get.XXXXXX)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

source bench/nginx-source.sh
pick_sockit

mkdir -p "$work/www"
fallocate -l "$size" "$work/www/1g.bin" 2>/dev/null || head -c "$size" /dev/zero >"$work/www/1g.bin"
bytes=$(stat -c %s "$work/www/1g.bin")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
tls_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The https server's certificate, for 127.0.0.1, trusted by both clients through --cacert.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
start_nginx "$port" "server {
        listen 127.0.0.1:$tls_port ssl; root $work/www;
        ssl_certificate $work/cert.pem; ssl_certificate_key $work/key.pem;
        ssl_protocols TLSv1.3; ssl_conf_command Ciphersuites $cipher;
    }"

url="http://127.0.0.1:$port/1g.bin"
tls_url="https://127.0.0.1:$tls_port/1g.bin"
# Both clients must get the whole file over https, or the timing means nothing.
[ "$(curl -s --cacert "$work/cert.pem" --tlsv1.3 -o /dev/null -w '%{size_download}' "$tls_url")" = "$bytes" ] || { echo "curl https failed"; exit 1; }
$sockit get --cacert "$work/cert.pem" --tls-min 1.3 "$tls_url" -o "$work/check.bin" && [ "$(stat -c %s "$work/check.bin")" = "$bytes" ] || { echo "sockit https failed"; exit 1; }
rm -f "$work/check.bin"
# The commands take turns, one run each a round (after one warm-up round that is not counted), so that a burst of
# other work on the machine falls on all of them alike rather than on whichever ran then.
commands=(-n "sockit get" "$sockit get $url -o /dev/null"
  -n "curl" "curl -s -o /dev/null $url"
  -n "sockit get https" "$sockit get --cacert $work/cert.pem --tls-min 1.3 $tls_url -o /dev/null"
  -n "curl https" "curl -s --cacert $work/cert.pem --tlsv1.3 -o /dev/null $tls_url")
hyperfine --style none --runs 1 "${commands[@]}" >/dev/null
for round in $(seq "$runs"); do
  hyperfine --style none --runs 1 --export-json "$work/round-$round.json" "${commands[@]}" >/dev/null
done

curl_version=$(curl --version | head -1 | cut -d' ' -f1-2)
section=$(python3 - "$work" "$build" "$curl_version" "$runs" "$bytes" "$cipher" <<'PY'
import glob, json, sys, statistics, platform, os
times = {}
for f in glob.glob(os.path.join(sys.argv[1], "round-*.json")):
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
size = int(sys.argv[5])
def median(name): return statistics.median(times[name])
s, c = median("sockit get"), median("curl")
ts, tc = median("sockit get https"), median("curl https")
ratio = (size / s) / (size / c)
tls_ratio = (size / ts) / (size / tc)
lines = [
    "## sockit get vs curl: 1 GiB from nginx on loopback",
    "",
    f"`bench/compare-get.sh` ({sys.argv[4]} runs each, the four commands taking turns, one run each a round after a warm-up round; medians): `sockit get URL -o /dev/null`",
    f"against `curl -s -o /dev/null URL`, a 1 GiB file served by nginx (sendfile) on 127.0.0.1. sockit: {sys.argv[2]};",
    f"{sys.argv[3]}; {os.cpu_count()} cores shared with other work, Linux {platform.release()}.",
    "",
    "| client | median time | throughput |",
    "| --- | --- | --- |",
    f"| sockit get | {s:.3f} s | {size / s / 2**20:.0f} MiB/s |",
    f"| curl | {c:.3f} s | {size / c / 2**20:.0f} MiB/s |",
    "",
    f"Throughput ratio sockit/curl: **{ratio:.2f}** (target, issue 10: at least 1.10).",
    "",
    f"Over https, in the same rounds: TLS 1.3 with {sys.argv[6]} only (nginx's `ssl_conf_command Ciphersuites`), so both",
    "clients use the same cipher; `sockit get --cacert cert.pem --tls-min 1.3` against `curl --cacert cert.pem --tlsv1.3`.",
    "",
    "| client | median time | throughput |",
    "| --- | --- | --- |",
    f"| sockit get https | {ts:.3f} s | {size / ts / 2**20:.0f} MiB/s |",
    f"| curl https | {tc:.3f} s | {size / tc / 2**20:.0f} MiB/s |",
    "",
    f"Throughput ratio sockit/curl over https: **{tls_ratio:.2f}** (target: at least 1.00).",
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
