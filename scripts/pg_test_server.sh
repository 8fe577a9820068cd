#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests and CI: initdb into a temporary folder, listening
# only on a Unix socket in that folder (no TCP port), stopped and removed at exit.
#
#   scripts/pg_test_server.sh COMMAND [ARG...]
#       starts the server, runs COMMAND with DYAD_TEST_PG=postgresql:///dyad?host=DIR&user=USER
#       exported, then stops the server and removes DIR; exits with COMMAND's status.
#
# PostgreSQL refuses to run as root: as root the server runs as the user `postgres` (created
# by Debian's postgresql-15 package) and the folder is handed to it.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg_test_server: PostgreSQL is not installed (run scripts/setup.sh)" >&2
  exit 1
fi
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARG...]" >&2; exit 2; }

dir=$(mktemp -d /tmp/dyad_pg.XXXXXX)
run_as=()
user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  chown postgres: "$dir"
  run_as=(runuser -u postgres --)
fi

stop() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Trust on the socket, except the role dyad_password (tests of wrong credentials).
printf 'local all dyad_password scram-sha-256\nlocal all all trust\n' >"$dir/data/pg_hba.conf"
# Throwaway data: no fsync, a socket in the folder, no TCP.
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${run_as[@]}" "$bin/createdb" -h "$dir" -U "$user" dyad
"${run_as[@]}" "$bin/psql" -q -h "$dir" -U "$user" -d dyad -c "CREATE ROLE dyad_password LOGIN PASSWORD 'right-secret'"

export DYAD_TEST_PG="postgresql:///dyad?host=$dir&user=$user"
echo "pg_test_server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $dir (DYAD_TEST_PG=$DYAD_TEST_PG)" >&2
set +e
"$@"
status=$?
set -e
exit $status
