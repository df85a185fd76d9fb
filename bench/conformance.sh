#!/usr/bin/env bash
# Every model of Debian's libonnx-testdata (1,072) through the real HTTP path; the CI test runs a
# fixed quarter of them. Writes the per-model table to var/conformance-report.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash eng/postgres/up.sh
source .dev/postgres.env.sh
mkdir -p var
dotnet build tests/Api.Tests -c Release --nologo -v quiet -clp:NoSummary
GOVERNANCE_CONFORMANCE=all GOVERNANCE_CONFORMANCE_REPORT="$PWD/var/conformance-report.md" \
  dotnet test tests/Api.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~OnnxConformanceTests" "$@"
head -1 var/conformance-report.md
