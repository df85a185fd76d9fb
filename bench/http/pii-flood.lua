-- wrk script for bench/tenant-flood.sh: the flooding tenant's PII-dense analyze calls.
-- TOKEN: the flooding tenant's bearer token. FLOOD_BYTES: the text's length (default 262144).
-- Emails, phone numbers, card numbers, IBANs and IPs every ~150 characters: the analyzer's worst case.
local size = tonumber(os.getenv("FLOOD_BYTES") or "262144")
local parts, length, i = {}, 0, 0
while length < size do
  local piece = string.format("Mail jane.doe%d@example.com, call +44 20 7946 0%03d, card 4111 1111 1111 1111, "
    .. "IBAN GB82 WEST 1234 5698 7654 32, IP 10.0.%d.7. ", i, i % 1000, i % 250)
  parts[#parts + 1] = piece
  length = length + #piece
  i = i + 1
end
wrk.method = "POST"
wrk.body = '{"text":"' .. string.sub(table.concat(parts), 1, size) .. '"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

-- requests, 2xx, 429s, other errors (non-2xx other than 429, socket), duration (µs), p50, p99 (µs).
ok, limited = 0, 0 -- globals: done() reads them from each thread with t:get()
response = function(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 elseif status == 429 then limited = limited + 1 end
end
-- Per-thread counters are summed in done() through the threads table.
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
done = function(summary, latency, requests)
  local okAll, limitedAll = 0, 0
  for _, t in ipairs(threads) do
    okAll = okAll + (t:get("ok") or 0)
    limitedAll = limitedAll + (t:get("limited") or 0)
  end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %.0f %.0f\n", summary.requests, okAll, limitedAll,
    e.status + e.connect + e.read + e.write + e.timeout - limitedAll, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
