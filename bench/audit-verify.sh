#!/usr/bin/env bash
# Times `governance audit verify` on a synthetic export of N entries (default 1,000,000) pinned to
# one core, with the key pinned and the newest checkpoint as anchor. Offline: no database, no API.
#   bash bench/audit-verify.sh [ENTRIES] [RUNS]
# Uses hyperfine when installed (apt-get install -y hyperfine), /usr/bin/time otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
entries="${1:-1000000}"
runs="${2:-3}"
dir="${AUDIT_BENCH_DIR:-${TMPDIR:-/tmp}/governance-audit-bench}"
file="$dir/export-$entries.jsonl"
mkdir -p "$dir"

dotnet build src/Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/Governance.Benchmarks -c Release -v quiet -nologo >/dev/null
if [[ ! -s "$file" ]]; then
  dotnet bench/Governance.Benchmarks/bin/Release/net10.0/Governance.Benchmarks.dll write-audit-export --entries "$entries" --out "$file"
fi

cli="dotnet src/Cli/bin/Release/net10.0/governance.dll"
verify="taskset -c 0 $cli audit verify $file --pubkey $file.pub.pem --checkpoint $file.checkpoint"
echo "file: $file ($(du -hL "$file" | cut -f1)), machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
$verify
if command -v hyperfine >/dev/null; then
  # The read-only baseline in the same run: how long merely reading the file takes on that core.
  hyperfine --runs "$runs" --warmup 1 --export-markdown "$dir/verify-$entries.md" \
    -n "read the file (wc -l)" "taskset -c 0 wc -l $file" \
    -n "audit verify" "$verify"
  cat "$dir/verify-$entries.md"
else
  for _ in $(seq "$runs"); do /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" $verify >/dev/null; done
fi
