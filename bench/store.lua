-- wrk script for bench/store.sh. BENCH_REQUEST picks what every request is:
--   lookup           POST {"phone_number": ...}, the customer lookup (the URL names the route)
--   ticket           POST one and the same create_support_ticket body on every request
--   ticket-distinct  POST create_support_ticket with a subject of its own on every request:
--                    "<BENCH_RUN_ID>-<thread>-<n>", so no two requests of a run, of its threads or of
--                    two runs with different BENCH_RUN_IDs are the same call
-- Sends a bearer token when BENCH_TOKEN is set. Prints one machine-readable RESULT line at the end,
-- with the responses of status 400 and above (wrk's "Non-2xx or 3xx responses") and the socket
-- errors counted apart.
local kind = os.getenv("BENCH_REQUEST") or "lookup"
local run_id = os.getenv("BENCH_RUN_ID") or tostring(os.time())

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local ticket_head = '{"customer_email":"bench.caller@example.com","subject":"Bench '
local ticket_tail = '","description":"Opened by the benchmark.","priority":"medium"}'

if kind == "lookup" then
  wrk.body = '{"phone_number":"+971501234567"}'
elseif kind == "ticket" then
  wrk.body = ticket_head .. run_id .. ticket_tail
elseif kind == "ticket-distinct" then
  local threads = 0
  setup = function(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
  end
  local n = 0
  request = function()
    n = n + 1
    return wrk.format(nil, nil, nil, ticket_head .. run_id .. "-" .. thread_number .. "-" .. n .. ticket_tail)
  end
else
  error("BENCH_REQUEST must be lookup, ticket or ticket-distinct, not " .. kind)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f requests=%d non2xx=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
