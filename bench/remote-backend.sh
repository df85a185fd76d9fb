#!/usr/bin/env bash
# Remote-backed vs local inference over HTTP, in one run (ADR-030, docs/scaling.md). Needs `make run` up on
# $GOVERNANCE_URL (demo models seeded). Starts a Governance inference-only node on $NODE_URL serving credit-risk
# (loopback only, no secret: AllowUnauthenticatedLoopback), registers "credit-risk-remote" on the governed API
# computed by that node, then runs wrk on: the governed local model, the governed remote-backed model, and the
# node alone (bare compute over HTTP, no governance).
#   bash bench/remote-backend.sh [seconds per run, default 15] [connections, default 16]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL="${GOVERNANCE_URL:-http://127.0.0.1:8080}"
NODE_URL="${NODE_URL:-http://127.0.0.1:18001}"
SECONDS_PER_RUN="${1:-15}"
CONNECTIONS="${2:-16}"
for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (apt-get install $tool)" >&2; exit 1; }
done

dotnet build src/Api/Governance.Api.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet build eng/DemoModels/Governance.DemoModels.csproj -c Release --nologo -v quiet -clp:NoSummary
models=var/bench-models/remote-node
rm -rf "$models" && mkdir -p var/bench-models
dotnet eng/DemoModels/bin/Release/net10.0/Governance.DemoModels.dll --out "$models.all" >/dev/null
mkdir -p "$models" && cp -r "$models.all/credit-risk" "$models/" && rm -rf "$models.all"

Governance__Mode=InferenceOnly Governance__InferenceOnly__ModelDirectory="$PWD/$models" \
  Governance__InferenceOnly__AllowUnauthenticatedLoopback=true Governance__Models__ExecutionProvider=Cpu \
  Logging__LogLevel__Default=Warning dotnet src/Api/bin/Release/net10.0/Governance.Api.dll --urls "$NODE_URL" &
node=$!
trap 'kill $node 2>/dev/null || true; wait $node 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$NODE_URL/v2/health/ready" 2>/dev/null && break
  kill -0 $node 2>/dev/null || { echo "bench: the inference-only node exited during start-up" >&2; exit 1; }
  sleep 0.5
done

admin="$(./governance token --role admin --minutes 60)"
jq --arg url "$NODE_URL" '.name = "credit-risk-remote" | .backend = {kind: "remote", url: $url, model: "credit-risk", version: "1", timeoutMs: 10000}' \
  "$models/credit-risk/1/manifest.json" > var/bench-models/credit-risk-remote.json
# 409 when an earlier run registered it (versions are immutable; it must point at the same NODE_URL).
curl -sS -o /dev/null -w "register credit-risk-remote: %{http_code}\n" -X POST "$URL/api/v1/models" -H "Authorization: Bearer $admin" \
  -F "manifest=<var/bench-models/credit-risk-remote.json"
curl -fsS -o /dev/null -X POST "$URL/api/v1/tenants/demo/licenses" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"model":"credit-risk-remote"}' || true
tenant="$(./governance token --role tenant --tenant demo --minutes 60)"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # base token path
  INFER_PATH="$3" TOKEN="$2" wrk -t2 -c4 -d2s -s bench/remote-infer.lua "$1" >/dev/null # warm-up
  INFER_PATH="$3" TOKEN="$2" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 30s -s bench/remote-infer.lua "$1" | grep RESULT
}
run "$URL" "$tenant" /v2/models/credit-risk/infer | sed 's/^/governed local   /'
run "$URL" "$tenant" /v2/models/credit-risk-remote/infer | sed 's/^/governed remote  /'
run "$NODE_URL" "" /v2/models/credit-risk/infer | sed 's/^/node alone       /'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
