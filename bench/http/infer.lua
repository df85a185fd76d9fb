-- wrk script for bench/http.sh: one credit-risk applicant over the Open Inference Protocol (JSON).
-- TOKEN (environment): a bearer token, sent when set (the governed server needs one, the bare one ignores it).
wrk.method = "POST"
wrk.body = '{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}'
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- One machine-readable line: requests, non-2xx/socket errors, duration (µs), p50 and p99 latency (µs).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.0f %.0f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
