#!/usr/bin/env bash
# What the build needs beyond the repository: the .NET 10 SDK. ONNX Runtime comes from NuGet with the
# restore (ADR-016); PostgreSQL is eng/postgres/up.sh's business.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v dotnet >/dev/null || { echo "deps: the .NET 10 SDK is required (dotnet on PATH)" >&2; exit 1; }
