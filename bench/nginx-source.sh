# Sourced by bench/compare-get.sh and bench/compare-forward.sh: the sockit program they time, and nginx serving a file
# from their work directory on loopback. Expects $work (a temp dir the caller removes) and $size (1G, or a trial size).

# Sets $sockit and $build: the given program (SOCKIT=path, SOCKIT_BUILD=TEXT names it in the docs), else a NativeAOT
# Release publish, else the JIT Release build (always JIT for a trial size).
pick_sockit() {
  if [ -n "${SOCKIT:-}" ]; then
    sockit=$SOCKIT; build="${SOCKIT_BUILD:-$SOCKIT}"
  elif [ "$size" = 1G ] && dotnet publish src/Sockit.Cli -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 && [ -x "$work/aot/Sockit.Cli" ]; then
    sockit="$work/aot/Sockit.Cli"; build="NativeAOT (linux-x64, Release)"
  else
    dotnet build src/Sockit.Cli -c Release -o "$work/jit" >/dev/null
    sockit="dotnet $work/jit/Sockit.Cli.dll"; build="JIT (Release; $( [ "$size" = 1G ] && echo "NativeAOT publish failed" || echo "a trial size" ))"
  fi
}

# start_nginx PORT [SERVER_BLOCK]: nginx with sendfile serving $work/www on 127.0.0.1:PORT (and whatever server block
# is given besides), one worker, in the background; sets $nginx_pid and returns once it answers.
start_nginx() {
  mkdir -p "$work/tmp"
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
    server { listen 127.0.0.1:$1; root $work/www; }
    ${2:-}
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx.conf" -p "$work" -e "$work/error.log" -g 'daemon off;' &
  nginx_pid=$!
  for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done
  echo "nginx did not answer on port $1"; exit 1
}
