#!/usr/bin/env bash
# MiniLM over HTTP, batched vs unbatched: the governed embed endpoint (policy, anonymization, audit) under wrk.
# Needs `make run` up on $GOVERNANCE_URL (it registers all-minilm-l6-v2, batched). Registers an unbatched copy,
# then runs concurrency 64 on each and one connection on each (single-request latency).
#   bash bench/minilm-embed.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL="${GOVERNANCE_URL:-http://127.0.0.1:8080}"
SECONDS_PER_RUN="${1:-15}"
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

bash eng/minilm.sh var/bench-models --name minilm-unbatched --no-batching >/dev/null
admin="$(./governance token --role admin --minutes 60)"
./governance model register --url "$URL" --file var/bench-models/minilm-unbatched/1/model.onnx \
  --manifest var/bench-models/minilm-unbatched/1/manifest.json || true # 409 when registered by an earlier run
curl -fsS -o /dev/null -X POST "$URL/api/v1/tenants/demo/licenses" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"model":"minilm-unbatched"}' || true
export TOKEN; TOKEN="$(./governance token --role tenant --tenant demo --minutes 60)"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for model in all-minilm-l6-v2 minilm-unbatched; do
  MODEL=$model wrk -t2 -c8 -d3s -s bench/minilm-embed.lua "$URL" >/dev/null # warm-up
  MODEL=$model wrk -t4 -c64 -d"${SECONDS_PER_RUN}s" --timeout 30s -s bench/minilm-embed.lua "$URL" | grep RESULT | sed 's/^/c64 /'
  MODEL=$model wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" -s bench/minilm-embed.lua "$URL" | grep RESULT | sed 's/^/c1  /'
done
