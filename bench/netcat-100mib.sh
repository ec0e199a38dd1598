#!/usr/bin/env bash
# 100 MiB of random bytes through a listener <- client pair on 127.0.0.1, for sockit, ncat and socat (and mixed),
# RUNS times each; prints the median wall time of each pair (client start to listener exit) and checks the SHA-256.
# Usage: bash bench/netcat-100mib.sh [RUNS]   (build first: dotnet build src/Sockit.Cli -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
# SOCKIT may name another build, e.g. a NativeAOT binary: SOCKIT=/path/to/sockit bash bench/netcat-100mib.sh
sockit="${SOCKIT:-dotnet $PWD/src/Sockit.Cli/bin/Release/net10.0/Sockit.Cli.dll}"
data=$(mktemp); out=$(mktemp)
trap 'rm -f "$data" "$out"' EXIT
head -c $((100 * 1024 * 1024)) /dev/urandom > "$data"
want=$(sha256sum < "$data" | cut -d' ' -f1)
port=47311

listen_cmd() { case $1 in
  sockit) echo "$sockit listen $port" ;;
  ncat) echo "ncat -l 127.0.0.1 $port" ;;
  socat) echo "socat -u TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr STDOUT" ;;
esac; }
connect_cmd() { case $1 in
  sockit) echo "$sockit connect 127.0.0.1 $port" ;;
  ncat) echo "ncat --send-only 127.0.0.1 $port" ;;
  socat) echo "socat -u STDIN TCP:127.0.0.1:$port" ;;
esac; }

one() { # listener client -> seconds
  $(listen_cmd "$1") < /dev/null > "$out" 2>/dev/null &
  local pid=$!
  until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do sleep 0.02; done
  # The probe above was the listener's one connection for ncat/sockit/socat without -k: restart it.
  wait $pid 2>/dev/null || true
  $(listen_cmd "$1") < /dev/null > "$out" 2>/dev/null &
  pid=$!
  sleep 0.4
  local start end
  start=$(date +%s.%N)
  $(connect_cmd "$2") < "$data" > /dev/null 2>&1
  wait $pid
  end=$(date +%s.%N)
  [ "$(sha256sum < "$out" | cut -d' ' -f1)" = "$want" ] || { echo "SHA-256 mismatch for $1 <- $2" >&2; exit 1; }
  echo "$end - $start" | bc
}

for pair in "sockit sockit" "ncat ncat" "socat socat" "sockit ncat" "ncat sockit"; do
  set -- $pair
  times=()
  for _ in $(seq "$runs"); do times+=("$(one "$1" "$2")"); done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-8s <- %-8s median %.3f s  (%s)\n' "$1" "$2" "$median" "${times[*]}"
done
