-- The GET scenarios of get.lua at a set pace: each connection waits PACE_MS before each request,
-- so 64 connections offer at most 64 / (PACE_MS + latency) requests a second. bench/run chooses the
-- pace to offer half of what the scenario reached flat out, and reports the latency at that load:
-- flat out, 64 requests are always in flight and the latency is 64 / throughput by Little's law,
-- a measure of the queue, not of one request. Usage:
--   wrk -t2 -c64 -d6s --latency -s bench/load/paced.lua URL -- PATHS_FILE TOKEN_OR_EMPTY PACE_MS
local dir = debug.getinfo(1, "S").source:match("^@(.*/)")
dofile(dir .. "get.lua")

local pace_ms = 0
local get_init = init

function init(args)
  get_init(args)
  pace_ms = tonumber(args[3]) or 0
end

function delay()
  return pace_ms
end
