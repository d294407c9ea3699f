-- wrk script for Benchmarks/serve_bench.sh: posts the sample ad pages (Samples/pages, typical ad HTML) to
-- POST /v1/ads as text/html, one after another, with an ingest token from $REDFLAG_TOKEN and the pages' folder from
-- $REDFLAG_PAGES. About half the samples are flagged, so the queue is written to as well.
local pages = {}
local names = {
  "cityboard-1.html", "cityboard-2.html", "cityboard-3.html", "cityboard-4.html", "kindredhearts-1.html",
  "kindredhearts-2.html", "nightlist-1.html", "nightlist-2.html", "sparadar-1.html", "sparadar-2.html",
  "velvetroom-1.html", "velvetroom-2.html",
}
local folder = os.getenv("REDFLAG_PAGES")
local token = os.getenv("REDFLAG_TOKEN")
for _, name in ipairs(names) do
  local file = assert(io.open(folder .. "/" .. name, "rb"))
  pages[#pages + 1] = { name = name, body = file:read("*a") }
  file:close()
end

-- With REDFLAG_DISTINCT=1 every request's page ends in its own comment (`<!-- thread-counter -->`, in UTF-16 for the
-- UTF-16 page), so its bytes and hash are new and a flagged one is inserted as a new item, as in a stream of distinct
-- ads; without it, the same twelve pages repeat and flagged ones after the first round are reposts of queued items.
local distinct = os.getenv("REDFLAG_DISTINCT") == "1"
local threads = 0
setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
request = function()
  counter = counter + 1
  local page = pages[(counter % #pages) + 1]
  local headers = { ["Content-Type"] = "text/html; charset=utf-8", ["Authorization"] = "Bearer " .. token }
  local body = page.body
  local url = "/v1/ads?url=https://bench.example.com/" .. page.name
  if distinct then
    local mark = "<!-- " .. tostring(tid) .. "-" .. counter .. " -->"
    if body:sub(1, 2) == "\255\254" then mark = mark:gsub(".", "%0\0") end
    body = body .. mark
    url = url .. "?n=" .. tostring(tid) .. "-" .. counter
  end
  return wrk.format("POST", url, headers, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx/3xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
