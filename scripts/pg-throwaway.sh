#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for tests: a temporary directory, a local port,
# run as a non-root user. Prints the SQLAlchemy URL on start.
#   scripts/pg-throwaway.sh start [DIR] [PORT]   -> echoes postgresql+psycopg://...
#   scripts/pg-throwaway.sh stop  [DIR]
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:-/tmp/claims-pg}
port=${3:-54329}
user=claimspg
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }

as_user() {
  if [ "$(id -u)" = 0 ]; then
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && { id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"; chown "$user" "$dir"; }
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_user "$bindir/initdb" -D "$dir/data" -U claims -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    as_user "$bindir/psql" -h 127.0.0.1 -p "$port" -U claims -d postgres -qtAc \
      "SELECT 1 FROM pg_database WHERE datname='claims'" | grep -q 1 \
      || as_user "$bindir/createdb" -h 127.0.0.1 -p "$port" -U claims claims
    echo "postgresql+psycopg://claims@127.0.0.1:$port/claims"
    ;;
  stop)
    as_user "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
