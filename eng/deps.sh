#!/usr/bin/env bash
# Native dependencies: ONNX Runtime 1.29 from the pinned npm package (package-lock.json, integrity
# checked by npm). Re-installed only when the lock file changed since the last install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v dotnet >/dev/null || { echo "deps: the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 1; }
if ! command -v npm >/dev/null; then
  [[ "$(id -u)" -eq 0 ]] || { echo "deps: npm is required: sudo apt-get install -y npm" >&2; exit 1; }
  echo "deps: installing npm from Debian (once)..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi

stamp=node_modules/.governance-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/com.github.asus4.onnxruntime/Plugins/Linux/x64/libonnxruntime.so || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "deps: fetching ONNX Runtime 1.29 from npm (once, ~150 MB)..."
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
