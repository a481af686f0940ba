-- The GET scenarios of get.lua at a set pace: each connection pauses before each request, PACE_MS
-- on average, so 64 connections offer about 64 / (PACE_MS + latency) requests a second. bench/run
-- chooses the pace to offer half of what the scenario reached flat out, and reports the latency at
-- that load: flat out, 64 requests are always in flight and the latency is 64 / throughput by
-- Little's law, a measure of the queue, not of one request.
--
-- The pauses are random (exponential, mean PACE_MS), as the think times of independent users are:
-- with one fixed pause ("fixed"), connections answered together come back together, a bunch once
-- formed (by a slow request, a stall of the machine) never disperses, and the tail measures those
-- bunches (search at 1M people, same offered rate: p99 19-28 ms fixed against 6-9 ms random).
-- Usage:
--   wrk -t2 -c64 -d6s --latency -s bench/load/paced.lua URL -- PATHS_FILE TOKEN_OR_EMPTY PACE_MS [fixed]
local dir = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(dir .. "get.lua")

local pace_ms = 0
local get_init = init

local fixed = false

function init(args)
  get_init(args)
  pace_ms = tonumber(args[3]) or 0
  fixed = args[4] == "fixed"
end

function delay()
  if fixed then return pace_ms end
  return -math.log(1 - math.random()) * pace_ms
end
