#!/usr/bin/env bash
# `make run`: PostgreSQL, migrations, demo tenant + models + licenses, the API on 127.0.0.1:8080,
# then a ready-to-paste call. Ctrl-C stops the API (PostgreSQL keeps running: `make stop`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
URL="${GOVERNANCE_URL:-http://127.0.0.1:8080}"

bash eng/deps.sh
bash eng/postgres/up.sh
bash eng/gazetteers.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "build: API, CLI and demo models (Release)..."
dotnet build src/Api/Governance.Api.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet build eng/DemoModels/Governance.DemoModels.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet eng/DemoModels/bin/Release/net10.0/Governance.DemoModels.dll --out var/demo-models
bash eng/minilm.sh var/demo-models

if curl -fsS -o /dev/null "$URL/v2/health/live" 2>/dev/null; then
  echo "run: something already answers on $URL; stop it first" >&2
  exit 1
fi
mkdir -p var/log
# Content root = the build output, where appsettings.json is; human-readable logs for a terminal.
Logging__Console__FormatterName=simple dotnet src/Api/bin/Release/net10.0/Governance.Api.dll \
  --urls "$URL" --contentRoot "$PWD/src/Api/bin/Release/net10.0" &
api=$!
trap 'kill $api 2>/dev/null || true; wait $api 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$URL/v2/health/live" 2>/dev/null && break
  kill -0 $api 2>/dev/null || { echo "run: the API exited during start-up (see above)" >&2; exit 1; }
  sleep 0.5
done

./governance demo seed --url "$URL" --models var/demo-models
token="$(./governance token --role tenant --tenant demo --minutes 720)"
cat <<MSG

Governance is up on $URL (API docs: $URL/swagger). A governed, audited prediction (token valid 12 h):

curl -s $URL/api/v1/models/support-intent/predict \\
  -H 'Authorization: Bearer $token' \\
  -H 'Content-Type: application/json' \\
  -d '{"text":"Hi, this is Jane Roe (jane.roe@example.com), I was charged twice on my card last month"}'

Embeddings from all-MiniLM-L6-v2, OpenAI-style:

curl -s $URL/v1/embeddings -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' \\
  -d '{"model":"all-minilm-l6-v2","input":["where is my parcel?","my order has not arrived"]}'

More tokens: ./governance token --role tenant|admin|compliance [--tenant demo]. Ctrl-C stops the API.
MSG
wait $api
