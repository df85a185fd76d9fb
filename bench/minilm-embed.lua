-- wrk script: POST one sentence to the embed endpoint of the model named by the MODEL environment variable.
-- BODY_PATH (optional) overrides the path, e.g. the bare server's /embed; TOKEN is sent when set.
dofile("bench/wrk-result.lua")
local model = os.getenv("MODEL")
wrk.method = "POST"
wrk.path = os.getenv("BODY_PATH") or ("/api/v1/models/" .. model .. "/embed")
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = '{"input":"Hi, I was charged twice on my card last month and would like a refund please."}'
