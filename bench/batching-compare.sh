# Sourced by the batching benchmarks: runs wrk on a batched and an unbatched model in one run and prints the ratio.
#   compare_batching LUA BATCHED UNBATCHED SECONDS   (TOKEN and the script's own variables exported by the caller)
# Extracts an unbatched copy of MiniLM, registers it and licenses it to tenant demo (idempotent: 409s are fine).
register_unbatched_minilm() {
  local admin
  bash eng/minilm.sh var/bench-models --name minilm-unbatched --no-batching >/dev/null
  admin="$(./governance token --role admin --minutes 60)"
  ./governance model register --url "$URL" --file var/bench-models/minilm-unbatched/1/model.onnx \
    --manifest var/bench-models/minilm-unbatched/1/manifest.json || true
  curl -fsS -o /dev/null -X POST "$URL/api/v1/tenants/demo/licenses" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"model":"minilm-unbatched"}' || true
}

compare_batching() {
  local lua="$1" batched="$2" unbatched="$3" seconds="$4" out model
  out="$(mktemp)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
  for model in "$batched" "$unbatched"; do
    MODEL=$model wrk -t2 -c8 -d3s -s "$lua" "$URL" >/dev/null # warm-up
    MODEL=$model wrk -t4 -c64 -d"${seconds}s" --timeout 30s -s "$lua" "$URL" | grep RESULT | sed 's/^/c64 /' | tee -a "$out"
    MODEL=$model wrk -t1 -c1 -d"${seconds}s" -s "$lua" "$URL" | grep RESULT | sed 's/^/c1  /' | tee -a "$out"
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  local rc=0
  awk -v b="$batched" -v u="$unbatched" '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[$1, $3, kv[1]] = kv[2] } }
    END {
      bad = v["c64", b, "non2xx"] + v["c64", u, "non2xx"] + v["c1", b, "non2xx"] + v["c1", u, "non2xx"]
      if (bad > 0) { print "RATIO not computed: " bad " non-2xx answers (see above)"; exit 1 }
      if (v["c64", u, "rps"] == 0) { print "RATIO not computed: no 2xx answers unbatched"; exit 1 }
      printf "RATIO c64 throughput batched/unbatched %.2fx; p99 batched %s ms vs %s ms; single request p50 batched %s ms vs %s ms\n",
        v["c64", b, "rps"] / v["c64", u, "rps"], v["c64", b, "p99_ms"], v["c64", u, "p99_ms"], v["c1", b, "p50_ms"], v["c1", u, "p50_ms"]
    }' "$out" || rc=$?
  rm -f "$out"
  return $rc
}
