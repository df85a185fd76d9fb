#!/usr/bin/env bash
# Stops the project's private PostgreSQL cluster; leaves its data in place.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BIN="$(pg_bin_dir || true)"
choose_pg_root
DATA="$PG_ROOT/data"
if [[ -z "$BIN" || ! -f "$DATA/PG_VERSION" ]]; then
  echo "postgres: no cluster at $DATA"
  exit 0
fi
if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DATA" -w -t 60 -m fast stop >/dev/null
  echo "postgres: stopped (data kept in ${DATA#"$REPO/"})"
else
  echo "postgres: not running"
fi
