#!/usr/bin/env bash
# Usage: bash scripts/with-postgresql.sh COMMAND [ARG…]
#
# Runs COMMAND against a throwaway PostgreSQL server: initdb into a fresh temporary folder,
# start the server on 127.0.0.1 only (a free port; the unix socket stays inside the folder),
# run COMMAND with
#   ARCHIVE_TEST_POSTGRESQL=postgresql://archive@127.0.0.1:PORT/archive_test
#   ARCHIVE_REQUIRE_POSTGRESQL=1   (the PostgreSQL tests fail, not skip, without a server)
# then stop the server and delete the folder — also when COMMAND fails or this script is
# interrupted. Exits with COMMAND's status.
#
# The server refuses to run as root: as root, initdb and pg_ctl run as the system user
# archive-pg (created when missing); otherwise as you. Authentication is "trust", for the
# superuser "archive", on loopback only. Durability is off (fsync=off): the data is thrown away.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG…]" >&2
  exit 2
fi

say() { echo "with-postgresql: $*" >&2; }

# The newest installed server (Debian: /usr/lib/postgresql/VERSION/bin), else one on PATH.
pg_bin=""
while read -r dir; do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    pg_bin="$dir"
    break
  fi
done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r)
if [ -z "$pg_bin" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  pg_bin="$(dirname "$(command -v initdb)")"
fi
if [ -z "$pg_bin" ]; then
  say "no PostgreSQL server found (no /usr/lib/postgresql/*/bin/initdb); run scripts/install-deps.sh"
  exit 1
fi

# Who runs the server.
as_server=()
base_dir="${TMPDIR:-/tmp}"
if [ "$(id -u)" -eq 0 ]; then
  server_user="archive-pg"
  if ! id -u "$server_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      --comment "archive test PostgreSQL" "$server_user" 2>/dev/null ||
      id -u "$server_user" >/dev/null 2>&1 # another run may have created it meanwhile
  fi
  as_server=(runuser -u "$server_user" --)
  base_dir="/tmp" # root's TMPDIR may be closed to the server user
fi

work="$(mktemp -d "$base_dir/archive-pg.XXXXXXXX")"
data="$work/data"
sockets="$work/sockets"
log="$work/server.log"
started=""
child=""

# shellcheck disable=SC2317  # cleanup and on_signal run from traps
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ -n "$started" ] && [ -f "$data/postmaster.pid" ]; then
    if ! "${as_server[@]}" "$pg_bin/pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1; then
      "${as_server[@]}" "$pg_bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1 || {
        pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
        if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
        sleep 1
      }
    fi
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
# shellcheck disable=SC2317
on_signal() {
  # Stop COMMAND too (it ignores SIGINT: it runs in the background of this script).
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null || true
  fi
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

mkdir -p "$data" "$sockets"
touch "$log"
if [ ${#as_server[@]} -gt 0 ]; then
  chown -R "$server_user" "$work"
fi

if ! "${as_server[@]}" "$pg_bin/initdb" -D "$data" --username=archive --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1; then
  say "initdb failed:"
  tail -n 20 "$work/initdb.log" >&2
  exit 1
fi
cat >>"$data/postgresql.conf" <<EOF

# with-postgresql.sh: a throwaway test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sockets'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF

# True when something accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  candidate=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
  port_in_use "$candidate" && continue
  : >"$log"
  if "${as_server[@]}" "$pg_bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 \
    -o "-p $candidate" >/dev/null 2>&1; then
    port="$candidate"
    started=1
    break
  fi
  started=1 # a half-started server is stopped by cleanup
  if grep -q "could not bind\|could not create listen socket\|already in use" "$log"; then
    say "port $candidate is taken, trying another (attempt $attempt)"
    continue
  fi
  say "the server did not start; the end of $log:"
  tail -n 20 "$log" >&2
  exit 1
done
if [ -z "$port" ]; then
  say "the server did not start on any of 10 ports; the end of $log:"
  tail -n 20 "$log" >&2
  exit 1
fi

# pg_ctl -w waited for the server; make sure it takes TCP connections too.
for _ in $(seq 1 100); do
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U archive -d postgres && break
  sleep 0.1
done
# The test database sorts text by an ICU (en-US) collation, not bytewise, as many real servers
# do: the backend must order ids bytewise itself.
if ! "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U archive --template=template0 \
  --locale-provider=icu --icu-locale=en-US archive_test 2>"$work/createdb.log"; then
  say "createdb failed:"
  cat "$work/createdb.log" >&2
  tail -n 20 "$log" >&2
  exit 1
fi

export ARCHIVE_TEST_POSTGRESQL="postgresql://archive@127.0.0.1:$port/archive_test"
export ARCHIVE_REQUIRE_POSTGRESQL=1
say "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') at $ARCHIVE_TEST_POSTGRESQL (data and log in $work)"

# COMMAND runs in the background so that a signal reaches this script's traps at once;
# its standard input stays this script's.
set +e
"$@" <&0 &
child=$!
wait "$child"
status=$?
child=""
set -e
exit "$status"
