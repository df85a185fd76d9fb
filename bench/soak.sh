#!/usr/bin/env bash
# Soak (issue 12): the governed server under wrk at 256 connections for a long run, credit-risk over /v2.
# Runs back-to-back wrk windows of 10 s and samples the server's RSS after each, printing per window the
# 2xx throughput, p99, non-2xx and socket errors, and RSS; at the end start/end/max RSS, the totals, and
# whether every 2xx answer has its audit entry (integrated entries counted in the database).
#   bench/soak.sh [total seconds, default 600] [connections, default 256]
# Uses the dev PostgreSQL (eng/postgres/up.sh; GOVERNANCE_PG_PORT), synchronous_commit on as configured there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TOTAL="${1:-600}"
CONNECTIONS="${2:-256}"
WINDOW=10
GOVERNED_URL="http://127.0.0.1:${GOVERNANCE_BENCH_PORT:-18080}"
PATH_INFER="/v2/models/credit-risk/infer"
# shellcheck source=bench/http/governed.sh
source bench/http/governed.sh
bench_prepare
start_governed "$GOVERNED_URL"

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$GOVERNED_PID/status"; }
# Integrated entries of successful infer calls: a record is in the log once its sequence is within the log's size.
audited() { bench_psql governance "SELECT count(*) FROM audit_records WHERE action = 'model.infer' AND status_code = 200 AND tenant_id = 'demo'
  AND log_sequence <= (SELECT coalesce(max(first_sequence + entry_count - 1), 0) FROM audit_log_runs)"; }
handed_out() { bench_psql governance "SELECT last_sequence FROM audit_counter"; }
log_size() { bench_psql governance "SELECT coalesce(max(first_sequence + entry_count - 1), 0) FROM audit_log_runs"; }

wrk -t2 -c32 -d5s -s bench/http/infer.lua "$GOVERNED_URL$PATH_INFER" >/dev/null # warm: JIT, pools, model
audited_before="$(audited)"
rss_start="$(rss_kib)"
rss_max="$rss_start"
ok_total=0 bad_total=0 err_total=0
echo "soak: $CONNECTIONS connections, $TOTAL s in ${WINDOW} s windows; rate limiter off; synchronous_commit $SYNC; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-12s %-10s %-8s %-8s %s\n' "t s" "2xx req/s" "p99 ms" "non-2xx" "errors" "RSS MiB"
printf '%-8s %-12s %-10s %-8s %-8s %.1f\n' 0 - - - - "$(awk -v k="$rss_start" 'BEGIN { print k / 1024 }')"
elapsed=0
while (( elapsed < TOTAL )); do
  line="$(wrk -t2 -c"$CONNECTIONS" -d"${WINDOW}s" --timeout 10s -s bench/http/infer.lua "$GOVERNED_URL$PATH_INFER" | grep '^RESULT')"
  read -r _ ok bad err duration _ q99 <<<"$line"
  elapsed=$(( elapsed + WINDOW ))
  rss="$(rss_kib)"
  (( rss > rss_max )) && rss_max=$rss
  ok_total=$(( ok_total + ok )) bad_total=$(( bad_total + bad )) err_total=$(( err_total + err ))
  printf '%-8s %-12s %-10s %-8s %-8s %.1f\n' "$elapsed" "$(awk -v n="$ok" -v d="$duration" 'BEGIN { printf "%.0f", n / (d / 1e6) }')" \
    "$(awk -v q="$q99" 'BEGIN { printf "%.1f", q / 1000 }')" "$bad" "$err" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
rss_end="$(rss_kib)"

# Answers leave at durability (ADR-029); wait for the log to integrate what was handed out, then count.
target="$(handed_out)"
for _ in $(seq 1 300); do (( $(log_size) >= target )) && break; sleep 0.1; done
audited_delta=$(( $(audited) - audited_before ))
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "RSS MiB: start $(mib "$rss_start"), end $(mib "$rss_end"), max $(mib "$rss_max"); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "answers: $ok_total 2xx, $bad_total non-2xx, $err_total socket errors; audit entries for 2xx infer calls: $audited_delta"
# wrk counts only answers it read in its window; one cut off at a window's end may still be audited, never the reverse.
if (( audited_delta < ok_total )); then
  echo "soak: $(( ok_total - audited_delta )) 2xx answers have no integrated audit entry" >&2
  exit 1
fi
(( bad_total == 0 && err_total == 0 )) || { echo "soak: errors during the soak" >&2; exit 1; }
