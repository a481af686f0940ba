-- Shared by the wrk scripts of bench/load: thread numbering and the one-line JSON summary that
-- bench/run reads from wrk's standard output (a line starting with "BENCH_JSON ").
local M = {}

local threads = {}
local next_id = 0

-- wrk calls setup(thread) in its main Lua state once per thread before the run.
function M.setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function M.threads() return threads end

local function encode(v)
  local t = type(v)
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    return string.format("%.17g", v)
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
  elseif t == "boolean" then
    return tostring(v)
  elseif t == "table" then
    if #v > 0 or next(v) == nil then
      local out = {}
      for _, x in ipairs(v) do out[#out + 1] = encode(x) end
      return "[" .. table.concat(out, ",") .. "]"
    end
    local out = {}
    for k, x in pairs(v) do out[#out + 1] = encode(tostring(k)) .. ":" .. encode(x) end
    return "{" .. table.concat(out, ",") .. "}"
  end
  return "null"
end
M.encode = encode

-- The summary every scenario prints: requests, rate, latency percentiles (ms) and errors.
-- `extra` adds scenario-specific fields.
function M.summary(summary, latency, extra)
  local secs = summary.duration / 1e6
  local e = summary.errors
  local out = {
    requests = summary.requests,
    duration_s = secs,
    requests_per_s = secs > 0 and summary.requests / secs or 0,
    bytes = summary.bytes,
    latency_ms = {
      mean = latency.mean / 1000,
      stdev = latency.stdev / 1000,
      p50 = latency:percentile(50) / 1000,
      p90 = latency:percentile(90) / 1000,
      p99 = latency:percentile(99) / 1000,
      p999 = latency:percentile(99.9) / 1000,
      max = latency.max / 1000,
    },
    -- status: responses with a status of 400 or more (wrk's own count); the rest are socket errors.
    errors = { status = e.status, connect = e.connect, read = e.read, write = e.write, timeout = e.timeout },
  }
  for k, v in pairs(extra or {}) do out[k] = v end
  io.write("BENCH_JSON " .. encode(out) .. "\n")
end

-- Reads a file of lines (skipping empty ones); fails loudly when it is missing or empty.
function M.lines(path)
  local f = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  local list = {}
  for line in f:lines() do
    if #line > 0 then list[#list + 1] = line end
  end
  f:close()
  assert(#list > 0, "no lines in " .. path)
  return list
end

return M
