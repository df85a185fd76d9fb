-- wrk script: POST the Open Inference Protocol body in the file BODY_FILE to /v2/models/$MODEL/infer.
dofile("bench/wrk-result.lua")
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.path = "/v2/models/" .. os.getenv("MODEL") .. "/infer"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = file:read("*a")
file:close()
