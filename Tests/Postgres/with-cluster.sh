#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster, as `.ci/run` runs the test suite:
#
#   Tests/Postgres/with-cluster.sh swift test --traits Postgres
#
# The cluster lives in a new temporary folder, owned by an unprivileged user (PostgreSQL refuses to run as root;
# PG_USER, default `redflag-pg`, is created when missing), listens on 127.0.0.1 only, on a free port, with trust
# authentication, and is stopped and deleted when the command ends, however it ends. The command gets its URL in
# REDFLAG_TEST_POSTGRES_URL (the tests open a fresh schema per test there) and its exit status is this script's.
#
# PostgreSQL comes from Debian's packages (`postgresql`), installed when no initdb is found. Run as root, or as the
# user who will own the cluster (then nobody is created or switched to).
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "with-cluster.sh: no PostgreSQL server found; install Debian's postgresql package" >&2
    exit 69
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
  bin=$(find_bin)
fi

owner=$(id -un)
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  owner=${PG_USER:-redflag-pg}
  id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  as_owner() { runuser -u "$owner" -- "$@"; }
fi

cluster=$(mktemp -d "${TMPDIR:-/tmp}/redflag-pg.XXXXXX")
chmod 0755 "$cluster"
chown "$owner" "$cluster"
stop() {
  as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop EXIT

# A port nobody listens on: the kernel picks one, then it is released for PostgreSQL.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$bin/initdb" -D "$cluster/data" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" \
  || { cat "$cluster/initdb.log" >&2; exit 1; }
# fsync stays on: the store's durability is part of what runs here. max_connections covers the tests' pools.
as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
  -o "-k $cluster -p $port -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
  || { cat "$cluster/server.log" >&2; exit 1; }

export REDFLAG_TEST_POSTGRES_URL="postgres://$owner@127.0.0.1:$port/postgres?sslmode=disable"
echo "with-cluster.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $REDFLAG_TEST_POSTGRES_URL" >&2
set +e
"$@"
status=$?
set -e
exit $status
