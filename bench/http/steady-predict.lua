-- wrk script for bench/tenant-flood.sh: the other tenant's steady, low-rate predict calls.
-- TOKEN: its bearer token. STEADY_GAP_MS: pause before each request on a connection (default 20).
wrk.method = "POST"
wrk.body = '{"text":"my card was charged twice"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local gap = tonumber(os.getenv("STEADY_GAP_MS") or "20")
delay = function() return gap end

-- requests, non-2xx/socket errors, duration (µs), p50 and p99 latency (µs).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.0f %.0f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
