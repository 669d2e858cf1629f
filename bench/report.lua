-- wrk script for bench/http_bench.py: counts non-2xx answers per thread and, when the run is
-- done, prints one JSON line (prefixed BENCH-JSON) with throughput, latency percentiles and
-- errors, so the driver does not have to parse wrk's human-readable report.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   statuses = {}
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

local function ms(microseconds)
   return string.format("%.3f", microseconds / 1000.0)
end

function done(summary, latency, requests)
   local non2xx_total = 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      non2xx_total = non2xx_total + (thread:get("non2xx") or 0)
      local counted = thread:get("statuses") or {}
      for status, count in pairs(counted) do
         by_status[status] = (by_status[status] or 0) + count
      end
   end
   local status_parts = {}
   for status, count in pairs(by_status) do
      table.insert(status_parts, string.format('"%d": %d', status, count))
   end
   local seconds = summary.duration / 1000000.0
   local parts = {
      string.format('"requests": %d', summary.requests),
      string.format('"seconds": %.3f', seconds),
      string.format('"requests_per_second": %.2f', summary.requests / seconds),
      string.format('"bytes": %d', summary.bytes),
      string.format('"latency_ms": {"p50": %s, "p90": %s, "p95": %s, "p99": %s, "max": %s, "mean": %s, "stdev": %s}',
         ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(95)),
         ms(latency:percentile(99)), ms(latency.max), ms(latency.mean), ms(latency.stdev)),
      string.format('"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}',
         summary.errors.connect, summary.errors.read, summary.errors.write,
         summary.errors.timeout, summary.errors.status),
      string.format('"non_2xx": %d', non2xx_total),
      '"non_2xx_by_status": {' .. table.concat(status_parts, ", ") .. '}',
   }
   io.write("BENCH-JSON {" .. table.concat(parts, ", ") .. "}\n")
end
