-- wrk script for bench/http.sh and bench/soak.sh: one credit-risk applicant over the Open Inference Protocol (JSON).
-- TOKEN (environment): a bearer token, sent when set (the governed server needs one, the bare one ignores it).
wrk.method = "POST"
wrk.body = '{"inputs":[{"name":"applicant","shape":[1,4],"datatype":"FP32","data":[50,0.3,35,1]}]}'
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- Only 2xx answers are throughput: a 429 or 503 is counted apart, never as work done.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; refused = 0 end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else refused = refused + 1 end
end

-- One machine-readable line: 2xx answers, non-2xx answers, socket errors, duration (µs), p50 and p99
-- latency (µs; over every answer, so a run with non-2xx ones says so and its latencies are suspect).
done = function(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("refused")
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %.0f %.0f\n", good, bad,
    e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
