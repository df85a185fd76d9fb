-- wrk script: POST one credit-risk row to the /v2 infer path named by INFER_PATH (Bearer TOKEN when set).
local path = os.getenv("INFER_PATH")
local token = os.getenv("TOKEN")
wrk.method = "POST"
wrk.path = path
wrk.headers["Content-Type"] = "application/json"
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[42,0.45,31,2]}]}'

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %s requests=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", path,
    summary.requests, errors, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
