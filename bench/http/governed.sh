# Sourced by bench/http.sh and bench/soak.sh: prerequisites, builds and the governed server as both run it.
# The governed server runs on the CPU provider, warnings only, with the tenant rate limiter off
# (Governance__RateLimits__Enabled=false): the benches measure governance, not the limiter's refusals.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Sets SYNC (synchronous_commit of the dev cluster) and psql access; builds the API and the demo models.
bench_prepare() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  bash eng/deps.sh
  bash eng/postgres/up.sh
  # shellcheck disable=SC1091
  source .dev/postgres.env.sh
  psql_bin="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | head -n 1)"
  admin_host="$(sed 's/.*Host=\([^;]*\).*/\1/' <<<"$GOVERNANCE_DB_ADMIN")"
  SYNC="$(bench_psql postgres 'SHOW synchronous_commit' 2>/dev/null || echo unknown)"
  [[ "$SYNC" == "on" ]] || echo "bench: synchronous_commit is $SYNC, not on: the governed figures would not be durable ones" >&2
  echo "build: API, demo models (Release)..." >&2
  dotnet build src/Api/Governance.Api.csproj -c Release --nologo -v quiet -clp:NoSummary
  dotnet build eng/DemoModels/Governance.DemoModels.csproj -c Release --nologo -v quiet -clp:NoSummary
  dotnet eng/DemoModels/bin/Release/net10.0/Governance.DemoModels.dll --out var/demo-models >/dev/null
  mkdir -p var/log
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT INT TERM
}

# bench_psql DATABASE SQL: one value, as the cluster's superuser over its socket.
bench_psql() { "$psql_bin" -X -h "$admin_host" -p "${GOVERNANCE_PG_PORT:-55432}" -U postgres -d "$1" -Atc "$2"; }

wait_ready() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$1/v2/health/live" 2>/dev/null || curl -fsS -o /dev/null "$1/v2/health/ready" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "bench: $1 did not start" >&2
  exit 1
}

# start_governed URL: starts the server, waits for it, seeds the demo and exports TOKEN; sets GOVERNED_PID.
start_governed() {
  Governance__Models__ExecutionProvider=Cpu Logging__LogLevel__Default=Warning Governance__RateLimits__Enabled=false \
    dotnet src/Api/bin/Release/net10.0/Governance.Api.dll --urls "$1" \
    --contentRoot "$PWD/src/Api/bin/Release/net10.0" >var/log/bench-governed.log 2>&1 &
  GOVERNED_PID=$!
  pids+=("$GOVERNED_PID")
  wait_ready "$1"
  ./governance demo seed --url "$1" --models var/demo-models >/dev/null
  TOKEN="$(./governance token --role tenant --tenant demo --minutes 120)"
  export TOKEN
}
