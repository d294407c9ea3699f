#!/usr/bin/env python3
"""Write Samples/dumps/crawl.warc.gz: a small, deterministic WARC/1.0 sample crawl.

Standard library only. Every record is its own gzip member (mtime=0), dates and
record ids are fixed, so running this twice gives byte-identical output.

Contents (all ads are fictional; phones are 555-01xx, hosts are example.com):
  1. warcinfo
  2-11. five request/response pairs:
     ad-plain    Content-Length body, UTF-8, <meta charset="utf-8">          (suspicious)
     ad-chunked  Transfer-Encoding: chunked                                    (suspicious)
     ad-gzip     Content-Encoding: gzip                                        (benign)
     ad-both     Transfer-Encoding: chunked over Content-Encoding: gzip        (suspicious)
     ad-cp1252   HTTP header charset=windows-1252, cp1252 bytes, no <meta>     (benign)
  12. response for an image (image/png)   -- a reader must skip it
  13. metadata record                     -- a reader must skip it

Usage: python3 make_warc.py [output-path]   (default: crawl.warc.gz next to this script)
"""

import base64
import gzip
import hashlib
import os
import struct
import sys
import uuid
import zlib

NS = uuid.UUID("6f1c2b3a-0d4e-4f5a-8b6c-7d8e9fa0b1c2")  # fixed namespace for uuid5


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(headers, block):
    """headers: list of (name, value) without Content-Length; block: bytes."""
    lines = ["WARC/1.0"]
    for k, v in headers:
        lines.append("%s: %s" % (k, v))
    lines.append("WARC-Block-Digest: %s" % sha1_b32(block))
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + block + b"\r\n\r\n"


def gz(data):
    return gzip.compress(data, compresslevel=9, mtime=0)


def chunked(data, size=512):
    out = bytearray()
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    out += b"0\r\n\r\n"
    return bytes(out)


def http_request(path):
    return ("GET %s HTTP/1.1\r\n"
            "Host: example.com\r\n"
            "User-Agent: RedFlagSampleCrawler/1.0 (+http://example.com/bot)\r\n"
            "Accept: text/html,application/xhtml+xml\r\n"
            "Accept-Encoding: gzip\r\n"
            "Connection: close\r\n\r\n" % path).encode("ascii")


def http_response(body, content_type, extra_headers, date):
    """extra_headers decide the framing; Content-Length is added unless chunked."""
    hdrs = ["HTTP/1.1 200 OK",
            "Date: %s" % date,
            "Server: nginx",
            "Content-Type: %s" % content_type]
    hdrs += extra_headers
    if not any(h.lower().startswith("transfer-encoding:") for h in extra_headers):
        hdrs.append("Content-Length: %d" % len(body))
    hdrs.append("Connection: close")
    return ("\r\n".join(hdrs) + "\r\n\r\n").encode("ascii") + body


def tiny_png():
    """A valid 2x2 RGB PNG built with zlib (deterministic)."""
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    raw = b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- ad pages

PAGE_PLAIN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Petite Latina Sweetheart, Just Turned 20 🌹 - 20 | NightList Las Vegas</title>
<meta name="description" content="Petite Latina sweetheart, just turned 20. Hotel incall near the Strip, 24/7.">
<meta property="og:title" content="Petite Latina Sweetheart, Just Turned 20 🌹 - 20">
<style>.sidebar{float:right;width:240px} footer{font-size:11px}</style>
<script>var nlPromos = ["Young new in town girls - upgrade to VIP", "Leaving soon? Bump your ad!"];</script>
</head>
<body>
<!-- sponsored slot: young hot new in town -->
<header><span class="logo">NightList</span>
<nav><a href="/lasvegas/">Las Vegas</a> <a href="/reno/">Reno</a> <a href="/post/">Post an Ad</a></nav></header>
<div class="sidebar"><h3>Related ads</h3><ul>
<li>Ebony Queen 👑 New In Town - 25</li><li>Party Girl 420 Friendly, Leaving Soon - 22</li></ul></div>
<div id="main">
<h1>Petite Latina Sweetheart, Just Turned 20 🌹 - 20</h1>
<p>Hey guys 💋 sweet petite Latina, just turned 20 and brand new here. 100% real pics, no games.</p>
<p>Hotel incall near the Strip, outcall too. Available 24/7, ask for my manager Lexi to book.</p>
<p>No AA. Text: 702 five five five 0 one 2 one</p>
<table><tr><td>Age</td><td>20</td></tr><tr><td>Location</td><td>Las Vegas</td></tr><tr><td>Ethnicity</td><td>Latina</td></tr></table>
<img src="http://example.com/img/60101/1.jpg" alt="photo">
</div>
<footer><p>All models are 18+. We cooperate with law enforcement. <a href="/report">Report abuse</a></p></footer>
</body>
</html>
"""

PAGE_CHUNKED = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Jade Palace Spa - New Asian Staff Weekly - Open 24/7 | SpaRadar Houston</title>
<meta name="description" content="Jade Palace Spa, Houston. New young Asian staff weekly, open 24/7.">
<style>.similar-listings{float:left;width:260px}</style>
<script>SR.teaser = "New young girls! Open 24/7, hotel outcall - see all new in town spas";</script>
</head>
<body>
<header id="hdr"><span class="logo">SpaRadar</span>
<nav id="topnav"><a href="/houston/">Houston</a> <a href="/houston/new/">New Listings</a> <a href="/add-business/">Add Your Spa</a></nav></header>
<div class="listing">
<h1>Jade Palace Spa - New Asian Staff Weekly - Open 24/7</h1>
<p>🌸 New young Asian girls every week! Open 24/7, late night welcome. Private rooms, table shower.</p>
<p>Ask for Mama-san at the door. Hotel outcall available. Not a scam, 100% real photos.</p>
<p>Call 7 1 3 - 5 5 5 - 0 1 4 8 or 713-555-0148</p>
<table class="biz-info"><tr><td>Category</td><td>Asian Massage</td></tr><tr><td>Location</td><td>Houston, Bellaire Blvd</td></tr>
<tr><td>Hours</td><td>24 hours</td></tr><tr><td>Price</td><td>$60 / half hour</td></tr></table>
</div>
<div class="similar-listings"><h3>Similar listings nearby</h3><ul>
<li>Lucky Moon Spa - Ask For Mommy - 24/7</li><li>Bella Thai - Hotel Outcall - Party Friendly</li>
<li>Orchid Relax - Chicas Nuevas, Leaving Soon</li></ul></div>
<footer id="ftr"><p>All models are 18+. We cooperate with law enforcement. <a href="/report">Report abuse</a></p></footer>
</body>
</html>
"""

PAGE_GZIP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Yamaha Acoustic Guitar FG800 with Case - $180 - CityBoard Seattle</title>
<meta name="description" content="Yamaha FG800 acoustic guitar with hard case, great for beginners. $180.">
<style>.sidebar{flex:1}</style>
<script>CB.adCopy = "New in town? Young professionals find rooms 24/7 on CityBoard";</script>
</head>
<body>
<header id="cb-header"><span class="logo">CityBoard</span>
<nav class="cb-menu"><a href="/seattle/">seattle</a> <a href="/seattle/forsale/">for sale</a> <a href="/post">post</a></nav></header>
<section class="posting">
<h1>Yamaha Acoustic Guitar FG800 with Case - $180</h1>
<p>Yamaha FG800 in natural finish, about three years old. Plays great, new strings last week, no cracks. Comes with a hard case, a capo and a clip-on tuner.</p>
<p>Great for beginners. Cash only, pickup in Capitol Hill. Text 206-555-0109.</p>
<table class="attrgroup"><tr><td>condition</td><td>good</td></tr><tr><td>make</td><td>Yamaha</td></tr></table>
</section>
<div class="sidebar"><h4>Related ads</h4><ul>
<li>Young female roommate wanted, new in town - $900</li><li>Party speakers, 420 watt - $150</li></ul></div>
<footer id="cb-footer"><p>Users must be 18+ to post. <a href="/report">Report abuse</a>. We cooperate with law enforcement.</p></footer>
</body>
</html>
"""

PAGE_BOTH = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>New Girls Every Week 👑 Two Sweet Friends - 21 — VelvetRoom Miami</title>
<meta property="og:title" content="New Girls Every Week 👑 Two Sweet Friends - 21">
<style>.other-ads{border-left:1px solid #333}</style>
<script>var vrTagline = "Fresh young faces every week - new in town and leaving soon!";</script>
</head>
<body>
<header class="site-header"><div class="brand">VELVETROOM</div>
<nav class="main-menu"><a href="/mia/">Companions</a> <a href="/mia/new-arrivals/">New Arrivals</a> <a href="/booking/">Booking</a></nav></header>
<main class="profile">
<h1>New Girls Every Week 👑 Two Sweet Friends - 21</h1>
<p>Two sweet young friends this week: Carla (21, Dominican) and Sofi (20, Venezuelan). New girls every week 🍒</p>
<p>Upscale hotel incall on Brickell, outcall 24/7. Party friendly. Call our manager to book, llámame papi.</p>
<p>Real pics, no games. No black men. Booking: 3️⃣0️⃣5️⃣5️⃣5️⃣5️⃣0️⃣1️⃣9️⃣3️⃣ or vr.miami@example.com</p>
<table class="profile-stats"><tr><th>Age</th><td>20 - 21</td></tr><tr><th>Location</th><td>Miami, Brickell</td></tr>
<tr><th>Ethnicity</th><td>Latina</td></tr></table>
</main>
<div class="other-ads"><h4>Other ads in Miami</h4>
<div class="card">Russian Blonde, New In Town - 24</div><div class="card">Ask For Mommy - Three Ladies - 22</div></div>
<footer class="site-footer"><p>All models are 18+. We cooperate with law enforcement. <a href="/report-abuse">Report abuse</a></p></footer>
</body>
</html>
"""

# No <meta charset>: the only charset information is the HTTP Content-Type header.
PAGE_CP1252 = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Retired chef, 58, seeks dinner companion · KindredHearts Personals</title>
<meta name="description" content="Retired chef in Santa Fe who loves crème brûlée and slow travel.">
<style>aside{flex:1}</style>
<script>var khSuggest = ["Young and fun? New in town? Meet singles near you 24/7!"];</script>
</head>
<body>
<header class="kh-header"><span class="logo">KindredHearts</span>
<nav class="kh-nav"><a href="/browse">Browse</a> <a href="/messages">Messages</a> <a href="/safety">Safety Tips</a></nav></header>
<section class="profile-card">
<h1>Retired chef, 58, seeks dinner companion - 58</h1>
<p>I’m André, a retired chef in Santa Fe. I make a decent crème brûlée and a better café au lait, and I’m trying to learn the guitar “properly” this year.</p>
<p>Looking for a companion for concerts, farmers’ markets and slow travel – someone warm, honest and curious. No games, just good conversation.</p>
<table class="facts"><tr><th>Age</th><td>58</td></tr><tr><th>Location</th><td>Santa Fe, NM</td></tr><tr><th>Ethnicity</th><td>Prefer not to say</td></tr></table>
</section>
<aside><h3>Members you may like</h3><a href="/p/1">Sweet Latina seeking long-term, no games - 29</a> <a href="/p/2">Young at heart, new in town - 61</a></aside>
<footer class="kh-footer"><p>All members are 18+. We cooperate with law enforcement. <a href="/report">Report abuse</a></p></footer>
</body>
</html>
"""

ADS = [
    # name, path, body bytes, content-type, extra http headers
    ("ad-plain", "/ads/nightlist/lasvegas/60101",
     PAGE_PLAIN.encode("utf-8"), "text/html; charset=utf-8", []),
    ("ad-chunked", "/ads/sparadar/houston/jade-palace-3420",
     chunked(PAGE_CHUNKED.encode("utf-8")), "text/html; charset=utf-8", ["Transfer-Encoding: chunked"]),
    ("ad-gzip", "/ads/cityboard/seattle/msg/yamaha-fg800-5530",
     gz(PAGE_GZIP.encode("utf-8")), "text/html; charset=utf-8", ["Content-Encoding: gzip", "Vary: Accept-Encoding"]),
    ("ad-both", "/ads/velvetroom/miami/vr-4410",
     chunked(gz(PAGE_BOTH.encode("utf-8")), size=300), "text/html; charset=utf-8",
     ["Content-Encoding: gzip", "Transfer-Encoding: chunked", "Vary: Accept-Encoding"]),
    ("ad-cp1252", "/ads/kindredhearts/profiles/andre-nm-91020",
     PAGE_CP1252.encode("cp1252"), "text/html; charset=windows-1252", []),
]


def build():
    out = bytearray()
    n = 0

    def add(headers, block):
        nonlocal out
        out += gz(warc_record(headers, block))

    def date(i):
        return "2024-03-20T10:%02d:%02dZ" % (i // 60, i % 60)

    def http_date(i):
        return "Wed, 20 Mar 2024 10:%02d:%02d GMT" % (i // 60, i % 60)

    info = (b"software: make_warc.py (RedFlag samples, Python standard library)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: Fictional sample ads for RedFlag tests. Phones are 555-01xx, hosts are example.com.\r\n"
            b"robots: ignore\r\n")
    add([("WARC-Type", "warcinfo"),
         ("WARC-Record-ID", record_id("warcinfo")),
         ("WARC-Date", date(0)),
         ("WARC-Filename", "crawl.warc.gz"),
         ("Content-Type", "application/warc-fields")], info)

    for i, (name, path, body, ctype, extra) in enumerate(ADS, start=1):
        uri = "http://example.com" + path
        t = i * 7
        resp_id = record_id(name + "/response")
        add([("WARC-Type", "request"),
             ("WARC-Record-ID", record_id(name + "/request")),
             ("WARC-Date", date(t)),
             ("WARC-Target-URI", uri),
             ("WARC-Concurrent-To", resp_id),
             ("WARC-Warcinfo-ID", record_id("warcinfo")),
             ("Content-Type", "application/http; msgtype=request")], http_request(path))
        add([("WARC-Type", "response"),
             ("WARC-Record-ID", resp_id),
             ("WARC-Date", date(t)),
             ("WARC-Target-URI", uri),
             ("WARC-IP-Address", "192.0.2.%d" % (10 + i)),
             ("WARC-Warcinfo-ID", record_id("warcinfo")),
             ("Content-Type", "application/http; msgtype=response")],
            http_response(body, ctype, extra, http_date(t)))

    # An image response: not an ad, a reader must skip it.
    png = tiny_png()
    add([("WARC-Type", "response"),
         ("WARC-Record-ID", record_id("image/response")),
         ("WARC-Date", date(50)),
         ("WARC-Target-URI", "http://example.com/img/60101/1.jpg"),
         ("WARC-IP-Address", "192.0.2.11"),
         ("Content-Type", "application/http; msgtype=response")],
        http_response(png, "image/png", [], http_date(50)))

    # A metadata record about the first ad: also skipped. Its text must never be scored.
    meta = (b"via: http://example.com/ads/nightlist/lasvegas/\r\n"
            b"hopsFromSeed: L\r\n"
            b"fetchTimeMs: 118\r\n"
            b"outlink: http://example.com/img/60101/1.jpg E =EMBED_MISC\r\n"
            b"note: crawler metadata mentioning young new in town 24/7 must not be scored\r\n")
    add([("WARC-Type", "metadata"),
         ("WARC-Record-ID", record_id("ad-plain/metadata")),
         ("WARC-Date", date(55)),
         ("WARC-Target-URI", "http://example.com/ads/nightlist/lasvegas/60101"),
         ("WARC-Refers-To", record_id("ad-plain/response")),
         ("Content-Type", "application/warc-fields")], meta)
    return bytes(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "crawl.warc.gz")
    data = build()
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (path, len(data)))


if __name__ == "__main__":
    main()
