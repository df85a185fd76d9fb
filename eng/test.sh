#!/usr/bin/env bash
# The whole suite against a real PostgreSQL that this script starts. `make test` and .ci/run call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash eng/deps.sh
bash eng/postgres/up.sh
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
