#!/usr/bin/env bash
# The whole suite against a real PostgreSQL that this script starts. `make test` and .ci/run call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash eng/deps.sh
bash eng/postgres/up.sh
# Gazetteers for the name/place recognizer (Debian data packages, ADR-034): the tests need them.
GAZETTEERS_REQUIRED=1 bash eng/gazetteers.sh
# ONNX's backend test models with reference outputs (tests/Api.Tests/Conformance), from Debian.
if [[ ! -d /usr/share/libonnx-testdata/data ]]; then
  [[ "$(id -u)" -eq 0 ]] || { echo "test: libonnx-testdata is required: sudo apt-get install -y libonnx-testdata" >&2; exit 1; }
  echo "test: installing libonnx-testdata (ONNX conformance models) with apt..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libonnx-testdata >/dev/null
fi
source .dev/postgres.env.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Governance.sln -c Release --nologo -v quiet -clp:NoSummary
mkdir -p var/test-results
log=var/test-results/last-run.log
status=0
dotnet test Governance.sln -c Release --no-build --nologo -v quiet \
  --logger "console;verbosity=minimal" --results-directory var/test-results "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test projects.
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
echo "$(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
exit "$status"
