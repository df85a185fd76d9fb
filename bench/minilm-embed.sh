#!/usr/bin/env bash
# MiniLM over HTTP, batched vs unbatched: the governed embed endpoint (policy, anonymization, audit) under wrk.
# Needs `make run` up on $GOVERNANCE_URL (it registers all-minilm-l6-v2, batched). Registers an unbatched copy,
# then runs concurrency 64 on each and one connection on each (single-request latency), in one run. Throughput counts
# 2xx answers only; the last line is the batched/unbatched ratio with both p99s and both single-request p50s.
#   bash bench/minilm-embed.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL="${GOVERNANCE_URL:-http://127.0.0.1:8080}"
SECONDS_PER_RUN="${1:-15}"
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

# shellcheck source=bench/batching-compare.sh
source bench/batching-compare.sh
register_unbatched_minilm
export TOKEN URL; TOKEN="$(./governance token --role tenant --tenant demo --minutes 60)"

compare_batching bench/minilm-embed.lua all-minilm-l6-v2 minilm-unbatched "$SECONDS_PER_RUN"
