#!/usr/bin/env python3
"""Independent evaluation-set generator #5 for RedFlag.

Writes synthetic classified ads (escort, massage, dating/personals and ordinary
classifieds) as JSONL.gz with a label, a category, the indicator families that
were deliberately written into the ad (FAMILIES.md names) and the provider's
stated age.  Python 3 standard library only; output depends only on --seed and
--n (never on PYTHONHASHSEED: no set/dict-order iteration feeds the RNG).

This is an EVALUATION set.  Never train or tune on it.

Usage: python3 generate.py --seed 5 --n 800 --out test.jsonl.gz
"""
import argparse
import gzip
import html
import io
import json
import random
import re

FAM_ORDER = [
    "youth", "underage_age", "third_party", "multiple_providers", "restriction",
    "foreign", "ethnicity_stated", "trust_language", "obfuscated_phone", "movement",
    "venue_hotel", "incall_outcall", "availability_24_7", "law_enforcement", "drugs",
    "risky_services",
]
ADULT_CATS = ("escort", "massage", "dating")


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------
class Seg:
    """A piece of ad text and the indicator families its wording carries."""
    __slots__ = ("text", "fams", "protect", "kind")

    def __init__(self, text, fams=(), protect=False, kind="x"):
        self.text = text
        self.fams = tuple(fams)
        self.protect = protect  # never re-cased / abbreviated / homoglyphed
        self.kind = kind


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def chance(rng, p):
    return rng.random() < p


def sample(rng, seq, k):
    seq = list(seq)
    k = max(0, min(k, len(seq)))
    return rng.sample(seq, k)


def cap1(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
        if not ch.isspace() and ch not in "\"'(¡¿":
            return s
    return s


def sentence(s, rng, end=None):
    s = cap1(s.strip())
    if not s:
        return s
    last = s[-1]
    if last.isalnum() or last in ")\"'":
        s += end if end is not None else wpick(rng, [(".", 6), ("!", 2), ("", 1), ("..", 1)])
    return s


def order_fams(fams):
    fs = []
    for f in FAM_ORDER:
        if f in fams:
            fs.append(f)
    return fs


# ---------------------------------------------------------------------------
# names, places, contacts (all invented)
# ---------------------------------------------------------------------------
CITIES = [
    "Kestrel Bay", "Lowmoor", "Ashgrove City", "New Tarrin", "Port Calloway", "Fennwick",
    "Briar Junction", "Saltmarsh", "Dunmore Falls", "Vell Harbor", "Coppergate", "Quillon",
    "Merriden", "Oakhaven", "Thistleton", "Rivenport", "Glassford", "Southmere",
    "Halloway Park", "Westbury Flats", "Corran Springs", "Elmstead Cross", "Marrowfield",
    "Lake Odessin", "Tamsworth", "Pellham Ridge",
]
AREAS = ["Northside", "Old Town", "the airport strip", "Eastgate", "Midtown", "the university district",
         "Harborfront", "West End", "the mall area", "Riverside", "Uptown", "the north loop"]
ROADS = ["Route 9", "Hwy 41", "the I-17 exit", "Route 220", "Mill Road", "Canal Street", "the bypass",
         "Old County Rd"]
PROVIDER_NAMES = [
    "Kira", "Lexi", "Jade", "Mia", "Valentina", "Nadia", "Bella", "Coco", "Amber", "Lina", "Yuki",
    "Dasha", "Ioana", "Mei", "Ploy", "Camila", "Luana", "Chloé", "Sasha", "Roxy", "Nina", "Paola",
    "Daniela", "Angel", "Honey", "Lulu", "Tiana", "Skye", "Marisol", "Vika", "Anya", "Fern",
    "Noor", "Giselle", "Bianca", "Juju", "Kimmy", "Star", "Tessa", "Irina",
]
PRO_NAMES = ["Vivienne Hale", "Margaux", "Celeste Rowan", "Audrey Lark", "Simone", "Eleanor Vance",
             "Josephine", "Isadora", "Claire Montague", "Sable", "Helena Wren", "Ophelia Grey",
             "Natalie Ashford", "Rosalind", "Genevieve", "Delphine", "Jess", "Carmen", "Tori", "Brooke"]
MGR_NAMES = ["Tony", "Marco", "Ray", "Big D", "Dre", "Vic", "Mama Lin", "Sergei", "Kenny", "Rico",
             "Mr. Lee", "Dmitri", "Jay", "Nico"]
PLAIN_NAMES = ["Maria", "Tom", "Dave", "Linda", "Carlos", "Priya", "Frank", "Joanne", "Miguel", "Beth",
               "Raj", "Steve", "Ana", "Walt", "Donna", "Hector", "Kim", "Luis", "Greg", "Rosa", "Omar",
               "Sandy", "Pete", "Yolanda"]
AREA_CODES = ["212", "305", "312", "404", "415", "469", "503", "602", "614", "702", "713", "720",
              "754", "786", "813", "832", "904", "917", "929", "951", "980", "347", "267", "281",
              "346", "480", "510", "551", "562", "619", "657", "678", "689", "727"]

# country -> (ethnicity words, flag, voice hint)
COUNTRIES = [
    ("Colombia", ["Colombian", "Latina"], "🇨🇴", "es"),
    ("Venezuela", ["Venezuelan", "Latina"], "🇻🇪", "es"),
    ("Mexico", ["Mexican", "Latina"], "🇲🇽", "es"),
    ("the Dominican Republic", ["Dominican", "Latina"], "🇩🇴", "es"),
    ("Honduras", ["Honduran", "Latina"], "🇭🇳", "es"),
    ("Thailand", ["Thai", "Asian"], "🇹🇭", "th"),
    ("China", ["Chinese", "Asian"], "🇨🇳", "zh"),
    ("Korea", ["Korean", "Asian"], "🇰🇷", "zh"),
    ("Vietnam", ["Vietnamese", "Asian"], "🇻🇳", "zh"),
    ("the Philippines", ["Filipina", "Asian"], "🇵🇭", "broken"),
    ("Romania", ["Romanian", "Euro"], "🇷🇴", "ro"),
    ("Moldova", ["Moldovan", "Euro"], "🇲🇩", "ro"),
    ("Ukraine", ["Ukrainian", "Slavic"], "🇺🇦", "ru"),
    ("Russia", ["Russian", "Euro"], "🇷🇺", "ru"),
    ("Brazil", ["Brazilian", "Latina"], "🇧🇷", "pt"),
    ("Haiti", ["Haitian", "ebony"], "🇭🇹", "fr"),
    ("Cameroon", ["Cameroonian", "ebony"], "🇨🇲", "fr"),
]
ETH_LOOSE = ["ebony", "mixed", "caramel", "snow bunny", "Black", "Latina", "Asian", "Puerto Rican",
             "Cuban", "Italian", "Persian", "Hawaiian"]


class Ctx:
    """Per-ad substitution context."""

    def __init__(self, rng):
        c = pick(rng, COUNTRIES)
        self.country, ethw, self.flag, self.lang = c[0], c[1], c[2], c[3]
        self.eth = pick(rng, ethw)
        self.name = pick(rng, PROVIDER_NAMES)
        self.name2 = pick(rng, [x for x in PROVIDER_NAMES if x != self.name])
        self.mgr = pick(rng, MGR_NAMES)
        self.city = pick(rng, CITIES)
        self.city2 = pick(rng, [x for x in CITIES if x != self.city])
        self.area = pick(rng, AREAS)
        self.road = pick(rng, ROADS)
        self.day = pick(rng, ["Sunday", "Monday", "Thursday", "Friday", "Saturday", "the weekend"])
        self.num = pick(rng, ["3", "4", "three", "5", "several", "2"])
        self.ac = pick(rng, AREA_CODES)
        self.last4 = "01%02d" % rng.randrange(0, 100)

    def set_lang(self, rng, lang):
        cands = [c for c in COUNTRIES if c[3] == lang]
        if cands and self.lang != lang:
            c = pick(rng, cands)
            self.country, self.flag, self.lang = c[0], c[2], c[3]
            self.eth = pick(rng, c[1])

    def fill(self, s):
        return (s.replace("{name}", self.name).replace("{name2}", self.name2)
                .replace("{mgr}", self.mgr).replace("{city}", self.city)
                .replace("{city2}", self.city2).replace("{area}", self.area)
                .replace("{road}", self.road).replace("{day}", self.day)
                .replace("{country}", self.country).replace("{eth}", self.eth)
                .replace("{flag}", self.flag).replace("{num}", self.num))

    def digits(self):
        return self.ac + "555" + self.last4


# ---------------------------------------------------------------------------
# cue banks.  Entry DSL: "text||level||extra,fams"; level o = overt, s = subtle
# ---------------------------------------------------------------------------
RAW_BANK = {
    "youth": {
        "std": [
            "sweet young thing, still new to all this||o",
            "young, fun and easy to be around||o",
            "barely legal and a little shy||o",
            "brand new face, just started this week||o",
            "college girl making my own money||o",
            "student by day 📚 yours by night||o",
            "still in school so I book evenings and weekends||s",
            "PYT with the prettiest smile||o",
            "youthful energy and a big smile||o",
            "honestly this is my first time doing this, be patient with me||s",
            "still learning what I like, maybe you can teach me||s",
            "new to this life, go easy on me||s",
            "haven't done this much before 🙈||s",
            "first week ever so I'm a little nervous||s",
            "looking for an older gentleman to show me the ropes||s",
            "teeny tiny and brand new 🎀||o",
            "yung & sweet||o",
            "baby-faced and bubbly||s",
            "new girl on here, just started||o",
            "nervous newbie, be nice||s",
            "I look even younger in person||o",
            "fresh out of high school and bored||s",
            "my first ad ever, so this is all new to me||s",
        ],
        "sms": [
            "new 2 this so b patient||s", "yung n fun||o", "1st time postin||s",
            "colg girl need $ 4 books||o", "brand new 2 da game||o", "still n skool||o",
            "newbie lol||s",
        ],
        "mgr": [
            "she is brand new, first week working||o||third_party",
            "our newest girl just started, very sweet||o||third_party",
            "young college girl, very shy||o",
            "fresh face, never done this before, she is nervous so be gentle||s||third_party",
            "young and eager to learn, she takes direction well||s||third_party",
            "new young ladies this week||o||multiple_providers",
            "petite student from the university, new in this work||o",
            "very young looking, innocent face||o",
        ],
        "broken": [
            "I am new girl, first time in this work||o",
            "very young and sweet girl||o",
            "I am student, need work for study||o",
            "young and beautiful, first time work like this||o",
            "I am not experience, you teach me||s",
        ],
        "es": [
            "jovencita nueva, primera vez||o",
            "soy nueva en esto, tenme paciencia||s",
            "estudiante universitaria||o",
            "novinha, primeira vez aqui||o",
            "jeune et timide, c'est tout nouveau pour moi||o",
        ],
        "review": [
            "she looked really young, like a college freshman at most||o",
            "honestly she seemed very young and nervous||o",
            "she admitted it was her first week doing this||s",
            "she mentioned she was still in high school||o",
            "there was a backpack with schoolbooks in the corner, which made me uneasy||s",
        ],
    },
    "third_party": {
        "std": [
            "if a man answers just ask for {name}||o",
            "ask for {name}||o",
            "my daddy handles all my bookings||o",
            "text my manager {mgr} to set up a time||o",
            "my bf answers the phone, he's cool||s",
            "a friend helps me with my texts so be patient||s",
            "booking only through {mgr}||s",
            "my driver brings me, he waits outside||s",
            "{mgr} sets my schedule, text him first||s",
        ],
        "mgr": [
            "my girl {name} is ready for you||o",
            "she will take good care of you||o",
            "call {mgr} to book {name}||o",
            "our beautiful staff is waiting||o||multiple_providers",
            "new girls every week||o||youth,multiple_providers",
            "choose your favorite||o||multiple_providers",
            "under new management||o",
            "{name} does not answer herself, text me and I set it up||s",
            "daddy says be respectful with his girl||o",
            "ask for {name} at the door||o",
            "she is very obedient and does what she is told||s",
            "management guarantees a good time||o",
            "{name} is available tonight, text me for her||o",
        ],
        "broken": [
            "call boss for booking, he speak English||o",
            "mama-san make appointment for you||o",
            "my friend he arrange everything, you call him||s",
            "manager answer the phone, girl is busy||o",
        ],
        "es": [
            "pregunta por {name}||o",
            "mi manager {mgr} contesta los mensajes||o",
        ],
        "sms": [
            "txt my dady 4 rates||o", "ask 4 {name}||o", "my bf txts back||s", "hit up {mgr} 2 book||o",
        ],
        "review": [
            "a guy outside took the money before I went in||o",
            "her 'boyfriend' answered the phone and gave the directions||o",
            "she kept checking her phone like someone was timing her||s",
            "a man drove her over and waited in the car the whole time||s",
            "she had to call someone named {mgr} before and after||s",
            "the booking was handled by some guy called {mgr}||o",
        ],
    },
    "multiple_providers": {
        "std": [
            "me and my bestie are both available||o",
            "ask about my girlfriend, she's just as sweet||o",
            "two-girl special this weekend||o",
            "my sister and I work together||o",
            "duo available on request||o",
            "my roommate can join us if you ask nicely||s",
        ],
        "mgr": [
            "{num} pretty girls on shift today||o",
            "several lovely ladies to choose from||o",
            "come choose||o",
            "girls rotate every week||o||movement",
            "always different ladies on duty||s",
        ],
        "broken": ["many girl, you choose||o", "two girl together, special price||o"],
        "es": ["somos dos amigas||o", "tenemos chicas nuevas||o||youth"],
        "sms": ["2 girl spcl||o", "me n my homegirl||o"],
        "review": ["there were at least two other girls in the apartment||o",
                   "I could hear other girls in the next room||s"],
    },
    "restriction": {
        "std": [
            "no AA||o", "no black men||o", "NO BM, sorry||o", "no AA under 40||o",
            "black men 35+ only||o", "white & asian gentlemen only||o",
            "sorry no african american men||o", "no Indian guys please||o",
            "white gentlemen only, don't ask||s",
        ],
        "es": ["no morenos||o"],
        "broken": ["no black man please||o"],
        "sms": ["no aa no bm||o"],
        "review": ["her ad says no black guys, which tells you something||o"],
    },
    "foreign": {
        "std": [
            "just got here from {country}, my English is not so good||o||movement,ethnicity_stated",
            "very little English, text only please||o",
            "first month in this country, everything is new||o",
            "still learning English but I understand a smile||s",
            "no English, only text||o",
            "fresh off the plane from {country}||o||movement,ethnicity_stated",
            "my visa is new so I'm careful||s",
        ],
        "mgr": [
            "she just arrived from {country}, no English||o||movement,third_party,ethnicity_stated",
            "new from overseas, speaks very little English||o",
            "she speaks no English but very sweet||o||third_party",
            "new girls just arrived from {country}||o||youth,multiple_providers,movement,ethnicity_stated",
        ],
        "broken": [
            "I come from {country} short time ago, English very small||o||movement,ethnicity_stated",
            "no speak English, only text message||o",
            "English not good, please write simple||s",
        ],
        "es": [
            "recién llegada de {country}, no hablo inglés||o||movement,ethnicity_stated",
            "no hablo mucho inglés||o",
            "acabei de chegar, falo pouco inglês||o||movement",
            "je viens d'arriver, je parle très peu anglais||o||movement",
        ],
        "sms": ["no englsh, txt only||o"],
        "review": [
            "she spoke almost no English||o",
            "she told me she'd only been in the country a few weeks||o",
            "we had to use a translation app the whole time||s",
        ],
    },
    "ethnicity_stated": {
        "std": [
            "{eth} cutie||o", "sexy {eth} girl||o", "{flag} {eth} beauty||o", "caramel skin, mixed||o",
            "ebony queen||o", "your favorite snow bunny||o", "{flag}{flag} girl||s", "100% {eth}||o",
            "proud {eth} woman||o",
        ],
        "mgr": ["beautiful {eth} ladies||o||multiple_providers", "{eth} girl||o"],
        "broken": ["I am {eth} girl||o"],
        "es": ["latina caliente||o", "colombiana hermosa||o", "brasileira carinhosa||o"],
        "sms": ["{eth} qt||o"],
        "review": ["she said she was {eth}||o"],
    },
    "trust_language": {
        "std": [
            "100% real||o", "real pics||o", "pics are 100% me||o", "no fakes, no games||o",
            "what you see is what you get||o", "independent||o", "not an agency||o", "no rush, ever||o",
            "verified||o", "recent pics, no filters||o", "no bait and switch||o", "no catfish here||o",
            "reviewed & verified||o", "never rushed||o",
        ],
        "mgr": ["real photos of our girls||o||multiple_providers", "100% real girls||o||multiple_providers",
                "no rush service||o"],
        "broken": ["photo is real 100%||o", "real photo, no fake||o"],
        "es": ["fotos 100% reales||o"],
        "sms": ["100 real no fakes||o", "real pix||o"],
        "review": ["her pictures were real, I'll give her that||o"],
    },
    "movement": {
        "std": [
            "new in town||o", "just arrived in {city}||o", "visiting {city} this week only||o",
            "back in town||o", "in town for 3 days||o", "only here until {day}||o",
            "last night in town!||o", "leaving soon, don't miss me||s",
        ],
        "mgr": ["new girls in town||o||youth,multiple_providers"],
        "broken": ["I am in your city only few days||o"],
        "es": ["de visita en {city} solo esta semana||o"],
        "sms": ["nu in town||o", "here til {day}||o"],
        "review": ["she said she moves to a different city every week||o"],
    },
    "venue_hotel": {
        "std": [
            "hotel incall by the airport||o||incall_outcall", "come to my room||o||incall_outcall",
            "I can come to your room||o||incall_outcall", "motel off {road}||o", "truckers welcome||o",
            "discreet hotel visits only||o||incall_outcall",
        ],
        "mgr": ["she can visit your hotel||o||incall_outcall,third_party"],
        "broken": ["I am in hotel room near highway||o"],
        "es": ["hotel cerca del aeropuerto||o"],
        "sms": ["hotel spcl||o", "motel off {road}||o"],
        "review": ["met her at a motel off {road}||o"],
    },
    "incall_outcall": {
        "std": [
            "incall & outcall||o", "incall only||o", "outcall only||o", "in & out calls||o",
            "I host||o", "can't host, outcall only||o", "your place or mine||o", "come see me||o",
            "I come to you||o", "car dates ok||o", "upscale private location||o",
            "private discreet incall||o", "visit me in {area}||o",
        ],
        "mgr": ["walk-ins welcome||o", "incall and outcall available||o"],
        "broken": ["I have apartment, you come||o", "I can go to you||o"],
        "es": ["tengo lugar||o", "voy a domicilio||o"],
        "sms": ["incl/outc||o", "hostin in {area}||o"],
        "review": ["her place was a small apartment in {area}||o"],
    },
    "availability_24_7": {
        "std": [
            "24/7||o", "available 24/7||o", "all day & night||o", "day or night, just text||o",
            "anytime||o", "always available||o", "all hours||o", "never too early or too late||s",
            "24 hrs||o", "round the clock||o", "all day ☀️ & night 🌙||o",
        ],
        "mgr": ["open 24 hours||o"],
        "broken": ["every day 24 hours||o"],
        "es": ["disponible 24 horas||o"],
        "sms": ["24-7||o", "2 4 / 7||o"],
        "review": ["she seems to be working around the clock||s"],
    },
    "law_enforcement": {
        "std": [
            "no cops||o", "no LE||o", "not affiliated with law enforcement in any way||o",
            "no police please||o", "cops keep scrolling||o", "no law||o", "LE not welcome||o",
        ],
        "es": ["no policías||o"], "sms": ["no cops no LE||o"], "broken": ["no police||o"],
    },
    "drugs": {
        "std": [
            "420 friendly||o", "party friendly 😉||o", "love to party, if you know what I mean||o",
            "PnP ok||o", "party favors available||o", "4/20 friendly||o", "party and play||o",
            "can bring party favors||o",
        ],
        "es": ["amigable 420||o"], "sms": ["420 frndly||o", "pnp||o"],
        "broken": ["you like party? I have party favor||o"],
        "review": ["she asked if I wanted to party, and she did not mean cake||o"],
    },
    "risky_services": {
        "std": [
            "GFE||o", "G.F.E.||o", "real girlfriend experience||o", "PSE for the adventurous||o",
            "BBBJ||o", "DFK||o", "Greek ok||o", "GF experience||o",
        ],
        "sms": ["gfe/pse||o"], "es": ["novia de verdad (GFE)||o"],
        "broken": ["girlfriend experience, very sweet||o"],
        "review": ["she offered a GFE without me asking||o"],
    },
}


def _parse_bank(raw):
    out = {}
    for fam, regs in raw.items():
        out[fam] = {}
        for reg, entries in regs.items():
            lst = []
            for e in entries:
                parts = e.split("||")
                text = parts[0]
                level = parts[1] if len(parts) > 1 else "o"
                extra = [x for x in parts[2].split(",") if x] if len(parts) > 2 else []
                lst.append((text, level, tuple([fam] + extra)))
            out[fam][reg] = lst
    return out


BANK = _parse_bank(RAW_BANK)

REG_FALLBACK = {
    "std": ["std"], "sms": ["sms", "std"], "mgr": ["mgr", "std"], "broken": ["broken", "std"],
    "es": ["es", "std"], "review": ["review"],
}

TITLE_BANK = {
    "youth": ["NEW GIRL", "Young & Sweet", "Barely Legal", "College Cutie", "Brand New", "First Week!",
              "Shy Newbie", "Sweet Young Thing", "new girl 🎀", "Yung N Fun"],
    "third_party": ["Ask For {name}", "{name} Is Waiting", "My Girl {name}"],
    "multiple_providers": ["2 Girl Special", "Duo Fun", "Sisters", "Pick Your Favorite", "Besties Available"],
    "restriction": ["NO AA", "No BM"],
    "foreign": ["No English Sweet Girl"],
    "ethnicity_stated": ["{eth} Beauty", "Sexy {eth}", "{flag} {eth} Doll", "{eth} Cutie", "Hot {eth}"],
    "trust_language": ["100% REAL", "Real Pics", "Independent", "No Fakes"],
    "movement": ["New In Town", "Last Night In {city}", "Visiting {city}", "Back In Town"],
    "venue_hotel": ["Hotel Special"],
    "incall_outcall": ["Incall/Outcall", "Incall Only", "Outcall Special"],
    "availability_24_7": ["24/7", "Open 24 Hrs", "Day & Night"],
    "law_enforcement": ["No Cops"],
    "drugs": ["420 Friendly", "Party Friendly"],
    "risky_services": ["GFE", "Best GFE"],
}
GENERIC_TITLES = [
    "Sweet & Classy", "Upscale Companion", "Let's Have Fun", "Available Now", "Your Favorite Girl",
    "Unforgettable", "Girl Next Door", "Pretty Brunette", "Special Tonight", "Sweet Treat 🍭",
    "Tall Blonde Beauty", "New Pics", "Doll Face", "Curvy Cutie", "Pure Sweetness", "Stress Relief",
    "Sunshine Smile", "Classy Lady", "Your Dream Date", "Bubbly & Fun", "Treat Yourself",
    "Redhead Cutie", "Perfect Escape", "Irresistible", "Exotic Beauty", "Petite Pleasure",
]

FILLER = {
    "std": [
        "sweet, bubbly and easy to talk to", "long dark hair and a warm smile", "petite and curvy",
        "let's relax and enjoy some time together", "I love good conversation and a glass of wine",
        "text me to set up a time", "no blocked numbers", "serious gentlemen only",
        "respectful gentlemen get the best of me", "available now", "late nights ok",
        "discreet and safe", "satisfaction guaranteed", "drama free", "fun-size cutie with a big personality",
        "now available near {area}", "classy and down to earth", "exotic looks and a soft voice",
        "new pics up", "sweet like 🍭", "clean, classy and discreet", "call or text, no emails",
        "I love to laugh", "let me make your day better", "no explicit texts please",
        "serious inquiries only", "generous gentlemen only", "best in town, ask around",
        "party girl at heart 🎉", "high class and elegant", "fresh and clean, always",
        "little and cute", "doll face 💄", "hygiene is a must", "you won't be disappointed",
        "I'm back and missed you all", "curves in all the right places", "green eyes, soft skin",
        "I'm the sweetest treat you'll find tonight", "text with your name and the time you want",
        "when I'm not working I'm painting, reading trashy novels or trying to keep my plants alive",
        "my favorite dates start with a drink and a good story, and end with both of us smiling",
        "I'm easy to talk to, a little sarcastic and very good at listening after a long week",
        "please read my whole ad before texting, it saves us both time and keeps things simple",
        "I keep my schedule small on purpose, so message a little ahead if you can",
        "I love old movies, spicy food and men who know how to hold a conversation",
    ],
    "sms": ["txt only", "no blk #s", "serious only", "avail now", "hmu", "no time wasters", "u wont regret",
            "lmk", "ready now", "no calls txt", "cash only", "dont b shy"],
    "mgr": ["beautiful, friendly and professional", "clean comfortable rooms", "parking in back",
            "open 10am to 10pm daily", "tips appreciated", "relax after a long day", "please be respectful",
            "cash only", "grand opening", "VIP rooms available", "shower available", "friendly service",
            "clean towels", "best service in {city}", "professional and discreet"],
    "ru": ["hello dear gentleman", "I am girl with education and good manner",
           "will be pleasant time for both of us", "write to me, I answer quickly",
           "I like to make man relax after work", "everything very clean and calm", "kisses",
           "I am waiting message from serious man", "I am tender and have good sense of humor"],
    "zh": ["very good service, you relax", "beautiful girl, very friendly", "clean and quiet",
           "please call for appointment", "good price", "make you happy", "soft hand, good skill"],
    "th": ["sweet lady good service na ka", "make you relax and happy ka", "I smile for you everyday",
           "I wait for your message ka", "good massage, soft body ka"],
    "ro": ["I am a girl very sweet and with good manners", "I like to make gentlemen to feel good",
           "please write me message, not hidden number", "I am discreet and elegant", "kisses from me",
           "I am very open minded and with education"],
    "broken": ["very beautiful and friendly", "you will like, I promise", "please call me",
               "good service, good time", "I am very sweet, not rush"],
    "es": ["hola amor", "besos", "te espero", "llámame o escríbeme", "muy cariñosa", "hermosa y discreta",
           "estoy disponible hoy"],
    "pt": ["oi amor", "beijos", "sou muito carinhosa", "te espero com carinho"],
    "fr": ["bonjour messieurs", "bisous", "douce et souriante", "à bientôt"],
    "review": ["location was easy enough to find", "she was polite", "photos were roughly accurate",
               "the place was tidy", "would not repeat", "overall an odd experience",
               "rate was as listed", "parking was a pain", "she was quiet most of the time"],
}
# "broken" filler for the voices that are not a specific language
FILLER["broken"] = FILLER["broken"]

GREETINGS = {
    "std": ["Hey guys!", "Hi gentlemen", "Hello there 😘", "Hey loves", "Hi there", "Well hello"],
    "sms": ["hey", "hi guys", "sup"],
    "mgr": ["Welcome!", "Hello gentlemen", "Attention gentlemen"],
    "ru": ["Hello dear man!"], "zh": ["Hello!"], "th": ["Sawasdee ka!"], "ro": ["Hello gentleman,"],
    "es": ["Hola!", "Hola mi amor"], "pt": ["Oi!"], "fr": ["Coucou!"], "broken": ["Hello!"],
}
SIGNOFFS = ["xoxo", "kisses", "see you soon", "— {name}", "😘", "hugs", "mwah 💋", "ttyl"]

RATES = ["$150 hh / $250 hr", "HH 120 · H 200", "roses: 180/hr", "donations 200+", "QV 100, HH 140, H 220",
         "special 1 hr $180", "rates: 160 half / 240 full", "$$ 200 hr, no haggling", "hh 130 h 200",
         "1 hour: 300 roses"]


def bank_entries(fam, reg, level_pref, allowed_extra=None):
    """Candidate (text, level, fams) for a family in a register."""
    regs = REG_FALLBACK.get(reg, ["std"])
    for r in regs:
        lst = BANK.get(fam, {}).get(r)
        if not lst:
            continue
        if allowed_extra is not None:
            lst = [e for e in lst if all(f in allowed_extra for f in e[2])]
            if not lst:
                continue
        if level_pref == "s":
            sub = [e for e in lst if e[1] == "s"]
            if sub:
                return sub + lst[:1]
        if level_pref == "o":
            ov = [e for e in lst if e[1] == "o"]
            if ov:
                return ov
        return lst
    return []


# ---------------------------------------------------------------------------
# ages
# ---------------------------------------------------------------------------
EN_WORDS = {14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
            19: "nineteen", 20: "twenty", 21: "twenty-one", 22: "twenty-two", 23: "twenty-three",
            24: "twenty-four", 25: "twenty-five", 26: "twenty-six", 27: "twenty-seven", 28: "twenty-eight",
            29: "twenty-nine", 30: "thirty", 31: "thirty-one", 32: "thirty-two", 34: "thirty-four",
            35: "thirty-five", 38: "thirty-eight", 41: "forty-one", 44: "forty-four"}
ES_WORDS = {14: "catorce", 15: "quince", 16: "dieciséis", 17: "diecisiete"}
PT_WORDS = {14: "catorze", 15: "quinze", 16: "dezesseis", 17: "dezessete"}
LEET = {14: ["f0urteen", "four-teen"], 15: ["f1fteen", "fif-teen"], 16: ["s1xteen", "six-teen", "1six"],
        17: ["sev3nteen", "seven-teen", "I7", "1seven", "l7"]}
CIRCLED = {14: "⑭", 15: "⑮", 16: "⑯", 17: "⑰"}


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def keycap(s):
    return "".join(c + "\ufe0f\u20e3" if c.isdigit() else c for c in s)


def minor_bare(rng, age):
    """A bare rendering of an under-18 age, in many encodings."""
    form = wpick(rng, [("digits", 30), ("word", 14), ("leet", 14), ("full", 7), ("circ", 4),
                       ("keycap", 7), ("spaced", 3)])
    if form == "digits":
        return str(age)
    if form == "word":
        w = EN_WORDS[age]
        return w.upper() if chance(rng, 0.15) else w
    if form == "leet":
        return pick(rng, LEET[age])
    if form == "full":
        return fullwidth(str(age))
    if form == "circ":
        return CIRCLED[age]
    if form == "keycap":
        return keycap(str(age))
    return " ".join(str(age))


def minor_unit(rng, age):
    b = minor_bare(rng, age)
    if not b.isdigit():
        return b + pick(rng, [" years old", " yrs old", " y/o", " yr old", " yo", " yrs"])
    return b + pick(rng, ["yo", " yo", " yrs", " y/o", " yrs old", "yr old", " years old", "y.o."])


MINOR_TPL = {
    "std": [("I'm {A}", ()), ("only {A}", ()), ("age: {A}", ()), ("{AU} and new to this", ("youth",)),
            ("{AU}, petite and shy", ()), ("just turned {A}", ()), ("{A} but mature for my age", ()),
            ("sweet {AU}", ()), ("I am {A} (shh 🤫)", ()), ("real age {A}, don't judge", ()),
            ("{AU} looking for a generous man", ())],
    "sms": [("im {A}", ()), ("{AU} hmu", ()), ("{A} n bored", ()), ("only {AU}", ())],
    "es": [("tengo {n} años", ()), ("{n} añitos", ()), ("tengo {es}", ()), ("jovencita de {n}", ("youth",)),
           ("tenho {n} anos", ()), ("novinha de {pt} anos", ("youth",)), ("j'ai {n} ans", ()),
           ("{es} añitos recién cumplidos", ())],
    "mgr": [("she is {A}", ("third_party",)), ("{name}, {AU}", ()), ("{name} ({A})", ()),
            ("our youngest is only {A}", ("youth", "third_party")), ("age {A}", ()),
            ("{name} just turned {A}", ())],
    "broken": [("I am {A} year", ()), ("age {A}", ()), ("me {AU}", ()), ("I have {A} years", ())],
    "review": [("she told me she was {AU}", ()), ("later she mentioned she's only {A}", ()),
               ("she said she turned {n} last month", ()), ("she let slip that she was {A}", ())],
}


def minor_seg(rng, reg, age, ctx):
    tpls = MINOR_TPL.get(reg) or MINOR_TPL["std"]
    if reg in ("std", "sms") and chance(rng, 0.15):
        tpls = MINOR_TPL["es"]
    t, extra = pick(rng, tpls)
    txt = (t.replace("{AU}", minor_unit(rng, age)).replace("{A}", minor_bare(rng, age))
           .replace("{n}", str(age)).replace("{es}", ES_WORDS[age]).replace("{pt}", PT_WORDS[age]))
    txt = ctx.fill(txt)
    return Seg(txt, ("underage_age",) + tuple(extra), protect=True, kind="age")


def adult_age_seg(rng, reg, age, ctx):
    w = EN_WORDS.get(age)
    if reg == "mgr":
        t = pick(rng, ["{name}, {a}", "she is {a}", "age {a}"])
    elif reg == "review":
        t = pick(rng, ["she's {a}, or so she says", "she told me she was {a}"])
    elif reg == "sms":
        t = pick(rng, ["{a}yo", "im {a}", "{a} yrs"])
    elif reg == "es":
        t = pick(rng, ["tengo {a} años", "{a} años"])
    else:
        t = pick(rng, ["I'm {a}", "{a} yrs", "age {a}", "{a} y/o", "{a}, 5'4\"", "{a} years old"])
    a = str(age)
    if w and chance(rng, 0.15):
        a = w
    fams = ("third_party",) if t.startswith("she") else ()
    return Seg(ctx.fill(t.replace("{a}", a)), fams, protect=True, kind="age")


# ---------------------------------------------------------------------------
# phones and e-mail (555-01xx only, example.com only)
# ---------------------------------------------------------------------------
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ES_DIGITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
CIRC_D = ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"]


def plain_phone(rng, d):
    a, b, c = d[:3], d[3:6], d[6:]
    return wpick(rng, [("%s-%s-%s" % (a, b, c), 5), ("(%s) %s-%s" % (a, b, c), 4), ("%s.%s.%s" % (a, b, c), 2),
                       ("%s %s %s" % (a, b, c), 2), (d, 1), ("+1 %s %s %s" % (a, b, c), 1)])


def obf_phone(rng, d):
    a, b, c = d[:3], d[3:6], d[6:]
    form = wpick(rng, [("words", 10), ("mixed", 14), ("keycap", 8), ("full", 6), ("sep", 12), ("spread", 6),
                       ("bigspace", 5), ("letters", 8), ("es", 5), ("circ", 3), ("emoji", 6)])
    if form == "words":
        return " ".join(DIGIT_WORDS[int(x)] for x in d)
    if form == "mixed":
        out = []
        for x in d:
            out.append(DIGIT_WORDS[int(x)] if chance(rng, 0.45) else x)
        groups = [out[:3], out[3:6], out[6:]]
        return " ".join("".join(g) for g in groups)
    if form == "keycap":
        return keycap(a) + " " + keycap(b) + " " + keycap(c)
    if form == "full":
        return fullwidth("%s-%s-%s" % (a, b, c))
    if form == "sep":
        s = pick(rng, ["*", "•", "/", "~", "_", "..", "|"])
        return s.join([a, b, c])
    if form == "spread":
        return " ".join(d)
    if form == "bigspace":
        sp = " " * rng.randint(4, 7)
        return sp.join([a, b, c])
    if form == "letters":
        tr = {"0": "O", "1": pick(rng, ["l", "I"]), "5": pick(rng, ["S", "5"]), "8": "B"}
        return "-".join("".join(tr.get(x, x) if chance(rng, 0.7) else x for x in g) for g in (a, b, c))
    if form == "es":
        return " ".join(ES_DIGITS[int(x)] if chance(rng, 0.7) else x for x in d)
    if form == "circ":
        return "".join(CIRC_D[int(x)] for x in d)
    e = pick(rng, ["💋", "🌹", "🍒", "✨", "💕"])
    return e.join([a, b, c])


CONTACT_PRE = ["call or text", "text", "txt", "text me", "call", "📱", "☎️", "hit me up", "contact", "msg me"]
CONTACT_POST = ["", "", "", " text only", " no blocked calls", " no private numbers", " 📲"]


def contact_seg(rng, ctx, obf, reg="std"):
    num = obf_phone(rng, ctx.digits()) if obf else plain_phone(rng, ctx.digits())
    if reg == "mgr":
        pre = pick(rng, ["call", "call or text", "booking:", "appointments:", "tel"])
    elif reg in ("es",):
        pre = pick(rng, ["llámame", "escríbeme", "whatsapp", "text"])
    else:
        pre = pick(rng, CONTACT_PRE)
    txt = pre + " " + num + pick(rng, CONTACT_POST)
    return Seg(txt, ("obfuscated_phone",) if obf else (), protect=True, kind="contact")


def email_for(rng, name):
    base = re.sub(r"[^a-z]", "", name.lower().replace("é", "e")) or "ads"
    return base + pick(rng, ["", ".bookings", "_rsvp", "22", ".official", "x", ".hello"]) + "@example.com"


# ---------------------------------------------------------------------------
# text transforms for voices
# ---------------------------------------------------------------------------
SMS_MAP = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bplease\b", "pls"),
           (r"\bwith\b", "w/"), (r"\btext\b", "txt"), (r"\btonight\b", "2nite"), (r"\bmessage\b", "msg"),
           (r"\bthanks\b", "thx"), (r"\bdon't\b", "dont"), (r"\bI'm\b", "im"), (r"\breally\b", "rly"),
           (r"\bbecause\b", "bc"), (r"\band\b", "n"), (r"\bfor\b", "4"), (r"\bto\b", "2"), (r"\bbe\b", "b")]
HOMO = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "A": "А", "E": "Е",
        "O": "О", "P": "Р", "C": "С", "H": "Н", "K": "К", "M": "М", "T": "Т", "B": "В", "N": "Ν"}


def sms_ify(rng, s):
    for pat, rep in SMS_MAP:
        if chance(rng, 0.75):
            s = re.sub(pat, rep, s, flags=re.I)
    return s.lower() if chance(rng, 0.8) else s


def drop_articles(rng, s):
    s = re.sub(r"\b(the|a) (?=[a-z])", lambda m: "" if chance(rng, 0.7) else m.group(0), s)
    return s


def disguise_word(rng, w):
    style = wpick(rng, [("homo", 6), ("space", 2), ("full", 1), ("emoji", 1), ("stretch", 1)])
    if style == "homo":
        return "".join(HOMO[c] if c in HOMO and chance(rng, 0.6) else c for c in w)
    if style == "space":
        return " ".join(w)
    if style == "full":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in w)
    if style == "emoji":
        e = pick(rng, ["💋", "✨", "🌸"])
        return e.join(w)
    # stretch the last vowel
    m = re.search(r"[aeiouy](?=[^aeiouy]*$)", w, re.I)
    if not m:
        return w
    i = m.start()
    return w[:i + 1] + w[i] * rng.randint(2, 4) + w[i + 1:]


def disguise_text(rng, s, nwords):
    words = [m for m in re.finditer(r"[A-Za-z]{3,}", s)]
    if not words:
        return s
    chosen = sorted(sample(rng, range(len(words)), nwords))
    out, last = [], 0
    for idx in chosen:
        m = words[idx]
        out.append(s[last:m.start()])
        out.append(disguise_word(rng, m.group(0)))
        last = m.end()
    out.append(s[last:])
    return "".join(out)


EMOJI_DECO = ["💋", "🌹", "🍒", "👑", "✨", "💕", "🔥", "😘", "🥰", "🍭", "❄️", "👯", "🌸", "🦋", "💎", "🎀",
              "😍", "💜", "🍑", "⭐", "🌴", "💄"]
BULLETS = ["💋", "✔️", "✅", "🌹", "➤", "•", "★", "🔥", "✨", "▪️", "-", "🍒", "👉"]


# ---------------------------------------------------------------------------
# ad container
# ---------------------------------------------------------------------------
class Ad:
    def __init__(self, cat, label):
        self.cat = cat
        self.label = label
        self.title = []          # list of Seg
        self.title_sep = " "
        self.blocks = []         # list of (kind, [Seg]) kind in p, ul, lines, inline
        self.inline_sep = " | "
        self.bullet = "•"
        self.attrs = []          # list of (key, Seg)
        self.stated_age = None
        self.voice = "std"
        self.kind = "ad"         # ad | review | other subtype
        self.meta = {}           # author, rating, price... (layout chrome, label-neutral)

    def all_segs(self):
        out = list(self.title)
        for _, segs in self.blocks:
            out.extend(segs)
        out.extend(s for _, s in self.attrs)
        return out

    def cues(self):
        fs = []
        for s in self.all_segs():
            fs.extend(s.fams)
        return order_fams(fs)

    def title_text(self):
        main = [s.text for s in self.title if s.text and not (s.kind == "age" and s.text.startswith("- "))]
        ages = [s.text for s in self.title if s.kind == "age" and s.text.startswith("- ")]
        t = self.title_sep.join(main)
        for a in ages:
            t = (t + " " + a) if t else a[2:]
        return t


STRONG = ["youth", "third_party", "multiple_providers", "restriction", "foreign", "obfuscated_phone",
          "law_enforcement", "drugs"]
SUPPORT = ["trust_language", "ethnicity_stated", "availability_24_7", "risky_services", "venue_hotel",
           "incall_outcall", "movement"]

STRONG_W = {
    "escort": [("youth", 25), ("third_party", 20), ("obfuscated_phone", 16), ("multiple_providers", 9),
               ("foreign", 10), ("restriction", 8), ("drugs", 6), ("law_enforcement", 6)],
    "massage": [("third_party", 28), ("multiple_providers", 26), ("foreign", 22), ("youth", 18),
                ("obfuscated_phone", 5), ("restriction", 4), ("law_enforcement", 2)],
    "dating": [("youth", 30), ("third_party", 10), ("multiple_providers", 14), ("foreign", 14),
               ("obfuscated_phone", 12), ("drugs", 10), ("restriction", 4), ("law_enforcement", 4)],
    "review": [("youth", 30), ("foreign", 25), ("multiple_providers", 20), ("drugs", 8), ("restriction", 5)],
}
SUPPORT_P = {
    "escort": {"trust_language": .35, "ethnicity_stated": .4, "availability_24_7": .3, "risky_services": .2,
               "venue_hotel": .18, "incall_outcall": .45, "movement": .12},
    "massage": {"trust_language": .15, "ethnicity_stated": .55, "availability_24_7": .4, "risky_services": .05,
                "venue_hotel": .03, "incall_outcall": .4, "movement": .08},
    "dating": {"trust_language": .25, "ethnicity_stated": .3, "availability_24_7": .15, "risky_services": .1,
               "venue_hotel": .1, "incall_outcall": .3, "movement": .08},
    "review": {"trust_language": .2, "ethnicity_stated": .3, "availability_24_7": .15, "risky_services": .2,
               "venue_hotel": .25, "incall_outcall": .3, "movement": .1},
}
WEAKISH = ["trust_language", "ethnicity_stated", "availability_24_7", "risky_services", "venue_hotel"]


def wsample(rng, pairs, k):
    pairs = list(pairs)
    out = []
    while pairs and len(out) < k:
        v = wpick(rng, pairs)
        out.append(v)
        pairs = [p for p in pairs if p[0] != v]
    return out


def choose_susp_cues(rng, key, minor):
    sw, sp = STRONG_W[key], SUPPORT_P[key]
    if minor:
        k = wpick(rng, [(0, 30), (1, 35), (2, 25), (3, 10)])
        fams = wsample(rng, sw, k)
        for f in SUPPORT:
            if f in sp and chance(rng, sp[f] * 0.7):
                fams.append(f)
        return fams
    if key != "review" and chance(rng, 0.12):
        fams = ["third_party", "youth"]          # one strong combination
        for f in SUPPORT:
            if chance(rng, sp[f] * 0.4):
                fams.append(f)
        return fams
    k = wpick(rng, [(1, 30), (2, 45), (3, 20), (4, 5)])
    fams = wsample(rng, sw, k)
    for f in SUPPORT:
        if chance(rng, sp[f]):
            fams.append(f)
    if k == 1:
        have = [f for f in fams if f in WEAKISH]
        need = 2 - len(have)
        pool = [f for f in WEAKISH if f not in fams]
        rng.shuffle(pool)
        fams.extend(pool[:max(0, need)])
    return fams


VOICE_REG = {"first": "std", "emoji": "std", "caps": "std", "terse": "std", "sms": "sms", "agency": "mgr",
             "ru": "broken", "zh": "broken", "th": "broken", "ro": "broken", "broken": "broken", "es": "std",
             "pt": "std", "fr": "std", "review": "review"}
FIRST_PERSON = re.compile(r"\b(I|I'm|me|my|mine|I'll|I've)\b")


def lang_of(text):
    t = text.lower()
    if any(w in t for w in ("novinha", "acabei", "falo", "brasileira", "tenho", "primeira")):
        return "pt"
    if any(w in t for w in ("jeune", "je ", "c'est", "j'ai")):
        return "fr"
    return "es"


def choose_voice(rng, cat, fams, ctx):
    if "third_party" in fams and chance(rng, 0.8 if cat == "massage" else 0.5):
        return "agency"
    if "foreign" in fams and chance(rng, 0.6):
        v = ctx.lang
        return v if v in ("ru", "zh", "th", "ro", "es", "pt") else "broken"
    if cat == "massage" and chance(rng, 0.4):
        return pick(rng, ["zh", "th", "broken", "terse", "caps"])
    return wpick(rng, [("first", 28), ("emoji", 15), ("caps", 6), ("sms", 10), ("terse", 10), ("es", 7),
                       ("pt", 3), ("fr", 2), ("ru", 3), ("zh", 3), ("th", 2), ("ro", 3)])


def pick_cue_seg(rng, fam, voice, ctx, level_pref):
    reg = VOICE_REG[voice]
    cands = []
    if voice in ("es", "pt", "fr") and chance(rng, 0.55):
        cands = [e for e in BANK.get(fam, {}).get("es", []) if lang_of(e[0]) == voice]
    if not cands:
        cands = bank_entries(fam, reg, level_pref)
        if reg in ("mgr", "review"):
            own = BANK.get(fam, {}).get(reg, [])
            if not own:
                cands = [e for e in cands if not FIRST_PERSON.search(e[0])]
    if not cands:
        return None
    text, lvl, fams = pick(rng, cands)
    return Seg(ctx.fill(text), fams, kind="cue")


def filler_key(voice):
    return {"agency": "mgr", "sms": "sms", "ru": "ru", "zh": "zh", "th": "th", "ro": "ro", "broken": "broken",
            "review": "review"}.get(voice, "std")


def filler_segs(rng, voice, ctx, k):
    key = filler_key(voice)
    pool = list(FILLER[key])
    if voice in ("es", "pt", "fr"):
        pool = pool + FILLER[voice] * 2
    out = []
    for t in sample(rng, pool, k):
        out.append(Seg(ctx.fill(t), (), kind="fill"))
    return out


MASSAGE_TITLES = ["Grand Opening!", "Relax & Unwind", "{city} Body Work", "Best Massage in {area}", "Lotus Spa",
                  "Jade Garden Spa", "Stress Relief Center", "Golden Hands", "Orchid Relaxation",
                  "Tired? Come Relax"]
MASSAGE_TITLES_FAM = [("New Asian Girls", ("youth", "multiple_providers", "ethnicity_stated")),
                      ("Young Beautiful Staff", ("youth", "third_party", "multiple_providers")),
                      ("Asian Massage", ("ethnicity_stated",)),
                      ("New Management!", ("third_party",)),
                      ("Open 24 Hours", ("availability_24_7",))]
DATING_TITLES = ["Lonely & Looking", "Need A Generous Friend", "Sweet Girl Seeks Generous Man",
                 "Looking For Fun Tonight", "Anyone Out There?", "Bored, Text Me", "Help A Girl Out",
                 "Seeking Mr. Generous", "Spoil Me?"]
DATING_FILL = ["looking for a generous gentleman", "need help with bills this month", "must be generous",
               "cashapp first, then we meet", "roses required 🌹", "want someone to spoil me",
               "I can't pay my phone bill, help", "no broke boys", "generous only, you know what I mean"]
MASSAGE_FILL = ["table shower available", "open 9:30am to 2am", "VIP room", "new clean place",
                "relaxing body massage", "hot towel", "foot rub with every session", "cash or card",
                "free parking", "ask about our specials"]
ATTR_FORMS = {
    "ethnicity_stated": [("Ethnicity", "{eth}"), ("Ethnicity", "{eth}"), ("Background", "{eth}")],
    "availability_24_7": [("Availability", "24/7"), ("Hours", "Day & night"), ("Available", "Anytime")],
    "incall_outcall": [("Meeting", "Incall & outcall"), ("Incall", "Yes"), ("Location type", "Outcall only")],
}
DECOY_ATTRS = [("Height", "5'4\""), ("Height", "5'7\""), ("Hair", "Brunette"), ("Eyes", "Hazel"),
               ("Measurements", "34C-26-36"), ("Body", "Curvy"), ("Hair", "Black"), ("Weight", "118 lbs"),
               ("Eyes", "Green"), ("Body", "Slim")]


def finalize_blocks(rng, ad, voice):
    """Apply voice transforms and punctuation to every body seg."""
    emoji = voice == "emoji"
    for kind, segs in ad.blocks:
        for s in segs:
            if not s.protect:
                if voice == "sms":
                    s.text = sms_ify(rng, s.text)
                elif voice == "ru" and s.kind == "fill":
                    s.text = drop_articles(rng, s.text)
                elif voice == "th" and s.kind == "fill" and chance(rng, 0.4) and not s.text.endswith("ka"):
                    s.text += " ka"
            if kind == "p":
                s.text = sentence(s.text, rng, end="" if voice in ("sms",) else None)
                if emoji and chance(rng, 0.45):
                    s.text += " " + pick(rng, EMOJI_DECO)
            elif kind in ("ul", "lines"):
                if voice != "sms":
                    s.text = cap1(s.text)
                if emoji and chance(rng, 0.3):
                    s.text += " " + pick(rng, EMOJI_DECO)
    if voice == "caps":
        for s in ad.all_segs():
            if "@" not in s.text:
                s.text = s.text.upper()
    # look-alike letters, spacing and the like: any spelling counts, so families are unchanged
    if chance(rng, 0.16):
        cands = [s for s in ad.all_segs() if not s.protect and s.kind in ("cue", "fill", "title")]
        cues_first = [s for s in cands if s.fams] or cands
        for s in sample(rng, cues_first, rng.randint(1, 2)):
            s.text = disguise_text(rng, s.text, 1)


def layout_body(rng, ad, voice, items, lead, tail, length):
    """Distribute items into blocks by voice."""
    if voice == "terse" or (voice == "sms" and chance(rng, 0.7)):
        style = "inline" if chance(rng, 0.65) else "lines"
    elif voice == "emoji":
        style = "ul" if chance(rng, 0.6) else "p"
    elif voice in ("agency", "caps"):
        style = wpick(rng, [("p", 5), ("ul", 3), ("lines", 2)])
    else:
        style = wpick(rng, [("p", 8), ("lines", 1), ("ul", 1)])
    ad.inline_sep = pick(rng, [" | ", " • ", " ~ ", " / ", " - ", ". ", " ** ", " 💋 ", ", "])
    ad.bullet = pick(rng, BULLETS)
    if style == "inline":
        ad.blocks = [("inline", lead + items + tail)]
        return
    if style == "lines":
        ad.blocks = [("lines", lead + items + tail)]
        return
    if style == "ul":
        blocks = []
        if lead:
            blocks.append(("p", lead))
        blocks.append(("ul", items))
        if tail:
            blocks.append(("p", tail))
        ad.blocks = blocks
        return
    allseg = lead + items
    npar = 1 if length in ("terse", "short") else (2 if length == "medium" else rng.randint(2, 4))
    npar = min(npar, max(1, len(allseg) // 2))
    cuts = sorted(sample(rng, range(1, max(2, len(allseg))), npar - 1)) if npar > 1 else []
    blocks, last = [], 0
    for c in cuts + [len(allseg)]:
        if allseg[last:c]:
            blocks.append(("p", allseg[last:c]))
        last = c
    if tail:
        blocks.append(("p", tail))
    ad.blocks = blocks


def build_suspicious(rng, cat, minor, is_review=False):
    ctx = Ctx(rng)
    ad = Ad(cat, "suspicious")
    key = "review" if is_review else cat
    fams = choose_susp_cues(rng, key, minor)
    if is_review:
        fams = [f for f in fams if f not in ("law_enforcement", "obfuscated_phone")]
        return build_review(rng, ad, ctx, fams, minor)
    voice = choose_voice(rng, cat, fams, ctx)
    if voice in ("es", "pt", "fr", "ru", "zh", "th", "ro"):
        ctx.set_lang(rng, voice)
    ad.voice = voice
    reg = VOICE_REG[voice]
    intensity = wpick(rng, [("o", 40), ("m", 30), ("s", 30)])
    length = wpick(rng, [("terse", 14), ("short", 30), ("medium", 36), ("long", 20)])
    if voice in ("terse", "sms") and length == "long":
        length = "medium"

    cue_segs = []
    for f in fams:
        if f == "obfuscated_phone":
            continue
        lvl = intensity if intensity != "m" else pick(rng, ["o", "s"])
        sg = pick_cue_seg(rng, f, voice, ctx, lvl)
        if sg is not None:
            cue_segs.append(sg)
    if cat == "massage" and "third_party" not in fams and voice == "agency":
        voice = ad.voice = "broken"

    # age
    minor_age = None
    adult_age = None
    if minor:
        minor_age = wpick(rng, [(14, 6), (15, 20), (16, 37), (17, 37)])
    elif chance(rng, 0.45):
        adult_age = wpick(rng, [(18, 12), (19, 16), (20, 14), (21, 12), (22, 10), (23, 8), (24, 7),
                                (25, 6), (26, 5), (27, 4), (29, 3), (31, 2), (34, 1)])
    # title
    tsegs = []
    tfams = [f for f in fams if f in TITLE_BANK]
    ntf = wpick(rng, [(0, 3), (1, 5), (2, 2)])
    if cat == "massage":
        if chance(rng, 0.5):
            t, tf = pick(rng, MASSAGE_TITLES_FAM)
            if all(x in fams for x in tf):
                tsegs.append(Seg(ctx.fill(t), tf, kind="title"))
        tsegs.append(Seg(ctx.fill(pick(rng, MASSAGE_TITLES)), (), kind="title"))
    elif cat == "dating":
        for f in sample(rng, tfams, min(ntf, 1)):
            tsegs.append(Seg(ctx.fill(pick(rng, TITLE_BANK[f])), (f,), kind="title"))
        tsegs.append(Seg(pick(rng, DATING_TITLES), (), kind="title"))
    else:
        for f in sample(rng, tfams, ntf):
            tsegs.append(Seg(ctx.fill(pick(rng, TITLE_BANK[f])), (f,), kind="title"))
        if not tsegs or chance(rng, 0.5):
            tsegs.append(Seg(pick(rng, GENERIC_TITLES), (), kind="title"))
        rng.shuffle(tsegs)
    ad.title_sep = pick(rng, [" ~ ", " | ", " 💋 ", " - ", " ✨ ", ", ", " ** ", " "])
    age_in_title = False
    if minor_age and chance(rng, 0.3):
        tsegs.append(Seg("- " + str(minor_age) if chance(rng, 0.6) else minor_unit(rng, minor_age),
                         ("underage_age",), protect=True, kind="age"))
        age_in_title = True
    elif adult_age and chance(rng, 0.4):
        tsegs.append(Seg("- " + str(adult_age), (), protect=True, kind="age"))
        age_in_title = True
    ad.title = tsegs

    # body
    nfill = {"terse": rng.randint(0, 1), "short": rng.randint(1, 3), "medium": rng.randint(3, 5),
             "long": rng.randint(5, 9)}[length]
    fills = filler_segs(rng, voice, ctx, nfill)
    if cat == "massage":
        fills += [Seg(ctx.fill(t), (), kind="fill") for t in sample(rng, MASSAGE_FILL, rng.randint(1, 3))]
    if cat == "dating":
        fills += [Seg(t, (), kind="fill") for t in sample(rng, DATING_FILL, rng.randint(1, 2))]
    items = cue_segs + fills
    rng.shuffle(items)
    if minor_age and not age_in_title:
        items.insert(rng.randint(0, min(2, len(items))), minor_seg(rng, reg, minor_age, ctx))
    elif minor_age and chance(rng, 0.4):
        items.insert(rng.randint(0, len(items)), minor_seg(rng, reg, minor_age, ctx))
    if adult_age and not age_in_title:
        items.insert(rng.randint(0, min(2, len(items))), adult_age_seg(rng, reg, adult_age, ctx))
    # conflicting adult age alongside a minor one
    if minor_age and chance(rng, 0.25):
        a = rng.randint(18, 21)
        if chance(rng, 0.5):
            ad.title.append(Seg("- %d" % a, (), protect=True, kind="age"))
        else:
            items.insert(0, Seg(pick(rng, ["18+", "I'm %d" % a, "%d y/o" % a, "(legal, %d)" % a]), (),
                                protect=True, kind="age"))
    if chance(rng, 0.55) and cat != "dating":
        items.append(Seg(pick(rng, RATES), (), kind="rate"))
    lead = []
    if chance(rng, 0.35):
        lead.append(Seg(ctx.fill(pick(rng, GREETINGS.get(voice, GREETINGS.get(reg, GREETINGS["std"])))),
                        (), kind="fill"))
    tail = []
    if cat == "dating" and chance(rng, 0.3):
        tail.append(Seg("kik or snap: " + ctx.name.lower() + pick(rng, ["xo", "_bb", "222", "luv"]), (),
                        protect=True, kind="contact"))
    else:
        tail.append(contact_seg(rng, ctx, "obfuscated_phone" in fams, reg))
    if chance(rng, 0.3):
        tail.append(Seg(ctx.fill(pick(rng, SIGNOFFS)), (), kind="fill"))
    if minor_age and chance(rng, 0.15):
        tail.append(Seg(pick(rng, ["18+ only", "all ads 18+", "must be 18+"]), (), kind="fill"))

    # attribute table (some profile-style ads)
    if cat in ("escort", "massage") and chance(rng, 0.3):
        attrs = [("Location", Seg(ctx.city if chance(rng, .5) else ctx.city + " / " + ctx.area, (),
                                  protect=True))]
        for f in ("ethnicity_stated", "availability_24_7", "incall_outcall"):
            if f in fams and chance(rng, 0.6):
                k, v = pick(rng, ATTR_FORMS[f])
                attrs.append((k, Seg(ctx.fill(v), (f,), protect=True, kind="attr")))
        if adult_age and chance(rng, 0.5):
            attrs.insert(0, ("Age", Seg(str(adult_age), (), protect=True, kind="age")))
        if minor_age and chance(rng, 0.3):
            attrs.insert(0, ("Age", Seg(minor_bare(rng, minor_age), ("underage_age",), protect=True,
                                        kind="age")))
        for k, v in sample(rng, DECOY_ATTRS, rng.randint(1, 3)):
            if k not in [a[0] for a in attrs]:
                attrs.append((k, Seg(v, (), protect=True)))
        ad.attrs = attrs
    layout_body(rng, ad, voice, items, lead, tail, length)
    finalize_blocks(rng, ad, voice)
    ad.stated_age = minor_age if minor_age else adult_age
    ad.meta["ctx"] = ctx
    return ad


# ---------------------------------------------------------------------------
# client reviews (third-person by nature: tagged third_party)
# ---------------------------------------------------------------------------
REVIEW_SITES = ["NightList", "the board", "Pinkline", "LocalDates", "the usual site"]
REVIEW_INTRO = ["saw {name} last {day} after finding her ad on {site}",
                "booked {name} through the number in her ad",
                "went to see {name} in {area} a couple of weeks ago",
                "this is about {name}, the one with the pink background in her pics",
                "first and last time seeing {name}"]
REVIEW_VERDICT_BAD = ["something felt off the whole time", "posting this so others know what they're walking into",
                      "I left early, I don't think she wanted to be there",
                      "honestly I'd report this one if I knew how", "not going back, and I don't recommend it",
                      "mods, maybe look at this one"]
REVIEW_INTRO_GOOD = ["saw {pname} for a dinner date last {day}", "first meeting with {pname}, won't be the last",
                     "booked {pname} during her visit to {city}", "long overdue review of {pname}"]
REVIEW_GOOD = ["her screening was thorough: she asked for my work email and a reference",
               "the deposit was simple and she confirmed everything by email",
               "she is organized and it shows", "she was clear about her boundaries from the first message",
               "punctual, warm and great conversation", "she kept things classy from start to finish",
               "she sets her own rates and doesn't haggle, which I respect", "will repeat"]
REVIEW_GOOD_FAM = [("her incall is a tidy, upscale apartment in {area}", ("incall_outcall",)),
                   ("her photos are real and recent", ("trust_language",)),
                   ("she tours here every spring, so book early", ("movement",))]


def build_review(rng, ad, ctx, fams, minor):
    ad.kind = "review"
    ad.voice = "review"
    site = pick(rng, REVIEW_SITES)
    items = []
    control = chance(rng, 0.65)
    fams = [f for f in fams if f != "third_party"]
    for f in fams:
        sg = pick_cue_seg(rng, f, "review", ctx, pick(rng, ["o", "s"]))
        if sg is not None:
            items.append(sg)
    if control:
        items.append(pick_cue_seg(rng, "third_party", "review", ctx, pick(rng, ["o", "s"])))
    fills = [Seg(ctx.fill(t), (), kind="fill") for t in sample(rng, FILLER["review"], rng.randint(1, 4))]
    items += fills
    rng.shuffle(items)
    age = None
    if minor:
        age = wpick(rng, [(15, 20), (16, 40), (17, 40)])
        items.insert(rng.randint(0, len(items)), minor_seg(rng, "review", age, ctx))
    intro = Seg(ctx.fill(pick(rng, REVIEW_INTRO)).replace("{site}", site), ("third_party",), kind="fill")
    verdict = Seg(pick(rng, REVIEW_VERDICT_BAD), (), kind="fill")
    ad.title = [Seg(ctx.fill(pick(rng, ["Review: {name} ({city})", "{name} - {area} - 2/5", "Caution re: {name}",
                                         "Experience with {name}, not good", "{name} in {city}: be careful",
                                         "[REVIEW] {name} / {area}"])), ("third_party",), kind="title")]
    ad.meta["rating"] = rng.randint(1, 2)
    ad.meta["author"] = pick(rng, ["hobbyist_77", "quietguy", "RoadWarrior", "mike_t", "anon4412", "gentleman_j",
                                   "northside_dan", "longtimelurker"])
    paras = [[intro] + items[:len(items) // 2], items[len(items) // 2:] + [verdict]]
    ad.blocks = [("p", p) for p in paras if p]
    finalize_blocks(rng, ad, "first")
    ad.stated_age = age
    ad.meta["ctx"] = ctx
    return ad


def build_benign_review(rng):
    ctx = Ctx(rng)
    ad = Ad("escort", "benign")
    ad.kind = "review"
    ad.voice = "review"
    pname = pick(rng, PRO_NAMES).split()[0]
    fill = lambda t: ctx.fill(t.replace("{pname}", pname))
    items = [Seg(fill(t), (), kind="fill") for t in sample(rng, REVIEW_GOOD, rng.randint(3, 5))]
    if chance(rng, 0.5):
        t, f = pick(rng, REVIEW_GOOD_FAM)
        items.append(Seg(fill(t), f, kind="cue"))
    rng.shuffle(items)
    age = None
    if chance(rng, 0.4):
        age = rng.randint(27, 42)
        items.insert(1, Seg("she's %d and clearly an experienced professional" % age, (),
                            protect=True, kind="age"))
    intro = Seg(fill(pick(rng, REVIEW_INTRO_GOOD)), ("third_party",), kind="fill")
    ad.title = [Seg(fill(pick(rng, ["Review: {pname} ({city})", "{pname} - 5/5", "{pname}, a true professional",
                                    "[REVIEW] {pname} in {city}"])), ("third_party",), kind="title")]
    ad.meta["rating"] = rng.randint(4, 5)
    ad.meta["author"] = pick(rng, ["hobbyist_77", "quietguy", "RoadWarrior", "mike_t", "gentleman_j", "oldsalt"])
    ad.blocks = [("p", [intro] + items)]
    finalize_blocks(rng, ad, "first")
    ad.stated_age = age
    ad.meta["ctx"] = ctx
    return ad


# ---------------------------------------------------------------------------
# benign adult ads: independent adults, own age, own rates, boundaries, screening
# ---------------------------------------------------------------------------
PRO_INTRO = ["my name is {pname}: a warm, well-read companion for discerning gentlemen in {city}",
             "I'm {pname}, part dinner date, part good listener, all grown-up",
             "{pname} here, a relaxed, confident woman who enjoys slow evenings and good company",
             "hello, I'm {pname}. I keep a small, select calendar and I like it that way",
             "companion, traveler, terrible cook: I'm {pname}",
             "I'm {pname}, a mature and playful companion with a full life outside of this"]
PRO_ABOUT = ["I love jazz bars, long dinners and conversation that wanders",
             "expect someone attentive, curious and a little mischievous",
             "think tailored dresses, good perfume and better manners",
             "I read everything, run most mornings and laugh easily",
             "our time together is a choice I enjoy, and I want you to enjoy it too",
             "I'm tall, curvy and have a soft spot for dry humor",
             "former dancer, current bookworm, permanent night owl",
             "I'm the one who remembers how you take your coffee"]
PRO_SCREEN = ["screening is required for every new friend: full name, phone number and either a work reference "
              "or two provider references",
              "I screen everyone. No screening, no date, no exceptions",
              "new clients: please fill out the booking form with your name, employer and the date you have in mind",
              "provider references or employment verification only; I don't accept screening by photo",
              "if you're on a verification site, send me your profile; otherwise I'll need a work email",
              "screening required, no blocked numbers"]
PRO_DEPOSIT = ["a 25% deposit secures your booking and is credited to your date",
               "deposits are required for all first meetings and for bookings over three hours",
               "first-time bookings need a deposit; details after screening",
               "cancellations with less than 24 hours' notice forfeit the deposit",
               "cancellations inside 48 hours lose the deposit; emergencies happen, just tell me"]
PRO_BOUND = ["I don't offer uncovered services of any kind, so please don't ask", "no BB, no exceptions",
             "no drugs, no 420, and please arrive sober", "I won't discuss details over text; keep messages polite",
             "respect is non-negotiable; I end dates early if it's missing", "I see gentlemen 30+ only",
             "clients must be 25 or older", "a shower is offered and expected",
             "🚫 GFE requests, I'm not your girlfriend, I'm your date", "no same-day bookings for new clients"]
PRO_RATES = ["1 hr $350 · 90 min $500 · 2 hrs $650 · dinner date (4 hrs) $1,200",
             "rates: 1 hour 300, 2 hours 560, overnight by arrangement",
             "one hour $400; extended dates quoted on request", "rates start at $280 per hour",
             "hh 180 / h 280 / 2h 520"]
PRO_LEGAL = ["18+ only. Time and companionship only; anything else is a choice between consenting adults",
             "adults only. Fees are for time only", "all posts are by and for adults 21 and over"]
BENIGN_WEAK = {
    "incall_outcall": ["incall in a private, upscale suite in {area}", "outcall to your home within {city}, travel fee applies",
                       "I host in a quiet, private apartment near {area}",
                       "incall only, in a discreet location I share after screening", "incall & outcall"],
    "movement": ["touring {city2} the 12th to the 15th, book early", "visiting {city2} next weekend, pre-book now",
                 "in town for three days only, {day} through Tuesday", "my {city2} tour dates are up"],
    "trust_language": ["independent and self-managed", "real, recent photos", "verified on two screening sites",
                       "no agencies, no middlemen", "what you see is what you get"],
    "ethnicity_stated": ["proud Latina from the coast", "I'm half-Filipina, half-Irish", "Black, beautiful and bookish",
                         "Italian curves, Midwestern manners"],
}
CASUAL_INTRO = ["hey, {pname} here", "hi, I'm {pname}", "{pname} here, hi!", "it's {pname}"]
CASUAL_ABOUT = ["easygoing, loves bad movies and good food", "chatty, curvy and always on time",
                "girl-next-door with a sarcastic streak", "I like to keep things relaxed and respectful",
                "mature, warm and zero drama"]
BROKEN_BENIGN = ["hello gentleman, I am {pname}, {age} years, I live in {city} many years",
                 "I speak English, Russian and little French", "I am elegant lady with education",
                 "please write me with your name and time, I answer fast", "my rates is fixed, please no bargain",
                 "I like nice talk first"]
BODYRUB_INTRO = ["relaxing full-body rub by {pname}", "therapeutic body rub with {pname}",
                 "unwind with a slow, sensual massage by {pname}", "deep relaxation sessions with {pname}"]
BODYRUB_BOUND = ["massage only, please don't ask for more", "draping is used throughout",
                 "clean linens, calm music, warm oil", "I keep it professional"]


def build_benign_adult(rng, cat):
    ctx = Ctx(rng)
    ad = Ad(cat, "benign")
    pname = pick(rng, PRO_NAMES).split()[0] if chance(rng, 0.7) else pick(rng, PRO_NAMES)
    age = rng.randint(23, 48) if chance(rng, 0.6) else None
    email = email_for(rng, pname)
    fill = lambda t: ctx.fill(t.replace("{pname}", pname).replace("{age}", str(age or 34)).replace("{email}", email))
    style = wpick(rng, [("pro", 30), ("casual", 25), ("sms", 10), ("emoji", 12), ("caps", 5), ("broken", 8),
                        ("es", 5), ("bodyrub", 15 if cat == "massage" else 2)])
    if cat == "massage":
        style = pick(rng, ["bodyrub", "bodyrub", "casual", "emoji", "broken"])
    if style == "broken" and age is None:
        age = rng.randint(26, 45)
    weak = wpick(rng, [(None, 38), ("incall_outcall", 32), ("trust_language", 14), ("movement", 10),
                       ("ethnicity_stated", 6)])
    weaks = [weak] if weak else []
    if weak and weak != "incall_outcall" and chance(rng, 0.4):
        weaks.append("incall_outcall")
    if style == "bodyrub" and "incall_outcall" not in weaks and chance(rng, 0.5):
        weaks.append("incall_outcall")
    items = []
    lead = []
    if style == "pro":
        lead = [Seg(fill(pick(rng, PRO_INTRO)), (), kind="fill")]
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, PRO_ABOUT, rng.randint(1, 3))]
        items += [Seg(fill(pick(rng, PRO_SCREEN)), (), kind="fill"), Seg(fill(pick(rng, PRO_DEPOSIT)), (), kind="fill")]
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, PRO_BOUND, rng.randint(1, 3))]
        items.append(Seg(fill(pick(rng, PRO_RATES)), (), kind="rate"))
        if chance(rng, 0.5):
            items.append(Seg(fill(pick(rng, PRO_LEGAL)), (), kind="fill"))
    elif style == "bodyrub":
        lead = [Seg(fill(pick(rng, BODYRUB_INTRO)), (), kind="fill")]
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, BODYRUB_BOUND, rng.randint(1, 2))]
        items += [Seg(fill(pick(rng, PRO_SCREEN)), (), kind="fill")]
        items.append(Seg(pick(rng, ["60 min $140 · 90 min $200", "1 hr 160", "$120 / hour, $180 / 90 min"]), (),
                         kind="rate"))
    elif style == "broken":
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, BROKEN_BENIGN, rng.randint(2, 4))]
        items.append(Seg(fill(pick(rng, PRO_RATES)), (), kind="rate"))
    elif style == "es":
        lead = [Seg(fill(pick(rng, ["hola, soy {pname}", "hola caballeros, soy {pname}"])), (), kind="fill")]
        items += [Seg(t, (), kind="fill") for t in sample(rng, ["mujer madura y elegante", "muy discreta",
                                                                 "solo caballeros respetuosos", "besos",
                                                                 "I speak English and Spanish",
                                                                 "screening required, no blocked calls"],
                                                          rng.randint(2, 3))]
        items.append(Seg(fill(pick(rng, PRO_RATES)), (), kind="rate"))
    else:
        lead = [Seg(fill(pick(rng, CASUAL_INTRO)), (), kind="fill")]
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, CASUAL_ABOUT, rng.randint(1, 2))]
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, PRO_SCREEN[-2:] + PRO_BOUND, rng.randint(1, 3))]
        if chance(rng, 0.7):
            items.append(Seg(fill(pick(rng, PRO_RATES)), (), kind="rate"))
        items += [Seg(fill(t), (), kind="fill") for t in sample(rng, FILLER["std"][:20], rng.randint(0, 2))]
    for w in weaks:
        items.append(Seg(fill(pick(rng, BENIGN_WEAK[w])), (w,), kind="cue"))
    rng.shuffle(items)
    if age is not None and chance(rng, 0.7):
        t = pick(rng, ["I'm {a}", "{a}, 5'6\"", "{a} years old", "age {a}", "in my {d}s ({a})"])
        t = t.replace("{a}", str(age)).replace("{d}", str(age // 10 * 10))
        items.insert(rng.randint(0, min(2, len(items))), Seg(t, (), protect=True, kind="age"))
        age_in_title = False
    else:
        age_in_title = age is not None
    tail = []
    if style in ("pro",) and chance(rng, 0.7):
        tail.append(Seg(fill(pick(rng, ["email {email} with your screening details",
                                        "book through the form on my site or at {email}",
                                        "inquiries: {email}"])), (), protect=True, kind="contact"))
    else:
        tail.append(contact_seg(rng, ctx, False, "std"))
    # title
    t = pick(rng, ["{pname}", "{pname} — Companion", "Upscale Companion", "Mature & Elegant", "Your Dinner Date",
                   "Relaxed Connection", "Classy Brunette", "{pname}, {city}", "Screened Dates Only",
                   "Sweet & Sophisticated", "Unhurried Evenings", "Grown & Gorgeous"])
    if style == "bodyrub":
        t = pick(rng, ["Relaxing Body Rub", "Massage by {pname}", "Unwind Tonight", "Therapeutic Touch"])
    if cat == "massage" and style != "bodyrub":
        t = pick(rng, ["Relaxing Body Rub", "Massage by {pname}", "Unwind Tonight", "Soothing Hands"])
        lead.insert(0, Seg(fill(pick(rng, BODYRUB_INTRO)), (), kind="fill"))
    if cat == "dating":
        t = pick(rng, ["Dinner Dates With a Grown Woman", "Mature Woman Seeks Generous Gentleman",
                       "Arrangement-Minded, 40s", "Companionship for the Discerning", "Let's Have Dinner"])
        lead.insert(0, Seg(pick(rng, ["mature woman seeking a generous gentleman for discreet dinner dates",
                                      "looking for a respectful, generous man for an ongoing arrangement",
                                      "not here for pen pals: grown woman, clear expectations"]), (), kind="fill"))
    ad.title = [Seg(fill(t), (), kind="title")]
    if age_in_title:
        ad.title.append(Seg("- %d" % age, (), protect=True, kind="age"))
    ad.title_sep = pick(rng, [" ", " | ", " ~ ", " - "])
    voice = {"pro": "first", "casual": "first", "sms": "sms", "emoji": "emoji", "caps": "caps", "broken": "ru",
             "es": "es", "bodyrub": "first"}[style]
    if style == "pro" and chance(rng, 0.3):
        ad.attrs = [("Age", Seg(str(age), (), protect=True))] if age else []
        ad.attrs += [("Based in", Seg(ctx.city, (), protect=True)), ("Screening", Seg("Required", (), protect=True))]
        for k, v in sample(rng, DECOY_ATTRS, 2):
            if k not in [a[0] for a in ad.attrs]:
                ad.attrs.append((k, Seg(v, (), protect=True)))
    layout_body(rng, ad, voice, items, lead, tail, "long" if style == "pro" else "short")
    finalize_blocks(rng, ad, voice)
    ad.voice = voice
    ad.stated_age = age
    ad.meta["ctx"] = ctx
    return ad


# ---------------------------------------------------------------------------
# benign massage (licensed, therapeutic) and benign personals
# ---------------------------------------------------------------------------
SPA_NAMES = ["Stillwater Bodywork", "Blue Heron Massage", "Kneaded Relief", "Cedar & Salt Wellness",
             "Harbor Light Therapeutics", "Quiet Hands Massage Studio", "Evergreen Sports Massage",
             "Lotus Path Wellness", "Riverside Bodyworks", "Northstar Physio & Massage"]
SPA_SERVICES = ["Swedish", "deep tissue", "hot stone", "prenatal", "traditional Thai massage (clothed, on a mat)",
                "sports massage", "reflexology", "myofascial release", "lymphatic drainage", "cupping",
                "Chinese tui na", "chair massage for offices"]


def build_spa(rng):
    ctx = Ctx(rng)
    ad = Ad("massage", "benign")
    ad.kind = "spa"
    spa = pick(rng, SPA_NAMES)
    lmt = pick(rng, PLAIN_NAMES)
    lic = "MA-%05d" % rng.randrange(10000, 99999)
    solo = chance(rng, 0.5)
    lead = [Seg(pick(rng, ["%s offers therapeutic massage in %s." % (spa, ctx.city),
                           "Licensed massage therapy at %s, %s." % (spa, ctx.area),
                           "Sore back? Desk neck? %s can help." % spa,
                           "Hi, I'm %s, a licensed massage therapist (LMT #%s) with 11 years of experience." % (lmt, lic)]),
                (), kind="fill")]
    items = []
    svc = sample(rng, SPA_SERVICES, rng.randint(3, 6))
    items.append(Seg("Services: " + ", ".join(svc), (), kind="fill"))
    items.append(Seg(pick(rng, ["60 min $85 · 90 min $120 · 30 min $55", "60 minutes $95, 90 minutes $135",
                                "Intro offer: first 60-minute session $70"]), (), kind="rate"))
    items.append(Seg(pick(rng, ["Open Mon–Sat 9am–7pm, Sun 10–4.", "Hours: Tue–Sun 10am–8pm.",
                                "Evening appointments until 8:30pm on weekdays."]), (), kind="fill"))
    extra = [
        Seg("This is a strictly therapeutic practice; inappropriate requests end the session with full charge.", ()),
        Seg("Gift cards available online.", ()), Seg("HSA/FSA cards accepted.", ()),
        Seg("All therapists are state licensed (license numbers posted at the front desk).", ()),
        Seg("Please arrive 10 minutes early to fill out a short health form.", ()),
        Seg("Cancellations need 24 hours' notice.", ()),
        Seg("Free parking behind the building.", ()),
        Seg("Now booking online, same-week appointments usually available.", ()),
    ]
    items += sample(rng, extra, rng.randint(2, 4))
    opt = wpick(rng, [(None, 4), ("walk", 2), ("mobile", 2), ("team", 2)])
    if opt == "walk":
        items.append(Seg("Walk-ins welcome when a table is free.", ("incall_outcall",), kind="cue"))
    elif opt == "mobile":
        items.append(Seg("Mobile service: I come to your home or office with a table.", ("incall_outcall",), kind="cue"))
    elif opt == "team" and not solo:
        items.append(Seg("Our team of five licensed therapists is trained in medical and sports work.",
                         ("third_party", "multiple_providers"), kind="cue"))
    tail = [Seg(pick(rng, ["Book: %s" % plain_phone(rng, ctx.digits()), "Call %s or book online." % plain_phone(rng, ctx.digits()),
                           "Questions: %s" % email_for(rng, spa.split()[0])]), (), protect=True, kind="contact")]
    ad.title = [Seg(pick(rng, [spa, "%s — Licensed Massage" % spa, "Therapeutic Massage in %s" % ctx.city,
                               "Deep Tissue & Sports Massage", "LMT Available This Week"]), (), kind="title")]
    if chance(rng, 0.3):
        ad.attrs = [("License", Seg(lic, (), protect=True)), ("Area", Seg(ctx.area, (), protect=True))]
    layout_body(rng, ad, pick(rng, ["first", "first", "agency"]), items, lead, tail, "medium")
    finalize_blocks(rng, ad, "first")
    ad.meta["ctx"] = ctx
    return ad


PERSONAL_TPL = [
    "SWF, {age}, {city}. I love kayaking, farmers markets and terrible puns. Looking for a kind man 35-50 for "
    "something real.",
    "Divorced dad of two (kids 8 and 11), {age}, looking for a woman who doesn't mind soccer Saturdays.",
    "Shy guy, {age}, into board games, sci-fi and slow cooking. Would love to meet someone for coffee first.",
    "Activity partner wanted: I'm {age}, F, and looking for someone to hike the ridge trails on weekends.",
    "Retired teacher, {age}, recently moved to {area}. Looking for dinner company and maybe more.",
    "Looking for a platonic gym buddy. F, {age}, early mornings only.",
    "M, {age}, looking for a woman who can beat me at chess. So far nobody has.",
    "Single mom, {age}, two great kids (6 and 9), works too much, laughs a lot. Seeking an honest, patient man.",
    "Nurse on nights, {age}. Dating is hard on my schedule, so let's start with texting.",
]
PERSONAL_CUES = [("young at heart and still dancing every Friday", ("youth",)),
                 ("no games, please", ("trust_language",)), ("real pics only, I'll send mine too", ("trust_language",)),
                 ("I'm Latina, bilingual, and I make the best tamales in {city}", ("ethnicity_stated",)),
                 ("proud Korean-American, big family, bigger heart", ("ethnicity_stated",))]
MISSED = ["You: red scarf at the {city} bakery, Saturday morning. Me: the guy who dropped his coffee. Coffee on me?",
          "We talked about dogs at the {area} laundromat on Tuesday. I should have asked your name.",
          "To the woman in the green coat on the 7:40 train: you lent me a pen. I'd like to return it over lunch."]


def build_personal(rng):
    ctx = Ctx(rng)
    ad = Ad("dating", "benign")
    ad.kind = "personal"
    age = rng.randint(24, 68)
    items = []
    if chance(rng, 0.18):
        items.append(Seg(ctx.fill(pick(rng, MISSED)), (), kind="fill"))
        age = None
        ad.title = [Seg(pick(rng, ["Missed connection", "You dropped your pen", "Coffee?", "MC: {area}".replace(
            "{area}", ctx.area)]), (), kind="title")]
    else:
        items.append(Seg(ctx.fill(pick(rng, PERSONAL_TPL)).replace("{age}", str(age)), (), protect=True, kind="age"))
        ad.title = [Seg(pick(rng, ["Seeking someone kind", "Coffee first?", "Hiking partner wanted",
                                   "Let's try this again", "Looking for my person", "Dinner & conversation",
                                   "Is chivalry dead? Let's find out", "%d and hopeful" % age]),
                        (), kind="title")]
        if chance(rng, 0.4):
            t, f = pick(rng, PERSONAL_CUES)
            items.append(Seg(ctx.fill(t), f, kind="cue"))
        items += [Seg(t, (), kind="fill") for t in sample(rng, [
            "Non-smoker, social drinker.", "I'm 5'9\" and own a very old dog.", "Must like dogs.",
            "I'm not on any apps, this felt more old-fashioned.", "Send a note about your favorite book.",
            "Serious replies only, please.", "Please include a recent photo."],
            rng.randint(0, 3))]
    tail = [Seg(pick(rng, ["Reply through the site.", "Email: " + email_for(rng, ctx.name2),
                           "Reply here with a photo."]), (), protect=True, kind="contact")]
    layout_body(rng, ad, "first", items, [], tail, "short")
    finalize_blocks(rng, ad, "first")
    ad.stated_age = age
    ad.meta["ctx"] = ctx
    return ad


# ---------------------------------------------------------------------------
# ordinary classifieds (label benign, cues always [] even where cue-like words
# are used innocently: those are decoys, not indicators about a provider)
# ---------------------------------------------------------------------------
JOBS = [
    ("Harvest Moon Bakery", ["Morning Baker", "Counter Associate", "Cake Decorator"],
     ["mix, shape and bake bread and pastries from 4am", "decorate custom cakes", "greet customers and handle the register",
      "keep the work area clean and safe", "help with inventory counts"]),
    ("Coppergate Logistics", ["Warehouse Associate", "Forklift Operator", "Dispatcher"],
     ["load and unload trucks", "pick and pack orders accurately", "follow safety procedures and report issues",
      "respond to calls and dispatch drivers", "keep accurate logs"]),
    ("Brightside Dental", ["Dental Assistant", "Front Desk Coordinator"],
     ["answer phones and schedule appointments", "prepare rooms and sterilize instruments",
      "verify insurance and explain treatment plans", "keep patient records up to date"]),
    ("Pine & Anchor Café", ["Line Cook", "Barista", "Dishwasher"],
     ["prep and cook breakfast and lunch", "pull espresso and steam milk", "keep the dish pit moving on busy weekends",
      "restock supplies", "open the café and prep for the day"]),
    ("Redline Towing & Recovery", ["Tow Truck Operator", "Night Dispatcher"],
     ["respond to calls and dispatch drivers", "perform roadside assistance and light-duty tows",
      "secure vehicles and complete inspection forms", "keep accurate logs"]),
    ("Lakeside Motor Inn", ["Housekeeper", "Night Auditor", "Front Desk Agent"],
     ["clean and reset guest rooms", "check guests in and out", "balance the nightly audit",
      "restock linens and supplies", "answer phones and take reservations"]),
    ("Quillon Public Library", ["Library Page", "Children's Program Assistant"],
     ["shelve returned materials", "assist with daily story-time programs", "help patrons find materials",
      "set up rooms for community events"]),
    ("Summit Home Care", ["Home Health Aide", "Caregiver (weekends)"],
     ["assist clients with daily living", "prepare light meals", "provide companionship and medication reminders",
      "keep visit notes"]),
    ("Oakhaven Truck Plaza", ["Diner Server", "Fuel Desk Cashier", "Diesel Mechanic"],
     ["take orders and run food", "handle the fuel desk register", "service and repair diesel engines",
      "keep the dining room clean"]),
    ("Glassford Parks & Rec", ["Seasonal Lifeguard", "Day Camp Counselor"],
     ["supervise swimmers and enforce pool rules", "lead games, crafts and field trips", "respond to first-aid situations",
      "assist with daily programs"]),
    ("Bluebird Party Rentals", ["Delivery Driver", "Event Setup Crew"],
     ["deliver and set up tents, tables and bounce houses", "load and unload trucks",
      "work with a small team on weekend events", "inspect and clean equipment"]),
    ("Marrowfield Security Group", ["Security Officer", "Patrol Supervisor"],
     ["patrol assigned sites and write incident reports", "monitor cameras and alarms", "greet visitors and check IDs",
      "coordinate with site managers"]),
]
JOB_DECOYS = ["we're a young, energetic team that actually likes each other",
              "new in town! We just opened our second location on {road}",
              "no experience needed, we'll teach you everything",
              "students welcome, shifts work around class schedules",
              "ask for {plain} when you drop off your résumé",
              "bilingual (Spanish/English) a plus",
              "we run 24/7, and night shifts pay a $2/hr differential",
              "Latina-owned and family run since 2009",
              "visa sponsorship is not available for this role",
              "applicants 16 and older welcome for weekend shifts",
              "law enforcement or military experience preferred",
              "truckers eat free on their birthday, ha",
              "this is a real job with real paychecks, not a scam or a 'business opportunity'",
              "our girls' volleyball sponsorship is something we're proud of",
              "walk-ins welcome for interviews Tuesday and Thursday 2–4pm"]
JOB_BENEFITS = ["health, dental and vision after 60 days", "401(k) with 4% match", "paid time off from day one",
                "free staff meals", "tuition assistance", "paid training", "weekly pay", "uniforms provided",
                "employee discount", "paid holidays", "mileage reimbursement", "flexible scheduling"]
JOB_REQS = ["must be 18+", "valid driver's license", "able to lift 50 lbs", "reliable transportation",
            "background check required", "CPR certification (or willingness to get it)", "high school diploma or GED",
            "weekend availability", "clean driving record", "food handler card within 30 days"]


def decoy_segs(rng, pool, ctx, p, kmax=2):
    out = []
    if chance(rng, p):
        for t in sample(rng, pool, rng.randint(1, kmax)):
            out.append(Seg(ctx.fill(t).replace("{plain}", pick(rng, PLAIN_NAMES)), (), kind="fill"))
    return out


def contact_plain(rng, ctx, who=None):
    who = who or pick(rng, PLAIN_NAMES)
    return Seg(pick(rng, ["Call or text %s: %s" % (who, plain_phone(rng, ctx.digits())),
                          "Email %s" % email_for(rng, who),
                          "%s, %s" % (who, plain_phone(rng, ctx.digits())),
                          "Text %s" % plain_phone(rng, ctx.digits()),
                          "Apply: %s" % email_for(rng, who),
                          "Reply to this ad or text %s" % plain_phone(rng, ctx.digits())]), (), protect=True,
               kind="contact")


def build_job(rng, ctx, ad):
    comp, roles, duties = pick(rng, JOBS)
    role = pick(rng, roles)
    pay = pick(rng, ["$17–$21/hr DOE", "$19.50/hr + tips", "$42,000–$48,000/yr", "$23/hr, overtime available",
                     "$16/hr to start, raise at 90 days"])
    ad.title = [Seg(pick(rng, ["Now Hiring: %s" % role, "%s — %s" % (role, comp), "%s wanted (%s)" % (role, ctx.city),
                               "HIRING %s, START THIS WEEK" % role.upper(), "%s | Full & Part Time" % role]), (), kind="title")]
    art = "an" if role[0].lower() in "aeiou" else "a"
    lead = [Seg("%s is hiring %s %s for our %s location." % (comp, art, role.lower(), ctx.city), (), kind="fill")]
    intro = decoy_segs(rng, JOB_DECOYS, ctx, 0.6, 2)
    if chance(rng, 0.5):
        intro.append(Seg(pick(rng, ["we've served %s for over 20 years" % ctx.city,
                                    "we're small, local and growing",
                                    "you'll be part of a crew that takes pride in the work"]), (), kind="fill"))
    ad.blocks = [("p", lead + intro)]
    if chance(rng, 0.75):
        ad.blocks.append(("p", [Seg("What you'll do:", (), kind="fill")]))
        ad.blocks.append(("ul", [Seg(cap1(t), ()) for t in sample(rng, duties, rng.randint(3, 4))]))
        ad.blocks.append(("p", [Seg("Benefits:", (), kind="fill")]))
        ad.blocks.append(("ul", [Seg(cap1(t), ()) for t in sample(rng, JOB_BENEFITS, rng.randint(3, 6))]))
        ad.blocks.append(("p", [Seg("Requirements:", (), kind="fill")]))
        ad.blocks.append(("ul", [Seg(cap1(t), ()) for t in sample(rng, JOB_REQS, rng.randint(2, 4))]))
    ad.blocks.append(("p", [Seg("Pay: " + pay, (), kind="rate"), contact_plain(rng, ctx)]))
    ad.attrs = [("Pay", Seg(pay, (), protect=True)), ("Type", Seg(pick(rng, ["Full-time", "Part-time", "Seasonal"]), (), protect=True))]
    if chance(rng, 0.5):
        ad.attrs = []


GOODS = [("Mid-century dresser, ebony finish", "$180", ["six drawers, all slide smoothly", "small scratch on the top left"]),
         ("Caramel leather sofa", "$350", ["three-seater, pet free and smoke free home", "some wear on the armrest"]),
         ("Daisy BB gun", "$40", ["works great", "my son outgrew it, he's 16 yo now and into other things"]),
         ("Greek yogurt maker", "$25", ["used twice", "all parts included"]),
         ("Party favors bulk lot", "$30", ["kazoos, bubbles and stickers for about 40 kids", "left over from a birthday"]),
         ("Youth hockey gear", "$90", ["fits ages 10-12", "helmet, gloves, shin guards"]),
         ("Kids bike, 20 inch", "$60", ["fits about a 7 year old", "new tires"]),
         ("Stand mixer", "$150", ["brand new in box, wrong color gift", "never opened"]),
         ("iPhone 12, 128GB", "$260", ["unlocked, battery 86%", "real photos of the actual phone"]),
         ("Bookshelf (solid oak)", "$75", ["heavy, bring a helper", "6 ft tall"]),
         ("Young adult novels, 30 books", "$20", ["mostly paperback", "great for a teen reader"]),
         ("Snowboard + boots", "$120", ["boots size 9", "snow bunny no more, moving south"]),
         ("Massage chair", "$400", ["full body, heat function", "we're downsizing"]),
         ("Patio set", "$220", ["table and four chairs", "cushions included"]),
         ("Baby stroller", "$85", ["folds flat", "clean, no stains"]),
         ("Gaming PC", "$700", ["RTX card, 32GB RAM", "no trades"])]
GOODS_DECOYS = ["no scams, cash or in-person payment only", "no lowballers, no games, price is fair",
                "real photos, taken this morning", "serious buyers only", "what you see is what you get",
                "brand new condition", "ask for {plain} at the front desk when you come", "available now, can deliver"
                " locally for a small fee", "first come first served", "100% genuine, receipt available"]


def build_goods(rng, ctx, ad):
    item, price, notes = pick(rng, GOODS)
    ad.title = [Seg(pick(rng, ["%s - %s" % (item, price), item, "%s (%s)" % (item, ctx.area),
                               "FS: %s %s" % (item, price), item.upper()]), (), kind="title")]
    segs = [Seg(n, (), kind="fill") for n in notes]
    segs += decoy_segs(rng, GOODS_DECOYS, ctx, 0.6, 2)
    segs.append(Seg("Pickup in %s" % ctx.area if chance(rng, 0.6) else "Located in %s" % ctx.city, (), kind="fill"))
    segs.append(contact_plain(rng, ctx))
    if chance(rng, 0.3):
        ad.blocks = [("inline", segs)]
        ad.inline_sep = pick(rng, [". ", " - ", ", "])
    else:
        ad.blocks = [("p", segs)]
    ad.attrs = [("Price", Seg(price, (), protect=True)), ("Condition", Seg(pick(rng, ["Like new", "Good", "Fair", "New"]), (), protect=True))]


HOUSING_DECOYS = ["students welcome, we're close to the campus shuttle", "24-hour security desk in the lobby",
                  "ask for Maria at the leasing office", "female roommate preferred", "no smokers, one cat ok",
                  "two blocks from the Grand Hotel and the river walk", "real photos, not renderings",
                  "no scams: we never ask for wire transfers or deposits before a showing",
                  "new in town? We can do video tours and e-sign", "Latina-owned property management",
                  "independent living community for 55+", "quiet building, our tenants are mostly nurses and teachers"]


def build_housing(rng, ctx, ad):
    beds = rng.randint(0, 4)
    rent = rng.randrange(850, 3200, 25)
    kind = "Studio" if beds == 0 else "%d BR" % beds
    ad.title = [Seg(pick(rng, ["%s apartment in %s - $%d" % (kind, ctx.area, rent), "$%d / %s / %s" % (rent, kind, ctx.city),
                               "Sunny %s near %s" % (kind.lower(), ctx.area), "Room for rent in shared house",
                               "%s townhouse, garage, available now" % kind]), (), kind="title")]
    segs = [Seg(pick(rng, ["Bright, updated unit with new flooring and in-unit laundry",
                           "Top floor, lots of light, dishwasher, small balcony",
                           "Garden-level unit with a private entrance",
                           "Large room in a 4-bedroom house, shared kitchen and two baths"]), (), kind="fill")]
    segs += decoy_segs(rng, HOUSING_DECOYS, ctx, 0.65, 2)
    segs.append(Seg(pick(rng, ["Utilities: water and trash included", "Tenant pays electric",
                               "Heat and hot water included"]), (), kind="fill"))
    segs.append(Seg(pick(rng, ["12-month lease", "Month-to-month possible", "Lease starts the 1st"]), (), kind="fill"))
    segs.append(contact_plain(rng, ctx))
    ad.blocks = [("p", segs)]
    ad.attrs = [("Rent", Seg("$%d/mo" % rent, (), protect=True)), ("Bedrooms", Seg(str(beds), (), protect=True)),
                ("Bathrooms", Seg(pick(rng, ["1", "1.5", "2"]), (), protect=True)),
                ("Deposit", Seg("$%d" % rent, (), protect=True)),
                ("Available", Seg(pick(rng, ["Now", "June 1", "Oct 15", "Immediately"]), (), protect=True)),
                ("Pets", Seg(pick(rng, ["Cats ok", "No", "Case by case"]), (), protect=True)),
                ("Parking", Seg(pick(rng, ["Street", "1 space", "Garage"]), (), protect=True))]


VEHICLES = [("Toyota", "Tacoma"), ("Honda", "Civic"), ("Ford", "F-150"), ("Subaru", "Outback"), ("Nissan", "Skyline GT-R"),
            ("Ford", "Crown Victoria Police Interceptor"), ("Mazda", "Miata"), ("Chevrolet", "Silverado 2500"),
            ("Volkswagen", "Jetta"), ("Kia", "Soul"), ("Jeep", "Wrangler")]
VEHICLE_DECOYS = ["JDM import, just arrived from Japan last month, all paperwork in hand",
                  "retired from the {city} police fleet, maintained by the city garage",
                  "no lowballers, no games, I know what I have", "brand new tires and brakes",
                  "ebony black paint with caramel leather interior", "real pics of the actual truck, not stock photos",
                  "ask for {plain}, he handles the test drives", "serious buyers only, no trades",
                  "runs day and night, never let me down", "independent mechanic inspection welcome"]


def build_vehicle(rng, ctx, ad):
    make, model = pick(rng, VEHICLES)
    year = rng.randint(1994, 2021)
    miles = rng.randrange(18000, 240000, 1000)
    price = max(1800, int((year - 1990) * rng.uniform(900, 1500)) // 100 * 100)
    ad.title = [Seg(pick(rng, ["%d %s %s - $%s" % (year, make, model, format(price, ",")), "%d %s %s" % (year, make, model),
                               "%s %s %d, %sk miles" % (make, model, year, miles // 1000),
                               "CLEAN TITLE %d %s" % (year, model.upper())]), (), kind="title")]
    segs = [Seg(pick(rng, ["Selling my %s, it's been reliable" % model, "Daily driver, runs and drives great",
                           "Second owner, all service records", "Needs a little cosmetic love but mechanically solid"]),
                (), kind="fill")]
    segs += decoy_segs(rng, VEHICLE_DECOYS, ctx, 0.6, 2)
    segs.append(Seg(pick(rng, ["Price firm", "OBO", "Cash or cashier's check", "Clean title in hand"]), (), kind="fill"))
    segs.append(contact_plain(rng, ctx))
    ad.blocks = [("p", segs)]
    ad.attrs = [("Year", Seg(str(year), (), protect=True)), ("Make", Seg(make, (), protect=True)),
                ("Model", Seg(model, (), protect=True)), ("Mileage", Seg(format(miles, ",") + " mi", (), protect=True)),
                ("Transmission", Seg(pick(rng, ["Automatic", "Manual"]), (), protect=True)),
                ("Fuel", Seg(pick(rng, ["Gas", "Diesel", "Hybrid"]), (), protect=True)),
                ("Title", Seg(pick(rng, ["Clean", "Clean", "Rebuilt"]), (), protect=True)),
                ("Price", Seg("$" + format(price, ","), (), protect=True))]


SERVICES = [
    ("24 Hours Towing", ["24 hours towing & roadside assistance, day or night", "flatbed, lockouts, jump starts, tire changes",
                         "truckers: we do heavy-duty recovery too"]),
    ("Emergency Plumber 24/7", ["burst pipe at 3am? We answer 24/7", "licensed & insured, upfront pricing",
                                "no overtime charge on weekends"]),
    ("Latina-Owned House Cleaning", ["Latina-owned, bonded & insured, 12 years in business",
                                     "weekly, biweekly or move-out cleans", "ask for Maria or Rosa"]),
    ("Mobile Dog Grooming", ["I come to you! Full groom in my van in your driveway", "nail trims, baths, de-shedding",
                             "gentle with nervous and older dogs"]),
    ("Math Tutor (College Student)", ["college student, math major, patient and friendly",
                                      "algebra through calculus, grades 7-12", "first session half price"]),
    ("Two Guys and a Truck", ["two guys, one truck, fair prices", "local moves, junk haul-off, appliance delivery",
                              "available evenings and weekends"]),
    ("Handyman — No Job Too Small", ["independent handyman, 20 years experience", "drywall, doors, fixtures, decks",
                                     "real reviews on request"]),
    ("Locksmith", ["all hours lockouts, residential and auto", "rekeys and smart locks installed",
                   "we arrive in 30 minutes or less in most of {city}"]),
    ("Piano Lessons", ["lessons for all ages, 6 and up", "young beginners and adults returning to music",
                       "recitals twice a year"]),
    ("Wedding & Party Photography", ["engagements, weddings, quinceañeras", "party packages from $300",
                                     "real photos from real events on my site"]),
]


def build_service(rng, ctx, ad):
    name, lines = pick(rng, SERVICES)
    ad.title = [Seg(pick(rng, [name, "%s — %s" % (name, ctx.city), "%s in %s" % (name, ctx.area)]), (), kind="title")]
    segs = [Seg(ctx.fill(t), (), kind="fill") for t in sample(rng, lines, rng.randint(2, 3))]
    segs.append(Seg(pick(rng, ["Free estimates", "Serving %s and nearby" % ctx.city, "Senior discount",
                               "Cash, card or Venmo"]), (), kind="fill"))
    segs.append(contact_plain(rng, ctx))
    if chance(rng, 0.4):
        ad.blocks = [("ul", segs[:-1]), ("p", segs[-1:])]
    else:
        ad.blocks = [("p", segs)]


EVENTS = [
    ("Cirque Lumen — in town for 3 days only!", ["big top on the fairgrounds, {day} through Sunday",
                                                 "kids under 3 free", "tickets at the gate or online"]),
    ("The Rusty Hinges — touring band, one night at the Elm Room", ["folk-rock, all ages show", "doors at 7"]),
    ("Youth soccer tryouts (ages 14-17)", ["U15 and U17 teams", "bring cleats, shin guards and water",
                                           "new girls' team forming this season!"]),
    ("Party & Play toddler group", ["Tuesday mornings at the library annex", "music, bubbles and snacks for ages 1-4",
                                   "parents and caregivers welcome"]),
    ("Greek Festival", ["food, music and dancing at St. Nicholas hall", "loukoumades all weekend"]),
    ("Craft fair & bake sale", ["over 40 local makers", "proceeds go to the animal shelter"]),
    ("Neighborhood watch meeting", ["guest speaker from the {city} police department", "coffee and donuts"]),
    ("Job fair at the truck stop", ["six local employers hiring on the spot", "bring a résumé"]),
]


def build_event(rng, ctx, ad):
    name, lines = pick(rng, EVENTS)
    ad.title = [Seg(name, (), kind="title")]
    segs = [Seg(ctx.fill(t), (), kind="fill") for t in lines]
    segs.append(Seg(pick(rng, ["%s, %s" % (ctx.area, ctx.city), "Free admission", "Tickets $12, kids $5",
                               "Rain or shine"]), (), kind="fill"))
    segs.append(contact_plain(rng, ctx))
    ad.blocks = [("p", segs)]


PETS = [("Mixed breed puppies", ["8 weeks old, first shots done", "mom is a lab mix, dad is a mystery", "rehoming fee $150"]),
        ("Ebony, 3 y/o lab mix, needs a home", ["house trained, good with kids", "we're moving overseas"]),
        ("Free kittens", ["brand new litter, ready in two weeks", "litter trained"]),
        ("Lost cat: Caramel", ["orange tabby, green collar", "last seen near {area}", "reward"]),
        ("Parakeets with cage", ["pair, very chatty", "cage and toys included"]),
        ("Dog walker available", ["responsible 16 y/o, walked neighbors' dogs for two years",
                                  "after school and weekends", "references from neighbors"]),
        ("Babysitter available", ["responsible 15 year old, Red Cross babysitting and CPR certified",
                                  "evenings and weekends", "ask for Ana"])]
PET_DECOYS = ["real photos of the actual puppies, no scams", "local pickup only, no shipping",
              "ask for Maria", "no games, please only serious homes"]


def build_pet(rng, ctx, ad):
    name, lines = pick(rng, PETS)
    ad.title = [Seg(name, (), kind="title")]
    segs = [Seg(ctx.fill(t), (), kind="fill") for t in lines]
    segs += decoy_segs(rng, PET_DECOYS, ctx, 0.4, 1)
    segs.append(contact_plain(rng, ctx))
    ad.blocks = [("p", segs)]


OTHER_KINDS = [("job", build_job, 24), ("goods", build_goods, 22), ("housing", build_housing, 16),
               ("vehicle", build_vehicle, 13), ("service", build_service, 12), ("event", build_event, 6),
               ("pet", build_pet, 7)]


def build_other(rng):
    ctx = Ctx(rng)
    ad = Ad("other", "benign")
    kind = wpick(rng, [(k, w) for k, _, w in OTHER_KINDS])
    for k, fn, _ in OTHER_KINDS:
        if k == kind:
            fn(rng, ctx, ad)
    ad.kind = kind
    terse = chance(rng, 0.12) and kind in ("goods", "service", "pet")
    if terse:
        segs = [s for _, ss in ad.blocks for s in ss][:3]
        ad.blocks = [("inline", segs)]
        ad.inline_sep = pick(rng, [". ", " - ", ", "])
    for kind_, segs in ad.blocks:
        for s in segs:
            if kind_ == "p":
                s.text = sentence(s.text, rng, end=".") if not s.text.endswith(":") else s.text
            else:
                s.text = cap1(s.text)
    if chance(rng, 0.05):
        for s in ad.all_segs():
            if "@" not in s.text:
                s.text = s.text.upper()
    ad.meta["ctx"] = ctx
    return ad


# ---------------------------------------------------------------------------
# rendering: plain text
# ---------------------------------------------------------------------------
def esc(s):
    return html.escape(s, quote=False)


def attr_lines(ad, rng, sep=": "):
    return [k + sep + v.text for k, v in ad.attrs]


def render_text(rng, ad):
    title = ad.title_text()
    parts = []
    for kind, segs in ad.blocks:
        if kind == "p":
            parts.append(" ".join(s.text for s in segs))
        elif kind == "ul":
            parts.append("\n".join(ad.bullet + " " + s.text for s in segs))
        elif kind == "lines":
            parts.append("\n".join(s.text for s in segs))
        else:
            parts.append(ad.inline_sep.join(s.text for s in segs))
    body = "\n\n".join(p for p in parts if p)
    attrs = attr_lines(ad, rng, pick(rng, [": ", ": ", " - ", " = "]))
    form = wpick(rng, [("plain", 40), ("rule", 12), ("meta", 20), ("oneline", 8), ("bracket", 10), ("nolabel", 10)])
    ctx = ad.meta["ctx"]
    if form == "oneline" and len(body) < 260 and not attrs:
        return title + pick(rng, [" — ", " :: ", ". ", " | "]) + body.replace("\n\n", " ").replace("\n", " ")
    if form == "nolabel" and not ad.title:
        form = "plain"
    out = []
    if form == "rule":
        out += [title, pick(rng, ["---", "=" * min(40, max(3, len(title))), "~~~~~~"])]
    elif form == "meta":
        out += ["Title: " + title, "Location: " + pick(rng, [ctx.city, ctx.city + ", " + ctx.area]),
                "Posted: " + ad.meta.get("date", "today")]
        if ad.kind == "review":
            out.append("Posted by: " + ad.meta.get("author", "anon"))
        out.append("")
    elif form == "bracket":
        out += ["[" + title + "]"]
    elif form == "nolabel":
        out += [title]
    else:
        out += [title, ""]
    if attrs and chance(rng, 0.5):
        out += attrs + [""]
        attrs = []
    out.append(body)
    if attrs:
        out += [""] + attrs
    return "\n".join(out).strip() + ("\n" if chance(rng, 0.3) else "")


# ---------------------------------------------------------------------------
# rendering: HTML site layouts (chrome is label-neutral; only main content counts)
# ---------------------------------------------------------------------------
SIDEBAR_ADULT = ["NEW GIRLS 24/7 💋", "Sweet Latina - 22", "Two girl special tonight", "No AA - incall only",
                 "Asian massage grand opening", "Barely legal cutie", "100% REAL independent", "Ask for Candy",
                 "Just arrived from Brazil", "Visiting this weekend only", "Mature & Elegant - 41",
                 "Screened dates only", "Relaxing body rub", "party friendly 420", "GFE special", "Hotel special 🏨",
                 "College cutie, first week", "Ebony queen 👑", "Touring next week - book now", "Classy redhead - 35"]
SIDEBAR_GENERAL = ["2014 Honda Civic - $6,900", "Young team hiring baristas", "Brand new sofa, still wrapped",
                   "24 hours towing", "Room for rent - female only", "Free kittens", "Latina-owned cleaning",
                   "Lost dog near the park", "Motel housekeeper wanted", "Party rentals - bounce houses",
                   "Greek festival this weekend", "BB gun, like new", "Students welcome - room near campus",
                   "New in town bakery now hiring", "Retired police cruiser for sale", "Babysitter, 16, CPR certified"]
FORUM_REPLIES = ["bump", "still available?", "PM sent", "is the price firm?", "mods please check this one",
                 "ty", "following", "DM'd you", "any more pics?", "seen this posted in three cities, just saying",
                 "lol", "👀", "great, thanks", "reported for wrong section"]
TOS = ("By using this site you agree to our Terms of Use. All users must be 18 years of age or older. "
       "Posting content involving minors, human trafficking or exploitation is strictly prohibited and will be "
       "reported to the appropriate law enforcement agencies. We cooperate with police and law enforcement "
       "requests. Advertisers are independent third parties; we do not verify that photos are real or that "
       "listings are accurate. Our moderation team works 24/7. Scams: never wire money or buy gift cards for "
       "someone you have not met. Ads may be removed at any time without notice. Copyright © {year} {site}. "
       "All rights reserved. Use of this site constitutes acceptance of our Privacy Policy, including the use of "
       "cookies for analytics and advertising. Report abuse using the link on every listing.")
COOKIE = ["We use cookies to improve your experience. <button>Accept</button> <button>Manage</button>",
          "This site uses cookies. By continuing you agree. <a href=\"/privacy\">Learn more</a> <a href=\"#\" class=\"x\">OK</a>",
          "🍪 Cookies help us deliver our services. <span class=\"btn\">Got it</span>"]
SITES_GENERAL = ["ListLoop", "CityBoard Classifieds", "Pinecrest Post", "Swapyard", "Corkboard", "TradeLane",
                 "Bazaar North", "LocalPost", "Neighborly Ads", "QuickList"]
SITES_ADULT = ["NightOwl Directory", "Velvet Pages", "Afterdark List", "Pinkline", "Rendezvous Board",
               "Moonlit Ads", "LocalDates"]
SITES_FORUM = ["Harborfront Forums", "CityTalk Boards", "The Backroom BBS", "Townsquare Forum"]
SITES_REVIEW = ["The Review Desk", "HobbyNotes", "Candid Reviews", "FieldReports"]


def cat_label(rng, ad):
    k = ad.kind
    if ad.kind == "review":
        return "Reviews"
    if ad.cat == "escort":
        return pick(rng, ["Escorts", "Female Escorts", "Companions", "Adult Services"])
    if ad.cat == "massage":
        return pick(rng, ["Health & Wellness", "Therapeutic Services"]) if k == "spa" else pick(rng, ["Body Rubs", "Massage", "Adult Massage"])
    if ad.cat == "dating":
        return pick(rng, ["Personals", "Dating", "Missed Connections" if k == "personal" else "Women Seeking Men"])
    return {"job": "Jobs", "goods": "For Sale", "housing": "Housing", "vehicle": "Cars & Trucks", "service": "Services",
            "event": "Events", "pet": "Pets & Community"}.get(k, "Classifieds")


def blocks_html(ad, mode="p"):
    out = []
    for kind, segs in ad.blocks:
        if kind == "p":
            txt = " ".join(esc(s.text) for s in segs)
            if mode == "br":
                out.append(txt + "<br><br>")
            elif mode == "div":
                out.append('<div class="para">%s</div>' % txt)
            else:
                out.append("<p>%s</p>" % txt)
        elif kind == "ul":
            if ad.bullet in ("•", "-") or mode == "ul":
                out.append("<ul>" + "".join("<li>%s</li>" % esc(s.text) for s in segs) + "</ul>")
            else:
                out.append("".join('<div class="ln">%s %s</div>' % (esc(ad.bullet), esc(s.text)) for s in segs))
        elif kind == "lines":
            out.append("<p>" + "<br>\n".join(esc(s.text) for s in segs) + "</p>")
        else:
            out.append("<p>" + esc(ad.inline_sep.join(s.text for s in segs)) + "</p>")
    return "\n".join(out)


def attrs_html(ad, style):
    if not ad.attrs:
        return ""
    if style == "table":
        return '<table class="specs">' + "".join('<tr><th>%s</th><td>%s</td></tr>' % (esc(k), esc(v.text))
                                                 for k, v in ad.attrs) + "</table>"
    if style == "dl":
        return "<dl>" + "".join("<dt>%s</dt><dd>%s</dd>" % (esc(k), esc(v.text)) for k, v in ad.attrs) + "</dl>"
    if style == "chips":
        return '<div class="facts">' + "".join('<span class="fact"><b>%s:</b> %s</span>' % (esc(k), esc(v.text))
                                               for k, v in ad.attrs) + "</div>"
    return '<ul class="attrs">' + "".join("<li>%s: %s</li>" % (esc(k), esc(v.text)) for k, v in ad.attrs) + "</ul>"


def sidebar_titles(rng, ad, n):
    pool = SIDEBAR_ADULT if ad.cat in ADULT_CATS and ad.kind not in ("spa", "personal") else SIDEBAR_GENERAL
    if chance(rng, 0.25):
        pool = SIDEBAR_ADULT + SIDEBAR_GENERAL
    return sample(rng, pool, n)


def L_forum(rng, ad, pg):
    t = esc(ad.title_text())
    replies = sample(rng, FORUM_REPLIES, rng.randint(0, 4))
    rep_html = "".join(
        '<div class="post reply" id="p%d"><div class="postprofile"><b>%s</b><br>Posts: %d</div>'
        '<div class="postbody"><div class="content">%s</div></div></div>\n'
        % (rng.randint(100000, 999999), pick(rng, ["guest_%d" % rng.randint(10, 999), "lurker", "mod_ken", "tb99"]),
           rng.randint(1, 4000), esc(r)) for r in replies)
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s &bull; %s</title>
<link rel="stylesheet" href="/styles/prosilver/theme.css"></head>
<body id="phpbb" class="section-viewtopic">
<div id="wrap"><div class="headerbar"><a href="/" class="logo">%s</a><p class="skiplink"><a href="#start_here">Skip to content</a></p></div>
<div class="navbar"><ul class="linklist"><li><a href="/faq">FAQ</a></li><li><a href="/register">Register</a></li><li><a href="/login">Login</a></li></ul>
<p class="breadcrumbs">Board index &raquo; %s &raquo; %s</p></div>
<a id="start_here"></a>
<h2 class="topic-title"><a href="?t=%d">%s</a></h2>
<div class="pagination">%d posts &bull; Page <strong>1</strong> of <strong>1</strong></div>
<div class="post bg2" id="p%d"><div class="inner">
<dl class="postprofile"><dt><b>%s</b></dt><dd>Posts: %d</dd><dd>Joined: %s</dd></dl>
<div class="postbody"><h3 class="first">%s</h3><p class="author">by <b>%s</b> &raquo; %s</p>
<div class="content">
%s
%s
</div></div></div></div>
%s<div class="action-bar"><a href="/report?p=%d">Report</a> | <a href="/posting?mode=reply">Post Reply</a></div>
<div id="page-footer"><p>Powered by phpBB&reg; Forum Software &copy; phpBB Limited</p><p>All times are UTC-05:00</p></div>
</div></body></html>
""" % (t, pg["site"], pg["site"], pg["city"], pg["cat"], pg["adid"], t, len(replies) + 1, pg["adid"],
       pg["author"], rng.randint(1, 300), pg["date"], t, pg["author"], pg["date"], attrs_html(ad, "ul"),
       blocks_html(ad, "br" if chance(rng, 0.5) else "p"), rep_html, pg["adid"])


def L_mobile(rng, ad, pg):
    side = sidebar_titles(rng, ad, 3)
    return """<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><meta charset="utf-8">
<title>%s · %s</title>
<style>body{margin:0;font-family:system-ui}.appbar{position:sticky;top:0;background:#222;color:#fff;padding:12px}.card{margin:12px;border-radius:12px;box-shadow:0 1px 4px #0003;padding:16px}.chip{display:inline-block;border:1px solid #ccc;border-radius:16px;padding:2px 10px;margin:2px;font-size:12px}.bottom-nav{position:fixed;bottom:0;width:100%%;display:flex;justify-content:space-around;background:#fafafa}</style>
</head><body>
<header class="appbar"><button aria-label="Back">&larr;</button> <span class="brand">%s</span> <button aria-label="Share">⤴</button></header>
<div class="chips"><span class="chip">%s</span><span class="chip">%s</span></div>
<article class="card card--ad" data-ad-id="%d">
<h1 class="card__title">%s</h1>
<div class="card__meta">%s · %s</div>
%s
<div class="card__body">
%s
</div>
<div class="card__actions"><a class="btn" href="#">Save</a> <a class="btn" href="/report/%d">Report</a></div>
</article>
<section class="card card--more"><h2>You may also like</h2>%s</section>
<nav class="bottom-nav"><a href="/">Home</a><a href="/search">Search</a><a href="/post">Post</a><a href="/me">Me</a></nav>
</body></html>
""" % (esc(ad.title_text()), pg["site"], pg["site"], pg["cat"], pg["city"], pg["adid"], esc(ad.title_text()),
       pg["city"], pg["date"], attrs_html(ad, "chips"), blocks_html(ad, "div"), pg["adid"],
       "".join('<div class="mini"><a href="/ad/%d">%s</a></div>' % (rng.randint(10 ** 6, 10 ** 7), esc(s)) for s in side))


def L_aggregator(rng, ad, pg):
    others = sidebar_titles(rng, ad, rng.randint(3, 5))
    snippets = "".join(
        '<li class="result"><a href="/go/%d" class="result__title">%s</a><p class="result__snippet">%s…</p>'
        '<span class="result__src">%s</span></li>' % (
            rng.randint(10 ** 6, 10 ** 7), esc(s), esc(pick(rng, ["Click to view full listing", "Posted 2 hours ago",
                                                                  "See details on source site", "Updated today"])),
            pick(rng, SITES_GENERAL + SITES_ADULT)) for s in others)
    return """<html><head><title>%s - search results for "%s" in %s | %s</title>
<meta name="description" content="Listings aggregated from many sites.">
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
</head><body>
<div id="top"><form action="/search"><input name="q" value="%s"><button>Search</button></form></div>
<div id="layout">
<main id="primary">
<article class="result result--expanded" id="listing-%d">
<h1>%s</h1>
<div class="src">Source: %s · %s · %s</div>
%s
<div class="listing-text">
%s
</div>
</article>
</main>
<section class="more-results"><h3>More results</h3><ol>%s</ol></section>
</div>
<footer><small>%s aggregates public listings and is not responsible for their content.</small></footer>
</body></html>
""" % (esc(ad.title_text()), pg["cat"].lower(), pg["city"], pg["site"], pg["cat"].lower(), pg["adid"],
       esc(ad.title_text()), pick(rng, SITES_GENERAL + SITES_ADULT), pg["city"], pg["date"], attrs_html(ad, "table"),
       blocks_html(ad, "p"), snippets, pg["site"])


def L_table(rng, ad, pg):
    side = sidebar_titles(rng, ad, rng.randint(4, 7))
    return """<HTML>
<HEAD><TITLE>%s - %s - %s</TITLE>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8"></HEAD>
<BODY BGCOLOR="#FFFFFF" LINK="#0000CC">
<CENTER><TABLE WIDTH="760" BORDER="0" CELLPADDING="0" CELLSPACING="0">
<TR><TD COLSPAN="2" BGCOLOR="#003366"><FONT COLOR="#FFFFFF" SIZE="5"><B>%s</B></FONT> <FONT COLOR="#CCCCCC" SIZE="2">free classifieds since 1999</FONT></TD></TR>
<TR><TD WIDTH="160" VALIGN="TOP" BGCOLOR="#EEEEEE"><FONT SIZE="2"><B>Categories</B><BR>
<A HREF="/jobs">Jobs</A><BR><A HREF="/forsale">For Sale</A><BR><A HREF="/housing">Housing</A><BR><A HREF="/autos">Autos</A><BR><A HREF="/personals">Personals</A><BR><A HREF="/adult">Adult</A><BR><BR>
<B>Recent ads</B><BR>%s</FONT></TD>
<TD VALIGN="TOP" CLASS="adcell">
<TABLE BORDER="1" CELLPADDING="3" CELLSPACING="0" WIDTH="100%%"><TR><TD><FONT SIZE="2">Ad #</FONT></TD><TD><FONT SIZE="2">%d</FONT></TD></TR>
<TR><TD><FONT SIZE="2">Category</FONT></TD><TD><FONT SIZE="2">%s</FONT></TD></TR>
<TR><TD><FONT SIZE="2">City</FONT></TD><TD><FONT SIZE="2">%s</FONT></TD></TR>
<TR><TD><FONT SIZE="2">Posted</FONT></TD><TD><FONT SIZE="2">%s</FONT></TD></TR></TABLE>
<H2>%s</H2>
%s
<FONT FACE="Arial" SIZE="3" CLASS="adtext">
%s
</FONT>
<P><A HREF="/flag?id=%d">Report this ad</A> | <A HREF="/email?id=%d">Email to a friend</A></P>
</TD></TR>
<TR><TD COLSPAN="2" ALIGN="CENTER"><FONT SIZE="1">%s</FONT></TD></TR>
</TABLE></CENTER></BODY></HTML>
""" % (esc(ad.title_text()), pg["city"], pg["site"], pg["site"],
       "".join('<A HREF="/ad/%d">%s</A><BR>' % (rng.randint(10 ** 5, 10 ** 6), esc(s)) for s in side),
       pg["adid"], pg["cat"], pg["city"], pg["date"], esc(ad.title_text()), attrs_html(ad, "table"),
       blocks_html(ad, "br"), pg["adid"], pg["adid"],
       esc(TOS.replace("{year}", "2024").replace("{site}", pg["site"]))[:rng.randint(200, 700)] + "…")


def L_classic(rng, ad, pg):
    side = sidebar_titles(rng, ad, rng.randint(3, 6))
    return """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>%s | %s | %s</title>
<link rel="canonical" href="https://%s.example.com/%s/%d.html">
<script async src="/js/analytics.js"></script>
<script>var pageType="posting",postingId=%d,related=["NEW GIRLS 24/7","Two girls special","young team hiring"];</script>
<style>#cookie{position:fixed;bottom:0}.breadcrumbs li{display:inline}</style>
</head>
<body class="posting">
<div id="cookie" role="dialog">%s</div>
<header class="global-header"><a class="logo" href="/">%s</a> <a href="/post" class="post-btn">post an ad</a> <a href="/account">my account</a></header>
<nav><ul class="breadcrumbs"><li><a href="/">%s</a> &gt;</li><li><a href="/%s">%s</a> &gt;</li><li>post id: %d</li></ul></nav>
<section class="body">
<h1 class="postingtitle"><span id="titletextonly">%s</span> <small>(%s)</small></h1>
<div class="posting-meta"><time datetime="%s">%s</time> &middot; <a href="/flag/%d" class="flag">report this ad</a> &middot; <a href="#" class="fav">&#9734; favorite</a></div>
%s
<section id="postingbody">
%s
</section>
<p class="notices">do NOT contact me with unsolicited services or offers</p>
</section>
<aside class="related"><h4>related posts</h4><ul>%s</ul></aside>
<footer class="legal"><p>%s</p><p><a href="/terms">terms</a> &middot; <a href="/privacy">privacy</a> &middot; <a href="/safety">safety</a></p></footer>
</body></html>
""" % (esc(ad.title_text()), pg["cat"].lower(), pg["site"], pg["site"].lower().replace(" ", ""),
       pg["cat"].lower().replace(" ", ""), pg["adid"], pg["adid"], pick(rng, COOKIE), pg["site"], pg["city"],
       pg["cat"].lower().replace(" ", ""), pg["cat"], pg["adid"], esc(ad.title_text()), pg["area"], pg["iso"],
       pg["date"], pg["adid"], attrs_html(ad, pick(rng, ["ul", "table"])), blocks_html(ad, "p"),
       "".join('<li><a href="/p/%d">%s</a></li>' % (rng.randint(10 ** 7, 10 ** 8), esc(s)) for s in side),
       esc(TOS.replace("{year}", "2024").replace("{site}", pg["site"])))


def L_profile(rng, ad, pg):
    others = sidebar_titles(rng, ad, rng.randint(4, 8))
    theme = pick(rng, ["#120010", "#0b0b12", "#1a0505"])
    return """<!DOCTYPE html><html><head><meta charset="UTF-8">
<title>%s - %s %s | %s</title>
<style>body{background:%s;color:#eee;font-family:Georgia,serif} .stats td{padding:4px 10px} .verify{color:gold} aside a{color:#f6c}</style>
<script>document.addEventListener('DOMContentLoaded',function(){var g=document.querySelectorAll('.gallery img');console.log(g.length)});</script>
</head><body>
<div class="agegate" hidden>You must be 18 or older to enter. <a href="#">Enter</a> <a href="https://example.com">Leave</a></div>
<header><div class="logo">%s</div><nav><a href="/city/%s">%s</a> · <a href="/new">New</a> · <a href="/touring">Touring</a> · <a href="/reviews">Reviews</a> · <a href="/advertise">Advertise</a></nav></header>
<div class="wrap">
<div class="profile" itemscope>
<h1 class="profile-name">%s</h1>
<div class="gallery"><img src="/img/%d_1.jpg" alt=""><img src="/img/%d_2.jpg" alt=""></div>
%s
<div class="about">
%s
</div>
<div class="profile-foot">Ad ID %d · last updated %s · <a href="/report/%d">Report</a></div>
</div>
<aside class="nearby"><h3>More in %s</h3>%s</aside>
</div>
<footer><p>%s</p></footer>
</body></html>
""" % (esc(ad.title_text()), pg["city"], pg["cat"], pg["site"], theme, pg["site"], pg["city"].lower().replace(" ", "-"),
       pg["city"], esc(ad.title_text()), pg["adid"], pg["adid"], attrs_html(ad, "table"), blocks_html(ad, "p"),
       pg["adid"], pg["date"], pg["adid"], pg["city"],
       "".join('<div class="tile"><a href="/p/%d">%s</a></div>' % (rng.randint(10 ** 5, 10 ** 6), esc(s)) for s in others),
       esc(TOS.replace("{year}", "2024").replace("{site}", pg["site"])))


def L_review(rng, ad, pg):
    side = sample(rng, ["Top reviewed this month", "Most discussed", "Newest reviews", "Ask the community"], 2)
    stars = "★" * ad.meta.get("rating", 3) + "☆" * (5 - ad.meta.get("rating", 3))
    comments = sample(rng, ["thanks for posting", "same experience here", "appreciate the heads up",
                            "had a totally different experience", "👍"], rng.randint(0, 3))
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s — %s</title>
<style>.review{max-width:720px}.rating{color:#c90}</style></head><body>
<header class="site"><a href="/">%s</a> <input placeholder="Search reviews"></header>
<div class="container">
<article class="review" id="r%d">
<h1>%s</h1>
<div class="byline">by <a href="/u/%s">%s</a> · %s · <span class="rating" aria-label="rating">%s</span></div>
<div class="review-body">
%s
</div>
</article>
<section class="comments"><h4>Comments (%d)</h4>%s</section>
<aside>%s</aside>
</div>
<footer>Reviews are user opinions. %s does not arrange meetings.</footer>
</body></html>
""" % (esc(ad.title_text()), pg["site"], pg["site"], pg["adid"], esc(ad.title_text()), ad.meta.get("author", "anon"),
       ad.meta.get("author", "anon"), pg["date"], stars, blocks_html(ad, "p"), len(comments),
       "".join('<div class="comment">%s</div>' % esc(c) for c in comments),
       "".join("<h5>%s</h5>" % esc(s) for s in side), pg["site"])


def L_dljsonld(rng, ad, pg):
    return """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>[%s] %s</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Offer","name":%s,"areaServed":%s,"seller":{"@type":"Organization","name":%s}}</script>
</head><body>
<div class="topbar"><span>%s</span> | <a href="/browse">Browse</a> | <a href="/new">Post free</a></div>
<ol class="crumbs"><li>%s</li><li>%s</li><li>%s</li></ol>
<div id="listing" class="listing-detail">
<h2 class="lt">%s</h2>
<dl class="kv"><dt>Listing</dt><dd>#%d</dd><dt>Posted</dt><dd>%s</dd><dt>Where</dt><dd>%s</dd></dl>
%s
<div class="desc">
%s
</div>
<div class="tools"><a rel="nofollow" href="/abuse/%d">Report abuse</a></div>
</div>
<div class="adslot" id="div-gpt-ad-1">Advertisement</div>
<footer><div class="tos">%s</div></footer>
</body></html>
""" % (pg["cat"], esc(ad.title_text()), json.dumps(ad.title_text()), json.dumps(pg["city"]), json.dumps(pg["site"]),
       pg["site"], pg["site"], pg["city"], pg["cat"], esc(ad.title_text()), pg["adid"], pg["date"], pg["city"],
       attrs_html(ad, "dl"), blocks_html(ad, "div"), pg["adid"],
       esc(TOS.replace("{year}", "2023").replace("{site}", pg["site"])))


def L_pre(rng, ad, pg):
    txt = render_text(random.Random(pg["adid"]), ad)
    return """<html><head><title>%s</title></head>
<body text="#000000" bgcolor="#f4f0e0">
<p><a href="../index.html">[%s]</a> <a href="index.html">[%s]</a> <a href="index.html">[next]</a></p>
<hr>
<pre>
%s
</pre>
<hr>
<address>msg %d posted %s via %s &mdash; <a href="mailto:abuse@example.com">report</a></address>
</body></html>
""" % (esc(ad.title_text()), pg["site"], pg["cat"], esc(txt), pg["adid"], pg["date"], pg["site"])


def L_spa_state(rng, ad, pg):
    state = {"route": "/listing/%d" % pg["adid"], "user": None,
             "related": sidebar_titles(rng, ad, 4), "flags": {"promo": chance(rng, 0.5)}}
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>
<meta name="keywords" content="classifieds, %s, %s, listings, local ads">
<script defer src="/static/app.%x.js"></script>
<script>window.__STATE__=%s;</script>
</head><body>
<noscript>Please enable JavaScript for the full experience.</noscript>
<div id="root"><div class="App">
<div class="Header"><span class="Header-logo">%s</span><span class="Header-loc">📍 %s</span></div>
<div class="Listing" role="main">
<div class="Listing-title" role="heading" aria-level="1">%s</div>
<div class="Listing-sub">%s · posted %s</div>
%s
<div class="Listing-description">
%s
</div>
<button class="Listing-contact">Show contact</button> <a class="Listing-report" href="/report">Report listing</a>
</div>
<div class="Drawer" hidden aria-hidden="true"><div class="Drawer-item">Saved searches</div><div class="Drawer-item">Messages</div></div>
</div></div>
</body></html>
""" % (esc(ad.title_text()), pg["cat"].lower(), pg["city"], rng.getrandbits(24), json.dumps(state, ensure_ascii=False),
       pg["site"], pg["city"], esc(ad.title_text()), pg["cat"], pg["date"], attrs_html(ad, pick(rng, ["chips", "ul"])),
       blocks_html(ad, "p"), )


def L_newsprint(rng, ad, pg):
    side = sidebar_titles(rng, ad, rng.randint(2, 5))
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%s: %s</title>
<style>.cols{column-count:2}.seo{display:none}</style></head>
<body>
<div class="masthead"><h3>%s</h3><p>The %s weekly reader · classifieds</p></div>
<div class="seo">escort massage dating personals jobs cars housing %s local classified ads free posting</div>
<table class="grid"><tr>
<td class="main-col">
<section class="listing-body">
<header><h1>%s</h1><p class="dateline">%s — %s</p></header>
%s
%s
</section>
</td>
<td class="side-col"><div class="ad-box"><b>Featured</b>%s</div></td>
</tr></table>
<div class="colophon cols">%s</div>
</body></html>
""" % (pg["site"], esc(ad.title_text()), pg["site"], pg["city"], pg["city"], esc(ad.title_text()),
       pg["city"].upper(), pg["date"], attrs_html(ad, pick(rng, ["table", "dl"])), blocks_html(ad, "p"),
       "".join("<p>%s</p>" % esc(s) for s in side), esc(TOS.replace("{year}", "2024").replace("{site}", pg["site"])))


LAYOUTS = [("forum", L_forum, 10), ("mobile", L_mobile, 12), ("aggregator", L_aggregator, 10), ("table", L_table, 9),
           ("classic", L_classic, 13), ("profile", L_profile, 10), ("dljsonld", L_dljsonld, 9), ("pre", L_pre, 6),
           ("spa_state", L_spa_state, 9), ("newsprint", L_newsprint, 7)]


def render_html(rng, ad):
    ctx = ad.meta["ctx"]
    if ad.kind == "review":
        name, fn = ("review", L_review) if chance(rng, 0.75) else ("forum", L_forum)
    else:
        opts = [(x, w) for x in LAYOUTS for w in [x[2]]
                if not (x[0] == "profile" and (ad.cat not in ("escort", "massage") or ad.kind == "spa"))]
        name, fn, _ = wpick(rng, opts)
    if name == "forum":
        site = pick(rng, SITES_FORUM)
    elif name == "review":
        site = pick(rng, SITES_REVIEW)
    elif ad.cat in ("escort",) or (ad.cat == "massage" and ad.kind != "spa"):
        site = pick(rng, SITES_ADULT + SITES_GENERAL[:4])
    else:
        site = pick(rng, SITES_GENERAL)
    pg = {"site": site, "city": ctx.city, "area": ctx.area, "cat": cat_label(rng, ad),
          "adid": rng.randint(10 ** 6, 10 ** 9), "date": ad.meta["date"], "iso": ad.meta["iso"],
          "author": ad.meta.get("author") or pick(rng, ["poster%d" % rng.randint(1, 9999), ctx.name.lower(), "anon"])}
    return name, fn(rng, ad, pg)


# ---------------------------------------------------------------------------
# checks and record assembly
# ---------------------------------------------------------------------------
BENIGN_OK = {"incall_outcall", "trust_language", "movement", "ethnicity_stated"}


def check_ad(ad, minor):
    cues = ad.cues()
    if ad.label == "suspicious":
        if minor:
            return "underage_age" in cues and ad.stated_age is not None and ad.stated_age < 18
        if "underage_age" in cues or (ad.stated_age is not None and ad.stated_age < 18):
            return False
        strong = [c for c in cues if c in STRONG]
        return len(strong) >= 1 and len(cues) >= 2
    if "underage_age" in cues or (ad.stated_age is not None and ad.stated_age < 18):
        return False
    if ad.cat == "other":
        return True
    if ad.kind == "review":
        return all(c in BENIGN_OK or c == "third_party" for c in cues)
    if ad.kind == "spa":
        return all(c in ("incall_outcall", "third_party", "multiple_providers") for c in cues)
    if ad.kind == "personal":
        return len(cues) <= 1
    weak = [c for c in cues if c != "incall_outcall"]
    return all(c in BENIGN_OK for c in cues) and len(weak) <= 1


PHONE_RE = re.compile(r"555\D{0,3}(\d{4})")
MAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def check_contacts(content):
    for m in PHONE_RE.finditer(content):
        if not m.group(1).startswith("01"):
            return False
    for m in MAIL_RE.finditer(content):
        if m.group(1) != "example.com":
            return False
    return True


def make_date(rng):
    import datetime
    d = datetime.date(2023, 5, 1) + datetime.timedelta(days=rng.randint(0, 420))
    hh, mm = rng.randint(0, 23), rng.randint(0, 59)
    fmt = pick(rng, ["%Y-%m-%d", "%b %d, %Y", "%d %b %Y", "%a %b %d", "%m/%d/%Y"])
    s = d.strftime(fmt)
    if chance(rng, 0.4):
        s += " %02d:%02d" % (hh, mm)
    return s, d.isoformat()


def allocate(seed, n):
    mr = random.Random(seed)
    n_esc = round(n * 0.35)
    n_mas = round(n * 0.15)
    n_dat = round(n * 0.10)
    n_oth = n - n_esc - n_mas - n_dat
    s_esc = round(n_esc * 0.72)
    s_mas = round(n_mas * 0.60)
    s_dat = max(0, min(n_dat, round(n * 0.40) - s_esc - s_mas))
    n_susp = s_esc + s_mas + s_dat
    n_min = min(max(round(n * 0.06), min(40, n_susp // 4)), n_susp)
    m_dat = min(s_dat, round(n_min * 0.17))
    m_mas = min(s_mas, round(n_min * 0.12))
    m_esc = min(s_esc, n_min - m_dat - m_mas)
    rev_s = round(s_esc * 0.06)
    rev_b = round((n_esc - s_esc) * 0.08)
    slots = []

    def add(cat, label, count, minors=0, kinds=()):
        part = []
        for i in range(count):
            part.append({"cat": cat, "label": label, "minor": i < minors, "kind": "ad"})
        # spread special kinds over the group
        order = list(range(count))
        mr.shuffle(order)
        j = 0
        for kind, k in kinds:
            for _ in range(k):
                if j < len(order):
                    part[order[j]]["kind"] = kind
                    j += 1
        slots.extend(part)

    add("escort", "suspicious", s_esc, m_esc, [("review", rev_s)])
    add("escort", "benign", n_esc - s_esc, 0, [("review", rev_b)])
    add("massage", "suspicious", s_mas, m_mas)
    nb = n_mas - s_mas
    add("massage", "benign", nb, 0, [("spa", round(nb * 0.55))])
    add("dating", "suspicious", s_dat, m_dat)
    nb = n_dat - s_dat
    add("dating", "benign", nb, 0, [("personal", round(nb * 0.75))])
    add("other", "benign", n_oth)
    mr.shuffle(slots)
    n_html = round(n * 0.55)
    fmt = ["html"] * n_html + ["text"] * (n - n_html)
    mr.shuffle(fmt)
    for s, f in zip(slots, fmt):
        s["fmt"] = f
    return slots


def build_for_slot(rng, slot):
    cat, label, minor, kind = slot["cat"], slot["label"], slot["minor"], slot["kind"]
    if label == "suspicious":
        return build_suspicious(rng, cat, minor, is_review=(kind == "review"))
    if cat == "other":
        return build_other(rng)
    if kind == "review":
        return build_benign_review(rng)
    if kind == "spa":
        return build_spa(rng)
    if kind == "personal":
        return build_personal(rng)
    return build_benign_adult(rng, cat)


def generate(seed, n):
    slots = allocate(seed, n)
    records, layouts = [], {}
    for i, slot in enumerate(slots):
        rng = random.Random("gen5:%d:%d" % (seed, i))
        for attempt in range(200):
            ad = build_for_slot(rng, slot)
            ad.meta["date"], ad.meta["iso"] = make_date(rng)
            if not check_ad(ad, slot["minor"]):
                continue
            if slot["fmt"] == "html":
                lname, content = render_html(rng, ad)
            else:
                lname, content = "text", render_text(rng, ad)
            if check_contacts(content):
                break
        else:
            raise RuntimeError("could not build a valid ad for slot %d %r" % (i, slot))
        layouts[lname] = layouts.get(lname, 0) + 1
        rec = {"id": "e5-%06d" % (i + 1), slot["fmt"]: content, "label": ad.label, "category": ad.cat,
               "cues": ad.cues(), "stated_age": ad.stated_age}
        records.append(rec)
    return records, layouts


def write_jsonl_gz(path, records):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        for r in records:
            gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def shorten(r, k=260):
    r = dict(r)
    for key in ("html", "text"):
        if key in r and len(r[key]) > k:
            r[key] = r[key][:k] + "…[%d chars]" % len(r[key])
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--out", default="test.jsonl.gz")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    records, layouts = generate(a.seed, a.n)
    write_jsonl_gz(a.out, records)
    if a.quiet:
        return
    from collections import Counter
    lab = Counter(r["label"] for r in records)
    cat = Counter((r["category"], r["label"]) for r in records)
    fmt = Counter("html" if "html" in r else "text" for r in records)
    minors = sum(1 for r in records if r["stated_age"] is not None and r["stated_age"] < 18)
    print("wrote %d records to %s" % (len(records), a.out))
    print("labels:", dict(sorted(lab.items())))
    for c in ("escort", "massage", "dating", "other"):
        print("  %-8s suspicious=%-4d benign=%d" % (c, cat[(c, "suspicious")], cat[(c, "benign")]))
    print("formats:", dict(sorted(fmt.items())), " layouts:", dict(sorted(layouts.items())))
    print("stated minors:", minors)
    fams = Counter(f for r in records for f in r["cues"])
    print("cue families:", dict(sorted(fams.items(), key=lambda x: -x[1])))
    ex = []
    for want in (("suspicious", True), ("suspicious", False), ("benign", None)):
        for r in records:
            m = r["stated_age"] is not None and r["stated_age"] < 18
            if r["label"] == want[0] and (want[1] is None or m == want[1]) and "text" in r:
                ex.append(r)
                break
    for r in ex:
        print(json.dumps(shorten(r), ensure_ascii=False))


if __name__ == "__main__":
    main()
