#!/usr/bin/env bash
# /v2 tensor batching over HTTP (issue 13, ADR-032): Open Inference Protocol calls with INT64 token tensors
# (input_ids, attention_mask, token_type_ids, [1, 16]) on all-MiniLM-L6-v2, asking for its pooled output "924"
# ([1, 384]), on the batched model `make run` registers against the unbatched copy bench/minilm-embed.sh registers.
# Same sequence length in every call, so every call can join the same batch (calls of other lengths never mix).
# Concurrency 64 and 1 on each, in one run; 2xx answers only; the last line is the ratio, both p99s, both p50s at c1.
#   bash bench/v2-batching.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL="${GOVERNANCE_URL:-http://127.0.0.1:8080}"
SECONDS_PER_RUN="${1:-15}"
command -v wrk >/dev/null || { echo "bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

# shellcheck source=bench/batching-compare.sh
source bench/batching-compare.sh
register_unbatched_minilm
export TOKEN URL BODY_FILE; TOKEN="$(./governance token --role tenant --tenant demo --minutes 60)"

# "[CLS] hi , i was charged twice on my card last month and want a refund [SEP]" as BERT-uncased ids.
ids="101,7632,1010,1045,2001,5338,3807,2006,2026,4003,2197,3204,1998,2215,1037,102"
BODY_FILE="$(mktemp)"
trap 'rm -f "$BODY_FILE"' EXIT
cat >"$BODY_FILE" <<JSON
{"inputs":[
 {"name":"input_ids","shape":[1,16],"datatype":"INT64","data":[$ids]},
 {"name":"attention_mask","shape":[1,16],"datatype":"INT64","data":[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]},
 {"name":"token_type_ids","shape":[1,16],"datatype":"INT64","data":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}],
 "outputs":[{"name":"924"}]}
JSON
for model in all-minilm-l6-v2 minilm-unbatched; do
  # One checked call each first: a refusal here would otherwise only show as non-2xx counts.
  curl -fsS -o /dev/null -X POST "$URL/v2/models/$model/infer" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "@$BODY_FILE" || { echo "v2-batching: $model refused the call" >&2; exit 1; }
done

compare_batching bench/v2-infer.lua all-minilm-l6-v2 minilm-unbatched "$SECONDS_PER_RUN"
