-- wrk script: POST the customer lookup (or GET a path, see below); sends a bearer token when
-- BENCH_TOKEN is set, and prints one machine-readable RESULT line at the end.
-- With BENCH_GET set, the requests are GETs without a body (the path is in wrk's URL).
if os.getenv("BENCH_GET") ~= nil and os.getenv("BENCH_GET") ~= "" then
  wrk.method = "GET"
else
  wrk.method = "POST"
  wrk.body = '{"phone_number":"+971501234567"}'
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("BENCH_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
