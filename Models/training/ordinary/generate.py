#!/usr/bin/env python3
"""Generate ORDINARY classified ads (category "other", label "benign") as training data for RedFlag.

Many of the ads use, innocently, words that also appear in sex ads ("Latina-owned", "come see us", "real photos",
"I come to you", "open 24 hours", "Sweet 16", "party supplies", a teen's age in a lawn-mowing ad ...). Every such
innocent cue is recorded in the ad's "innocent_cues" list as "<family>: '<phrase>' (<what it is about>)", where
<family> is the RedFlag indicator family (shared/FAMILIES.md) the words resemble, or "near:<family>" for words that
family's "does not count" column names.

Python 3 standard library only. Deterministic for a seed (each ad has its own random.Random seeded by an integer,
so PYTHONHASHSEED does not matter and the first N ads are the same whatever --n is).

    python3 generate.py --seed 7 --n 2500 --out ordinary.jsonl        (or .jsonl.gz)
    python3 generate.py --seed 7 --n 2500 --stats                      (print counts, write nothing)
    python3 generate.py --stats --in ordinary.jsonl.gz                 (counts of an existing file)
    python3 generate.py --check ordinary.jsonl.gz                      (validate a file)
"""
import argparse
import gzip
import html
import io
import json
import random
import re
import sys

# ----------------------------------------------------------------------------------------------------------------
# Template machinery
#
# Templates are strings with {key} slots. A key is looked up in the ad's context (Ctx); a missing key is drawn once
# per ad from VOCAB[key] (a list to choose from, or a function of (rng, ctx)), and the drawn value is itself filled.
# {~key} draws a fresh value every time. In cue templates, [[...]] marks the cue phrase: it is recorded in
# innocent_cues and kept away from the typo generator.
# ----------------------------------------------------------------------------------------------------------------

SLOT = re.compile(r"\{(~?)([A-Za-z_][A-Za-z0-9_]*)\}")


class Ctx(dict):
    def __init__(self, rng, lang="en"):
        super().__init__()
        self.rng = rng
        self.lang = lang

    def draw(self, key):
        pool = VOCAB.get(key)
        if pool is None:
            raise KeyError("no vocabulary for {%s}" % key)
        if callable(pool):
            v = pool(self.rng, self)
        else:
            v = self.rng.choice(pool)
        return self.fill(v)

    def __missing__(self, key):
        v = self.draw(key)
        self[key] = v
        return v

    def fill(self, tpl):
        if "{" not in tpl:
            return tpl

        def sub(m):
            if m.group(1):
                return self.draw(m.group(2))
            return str(self[m.group(2)])

        for _ in range(6):
            new = SLOT.sub(sub, tpl)
            if new == tpl or "{" not in new:
                return new
            tpl = new
        return tpl

    def pick(self, options):
        return self.fill(self.rng.choice(options))


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def pick(rng, seq):
    return rng.choice(seq)


def chance(rng, p):
    return rng.random() < p


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# ----------------------------------------------------------------------------------------------------------------
# Places, people, contact details (all fictional: phones 555-01xx, e-mail and sites on example.com)
# ----------------------------------------------------------------------------------------------------------------

CITIES = [
    ("Las Vegas", "NV", "702"), ("Henderson", "NV", "702"), ("Reno", "NV", "775"), ("Phoenix", "AZ", "602"),
    ("Mesa", "AZ", "480"), ("Tucson", "AZ", "520"), ("Albuquerque", "NM", "505"), ("El Paso", "TX", "915"),
    ("Houston", "TX", "713"), ("Dallas", "TX", "214"), ("San Antonio", "TX", "210"), ("Austin", "TX", "512"),
    ("Fort Worth", "TX", "817"), ("Denver", "CO", "303"), ("Colorado Springs", "CO", "719"),
    ("Salt Lake City", "UT", "801"), ("Boise", "ID", "208"), ("Portland", "OR", "503"), ("Seattle", "WA", "206"),
    ("Spokane", "WA", "509"), ("Tacoma", "WA", "253"), ("Sacramento", "CA", "916"), ("Fresno", "CA", "559"),
    ("Bakersfield", "CA", "661"), ("Riverside", "CA", "951"), ("San Diego", "CA", "619"),
    ("Los Angeles", "CA", "213"), ("Oakland", "CA", "510"), ("San Jose", "CA", "408"), ("Kansas City", "MO", "816"),
    ("St. Louis", "MO", "314"), ("Omaha", "NE", "402"), ("Tulsa", "OK", "918"), ("Oklahoma City", "OK", "405"),
    ("Fort Smith", "AR", "479"), ("Memphis", "TN", "901"), ("Nashville", "TN", "615"), ("Knoxville", "TN", "865"),
    ("Louisville", "KY", "502"), ("Indianapolis", "IN", "317"), ("Columbus", "OH", "614"),
    ("Cleveland", "OH", "216"), ("Cincinnati", "OH", "513"), ("Detroit", "MI", "313"),
    ("Grand Rapids", "MI", "616"), ("Milwaukee", "WI", "414"), ("Madison", "WI", "608"),
    ("Minneapolis", "MN", "612"), ("Des Moines", "IA", "515"), ("Chicago", "IL", "312"), ("Peoria", "IL", "309"),
    ("Atlanta", "GA", "404"), ("Savannah", "GA", "912"), ("Charlotte", "NC", "704"), ("Raleigh", "NC", "919"),
    ("Greensboro", "NC", "336"), ("Richmond", "VA", "804"), ("Norfolk", "VA", "757"), ("Baltimore", "MD", "410"),
    ("Philadelphia", "PA", "215"), ("Pittsburgh", "PA", "412"), ("Buffalo", "NY", "716"), ("Albany", "NY", "518"),
    ("Hartford", "CT", "860"), ("Providence", "RI", "401"), ("Worcester", "MA", "508"), ("Newark", "NJ", "973"),
    ("Miami", "FL", "305"), ("Orlando", "FL", "407"), ("Tampa", "FL", "813"), ("Jacksonville", "FL", "904"),
    ("Birmingham", "AL", "205"), ("Mobile", "AL", "251"), ("New Orleans", "LA", "504"), ("Baton Rouge", "LA", "225"),
    ("Jackson", "MS", "601"), ("Charleston", "SC", "843"), ("Columbia", "SC", "803"), ("Wichita", "KS", "316"),
    ("Lubbock", "TX", "806"), ("Corpus Christi", "TX", "361"), ("McAllen", "TX", "956"), ("Laredo", "TX", "956"),
    ("Billings", "MT", "406"), ("Fargo", "ND", "701"), ("Sioux Falls", "SD", "605"), ("Anchorage", "AK", "907"),
]

HOODS = [
    "Northside", "Eastgate", "Old Town", "Midtown", "Riverside", "Westview", "Cedar Park", "Hillcrest",
    "Southpoint", "Maple Heights", "Downtown", "the Heights", "Lakewood", "Pine Ridge", "Fairview", "Oak Grove",
    "Brookside", "Sunnyslope", "Mill Creek", "Harbor View", "Spring Hill", "Stonegate", "Willow Bend",
    "Parkside", "Elm Terrace", "Ironwood", "Canyon Crest", "Bayshore", "Greenfield", "Rosedale", "Sherwood",
    "Kingsley", "West End", "Eastside", "the Flats", "Foxboro", "Meadowbrook", "Highland Park", "Cobblestone",
    "Linden Hills", "Clearwater", "Shady Grove", "Red Oak", "Valley View", "Arbor Lake", "Summit", "Briarwood",
]

STREETS = [
    "Maple Ave", "Elm St", "Industrial Blvd", "Commerce Dr", "3rd St", "Main St", "Oak St", "Pine St",
    "Cedar Ln", "Lincoln Ave", "Washington Blvd", "Park Ave", "Broadway", "Center St", "Jefferson St",
    "Mill Rd", "Church St", "Market St", "River Rd", "Highland Ave", "Sunset Blvd", "Grand Ave", "Walnut St",
    "Chestnut St", "Franklin Ave", "Madison Ave", "Spring St", "Lake Dr", "Hillside Rd", "Valley Pkwy",
    "Orchard Ln", "Railroad Ave", "Depot St", "Airport Rd", "Fairground Rd", "Colfax Ave", "Union St",
    "Frontage Rd", "County Rd 12", "Route 9", "W 7th St", "E 14th Ave", "N Sheridan Rd", "S Mesa Dr",
]

FIRST = [
    "Maria", "James", "Linda", "Robert", "Patricia", "Michael", "Jennifer", "David", "Elizabeth", "Carlos",
    "Rosa", "Luis", "Ana", "Jose", "Guadalupe", "Miguel", "Sofia", "Diego", "Wei", "Mei", "Hiroshi", "Yuki",
    "Minh", "Linh", "Priya", "Raj", "Aisha", "Omar", "Fatima", "Tariq", "DeShawn", "Keisha", "Tyrone", "Monique",
    "Jamal", "Latoya", "Brian", "Karen", "Kevin", "Susan", "Gary", "Donna", "Frank", "Cheryl", "Dennis", "Brenda",
    "Tom", "Barb", "Ed", "Marge", "Walt", "Dolores", "Hank", "Peggy", "Sven", "Ingrid", "Olga", "Dmitri",
    "Tomasz", "Agnieszka", "Kofi", "Ama", "Chidi", "Ngozi", "Tuan", "Hoa", "Sione", "Leilani", "Kai", "Malia",
    "Ray", "Bev", "Sam", "Pat", "Chris", "Jordan", "Taylor", "Alex", "Marcus", "Denise", "Gloria", "Arturo",
    "Beatriz", "Ernesto", "Yolanda", "Ruben", "Irma", "Hector", "Lupe", "Ramon", "Teresa", "Joaquin", "Nadia",
    "Samir", "Layla", "Hassan", "Grace", "Esther", "Ruth", "Paul", "Daniel", "Joyce", "Russell", "Vicki",
]

LAST = [
    "Garcia", "Smith", "Nguyen", "Johnson", "Martinez", "Williams", "Brown", "Lopez", "Kim", "Patel", "Davis",
    "Rodriguez", "Miller", "Hernandez", "Wilson", "Chen", "Anderson", "Thomas", "Moore", "Jackson", "Lee",
    "Perez", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Reyes", "Allen",
    "King", "Wright", "Scott", "Torres", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera",
    "Campbell", "Mitchell", "Carter", "Roberts", "Okafor", "Mensah", "Kowalski", "Novak", "Larsen", "Olsen",
    "Haddad", "Khan", "Tran", "Pham", "Yamamoto", "Sato", "Singh", "Gupta", "Alvarez", "Castillo", "Ortiz",
]

SITE_WORDS = ["shop", "co", "service", "works", "team", "home", "hq", "online"]


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", s.lower()) or "info"


def phone(rng, c):
    ac = c["ac"]
    last = "01%02d" % rng.randint(0, 99)
    fmt = wchoice(rng, [("d", 5), ("p", 3), ("dot", 2), ("sp", 1)])
    if fmt == "d":
        return "%s-555-%s" % (ac, last)
    if fmt == "p":
        return "(%s) 555-%s" % (ac, last)
    if fmt == "dot":
        return "%s.555.%s" % (ac, last)
    return "%s 555 %s" % (ac, last)


def email(rng, c):
    if c.get("biz") and chance(rng, 0.6):
        return "%s@%s.example.com" % (pick(rng, ["info", "hello", "jobs", "orders", "office", "contact"]),
                                      slug(c["biz"])[:18])
    base = pick(rng, [slug(c["name"]) + "." + slug(c["last"]), slug(c["name"]) + str(rng.randint(2, 99)),
                      slug(c["name"][0] + c["last"]), slug(c["name"]) + slug(c["last"])[:3] + str(rng.randint(70, 99))])
    return base + "@example.com"


def website(rng, c):
    key = slug(c.get("biz") or (c["name"] + c["last"]))[:20]
    return pick(rng, ["%s.example.com", "www.%s.example.com", "%s%s.example.com" % ("%s", pick(rng, SITE_WORDS))]) % key


def price_fn(lo, hi):
    def f(rng, c):
        v = rng.randint(lo, hi)
        step = 5 if hi < 200 else (10 if hi < 1000 else (50 if hi < 10000 else 250))
        v = max(step, int(round(v / step)) * step)
        if v == 420:
            v = 425
        return money(v)
    return f


def money(v):
    return "${:,}".format(v)


def street_number(rng, c):
    while True:
        n = rng.choice([rng.randint(10, 99), rng.randint(100, 999), rng.randint(1000, 9899)])
        if n != 420:
            return str(n)


def age_word(n):
    return {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
            11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
            17: "seventeen"}[n]


def teen_age(rng, c):
    return str(rng.randint(13, 17))


def kid_age(rng, c):
    return str(rng.randint(3, 12))


def age_range(rng, c):
    lo = rng.randint(4, 12)
    hi = lo + rng.randint(2, 5)
    sep = pick(rng, ["–", "-", " to ", "-"])
    return "%d%s%d" % (lo, sep, hi)


def year(rng, c):
    return str(rng.randint(1978, 2021))


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date_fn(rng, c):
    m = rng.randint(0, 11)
    d = rng.randint(1, 28)
    style = rng.randint(0, 3)
    if style == 0:
        return "%s %d" % (MONTHS[m], d)
    if style == 1:
        return "%s, %s %d" % (DAYS[rng.randint(0, 6)][:3], MONTHS[m][:3], d)
    if style == 2:
        return "%d/%d" % (m + 1, d)
    return "%s %s %d" % (DAYS[rng.randint(0, 6)], MONTHS[m], d)


def time_fn(rng, c):
    h = rng.randint(7, 19)
    mins = pick(rng, ["", "", ":30", ":00", ":15"])
    ap = "am" if h < 12 else "pm"
    h12 = h if h <= 12 else h - 12
    return "%d%s%s%s" % (h12, mins, pick(rng, ["", " "]), pick(rng, [ap, ap.upper(), ap[0] + "." + ap[1] + "."]))


VOCAB = {
    "name": FIRST, "name2": FIRST, "name3": FIRST, "last": LAST, "hood": HOODS, "hood2": HOODS, "street": STREETS,
    "street2": STREETS, "num": street_number, "phone": phone, "email": email, "site": website,
    "day": DAYS, "day2": DAYS, "weekend_day": ["Saturday", "Sunday"], "month": MONTHS, "date": date_fn,
    "date2": date_fn, "time": time_fn, "time2": time_fn, "teen_age": teen_age, "teen_age2": teen_age,
    "kid_age": kid_age, "kid_age2": kid_age, "age_range": age_range, "year": year,
    "n_small": [str(i) for i in range(2, 9)], "booth": [str(i) for i in range(3, 88)],
    "landmark": ["the library", "the dog park", "the old courthouse", "the fire station", "the post office",
                 "the Walgreens", "the Kroger", "the ballfields", "the water tower", "the river trail",
                 "the Home Depot", "the rec center", "the hospital", "the bus depot", "the Safeway",
                 "Lincoln Elementary", "the Methodist church", "the farmers market lot", "the light rail stop",
                 "the YMCA", "the golf course", "the DMV", "the Costco", "the big roundabout"],
    "city2": [c[0] for c in CITIES],
    "kid_rel": ["son", "daughter", "grandson", "granddaughter", "nephew", "niece"],
    "kid_rel2": ["son", "daughter"],
    "kids": ["kids", "boys", "kiddos", "children"],
}

# ----------------------------------------------------------------------------------------------------------------
# Goods for sale: per kind, (noun, "Brand|Brand|...", low price, high price, [detail sentences])
# Base text never uses the cue words (those come only from the cue pool further down).
# ----------------------------------------------------------------------------------------------------------------

ITEMS = {
    "furniture": [
        ("sectional sofa", "Ashley|La-Z-Boy|West Elm|Rooms To Go|Ethan Allen|Bassett", 150, 900,
         ["Seats five or six comfortably.", "Gray fabric, no stains or tears.", "Comes apart into three pieces.",
          "About nine feet on the long side.", "Cushions are still firm and the covers zip off for washing."]),
        ("loveseat", "Ashley|Bassett|Rooms To Go|Wayfair|Flexsteel", 60, 350,
         ["Navy blue, fits a small apartment.", "Two throw pillows included.", "Sturdy frame, no squeaks.",
          "62 inches wide."]),
        ("recliner", "La-Z-Boy|Lane|Flexsteel|Ashley", 60, 350,
         ["Reclines smoothly, handle works.", "Brown microfiber.", "Rocker recliner, great for a nursery or den.",
          "Power recline, cord included."]),
        ("dining table with six chairs", "Pottery Barn|Ashley|Amish-built|Crate & Barrel|Broyhill", 120, 750,
         ["Solid oak top.", "Extends with a leaf to seat eight.", "Chairs are sturdy; two have small scuffs.",
          "Table is 72 inches long.", "Farmhouse style, distressed finish on purpose."]),
        ("coffee table", "Wayfair|Target|handmade|West Elm|Ashley", 25, 200,
         ["Lift-top with storage inside.", "Glass top, metal legs.", "Reclaimed barn wood.",
          "Round, 36 inches across."]),
        ("queen bed frame", "Zinus|Thomasville|Ashley|Ikea|Pottery Barn", 60, 400,
         ["Headboard and footboard included.", "Mattress not included.", "Comes apart with an Allen key.",
          "Slats are all there, no box spring needed."]),
        ("king mattress", "Tempur-Pedic|Sealy|Serta|Purple|Casper", 150, 700,
         ["Always had a mattress protector on it.", "About three years old.", "Medium firm.",
          "No stains, no sagging."]),
        ("dresser", "Ashley|Broyhill|Ikea|Thomasville|Bassett", 50, 300,
         ["Six drawers, all slide smoothly.", "Dovetail joints on the drawers.", "Matching mirror available.",
          "Painted white, a couple of chips on the top edge."]),
        ("bookshelf", "Ikea|Sauder|Bush|handmade", 20, 150,
         ["Five shelves, adjustable.", "Six feet tall.", "Anchors to the wall, hardware included.",
          "Dark walnut finish."]),
        ("office desk", "Bush|Sauder|Herman Miller|Ikea|Staples", 40, 300,
         ["L-shaped corner desk.", "Two file drawers on the right side.", "Cable tray underneath.",
          "Sit-stand electric frame, goes up and down quietly."]),
        ("bunk beds", "Dorel|Max & Lily|Ashley|Pottery Barn Kids", 80, 400,
         ["Twin over twin, can split into two beds.", "Ladder and guard rail included.",
          "Solid pine.", "Mattresses not included."]),
        ("patio set", "Hampton Bay|Polywood|Costco|Lowe's", 80, 600,
         ["Table, umbrella and four chairs.", "Cushions stored indoors over winter.",
          "Aluminum frame, no rust.", "Seats six."]),
        ("entertainment center", "Sauder|Ashley|handmade|Bush", 30, 200,
         ["Fits up to a 65-inch TV.", "Glass doors on both sides.", "Lots of storage for games and DVDs."]),
        ("china cabinet", "Broyhill|Thomasville|antique|Ethan Allen", 80, 400,
         ["Lighted glass shelves.", "Two pieces, top lifts off the base.", "Came from my grandmother's house."]),
        ("pair of nightstands", "Ashley|West Elm|Ikea|Pottery Barn", 40, 180,
         ["Two drawers each.", "Mid-century style.", "Match the dresser listed separately."]),
        ("futon", "DHP|Walmart|Wayfair|Ikea", 40, 180,
         ["Folds flat into a full-size bed.", "Black frame, gray cover.", "Good for a guest room."]),
        ("set of three bar stools", "Target|Wayfair|Home Goods|Ashley", 40, 150,
         ["Counter height, swivel seats.", "Backs are padded.", "24-inch seat height."]),
        ("armoire", "Thomasville|antique|Broyhill", 60, 350,
         ["Cedar lined.", "Shelves inside plus two drawers at the bottom.", "Heavy, bring two people."]),
        ("TV stand", "Walker Edison|Sauder|Ikea|Target", 25, 120,
         ["Holds up to 60 inches.", "Barn-door style.", "Cord holes in the back."]),
        ("rocking chair", "Amish-built|Cracker Barrel|antique|Shermag", 30, 200,
         ["Solid wood, very comfortable.", "Porch rocker, painted green.", "Glider with ottoman."]),
        ("accent chair", "West Elm|Target|Wayfair|Article", 35, 220,
         ["Velvet, mustard yellow.", "Tufted back.", "Wooden legs, very sturdy."]),
        ("kitchen island cart", "Home Styles|Ikea|Wayfair", 40, 200,
         ["Butcher block top.", "Locking casters.", "Towel bar and spice rack on the side."]),
        ("filing cabinet", "HON|Steelcase|Staples", 20, 120,
         ["Four drawers, locks with key.", "Legal size.", "Heavy steel."]),
        ("vanity with mirror", "Ikea|Wayfair|Target", 40, 180,
         ["Stool included.", "Mirror has lights around it.", "Three drawers on each side."]),
        ("console table", "Pottery Barn|Home Goods|handmade", 40, 250,
         ["Fits behind a couch.", "Two baskets included.", "Metal and wood."]),
    ],
    "appliances": [
        ("washer and dryer set", "Whirlpool|Maytag|LG|Samsung|GE|Kenmore", 250, 900,
         ["Electric dryer, 240V plug.", "Front loaders, stackable kit included.", "Top-load washer, no agitator.",
          "Both work perfectly, just upgraded."]),
        ("refrigerator", "Whirlpool|Frigidaire|GE|Samsung|LG|Kenmore", 150, 1100,
         ["Double-door style with the freezer drawer on the bottom.", "Side by side, stainless finish.",
          "Water dispenser works, filter replaced last month.", "Holds temperature perfectly."]),
        ("chest freezer", "Frigidaire|GE|Hisense|Kenmore", 60, 300,
         ["7 cubic feet.", "Keeps everything frozen solid.", "Has a basket and a drain plug."]),
        ("gas range", "GE|Whirlpool|Frigidaire|Samsung", 120, 600,
         ["Five burners with a griddle in the middle.", "Self-cleaning oven.", "Convection fan works."]),
        ("dishwasher", "Bosch|Whirlpool|KitchenAid|GE", 80, 400,
         ["Very quiet, third rack.", "Stainless tub.", "Removed during a kitchen remodel, hoses included."]),
        ("microwave", "Panasonic|GE|Sharp|Whirlpool", 20, 120,
         ["Over-the-range with a vent fan.", "Countertop, 1100 watts.", "Inverter model, heats evenly."]),
        ("window AC unit", "Frigidaire|LG|GE|Midea", 60, 280,
         ["8,000 BTU, cools a bedroom fast.", "Remote included.", "U-shaped, super quiet."]),
        ("dehumidifier", "Frigidaire|hOmeLabs|GE|Midea", 40, 180,
         ["50 pint.", "Has a hose outlet for continuous drain.", "Auto shutoff when the bucket is full."]),
        ("mini fridge", "Galanz|Frigidaire|Magic Chef|Danby", 40, 150,
         ["3.1 cubic feet with a small freezer section.", "Retro red color.", "Reversible door."]),
        ("stand mixer", "KitchenAid|Cuisinart|Bosch", 80, 300,
         ["Tilt-head, 5 quart.", "Dough hook, whisk and paddle included.", "Pistachio green."]),
        ("air fryer", "Ninja|Cosori|Instant Vortex|Philips", 25, 100,
         ["Dual basket.", "6 quart, dishwasher-safe basket.", "Used a handful of times."]),
        ("vacuum", "Dyson|Shark|Bissell|Miele", 40, 300,
         ["Cordless, two batteries.", "Pet hair attachment included.", "Suction is strong, filters washed."]),
        ("water heater", "Rheem|A.O. Smith|Bradford White", 150, 500,
         ["40 gallon gas.", "Only two years old, replaced with tankless.", "Still has the warranty sticker."]),
        ("upright freezer", "Frigidaire|GE|Whirlpool", 150, 450,
         ["Frost free.", "13 cubic feet.", "Door alarm works."]),
        ("gas grill", "Weber|Char-Broil|Traeger|Nexgrill", 80, 500,
         ["Four burners plus a side burner.", "Cover included.", "Propane tank not included."]),
        ("sewing machine", "Singer|Brother|Janome|Bernina", 40, 350,
         ["Computerized, 100 stitch patterns.", "Comes with a carrying case.", "Serviced last spring."]),
        ("wine cooler", "NewAir|Frigidaire|Koolatron", 60, 250,
         ["Holds 28 bottles.", "Dual zone.", "Glass door, stainless trim."]),
        ("range hood", "Broan|Cosmo|Zephyr", 40, 250,
         ["30 inch, stainless.", "Three fan speeds and a light.", "Ducted or ductless."]),
        ("countertop oven", "Breville|Cuisinart|Ninja", 50, 200,
         ["Fits a 12-inch pizza.", "Convection setting.", "Crumb tray cleaned."]),
        ("space heater", "De'Longhi|Lasko|Vornado|Dyson", 20, 120,
         ["Oil-filled radiator style.", "Tip-over shutoff.", "Thermostat dial."]),
        ("electric dryer", "Whirlpool|Maytag|Samsung|Kenmore", 120, 400,
         ["Moisture sensor.", "Lint trap cleaned after every load.", "Cord included."]),
        ("stackable washer", "LG|Bosch|Samsung|Miele", 200, 700,
         ["24 inch, fits a closet.", "Ventless dryer available too.", "Works on 120V."]),
    ],
    "electronics": [
        ("55-inch TV", "Samsung|LG|TCL|Sony|Vizio|Hisense", 150, 550,
         ["4K, smart TV with apps built in.", "Remote and stand included.", "No dead pixels.",
          "Wall mount available for $20 more."]),
        ("laptop", "Dell|HP|Lenovo|Asus|Acer|MacBook Air", 120, 900,
         ["8GB RAM, 256GB SSD.", "Battery lasts about five hours.", "Clean Windows install.",
          "Charger included.", "Screen is perfect, small scuff on the lid."]),
        ("iPad", "Apple", 120, 450,
         ["9th generation, 64GB, wifi.", "Always in a case.", "Pencil included."]),
        ("iPhone 13", "Apple", 250, 500,
         ["Unlocked, works with any carrier.", "Battery health 88%.", "No cracks, screen protector on since day one."]),
        ("Galaxy S22", "Samsung", 180, 400,
         ["Unlocked.", "128GB.", "Comes with a case and a fast charger."]),
        ("PS5", "Sony", 300, 450,
         ["Disc version.", "Two controllers and three games.", "Runs cool and quiet."]),
        ("Xbox Series S", "Microsoft", 160, 250,
         ["512GB.", "One controller.", "Factory reset and ready to go."]),
        ("Nintendo Switch", "Nintendo", 140, 280,
         ["OLED model.", "Dock, joy-cons and a carrying case.", "Mario Kart included."]),
        ("gaming PC", "custom build|iBuyPower|CyberPowerPC|Alienware", 500, 1500,
         ["RTX 3070, Ryzen 7, 32GB RAM.", "1TB NVMe drive.", "RGB case with glass side panel.",
          "Runs everything at 1440p."]),
        ("27-inch monitor", "Dell|LG|Asus|Acer|BenQ", 60, 250,
         ["1440p, 144Hz.", "Height-adjustable stand.", "HDMI and DisplayPort."]),
        ("soundbar", "Sonos|Bose|Vizio|Yamaha|JBL", 50, 350,
         ["Wireless subwoofer included.", "Connects with HDMI ARC.", "Remote included."]),
        ("Bluetooth speaker", "JBL|Bose|Ultimate Ears|Sony", 25, 150,
         ["Waterproof.", "Battery lasts all afternoon.", "Charging cable included."]),
        ("DSLR camera", "Canon|Nikon|Sony|Fujifilm", 200, 900,
         ["18-55mm kit lens.", "Low shutter count.", "Two batteries, charger and a bag."]),
        ("drone", "DJI", 150, 700,
         ["Mini 2, fly more combo.", "Three batteries.", "Never crashed."]),
        ("printer", "HP|Brother|Canon|Epson", 30, 150,
         ["Laser, black and white, prints fast.", "Wireless.", "Comes with a spare toner."]),
        ("wifi router", "Netgear|TP-Link|Asus|Eero", 25, 120,
         ["Mesh system, three units.", "Covers a two-story house.", "Factory reset."]),
        ("smartwatch", "Apple Watch|Garmin|Fitbit|Samsung", 60, 250,
         ["45mm case.", "Extra bands.", "Tracks runs and sleep."]),
        ("noise-cancelling headphones", "Sony|Bose|Apple|Sennheiser", 60, 250,
         ["Case included.", "Ear pads replaced.", "Bluetooth pairs instantly."]),
        ("record player", "Audio-Technica|Crosley|Fluance|Technics", 50, 400,
         ["Belt drive.", "Built-in preamp.", "New stylus last year."]),
        ("projector", "Epson|BenQ|Optoma", 80, 400,
         ["1080p.", "Bright enough for a living room with the lights on.", "Screen included."]),
        ("e-reader", "Kindle|Kobo", 30, 110,
         ["Paperwhite, backlit.", "Waterproof.", "Cover included."]),
        ("home security cameras", "Ring|Arlo|Wyze|Eufy", 40, 200,
         ["Set of four with the base station.", "Night vision.", "Mounting hardware included."]),
        ("stereo receiver", "Denon|Yamaha|Onkyo|Pioneer", 60, 300,
         ["7.1 channel.", "Remote included.", "Works with my old tower speakers too."]),
        ("VR headset", "Meta Quest|HTC Vive|PlayStation VR", 120, 400,
         ["128GB.", "Elite strap.", "Both controllers work."]),
        ("graphing calculator", "Texas Instruments|Casio", 30, 90,
         ["TI-84 Plus CE.", "Rechargeable.", "Cover included."]),
    ],
    "clothing": [
        ("winter coat", "North Face|Columbia|Patagonia|Canada Goose|L.L.Bean", 30, 250,
         ["Women's medium.", "Men's large.", "Down filled, very warm.", "Hood detaches."]),
        ("leather jacket", "Wilsons|Schott|Harley-Davidson|AllSaints", 40, 250,
         ["Men's XL.", "Women's small.", "Zip-out liner."]),
        ("work boots", "Red Wing|Timberland|Carhartt|Wolverine", 40, 180,
         ["Size 11 wide.", "Steel toe.", "Worn twice, wrong size."]),
        ("sneakers", "Nike|Adidas|New Balance|Jordan|Hoka", 30, 220,
         ["Men's size 10.", "Women's size 8.", "Worn once, box included."]),
        ("wedding dress", "David's Bridal|Maggie Sottero|Vera Wang", 150, 900,
         ["Size 10, altered for a 5'6\" bride with heels.", "Ivory.", "Professionally cleaned and boxed."]),
        ("men's suit", "Jos. A. Bank|Calvin Klein|Hugo Boss|Brooks Brothers", 40, 250,
         ["42R jacket, 34 waist pants.", "Charcoal gray.", "Dry cleaned."]),
        ("lot of jeans", "Levi's|Wrangler|Lucky|Gap", 20, 60,
         ["Eight pairs, 32x32.", "Women's size 6, mostly bootcut.", "No rips except the ones that came that way."]),
        ("scrubs", "Figs|Cherokee|Grey's Anatomy", 15, 60,
         ["Five sets, women's small.", "Navy and ceil blue.", "Washed, no stains."]),
        ("handbag", "Coach|Michael Kors|Kate Spade|Fossil", 30, 180,
         ["Crossbody.", "Dust bag included.", "Tan, barely carried."]),
        ("cowboy boots", "Ariat|Justin|Lucchese|Tony Lama", 50, 300,
         ["Size 9.5.", "Square toe.", "Resoled last year."]),
        ("ski jacket and pants", "Burton|Columbia|Spyder|Helly Hansen", 40, 200,
         ["Men's medium.", "Waterproof, pit zips.", "Worn one season."]),
        ("rain jacket", "Patagonia|Marmot|REI|Columbia", 20, 100,
         ["Packs into its own pocket.", "Women's large.", "Bright yellow."]),
        ("sports jerseys", "Nike|Fanatics|Mitchell & Ness", 20, 120,
         ["Home and away.", "Stitched numbers.", "Men's XL."]),
        ("men's dress shirts", "Brooks Brothers|Van Heusen|J.Crew", 15, 60,
         ["Ten shirts, 16.5 neck.", "Non-iron.", "Mix of white and blue."]),
        ("wool sweaters", "Pendleton|J.Crew|Banana Republic|Gap", 15, 80,
         ["Three sweaters, women's medium.", "Hand wash only.", "Cable knit."]),
        ("running shoes", "Brooks|Asics|Saucony|Hoka", 25, 100,
         ["Women's 7.5.", "Less than 50 miles on them.", "Neutral cushion."]),
        ("motorcycle jacket", "Alpinestars|Icon|Harley-Davidson", 60, 250,
         ["Armor in shoulders and elbows.", "Men's 44.", "Mesh panels for summer."]),
        ("Halloween costumes", "Spirit|homemade|Target", 5, 40,
         ["Adult sizes.", "Dinosaur, pirate and astronaut.", "Worn once each."]),
        ("baseball caps", "New Era|'47|Nike", 5, 30,
         ["Twelve caps, fitted 7 1/4.", "Some still have stickers.", "Team logos."]),
        ("kids' winter coat", "Columbia|North Face|Carter's|Old Navy", 10, 45,
         ["Size 7/8.", "Warm and waterproof.", "Hood with faux fur trim."]),
        ("lot of boys' clothes", "Old Navy|Gap|Children's Place|Carter's", 15, 50,
         ["Size 8, about 30 pieces.", "Jeans, tees and two hoodies.", "All washed and folded."]),
        ("kids' winter boots", "Sorel|Kamik|Columbia", 10, 35,
         ["Size 2.", "Worn one winter.", "Waterproof."]),
        ("maternity clothes", "Motherhood|Old Navy|Gap", 20, 70,
         ["Size medium.", "About twenty pieces, jeans to dresses.", "Smoke-free home."]),
        ("men's dress shoes", "Allen Edmonds|Cole Haan|Florsheim|Johnston & Murphy", 30, 150,
         ["Size 11.", "Oxblood color.", "Shoe trees included."]),
    ],
    "baby_gear": [
        ("stroller", "UPPAbaby|Graco|Chicco|Baby Jogger|Bugaboo|Nuna", 40, 450,
         ["Folds with one hand.", "Rain cover and cup holder included.", "Bassinet attachment available.",
          "Tires hold air fine."]),
        ("infant car seat", "Graco|Chicco|Nuna|Britax|Maxi-Cosi", 30, 200,
         ["Never in an accident.", "Expires in 2029, date on the sticker.", "Two bases included.",
          "Cover washed."]),
        ("crib", "DaVinci|Graco|Delta|Babyletto|Storkcraft", 50, 250,
         ["Converts to a toddler bed.", "Mattress included if you want it.", "Solid wood, no teeth marks."]),
        ("pack 'n play", "Graco|Joovy|4moms|Chicco", 25, 120,
         ["With the bassinet insert and changer.", "Folds into its bag.", "Used at grandma's house only."]),
        ("high chair", "Stokke|Graco|Ikea|4moms|Chicco", 15, 200,
         ["Tray goes in the dishwasher.", "Adjustable height.", "Straps recently washed."]),
        ("baby swing", "Graco|Fisher-Price|4moms", 25, 120,
         ["Plugs in or takes batteries.", "Six speeds and music.", "Our baby loved it."]),
        ("bassinet", "Halo|Graco|Chicco", 30, 150,
         ["Swivels over the bed.", "Sheets included.", "Nightlight and sounds."]),
        ("changing table", "Storkcraft|Ikea|Delta", 30, 120,
         ["Three shelves.", "Pad included.", "White."]),
        ("baby carrier", "Ergobaby|Baby Bjorn|Tula|Lillebaby", 25, 120,
         ["Newborn insert included.", "Four carry positions.", "Machine washable."]),
        ("video baby monitor", "Nanit|Infant Optics|Owlet|Motorola", 40, 200,
         ["Wall mount included.", "Night vision.", "Parent unit has a long battery life."]),
        ("toddler bed", "Delta|KidKraft|Ikea", 30, 110,
         ["Uses a crib mattress.", "Guard rails on both sides.", "Race car style."]),
        ("bouncer", "Baby Bjorn|Fisher-Price|4moms", 20, 120,
         ["Mesh seat.", "Toy bar included.", "Folds flat."]),
        ("activity jumper", "Fisher-Price|Evenflo|Baby Einstein", 20, 70,
         ["All toys attached.", "Height adjusts.", "Music still works."]),
        ("kids' bike with training wheels", "Schwinn|Huffy|Trek|Specialized", 20, 90,
         ["16-inch wheels.", "Helmet included.", "Blue with streamers."]),
        ("wagon", "Radio Flyer|Veer|Wonderfold", 40, 300,
         ["Canopy included.", "Folds for the trunk.", "Seats two."]),
        ("booster seat", "Graco|Evenflo|Chicco", 15, 60,
         ["High back, converts to backless.", "Cup holders.", "Cover washed."]),
        ("lot of baby clothes", "Carter's|Gerber|Old Navy|Gap", 15, 60,
         ["Size newborn to 3 months.", "About 40 pieces.", "Onesies, sleepers and hats."]),
        ("train table", "KidKraft|Imaginarium|Melissa & Doug", 30, 120,
         ["Track pieces and trains included.", "Drawer underneath.", "Reversible top."]),
        ("toy kitchen", "KidKraft|Step2|Melissa & Doug", 25, 100,
         ["Pretend food included.", "Phone and sink.", "Easy to move."]),
        ("bottle sterilizer", "Baby Brezza|Philips Avent|Dr. Brown's", 20, 90,
         ["Dries too.", "Rack for six bottles.", "Descaled."]),
        ("baby gate set", "Regalo|Summer|Evenflo", 15, 60,
         ["Pressure mount, no drilling.", "Two gates.", "Walk-through door."]),
    ],
    "tools": [
        ("table saw", "DeWalt|SawStop|Bosch|Ryobi|Delta", 150, 1500,
         ["Rolling stand.", "Blade guard and fence included.", "Cuts true, new blade installed."]),
        ("miter saw", "DeWalt|Makita|Milwaukee|Bosch|Hitachi", 80, 400,
         ["12 inch sliding compound.", "Laser guide.", "Stand sold separately."]),
        ("cordless drill set", "DeWalt|Milwaukee|Makita|Ryobi|Ridgid", 50, 250,
         ["Drill, impact driver, two batteries and charger.", "Hard case.", "Batteries hold a charge."]),
        ("air compressor", "Porter-Cable|California Air Tools|Craftsman|Husky", 60, 400,
         ["Pancake, 6 gallon.", "Quiet model.", "Hose and fittings included."]),
        ("pressure washer", "Simpson|Honda|Ryobi|Generac|Sun Joe", 80, 400,
         ["3100 PSI, gas.", "Four tips.", "Starts on the first pull."]),
        ("portable generator", "Honda|Champion|Generac|Predator|Westinghouse", 200, 1200,
         ["Inverter, quiet enough for camping.", "Electric start.", "Run every month to keep it in shape."]),
        ("lawn mower", "Honda|Toro|Craftsman|Ego|Husqvarna", 60, 450,
         ["Self-propelled.", "Bagger included.", "New blade and oil this spring."]),
        ("leaf blower", "Stihl|Echo|Ego|Ryobi", 40, 220,
         ["Backpack style.", "Battery and charger included.", "Strong and light."]),
        ("chainsaw", "Stihl|Husqvarna|Echo|Poulan", 80, 450,
         ["18 inch bar.", "Chain just sharpened.", "Case included."]),
        ("extension ladder", "Werner|Gorilla|Louisville", 60, 300,
         ["28 foot, fiberglass.", "Rated 300 lbs.", "Bring a truck or roof rack."]),
        ("rolling tool chest", "Craftsman|Husky|Snap-on|Matco|Harbor Freight", 100, 1800,
         ["Ball-bearing drawers.", "Keys included.", "Top chest and bottom cabinet."]),
        ("MIG welder", "Lincoln|Hobart|Miller|Eastwood", 200, 900,
         ["Runs on 120V.", "Gas bottle not included.", "Helmet and gloves included."]),
        ("shop vac", "Ridgid|Craftsman|Vacmaster", 25, 100,
         ["12 gallon.", "Wet or dry.", "New filter."]),
        ("mechanic's socket set", "Craftsman|GearWrench|Tekton|Snap-on", 40, 300,
         ["SAE and metric.", "Ratchets included.", "Nothing missing from the case."]),
        ("wet tile saw", "DeWalt|Ridgid|QEP|MK Diamond", 80, 500,
         ["10 inch.", "Stand included.", "Pump works."]),
        ("framing nailer", "Paslode|Hitachi|Bostitch|DeWalt", 60, 250,
         ["Pneumatic.", "Two boxes of nails.", "Case included."]),
        ("floor jack and jack stands", "Arcan|Pittsburgh|Craftsman|Husky", 40, 200,
         ["3 ton.", "Low profile.", "Four stands."]),
        ("wheelbarrow", "True Temper|Ames|Jackson", 20, 80,
         ["Two wheels.", "Never-flat tire.", "Steel tray."]),
        ("router table", "Bosch|Kreg|Skil", 60, 300,
         ["Router included.", "Fence and featherboards.", "Bits included."]),
        ("bench grinder", "DeWalt|Jet|WEN", 30, 150,
         ["8 inch.", "Wire wheel on one side.", "Bolts to a bench."]),
        ("cement mixer", "Kobalt|Central Machinery|Red Lion", 100, 350,
         ["Electric.", "Drum cleaned out.", "Easy to tow by hand."]),
        ("drywall lift", "Telpro|Pittsburgh", 80, 250,
         ["Holds 11-foot sheets.", "Collapses for storage.", "Wheels lock."]),
    ],
}

# Spanish nouns for the same kinds (for "Se vende ..." ads)
ES_ITEMS = {
    "furniture": [("sala de tres piezas", 150, 600), ("comedor con 6 sillas", 150, 500), ("base de cama queen", 60, 250),
                  ("colchón king", 100, 400), ("ropero", 60, 250), ("cómoda", 50, 200), ("sofá cama", 80, 300),
                  ("literas", 80, 300), ("mesa de centro", 25, 120), ("vitrina", 80, 300), ("juego de recámara", 250, 900)],
    "appliances": [("lavadora", 100, 350), ("secadora", 100, 300), ("refrigerador", 150, 700), ("estufa de gas", 100, 400),
                   ("microondas", 20, 80), ("congelador", 80, 300), ("lavadora y secadora", 250, 700),
                   ("aire acondicionado de ventana", 60, 200), ("boiler", 150, 400)],
    "electronics": [("televisión de 55 pulgadas", 150, 450), ("laptop", 150, 600), ("celular desbloqueado", 100, 400),
                    ("PS4 con dos controles", 150, 250), ("bocina bluetooth", 25, 120), ("tablet", 60, 200)],
    "clothing": [("ropa de dama talla M", 20, 60), ("botas vaqueras", 50, 200), ("chamarra de piel", 40, 150),
                 ("vestido de novia", 150, 600), ("tenis Nike talla 9", 30, 120), ("lote de ropa de caballero", 20, 60)],
    "baby_gear": [("carriola", 40, 200), ("cuna", 60, 200), ("silla para carro", 30, 120), ("corral", 25, 80),
                  ("silla alta", 20, 70), ("ropa de bebé", 15, 50)],
    "tools": [("herramienta para construcción", 100, 600), ("taladro DeWalt", 50, 200), ("compresor de aire", 60, 300),
              ("podadora", 60, 300), ("escalera de 24 pies", 60, 200), ("planta de luz", 200, 800),
              ("sierra de mesa", 150, 600)],
}

ES_DETAILS = [
    "Está en muy buenas condiciones.", "Funciona perfectamente.", "Casi nueva, poco uso.", "Se usó muy poco.",
    "Tiene detalles mínimos, ver fotos.", "Ya no la necesito porque me mudo.", "Por cambio de casa.",
    "Todo funciona bien.", "Está limpia y lista para usarse.", "Compré otra y ya no tengo espacio.",
]
ES_PICKUP = [
    "Se recoge en {hood}.", "Puedo ayudar a cargar.", "Tiene que recogerla antes del {day_es}.",
    "Entrega cerca de {hood} por $20 extra.", "Traiga troca o camioneta, está pesado.",
]
VOCAB["day_es"] = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]

SIZE_RE = re.compile(r"\b(size|women's|men's|\d+x\d+|XL|small|medium|large|\d+R)\b", re.I)

SALE_REASON = [
    "Moving to {city2} at the end of the month.", "We upgraded and this one needs a new home.",
    "Downsizing after the kids moved out.", "Cleaning out the garage.", "Remodeling the {room}.",
    "Selling for my mom, she moved into a smaller place.", "Got a new one as a gift.",
    "It doesn't fit in the new apartment.", "Estate cleanout, more items coming.", "Just don't use it anymore.",
    "Bought the wrong size and missed the return window.", "Changed the layout of the {room}.",
    "Combining households.", "Relocating for work.", "Making room for a home gym.",
]
VOCAB["room"] = ["kitchen", "basement", "den", "spare bedroom", "living room", "garage", "office", "sunroom"]

SALE_COND = [
    "In great shape.", "Works perfectly.", "Gently used.", "Like new.", "Minor scuffs, see pictures.",
    "Normal wear for its age.", "Excellent condition.", "Good condition overall.", "Clean and ready to use.",
    "Everything works.", "Smoke-free, pet-free home.", "A couple of small scratches, nothing major.",
    "Barely used.", "Used but in good working order.", "Some wear on the corners.", "Well taken care of.",
]
SALE_COND_SHORT = ["like new", "excellent", "good cond.", "works great", "gently used", "great shape", "clean",
                   "used", "good condition", "exc cond"]

SALE_PICKUP = [
    "Pickup in {hood}.", "You pick up, {hood} near {landmark}.", "I can help load.",
    "Bring a helper, it's heavy.", "Can deliver within 10 miles for $20.", "Porch pickup available.",
    "Meet in {hood} or near {landmark}.", "Will hold with a deposit.", "Must be picked up by {day}.",
    "Ground floor, easy to load.", "Pickup after 5 on weekdays or Saturday morning.",
    "Located in {hood}.", "Second floor, I'll help carry it down.",
]
SALE_CONTACT = [
    "Text {phone}.", "Call or text {phone}.", "Email {email}.", "Reply here with your number.",
    "Message me through the site.", "{phone}, {name}.", "Call {phone} after 5.", "Text is best: {phone}.",
    "Reach me at {phone} or {email}.", "Send a message with a good time to come look.",
]
SALE_PRICE_NOTE = ["OBO", "obo", "firm", "or best offer", "negotiable", "", "", "", "cash", "or trade"]

TRADE = ["a kayak", "a smaller one", "a window AC", "tools", "a mountain bike", "a chest freezer", "a dresser"]
VOCAB["trade"] = TRADE

STORE = {
    "furniture": ["{hood} Furniture Exchange", "Second Chance Furniture", "Oak & Iron Consignment",
                  "Habitat ReStore {hood}", "The Sofa Barn", "Revive Home Consignment"],
    "appliances": ["{last} Appliance Repair & Sales", "Discount Appliance Outlet", "{hood} Appliance Depot",
                   "Reliable Used Appliances", "Scratch & Dent Appliance Center"],
    "electronics": ["{hood} Phone & PC Repair", "GameSwap {hood}", "TechCycle", "ByteBack Electronics",
                    "Pixel Fix"],
    "clothing": ["Threads Resale", "{hood} Closet Consignment", "The Boot Barn Outlet", "Second Look Boutique",
                 "Goodwill {hood}"],
    "baby_gear": ["Sprout & Sparrow Resale", "Kid to Kid {hood}", "Bundle Baby Consignment", "Once Upon a Child"],
    "tools": ["{last} Tool Exchange", "{hood} Pawn & Tool", "Contractor Surplus", "ToolTown Resale"],
}
STORE_LINES = [
    "{we_have} more in the showroom.", "Everything is tested before it goes on the floor.",
    "30-day warranty on this one.", "Delivery available for a small fee.", "We buy, sell and trade.",
    "Open Tuesday through Saturday, 10 to 6.", "Layaway available.", "Financing available with approved credit.",
    "Prices marked on every item.", "We also pick up donations.", "Trade-ins welcome.",
]


def goods(rng, c, kind, voice):
    noun, brands, lo, hi, details = pick(rng, ITEMS[kind])
    brand = pick(rng, brands.split("|"))
    c["noun"] = noun
    c["brand"] = brand
    last_word = noun.split()[-1]
    plural = last_word.endswith("s") and not last_word.endswith("ss") and not noun.startswith(("lot of", "set of", "pair of"))
    c.update(is_are="are" if plural else "is", has_have="have" if plural else "has", it_them="them" if plural else "it")
    cond_short = [x for x in SALE_COND_SHORT if not (kind in ("clothing", "furniture") and "work" in x)]
    cond_long = [x for x in SALE_COND if not (kind in ("clothing", "furniture") and "work" in x.lower())]
    price = price_fn(lo, hi)(rng, c)
    c["price"] = price
    note = pick(rng, SALE_PRICE_NOTE)
    pstr = (price + " " + note).strip()
    c["pstr"] = pstr
    det = rng.sample(details, min(len(details), rng.randint(1, 3)))
    sized = [d for d in det if SIZE_RE.search(d)]
    det = [d for d in det if d not in sized[1:]]
    bn = brand if brand not in ("handmade", "antique", "custom build", "homemade", "Amish-built") else brand
    item = ("%s %s" % (bn, noun)) if chance(rng, 0.75) else noun
    c["item"] = item
    c["a_item"] = ("an " if item[:1].lower() in "aeiou" else "a ") + item
    fields = [("Price", price), ("Condition", pick(rng, cond_short)), ("Brand", brand),
              ("Location", c["hood"] + ", " + c["city"])]
    if voice == "business":
        c["biz"] = c.fill(pick(rng, STORE[kind]))
        title = c.pick(["{item} - {price}", "{Item} in stock", "{biz}: {item}", "{item}, {price}, warranty"])
        sents = [c.pick(["{biz} has {a_item} in stock.", "Just in at {biz}: {item}.",
                         "Head over to {biz} on {street} to check out this {item}."])]
        sents += det
        sents += rng.sample([c.fill(x) for x in STORE_LINES], 2)
        sents.append(c.pick(["Price: {price}.", "Only {price}.", "{price}, tax included."]))
        sents.append(c.pick(["Call {phone}.", "{num} {street}, {phone}.", "Call or text {phone}.",
                             "{site}, {phone}."]))
        return title, sents, fields
    if voice == "terse":
        title = c.pick(["{item}", "{item} {pstr}", "{Item} - {pstr}", "{noun} {price}"])
        sents = [cap(item) + ".", pick(rng, cond_short).capitalize() + ".", pstr + ".",
                 c.pick(["Pickup {hood}.", "PU only.", "{hood}.", "Must go."]),
                 c.pick(["Txt {phone}", "{phone}", "Call {phone}", "Email {email}"])]
        if det and chance(rng, 0.5):
            sents.insert(1, det[0])
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{Item} for sale", "{item} - {price}", "FOR SALE: {item}"])
        sents = ["LIST:Brand: " + brand, "LIST:Condition: " + pick(rng, cond_short),
                 "LIST:" + det[0].rstrip("."), "LIST:Price: " + pstr,
                 "LIST:" + c.pick(["Pickup: {hood}", "Location: {hood}, {city}", "Pickup only, {hood}"]),
                 c.pick(SALE_CONTACT)]
        return title, sents, fields
    if voice == "chatty":
        title = c.pick(["{Item} for sale!", "Our {noun} {is_are} looking for a new family",
                        "{Item} - {price}", "Selling our {noun}"])
        sents = [c.pick(["Hi neighbors!", "Hello everyone,", "Hi all,", "Okay, here goes."]),
                 c.pick(SALE_REASON).rstrip(".") + c.pick([", so our {noun} {has_have} to go.",
                                                            ", which means the {noun} {has_have} to go.",
                                                            " and sadly the {noun} won't fit."]),
                 c.pick(["We got a lot of use out of {it_them}.", "We loved {it_them} but it's time.",
                         "Honestly a good buy.", "My spouse says it's time to let {it_them} go."])]
        sents += det
        sents.append(c.pick(cond_long))
        sents.append(c.pick(["Asking {pstr}.", "Looking to get {price} for {it_them}.", "{price} and {it_them}'s yours."]))
        sents.append(c.pick(SALE_PICKUP))
        sents.append(c.pick(SALE_CONTACT))
        return title, sents, fields
    # individual
    c["cond_short"] = pick(rng, cond_short)
    title = c.pick(["{Item}", "{Item} - {price}", "{item} for sale", "{Item}, {cond_short}", "{Item} {pstr}"])
    sents = [c.pick(["Selling my {item}.", "For sale: {item}.", "I have {a_item} for sale.",
                     "Selling {a_item}.", "{Item} for sale."])]
    if chance(rng, 0.6):
        sents.append(c.pick(SALE_REASON))
    sents += det
    sents.append(c.pick(cond_long))
    sents.append(c.pick(["Asking {pstr}.", "{pstr}.", "Price is {pstr}.", "{price}, no holds."]))
    if chance(rng, 0.8):
        sents.append(c.pick(SALE_PICKUP))
    sents.append(c.pick(SALE_CONTACT))
    return title, sents, fields


VOCAB["cond_short"] = SALE_COND_SHORT
VOCAB["Item"] = lambda rng, c: cap(c["item"])


def goods_es(rng, c, kind, voice):
    noun, lo, hi = pick(rng, ES_ITEMS[kind])
    price = price_fn(lo, hi)(rng, c)
    c["noun"] = noun
    c["price"] = price
    title = c.pick(["Se vende {noun}", "Vendo {noun} - {price}", "{noun} en venta", "SE VENDE {noun}"])
    sents = [c.pick(["Vendo {noun}.", "Se vende {noun}.", "Tengo {noun} a la venta."])]
    sents += rng.sample(ES_DETAILS, 2)
    sents.append(c.pick(["Precio: {price}.", "{price} o mejor oferta.", "Pido {price}, es negociable.",
                         "{price} firme."]))
    sents.append(c.pick(ES_PICKUP))
    sents.append(c.pick(["Llame o mande texto al {phone}.", "Informes al {phone}.", "Pregunte al {phone}.",
                         "Mande mensaje por aquí."]))
    fields = [("Precio", price), ("Lugar", c["hood"] + ", " + c["city"])]
    return title, sents, fields


# ----------------------------------------------------------------------------------------------------------------
# Vehicles
# ----------------------------------------------------------------------------------------------------------------

VEHICLES = [
    ("Honda", "Civic", "car", 3500, 16000), ("Toyota", "Camry", "car", 4000, 18000),
    ("Ford", "F-150", "truck", 6000, 28000), ("Chevy", "Silverado", "truck", 6000, 27000),
    ("Nissan", "Altima", "car", 3000, 14000), ("Jeep", "Wrangler", "suv", 8000, 26000),
    ("Subaru", "Outback", "wagon", 4500, 19000), ("Honda", "Odyssey", "van", 4000, 17000),
    ("Toyota", "Tacoma", "truck", 9000, 27000), ("Ford", "Escape", "suv", 3500, 14000),
    ("Hyundai", "Elantra", "car", 3500, 13000), ("Kia", "Soul", "car", 3500, 12000),
    ("Dodge", "Grand Caravan", "van", 3000, 12000), ("Ram", "1500", "truck", 8000, 26000),
    ("Volkswagen", "Jetta", "car", 3000, 12000), ("Mazda", "3", "car", 4000, 15000),
    ("Toyota", "Prius", "car", 5000, 16000), ("Chevy", "Malibu", "car", 3000, 11000),
    ("GMC", "Sierra", "truck", 7000, 28000), ("Honda", "CR-V", "suv", 5000, 19000),
    ("Toyota", "4Runner", "suv", 9000, 30000), ("Ford", "Ranger", "truck", 5000, 20000),
    ("Chevy", "Equinox", "suv", 4000, 15000), ("Buick", "LeSabre", "car", 1500, 4500),
    ("Harley-Davidson", "Sportster", "motorcycle", 4000, 9000), ("Yamaha", "Zuma 125 scooter", "scooter", 900, 2500),
    ("Jayco", "Jay Flight travel trailer", "rv", 7000, 22000), ("Big Tex", "6x12 utility trailer", "trailer", 900, 3500),
    ("Tracker", "pontoon boat", "boat", 6000, 22000), ("Kawasaki", "Ninja 400", "motorcycle", 3000, 6000),
    ("Ford", "Explorer", "suv", 4000, 22000), ("Dodge", "Charger", "car", 5000, 24000),
    ("Chevy", "Tahoe", "suv", 6000, 30000), ("Ford", "Transit 350 van", "van", 9000, 32000),
]
VEH_FEAT = [
    "Cold AC, heat works.", "Timing belt done at 100k.", "New brakes and rotors.", "Backup camera.",
    "Tow package.", "Bluetooth stereo.", "Leather seats.", "Third row seating.", "4x4 works great.",
    "Runs and drives great.", "Recent oil change.", "Good tires, about 70% left.", "New battery last winter.",
    "Apple CarPlay.", "Sunroof.", "Remote start.", "All maintenance records.", "Two keys.", "Heated seats.",
    "Bed liner and tonneau cover.", "Roof rack.", "Cruise control.", "Passed emissions.", "Garage kept.",
]
VEH_FEAT_BY = {
    "motorcycle": ["New tires.", "Garage kept.", "Recent oil change.", "Saddlebags included.", "Two helmets included.",
                   "Never dropped.", "New battery.", "Stock exhaust, quiet."],
    "scooter": ["Gets about 80 mpg.", "Garage kept.", "Helmet included.", "Top box for groceries.", "New battery."],
    "trailer": ["New tires.", "Ramp gate.", "Lights work.", "Spare tire included.", "Title in hand."],
    "boat": ["Trailer included.", "Motor runs great.", "New seats.", "Bimini top.", "Fish finder.", "Stored indoors."],
    "rv": ["Sleeps six.", "AC works.", "Awning in good shape.", "No leaks, roof resealed.", "Fridge runs on gas or electric."],
}
VEH_ISSUE = [
    "Check engine light is on for an O2 sensor.", "Small dent on the rear bumper.", "Clear coat peeling on the roof.",
    "AC needs a recharge.", "Driver window is slow.", "Some rust on the rocker panels.",
    "Windshield has a small chip.", "Needs front tires soon.", "Radio display is dim.",
    "Passenger door handle is sticky.", "Minor scratches from normal use.",
]
VEH_TITLE = ["Clean title.", "Clean title in my name.", "Title in hand.", "Clean title, one owner.",
             "Salvage title, fixed right, priced to match.", "Lien-free title."]


def vehicle(rng, c, voice):
    make, model, vtype, lo, hi = pick(rng, VEHICLES)
    c["sub"], c["vtype"] = make, vtype
    yr = rng.randint(2003, 2021)
    miles = rng.randint(20, 240) * 1000 if vtype not in ("trailer", "boat", "rv") else 0
    if vtype in ("motorcycle", "scooter"):
        miles = rng.randint(2, 40) * 1000
    price = price_fn(lo, hi)(rng, c)
    c["veh"] = "%d %s %s" % (yr, make, model)
    c["price"] = price
    ms = ("{:,} miles".format(miles) if chance(rng, 0.6) else "%dk miles" % (miles // 1000)) if miles else ""
    c["miles"] = ms
    fpool = VEH_FEAT_BY.get(vtype) or [f for f in VEH_FEAT if vtype == "truck" or not any(
        x in f for x in ("Bed liner", "4x4"))]
    if vtype not in ("suv", "van"):
        fpool = [f for f in fpool if "Third row" not in f]
    feats = rng.sample(fpool, rng.randint(2, 4))
    fields = [("Price", price), ("Year", str(yr)), ("Make", make), ("Model", model)]
    if ms:
        fields.append(("Odometer", ms))
    fields.append(("Title", pick(rng, ["clean", "clean", "clean", "salvage", "lien"])))
    if voice == "business":
        c["biz"] = c.fill(pick(rng, ["{last} Auto Sales", "{hood} Motors", "Budget Cars of {city}",
                                     "{last} & Sons Auto", "Value Auto Mart", "Route {n_small} Auto"]))
        title = c.pick(["{veh} - {price}", "{veh} {miles}", "{veh}, financing available"])
        sents = [c.pick(["{biz} has this {veh} on the lot.", "{veh} available at {biz}.",
                         "Check out this {veh}!"])]
        if ms:
            sents.append(ms[0].upper() + ms[1:] + ".")
        sents += feats
        sents.append(pick(rng, ["Financing available, all credit types.", "Warranty available.",
                                "Carfax available on request.", "Trade-ins welcome.", "Buy here, pay here."]))
        sents.append(c.pick(["{price} plus tax, title and license.", "Priced at {price}.", "Only {price}."]))
        sents.append(c.pick(["Call {phone}.", "{num} {street}, {phone}.", "See more at {site}."]))
        return title, sents, fields
    if voice == "terse":
        title = c.pick(["{veh}", "{veh} {price}", "{veh} - {miles}"])
        sents = [c["veh"] + ".", ms + "." if ms else "Runs good.", pick(rng, VEH_TITLE)] + feats[:2]
        sents += [c.pick(["{price} obo.", "{price} firm.", "{price}."]), c.pick(["Txt {phone}", "{phone}"])]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{veh} for sale", "{veh} - {price}"])
        sents = ["LIST:Year: %d" % yr, "LIST:Make/Model: %s %s" % (make, model)]
        if ms:
            sents.append("LIST:Miles: " + ms)
        sents += ["LIST:" + f.rstrip(".") for f in feats]
        sents += ["LIST:" + pick(rng, VEH_TITLE).rstrip("."), "LIST:Price: " + price, c.pick(SALE_CONTACT)]
        return title, sents, fields
    title = c.pick(["{veh}", "{veh} - {price}", "{veh}, {miles}", "Selling my {veh}"])
    sents = [c.pick(["Selling my {veh}.", "For sale: {veh}.", "{veh} for sale.", "Up for sale is my {veh}."])]
    if voice == "chatty":
        sents.append(c.pick(["It's been a great daily driver, never left me stranded.",
                             "We bought a bigger car after baby number two, so this one has to go.",
                             "Selling because I got a company car.", "My dad owned it before me and kept it spotless.",
                             "Honestly didn't want to sell it but I'm moving to {city2}."]))
    if ms:
        sents.append(cap(ms) + ".")
    sents += feats
    if chance(rng, 0.6) and vtype in ("car", "truck", "suv", "van", "wagon"):
        sents.append(pick(rng, VEH_ISSUE))
    sents.append(pick(rng, VEH_TITLE))
    sents.append(c.pick(["Asking {price}.", "{price} obo.", "{price}, no trades.", "{price} or reasonable offer."]))
    sents.append(c.pick(SALE_CONTACT))
    return title, sents, fields


def vehicle_es(rng, c, voice):
    make, model, vtype, lo, hi = pick(rng, [v for v in VEHICLES if v[2] in ("car", "truck", "suv", "van")])
    yr = rng.randint(2003, 2019)
    price = price_fn(lo, hi)(rng, c)
    c["veh"] = "%s %s %d" % (make, model, yr)
    c["price"] = price
    noun = {"truck": "troca", "car": "carro", "suv": "camioneta", "van": "van"}[vtype]
    c["vnoun"] = noun
    title = c.pick(["Se vende {vnoun} {veh}", "{veh} - {price}", "Vendo {veh}"])
    sents = [c.pick(["Vendo {vnoun} {veh}.", "Se vende {veh}.", "{veh} a la venta."]),
             pick(rng, ["Título limpio.", "Título limpio a mi nombre.", "Papeles en regla."]),
             pick(rng, ["Motor y transmisión en buenas condiciones.", "El aire acondicionado enfría bien.",
                        "Llantas casi nuevas.", "Afinada hace poco.", "Corre muy bien."]),
             "%d millas." % (rng.randint(60, 220) * 1000),
             c.pick(["Precio: {price}.", "{price} o mejor oferta.", "Pido {price}."]),
             c.pick(["Llame o mande texto al {phone}.", "Informes al {phone}."])]
    return title, sents, [("Precio", price), ("Año", str(yr))]

# ----------------------------------------------------------------------------------------------------------------
# Jobs (ordinary postings: a named employer, an address, normal pay, normal requirements; no recruitment lures,
# no "housing provided", no "travel", no "earn fast", no modeling)
# ----------------------------------------------------------------------------------------------------------------

def P(pos, duties, reqs, pay):
    return (pos, duties, reqs, pay)


JOBS = {
    "restaurant": dict(
        pos=[P("line cook", ["working the grill and flat-top", "prepping sauces and proteins", "keeping the line stocked",
                             "following recipes and portion guides", "closing down the station"],
               ["At least one year in a busy kitchen", "Food handler card", "Able to stand for a full shift",
                "Weekend availability"], ["$17–$21 an hour DOE", "$18/hr", "$19/hr"]),
             P("prep cook", ["prepping vegetables and sauces", "labeling stock with use-by stickers", "portioning for the line",
                             "helping receive deliveries"],
               ["Knife skills", "Food handler card", "Early mornings OK"], ["$16–$18/hr", "$17/hr"]),
             P("dishwasher", ["washing dishes and pots", "keeping the dish pit clean", "taking out trash and recycling",
                              "helping with prep when it's slow"],
               ["Able to lift 40 lbs", "Reliable transportation", "Able to stand for a full shift"], ["$15–$16/hr", "$15/hr plus tip share"]),
             P("server", ["taking orders", "running food", "knowing the menu and specials", "side work and closing duties"],
               ["Previous serving experience preferred", "Friendly attitude", "Weekend availability"],
               ["$14/hr + tips (servers average $25/hr)", "$12/hr plus tips"]),
             P("barista", ["making espresso drinks", "taking orders at the register", "keeping the bar clean",
                           "baking off pastries in the morning"],
               ["Friendly attitude", "Open availability", "Coffee experience a plus"], ["$15/hr plus tips", "$16/hr + tips"]),
             P("cashier", ["taking orders", "handling cash and cards", "keeping the dining room clean", "restocking napkins and cups"],
               ["Friendly attitude", "Basic math", "Weekend availability"], ["$15/hr", "$14–$16/hr"]),
             P("pizza maker", ["stretching dough", "topping and baking pizzas", "prepping toppings", "keeping the oven area clean"],
               ["Able to stand for a full shift", "Food handler card", "Evenings and weekends"], ["$16/hr plus tips", "$17/hr"]),
             P("kitchen manager", ["ordering and inventory", "scheduling the kitchen crew", "training new cooks",
                                   "keeping food costs in line"],
               ["Three years of kitchen leadership", "ServSafe manager certification", "Open availability"],
               ["$50,000–$56,000 salary", "$24/hr"])],
        biz=["{last}'s Diner", "The Copper Pot", "Blue Door Cafe", "{hood} Pizza Co.", "Smokehouse on {street}",
             "Sunrise Pancake House", "Mesa Grill", "Corner Bistro", "Bean Counter Coffee", "Big Sky BBQ",
             "Harvest Table", "Tortilleria {last}", "The Noodle Bar", "Pho {hood}", "Gus's Burgers"],
        place=["kitchen", "restaurant", "cafe", "diner"],
        sched=["Full-time, Tuesday–Saturday", "Part-time evenings and weekends", "Morning shift, 6am–2pm",
               "Dinner shift, 3pm–close", "20–30 hours a week", "Weekends required"],
        perks=["free shift meal", "paid time off", "health insurance after 60 days", "flexible scheduling",
               "employee discount", "weekly pay"]),
    "retail": dict(
        pos=[P("cashier", ["running the register", "bagging and helping customers out", "counting the drawer", "keeping the front neat"],
               ["Cash handling experience a plus", "Weekend availability", "Good with people"], ["$14–$16/hr", "$15.50/hr"]),
             P("stock associate", ["unloading the weekly delivery", "stocking shelves", "pricing merchandise", "keeping the backroom organized"],
               ["Able to lift 50 lbs", "Early mornings", "Reliable transportation"], ["$15.50/hr", "$16–$17/hr"]),
             P("sales associate", ["helping customers find what they need", "building displays", "running the register",
                                   "opening and closing the store"],
               ["Good with people", "Weekend availability", "Retail experience a plus"], ["$15/hr + commission", "$16/hr"]),
             P("assistant manager", ["opening and closing the store", "scheduling and training", "counting the safe",
                                     "handling customer concerns"],
               ["Two years of retail supervision", "Open availability", "High school diploma or GED"], ["$38,000 + bonus", "$19/hr"]),
             P("garden center associate", ["watering and caring for plants", "helping customers load soil and mulch",
                                           "stocking the garden center", "running the outdoor register"],
               ["Able to lift 50 lbs", "OK working outdoors", "Weekend availability"], ["$15/hr", "$16/hr seasonal"]),
             P("pharmacy cashier", ["ringing up prescriptions", "answering the pharmacy phone", "helping customers find items",
                                    "keeping the counter organized"],
               ["Customer service experience", "Detail-oriented", "Basic computer skills"], ["$15.50/hr", "$16/hr"])],
        biz=["{hood} Hardware", "Books & Brews", "Dollar Mart on {street}", "Farm & Ranch Supply {city}",
             "Sew Much Fabric", "Great Outdoors Gear", "{last} Pharmacy", "Budget Tire & Wheel", "Pet Depot",
             "The Paper Shop", "Goodwill {hood}", "Main Street Mercantile"],
        place=["store", "shop", "retail store"],
        sched=["Part-time, 15–25 hours", "Full-time", "Evenings and weekends", "Holiday season position",
               "Opening shift 7am–3:30pm"],
        perks=["employee discount", "paid holidays", "401(k)", "flexible hours", "paid training", "quarterly bonuses"]),
    "warehouse": dict(
        pos=[P("picker/packer", ["picking orders with a scanner", "packing boxes for shipment", "labeling cartons",
                                 "keeping aisles clear and safe"],
               ["Able to lift 50 lbs repeatedly", "Steel-toe boots", "Good attendance"], ["$17/hr", "$17–$19/hr"]),
             P("forklift operator", ["operating a sit-down forklift", "loading and unloading trailers", "putting away pallets",
                                     "daily forklift inspections"],
               ["Forklift certification (we can certify)", "One year of forklift experience", "Steel-toe boots"],
               ["$20/hr", "$21/hr + shift differential"]),
             P("shipping clerk", ["printing labels and bills of lading", "scheduling carrier pickups", "checking outgoing orders",
                                  "keeping shipping records"],
               ["Basic computer skills", "Detail-oriented", "Warehouse experience a plus"], ["$18/hr", "$18–$20/hr"]),
             P("material handler", ["moving product to the lines", "wrapping pallets", "counting inventory", "keeping work areas clean"],
               ["Able to lift 50 lbs repeatedly", "Able to pass a background check", "Good attendance"],
               ["$18/hr", "$19.50/hr + shift differential"]),
             P("inventory associate", ["cycle counts", "researching discrepancies", "updating the inventory system",
                                       "labeling locations"],
               ["Basic computer skills", "Detail-oriented", "Able to climb ladders"], ["$18.50/hr", "$19/hr"])],
        biz=["{city} Distribution Center", "Summit Logistics", "{last} Supply Co.", "Northstar Freight",
             "Pinnacle Fulfillment", "Valley Produce Distributors", "Great Lakes Packaging"],
        place=["warehouse", "distribution center", "facility"],
        sched=["First shift 6am–2:30pm", "Second shift 2:30–11pm", "Four 10-hour days", "Monday–Friday, some Saturdays",
               "Night shift 10pm–6:30am"],
        perks=["weekly pay", "overtime available", "medical, dental and vision", "paid time off", "attendance bonus",
               "401(k) match"]),
    "office": dict(
        pos=[P("receptionist", ["answering phones", "greeting clients", "scheduling appointments", "sorting mail"],
               ["Professional phone manner", "Proficient in Outlook", "One year of front desk experience"], ["$17–$19/hr", "$18/hr"]),
             P("bookkeeper", ["entering invoices", "reconciling accounts", "running payroll", "month-end reports"],
               ["QuickBooks experience", "Two years of bookkeeping", "Organized and detail-oriented"], ["$22/hr DOE", "$45,000–$52,000"]),
             P("data entry clerk", ["entering orders", "updating spreadsheets", "filing and scanning", "checking records for errors"],
               ["Typing 40+ wpm", "Proficient in Excel", "Detail-oriented"], ["$16–$18/hr", "$17/hr"]),
             P("customer service rep", ["answering customer calls", "processing orders", "solving billing questions",
                                        "following up by e-mail"],
               ["Professional phone manner", "Basic computer skills", "Patience"], ["$17/hr", "$18/hr to start"]),
             P("dispatcher", ["dispatching technicians", "scheduling service calls", "answering phones", "updating work orders"],
               ["Organized under pressure", "Knows the {city} area", "Basic computer skills"], ["$19/hr", "$20/hr DOE"]),
             P("administrative assistant", ["managing calendars", "preparing documents", "ordering supplies", "greeting clients"],
               ["Proficient in Word and Excel", "Two years of office experience", "Organized and detail-oriented"],
               ["$19/hr", "$42,000–$48,000"])],
        biz=["{last} & {last2} CPAs", "{city} Title Company", "{last} Insurance Agency", "Precision Plumbing Inc.",
             "Bright Path Dental", "Cornerstone Property Management", "{hood} Law Office", "Metro HVAC"],
        place=["office", "front office", "team"],
        sched=["Monday–Friday, 8–5", "Part-time mornings", "Full-time, in office", "Hybrid after 90 days"],
        perks=["health insurance", "paid holidays", "retirement plan", "free parking", "paid time off"]),
    "clinic": dict(
        pos=[P("medical assistant", ["rooming patients and taking vitals", "giving injections", "charting in the EHR",
                                     "calling in refills"],
               ["MA certificate", "CPR/BLS", "One year of clinic experience"], ["$18–$21/hr", "$20/hr"]),
             P("dental assistant", ["sterilizing instruments", "taking x-rays", "chairside assisting", "preparing rooms"],
               ["Radiology certificate", "CPR/BLS", "One year of dental experience"], ["$20–$24/hr", "$22/hr"]),
             P("front desk coordinator", ["checking patients in", "verifying insurance", "scheduling appointments",
                                          "collecting copays"],
               ["Medical office experience", "Friendly phone manner", "Basic computer skills"], ["$17–$19/hr", "$18/hr"]),
             P("phlebotomist", ["drawing blood", "labeling specimens", "entering orders", "keeping the draw station stocked"],
               ["Phlebotomy certification", "Good with nervous patients", "CPR/BLS"], ["$19/hr", "$18–$21/hr"]),
             P("pharmacy technician", ["filling prescriptions", "counting and labeling", "answering the pharmacy phone",
                                       "processing insurance claims"],
               ["Pharmacy tech license", "Detail-oriented", "Retail pharmacy experience a plus"], ["$18/hr", "$19–$21/hr"]),
             P("medical biller", ["submitting claims", "working denials", "posting payments", "answering patient billing questions"],
               ["Two years of medical billing", "Knows CPT and ICD-10", "Detail-oriented"], ["$20–$23/hr", "$22/hr"])],
        biz=["{city} Family Medicine", "{hood} Dental Care", "Valley Urgent Care", "{last} Pharmacy", "Riverbend Pediatrics",
             "{hood} Eye Care", "Lakeside Orthopedics"],
        place=["clinic", "practice", "office"],
        sched=["Monday–Friday, 8–5", "Monday–Thursday", "Part-time, flexible", "Some Saturdays"],
        perks=["health insurance", "paid time off", "CE reimbursement", "retirement plan", "uniform allowance"]),
    "care": dict(
        pos=[P("CNA", ["assisting residents with daily living", "taking vitals", "helping at mealtimes", "charting care"],
               ["Current CNA certification", "CPR/BLS", "Compassion and patience"], ["$18–$22/hr", "$20/hr + shift differential"]),
             P("caregiver", ["helping clients with bathing and dressing", "light housekeeping", "meal preparation",
                             "medication reminders"],
               ["Valid driver's license", "Compassion and patience", "Able to pass a background check"], ["$17–$19/hr", "$18/hr"]),
             P("home health aide", ["personal care for clients", "light meal prep", "keeping care notes", "errands and appointments"],
               ["HHA certificate", "Valid driver's license", "Reliable car"], ["$18/hr + mileage", "$19/hr"]),
             P("night-shift RN", ["medication passes", "assessments", "supervising CNAs on the floor", "charting in the EHR"],
               ["Active RN license", "One year of experience", "CPR/BLS"], ["$42–$48/hr", "$44/hr"])],
        biz=["Sunrise Senior Living", "Comfort Keepers {city}", "Hillside Rehabilitation Center", "{hood} Care Center",
             "Golden Years Home Care", "Willow Creek Assisted Living"],
        place=["care team", "facility", "community"],
        sched=["Day shift 7a–3p", "Every other weekend", "Night shift 7p–7a", "Part-time, flexible", "Evenings 3p–11p"],
        perks=["sign-on bonus", "tuition help", "health insurance", "paid time off", "mileage reimbursement"]),
    "trades": dict(
        pos=[P("electrician's helper", ["running wire and setting boxes", "pulling cable", "loading the van", "cleaning up job sites"],
               ["Own hand tools", "Valid driver's license", "Able to read a tape measure"], ["$18–$22/hr", "$20/hr"]),
             P("HVAC technician", ["installing and servicing units", "diagnosing no-cool calls", "replacing capacitors and motors",
                                   "talking customers through repairs"],
               ["EPA 608 certification", "Two years of experience", "Valid driver's license"], ["$26–$34/hr DOE", "$30/hr"]),
             P("plumber's apprentice", ["helping set fixtures", "digging and trenching", "cutting and gluing pipe",
                                        "stocking the truck"],
               ["Valid driver's license", "Able to lift 60 lbs", "Willing to learn"], ["$18/hr to start, raises at 90 days", "$19/hr"]),
             P("finish carpenter", ["hanging doors", "installing trim and baseboard", "building cabinets", "installing stair parts"],
               ["Own hand tools", "Three years of trim experience", "Valid driver's license"], ["$25–$32/hr", "$28/hr"]),
             P("drywall finisher", ["taping and mudding", "sanding", "texture matching", "patching"],
               ["Two years of experience", "Own hand tools", "Reliable transportation"], ["$22–$28/hr", "$24/hr"]),
             P("roofer", ["tearing off old shingles", "installing underlayment and shingles", "flashing", "cleaning up the site"],
               ["Comfortable on steep roofs", "Able to lift 80 lbs", "OSHA 10 a plus"], ["$20–$26/hr", "$22/hr + overtime"]),
             P("painter", ["prepping and masking", "rolling and cutting in", "spraying exteriors", "caulking and patching"],
               ["Two years of painting experience", "Reliable transportation", "Clean work habits"], ["$20–$25/hr", "$22/hr"]),
             P("auto mechanic", ["diagnosing check engine lights", "brakes and suspension", "oil services and inspections",
                                 "writing up repair notes"],
               ["ASE certification a plus", "Own hand tools", "Valid driver's license"], ["$25–$35/hr", "flat rate $28/hr"]),
             P("landscape crew member", ["operating mowers and trimmers", "planting and mulching", "installing irrigation",
                                         "loading the trailer"],
               ["Able to work outdoors in all weather", "Valid driver's license", "Able to lift 50 lbs"], ["$17–$19/hr", "$18/hr"]),
             P("concrete finisher", ["forming and pouring flatwork", "finishing and edging", "stripping forms", "sealing"],
               ["Two years of flatwork", "Able to lift 80 lbs", "Early starts"], ["$22–$28/hr", "$24/hr + overtime"])],
        biz=["{last} Electric", "{last} Plumbing & Drain", "Cool Breeze HVAC", "{hood} Roofing",
             "{last} Brothers Construction", "Precision Auto Repair", "Green Acres Landscaping",
             "Ironworks Fabrication", "True Level Concrete", "True Coat Painting"],
        place=["crew", "shop", "company"],
        sched=["Monday–Friday, 7am start", "Full-time, overtime in summer", "Four 10s", "Seasonal, March–November"],
        perks=["company truck", "paid holidays", "tool allowance", "health insurance", "apprenticeship program", "paid training"]),
    "salon": dict(
        pos=[P("hair stylist", ["cuts and color", "blowouts and styling", "consultations", "product recommendations"],
               ["Current cosmetology license", "Own clientele a plus", "Portfolio of work"], ["commission 45–55%", "booth rent $175/week"]),
             P("barber", ["fades and tapers", "beard trims and hot towel shaves", "keeping your station clean", "booking clients"],
               ["Current barber license", "Two years behind the chair", "Great customer service"], ["booth rent $150/week", "commission 50%"]),
             P("nail technician", ["manicures and pedicures", "gel and acrylic sets", "nail art", "sanitizing tools"],
               ["Current nail license", "Great customer service", "Weekend availability"], ["$15/hr plus commission", "commission 50% + tips"]),
             P("salon receptionist", ["booking appointments", "checking clients in", "answering phones", "product sales"],
               ["Great customer service", "Basic computer skills", "Weekend availability"], ["$15/hr plus tips", "$16/hr"]),
             P("esthetician", ["facials", "brow shaping and waxing", "skin consultations", "keeping the treatment room spotless"],
               ["Current esthetics license", "Great customer service", "Portfolio of work"], ["commission 45%", "$16/hr plus commission"])],
        biz=["Shear Magic", "{name}'s Hair Studio", "The Fade Room", "Polished Nail Bar", "Salon {hood}",
             "Sharp Edge Barbers", "Glow Skin Studio", "Mane Street Salon"],
        place=["salon", "shop", "barbershop", "studio"],
        sched=["Tuesday–Saturday", "Part-time, evenings", "Full-time", "Set your own schedule"],
        perks=["paid education", "product discount", "online booking system", "busy location"]),
    "cleaning": dict(
        pos=[P("office cleaner", ["vacuuming and mopping", "cleaning restrooms", "emptying trash", "restocking supplies"],
               ["Reliable transportation", "Able to pass a background check", "Attention to detail"], ["$15–$17/hr", "$16/hr"]),
             P("janitor", ["cleaning hallways and restrooms", "emptying trash", "setting up rooms for events", "minor repairs"],
               ["Able to lift 30 lbs", "Able to pass a background check", "Evening availability"], ["$16/hr", "$17/hr"]),
             P("residential house cleaner", ["dusting and vacuuming", "deep cleaning kitchens and baths", "changing linens",
                                             "following each client's checklist"],
               ["Reliable transportation", "Previous cleaning experience preferred", "Attention to detail"],
               ["$17/hr + mileage", "$16–$18/hr"]),
             P("floor tech", ["stripping and waxing floors", "buffing", "carpet extraction", "maintaining equipment"],
               ["One year of floor care", "Evening availability", "Able to lift 50 lbs"], ["$18/hr", "$19/hr"]),
             P("window washer", ["washing windows inside and out", "cleaning screens and tracks", "ladder work",
                                 "loading the van"],
               ["Comfortable on ladders", "Valid driver's license", "Attention to detail"], ["$17–$20/hr", "$18/hr"])],
        biz=["Sparkle Clean Co.", "{last} Janitorial", "Maid Right {city}", "ClearView Window Washing",
             "Top Notch Carpet Care", "Shine Commercial Cleaning"],
        place=["crew", "team", "company"],
        sched=["Evenings 5:30–10pm", "Monday–Friday days", "Part-time, 20 hours", "Weekends"],
        perks=["paid training", "mileage reimbursement", "supplies provided", "paid time off"]),
    "driving": dict(
        pos=[P("delivery driver", ["delivering to local businesses", "loading your own route", "collecting signatures",
                                   "helping customers carry in items"],
               ["Clean driving record", "Able to lift 75 lbs", "Valid license, 21 or older"], ["$18/hr", "$19/hr + overtime"]),
             P("CDL-A driver", ["regional runs", "pre-trip inspections", "keeping logs", "securing loads"],
               ["CDL-A with one year of experience", "Clean MVR", "DOT medical card"], ["$1,300/week", "$1,450/week"]),
             P("courier", ["picking up and dropping off packages", "planning your own route", "scanning deliveries",
                           "keeping the van clean"],
               ["Clean driving record", "Smartphone", "Knows the {city} area"], ["$17/hr", "$18/hr + mileage"]),
             P("tow truck operator", ["responding to calls", "hooking up and securing vehicles", "roadside jump starts and lockouts",
                                      "writing up tickets"],
               ["Clean driving record", "Class B a plus", "Able to work some nights"], ["$20–$24/hr", "$22/hr + commission"]),
             P("parts runner", ["picking up parts from suppliers", "delivering to shops", "loading the truck", "keeping receipts"],
               ["Clean driving record", "Knows the {city} area", "Able to lift 50 lbs"], ["$16/hr", "$17/hr"])],
        biz=["{last} Moving & Storage", "{city} Auto Parts", "QuickDrop Courier", "{hood} Furniture Delivery",
             "{city} Linen Supply", "Rocky Mountain Towing", "Clean Start Linen Service"],
        place=["team", "company", "fleet"],
        sched=["Home every night", "Monday–Friday", "Early mornings, 5am start", "Tuesday–Saturday"],
        perks=["home daily", "paid holidays", "benefits after 60 days", "new equipment"]),
}

JOB_APPLY = [
    "Apply in person {apply_when} at {num} {street}.", "Send your resume to {email}.",
    "Call {phone} to set up an interview.", "Apply online at {site}.",
    "Email {email} with your availability.", "Stop in and fill out an application, {apply_when}.",
    "Text {phone} with your name and the position.", "Pick up an application at the front counter.",
]
VOCAB["apply_when"] = ["Monday–Thursday 2–4pm", "weekdays between 9 and 11", "any weekday after 2",
                       "Tuesday or Wednesday afternoon", "between lunch and dinner"]
VOCAB["last2"] = LAST


def job(rng, c, voice):
    sub = pick(rng, list(JOBS))
    J = JOBS[sub]
    c["job_sub"] = c["sub"] = sub
    pos, pduties, preqs, ppay = pick(rng, J["pos"])
    c["pos"] = pos
    c["biz"] = c.fill(pick(rng, J["biz"]))
    c["place"] = pick(rng, J["place"])
    c["pay"] = pick(rng, ppay)
    c["sched"] = pick(rng, J["sched"])
    duties = rng.sample(pduties, 3)
    reqs = [c.fill(x) for x in rng.sample(preqs, rng.randint(2, len(preqs)))]
    perks = rng.sample(J["perks"], 2)
    fields = [("Compensation", c["pay"]), ("Employment type", pick(rng, ["full-time", "part-time", "full or part-time"])),
              ("Employer", c["biz"]), ("Location", c["hood"] + ", " + c["city"])]
    if voice == "terse":
        title = c.pick(["NOW HIRING {pos}", "{Pos} wanted", "Hiring {pos} {pay}", "{pos} needed"])
        sents = [c.pick(["{biz} hiring {pos}.", "Need {pos}.", "{Pos}, {pay}."]), c["sched"] + ".",
                 reqs[0] + ".", c.pick(["Apply in person {num} {street}.", "Call {phone}.", "{email}"])]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{Pos} - {biz}", "Now hiring: {pos}", "{Pos} ({pay})"])
        sents = [c.pick(["{biz} is hiring a {pos}.", "We are hiring a {pos} at our {hood} location."]),
                 "Duties:"] + ["LIST:" + cap(d) for d in duties] + ["Requirements:"] + ["LIST:" + r for r in reqs]
        sents += ["LIST:Pay: " + c["pay"], "LIST:Schedule: " + c["sched"],
                  "LIST:Benefits: " + ", ".join(perks), c.pick(JOB_APPLY)]
        return title, sents, fields
    if voice == "chatty":
        title = c.pick(["Small {place} looking for a {pos}", "Help wanted: {pos}", "We need a good {pos}!"])
        sents = [c.pick(["We're a small, family-run {place} in {hood} and we're busier than ever.",
                         "I own {biz} and I'm looking for a {pos} who actually likes this work.",
                         "Our {pos} is retiring after eleven years (we'll miss you, {name2}!) so we need someone new."]),
                 "The job is mostly %s and %s." % (duties[0], duties[1]),
                 c.pick(["Pay is {pay}.", "We pay {pay} and it goes up once you're settled in."]),
                 c["sched"] + ".",
                 c.pick(["We treat people well and most of our crew has been here for years.",
                         "It's a good place to work, no drama.", "Good pay for good work, simple as that."]),
                 c.pick(JOB_APPLY)]
        return title, sents, fields
    title = c.pick(["{Pos} - {biz}", "Now hiring: {pos}", "{biz} is hiring a {pos}", "{Pos} needed ({pay})",
                    "{Pos} position, {city}", "Hiring {pos}s"])
    sents = [c.pick(["{biz} in {hood} is looking for a dependable {pos} to join our {place}.",
                     "We are adding a {pos} to our {place}.", "Busy {place} needs an experienced {pos}.",
                     "{biz} has an opening for a {pos}."]),
             "Duties include %s, %s and %s." % tuple(duties),
             "Requirements: %s." % "; ".join(r if r[1:2].isupper() else r[0].lower() + r[1:] for r in reqs),
             c.pick(["Pay is {pay} depending on experience.", "Starting pay {pay}.", "{pay}."]),
             c["sched"] + ".",
             "We offer %s and %s." % tuple(perks),
             c.pick(JOB_APPLY)]
    if chance(rng, 0.3):
        sents.append(c.pick(["{biz} is an equal opportunity employer.", "EOE.", "We are an equal opportunity employer."]))
    return title, sents, fields


VOCAB["Pos"] = lambda rng, c: cap(c["pos"])

JOBS_ES = [
    ("cocinero/a", "restaurante", ["preparar comida", "mantener la cocina limpia"]),
    ("lavaplatos", "restaurante", ["lavar platos y ollas", "ayudar en la cocina"]),
    ("ayudante de construcción", "compañía", ["cargar material", "ayudar con framing y drywall"]),
    ("personal de limpieza de oficinas", "compañía de limpieza", ["trapear y aspirar", "limpiar baños"]),
    ("jardinero", "compañía de jardinería", ["cortar pasto", "podar arbustos", "instalar riego"]),
    ("pintor con experiencia", "compañía", ["pintar casas por dentro y por fuera", "preparar paredes"]),
    ("costurera", "taller", ["hacer arreglos de ropa", "coser cortinas"]),
    ("cajero/a", "tienda", ["atender clientes", "acomodar mercancía"]),
    ("mecánico", "taller", ["cambios de aceite y frenos", "diagnóstico"]),
    ("panadero/a", "panadería", ["hornear pan dulce", "atender el mostrador"]),
]


def job_es(rng, c, voice):
    pos, place, duties = pick(rng, JOBS_ES)
    c["pos"] = pos
    c["place_es"] = place
    c["pay_es"] = pick(rng, ["$16 la hora", "$17–$20 la hora", "$18/hr", "$150 al día", "según experiencia"])
    title = c.pick(["Se busca {pos}", "Se solicita {pos}", "Contratando {pos}", "SE NECESITA {pos}"])
    sents = [c.pick(["Se solicita {pos} para {place_es} en {hood}.", "Buscamos {pos} con experiencia.",
                     "{place_es} en {city} necesita {pos}."]),
             "Trabajo: %s." % " y ".join(duties),
             c.pick(["Pago: {pay_es}.", "Pagamos {pay_es}.", "Sueldo {pay_es}."]),
             pick(rng, ["Tiempo completo.", "Medio tiempo.", "Lunes a viernes.", "Fines de semana."]),
             pick(rng, ["Se requiere transporte propio.", "Experiencia de un año.", "Ganas de trabajar.",
                        "Licencia de manejo válida."]),
             c.pick(["Llame al {phone}.", "Presentarse en {num} {street}.", "Informes al {phone}, pregunte en la oficina."])]
    return title, sents, [("Pago", c["pay_es"]), ("Lugar", c["hood"] + ", " + c["city"])]


# ----------------------------------------------------------------------------------------------------------------
# Housing
# ----------------------------------------------------------------------------------------------------------------

HOUSING = [
    ("room in a shared house", 450, 950, "room"), ("furnished room", 500, 900, "room"),
    ("room near campus", 450, 800, "room"), ("studio apartment", 700, 1400, "studio"),
    ("1 bedroom apartment", 800, 1700, "1br"), ("2 bedroom apartment", 1000, 2200, "2br"),
    ("3 bedroom house", 1300, 2800, "3br"), ("duplex unit", 950, 1800, "2br"),
    ("basement apartment", 700, 1300, "1br"), ("mother-in-law unit", 800, 1500, "1br"),
    ("townhouse", 1200, 2400, "2br"), ("mobile home", 650, 1200, "2br"), ("room with shared bath", 400, 800, "room"),
    ("garden-level 1BR", 850, 1500, "1br"), ("upstairs 2BR", 950, 1900, "2br"),
]
AMEN = ["in-unit washer and dryer", "off-street parking", "central AC", "dishwasher", "fenced backyard",
        "balcony", "new carpet", "hardwood floors", "storage unit", "covered parking", "ceiling fans",
        "gas stove", "updated kitchen", "big windows", "laundry on site", "quiet street",
        "bike storage", "garage", "fireplace", "patio", "water and trash paid"]
NEAR = ["the bus line", "{landmark}", "the freeway", "the hospital", "shopping", "{hood} park", "the light rail",
        "downtown", "grocery stores", "the bike trail"]
HOUSE_RULES = ["No smoking.", "Pets considered with deposit.", "No pets, sorry.", "Cats OK.",
               "One small dog OK.", "Quiet hours after 10.", "Credit and background check required.",
               "Income 2.5x rent.", "12-month lease.", "Month-to-month after 6 months.", "Renter's insurance required."]
MGMT = ["Cornerstone Property Management", "{last} Rentals", "Keystone Residential", "{hood} Apartments",
        "Pioneer Property Group", "Blue Sky Leasing"]


def housing(rng, c, voice):
    htype, lo, hi, size = pick(rng, HOUSING)
    rent = price_fn(lo, hi)(rng, c)
    c["htype"] = htype
    c["rent"] = rent
    c["avail"] = pick(rng, ["{month} 1", "the 15th", "{month} 1st", "mid-{month}", "June 1"])
    c["avail"] = c.fill(c["avail"])
    am = rng.sample(AMEN, rng.randint(2, 4))
    rules = rng.sample(HOUSE_RULES, rng.randint(1, 3))
    dep = money(int(rent[1:].replace(",", "")) if chance(rng, 0.6) else 500)
    c["dep"] = dep
    bb = {"room": "", "studio": "Studio", "1br": "1BR/1BA", "2br": pick(rng, ["2BR/1BA", "2BR/2BA", "2 bed 1 bath"]),
          "3br": pick(rng, ["3BR/2BA", "3 bed 1.5 bath", "3BR/1BA"])}[size]
    c["bb"] = bb
    c["a_htype"] = ("an " if htype[:1] in "aeiou" else "a ") + htype
    fields = [("Rent", rent + "/mo"), ("Deposit", dep), ("Available", c["avail"]),
              ("Location", c["hood"] + ", " + c["city"])]
    if bb:
        fields.insert(1, ("Layout", bb))
    near = c.fill(pick(rng, NEAR))
    if voice == "business":
        c["biz"] = c.fill(pick(rng, MGMT))
        title = c.pick(["{bb} {htype} in {hood} - {rent}" if size in ("room",) else "{Htype} in {hood} - {rent}",
                        "{Htype} for rent, {hood}", "{rent} / {bb} near {hood}" if bb else "{rent} / {htype} near {hood}"])
        sents = [c.pick(["{biz} has {a_htype} available for rent in {hood}.", "Now leasing: {htype} in {hood}."]),
                 "Features %s, %s and %s." % (am[0], am[1], am[-1]) if len(am) > 2 else "Features %s and %s." % (am[0], am[1]),
                 "Close to %s." % near, c.pick(["Rent {rent}, deposit {dep}.", "{rent}/month plus utilities.",
                                                "{rent} a month, {dep} deposit."])] + rules
        sents.append(c.pick(["Call {phone} to schedule a showing.", "Apply at {site}.", "Email {email} for an application."]))
        return title, sents, fields
    if voice == "terse":
        title = c.pick(["{bb} {rent}", "{Htype} {rent}", "{htype} - {hood}"])
        sents = [c.pick(["{Htype}, {hood}.", "{bb} {hood}."]), "%s." % cap(am[0]), "%s." % cap(am[1]),
                 c.pick(["{rent} + {dep} dep.", "{rent}/mo.", "{rent} utilities incl."]), rules[0],
                 c.pick(["Avail {avail}.", "Move in {avail}."]), c.pick(["{phone}", "Call {phone}", "Txt {phone}"])]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{Htype} for rent - {rent}", "For rent: {htype} in {hood}"])
        sents = ["LIST:Rent: " + rent, "LIST:Deposit: " + dep] + ["LIST:" + cap(a) for a in am]
        sents += ["LIST:Near " + near, "LIST:Available " + c["avail"]] + ["LIST:" + r.rstrip(".") for r in rules]
        sents.append(c.pick(["Call or text {phone}.", "Email {email}."]))
        return title, sents, fields
    if voice == "chatty" and size == "room":
        title = c.pick(["Roommate wanted in {hood}", "Looking for a roommate - {rent}", "Room for rent in our house"])
        sents = [c.pick(["Hi! We're two {job_plural} looking for a third roommate.",
                         "I'm {name}, I work at {landmark} and I'm looking for a roommate for my house in {hood}.",
                         "Our roommate is moving to {city2} so we have a room opening up."]),
                 c.pick(["The house is pretty quiet during the week.", "We cook a lot and share groceries sometimes.",
                         "We each keep to ourselves but it's friendly.", "There's a cat named {pet_name}."]),
                 "The room has a closet and a window facing the backyard.",
                 "Rent is %s including utilities and wifi." % rent, rules[0],
                 c.pick(["Available {avail}.", "Move-in {avail}."]), c.pick(["Text me at {phone}.", "Email {email}."])]
        return title, sents, fields
    title = c.pick(["{Htype} for rent - {rent}", "{bb} - {htype} in {hood}" if bb else "{Htype} in {hood}",
                    "{Htype}, {hood}, {rent}", "For rent: {htype}"])
    sents = [c.pick(["I have {a_htype} for rent in {hood}.", "Renting out {a_htype} in {hood}.",
                     "{Htype} for rent, {hood}."]),
             "It has %s." % (", ".join(am[:-1]) + " and " + am[-1] if len(am) > 1 else am[0]),
             "Close to %s." % near,
             c.pick(["Rent is {rent} plus {dep} deposit.", "{rent} a month.", "Rent {rent}, utilities extra."])]
    sents += rules
    sents.append(c.pick(["Available {avail}.", "Ready {avail}."]))
    sents.append(c.pick(["Call {phone}.", "Text {phone}.", "Email {email} with a few words about yourself."]))
    return title, sents, fields


VOCAB["Htype"] = lambda rng, c: cap(c["htype"])
VOCAB["job_plural"] = ["nurses", "coworkers at the hospital", "teachers", "line cooks", "engineers", "bus drivers"]
VOCAB["pet_name"] = ["Biscuit", "Pepper", "Mochi", "Tiger", "Oreo", "Luna", "Milo", "Simba", "Bella", "Duke",
                     "Rocky", "Coco", "Zeus", "Daisy", "Peanut", "Chico", "Nala", "Bear", "Ginger", "Max"]


def housing_es(rng, c, voice):
    t, lo, hi = pick(rng, [("cuarto", 400, 800), ("apartamento de 1 recámara", 750, 1300),
                           ("casa de 2 recámaras", 1000, 1800), ("traila", 600, 1000), ("estudio", 650, 1100)])
    rent = price_fn(lo, hi)(rng, c)
    c["t"] = t
    c["rent"] = rent
    title = c.pick(["Se renta {t} en {hood}", "Renta de {t} - {rent}", "SE RENTA {t}"])
    sents = [c.pick(["Se renta {t} en {hood}.", "Tengo {t} disponible en {hood}."]),
             pick(rng, ["Incluye agua y luz.", "Biles incluidos.", "Con lavandería.", "Con estacionamiento."]),
             pick(rng, ["Cerca de la parada del bus.", "Cerca de tiendas.", "Zona tranquila."]),
             c.pick(["Renta {rent} al mes.", "{rent} mensuales más depósito."]),
             pick(rng, ["No se permiten mascotas.", "No fumar.", "Para persona sola o pareja."]),
             c.pick(["Llame al {phone}.", "Informes al {phone}.", "Mande texto al {phone}."])]
    return title, sents, [("Renta", rent), ("Lugar", c["hood"] + ", " + c["city"])]

# ----------------------------------------------------------------------------------------------------------------
# Services
# ----------------------------------------------------------------------------------------------------------------

SERVICES = {
    "moving": dict(biz=["{last} Moving", "Two Guys and a Van", "Careful Hands Movers", "{hood} Hauling & Moving"],
                   what=["local moves", "apartment moves", "piano moving", "loading and unloading rental trucks",
                         "packing", "single-item moves", "storage unit moves"],
                   price=["$95/hr for two movers and a truck", "$120/hr for three movers", "flat rates for studios",
                          "free estimates", "$60/hr labor only"],
                   extra=["Licensed and insured.", "We bring blankets, dollies and straps.",
                          "Same-week bookings usually possible.", "No charge for stairs."]),
    "cleaning": dict(biz=["Sparkle Home Cleaning", "{name}'s Cleaning Service", "Spotless {city}", "Tidy Nest"],
                     what=["weekly and biweekly house cleaning", "move-out cleaning", "deep cleans",
                           "post-construction cleanup", "office cleaning", "inside the fridge and oven",
                           "Airbnb turnovers"],
                     price=["$120 for a standard 2-bedroom", "$35/hr", "flat rates after a walkthrough",
                            "free estimates", "$200 move-out cleans for apartments"],
                     extra=["Bonded and insured.", "We bring all supplies.", "Eco-friendly products on request.",
                            "References available."]),
    "lawn": dict(biz=["{last} Lawn Care", "Green Thumb Yard Service", "{hood} Landscaping", "Cut Above Lawn Co."],
                 what=["weekly mowing", "edging and trimming", "leaf cleanup", "hedge trimming", "mulch installation",
                       "sprinkler repair", "sod installation", "tree trimming", "aeration"],
                 price=["mowing from $35", "free estimates", "$40 per cut for most yards", "seasonal contracts"],
                 extra=["Licensed and insured.", "Reliable, we show up on the day we say.",
                        "Senior discounts.", "Text a photo of your yard for a quote."]),
    "handyman": dict(biz=["{name} the Handyman", "Fix-It {last}", "{hood} Home Repair", "Honey-Do Handyman"],
                     what=["drywall patching", "door and lock repair", "TV mounting", "furniture assembly",
                           "fence repair", "faucet and toilet replacement", "ceiling fans", "deck repair",
                           "gutter cleaning", "caulking and grout", "small remodels"],
                     price=["$55/hr, one hour minimum", "free estimates", "flat rates for TV mounting",
                            "$65/hr plus materials"],
                     extra=["20 years of experience.", "Insured.", "No job too small.", "I clean up after myself."]),
    "tutoring": dict(biz=["{name} {last} Tutoring", "Bright Minds Tutoring", "{city} Math Help", "A+ Learning"],
                     what=["algebra and geometry", "reading and phonics", "SAT and ACT prep", "chemistry",
                           "essay writing", "Spanish", "homework help", "piano lessons", "guitar lessons",
                           "calculus", "GED prep"],
                     price=["$40/hr", "$35 per session", "first session free", "$50/hr for test prep",
                            "package of 8 sessions for $280"],
                     extra=["Certified teacher with 12 years in the classroom.", "Online or in person.",
                            "Flexible evenings.", "References from local families."]),
    "photography": dict(biz=["{name} {last} Photography", "Golden Hour Studio", "Lens & Light", "{hood} Portraits"],
                        what=["family portraits", "weddings", "headshots", "graduation photos", "newborn sessions",
                              "engagement photos", "pet portraits", "home listing photos for realtors", "event photography"],
                        price=["mini sessions $150", "weddings from $1,800", "headshots $95",
                               "1-hour sessions $225 with 30 edited images"],
                        extra=["Online gallery delivered in two weeks.", "Print packages available.",
                               "Outdoor and studio sessions.", "Booking fall dates now."]),
    "beauty": dict(biz=["Glam by {name}", "{name}'s Braids", "Lash Loft", "Brow Bar {hood}", "Fade Factory"],
                   what=["bridal hair and makeup", "box braids and knotless braids", "lash extensions",
                         "brow lamination", "silk press", "men's cuts and fades", "gel manicures",
                         "updos for events", "kids' haircuts"],
                   price=["braids from $120", "full set lashes $85", "bridal trial $75", "cuts $25",
                          "silk press $65"],
                   extra=["Licensed cosmetologist.", "Booking link in bio.", "Deposit required to book.",
                          "Sanitized tools every client."]),
    "pet_care": dict(biz=["Pampered Paws Grooming", "{name}'s Dog Walking", "Wag & Wash", "Happy Tails Pet Sitting"],
                     what=["full grooms", "nail trims", "daily dog walks", "cat sitting", "overnight pet sitting",
                           "puppy potty breaks", "bath and brush"],
                     price=["walks $20 for 30 minutes", "full grooms from $55", "nail trims $15",
                            "drop-in checks $22"],
                     extra=["Pet first aid certified.", "Insured and bonded.", "Photo updates every time.",
                            "Meet-and-greet first, free."]),
    "auto": dict(biz=["Shine On Detailing", "{last}'s Mobile Mechanic", "Precision Auto Glass", "{hood} Tire & Lube"],
                 what=["interior detailing", "ceramic coating", "headlight restoration", "brake jobs",
                       "oil changes", "windshield replacement", "battery replacement", "diagnostics"],
                 price=["interior details from $120", "oil changes $45", "free estimates", "brakes from $180"],
                 extra=["ASE certified.", "Warranty on parts and labor.", "Fleet accounts welcome."]),
    "repair": dict(biz=["{city} Computer Repair", "Fix My Phone", "Appliance Doctor", "{last} Electric"],
                   what=["cracked screens", "virus removal", "data recovery", "washer and dryer repair",
                         "fridge repair", "panel upgrades", "outlet installation", "small engine repair"],
                   price=["diagnostic $49", "screens from $89", "no fix, no fee", "service call $75"],
                   extra=["Most repairs same day.", "Licensed and insured.", "90-day warranty."]),
    "painting": dict(biz=["{last} Painting", "Brush Strokes Co.", "{hood} Painters", "Clean Lines Painting"],
                     what=["interior painting", "exterior painting", "cabinet refinishing", "deck staining",
                           "drywall repair", "popcorn ceiling removal"],
                     price=["free estimates", "rooms from $300", "cabinet refinishing from $2,500"],
                     extra=["Licensed and insured.", "We move the furniture and cover everything.",
                            "15 years in business."]),
    "alterations": dict(biz=["{name}'s Alterations", "Stitch It {hood}", "Needle & Thread Tailoring"],
                        what=["hemming pants", "wedding dress alterations", "zipper replacement", "suit tailoring",
                              "curtains", "costume sewing"],
                        price=["hems $15", "zippers $20", "free fittings"],
                        extra=["30 years sewing.", "Rush jobs possible.", "Most jobs ready in a week."]),
    "junk": dict(biz=["Junk Be Gone {city}", "{last} Hauling", "Haul Pros"],
                 what=["junk removal", "garage cleanouts", "appliance removal", "yard waste hauling",
                       "estate cleanouts", "hot tub removal"],
                 price=["free estimates", "single items from $75", "quarter load $150"],
                 extra=["We donate what we can.", "Licensed and insured.", "Text photos for a quote."]),
}
SVC_TAG = {"moving": "Moving", "cleaning": "House cleaning", "lawn": "Lawn care", "handyman": "Handyman",
           "tutoring": "Tutoring", "photography": "Photography", "beauty": "Hair & beauty", "pet_care": "Pet care",
           "auto": "Auto service", "repair": "Repairs", "painting": "Painting", "alterations": "Alterations",
           "junk": "Junk removal"}


def service(rng, c, voice):
    sub = pick(rng, list(SERVICES))
    S = SERVICES[sub]
    c["svc_sub"] = c["sub"] = sub
    c["svc"] = SVC_TAG[sub]
    c["biz"] = c.fill(pick(rng, S["biz"]))
    what = rng.sample(S["what"], min(len(S["what"]), rng.randint(2, 4)))
    c["what"] = what[0]
    price = pick(rng, S["price"])
    extra = rng.sample(S["extra"], 2)
    fields = [("Service", c["svc"]), ("Area", c["city"] + " and nearby"), ("Rates", price)]
    if voice == "terse":
        title = c.pick(["{svc} - {biz}", "{svc}", "{svc} {city}"])
        sents = ["%s." % cap(", ".join(what)), cap(price) + ".", extra[0], c.pick(["{phone}", "Call/text {phone}"])]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{biz} - {svc}", "{svc} services"])
        sents = [c.pick(["{biz} offers:", "Services:", "We do:"])] + ["LIST:" + cap(w) for w in what]
        sents += ["LIST:" + cap(price)] + ["LIST:" + e.rstrip(".") for e in extra]
        sents.append(c.pick(["Call {phone}.", "Book at {site} or call {phone}.", "Email {email}."]))
        return title, sents, fields
    if voice == "individual" or voice == "chatty":
        title = c.pick(["{svc} by {name}", "Reliable {svc_l}", "{svc} - reasonable rates", "Need help with {what}?"])
        sents = [c.pick(["Hi, I'm {name}.", "My name is {name} and I've been doing this for years.",
                         "Hello neighbors, {name} here."]),
                 "I offer %s." % (", ".join(what[:-1]) + " and " + what[-1] if len(what) > 1 else what[0]),
                 cap(price) + ".", extra[0]]
        if voice == "chatty":
            sents.append(c.pick(["I started this after {n_small} years working for a big company and I love being my own boss.",
                                 "My customers in {hood} have kept me busy, so I'm adding a few more.",
                                 "I take pride in doing it right."]))
        sents.append(c.pick(["Call or text {phone}.", "Text {phone} for a quote.", "Email {email}."]))
        return title, sents, fields
    title = c.pick(["{biz} - {svc}", "{svc} in {city}", "{biz}: {what}", "Professional {svc_l}"])
    sents = [c.pick(["{biz} offers %s." % ", ".join(what), "{biz} serves {city} and nearby towns.",
                     "Looking for help with {what}? {biz} can help."]),
             "Services include %s." % ", ".join(what), cap(price) + "."] + extra
    sents.append(c.pick(["Call {phone} or book at {site}.", "Call {phone}.", "Email {email} for a quote.",
                         "Free estimates: {phone}."]))
    return title, sents, fields


VOCAB["svc_l"] = lambda rng, c: c["svc"].lower()

SERVICES_ES = [
    ("Limpieza de casas", ["limpieza general", "limpieza profunda", "limpieza de mudanza"]),
    ("Jardinería", ["corte de pasto", "poda de árboles", "limpieza de yardas"]),
    ("Mudanzas", ["mudanzas locales", "carga y descarga", "fletes"]),
    ("Pintura", ["pintura interior y exterior", "reparación de drywall"]),
    ("Costura y arreglos", ["bastillas", "cierres", "vestidos de novia"]),
    ("Mecánico", ["cambio de aceite", "frenos", "diagnóstico con computadora"]),
    ("Cuidado de niños", ["cuidado de niños en mi casa", "comida incluida"]),
    ("Plomería", ["destape de drenajes", "cambio de boiler", "fugas"]),
]


def service_es(rng, c, voice):
    svc, what = pick(rng, SERVICES_ES)
    c["svc"] = svc
    title = c.pick(["{svc} - precios económicos", "{svc} en {city}", "{svc}"])
    sents = [c.pick(["Ofrezco servicio de %s." % svc.lower(), "Hacemos %s." % ", ".join(what)]),
             "Trabajos: %s." % ", ".join(what),
             pick(rng, ["Presupuesto gratis.", "Precios económicos.", "Muchos años de experiencia.",
                        "Trabajo garantizado."]),
             pick(rng, ["Hablamos inglés y español.", "Pregunte sin compromiso."]),
             c.pick(["Llame al {phone}.", "Informes al {phone}.", "Mande WhatsApp al {phone}."])]
    return title, sents, [("Servicio", svc), ("Zona", c["city"])]


# ----------------------------------------------------------------------------------------------------------------
# Food (bakeries, restaurants, food trucks, catering, home cooks, farm stands)
# ----------------------------------------------------------------------------------------------------------------

FOOD = {
    "bakery": dict(biz=["{name}'s Bakery", "Sugar & Salt Bakeshop", "Golden Crust Bakery", "Panadería {last}",
                        "Rise & Shine Bakery", "The Rolling Pin"],
                   menu=["conchas", "sourdough loaves", "cinnamon rolls", "custom cakes", "cupcakes", "empanadas",
                         "croissants", "kolaches", "bagels", "pies", "cookies by the dozen", "tres leches cake",
                         "gluten-free muffins", "pan de muerto", "birthday cakes", "baklava"]),
    "restaurant": dict(biz=["The Copper Pot", "{last}'s Kitchen", "Blue Door Cafe", "Smokehouse on {street}",
                            "{hood} Taqueria", "Pho {hood}", "Harvest Table", "Noodle House"],
                       menu=["pho", "street tacos", "brisket plates", "burgers", "wood-fired pizza", "ramen",
                             "fried chicken", "pupusas", "curry", "enchiladas", "chicken and waffles",
                             "bibimbap", "gyros", "fish and chips", "biryani", "jollof rice"]),
    "food_truck": dict(biz=["Taco Loco Truck", "The Rolling Grill", "Bao Down", "Smokin' Wheels BBQ",
                            "Curbside Crepes", "The Grilled Cheese Truck"],
                       menu=["birria tacos", "loaded fries", "brisket sandwiches", "bao buns", "crepes",
                             "grilled cheese", "elote", "lumpia", "quesadillas", "shaved ice"]),
    "catering": dict(biz=["{last} Catering", "Table for Many Catering", "{name}'s Kitchen Catering",
                          "Grill Masters Catering"],
                     menu=["taco bars", "BBQ buffets", "boxed lunches", "grazing boards", "pasta trays",
                           "wedding dinners", "office breakfasts", "paella"]),
    "home_cook": dict(biz=["{name}'s Kitchen", "Homemade by {name}", "{name}'s Tamales"],
                      menu=["tamales by the dozen", "pozole", "homemade salsa", "egg rolls", "peach cobbler",
                            "banana bread", "sweet potato pies", "frozen dumplings", "jerk chicken plates"]),
    "farm_stand": dict(biz=["{last} Family Farm", "Sunny Acres Farm Stand", "Hilltop Orchard", "{hood} Produce"],
                       menu=["sweet corn", "tomatoes", "peaches", "eggs by the dozen", "honey", "pumpkins",
                             "strawberries", "green chile", "apples", "raw-milk cheese", "beef by the quarter"]),
    "coffee": dict(biz=["Bean Counter Coffee", "Daily Grind", "{hood} Roasters", "Perk Up Cafe"],
                   menu=["cold brew", "lattes", "breakfast burritos", "chai", "pastries", "pour-overs",
                         "matcha", "bagel sandwiches"]),
}
FOOD_NOUN = {"bakery": "bakery", "restaurant": "restaurant", "food_truck": "food truck", "catering": "catering company",
             "home_cook": "kitchen", "farm_stand": "farm stand", "coffee": "coffee shop"}
FOOD_HOURS = ["Open Tuesday–Sunday, 7am–3pm.", "Hours: Mon–Sat 11–9.", "Open daily 6am to 2pm.",
              "Wed–Sun, 11am until we sell out.", "Hours: 7–7 every day but Monday.",
              "Saturdays 8–noon at the {hood} market.", "Lunch Mon–Fri, 11–2."]


def food(rng, c, voice):
    sub = pick(rng, list(FOOD))
    F = FOOD[sub]
    c["food_sub"] = c["sub"] = sub
    c["biz"] = c.fill(pick(rng, F["biz"]))
    c["fnoun"] = FOOD_NOUN[sub]
    menu = rng.sample(F["menu"], min(len(F["menu"]), rng.randint(2, 4)))
    c["m1"] = menu[0]
    hours = c.pick(FOOD_HOURS)
    where = c.pick(["{num} {street}", "{street} and {street2}", "the corner of {street} and {street2}",
                    "{hood}, next to {landmark}"])
    c["where"] = where
    fields = [("Business", c["biz"]), ("Location", where + ", " + c["city"]), ("Hours", hours.rstrip("."))]
    if sub == "home_cook":
        title = c.pick(["{M1} for sale", "Homemade {m1}", "{M1} - order by {day}"])
        sents = [c.pick(["Selling homemade {m1} this weekend.", "I'm taking orders for {m1}.",
                         "Making {m1} again, order by {day}!"]),
                 "Also have %s." % " and ".join(menu[1:]) if len(menu) > 1 else "Limited batch.",
                 c.pick(["$18 a dozen.", "$15 a dozen, $28 for two.", "$12 a quart.", "$25 per tray."]),
                 c.pick(["Pickup in {hood}.", "Pickup {weekend_day} after 10.", "Delivery in {hood} for $5."]),
                 c.pick(["Text {phone} to order.", "Call {phone}.", "Message me here."])]
        return title, sents, fields
    if voice == "terse":
        title = c.pick(["{biz}", "{M1} - {biz}", "{biz} {hood}"])
        sents = [cap(", ".join(menu)) + ".", hours, where + ".", c.pick(["{phone}", "Call ahead {phone}"])]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{biz} menu", "This week at {biz}", "{biz} - catering menu"])
        sents = [c.pick(["This week at {biz}:", "On the menu:", "What we're making:"])]
        sents += ["LIST:%s - $%d" % (cap(m), rng.randint(3, 12)) for m in menu]
        sents += [hours, c.pick(["Find us at {where}.", "Order at {phone}."])]
        return title, sents, fields
    if voice == "chatty":
        title = c.pick(["Try our {m1}!", "{biz} - come hungry", "Have you tried {biz} yet?"])
        sents = [c.pick(["We started {biz} in our home kitchen {n_small} years ago.",
                         "{biz} is a family {fnoun} and we put a lot of love into every order.",
                         "Our {m1} recipe comes from my grandmother."]),
                 "Right now we're making %s." % (", ".join(menu[:-1]) + " and " + menu[-1] if len(menu) > 1 else menu[0]),
                 c.pick(["Everyone who tries the {m1} comes back for more.", "Orders for the weekend fill up fast.",
                         "We do custom orders for birthdays and office lunches too."]),
                 hours, c.pick(["Find us at {where}.", "We're at {where}."]),
                 c.pick(["Call {phone} to order.", "Follow us at {site}.", "Orders: {email}."])]
        return title, sents, fields
    title = c.pick(["{biz}", "{biz} - {m1} and more", "{M1} at {biz}", "{biz} now taking orders"])
    sents = [c.pick(["{biz} serves %s." % ", ".join(menu), "{biz} is a {fnoun} at {where}.",
                     "At {biz} we make %s." % ", ".join(menu)]),
             c.pick(["Grown right here on the farm.", "Picked this morning.", "U-pick on weekends.",
                     "Bring your own bags."] if sub == "farm_stand" else
                    ["Everything is made from scratch.", "Catering available for groups of 20 or more.",
                     "Online ordering available.", "Gift cards available.", "Dine in or take out."]),
             hours, c.pick(["Located at {where}.", "We're at {where}."]),
             c.pick(["Call {phone}.", "Order at {site}.", "Catering inquiries: {email}."])]
    return title, sents, fields


VOCAB["M1"] = lambda rng, c: cap(c["m1"])

FOOD_ES = [("Tamales caseros", "Tamales de puerco, pollo y rajas.", "$18 la docena."),
           ("Pupusas", "Pupusas de queso, revueltas y loroco.", "$3 cada una."),
           ("Pan dulce", "Conchas, cuernitos y orejas.", "$1.50 la pieza."),
           ("Menudo", "Menudo los sábados y domingos.", "$12 el litro."),
           ("Pozole", "Pozole rojo y verde.", "$12 el litro."),
           ("Tortillas hechas a mano", "Tortillas de maíz y de harina.", "$5 el paquete."),
           ("Birria", "Birria de res con consomé.", "$15 el plato."),
           ("Champurrado y atole", "Champurrado de chocolate y atole de fresa.", "$8 el litro.")]


def food_es(rng, c, voice):
    what, desc, price = pick(rng, FOOD_ES)
    c["what"] = what
    title = c.pick(["Venta de {what_l}", "{what} - {hood}", "{what} este fin de semana"])
    sents = [c.pick(["Vendo {what_l}.", "Tenemos {what_l} este fin de semana.", "Hago {what_l} por encargo."]),
             desc, price, c.pick(["Recoger en {hood}.", "Entrega en {hood}.", "Pedidos antes del {day_es}."]),
             c.pick(["Pedidos al {phone}.", "Llame al {phone}."])]
    return title, sents, [("Lugar", c["hood"] + ", " + c["city"])]


VOCAB["what_l"] = lambda rng, c: c["what"][0].lower() + c["what"][1:]


# ----------------------------------------------------------------------------------------------------------------
# Events (fairs, markets, concerts, classes, birthdays, venues, garage sales)
# ----------------------------------------------------------------------------------------------------------------

EVENTS = {
    "craft_fair": [
        (n, ["the {hood} rec center", "St. Mark's parish hall", "the fairgrounds", "{hood} Elementary gym"],
         ["Over 60 local makers.", "Handmade jewelry, quilts, woodwork and soaps.", "Free admission.",
          "Bake sale benefits the PTA.", "Booths are $35, a few left."])
        for n in ["Fall Craft Fair", "Holiday Bazaar", "Spring Makers Market", "{hood} Arts & Crafts Show"]],
    "farmers_market": [
        (n, ["the {street} parking lot", "the old train depot", "{hood} park"],
         ["SNAP/EBT accepted.", "Local produce, eggs, honey and flowers.", "Live music from 10 to noon.",
          "Dogs on leashes welcome.", "Vendor spots $20 a week."])
        for n in ["{hood} Farmers Market", "Saturday Market on {street}", "Night Market at the Depot"]],
    "concert": [
        ("Music in the Park", ["{hood} park bandshell", "the Riverside amphitheater"],
         ["Bring a blanket or lawn chair.", "Food trucks on site.", "Free.", "This week: a brass band."]),
        ("Jazz on the Lawn", ["the library courtyard", "the museum lawn"],
         ["Bring a blanket or lawn chair.", "Tickets $10 at the gate.", "Kids under 12 free.", "Rain moves it indoors."]),
        ("{hood} Summer Concert Series", ["{hood} park bandshell", "the town square"],
         ["Free.", "Food trucks on site.", "Lineup posted online.", "Lawn chairs welcome."]),
        ("Open Mic Night", ["The Rusty Nail", "Books & Brews", "the coffeehouse on {street}"],
         ["Sign-ups start at 6:30.", "Two songs or ten minutes each.", "PA and mic provided.", "No cover."]),
    ],
    "class": [
        ("Beginner Pottery Class", ["the community art center", "Clay Studio on {street}"],
         ["All materials and firing included.", "$45 per person.", "Class size is limited to 10.", "No experience needed."]),
        ("Watercolor Workshop", ["the {hood} library", "the community art center"],
         ["Paper and paints provided.", "$30 per person.", "Beginners welcome.", "Take home two finished pieces."]),
        ("Knife Skills Cooking Class", ["{last}'s Kitchen", "the culinary school on {street}"],
         ["$55 per person, dinner included.", "Bring an apron.", "Class size is limited to 12.", "Knives provided."]),
        ("Intro to Woodworking", ["the maker space on {street}", "the {hood} community shop"],
         ["Build a cutting board in one afternoon.", "Safety glasses provided.", "$60, wood included.", "No experience needed."]),
        ("Salsa Dance Lessons", ["the Elks lodge", "Studio 5 on {street}"],
         ["No partner needed.", "$12 a class or $40 for four.", "Wear comfortable shoes.", "Beginner class first, then open dancing."]),
        ("Basic Car Maintenance Class", ["{hood} Tire & Lube", "the vo-tech auto shop"],
         ["Learn to check fluids, change a tire and jump a battery.", "Free.", "Bring your car if you like."]),
        ("Bread Baking 101", ["{last}'s Kitchen", "the {hood} library"],
         ["Take home a loaf and a starter.", "$40 per person.", "Class size is limited to 8."]),
        ("Beginner Sewing Night", ["the fabric shop on {street}", "the {hood} library"],
         ["Machines provided.", "Make a tote bag in two hours.", "$25, fabric included."]),
    ],
    "birthday": [
        (n, ["our backyard on {street}", "{hood} park pavilion 3", "the skating rink", "the bowling alley"],
         ["Bounce house and taco bar.", "RSVP by the weekend before.", "Bring a chair.", "BYO lawn games.", "Cake at 3."])
        for n in ["Birthday Bash", "Backyard Birthday", "Surprise 40th", "Block Cookout"]],
    "venue": [
        (n, ["{num} {street}", "the old Grange hall", "{last} Farms", "the VFW hall"],
         ["Seats 150.", "Tables and chairs included.", "Kitchen access.", "Weekday discounts.", "Dance floor and stage.",
          "Plenty of parking."])
        for n in ["Event Hall for Rent", "Barn Venue Available", "Banquet Room Rental", "Garden Venue"]],
    "garage_sale": [
        (n, ["{num} {street}", "the {hood} subdivision", "the {street} cul-de-sac"],
         ["Furniture, tools, kids' stuff, kitchen items.", "Early birds pay double.", "Everything must go.",
          "Rain or shine.", "Half price after noon Sunday."])
        for n in ["Multi-Family Garage Sale", "Moving Sale", "Estate Sale", "Neighborhood Yard Sale"]],
    "festival": [
        ("Harvest Festival", ["the fairgrounds", "{last} Farms"], ["Hayrides and a corn maze.", "Free parking.", "$5 per car.",
                                                               "Vendors and food trucks."]),
        ("Chili Cook-Off", ["Main Street downtown", "the VFW hall"], ["Judging at 2pm.", "Tasting kits $10.",
                                                                     "Entry fee $25 per team.", "Proceeds to the fire department."]),
        ("Car Show & Swap Meet", ["the high school lot", "the fairgrounds"], ["Registration $20 per car.", "Free for spectators.",
                                                                              "Trophies at 3pm.", "Swap meet spaces $15."]),
        ("Fourth of July Picnic", ["{hood} park", "the town square"], ["Fireworks at dusk.", "Bring a dish to share.",
                                                                       "Three-legged race at 2."]),
        ("Pumpkin Patch", ["{last} Farms", "the church lawn on {street}"], ["Hayrides on weekends.", "Pumpkins from $3.",
                                                                            "Free photo spots."]),
        ("Fall Fest", ["{hood} park", "the fairgrounds"], ["Vendors and food trucks.", "Free admission.", "Pie contest at 1."]),
    ],
    "talk": [
        ("Trivia Night", ["the taproom on {street}", "Books & Brews"], ["Teams up to six.", "Free to play, prizes for the top three.",
                                                                       "Starts at 7 sharp."]),
        ("Book Sale", ["the {hood} library"], ["Hardcovers $2, paperbacks $1.", "Fill a bag for $5 on Sunday.",
                                               "Proceeds support the library."]),
        ("Plant Swap", ["the community garden", "the {hood} library lawn"], ["Bring a cutting, take a cutting.",
                                                                            "Label your plants if you can.", "Free."]),
        ("Author Talk", ["the {hood} library", "Books & Brews"], ["Signed copies for sale.", "Free, seating is limited.",
                                                                 "Q&A afterward."]),
        ("Game Night", ["Books & Brews", "the {hood} rec center"], ["Bring a game or borrow one of ours.", "Free.",
                                                                    "Snacks provided."]),
        ("Movie Night", ["the {hood} library", "{hood} park"], ["Free popcorn.", "Bring a blanket.", "Movie starts at dusk."]),
    ],
}


def event_when(rng, c):
    style = rng.randint(0, 4)
    if style == 4 and c["ev_sub"] in ("farmers_market", "class", "talk", "concert"):
        return c.fill("every {day} at {time}")
    h = rng.randint(8, 18)
    span = rng.randint(2, 5)
    def t(x):
        ap = "am" if x < 12 else "pm"
        return "%d%s" % (x if x <= 12 else x - 12, ap)
    rngtxt = "%s–%s" % (t(h), t(min(h + span, 22)))
    if style == 0:
        return "%s, %s" % (c["date"], rngtxt)
    if style == 1:
        return "%s from %s to %s" % (c["date"], t(h), t(min(h + span, 22)))
    if style == 2:
        return c["date"]
    return "%s %s" % (c["date"], rngtxt)


def event(rng, c, voice):
    sub = pick(rng, list(EVENTS))
    name, places, bits = pick(rng, EVENTS[sub])
    c["ev_sub"] = c["sub"] = sub
    c["ev"] = c.fill(name)
    c["evplace"] = c.fill(pick(rng, places))
    bits = [c.fill(b) for b in rng.sample(bits, min(len(bits), rng.randint(2, 3)))]
    when = event_when(rng, c)
    c["when"] = when
    fields = [("When", when), ("Where", c["evplace"] + ", " + c["city"])]
    if sub == "venue":
        title = c.pick(["{ev} - {city}", "{ev}, weddings and events", "{ev} in {hood}"])
        sents = [c.pick(["Our hall at {evplace} is available for weddings, reunions and showers.",
                         "Looking for a place for your next event? {evplace} is available."])] + bits
        sents += [c.pick(["Rates from $350 for four hours.", "$600 Saturdays, $300 weekdays."]),
                  c.pick(["Call {phone} for dates.", "Email {email} for a tour."])]
        return title, sents, [("Where", c["evplace"] + ", " + c["city"])]
    if voice == "terse":
        title = c.pick(["{ev} {date}", "{ev}", "{EV}"])
        sents = [c["ev"] + ".", when + ".", c["evplace"] + ".", bits[0]]
        return title, sents, fields
    if voice == "list":
        title = c.pick(["{ev} - {date}", "{ev} at {evplace}"])
        sents = [c.pick(["Join us for the {ev}!", "{ev} details:"]), "LIST:When: " + when,
                 "LIST:Where: " + c["evplace"]] + ["LIST:" + b.rstrip(".") for b in bits]
        sents.append(c.pick(["Questions? {email}", "Info: {phone}"]))
        return title, sents, fields
    if voice == "chatty":
        title = c.pick(["{ev} on {date}!", "Don't miss the {ev}", "{ev} is back"])
        sents = [c.pick(["Mark your calendars, neighbors!", "It's that time of year again!", "Hey {city}!"]),
                 c.pick(["The {ev} is {when} at {evplace}.", "We're holding the {ev} at {evplace}, {when}."])] + bits
        sents.append(c.pick(["Tell your friends and neighbors.", "It's always a good time.", "Hope to see you there!"]))
        sents.append(c.pick(["Questions? Text {phone}.", "Info at {site}.", "Email {email}."]))
        return title, sents, fields
    title = c.pick(["{ev} - {date}", "{ev}", "{ev} at {evplace}", "{ev}, {city}"])
    sents = [c.pick(["{ev}: {when}, {evplace}.", "{ev} at {evplace}, {when}."])] + bits
    sents.append(c.pick(["More info at {site}.", "Questions: {email}.", "Call {phone}."]))
    return title, sents, fields


VOCAB["EV"] = lambda rng, c: c["ev"].upper()


def event_es(rng, c, voice):
    ev, bits = pick(rng, [("Venta de garaje", ["Muebles, ropa y herramientas.", "Todo barato."]),
                          ("Kermés de la parroquia", ["Antojitos, lotería y música.", "Entrada libre."]),
                          ("Salón para eventos", ["Capacidad para 200 personas.", "Mesas y sillas incluidas."]),
                          ("Clases de baile folklórico", ["Para adultos principiantes.", "$30 al mes."]),
                          ("Tianguis del domingo", ["Comida, ropa y plantas.", "Espacios disponibles."])])
    c["ev"] = ev
    title = c.pick(["{ev} - {hood}", "{ev}", "{ev} este {day_es}"])
    sents = [c.pick(["{ev} este {day_es} en {hood}.", "{ev}: {day_es} a las {time}."])] + bits
    sents.append(c.pick(["Dirección: {num} {street}.", "Informes al {phone}."]))
    return title, sents, [("Lugar", c["hood"] + ", " + c["city"])]


# ----------------------------------------------------------------------------------------------------------------
# Pets
# ----------------------------------------------------------------------------------------------------------------

DOG_BITS = ["Spayed and up to date on shots.", "Neutered and microchipped.", "House trained.", "Good with other dogs.",
            "Not good with cats.", "Knows sit, stay and down.", "Loves car rides.", "Comes with food, bowls and a bed.",
            "Walks well on a leash.", "Crate trained."]
CAT_BITS = ["Spayed and up to date on shots.", "Neutered and microchipped.", "Litter box trained, never misses.",
            "Indoor only.", "Gets along with other cats.", "Likes to sit in laps.", "Comes with a litter box and a scratching post."]
PETS = [
    ("Labrador puppies", "dog", "puppies"), ("golden retriever puppies", "dog", "puppies"), ("corgi puppies", "dog", "puppies"),
    ("Australian shepherd puppies", "dog", "puppies"), ("beagle mix", "dog", "adult"), ("pit bull terrier", "dog", "adult"),
    ("dachshund", "dog", "adult"), ("husky", "dog", "adult"), ("shih tzu", "dog", "adult"), ("boxer", "dog", "adult"),
    ("kittens", "cat", "kittens"), ("tabby cat", "cat", "adult"), ("orange cat", "cat", "adult"), ("Maine coon", "cat", "adult"),
    ("budgies", "bird", "adult"), ("cockatiel", "bird", "adult"), ("ball python", "reptile", "adult"),
    ("bearded dragon", "reptile", "adult"), ("leopard gecko", "reptile", "adult"), ("guinea pigs", "small", "adult"),
    ("rabbits", "small", "adult"), ("laying hens", "poultry", "adult"), ("goats", "farm", "adult"),
    ("aquarium setup", "fish", "supplies"), ("dog crate", "dog", "supplies"), ("cat tree", "cat", "supplies"),
    ("bird cage", "bird", "supplies"), ("rabbit hutch", "small", "supplies"),
]
PET_BITS = {
    ("dog", "puppies"): ["Vet checked, first shots and dewormed.", "Mom and dad on site.", "Ready to go home {date}.",
                         "Three males and two females.", "Raised in our house around the family."],
    ("cat", "kittens"): ["Litter trained.", "Eating dry food.", "Two gray and one black.", "Mom is our indoor cat.",
                         "Ready {date}."],
    ("dog", "adult"): DOG_BITS, ("cat", "adult"): CAT_BITS,
    ("bird", "adult"): ["Comes with the cage and toys.", "Hand tame.", "Whistles and chirps in the morning.", "Eats seed and pellets."],
    ("reptile", "adult"): ["Comes with the tank, heat lamp and hides.", "Eats well.", "Handled regularly, very calm.",
                           "About three years old."],
    ("small", "adult"): ["Comes with the cage, water bottle and food.", "Very friendly, used to being handled.",
                         "A bonded pair, would like them to go together.", "Eat hay and veggies."],
    ("poultry", "adult"): ["Laying about five eggs a day between them.", "Rhode Island Reds and Buff Orpingtons.", "Coop available too.",
                           "Bring a carrier."],
    ("farm", "adult"): ["Pair of wethers, good brush clearers.", "Bottle raised, very friendly.", "Disbudded.",
                        "Need a good fence."],
    "supplies": ["Used for one year.", "Everything cleaned and sanitized.", "Large size.", "Folds flat.",
                 "Heater and filter included."],
}
PET_REASON = ["We're moving into an apartment that doesn't allow pets.", "Our work schedules changed and they're alone too much.",
              "My landlord said no more pets.", "We need more time than we have right now.",
              "Allergies in the family.", "We just can't give them the attention they deserve."]
PET_ORG = {"dog": ["{hood} Animal Rescue", "Second Chance Pet Adoption", "Paws of {city} Rescue", "{last} Kennels"],
           "cat": ["{hood} Animal Rescue", "Second Chance Pet Adoption", "Whiskers Cat Rescue"],
           "bird": ["Feathered Friends Aviary", "{hood} Bird Rescue"], "reptile": ["Scales & Tails Rescue", "{city} Herp Society"],
           "small": ["{hood} Animal Rescue", "Bunny Haven"], "poultry": ["{last} Family Farm"], "farm": ["{last} Family Farm"]}


def pet(rng, c, voice):
    what, species, stage = pick(rng, PETS)
    c["pet"] = what
    c["sub"] = species
    c["pet_stage"] = stage
    pool = PET_BITS["supplies"] if stage == "supplies" else PET_BITS[(species, stage)]
    if stage == "supplies":
        pool = [b for b in pool if not (b.startswith("Heater") and what != "aquarium setup")]
    bits = [c.fill(b) for b in rng.sample(pool, min(len(pool), rng.randint(2, 3)))]
    fee = pick(rng, ["$50 rehoming fee", "free to a good home", "$350", "$600", "$25", "$1,200", "$80", "$15 each", "$40"]
               if stage != "supplies" else ["$25", "$40", "$60", "$15", "free"])
    c["fee"] = fee
    fields = [("Pet" if stage != "supplies" else "Item", what), ("Fee" if stage != "supplies" else "Price", fee),
              ("Location", c["hood"] + ", " + c["city"])]
    if stage == "supplies":
        title = c.pick(["{Pet} - {fee}", "{Pet} for sale"])
        sents = [c.pick(["Selling our {pet}.", "{Pet} for sale."])] + bits + [c.pick(SALE_CONTACT)]
        return title, sents, fields
    if voice == "business":
        c["biz"] = c.fill(pick(rng, PET_ORG[species]))
        title = c.pick(["{Pet} available - {biz}", "Adopt: {pet}", "{Pet}, {fee}"])
        sents = [c.pick(["{biz} has {pet} available.", "Meet our {pet}!"])] + bits
        sents += [c.pick(["Adoption fee {fee}.", "{Fee}."]), c.pick(["Application at {site}.", "Call {phone}."])]
        return title, sents, fields
    if voice == "terse":
        title = c.pick(["{Pet} {fee}", "{pet}", "{Pet} - {hood}"])
        sents = [cap(what) + ".", bits[0], fee + ".", c.pick(["Txt {phone}", "{phone}"])]
        return title, sents, fields
    title = c.pick(["{Pet} - {fee}", "Rehoming our {pet}", "{Pet} need homes" if what.endswith("s") else "{Pet} needs a home"])
    sents = []
    if stage == "adult" and not what.endswith("s"):
        sents.append(c.pick(["This is {pet_name}, our %s." % what, "We need to rehome {pet_name}, a sweet %s." % what]))
        sents.append(pick(rng, PET_REASON))
    elif stage == "adult":
        sents.append(c.pick(["We need to rehome our {pet}.", "Our {pet} need a new home."]))
        sents.append(pick(rng, PET_REASON))
    else:
        sents.append(c.pick(["We have {pet} looking for homes.", "Our {pet} are ready for new families."]))
    sents += bits
    if voice == "chatty":
        sents.append(c.pick(["It breaks our hearts but we want what's best.", "Everyone who meets them falls in love.",
                             "They've been a big part of our family."]))
    sents += [c.pick(["{Fee}.", "Asking {fee}.", "Fee is {fee}."]), c.pick(SALE_CONTACT)]
    return title, sents, fields


VOCAB["Pet"] = lambda rng, c: cap(c["pet"])
VOCAB["Fee"] = lambda rng, c: cap(c["fee"])


# ----------------------------------------------------------------------------------------------------------------
# Lost & found
# ----------------------------------------------------------------------------------------------------------------

LOST = [
    ("dog", "Lost dog", ["{pet_name} is a brown and white beagle mix, about 25 lbs.", "Black lab, red collar, answers to {pet_name}.",
                         "Small white terrier named {pet_name}, very shy.", "Gray pit mix with a blue harness."]),
    ("cat", "Lost cat", ["Orange tabby named {pet_name}, indoor only.", "Black cat with a white spot on his chest.",
                         "Gray long-haired cat, microchipped.", "Calico, very skittish."]),
    ("keys", "Lost keys", ["Toyota key and three house keys on a green lanyard.", "Car key with a bottle opener keychain."]),
    ("wallet", "Lost wallet", ["Brown leather wallet, ID inside.", "Black wallet with my work badge."]),
    ("phone", "Found phone", ["iPhone in a purple case.", "Samsung phone with a cracked back."]),
    ("ring", "Lost ring", ["Gold wedding band, engraved inside.", "Silver ring with a small blue stone, my mother's."]),
    ("bike", "Stolen bike", ["Blue Trek mountain bike, serial on file.", "Red cruiser with a basket."]),
    ("found_dog", "Found dog", ["Medium tan dog, no collar, very friendly.",
                                "Small black dog wearing a pink sweater.", "Older golden retriever, gray muzzle."]),
    ("bird", "Lost parrot", ["Green parrot, says hello and whistles.", "Gray cockatiel with an orange cheek."]),
    ("backpack", "Lost backpack", ["Black backpack with a laptop and notebooks.", "Gray hiking pack."]),
]


def lost(rng, c, voice):
    key, head, descs = pick(rng, LOST)
    desc = c.fill(pick(rng, descs))
    c["lf"] = head
    c["sub"] = key
    where = c.pick(["near {landmark}", "on {street} by {street2}", "in the {landmark} parking lot",
                    "around {hood}", "at {hood} park"])
    c["lfwhere"] = where
    found = head.startswith("Found")
    fields = [("Type", "found" if found else "lost"), ("Area", c["hood"] + ", " + c["city"]), ("Date", c["date"])]
    title = c.pick(["{lf} - {hood}", "{LF} {hood}", "{lf} near {landmark}", "{lf}, {date}"])
    sents = [c.pick(["%s %s on {date}." % ("Found" if found else "Lost", where),
                     "%s {date} %s." % ("Found" if found else "Went missing", where)]), desc]
    if not found:
        sents.append(pick(rng, ["Reward offered.", "$100 reward.", "Please check your garage and sheds.",
                                "Sentimental value.", "No questions asked, just want it back."]))
    else:
        sents.append(pick(rng, ["Describe it to claim.", "Holding it safe at my house.", "Please share."]))
    if voice == "chatty":
        sents.append(pick(rng, ["We are so worried.", "Please keep an eye out.", "Thank you for reading and sharing!"]))
    sents.append(c.pick(["Call or text {phone}.", "Text {phone}.", "Email {email}.", "{phone}, {name}."]))
    return title, sents, fields


VOCAB["LF"] = lambda rng, c: c["lf"].upper()


def lost_es(rng, c, voice):
    t, d = pick(rng, [("Se busca perro perdido", "Es un chihuahua café que se llama {pet_name}."),
                      ("Se perdió gato", "Gato negro con collar rojo."),
                      ("Se encontró perro", "Perro mediano color café, sin collar, muy amigable."),
                      ("Se perdieron llaves", "Llaves de Honda con llavero de la Virgen.")])
    title = c.fill(t) + c.fill(" en {hood}")
    sents = [c.fill(t) + c.fill(" cerca de {landmark} el {day_es}."), c.fill(d),
             pick(rng, ["Se ofrece recompensa.", "Por favor compartan.", "Es de mis hijos y lo extrañan mucho."]),
             c.pick(["Llame al {phone}.", "Cualquier información al {phone}."])]
    return title, sents, [("Zona", c["hood"] + ", " + c["city"])]


# ----------------------------------------------------------------------------------------------------------------
# Community (volunteering, church, sports leagues, programs, clubs)
# ----------------------------------------------------------------------------------------------------------------

COMMUNITY = {
    "volunteer": [
        ("{city} Food Bank", ["Volunteers needed to sort donations on {day} mornings.", "Shifts are two hours, groups welcome.",
                              "Closed-toe shoes required in the warehouse."]),
        ("{hood} Animal Shelter", ["Help walk dogs and socialize cats at the shelter.",
                                   "Orientation is the first Saturday of the month.", "Laundry and dish helpers needed too."]),
        ("Habitat for Humanity {city}", ["Build day on {date}, no construction experience needed.", "Tools and lunch provided.",
                                         "ReStore helpers needed on weekends."]),
        ("Meals on Wheels {city}", ["We need drivers to deliver meals two hours a week.", "Routes take about 90 minutes.",
                                    "Mileage may be tax deductible."]),
        ("the {hood} library", ["Tutors needed for the adult literacy program.", "Training provided, one evening a week.",
                                "Book sale helpers wanted too."]),
        ("Keep {city} Beautiful", ["Park cleanup on {date}, gloves and bags provided.", "Meet at the pavilion at 9am.",
                                   "Trash grabbers provided."]),
    ],
    "church": [
        (org, ["Potluck dinner after the {day} service.", "Choir is looking for new voices, rehearsals Thursdays at 7.",
               "Free community dinner every {day} at 5:30.", "Clothing drive through the end of the month.",
               "Rummage sale {date}, proceeds to the food pantry.", "All are welcome."])
        for org in ["Grace Community Church", "St. Mark's Parish", "First Baptist {city}", "{hood} Methodist Church",
                    "Temple Beth Shalom", "New Hope Fellowship", "Masjid Al-Noor"]
    ],
    "league": [
        ("{city} Parks & Rec Softball", ["Adult coed softball sign-ups are open through {date}.",
                                         "Free agents welcome, we'll place you on a team.", "Games on weeknights at the {hood} fields."]),
        ("Kickball {city}", ["Kickball teams forming, $40 per player.", "Free agents welcome, we'll place you on a team.",
                             "Games Sunday afternoons."]),
        ("the {hood} Pickleball Club", ["Pickleball drop-in play Tuesday and Thursday evenings.", "Loaner paddles available.",
                                        "All levels welcome."]),
        ("Sunday Soccer League", ["Over-30 soccer, Sunday mornings.", "Bring shin guards and a light and a dark shirt.",
                                  "Season fee covers refs and field rental."]),
        ("{city} Bowling League", ["Fall bowling league starts {date}, teams of four.", "All averages welcome, handicap league.",
                                   "Shoe rental included."]),
    ],
    "program": [
        ("{hood} Kids Club", ["After-school program with homework help and snacks.", "Pickup until 6pm.", "Sliding-scale fees."]),
        ("{city} Parks & Rec", ["Summer day camp registration is open.", "Field trips every Friday.",
                                "Before and after care available."]),
        ("the {hood} library", ["Robotics club meets Thursdays after school.", "Laptops provided.", "No experience needed."]),
        ("{city} YMCA", ["Free swim lessons on Saturday mornings.", "Register at the front desk.", "Scholarships available."]),
        ("the {hood} Art Center", ["Art camp for kids the week of {date}.", "All supplies included.",
                                   "Show for families on the last day."]),
        ("the 4-H club", ["New members welcome, projects from rabbits to robotics.", "Meetings the second {day} of the month.",
                          "County fair entries due {date}."]),
    ],
    "club": [
        ("{hood} Book Club", ["This month's book: a mystery set in Maine.", "We meet the first {day} of every month.",
                              "Guests welcome at any meeting."]),
        ("the {city} Chess Club", ["Beginners welcome, we have boards to share.", "We meet {day} evenings at the library.",
                                   "Casual games and a monthly tournament."]),
        ("{hood} Garden Club", ["Plant swap and seed exchange in the spring.", "Garden tour on {date}.", "Dues are $15 a year."]),
        ("{city} Running Club", ["Group runs Saturday at 7am from {landmark}.", "All paces, nobody gets left behind.",
                                 "Coffee afterward."]),
        ("Knit Night", ["Bring your project, any skill level.", "We meet {day}s at the coffee shop.",
                        "Spare needles and yarn to share."]),
        ("Toastmasters {city}", ["Guests welcome at any meeting.", "We meet {day} at noon.",
                                 "Practice speaking in a friendly room."]),
    ],
    "civic": [
        ("{hood} Neighborhood Association", ["Neighborhood meeting {date} at 7pm.", "Agenda: the new crosswalk and the park budget.",
                                             "Everyone on the block is welcome."]),
        ("{city} Blood Drive", ["Blood drive {date}, walk up or book a slot.", "Eat a good meal beforehand.",
                                "Every donor gets a T-shirt."]),
        ("the {hood} Lions Club", ["Annual pancake breakfast fundraiser {date}.", "Proceeds go to eye exams for kids.",
                                   "Tickets $8 at the door."]),
        ("{city} Senior Center", ["Free tax help for seniors on Tuesdays.", "Free flu shots {date}.", "Bring your ID."]),
    ],
}


def community(rng, c, voice):
    sub = pick(rng, list(COMMUNITY))
    org, asks = pick(rng, COMMUNITY[sub])
    c["sub_c"] = c["sub"] = sub
    c["org"] = c.fill(org)
    asks = rng.sample(asks, 2)
    c["ask"] = c.fill(asks[0])
    fields = [("Organization", c["org"]), ("Area", c["hood"] + ", " + c["city"])]
    title = c.pick(["{org}: {ask_short}", "{Org}", "{ask_short} - {org}", "{org} news"])
    sents = [c.fill(asks[0]), c.fill(asks[1])]
    if voice == "chatty":
        sents.insert(0, c.pick(["Hello friends!", "Hi everyone,", "Good news from {org}!"]))
        sents.append(c.pick(["We'd love to see some new faces.", "Bring a friend!", "It's a great group of people."]))
    elif voice == "terse":
        sents = sents[:1]
    elif voice == "list":
        sents = [c.fill(asks[0])] + ["LIST:" + x for x in [c.pick(["When: {date}, {time}", "Every {day}, {time}"]),
                                                            c.pick(["Where: {landmark}", "Where: {num} {street}"]),
                                                            "Cost: " + pick(rng, ["free", "$5", "$40 per season", "donations welcome"])]]
    sents.append(c.pick(["Contact {name} at {email}.", "Call {phone}.", "More at {site}.", "Questions? {email}"]))
    return title, sents, fields


VOCAB["Org"] = lambda rng, c: cap(c["org"])
VOCAB["ask_short"] = lambda rng, c: (c["ask"].split(",")[0].split(".")[0])[:60]


def community_es(rng, c, voice):
    t, s = pick(rng, [("Clases de inglés gratis", "Clases de inglés para adultos los martes y jueves a las 6pm."),
                      ("Despensa gratuita", "Reparto de despensa el {day_es} a las 10am."),
                      ("Liga de fútbol", "Inscripciones abiertas para la liga de fútbol de adultos."),
                      ("Grupo de oración", "Grupo de oración los miércoles en la parroquia.")])
    title = c.fill(t + " en {hood}")
    sents = [c.fill(s), pick(rng, ["Todos son bienvenidos.", "Es gratis.", "Traiga a su familia."]),
             c.pick(["Informes al {phone}.", "Informes en la oficina parroquial, {phone}."])]
    return title, sents, [("Zona", c["hood"] + ", " + c["city"])]


# ----------------------------------------------------------------------------------------------------------------
# Babysitting and yard work by teens (the age itself is added as a cue)
# ----------------------------------------------------------------------------------------------------------------

TEEN_JOBS = [
    ("babysitting", "babysit", ["I have a Red Cross babysitting certificate.",
                                 "I can help with homework and bedtime.", "I've watched my neighbors' kids for two years.",
                                 "I can do weekday evenings and weekends."]),
    ("lawn mowing", "mow lawns", ["We have our own mower and trimmer.", "$25 for most front and back yards.",
                                   "Available weekends and after school.", "We also bag clippings and edge the sidewalk."]),
    ("driveway shoveling", "shovel driveways and walks", ["$20 for a normal driveway.",
                                                           "We can be on a list for every storm.", "Sidewalks and steps too."]),
    ("dog walking", "walk dogs", ["30-minute walks for $12.", "I love dogs and have two of my own.",
                                  "Available after school every day."]),
    ("pet sitting", "feed and check on pets", ["I can come twice a day while you travel.", "I'll text you photos.",
                                               "Cats, dogs, fish, rabbits."]),
    ("car washing", "wash cars", ["$15 outside, $25 inside and out.", "We bring our own buckets and soap.",
                                  "Saturdays in {hood}."]),
    ("leaf raking", "rake leaves", ["$30 for most yards.", "We bag everything.", "We'll haul bags to the curb."]),
    ("tech help", "help with phones and computers", ["Setting up phones, printers and wifi.", "$15 an hour.",
                                                     "Patient with seniors."]),
    ("tutoring", "tutor kids in math and reading", ["Math and reading help for elementary kids.",
                                                     "I'm on the honor roll.", "I can meet at the library."]),
    ("yard work", "do yard work", ["Spreading mulch and cleaning flower beds.", "Hauling brush.",
                                    "Watering while you're away."]),
]


def teen_work(rng, c, voice):
    job_, verb, bits = pick(rng, TEEN_JOBS)
    c["tjob"] = c["sub"] = job_
    c["tverb"] = verb
    bits = [c.fill(b) for b in rng.sample(bits, min(len(bits), rng.randint(1, 3)))]
    fields = [("Service", job_), ("Area", c["hood"] + ", " + c["city"])]
    parent = chance(rng, 0.5)
    c["teen_name"] = c["name2"]
    c["teen_poster"] = "parent" if parent else "teen"
    if voice == "terse":
        title = c.pick(["{Tjob} - {hood}", "{tjob} {hood}", "{Tjob}, reasonable rates"])
        sents = [cap(job_) + ".", bits[0], c.pick(["{phone}", "Text {phone}"])]
        return title, sents, fields
    if parent:
        title = c.pick(["{Tjob} by a neighborhood kid", "My {kid_rel2} does {tjob}", "{Tjob} in {hood}"])
        sents = [c.pick(["My {kid_rel2} {teen_name} is saving up for a car and wants to {tverb} in {hood}.",
                         "Posting for my {kid_rel2} {teen_name}, who would like to {tverb} this summer.",
                         "Our {kid_rel2} is looking for {tjob} jobs close to home."])]
        sents += bits
        sents.append(c.pick(["I'm happy to talk with you first, call me at {phone}.", "Parent contact: {phone}.",
                             "Reach me ({name}, parent) at {phone}.", "You can email me at {email}."]))
        return title, sents, fields
    title = c.pick(["{Tjob} - {hood}", "Need help with {tjob}?", "{Tjob} available"])
    sents = [c.pick(["Hi, my name is {teen_name} and I live in {hood}.", "Hi! I'm {teen_name}.",
                     "Hello neighbors, I'm {teen_name} from down the street."]),
             c.pick(["I'd like to {tverb} for people nearby.", "I'm looking for {tjob} jobs."])]
    sents += bits
    sents.append(c.pick(["My mom or dad can talk with you first: {phone}.", "Text {phone} (that's my parents' number).",
                         "Call {phone}."]))
    return title, sents, fields


VOCAB["Tjob"] = lambda rng, c: cap(c["tjob"])

# ----------------------------------------------------------------------------------------------------------------
# Innocent cue pool
#
# Each cue: the RedFlag family its words resemble (or "near:<family>" for words that family's "does not count"
# column names, "near:contact" for contact habits, "near:category" for escort/massage vocabulary), what the words are
# really about here, the kinds it fits, sentence templates with the cue phrase in [[...]], optional title templates,
# a weight, and an optional condition on the ad's context.
# ----------------------------------------------------------------------------------------------------------------

ITEMS_K = "furniture appliances electronics clothing baby_gear tools"
GOODS_K = ITEMS_K + " vehicles"
KINDS = ["jobs", "furniture", "appliances", "electronics", "clothing", "baby_gear", "tools", "vehicles", "housing",
         "services", "food", "events", "pets", "lost_found", "community", "teen_work"]
ALL_K = " ".join(KINDS)


class Cue:
    """tpls is a list, or a dict {"kind kind ...": [templates]} when different kinds need different sentences."""

    def __init__(self, tag, about, kinds, tpls, t=None, w=1.0, when=None, age=False, lang="en"):
        self.tag = tag
        self.about = about
        self.by_kind = {}
        if isinstance(tpls, dict):
            for ks, v in tpls.items():
                for k in ks.split():
                    self.by_kind[k] = v
            self.kinds = []
            for k in self.by_kind:
                if k.split(":")[0] not in self.kinds:
                    self.kinds.append(k.split(":")[0])
            if kinds:
                self.kinds = [k for k in self.kinds if k in kinds.split()]
        else:
            self.kinds = kinds.split()
            for k in self.kinds:
                self.by_kind[k] = tpls
        self.t = t or []
        self.w = w
        self.when = when
        self.age = age
        self.lang = lang
        for v in list(self.by_kind.values()) + [self.t]:
            for x in v:
                assert "[[" in x and "]]" in x, x
        for k in self.kinds:
            assert k in KINDS, k

    def applies(self, kind, c):
        if "%s:%s" % (kind, c.get("sub")) not in self.by_kind and kind not in self.by_kind:
            return False
        return self.when is None or self.when(c)

    def tpls(self, kind, c):
        return self.by_kind.get("%s:%s" % (kind, c.get("sub"))) or self.by_kind[kind]


CUES = []


def C(*a, **k):
    CUES.append(Cue(*a, **k))


def sub_is(key, *vals):
    return lambda c: c.get(key) in vals


def has_biz(c):
    return bool(c.get("biz"))


VOCAB.update({
    "major": ["math", "chemistry", "nursing", "engineering", "English", "biology", "education", "computer science"],
    "owner_eth": ["Latina-owned", "Latina-owned", "Latina-owned", "Latina-owned", "Black-owned", "Black-owned",
                  "Asian-owned", "Asian-owned", "Latino-owned", "Filipina-owned", "Korean-owned",
                  "Mexican-owned", "Vietnamese-owned", "Haitian-owned", "Puerto Rican-owned", "Indian-owned",
                  "Somali-owned", "Ethiopian-owned", "Salvadoran-owned", "Cuban-owned"],
    "cuisine": ["Thai", "Thai", "Thai", "Korean", "Vietnamese", "Ethiopian", "Filipino", "Salvadoran", "Mexican", "Brazilian",
                "Cuban", "Puerto Rican", "Jamaican", "Indian", "Chinese", "Japanese", "Colombian", "Peruvian",
                "Lebanese", "Polish", "Nigerian", "Haitian", "Honduran", "Laotian", "Somali", "Dominican"],
    "fname": ["Maria", "Linda", "Keisha", "Mei", "Yuki", "Rosa", "Ana", "Priya", "Monique", "Gloria", "Hoa",
              "Ingrid", "Ngozi", "Leilani", "Beatriz", "Nadia", "Denise", "Teresa", "Grace", "Layla"],
    "hotel_name": ["Holiday", "Riverside", "Grand", "Downtown Suites", "Airport Inn", "Plaza", "Marriott",
                   "Hampton", "Days"],
    "new_stock": lambda rng, c: pick(rng, NEW_STOCK.get(c["kind"], NEW_STOCK["other"])),
    "teen_pair": lambda rng, c: "%d & %d" % tuple(sorted(rng.sample(range(13, 18), 2))),
    "baby_age": ["18-month-old", "2-year-old", "two-year-old", "3-year-old", "toddler (she's 2)", "1-year-old"],
    "ord_age": lambda rng, c: pick(rng, ["5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th", "3rd", "4th"]),
})

# --- youth ------------------------------------------------------------------------------------------------------
C("youth", "coworkers on the crew", "jobs",
  ["Join our [[young, energetic team]].", "We're a [[young]] crew and we like to have fun on shift.",
   "Fast-paced {place} with a [[young, friendly]] team.", "Our crew is mostly [[young]] and we promote from within."],
  t=["{title} - [[young, fun team]]"], w=2.0, when=sub_is("job_sub", "restaurant", "retail", "warehouse", "salon"))
C("youth", "a youth sports league", "",
  {"community": ["[[Youth league]] registration is open for spring.", "Coaches needed for the [[youth]] soccer league.",
                 "The [[youth]] baseball league needs umpires, paid per game.", "[[Youth]] flag football starts {date}."],
   "events": ["Proceeds go to the [[youth]] soccer league.", "Bake sale benefits the [[youth league]]."]},
  t=["[[Youth]] league sign-ups open", "[[Youth]] soccer registration - {org_or_city}"], w=2.0,
  when=lambda c: c.get("sub_c") in ("league", "program", "volunteer") or c.get("ev_sub") in ("festival", "garage_sale", "craft_fair"))
C("youth", "a new girls' sports team", "community",
  ["[[New girls' volleyball]] team forming at the rec center, all skill levels.",
   "Registration is open for the [[new girls']] softball division.",
   "We're starting a [[new girls']] lacrosse team this spring."],
  t=["[[New girls' volleyball]] team - sign-ups open"], w=2.0)
C("youth", "teen volunteers for a community program", "community events",
  ["[[Teen volunteers]] welcome; we sign community service hours.",
   "We need [[teen]] helpers to run the face-painting booth.",
   "[[Teens]] can earn service hours helping at the check-in table."], w=2.0,
  when=lambda c: c.get("sub_c") in ("volunteer", "program", "civic", "church")
  or c.get("ev_sub") in ("festival", "craft_fair", "farmers_market"))
C("youth", "the worker is a college student", "services",
  ["I'm a [[college student]] studying {major}.", "I'm a [[student]] at the university and tutor on evenings and weekends."],
  when=sub_is("svc_sub", "tutoring", "pet_care", "photography", "repair"))
C("youth", "a student discount", "services food events",
  ["[[Student]] discount with ID.", "10% off for [[students]] and teachers."])
C("youth", "students as renters", "housing",
  ["Great for a [[college student]], ten minutes from campus.", "[[Students]] welcome, co-signer accepted."])
C("youth", "a student as the buyer", "electronics furniture appliances",
  ["Perfect for a [[college student]]'s dorm.", "Would make a great [[student]] setup.",
   "Great for a [[student]] heading off in the fall."])
C("youth", "first-time renters or drivers", "",
  {"housing": ["[[First-time]] renters welcome, we can work with limited rental history.",
               "Perfect for [[first time]] renters."],
   "vehicles": ["Great for a [[first-time]] driver.", "Perfect for a [[first time]] buyer."]})
C("youth", "'brand new' about an item", ITEMS_K,
  ["Bought it [[brand new]] last spring.", "Bought [[brand new]], one owner.",
   "I also have a [[brand new]] one, still in the box, for a bit more.", "Was [[brand new]] two years ago, barely used since."],
  t=["[[BRAND NEW]] {noun}", "{title} - [[brand new]]"], w=2.0)
C("youth", "'brand new' about car parts", "vehicles",
  ["[[Brand new]] tires last month.", "[[Brand new]] battery and alternator.", "[[Brand new]] brakes all around."])
C("youth", "no experience needed, the employer trains", "jobs",
  ["[[New to this]] line of work? We'll train you.", "No experience? We'll [[teach you]] everything.",
   "[[First time]] working in a {place}? That's fine, we train."])
C("youth", "juniors' clothing sizes", "clothing",
  ["Mostly [[juniors']] sizes, S and M.", "[[Teen]] clothes lot, sizes S to M."])
C("youth", "a young animal", "pets lost_found",
  ["[[Young]] male, very friendly.", "She's a [[young]] cat, maybe a year old.", "[[Young]] and playful, loves toys.",
   "Looks [[young]], maybe under two."])
C("youth", "young plants for sale", "food events",
  ["[[Young]] fruit trees, $25 each.", "[[Young]] tomato and pepper plants ready to go in the ground."],
  when=lambda c: c.get("food_sub") == "farm_stand" or c.get("ev_sub") in ("farmers_market", "festival", "talk"))
C("youth", "a teen night at the rec center", "events community",
  ["[[Teen night]] at the rec center every Friday, 7–10pm.", "[[Teen]] art class on {day}s."],
  when=lambda c: c.get("sub_c") in ("program", "club") or c.get("ev_sub") in ("class", "concert"))
C("youth", "young professionals as renters or guests", "",
  {"housing": ["Quiet building, mostly [[young professionals]]."],
   "events": ["[[Young professionals]] mixer, first drink on us."]},
  when=lambda c: c.get("htype") is not None or c.get("ev_sub") in ("talk", "concert"))
C("youth", "a church youth group or choir", "community",
  ["Our [[youth group]] meets Sunday nights.", "The [[youth]] choir rehearses before the 10:30 service."],
  when=sub_is("sub_c", "church"))
C("youth", "kids in school (homework help)", "community",
  ["Open to all kids [[in school]], grades 1–5.", "Free homework help for kids [[in school]] nearby."],
  when=sub_is("sub_c", "program", "volunteer"))
C("youth", "college graduation photos", "services",
  ["Booking [[college]] graduation sessions now.", "[[College]] grad and cap-and-gown sessions, $150."],
  when=sub_is("svc_sub", "photography"))

# --- underage_age: a child's or teen's age, innocently ----------------------------------------------------------
C("underage_age", "age of the teen doing the work", "teen_work",
  ["I'm [[{teen_age} years old]] and responsible.", "I'm [[{teen_age}]] and saving up for a car.",
   "I'm a [[{teen_age}-year-old]] sophomore at {hood} High."],
  t=["[[{teen_age} yo]] {tjob}", "{Tjob} by a responsible [[{teen_age}-year-old]]"], w=3.0, age=True,
  when=sub_is("teen_poster", "teen"))
C("underage_age", "age of the poster's child who does the work", "teen_work",
  ["{teen_name} is [[{teen_age}]] and very responsible.", "My [[{teen_age}-year-old]] {kid_rel2} does this every summer.",
   "[[Two teens ({teen_pair})]] will do the work, I supervise.", "{teen_name} just turned [[{teen_age}]] and has a work permit."],
  t=["My [[{teen_age}-year-old]] {kid_rel2} does {tjob}", "[[Two teens ({teen_pair})]] - {tjob}"], w=3.0, age=True,
  when=sub_is("teen_poster", "parent"))
C("underage_age", "ages for a kids' program", "",
  {"community events": ["For [[kids {age_range}]].", "Open to [[ages {age_range}]].", "[[Ages {age_range}]], $60 per week.",
                        "Kids [[{age_range} years old]] welcome."],
   "services": ["Kids [[{age_range} years old]] welcome.", "Great with kids [[ages {age_range}]]."]},
  t=["{title} ([[ages {age_range}]])", "[[Kids {age_range}]] - {title}"], w=2.0, age=True,
  when=lambda c: c.get("sub_c") in ("program", "league", "church", "volunteer") or c.get("ev_sub") in ("class", "festival", "concert")
  or c.get("svc_sub") in ("tutoring", "photography", "beauty"))
C("underage_age", "the seller's child outgrew it", "baby_gear furniture clothing",
  ["My [[{kid_age}-year-old]] outgrew {it_them}.", "Our daughter is [[{kid_age}]] now and wants a bigger one.",
   "Our son just turned [[{kid_age}]], so it's time to pass {it_them} on."], age=True,
  when=lambda c: c.get("kind") == "baby_gear" or any(x in c.get("noun", "") for x in ("bunk", "kids'", "boys'", "desk")))
C("underage_age", "the age of the baby who used it", "baby_gear",
  ["Used by our [[{baby_age}]] and still in great shape.", "Our [[{baby_age}]] has moved on to the big-kid version."],
  age=True, w=1.5)
C("underage_age", "clothing fits a child's age", "clothing baby_gear",
  ["Boys' sizes, fits about [[age {kid_age}]].", "Fits [[ages {age_range}]]."], age=True)
C("underage_age", "bought for the seller's teen", "",
  {"electronics": ["Bought it for my [[{teen_age}-year-old]] who already wants a newer one."],
   "vehicles": ["Great first car for a [[16-year-old]].", "We bought it when our son turned [[16]]; he has moved out now."]},
  age=True)
C("underage_age", "ages of the family's children", "pets",
  ["Good with kids, our [[{kid_age} and {kid_age2} year olds]] adore her.", "My [[{kid_age}-year-old]] is going to miss him."],
  age=True)
C("underage_age", "the owner's child", "lost_found",
  ["My [[{kid_age}-year-old]] is heartbroken.", "It's our [[{kid_age}-year-old]] daughter's cat."], age=True, w=1.5)
C("underage_age", "a child's birthday", "",
  {"events": ["It's for my son's [[{ord_age} birthday]].", "My daughter is turning [[{kid_age}]]!"],
   "food": ["Custom cakes for your kid's [[{ord_age} birthday]].", "Made my nephew's [[{ord_age} birthday]] cake, see pics!"]},
  t=["[[{ord_age} birthday]] {title}"], age=True, when=lambda c: c.get("ev_sub") == "birthday" or c.get("food_sub") == "bakery")
C("underage_age", "a Sweet 16 party", "",
  {"events": ["Now booking [[Sweet 16s]] for the spring.", "Perfect for [[Sweet 16s]], showers and reunions."],
   "food": ["[[Sweet 16]] cakes and cupcake towers.", "Catering for [[Sweet 16s]] and graduations."],
   "services": ["Booking [[Sweet 16]] sessions now.", "Ask about [[Sweet 16]] packages."]},
  t=["[[Sweet 16]] packages - {title}"], w=2.0, age=True,
  when=lambda c: c.get("ev_sub") in ("venue", "birthday") or c.get("food_sub") in ("bakery", "catering")
  or c.get("svc_sub") in ("beauty", "photography"))
C("underage_age", "a quinceañera (15th-birthday party)", "",
  {"events": ["[[Quinceañera]] and wedding packages available.", "Booking [[quinceañeras]] for the summer."],
   "food": ["[[Quince]] cakes made to order.", "Catering for [[quinceañeras]] and weddings."],
   "services": ["Booking [[quinceañeras]] for the summer.", "Now booking [[quinceañera]] appointments."]}, age=True,
  when=lambda c: c.get("ev_sub") in ("venue",) or c.get("food_sub") in ("bakery", "catering")
  or c.get("svc_sub") in ("beauty", "photography", "alterations"))
C("near:underage_age", "a minimum-age rule for applicants", "jobs",
  ["Must be [[16 or older]] to apply.", "Applicants must be [[18+]].", "Must be at least [[17]] for this position."],
  when=sub_is("job_sub", "restaurant", "retail"))

# --- third_party ---------------------------------------------------------------------------------------------------
C("third_party", "asking for a named employee at a business", "jobs food services vehicles furniture appliances tools electronics housing pets",
  ["[[Ask for {name3}]] at the front counter.", "Call {phone} and [[ask for {name3}]].",
   "When you come in, [[ask for {name3}]], the manager.", "[[Ask for {name3}]] in the office."],
  t=["{title} - [[ask for {name3}]]"], w=2.5, when=has_biz)
C("third_party", "a business under new management", "",
  {"food": ["[[Under new management]]!", "[[New management]], same great recipes."],
   "services": ["[[Under new management]]!", "[[New management]], same friendly service."],
   "housing": ["The building is [[under new management]] and everything has been fixed up."]},
  t=["[[Under new management]] - {title}"], w=1.5, when=has_biz)
C("third_party", "a business describing its employees", "food services jobs",
  ["[[Our staff]] has over 50 years of combined experience.", "[[Our friendly staff]] will take care of you.",
   "Stop in and [[our staff]] will help you choose."], w=1.5, when=has_biz)
C("third_party", "choosing a favorite flavor or item", "",
  {"food": ["[[Choose your favorite]] flavors, six for $10.", "[[Choose your favourite]] toppings."],
   "events": ["[[Choose your favorite]] pumpkin right from the patch."],
   "pets": ["[[Choose your favorite]] from the litter, all are sweet."]})
C("third_party", "a father-daughter event", "events community",
  ["[[Daddy-daughter dance]] tickets are on sale now.", "[[Daddy & Me]] pancake breakfast on {date}.",
   "Don't miss the [[daddy-daughter]] dance at the rec center."],
  t=["[[Daddy-Daughter Dance]] {date}"], w=1.5,
  when=lambda c: c.get("sub_c") in ("church", "program", "civic") or c.get("ev_sub") in ("class", "festival", "venue", "talk"))
C("third_party", "a parent describing the teen who does the work", "teen_work",
  ["[[{He_she} is]] responsible and great with animals.", "[[{He_she}'ll]] show up on time, I make sure of it.",
   "[[{He_she} has]] done this for three of our neighbors."], w=2.0, when=sub_is("teen_poster", "parent"))
C("third_party", "a salon describing its stylist", "services",
  ["Our stylist {fname} has 15 years of experience and [[she will]] take great care of you.",
   "{fname} just joined us; [[she specializes]] in color and braids."], when=sub_is("svc_sub", "beauty"))
C("third_party", "new stock or new vendors every week", "",
  {"events": ["[[New vendors every week]]!", "[[New vendors welcome]]!", "[[New vendors]] welcome, booths still open."],
   "furniture clothing": ["[[New arrivals every week]], follow us to see them first.", "[[New pieces every week]]."]},
  when=lambda c: c.get("ev_sub") in ("farmers_market", "craft_fair") or has_biz(c))

# --- multiple_providers --------------------------------------------------------------------------------------------
C("multiple_providers", "two sisters run the business", "",
  {"services food": ["We're [[two sisters]] who have been doing this for 12 years.", "Family business run by [[two sisters]]."],
   "food:bakery food:home_cook": ["[[Three sisters]] baking from our grandmother's recipes.",
                                  "We're [[two sisters]] who have been doing this for 12 years."]}, w=1.5)
C("multiple_providers", "a music duo", "events",
  ["Live music by a local jazz [[duo]].", "Acoustic [[duo]] available for weddings and receptions."],
  when=sub_is("ev_sub", "concert", "venue", "festival", "farmers_market"))
C("multiple_providers", "two people working together", "",
  {"teen_work": ["[[Both of us]] are CPR certified.", "[[My friend]] {name3} and I work together."],
   "services": ["[[Both of us]] are bonded and insured.", "[[Both of us]] have been doing this for ten years."]},
  when=lambda c: c.get("teen_poster") == "teen" or c.get("svc_sub") in ("lawn", "moving", "cleaning"))
C("multiple_providers", "girls' clothing or a girls' club", "",
  {"clothing baby_gear": ["[[Girls']] clothes, size 6–7.", "Lot of [[girls']] dresses, all washed."],
   "community": ["[[Boys & Girls Club]] after-school program.", "The [[Girls]] Who Code club meets Thursdays."]})
C("multiple_providers", "ladies' clothing or a ladies' event", "",
  {"events:concert events:talk events:festival": ["[[Ladies' night]] at the bowling alley every Thursday."],
   "clothing": ["[[Ladies']] winter coats, size M.", "Also have [[ladies']] boots, size 8."],
   "community:league": ["[[Ladies']] golf league tee times on Wednesdays.", "[[Ladies']] division forming too."],
   "community:church": ["[[Ladies']] bible study meets Tuesdays."]})
C("multiple_providers", "several appliance or car models", "appliances electronics vehicles tools",
  ["[[Several models]] available in the showroom.", "[[Other models]] in stock, just ask."], when=has_biz)
C("multiple_providers", "come choose a puppy or pumpkin", "",
  {"pets": ["[[Come choose]] your puppy this weekend."],
   "food events": ["[[Come choose]] from over a thousand pumpkins."]},
  when=lambda c: c.get("pet") is not None or c.get("food_sub") == "farm_stand" or c.get("ev_sub") == "festival")

# --- restriction (innocent look-alikes) -------------------------------------------------------------------------
C("restriction", "AA batteries", "electronics baby_gear tools",
  ["[[No AA]] batteries needed, it's rechargeable.", "[[No AA]] batteries included, you'll need four."])

# --- foreign ------------------------------------------------------------------------------------------------------
C("foreign", "the Visa credit card", "food services vehicles events",
  ["We take [[Visa]], Mastercard and cash.", "[[Visa]]/MC accepted."], w=1.5, when=has_biz)
C("foreign", "a work-visa notice", "jobs",
  ["We are unable to sponsor work [[visas]] for this position."], when=sub_is("job_sub", "office", "clinic", "care"))
C("foreign", "an English class for adult newcomers", "community",
  ["ESL classes for adults, [[little or no English]] is fine.",
   "Free conversation group for neighbors [[new to the country]]."], w=1.5)
C("foreign", "seafood straight from the boat", "food",
  ["Gulf shrimp [[fresh off the boat]] every {day}.", "Salmon [[fresh off the boat]] this weekend only."],
  when=sub_is("food_sub", "farm_stand", "restaurant", "food_truck"))
C("foreign", "imported stock", "",
  {"food": ["[[Just arrived from]] Italy: olive oil and pasta."],
   "furniture": ["[[Just arrived from]] Mexico: hand-carved chairs."]},
  when=has_biz)
C("foreign", "international students as renters", "housing", ["[[International students]] welcome."])
C("near:foreign", "languages as a job skill", "jobs services",
  ["Bilingual [[English/Spanish]] a plus.", "[[We speak English, Spanish and Vietnamese]]."])
C("foreign", "a tutor for adult learners", "services",
  ["Patient with adults who speak [[little English]]."], when=sub_is("svc_sub", "tutoring"))

# --- ethnicity_stated (about businesses, food and things) ---------------------------------------------------------
C("ethnicity_stated", "the business owner", "food services",
  ["[[{owner_eth}]] and family-run since {year}.", "Proudly [[{owner_eth}]] and serving {hood} for years.",
   "We are a [[{owner_eth}]] small business."], t=["[[{owner_eth}]] {title}"], w=3.0, when=has_biz)
C("ethnicity_stated", "a grocery store used as a landmark", "food lost_found events jobs housing",
  ["Next to the [[Asian market]] on {street}.", "Right behind the [[Asian market]].",
   "Across from the [[Asian market]] in {hood}."], w=2.0)
C("ethnicity_stated", "a cuisine", "food",
  ["Authentic [[{cuisine}]] food made from scratch.", "The best [[{cuisine} food]] in {city}.",
   "Family recipes, home-style [[{cuisine}]] cooking."], t=["[[{cuisine} {fnoun}]] in {hood}"], w=3.0,
  when=sub_is("food_sub", "restaurant", "food_truck", "catering", "bakery", "home_cook"))
C("ethnicity_stated", "a cuisine (the restaurant hiring)", "jobs",
  ["Busy [[{cuisine} restaurant]] in {hood}.", "We're a [[{cuisine}]] kitchen, experience with the cuisine a plus."],
  t=["[[{cuisine} restaurant]] hiring {pos}"], w=2.0, when=sub_is("job_sub", "restaurant"))
C("ethnicity_stated", "a Brazilian steakhouse", "food jobs",
  ["[[Brazilian steakhouse]], all-you-can-eat rodizio.", "Our [[Brazilian steakhouse]] is hiring for the new location."],
  t=["[[Brazilian steakhouse]] - {title}"], w=1.5,
  when=lambda c: c.get("food_sub") == "restaurant" or c.get("job_sub") == "restaurant")
C("ethnicity_stated", "a Brazilian blowout (hair treatment)", "services jobs",
  ["[[Brazilian blowouts]] and keratin treatments.", "Must know [[Brazilian blowout]] and balayage."],
  when=lambda c: c.get("svc_sub") == "beauty" or c.get("job_sub") == "salon")
C("ethnicity_stated", "Brazilian cherry hardwood", "furniture housing",
  ["[[Brazilian cherry]] hardwood floors throughout.", "Solid [[Brazilian cherry]] top."])
C("ethnicity_stated", "Swedish furniture design", "furniture",
  ["[[Swedish]] design, clean lines.", "Mid-century [[Swedish]] style, very solid.", "Simple [[Swedish]]-style pine."],
  t=["[[Swedish]] {noun}"], w=2.0)
C("ethnicity_stated", "a Persian rug or cat", "",
  {"furniture": ["The [[Persian]] rug under it is also for sale."],
   "pets": ["We also have [[Persian]] kittens, registered parents."]})
C("ethnicity_stated", "a dog or cat breed", "",
  {"pets:dog lost_found:dog lost_found:found_dog": ["Looks like a [[German shepherd]] mix, about 60 lbs.",
                                                     "Part [[French bulldog]], fawn color.",
                                                     "[[Chinese]] crested mix, very sweet."],
   "pets:cat lost_found:cat": ["Part [[Siamese]], with blue eyes.", "Looks like a [[Russian]] blue, indoor only."]})
C("ethnicity_stated", "a wood finish (ebony)", "furniture", ["[[Ebony]] finish.", "Stained a deep [[ebony]]."])
C("ethnicity_stated", "a color or a sweet (caramel)", "",
  {"furniture clothing": ["[[Caramel]] leather, soft and clean.", "[[Caramel]] brown color."],
   "food": ["[[Caramel]] apples every weekend in October.", "Salted [[caramel]] brownies."]})
C("ethnicity_stated", "a mixed-breed animal or mixed fruit", "",
  {"pets": ["[[Mixed]] breed, about 40 lbs.", "Sweet [[mixed]]-breed, vet says part terrier."],
   "food": ["[[Mixed]] berry pies by the slice."]},
  when=lambda c: c.get("pet") is not None or c.get("food_sub") in ("bakery", "farm_stand"))
C("ethnicity_stated", "beginner ski lessons", "",
  {"events:class community:program": ["[[Snow bunny]] ski lessons for beginners on Saturdays.",
                                      "Ask about our [[snow bunny]] lessons for first-timers on skis."]})
C("ethnicity_stated", "a tree variety", "",
  {"services": ["[[Japanese]] maples and hostas planted."], "food": ["[[Japanese]] maples, $45 each."]},
  when=lambda c: c.get("svc_sub") == "lawn" or c.get("food_sub") == "farm_stand")
C("ethnicity_stated", "where a car was built", "",
  {"vehicles:Honda vehicles:Toyota vehicles:Nissan vehicles:Subaru vehicles:Mazda vehicles:Kawasaki vehicles:Yamaha":
       ["[[Japanese]] reliability, it just keeps going.", "[[Japanese]]-built, never had a major repair."],
   "vehicles:Volkswagen": ["[[German]] engineering, drives like a dream."],
   "vehicles:Hyundai vehicles:Kia": ["[[Korean]]-built, still has some of the warranty left."]})
C("ethnicity_stated", "Italian leather", "clothing furniture", ["[[Italian]] leather, very soft."])
C("ethnicity_stated", "a music night", "events",
  ["[[Latin]] night with a live salsa band.", "[[Latin]] jazz in the courtyard."],
  when=sub_is("ev_sub", "concert", "festival", "class"))
C("ethnicity_stated", "coffee origin", "food", ["[[Colombian]] beans roasted here every week."],
  when=sub_is("food_sub", "coffee"))
C("near:ethnicity_stated", "exotic plants, pets, fruit, wood or cars", "",
  {"pets": ["We also have [[exotic]] birds and reptiles.", "Our vet partner also sees [[exotic]] pets."],
   "events": ["[[Exotic]] animal show at 2pm.", "[[Exotic]] plant sale in the greenhouse."],
   "food": ["[[Exotic]] fruit this week: dragon fruit and lychee."],
   "furniture": ["[[Exotic]] hardwood top."],
   "services": ["[[Exotic]] and classic car detailing."],
   "vehicles": ["Rare color, turns heads like an [[exotic]]."]}, w=2.0,
  when=lambda c: c.get("pet") is not None or c.get("ev_sub") in ("festival", "farmers_market")
  or c.get("food_sub") == "farm_stand" or c.get("noun") is not None or c.get("svc_sub") == "auto" or c.get("veh") is not None)

# --- trust_language --------------------------------------------------------------------------------------------
C("trust_language", "a warning against online scams", GOODS_K + " housing pets",
  ["[[No scams]] please, I only meet in person.", "Local pickup only, [[no scammers]].",
   "[[Not a scam]], you can see it in person before paying."], w=2.5)
C("trust_language", "a landlord's anti-scam note", "housing",
  ["[[This is not a scam]]: I show the place in person and never take money before you see it."])
C("trust_language", "photos of the actual item or place", GOODS_K + " housing pets",
  ["[[Real photos]], not stock images.", "All pictures are [[real]] and recent.", "[[Real pics]] of the actual {what_pic}."],
  w=2.5)
C("trust_language", "genuine leather", "clothing furniture",
  ["[[100% genuine leather]].", "It's [[genuine leather]], not bonded.", "[[100% real leather]]."],
  t=["{title} - [[100% genuine leather]]"], w=2.0)
C("trust_language", "100% cotton", "clothing baby_gear", ["[[100% cotton]]."],
  when=lambda c: c.get("kind") == "clothing" or "clothes" in c.get("noun", ""))
C("trust_language", "no games, serious buyers", GOODS_K,
  ["[[No games]], serious buyers only.", "[[No games]] please, price is fair."], w=2.0)
C("near:trust_language", "serious buyers only", GOODS_K + " pets",
  ["[[Serious buyers only]], no lowball offers.", "[[Serious inquiries only]]."])
C("trust_language", "the item is as pictured", GOODS_K,
  ["[[What you see is what you get]], sold as is.", "[[Pics are of the actual]] {what_pic}."])
C("trust_language", "verified or reviewed customers", "services",
  ["[[Verified]] reviews on our site.", "[[Reviewed]] five stars by over 200 customers."])
C("trust_language", "an independently owned business", "services food jobs",
  ["[[Independent]] family business, not a franchise.", "[[Independently owned]] since {year}."], when=has_biz)
C("trust_language", "no hurry to pick up", ITEMS_K, ["[[No rush]] on pickup, I'm home most evenings."])
C("trust_language", "honest pricing", "services vehicles",
  ["[[Honest]] pricing, no surprises.", "I'm an [[honest]] seller, ask me anything."])
C("trust_language", "real wood furniture", "furniture", ["Solid [[real wood]], not particle board."],
  when=lambda c: any(x in c.get("noun", "") for x in ("table", "dresser", "bookshelf", "desk", "bunk", "cabinet", "nightstand",
                                                       "armoire", "rocking", "console", "bed frame", "entertainment")))
C("trust_language", "genuine parts", "vehicles appliances", ["[[Genuine]] OEM parts only."])
C("trust_language", "authentic brand goods", "clothing electronics", ["Authentic, [[no fakes]], receipt included."])
C("trust_language", "real butter in baking", "food",
  ["Made with [[100% real]] butter.", "[[Real]] butter, [[real]] vanilla, [[nothing fake]]."],
  when=sub_is("food_sub", "bakery", "home_cook", "coffee"))

# --- movement ----------------------------------------------------------------------------------------------------
C("movement", "a business that just opened", "food services events",
  ["[[New in town]]! {biz} just opened on {street}.", "We're [[new in town]] and would love to meet you."],
  t=["[[New in town]]: {title}"], w=2.0, when=has_biz)
C("movement", "new stock that just came in", ITEMS_K + " food events",
  ["[[Just arrived]]: {new_stock}.", "[[Just arrived]] this week, {new_stock}."],
  t=["[[JUST ARRIVED]]: {title}"], w=2.0,
  when=lambda c: has_biz(c) or c.get("ev_sub") in ("farmers_market", "garage_sale"))
C("movement", "a food truck or carnival returning", "food events",
  ["The truck is [[back in town]] for the summer.", "The carnival is [[back in town]]!"],
  when=lambda c: c.get("food_sub") == "food_truck" or c.get("ev_sub") == "festival")
C("movement", "a traveling show or tent sale", "events",
  ["The circus is [[in town for three days only]].", "Tent sale [[in town for four days]]."],
  when=sub_is("ev_sub", "festival", "garage_sale", "concert"))
C("movement", "a seasonal lot", "events food",
  ["Pumpkins [[only here until]] Halloween.", "Christmas tree lot [[only here until]] the 24th."],
  when=lambda c: c.get("ev_sub") == "festival" or c.get("food_sub") == "farm_stand")
C("movement", "newcomers to the neighborhood", "community services",
  ["[[New to the area]]? Join us for coffee after the service.", "[[New to the area]] and building my client list."])
C("movement", "a visiting chef or home-visit nurse", "events jobs",
  ["[[Visiting]] chef dinner on {date}.", "Some shifts are [[visiting]] clients in their homes."],
  when=lambda c: c.get("ev_sub") in ("class", "talk") or c.get("job_sub") in ("clinic", "care"))
C("movement", "a touring band or a showing", "events housing",
  ["[[Touring]] bluegrass band, one night only.", "[[Touring]] the unit by appointment this week."],
  when=lambda c: c.get("ev_sub") == "concert" or c.get("htype") is not None)
C("movement", "a brewery's rotating taps", "food", ["[[Rotating]] taps with new beers [[every week]]."],
  when=sub_is("food_sub", "restaurant"))
C("movement", "the last night of a fair", "events", ["[[Last night]] of the fair is {day}!"],
  when=sub_is("ev_sub", "festival"))
C("movement", "baby chicks at the feed store", "", {"pets:poultry": ["Baby chicks have [[arrived]] at the feed store too!"]})
C("movement", "a seller who is moving away", ITEMS_K,
  ["[[Leaving town]] at the end of the month, everything must go."])

# --- venue_hotel ---------------------------------------------------------------------------------------------------
C("venue_hotel", "hotel-style bedding", "",
  {"housing": ["Furnished with [[hotel-style bedding]].", "Room comes with [[hotel-style]] sheets and towels."],
   "furniture": ["[[Hotel-style]] mattress topper included.", "Makes a great [[hotel-style]] guest bed."]}, w=2.0,
  when=lambda c: c.get("htype") is not None or any(x in c.get("noun", "") for x in ("bed", "mattress", "futon")))
C("venue_hotel", "furniture from a hotel renovation", "furniture",
  ["From a [[hotel]] renovation: we have 40 matching pieces.", "[[Hotel]] liquidation, all pieces commercial grade."],
  w=1.5, when=has_biz)
C("venue_hotel", "a motel renovation job", "jobs",
  ["Current project is a [[motel renovation]] off the highway.", "[[Motel renovation]] job, about six weeks of work."],
  t=["{Pos} for [[motel renovation]] job"], w=2.0,
  when=lambda c: c.get("pos") in ("electrician's helper", "HVAC technician", "plumber's apprentice", "finish carpenter",
                                  "drywall finisher", "roofer", "painter"))
C("venue_hotel", "hotel housekeeping work", "jobs",
  ["[[Hotel]] housekeeping, day shift.", "Includes cleaning rooms at a [[hotel]] near the airport."],
  when=sub_is("job_sub", "cleaning"))
C("venue_hotel", "a truck stop diner", "",
  {"food": ["Right off the interstate at the [[truck stop]].", "[[Truck stop diner]], breakfast until 2pm."],
   "jobs": ["[[Truck stop diner]] right off the interstate.", "We're the diner inside the [[truck stop]] at exit 14."],
   "lost_found": ["Last seen near the [[truck stop]] on the highway."]}, t=["[[Truck stop diner]] - {title}"], w=2.0,
  when=lambda c: c.get("food_sub") in ("restaurant", "coffee") or c.get("job_sub") == "restaurant" or c.get("lf") is not None)
C("venue_hotel", "truck drivers as customers", "food", ["[[Truckers]] welcome, big-rig parking out back."],
  when=sub_is("food_sub", "restaurant", "coffee", "food_truck"))
C("venue_hotel", "a hotel ballroom venue", "events", ["Reception in the [[hotel]] ballroom downtown."],
  when=sub_is("ev_sub", "venue", "class", "talk"))
C("venue_hotel", "hotel pans for catering", "",
  {"food": ["Everything comes in [[hotel pans]] with chafing racks."],
   "appliances": ["Comes with six [[hotel pans]]."]}, when=lambda c: c.get("food_sub") == "catering" or c.get("noun") is not None)
C("venue_hotel", "a former hotel shuttle van", "vehicles", ["Former [[hotel]] shuttle, well maintained."],
  when=lambda c: any(x in c.get("veh", "") for x in ("Transit", "Caravan", "Odyssey")))
C("venue_hotel", "an extended-stay motel", "housing", ["Weekly rates also available at our [[extended-stay motel]]."],
  when=has_biz)
C("venue_hotel", "a room being painted or furnished", "",
  {"services": ["We can repaint [[your room]] in a day."], "furniture": ["This will look great in [[your room]]."]},
  when=lambda c: c.get("svc_sub") in ("painting", "handyman") or c.get("noun") is not None)
C("venue_hotel", "a hotel parking lot as a landmark", "lost_found",
  ["Lost in the [[{hotel_name} Hotel]] parking lot.", "Found behind the [[motel]] on {street}."])
C("venue_hotel", "TVs from a hotel remodel", "electronics", ["Bulk lot of TVs from a [[hotel]] remodel."])

# --- incall_outcall -------------------------------------------------------------------------------------------------
C("incall_outcall", "visiting the shop", "",
  {"food services events pets": ["[[Visit us]] at {num} {street}.", "[[Visit us]] any {day}."],
   "vehicles " + ITEMS_K: ["[[Visit us]] at {num} {street}.", "[[Visit our]] showroom on {street}.", "[[Visit us]] any {day}."]},
  w=2.5, when=has_biz)
C("incall_outcall", "a booth or stand at a market", "events food",
  ["[[Come see us]] at booth {booth}!", "[[Come see us]] at the {hood} market on Saturdays."], w=2.5)
C("incall_outcall", "a mobile service", "services",
  ["[[{We} come to you]]!", "Mobile service: [[{we} come to your]] home or office."],
  t=["{title} - [[we come to you]]"], w=2.5)
C("incall_outcall", "a worker who travels to the customer", "",
  {"services": ["[[I come to you]], no studio fee.", "Lessons at [[your home]] or the library.",
                "[[I come to you]] anywhere in {city}."],
   "teen_work": ["[[I come to you]], just send your address.", "[[I come to you]], I live close by."]},
  w=2.5, when=lambda c: c.get("svc_sub") in ("tutoring", "photography", "beauty", "pet_care", "auto", "repair")
  or c.get("tjob") is not None)
C("incall_outcall", "a quick oil change or drive-thru", "",
  {"services:auto": ["[[In & out in 30 minutes]].", "Oil changes, [[in and out]] in 20 minutes."],
   "services:repair services:alterations": ["Most repairs done while you wait, [[in & out]] in 30 minutes."],
   "food:coffee food:restaurant food:food_truck": ["Drive-thru: [[in & out]] in five minutes.",
                                                  "Lunch rush? [[In and out]] in ten minutes."],
   "vehicles": ["Our service department gets you [[in and out]] fast."]},
  w=2.0, when=lambda c: c.get("kind") != "vehicles" or has_biz(c))
C("incall_outcall", "a room for rent", "housing",
  ["[[Private room]] for rent in a quiet house.", "[[Private room]] with its own bath."],
  t=["[[Private room]] for rent - {title}"], w=2.5, when=lambda c: "room" in c.get("htype", ""))
C("incall_outcall", "a room for group bookings", "events food", ["[[Private room]] available for groups of up to 30."],
  when=lambda c: c.get("ev_sub") == "venue" or c.get("food_sub") == "restaurant")
C("incall_outcall", "a separate entrance to a rental", "housing", ["[[Private entrance]] and off-street parking."])
C("incall_outcall", "an upscale neighborhood or venue", "",
  {"housing": ["[[Upscale location]] near the river walk.", "[[Upscale]] building with a doorman."],
   "events": ["[[Upscale]] venue with valet parking."],
   "services:beauty services:photography services:tutoring services:alterations":
       ["[[Upscale location]], easy parking.", "Our studio is in an [[upscale]] shopping center."]},
  w=2.0)
C("incall_outcall", "gift shipping", "electronics clothing",
  ["Ships in [[discreet packaging]] so it stays a surprise.", "Can ship in [[discreet packaging]] for gifts."], w=1.5)
C("incall_outcall", "walk-in customers", "services jobs food",
  ["[[Walk-ins welcome]]!", "Appointments or [[walk-ins]], whatever works for you."], w=2.0,
  when=lambda c: c.get("svc_sub") in ("beauty", "auto", "repair", "alterations") or c.get("job_sub") == "salon"
  or c.get("food_sub") in ("coffee", "bakery"))
C("incall_outcall", "a walk-in closet", "housing", ["Big [[walk-in]] closet in the main bedroom."])
C("incall_outcall", "hosting events or host families", "",
  {"events": ["We [[host]] showers, reunions and retirement dinners."],
   "community": ["[[Host families]] needed for exchange [[students]]."],
   "housing": ["The [[host]] family lives upstairs and is very quiet."]})
C("incall_outcall", "pickup or drop-off at a home", "",
  {ITEMS_K: ["Pick up at [[my place]] in {hood}.", "I can bring it to [[your place]] for $20."],
   "teen_work": ["I'll come to [[your place]]."]}, w=1.5)
C("incall_outcall", "in-home visits", "services",
  ["Service calls at [[your home]] or business.", "We work in [[your home]], you don't have to go anywhere."],
  when=sub_is("svc_sub", "repair", "handyman", "painting", "cleaning", "pet_care", "alterations", "beauty"))
C("incall_outcall", "a stylist's own chair", "services", ["[[Come see me]] at {biz}, chair 3."],
  when=sub_is("svc_sub", "beauty"))

# --- availability_24_7 ---------------------------------------------------------------------------------------------
C("availability_24_7", "opening hours of a business", "",
  {"food": ["[[Open 24 hours]].", "We're [[open 24/7]]."],
   "services": ["[[24/7]] emergency service.", "[[24-hour]] service, holidays included."],
   "jobs": ["We're [[open 24/7]], so shifts are flexible.", "[[24-hour]] operation, all shifts available."]},
  t=["{title} - [[open 24 hours]]", "[[24/7]] {title}"], w=2.5,
  when=lambda c: c.get("food_sub") in ("restaurant", "coffee") or c.get("svc_sub") in ("repair", "auto", "moving", "junk")
  or c.get("job_sub") in ("warehouse", "care", "restaurant", "driving"))
C("availability_24_7", "a customer-support line", "services electronics appliances",
  ["[[24/7]] support line for customers.", "Warranty help [[24/7]]."], w=1.5, when=has_biz)
C("availability_24_7", "when the seller answers", ITEMS_K + " lost_found services teen_work vehicles",
  ["Call [[anytime]].", "Text [[anytime]].", "[[Anytime]] is fine to call."], w=1.5)
C("availability_24_7", "when to call", "lost_found services", ["Call [[day or night]]."])
C("availability_24_7", "a round-the-clock workplace", "jobs",
  ["We run [[around the clock]], pick your shift.", "Our facility runs [[24/7]]."],
  when=sub_is("job_sub", "warehouse", "care", "driving"))
C("availability_24_7", "an all-night event", "",
  {"community": ["[[All-night]] lock-in for middle schoolers on {date}."],
   "events": ["[[All night]] skate on {date}.", "Movies [[all night]] long on the big screen."]},
  when=lambda c: c.get("sub_c") in ("church", "program") or c.get("ev_sub") in ("birthday", "festival", "concert"))
C("near:availability_24_7", "available now", "",
  {ITEMS_K + " pets": ["[[Available now]].", "Still [[available now]]."],
   "services": ["[[Available now]] for new clients.", "[[Available now]] for spring projects."],
   "housing": ["[[Available now]], move in this week."],
   "jobs": ["Positions [[available now]]."],
   "teen_work": ["[[Available now]] for the summer."]}, w=2.5)
C("near:availability_24_7", "a late-night menu", "food", ["[[Late night menu]] until 2am.", "[[Late night]] tacos on weekends."],
  t=["{title} - [[late night menu]]"], w=2.0, when=sub_is("food_sub", "restaurant", "food_truck"))
C("near:availability_24_7", "open late", "food services", ["[[Open late]] on Fridays."], when=has_biz)

# --- law_enforcement -------------------------------------------------------------------------------------------------
C("law_enforcement", "a joke about TV shows", "",
  {"furniture electronics": ["Perfect for a TV marathon ([[no cops allowed]], it's a baking-show household).",
                             "Great for movie night. [[No cops]] dramas allowed, my wife's rule, lol."],
   "events": ["House rule for binge night: [[no cops]] shows, only cooking competitions.",
              "Couch-potato marathon night: [[no cops allowed]], sitcoms only!"]}, w=2.0,
  when=lambda c: c.get("noun") in ("sectional sofa", "loveseat", "recliner", "futon", "55-inch TV", "projector",
                                   "entertainment center", "TV stand", "soundbar") or c.get("ev_sub") in ("talk",))
C("law_enforcement", "a safe place to meet a buyer", GOODS_K,
  ["Happy to meet at the [[police station]] safe-exchange spot.", "We can meet in the [[police department]] lobby."],
  w=2.0)
C("law_enforcement", "a former police car", "vehicles", ["Former [[police]] interceptor, maintained by the city fleet.",
                                                           "Ex-[[police]] unit, all the equipment removed."],
  when=lambda c: any(x in c.get("veh", "") for x in ("Explorer", "Charger", "Tahoe")))
C("law_enforcement", "a police youth program", "community",
  ["[[Police Athletic League]] basketball on Saturdays.", "[[Coffee with a Cop]] at {landmark} on {date}."],
  when=sub_is("sub_c", "program", "league", "civic"))
C("law_enforcement", "a discount for first responders", "services vehicles food",
  ["10% off for [[law enforcement]], firefighters and nurses."], when=has_biz)
C("law_enforcement", "a report about a lost or stolen item", "lost_found",
  ["[[Police report]] filed.", "I have reported it to the [[police]] too."], w=1.5)
C("law_enforcement", "a retired officer turned handyman", "services",
  ["Retired [[police officer]], now doing handyman work."], when=sub_is("svc_sub", "handyman", "painting"))
C("law_enforcement", "an auction purchase", "vehicles tools", ["Bought at a [[sheriff's]] auction."])

# --- drugs (innocent look-alikes) ----------------------------------------------------------------------------------
C("near:drugs", "a birthday party", "events", ["[[Let's party!]]", "Cake, games and music, [[let's party]]!"],
  t=["[[Let's party!]] {title}"], w=2.0, when=sub_is("ev_sub", "birthday", "venue"))
C("near:drugs", "party supplies", "events food",
  ["[[Party supplies]] 50% off: balloons, plates and banners.", "We also sell [[party supplies]]."], w=2.0,
  when=lambda c: c.get("ev_sub") in ("birthday", "garage_sale", "venue", "festival") or c.get("food_sub") in ("bakery", "catering"))
C("near:drugs", "party rentals", "events",
  ["[[Party rentals]]: bounce houses, tables and chairs.", "Ask about our [[party rentals]]."], w=2.0,
  when=sub_is("ev_sub", "venue", "birthday", "festival"))
C("drugs", "party favors for kids", "events food",
  ["Goodie bags and [[party favors]] included.", "[[Party favors]] for every kid."], w=1.5,
  when=lambda c: c.get("ev_sub") in ("birthday", "venue") or c.get("food_sub") in ("bakery", "catering"))
C("drugs", "a street number", ALL_K, ["{addr_biz} is at [[420]] {street}.", "Address: [[420]] {street}."],
  when=lambda c: has_biz(c) or c.get("ev_sub") is not None or c.get("org") is not None)
C("near:drugs", "snow removal", "services teen_work",
  ["[[Snow removal]] contracts for the winter.", "We also do [[snow removal]].", "[[Snow shoveling]] after every storm."],
  t=["{title} + [[snow removal]]"], w=2.0,
  when=lambda c: c.get("svc_sub") in ("lawn", "handyman", "junk") or c.get("tjob") in ("driveway shoveling", "lawn mowing", "yard work", "leaf raking"))
C("near:drugs", "a weed trimmer or weeding", "",
  {"tools": ["[[Weed eater]] included.", "I also have a [[weed whacker]] for $40."],
   "services teen_work": ["[[Weeding]] and mulching.", "[[Weed]] pulling and flower beds."]},
  when=lambda c: c.get("svc_sub") == "lawn" or c.get("tjob") is not None or c.get("noun") in ("lawn mower", "leaf blower"))
C("near:youth", "candy", "",
  {"food": ["[[Candy]] buffet for weddings.", "Homemade [[candy]] and fudge."],
   "events": ["Free [[candy]] for the kids at trunk-or-treat.", "[[Candy]] and fudge booth by the entrance."]},
  w=2.0, when=lambda c: c.get("food_sub") is not None or c.get("ev_sub") in ("festival", "birthday", "craft_fair"))
C("near:youth", "lollipops for children", "food events services",
  ["Free [[lollipops]] for the kids.", "Every kid leaves with a [[lollipop]]."], w=2.0,
  when=lambda c: c.get("food_sub") is not None or c.get("ev_sub") is not None or c.get("svc_sub") in ("beauty", "auto"))
C("near:drugs", "an ice machine", "appliances", ["[[Ice machine]] works great."], when=lambda c: "fridge" in c.get("noun", "") or "refrigerator" in c.get("noun", ""))
C("near:drugs", "an Instant Pot", "appliances", ["I also have an [[Instant Pot]] for $30."])
C("near:drugs", "a crystal chandelier", "furniture", ["[[Crystal]] chandelier available too."])
C("near:drugs", "a vintage Coke machine", "furniture appliances", ["Vintage [[Coke]] machine also for sale."])
C("near:drugs", "party trays", "food", ["[[Party trays]] for game day."], when=sub_is("food_sub", "catering", "restaurant", "bakery"))
C("near:drugs", "a drug test for a job", "jobs", ["Must pass a [[drug screen]].", "[[Drug-free]] workplace."])

# --- risky_services (innocent look-alikes) -------------------------------------------------------------------------
C("risky_services", "Greek food or a Greek festival", "",
  {"food": ["Homemade [[Greek]] yogurt.", "[[Greek]] salads and gyros."],
   "events": ["[[Greek]] food booth all weekend."],
   "community": ["[[Greek]] Orthodox church bake sale."]}, w=1.5)
C("near:risky_services", "a full-service car wash", "services", ["[[Full-service]] car wash and detail."],
  when=sub_is("svc_sub", "auto"))
C("near:risky_services", "full-service moving", "services", ["[[Full service]] moving: we pack, load and unload."],
  when=sub_is("svc_sub", "moving"))
C("near:risky_services", "a full-service dealer shop", "vehicles", ["[[Full-service]] shop on site."],
  when=lambda c: c.get("svc_sub") in ("auto", "moving") or has_biz(c))

# --- does-not-count look-alikes of youth ----------------------------------------------------------------------------
C("near:youth", "petite clothing sizes", "clothing",
  ["[[Petite]] sizes available.", "Women's [[petite]] medium.", "Fits [[petite]] frames."], w=2.0)
C("near:youth", "a tiny house", "housing", ["[[Tiny]] home on a quiet lot."])
C("near:youth", "Little League baseball", "community events", ["[[Little League]] sign-ups end {date}."],
  when=lambda c: c.get("sub_c") in ("league", "program") or c.get("ev_sub") in ("festival", "garage_sale"))
C("near:youth", "a toy dollhouse", "baby_gear", ["[[Dollhouse]] with furniture also available."])
C("near:youth", "fresh food", "food",
  ["[[Fresh]] daily.", "[[Fresh]] bread every morning.", "Everything is [[fresh]], never frozen."], w=3.0)
C("near:youth", "cherry pie", "food", ["[[Cherry]] pies by the slice.", "Sour [[cherry]] season is here."],
  when=sub_is("food_sub", "bakery", "farm_stand", "home_cook"))
C("near:youth", "fun-size candy bars", "events", ["Bring [[fun-size]] bars for trunk-or-treat."],
  when=sub_is("ev_sub", "festival", "birthday"))

# --- contact habits and category words ------------------------------------------------------------------------------
C("near:contact", "text only", "",
  {ALL_K: ["[[Text only]], please."],
   GOODS_K + " housing lost_found pets teen_work": ["[[Text only]], please.", "[[Text only]], I work nights."]}, w=1.3)
C("near:contact", "no late calls", ALL_K, ["[[No calls after 9]]pm please.", "[[No calls after 9]], thanks."], w=1.3)
C("near:contact", "cash only", GOODS_K + " food teen_work events pets",
  ["[[Cash only]].", "[[Cash only]], no checks.", "[[Cash only]] at pickup."], w=1.3)
C("near:obfuscated_phone", "blocked calls", ALL_K, ["[[No blocked calls]]."], w=0.5)
C("near:category", "a massage chair", "furniture electronics",
  ["[[Massage chair]] also for sale, heat works.", "I also have a [[foot massager]]."])
C("near:category", "companion care for seniors", "jobs services",
  ["[[Companion care]] for seniors.", "Light housekeeping and [[companionship]] for an elderly client."],
  when=lambda c: c.get("job_sub") in ("clinic", "care") or c.get("svc_sub") == "cleaning")
C("near:emoji", "a lone emoji", "",
  {"food": ["[[🍭]] Now open on {street}!", "[[👑]] Voted best in {hood}.", "[[🍒]] Pick-your-own starts {date}."],
   "events": ["[[🌹]] Roses at the entrance, $25 a dozen.", "[[❄️]] Dress warm!"],
   "services": ["[[❄️]] Winter hours start {date}.", "[[👑]] Voted best in {hood}."]})

# --- Spanish ----------------------------------------------------------------------------------------------------------
C("ethnicity_stated", "the business owners", "food services",
  ["Somos una empresa [[latina]] y familiar.", "Panadería [[latina]] con más de 20 años."], lang="es", w=2.0)
C("availability_24_7", "business hours", "services food", ["Servicio [[24 horas]].", "Abierto [[24 horas]].", "Servicio [[24/7]]."],
  lang="es", w=1.5)
C("incall_outcall", "service or delivery at home", "",
  {"services": ["Servicio [[a domicilio]].", "Vamos [[a domicilio]]."], "food": ["Entregas [[a domicilio]]."]}, lang="es", w=2.0)
C("incall_outcall", "visiting the shop", "food services events", ["[[Visítenos]] en {num} {street}."], lang="es")
C("incall_outcall", "a room for rent", "housing", ["[[Cuarto privado]] con baño.", "Es un [[cuarto privado]]."],
  lang="es", w=2.0)
C("trust_language", "photos of the item", "housing furniture appliances electronics clothing baby_gear tools vehicles",
  ["[[Fotos reales]].", "Las fotos son [[reales]]."], lang="es", w=2.0)
C("trust_language", "a warning against scams", "housing furniture appliances electronics vehicles",
  ["[[Nada de estafas]], solo en persona."], lang="es")
C("movement", "new stock", "food furniture clothing", ["[[Recién llegados]] los productos de temporada."], lang="es")
C("movement", "a business that just opened", "food services", ["Somos [[nuevos en la ciudad]], pruébenos."], lang="es")
C("near:drugs", "parties", "events food", ["Salón para [[fiestas]].", "Pasteles para [[fiestas]]."], lang="es", w=2.0)
C("near:youth", "candy", "events food", ["Mesa de [[dulces]] para eventos."], lang="es")
C("youth", "coworkers", "jobs", ["Trabajo en un [[equipo joven]] y dinámico."], lang="es")
C("youth", "a youth league or girls' team", "community",
  ["Liga [[juvenil]] de fútbol.", "Nuevo equipo de [[voleibol de chicas]]."], lang="es")
C("underage_age", "a child's age", "lost_found furniture clothing baby_gear",
  ["Es de mi hijo de [[{kid_age} años]].", "Mi hija de [[{kid_age} años]] ya no lo usa."], lang="es", age=True, w=1.5)
C("underage_age", "ages for a program", "community events", ["Para niños de [[{kid_age} a {teen_age} años]]."],
  lang="es", age=True)
C("underage_age", "a quinceañera", "events food",
  ["Paquetes para [[quinceañeras]] y bodas.", "Pasteles para [[XV años]]."], lang="es", age=True, w=1.5)
C("third_party", "asking for a named employee", "jobs food services", ["[[Pregunte por {name3}]]."], lang="es", w=2.0)
C("third_party", "new management", "food housing", ["Bajo [[nueva administración]]."], lang="es")
C("near:contact", "cash only", "furniture appliances electronics clothing baby_gear tools vehicles food",
  ["[[Solo efectivo]]."], lang="es", w=2.0)
C("near:contact", "texts only", ALL_K, ["[[Solo mensajes de texto]].", "[[No llamadas después de las 9]]."], lang="es", w=2.0)
C("near:youth", "fresh tamales", "food", ["Tamales [[frescos]] cada semana.", "Todo [[fresco]]."], lang="es", w=1.5)
C("law_enforcement", "a safe meeting place", "furniture appliances electronics vehicles",
  ["Nos vemos en la [[estación de policía]]."], lang="es")
C("venue_hotel", "hotel cleaning work", "jobs", ["Limpieza de [[hotel]], turno de día."], lang="es")
C("foreign", "the Visa card", "food services", ["Aceptamos [[Visa]] y Mastercard."], lang="es")

NEW_STOCK = {
    "furniture": ["a new shipment of patio sets", "mid-century dressers from an estate", "solid oak dining sets"],
    "appliances": ["a truckload of scratch-and-dent washers", "stainless fridges from a builder closeout"],
    "electronics": ["refurbished laptops", "the new game consoles", "used phones, all unlocked"],
    "clothing": ["fall boots in every size", "new-season jackets", "winter coats"],
    "baby_gear": ["cribs and strollers from two estate sales", "car seats, all unexpired"],
    "tools": ["a contractor's whole shop of power tools", "new-season mowers"],
    "food": ["pumpkin spice everything", "the first sweet corn of the year", "spring plants and seed potatoes"],
    "other": ["spring plants and seed potatoes", "handmade quilts and pottery"],
}
C("ethnicity_stated", "a Thai restaurant", "",
  {"food:restaurant food:food_truck food:catering": ["Authentic [[Thai]] food, spice level your way.",
                                                     "Family-run [[Thai restaurant]] in {hood}."],
   "jobs:restaurant": ["Busy [[Thai restaurant]] in {hood}.", "[[Thai restaurant]] looking for help in the kitchen."]},
  t=["[[Thai restaurant]] - {title}"], w=3.0)

# Weights tuned so the cues the brief names come up often and the generic ones do not crowd them out.
W_OVERRIDE = {
    "the business owner": 4.0, "a Brazilian steakhouse": 3.0, "a birthday party": 4.0, "a joke about TV shows": 5.0,
    "snow removal": 4.0, "new stock or new vendors every week": 3.0, "opening hours of a business": 4.0,
    "a late-night menu": 4.0, "a room for rent": 5.0, "petite clothing sizes": 4.0, "a motel renovation job": 4.0,
    "a mobile service": 4.0, "a worker who travels to the customer": 3.0, "a quick oil change or drive-thru": 3.0,
    "fresh food": 4.0, "coworkers on the crew": 3.0, "a new girls' sports team": 3.0,
    "a grocery store used as a landmark": 1.0, "available now": 1.2, "no games, serious buyers": 1.2,
    "a safe place to meet a buyer": 1.2, "a street number": 0.8, "text only": 0.8, "no late calls": 0.8, "cash only": 0.9,
    "a warning against online scams": 1.8, "photos of the actual item or place": 1.8, "when the seller answers": 1.0,
}
W_OVERRIDE.update({"an Instant Pot": 0.5, "a vintage Coke machine": 0.5})
for _q in CUES:
    if _q.lang == "en" and _q.about in W_OVERRIDE:
        _q.w = W_OVERRIDE[_q.about]


def noun_has(*ws):
    return lambda c: any(w in c.get("noun", "") for w in ws)


def sub_in(*vals):
    return lambda c: c.get("sub") in vals


# Extra conditions (ANDed with each cue's own) so that a cue sentence fits the ad's sub-type.
EXTRA_WHEN = {
    "a student as the buyer": lambda c: c["kind"] == "electronics" or noun_has(
        "mini fridge", "microwave", "air fryer", "desk", "futon", "bookshelf", "bar stools", "TV stand", "accent chair",
        "countertop oven", "vacuum")(c),
    "AA batteries": lambda c: c["kind"] == "electronics" or noun_has(
        "swing", "bouncer", "monitor", "jumper", "toy kitchen", "train table", "cordless", "leaf blower")(c),
    "clothing fits a child's age": noun_has("clothes", "kids'", "boys'"),
    "girls' clothing or a girls' club": lambda c: (c["kind"] == "community" and c.get("sub") == "program")
    or noun_has("clothes", "kids'", "boys'", "costumes")(c),
    "genuine leather": noun_has("jacket", "boots", "shoes", "handbag", "sofa", "loveseat", "recliner", "accent chair",
                                "sneakers"),
    "100% cotton": noun_has("shirts", "jeans", "scrubs", "baby clothes", "boys' clothes", "jerseys", "maternity"),
    "petite clothing sizes": noun_has("coat", "jacket", "jeans", "scrubs", "sweaters", "wedding dress", "maternity", "rain"),
    "genuine parts": lambda c: c["kind"] == "vehicles" or noun_has("washer", "dryer", "refrigerator", "dishwasher", "range",
                                                                   "freezer")(c),
    "hotel pans for catering": lambda c: c["kind"] == "food" or noun_has("range", "countertop oven")(c),
    "a young animal": lambda c: c.get("pet_stage") != "supplies" and (c["kind"] == "pets" or c.get("sub") in (
        "dog", "cat", "found_dog", "bird")),
    "a dog or cat breed": lambda c: c.get("pet_stage") != "supplies",
    "a mixed-breed animal or mixed fruit": lambda c: c["kind"] == "food" or (c.get("sub") == "dog"
                                                                             and c.get("pet_stage") != "supplies"),
    "a Persian rug or cat": lambda c: c["kind"] == "furniture" or c.get("sub") == "cat",
    "come choose a puppy or pumpkin": lambda c: c["kind"] != "pets" or "puppies" in c.get("pet", ""),
    "choosing a favorite flavor or item": lambda c: (c["kind"] == "food") or (c["kind"] == "events" and c.get("sub") == "festival")
    or c.get("pet_stage") in ("puppies", "kittens"),
    "ages of the family's children": lambda c: c.get("pet_stage") != "supplies",
    "a weed trimmer or weeding": lambda c: c["kind"] != "teen_work" or c.get("sub") in ("yard work", "lawn mowing", "leaf raking"),
    "a new girls' sports team": sub_in("league", "program"),
    "Greek food or a Greek festival": lambda c: (c["kind"] == "community" and c.get("sub") in ("church", "civic"))
    or (c["kind"] == "events" and c.get("sub") in ("festival", "craft_fair", "farmers_market"))
    or (c["kind"] == "food" and c.get("sub") in ("restaurant", "food_truck", "catering", "home_cook", "farm_stand")),
    "an English class for adult newcomers": sub_in("volunteer", "church", "civic", "program"),
    "hosting events or host families": lambda c: c["kind"] == "housing" or (c["kind"] == "events" and c.get("sub") == "venue")
    or (c["kind"] == "community" and c.get("sub") in ("church", "civic", "program")),
    "an upscale neighborhood or venue": lambda c: c["kind"] != "events" or c.get("sub") in ("venue", "concert", "class", "talk"),
    "a booth or stand at a market": lambda c: c["kind"] != "events" or c.get("sub") in ("craft_fair", "farmers_market", "festival"),
    "a student discount": lambda c: c["kind"] != "events" or c.get("sub") in ("class", "concert", "talk", "festival"),
    "a hotel ballroom venue": sub_in("venue"),
    "Little League baseball": lambda c: (c["kind"] == "community" and c.get("sub") in ("league", "program"))
    or c.get("sub") == "festival",
    "candy": lambda c: c["kind"] != "food" or c.get("sub") in ("bakery", "catering", "coffee", "farm_stand", "home_cook"),
    "imported stock": lambda c: c["kind"] != "food" or c.get("sub") in ("restaurant", "bakery", "coffee"),
    "a color or a sweet (caramel)": lambda c: c["kind"] != "food" or c.get("sub") in ("bakery", "farm_stand", "coffee", "home_cook"),
    "new stock that just came in": lambda c: c["kind"] != "food" or c.get("sub") in ("bakery", "coffee", "farm_stand"),
    "companion care for seniors": lambda c: c["kind"] != "jobs" or c.get("sub") == "care",
    "a visiting chef or home-visit nurse": lambda c: c["kind"] != "jobs" or c.get("sub") == "care",
    "a customer-support line": lambda c: c["kind"] != "services" or c.get("sub") in ("repair", "auto"),
}


def _and(a, b):
    return (lambda c: a(c) and b(c)) if a else b


for _q in CUES:
    if _q.lang == "en" and _q.about in EXTRA_WHEN:
        _q.when = _and(_q.when, EXTRA_WHEN[_q.about])
WOOD = ("table", "dresser", "nightstand", "desk", "cabinet", "console", "bookshelf", "armoire", "bunk", "bed frame",
        "rocking", "entertainment", "TV stand", "vanity", "island")
LEATHER = ("leather jacket", "motorcycle jacket", "work boots", "cowboy boots", "dress shoes", "handbag", "sectional",
           "loveseat", "recliner", "accent chair")
EXTRA_WHEN2 = {
    "Brazilian cherry hardwood": lambda c: c["kind"] == "housing" or noun_has(*WOOD)(c),
    "exotic plants, pets, fruit, wood or cars": lambda c: (c["kind"] != "furniture" or noun_has("table", "desk", "console")(c))
    and (c["kind"] != "pets" or has_biz(c))
    and (c["kind"] != "vehicles" or c.get("vtype") in ("car", "suv", "truck", "motorcycle")),
    "a wood finish (ebony)": noun_has(*WOOD),
    "Italian leather": noun_has(*LEATHER),
    "genuine leather": noun_has(*LEATHER),
    "a Persian rug or cat": lambda c: c.get("sub") == "cat" or noun_has("sofa", "loveseat", "coffee table", "dining", "recliner",
                                                                         "accent chair", "ottoman")(c),
    "Swedish furniture design": noun_has(*(WOOD + ("chair", "futon", "stools"))),
    "juniors' clothing sizes": noun_has("jeans", "sweaters", "costumes", "rain jacket"),
    "clothing fits a child's age": noun_has("baby clothes", "kids'", "boys'"),
    "girls' clothing or a girls' club": lambda c: (c["kind"] == "community" and c.get("sub") == "program")
    or noun_has("baby clothes", "kids'", "boys'", "costumes")(c),
    "TVs from a hotel remodel": lambda c: has_biz(c) or "TV" in c.get("noun", ""),
    "bought for the seller's teen": lambda c: c["kind"] == "electronics" or c.get("vtype") in ("car", "suv", "truck", "wagon"),
    "first-time renters or drivers": lambda c: c["kind"] == "housing" or c.get("vtype") in ("car", "wagon", "suv"),
    "'brand new' about car parts": lambda c: c.get("vtype") not in ("boat",),
    "a color or a sweet (caramel)": lambda c: (c["kind"] != "food" or c.get("sub") in ("bakery", "farm_stand", "coffee", "home_cook"))
    and (c["kind"] != "furniture" or noun_has(*LEATHER, "accent chair", "ottoman", "futon")(c)),
}
for _q in CUES:
    if _q.lang == "en" and _q.about in EXTRA_WHEN2:
        _q.when = _and(_q.when, EXTRA_WHEN2[_q.about])
EXTRA_WHEN.update(EXTRA_WHEN2)
_known = set(q.about for q in CUES)
assert all(k in _known for k in EXTRA_WHEN), [k for k in EXTRA_WHEN if k not in _known]
_known = set(q.about for q in CUES)
assert all(k in _known for k in W_OVERRIDE), [k for k in W_OVERRIDE if k not in _known]

VOCAB["what_pic"] = lambda rng, c: c.get("noun") or c.get("veh") or c.get("htype") or c.get("pet") or "item"
VOCAB["addr_biz"] = lambda rng, c: c.get("biz") or c.get("org") or "It"
VOCAB["org_or_city"] = lambda rng, c: c.get("org") or c["city"]

# ----------------------------------------------------------------------------------------------------------------
# Assembly
# ----------------------------------------------------------------------------------------------------------------

KIND_WEIGHTS = [("jobs", 13), ("furniture", 7), ("appliances", 5), ("electronics", 6), ("clothing", 5),
                ("baby_gear", 4), ("tools", 5), ("vehicles", 6), ("housing", 8), ("services", 9), ("food", 8),
                ("events", 7), ("pets", 5), ("lost_found", 4), ("community", 5), ("teen_work", 4)]

_ITEM_V = [("individual", 6), ("terse", 3), ("chatty", 2), ("list", 1.5), ("business", 1.5)]
VOICES = {
    "jobs": [("business", 6), ("terse", 2), ("list", 2), ("chatty", 1.5)],
    "furniture": _ITEM_V, "appliances": _ITEM_V, "electronics": _ITEM_V, "clothing": _ITEM_V,
    "baby_gear": _ITEM_V, "tools": _ITEM_V,
    "vehicles": [("individual", 5), ("terse", 2), ("list", 1.5), ("chatty", 1.5), ("business", 2)],
    "housing": [("individual", 4), ("business", 3), ("terse", 2), ("list", 1.5), ("chatty", 1.5)],
    "services": [("business", 4), ("individual", 3), ("terse", 2), ("list", 1.5), ("chatty", 1.5)],
    "food": [("business", 4), ("chatty", 2), ("terse", 1.5), ("list", 1.5)],
    "events": [("business", 4), ("chatty", 2.5), ("terse", 1.5), ("list", 2)],
    "pets": [("individual", 4), ("chatty", 2), ("terse", 2), ("business", 1.5)],
    "lost_found": [("individual", 5), ("chatty", 2.5), ("terse", 1.5)],
    "community": [("business", 4), ("chatty", 2), ("list", 2), ("terse", 1)],
    "teen_work": [("individual", 5), ("chatty", 2), ("terse", 1), ("list", 0.5)],
}

P_CUE = 0.585        # share of ordinary ads (other than teen work) that get 1-3 innocent cues
P_AGE = 0.19         # of those, share forced to include a child's/teen's age (where the kind allows one)
P_ES = 0.07          # whole ad in Spanish
P_MIXED = 0.05       # English ad with Spanish lines
P_HTML = 0.40
P_TYPO = 0.25


def gen_base(rng, c, kind, voice, lang):
    if lang == "es":
        if kind == "jobs":
            return job_es(rng, c, voice)
        if kind == "housing":
            return housing_es(rng, c, voice)
        if kind == "food":
            return food_es(rng, c, voice)
        if kind == "services":
            return service_es(rng, c, voice)
        if kind == "events":
            return event_es(rng, c, voice)
        if kind == "lost_found":
            return lost_es(rng, c, voice)
        if kind == "community":
            return community_es(rng, c, voice)
        if kind == "vehicles":
            return vehicle_es(rng, c, voice)
        return goods_es(rng, c, kind, voice)
    if kind in ITEMS:
        return goods(rng, c, kind, voice)
    return {"jobs": job, "vehicles": vehicle, "housing": housing, "services": service, "food": food,
            "events": event, "pets": pet, "lost_found": lost, "community": community,
            "teen_work": teen_work}[kind](rng, c, voice)


ES_KINDS = set(k for k in KINDS if k not in ("pets", "teen_work"))

MIXED_LINES = ["Se habla español.", "Hablamos español.", "Informes en español: {phone}.", "Precio negociable.",
               "Gracias por ver.", "Muy buen estado.", "Se aceptan ofertas.", "Pregunte sin compromiso.",
               "Atendemos en inglés y español.", "Bienvenidos todos."]


def new_context(rng, lang, voice, kind):
    c = Ctx(rng, lang)
    city, state, ac = pick(rng, CITIES)
    c.update(city=city, state=state, ac=ac, kind=kind)
    biz_voice = voice == "business"
    c.update({"we": "we" if biz_voice else "I", "We": "We" if biz_voice else "I",
              "our": "our" if biz_voice else "my", "us": "us" if biz_voice else "me",
              "we_have": "We have" if biz_voice else "I have"})
    return c


def render_cue(rng, c, cue, kind, as_title):
    tpl = pick(rng, cue.t if as_title else cue.tpls(kind, c))
    s = c.fill(tpl)
    phrases = re.findall(r"\[\[(.+?)\]\]", s)
    clean = s.replace("[[", "").replace("]]", "")
    desc = "%s: '%s' (%s)" % (cue.tag, " ... ".join(phrases), cue.about)
    return clean, desc


def choose_cues(rng, c, kind, lang, teen):
    clang = "es" if lang == "es" else "en"
    pool = [q for q in CUES if q.lang == clang and q.applies(kind, c)]
    if not pool:
        return []
    n = wchoice(rng, [(1, 0.5), (2, 0.35), (3, 0.15)])
    chosen = []
    ages = [q for q in pool if q.age]
    if ages and (chance(rng, 0.95) if teen else chance(rng, P_AGE)):
        chosen.append(wchoice(rng, [(q, q.w) for q in ages]))
    rest = [q for q in pool if not q.age]
    while len(chosen) < n and rest:
        q = wchoice(rng, [(q, q.w) for q in rest])
        rest.remove(q)
        chosen.append(q)
    return chosen


WORD = re.compile(r"[A-Za-z]{4,}")
MISSPELL = {"received": "recieved", "definitely": "definately", "separate": "seperate", "condition": "condtion",
            "available": "availible", "excellent": "excelent", "furniture": "furnature", "negotiable": "negociable",
            "necessary": "neccessary", "until": "untill", "beautiful": "beutiful", "schedule": "schedual",
            "apartment": "appartment", "tomorrow": "tommorow", "experience": "experiance", "dryer": "drier",
            "brakes": "breaks", "reliable": "relible", "refrigerator": "refridgerator", "washer": "washor",
            "interested": "intrested", "pictures": "pics", "questions": "questons", "business": "buisness",
            "vacuum": "vaccum", "mattress": "matress", "weekend": "wkend", "please": "pls", "thanks": "thx"}
CONTRACT = {"it's": "its", "don't": "dont", "I'm": "im", "can't": "cant", "won't": "wont", "doesn't": "doesnt",
            "you're": "your", "we're": "were", "there's": "theres"}


BAD_SUBSTR = ("shit", "fuck", "cunt", "dick", "cock", "cum", "sex", "tit", "porn", "ass", "fag", "nig", "slut", "whor",
              "rape", "anal", "pussy", "bitch", "damn", "hell", "piss", "crap", "bong", "meth", "coke", "weed", "dope")


def typo_word(rng, w):
    for _ in range(4):
        out = _typo_word(rng, w)
        if not any(b in out.lower() and b not in w.lower() for b in BAD_SUBSTR):
            return out
    return w


def _typo_word(rng, w):
    lw = w.lower()
    if lw in MISSPELL and chance(rng, 0.7):
        out = MISSPELL[lw]
        return out.capitalize() if w[0].isupper() else out
    i = rng.randint(1, len(w) - 2)
    op = rng.randint(0, 2)
    if op == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if op == 1:
        return w[:i] + w[i + 1:]
    return w[:i] + w[i] + w[i:]


def add_typos(rng, sents, cue_idx):
    idx = [i for i, s in enumerate(sents) if i not in cue_idx and "@" not in s and "example" not in s
           and not re.search(r"\d{3}", s)]
    if not idx:
        return sents
    sents = list(sents)
    for _ in range(rng.randint(1, 3)):
        i = pick(rng, idx)
        s = sents[i]
        for a, b in CONTRACT.items():
            if a in s and chance(rng, 0.5):
                s = s.replace(a, b, 1)
                break
        else:
            words = [m for m in WORD.finditer(s)]
            if words:
                m = pick(rng, words)
                s = s[:m.start()] + typo_word(rng, m.group(0)) + s[m.end():]
        sents[i] = s
    return sents


class Ad:
    pass


def make_ad(seed, i):
    rng = random.Random(seed * 1000003 + i)
    kind = wchoice(rng, KIND_WEIGHTS)
    lang = "en"
    if kind in ES_KINDS and chance(rng, P_ES):
        lang = "es"
    elif chance(rng, P_MIXED):
        lang = "mixed"
    voice = wchoice(rng, VOICES[kind])
    c = new_context(rng, lang, voice, kind)
    title, sents, fields = gen_base(rng, c, kind, voice, lang)
    sents = ["LIST:" + cap(s[5:]) if s.startswith("LIST:") else cap(s) for s in sents]
    title = cap(title)
    if kind == "teen_work":
        c["He_she"] = "He" if c["kid_rel2"] == "son" else "She"
    c["title"] = title
    teen = kind == "teen_work"
    cues = choose_cues(rng, c, kind, lang, teen) if (teen or chance(rng, P_CUE)) else []
    descs = []
    cue_idx = set()
    title_cue = False
    has_age = False
    for q in cues:
        as_title = bool(q.t) and not title_cue and chance(rng, 0.3)
        text, desc = render_cue(rng, c, q, kind, as_title)
        descs.append(desc)
        has_age = has_age or q.age
        if as_title:
            title = text
            title_cue = True
            continue
        in_list_ok = kind in ITEMS or kind in ("vehicles", "housing")
        spots = [p for p in range(1, len(sents)) if not sents[p - 1].rstrip().endswith(":")
                 and (in_list_ok or not (sents[p - 1].startswith("LIST:") and sents[p].startswith("LIST:")))]
        pos = pick(rng, spots or [len(sents)])
        if in_list_ok and pos > 0 and sents[pos - 1].startswith("LIST:") and chance(rng, 0.6):
            text = "LIST:" + text.rstrip(".!")
        sents.insert(pos, text)
        cue_idx = set(j + 1 if j >= pos else j for j in cue_idx)
        cue_idx.add(pos)
    if lang == "mixed":
        line = c.fill(pick(rng, MIXED_LINES))
        pos = rng.randint(1, len(sents))
        sents.insert(pos, line)
        cue_idx = set(j + 1 if j >= pos else j for j in cue_idx)
    if chance(rng, P_TYPO):
        sents = add_typos(rng, sents, cue_idx)
    if voice == "terse" and chance(rng, 0.3):
        sents = [s if j in cue_idx else s.lower() if "@" not in s else s for j, s in enumerate(sents)]
    if chance(rng, 0.06) and not title_cue:
        title = title.upper()
    ad = Ad()
    ad.kind, ad.lang, ad.voice, ad.title, ad.sents, ad.fields = kind, lang, voice, title, sents, fields
    ad.cues, ad.has_age, ad.ctx, ad.rng = descs, has_age, c, rng
    return ad


# ----------------------------------------------------------------------------------------------------------------
# Text rendering
# ----------------------------------------------------------------------------------------------------------------

def body_blocks(rng, sents):
    """Group sentences into paragraphs and bullet lists: [("p", [..]) | ("ul", [..])]."""
    blocks = []
    for s in sents:
        if s.startswith("LIST:"):
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(s[5:])
            else:
                blocks.append(("ul", [s[5:]]))
        else:
            if blocks and blocks[-1][0] == "p" and len(blocks[-1][1]) < rng.randint(2, 5):
                blocks[-1][1].append(s)
            else:
                blocks.append(("p", [s]))
    return blocks


def render_text(rng, ad):
    c = ad.ctx
    price = next((v for k, v in ad.fields if k in ("Price", "Rent", "Precio", "Renta", "Compensation", "Fee")), None)
    style = rng.randint(0, 5)
    bullet = pick(rng, ["- ", "* ", "• ", "-", "> "])
    blocks = body_blocks(rng, ad.sents)
    if ad.voice == "terse" and chance(rng, 0.6):
        body = " ".join(s[5:] if s.startswith("LIST:") else s for s in ad.sents)
        blocks_txt = [body]
    else:
        blocks_txt = []
        for kind, items in blocks:
            if kind == "ul":
                blocks_txt.append("\n".join(bullet + x for x in items))
            else:
                blocks_txt.append(" ".join(items))
    sep = pick(rng, ["\n\n", "\n", "\n\n", " "]) if len(blocks_txt) > 1 else ""
    if any("\n" in b for b in blocks_txt) and sep == " ":
        sep = "\n"
    body = sep.join(blocks_txt)
    title = ad.title
    if style == 0 and price and price not in title:
        title = "%s - %s (%s)" % (title, price, c["hood"])
    elif style == 1:
        title = "%s (%s)" % (title, pick(rng, [c["hood"], c["city"], c["city"] + ", " + c["state"]]))
    if style == 5 and ad.voice != "terse":
        return body
    out = title + pick(rng, ["\n\n", "\n", "\n\n"]) + body
    if style == 2 and ad.fields:
        out += "\n\n" + "\n".join("%s: %s" % kv for kv in ad.fields[:rng.randint(1, len(ad.fields))])
    return out


# ----------------------------------------------------------------------------------------------------------------
# HTML rendering: small pages with their own site chrome (nav, breadcrumbs, sidebar of other listings, footer)
# ----------------------------------------------------------------------------------------------------------------

SECTION = {
    "jobs": ("Jobs", None), "furniture": ("For Sale", "Furniture"), "appliances": ("For Sale", "Appliances"),
    "electronics": ("For Sale", "Electronics"), "clothing": ("For Sale", "Clothing & Accessories"),
    "baby_gear": ("For Sale", "Baby & Kid Stuff"), "tools": ("For Sale", "Tools"),
    "vehicles": ("For Sale", "Cars & Trucks"), "housing": ("Housing", "Apartments / Rooms"),
    "services": ("Services", None), "food": ("Local Business", "Food & Drink"),
    "events": ("Community", "Events"), "pets": ("Community", "Pets"), "lost_found": ("Community", "Lost & Found"),
    "community": ("Community", "Groups & Volunteers"), "teen_work": ("Services", "Household & Odd Jobs"),
}
SECTION_ES = {"jobs": "Empleos", "housing": "Vivienda", "services": "Servicios", "food": "Comida",
              "events": "Eventos", "lost_found": "Perdidos y encontrados", "community": "Comunidad",
              "vehicles": "Autos"}
JOB_SEC = {"restaurant": "Food & Restaurant", "retail": "Retail", "warehouse": "Warehouse & Logistics",
           "office": "Office & Admin", "clinic": "Healthcare", "care": "Healthcare", "trades": "Skilled Trades", "salon": "Salon & Beauty",
           "cleaning": "Cleaning & Janitorial", "driving": "Driving & Delivery"}

SITES = [
    dict(name="TownSwap", host="townswap.example.com", skin="classic"),
    dict(name="Valley Classifieds", host="valleyclassifieds.example.com", skin="cards"),
    dict(name="Cornerboard", host="cornerboard.example.com", skin="minimal"),
    dict(name="PennyPost", host="pennypost.example.com", skin="table"),
    dict(name="Neighborly Ads", host="neighborlyads.example.com", skin="cards"),
    dict(name="The Bulletin", host="thebulletin.example.com", skin="classic"),
    dict(name="HomeTown Market", host="hometownmarket.example.com", skin="table"),
]
SITE_ES = dict(name="El Tablero", host="eltablero.example.com", skin="classic")

NAV_EN = ["Home", "For Sale", "Housing", "Jobs", "Services", "Community", "Post an ad"]
NAV_ES = ["Inicio", "En venta", "Vivienda", "Empleos", "Servicios", "Comunidad", "Publicar anuncio"]
FOOT_EN = ["About", "Help", "Terms of use", "Privacy", "Contact", "Advertise", "Site map"]
FOOT_ES = ["Acerca de", "Ayuda", "Términos", "Privacidad", "Contacto"]


def sidebar_items(rng, ad, n):
    items = []
    for _ in range(n):
        k = ad.kind if chance(rng, 0.5) else wchoice(rng, KIND_WEIGHTS)
        voice = wchoice(rng, VOICES[k])
        lang = "es" if ad.lang == "es" and k in ES_KINDS else "en"
        c = new_context(rng, lang, voice, k)
        c.update(city=ad.ctx["city"], state=ad.ctx["state"], ac=ad.ctx["ac"])
        t, _, f = gen_base(rng, c, k, voice, lang)
        price = next((v for kk, v in f if kk in ("Price", "Rent", "Precio", "Renta", "Fee")), "")
        items.append((t, price, c["hood"], rng.randint(1000000, 9999999)))
    return items


def esc(s):
    return html.escape(s, quote=True)


def render_html(rng, ad):
    c = ad.ctx
    es = ad.lang == "es"
    site = SITE_ES if es else pick(rng, SITES)
    skin = site["skin"]
    nav = NAV_ES if es else NAV_EN
    sec, sub = SECTION[ad.kind]
    if es:
        sec, sub = ("En venta", None) if ad.kind not in SECTION_ES else (SECTION_ES[ad.kind], None)
    if ad.kind == "jobs" and not es:
        sub = JOB_SEC.get(c.get("job_sub"), "General Labor")
    if ad.kind == "services" and not es:
        sub = c.get("svc", "Other Services")
    listing_id = rng.randint(1000000, 9999999)
    posted = "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    crumbs = [nav[0], c["city"], sec] + ([sub] if sub else [])
    price = next((v for k, v in ad.fields if k in ("Price", "Rent", "Precio", "Renta", "Compensation", "Fee")), None)
    side = sidebar_items(rng, ad, rng.randint(3, 6))
    blocks = body_blocks(rng, ad.sents)
    P = []
    a = P.append
    a("<!DOCTYPE html>")
    a('<html lang="%s">' % ("es" if es else "en"))
    a("<head>")
    a('<meta charset="utf-8">')
    a("<title>%s | %s %s</title>" % (esc(ad.title), esc(site["name"]), esc(c["city"])))
    a('<meta name="viewport" content="width=device-width, initial-scale=1">')
    if skin != "minimal":
        a('<link rel="stylesheet" href="/static/%s.css">' % skin)
    a("</head>")
    a('<body class="%s">' % skin)
    # header / nav
    if skin == "table":
        a('<table class="top" width="100%"><tr><td><a href="/"><b>' + esc(site["name"]) + "</b></a></td><td>")
        a(" | ".join('<a href="/%s">%s</a>' % (slug(x), esc(x)) for x in nav[1:]))
        a("</td></tr></table>")
    else:
        a('<header class="site-header"><a class="logo" href="/">%s</a>' % esc(site["name"]))
        a("<nav><ul>" + "".join('<li><a href="/%s">%s</a></li>' % (slug(x), esc(x)) for x in nav[1:]) + "</ul></nav>")
        if skin == "cards":
            a('<form class="search" action="/search"><input name="q" placeholder="%s"><button>%s</button></form>'
              % ("Buscar" if es else "Search " + esc(c["city"]), "Buscar" if es else "Go"))
        a("</header>")
    # breadcrumbs
    sepc = pick(rng, [" &rsaquo; ", " / ", " &gt; ", " » "])
    a('<div class="breadcrumbs">' + sepc.join('<a href="/%s">%s</a>' % (slug(x), esc(x)) for x in crumbs) + "</div>")
    # main
    a('<div class="page">')
    side_first = skin == "minimal" and chance(rng, 0.5)

    def sidebar():
        head = pick(rng, ["Anuncios similares", "Más anuncios"]) if es else pick(
            rng, ["Similar listings", "More in " + (sub or sec), "Recently posted", "Other ads near you"])
        a('<aside class="sidebar"><h3>%s</h3><ul>' % esc(head))
        for t, pr, hood, lid in side:
            extra = (' <span class="price">%s</span>' % esc(pr)) if pr else ""
            a('<li><a href="/ad/%d">%s</a>%s <small>(%s)</small></li>' % (lid, esc(t), extra, esc(hood)))
        a("</ul></aside>")

    if side_first:
        sidebar()
    a('<main><article class="listing" id="ad-%d">' % listing_id)
    a("<h1>%s</h1>" % esc(ad.title))
    meta = []
    if price:
        meta.append('<span class="price">%s</span>' % esc(price))
    meta.append('<span class="loc">%s, %s</span>' % (esc(c["hood"]), esc(c["city"])))
    meta.append('<time datetime="%s">%s %s</time>' % (posted, "Publicado" if es else "Posted", posted))
    a('<p class="meta">' + " · ".join(meta) + "</p>")
    if chance(rng, 0.6):
        a('<div class="gallery">' + "".join('<img src="/img/%d_%d.jpg" alt="">' % (listing_id, k)
                                          for k in range(rng.randint(1, 4))) + "</div>")
    a('<section class="body">')
    for kind, items in blocks:
        if kind == "ul":
            a("<ul>" + "".join("<li>%s</li>" % esc(x) for x in items) + "</ul>")
        else:
            a("<p>%s</p>" % esc(" ".join(items)))
    a("</section>")
    if ad.fields and chance(rng, 0.75):
        if skin == "table":
            a('<table class="attrs">' + "".join("<tr><th>%s</th><td>%s</td></tr>" % (esc(k), esc(v))
                                                for k, v in ad.fields) + "</table>")
        else:
            a('<dl class="attrs">' + "".join("<dt>%s</dt><dd>%s</dd>" % (esc(k), esc(v)) for k, v in ad.fields) + "</dl>")
    a('<p class="ad-id">%s #%d</p>' % ("Anuncio" if es else "Post ID", listing_id))
    a('<div class="actions"><a href="/reply/%d">%s</a> <a href="/flag/%d">%s</a> <a href="/share/%d">%s</a></div>'
      % (listing_id, "Responder" if es else "Reply", listing_id, "Reportar" if es else "Report this ad",
         listing_id, "Compartir" if es else "Share"))
    a("</article></main>")
    if not side_first:
        sidebar()
    a("</div>")
    foot = FOOT_ES if es else FOOT_EN
    a('<footer class="site-footer"><ul>' + "".join('<li><a href="/%s">%s</a></li>' % (slug(x), esc(x))
                                                   for x in foot[:rng.randint(3, len(foot))]) + "</ul>")
    a("<p>&copy; 2024 %s</p></footer>" % esc(site["name"]))
    a("</body>")
    a("</html>")
    return "\n".join(P) + "\n"


def record(seed, i):
    ad = make_ad(seed, i)
    rng = ad.rng
    rec = {"id": "ord%s-%06d" % (seed, i + 1)}
    if chance(rng, P_HTML):
        rec["html"] = render_html(rng, ad)
    else:
        rec["text"] = render_text(rng, ad)
    rec.update(label="benign", category="other", kind=ad.kind, innocent_cues=ad.cues)
    return rec, ad


# ----------------------------------------------------------------------------------------------------------------
# Stats and checks
# ----------------------------------------------------------------------------------------------------------------

def stats_of(recs, ads=None):
    from collections import Counter
    n = len(recs)
    kinds = Counter(r["kind"] for r in recs)
    with_cues = sum(1 for r in recs if r["innocent_cues"])
    html_n = sum(1 for r in recs if "html" in r)
    age = sum(1 for r in recs if any(d.startswith("underage_age:") for d in r["innocent_cues"]))
    fam = Counter(d.split(":")[0] if not d.startswith("near:") else ":".join(d.split(":")[:2])
                  for r in recs for d in r["innocent_cues"])
    ncues = Counter(len(r["innocent_cues"]) for r in recs)
    out = ["ads: %d" % n, "with innocent cues: %d (%.1f%%)" % (with_cues, 100.0 * with_cues / max(n, 1)),
           "cues per ad: " + ", ".join("%d: %d" % (k, ncues[k]) for k in sorted(ncues)),
           "with a child's/teen's age: %d (%.1f%%)" % (age, 100.0 * age / max(n, 1)),
           "html: %d (%.1f%%), text: %d" % (html_n, 100.0 * html_n / max(n, 1), n - html_n)]
    if ads is not None:
        langs = Counter(a.lang for a in ads)
        voices = Counter(a.voice for a in ads)
        out.append("language: " + ", ".join("%s %d (%.1f%%)" % (k, v, 100.0 * v / n) for k, v in sorted(langs.items())))
        out.append("voice: " + ", ".join("%s %d" % kv for kv in sorted(voices.items())))
    out.append("per kind (ads, with cues):")
    for k in KINDS:
        kc = sum(1 for r in recs if r["kind"] == k and r["innocent_cues"])
        out.append("  %-11s %5d  %5d" % (k, kinds[k], kc))
    out.append("cue families:")
    for k, v in sorted(fam.items(), key=lambda kv: -kv[1]):
        out.append("  %-28s %5d" % (k, v))
    distinct = len(set(d for r in recs for d in r["innocent_cues"]))
    out.append("distinct cue descriptions: %d" % distinct)
    return "\n".join(out)


PHONE_RE = re.compile(r"(?<!\d)(\(?\d{3}\)?[-. ]?\d{3}[-. ]?\d{4})(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
HOST_RE = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|io|co|us|edu|gov))\b", re.I)
TAG_RE = re.compile(r"<[^>]+>")

LINT = re.compile(r"\b(" + "|".join([
    r"young\w*", r"youth", r"teens?", r"students?", r"college", r"in school", r"brand new", r"first[- ]time",
    r"new to (?:this|the)", r"teach (?:you|me)", r"girls?'?", r"ladies", r"staff", r"models", r"sisters?", r"duo",
    r"both of us", r"my friend", r"daddy", r"she will", r"he will", r"ask for", r"choose your", r"come choose",
    r"new management", r"latin[oa]?", r"asian", r"ebony", r"caramel", r"mixed", r"snow bunny", r"thai", r"swedish",
    r"brazilian", r"korean", r"japanese", r"chinese", r"mexican", r"filipin[oa]", r"vietnamese", r"indian",
    r"persian", r"siamese", r"german", r"french", r"greek", r"russian", r"colombian", r"dominican", r"cuban",
    r"italian", r"ethiopian", r"black-owned", r"exotic", r"real", r"genuine", r"verified", r"reviewed",
    r"no games", r"scam\w*", r"fakes?", r"independent\w*", r"no rush", r"honest", r"what you see", r"visas?",
    r"english", r"fresh", r"new in town", r"new to the area", r"arrived", r"back in town", r"visiting", r"in town",
    r"touring", r"only here", r"rotating", r"last night", r"leaving town", r"hotel\w*", r"motel", r"truck stop",
    r"truckers?", r"your room", r"my room", r"private", r"incall", r"outcall", r"in ?& ?out", r"in and out",
    r"host(?:s|ing|ed|ess|esses)?", r"my place", r"your place", r"your home", r"come to you", r"come see", r"visit\w*", r"walk-?ins?",
    r"upscale", r"discreet", r"24 ?hours?", r"24-hour", r"around the clock", r"all day", r"day (?:and|or) night",
    r"anytime", r"any time", r"always available", r"all hours", r"all[- ]night", r"late night", r"open late",
    r"available now", r"cops?", r"police", r"law enforcement", r"sheriff\w*", r"420", r"part(?:y|ies)", r"snow",
    r"weed\w*", r"candy", r"lollipops?", r"cherry", r"sweet 16", r"ice machine", r"instant pot", r"crystal", r"coke",
    r"drugs?", r"gfe", r"full[- ]service", r"petite", r"tiny", r"little", r"doll(?:s|house)?", r"fun-size",
    r"cash only", r"text only", r"no calls", r"blocked calls", r"massage\w*", r"companion\w*", r"spa", r"escort\w*",
    r"dating", r"quince\w*", r"\d+[- ]?(?:year|yr)s?[- ]old", r"\d+ ?yo", r"ages? \d+", r"kids \d+",
    r"joven\w*", r"juvenil", r"chicas?", r"fresc[oa]s?", r"24 horas", r"domicilio", r"visít\w*", r"privad[oa]",
    r"reales", r"estafa\w*", r"recién", r"fiestas?", r"dulces", r"xv", r"pregunte por", r"administración",
    r"efectivo", r"mensajes", r"policía", r"(?:[1-9]|1[0-7]) años",
]) + r")(?=\W|$)", re.I)
LINT_24_7 = re.compile(r"24/7|🍭|🍒|🌹|❄️|👑|💋")


def visible(rec):
    if "text" in rec:
        return rec["text"]
    h = re.sub(r"<title>.*?</title>", " ", rec["html"], flags=re.S)
    return html.unescape(TAG_RE.sub(" ", h))


def lint_hits(rec):
    """Cue-like words in an ad that its innocent_cues do not account for."""
    t = EMAIL_RE.sub(" ", visible(rec))
    for d in rec["innocent_cues"]:
        m = re.match(r"[^:]+(?::[^:]+)?: '(.*)' \(", d)
        if m:
            for ph in m.group(1).split(" ... "):
                t = re.sub(re.escape(ph), " ", t, flags=re.I)
    hits = [m.group(0) for m in LINT.finditer(t)] + LINT_24_7.findall(t)
    return hits


def check(recs):
    errors = []
    ids = set()
    for r in recs:
        rid = r.get("id")
        if rid in ids:
            errors.append("duplicate id %s" % rid)
        ids.add(rid)
        keys = set(r)
        if not (keys == {"id", "text", "label", "category", "kind", "innocent_cues"}
                or keys == {"id", "html", "label", "category", "kind", "innocent_cues"}):
            errors.append("%s: keys %s" % (rid, sorted(keys)))
        if r.get("label") != "benign" or r.get("category") != "other":
            errors.append("%s: label/category" % rid)
        if r.get("kind") not in KINDS:
            errors.append("%s: kind %r" % (rid, r.get("kind")))
        if not isinstance(r.get("innocent_cues"), list) or len(r["innocent_cues"]) > 3:
            errors.append("%s: innocent_cues" % rid)
        body = r.get("text") or r.get("html") or ""
        for m in PHONE_RE.finditer(body):
            digits = re.sub(r"\D", "", m.group(1))
            if not (digits[3:6] == "555" and digits[6:8] == "01"):
                errors.append("%s: non-fictional phone-like number %s" % (rid, m.group(1)))
        for m in EMAIL_RE.finditer(body):
            if not (m.group(1).lower() == "example.com" or m.group(1).lower().endswith(".example.com")):
                errors.append("%s: e-mail %s" % (rid, m.group(0)))
        for m in HOST_RE.finditer(body):
            h = m.group(1).lower()
            if not (h == "example.com" or h.endswith(".example.com")):
                errors.append("%s: host %s" % (rid, h))
        if re.search(r"\d{11,}", body):
            errors.append("%s: long digit run" % rid)
        if re.search(r"\bGFE\b|girlfriend experience", body, re.I):
            errors.append("%s: GFE" % rid)
    return errors


def read_jsonl(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate ordinary (benign, category 'other') classified ads "
                                             "with innocent uses of sex-ad cue words, as training data.")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=2500)
    ap.add_argument("--out", help="output .jsonl or .jsonl.gz (gzip -n style: no name, mtime 0)")
    ap.add_argument("--stats", action="store_true", help="print counts per kind and the share with innocent cues")
    ap.add_argument("--in", dest="inp", help="with --stats: read this file instead of generating")
    ap.add_argument("--check", metavar="FILE", help="validate a generated file and report unexplained cue words")
    ap.add_argument("--teen-only", action="store_true",
                    help="keep only ads where a teen or child's age appears (teen work, babysitting ...): extra "
                         "training ads so that a stated young age in an ordinary ad is not read as a sex ad")
    args = ap.parse_args(argv)

    if args.check:
        recs = read_jsonl(args.check)
        errs = check(recs)
        lint = [(r["id"], h) for r in recs for h in lint_hits(r)]
        for e in errs[:50]:
            print("ERROR", e)
        for rid, h in lint[:50]:
            print("unlisted cue-like word:", rid, repr(h))
        print("%d records, %d errors, %d unlisted cue-like words" % (len(recs), len(errs), len(lint)))
        return 1 if errs else 0

    if args.stats and args.inp:
        print(stats_of(read_jsonl(args.inp)))
        return 0

    recs, ads = [], []
    for i in range(args.n):
        r, a = record(args.seed, i)
        if args.teen_only and not (r["kind"] == "teen_work" or any("underage" in c for c in r.get("innocent_cues", []))):
            continue
        recs.append(r)
        ads.append(a)
    if args.out:
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-8")
        if args.out.endswith(".gz"):
            buf = io.BytesIO()
            with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as g:
                g.write(data)
            data = buf.getvalue()
        with open(args.out, "wb") as f:
            f.write(data)
    if args.stats or not args.out:
        print(stats_of(recs, ads), file=sys.stdout if args.stats else sys.stderr)
    errs = check(recs)
    if errs:
        for e in errs[:20]:
            print("ERROR", e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
