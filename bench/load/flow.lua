-- The full new-licence write flow, many clients at once: each connection of wrk carries one flow at
-- a time, a flow of nine requests, every response checked:
--   POST /api/v1/people                                   201, person id
--   POST /api/v1/applications/local-license (paid)        201, application id
--   for vision, written, street:
--     POST /api/v1/applications/{id}/appointments (today, paid)   201, appointment id
--     POST /api/v1/appointments/{id}/result {passed: true}        200
--   POST /api/v1/applications/{id}/issue (pays the licence fee)   201
-- Any other status counts as an error and that flow is dropped (a new one, with a new person,
-- takes its place).
--
-- A wrk thread's Lua state serves all its connections and wrk does not say which connection a
-- response came on, so each request carries its flow in X-Request-Id (the server echoes it back)
-- and response() finds the flow by it. A flow that is answered queues its next request; request()
-- sends the oldest queued one, or starts a new flow. So a few wrk threads drive many clients
-- (wrk -t2 -c64): one thread per connection, as this script needed before, put 64 client threads on
-- the cores the server uses, and they preempted the server's one writer while it held its lock.
-- Usage:
--   wrk -t2 -c64 -d15s --latency -s bench/load/flow.lua URL -- TOKEN TODAY NATIONAL_NO_BASE THREADS [selftest]
-- National numbers are NATIONAL_NO_BASE + n * THREADS + thread id (n = 0, 1, ...: the thread's n-th
-- flow): unique per flow and per run when bench/run passes a base above every number stored.
-- With a sixth argument `selftest`, every request is built as usual but GET /api/v1/health is sent
-- instead, and a 200 counts as the expected answer: this measures what the client itself can drive
-- (bench/run's `flowclient` scenario), so that a flow result can be told apart from a client limit.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local token, today, base, nthreads, selftest
local tests = { "vision", "written", "street" }
-- The thread's flows by number: { state = step (0-8), person, app, appt }. A flow is in `live` from
-- its first request until its last answer or its first error.
local live, started = {}, 0
-- Flows answered and waiting to send their next request, oldest first.
local queue, head, tail = {}, 1, 0
-- Counters read by done() through thread:get. lost: answers that named no flow of this thread.
flows, errors, lost = 0, 0, 0
error_statuses, error_samples = {}, {}

function setup(thread) common.setup(thread) end

function init(args)
  token, today, base = args[1], args[2], tonumber(args[3])
  assert(token and today and base, "usage: -- TOKEN TODAY NATIONAL_NO_BASE")
  nthreads = tonumber(args[4] or "0")
  if not nthreads or nthreads <= 0 then nthreads = 1000 end
  selftest = args[5] == "selftest"
end

local headers
local function format(method, path, id, body)
  if not headers then
    headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                ["Accept"] = "application/json" }
  end
  headers["X-Request-Id"] = id
  return wrk.format(method, path, headers, body)
end

local cash = '"payment":{"method":"cash"}'

local function build(f, n)
  if f.state == 0 then
    local no = string.format("%010d", base + n * nthreads + thread_id)
    return "/api/v1/people", string.format(
      '{"nationalNo":"%s","firstNameAr":"سامي","secondNameAr":"خالد","lastNameAr":"النسور",' ..
      '"firstNameEn":"Sami","secondNameEn":"Khaled","lastNameEn":"Al-Nsour","dateOfBirth":"1990-05-17",' ..
      '"gender":"male","nationalityCode":"JO"}', no)
  elseif f.state == 1 then
    return "/api/v1/applications/local-license", string.format('{"personId":%s,"licenseClassId":3,%s}', f.person, cash)
  elseif f.state == 8 then
    return "/api/v1/applications/" .. f.app .. "/issue", "{" .. cash .. "}"
  elseif f.state % 2 == 0 then
    return "/api/v1/applications/" .. f.app .. "/appointments",
      string.format('{"testType":"%s","date":"%s",%s}', tests[f.state / 2], today, cash)
  end
  return "/api/v1/appointments/" .. f.appt .. "/result", '{"passed":true,"notes":"bench"}'
end

function request()
  local n
  if head <= tail then
    n = queue[head]
    queue[head] = nil
    head = head + 1
  else
    n = started
    live[n] = { state = 0 }
    started = started + 1
  end
  local f = live[n]
  -- The request id names the thread, the flow and its step: "f<thread>-<flow>-<step>".
  local id = "f" .. thread_id .. "-" .. n .. "-" .. f.state
  local path, body = build(f, n)
  if selftest then return format("GET", "/api/v1/health", id) end
  return format("POST", path, id, body)
end

local function fail(f, n, status, body)
  errors = errors + 1
  local key = tostring(status) .. "@" .. f.state
  error_statuses[key] = (error_statuses[key] or 0) + 1
  if #error_samples < 3 then error_samples[#error_samples + 1] = key .. " " .. (body or ""):sub(1, 300) end
  live[n] = nil
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local n = tonumber(id:match("^f%d+%-(%d+)%-%d+$") or "")
  local f = n and live[n]
  if not f then
    lost = lost + 1
    return
  end
  local want = (f.state == 3 or f.state == 5 or f.state == 7 or selftest) and 200 or 201
  if status ~= want then return fail(f, n, status, body) end
  if selftest then body = '{"id":1}' .. body end
  if f.state == 8 then
    flows = flows + 1
    live[n] = nil
    return
  end
  if f.state ~= 3 and f.state ~= 5 and f.state ~= 7 then
    local got = body:match('"id":(%d+)')
    if not got then return fail(f, n, status, "no id in: " .. body) end
    if f.state == 0 then f.person = got elseif f.state == 1 then f.app = got else f.appt = got end
  end
  f.state = f.state + 1
  tail = tail + 1
  queue[tail] = n
end

function done(summary, latency, requests)
  local total_flows, total_errors, total_lost = 0, 0, 0
  local statuses, samples = {}, {}
  for _, t in ipairs(common.threads()) do
    total_flows = total_flows + (t:get("flows") or 0)
    total_errors = total_errors + (t:get("errors") or 0)
    total_lost = total_lost + (t:get("lost") or 0)
    for key, n in pairs(t:get("error_statuses") or {}) do statuses[key] = (statuses[key] or 0) + n end
    for _, s in ipairs(t:get("error_samples") or {}) do
      if #samples < 5 then samples[#samples + 1] = s end
    end
  end
  local secs = summary.duration / 1e6
  common.summary(summary, latency, {
    flows = total_flows,
    flows_per_s = secs > 0 and total_flows / secs or 0,
    flow_errors = total_errors,
    lost_responses = total_lost,
    -- "STATUS@STEP": step 0 person, 1 application, 2/4/6 appointments, 3/5/7 results, 8 issue
    error_statuses = statuses,
    error_samples = samples,
  })
end
