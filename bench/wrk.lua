-- wrk script of the harness (bench/run.py). Counts answers that are not 2xx (wrk itself counts
-- only 4xx/5xx, so a redirect to the sign-in page would pass unseen) and prints the figures as
-- one line of JSON. Optional arguments after `--` make a mix: each is "path" or
-- "path<TAB>cookie", taken in turn (the --load run).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first_bad = 0
  requests_mix = {}
  for _, arg in ipairs(args) do
    local path, cookie = arg:match("^([^\t]*)\t(.*)$")
    if path then
      table.insert(requests_mix, wrk.format("GET", path, { Cookie = cookie }))
    else
      table.insert(requests_mix, wrk.format("GET", arg))
    end
  end
  next_request = 0
end

if true then
  request = function()
    if #requests_mix == 0 then
      return wrk.request()
    end
    next_request = next_request % #requests_mix + 1
    return requests_mix[next_request]
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == 0 then
      first_bad = status
    end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    if first == 0 then
      first = thread:get("first_bad")
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "status_4xx_5xx": %d, "non2xx": %d, "first_non2xx": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.timeout, errors.status, bad, first,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean))
end
