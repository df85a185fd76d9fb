-- wrk script: POST one sentence to the embed endpoint of the model named by the MODEL environment variable.
-- BODY_PATH (optional) overrides the path, e.g. the bare server's /embed; TOKEN is sent when set.
local model = os.getenv("MODEL")
wrk.method = "POST"
wrk.path = os.getenv("BODY_PATH") or ("/api/v1/models/" .. model .. "/embed")
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"input":"Hi, I was charged twice on my card last month and would like a refund please."}'

-- Only 2xx answers are throughput; non-2xx answers and socket errors are reported apart.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; refused = 0 end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok")
    bad = bad + t:get("refused")
  end
  local e = summary.errors
  io.write(string.format("RESULT %s ok=%d non2xx=%d socket_errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", model,
    good, bad, e.connect + e.read + e.write + e.timeout,
    good / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
