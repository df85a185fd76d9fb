# Per-stage means between two /metrics scrapes of the governed server (bench/http.sh).
# Input: "before" and "after" scrapes, each line prefixed by B or A. Output: stage, calls, mean µs.
function key(line,   name, stage) {
  name = line; sub(/\{.*/, "", name)
  stage = ""
  if (match(line, /stage="[^"]*"/)) stage = substr(line, RSTART + 7, RLENGTH - 8)
  return name "|" stage
}
$2 ~ /^governance_(stage_duration|inference_queue_duration|inference_compute_duration|request_duration)_seconds_(sum|count)/ && $0 ~ /model="credit-risk"/ {
  k = key($2); v = $NF + 0
  if ($1 == "B") before[k] += v; else after[k] += v
}
END {
  n = split("request_duration| inference_queue_duration| inference_compute_duration| stage_duration|authentication stage_duration|policy stage_duration|anonymization stage_duration|audit_durable stage_duration|audit_integrated", names, " ")
  for (i = 1; i <= n; i++) {
    split(names[i], p, "|")
    c = after["governance_" p[1] "_seconds_count|" p[2]] - before["governance_" p[1] "_seconds_count|" p[2]]
    s = after["governance_" p[1] "_seconds_sum|" p[2]] - before["governance_" p[1] "_seconds_sum|" p[2]]
    label = p[2] == "" ? p[1] : p[2]
    if (c > 0) printf "    %-26s %8d calls  mean %9.1f µs\n", label, c, s / c * 1e6
  }
}
