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

local counter = 0
request = function()
  counter = counter + 1
  local page = pages[(counter % #pages) + 1]
  local headers = { ["Content-Type"] = "text/html; charset=utf-8", ["Authorization"] = "Bearer " .. token }
  return wrk.format("POST", "/v1/ads?url=https://bench.example.com/" .. page.name, headers, page.body)
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
