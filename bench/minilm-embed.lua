-- wrk script: POST one sentence to the embed endpoint of the model named by the MODEL environment variable.
local model = os.getenv("MODEL")
wrk.method = "POST"
wrk.path = "/api/v1/models/" .. model .. "/embed"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"input":"Hi, I was charged twice on my card last month and would like a refund please."}'

function done(summary, latency, requests)
  io.write(string.format("RESULT %s requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", model,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
