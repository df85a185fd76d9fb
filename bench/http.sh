#!/usr/bin/env bash
# HTTP benchmark (issue 12): the governed server against a bare Kestrel + ONNX Runtime endpoint on the same
# model file (credit-risk), same load generator (wrk), concurrency 1 and 32, interleaved, in one run.
# Prints throughput (2xx answers only; non-2xx and socket errors apart) and p50/p99 for each, their ratio, and
# the governed server's per-stage means from /metrics. The governed server runs with the tenant rate limiter
# off (Governance__RateLimits__Enabled=false): the bench measures governance, not the limiter's refusals.
#   bench/http.sh [seconds per point, default 5] [rounds, default 2]
# Uses the dev PostgreSQL (eng/postgres/up.sh; GOVERNANCE_PG_PORT), synchronous_commit on as configured there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_POINT="${1:-5}"
ROUNDS="${2:-2}"
GOVERNED_URL="http://127.0.0.1:${GOVERNANCE_BENCH_PORT:-18080}"
BARE_URL="http://127.0.0.1:${GOVERNANCE_BARE_PORT:-18081}"
PATH_INFER="/v2/models/credit-risk/infer"
# shellcheck source=bench/http/governed.sh
source bench/http/governed.sh
bench_prepare
dotnet build bench/Governance.BareOnnxServer/Governance.BareOnnxServer.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet bench/Governance.BareOnnxServer/bin/Release/net10.0/Governance.BareOnnxServer.dll \
  --model var/demo-models/credit-risk/1/model.onnx --urls "$BARE_URL" >var/log/bench-bare.log 2>&1 &
pids+=($!)
start_governed "$GOVERNED_URL"
wait_ready "$BARE_URL"

# Warm both (JIT, model load, connection pools) before anything is measured.
wrk -t1 -c4 -d2s -s bench/http/infer.lua "$GOVERNED_URL$PATH_INFER" >/dev/null
wrk -t1 -c4 -d2s -s bench/http/infer.lua "$BARE_URL$PATH_INFER" >/dev/null

declare -A rps p50 p99 non2xx errs stages
point() { # name url connections -> sets rps/p50/p99/non2xx/errs for "name c"
  local threads=$(( $3 < 2 ? 1 : 2 ))
  local line
  line="$(wrk -t"$threads" -c"$3" -d"${SECONDS_PER_POINT}s" -s bench/http/infer.lua "$2$PATH_INFER" | grep '^RESULT')"
  read -r _ n bad e d q50 q99 <<<"$line"
  local k="$1 $3"
  rps[$k]="${rps[$k]:-} $(awk -v n="$n" -v d="$d" 'BEGIN { printf "%.0f", n / (d / 1e6) }')"
  p50[$k]="${p50[$k]:-} $q50"
  p99[$k]="${p99[$k]:-} $q99"
  non2xx[$k]=$(( ${non2xx[$k]:-0} + bad ))
  errs[$k]=$(( ${errs[$k]:-0} + e ))
}

for round in $(seq 1 "$ROUNDS"); do
  for c in 1 32; do
    point bare "$BARE_URL" "$c"
    before="$(curl -fsS "$GOVERNED_URL/metrics" | sed 's/^/B /')"
    point governed "$GOVERNED_URL" "$c"
    after="$(curl -fsS "$GOVERNED_URL/metrics" | sed 's/^/A /')"
    stages["$c"]="${stages[$c]:-}    round $round:"$'\n'"$(printf '%s\n%s\n' "$before" "$after" | awk -f bench/http/stages.awk)"$'\n'
  done
done

# Plain awk (mawk has no asort): values sorted by sort(1) first.
range() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[++n] = $1 } END { if (v[1] == v[n]) print v[1]; else print v[1] "–" v[n] }'; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[++n] = $1 } END { print (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }'; }
echo
echo "credit-risk, POST $PATH_INFER, wrk, ${SECONDS_PER_POINT} s per point, $ROUNDS rounds interleaved; synchronous_commit $SYNC; rate limiter off; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "req/s counts 2xx answers only; non-2xx answers and socket errors are summed over the rounds"
printf '%-5s %-9s %-16s %-16s %-16s %-8s %s\n' conns server "2xx req/s" "p50 µs" "p99 µs" "non-2xx" "socket errors"
for c in 1 32; do
  for s in bare governed; do
    k="$s $c"
    printf '%-5s %-9s %-16s %-16s %-16s %-8s %s\n' "$c" "$s" "$(range "${rps[$k]}")" "$(range "${p50[$k]}")" "$(range "${p99[$k]}")" "${non2xx[$k]}" "${errs[$k]}"
  done
  ratio=$(awk -v g="$(median "${rps[governed $c]}")" -v b="$(median "${rps[bare $c]}")" 'BEGIN { printf "%.3f", g / b }')
  extra=$(awk -v g="$(median "${p50[governed $c]}")" -v b="$(median "${p50[bare $c]}")" 'BEGIN { printf "%.0f", g - b }')
  echo "      governed/bare throughput (medians) $ratio; governed p50 - bare p50 = $extra µs"
  echo "  governed per-stage means at $c connections (from /metrics):"
  printf '%s' "${stages[$c]}"
done
total_bad=0
for k in "${!non2xx[@]}"; do total_bad=$(( total_bad + ${non2xx[$k]} + ${errs[$k]} )); done
(( total_bad == 0 )) || echo "http.sh: $total_bad answers were not 2xx or failed; the figures above exclude them from throughput" >&2
