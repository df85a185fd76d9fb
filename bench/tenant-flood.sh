#!/usr/bin/env bash
# Cross-tenant isolation under a flood (issue 11): tenant "flood" sends PII-dense analyze calls at high
# concurrency while tenant "demo" runs a steady, low-rate predict load. Prints demo's p50/p99 alone and
# under the flood, their ratio, and what the flood got (2xx, 429, other errors), in one run.
#   bench/tenant-flood.sh [seconds per phase, default 10] [rounds, default 2]
# Environment: FLOOD_CONNECTIONS (default 32), FLOOD_BYTES (text length, default 262144),
# STEADY_CONNECTIONS (default 2), STEADY_GAP_MS (pause per request and connection, default 20).
# Same set-up as bench/http.sh: dev PostgreSQL (eng/postgres/up.sh; GOVERNANCE_PG_PORT), Release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_PHASE="${1:-10}"
ROUNDS="${2:-2}"
FLOOD_CONNECTIONS="${FLOOD_CONNECTIONS:-32}"
STEADY_CONNECTIONS="${STEADY_CONNECTIONS:-2}"
export FLOOD_BYTES="${FLOOD_BYTES:-262144}" STEADY_GAP_MS="${STEADY_GAP_MS:-20}"
URL="http://127.0.0.1:${GOVERNANCE_BENCH_PORT:-18082}"
PREDICT="/api/v1/models/support-intent/predict"
ANALYZE="/api/v1/pii/analyze"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
bash eng/deps.sh
bash eng/postgres/up.sh

echo "build: API, CLI, demo models (Release)..." >&2
dotnet build src/Api/Governance.Api.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet build eng/DemoModels/Governance.DemoModels.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet eng/DemoModels/bin/Release/net10.0/Governance.DemoModels.dll --out var/demo-models >/dev/null

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT INT TERM
mkdir -p var/log
# The body must fit; everything else (rate limits, tiers) is the shipped configuration.
Governance__Models__ExecutionProvider=Cpu Logging__LogLevel__Default=Warning \
  Governance__Limits__MaxRequestBodyBytes=$(( FLOOD_BYTES * 2 + 65536 )) \
  dotnet src/Api/bin/Release/net10.0/Governance.Api.dll --urls "$URL" \
  --contentRoot "$PWD/src/Api/bin/Release/net10.0" >var/log/bench-tenant-flood.log 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do curl -fsS -o /dev/null "$URL/v2/health/live" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$URL/v2/health/live" || { echo "tenant-flood.sh: the API did not start (var/log/bench-tenant-flood.log)" >&2; exit 1; }

./governance demo seed --url "$URL" --models var/demo-models >/dev/null
ADMIN="$(./governance token --role admin --minutes 120)"
# The flooding tenant: created like any tenant, on the default tier. 409 when it exists already.
curl -sS -o /dev/null -X POST "$URL/api/v1/tenants" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"id":"flood","name":"Flooding tenant"}'
DEMO_TOKEN="$(./governance token --role tenant --tenant demo --minutes 120)"
FLOOD_TOKEN="$(./governance token --role tenant --tenant flood --minutes 120)"

steady() { TOKEN="$DEMO_TOKEN" wrk -t1 -c"$STEADY_CONNECTIONS" -d"${1}s" -s bench/http/steady-predict.lua "$URL$PREDICT" | grep '^RESULT'; }
flood() { TOKEN="$FLOOD_TOKEN" wrk -t2 -c"$FLOOD_CONNECTIONS" -d"${1}s" -s bench/http/pii-flood.lua "$URL$ANALYZE" | grep '^RESULT'; }

# Warm up: JIT, model load, pools, the analyzer.
steady 2 >/dev/null
TOKEN="$FLOOD_TOKEN" wrk -t1 -c2 -d2s -s bench/http/pii-flood.lua "$URL$ANALYZE" >/dev/null

declare -A p50 p99 reqs errs
flood_lines=()
for round in $(seq 1 "$ROUNDS"); do
  read -r _ n e _ q50 q99 <<<"$(steady "$SECONDS_PER_PHASE")"
  p50[alone]="${p50[alone]:-} $q50"; p99[alone]="${p99[alone]:-} $q99"
  reqs[alone]=$(( ${reqs[alone]:-0} + n )); errs[alone]=$(( ${errs[alone]:-0} + e ))

  # The flood runs a second longer on each side, so the whole steady phase is under it.
  flood_out="$(mktemp)"
  flood $(( SECONDS_PER_PHASE + 2 )) >"$flood_out" &
  flood_pid=$!
  sleep 1
  read -r _ n e _ q50 q99 <<<"$(steady "$SECONDS_PER_PHASE")"
  wait "$flood_pid"
  p50[flood]="${p50[flood]:-} $q50"; p99[flood]="${p99[flood]:-} $q99"
  reqs[flood]=$(( ${reqs[flood]:-0} + n )); errs[flood]=$(( ${errs[flood]:-0} + e ))
  flood_lines+=("round $round: $(cat "$flood_out")")
  rm -f "$flood_out"
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[++n] = $1 } END { print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'; }
echo
echo "tenant demo: POST $PREDICT, $STEADY_CONNECTIONS connections, ${STEADY_GAP_MS} ms gap; tenant flood: POST $ANALYZE,"
echo "$FLOOD_CONNECTIONS connections, $FLOOD_BYTES-byte PII-dense text; ${SECONDS_PER_PHASE} s per phase, $ROUNDS rounds interleaved;"
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %-10s %-8s %-12s %-12s\n' "demo's predicts" requests errors "p50 µs" "p99 µs"
for phase in alone flood; do
  printf '%-22s %-10s %-8s %-12s %-12s\n' "$([[ $phase == alone ]] && echo alone || echo 'under the flood')" \
    "${reqs[$phase]}" "${errs[$phase]}" "$(median "${p50[$phase]}")" "$(median "${p99[$phase]}")"
done
awk -v a50="$(median "${p50[alone]}")" -v f50="$(median "${p50[flood]}")" -v a99="$(median "${p99[alone]}")" -v f99="$(median "${p99[flood]}")" \
  'BEGIN { printf "ratio under flood / alone (medians of rounds): p50 %.2f, p99 %.2f (issue 11 asks p99 within 2)\n", f50 / a50, f99 / a99 }'
echo "the flood (requests 2xx 429 other-errors duration-µs p50-µs p99-µs):"
printf '  %s\n' "${flood_lines[@]}"
