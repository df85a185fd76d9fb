-- wrk script: POST one sentence to the embed endpoint of the model named by the MODEL environment variable.
dofile("bench/wrk-result.lua")
local model = os.getenv("MODEL")
wrk.method = "POST"
wrk.path = "/api/v1/models/" .. model .. "/embed"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"input":"Hi, I was charged twice on my card last month and would like a refund please."}'
