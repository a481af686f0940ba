-- GET scenarios: each request picks one path at random from a file that bench/run prepared
-- (licence numbers, national numbers, name searches, verification, or just /api/v1/health for the
-- ceiling). Usage:
--   wrk -t2 -c64 -d15s --latency -s bench/load/get.lua http://127.0.0.1:PORT -- PATHS_FILE [TOKEN]
-- With a TOKEN, requests carry `Authorization: Bearer TOKEN`. Errors are wrk's count of responses with
-- status >= 400 plus socket errors; the script defines no response() so that wrk need not hand every
-- body to Lua (that keeps the load generator cheap).
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local paths, headers

function setup(thread) common.setup(thread) end

function init(args)
  paths = common.lines(args[1])
  headers = { ["Accept"] = "application/json" }
  if args[2] and #args[2] > 0 then headers["Authorization"] = "Bearer " .. args[2] end
  math.randomseed(os.time() + 7919 * (thread_id or 0))
  for _ = 1, 10 do math.random() end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  common.summary(summary, latency, { paths = "random among the input file's lines" })
end
