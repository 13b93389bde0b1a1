-- wrk script for scripts/bench-load.sh. GETs the URL wrk was given, or with BENCH_MODE=sale / order
-- POSTs stand sales / partner orders spread over the targets in BENCH_DATA (a Lua file returning a
-- table), each with a unique Idempotency-Key. Prints one JSON line: req/s, p50/p95/p99, non-2xx.
local mode = os.getenv("BENCH_MODE") or "get"
local token = os.getenv("BENCH_TOKEN") or ""
local run = os.getenv("BENCH_RUN") or "run"
local soldAt = os.getenv("BENCH_SOLD_AT") or "2026-01-01T00:00:00Z"
local data = os.getenv("BENCH_DATA")
local threadCount = 0

function setup(thread)
  threadCount = threadCount + 1
  thread:set("tid", threadCount)
end

function init(args)
  counter = 0
  if data and data ~= "" then targets = dofile(data) end
end

function request()
  counter = counter + 1
  local headers = { ["Authorization"] = "Bearer " .. token }
  if mode == "get" then
    return wrk.format("GET", nil, headers)
  end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, counter)
  local t = targets[(counter * 2 + tid) % #targets + 1]
  if mode == "sale" then
    local body = string.format(
      '{"standId":"%s","locationId":"%s","soldAt":"%s","items":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":1},{"sku":"%s","quantity":2}]}',
      t[1], t[2], soldAt, t[3], t[4], t[5])
    return wrk.format("POST", "/api/v1/stand/sales-record", headers, body)
  end
  local body = string.format(
    '{"items":[{"sku":"%s","quantity":1},{"sku":"%s","quantity":2},{"sku":"%s","quantity":1},{"sku":"%s","quantity":3},{"sku":"%s","quantity":1}],"externalRef":"bench-%d"}',
    t[2], t[3], t[4], t[5], t[6], counter)
  return wrk.format("POST", "/api/v1/partners/" .. t[1] .. "/orders", headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format(
    '{"requests":%d,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
