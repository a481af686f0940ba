-- The full new-licence write flow, one client per wrk thread: run it with as many threads as
-- connections (wrk -t64 -c64), because a wrk thread's Lua state is shared by its connections and a
-- flow needs its own state machine. A flow is nine requests, every response checked:
--   POST /api/v1/people                                   201, person id
--   POST /api/v1/applications/local-license (paid)        201, application id
--   for vision, written, street:
--     POST /api/v1/applications/{id}/appointments (today, paid)   201, appointment id
--     POST /api/v1/appointments/{id}/result {passed: true}        200
--   POST /api/v1/applications/{id}/issue (pays the licence fee)   201
-- Any other status (or a lost response) counts as an error and the client starts a new flow with a
-- new person. Usage:
--   wrk -t64 -c64 -d15s --latency -s bench/load/flow.lua URL -- TOKEN TODAY NATIONAL_NO_BASE THREADS [selftest]
-- National numbers are NATIONAL_NO_BASE + k * threads + thread id (k = 0, 1, ...): unique per client
-- and per run when bench/run passes a base above every number already stored.
-- With a sixth argument `selftest`, every request is built as usual but GET /api/v1/health is sent
-- instead, and a 200 counts as the expected answer: this measures what the client itself can drive
-- (bench/run's `flowclient` scenario), so that a flow result can be told apart from a client limit.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local common = require("common")

local token, today, base, nthreads, selftest
local state, pending, answered, k = 0, false, false, 0
local person, app, appt
local tests = { "vision", "written", "street" }
-- Counters read by done() through thread:get.
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

local json_headers
local function post(path, body)
  if not json_headers then
    json_headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                     ["Accept"] = "application/json" }
  end
  return wrk.format("POST", path, json_headers, body)
end

local cash = '"payment":{"method":"cash"}'

local build
function request()
  local r = build()
  if selftest then return wrk.format("GET", "/api/v1/health") end
  return r
end

function build()
  if pending then
    -- wrk asks for a new request without having delivered the previous answer (a reconnect):
    -- the flow is broken, start again. (Before any answer this is wrk checking the script: it
    -- calls request() once on the first thread and throws the request away.)
    if answered then lost = lost + 1 end
    state = 0
  end
  pending = true
  if state == 0 then
    local no = string.format("%010d", base + k * nthreads + thread_id)
    k = k + 1
    return post("/api/v1/people", string.format(
      '{"nationalNo":"%s","firstNameAr":"سامي","secondNameAr":"خالد","lastNameAr":"النسور",' ..
      '"firstNameEn":"Sami","secondNameEn":"Khaled","lastNameEn":"Al-Nsour","dateOfBirth":"1990-05-17",' ..
      '"gender":"male","nationalityCode":"JO"}', no))
  elseif state == 1 then
    return post("/api/v1/applications/local-license",
      string.format('{"personId":%s,"licenseClassId":3,%s}', person, cash))
  elseif state == 8 then
    return post("/api/v1/applications/" .. app .. "/issue", "{" .. cash .. "}")
  elseif state % 2 == 0 then
    local test = tests[state / 2]
    return post("/api/v1/applications/" .. app .. "/appointments",
      string.format('{"testType":"%s","date":"%s",%s}', test, today, cash))
  else
    return post("/api/v1/appointments/" .. appt .. "/result", '{"passed":true,"notes":"bench"}')
  end
end

local function fail(status, body)
  errors = errors + 1
  local key = tostring(status) .. "@" .. state
  error_statuses[key] = (error_statuses[key] or 0) + 1
  if #error_samples < 3 then error_samples[#error_samples + 1] = key .. " " .. (body or ""):sub(1, 300) end
  state = 0
end

function response(status, headers, body)
  pending, answered = false, true
  local want = (state == 3 or state == 5 or state == 7 or selftest) and 200 or 201
  if status ~= want then return fail(status, body) end
  if selftest then body = '{"id":1}' .. body end
  if state == 8 then
    flows = flows + 1
    state = 0
    return
  end
  if state ~= 3 and state ~= 5 and state ~= 7 then
    local id = body:match('"id":(%d+)')
    if not id then return fail(status, "no id in: " .. body) end
    if state == 0 then person = id elseif state == 1 then app = id else appt = id end
  end
  state = state + 1
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
