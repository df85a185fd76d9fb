#!/usr/bin/env bash
# The whole suite against a real PostgreSQL that this script starts. `make test` and .ci/run call it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash eng/deps.sh
bash eng/postgres/up.sh
source .dev/postgres.env.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Governance.sln -c Release --nologo -v quiet -clp:NoSummary
dotnet test Governance.sln -c Release --no-build --nologo -v quiet \
  --logger "console;verbosity=minimal" --results-directory var/test-results "$@"
