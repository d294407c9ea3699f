#!/usr/bin/env python3
"""Second, independent synthetic ad generator for RedFlag ("generator B").

Written from FAMILIES.md, RESEARCH.md and DESIGN.md only, without reading the project's first generator,
its README or the lexicon. Python 3 standard library only. Deterministic: the same --seed/--n give
byte-identical output whatever PYTHONHASHSEED is (every random draw comes from random.Random seeded with a
string, which Python hashes with SHA-512, and no set or hash order is ever iterated).

    python3 generate.py --seed 11 --n 800 --out dev.jsonl          # then: gzip -n -9 dev.jsonl
    python3 generate.py --seed 11 --n 800 --stats                   # per-profile counts and cue rates
    python3 generate.py --stats --in dev.jsonl.gz                   # the same for an existing file
    python3 generate.py --check dev.jsonl.gz                        # JSON, ids, fictional phones, domains

See README.md in this directory for what is modelled and how labels and cues are assigned.
"""

import argparse
import gzip
import html
import json
import random
import re
import sys
import unicodedata
from datetime import datetime, timedelta
from html.parser import HTMLParser

FAMILIES = [
    "youth", "underage_age", "third_party", "multiple_providers", "restriction", "foreign",
    "ethnicity_stated", "trust_language", "obfuscated_phone", "movement", "venue_hotel", "incall_outcall",
    "availability_24_7", "law_enforcement", "drugs", "risky_services",
]
FAM_SHORT = {
    "youth": "yth", "underage_age": "u18", "third_party": "3rd", "multiple_providers": "mul",
    "restriction": "rst", "foreign": "frn", "ethnicity_stated": "eth", "trust_language": "tru",
    "obfuscated_phone": "obf", "movement": "mov", "venue_hotel": "htl", "incall_outcall": "inc",
    "availability_24_7": "247", "law_enforcement": "law", "drugs": "drg", "risky_services": "rsk",
}


def P(text, fams=""):
    """A phrase and the families its wording carries (space-separated)."""
    return (text, tuple(fams.split()))


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def picks(rng, seq, k):
    """k distinct items (fewer if the pool is small)."""
    return rng.sample(list(seq), min(k, len(seq)))


def chance(rng, p):
    return rng.random() < p


def wchoice(rng, pairs):
    """pairs: [(item, weight), ...] in a fixed order."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


# ----------------------------------------------------------------------------------------------------------
# Names, places, small vocabularies (all invented or generic)
# ----------------------------------------------------------------------------------------------------------

NAMES = [
    "Ava", "Bella", "Chloe", "Daisy", "Elena", "Fiona", "Gia", "Hailey", "Ivy", "Jade", "Kira", "Lola", "Mia",
    "Nina", "Olivia", "Paris", "Quinn", "Rosa", "Sasha", "Tina", "Vera", "Willow", "Yara", "Zoe", "Amber",
    "Bianca", "Dana", "Eden", "Faith", "Ginger", "Honey", "Isla", "Jasmine", "Kiki", "Luna", "Mona", "Nova",
    "Pearl", "Roxy", "Skye", "Tara", "Valentina", "Yuki", "Mei", "Lin", "Suki", "Ana", "Lucia", "Carmen",
    "Daniela", "Gabriela", "Paola", "Ximena", "Brooke", "Sienna", "Raven", "Sable", "Cleo", "Remy", "Juno",
]
ES_NAMES = ["Ana", "Lucía", "Carmen", "Daniela", "Gabriela", "Paola", "Ximena", "Valeria", "Camila", "Sofía",
            "Mariana", "Fernanda", "Yesenia", "Marisol", "Alejandra", "Rocío"]
MALE_NAMES = ["Tom", "Greg", "Luis", "Marcus", "Dave", "Kevin", "Raj", "Pete", "Andre", "Sam", "Hector", "Will",
              "Brian", "Omar", "Jake", "Martin"]
MANAGERS = ["Tony", "Marcus", "Rico", "Dre", "Mike", "Big J", "Vince", "Lou", "Manny", "Kane"]
AGENCIES = ["Velour Companions", "Midnight Orchid", "Silk & Satin", "Diamond Lane", "Crown Jewel Escorts",
            "Le Bijou", "Scarlet Room Agency", "Gold Coast Girls", "Starlight Elite"]
SPAS = ["Lotus Garden Spa", "Jade Harmony Massage", "Golden Touch Spa", "Blue Bamboo", "Pearl Wellness",
        "Sakura Relax", "Orchid Bay Spa", "Sunrise Foot & Body", "Lucky Star Massage", "Silk Road Spa"]
CLINICS = ["Northside Therapeutic Massage", "Align Bodywork", "Willow Creek Wellness", "Rooted Sports Massage",
           "Healing Hands Clinic", "Cedar & Stone Massage", "Balance Point Therapy", "Tidewater Bodyworks"]
COMPANIES = ["Harbor Logistics", "Main Street Diner", "Brightside Dental", "Quickstop Markets", "Evergreen Cleaning Co.",
             "Bluebird Cafe", "Summit Security", "Riverbend Hotel", "Pine & Oak Furniture", "Metro Movers",
             "Lakeside Grill", "Tri-County Home Care", "Sunset Auto Body", "Cornerstone Bakery"]
CITIES = [
    ("Las Vegas", "NV", "702", ["Strip", "Henderson", "Summerlin", "Downtown"]),
    ("Los Angeles", "CA", "213", ["Hollywood", "Koreatown", "Van Nuys", "Downtown LA"]),
    ("Miami", "FL", "305", ["Brickell", "Doral", "Hialeah", "Miami Beach"]),
    ("Atlanta", "GA", "404", ["Buckhead", "Midtown", "Airport area", "Decatur"]),
    ("Chicago", "IL", "312", ["River North", "O'Hare area", "Loop", "Lincoln Park"]),
    ("Houston", "TX", "713", ["Galleria", "Westchase", "Midtown", "Greenspoint"]),
    ("Phoenix", "AZ", "602", ["Scottsdale", "Tempe", "Mesa", "Downtown"]),
    ("Seattle", "WA", "206", ["Capitol Hill", "Bellevue", "SeaTac", "Northgate"]),
    ("Denver", "CO", "303", ["Cherry Creek", "Aurora", "LoDo", "Lakewood"]),
    ("Boston", "MA", "617", ["Back Bay", "Cambridge", "Quincy", "Seaport"]),
    ("Dallas", "TX", "214", ["Uptown", "Irving", "Plano", "Love Field"]),
    ("Orlando", "FL", "407", ["I-Drive", "Kissimmee", "Winter Park", "Airport"]),
    ("Portland", "OR", "503", ["Pearl District", "Beaverton", "Gresham", "Hawthorne"]),
    ("Newark", "NJ", "973", ["Ironbound", "Airport", "Downtown", "Harrison"]),
    ("San Diego", "CA", "619", ["Gaslamp", "Mission Valley", "Chula Vista", "Pacific Beach"]),
    ("Nashville", "TN", "615", ["Midtown", "Airport", "East Nashville", "Antioch"]),
    ("Charlotte", "NC", "704", ["Uptown", "South End", "University", "Airport"]),
    ("Columbus", "OH", "614", ["Short North", "Easton", "Polaris", "Airport"]),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_ES = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]
ETHNICITIES = ["Latina", "Asian", "ebony", "mixed", "caramel", "snow bunny", "Colombian", "Brazilian",
               "Puerto Rican", "Dominican", "Korean", "Japanese", "Thai", "Filipina", "Vietnamese", "Chinese",
               "Russian", "Ukrainian", "Italian", "Cuban", "Venezuelan", "blasian", "redbone", "Persian"]
ETH_ES = ["latina", "colombiana", "venezolana", "dominicana", "boricua", "mexicana", "cubana", "brasileña",
          "hondureña", "salvadoreña"]
FLAGS = ["\U0001F1E7\U0001F1F7", "\U0001F1E8\U0001F1F4", "\U0001F1F5\U0001F1F7", "\U0001F1E9\U0001F1F4",
         "\U0001F1F0\U0001F1F7", "\U0001F1EF\U0001F1F5", "\U0001F1FB\U0001F1EA", "\U0001F1E8\U0001F1FA"]
COUNTRIES = ["Korea", "China", "Thailand", "Brazil", "Colombia", "Ukraine", "Russia", "Vietnam", "the Philippines",
             "Venezuela", "the Dominican Republic", "Romania"]
COUNTRIES_ES = ["Colombia", "Venezuela", "Honduras", "República Dominicana", "Guatemala", "El Salvador", "Perú"]
HAIR = ["black", "brunette", "blonde", "red", "auburn", "honey brown", "jet black", "platinum"]
EYES = ["brown", "green", "hazel", "blue", "dark", "gray"]
EMOJI = ["\U0001F48B", "\U0001F451", "\U0001F36D", "\U0001F339", "\U0001F352", "\u2728", "\U0001F525", "\U0001F618",
         "\U0001F495", "\u2764\ufe0f", "\U0001F338", "\U0001F48E", "\U0001F98B", "\U0001F60D", "\U0001F380", "\u2b50",
         "\U0001F4AF", "\U0001F31F", "\U0001F4A5", "\U0001F370"]
SEP_EMOJI = ["\U0001F48B", "\U0001F339", "\u2728", "\U0001F352", "\U0001F495", "\U0001F618"]

EN_DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ES_DIGIT_WORDS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
EN_TEENS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
            17: "seventeen", 18: "eighteen", 19: "nineteen"}
EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty"}
ES_WORDS = {15: "quince", 16: "dieciséis", 17: "diecisiete", 18: "dieciocho", 19: "diecinueve", 20: "veinte",
            21: "veintiuno", 22: "veintidós", 23: "veintitrés", 24: "veinticuatro", 25: "veinticinco",
            26: "veintiséis", 27: "veintisiete", 28: "veintiocho", 29: "veintinueve", 30: "treinta"}
ES_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]


def en_number(n):
    if n in EN_TEENS:
        return EN_TEENS[n]
    if n < 10:
        return EN_DIGIT_WORDS[n]
    t, u = (n // 10) * 10, n % 10
    return EN_TENS[t] + ("" if u == 0 else pick_sep_hyphen(n) + EN_DIGIT_WORDS[u])


def pick_sep_hyphen(n):
    return "-" if n % 3 else " "


def es_number(n):
    if n in ES_WORDS:
        return ES_WORDS[n]
    t, u = (n // 10) * 10, n % 10
    tens = {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta"}[t]
    return tens if u == 0 else tens + " y " + ES_UNITS[u]


# ----------------------------------------------------------------------------------------------------------
# Text styling: look-alike letters, stretched letters, spacing, emoji between words, misspellings
# ----------------------------------------------------------------------------------------------------------

HOMOGLYPHS = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443",
    "i": "\u0456", "j": "\u0458", "s": "\u0455", "n": "\u03b7", "v": "\u03bd",
    "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397", "K": "\u039a", "M": "\u039c", "N": "\u039d",
    "O": "\u039f", "P": "\u03a1", "T": "\u03a4", "X": "\u03a7", "Y": "\u03a5", "Z": "\u0396", "I": "\u0399",
    "C": "\u0421", "S": "\u0405",
}
MISSPELL = [
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bindependent\b", "independant"), (r"\bdiscreet\b", "discrete"),
    (r"\bavailable\b", "availble"), (r"\bgentlemen\b", "gentelmen"), (r"\bnight\b", "nite"),
    (r"\btonight\b", "2nite"), (r"\bplease\b", "plz"), (r"\bpictures\b", "pix"), (r"\bthe\b", "da"),
    (r"\bappointment\b", "appt"), (r"\bbeautiful\b", "beautifull"), (r"\bbecause\b", "cuz"),
    (r"\bexperience\b", "experiance"), (r"\bdefinitely\b", "definitly"), (r"\bwith\b", "wit"),
]


def fullwidth(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 0x21 <= o <= 0x7E:
            out.append(chr(o + 0xFEE0))
        elif ch == " ":
            out.append("\u3000")
        else:
            out.append(ch)
    return "".join(out)


def stretch(rng, s):
    words = [m for m in re.finditer(r"[A-Za-z]{3,}", s)]
    if not words:
        return s
    m = pick(rng, words)
    w = m.group(0)
    idx = None
    for k in range(len(w) - 1, -1, -1):
        if w[k].lower() in "aeiouy":
            idx = k
            break
    if idx is None:
        idx = len(w) - 1
    w2 = w[:idx + 1] + w[idx] * rng.randint(2, 5) + w[idx + 1:]
    return s[:m.start()] + w2 + s[m.end():]


def homoglyph(rng, s, rate):
    out = []
    for ch in s:
        if ch in HOMOGLYPHS and rng.random() < rate:
            out.append(HOMOGLYPHS[ch])
        else:
            out.append(ch)
    return "".join(out)


def misspell(rng, s, rate):
    for pat, rep in MISSPELL:
        if re.search(pat, s) and rng.random() < rate:
            s = re.sub(pat, rep, s)
    return s


def stylize(rng, s, level, allow_spacing=True):
    """Restyle a phrase; the words stay recognisable to a reader (so the phrase's families still hold)."""
    if level <= 0:
        if chance(rng, 0.08):
            s = s.upper()
        return s
    s = misspell(rng, s, 0.25 * level)
    r = rng.random()
    if r < 0.22 * level:
        s = s.upper()
    elif r < 0.27 * level:
        s = "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(s))
    elif r < 0.34 * level:
        s = s.title()
    if chance(rng, 0.16 * level):
        s = stretch(rng, s)
    if allow_spacing and len(s) <= 18 and not re.search(r"\d", s) and chance(rng, 0.06 * level):
        s = "  ".join(" ".join(w) for w in s.split(" "))
    elif len(s) <= 22 and chance(rng, 0.03 * level):
        s = fullwidth(s)
    if chance(rng, 0.14 * level):
        s = homoglyph(rng, s, rng.choice([0.2, 0.35, 0.6]))
    if " " in s and not re.search(r"\d{3}", s) and chance(rng, 0.10 * level):
        e = pick(rng, EMOJI)
        s = (" " + e + " ").join(s.split(" "))
    return s


# ----------------------------------------------------------------------------------------------------------
# Phones (always fictional: NXX-555-01xx) and emails (always @example.com)
# ----------------------------------------------------------------------------------------------------------

KEYCAP = "\ufe0f\u20e3"
CIRCLED = ["\u24ea"] + [chr(0x2460 + k) for k in range(9)]


class Phone:
    def __init__(self, rng, area):
        self.area = area
        self.last4 = "01" + "%02d" % rng.randrange(100)
        self.digits = area + "555" + self.last4
        assert re.fullmatch(r"\d{3}55501\d\d", self.digits)


def phone_plain(rng, ph):
    a, b, c = ph.area, "555", ph.last4
    return wchoice(rng, [
        (f"{a}-{b}-{c}", 30), (f"({a}) {b}-{c}", 20), (f"{a}.{b}.{c}", 12), (f"{a}{b}{c}", 14),
        (f"{a} {b} {c}", 10), (f"1-{a}-{b}-{c}", 5), (f"+1 ({a}) {b}-{c}", 4), (f"({a}){b}-{c}", 5),
    ])


def phone_obfuscated(rng, ph, lang):
    d = ph.digits
    groups = [d[:3], d[3:6], d[6:]]
    kind = wchoice(rng, [
        ("words", 9), ("mixed", 14), ("letters", 10), ("fullwidth", 7), ("keycap", 9), ("circled", 3),
        ("bold", 3), ("oddsep", 14), ("emojisep", 8), ("spread", 7), ("gaps", 6), ("dots", 4),
        ("spanish", 6 if lang != "en" else 1), ("partwords", 8),
    ])
    if kind == "words":
        words = [EN_DIGIT_WORDS[int(x)] for x in d]
        if chance(rng, 0.4):
            words = ["oh" if w == "zero" else w for w in words]
        sep = pick(rng, [" ", "-", " ", ""])
        return "  ".join(sep.join(words[i:j]) for i, j in ((0, 3), (3, 6), (6, 10)))
    if kind == "mixed":
        out = []
        for g in groups:
            out.append("".join(EN_DIGIT_WORDS[int(x)] if chance(rng, 0.45) else x for x in g))
        if not any(ch.isalpha() for ch in "".join(out)):
            out[2] = out[2][:1] + EN_DIGIT_WORDS[int(out[2][1])] + out[2][2:]
        return pick(rng, [" ", "-", " ", "."]).join(out)
    if kind == "letters":
        m = {"0": pick(rng, ["O", "o"]), "1": pick(rng, ["l", "I"])}
        s = "".join(m.get(x, x) if chance(rng, 0.8) else x for x in d)
        if s == d:
            s = d[:6] + "O" + d[7:]
        g = [s[:3], s[3:6], s[6:]]
        return pick(rng, ["-", " ", ".", ""]).join(g)
    if kind == "fullwidth":
        return "-".join(fullwidth(g) for g in groups) if chance(rng, 0.6) else fullwidth(" ".join(groups))
    if kind == "keycap":
        return pick(rng, [" ", "-", ""]).join("".join(x + KEYCAP for x in g) for g in groups)
    if kind == "circled":
        return " ".join("".join(CIRCLED[int(x)] for x in g) for g in groups)
    if kind == "bold":
        return "-".join("".join(chr(0x1D7CE + int(x)) for x in g) for g in groups)
    if kind == "oddsep":
        sep = pick(rng, ["*", "\u2022", "/", "~", "|", "^", "_", "**", ";", "=", "#"])
        return sep.join(groups)
    if kind == "emojisep":
        e = pick(rng, SEP_EMOJI)
        return e.join(groups) if chance(rng, 0.5) else (" " + e + " ").join(groups)
    if kind == "spread":
        return " ".join(d)
    if kind == "gaps":
        return (" " * rng.randint(4, 8)).join(groups)
    if kind == "dots":
        return ".".join(d)
    if kind == "spanish":
        return " ".join(ES_DIGIT_WORDS[int(x)] if chance(rng, 0.8) else x for x in d)
    # partwords: one group written in words
    k = rng.randrange(3)
    g = list(groups)
    g[k] = " ".join(EN_DIGIT_WORDS[int(x)] for x in g[k]) if k != 1 else pick(rng, ["five5five", "five five five", "5five5", "fivefivefive"])
    return pick(rng, [" ", "-", " "]).join(g)


def make_email(rng, name):
    base = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()) or "ads"
    return f"{base}{rng.randrange(10, 999)}@example.com"


# ----------------------------------------------------------------------------------------------------------
# Age statements
# ----------------------------------------------------------------------------------------------------------

def adult_age_text(rng, age, lang, voice, name):
    if lang == "es":
        return pick(rng, [f"tengo {age} años", f"{age} años", f"edad {age}", f"tengo {es_number(age)} años",
                          f"{age} añitos" if age <= 21 else f"{age} años"])
    if voice in ("third", "agency"):
        return pick(rng, [f"{name}, {age}", f"she is {age}", f"{name} ({age})", f"age {age}", f"{age} yrs old"])
    return pick(rng, [f"I'm {age}", f"{age} yrs", f"{age}yo", f"age {age}", f"{age} years old", f"Age: {age}",
                      f"{age} y/o", f"I am {en_number(age)}", f"{name} {age}", f"{age}yrs old"])


def minor_age_text(rng, age, lang, name):
    """Returns (text, form). age in 15..17."""
    words = EN_TEENS[age]
    es = ES_WORDS[age]
    leet = {15: ["I5", "l5", "1five", "f1fteen"], 16: ["I6", "l6", "1six", "s1xteen"],
            17: ["I7", "l7", "1seven", "sevent33n", "s3venteen"]}[age]
    d = str(age)
    forms = [
        (f"I'm {d}", "digits"), (f"{d}yo", "yo"), (f"{d} yrs", "yrs"), (f"{d} yrs old", "yrs"),
        (f"age {d}", "age"), (f"age: {d}", "age"), (f"only {d}", "digits"), (f"just {d}", "digits"),
        (f"{name}, {d}", "digits"), (f"I am {words}", "words"), (f"{words} years old", "words"),
        (f"{words.capitalize()} and sweet", "words"), (f"I'm {pick(rng, leet)}", "leet"),
        (f"{pick(rng, leet)} yrs", "leet"),
        (f"I'm {fullwidth(d)}", "fullwidth"), (f"age {''.join(x + KEYCAP for x in d)}", "keycap"),
        (f"{chr(0x2460 + age - 1)} yrs", "circled"), (f"{''.join(chr(0x1D7CE + int(x)) for x in d)} y/o", "bold"),
    ]
    es_forms = [(f"tengo {d}", "es_digits"), (f"tengo {d} años", "es_digits"), (f"{es}", "es_words"),
                (f"tengo {es} años", "es_words"), (f"{d} añitos", "es_digits"), (f"{es} añitos", "es_words")]
    if lang == "es":
        return pick(rng, es_forms)
    if lang == "mix" and chance(rng, 0.6):
        return pick(rng, es_forms)
    return pick(rng, forms)


# ----------------------------------------------------------------------------------------------------------
# Phrase pools. Each entry is (text, families). Families follow FAMILIES.md literally: a phrase carries a
# family when its wording is what that family counts, whatever the ad is about; phrases that only look like a
# cue (the "does not count" column) are kept in DECOYS and recorded separately.
# Placeholders: {name} {name2} {mgr} {agency} {city} {area} {day} {n} {eth} {eth2} {flag} {country} {age}
# ----------------------------------------------------------------------------------------------------------

# Escort-style ads: voice "first" = the provider writes; "third" = someone writes about her; "agency" = business.
ESC = {
    "youth": {
        "first": [P("young and sweet", "youth"), P("sweet young thing", "youth"), P("barely legal", "youth"),
                  P("college girl", "youth"), P("new to this", "youth"), P("first time posting, be patient with me", "youth"),
                  P("new to the business", "youth"), P("still in school", "youth"), P("youthful and playful", "youth"),
                  P("{age} years young", "youth"), P("teach me", "youth"), P("PYT", "youth"), P("brand new", "youth"),
                  P("young petite cutie", "youth"), P("fresh faced college student", "youth"),
                  P("youngest girl on here", "youth"), P("yung & fun", "youth")],
        "third": [P("this young lady", "youth"), P("she is brand new", "youth"), P("new girl {name}", "youth"),
                  P("sweet young provider", "youth"), P("a college student", "youth"),
                  P("she's new to this so be nice", "youth"), P("young and shy", "youth"),
                  P("our youngest", "youth")],
        "agency": [P("young ladies", "youth"), P("new girls", "youth"), P("brand new faces this week", "youth"),
                   P("young, fun staff", "youth"), P("students and first-timers", "youth")],
    },
    "youth18": {  # phrases that state 18; they set the provider's age to 18
        "first": [P("just turned 18", "youth"), P("barely 18", "youth"), P("sweet teen, 18", "youth")],
        "third": [P("she just turned 18", "youth"), P("fresh 18 and new", "youth")],
        "agency": [P("girls just turned 18", "youth")],
    },
    "trust_language": {
        "first": [P("100% real", "trust_language"), P("real pics", "trust_language"), P("pics are 100% me", "trust_language"),
                  P("recent pics", "trust_language"), P("no fakes", "trust_language"), P("no catfish here", "trust_language"),
                  P("no bait & switch", "trust_language"), P("what you see is what you get", "trust_language"),
                  P("no games", "trust_language"), P("independent", "trust_language"), P("not an agency", "trust_language"),
                  P("reviewed", "trust_language"), P("no rush", "trust_language"), P("never rushed", "trust_language"),
                  P("real and recent photos", "trust_language"), P("no pimps", "trust_language"), P("verified", "trust_language"),
                  P("1OO% me", "trust_language"), P("WYSIWYG", "trust_language"), P("its really me in the pics", "trust_language")],
        "third": [P("100% real pics of {name}", "trust_language"), P("no bait and switch", "trust_language"),
                  P("her pics are real and recent", "trust_language"), P("no rush", "trust_language"),
                  P("real pics guaranteed", "trust_language"), P("no games", "trust_language")],
        "agency": [P("all photos 100% real", "trust_language"), P("real pics, no fakes", "trust_language"),
                   P("verified ladies only", "trust_language"), P("what you see is who you get", "trust_language"),
                   P("no bait & switch ever", "trust_language"), P("never rushed", "trust_language")],
    },
    "ethnicity_stated": {
        "first": [P("I'm a {eth} beauty", "ethnicity_stated"), P("{eth} doll", "ethnicity_stated"),
                  P("sexy {eth}", "ethnicity_stated"), P("{eth} & {eth2} mix", "ethnicity_stated"),
                  P("100% {flag}", "ethnicity_stated"), P("{flag} girl", "ethnicity_stated"), P("{eth} cutie", "ethnicity_stated"),
                  P("exotic {eth}", "ethnicity_stated")],
        "third": [P("she is {eth}", "ethnicity_stated"), P("{eth} cutie", "ethnicity_stated"), P("a {eth} sweetheart", "ethnicity_stated")],
        "agency": [P("{eth} girls", "ethnicity_stated"), P("{eth} and {eth2} ladies", "ethnicity_stated"),
                   P("Asian, Latina and European companions", "ethnicity_stated")],
    },
    "movement": {
        "first": [P("new in town", "movement"), P("just got here", "movement"), P("just landed", "movement"),
                  P("visiting {city}", "movement"), P("here for 2 days only", "movement"), P("in town until {day}", "movement"),
                  P("only here until {day}", "movement"), P("last night in town", "movement"), P("back in town", "movement"),
                  P("on tour", "movement"), P("touring the west coast", "movement"), P("new to the area", "movement"),
                  P("leaving {day}, don't miss me", "movement"), P("just arrived", "movement"),
                  P("in {city} for {n} days only", "movement"), P("visiting this week only", "movement"),
                  P("here till {day} then I'm gone", "movement")],
        "third": [P("{name} is visiting", "movement"), P("she is in town until {day}", "movement"),
                  P("just arrived", "movement"), P("new in town", "movement")],
        "agency": [P("ladies rotate every week", "movement"), P("touring girls", "movement"),
                   P("new arrivals in town this week", "movement")],
    },
    "incall_outcall": {
        "first": [P("incall", "incall_outcall"), P("outcall", "incall_outcall"), P("in & out", "incall_outcall"),
                  P("in/out", "incall_outcall"), P("incall only", "incall_outcall"), P("outcall only", "incall_outcall"),
                  P("I host", "incall_outcall"), P("hosting in {area}", "incall_outcall"), P("I do not host", "incall_outcall"),
                  P("can't host, outcall only", "incall_outcall"), P("my place", "incall_outcall"),
                  P("your place or mine", "incall_outcall"), P("I come to you", "incall_outcall"), P("visit me", "incall_outcall"),
                  P("come see me", "incall_outcall"), P("private upscale location", "incall_outcall"),
                  P("discreet private location", "incall_outcall"), P("car dates ok", "incall_outcall"),
                  P("in-call & out-call", "incall_outcall"), P("your home or hotel", "incall_outcall venue_hotel"),
                  P("i can travel to u", "incall_outcall")],
        "third": [P("she hosts in {area}", "incall_outcall"), P("incall/outcall", "incall_outcall"),
                  P("she comes to you", "incall_outcall"), P("outcall available", "incall_outcall"),
                  P("private location", "incall_outcall")],
        "agency": [P("incall & outcall", "incall_outcall"), P("walk-ins welcome", "incall_outcall"),
                   P("upscale private location", "incall_outcall"), P("we come to you", "incall_outcall"),
                   P("outcalls to your home or hotel", "incall_outcall venue_hotel")],
    },
    "availability_24_7": {
        "first": [P("24/7", "availability_24_7"), P("24-7", "availability_24_7"), P("24hrs", "availability_24_7"),
                  P("24 hours", "availability_24_7"), P("all day & night", "availability_24_7"),
                  P("day & night", "availability_24_7"), P("anytime", "availability_24_7"),
                  P("available anytime", "availability_24_7"), P("always available", "availability_24_7"),
                  P("all hours", "availability_24_7"), P("never too early or too late", "availability_24_7"),
                  P("twenty-four seven", "availability_24_7"), P("2\ufe0f\u20e34\ufe0f\u20e3/7\ufe0f\u20e3", "availability_24_7"),
                  P("available 24 hrs", "availability_24_7")],
        "third": [P("available 24/7", "availability_24_7"), P("she's up day & night", "availability_24_7"),
                  P("call anytime", "availability_24_7")],
        "agency": [P("open 24/7", "availability_24_7"), P("24 hours a day", "availability_24_7"),
                   P("always open, day and night", "availability_24_7")],
    },
    "venue_hotel": {
        "first": [P("hotel visits", "venue_hotel"), P("your hotel room", "venue_hotel"), P("come to my room", "venue_hotel"),
                  P("room # given when you call", "venue_hotel"), P("staying at a hotel near the airport", "venue_hotel"),
                  P("outcall to hotels only", "venue_hotel incall_outcall"), P("motel off the highway", "venue_hotel"),
                  P("truckers welcome", "venue_hotel")],
        "third": [P("she does hotel calls", "venue_hotel"), P("hotel outcalls", "venue_hotel incall_outcall"),
                  P("she's at a hotel by the airport", "venue_hotel")],
        "agency": [P("hotel outcalls", "venue_hotel incall_outcall"), P("we deliver to your hotel", "venue_hotel incall_outcall")],
    },
    "third_party": {
        "first": [P("text my manager {mgr} to book", "third_party"), P("Daddy books my dates", "third_party"),
                  P("my man handles my calls, ask for {mgr}", "third_party"), P("call {mgr} to set up", "third_party"),
                  P("I'm not allowed to talk on the phone, {mgr} will text u back", "third_party"),
                  P("dadddy said be sweet to u", "third_party"), P("my booker answers the phone", "third_party")],
        "third": [P("ask for {name}", "third_party"), P("she will make your day", "third_party"),
                  P("call to book her", "third_party"), P("my girl {name}", "third_party"),
                  P("she will treat you right", "third_party"), P("{name} doesn't answer the phone, text me", "third_party"),
                  P("I'll set you up with her", "third_party"), P("she will not disappoint", "third_party"),
                  P("this young provider", "third_party youth")],
        "agency": [P("our beautiful staff", "third_party"), P("choose your favorite", "third_party"),
                   P("new management", "third_party"), P("ask for {name}", "third_party"),
                   P("our receptionist will match you with a lady", "third_party"),
                   P("new girls every week", "third_party youth multiple_providers")],
    },
    "third_party_self": {  # the independent's own "ask for NAME": literal third_party wording, benign use
        "first": [P("ask for {name}", "third_party"), P("ask for {name} when you call", "third_party")],
    },
    "multiple_providers": {
        "first": [P("ask about my girlfriend", "multiple_providers"), P("duo with my bestie available", "multiple_providers"),
                  P("two girls = double the fun", "multiple_providers"), P("my sister and I", "multiple_providers"),
                  P("ask about my friend {name2}", "multiple_providers"), P("both of us available", "multiple_providers")],
        "third": [P("{name} and {name2} both available", "multiple_providers"), P("two girls available", "multiple_providers"),
                  P("duo available", "multiple_providers")],
        "agency": [P("several ladies to choose from", "multiple_providers"), P("rotating girls", "multiple_providers"),
                   P("come choose", "multiple_providers"), P("3 beautiful girls on shift daily", "multiple_providers"),
                   P("many girls available", "multiple_providers")],
    },
    "restriction": {
        "any": [P("no AA", "restriction"), P("NO AA MEN", "restriction"), P("no black men", "restriction"),
                P("no African American men sorry", "restriction"), P("black men 40+ only", "restriction"),
                P("no AA under 35", "restriction"), P("sorry no BM", "restriction")],
    },
    "foreign": {
        "first": [P("new to the country", "foreign"), P("just arrived from {country}", "foreign"),
                  P("little English", "foreign"), P("no English", "foreign"), P("limited English, text plz", "foreign"),
                  P("fresh off the plane from {country}", "foreign"), P("here on a visa", "foreign")],
        "third": [P("she speaks little English", "foreign"), P("she just arrived from {country}", "foreign"),
                  P("new to the country", "foreign"), P("no English, text only", "foreign")],
        "agency": [P("girls just arrived from {country}", "foreign"), P("little English, very sweet", "foreign")],
    },
    "law_enforcement": {
        "any": [P("no cops", "law_enforcement"), P("no LE", "law_enforcement"), P("no police", "law_enforcement"),
                P("not affiliated with law enforcement", "law_enforcement"), P("no law", "law_enforcement"),
                P("LE do not call", "law_enforcement"), P("no cops / no LE", "law_enforcement")],
    },
    "drugs": {
        "any": [P("420 friendly", "drugs"), P("party friendly", "drugs"), P("PnP", "drugs"),
                P("party favors available", "drugs"), P("love to party \U0001F609 if you know what I mean", "drugs"),
                P("4twenty friendly", "drugs"), P("420 \U0001F343 ok", "drugs")],
    },
    "risky_services": {
        "any": [P("GFE", "risky_services"), P("G.F.E.", "risky_services"), P("GF experience", "risky_services"),
                P("girlfriend experience", "risky_services"), P("PSE", "risky_services"), P("BBBJ", "risky_services"),
                P("DFK", "risky_services"), P("CIM", "risky_services"), P("greek ok", "risky_services")],
    },
}

ESC_ES = {
    "youth": [P("jovencita", "youth"), P("chica nueva", "youth"), P("estudiante universitaria", "youth"),
              P("primera vez en esto", "youth"), P("jovencita y cariñosa", "youth"), P("soy nueva en esto", "youth")],
    "youth18": [P("recién cumplí 18", "youth"), P("apenas 18", "youth")],
    "trust_language": [P("fotos 100% reales", "trust_language"), P("fotos reales", "trust_language"),
                       P("sin engaños", "trust_language"), P("independiente", "trust_language"),
                       P("sin prisas", "trust_language"), P("lo que ves es lo que hay", "trust_language")],
    "ethnicity_stated": [P("{eth_es}", "ethnicity_stated"), P("soy {eth_es}", "ethnicity_stated"),
                         P("{eth_es} ardiente", "ethnicity_stated"), P("100% {flag}", "ethnicity_stated")],
    "movement": [P("nueva en la ciudad", "movement"), P("recién llegada", "movement"),
                 P("de visita solo por {n} días", "movement"), P("estoy de paso hasta el {day_es}", "movement"),
                 P("de regreso en la ciudad", "movement")],
    "incall_outcall": [P("a domicilio", "incall_outcall"), P("en mi depa", "incall_outcall"),
                       P("voy a tu casa", "incall_outcall"), P("lugar privado y discreto", "incall_outcall"),
                       P("tengo lugar", "incall_outcall"), P("hotel o domicilio", "incall_outcall venue_hotel")],
    "availability_24_7": [P("24 horas", "availability_24_7"), P("día y noche", "availability_24_7"),
                          P("a cualquier hora", "availability_24_7"), P("disponible 24/7", "availability_24_7")],
    "venue_hotel": [P("voy a tu hotel", "venue_hotel incall_outcall"), P("salidas a hotel", "venue_hotel incall_outcall")],
    "third_party": [P("pregunta por {name}", "third_party"), P("ella te atiende", "third_party"),
                    P("nuestras chicas", "third_party multiple_providers"),
                    P("chicas nuevas cada semana", "third_party youth multiple_providers")],
    "multiple_providers": [P("dos chicas", "multiple_providers"), P("somos dos amigas", "multiple_providers"),
                           P("varias chicas para escoger", "multiple_providers")],
    "foreign": [P("recién llegada de {country_es}", "foreign"), P("no hablo inglés", "foreign"),
                P("poco inglés", "foreign"), P("hablo poquito inglés", "foreign")],
    "law_enforcement": [P("no policías", "law_enforcement"), P("nada de policía", "law_enforcement")],
    "drugs": [P("420 friendly", "drugs"), P("fiestera 420", "drugs")],
    "risky_services": [P("GFE", "risky_services"), P("experiencia de novia", "risky_services")],
    "restriction": [P("no afroamericanos", "restriction"), P("no AA", "restriction")],
}

# Look-alikes that do NOT count (FAMILIES.md, "does not count" column). Recorded under "decoys".
DECOYS = {
    "youth": [P("petite", "youth"), P("tiny waist", "youth"), P("little doll", "youth"), P("fun-size", "youth"),
              P("fresh and clean", "youth"), P("new pics", "youth"), P("new number", "youth"),
              P("young guys welcome", "youth")],
    "trust_language": [P("discreet", "trust_language"), P("safe and clean", "trust_language"),
                       P("satisfaction guaranteed", "trust_language"), P("drama free", "trust_language")],
    "availability_24_7": [P("available now", "availability_24_7"), P("open late", "availability_24_7"),
                          P("late night fun", "availability_24_7"), P("available today", "availability_24_7")],
    "movement": [P("best in town", "movement"), P("I'm back!", "movement"), P("now available in the {area} area", "movement")],
    "venue_hotel": [P("\U0001F3E8", "venue_hotel"), P("private rooms", "venue_hotel")],
    "third_party": [P("ask for a picture", "third_party"), P("ask for my menu", "third_party"),
                    P("ask for my rates", "third_party"), P("my friends say I'm fun", "third_party")],
    "multiple_providers": [P("\U0001F46F", "multiple_providers")],
    "restriction": [P("no thugs", "restriction"), P("no young guys", "restriction"), P("35+ gentlemen preferred", "restriction")],
    "foreign": [P("exotic", "foreign"), P("I speak English & Spanish", "foreign")],
    "ethnicity_stated": [P("blonde bombshell", "ethnicity_stated"), P("redhead", "ethnicity_stated"),
                         P("exotic looks", "ethnicity_stated")],
    "law_enforcement": [P("consenting adults only", "law_enforcement"), P("just a model, time only", "law_enforcement")],
    "drugs": [P("party girl", "drugs"), P("let's party", "drugs"), P("no drugs", "drugs"), P("drug free", "drugs"),
              P("no 420", "drugs"), P("\u2744\ufe0f", "drugs")],
    "risky_services": [P("no BB", "risky_services"), P("\U0001F6ABGFE", "risky_services"), P("no greek", "risky_services")],
    "obfuscated_phone": [P("text only", "obfuscated_phone"), P("no blocked calls", "obfuscated_phone")],
}

ESC_FILL = {
    "first": ["sweet, playful and easy to talk to", "classy but down to earth", "my smile will light up your night",
              "long legs and soft skin", "curvy in all the right places", "I love good conversation and a glass of wine",
              "great attitude, no drama", "let me help you unwind after a long day", "always a good time",
              "I aim to please", "laid back and fun", "treat me like a lady and I'll treat you right",
              "sexy and sophisticated", "{eyes} eyes and a warm smile", "sweet as candy \U0001F36D",
              "{height}, {weight} lbs, {measure}", "{hair} hair, {eyes} eyes", "I love to laugh",
              "a real sweetheart with a naughty side", "you won't be disappointed", "let's make your day better",
              "upscale gentlemen only", "ready to make your evening", "soft spoken and friendly",
              "I'm the kind of girl you can talk to for hours", "I take pride in making every gentleman feel welcome",
              "my schedule fills up fast so call early", "I love meeting new people",
              "I enjoy fine dining, good music and good company", "respectful gentlemen who know how to treat a lady",
              "let me be your escape from the daily grind", "easy going, sweet and a little bit wild",
              "please read my whole ad before calling", "serious inquiries get fast responses",
              "a busty {hair} with a big heart", "I promise you'll leave with a smile"],
    "third": ["She is sweet, playful and easy to talk to", "{name} has a smile that lights up the room",
              "{name} loves to laugh", "She is {height}, {weight} lbs, {measure}", "she has {hair} hair and {eyes} eyes",
              "She is very friendly and will make you feel like a king", "{name} is classy and discreet",
              "She takes pride in making every gentleman feel welcome", "{name} fills up fast so call early",
              "She enjoys fine dining and good company", "{name} is easy going, sweet and a little bit wild",
              "her schedule is limited, book ahead"],
    "agency": [P("Elegant companions for discerning gentlemen", "third_party multiple_providers"),
               P("Call now to book your favorite lady", "third_party"),
               P("Our receptionist will confirm your booking", "third_party"),
               P("Friendly ladies and a clean, relaxing setting", "third_party multiple_providers"),
               P("All our ladies are sweet and classy", "third_party multiple_providers"),
               P("Gentlemen, treat yourself to the best", "third_party")],
}
ESC_FILL_ES = ["cariñosa y complaciente", "muy discreta", "soy dulce y divertida", "atención de calidad",
               "besos \U0001F48B", "llámame o mándame mensaje", "mido {height_m}", "cabello {hair_es}",
               "trato amable, sin malos ratos", "caballeros educados", "me encanta conocer gente nueva",
               "soy muy cariñosa y atenta", "lee todo el anuncio antes de llamar", "solo caballeros respetuosos"]
ESC_OPEN = {
    "first": ["Hey gentlemen", "Hi guys", "Hello loves", "Hey there", "Good evening fellas", "Hi boys", "Hey handsome",
              "Hello gentlemen", "Hiii \U0001F618", "Hey u"],
    "third": ["Gentlemen, meet {name}", "Introducing {name}", "{name} is here for you", "Say hello to {name}",
              "Hey guys, {name} here... well, her manager"],
    "agency": ["Welcome to {agency}", "{agency} presents {name}", "Our newest lady {name}", "{agency} - elite companions"],
}
ESC_OPEN_ES = ["Hola amor", "Hola caballeros", "Hola papis", "Buenas noches"]
ESC_INTRO = {
    "first": ["I'm {name}", "my name is {name}", "this is {name}", "it's {name}", "call me {name}"],
    "third": [], "agency": [],
}
ESC_RATES = ["$160 hh / $250 h", "QV 100", "roses: 150/30, 250/60", "specials today", "$$ 180 hr",
             "donations only, time only", "150 half, 220 hour", "ask about overnight rates", "200/hr",
             "\U0001F339\U0001F339 160 hh"]
ESC_RULES = ["No blocked calls", "Screening required", "Gentlemen only", "Please be respectful",
             "No explicit talk on the phone", "Serious calls only", "Must be 21+", "18+ only",
             "Deposit required", "No lowballers", "Be on time", "Call when you're ready",
             "clean and respectful gents only"]
ESC_CLOSE = ["xoxo", "see you soon", "kisses", "call me \U0001F48B", "don't be shy", "hugs", "\U0001F618\U0001F618",
             "your dream girl", "mwah", "\u2764\ufe0f"]
ESC_TITLE_WORDS = ["Sweet", "Sexy", "Gorgeous", "Classy", "Stunning", "Playful", "Naughty", "Busty", "Curvy",
                   "Elegant", "Irresistible", "Fun", "Sultry", "Adorable", "Hot", "Spoil me"]
ESC_TITLE_NOUNS = ["Princess", "Angel", "Bombshell", "Doll", "Goddess", "Sweetheart", "Treat", "Babe", "Beauty",
                   "Cutie", "Dream Girl"]

# Massage parlours presenting rotating young staff (suspicious) -------------------------------------------------
SPA = {
    "youth": [P("young beautiful staff", "youth third_party multiple_providers"),
              P("young new therapist", "youth"), P("young {asian} therapist", "youth ethnicity_stated"),
              P("new girl this week", "youth"), P("pretty young ladies", "youth multiple_providers"),
              P("sweet new girl {name}", "youth"), P("young and friendly", "youth")],
    "third_party": [P("new girls every week", "third_party youth multiple_providers"),
                    P("our staff will take good care of you", "third_party multiple_providers"),
                    P("ask for {name}", "third_party"), P("new management", "third_party"),
                    P("choose your favorite girl", "third_party"), P("our girls are the best", "third_party multiple_providers")],
    "multiple_providers": [P("rotating staff", "multiple_providers third_party"), P("3-4 girls on duty daily", "multiple_providers"),
                           P("come choose", "multiple_providers"), P("many pretty girls", "multiple_providers"),
                           P("four hands massage with two girls", "multiple_providers")],
    "ethnicity_stated": [P("{asian} girls", "ethnicity_stated multiple_providers"), P("{asian} staff", "ethnicity_stated third_party multiple_providers"),
                         P("beautiful {asian} lady", "ethnicity_stated"), P("{asian} therapist {name}", "ethnicity_stated"),
                         P("{asian} massage by {asian} lady", "ethnicity_stated")],
    "availability_24_7": [P("open 24 hours", "availability_24_7"), P("24/7", "availability_24_7"),
                          P("open day and night", "availability_24_7"), P("open 24hrs 7 days", "availability_24_7")],
    "incall_outcall": [P("walk-ins welcome", "incall_outcall"), P("upscale private location", "incall_outcall"),
                       P("outcall available", "incall_outcall"), P("incall only", "incall_outcall")],
    "trust_language": [P("real pics", "trust_language"), P("100% real photos", "trust_language"), P("no rush", "trust_language"),
                       P("no bait and switch", "trust_language"), P("what you see is what you get", "trust_language")],
    "foreign": [P("little English", "foreign"), P("girls just arrived from {country}", "foreign multiple_providers"),
                P("new from {country}, no English", "foreign")],
    "movement": [P("new girls just arrived", "movement youth multiple_providers"),
                 P("staff rotates every week", "movement multiple_providers third_party"),
                 P("visiting girl here this week only", "movement")],
    "venue_hotel": [P("hotel outcall available", "venue_hotel incall_outcall")],
    "risky_services": [P("GFE", "risky_services")],
}
SPA_ES = {
    "youth": [P("chicas jóvenes", "youth multiple_providers")],
    "third_party": [P("chicas nuevas cada semana", "third_party youth multiple_providers")],
    "ethnicity_stated": [P("chicas asiáticas", "ethnicity_stated multiple_providers")],
    "availability_24_7": [P("abierto 24 horas", "availability_24_7")],
    "incall_outcall": [P("sin cita, solo llega", "incall_outcall")],
}
ASIAN = ["Asian", "Korean", "Chinese", "Japanese", "Thai", "Taiwanese", "Vietnamese"]
SPA_FILL = ["Grand opening!", "deep tissue, hot stone, foot reflexology", "table shower available", "VIP room",
            "$50/hr special, $70/90min", "cash & cards accepted", "free parking in rear", "{street}",
            "Mon-Sun 9am-11pm", "clean and relaxing", "professional service", "gift for first visit",
            "call for appointment", "$10 off today", "best massage you will ever have", "we accept all major cards"]
SPA_FILL_ES = ["masajes relajantes", "aceptamos tarjetas", "estacionamiento gratis", "{street}", "promoción $10 menos"]
SPA_DECOY = [P("open late", "availability_24_7"), P("private rooms", "venue_hotel"), P("Thai massage", "ethnicity_stated"),
             P("clean and safe", "trust_language"), P("exotic oils", "foreign")]

# Licensed therapeutic massage (benign) -------------------------------------------------------------------------
LMT = {
    "third_party": [P("ask for {name}", "third_party"), P("our team of licensed therapists", "third_party multiple_providers")],
    "multiple_providers": [P("five licensed therapists on staff", "multiple_providers third_party"),
                           P("couples massage with two therapists", "multiple_providers")],
    "incall_outcall": [P("mobile massage - I come to you", "incall_outcall"), P("in-studio or outcall to your home", "incall_outcall"),
                       P("home visits available", "incall_outcall"), P("we come to you with a table", "incall_outcall")],
    "venue_hotel": [P("hotel visits for business travelers", "venue_hotel incall_outcall")],
    "movement": [P("new to the area!", "movement"), P("just relocated from {city2}", "movement")],
    "trust_language": [P("no rush - a full 60 minutes on the table", "trust_language"), P("reviewed 5 stars", "trust_language"),
                       P("independent practice", "trust_language")],
    "youth": [P("young energetic team", "youth")],
    "availability_24_7": [P("available anytime by appointment", "availability_24_7")],
    "ethnicity_stated": [P("I'm Thai-born and trained in Chiang Mai", "ethnicity_stated"),
                         P("Korean-American therapist", "ethnicity_stated")],
}
LMT_FILL = ["licensed massage therapist (LMT #MA{n4})", "{n} years of experience", "deep tissue, Swedish, trigger point and sports massage",
            "by appointment only", "gift certificates available", "HSA/FSA accepted", "clean, professional studio",
            "draping used at all times", "strictly therapeutic massage; inappropriate requests end the session",
            "prenatal massage available", "hot stones add-on $15", "60 min $85 / 90 min $120", "online booking available",
            "free parking", "myofascial release and stretching", "member of the state massage board",
            "over {n} yrs in practice", "please arrive 10 minutes early"]
LMT_DECOY = [P("open late on Thursdays", "availability_24_7"), P("private rooms", "venue_hotel"),
             P("traditional Thai massage", "ethnicity_stated"), P("Swedish massage", "ethnicity_stated"),
             P("24 hours notice for cancellations", "availability_24_7"), P("safe and clean", "trust_language"),
             P("Japanese shiatsu", "ethnicity_stated")]
LMT_TITLES = ["Therapeutic Deep Tissue Massage - LMT", "Sports massage & stretching", "Prenatal massage by licensed therapist",
              "Relaxing Swedish massage", "Traditional Thai massage - licensed", "Back pain? Medical massage",
              "Mobile massage for events", "{clinic} - now booking"]

# Disguised commercial sex in dating/personals (suspicious) -----------------------------------------------------
DATE_S = {
    "youth": [P("college girl", "youth"), P("new to this", "youth"), P("young and fun", "youth"),
              P("student looking for help with tuition", "youth"), P("barely legal", "youth")],
    "trust_language": [P("real pics", "trust_language"), P("no fakes", "trust_language"), P("not a bot, 100% real", "trust_language"),
                       P("no catfish", "trust_language"), P("no games", "trust_language")],
    "ethnicity_stated": [P("{eth} girl", "ethnicity_stated"), P("sexy {eth}", "ethnicity_stated"), P("{flag} cutie", "ethnicity_stated")],
    "incall_outcall": [P("can host", "incall_outcall"), P("car fun ok", "incall_outcall"), P("your place", "incall_outcall"),
                       P("I can come to you", "incall_outcall")],
    "availability_24_7": [P("available anytime", "availability_24_7"), P("day or night", "availability_24_7")],
    "third_party": [P("my friend handles my messages", "third_party"), P("looking for a sugar daddy", "third_party"),
                    P("ask for {name}", "third_party")],
    "multiple_providers": [P("me and my girlfriend", "multiple_providers"), P("we are two friends", "multiple_providers")],
    "venue_hotel": [P("meet at your hotel", "venue_hotel"), P("hotel only", "venue_hotel")],
    "drugs": [P("420 friendly", "drugs"), P("party friendly", "drugs")],
    "risky_services": [P("gfe", "risky_services")],
    "movement": [P("visiting for the weekend", "movement")],
}
DATE_S_ES = {
    "youth": [P("universitaria", "youth")], "trust_language": [P("fotos reales", "trust_language")],
    "ethnicity_stated": [P("{eth_es}", "ethnicity_stated")], "incall_outcall": [P("tengo lugar", "incall_outcall")],
}
DATE_S_FILL = ["looking for a generous man to help with bills", "roses required, no freebies", "discreet arrangement",
               "donations appreciated \U0001F339", "serious and generous only", "I know how to make a man smile",
               "sugar baby looking for a mentor", "must be generous", "no time wasters", "can meet today",
               "let's have some fun tonight", "upscale gentleman wanted", "mutually beneficial",
               "spoil me and I'll spoil you", "tributes appreciated", "not looking for anything serious"]
DATE_S_FILL_ES = ["busco caballero generoso", "nada gratis", "discreción total", "puedo hoy"]
DATE_S_TITLES = ["Generous gentleman wanted", "Looking for a generous friend", "Let's make an arrangement", "Spoil me",
                 "Looking for fun tonight", "w4m - generous only", "Bored tonight", "Need help with rent, can you help?",
                 "Looking for an upscale gentleman"]

# Genuine personals (benign) ------------------------------------------------------------------------------------
DATE_G = {
    "trust_language": [P("no games", "trust_language"), P("real pics only please", "trust_language"),
                       P("I'm 100% real, not a bot", "trust_language"), P("not a catfish, promise", "trust_language")],
    "movement": [P("just moved here from {city2}", "movement"), P("new to the area", "movement"),
                 P("new in town and don't know anyone yet", "movement")],
    "ethnicity_stated": [P("I'm Puerto Rican and love to dance", "ethnicity_stated"), P("{eth} and proud", "ethnicity_stated"),
                         P("I'm half Korean, half Irish", "ethnicity_stated")],
    "youth": [P("young at heart", "youth"), P("young professional", "youth")],
    "drugs": [P("420 friendly", "drugs")],
    "availability_24_7": [P("I work nights so I'm up all hours", "availability_24_7")],
}
DATE_G_FILL = ["love hiking, cooking and bad movies", "I have a dog named {pet}", "looking for something real",
               "not into hookups", "send a pic and tell me about yourself", "let's start with coffee",
               "I work in {job}", "dinner and a movie sounds perfect", "must love dogs", "non-smoker",
               "{height}, athletic build", "divorced, two grown kids", "widowed three years ago",
               "big fan of live music", "I make a mean lasagna", "looking for a long-term relationship",
               "friends first, see where it goes", "I laugh at my own jokes"]
DATE_G_FILL_ES = ["me gusta bailar y cocinar", "busco algo serio", "primero amigos", "tengo dos hijos grandes"]
DATE_G_TITLES = ["{g1}4{g2} seeking someone kind", "Looking for a hiking buddy", "Dinner and a movie?",
                 "Single parent looking for something real", "Anyone want to grab coffee?", "Seeking companionship",
                 "Chess partner and maybe more?", "Tired of the apps", "Concert buddy wanted", "Let's cook together"]
PETS = ["Biscuit", "Luna", "Max", "Pepper", "Rocco", "Mochi", "Daisy"]
JOBS = ["nursing", "IT", "construction", "teaching", "retail", "logistics", "accounting", "a bakery"]

# Recruitment lures in "other" (suspicious) ---------------------------------------------------------------------
REC = {
    "youth": [P("students welcome", "youth"), P("first time ok, we train", "youth"),
              P("new girls always welcome", "youth third_party"),
              P("young, pretty and outgoing girls", "youth"), P("young women wanted", "youth")],
    "third_party": [P("ask for {mgr}", "third_party"), P("our girls make $2000 a week", "third_party multiple_providers"),
                    P("we take care of our girls", "third_party multiple_providers"), P("text {mgr} with your pics", "third_party")],
    "multiple_providers": [P("we have girls working in 5 cities", "multiple_providers third_party"),
                           P("join our girls", "multiple_providers third_party")],
    "movement": [P("tour with our team city to city", "movement"), P("a new city every week", "movement")],
    "trust_language": [P("legit, not a scam", "trust_language"), P("real company, no games", "trust_language"),
                       P("100% real opportunity", "trust_language")],
    "foreign": [P("visa help available", "foreign"), P("no English needed", "foreign"), P("new to the country? we help", "foreign")],
    "availability_24_7": [P("work anytime", "availability_24_7"), P("24/7 support", "availability_24_7")],
    "venue_hotel": [P("hotel stays paid", "venue_hotel")],
    "drugs": [P("party friendly team", "drugs")],
}
REC_ES = {
    "youth": [P("chicas jóvenes", "youth multiple_providers")], "foreign": [P("no necesitas hablar inglés", "foreign")],
    "third_party": [P("pregunta por {mgr}", "third_party")], "trust_language": [P("trabajo real, no es estafa", "trust_language")],
}
REC_DECOY = [P("Latina and Asian girls wanted", "ethnicity_stated"), P("party girls wanted", "drugs"),
             P("exotic dancers", "foreign"), P("safe, discreet work", "trust_language")]
REC_FILL = ["make $1500+ a week", "housing provided", "travel paid", "cash daily", "flexible schedule", "must be 18+",
            "send 3 photos and your age to {email}", "transportation provided", "we handle everything", "open-minded only",
            "work in {city} and {city2}", "apartment included", "modeling, hostess and promo events",
            "no experience needed", "fast cash", "be your own boss", "VIP clients only", "ages 18-25", "start this weekend"]
REC_FILL_ES = ["gana $1500 a la semana", "vivienda incluida", "pago diario en efectivo", "viajes pagados", "manda fotos a {email}"]
REC_TITLES = ["Hostesses wanted - $1500+/week", "Models needed for travel gigs", "Dancers wanted - housing provided",
              "Earn fast cash", "Promo girls needed", "Travel companion jobs", "Hiring entertainers now",
              "Make money this summer - girls 18-25", "Hostess/model - no experience"]
TALENT = ["Starlight Talent Group", "Nova Hospitality Staffing", "Elite Promo Models", "Silver Lining Entertainment",
          "VIP Hostess Agency", "Golden Gate Promotions"]
REC_TITLES_ES = ["Se buscan edecanes", "Trabajo para chicas - buen pago", "Se solicitan modelos"]

# Ordinary classifieds (benign). "innocent": cue words used innocently; families still recorded when FAMILIES.md
# counts the wording; "decoy": look-alikes FAMILIES.md says do not count. --------------------------------------
ORD = {
    "jobs": {
        "titles": ["Line Cook Wanted", "Warehouse Associates - Immediate Start", "Front Desk Receptionist",
                   "Delivery Drivers Needed", "Dental Assistant (Part Time)", "Barista - Morning Shift",
                   "Housekeeper - Full Time", "Security Guard - Night Shift", "Cleaning Crew Members",
                   "Retail Stock Associate", "Dishwasher needed ASAP", "Home Health Aide"],
        "fill": ["{company} is hiring", "duties include {duty}", "pay ${pay}/hr plus tips", "full and part time shifts",
                 "weekly pay, direct deposit", "must have reliable transportation", "apply in person Mon-Fri 2-4pm",
                 "send your resume to {email}", "must pass a background check", "paid training", "benefits after 90 days",
                 "must be able to lift 50 lbs", "weekends required", "uniform provided", "401k match"],
        "innocent": [P("join our young, energetic team!", "youth"), P("we are open 24/7 and all shifts are available", "availability_24_7"),
                     P("ask for {name} at the front desk", "third_party"), P("students welcome", "youth"),
                     P("new to the area? a great way to meet people", "movement"), P("first-time job seekers welcome", "youth"),
                     P("overnight hotel housekeeping", "venue_hotel"), P("visa sponsorship not available", "foreign"),
                     P("no games, just honest work and fair pay", "trust_language"), P("24 hour diner", "availability_24_7")],
        "decoy": [P("busy Asian fusion restaurant", "ethnicity_stated"), P("drug-free workplace", "drugs"),
                  P("bilingual Spanish/English a plus", "foreign"), P("holiday party every December", "drugs"),
                  P("fresh ingredients daily", "youth"), P("open late on weekends", "availability_24_7")],
        "price": "pay",
    },
    "furniture": {
        "titles": ["Solid oak dining table", "Gray sectional sofa", "Queen bed frame + mattress", "6-drawer dresser",
                   "Ergonomic office chair", "Tall bookshelf", "Leather recliner", "Glass coffee table", "Bunk beds"],
        "fill": ["like new condition", "smoke-free, pet-free home", "must pick up, no delivery", "cash or Venmo",
                 "dimensions {dims}", "paid ${p2}, asking ${p}", "small scratch on one leg, see photos",
                 "moving sale, must go this week", "first come first served", "price is firm"],
        "innocent": [P("hotel-style pillow-top mattress", "venue_hotel"), P("real photos, no scams", "trust_language"),
                     P("brand new in box", "youth"), P("pickup anytime", "availability_24_7"),
                     P("no games, no holds", "trust_language"), P("ask for {name} when you arrive", "third_party")],
        "decoy": [P("fresh coat of paint", "youth"), P("text only", "obfuscated_phone"), P("exotic hardwood", "foreign"),
                  P("petite loveseat, fits small spaces", "youth"), P("no lowballers", "restriction")],
        "price": "item",
    },
    "cars": {
        "titles": ["2012 Honda Civic LX", "2009 Ford F-150", "2015 Toyota Camry SE", "2007 Jeep Wrangler",
                   "2011 Subaru Outback", "2014 Nissan Altima", "2006 Chevy Silverado 1500", "2013 Mazda 3"],
        "fill": ["{miles}k miles", "clean title in hand", "runs and drives great", "cold AC", "new brakes last year",
                 "minor dent on rear bumper", "serious buyers only", "oil changed every 5k", "two keys",
                 "Carfax available", "automatic, 4 cyl", "price negotiable"],
        "innocent": [P("no scams, real pics", "trust_language"), P("available anytime for a test drive", "availability_24_7"),
                     P("brand new tires", "youth"), P("no games, price firm", "trust_language"),
                     P("young driver owned, garage kept", "youth")],
        "decoy": [P("text only", "obfuscated_phone"), P("exotic paint color", "foreign"), P("no lowballers", "restriction"),
                  P("fresh oil change", "youth")],
        "price": "car",
    },
    "rentals": {
        "titles": ["Private room for rent", "1BR apartment near downtown", "Studio near campus", "Room in shared house",
                   "2BR/1BA duplex", "Basement suite for rent", "Furnished room, month to month"],
        "fill": ["utilities included", "available the 1st", "${rent}/month plus deposit", "no pets", "on the bus line",
                 "quiet neighborhood", "washer/dryer on site", "credit check required", "shared kitchen",
                 "off-street parking", "6 or 12 month lease"],
        "innocent": [P("students welcome", "youth"), P("hotel-style furnished room", "venue_hotel"),
                     P("420 friendly house", "drugs"), P("no scams - I'll show in person", "trust_language"),
                     P("new to the area? great neighborhood", "movement"), P("ask for {name}, the building manager", "third_party")],
        "decoy": [P("walk-in closet", "incall_outcall"), P("private entrance", "incall_outcall"), P("text only", "obfuscated_phone"),
                  P("private bathroom", "venue_hotel"), P("drug-free home", "drugs")],
        "price": "rent",
    },
    "pets": {
        "titles": ["Kittens to a good home", "Golden retriever puppies", "Pair of parakeets", "Rabbit with cage",
                   "Aquarium with fish", "Free cat to loving home"],
        "fill": ["shots and dewormed", "litter trained", "parents on site", "small rehoming fee to a good home", "ready now",
                 "good with kids and other pets", "vet records available", "moving and can't take them"],
        "innocent": [P("young and healthy", "youth"), P("real pics, no scams", "trust_language"),
                     P("ask for {name}", "third_party"), P("brand new cage included", "youth")],
        "decoy": [P("exotic birds", "foreign"), P("text only", "obfuscated_phone"), P("little fluffballs", "youth")],
        "price": "pet",
    },
    "services": {
        "sub": [
            ("Handyman - no job too small", ["drywall patches, fixtures, doors and small plumbing", "I bring my own tools"],
             [P("24/7 emergency service", "availability_24_7")], []),
            ("House cleaning", ["weekly, biweekly or move-out cleans", "eco-friendly products", "bonded"],
             [P("we come to you", "incall_outcall")], [P("fresh and clean every week", "youth")]),
            ("Mobile dog grooming", ["bath, haircut and nails", "fully equipped van", "all breeds"],
             [P("we come to you", "incall_outcall")], []),
            ("Math & reading tutor", ["grades 3-10", "certified teacher", "first session free"],
             [P("I come to you or meet at the library", "incall_outcall")], []),
            ("Moving help with truck", ["two strong guys and a box truck", "hourly rate, no hidden fees"],
             [P("available day and night", "availability_24_7")], []),
            ("Lawn care", ["mowing, edging and cleanup", "weekly or one-time"], [], [P("fresh look for your lawn", "youth")]),
            ("Locksmith - lockouts and rekeys", ["car and house lockouts", "rekeys and new locks"],
             [P("24/7 emergency service", "availability_24_7"), P("open 24 hours", "availability_24_7")], []),
            ("Computer repair", ["virus removal, upgrades and data recovery", "flat rate diagnostics"],
             [P("we come to you", "incall_outcall")], []),
            ("Party rentals", ["tables, chairs and tents", "delivery and setup included"], [],
             [P("party supplies", "drugs"), P("party packages", "drugs")]),
            ("Catering for events", ["weddings, birthdays and office lunches", "menus for 20 to 200 guests"], [],
             [P("Asian fusion catering", "ethnicity_stated"), P("Greek and Mediterranean menu", "risky_services")]),
        ],
        "titles": [],
        "fill": ["free estimates", "licensed and insured", "references available", "reasonable rates",
                 "serving {city} and surrounding areas", "senior discount", "same week scheduling", "{n} years experience",
                 "call or text {name}"],
        "innocent": [P("ask for {name}", "third_party"), P("no rush jobs, done right", "trust_language"),
                     P("new to the area, taking new clients", "movement")],
        "decoy": [P("text only", "obfuscated_phone")],
        "price": None,
    },
    "events": {
        "titles": ["Yard sale Saturday", "Community pancake breakfast", "Live music at the park", "Bounce house rentals",
                   "Exotic plant swap", "Craft fair this weekend", "Book club meeting", "5K fun run"],
        "fill": ["{day} {time}", "free admission", "family friendly", "rain or shine", "at {venue}",
                 "bring a chair", "food trucks on site", "all proceeds go to the food bank", "vendors wanted"],
        "innocent": [P("in town for 3 days only", "movement"), P("hotel ballroom", "venue_hotel"),
                     P("ask for {name} at the gate", "third_party"), P("young performers showcase", "youth")],
        "decoy": [P("party supplies", "drugs"), P("exotic plants", "foreign"), P("open late", "availability_24_7"),
                  P("Greek food booth", "risky_services")],
        "price": None,
    },
    "lost_found": {
        "sub": [
            ("Lost dog near {area}", ["last seen {day} evening", "answers to {pet}", "microchipped", "please check your garages",
                                      "very friendly but shy", "call if you see him"], [], [P("little guy, 8 lbs", "youth")]),
            ("Found cat - orange tabby", ["found {day} near {street}", "very friendly", "no collar", "describe him to claim"],
             [P("young male cat", "youth")], [P("little guy, maybe 8 lbs", "youth")]),
            ("Lost wallet", ["brown leather", "lost {day} near {venue}", "need my ID back", "keep the cash, just return the cards"], [], []),
            ("Found keys on {street}", ["ring with a car key and 3 house keys", "describe the keychain to claim"], [], []),
            ("Lost phone at the park", ["black case with a cracked corner", "lost {day} afternoon", "it has family photos"], [], []),
            ("Found bike", ["blue mountain bike", "found locked to our fence for a week", "tell me the brand to claim"], [], []),
        ],
        "titles": [],
        "fill": ["reward offered", "thank you neighbors", "please share"],
        "innocent": [P("reward, no scams", "trust_language"), P("call anytime", "availability_24_7")],
        "decoy": [P("text only", "obfuscated_phone")],
        "price": None,
    },
}
# Teenage providers of ordinary services: literal underage_age wording in a benign ad.
TEEN_SERVICES = [  # (title, title families, lines, families of the lines stating the age)
    ("Responsible babysitter available", "", ["I'm a responsible {teen_age}-year-old babysitter", "CPR certified",
                                          "available after school and weekends", "$12/hr"], "underage_age"),
    ("Two teens mowing lawns", "youth multiple_providers", ["We are two teens mowing lawns this summer", "we're {teen_age} and {teen_age2}",
                                "$25 a yard", "we bring our own mower"], "youth multiple_providers underage_age"),
    ("Teen pet sitter", "youth", ["{teen_age} yrs old and great with animals", "I'll walk and feed your pets", "references from neighbors"],
     "underage_age"),
]
ORD_ES = {
    "jobs": (["Se busca cocinero", "Se solicita ayudante general", "Se busca personal de limpieza"],
             ["pago semanal", "turnos de mañana y tarde", "presentarse con identificación", "buen ambiente de trabajo"],
             [P("ambiente joven y dinámico", "youth"), P("abierto 24 horas", "availability_24_7"),
              P("pregunta por {name}", "third_party")]),
    "rentals": (["Se renta cuarto privado", "Se renta departamento", "Cuarto amueblado"],
                ["servicios incluidos", "cerca del metro", "depósito requerido", "disponible ya"],
                [P("estudiantes bienvenidos", "youth"), P("no es estafa, te lo enseño en persona", "trust_language")]),
    "furniture": (["Se vende sala", "Se vende comedor", "Vendo cama matrimonial"],
                  ["como nuevo", "precio negociable", "solo efectivo", "recoger en casa"],
                  [P("fotos reales", "trust_language"), P("nuevo en caja", "youth")]),
    "lost_found": (["Perro perdido", "Se encontró gato"],
                   ["se ofrece recompensa", "muy cariñoso", "visto por última vez el {day_es}"],
                   [P("llama a cualquier hora", "availability_24_7")]),
}
DUTIES = ["prep and line cooking", "loading trucks", "answering phones", "cleaning rooms", "stocking shelves",
          "patrolling the lot", "making coffee drinks", "helping patients", "washing dishes"]
VENUES = ["Riverside Park", "the Elks Lodge", "St. Mark's hall", "the public library", "Lincoln Elementary",
          "the fairgrounds", "Maple Street community center"]
STREETS = ["Main St", "Oak Ave", "2nd St", "Elm St", "Broadway", "Park Blvd", "Lake Rd", "Market St", "Pine St"]


# ----------------------------------------------------------------------------------------------------------
# Ad builder: parts carry their families, ages and decoys; rendering decides which parts are visible.
# ----------------------------------------------------------------------------------------------------------

class Ctx(dict):
    """Placeholder values for one ad (filled once, so an ad is self-consistent)."""

    def __missing__(self, key):
        return "{" + key + "}"


def make_ctx(rng, lang):
    city, state, area_code, areas = pick(rng, CITIES)
    city2 = pick(rng, [c for c in CITIES if c[0] != city])[0]
    names = ES_NAMES if lang == "es" else NAMES
    name = pick(rng, names)
    name2 = pick(rng, [n for n in names if n != name])
    eth = pick(rng, ETHNICITIES)
    ft, inch = rng.choice([4, 5, 5, 5, 5]), rng.randrange(0, 12)
    if ft == 4:
        inch = rng.randrange(10, 12)
    dt = datetime(2015, 3, 1) + timedelta(minutes=rng.randrange(4 * 365 * 24 * 60))
    c = Ctx(
        name=name, name2=name2, mgr=pick(rng, MANAGERS), agency=pick(rng, AGENCIES), city=city, state=state,
        city2=city2, area=pick(rng, areas), area_code=area_code, day=pick(rng, DAYS), day_es=pick(rng, DAYS_ES),
        n=str(rng.randint(2, 5)), n4=str(rng.randint(1000, 9999)), eth=eth,
        eth2=pick(rng, [e for e in ETHNICITIES if e != eth]), eth_es=pick(rng, ETH_ES), flag=pick(rng, FLAGS),
        country=pick(rng, COUNTRIES), country_es=pick(rng, COUNTRIES_ES), asian=pick(rng, ASIAN),
        height=f"{ft}'{inch}", height_m=f"1.{rng.randint(50, 75)} m", weight=str(rng.randint(98, 165)),
        measure=f"{rng.choice([32, 34, 34, 36, 38])}{rng.choice('ABCDD')}", hair=pick(rng, HAIR),
        hair_es=pick(rng, ["negro", "castaño", "rubio", "rojizo"]), eyes=pick(rng, EYES),
        street=f"{rng.randint(100, 9999)} {pick(rng, STREETS)}", company=pick(rng, COMPANIES),
        duty=pick(rng, DUTIES), pay=str(rng.randint(14, 24)), dims=f"{rng.randint(24, 80)}x{rng.randint(16, 40)} in",
        miles=str(rng.randint(38, 210)), rent=str(rng.randrange(550, 2100, 25)), pet=pick(rng, PETS), job=pick(rng, JOBS),
        venue=pick(rng, VENUES), time=pick(rng, ["8am-2pm", "9am to noon", "6-9pm", "10am", "all day"]),
        clinic=pick(rng, CLINICS), spa=pick(rng, SPAS), g1=pick(rng, "mwmw"), g2=pick(rng, "wmwm"),
    )
    p = rng.randrange(20, 900, 5)
    c["p"], c["p2"] = str(p), str(p * rng.randint(2, 4))
    c["email"] = make_email(rng, name)
    c["date"] = dt
    return c


class Ad:
    def __init__(self, rng, ctx, lang, level):
        self.rng, self.ctx, self.lang, self.level = rng, ctx, lang, level
        self.title_parts = []
        self.parts = []            # each: dict(text, fams, ages, decoys, slot)
        self.minor_in_title = False
        self.plain = False         # ordinary classifieds, clinics, genuine personals: no emoji decoration

    def fill(self, text):
        return text.format_map(self.ctx) if "{" in text else text

    def _styled(self, text, style):
        protect = "{email}" in text
        if protect:
            text = text.replace("{email}", "\x01")
        text = self.fill(text)
        if style:
            text = stylize(self.rng, text, self.level)
        if protect:
            text = text.replace("\x01", self.ctx["email"])
        return text

    def add(self, text, fams=(), slot="mid", ages=(), decoys=(), style=True):
        self.parts.append(dict(text=self._styled(text, style), fams=tuple(fams), ages=tuple(ages),
                               decoys=tuple(decoys), slot=slot))

    def add_title(self, text, fams=(), ages=(), decoys=(), style=True):
        self.title_parts.append(dict(text=self._styled(text, style), fams=tuple(fams), ages=tuple(ages),
                                     decoys=tuple(decoys)))

    def phrase(self, entry, where="body", slot="mid", decoy=False, ages=()):
        text, fams = entry
        if decoy:
            fams, decoys = (), fams
        else:
            decoys = ()
        if where in ("body", "both"):
            self.add(text, fams, slot=slot, decoys=decoys, ages=ages)
        if where in ("title", "both"):
            self.add_title(text, fams, decoys=decoys, ages=ages)

    # -- rendering --------------------------------------------------------------------------------------
    def title(self):
        rng = self.rng
        if not self.title_parts:
            return ""
        if self.plain:
            sep = pick(rng, [" - ", " - ", ", ", " | "])
        else:
            sep = pick(rng, [" ", " ~ ", " | ", " - ", " * ", "  ", " " + pick(rng, EMOJI) + " ", "!! ", " \u2022 "])
        t = sep.join(p["text"] for p in self.title_parts)
        if not self.plain and chance(rng, 0.25):
            t = pick(rng, EMOJI) + " " + t
        if not self.plain and chance(rng, 0.2):
            t = t + " " + pick(rng, EMOJI)
        return t

    def paragraphs(self):
        rng = self.rng
        order = {"open": 0, "mid": 1, "contact": 2, "close": 3}
        opens = [p for p in self.parts if p["slot"] == "open"]
        mids = [p for p in self.parts if p["slot"] == "mid"]
        rng.shuffle(mids)
        contacts = [p for p in self.parts if p["slot"] == "contact"]
        closes = [p for p in self.parts if p["slot"] == "close"]
        # keep contact sometimes in the middle, as real ads do
        if contacts and mids and chance(rng, 0.25):
            k = rng.randrange(len(mids) + 1)
            mids = mids[:k] + contacts + mids[k:]
            contacts = []
        seq = opens + mids + contacts + closes
        del order
        if self.plain:
            sep = pick(rng, [". ", ". ", ". ", "! ", "; "])
        else:
            sep = pick(rng, [". ", "! ", " ~ ", " * ", ", ", "... ", " " + pick(rng, EMOJI) + " ", ". ", "!! ", " | "])
        paras, cur = [], []
        per = rng.randint(2, 5)
        for p in seq:
            cur.append(p["text"])
            if len(cur) >= per:
                paras.append(sep.join(cur))
                cur = []
                per = rng.randint(1, 5)
        if cur:
            paras.append(sep.join(cur))
        out = []
        for para in paras:
            if para and para[0].islower() and chance(rng, 0.6):
                para = para[0].upper() + para[1:]
            if sep.strip() in (".", "!") and chance(rng, 0.6) and not para.endswith(("!", ".", "?")):
                para += sep.strip()
            out.append(para)
        return out

    def collect(self, show_title):
        fams, ages, decoys = [], [], []
        src = list(self.parts) + (list(self.title_parts) if show_title else [])
        for p in src:
            fams.extend(p["fams"])
            ages.extend(p["ages"])
            decoys.extend(p["decoys"])
        return fams, ages, decoys


def lang_pool(ad, en_pool, es_pool, fam):
    """Phrase list for a family in the ad's language (None when the language has none)."""
    es = (es_pool or {}).get(fam)
    if ad.lang == "es":
        return es
    if ad.lang == "mix" and es and chance(ad.rng, 0.5):
        return es
    return en_pool.get(fam)


def placement(rng):
    return wchoice(rng, [("body", 70), ("title", 12), ("both", 18)])


def add_contact(ad, obf, prefix_pool=None):
    rng = ad.rng
    ph = Phone(rng, ad.ctx["area_code"] if chance(rng, 0.8) else pick(rng, CITIES)[2])
    shown = phone_obfuscated(rng, ph, ad.lang) if obf else phone_plain(rng, ph)
    if prefix_pool is None:
        if ad.lang == "es":
            prefix_pool = ["Llámame {ph}", "WhatsApp {ph}", "{ph}", "Llama o manda mensaje al {ph}", "Tel: {ph}"]
        else:
            prefix_pool = ["Call {ph}", "call/text {ph}", "{ph}", "Txt me {ph}", "\U0001F4DE {ph}", "Call or text {name} {ph}",
                           "{ph} {name}", "CALL ME {ph}", "text {ph} for fast response", "Contact: {ph}"]
    t = pick(rng, prefix_pool).replace("{ph}", "\x00")
    t = ad.fill(t).replace("\x00", shown)
    ad.parts.append(dict(text=t, fams=("obfuscated_phone",) if obf else (), ages=(), decoys=(), slot="contact"))
    ad.phones = getattr(ad, "phones", []) + [ph.digits]
    return shown


# ----------------------------------------------------------------------------------------------------------
# Profiles
# ----------------------------------------------------------------------------------------------------------

ESC_PROBS = {
    # suspicious: controlled provider (third-party / managerial voice or control cues)
    "escort_controlled": dict(youth=0.50, trust_language=0.60, ethnicity_stated=0.55, obfuscated_phone=0.40,
                              multiple_providers=0.28, incall_outcall=0.70, availability_24_7=0.40, venue_hotel=0.30,
                              movement=0.10, foreign=0.12, restriction=0.12, law_enforcement=0.12, drugs=0.10,
                              risky_services=0.18, third_party=0.0),
    # suspicious: low-key controlled ad, few or no cues
    "escort_lowkey": dict(youth=0.10, trust_language=0.40, ethnicity_stated=0.15, obfuscated_phone=0.40,
                          incall_outcall=0.35, availability_24_7=0.10, venue_hotel=0.06, movement=0.04,
                          restriction=0.04, third_party=0.04),
    # benign: independent adult escort
    "escort_independent": dict(youth=0.18, trust_language=0.28, ethnicity_stated=0.30, obfuscated_phone=0.15,
                               multiple_providers=0.06, incall_outcall=0.75, availability_24_7=0.25, venue_hotel=0.22,
                               movement=0.10, foreign=0.02, restriction=0.13, law_enforcement=0.10, drugs=0.06,
                               risky_services=0.12, third_party_self=0.08),
    # benign: touring independent (movement by definition)
    "escort_touring": dict(youth=0.14, trust_language=0.22, ethnicity_stated=0.30, obfuscated_phone=0.12,
                           multiple_providers=0.08, incall_outcall=0.75, availability_24_7=0.25, venue_hotel=0.35,
                           movement=1.0, foreign=0.02, restriction=0.15, law_enforcement=0.10, drugs=0.05,
                           risky_services=0.10, third_party_self=0.04),
}
CUE_ORDER = ["youth", "trust_language", "ethnicity_stated", "multiple_providers", "incall_outcall", "availability_24_7",
             "venue_hotel", "movement", "foreign", "restriction", "law_enforcement", "drugs", "risky_services",
             "third_party", "third_party_self"]


def draw_families(rng, probs, scale=1.0, cap=None):
    fams = [f for f in CUE_ORDER + ["obfuscated_phone"] if f in probs and chance(rng, probs[f] * scale)]
    if cap is not None and len(fams) > cap:
        rng.shuffle(fams)
        fams = sorted(fams[:cap], key=(CUE_ORDER + ["obfuscated_phone"]).index)
    return fams


def compose_escort(ad, profile, minor=None, bare=False):
    rng, ctx = ad.rng, ad.ctx
    meta = {}
    if profile == "escort_controlled":
        voice = wchoice(rng, [("first", 50), ("third", 28), ("agency", 22)])
    else:
        voice = "first"
    probs = dict(ESC_PROBS[profile])
    if profile == "escort_controlled" and voice == "first":
        probs["third_party"] = 0.60
    scale = 0.6 if minor is not None else 1.0
    cap = 2 if profile == "escort_lowkey" else None
    fams = [] if bare else draw_families(rng, probs, scale, cap)
    obf = "obfuscated_phone" in fams
    age = rng.choice([19, 20, 21, 21, 22, 22, 23, 23, 24, 24, 25, 26, 27, 28, 29, 30, 32, 34, 36, 38, 41])
    youth18 = "youth" in fams and minor is None and chance(rng, 0.2)
    if youth18:
        age = 18
    es = ad.lang == "es"
    # opening and intro
    if es:
        ad.add(pick(rng, ESC_OPEN_ES), slot="open")
    elif ad.lang == "mix" and chance(rng, 0.5):
        ad.add(pick(rng, ESC_OPEN_ES), slot="open")
    else:
        op = pick(rng, ESC_OPEN[voice])
        ad.add(op, ("third_party",) if voice in ("third", "agency") else (), slot="open")
    if voice == "first" and chance(rng, 0.7):
        ad.add(pick(rng, ESC_INTRO["first"]) if not es else pick(rng, ["soy {name}", "me llamo {name}"]), slot="open")
    # stated adult age (not for the bare minor ads: those state only the minor age unless told otherwise)
    if minor is None and chance(rng, {"first": 0.55, "third": 0.5, "agency": 0.35}[voice]):
        ad.add(adult_age_text(rng, age, ad.lang, voice, ctx["name"]), ages=(age,), style=False)
        meta["stated_age"] = age
    # cue phrases
    for fam in fams:
        if fam == "obfuscated_phone":
            continue
        key = "youth18" if (fam == "youth" and youth18) else fam
        if key == "third_party_self":
            pool = ESC["third_party_self"]["first"]
        else:
            en = ESC[key].get(voice) or ESC[key].get("any") or ESC[key].get("first")
            pool = lang_pool(ad, {key: en}, ESC_ES, key)
        if not pool:
            continue
        e = pick(rng, pool)
        if key == "youth18":
            ad.phrase(e, placement(rng), ages=(18,))
            meta["stated_age"] = 18
            continue
        if "{age}" in e[0]:
            ad.add(e[0].replace("{age}", str(age)), e[1], ages=(age,))
            meta["stated_age"] = age
            continue
        ad.phrase(e, placement(rng))
    # fillers
    if es:
        for f in picks(rng, ESC_FILL_ES, rng.randint(2, 5)):
            ad.add(f)
    else:
        fill = ESC_FILL[voice]
        for f in picks(rng, fill, rng.randint(2, 5)):
            if isinstance(f, tuple):
                ad.add(f[0], f[1])
            else:
                ad.add(f, ("third_party",) if voice == "third" and re.search(r"\b(she|her|She|{name})\b", f) else ())
    if chance(rng, 0.5):
        ad.add(pick(rng, ESC_RATES), style=False)
    for f in picks(rng, ESC_RULES, rng.choice([0, 1, 1, 2, 3])):
        ad.add(f)
    if chance(rng, 0.35):
        fam = pick(rng, sorted(DECOYS))
        ad.phrase(pick(rng, DECOYS[fam]), "body", decoy=True)
    add_contact(ad, obf)
    if chance(rng, 0.5):
        ad.add(pick(rng, ESC_CLOSE), slot="close")
    # title
    if not ad.title_parts or chance(rng, 0.6):
        bits = []
        if chance(rng, 0.6):
            bits.append(pick(rng, ESC_TITLE_WORDS) + " " + pick(rng, ESC_TITLE_NOUNS))
        if chance(rng, 0.4) or not bits:
            bits.append(ctx["name"])
        for b in bits:
            ad.add_title(b)
    meta["voice"] = voice
    meta["provider_age"] = meta.get("stated_age", age)
    return meta


def compose_massage(ad, profile, minor=None, bare=False):
    rng, ctx = ad.rng, ad.ctx
    meta = {"voice": "business"}
    if profile == "massage_licensed":
        ad.level = 0
        ad.plain = True
        solo = chance(rng, 0.4)
        name = ctx["name"] + ", LMT" if solo else ctx["clinic"]
        ad.add_title(pick(rng, LMT_TITLES))
        if solo:
            ad.add(pick(rng, ["Hi, I'm {name}, a licensed massage therapist", "My name is {name} and I'm an LMT",
                              "{name}, LMT - therapeutic bodywork"]), slot="open")
        else:
            ad.add(pick(rng, ["Welcome to {clinic}", "{clinic}", "Book your session at {clinic}"]), slot="open")
        probs = dict(third_party=0.22, multiple_providers=0.20, incall_outcall=0.40, venue_hotel=0.08, movement=0.12,
                     trust_language=0.18, youth=0.05, availability_24_7=0.04, ethnicity_stated=0.06)
        for fam in draw_families(rng, probs):
            ad.phrase(pick(rng, LMT[fam]), wchoice(rng, [("body", 85), ("both", 15)]))
        for f in picks(rng, LMT_FILL, rng.randint(3, 7)):
            ad.add(f, style=False)
        if chance(rng, 0.5):
            ad.phrase(pick(rng, LMT_DECOY), "body", decoy=True)
        add_contact(ad, chance(rng, 0.03), ["Call {ph} to book", "{ph}", "Book online or call {ph}", "Phone: {ph}"])
        meta["business"] = name
        meta["provider_age"] = rng.randint(26, 58)
        return meta
    # illicit parlour
    ad.add(pick(rng, ["Welcome to {spa}!", "{spa} - Grand Opening", "{spa}", "NEW: {spa}", "{spa} \u2728"]), slot="open")
    probs = dict(youth=0.50, third_party=0.45, multiple_providers=0.30, ethnicity_stated=0.60, availability_24_7=0.30,
                 incall_outcall=0.50, trust_language=0.30, foreign=0.10, movement=0.08, venue_hotel=0.06,
                 risky_services=0.04, obfuscated_phone=0.22)
    lowkey = minor is None and chance(rng, 0.3)      # a plain parlour ad: hours, prices, maybe one cue
    meta["lowkey"] = lowkey
    fams = [] if bare else draw_families(rng, probs, 0.5 if lowkey else (0.8 if minor is not None else 1.0),
                                         cap=1 if lowkey else None)
    for fam in fams:
        if fam == "obfuscated_phone":
            continue
        pool = lang_pool(ad, SPA, SPA_ES, fam)
        if pool:
            ad.phrase(pick(rng, pool), placement(rng))
    fill = SPA_FILL_ES if ad.lang == "es" else SPA_FILL
    for f in picks(rng, fill, rng.randint(3, 6)):
        ad.add(f, style=chance(rng, 0.5))
    if chance(rng, 0.55):
        ad.phrase(pick(rng, SPA_DECOY), "body", decoy=True)
    add_contact(ad, "obfuscated_phone" in fams, ["Call {ph}", "{ph}", "Appointments: {ph}", "Tel {ph}", "CALL NOW {ph}"])
    if not ad.title_parts or chance(rng, 0.5):
        ad.add_title(pick(rng, ["Grand Opening", "Best massage in {city}", "{spa}", "Relax & unwind", "Special today $50",
                                "Massage {area}", "Stress relief"]))
    meta["business"] = ctx["spa"]
    meta["provider_age"] = rng.randint(20, 35)
    return meta


def compose_dating(ad, profile, minor=None, bare=False):
    rng, ctx = ad.rng, ad.ctx
    meta = {"voice": "first"}
    if profile == "dating_genuine":
        ad.level = min(ad.level, 1)
        ad.plain = chance(rng, 0.8)
        age = rng.randint(24, 62)
        g1 = pick(rng, ["w", "m", "w", "m", "w"])
        ctx["g1"], ctx["g2"] = g1, pick(rng, ["m", "w"]) if g1 == "w" else pick(rng, ["w", "w", "m"])
        if g1 == "m":
            ctx["name"] = pick(rng, MALE_NAMES)
        ad.add_title(pick(rng, DATE_G_TITLES))
        if chance(rng, 0.5):
            ad.add_title(pick(rng, [f"({age})", f"{age}{ctx['g1'].upper()}", f"{age}, {ctx['area']}"]), ages=(age,), style=False)
        ad.add(pick(rng, ["Hi there", "Hello", "Hey everyone", "Ok, here goes", "Hi, I'm {name}", "Hola"]), slot="open")
        if chance(rng, 0.6):
            ad.add(pick(rng, [f"{age} {ctx['g1'].upper()}", f"I'm {age}", f"{age} years old", f"{age}, {ctx['city']}"]),
                   ages=(age,), style=False)
        probs = dict(trust_language=0.28, movement=0.25, ethnicity_stated=0.22, youth=0.07, drugs=0.05, availability_24_7=0.03)
        for fam in draw_families(rng, probs):
            ad.phrase(pick(rng, DATE_G[fam]), wchoice(rng, [("body", 85), ("both", 15)]))
        fill = DATE_G_FILL + (DATE_G_FILL_ES if ad.lang != "en" else [])
        for f in picks(rng, fill, rng.randint(3, 7)):
            ad.add(f, style=False)
        if chance(rng, 0.4):
            add_contact(ad, chance(rng, 0.04), ["text me {ph}", "{ph}", "my number is {ph}"])
        else:
            ad.add(pick(rng, ["Reply through the site", "Message me here", "email me at {email}", "reply with a pic"]),
                   slot="contact", style=False)
        meta["provider_age"] = age
        return meta
    # disguised commercial sex
    age = rng.choice([19, 20, 21, 22, 23, 24, 25, 26, 28, 30, 33])
    ad.add_title(pick(rng, DATE_S_TITLES))
    ad.add(pick(rng, ["Hey", "Hi guys", "Hello gentlemen", "Bored and lonely", "Hi there", "Hey u"]), slot="open")
    if minor is None and chance(rng, 0.5):
        ad.add(adult_age_text(rng, age, ad.lang, "first", ctx["name"]), ages=(age,), style=False)
        meta["stated_age"] = age
    probs = dict(youth=0.35, trust_language=0.40, ethnicity_stated=0.35, incall_outcall=0.45, obfuscated_phone=0.35,
                 availability_24_7=0.15, third_party=0.12, multiple_providers=0.10, venue_hotel=0.15, drugs=0.08,
                 risky_services=0.06, movement=0.05)
    fams = [] if bare else draw_families(rng, probs, 0.8 if minor is not None else 1.0)
    for fam in fams:
        if fam == "obfuscated_phone":
            continue
        pool = lang_pool(ad, DATE_S, DATE_S_ES, fam)
        if pool:
            ad.phrase(pick(rng, pool), placement(rng))
    fill = DATE_S_FILL_ES if ad.lang == "es" else DATE_S_FILL
    for f in picks(rng, fill, rng.randint(2, 5)):
        ad.add(f)
    if chance(rng, 0.3):
        fam = pick(rng, ["trust_language", "availability_24_7", "youth", "drugs"])
        ad.phrase(pick(rng, DECOYS[fam]), "body", decoy=True)
    if "obfuscated_phone" in fams or chance(rng, 0.6):
        add_contact(ad, "obfuscated_phone" in fams, ["text me {ph}", "{ph}", "txt {ph} serious only", "hit me up {ph}"])
    else:
        ad.add(pick(rng, ["email {email}", "reply here with your number", "msg me here first"]), slot="contact", style=False)
    meta["provider_age"] = meta.get("stated_age", age)
    return meta


def compose_recruit(ad, profile):
    rng, ctx = ad.rng, ad.ctx
    meta = {"voice": "business"}
    titles = REC_TITLES_ES if ad.lang == "es" else REC_TITLES
    ad.add_title(pick(rng, titles))
    ad.add(pick(rng, ["Now hiring!", "Attention ladies", "Looking for girls who want to make money", "{agency} is hiring",
                      "Opportunity of a lifetime", "Need cash?"]) if ad.lang != "es" else
           pick(rng, ["¡Estamos contratando!", "Atención chicas", "¿Necesitas dinero?"]), slot="open")
    probs = dict(youth=0.60, third_party=0.55, multiple_providers=0.35, movement=0.35, trust_language=0.35, foreign=0.15,
                 availability_24_7=0.15, venue_hotel=0.15, drugs=0.03, obfuscated_phone=0.25)
    fams = draw_families(rng, probs)
    for fam in fams:
        if fam == "obfuscated_phone":
            continue
        pool = lang_pool(ad, REC, REC_ES, fam)
        if pool:
            ad.phrase(pick(rng, pool), wchoice(rng, [("body", 80), ("title", 5), ("both", 15)]))
    fill = REC_FILL_ES if ad.lang == "es" else REC_FILL
    for f in picks(rng, fill, rng.randint(3, 7)):
        ad.add(f)
    if chance(rng, 0.35):
        ad.phrase(pick(rng, REC_DECOY), "body", decoy=True)
    if "obfuscated_phone" in fams or chance(rng, 0.65):
        add_contact(ad, "obfuscated_phone" in fams, ["Call or text {ph}", "{ph}", "txt {ph} with pics", "Info: {ph}"])
    meta["provider_age"] = None
    meta["business"] = pick(rng, TALENT)
    return meta


def compose_ordinary(ad, kind):
    rng, ctx = ad.rng, ad.ctx
    meta = {"voice": "ordinary", "kind": kind}
    ad.level = 0 if chance(rng, 0.85) else 1
    ad.plain = True
    if ad.lang in ("es", "mix") and kind in ORD_ES:
        titles, fills, innocent = ORD_ES[kind]
        ad.add_title(pick(rng, titles), style=False)
        for f in picks(rng, fills, rng.randint(2, 4)):
            ad.add(f, style=False)
        if ad.lang == "mix":
            for f in picks(rng, ORD[kind]["fill"], rng.randint(1, 3)):
                ad.add(f, style=False)
        if chance(rng, 0.5):
            ad.phrase(pick(rng, innocent), "body")
        price_kind = ORD[kind]["price"]
    elif kind == "services" and chance(rng, 0.22):
        title, tfams, lines, fams = pick(rng, TEEN_SERVICES)
        t1 = rng.randint(15, 17)
        t2 = rng.randint(14, 17) if "{teen_age2}" in " ".join(lines) else None
        ad.add_title(title, tuple(tfams.split()), style=False)
        for ln in lines:
            ages = ()
            lf = ()
            if "{teen_age}" in ln:
                ages = (t1,) + ((t2,) if t2 is not None and "{teen_age2}" in ln else ())
                lf = tuple(fams.split())
            elif "teens" in ln:
                lf = ("youth", "multiple_providers")
            txt = ln.replace("{teen_age}", str(t1)).replace("{teen_age2}", str(t2))
            ad.add(txt, lf, ages=ages, style=False)
        if ages_all := [a for p in ad.parts for a in p["ages"]]:
            meta["teen_ages"] = ages_all
        add_contact(ad, False, ["Call or text {ph}", "{ph}", "My mom's number: {ph}", "Text {ph}"])
        meta["kind"] = "services_teen"
        return meta
    else:
        spec = ORD[kind]
        fills, innocent, decoy = list(spec["fill"]), list(spec["innocent"]), list(spec["decoy"])
        if "sub" in spec:
            title, sf, si, sd = pick(rng, spec["sub"])
            ad.add_title(title, style=False)
            for f in sf:
                ad.add(f, style=False)
            innocent += si * 2
            decoy += sd * 2
        else:
            ad.add_title(pick(rng, spec["titles"]), style=False)
        for f in picks(rng, fills, rng.randint(2, 6) - (2 if "sub" in spec else 0)):
            ad.add(f, style=False)
        k = wchoice(rng, [(0, 40), (1, 45), (2, 15)])
        chosen = []
        for e in picks(rng, innocent, len(innocent)):
            if len(chosen) < k and all(e[0] != c[0] for c in chosen):
                chosen.append(e)
        for e in chosen:
            ad.phrase(e, wchoice(rng, [("body", 85), ("title", 5), ("both", 10)]))
        if chance(rng, 0.4):
            ad.phrase(pick(rng, decoy), "body", decoy=True)
        if kind == "services" and chance(rng, 0.12):
            a = rng.randint(55, 70)
            ad.add(f"I'm a retired {a}-year-old tradesman, happy to help", ages=(a,), style=False)
        price_kind = spec["price"]
    if price_kind == "item":
        meta["price"] = "$" + ctx["p"]
    elif price_kind == "car":
        meta["price"] = "${:,}".format(rng.randrange(2500, 24000, 100))
    elif price_kind == "rent":
        meta["price"] = "$" + ctx["rent"] + "/mo"
    elif price_kind == "pay":
        meta["price"] = "$" + ctx["pay"] + "/hr"
    elif price_kind == "pet":
        free = any("Free" in p["text"] or "good home" in p["text"] for p in ad.title_parts)
        meta["price"] = "Free" if free or chance(rng, 0.3) else "$" + str(rng.randrange(40, 650, 5))
    r = rng.random()
    if r < 0.5:
        add_contact(ad, chance(rng, 0.02), ["Call {ph}", "{ph}", "call or text {ph}", "Text {ph}", "Contact {name} at {ph}"])
    elif r < 0.8:
        ad.add("email {email}" if ad.lang != "es" else "correo: {email}", slot="contact", style=False)
    else:
        ad.add("reply through the site" if ad.lang != "es" else "responde por aquí", slot="contact", style=False)
    return meta


def compose_minor(ad, category):
    """A suspicious ad stating a provider age of 15-17, in varied forms; some carry no other cue."""
    rng = ad.rng
    age = wchoice(rng, [(15, 20), (16, 35), (17, 45)])
    bare = chance(rng, 0.28)
    if category == "escort":
        base = "escort_lowkey" if bare or chance(rng, 0.35) else "escort_controlled"
        meta = compose_escort(ad, base, minor=age, bare=bare)
    elif category == "dating":
        meta = compose_dating(ad, "dating_disguised", minor=age, bare=bare)
    else:
        meta = compose_massage(ad, "massage_illicit", minor=age, bare=bare)
    where = wchoice(rng, [("body", 62), ("title", 16), ("suffix", 22)])
    text, form = minor_age_text(rng, age, ad.lang, ad.ctx["name"])
    meta["minor_age"] = age
    meta["minor_form"] = "suffix" if where == "suffix" else form
    meta["minor_where"] = where
    meta["bare"] = bare
    adult = rng.choice([18, 19, 19, 20, 21])
    if where == "suffix":
        meta["poster_age"] = age            # the poster typed the minor age into the age field / title
        ad.minor_in_title = True
    elif where == "title":
        ad.add_title(text, ("underage_age",), ages=(age,), style=False)
        ad.minor_in_title = True
        meta["poster_age"] = adult
    else:
        ad.add(text, ("underage_age",), ages=(age,), style=False)
        meta["poster_age"] = adult
    if chance(rng, 0.25):
        # an adult age stated elsewhere in the same ad (as sites force 18+ and posters hedge)
        ad.add(pick(rng, [f"I'm {adult}", f"{adult} yrs", f"age {adult}", f"{adult}yo", f"{ad.ctx['name']} {adult}"])
               if ad.lang == "en" else f"tengo {adult} años", ages=(adult,), style=False)
    meta["provider_age"] = meta["poster_age"]
    return meta


# ----------------------------------------------------------------------------------------------------------
# Sites: invented names on example.com, each with its own chrome
# ----------------------------------------------------------------------------------------------------------

SITES = {
    "nightboard": dict(domain="nightboard.example.com", suffix=True, age_field=True, es=False),
    "velvetrope": dict(domain="velvetrope.example.com", suffix=False, age_field=True, es=False),
    "citypulse": dict(domain="citypulse.example.com", suffix=False, age_field=True, es=False),
    "bazaarlane": dict(domain="bazaarlane.example.com", suffix=False, age_field=False, es=False),
    "heartsync": dict(domain="heartsync.example.com", suffix=False, age_field=True, es=False),
    "kneadly": dict(domain="kneadly.example.com", suffix=False, age_field=False, es=False),
    "swapyard": dict(domain="swapyard.example.com", suffix=False, age_field=False, es=False),
    "workhive": dict(domain="workhive.example.com", suffix=False, age_field=False, es=False),
    "corkboard": dict(domain="corkboard.example.com", suffix=False, age_field=False, es=False),
    "anunciosol": dict(domain="anunciosol.example.com", suffix=True, age_field=True, es=True),
}
ADULT_CATS = ("escort", "massage", "dating")


def choose_site(rng, category, kind, lang):
    if lang == "es" and chance(rng, 0.75):
        return "anunciosol"
    if category == "escort":
        opts = [("nightboard", 38), ("velvetrope", 27), ("citypulse", 22), ("bazaarlane", 10), ("anunciosol", 3)]
    elif category == "massage":
        opts = [("nightboard", 25), ("citypulse", 20), ("kneadly", 35), ("bazaarlane", 17), ("anunciosol", 3)]
    elif category == "dating":
        opts = [("heartsync", 35), ("nightboard", 20), ("bazaarlane", 20), ("corkboard", 15), ("citypulse", 10)]
    elif kind in ("jobs", "recruit"):
        opts = [("workhive", 35), ("nightboard", 20), ("bazaarlane", 20), ("corkboard", 20), ("anunciosol", 5)]
    elif kind in ("furniture", "cars"):
        opts = [("swapyard", 45), ("bazaarlane", 25), ("nightboard", 15), ("corkboard", 10), ("anunciosol", 5)]
    elif kind in ("rentals", "pets"):
        opts = [("swapyard", 30), ("bazaarlane", 25), ("corkboard", 25), ("nightboard", 15), ("anunciosol", 5)]
    else:  # services, events, lost & found
        opts = [("corkboard", 40), ("bazaarlane", 25), ("nightboard", 25), ("swapyard", 5), ("anunciosol", 5)]
    return wchoice(rng, opts)


CAT_LABELS = {
    "nightboard": {"escort": "escorts", "massage": "body rubs", "dating": "dating", "jobs": "jobs", "recruit": "talent jobs",
                   "furniture": "furniture", "cars": "cars & trucks", "rentals": "rooms & shares", "pets": "pets",
                   "services": "services", "events": "events", "lost_found": "lost & found", "services_teen": "services"},
    "bazaarlane": {"escort": "Adult \u203a Companions", "massage": "Health & Beauty \u203a Massage",
                   "dating": "Personals \u203a Casual", "jobs": "Jobs \u203a Hospitality", "recruit": "Jobs \u203a Modeling & Talent",
                   "furniture": "For Sale \u203a Furniture", "cars": "Vehicles \u203a Cars", "rentals": "Real Estate \u203a Rooms",
                   "pets": "Pets \u203a Rehoming", "services": "Services \u203a Home", "events": "Community \u203a Events",
                   "lost_found": "Community \u203a Lost & Found", "services_teen": "Services \u203a Childcare"},
    "anunciosol": {"escort": "Acompañantes", "massage": "Masajes", "dating": "Citas", "jobs": "Empleos", "recruit": "Empleos",
                   "furniture": "Muebles", "cars": "Autos", "rentals": "Cuartos", "pets": "Mascotas", "services": "Servicios",
                   "events": "Eventos", "lost_found": "Perdidos", "services_teen": "Servicios"},
    "corkboard": {"dating": "Personals", "jobs": "Help Wanted", "recruit": "Help Wanted", "furniture": "For Sale",
                  "cars": "Vehicles", "rentals": "Housing", "pets": "Pets", "services": "Services", "events": "Events",
                  "lost_found": "Lost & Found", "services_teen": "Services"},
}


def slugify(s, maxlen=60):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return (s[:maxlen].rstrip("-")) or "ad"


def e(s):
    return html.escape(s, quote=True)


def jsonld(obj):
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def teaser_title(rng, category, lang):
    c = make_ctx(rng, lang)
    dummy = Ad(rng, c, lang, rng.choice([0, 0, 1]))
    if category == "escort":
        fam = pick(rng, ["youth", "trust_language", "movement", "availability_24_7", "incall_outcall", "ethnicity_stated",
                         "venue_hotel", "risky_services"])
        pool = ESC[fam].get("first") or ESC[fam]["any"]
        ph = dummy.fill(pick(rng, pool)[0]).replace("{age}", str(rng.randint(19, 35)))
        t = f"{pick(rng, ESC_TITLE_WORDS)} {c['name']} {ph}"
    elif category == "massage":
        fam = pick(rng, sorted(SPA))
        t = f"{c['spa']} - {dummy.fill(pick(rng, SPA[fam])[0])}" if chance(rng, 0.6) else dummy.fill(pick(rng, LMT_TITLES))
    elif category == "dating":
        t = dummy.fill(pick(rng, DATE_S_TITLES + DATE_G_TITLES))
    else:
        kind = pick(rng, sorted(ORD))
        t = dummy.fill(pick(rng, ORD[kind]["titles"] or [x[0] for x in ORD[kind].get("sub", [])]))
        if chance(rng, 0.3):
            t += " - " + dummy.fill(pick(rng, ORD[kind]["innocent"])[0])
    return stylize(rng, t, dummy.level)


def make_teasers(rng, category, n, site, lang):
    out = []
    for _ in range(n):
        cat = category if chance(rng, 0.8) else pick(rng, ["escort", "massage", "dating", "other"])
        t = teaser_title(rng, cat, lang)
        if SITES[site]["suffix"] and cat in ADULT_CATS:
            t += f" - {rng.randint(19, 39)}"
        out.append(dict(title=t, href=f"https://{SITES[site]['domain']}/ad/{slugify(t, 40)}/{rng.randrange(1000000, 99999999)}",
                        ago=f"{rng.randint(1, 59)} min ago" if chance(rng, 0.5) else f"{rng.randint(1, 23)}h ago"))
    return out


def body_html(paras, style):
    if style == "p":
        return "\n".join(f"<p>{e(p)}</p>" for p in paras)
    if style == "br":
        return "<br>\n<br>\n".join(e(p) for p in paras)
    if style == "div":
        return "\n".join(f"<div class=\"line\">{e(p)}</div>" for p in paras)
    return "<pre>" + e("\n\n".join(paras)) + "</pre>"


def fmt_date(dt, kind):
    if kind == "long":
        h = dt.hour % 12 or 12
        return f"{DAYS[dt.weekday()]}, {MONTHS[dt.month - 1]} {dt.day}, {dt.year} {h}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"
    if kind == "dmy":
        return f"{dt.day:02d} {MONTHS[dt.month - 1][:3]} {dt.year}, {dt.hour:02d}:{dt.minute:02d}"
    if kind == "iso":
        return dt.strftime("%Y-%m-%d")
    if kind == "us":
        return dt.strftime("%m/%d/%Y")
    if kind == "es":
        return f"{DAYS_ES[dt.weekday()]}, {dt.day} de {MONTHS_ES[dt.month - 1]} de {dt.year} {dt.hour:02d}:{dt.minute:02d}"
    if kind == "plain":
        return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    return dt.strftime("%Y-%m-%d %H:%M")


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:00")


ANALYTICS = [
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','EX-{id}');",
    "(function(){var s=document.createElement('script');s.async=1;s.src='https://stats.{dom}/t.js?id={id}';document.head.appendChild(s)})();",
    "var _q=_q||[];_q.push(['page','{id}']);",
]


def analytics(rng, dom):
    return pick(rng, ANALYTICS).replace("{id}", str(rng.randrange(10000, 99999))).replace("{dom}", dom)


def cookie_banner(rng, lang="en"):
    if lang == "es":
        return ('<div id="cookie-aviso" class="cookie">Usamos cookies para mejorar tu experiencia. '
                '<a href="/privacidad">Más información</a> <button>Aceptar</button></div>')
    return pick(rng, [
        '<div class="cookie-banner" role="dialog">We use cookies to improve your experience and show relevant ads. '
        '<a href="/privacy">Privacy policy</a> <button class="accept">Accept</button> <button class="reject">Reject</button></div>',
        '<div id="consent"><p>This site uses cookies. By continuing you agree to our <a href="/terms">terms</a>.</p>'
        '<button onclick="dismissConsent()">OK</button></div>',
        '<aside class="gdpr">Cookies help us deliver our services. <a href="/cookies">Manage settings</a> '
        '<a href="#" class="btn">Got it</a></aside>',
    ])


def page(head, body, lang="en"):
    return f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def meta_tags(R, extra=""):
    desc = " ".join(R["paras"])
    if len(desc) > 150:
        desc = desc[:150].rsplit(" ", 1)[0] + "\u2026"
    return (f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{e(R["head_title"])}</title>\n<meta name="description" content="{e(desc)}">\n'
            f'<meta property="og:title" content="{e(R["title"])}">\n<meta property="og:url" content="{e(R["url"])}">\n'
            f'<link rel="canonical" href="{e(R["url"])}">\n{extra}')


def render_nightboard(R):
    rng = R["rng"]
    dom = R["dom"]
    city = R["city"]
    tz = "".join(f'<li><a href="{e(t["href"])}">{e(t["title"])}</a></li>' for t in R["teasers"])
    metaline = f'Posted: <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "long"))}</time><br>\n'
    if R["poster_age"] is not None:
        metaline += f'Poster\'s age: {R["poster_age"]}<br>\n'
    metaline += f'Location: {e(R["area"])}, {e(city)}<br>\nPost ID: {R["post_id"]} {e(slugify(city, 20).replace("-", ""))}'
    price = f'<div class="price">Price: {e(R["price"])}</div>' if R.get("price") else ""
    head = meta_tags(R, f'<link rel="stylesheet" href="https://static.{dom}/css/nb.css?v={rng.randint(2, 19)}">\n'
                        '<style>#mainCol{float:left;width:70%}#rightCol{float:right;width:25%}.postingBody{font-size:14px}'
                        '.topnav li{display:inline;margin:0 6px}</style>\n'
                        f'<script>var nbCfg={{"city":"{e(slugify(city, 20))}","cat":"{e(slugify(R["cat_label"], 20))}"}};</script>')
    body = f'''<div id="header"><a class="logo" href="https://{dom}/">nightboard</a> <span class="city">{e(city)}, {e(R["state"])}</span>
<ul class="topnav"><li><a href="/post">post ad</a></li><li><a href="/account">my account</a></li><li><a href="/help">help</a></li><li><a href="/safety">safety tips</a></li></ul>
<form class="search" action="/search"><input name="q" placeholder="keyword"> <button>search</button></form></div>
<div id="breadcrumb"><a href="https://{dom}/">nightboard</a> &raquo; <a href="/{e(slugify(city))}">{e(city)}</a> &raquo; <a href="/{e(slugify(R["cat_label"]))}">{e(city)} {e(R["cat_label"])}</a></div>
<div id="mainCol">
<div class="postingTitle"><h1>{e(R["title"])}</h1></div>
<div class="postingBody">
{body_html(R["paras"], pick(rng, ["br", "p", "div"]))}
</div>
{price}
<div class="postingMeta">
{metaline}
</div>
<div class="actions"><a href="/email-friend">email to friend</a> | <a href="/report">report ad</a></div>
<div class="recent"><h3>Recent {e(R["cat_label"])} ads</h3><ul>{tz}</ul></div>
</div>
<div id="rightCol"><div class="adslot" data-slot="rc-1">Advertisement</div><div class="sponsor">Sponsored: <a href="https://ads.{dom}/go/{rng.randint(100, 999)}">Local deals near {e(city)}</a></div></div>
<div id="footer"><a href="/about">About</a> | <a href="/terms">Terms of use</a> | <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a> | &copy; {R["dt"].year} nightboard</div>
<script src="https://static.{dom}/js/nb.min.js"></script>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_velvetrope(R):
    rng = R["rng"]
    dom = R["dom"]
    st = R["stats"]
    rows = "".join(f"<dt>{e(k)}</dt><dd>{e(str(v))}</dd>" for k, v in st)
    tz = "".join(f'<div class="mini"><a href="{e(t["href"])}">{e(t["title"])}</a><span>{e(R["city"])}</span></div>'
                 for t in R["teasers"])
    head = meta_tags(R, '<meta name="robots" content="noindex">\n'
                        '<style>.gate{position:fixed;inset:0;background:#000c}.profile dl{display:grid;grid-template-columns:8em 1fr}'
                        '.mini{border-bottom:1px solid #333;padding:4px}</style>\n'
                        f'<link rel="preconnect" href="https://img.{dom}">')
    body = f'''<div class="gate" id="agegate"><div class="gate-box"><h2>Adults only</h2><p>This website contains adult material. You must be 18 or older (21 where required) to enter.</p><button id="enter">I am 18 or older - Enter</button> <a href="https://www.example.com/">Leave</a></div></div>
{cookie_banner(rng)}
<header class="top"><a class="brand" href="https://{dom}/">Velvet Rope</a><nav><a href="/companions">Companions</a><a href="/massage">Massage</a><a href="/agencies">Agencies</a><a href="/blog">Blog</a><a href="/login">Log in</a></nav></header>
<main class="profile">
<section class="head"><h1>{e(R["title"])}</h1><p class="where">{e(R["area"])}, {e(R["city"])} &middot; Last updated <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "plain"))}</time></p></section>
<section class="gallery"><img src="https://img.{dom}/p/{R["post_id"]}/1.jpg" alt="photo 1"><img src="https://img.{dom}/p/{R["post_id"]}/2.jpg" alt="photo 2"></section>
<section class="stats"><h2>Stats</h2><dl>{rows}</dl></section>
<section class="about"><h2>About</h2>
{body_html(R["paras"], "p")}
</section>
<section class="report"><a href="/report/{R["post_id"]}">Report this profile</a></section>
</main>
<aside class="side"><h3>New this week</h3>{tz}</aside>
<footer><p>All persons depicted are 18+. Velvet Rope is an advertising venue only and does not endorse any advertiser.</p><p><a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a> &middot; <a href="/2257">Compliance</a></p></footer>
<script>document.getElementById('enter').onclick=function(){{document.getElementById('agegate').remove()}};</script>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_citypulse(R):
    rng = R["rng"]
    dom = R["dom"]
    tz = "".join(f'<li class="card"><a href="{e(t["href"])}"><span class="t">{e(t["title"])}</span></a><small>{e(t["ago"])}</small></li>'
                 for t in R["teasers"])
    agebit = f'Age {R["poster_age"]} &middot; ' if R["poster_age"] is not None else ""
    head = meta_tags(R, f'<link rel="stylesheet" href="https://cdn.{dom}/app.{rng.randrange(1000, 9999)}.css">\n'
                        '<script async src="https://cdn.citypulse.example.com/ads.js"></script>')
    body = f'''<div class="topbar"><a href="https://{dom}/" class="logo">CityPulse</a>
<form action="/search"><select name="c"><option>{e(R["city"])}</option></select><input name="q"><button>Go</button></form>
<a href="/post" class="btn">Post</a></div>
<ul class="tabs"><li><a href="/{slugify(R["city"])}/companions">Companions</a></li><li><a href="/{slugify(R["city"])}/bodywork">Bodywork</a></li><li><a href="/{slugify(R["city"])}/personals">Personals</a></li></ul>
<div class="ad-card">
<h2 class="ad-title">{e(R["title"])}</h2>
<div class="ad-meta">{agebit}{e(R["area"])}, {e(R["city"])} &middot; <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "dmy"))}</time> &middot; #{R["post_id"]}</div>
<div class="ad-body">
{body_html(R["paras"], pick(rng, ["p", "br"]))}
</div>
<div class="ad-tools"><a href="/fav">&#9825; Save</a> <a href="/report">Report</a></div>
</div>
<section class="featured"><h3>Featured in {e(R["city"])}</h3><ul>{tz}</ul></section>
<footer class="foot">CityPulse &copy; {R["dt"].year} &middot; <a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a> &middot; Adults 18+ only</footer>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_bazaarlane(R):
    rng = R["rng"]
    dom = R["dom"]
    cats = ["For Sale", "Vehicles", "Real Estate", "Jobs", "Services", "Community", "Pets", "Personals", "Health & Beauty"]
    side = "".join(f'<li><a href="/{slugify(c)}">{e(c)}</a></li>' for c in cats)
    tz = "".join(f'<div class="sim"><a href="{e(t["href"])}">{e(t["title"])}</a> <em>{e(R["city"])}</em></div>' for t in R["teasers"])
    ld = ""
    if R["cat"] == "other":
        if R["kind"] in ("jobs", "recruit"):
            obj = {"@context": "https://schema.org", "@type": "JobPosting", "title": R["title"], "datePosted": R["dt"].strftime("%Y-%m-%d"),
                   "description": " ".join(R["paras"]), "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                   "addressLocality": R["city"], "addressRegion": R["state"]}}}
        else:
            obj = {"@context": "https://schema.org", "@type": "Product", "name": R["title"], "description": " ".join(R["paras"])[:300]}
            if R.get("price"):
                obj["offers"] = {"@type": "Offer", "price": re.sub(r"[^0-9.]", "", R["price"]) or "0", "priceCurrency": "USD"}
        ld = f'<script type="application/ld+json">{jsonld(obj)}</script>\n'
    crumbs = " &rsaquo; ".join(f"<span>{e(x.strip())}</span>" for x in R["cat_label"].split("\u203a"))
    price = f'<div class="price">{e(R["price"])}</div>' if R.get("price") else ""
    head = meta_tags(R, ld + '<style>.layout{display:flex}.left{width:200px}.sim{margin:4px 0}</style>')
    body = f'''{cookie_banner(rng)}
<header><a href="https://{dom}/" class="logo">BazaarLane</a> <span class="loc">{e(R["city"])}</span> <a href="/post-free-ad" class="post">Post a free ad</a></header>
<nav class="crumbs"><a href="https://{dom}/">Home</a> &rsaquo; <a href="/{slugify(R["city"])}">{e(R["city"])}</a> &rsaquo; {crumbs}</nav>
<div class="layout"><aside class="left"><h4>Categories</h4><ul>{side}</ul></aside>
<main><article class="listing">
<h1>{e(R["title"])}</h1>{price}
<ul class="facts"><li>Ad ID: {R["post_id"]}</li><li>Posted: <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "iso"))}</time></li><li>City: {e(R["city"])}, {e(R["area"])}</li></ul>
<div class="description">
{body_html(R["paras"], pick(rng, ["p", "br"]))}
</div>
<p class="warn">Never send money in advance. <a href="/safety">Stay safe</a>.</p>
</article>
<section class="similar"><h3>Similar ads</h3>{tz}</section></main></div>
<footer>BazaarLane &copy; {R["dt"].year} | <a href="/help">Help</a> | <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></footer>
<script defer src="https://js.{dom}/main.js"></script>'''
    return page(head, body)


def render_heartsync(R):
    rng = R["rng"]
    dom = R["dom"]
    seeking = R["seeking"]
    tz = "".join(f'<div class="member"><a href="{e(t["href"])}">{e(t["title"])}</a> <span>{rng.randint(21, 55)} &middot; {rng.randint(1, 30)} mi</span></div>'
                 for t in R["teasers"])
    ld = ""
    if chance(rng, 0.5):
        ld = '<script type="application/ld+json">' + jsonld({"@context": "https://schema.org", "@type": "ProfilePage",
              "name": R["title"], "dateModified": iso(R["dt"])}) + "</script>\n"
    agebit = f'<li>I am: {R["gender"]}, {R["poster_age"]}</li>' if R["poster_age"] is not None else ""
    head = meta_tags(R, ld + '<link rel="stylesheet" href="https://heartsync.example.com/s/site.css">')
    body = f'''<header class="hs"><a href="https://{dom}/" class="logo">&#9829; HeartSync</a><nav><a href="/browse">Browse</a><a href="/messages">Messages</a><a href="/join" class="cta">Join free</a></nav></header>
<div class="profile-wrap"><div class="profile">
<h1 class="headline">{e(R["title"])}</h1>
<ul class="basics">{agebit}<li>Seeking: {seeking}</li><li>Location: {e(R["area"])}, {e(R["city"])}</li><li>Active: <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "plain"))}</time></li></ul>
<h2>About me</h2>
<div class="about">
{body_html(R["paras"], "p")}
</div>
<div class="actions"><button>Send a wink</button> <button>Message</button> <a href="/report">Report</a></div>
</div>
<aside class="near"><h3>Members near you</h3>{tz}</aside></div>
<footer>HeartSync &mdash; <a href="/safety">Dating safety</a> &middot; <a href="/terms">Terms</a> &middot; <a href="/privacy">Privacy</a></footer>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_kneadly(R):
    rng = R["rng"]
    dom = R["dom"]
    name = R.get("business") or R["title"]
    open_h, close_h = rng.choice([9, 10, 10, 11]), rng.choice([19, 20, 21, 22, 23])
    hours = "".join(f"<tr><td>{d[:3]}</td><td>{open_h}:00 - {close_h}:00</td></tr>" for d in DAYS)
    reviews = "".join(f'<div class="review"><b>{e(pick(rng, ["J.", "M.", "K.", "R.", "T.", "A."]))}</b> '
                      f'{"&#9733;" * rng.randint(3, 5)} {e(pick(rng, ["Clean place, friendly front desk.", "Easy parking.", "Good pressure, will come back.", "Booked online, no problems.", "Nice and quiet."]))}</div>'
                      for _ in range(rng.randint(1, 3)))
    tz = "".join(f'<li><a href="{e(t["href"])}">{e(t["title"])}</a></li>' for t in R["teasers"])
    ld = '<script type="application/ld+json">' + jsonld({
        "@context": "https://schema.org", "@type": "HealthAndBeautyBusiness", "name": name,
        "address": {"@type": "PostalAddress", "addressLocality": R["city"], "addressRegion": R["state"]},
        "openingHours": f"Mo-Su {open_h:02d}:00-{close_h:02d}:00"}) + "</script>\n"
    head = meta_tags(R, ld + '<style>.hours td{padding:2px 8px}.review{border-top:1px solid #ddd}</style>')
    body = f'''<header><a href="https://{dom}/" class="logo">Kneadly</a> <form action="/find"><input name="near" value="{e(R["city"])}"><button>Find massage</button></form></header>
<nav class="crumb"><a href="/">Kneadly</a> / <a href="/{slugify(R["city"])}">{e(R["city"])}</a> / Massage</nav>
<main class="biz">
<h1>{e(R["title"])}</h1>
<div class="bizname">{e(name)} &middot; {e(R["area"])}, {e(R["city"])} &middot; <span class="rating">{rng.randint(3, 4)}.{rng.randint(0, 9)} &#9733;</span></div>
<section class="desc">
{body_html(R["paras"], "p")}
</section>
<section><h2>Hours</h2><table class="hours">{hours}</table></section>
<section class="reviews"><h2>Recent reviews</h2>{reviews}</section>
<div class="map" data-lat="{rng.randint(25, 47)}.{rng.randint(1000, 9999)}" data-lng="-{rng.randint(71, 122)}.{rng.randint(1000, 9999)}">Map</div>
<p class="listed">Listed on Kneadly since <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "plain"))}</time></p>
</main>
<aside><h3>Nearby</h3><ul>{tz}</ul></aside>
<footer>Kneadly &copy; {R["dt"].year} &middot; <a href="/for-business">For business</a> &middot; <a href="/terms">Terms</a></footer>
<script src="https://{dom}/static/kn.js" defer></script>'''
    return page(head, body)


def render_swapyard(R):
    rng = R["rng"]
    dom = R["dom"]
    tz = "".join(f'<div class="tile"><a href="{e(t["href"])}">{e(t["title"])}</a><b>${rng.randrange(10, 900, 5)}</b></div>'
                 for t in R["teasers"])
    imgs = "".join(f'<img src="https://img.{dom}/l/{R["post_id"]}_{k}.jpg" alt="listing photo {k}">' for k in range(1, rng.randint(2, 6)))
    ld = '<script type="application/ld+json">' + jsonld({
        "@context": "https://schema.org", "@type": "Vehicle" if R["kind"] == "cars" else "Product", "name": R["title"],
        "offers": {"@type": "Offer", "price": re.sub(r"[^0-9.]", "", R.get("price") or "") or "0", "priceCurrency": "USD"}}) + "</script>\n"
    cond = pick(rng, ["Used - good", "Used - like new", "Used - fair", "New"]) if R["kind"] in ("furniture",) else ""
    condrow = f"<li>Condition: {cond}</li>" if cond else ""
    head = meta_tags(R, ld + f'<link rel="stylesheet" href="https://{dom}/css/yard.css">')
    body = f'''{cookie_banner(rng)}
<header class="sy"><a class="logo" href="https://{dom}/">SwapYard</a><input class="q" placeholder="Search {e(R["city"])}"><a href="/sell">Sell</a></header>
<main class="item">
<div class="photos">{imgs}</div>
<h1>{e(R["title"])}</h1>
<div class="price">{e(R.get("price") or "")}</div>
<ul class="facts"><li>Listed <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "us"))}</time></li><li>{e(R["area"])}, {e(R["city"])}</li>{condrow}</ul>
<h2>Description</h2>
<div class="desc">
{body_html(R["paras"], pick(rng, ["p", "pre", "br"]))}
</div>
<div class="seller">Seller: <b>{e(pick(rng, MALE_NAMES + NAMES))}</b> &middot; member since {rng.randint(2009, R["dt"].year)}</div>
</main>
<section class="more"><h3>Similar listings</h3>{tz}</section>
<footer>SwapYard &middot; <a href="/safety">Meet in public places</a> &middot; <a href="/terms">Terms</a></footer>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_workhive(R):
    rng = R["rng"]
    dom = R["dom"]
    company = R.get("business") or R["company"]
    jtype = pick(rng, ["Full-time", "Part-time", "Contract", "Temporary"])
    tz = "".join(f'<li><a href="{e(t["href"])}">{e(t["title"])}</a> <span>{e(t["ago"])}</span></li>' for t in R["teasers"])
    ld = '<script type="application/ld+json">' + jsonld({
        "@context": "https://schema.org", "@type": "JobPosting", "title": R["title"], "datePosted": R["dt"].strftime("%Y-%m-%d"),
        "employmentType": jtype.upper().replace("-", "_"), "hiringOrganization": {"@type": "Organization", "name": company},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": R["city"], "addressRegion": R["state"]}},
        "description": " ".join(R["paras"])}) + "</script>\n"
    pay = f'<li>Pay: {e(R["price"])}</li>' if R.get("price") else ""
    head = meta_tags(R, ld)
    body = f'''<header class="wh"><a href="https://{dom}/" class="logo">WorkHive</a><nav><a href="/jobs">Find jobs</a><a href="/salaries">Salaries</a><a href="/employers">Post a job</a><a href="/signin">Sign in</a></nav></header>
<main class="job">
<h1>{e(R["title"])}</h1>
<div class="co">{e(company)} &mdash; {e(R["city"])}, {e(R["state"])}</div>
<ul class="tags"><li>{jtype}</li>{pay}<li>Posted <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "plain"))}</time></li></ul>
<section class="jd"><h2>Job description</h2>
{body_html(R["paras"], pick(rng, ["p", "div"]))}
</section>
<a class="apply" href="/apply/{R["post_id"]}">Apply now</a>
</main>
<aside><h3>Similar jobs</h3><ul>{tz}</ul></aside>
<footer>&copy; {R["dt"].year} WorkHive &middot; <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a> &middot; <a href="/fraud">Report job fraud</a></footer>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body)


def render_corkboard(R):
    rng = R["rng"]
    dom = R["dom"]
    tz = "".join(f'<tr><td><font size="2"><a href="{e(t["href"])}">{e(t["title"])}</a></font></td></tr>' for t in R["teasers"])
    cats = " | ".join(f'<a href="/{slugify(c)}">{c}</a>' for c in ["Housing", "For Sale", "Help Wanted", "Services", "Events",
                                                                    "Lost &amp; Found", "Personals", "Pets", "Vehicles"])
    head = (f'<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n<title>{e(R["head_title"])}</title>\n'
            f'<meta name="keywords" content="{e(R["city"])}, classifieds, {e(R["cat_label"])}">\n'
            '<style>body{font-family:Verdana;font-size:12px}</style>')
    body = f'''<center><font size="5"><b>{e(R["city"])} Community CorkBoard</b></font><br><font size="1">{cats}</font></center>
<hr>
<table width="100%" cellpadding="4"><tr><td valign="top" width="75%">
<font size="1">{e(R["cat_label"])} &gt; post #{R["post_id"]}</font>
<h2>{e(R["title"])}</h2>
<font size="2">Date: <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "hm"))}</time><br>Reply to: see below<br>Area: {e(R["area"])}</font>
<blockquote>
{body_html(R["paras"], pick(rng, ["br", "pre"]))}
</blockquote>
<font size="1">[ <a href="/flag/{R["post_id"]}">flag</a> ] [ <a href="/print">print</a> ]</font>
</td><td valign="top" bgcolor="#eeeeee"><b>Other posts this week</b><table>{tz}</table></td></tr></table>
<hr><center><font size="1">CorkBoard is run by volunteers. Please keep it civil. &copy; {R["dt"].year}</font></center>'''
    return page(head, body)


def render_anunciosol(R):
    rng = R["rng"]
    dom = R["dom"]
    tz = "".join(f'<li><a href="{e(t["href"])}">{e(t["title"])}</a></li>' for t in R["teasers"])
    metas = f'Publicado: <time datetime="{iso(R["dt"])}">{e(fmt_date(R["dt"], "es"))}</time><br>'
    if R["poster_age"] is not None:
        metas += f'Edad del anunciante: {R["poster_age"]}<br>'
    metas += f'Ubicación: {e(R["area"])}, {e(R["city"])}<br>ID del anuncio: {R["post_id"]}'
    price = f'<p class="precio">Precio: {e(R["price"])}</p>' if R.get("price") else ""
    head = meta_tags(R, '<style>.col{float:left}.rel li{margin:3px 0}</style>')
    body = f'''{cookie_banner(rng, "es")}
<div class="cab"><a href="https://{dom}/" class="logo">AnuncioSol</a> <a href="/">Inicio</a> | <a href="/publicar">Publicar anuncio</a> | <a href="/cuenta">Mi cuenta</a></div>
<div class="migas"><a href="/">Inicio</a> &gt; <a href="/{slugify(R["city"])}">{e(R["city"])}</a> &gt; {e(R["cat_label"])}</div>
<div class="anuncio">
<h1>{e(R["title"])}</h1>
<div class="texto">
{body_html(R["paras"], pick(rng, ["br", "p"]))}
</div>
{price}
<div class="datos">{metas}</div>
<p><a href="/denunciar/{R["post_id"]}">Denunciar anuncio</a></p>
</div>
<div class="rel"><h3>Anuncios relacionados</h3><ul>{tz}</ul></div>
<div class="pie">AnuncioSol &copy; {R["dt"].year} &middot; <a href="/terminos">Términos</a> &middot; <a href="/privacidad">Privacidad</a></div>
<script>{analytics(rng, dom)}</script>'''
    return page(head, body, "es")


RENDER = {
    "nightboard": render_nightboard, "velvetrope": render_velvetrope, "citypulse": render_citypulse,
    "bazaarlane": render_bazaarlane, "heartsync": render_heartsync, "kneadly": render_kneadly,
    "swapyard": render_swapyard, "workhive": render_workhive, "corkboard": render_corkboard,
    "anunciosol": render_anunciosol,
}


class VisibleText(HTMLParser):
    """Visible text of a page, roughly as a crawl dump holds it (scripts and styles dropped)."""

    SKIP = ("script", "style", "noscript", "template")
    BLOCK = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "section", "article", "header", "footer", "aside",
             "dt", "dd", "blockquote", "pre", "title", "center", "table", "ul", "nav", "main", "hr")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def page_text(rng, html_doc):
    p = VisibleText()
    p.feed(html_doc)
    raw = "".join(p.out)
    chunks = [re.sub(r"[ \t]+", " ", c).strip() for c in raw.split("\n")]
    chunks = [c for c in chunks if c]
    mode = rng.random()
    if mode < 0.55:   # one long line with runs of spaces, as many dumps hold pages
        return "".join(c + " " * pick(rng, [1, 2, 3, 5, 9, 17, 33]) for c in chunks).rstrip()
    if mode < 0.85:
        return "\n".join(chunks)
    return " ".join(chunks)


# ----------------------------------------------------------------------------------------------------------
# Records
# ----------------------------------------------------------------------------------------------------------

# (profile, category, label, share in percent of all records)
PROFILES = [
    ("escort_controlled", "escort", "suspicious", 12.5),
    ("escort_lowkey", "escort", "suspicious", 7.0),
    ("minor_age", "escort", "suspicious", 2.1),
    ("escort_independent", "escort", "benign", 13.0),
    ("escort_touring", "escort", "benign", 5.4),
    ("massage_illicit", "massage", "suspicious", 6.2),
    ("minor_age", "massage", "suspicious", 0.3),
    ("massage_licensed", "massage", "benign", 8.5),
    ("dating_disguised", "dating", "suspicious", 4.0),
    ("minor_age", "dating", "suspicious", 0.6),
    ("dating_genuine", "dating", "benign", 5.4),
    ("recruit_lure", "other", "suspicious", 4.0),
    ("ordinary_jobs", "other", "benign", 6.0),
    ("ordinary_furniture", "other", "benign", 4.0),
    ("ordinary_cars", "other", "benign", 3.5),
    ("ordinary_rentals", "other", "benign", 4.0),
    ("ordinary_pets", "other", "benign", 3.0),
    ("ordinary_services", "other", "benign", 5.0),
    ("ordinary_events", "other", "benign", 3.0),
    ("ordinary_lost_found", "other", "benign", 2.5),
]
LABEL = {(p, c): l for p, c, l, _ in PROFILES}
STYLE_LEVELS = {
    "escort_controlled": [(0, 50), (1, 32), (2, 18)], "escort_lowkey": [(0, 70), (1, 25), (2, 5)],
    "escort_independent": [(0, 55), (1, 30), (2, 15)], "escort_touring": [(0, 55), (1, 30), (2, 15)],
    "massage_illicit": [(0, 60), (1, 30), (2, 10)], "dating_disguised": [(0, 60), (1, 30), (2, 10)],
    "minor_age": [(0, 55), (1, 30), (2, 15)], "recruit_lure": [(0, 75), (1, 20), (2, 5)],
}


def allocate(seed, n):
    """Exact profile counts by largest remainder, in a seeded shuffled order."""
    total = sum(s for *_, s in PROFILES)
    raw = [n * s / total for *_, s in PROFILES]
    counts = [int(x) for x in raw]
    rest = n - sum(counts)
    order = sorted(range(len(PROFILES)), key=lambda k: (-(raw[k] - counts[k]), k))
    for k in order[:rest]:
        counts[k] += 1
    slots = []
    for (p, c, _, _), k in zip(PROFILES, counts):
        slots.extend([(p, c)] * k)
    random.Random(f"genb-alloc:{seed}:{n}").shuffle(slots)
    return slots


def choose_lang(rng, profile):
    if profile == "massage_licensed":
        return "en"
    if profile == "dating_genuine":
        return "mix" if chance(rng, 0.06) else "en"
    if profile.startswith("ordinary_"):
        kind = profile[len("ordinary_"):]
        if kind not in ORD_ES:
            return "en"
        return wchoice(rng, [("en", 86), ("es", 9), ("mix", 5)])
    return wchoice(rng, [("en", 84), ("es", 10), ("mix", 6)])


def head_title(site, t, R):
    city, cl = R["city"], R["cat_label"]
    return {
        "nightboard": f"{t} - {city} {cl} - nightboard",
        "velvetrope": f"{t} | {city} | Velvet Rope",
        "citypulse": f"{t} - {city} - CityPulse",
        "bazaarlane": f"{t} in {city} | BazaarLane",
        "heartsync": f"{t} - HeartSync",
        "kneadly": f"{t} - {city} massage - Kneadly",
        "swapyard": f"{t} - {R.get('price') or ''} - SwapYard".replace(" -  -", " -"),
        "workhive": f"{t} job in {city} - WorkHive",
        "corkboard": f"{city} CorkBoard: {t}",
        "anunciosol": f"{t} - {cl} en {city} - AnuncioSol",
    }[site]


def make_record(seed, i, profile, category):
    rng = random.Random(f"genb:{seed}:{i}")
    lang = choose_lang(rng, profile)
    level = wchoice(rng, STYLE_LEVELS.get(profile, [(0, 100)]))
    ctx = make_ctx(rng, lang)
    ad = Ad(rng, ctx, lang, level)
    kind = category
    if profile.startswith("escort_"):
        meta = compose_escort(ad, profile)
    elif profile.startswith("massage_"):
        meta = compose_massage(ad, profile)
    elif profile.startswith("dating_"):
        meta = compose_dating(ad, profile)
    elif profile == "minor_age":
        meta = compose_minor(ad, category)
    elif profile == "recruit_lure":
        meta = compose_recruit(ad, profile)
        kind = "recruit"
    else:
        kind = profile[len("ordinary_"):]
        meta = compose_ordinary(ad, kind)
        kind = meta.get("kind", kind)
    site = choose_site(rng, category, kind if category == "other" else category, lang)
    cfg = SITES[site]
    fmt = "html" if chance(rng, 0.65) else "text"
    text_style = None
    if fmt == "text":
        text_style = wchoice(rng, [("page_text", 40), ("title_body", 30), ("flat", 15), ("body", 15)])
        if ad.minor_in_title and text_style == "body":
            text_style = "title_body"

    # ages shown by the site: the poster's age field, and the Backpage-style " - NN" title suffix
    poster_age = None
    if category in ADULT_CATS and cfg["age_field"]:
        poster_age = meta.get("poster_age") or meta.get("provider_age") or rng.randint(19, 40)
    t = ad.title()
    suffix_age = None
    if cfg["suffix"] and category in ADULT_CATS:
        suffix_age = poster_age
    elif meta.get("minor_where") == "suffix":
        suffix_age = meta["minor_age"]          # typed by the poster into the title
    t_full = t + (f" - {suffix_age}" if suffix_age is not None else "")
    paras = ad.paragraphs()

    cat_key = category if category != "other" else kind
    cat_label = CAT_LABELS.get(site, {}).get(cat_key, cat_key.replace("_", " "))
    post_id = rng.randrange(1_000_000, 99_999_999)
    url = f"https://{cfg['domain']}/{slugify(ctx['city'], 20)}/{slugify(cat_label, 20)}/{slugify(t_full or 'ad', 50)}/{post_id}"
    stats = []
    if site == "velvetrope":
        stats = [("Age", poster_age), ("Height", ctx["height"]), ("Hair", ctx["hair"].title()), ("Eyes", ctx["eyes"].title())]
    R = dict(rng=rng, site=site, dom=cfg["domain"], url=url, title=t_full, paras=paras, cat=category, kind=kind,
             cat_label=cat_label, city=ctx["city"], state=ctx["state"], area=ctx["area"], dt=ctx["date"], post_id=post_id,
             poster_age=poster_age, price=meta.get("price"), business=meta.get("business"), company=ctx["company"],
             stats=stats, lang=lang,
             gender={"m": "Man", "w": "Woman"}[ctx["g1"]] if profile == "dating_genuine" else "Woman",
             seeking={"m": "Man", "w": "Woman"}[ctx["g2"]] if profile == "dating_genuine" else "Man")
    R["head_title"] = head_title(site, t_full, R)
    R["teasers"] = make_teasers(rng, category, rng.randint(3, 8), site, lang)
    doc = RENDER[site](R)

    show_title = fmt == "html" or text_style != "body"
    show_field = poster_age is not None and (fmt == "html" or text_style == "page_text")
    rec = {"id": f"b{seed}-{i:06d}"}
    if fmt == "html":
        rec["url"] = url
        rec["html"] = doc
    else:
        if chance(rng, 0.6):
            rec["url"] = url
        if text_style == "page_text":
            body = page_text(rng, doc)
        elif text_style == "title_body":
            body = t_full + pick(rng, ["\n\n", "\n", "  ", " "]) + "\n".join(paras)
        elif text_style == "flat":
            bits = [t_full, " ".join(paras), f"Posted: {fmt_date(ctx['date'], 'long')}", f"Location: {ctx['area']}, {ctx['city']}"]
            if poster_age is not None and chance(rng, 0.7):
                bits.append(f"Poster's age: {poster_age}")
                show_field = True
            body = pick(rng, [" | ", "   ", " \u2014 ", "\t"]).join(bits)
        else:
            body = "\n\n".join(paras)
        rec["text"] = body

    fams, ages, decoys = ad.collect(show_title)
    if show_title and suffix_age is not None:
        ages.append(suffix_age)
    if show_field:
        ages.append(poster_age)
    if any(a < 18 for a in ages):
        fams.append("underage_age")
    cues = [f for f in FAMILIES if f in fams]
    stated = sorted(set(ages))
    if profile == "minor_age":
        assert any(a < 18 for a in stated), (rec["id"], stated, meta)
    for d in getattr(ad, "phones", []):
        assert re.fullmatch(r"\d{3}55501\d\d", d), d
    rec.update({
        "label": LABEL[(profile, category)], "category": category, "profile": profile, "cues": cues,
        "stated_ages": stated, "lang": lang, "site": site,
        "decoys": [f for f in FAMILIES if f in decoys],
    })
    if profile == "minor_age":
        rec["age_form"] = meta["minor_form"] + ("+adult" if len(stated) > 1 else "") + ("+bare" if meta["bare"] else "")
    return rec


def generate(seed, n):
    for i, (profile, category) in enumerate(allocate(seed, n), start=1):
        yield make_record(seed, i, profile, category)


# ----------------------------------------------------------------------------------------------------------
# --stats and --check
# ----------------------------------------------------------------------------------------------------------

def read_records(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def print_stats(recs, out=sys.stdout):
    recs = list(recs)
    n = len(recs)
    w = out.write
    w(f"records: {n}\n")

    def tally(key):
        d = {}
        for r in recs:
            k = key(r)
            d[k] = d.get(k, 0) + 1
        return sorted(d.items())
    for name, key in [("label", lambda r: r["label"]), ("category", lambda r: r["category"]), ("lang", lambda r: r["lang"]),
                      ("format", lambda r: "html" if "html" in r else "text"), ("site", lambda r: r.get("site", "?"))]:
        w(f"{name}: " + ", ".join(f"{k} {v} ({100 * v / n:.1f}%)" for k, v in tally(key)) + "\n")
    under = [r for r in recs if any(a < 18 for a in r["stated_ages"])]
    w(f"stated age under 18: {len(under)} ({100 * len(under) / max(n, 1):.1f}%) -- "
      + ", ".join(f"{k} {v}" for k, v in sorted(tally_list(under, lambda r: f'{r["profile"]}/{r["label"]}'))) + "\n")
    head = f"{'profile':22} {'cat':8} {'label':10} {'n':>4}  " + " ".join(f"{FAM_SHORT[f]:>3}" for f in FAMILIES) + "  cues/ad\n"
    w("\ncue rates (% of records in the row that carry the family)\n" + head)
    groups = {}
    for r in recs:
        groups.setdefault((r["profile"], r["category"], r["label"]), []).append(r)
    rows = sorted(groups.items(), key=lambda kv: (kv[0][2] != "suspicious", kv[0][0], kv[0][1]))
    for (p, c, l), rs in rows:
        w(stat_row(p, c, l, rs))
    w("\n")
    for l in ("suspicious", "benign"):
        rs = [r for r in recs if r["label"] == l]
        w(stat_row("ALL", "-", l, rs))
    for c in ("escort", "massage", "dating", "other"):
        for l in ("suspicious", "benign"):
            rs = [r for r in recs if r["label"] == l and r["category"] == c]
            if rs:
                w(stat_row("ALL " + c, c, l, rs))


def tally_list(rs, key):
    d = {}
    for r in rs:
        d[key(r)] = d.get(key(r), 0) + 1
    return d.items()


def stat_row(p, c, l, rs):
    k = len(rs)
    cells = []
    for f in FAMILIES:
        v = sum(1 for r in rs if f in r["cues"])
        cells.append(f"{round(100 * v / k):>3}" if k else "  -")
    avg = sum(len(r["cues"]) for r in rs) / k if k else 0
    return f"{p:22} {c:8} {l:10} {k:>4}  " + " ".join(cells) + f"  {avg:.2f}\n"


WORD_DIGITS = {w: str(k) for k, w in enumerate(EN_DIGIT_WORDS)}
WORD_DIGITS.update({w: str(k) for k, w in enumerate(ES_DIGIT_WORDS)})
WORD_DIGITS["oh"] = "0"


def digit_runs(text):
    """Candidate phone digit strings after undoing the obfuscations this generator uses (and more)."""
    t = unicodedata.normalize("NFKC", text).replace("\ufe0f", "").replace("\u20e3", "")
    t = re.sub("(" + "|".join(sorted(WORD_DIGITS, key=len, reverse=True)) + ")", lambda m: WORD_DIGITS[m.group(1).lower()],
               t, flags=re.I)
    def letters_for_digits(m):
        tok = m.group(0)
        if re.search(r"\d", tok) and re.fullmatch(r"[\doOlI\-.*/|~^_=#;()+]+", tok):
            return tok.translate(str.maketrans("oOlI", "0011"))
        return tok
    t = re.sub(r"[\w\-.*/|~^=#;()+]+", letters_for_digits, t)
    t = re.sub(r"[^\w\s]", "*", t)   # emoji and odd separators
    runs = re.findall(r"\d(?:[ \t*\-._/|~^=#;()+]{0,10}\d)+", t)
    out = []
    for r in runs:
        groups = tuple(len(g) for g in re.findall(r"\d+", r))
        digits = re.sub(r"\D", "", r)
        phone_shape = (groups in ((3, 3, 4), (1, 3, 3, 4), (10,), (11,), (3, 7), (6, 4), (3, 3, 2, 2), (3, 3, 1, 3))
                       or (len(groups) in (10, 11) and set(groups) == {1}))
        out.append((digits, phone_shape))
    return out


def check_file(path, real_csv=None):
    ok = True
    ids = set()
    n = 0
    bad_phone, long_runs = [], []
    n_phones = 0
    foreign_domains = []
    for lineno, line in enumerate((gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8"), 1):
        try:
            r = json.loads(line)
        except ValueError as ex:
            print(f"line {lineno}: invalid JSON: {ex}")
            ok = False
            continue
        n += 1
        if r["id"] in ids:
            print(f"duplicate id {r['id']}")
            ok = False
        ids.add(r["id"])
        if ("html" in r) == ("text" in r):
            print(f"{r['id']}: needs exactly one of html/text")
            ok = False
        for k in ("label", "category", "profile", "cues", "stated_ages", "lang"):
            if k not in r:
                print(f"{r['id']}: missing {k}")
                ok = False
        doc = r.get("html") or r.get("text") or ""
        visible = doc
        if "html" in r:
            vt = VisibleText()
            vt.feed(doc)
            visible = "".join(vt.out)
        for d, shaped in digit_runs(visible):
            if len(d) < 10:
                continue
            found = re.search(r"\d{3}55501\d\d", d)
            if found:
                n_phones += 1
            elif shaped:
                bad_phone.append((r["id"], d))
            else:
                long_runs.append((r["id"], d))
        for host in re.findall(r"(?:https?:)?//([A-Za-z0-9.-]+)", doc + " " + r.get("url", "")):
            if not (host == "example.com" or host.endswith(".example.com") or host == "schema.org"):
                foreign_domains.append((r["id"], host))
        for em in re.findall(r"[\w.+-]+@([\w.-]*\w)", doc):
            if em != "example.com":
                foreign_domains.append((r["id"], "@" + em))
    print(f"{path}: {n} records, {len(ids)} unique ids")
    print(f"fictional NXX-555-01xx phones found (after de-obfuscation): {n_phones}")
    print(f"phone-shaped digit runs that are not NXX-555-01xx: {len(bad_phone)}")
    for x in bad_phone[:20]:
        print("  ", x)
    print(f"other 10+ digit runs (dates, prices, ids next to each other; not phone-shaped): {len(long_runs)}")
    print(f"hosts/emails outside example.com: {len(foreign_domains)}")
    for x in foreign_domains[:20]:
        print("  ", x)
    ok = ok and not bad_phone and not foreign_domains
    if real_csv:
        ok = check_against_real(path, real_csv) and ok
    print("OK" if ok else "PROBLEMS FOUND")
    return ok


def shingles(text, k=7):
    words = re.findall(r"[a-z0-9']+", unicodedata.normalize("NFKC", text).lower())
    return {" ".join(words[j:j + k]) for j in range(len(words) - k + 1)}


def check_against_real(path, real_csv, k=7):
    import csv
    csv.field_size_limit(1 << 30)
    real = set()
    with open(real_csv, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            real |= shingles(row.get("extracted_text", ""), k)
    hits = {}
    for r in read_records(path):
        doc = r.get("text") or r.get("html") or ""
        if "html" in r:
            p = VisibleText()
            p.feed(doc)
            doc = "".join(p.out)
        for s in shingles(doc, k):
            if s in real:
                hits[s] = hits.get(s, 0) + 1
    print(f"{k}-word shingles shared with {real_csv}: {len(hits)}")
    for s, c in sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[:25]:
        print(f"   {c:4}  {s}")
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--out", help="output JSONL path ('-' for stdout)")
    ap.add_argument("--stats", action="store_true", help="print per-profile counts and cue rates")
    ap.add_argument("--in", dest="inp", help="with --stats: read records from this JSONL(.gz) instead of generating")
    ap.add_argument("--check", metavar="FILE", help="validate a generated JSONL(.gz) file")
    ap.add_argument("--real", metavar="CSV", help="with --check: report word 7-grams shared with a real-ads CSV")
    a = ap.parse_args(argv)
    if a.check:
        return 0 if check_file(a.check, a.real) else 1
    if a.inp:
        print_stats(read_records(a.inp))
        return 0
    recs = []
    out = None
    if a.out:
        out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8", newline="\n")
    for r in generate(a.seed, a.n):
        if out:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        if a.stats:
            recs.append(r)
    if out and out is not sys.stdout:
        out.close()
    if a.stats:
        print_stats(recs, sys.stderr if a.out == "-" else sys.stdout)
    if not a.out and not a.stats:
        ap.error("give --out FILE and/or --stats")
    return 0


if __name__ == "__main__":
    sys.exit(main())
