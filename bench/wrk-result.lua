-- Shared by the batching benchmarks' wrk scripts (dofile'd): counts only 2xx answers, per thread, and prints
--   RESULT <label> ok=<2xx> non2xx=<other answers> socket_errors=<n> rps=<2xx per second> p50_ms=<..> p99_ms=<..>
-- wrk's own summary.requests counts every answer (a 404 storm would look fast), so throughput here is 2xx only.
-- Latency percentiles are wrk's, over every answer: read them only when non2xx is 0.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  other = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT %s ok=%d non2xx=%d socket_errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    os.getenv("MODEL"), total_ok, total_other, e.connect + e.read + e.write + e.timeout,
    total_ok / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
