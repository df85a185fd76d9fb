#!/usr/bin/env bash
# Starts the project's private PostgreSQL cluster (never the system 15/main) and writes
# .dev/postgres.env. Idempotent: safe to run twice, or while the cluster is already running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BIN="$(pg_bin_dir || true)"
if [[ -z "$BIN" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "postgres: not installed and not root; run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "postgres: installing the Debian package (once)..."
  mkdir -p "$REPO/var"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq postgresql; } >"$REPO/var/apt-postgresql.log" 2>&1 \
    || { echo "postgres: apt-get failed, see var/apt-postgresql.log" >&2; tail -n 5 "$REPO/var/apt-postgresql.log" >&2; exit 1; }
  BIN="$(pg_bin_dir)"
fi

mkdir -p "$REPO/var" "$DEV_DIR"
chmod 700 "$DEV_DIR"
# Concurrent `make test` runs must not initdb or start the same cluster twice.
exec 9>"$REPO/var/pg.lock"
flock 9

choose_pg_root create
[[ -n "$PG_ROOT_REASON" ]] && echo "postgres: using $PG_ROOT ($PG_ROOT_REASON)"
DATA="$PG_ROOT/data" RUN="$PG_ROOT/run" LOG="$PG_ROOT/log"
mkdir -p "$PG_ROOT" "$RUN" "$LOG"
[[ "$(id -u)" -eq 0 ]] && chown "$PG_OS_USER:" "$PG_ROOT" "$RUN" "$LOG"
chmod 700 "$PG_ROOT"

secret() {
  local file="$DEV_DIR/$1"
  if [[ ! -s "$file" ]]; then
    # Hex only, so the password needs no quoting in a connection string or in SQL.
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}
OWNER_PW="$(secret pg-governance_owner.password)"
APP_PW="$(secret pg-governance_app.password)"

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  # initdb into a scratch dir and rename, so an interrupted run never leaves a half cluster.
  rm -rf "$DATA.init"
  as_pg "$BIN/initdb" -D "$DATA.init" -U "$PG_SUPERUSER" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$LOG/initdb.log" 2>&1 \
    || { echo "postgres: initdb failed, see $LOG/initdb.log" >&2; exit 1; }
  mv "$DATA.init" "$DATA"
  echo "include_if_exists = 'governance.conf'" >>"$DATA/postgresql.conf"
fi

# Rewritten every run so edits here reach existing clusters (a restart below applies them).
CONF_NEW="$(cat <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$RUN'
max_connections = 200
shared_buffers = 128MB
work_mem = 8MB
password_encryption = 'scram-sha-256'
# Durability is the point of the audit log: never trade it for dev-box speed.
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
log_min_messages = warning
CONF
)"
HBA_NEW="$(cat <<HBA
# Only the superuser may use the socket, without a password; everyone else: TCP + SCRAM.
local   all   $PG_SUPERUSER                 trust
host    all   all           127.0.0.1/32    scram-sha-256
HBA
)"
changed=0
if [[ "$(cat "$DATA/governance.conf" 2>/dev/null || true)" != "$CONF_NEW" ]]; then
  printf '%s\n' "$CONF_NEW" | as_pg tee "$DATA/governance.conf" >/dev/null; changed=1
fi
if [[ "$(grep -v '^#' "$DATA/pg_hba.conf" | grep -v '^\s*$' || true)" != "$(grep -v '^#' <<<"$HBA_NEW")" ]]; then
  printf '%s\n' "$HBA_NEW" | as_pg tee "$DATA/pg_hba.conf" >/dev/null; changed=1
fi

# `9>&-`: the server must not inherit the lock's descriptor, or it would hold the lock forever.
if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  if (( changed )); then
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG/postgres.log" -w -t 60 -m fast restart >/dev/null 9>&-
  fi
else
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG/postgres.log" -w -t 60 start >/dev/null 9>&- \
    || { echo "postgres: start failed, see $LOG/postgres.log" >&2; tail -n 5 "$LOG/postgres.log" >&2; exit 1; }
fi

for _ in $(seq 1 60); do
  "$BIN/pg_isready" -q -h "$RUN" -p "$PG_PORT" && break
  sleep 0.5
done
"$BIN/pg_isready" -q -h "$RUN" -p "$PG_PORT" || { echo "postgres: not accepting connections" >&2; exit 1; }

# Roles and database; passwords re-set each run so the files in .dev/ stay the source of truth.
"$BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$RUN" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres >/dev/null <<SQL
SELECT 'CREATE ROLE governance_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_owner') \gexec
SELECT 'CREATE ROLE governance_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_app') \gexec
ALTER ROLE governance_owner WITH LOGIN CREATEDB NOSUPERUSER PASSWORD '$OWNER_PW';
ALTER ROLE governance_app WITH LOGIN NOCREATEDB NOSUPERUSER PASSWORD '$APP_PW';
-- Tenants' audit reads run as this role (migration 0018, ADR-028): the app switches to it for those reads.
SELECT 'CREATE ROLE governance_tenant_reader NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'governance_tenant_reader') \gexec
SELECT 'GRANT governance_tenant_reader TO governance_app' WHERE NOT pg_has_role('governance_app', 'governance_tenant_reader', 'MEMBER') \gexec
SELECT 'CREATE DATABASE governance OWNER governance_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'governance') \gexec
SQL

TCP="Host=127.0.0.1;Port=$PG_PORT;Database=governance"
OWNER_CS="$TCP;Username=governance_owner;Password=$OWNER_PW"
APP_CS="$TCP;Username=governance_app;Password=$APP_PW"
ADMIN_CS="Host=$RUN;Port=$PG_PORT;Database=postgres;Username=$PG_SUPERUSER"
# postgres.env: plain KEY=VALUE for the .NET readers. Bash must not `source` it (the `;` in the
# values would split them); postgres.env.sh is the same, quoted, for shells.
write_private() { (umask 077; cat >"$1.tmp"); mv "$1.tmp" "$1"; chmod 600 "$1"; }
write_private "$DEV_DIR/postgres.env" <<ENV
# Written by eng/postgres/up.sh; data in $DATA. KEY=VALUE lines, values unquoted.
GOVERNANCE_DB_OWNER=$OWNER_CS
GOVERNANCE_DB_APP=$APP_CS
GOVERNANCE_DB_ADMIN=$ADMIN_CS
ENV
write_private "$DEV_DIR/postgres.env.sh" <<ENV
# Written by eng/postgres/up.sh. For shells: source .dev/postgres.env.sh
export GOVERNANCE_DB_OWNER=$(printf '%q' "$OWNER_CS")
export GOVERNANCE_DB_APP=$(printf '%q' "$APP_CS")
export GOVERNANCE_DB_ADMIN=$(printf '%q' "$ADMIN_CS")
ENV

echo "postgres: ready on 127.0.0.1:$PG_PORT (PostgreSQL $(cat "$DATA/PG_VERSION"), data ${DATA#"$REPO/"}); connection strings in .dev/postgres.env"
