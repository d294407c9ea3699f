#!/usr/bin/env python3
"""Third, independent evaluation-set generator for RedFlag.

Writes synthetic classified ads (escort, massage, dating/personals and ordinary classifieds) as JSON lines,
gzip-compressed.  Written only from shared/FAMILIES.md, shared/RESEARCH.md and general knowledge of how such ads
are worded -- without reading the other generators, the project's tests or its models.

EVALUATION ONLY: never train or tune on what this writes.

Usage: python3 generate.py --seed 3 --n 800 --out test.jsonl.gz

Python 3 standard library only.  Output depends only on --seed and --n (no hash-order dependence; the gzip header
carries no timestamp), so the same arguments always give the same bytes.
"""
import argparse
import gzip
import html
import json
import re
import random

# =====================================================================================================
# Pools of invented entities
# =====================================================================================================

CITIES = ["Port Halden", "Caldera Springs", "Hollis Point", "West Varna", "Lake Orrin", "Fenwick Heights",
          "Dunmore Flats", "Ashgrove", "Silverbrook", "Tamsen City", "Redvale", "Quillan", "Marrow Falls",
          "Kestrel Bay", "Brennick", "Oakhurst Ridge", "Saltmarsh", "Granton Mills", "Pellham Cross",
          "Vireo Beach", "Harrow Bend", "Copperline", "New Estrella", "San Callisto", "Briar Glen", "Norrland Park"]
AREAS = ["Eastside", "Midtown", "the airport strip", "Old Town", "Northgate", "the riverfront", "Southpark",
         "Uptown", "the university district", "Westfield", "the harbor district", "Millbrook", "Cedar Row",
         "the mall area", "Route 9", "Lakeview"]
STREETS = ["Elm St", "Harbor Ave", "Linden Rd", "3rd Ave", "Mercer Blvd", "Quarry Ln", "Bishop St", "Alder Way",
           "Kingsley Dr", "Old Mill Rd", "Fairmont Ave", "Juniper Ct", "Canal St", "Pike Rd"]
PROVIDER_NAMES = ["Kaylee", "Mia", "Jazmin", "Destiny", "Luna", "Sasha", "Amber", "Nikki", "Brielle", "Cherry",
                  "Lexi", "Ivy", "Paloma", "Valentina", "Dulce", "Sol", "Yuki", "Mei", "Anya", "Kat", "Roxy",
                  "Skye", "Honey", "Bella", "Coco", "Jade", "Lily", "Raven", "Nova", "Tiana", "Marisol",
                  "Gigi", "Stella", "Vanessa", "Carmen", "Renata", "Delia", "Harper", "Simone", "Tasha"]
SPA_NAMES = ["Lotus", "Golden Orchid", "Jade Garden", "Blue Lagoon", "Serenity", "Bamboo", "Sakura", "Oasis",
             "Pearl", "Willow", "Harmony", "Silk Road", "Zen Touch", "Red Lantern", "Moonstone"]
BOSSES = ["Tony", "Marco", "Big Mike", "Dre", "Ray", "Lena", "Mama Rose", "Vic", "Jay", "Carlos", "Ms. Kim",
          "Sonny", "Rico", "Auntie May"]
ORD_FIRST = ["Maria", "Tony", "Dave", "Linda", "Greg", "Priya", "Sam", "Rosa", "Ahmed", "Kelly", "Bill", "Jen",
             "Luis", "Tom", "Hannah", "Omar", "Beth", "Carlos", "Walt", "Mei", "Frank", "Gloria", "Deb", "Raj"]
AREA_CODES = ["202", "213", "305", "312", "404", "415", "469", "503", "602", "615", "702", "713", "786", "813",
              "832", "917", "954", "971", "480", "210", "321", "346", "424", "657"]
# (english word, spanish word, flag)
ETHNICITIES = [("Latina", "latina", "\U0001F1F2\U0001F1FD"), ("Asian", "asiática", ""),
               ("Ebony", "morena", ""), ("mixed", "mezclada", ""), ("caramel", "canela", ""),
               ("snow bunny", "güerita", ""), ("Colombiana", "colombiana", "\U0001F1E8\U0001F1F4"),
               ("Dominican", "dominicana", "\U0001F1E9\U0001F1F4"), ("Puerto Rican", "boricua", "\U0001F1F5\U0001F1F7"),
               ("Brazilian", "brasileña", "\U0001F1E7\U0001F1F7"), ("Korean", "coreana", "\U0001F1F0\U0001F1F7"),
               ("Japanese", "japonesa", "\U0001F1EF\U0001F1F5"), ("Filipina", "filipina", "\U0001F1F5\U0001F1ED"),
               ("Russian", "rusa", "\U0001F1F7\U0001F1FA"), ("Ukrainian", "ucraniana", "\U0001F1FA\U0001F1E6"),
               ("Cuban", "cubana", "\U0001F1E8\U0001F1FA"), ("Thai", "tailandesa", "\U0001F1F9\U0001F1ED"),
               ("Chinese", "china", "\U0001F1E8\U0001F1F3"), ("Venezolana", "venezolana", "\U0001F1FB\U0001F1EA"),
               ("Italian", "italiana", "\U0001F1EE\U0001F1F9")]
MASSAGE_ETH = [e for e in ETHNICITIES if e[0] in ("Asian", "Korean", "Japanese", "Chinese", "Thai", "Filipina",
                                                  "Latina", "Russian")]
EMOJI = ["\U0001F48B", "\U0001F451", "\U0001F36D", "\U0001F339", "\U0001F352", "\u2728", "\U0001F495", "\U0001F618",
         "\U0001F525", "\U0001F48E", "\U0001F98B", "\U0001F338", "\U0001F60D", "\U0001F496", "\U0001F970",
         "\u2764\ufe0f", "\U0001F60A", "\U0001F31F", "\U0001F340", "\U0001F308"]
DECOY_EMOJI = ["\U0001F36D", "\u2744\ufe0f", "\U0001F33F", "\U0001F46F", "\U0001F3E8", "\U0001F451"]

# =====================================================================================================
# Small helpers
# =====================================================================================================

PLACE_RE = re.compile(r"\{(\w+)\}")


def fill(text, ctx):
    return PLACE_RE.sub(lambda m: str(ctx[m.group(1)]), text)


def cap_first(s):
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
        if ch.isdigit():
            return s
    return s


def sentence(s, rng, end_choices=(".", ".", ".", "!", "")):
    s = s.strip()
    if not s:
        return s
    s = cap_first(s)
    if s[-1] in ".!?)\u2026" or ord(s[-1]) > 0x2000:
        return s
    return s + rng.choice(end_choices)


def wchoice(rng, pairs):
    """pairs: list of (item, weight)."""
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    acc = 0.0
    for item, w in pairs:
        acc += w
        if r < acc:
            return item
    return pairs[-1][0]


# ---------------- disguises that keep a family's wording (FAMILIES.md: any spelling counts) ----------------
HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443",
        "i": "\u0456", "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397", "K": "\u039a", "M": "\u039c",
        "N": "\u039d", "O": "\u039f", "P": "\u03a1", "T": "\u03a4", "X": "\u03a7", "n": "\u03b7", "k": "\u03ba",
        "s": "\u0455", "j": "\u0458"}


def homoglyph(s, rng, p=0.45):
    return "".join(HOMO[ch] if ch in HOMO and rng.random() < p else ch for ch in s)


def fullwidth(s):
    out = []
    for ch in s:
        if "!" <= ch <= "~":
            out.append(chr(ord(ch) + 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def disguise_word(word, rng):
    style = rng.choice(["space", "stretch", "emoji", "homo", "fullwidth", "dots"])
    if style == "space":
        return " ".join(word)
    if style == "stretch":
        idx = [i for i, ch in enumerate(word) if ch.lower() in "aeiouy"]
        if not idx:
            return word + word[-1] * 2
        i = rng.choice(idx)
        return word[:i + 1] + word[i] * rng.randint(2, 4) + word[i + 1:]
    if style == "emoji":
        e = rng.choice(["\U0001F48B", "\u2728", "\U0001F497", "\u2b50"])
        return e.join(word)
    if style == "homo":
        return homoglyph(word, rng, 0.7)
    if style == "fullwidth":
        return fullwidth(word)
    return ".".join(word)


def disguise_fragment(frag, rng):
    """Disguise one longer word of a cue fragment (FAMILIES.md: any spelling/spacing counts)."""
    words = frag.split(" ")
    cand = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    if not cand:
        return frag
    i = rng.choice(cand)
    words[i] = disguise_word(words[i], rng)
    return " ".join(words)


# =====================================================================================================
# Phones and e-mail (fictional: 555-01xx)
# =====================================================================================================

DIG_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIG_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
DIG_SLANG = {"0": ["oh", "O", "o", "zero"], "1": ["one", "I", "l", "won"], "2": ["two", "too", "to"],
             "3": ["three", "tree"], "4": ["four", "for", "fo"], "5": ["five", "fiv"], "6": ["six", "sicks"],
             "7": ["seven", "sevin"], "8": ["eight", "ate"], "9": ["nine", "nyne"]}


def new_phone(rng):
    return (rng.choice(AREA_CODES), "555", "01%02d" % rng.randint(0, 99))


def plain_phone(rng, ph):
    a, b, c = ph
    fmt = rng.choice(["{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{a} {b} {c}", "{a}{b}{c}",
                      "({a}){b}-{c}", "{a}-{b}{c}", "+1 {a} {b} {c}"])
    return fmt.format(a=a, b=b, c=c)


def obfuscated_phone(rng, ph):
    a, b, c = ph
    digits = a + b + c
    style = rng.randint(0, 13)
    if style == 0:  # all words
        sep = rng.choice([" ", "-", " ", ", "])
        return sep.join(DIG_EN[int(d)] for d in digits)
    if style == 1:  # mixed digits / words / look-alike letters
        out = []
        for d in digits:
            out.append(rng.choice(DIG_SLANG[d]) if rng.random() < 0.45 else d)
        g = [out[:3], out[3:6], out[6:]]
        return " ".join("".join(x) for x in g)
    if style == 2:  # odd separators
        sep = rng.choice(["*", "/", "\u2022", "~", "_", "|", "\u00b7", "**"])
        return sep.join([a, b, c])
    if style == 3:  # emoji separators
        e = rng.choice(["\U0001F48B", "\U0001F351", "\U0001F497", "\u2764\ufe0f", "\U0001F525", "\u2b50"])
        return e.join([a, b, c])
    if style == 4:  # spread digits
        return " ".join(digits)
    if style == 5:  # keycaps
        return "".join(d + "\ufe0f\u20e3" for d in digits)
    if style == 6:  # fullwidth
        return fullwidth(a) + " " + fullwidth(b) + " " + fullwidth(c)
    if style == 7:  # spanish words
        return " ".join(DIG_ES[int(d)] for d in digits)
    if style == 8:  # big gaps
        return a + " " * rng.randint(4, 7) + b + " " * rng.randint(4, 7) + c
    if style == 9:  # letters for 0 / 1
        t = {"0": "O", "1": "I"}
        return "-".join("".join(t.get(d, d) for d in g) for g in (a, b, c))
    if style == 10:  # split with text between
        return "%s ... then %s %s" % (a, b, c) if rng.random() < 0.5 else "%s %s and %s last" % (a, b, c)
    if style == 11:  # mathematical bold digits
        return "".join(chr(0x1D7CE + int(d)) if d.isdigit() else d for d in "%s-%s-%s" % (a, b, c))
    if style == 12:  # every digit separated by emoji / dots
        sep = rng.choice([".", "\u2728", "-", " . "])
        return sep.join(digits)
    # style 13: partly words, grouped
    return "%s %s %s" % ("".join(DIG_EN[int(d)] if i == 1 else d for i, d in enumerate(a)), b,
                         "".join(DIG_EN[int(d)] if i in (0, 3) else d for i, d in enumerate(c)))


def new_email(rng, name):
    base = re.sub(r"[^a-z]", "", name.lower()) or "user"
    return "%s%s%d@example.com" % (base, rng.choice(["", "_", ".", "x"]), rng.randint(1, 999))


# =====================================================================================================
# Cue fragment banks.  A bank entry is either a string (tag: the bank's family) or a tuple
# (text, extra_families) or (text, extra_families, categories).  An entry is only used when its extra
# families are among the ad's chosen families, so the "cues" list always covers what was written.
# Voice groups: 1p first person, 3p third person / agency, short terse, es Spanish/Spanglish, br broken.
# =====================================================================================================

BANK = {
    "youth": {
        "1p": ["I'm young, sweet and a little shy at first", "barely legal and full of energy",
               ("just turned 18 and finally on my own", (), None, "age18"),
               "college girl trying to pay for books this semester", "brand new to this, so please be patient",
               "this is my first time posting anything like this", "I'm a student so evenings work best",
               "sweet teen next door vibe", "still new to the business and still learning",
               "you could be one of my very first", "teach me what you like",
               "I look even younger in person", "a total beginner at this, go easy on me",
               "petite and young with a cute little giggle", "just a college girl between classes",
               "new girl on the scene, never done this before", "out of high school and bored",
               "youthful and innocent, with a shy smile"],
        "3p": ["{name} is young, sweet and brand new", ("she just turned 18 and is eager to learn", (), None, "age18"),
               "this young lady is new to the business", "first week working, so treat her gently",
               "{name} is a college girl, in school during the day", "she is a total beginner, very shy",
               "youthful and innocent, she has never done this before", "our newest girl, barely legal",
               "a fresh young face", "she is still in school and only works evenings",
               ("beautiful young staff", ("third_party", "multiple_providers"), ("massage",)),
               ("new young girl just started this week", (), ("massage",)),
               ("young, friendly therapists", ("multiple_providers",), ("massage",))],
        "short": ["NEW GIRL", "barely legal", "young & sweet", "college cutie", "1st time here", "TEEN", "PYT",
                  "brand new", "new to this", ("just turned 18", (), None, "age18"), "student", "YOUNG",
                  "teen cutie", "newbie, first week", "young n fresh", "school girl"],
        "es": ["jovencita nueva", "soy nueva en esto", "estudiante universitaria",
               ("recién cumplí 18", (), None, "age18"), "chica nueva, primera vez", "muy joven y cariñosa"],
        "br": ["I am new girl, very young", "first time I do this work", "I am student, please be gentle",
               "young and sweet girl", "very young, very sweet"],
    },
    "third_party": {
        "1p": ["call and ask for {boss}, he handles my schedule", "my manager takes all my bookings",
               "text my daddy to set things up", "{boss} answers my phone, just ask for me",
               "my boyfriend screens my calls so be respectful", "ask for {boss} when you call",
               ("my driver brings me right to you", ("incall_outcall",)),
               "everything goes through {boss}, he books for me"],
        "3p": ["ask for {name} when you call", "she is waiting for your call", "call {boss} to book time with her",
               "new management, same discreet service", "under new management",
               "book with us today and ask for {name}", "she only sees gentlemen who treat her right",
               "{name} will make you forget about your day", "{name} does not answer texts herself",
               ("choose your favourite when you arrive", ("multiple_providers",)),
               ("our beautiful staff will take care of you", ("multiple_providers",))],
        "short": ["ask for {boss}", "ask 4 {name}", "call {boss}", "NEW MGMT", "she's waiting", "txt daddy",
                  "booking: {boss}", "ask for {name}"],
        "es": ["pregunta por {boss}", "ella te espera", "llama a {boss} para citas", "nueva administración"],
        "br": ["you call, ask for {boss}", "my boss answer the phone", "ask for {name} please"],
    },
    "multiple_providers": {
        "1p": ["ask about my girlfriend, we make a perfect duo", "my sister and I are both available",
               "two of us, double the fun", "me and my best friend are both here",
               "my roommate is just as sweet if you want to meet us both", "duo sessions with my bestie"],
        "3p": ["several beautiful ladies to choose from", ("new girls every week", ("youth", "third_party")),
               "come in and choose", "a different lady on shift every day", "three sweet girls waiting tonight",
               "rotating girls", "both girls available together or separately",
               "{name} and {name2} are available as a duo", ("several therapists on duty", (), ("massage",))],
        "short": ["2 GIRLS", "DUO", "sisters", "come choose", "many girls", "{name} & {name2}",
                  "girls girls girls", "3 ladies"],
        "es": ["somos dos amigas", "varias chicas para escoger", "dos hermanas"],
        "br": ["we have many girl for you", "two girl available", "you choose girl"],
    },
    "restriction": {
        "1p": ["No AA", "no black men", "sorry, no AA under 40", "white & Hispanic gentlemen only",
               "I don't see African American men, sorry", "no AA, no exceptions", "Black men 35+ only",
               "gentlemen of all backgrounds except AA", "NO BLACK GUYS"],
        "3p": ["she does not see AA", "no black men please", "no AA", "white gentlemen only",
               "no African American clients"],
        "short": ["NO AA", "no blk men", "no AA under 40", "white men only"],
        "es": ["no AA porfavor", "no afroamericanos"],
        "br": ["no black man", "no AA please"],
    },
    "foreign": {
        "1p": [("just arrived in this country", ("movement",)), "my English is not so good but I am very sweet",
               "I speak little English", "new to this country", "still learning English, texting is easier",
               "fresh off the boat and still learning the language",
               "English is my second language and I only know a little",
               ("came here from overseas a few weeks ago", ("movement",))],
        "3p": [("she just arrived from overseas", ("movement",)), "she speaks very little English",
               "new from abroad, no English", "she is new to the country and very shy",
               "no English, text only please"],
        "short": ["NO ENGLISH", "little english", "new from overseas", ("just arrived from abroad", ("movement",)),
                  "FOB"],
        "es": ["no hablo inglés", "poco inglés", ("recién llegada de mi país", ("movement",))],
        "br": ["I no speak English good", "I am from other country, new in this country", "English very little",
               "no english, only text"],
    },
    "ethnicity_stated": {
        "1p": ["sexy {eth} with a sweet smile", "I'm a {eth} beauty", "{eth} and proud of it",
               "your favorite {eth} girl", "{flag} {eth} girl {flag}", "half {eth}, all sweetheart"],
        "3p": ["{name} is a stunning {eth}", "gorgeous {eth} beauty", "a sweet {eth} girl", "{flag} {eth} doll"],
        "short": ["{ETH}", "{eth} doll", "{flag}{flag}", "{eth} cutie"],
        "es": ["{eth_es} bien cariñosa", "soy {eth_es}", "{eth_es} ardiente {flag}"],
        "br": ["I am {eth} girl", "{eth} girl, very nice"],
    },
    "trust_language": {
        "1p": ["100% real, pics are me", "real and recent pics", "no fakes, no games", "what you see is what you get",
               "independent, not an agency", "never rushed", "if I don't look like my pictures you don't pay",
               "reviewed and verified", "no bait and switch, ever", "I'm the girl in the photos, I promise",
               "no catfish here"],
        "3p": ["all pics are 100% real", "what you see is who you get", "no bait and switch", "verified photos",
               "real pics, recent", "she never rushes", "no fakes, no games"],
        "short": ["100% REAL", "REAL PICS", "NO FAKES", "NO GAMES", "verified", "no rush", "100% me"],
        "es": ["fotos 100% reales", "sin engaños", "soy yo en las fotos"],
        "br": ["photo is real me", "100% real girl", "no fake"],
    },
    "movement": {
        "1p": ["new in town for a few days only", "visiting {city} this week", "just arrived in {city}",
               "back in town and I missed you", "last night in town!", "only here until Sunday",
               "touring, next stop {city2}", "in town for 3 days", "new to the area"],
        "3p": ["{name} is visiting for a short time", "in town for 3 days only", "she is only here until Sunday",
               "touring, last night in {city}"],
        "short": ["NEW IN TOWN", "VISITING", "LAST NIGHT IN TOWN", "in town til Sun", "BACK IN TOWN", "just arrived"],
        "es": ["nueva en la ciudad", "de visita por pocos días", "solo hasta el domingo"],
        "br": ["I am in your city few days only", "new in town"],
    },
    "venue_hotel": {
        "1p": [("I'm at a nice hotel near {area}", ("incall_outcall",)), ("you come to my room", ("incall_outcall",)),
               ("hotel visits only", ("incall_outcall",)), ("I can come to your hotel room", ("incall_outcall",)),
               ("staying at a motel off the highway", ("incall_outcall",)), "truckers welcome"],
        "3p": [("she is at a hotel by {area}", ("incall_outcall",)),
               ("room number given when you confirm", ("incall_outcall",)), ("hotel and motel visits", ("incall_outcall",))],
        "short": [("HOTEL", ("incall_outcall",)), ("motel near exit {exitno}", ("incall_outcall",)), "truckers welcome",
                  ("hotel incall", ("incall_outcall",))],
        "es": [("en hotel cerca de {area}", ("incall_outcall",)), ("voy a tu cuarto de hotel", ("incall_outcall",))],
        "br": [("I am in hotel, you come", ("incall_outcall",)), ("hotel room, very clean", ("incall_outcall",))],
    },
    "incall_outcall": {
        "1p": ["incall and outcall", "incall only near {area}", "I host in a private location", "outcall to your home",
               "I come to you", "my place or yours", "come see me", "car dates ok", "private upscale location",
               "I do not host, outcall only", "come visit me in {area}"],
        "3p": ["incall & outcall available", "she can come to you", "visit her in a private upscale location",
               "incall in {area}", "outcall only", ("walk-ins welcome", (), ("massage",))],
        "short": ["IN/OUT", "incall", "outcall", "in & out", "car dates", "incall {area}",
                  ("walk-ins welcome", (), ("massage",))],
        "es": ["tengo lugar", "voy a domicilio", "incall y outcall"],
        "br": ["I have place, you come", "I come to you", "incall only"],
    },
    "availability_24_7": {
        "1p": ["available 24/7", "call anytime, day or night", "I'm always available", "all hours, never too early or too late",
               "open 24 hours", "available all day & night", "24-7 for you"],
        "3p": ["open 24 hours", "available 24/7", "she is available anytime", "open all hours", "open 24/7"],
        "short": ["24/7", "24HRS", "24-7", "ANYTIME", "all day & night", "24 hours", "2\ufe0f\u20e34\ufe0f\u20e3/7\ufe0f\u20e3",
                  "twenty four seven"],
        "es": ["24 horas", "disponible día y noche", "a cualquier hora"],
        "br": ["open 24 hour", "anytime you call, day and night"],
    },
    "law_enforcement": {
        "1p": ["no cops", "no LE", "no law enforcement, sorry", "if you are law enforcement do not contact me",
               "no police", "NO COPS NO LAW", "by texting me you confirm you are not LE"],
        "3p": ["no cops", "no LE", "we are not affiliated with law enforcement", "no police please"],
        "short": ["NO LE", "no cops", "NO LAW"],
        "es": ["no policía", "no cops porfa"],
        "br": ["no police", "no cop"],
    },
    "drugs": {
        "1p": ["420 friendly", "party friendly \U0001F609", "love to party \U0001F609 if you know what I mean",
               "party favors available", "PnP ok", "always down to party, bring your favors", "four-twenty friendly",
               "\U0001F33F420\U0001F33F ok"],
        "3p": ["she is 420 friendly", "party friendly", "she loves to party if you know what I mean",
               "party favors on request"],
        "short": ["420 ok", "PnP", "party friendly", "party favors", "420\U0001F4A8"],
        "es": ["420 amigable", "me encanta la fiesta \U0001F609 si sabes a lo que me refiero"],
        "br": ["420 ok", "party friendly"],
    },
    "risky_services": {
        "1p": ["I offer a true GFE", "GFE and PSE menu", "BBBJ included", "the full GF experience",
               "Greek available", "DFK lover", "G.F.E. all the way", "CIM ok", "girlfriend experience"],
        "3p": ["she offers GFE", "full GFE menu", "PSE available", "BBBJ ok", "girlfriend experience"],
        "short": ["GFE", "PSE", "BBBJ", "G.F.E", "DFK", "Greek ok", "bb ok"],
        "es": ["GFE completo", "experiencia de novia"],
        "br": ["GFE", "BBBJ ok"],
    },
}

# ---------------- filler (no family) ----------------
F1P_OPEN = ["Hi gentlemen,", "Hey there!", "Hello loves,", "Hi, I'm {name}.", "Good evening, gentlemen.",
            "Looking for some company tonight?", "Tired of the same old routine?", "Let me be your escape.",
            "Hey you \U0001F618", "Well hello there.", "Hi! {name} here.", "Hello, my name is {name}."]
F1P_DESC = ["I'm sweet, easygoing and love to laugh.", "Petite brunette with a big smile.",
            "Curvy in all the right places.", "Classy, discreet and easy to talk to.",
            "I love good conversation and a glass of red wine.", "Great listener with a playful side.",
            "Long dark hair, soft skin and a sweet attitude.", "Tall, slim and elegant.",
            "Blonde, bubbly and always on time.", "I'm the kind of company that makes a long week disappear.",
            "My smile is the first thing people notice.", "Athletic build; I love yoga and the beach.",
            "Shy at first, playful once we get to know each other.", "I dress to impress for dinner dates.",
            "Warm, affectionate and a little bit silly.", "I love music, sushi and long talks.",
            "Green eyes, freckles and a big laugh.", "Thick, soft and sweet."]
F1P_CLOSE = ["Don't be shy, reach out.", "Can't wait to meet you.", "Treat me right and I'll treat you better.",
             "Make your evening special.", "See you soon \U0001F618", "Let's make some memories.",
             "You won't regret it.", "Be kind and on time and we will get along."]
DECOYS = ["Petite and tiny, 5'2.", "Available now!", "New pics up \U0001F4F8", "New number, save it!", "I'm back!",
          "Party girl at heart, lady in public.", "Exotic looks, sweet soul.", "Discreet, safe and clean.",
          "High class companion.", "Drama free zone.", "Best in town, ask anyone.", "Now available in the {area} area.",
          "Ask for my menu.", "Young guys welcome, just be respectful.", "Open late on weekends.", "Late night fun.",
          "Coke bottle shape.", "Fetish friendly.", "No BB, ever.", "\U0001F6ABGFE", "No drugs, no 420, no exceptions.",
          "18+ only.", "Consenting adults only; time and companionship only.", "Fresh and clean, always.",
          "Kisses \U0001F48B", "Satisfaction guaranteed.", "Doll face, sweet heart.", "Fun-size and full of energy.",
          "Consider me your little secret.", "\U0001F36D\U0001F36D", "\U0001F46F", "Available now until late.",
          "New lingerie, new pics.", "No pimps, no drama.", "Just a model, nothing more is implied.",
          "Ask for pictures if you like.", "Must be 25+.", "Snack-size cutie."]
# "No pimps" is a disclaimer; FAMILIES.md files it next to 'not an agency' under trust, so it is tagged.
DECOY_TAGS = {"No pimps, no drama.": ("trust_language",)}
RATES = ["Rates: {ra} half hour, {rb} hour.", "Donations: {rb}/hr, {rc} for two hours.", "$$: {ra} hh | {rb} h",
         "Roses: {ra}/{rb}", "{rb} an hour, no negotiating.", "Generous gentlemen only.", "Rates are firm.",
         "{rb} roses for the hour \U0001F339", "Specials before 2pm: {ra} for 45 min."]
BOUNDARIES = ["I set my own rates and my own boundaries.", "Respect my limits and we'll get along great.",
              "I don't negotiate and I don't haggle.", "Safety first, always.", "No BB, no exceptions.",
              "I choose who I see.", "I keep my own schedule: {days}.", "My time, my rules, your pleasure.",
              "If anything feels off I leave, no refund.", "I take Sundays off for me."]
SCREENING = ["Screening required: full name, employer and one provider reference.",
             "All new friends screen. I need your name and work email.",
             "Please include your name, age and a reference when you text.", "No screening, no date.",
             "References from other providers are welcome.",
             "I'll need a photo ID and a work page before we meet.", "Deposit required for first-time friends.",
             "Date-check references only, no exceptions."]
SCHEDULE = ["Tue-Sat, noon to 9pm.", "Weekday afternoons and early evenings.", "By appointment only, 24h notice please.",
            "Weekends book up fast.", "Mon-Fri 11am-8pm.", "Evenings after 6, weekends by request."]
CLOSERS = ["Text only, no blocked calls.", "Serious inquiries only.", "No explicit texts, they get deleted.",
           "Email preferred.", "Text me your name and what time works.", "No private numbers."]
F3P_OPEN = ["Meet {name}.", "Introducing {name}!", "{name} is here to make your night.", "Gentlemen, meet {name}.",
            "Say hello to {name}.", "{name} is ready to meet you."]
F3P_DESC = ["She is sweet, classy and easy to talk to.", "{name} loves to make every gentleman feel special.",
            "She has long dark hair and a smile you won't forget.", "Petite, curvy and full of energy.",
            "She is discreet and always on time.", "{name} is the perfect date for dinner or a quiet evening.",
            "Her personality is as sweet as her smile.", "She loves to dress up and go out."]
FAGENCY = ["We pride ourselves on discretion.", "Our agency has served {city} for years.", "Book with us today.",
           "Our booking line is open now.", "We guarantee a pleasant experience.",
           "Call our booking desk to set up your time.", "Deposits secure your booking.",
           "We handle everything, you just relax."]
F3P_CLOSE = ["Book your time with her today.", "Don't miss her.", "Call now to book.", "She won't be available for long."]
FBROKEN = ["Hello honey, I am very sweet and nice lady.", "I make you relax, you will like.",
           "Very good service, very clean.", "Please call me, I wait you.", "I am {name}, beautiful and kind.",
           "You happy with me, I promise.", "Nice body, nice face, nice girl.", "Come relax, no stress.",
           "I am very gentle and friendly."]
FES = ["Hola amor \U0001F48B", "Soy {name}, muy cariñosa y divertida.", "Besitos \U0001F618",
       "Llámame, no te vas a arrepentir.", "Bienvenidos caballeros.", "Hermosa, limpia y discreta.",
       "Pasemos un buen rato.", "Me encanta conversar y reír.", "Cuerpo de diosa y sonrisa bonita."]
FSHORT = ["sweet", "classy", "curvy", "petite", "discreet", "fun", "brunette", "blonde", "sexy smile", "avail now",
          "kisses \U0001F48B", "hi guys", "{name}", "sweet treat", "thick", "slim", "long hair", "green eyes"]
TITLE_GENERIC = ["Sweet & Classy {name}", "Unwind with {name}", "Let's Have Some Fun", "Sweetheart {name}",
                 "Classy Companion", "Treat Yourself Tonight", "{name} \u2665", "Upscale Companion {name}",
                 "Relax & Unwind", "Good Vibes Only", "{city} Sweetheart", "Curvy Cutie", "Date Night?",
                 "Perfect Companion", "Your Favorite Distraction", "Bubbly {name}", "Time With {name}",
                 "Sweet Escape", "Come Unwind", "Kind, Classy, Discreet"]

# massage
MASSAGE_SPA = ["Grand opening!", "Relaxing full body massage.", "Deep tissue, Swedish and hot stone.",
               "Clean, quiet, private rooms.", "Professional and relaxing atmosphere.", "Tired? Stressed? Treat yourself.",
               "Free parking in back.", "Gift certificates available.", "Hot towel and aromatherapy.",
               "Foot reflexology.", "Thai massage and shiatsu.", "Soft music, warm lights.", "Relax your body and mind."]
MASSAGE_SKETCHY = ["Table shower available.", "Very good massage, you relax.", "Beautiful girl give massage.",
                   "Open late, last call 2am.", "VIP rooms.", "Cash only.", "Side door entrance.", "Body to body relaxation.",
                   "Special massage, ask inside.", "Ring bell at back door."]
MASSAGE_TITLES_S = ["Grand Opening {spa} Spa", "Best Massage in {city}", "{spa} Spa - Relax Now",
                    "STRESS RELIEF \u2605 {spa}", "Relaxing Massage {area}", "Amazing Massage", "Deep Tissue & More",
                    "Massage {area}", "Soothing Hands", "{spa} Health Center"]
LMT_LINES = ["I'm a licensed massage therapist (LMT #{lic}) with {yrs} years of experience.",
             "Therapeutic massage only, please respect that.", "Deep tissue, Swedish, prenatal and sports massage.",
             "Sessions are 60 or 90 minutes.", "I work with runners, desk workers and anyone carrying tension.",
             "This is a professional, non-sexual service. Inappropriate requests end the session.",
             "Rates: ${ra} for 60 minutes, ${rb} for 90.", "Hot stones and cupping available on request.",
             "Booking is easiest online.", "I use unscented, hypoallergenic oils.",
             "Sliding scale for service-industry workers.", "Insurance receipts available."]
LMT_TITLES = ["Licensed Therapeutic Massage - {city}", "Deep Tissue & Sports Massage (LMT)", "Massage for Back Pain",
              "Prenatal & Swedish Massage", "Relief for Tight Shoulders", "LMT - Evening Appointments"]
ADULT_MASSAGE_LINES = ["I'm a mature woman who loves this work: relaxing, sensual massage.",
                       "Soft hands, warm oil and a calm room.", "I focus on relaxation and stress relief.",
                       "Sessions 60 or 90 minutes.", "Showers available before and after.",
                       "Polite, clean gentlemen only.", "I'm a calm, attentive masseuse with a light touch.",
                       "Candles, soft music, no clock-watching.", "Body rub and relaxation, nothing more is implied.",
                       "Cash only.", "Open late on weekends."]
# "no clock-watching" is a paraphrase of never rushed -> trust; keep it out of benign body lines that are already at their one-cue limit
ADULT_MASSAGE_TAGS = {"Candles, soft music, no clock-watching.": ("trust_language",)}

# dating
DATING_COMMERCIAL = ["Looking for a generous gentleman to spoil me.", "Roses required \U0001F339",
                     "Need help with rent this week, be generous.", "Let's make an arrangement.",
                     "Generous men only, no time wasters.", "$$ must be discussed up front.",
                     "Donation based, text for details.", "Looking for an older man who can help me out.",
                     "Allowance discussed in person.", "Gifts appreciated \U0001F381"]
DATING_TITLES_S = ["Looking for a generous friend", "Sweet girl seeking generous gent", "Arrangement?",
                   "Lonely tonight?", "Help a girl out \U0001F339", "Need a sponsor", "Fun tonight?",
                   "Seeking older gentleman", "Mutually beneficial?"]

# =====================================================================================================
# Minor ages (FAMILIES underage_age: any stated age under 18, in any form)
# =====================================================================================================

AGE_WORD_EN = {13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen"}
AGE_WORD_ES = {13: "trece", 14: "catorce", 15: "quince", 16: "dieciséis", 17: "diecisiete"}
AGE_LEET = {13: ["th1rteen", "I3"], 14: ["f0urteen", "I4", "1four"], 15: ["f1fteen", "I5", "1five"],
            16: ["s1xteen", "I6", "1six", "l6"], 17: ["sev3nteen", "I7", "1seven", "l7"]}
CIRCLED = {13: "\u246c", 14: "\u246d", 15: "\u246e", 16: "\u246f", 17: "\u2470"}


def minor_token(rng, a, es=False):
    style = rng.choice(["digits", "digits", "digits", "word", "leet", "fullwidth", "circled", "keycap", "bold", "es"])
    if es:
        style = rng.choice(["digits", "es", "es"])
    if style == "digits":
        return str(a)
    if style == "word":
        return AGE_WORD_EN[a]
    if style == "leet":
        return rng.choice(AGE_LEET[a])
    if style == "fullwidth":
        return fullwidth(str(a))
    if style == "circled":
        return CIRCLED[a]
    if style == "keycap":
        return "".join(d + "\ufe0f\u20e3" for d in str(a))
    if style == "bold":
        return "".join(chr(0x1D7CE + int(d)) for d in str(a))
    return AGE_WORD_ES[a]


MINOR_1P = ["I'm {A}", "im {A} but mature for my age", "{A}yo", "age: {A}", "only {A} \U0001F648", "{A} yrs old",
            "just {A}, so be nice", "{A} years old and curious", "I'm only {A} shh", "really {A} not 19 lol",
            "{A} y/o"]
MINOR_3P = ["she is {A}", "{name} ({A})", "she's only {A}", "{name}, age {A}", "{A} years old, sweet and shy"]
MINOR_SHORT = ["{name} {A}", "{A}yo", "age:{A}", "{A} yrs", "{A}!!"]
MINOR_ES = ["tengo {A} años", "{A} añitos", "solo tengo {A}", "tengo {A}"]

# =====================================================================================================
# Sex-ad composition
# =====================================================================================================

VOICE_GROUP = {"first": "1p", "agency": "3p", "third": "3p", "broken": "br", "terse": "short", "emoji": "1p",
               "caps": "1p", "spanglish": "es"}


def entry_parts(entry):
    if isinstance(entry, str):
        return entry, (), None, None
    text = entry[0]
    extras = entry[1] if len(entry) > 1 else ()
    cats = entry[2] if len(entry) > 2 else None
    flag = entry[3] if len(entry) > 3 else None
    return text, extras, cats, flag


def pick_fragment(rng, fam, group, chosen, cat, ctx, age18_ok):
    groups = [group]
    if group == "es":
        groups = ["es", "1p"] if rng.random() < 0.55 else ["1p", "es"]
    elif group == "br":
        groups = ["br", "1p"] if rng.random() < 0.7 else ["1p", "br"]
    elif group == "short" and rng.random() < 0.15:
        groups = ["1p", "short"]
    for g in groups:
        cands = []
        for entry in BANK[fam].get(g, []):
            text, extras, cats, flag = entry_parts(entry)
            if any(x not in chosen for x in extras):
                continue
            if cats is not None and cat not in cats:
                continue
            if flag == "age18" and not age18_ok:
                continue
            if "{flag}" in text and not ctx["flag"]:
                continue
            if g == "3p" and ctx["voice"] not in ("agency", "third") and ("she" in text.split() or "{name}" in text
                                                                        or "our" in text.split()):
                continue
            cands.append((text, extras))
        if cands:
            text, extras = rng.choice(cands)
            return fill(text, ctx), [fam] + [x for x in extras if x != fam]
    return None


def choose_voice(rng, cat, label):
    if label == "suspicious":
        if cat == "massage":
            opts = [("agency", 0.45), ("terse", 0.2), ("broken", 0.17), ("first", 0.1), ("caps", 0.08)]
        elif cat == "dating":
            opts = [("first", 0.55), ("emoji", 0.15), ("terse", 0.12), ("third", 0.08), ("spanglish", 0.1)]
        else:
            opts = [("first", 0.3), ("agency", 0.12), ("third", 0.1), ("broken", 0.1), ("terse", 0.13),
                    ("emoji", 0.11), ("caps", 0.06), ("spanglish", 0.08)]
    else:
        if cat == "dating":
            opts = [("first", 0.8), ("emoji", 0.1), ("terse", 0.1)]
        else:
            opts = [("first", 0.5), ("terse", 0.14), ("emoji", 0.14), ("caps", 0.06), ("spanglish", 0.08),
                    ("broken", 0.08)]
    return wchoice(rng, opts)


CORE_W = [("youth", 0.55), ("third_party", 0.45), ("multiple_providers", 0.3), ("obfuscated_phone", 0.35),
          ("foreign", 0.2), ("restriction", 0.2), ("drugs", 0.14), ("law_enforcement", 0.14), ("risky_services", 0.2)]
SUPPORT_P = [("trust_language", 0.35), ("ethnicity_stated", 0.4), ("availability_24_7", 0.3),
             ("incall_outcall", 0.45), ("venue_hotel", 0.15), ("movement", 0.07)]


def choose_suspicious_cues(rng, cat, voice):
    chosen = []
    pattern = wchoice(rng, [("minor", 0.15), ("tp_youth", 0.11), ("single_strong", 0.06), ("multi", 0.68)])
    if pattern == "minor":
        chosen.append("underage_age")
        for fam, p in [("youth", 0.45), ("third_party", 0.25), ("obfuscated_phone", 0.25), ("incall_outcall", 0.3),
                       ("trust_language", 0.2), ("ethnicity_stated", 0.2), ("multiple_providers", 0.1)]:
            if rng.random() < p:
                chosen.append(fam)
    elif pattern == "tp_youth":
        chosen += ["third_party", "youth"]
        if rng.random() < 0.35:
            chosen.append("incall_outcall")
    elif pattern == "single_strong":
        chosen.append(wchoice(rng, [("restriction", 0.3), ("law_enforcement", 0.25), ("drugs", 0.2),
                                    ("obfuscated_phone", 0.25)]))
        chosen.append(wchoice(rng, [("incall_outcall", 0.5), ("trust_language", 0.3), ("availability_24_7", 0.2)]))
    else:
        k = wchoice(rng, [(1, 0.22), (2, 0.45), (3, 0.22), (4, 0.11)])
        pool = list(CORE_W)
        if cat == "massage":
            pool = [(f, w * (1.6 if f in ("youth", "multiple_providers", "foreign", "third_party") else 0.6))
                    for f, w in pool]
        for _ in range(k):
            f = wchoice(rng, pool)
            chosen.append(f)
            pool = [(g, w) for g, w in pool if g != f]
        for f, p in SUPPORT_P:
            if cat == "massage" and f == "availability_24_7":
                p = 0.5
            if rng.random() < p:
                chosen.append(f)
        if len(chosen) < 2:
            chosen.append(wchoice(rng, [("incall_outcall", 0.4), ("trust_language", 0.3), ("availability_24_7", 0.3)]))
    if voice in ("agency", "third") and "third_party" not in chosen:
        chosen.append("third_party")
    if voice == "broken" and "foreign" not in chosen and rng.random() < 0.5:
        chosen.append("foreign")
    if "venue_hotel" in chosen and "incall_outcall" not in chosen:
        chosen.append("incall_outcall")
    if cat == "massage" and "incall_outcall" not in chosen and rng.random() < 0.5:
        chosen.append("incall_outcall")
    out = []
    for f in chosen:
        if f not in out:
            out.append(f)
    return out


def choose_benign_cues(rng, cat):
    """Adult / dating ads without trafficking indicators: at most one weak cue."""
    if rng.random() < 0.45:
        return []
    if cat == "dating":
        return [wchoice(rng, [("trust_language", 0.4), ("movement", 0.3), ("ethnicity_stated", 0.3)])]
    return [wchoice(rng, [("incall_outcall", 0.55), ("trust_language", 0.3), ("movement", 0.15)])]


def new_ctx(rng, cat):
    name = rng.choice(PROVIDER_NAMES)
    name2 = rng.choice([n for n in PROVIDER_NAMES if n != name])
    city = rng.choice(CITIES)
    eth = rng.choice(MASSAGE_ETH if cat == "massage" else ETHNICITIES)
    ra = rng.randrange(100, 260, 10)
    rb = ra + rng.randrange(60, 160, 10)
    return {
        "name": name, "name2": name2, "boss": rng.choice(BOSSES), "city": city,
        "city2": rng.choice([c for c in CITIES if c != city]), "area": rng.choice(AREAS),
        "eth": eth[0], "ETH": eth[0].upper(), "eth_es": eth[1], "flag": eth[2], "spa": rng.choice(SPA_NAMES),
        "ra": ra, "rb": rb, "rc": 2 * rb - rng.randrange(20, 80, 10), "exitno": rng.randint(12, 240),
        "days": rng.choice(["Tue-Sat", "weeknights only", "Thursdays to Sundays", "Mon-Thu afternoons"]),
        "lic": "%s-%05d" % (rng.choice(["MA", "LMT", "MT"]), rng.randint(1000, 99999)),
        "yrs": rng.randint(3, 22), "street": rng.choice(STREETS), "num": rng.randint(12, 9800),
        "phone": new_phone(rng), "voice": "first",
    }


def contact_sentence(rng, ctx, obf, voice, cat, label):
    ph = obfuscated_phone(rng, ctx["phone"]) if obf else plain_phone(rng, ctx["phone"])
    email = new_email(rng, ctx["name"])
    if not obf and rng.random() < 0.1:
        return rng.choice(["Message me through the site.", "Email {email} with your screening info.",
                           "Contact through this site only."]).replace("{email}", email)
    if voice in ("agency", "third"):
        t = rng.choice(["Call {boss}: {ph}", "Booking line {ph}", "Call now {ph}", "Text {ph} to book",
                        "Call or text {ph}", "{ph} (ask for {name})"])
    elif voice == "spanglish":
        t = rng.choice(["Llámame al {ph}", "Whatsapp {ph}", "Text me {ph}", "Mándame mensaje {ph}"])
    elif voice == "broken":
        t = rng.choice(["Call me {ph}", "My number {ph}", "Text {ph} please", "{ph} call now"])
    elif voice == "terse":
        t = rng.choice(["{ph}", "\U0001F4F1 {ph}", "txt {ph}", "call {ph}"])
    else:
        t = rng.choice(["Call or text {ph}", "Text me: {ph}", "\U0001F4F1 {ph}", "{ph}, text only, no blocked calls",
                        "Txt {ph}", "Reach me at {ph}", "My number: {ph}"])
    t = t.replace("{ph}", ph)
    t = fill(t, ctx)
    if rng.random() < 0.15 and voice not in ("terse",):
        t += " or email " + email
    return t


def age_sentence(rng, ctx, age, voice, minor):
    if minor:
        if voice in ("agency", "third"):
            tmpl = rng.choice(MINOR_3P)
        elif voice == "terse":
            tmpl = rng.choice(MINOR_SHORT)
        elif voice == "spanglish" and rng.random() < 0.7:
            tmpl = rng.choice(MINOR_ES)
        else:
            tmpl = rng.choice(MINOR_1P)
        tok = minor_token(rng, age, es=tmpl in MINOR_ES and rng.random() < 0.5)
        return fill(tmpl.replace("{A}", tok), ctx)
    if voice in ("agency", "third"):
        tmpl = rng.choice(["She is {A}.", "{name}, {A}.", "Age {A}.", "{A} years old."])
    elif voice == "terse":
        tmpl = rng.choice(["{name} {A}", "{A}yo", "age {A}", "{A}"])
    elif voice == "spanglish":
        tmpl = rng.choice(["Tengo {A} años.", "{A} años.", "I'm {A}."])
    else:
        tmpl = rng.choice(["I'm {A}.", "{A} y/o.", "Age: {A}.", "I'm {A} and I know what I like.", "{A} years old.",
                           "A grown woman of {A}."])
    return fill(tmpl.replace("{A}", str(age)), ctx)


def voice_transform(parts, voice, rng):
    if voice == "emoji":
        out = []
        for p in parts:
            k = rng.randint(1, 3)
            out.append(p + " " + "".join(rng.choice(EMOJI) for _ in range(k)))
        return out
    if voice == "caps":
        return [p.upper() for p in parts]
    return parts


def finish_emails(text):
    return re.sub(r"[A-Za-z0-9_.+-]+@EXAMPLE\.COM", lambda m: m.group(0).lower(), text)


def compose_sex_ad(rng, cat, label):
    ctx = new_ctx(rng, cat)
    voice = choose_voice(rng, cat, label)
    ctx["voice"] = voice
    group = VOICE_GROUP[voice]
    if label == "suspicious":
        cues = choose_suspicious_cues(rng, cat, voice)
    else:
        cues = choose_benign_cues(rng, cat)
    minor = "underage_age" in cues
    # ---------- age ----------
    stated_age = None
    age18_ok = False
    adult_age_too = None
    if minor:
        stated_age = rng.choice([14, 15, 15, 16, 16, 16, 17, 17, 17])
        if rng.random() < 0.3:
            adult_age_too = rng.choice([18, 19, 19, 20, 21])
    elif label == "suspicious":
        if rng.random() < 0.6:
            if "youth" in cues and rng.random() < 0.3:
                stated_age = 18
                age18_ok = True
            else:
                stated_age = rng.choice([18, 19, 19, 20, 20, 21, 21, 22, 23, 24, 25, 26, 28, 31])
    else:
        if rng.random() < 0.6:
            stated_age = rng.choice([19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 38, 40,
                                     42, 44, 47])
    age_where = None
    if stated_age is not None:
        age_where = wchoice(rng, [("title", 0.3), ("body", 0.5), ("field", 0.2)])
    # ---------- cue fragments (each carries the families its wording expresses) ----------
    plain_cues = [f for f in cues if f not in ("underage_age", "obfuscated_phone")]
    frags = []  # [text, tags]
    skip_body = (cat == "massage" and label == "benign") or (cat == "dating" and label == "benign")
    if not skip_body:
        for fam in plain_cues:
            got = pick_fragment(rng, fam, group, cues, cat, ctx, age18_ok) or \
                pick_fragment(rng, fam, "1p", cues, cat, ctx, age18_ok)
            if got is None:
                continue
            t, tags = got
            if rng.random() < 0.08:
                t = disguise_fragment(t, rng)
            frags.append([t, tags])
        # a family already expressed by another fragment's wording may lose its own fragment
        keep = []
        for i, (t, tags) in enumerate(frags):
            others = [x for j, (_, tg) in enumerate(frags) if j != i and (j < i and j in keep or j > i) for x in tg]
            if tags[0] in others and rng.random() < 0.5:
                continue
            keep.append(i)
        frags = [frags[i] for i in keep]
    # ---------- title ----------
    title_bits = []  # [text, tags]
    if skip_body:
        n_title = 0
    elif label == "suspicious":
        n_title = wchoice(rng, [(0, 0.35), (1, 0.45), (2, 0.2)])
    else:
        n_title = wchoice(rng, [(0, 0.7), (1, 0.3)])
    for fam in [tg[0] for _, tg in frags]:
        if len(title_bits) >= n_title:
            break
        if rng.random() < 0.6:
            got = pick_fragment(rng, fam, "short", cues, cat, ctx, age18_ok)
            if got:
                title_bits.append(list(got))
                if rng.random() < 0.45:  # stated in the title only
                    frags = [fr for fr in frags if fr[1][0] != fam]
    # every chosen family must still be expressed somewhere (title or body)
    if not skip_body:
        for _ in range(3):
            covered = set(x for _, tg in frags + title_bits for x in tg)
            missing = [f for f in plain_cues if f not in covered]
            if not missing:
                break
            for fam in missing:
                got = pick_fragment(rng, fam, group, cues, cat, ctx, age18_ok) or \
                    pick_fragment(rng, fam, "1p", cues, cat, ctx, age18_ok)
                if got:
                    frags.insert(rng.randint(0, len(frags)), list(got))
        covered = set(x for _, tg in frags + title_bits for x in tg)
        cues = [f for f in cues if f in covered or f in ("underage_age", "obfuscated_phone")]
    if cat == "massage":
        if label == "suspicious" or rng.random() < 0.3:
            base_title = fill(rng.choice(MASSAGE_TITLES_S), ctx)
        else:
            base_title = None
    elif cat == "dating":
        base_title = fill(rng.choice(DATING_TITLES_S if label == "suspicious" else DATING_TITLES_B), ctx)
    else:
        base_title = fill(rng.choice(TITLE_GENERIC), ctx)
    sep = rng.choice([" ~ ", " | ", " \u2605 ", " - ", " \U0001F48B ", ", ", " \u2764 ", " *** "])
    # ---------- body ----------
    body = []
    extra_cues = []
    if cat == "massage" and label == "benign":
        body, base_title, extra_cues, stated_age = massage_benign_body(rng, ctx, cues, stated_age)
        voice = "first"
    elif cat == "dating" and label == "benign":
        body, base_title, extra_cues = dating_benign_body(rng, ctx, cues, stated_age)
    else:
        body = sex_body(rng, ctx, cat, label, voice, [t for t, _ in frags], cues)
    if base_title is None:
        base_title = fill(rng.choice(LMT_TITLES), ctx)
    tb = [t for t, _ in title_bits]
    title_parts = tb + [base_title] if rng.random() < 0.5 else [base_title] + tb
    title = sep.join(title_parts)
    # ---------- age placement ----------
    field_age = None
    if stated_age is not None:
        if age_where == "title":
            title = title + " - " + (str(stated_age) if not minor else minor_token(rng, stated_age))
        elif age_where == "field":
            field_age = stated_age
        else:
            s = age_sentence(rng, ctx, stated_age, voice, minor)
            pos = rng.randint(0, min(2, len(body)))
            body.insert(pos, sentence(s, rng) if voice != "terse" else s)
        if minor and adult_age_too is not None:
            # an adult age stated elsewhere as well (FAMILIES: the minor age still counts)
            if age_where == "title":
                body.insert(0, "%d" % adult_age_too if voice == "terse" else "I'm %d." % adult_age_too)
            else:
                title = title + " - %d" % adult_age_too
    # ---------- contact ----------
    obf = "obfuscated_phone" in cues
    if cat == "massage" and label == "benign":
        ctext = "Call %s" % plain_phone(rng, ctx["phone"]) if rng.random() < 0.7 else "Book at %s" % new_email(rng, ctx["spa"])
        body.append(ctext + ".")
    else:
        body.append(contact_sentence(rng, ctx, obf, voice, cat, label))
    # ---------- voice surface ----------
    if voice == "terse":
        s2 = rng.choice([" | ", " \u2022 ", " ~ ", "\n", ". ", " \u2728 ", " -- "])
        paragraphs = [s2.join(b.rstrip(".").replace("\n", " ") for b in body)]
    else:
        body = voice_transform(body, voice, rng)
        paragraphs = split_paragraphs(rng, body)
    if voice == "caps":
        title = title.upper()
    elif voice == "emoji":
        title = rng.choice(EMOJI) + " " + title + " " + rng.choice(EMOJI)
    if rng.random() < 0.07:
        title = homoglyph(title, rng, 0.35)
    elif voice != "caps" and rng.random() < 0.12:
        title = title.upper()
    if voice == "first" and rng.random() < 0.12:
        paragraphs = [p.lower() for p in paragraphs]
    paragraphs = [finish_emails(p) for p in paragraphs]
    all_cues = []
    for f in cues + extra_cues:
        if f not in all_cues:
            all_cues.append(f)
    return {"title": title, "paragraphs": paragraphs, "cues": all_cues, "stated_age": stated_age,
            "field_age": field_age, "ctx": ctx, "voice": voice}


def split_paragraphs(rng, body):
    if any("\n" in b for b in body):
        out, cur = [], []
        for b in body:
            if "\n" in b:
                if cur:
                    out.append(" ".join(cur))
                    cur = []
                out.append(b)
            else:
                cur.append(b)
        if cur:
            out.append(" ".join(cur))
        return out
    n = len(body)
    if n <= 4 or rng.random() < 0.35:
        return [" ".join(body)]
    k = 2 if n < 9 else rng.choice([2, 3, 4])
    cuts = sorted(rng.sample(range(1, n), min(k - 1, n - 1)))
    out = []
    prev = 0
    for c in cuts + [n]:
        out.append(" ".join(body[prev:c]))
        prev = c
    return [p for p in out if p]



ADJ = ["sweet", "bubbly", "classy", "witty", "laid-back", "affectionate", "playful", "elegant", "down-to-earth",
       "curious", "passionate", "easygoing", "sophisticated", "warm", "flirty", "funny", "attentive", "chill",
       "romantic", "confident", "soft-spoken", "adventurous"]
HAIR = ["long dark", "honey blonde", "short red", "curly black", "chestnut", "platinum", "wavy auburn", "jet black"]
EYES = ["brown", "green", "hazel", "blue", "grey", "dark"]
FEATURE = ["a dimpled smile", "soft curves", "long legs", "a contagious laugh", "a tiny waist", "a few tasteful tattoos",
           "freckles everywhere", "a raspy voice", "perfect manicured nails"]
HOBBY = ["hiking", "cooking", "old movies", "live music", "yoga", "art museums", "fancy dinners", "road trips",
         "karaoke", "thriller novels", "the beach", "wine tasting", "salsa dancing", "video games", "painting",
         "true crime podcasts", "brunch", "the gym"]
OCCASION = ["dinner dates", "a quiet evening in", "after-work unwinding", "a long lunch", "a night at the theater",
            "a lazy Sunday", "drinks and good conversation"]
GENTS = ["are polite and punctual", "know how to laugh at themselves", "smell amazing", "love good food",
         "tell great stories", "treat a lady with respect", "are a little shy"]
HEIGHTS = ["4'11", "5'1", "5'2", "5'4", "5'5", "5'6", "5'7", "5'8", "5'10"]
BUILDS = ["slim", "curvy", "athletic", "thick", "petite", "slim-thick", "voluptuous"]
LANGS = ["English", "English and Spanish", "English, some French", "Spanish and English", "English and Portuguese"]


def desc_line(rng, person="1p"):
    a = rng.sample(ADJ, 3)
    h = rng.sample(HOBBY, 2)
    k = rng.randint(0, 8)
    if k == 0:
        t = "I'm %s, %s and %s." % tuple(a)
    elif k == 1:
        t = "%s hair, %s eyes and %s." % (rng.choice(HAIR).capitalize(), rng.choice(EYES), rng.choice(FEATURE))
    elif k == 2:
        t = "I love %s and %s." % tuple(h)
    elif k == 3:
        t = "Perfect company for %s." % rng.choice(OCCASION)
    elif k == 4:
        t = "%s, %s build." % (rng.choice(HEIGHTS), rng.choice(BUILDS))
    elif k == 5:
        t = "Gentlemen who %s are my favorite." % rng.choice(GENTS)
    elif k == 6:
        t = "When I'm not working you'll find me at %s or with %s." % (rng.choice(["the gym", "a bookstore", "the farmers market",
                                                                                "the dog park", "a dance class"]),
                                                                         rng.choice(["a good book", "my cat", "my playlist", "a glass of wine"]))
    elif k == 7:
        t = "Stats: %s-%d-%d." % (rng.choice(["32B", "34C", "36D", "34B", "38DD"]), rng.randint(23, 30), rng.randint(34, 42))
    else:
        t = "My ideal date: %s, then %s." % (rng.choice(["sushi", "a rooftop bar", "Italian food", "tapas", "a jazz club"]),
                                          rng.choice(["long talks", "a slow dance", "dessert", "a movie", "laughing until late"]))
    if person == "3p":
        t = (t.replace("I'm ", "She is ").replace("I love", "She loves").replace("are my favorite", "are her favorite")
             .replace("you'll find me", "you'll find her").replace("My ideal", "Her ideal"))
        if t.startswith("When I"):
            t = t.replace("When I'm not", "When she's not")
    return t


def info_block(rng, ctx):
    items = ["Height: %s" % rng.choice(HEIGHTS), "Hair: %s" % rng.choice(["brunette", "blonde", "black", "red", "ombre"]),
             "Eyes: %s" % rng.choice(EYES), "Build: %s" % rng.choice(BUILDS),
             "Languages: %s" % rng.choice(LANGS), "Tattoos: %s" % rng.choice(["one small", "none", "a few"]),
             "Smoker: no"]
    pick = rng.sample(items, rng.randint(3, 6))
    mark = rng.choice(["\u2022 ", "- ", "\u2714 ", "\u2726 ", ""])
    return "\n".join(mark + x for x in pick)


def rate_block(rng, ctx):
    a, b = ctx["ra"], ctx["rb"]
    rows = [("30 min", a), ("1 hr", b), ("90 min", b + (b - a)), ("2 hrs", 2 * b - 20), ("dinner date", 4 * b)]
    n = rng.randint(2, 5)
    head = rng.choice(["Rates:", "Donations", "\U0001F339 Roses \U0001F339", "My time:"])
    mark = rng.choice(["\u2022 ", "- ", "", "\U0001F339 "])
    return head + "\n" + "\n".join("%s%s: %d" % (mark, k, v) for k, v in rows[:n])


def sex_body(rng, ctx, cat, label, voice, cue_lines, cues):
    length = wchoice(rng, [("terse", 0.15), ("short", 0.3), ("medium", 0.35), ("long", 0.2)])
    if voice == "terse":
        length = rng.choice(["terse", "short"])
    n_fill = {"terse": rng.randint(0, 1), "short": rng.randint(1, 3), "medium": rng.randint(3, 7),
              "long": rng.randint(8, 16)}[length]
    fill_lines = []
    if voice in ("agency", "third"):
        pools = [F3P_DESC, F3P_DESC, F3P_CLOSE] + ([FAGENCY, FAGENCY] if voice == "agency" else [])
        opener = rng.choice(F3P_OPEN)
    elif voice == "broken":
        pools = [FBROKEN, FBROKEN, F1P_DESC]
        opener = rng.choice(FBROKEN)
    elif voice == "spanglish":
        pools = [FES, FES, F1P_DESC, F1P_CLOSE]
        opener = rng.choice(FES)
    elif voice == "terse":
        pools = [FSHORT]
        opener = rng.choice(FSHORT)
    else:
        pools = [F1P_DESC, F1P_DESC, F1P_CLOSE]
        opener = rng.choice(F1P_OPEN)
    if cat == "massage":
        pools = pools + [MASSAGE_SPA, MASSAGE_SPA] + ([MASSAGE_SKETCHY] if label == "suspicious" else [])
    if cat == "dating":
        pools = pools + [DATING_COMMERCIAL, DATING_COMMERCIAL]
    used = {fill(opener, ctx)}
    person = "3p" if voice in ("agency", "third") else "1p"
    for _ in range(n_fill):
        pool = rng.choice(pools)
        if voice not in ("terse", "broken", "spanglish") and rng.random() < 0.45:
            line = desc_line(rng, person)
        else:
            line = fill(rng.choice(pool), ctx)
        if line not in used:
            used.add(line)
            fill_lines.append(line)
    if cat == "dating" and not any(l in used for l in [fill(x, ctx) for x in DATING_COMMERCIAL]):
        fill_lines.append(fill(rng.choice(DATING_COMMERCIAL), ctx))
    # decoys / rates / logistics
    extras = []
    if rng.random() < 0.5:
        pool = [x for x in DECOYS if x not in DECOY_TAGS]
        if "risky_services" in cues:
            pool = [x for x in pool if "BB" not in x and "GFE" not in x]
        if "drugs" in cues:
            pool = [x for x in pool if "420" not in x]
        extras.append(fill(rng.choice(pool), ctx))
    if cat != "dating" and rng.random() < (0.55 if length != "terse" else 0.3):
        extras.append(fill(rng.choice(RATES), ctx))
    # screening / boundaries / schedule: common in independents' ads but, per RESEARCH.md, screening language is
    # not predictive -- so it also shows up in suspicious ads
    p_b, p_s, p_t = (0.65, 0.55, 0.45) if label == "benign" else (0.12, 0.18, 0.15)
    if rng.random() < p_b:
        pool = BOUNDARIES if label == "benign" else BOUNDARIES[1:2] + BOUNDARIES[3:6]
        extras.append(fill(rng.choice(pool), ctx))
    if rng.random() < p_s:
        extras.append(fill(rng.choice(SCREENING), ctx))
    if rng.random() < p_t:
        extras.append(fill(rng.choice(SCHEDULE), ctx))
    if rng.random() < 0.3:
        extras.append(fill(rng.choice(CLOSERS), ctx))
    middle = fill_lines + extras + cue_lines
    rng.shuffle(middle)
    if voice == "terse":
        body = [fill(opener, ctx)] + middle if rng.random() < 0.5 else middle
        return [b for b in body if b]
    body = [fill(opener, ctx)] + [sentence(x, rng) for x in middle]
    if length == "long" or (length == "medium" and rng.random() < 0.3):
        if rng.random() < 0.5:
            body.insert(rng.randint(1, len(body)), info_block(rng, ctx))
        if cat != "dating" and rng.random() < 0.5:
            body.append(rate_block(rng, ctx))
    return body


DATING_TITLES_B = ["Looking for my person", "Dinner and a movie?", "Seeking a kind gentleman", "Let's grab coffee",
                   "Hiking buddy and maybe more", "Widowed, ready to try again", "Bookworm seeks bookworm",
                   "Tired of the apps", "Is chivalry dead?", "Simple guy, simple life", "Dance partner wanted",
                   "Looking for a plus-one", "Two left feet, one big heart"]
DATING_LINES_B = ["I love hiking, cooking and bad movies.", "Looking for something long-term.", "Not into hookups.",
                  "Must love dogs.", "Seeking someone between 35 and 50.", "I work in accounting and coach Little League.",
                  "Non-smoker, social drinker.", "Sundays are for farmers markets and crosswords.",
                  "I'm a nurse with a crazy schedule but a big heart.", "Kids are grown and I have time for me again.",
                  "Tell me your favorite book in your first message.", "Coffee first, then we'll see.",
                  "I'm tall, a little goofy and I make a mean lasagna.", "Looking for a partner in crime for road trips.",
                  "Divorced, no drama, just want good company.", "I volunteer at the animal shelter on weekends.",
                  "Please be local to {city}.", "Honest, kind and employed is all I ask."]
DATING_CUE_B = {"trust_language": ["No games, please.", "Real pics exchanged after a few messages.",
                                   "What you see is what you get with me.", "Not a catfish, I promise."],
                "movement": ["I'm new in town and would love someone to show me around.",
                             "Just moved to {city} for work and new to the area."],
                "ethnicity_stated": ["{SWF}, {age_or}", "{eth} and proud of my roots.",
                                     "Mixed, loud and loving it."]}


ARRANGEMENT_B = ["Professional woman open to an arrangement with a generous, respectful gentleman.",
                 "Grad-school graduate, now working in marketing, looking for a mutually beneficial arrangement.",
                 "I'm a grown woman who knows what she wants: good company and a generous allowance.",
                 "Allowance and expectations discussed over coffee first.", "Screening required, I date-check.",
                 "Discretion expected and given.", "Not an escort, not an agency: just me, looking for the right arrangement.",
                 "Generous men only; I'm worth it.", "Let's meet for a drink and see if we click.",
                 "Divorced, no kids, lots of free evenings.", "I set my own terms and I stick to them."]
ARRANGEMENT_TITLES = ["Arrangement?", "Seeking generous gentleman", "Mutually beneficial", "Sugar, no drama",
                      "Generous gent wanted for dinners"]


def dating_benign_body(rng, ctx, cues, stated_age):
    if rng.random() < 0.35:
        # an adult's commercial 'arrangement' ad with no trafficking indicator
        lines = rng.sample([l for l in ARRANGEMENT_B if "agency" not in l and "she wants" not in l], rng.randint(2, 5))
        extra = []
        if not cues and rng.random() < 0.3:
            # 'not an agency' is trust wording (FAMILIES.md)
            lines.append(ARRANGEMENT_B[6])
            extra.append("trust_language")
        for fam in cues:
            tmpl = rng.choice(DATING_CUE_B[fam])
            tmpl = tmpl.replace("{SWF}", rng.choice(["SWF", "SBF", "SHF", "DWF"])).replace("{age_or}", "seeking an arrangement")
            lines.insert(rng.randint(0, len(lines)), fill(tmpl, ctx))
        return lines, fill(rng.choice(ARRANGEMENT_TITLES), ctx), extra
    who = rng.choice(["woman", "man", "woman", "woman", "man"])
    title = fill(rng.choice(DATING_TITLES_B), ctx)
    if rng.random() < 0.4:
        title += rng.choice([" (%s)" % ("w4m" if who == "woman" else "m4w"), " - %s" % ("w4w" if who == "woman" else "m4m"), ""])
    n = rng.randint(2, 8)
    lines = rng.sample(DATING_LINES_B, n)
    lines = [fill(l, ctx) for l in lines]
    extra = []
    for fam in cues:
        tmpl = rng.choice(DATING_CUE_B[fam])
        if "{SWF}" in tmpl:
            code = rng.choice(["S", "D", "S"]) + rng.choice(["W", "B", "H", "A"]) + ("F" if who == "woman" else "M")
            tmpl = tmpl.replace("{SWF}", code).replace("{age_or}", rng.choice(["seeking a friend first", "looking for a good one"]))
        lines.insert(rng.randint(0, len(lines)), fill(tmpl, ctx))
    if not cues and rng.random() < 0.25:
        # the phrase "young at heart" is youth wording (FAMILIES: young glued to other words)
        lines.append("Young at heart and still up for adventures.")
        extra.append("youth")
    if rng.random() < 0.3:
        lines.append(rng.choice(["No hookups, no money talk.", "Not looking for anything paid, don't ask.",
                                 "21+ only.", "Serious replies only."]))
    return lines, title, extra


def massage_benign_body(rng, ctx, cues, stated_age):
    kind = wchoice(rng, [("lmt", 0.35), ("spa", 0.2), ("adult", 0.45)])
    lines = []
    extra = []
    title = None
    if kind == "lmt":
        title = fill(rng.choice(LMT_TITLES), ctx)
        lines = [fill(l, ctx) for l in rng.sample(LMT_LINES, rng.randint(2, 7))]
        if rng.random() < 0.5:
            lines.insert(rng.randint(0, len(lines)), rng.choice(MASSAGE_SPA[1:]))
        if "incall_outcall" in cues:
            lines.append(fill(rng.choice(["My studio is on {street} in {city}.", "Mobile massage: I bring the table to your home.",
                                          "In-studio or I come to you within 10 miles."]), ctx))
        elif "trust_language" in cues:
            lines.append(rng.choice(["Reviewed on every local site.", "Independent therapist, not a chain.",
                                     "Verified LMT, license on the wall."]))
        elif "movement" in cues:
            lines.append(fill("Just moved to {city}, new to the area and building my client list.", ctx))
        stated_age = None
    elif kind == "spa":
        title = fill(rng.choice(["{spa} Day Spa", "{spa} Wellness Studio - Massage & Facials", "Spring Special at {spa}"]), ctx)
        lines = [fill("{spa} Day Spa offers facials, massage and nail care.", ctx),
                 rng.choice(["Our team of licensed therapists has over 40 years of combined experience.",
                             "Choose from our licensed therapists, male or female."]),
                 fill("Located at {num} {street}, {city}.", ctx),
                 rng.choice(["Open Mon-Sat 9am-7pm.", "Open daily 10-8.", "Appointments recommended."]),
                 rng.choice(["Couples massage packages available.", "Gift cards make great presents.",
                             "Ask about our membership plan."])]
        lines.insert(1, rng.choice(MASSAGE_SPA))
        # legitimate business voice presenting staff is third_party/multiple wording; the address is where the session happens
        extra = ["third_party", "multiple_providers", "incall_outcall"]
        cues[:] = []
        stated_age = None
    else:
        title = fill(rng.choice(["Relaxation with {name}", "Soothing Touch by {name}", "Unwind After Work",
                                 "Mature, Calm, Relaxing"]), ctx)
        pool = [l for l in ADULT_MASSAGE_LINES if l not in ADULT_MASSAGE_TAGS or not cues]
        lines = [fill(l, ctx) for l in rng.sample(pool, rng.randint(2, 5))]
        lines += rng.sample(MASSAGE_SPA[1:], rng.randint(0, 2))
        if rng.random() < 0.4:
            lines.insert(rng.randint(0, len(lines)), desc_line(rng, "1p"))
        for l in lines:
            if l in ADULT_MASSAGE_TAGS:
                extra += list(ADULT_MASSAGE_TAGS[l])
        if cues:
            fam = cues[0]
            got = pick_fragment(rng, fam, "1p", cues, "massage", ctx, False)
            if got:
                lines.insert(rng.randint(0, len(lines)), sentence(got[0], rng))
        lines.append(fill(rng.choice(SCREENING), ctx))
        if rng.random() < 0.6:
            lines.append(fill(rng.choice(RATES[:5]), ctx))
    return lines, title, extra, stated_age


# =====================================================================================================
# Ordinary classifieds
# =====================================================================================================

def ord_ctx(rng):
    ra = rng.randrange(20, 900, 5)
    return {"city": rng.choice(CITIES), "area": rng.choice(AREAS), "street": rng.choice(STREETS),
            "num": rng.randint(10, 9900), "fname": rng.choice(ORD_FIRST[:12]), "fname2": rng.choice(ORD_FIRST[12:]),
            "price": ra, "price2": ra * 3 + rng.randrange(0, 500, 25), "year": rng.randint(1996, 2022),
            "miles": rng.randrange(18, 240, 3), "pay": rng.randint(14, 32), "rent": rng.randrange(650, 2900, 25),
            "beds": rng.randint(1, 4), "baths": rng.choice(["1", "1.5", "2", "2.5"]), "sqft": rng.randrange(450, 2400, 10),
            "phone": new_phone(rng), "date": "%s %d" % (rng.choice(["March", "April", "May", "June", "July", "Sept.", "Oct."]),
                                                         rng.randint(1, 28)),
            "time": rng.choice(["8am", "9am", "10am", "7pm", "6:30pm", "noon"]),
            "biz": rng.choice(["Rosa's Kitchen", "Harbor Diner", "Blue Fern Cafe", "Lucky Wok", "Smokehouse 9",
                               "Cedar Row Taqueria"]),
            "shop": rng.choice(["Quarry Hardware", "Oakhurst Veterinary", "Page Turner Books", "Mercer Auto Parts",
                                "Corner Cup Coffee", "Fenwick Pharmacy"]),
            "tow": rng.choice(["Northgate Tire & Tow", "Route 9 Towing", "Big Al's Wrecker Service", "Harbor Roadside"]),
            "bakery": rng.choice(["Pike Road Bakery", "Sunrise Bakehouse", "Crumb & Co.", "La Estrella Panaderia"]),
            }


# each generator returns (title, lines, cues, stated_age).  decoy() returns (text, families) per FAMILIES wording.

def decoy(rng, ctx, options):
    t, fams = rng.choice(options)
    return fill(t, ctx), list(fams)


JOB_DECOYS = [("Join our young, energetic team!", ("youth",)), ("Under new management.", ("third_party",)),
              ("Ask for {fname2} when you come in.", ("third_party",)), ("We are open 24 hours, all shifts available.", ("availability_24_7",)),
              ("Latina-owned and family run since 2004.", ("ethnicity_stated",)), ("Day and night shifts available.", ("availability_24_7",)),
              ("No scams, real company, real paychecks.", ("trust_language",)), ("Students welcome to apply.", ()),
              ("Drug-free workplace.", ()), ("Must be 18+ with a valid license.", ()), ("Weekly pay, direct deposit.", ()),
              ("New in town? This is a great way to meet people.", ()), ("Flexible hours for parents and students.", ())]
GOODS_DECOYS = [("Brand new in box, never opened.", ("youth",)), ("Real photos of the actual item, not stock.", ("trust_language",)),
                ("No scams, no lowballers, no games.", ("trust_language",)), ("Pick up at my place in {area}.", ("incall_outcall",)),
                ("Available anytime this weekend.", ("availability_24_7",)), ("Ask for {fname2} at the front desk.", ("third_party",)),
                ("Cash only, local pickup.", ()), ("Serious buyers only.", ()), ("Smoke-free, pet-free home.", ()),
                ("Petite sizes, all like new.", ()), ("Available now.", ()), ("Price is firm.", ())]
HOUSING_DECOYS = [("Real photos, I will show it in person, no scams.", ("trust_language",)), ("24-hour gym on site.", ("availability_24_7",)),
                  ("Walking distance to two hotels and the convention center.", ("venue_hotel",)),
                  ("Motel-style rooms also available by the week.", ("venue_hotel",)), ("Student housing, near campus.", ()),
                  ("No smoking, no drugs, no parties.", ()), ("Ask for {fname2} in the leasing office.", ("third_party",)),
                  ("Quiet building, great for young professionals.", ("youth",)), ("Utilities included.", ()),
                  ("Available now.", ()), ("No pets over 40 lbs.", ())]
VEHICLE_DECOYS = [("Real pics, no stock photos.", ("trust_language",)), ("No lowballers, no scams.", ("trust_language",)),
                  ("Ask for {fname2}.", ("third_party",)), ("Clean title in hand.", ()), ("Runs and drives great.", ()),
                  ("Perfect first car for a student.", ()), ("Cash or cashier's check only.", ()), ("No trades.", ())]
SERVICE_DECOYS = [("24 hour towing, call anytime.", ("availability_24_7",)), ("24/7 emergency service.", ("availability_24_7",)),
                  ("Latina-owned and operated.", ("ethnicity_stated",)), ("Young team, old-school work ethic.", ("youth",)),
                  ("New in town! Stop by and say hello.", ("movement",)), ("Ask for {fname2}.", ("third_party",)),
                  ("We come to you.", ("incall_outcall",)), ("Licensed and insured.", ()), ("Free estimates.", ()),
                  ("Senior discount.", ()), ("Satisfaction guaranteed.", ()), ("Family owned since 1988.", ())]
EVENT_DECOYS = [("All ages welcome.", ()), ("21+ with ID.", ()),
                ("Doors open late, music till 1am.", ()), ("Party starts at 8.", ()),
                ("Free parking.", ()), ("Rain or shine.", ())]
PET_DECOYS = [("Real photos of the actual kittens.", ("trust_language",)), ("No scams, meet in person only.", ("trust_language",)),
              ("Ask for {fname2}.", ("third_party",)), ("Our 16 year old cat needs a quiet retirement home.", ()),
              ("Young and playful, great with kids.", ("youth",)), ("Up to date on shots.", ()), ("Rehoming fee applies.", ())]


def ord_contact(rng, ctx, spanish=False):
    ph = plain_phone(rng, ctx["phone"])
    email = new_email(rng, ctx["fname"])
    if spanish:
        return rng.choice(["Llame al %s." % ph, "Informes: %s" % ph, "Tel. %s, pregunte por %s." % (ph, ctx["fname"])])
    return rng.choice(["Call %s." % ph, "Text %s." % ph, "Email %s." % email, "Call or text %s." % ph,
                       "Reply to %s." % email, "%s, %s." % (ctx["fname"], ph), "Serious inquiries: %s" % ph,
                       "Contact %s at %s or %s." % (ctx["fname"], ph, email)])



JOB_RESP = ["Prep stations before service", "Keep the work area clean and organized", "Greet customers and answer questions",
            "Load and unload trucks", "Operate a pallet jack or forklift", "Handle cash and card payments",
            "Stock shelves and rotate product", "Answer phones and schedule appointments", "Follow safety procedures",
            "Assist with light cleaning at close", "Track inventory and place orders", "Train new hires on procedures"]
JOB_REQ = ["Reliable transportation", "Able to lift 40 lbs", "Weekend availability", "Basic math and computer skills",
           "Food handler card (or get one in your first week)", "Valid driver's license", "Positive attitude",
           "6 months experience preferred", "Able to pass a background check", "Bilingual English/Spanish a plus"]
JOB_BEN = ["Paid time off after 90 days", "Health and dental", "Free shift meals", "Employee discount", "401(k) with match",
           "Weekly pay", "Flexible scheduling", "Uniforms provided"]
HOUSE_FEAT = ["Dishwasher", "Central air", "Off-street parking", "Storage unit included", "Balcony", "Washer/dryer hookups",
              "New carpet", "Fenced yard", "Walk-in closet", "Gas stove", "Ceiling fans", "Close to bus line",
              "Water and trash included", "Quiet street"]
CAR_SPEC = ["Automatic transmission", "Cold AC", "New tires last year", "Backup camera", "Bluetooth stereo",
            "Tow package", "Leather seats", "Oil changed every 5k", "Two keys", "No check engine light", "Roof rack"]
MORE_ITEMS = ["bookshelf $25", "kids bike $30", "microwave $20", "rug 5x8 $40", "lamp $10", "box of DVDs $5",
              "patio chairs $35 for two", "desk chair $25", "mini fridge $45", "air fryer $30"]


def bullets(rng, items, head):
    mark = rng.choice(["- ", "* ", "\u2022 ", ""])
    return head + "\n" + "\n".join(mark + i for i in items)


def long_block(rng, kind, ctx):
    if kind == "job":
        parts = []
        if rng.random() < 0.6:
            parts.append(fill(rng.choice(["We have served {city} for over 20 years and we are growing.",
                                          "We're a busy, friendly shop and we treat our people right.",
                                          "Come work somewhere that actually answers your calls back."]), ctx))
        parts.append(bullets(rng, rng.sample(JOB_RESP, rng.randint(3, 5)), rng.choice(["Responsibilities:", "What you'll do:", "Duties"])))
        parts.append(bullets(rng, rng.sample(JOB_REQ, rng.randint(2, 4)), rng.choice(["Requirements:", "You have:", "Must have"])))
        if rng.random() < 0.6:
            parts.append(bullets(rng, rng.sample(JOB_BEN, rng.randint(2, 4)), rng.choice(["Benefits:", "Perks", "We offer:"])))
        return parts
    if kind == "house":
        return [bullets(rng, rng.sample(HOUSE_FEAT, rng.randint(3, 7)), rng.choice(["Features:", "Amenities", "Includes:"])),
                rng.choice(["Application fee $35 per adult. Income 2.5x rent.", "No evictions in the last 5 years.",
                            "Showings Saturday 10-2 by appointment."])]
    if kind == "car":
        return [bullets(rng, rng.sample(CAR_SPEC, rng.randint(3, 6)), rng.choice(["Details:", "Extras", "Features:"])),
                rng.choice(["Selling because we bought a minivan.", "Moving and can't take it.", "Reason for selling: new job comes with a company car."])]
    if kind == "goods":
        return [bullets(rng, rng.sample(MORE_ITEMS, rng.randint(3, 6)), "Also selling:")]
    return []


def gen_job(rng, ctx):
    kind = rng.randint(0, 7)
    tags = {}
    age = None
    if kind == 0:
        title = fill(rng.choice(["Now Hiring: Line Cooks & Servers", "{biz} is hiring!", "Kitchen help wanted - {city}"]), ctx)
        lines = [fill("{biz} is hiring line cooks, dishwashers and servers.", ctx),
                 fill("Full and part time, ${pay}/hr plus tips.", ctx),
                 fill("Apply in person Mon-Thu 2-4pm at {num} {street}.", ctx)]
    elif kind == 1:
        title = fill(rng.choice(["Warehouse Associates Needed", "Forklift Operators - {city} DC", "Order Pickers $" + "{pay}/hr"]), ctx)
        lines = [fill("Our {city} distribution center needs reliable associates.", ctx),
                 "Lift 50 lbs, stand for long periods, steel-toe boots required.",
                 fill("Starting at ${pay}/hr, overtime available, benefits after 90 days.", ctx)]
    elif kind == 2:
        title = rng.choice(["CDL-A Driver, Regional", "Delivery Drivers Wanted", "Box Truck Driver - Home Nightly"])
        lines = ["Clean MVR and 2 years experience required.", fill("Home most nights, routes out of {city}.", ctx),
                 "Paid weekly, fuel card provided."]
    elif kind == 3:
        title = rng.choice(["Front Desk / Office Admin", "Bookkeeper, part time", "Receptionist for busy dental office"])
        lines = ["Must be organized, friendly and comfortable with phones and spreadsheets.",
                 fill("Hours 9-5, ${pay}/hr depending on experience.", ctx), "Send resume and two references."]
    elif kind == 4:
        title = rng.choice(["Caregiver Needed for Elderly Father", "Home Health Aide", "Overnight companion for senior"])
        lines = [fill("Looking for a kind, patient caregiver for my father in {area}.", ctx),
                 "Light meals, medication reminders, company and short walks.",
                 "CNA preferred but not required. Background check required."]
    elif kind == 5:
        title = rng.choice(["Landscaping Crew Members", "Lawn care help for the season", "Roofing laborers - cash weekly"])
        lines = [fill("Start immediately, ${pay}/hr, work outdoors all season.", ctx),
                 "Must have reliable transportation and show up on time."]
    elif kind == 6:
        title = rng.choice(["Models Wanted for Hair Show", "Extras needed for local commercial", "Mystery shoppers (legit)"])
        lines = [fill("Paid gig on {date}, 9am to 4pm, at the {city} convention center.", ctx),
                 "No experience needed. Bring two outfits.", "Parents must accompany anyone under 18."]
    else:
        title = rng.choice(["Retail Sales Associate", "Barista wanted", "Cashier - evenings and weekends"])
        lines = [fill("{shop} is looking for a cheerful team player.", ctx), fill("Evenings and weekends, ${pay}/hr.", ctx)]
    if kind in (0, 1, 3, 7) and rng.random() < 0.5:
        lines += long_block(rng, "job", ctx)
    if rng.random() < 0.5:
        t, f = decoy(rng, ctx, JOB_DECOYS)
        lines.insert(rng.randint(1, len(lines)), t)
        tags[t] = f
    return title, lines, tags, age


GOODS = [("Couch, grey sectional", "Sectional couch, grey fabric, seats 5. Some wear on one cushion."),
         ("Mountain bike 27.5\"", "Aluminum frame, hydraulic brakes, just tuned up. Medium frame fits 5'6 to 5'11."),
         ("Dining table + 4 chairs", "Solid oak, a few scratches, chairs are sturdy."),
         ("PS5 with two controllers", "Works perfectly, comes with charging dock and three games."),
         ("Craftsman tool chest", "Rolling chest, 8 drawers, keys included."),
         ("Baby stroller and car seat combo", "Travel system, expiration 2027, never in an accident."),
         ("Washer and dryer set", "Front load pair, 6 years old, run great. Need gone by the weekend."),
         ("Vintage Coca-Cola bottle collection", "About 40 glass coke bottles from the 60s and 70s."),
         ("Greek yogurt maker", "Makes 2 quarts at a time, used twice."),
         ("Massage chair, full body", "Heated recliner massage chair, all functions work."),
         ("Prom dresses, sizes 2-6", "Worn once each, dry cleaned. Petite sizes."),
         ("Firewood, seasoned oak", "Half cord delivered and stacked within 15 miles."),
         ("iPhone 13, unlocked", "128GB, battery health 88%, no cracks."),
         ("Kids bunk bed", "Twin over twin, mattresses not included."),
         ("Free: moving boxes", "About 30 boxes, broken down, free to whoever picks them up."),
         ("Standing desk", "Electric, 48 inch top, memory presets."),
         ("Asian antique vase", "Hand-painted porcelain, estate sale find, about 14 inches tall."),
         ("Party supplies lot", "Tables, folding chairs and string lights from our wedding.")]


def gen_goods(rng, ctx):
    name, desc = rng.choice(GOODS)
    title = name + rng.choice([" - $%d" % ctx["price"], " $%d obo" % ctx["price"], "", " (%s)" % ctx["area"]])
    lines = [desc]
    if rng.random() < 0.6:
        lines.append(rng.choice(["Asking $%d or best offer." % ctx["price"], "$%d firm." % ctx["price"],
                                 "Paid $%d, selling for $%d." % (ctx["price2"], ctx["price"])]))
    if rng.random() < 0.4:
        lines.append(fill(rng.choice(["Located near {area}.", "Pickup in {city}.", "Can meet at the {city} police station lot."]), ctx))
    if rng.random() < 0.2:
        lines += long_block(rng, "goods", ctx)
    tags = {}
    if rng.random() < 0.55:
        t, f = decoy(rng, ctx, GOODS_DECOYS)
        lines.append(t)
        tags[t] = f
    return title, lines, tags, None


def gen_housing(rng, ctx):
    kind = rng.randint(0, 4)
    if kind == 0:
        title = fill("{beds}BR/{baths}BA apartment in {area} - ${rent}", ctx)
        lines = [fill("Sunny {beds} bedroom, {baths} bath, about {sqft} sq ft on the second floor.", ctx),
                 "Hardwood floors, updated kitchen, in-unit laundry.",
                 fill("${rent}/month, first and last plus deposit. 12-month lease.", ctx)]
    elif kind == 1:
        title = fill(rng.choice(["Room for rent - ${rent}", "Furnished room near {area}", "Room available now"]), ctx)
        lines = [fill("Furnished room in a quiet house, shared kitchen and bath. ${rent} includes utilities and wifi.", ctx),
                 "Looking for a clean, responsible person with steady income."]
    elif kind == 2:
        title = fill("Summer sublet, {area}", ctx)
        lines = [fill("Subletting my studio from {date} through August.", ctx), "Fully furnished, AC, bike storage."]
    elif kind == 3:
        title = fill("House for rent: {beds} bed in {city}", ctx)
        lines = [fill("Single-family home with fenced yard and garage, {sqft} sq ft.", ctx),
                 "Pets considered with deposit.", fill("${rent}/mo, available {date}.", ctx)]
    else:
        title = rng.choice(["Roommate wanted", "Looking for a roommate, 2BR", "Female roommate wanted"])
        lines = [fill("I'm {fname}, 30s, work in healthcare and keep odd hours.", ctx),
                 fill("Your half is ${rent}. Quiet, clean, and I like to cook.", ctx)]
    tags = {}
    if rng.random() < 0.45:
        lines += long_block(rng, "house", ctx)
    if rng.random() < 0.5:
        opts = HOUSING_DECOYS if kind in (0, 1, 2) else [d for d in HOUSING_DECOYS if "gym" not in d[0] and "otel" not in d[0]]
        t, f = decoy(rng, ctx, opts)
        lines.append(t)
        tags[t] = f
    if rng.random() < 0.15:  # Spanish
        title = fill(rng.choice(["Se renta cuarto amueblado ${rent}", "Se renta casa {beds} recámaras"]), ctx)
        lines = [fill("Cuarto amueblado en {area}, incluye luz, agua e internet.", ctx),
                 "Para persona tranquila y trabajadora. Depósito requerido."]
        tags = {}
    return title, lines, tags, None


VEHICLES = ["{year} Honda Civic", "{year} Ford F-150", "{year} Toyota Camry", "1998 Ford Escort", "{year} Jeep Wrangler",
            "{year} Subaru Outback", "{year} Chevy Silverado", "{year} Harley-Davidson Sportster", "{year} Nissan Altima",
            "16ft aluminum fishing boat", "Set of 4 winter tires 205/55R16", "{year} Kia Soul"]


def gen_vehicle(rng, ctx):
    v = fill(rng.choice(VEHICLES), ctx)
    title = v + rng.choice([" - $%d" % (ctx["price"] * 20), ", runs great", " - must sell", ""])
    lines = [fill(rng.choice(["{miles}k miles, automatic, cold AC.", "{miles}k miles, new brakes and battery.",
                              "Some rust on the rear quarter panel, mechanically solid.",
                              "Timing belt done at {miles}k, all records."]), ctx),
             "Asking $%d." % (ctx["price"] * 20)]
    tags = {}
    if rng.random() < 0.4:
        lines += long_block(rng, "car", ctx)
    if rng.random() < 0.5:
        t, f = decoy(rng, ctx, VEHICLE_DECOYS)
        lines.append(t)
        tags[t] = f
    if rng.random() < 0.12:
        title = fill("Se vende troca {year}", ctx)
        lines = [fill("Troca {year}, {miles} mil millas, todo funciona, papeles en mano.", ctx), "Precio negociable."]
        tags = {}
    return title, lines, tags, None


def gen_service(rng, ctx):
    kind = rng.randint(0, 9)
    if kind == 8 and rng.random() < 0.5:
        kind = 9
    tags = {}
    age = None
    if kind == 0:
        title = fill("{tow} - Towing & Roadside", ctx)
        lines = ["Lockouts, jump starts, flat tires, flatbed towing.", fill("Serving {city} and surrounding areas.", ctx)]
        if rng.random() < 0.7:
            _l = "24 hour towing, day or night."
            lines.insert(0, _l)
            tags[_l] = ["availability_24_7"]
    elif kind == 1:
        title = rng.choice(["Emergency Plumber", "Drain Cleaning & Water Heaters", "Licensed Plumber - Fair Prices"])
        lines = ["Leaks, clogs, water heaters, sump pumps.", "Upfront pricing, no overtime surprises."]
        if rng.random() < 0.7:
            _l = "24/7 emergency service."
            lines.append(_l)
            tags[_l] = ["availability_24_7"]
    elif kind == 2:
        title = rng.choice(["House Cleaning - Weekly or Biweekly", "Move-out Cleaning", "Sparkle Cleaning Co."])
        lines = ["Deep cleans, move-outs, weekly service.", "We bring all supplies."]
        if rng.random() < 0.6:
            _l = "Latina-owned and operated."
            lines.insert(0, _l)
            tags[_l] = ["ethnicity_stated"]
    elif kind == 3:
        title = rng.choice(["Local Movers - Two Guys and a Truck", "Tamsen Movers", "Moving help, hourly"])
        lines = [fill("Apartments, houses, storage units. ${pay}0/hr for two movers and truck.", ctx)]
        if rng.random() < 0.6:
            _l = "Young team, careful with your stuff."
            lines.append(_l)
            tags[_l] = ["youth"]
    elif kind == 4:
        title = fill("{bakery} now open on {street}", ctx)
        lines = ["Fresh bread daily, custom cakes, coffee.", fill("Grand opening special {date}: free cookie with any coffee.", ctx)]
        if rng.random() < 0.6:
            _l = "New in town bakery!"
            lines.insert(0, _l)
            tags[_l] = ["movement"]
    elif kind == 5:
        title = rng.choice(["Haircuts & Color", "Linden Lane Salon - Walk-ins", "Balayage special"])
        lines = ["Cuts, color, blowouts, keratin.", "Walk-ins welcome Tuesday through Saturday."]
        tags["Walk-ins welcome Tuesday through Saturday."] = ["incall_outcall"]
        if rng.random() < 0.6:
            _l = fill("Ask for {fname}, 15 years experience.", ctx)
            lines.append(_l)
            tags[_l] = ["third_party"]
    elif kind == 6:
        title = rng.choice(["Math & Chemistry Tutoring", "SAT prep tutor", "Spanish tutoring, all levels"])
        lines = [fill("${pay}/hr, online or at the {city} library.", ctx)]
        if rng.random() < 0.6:
            _l = "I'm a college student majoring in chemistry with two years of tutoring experience."
            lines.insert(0, _l)
            tags[_l] = ["youth"]
    elif kind == 7:
        title = rng.choice(["Handyman - no job too small", "Mobile mechanic", "Mobile dog grooming"])
        lines = ["Drywall, doors, fixtures, small repairs.", "Reasonable rates, free estimates."]
        if rng.random() < 0.6:
            _l = "I come to you, evenings and weekends."
            lines.append(_l)
            tags[_l] = ["incall_outcall"]
    elif kind == 8:
        # teenager offering ordinary work: an ordinary ad, not commercial sex
        a = rng.choice([14, 15, 15, 16, 16, 17])
        title = rng.choice(["Babysitter available this summer", "Lawn mowing - neighborhood teen", "Dog walking and pet sitting"])
        lines = [rng.choice(["Hi! I'm %d, Red Cross babysitting certified and CPR trained." % a,
                             "I'm a responsible %d year old looking for lawn mowing jobs in the neighborhood." % a,
                             "I'm %d and love animals. I can walk dogs weekday afternoons and on weekends." % a]),
                 "References from neighbors available.", "My mom can answer any questions too."]
        tags[lines[0]] = ["underage_age"]
        age = a
    else:
        title = rng.choice(["Wedding & Event Photography", "Computer Repair, Virus Removal", "Yard cleanup & hauling"])
        lines = ["Fair prices, fast turnaround.", fill("Serving {city} since {year}.", ctx)]
    if rng.random() < 0.25:
        t, f = decoy(rng, ctx, SERVICE_DECOYS)
        if t not in lines:
            lines.append(t)
            tags[t] = f
    return title, lines, tags, age


def gen_event(rng, ctx):
    kind = rng.randint(0, 5)
    tags = {}
    if kind == 0:
        title = fill("Multi-family garage sale {date}", ctx)
        lines = [fill("{num} {street}, {time} to 2pm.", ctx), "Furniture, kids clothes, tools, books, kitchen stuff."]
    elif kind == 1:
        title = rng.choice(["Live music: The Rusty Nails", "Jazz night at the Blue Fern", "Open mic every Thursday"])
        lines = [fill("{date}, doors at {time}. $10 at the door.", ctx)]
        if rng.random() < 0.5:
            _l = rng.choice(["Back in town for one night only!", "Touring the coast this summer, one stop only here."])
            lines.insert(0, _l)
            tags[_l] = ["movement"]
    elif kind == 2:
        title = fill("{city} Farmers Market opens {date}", ctx)
        lines = ["Local produce, honey, baked goods and crafts.", "Saturdays 8am to 1pm, rain or shine."]
        if rng.random() < 0.4:
            _l = "Night market too: day and night, both weekend days."
            lines.append(_l)
            tags[_l] = ["availability_24_7"]
    elif kind == 3:
        title = rng.choice(["Church pancake breakfast fundraiser", "5K fun run for the animal shelter", "Greek Festival this weekend"])
        lines = [fill("{date} starting at {time}. All proceeds go to the youth program.", ctx),
                 "Kids under 12 eat free."]
    elif kind == 4:
        title = rng.choice(["Beginner yoga in the park", "Board game meetup", "Running club - all paces"])
        lines = [fill("Meets every Sunday at {time} at {area} park.", ctx), "Free, just show up."]
    else:
        title = rng.choice(["Youth soccer registration open", "Summer swim lessons, ages 4-16"])
        lines = ["Registration closes at the end of the month.", "Scholarships available, ask at the front desk."]
    if rng.random() < 0.35:
        t, f = decoy(rng, ctx, EVENT_DECOYS)
        if t not in lines:
            lines.append(t)
            tags[t] = f
    return title, lines, tags, None


def gen_pet(rng, ctx):
    kind = rng.randint(0, 4)
    tags = {}
    if kind == 0:
        title = rng.choice(["Lab puppies, 8 weeks", "Golden doodle puppies", "Beagle puppies ready now"])
        lines = ["First shots and dewormed, parents on site.", "Rehoming fee $%d." % ctx["price"]]
    elif kind == 1:
        title = rng.choice(["Kittens free to good home", "Two bonded kittens"])
        lines = ["Litter trained, very playful.", "Must go together."]
    elif kind == 2:
        title = fill("LOST DOG - {area}", ctx)
        lines = [fill("Brown terrier mix, answers to Biscuit, last seen near {street} on {date}.", ctx), "Reward offered."]
    elif kind == 3:
        title = "Rehoming senior cat"
        lines = ["Sweet, quiet, indoor only. Moving overseas and can't take him.", "Comes with carrier and litter box."]
    else:
        title = rng.choice(["Pet sitting & dog walking", "Reliable pet sitter"])
        lines = [fill("Daily visits, overnight stays, {area} and nearby.", ctx), "Bonded and insured."]
    if rng.random() < 0.45:
        t, f = decoy(rng, ctx, PET_DECOYS)
        lines.append(t)
        tags[t] = f
    return title, lines, tags, None


ORD_GENS = [(gen_job, 0.17), (gen_goods, 0.2), (gen_housing, 0.15), (gen_vehicle, 0.13), (gen_service, 0.18),
            (gen_event, 0.09), (gen_pet, 0.08)]
ORD_SECTION = {gen_job: "jobs", gen_goods: "for sale", gen_housing: "housing", gen_vehicle: "vehicles",
               gen_service: "services", gen_event: "events", gen_pet: "pets"}


def compose_ordinary(rng):
    ctx = ord_ctx(rng)
    g = wchoice(rng, ORD_GENS)
    title, lines, tags, age = g(rng, ctx)
    spanish = any(w in title for w in ("Se renta", "Se vende"))
    style = wchoice(rng, [("plain", 0.75), ("caps", 0.08), ("emoji", 0.07), ("terse", 0.1)])
    if style == "terse":
        lines = lines[:1] + [l for l in lines[1:] if l in tags]
    # cues: the families whose wording sits in a line that is still there (decoys in an ordinary ad)
    cues = []
    for l in lines:
        for f in tags.get(l, []):
            if f not in cues:
                cues.append(f)
    if "underage_age" not in cues:
        age = None
    lines = lines + [ord_contact(rng, ctx, spanish)]
    if style == "caps":
        title = title.upper()
        lines = [finish_emails(l.upper()) for l in lines]
    elif style == "emoji":
        em = ["\u2705", "\U0001F4E6", "\U0001F525", "\U0001F697", "\U0001F3E0", "\u2B50", "\U0001F4DE", "\U0001F389"]
        lines = [l if "\n" in l else l + " " + rng.choice(em) for l in lines]
    if any("\n" in l for l in lines):
        paragraphs = split_paragraphs(rng, lines)
    elif len(lines) > 3 and style != "terse" and rng.random() < 0.5:
        k = rng.randint(1, len(lines) - 1)
        paragraphs = [" ".join(lines[:k]), " ".join(lines[k:])]
    else:
        paragraphs = [" ".join(lines)]
    return {"title": title, "paragraphs": paragraphs, "cues": cues, "stated_age": age, "field_age": None,
            "section": ORD_SECTION[g], "ctx": ctx}


# =====================================================================================================
# HTML site layouts (chrome is never part of the ad)
# =====================================================================================================

ADULT_SIDEBAR = ["NEW GIRLS 24/7 ask for Candy", "Barely legal college cutie - 19", "Sweet Latina visiting 2 days only",
                 "Upscale companion Midtown", "Relaxing massage, grand opening", "100% real, no games - 27",
                 "Asian spa new staff", "Two friends, double fun", "Curvy mature lady, incall", "Last night in town!!",
                 "Classy brunette - 31", "420 friendly party girl", "Hotel specials near airport",
                 "Licensed LMT, deep tissue", "Independent, screened, discreet", "Young & sweet, first week",
                 "No AA, incall only", "Kisses from Kestrel Bay", "Evening appointments", "Petite blonde - 24"]
DATING_SIDEBAR = ["Looking for a hiking partner", "Widower, 61, seeks friend", "w4m coffee date?", "Generous gent wanted",
                  "Sweet girl seeks sponsor", "Dance partner Thursday", "Single dad, 38", "New in town, show me around?"]
ORD_SIDEBAR = ["2012 Civic, runs great", "Free firewood", "Room for rent $700", "24 hour towing", "Lab puppies",
               "Couch - must go", "Hiring line cooks", "Garage sale Saturday", "Young team of movers", "iPhone 12 $300",
               "Lost cat - Northgate", "Tutoring by college student", "Latina-owned cleaning", "Truck tires 4x",
               "Apartment 2BR Uptown", "Ask for Maria - salon special", "New in town bakery opening"]
SEO_TAGS_ADULT = "young escorts, new girls, 24/7, latina, asian massage, incall, outcall, hotel, teen, gfe, 420, no cops"
SEO_TAGS_ORD = "cheap furniture, used cars, jobs near me, apartments, 24 hour towing, brand new, real photos"

SECTION_NAMES = {"escort": ["escorts", "companions", "adult entertainment", "female escorts"],
                 "massage": ["body rubs", "massage", "therapeutic massage", "spa & wellness"],
                 "dating": ["personals", "dating", "women seeking men", "casual encounters"]}


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def body_html(paragraphs, style):
    if style == "p":
        return "\n".join("<p>%s</p>" % esc(p).replace("\n", "<br>\n") for p in paragraphs)
    if style == "br":
        return "<br><br>\n".join(esc(p).replace("\n", "<br>\n") for p in paragraphs)
    if style == "BR":
        return "<BR><BR>\n".join(esc(p).replace("\n", "<BR>\n") for p in paragraphs)
    if style == "xbr":
        return "<br /><br />\n".join(esc(p).replace("\n", "<br />\n") for p in paragraphs)
    if style == "ent":  # emoji and non-ascii as numeric references
        out = []
        for p in paragraphs:
            q = "".join("&#%d;" % ord(ch) if ord(ch) > 0x2000 else ch for ch in esc(p))
            out.append("<p>%s</p>" % q.replace("\n", "<br>"))
        return "\n".join(out)
    return "\n".join("<div class=\"line\">%s</div>" % esc(p).replace("\n", "<br>") for p in paragraphs)


def sidebar_items(rng, page):
    if page["cat"] in ("escort", "massage"):
        pool = ADULT_SIDEBAR
    elif page["cat"] == "dating":
        pool = DATING_SIDEBAR + ADULT_SIDEBAR[:4]
    else:
        pool = ORD_SIDEBAR
    return rng.sample(pool, rng.randint(3, 7))


def footer_text(rng, page):
    if page["cat"] == "other":
        return rng.choice(["Copyright %s. All rights reserved." % page["site"], "Terms | Privacy | Help | Safety tips",
                           "Beware of scams: never wire money to strangers."])
    return rng.choice(["All persons depicted are 18+. We do not tolerate human trafficking or the exploitation of minors. "
                       "Report abuse.", "By using this site you confirm you are 18 or older and agree to our terms.",
                       "%s is a venue for independent adult advertisers. Report suspected trafficking to the hotline." % page["site"],
                       "18 U.S.C. 2257 compliance statement | Terms | Privacy"])


def L_table(rng, p):
    side = "".join("<a href=\"/post/%d\">%s</a><br>\n" % (rng.randint(10 ** 6, 10 ** 7), esc(t)) for t in sidebar_items(rng, p))
    age = "<div class=\"posterAge\">Poster's age: %d</div>\n" % p["field_age"] if p["field_age"] is not None else ""
    return ("<html><head><title>%s - %s %s - %s</title>\n<meta name=\"robots\" content=\"noindex\"></head>\n"
            "<body bgcolor=\"#ffffff\" link=\"#0000cc\">\n"
            "<table width=\"100%%\" cellpadding=\"4\"><tr><td class=\"hdr\"><a href=\"/\">%s</a> &raquo; %s &raquo; %s</td>"
            "<td align=\"right\"><a href=\"/post\">post ad</a> | <a href=\"/account\">my account</a></td></tr></table>\n"
            "<table width=\"960\" border=\"0\"><tr><td valign=\"top\" width=\"720\">\n"
            "<div class=\"postingTitle\"><h1>%s</h1></div>\n<div class=\"postingBody\">\n%s\n</div>\n%s"
            "<ul class=\"postInfo\"><li>Location: %s</li><li>Post ID: %d %s</li><li>Posted: %s</li></ul>\n"
            "</td><td valign=\"top\" class=\"sidebar\" width=\"240\"><b>More ads</b><br>\n%s</td></tr></table>\n"
            "<div class=\"footer\"><small>%s</small></div>\n</body></html>\n") % (
        esc(p["title"]), esc(p["city"]), esc(p["section"]), p["site"], p["site"], esc(p["city"]), esc(p["section"]),
        esc(p["title"]), body_html(p["paragraphs"], "br"), age, esc(p["area"]), p["pid"], esc(p["city"].lower()),
        p["posted"], side, esc(footer_text(rng, p)))


def L_modern(rng, p):
    rel = "\n".join("      <li class=\"rel-item\"><a href=\"/ad/%s\">%s</a></li>" % (rng.randint(10 ** 5, 10 ** 6), esc(t))
                    for t in sidebar_items(rng, p))
    age = "<span class=\"meta-age\">Age %d</span>" % p["field_age"] if p["field_age"] is not None else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s | %s</title>\n"
            "<style>\n  body{font-family:Helvetica,Arial,sans-serif;margin:0;background:#fafafa}\n"
            "  .topnav{background:#222;color:#eee;padding:8px 16px}\n  .wrap{display:flex;max-width:1100px;margin:auto}\n"
            "  main{flex:3;padding:16px} aside{flex:1;padding:16px;border-left:1px solid #ddd}\n"
            "  .ad-title{font-size:1.6em}\n</style>\n"
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());"
            "var AD_ID=%d; var SECTION=\"%s\";</script>\n</head>\n<body>\n"
            "<nav class=\"topnav\"><a href=\"/\">%s</a> <a href=\"/search\">Search</a> <a href=\"/new\">Post</a> "
            "<a href=\"/login\">Log in</a></nav>\n<div class=\"wrap\">\n<main id=\"main\">\n<article class=\"ad\">\n"
            "  <h1 class=\"ad-title\">%s</h1>\n  <div class=\"ad-meta\"><span class=\"city\">%s</span> %s "
            "<time datetime=\"%s\">%s</time></div>\n  <section class=\"ad-text\">\n%s\n  </section>\n</article>\n</main>\n"
            "<aside class=\"related\">\n  <h3>Similar ads</h3>\n  <ul>\n%s\n  </ul>\n</aside>\n</div>\n"
            "<footer class=\"site-footer\"><p>%s</p></footer>\n</body>\n</html>\n") % (
        esc(p["title"]), p["site"], p["pid"], attr(p["section"]), p["site"], esc(p["title"]), esc(p["city"]), age,
        p["iso"], p["posted"], body_html(p["paragraphs"], "p"), rel, esc(footer_text(rng, p)))


def L_bootstrap(rng, p):
    crumbs = "<li class=\"breadcrumb-item\"><a href=\"/\">Home</a></li><li class=\"breadcrumb-item\"><a href=\"/%s\">%s</a></li>" \
             "<li class=\"breadcrumb-item active\">%s</li>" % (attr(p["city"].lower().replace(" ", "-")), esc(p["city"]),
                                                                 esc(p["section"]))
    side = "\n".join("<a class=\"list-group-item\" href=\"/listing/%d\">%s</a>" % (rng.randint(1000, 99999), esc(t))
                     for t in sidebar_items(rng, p))
    age = "<tr><th>Age</th><td>%d</td></tr>" % p["field_age"] if p["field_age"] is not None else ""
    ld = json.dumps({"@context": "https://schema.org", "@type": "Offer", "name": "listing %d" % p["pid"],
                     "areaServed": p["city"]})
    return ("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>%s - %s</title>\n"
            "<link rel=\"stylesheet\" href=\"/css/bootstrap.min.css\">\n<script type=\"application/ld+json\">%s</script>\n"
            "</head><body>\n<header class=\"navbar navbar-dark bg-dark\"><a class=\"navbar-brand\" href=\"/\">%s</a></header>\n"
            "<div class=\"container\">\n<nav aria-label=\"breadcrumb\"><ol class=\"breadcrumb\">%s</ol></nav>\n"
            "<div class=\"row\">\n<div class=\"col-md-8\" id=\"listing\" data-listing-id=\"%d\">\n"
            "<h2 class=\"listing-title\">%s</h2>\n<table class=\"table table-sm\"><tr><th>Location</th><td>%s, %s</td></tr>%s</table>\n"
            "<div class=\"listing-description\">\n%s\n</div>\n</div>\n"
            "<div class=\"col-md-4\"><div class=\"card\"><div class=\"card-header\">Recently posted</div>\n"
            "<div class=\"list-group\">\n%s\n</div></div></div>\n</div>\n</div>\n"
            "<footer class=\"text-muted small\">%s</footer>\n<script src=\"/js/bootstrap.bundle.min.js\"></script>\n"
            "</body></html>\n") % (
        esc(p["title"]), p["site"], ld, p["site"], crumbs, p["pid"], esc(p["title"]), esc(p["area"]), esc(p["city"]), age,
        body_html(p["paragraphs"], "p"), side, esc(footer_text(rng, p)))


def L_oldschool(rng, p):
    age = "<B>Age:</B> %d<BR>\n" % p["field_age"] if p["field_age"] is not None else ""
    return ("<HTML>\n<HEAD>\n<TITLE>%s</TITLE>\n</HEAD>\n<BODY BGCOLOR=#FFFFEE TEXT=#000000>\n<CENTER><FONT SIZE=+2 "
            "FACE=Arial>%s</FONT><BR><FONT SIZE=-1>%s classifieds since 1998</FONT></CENTER>\n<HR>\n"
            "<TABLE BORDER=0 WIDTH=600 ALIGN=CENTER><TR><TD>\n<FONT SIZE=+1><B>%s</B></FONT><BR>\n"
            "<I>%s - %s</I><BR>\n%s<BR>\n%s\n</TD></TR></TABLE>\n<HR>\n"
            "<CENTER><A HREF=index.html>Back to listings</A> | <A HREF=post.html>Place an ad</A></CENTER>\n"
            "<CENTER><FONT SIZE=-2>%s</FONT></CENTER>\n</BODY>\n</HTML>\n") % (
        esc(p["title"]), p["site"], esc(p["city"]), esc(p["title"]), esc(p["section"]), esc(p["city"]), age,
        body_html(p["paragraphs"], "BR"), esc(footer_text(rng, p)))


def L_app(rng, p):
    state = json.dumps({"page": "ad", "id": p["pid"], "section": p["section"], "related": [rng.randint(1000, 9999)
                                                                                          for _ in range(4)]})
    age = "<li data-k=\"age\">%d</li>" % p["field_age"] if p["field_age"] is not None else ""
    return ("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>%s</title>"
            "<meta name=\"viewport\" content=\"width=device-width\"></head><body class=\"m\">\n"
            "<div id=\"app\" data-page=\"ad\">\n<header class=\"top-bar\"><button class=\"back\" aria-label=\"Back\">&lsaquo;</button>"
            "<span class=\"logo\">%s</span><button class=\"menu\">&#9776;</button></header>\n"
            "<section class=\"gallery\"><img src=\"/img/%d_1.jpg\" alt=\"photo 1\"><img src=\"/img/%d_2.jpg\" alt=\"photo 2\"></section>\n"
            "<section class=\"ad-head\"><h1>%s</h1><ul class=\"chips\"><li data-k=\"city\">%s</li>%s</ul></section>\n"
            "<section class=\"ad-body\" itemprop=\"description\">\n%s\n</section>\n"
            "<div class=\"cta\"><a class=\"btn\" href=\"#reply\">Reply</a><a class=\"btn\" href=\"#report\">Report</a></div>\n"
            "<nav class=\"tabbar\"><a href=\"/\">Home</a><a href=\"/saved\">Saved</a><a href=\"/post\">Post</a><a href=\"/me\">Me</a></nav>\n"
            "</div>\n<script>window.__STATE__=%s;</script>\n</body></html>\n") % (
        esc(p["title"]), p["site"], p["pid"], p["pid"], esc(p["title"]), esc(p["city"]), age,
        body_html(p["paragraphs"], "div"), state)


def L_newspaper(rng, p):
    feats = "\n".join("<li><a href='/c/%d'>%s</a></li>" % (rng.randint(100, 9999), esc(t)) for t in sidebar_items(rng, p))
    age = "<dt>Age</dt><dd>%d</dd>" % p["field_age"] if p["field_age"] is not None else ""
    return ("<!DOCTYPE html>\n<html>\n<head><meta charset='utf-8'><title>%s Classifieds: %s</title>\n"
            "<style>.masthead{font-family:Georgia,serif;font-size:32px;text-align:center}.cookie{position:fixed;bottom:0}</style>\n"
            "</head>\n<body>\n<div class='masthead'>The %s Gazette</div>\n"
            "<div class='sections'>News | Sports | Obituaries | <b>Classifieds</b> | Weather</div>\n"
            "<main role='main'>\n<div class='classified' id='cl-%d'>\n<h1 class='cl-head'>%s</h1>\n"
            "<dl class='cl-facts'><dt>Category</dt><dd>%s</dd><dt>Area</dt><dd>%s</dd>%s</dl>\n"
            "<div class='cl-body'>\n%s\n</div>\n</div>\n</main>\n"
            "<aside class='featured'><h4>Featured listings</h4><ul>\n%s\n</ul></aside>\n"
            "<div class='cookie'>We use cookies to improve your experience. <button>OK</button></div>\n"
            "<footer>%s</footer>\n</body>\n</html>\n") % (
        esc(p["city"]), esc(p["title"]), esc(p["city"]), p["pid"], esc(p["title"]), esc(p["section"]), esc(p["area"]),
        age, body_html(p["paragraphs"], "p"), feats, esc(footer_text(rng, p)))


def L_forum(rng, p):
    online = ", ".join(rng.sample(["guest%d" % rng.randint(1, 999) for _ in range(6)] + ["modbot", "admin"], 4))
    age = "<div class=\"postfield\">Age: %d</div>" % p["field_age"] if p["field_age"] is not None else ""
    return ("<html>\n<head>\n<title>%s :: %s board :: %s</title>\n<link rel=\"stylesheet\" href=\"/forum.css\">\n</head>\n<body>\n"
            "<div id=\"hdr\"><img src=\"/logo.gif\" alt=\"%s\"> <span class=\"boardname\">%s Boards</span></div>\n"
            "<div class=\"navlinks\"><a href=\"/index.php\">Board index</a> &gt; <a href=\"/f/%s\">%s</a></div>\n"
            "<div class=\"thread\">\n<div class=\"post\" id=\"p%d\">\n<div class=\"postauthor\">%s</div>\n"
            "<div class=\"postsubject\">%s</div>\n%s\n<div class=\"postbody\">\n%s\n</div>\n</div>\n</div>\n"
            "<div class=\"stats\">Who is online: %s</div>\n<div class=\"copyright\">Powered by boardware &copy; %s</div>\n"
            "</body>\n</html>\n") % (
        esc(p["title"]), esc(p["section"]), p["site"], p["site"], p["site"], attr(p["section"].replace(" ", "_")),
        esc(p["section"]), p["pid"], esc(p["handle"]), esc(p["title"]), age, body_html(p["paragraphs"], "br"), online,
        esc(footer_text(rng, p)))


def L_directory(rng, p):
    tags = SEO_TAGS_ADULT if p["cat"] != "other" else SEO_TAGS_ORD
    others = "\n".join("<div class=\"tile\"><span class=\"tile-title\">%s</span></div>" % esc(t) for t in sidebar_items(rng, p))
    age = "<dt>Age</dt><dd>%d</dd>\n" % p["field_age"] if p["field_age"] is not None else ""
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"keywords\" content=\"%s\">\n"
            "<title>%s in %s | %s</title>\n<style>.seo-tags{display:none}.tile{display:inline-block;width:30%%}</style>\n"
            "</head>\n<body>\n<div class=\"seo-tags\" style=\"display:none\">%s</div>\n"
            "<header id=\"siteheader\"><h3>%s</h3><form action=\"/search\"><input name=\"q\" placeholder=\"Search %s\"></form></header>\n"
            "<section id=\"listing\">\n<h1>%s</h1>\n<dl class=\"facts\">\n<dt>City</dt><dd>%s</dd>\n%s</dl>\n"
            "<div class=\"desc\">\n%s\n</div>\n</section>\n<section id=\"others\"><h2>Other listings in %s</h2>\n%s\n</section>\n"
            "<footer>%s</footer>\n</body>\n</html>\n") % (
        attr(tags), esc(p["section"]), esc(p["city"]), p["site"], esc(tags), p["site"], esc(p["section"]),
        esc(p["title"]), esc(p["city"]), age, body_html(p["paragraphs"], "ent" if rng.random() < 0.5 else "p"),
        esc(p["city"]), others, esc(footer_text(rng, p)))


def L_xhtml(rng, p):
    side = "\n".join("<li><a href='/v/%d'>%s</a></li>" % (rng.randint(100, 99999), esc(t)) for t in sidebar_items(rng, p))
    age = "<p class='age'>Age: %d</p>\n" % p["field_age"] if p["field_age"] is not None else ""
    return ("<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' "
            "'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'>\n<html xmlns='http://www.w3.org/1999/xhtml'>\n"
            "<head><title>%s :: %s</title><meta http-equiv='Content-Type' content='text/html; charset=utf-8' /></head>\n"
            "<body>\n<div id='top'><a href='/'><img src='/logo.png' alt='%s' /></a></div>\n"
            "<div id='menu'><ul><li><a href='/browse'>Browse</a></li><li><a href='/post'>Post</a></li><li><a href='/help'>Help</a></li></ul></div>\n"
            "<div id='content'>\n<h2 class='subject'>%s</h2>\n<p class='where'>%s &#8212; %s</p>\n%s"
            "<div class='message'>\n%s\n</div>\n</div>\n<div id='right'><h4>Also in %s</h4><ul>\n%s\n</ul></div>\n"
            "<div id='bottom'>%s<br />Post #%d</div>\n</body>\n</html>\n") % (
        esc(p["title"]), p["site"], p["site"], esc(p["title"]), esc(p["area"]), esc(p["city"]), age,
        body_html(p["paragraphs"], "xbr"), esc(p["section"]), side, esc(footer_text(rng, p)), p["pid"])


def L_gallery(rng, p):
    thumbs = "".join("<img src=\"/t/%d.jpg\" width=\"120\" alt=\"\">" % rng.randint(10 ** 4, 10 ** 5) for _ in range(rng.randint(1, 4)))
    age = "<span class=\"badge\">%d</span>" % p["field_age"] if p["field_age"] is not None else ""
    nxt = sidebar_items(rng, p)
    return ("<html><head><meta charset=\"utf-8\"><title>%s</title>\n<script src=\"/js/lightbox.js\"></script>\n"
            "<script>document.addEventListener('DOMContentLoaded',function(){lightbox.init('.pics');});</script>\n"
            "<style>.pics img{margin:2px;border-radius:4px}.next{color:#888}</style></head>\n<body>\n"
            "<div class=\"bar\"><b>%s</b> &middot; %s &middot; <a href=\"/favorites\">&#9825; favorites</a></div>\n"
            "<div class=\"pics\">%s</div>\n<div class=\"post\">\n<h1>%s %s</h1>\n<div class=\"text\">%s</div>\n"
            "<div class=\"meta\">%s &middot; %s &middot; id %d</div>\n</div>\n"
            "<div class=\"next\">Next: <a href=\"/n/1\">%s</a> &middot; Previous: <a href=\"/n/0\">%s</a></div>\n"
            "<p class=\"legal\">%s</p>\n</body></html>\n") % (
        esc(p["title"]), p["site"], esc(p["section"]), thumbs, esc(p["title"]), age, body_html(p["paragraphs"], "p"),
        esc(p["city"]), p["posted"], p["pid"], esc(nxt[0]), esc(nxt[1]), esc(footer_text(rng, p)))


LAYOUTS = [("ListPoint", L_table), ("Nightowl Ads", L_modern), ("MetroBoard", L_bootstrap), ("Tri-County Trader", L_oldschool),
           ("Snapclass", L_app), ("Gazette", L_newspaper), ("LocalTalk", L_forum), ("CityNook", L_directory),
           ("PostExchange", L_xhtml), ("Picboard", L_gallery)]


def render_html(rng, ad, cat):
    site, fn = rng.choice(LAYOUTS)
    ctx = ad["ctx"]
    section = ad.get("section") if cat == "other" else rng.choice(SECTION_NAMES[cat])
    y = rng.choice([2016, 2017, 2018, 2019, 2021, 2022, 2023])
    mo, d, hh, mm = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
    page = {"title": ad["title"], "paragraphs": ad["paragraphs"], "cat": cat, "site": site, "section": section,
            "city": ctx["city"], "area": ctx["area"], "pid": rng.randint(10 ** 6, 10 ** 8), "field_age": ad["field_age"],
            "posted": "%02d/%02d/%d %02d:%02d" % (mo, d, y, hh, mm), "iso": "%d-%02d-%02dT%02d:%02d" % (y, mo, d, hh, mm),
            "handle": rng.choice(["user", "poster", "member"]) + str(rng.randint(100, 99999))}
    return fn(rng, page)


def render_text(rng, ad):
    parts = []
    if rng.random() < 0.85:
        parts.append(ad["title"])
    parts += ad["paragraphs"]
    if ad["field_age"] is not None:
        parts.insert(1 if len(parts) > 1 else 0, "Age: %d" % ad["field_age"])
    if rng.random() < 0.2:
        parts.append("Location: %s, %s" % (ad["ctx"]["area"], ad["ctx"]["city"]))
    return "\n\n".join(parts) if rng.random() < 0.6 else "\n".join(parts)


# =====================================================================================================
# Driver
# =====================================================================================================

def plan(n, rng):
    n_esc = round(0.35 * n)
    n_mas = round(0.15 * n)
    n_dat = round(0.10 * n)
    n_oth = n - n_esc - n_mas - n_dat
    slots = []
    for cat, cnt, p_s in (("escort", n_esc, 0.75), ("massage", n_mas, 0.6), ("dating", n_dat, 0.5), ("other", n_oth, 0.0)):
        s = round(cnt * p_s)
        slots += [(cat, "suspicious")] * s + [(cat, "benign")] * (cnt - s)
    rng.shuffle(slots)
    n_html = round(0.55 * n)
    kinds = ["html"] * n_html + ["text"] * (n - n_html)
    rng.shuffle(kinds)
    return list(zip(slots, kinds))


def generate(seed, n):
    rng = random.Random(seed)
    records = []
    for i, ((cat, label), kind) in enumerate(plan(n, rng), start=1):
        if cat == "other":
            ad = compose_ordinary(rng)
        else:
            ad = compose_sex_ad(rng, cat, label)
        rec = {"id": "c3-%06d" % i}
        if kind == "html":
            rec["html"] = render_html(rng, ad, cat)
        else:
            rec["text"] = render_text(rng, ad)
        rec["label"] = label
        rec["category"] = cat
        rec["cues"] = ad["cues"]
        rec["stated_age"] = ad["stated_age"]
        records.append(rec)
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    recs = generate(a.seed, a.n)
    data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in recs).encode("utf-8")
    with open(a.out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(data)


if __name__ == "__main__":
    main()
