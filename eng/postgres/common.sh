# Shared by up.sh and down.sh: where the private cluster lives and who runs it.
# Sourced, not executed; expects `set -euo pipefail` from the caller.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_PORT="${GOVERNANCE_PG_PORT:-55432}"
DEV_DIR="$REPO/.dev"

pg_bin_dir() {
  # Highest installed major version wins; Debian keeps each under /usr/lib/postgresql/<major>.
  local initdb
  initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$initdb" ]] && dirname "$initdb"
}

if [[ "$(id -u)" -eq 0 ]]; then
  PG_OS_USER=postgres
  PG_SUPERUSER=postgres
else
  PG_OS_USER="$(id -un)"
  PG_SUPERUSER="$PG_OS_USER"
fi

as_pg() {
  # From /, since the postgres user may not be able to enter the caller's directory.
  if [[ "$(id -u)" -eq 0 ]]; then (cd / && runuser -u "$PG_OS_USER" -- "$@"); else "$@"; fi
}

# Picks PG_ROOT (data, run, log below it). Under the repo unless the postgres user cannot reach
# it, or the socket path would pass the kernel's 107-byte limit for unix sockets.
choose_pg_root() {
  local preferred="$REPO/var/pg" fallback
  fallback="/var/tmp/governance-pg-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)"
  PG_ROOT_REASON=""
  if (( ${#preferred} + 24 > 107 )); then
    PG_ROOT="$fallback"; PG_ROOT_REASON="repo path too long for a unix socket"; return
  fi
  if [[ "$(id -u)" -eq 0 ]]; then
    # An earlier run may already have fallen back; stay there so the data is not orphaned.
    if [[ -f "$fallback/data/PG_VERSION" && ! -f "$preferred/data/PG_VERSION" ]]; then
      PG_ROOT="$fallback"; PG_ROOT_REASON="existing cluster from an earlier fallback"; return
    fi
    if [[ "${1:-}" == "create" ]]; then
      mkdir -p "$preferred"
      # A cluster first made by a non-root run belongs to that user; hand all of it over once.
      if [[ -d "$preferred/data" && "$(stat -c %U "$preferred/data")" != "$PG_OS_USER" ]]; then
        chown -R "$PG_OS_USER:" "$preferred"
      fi
      chown "$PG_OS_USER:" "$preferred"
      chmod 700 "$preferred"
    fi
    if ! runuser -u "$PG_OS_USER" -- test -w "$preferred" 2>/dev/null; then
      PG_ROOT="$fallback"; PG_ROOT_REASON="user $PG_OS_USER cannot reach $preferred"; return
    fi
  fi
  PG_ROOT="$preferred"
}
