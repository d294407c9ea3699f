#!/usr/bin/env python3
"""Fourth, independent evaluation-set generator for RedFlag.

Writes synthetic classified ads (escort, massage, dating/personals and ordinary
classifieds) as JSONL.gz, half as HTML pages from ten invented site layouts and
half as plain text. Written from FAMILIES.md / RESEARCH.md only, without reading
any other generator, model folder or test ad. EVALUATION ONLY: never train or
tune on this output.

Usage: python3 generate.py --seed 4 --n 800 --out test.jsonl.gz
Python 3 standard library only; output is byte-identical for a given seed and n
whatever PYTHONHASHSEED is (no set iteration, gzip mtime fixed at 0).
"""
import argparse
import gzip
import html as _html
import io
import json
import random
import re

FAM_ORDER = ["youth", "underage_age", "third_party", "multiple_providers", "restriction", "foreign",
             "ethnicity_stated", "trust_language", "obfuscated_phone", "movement", "venue_hotel",
             "incall_outcall", "availability_24_7", "law_enforcement", "drugs", "risky_services"]
STRONG = ["youth", "underage_age", "third_party", "multiple_providers", "restriction", "foreign",
          "obfuscated_phone", "law_enforcement", "drugs", "risky_services"]

# --------------------------------------------------------------------------- pools
CITIES = ["Harlow Bay", "Port Emberly", "Westmarch", "Cedar Lusk", "Fallowfield", "Kestrel Point",
          "North Ivers", "Bramblecourt", "Saltmere", "Dunmore Falls", "Orrin Valley", "Greywater",
          "Tamsin Heights", "Lake Caldry", "Marrowgate", "Silverbrook Junction", "East Pellam",
          "Rookhaven", "Vantry", "Oakhallow", "Brisk Harbor", "Quillon", "Stellmoor", "Ashcombe Springs"]
AREAS_OF_TOWN = ["Old Mill district", "Northgate", "the Riverside area", "Eastside", "Harbor Row",
                 "Calder Park", "the Ironworks", "Southfield", "Midtown", "Larkspur Heights"]
AREA_CODES = ["208", "239", "304", "319", "402", "417", "463", "505", "531", "573", "605", "620",
              "641", "662", "701", "712", "724", "757", "802", "828", "850", "907", "918", "970"]
F_NAMES = ["Mia", "Luna", "Valentina", "Sasha", "Kira", "Jade", "Amber", "Nadia", "Bella", "Coco", "Dani",
           "Esme", "Gigi", "Ivy", "Lexi", "Nina", "Rosa", "Skye", "Tia", "Yara", "Zoe", "Camila", "Daniela",
           "Paola", "Leilani", "Mei", "Suki", "Anya", "Katya", "Marisol", "Roxy", "Honey", "Crystal",
           "Destiny", "Brielle", "Noelle", "Delphine", "Renata", "Giselle", "Ximena", "Tamsin", "Odette",
           "Lorena", "Vivi", "Selene", "Juno", "Maren", "Cleo", "Ines", "Priya"]
M_NAMES = ["Tom", "Ray", "Marcus", "Dale", "Hector", "Owen", "Luis", "Frank", "Andre", "Gus", "Victor",
           "Neil", "Sam", "Darnell", "Pete", "Ivan", "Kenji", "Walt", "Rafael", "Joel"]
SURNAMES = ["Okafor", "Lindqvist", "Marsh", "Delgado", "Petrov", "Whitcombe", "Nguyen", "Alvarez",
            "Brennan", "Kowalski", "Haddad", "Ferreira", "Tanaka", "Osei", "Rourke", "Castellanos"]
# (country, nationality adjective, Spanish feminine adjective, flag)
ORIGINS = [("Colombia", "Colombian", "colombiana", "\U0001F1E8\U0001F1F4"),
           ("Brazil", "Brazilian", "brasileña", "\U0001F1E7\U0001F1F7"),
           ("Venezuela", "Venezuelan", "venezolana", "\U0001F1FB\U0001F1EA"),
           ("the Dominican Republic", "Dominican", "dominicana", "\U0001F1E9\U0001F1F4"),
           ("Korea", "Korean", "coreana", "\U0001F1F0\U0001F1F7"),
           ("Thailand", "Thai", "tailandesa", "\U0001F1F9\U0001F1ED"),
           ("the Philippines", "Filipina", "filipina", "\U0001F1F5\U0001F1ED"),
           ("Vietnam", "Vietnamese", "vietnamita", "\U0001F1FB\U0001F1F3"),
           ("China", "Chinese", "china", "\U0001F1E8\U0001F1F3"),
           ("Ukraine", "Ukrainian", "ucraniana", "\U0001F1FA\U0001F1E6"),
           ("Romania", "Romanian", "rumana", "\U0001F1F7\U0001F1F4"),
           ("Mexico", "Mexican", "mexicana", "\U0001F1F2\U0001F1FD"),
           ("Cuba", "Cuban", "cubana", "\U0001F1E8\U0001F1FA"),
           ("Japan", "Japanese", "japonesa", "\U0001F1EF\U0001F1F5"),
           ("Honduras", "Honduran", "hondureña", "\U0001F1ED\U0001F1F3"),
           ("Guatemala", "Guatemalan", "guatemalteca", "\U0001F1EC\U0001F1F9")]
ETH_GENERIC = ["Latina", "Asian", "ebony", "mixed", "caramel", "Puerto Rican", "snow bunny", "Middle Eastern",
               "Persian", "Black", "half Korean", "Afro-Latina", "Polynesian"]

EN_D = "zero one two three four five six seven eight nine".split()
ES_D = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
EN_AGE = {14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen"}
ES_AGE = {14: "catorce", 15: "quince", 16: "dieciséis", 17: "diecisiete"}
PT_AGE = {14: "catorze", 15: "quinze", 16: "dezesseis", 17: "dezessete"}
FR_AGE = {14: "quatorze", 15: "quinze", 16: "seize", 17: "dix-sept"}
MISSP_AGE = {14: "f0urteen", 15: "f1fteen", 16: "s1xteen", 17: "sev3nteen"}
ADULT_WORDS = {18: "eighteen", 19: "nineteen", 20: "twenty", 21: "twenty-one", 22: "twenty-two",
               23: "twenty-three", 24: "twenty-four", 25: "twenty-five", 26: "twenty-six", 27: "twenty-seven",
               28: "twenty-eight", 29: "twenty-nine", 30: "thirty", 31: "thirty-one", 32: "thirty-two",
               33: "thirty-three", 34: "thirty-four", 35: "thirty-five", 36: "thirty-six", 38: "thirty-eight",
               40: "forty", 42: "forty-two", 44: "forty-four"}


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


def fill(s, ctx):
    return re.sub(r"\{(\w+)\}", lambda m: str(ctx.get(m.group(1), m.group(0))), s)


def parse_entry(e):
    """'text||fam1,fam2' -> (text, [fam1, fam2])"""
    if "||" in e:
        t, x = e.split("||", 1)
        return t, [f for f in x.split(",") if f]
    return e, []


# --------------------------------------------------------------------------- phones
def phone_digits(rng):
    return rng.choice(AREA_CODES), "555", "01%02d" % rng.randrange(100)


def plain_phone(rng, p):
    a, x, l = p
    f = rng.choice(["({a}) {x}-{l}", "{a}-{x}-{l}", "{a}.{x}.{l}", "{a} {x} {l}", "{a}{x}{l}",
                    "+1 {a} {x} {l}", "{a}-{x}{l}"])
    return f.format(a=a, x=x, l=l)


def obf_phone(rng, p):
    a, x, l = p
    groups = [a, x, l]
    d = a + x + l
    m = rng.randrange(12)
    if m == 0:
        return " - ".join(" ".join(EN_D[int(c)] for c in g) for g in groups)
    if m == 1:
        idx = list(range(10))
        rng.shuffle(idx)
        words = set(idx[:rng.randint(3, 6)])
        out = [EN_D[int(c)] if i in words else c for i, c in enumerate(d)]
        sep = rng.choice(["", " ", "-"])
        return sep.join(["".join(out[:3]), "".join(out[3:6]), "".join(out[6:])])
    if m == 2:
        return " ".join(ES_D[int(c)] for c in d)
    if m == 3:
        return "  ".join("".join(c + "\ufe0f\u20e3" for c in g) for g in groups)
    if m == 4:
        return "-".join("".join(chr(0xFF10 + int(c)) for c in g) for g in groups)
    if m == 5:
        sep = rng.choice(["*", "•", "/", "#", "~", "_", ":"])
        return sep.join(groups)
    if m == 6:
        sep = rng.choice(["\U0001F48B", "\U0001F339", "\U0001F495", "\u2728", "\U0001F351", "\U0001F60D"])
        return (" %s " % sep if rng.random() < 0.5 else sep).join(groups)
    if m == 7:
        return " ".join(d)
    if m == 8:
        return (" " * rng.randint(4, 7)).join(groups)
    if m == 9:
        out = d.replace("0", "O").replace("1", rng.choice(["l", "I"]))
        return "%s %s %s" % (out[:3], out[3:6], out[6:])
    if m == 10:
        if rng.random() < 0.5:
            conv = lambda c: "\u24ea" if c == "0" else chr(0x2460 + int(c) - 1)
        else:
            conv = lambda c: chr(0x1D7CE + int(c))
        return " ".join("".join(conv(c) for c in g) for g in groups)
    homo = {"4": "for", "2": "too", "0": "oh", "8": "ate"}
    out = []
    for c in d:
        if c in homo and rng.random() < 0.8:
            out.append(homo[c])
        elif rng.random() < 0.35:
            out.append(EN_D[int(c)])
        else:
            out.append(c)
    return " ".join(out)


# --------------------------------------------------------------------------- cue phrase banks
# Each entry: "text||extra_family,..." ; keys: 1p (provider's own voice), 3p (someone else writes),
# any (either), es / pt / fr (phrases for mixed-language voices), massage (spa-style).
BANK = {
    "youth": {
        "1p": ["I'm young, sweet and honestly still new to this", "brand new to the scene so be patient with me",
               "college girl, evenings only because of classes", "just turned 18 and a little shy",
               "barely legal and full of energy", "first time posting an ad so all of this is new to me",
               "youthful face, big smile", "your sweet PYT", "still in school, text me after 4",
               "new girl here, go easy on me", "never done this before, you could teach me",
               "first week doing this", "a student trying to pay for books", "so young and sweet \U0001F36D",
               "fresh faced and new to the business", "i'm in my first semester lol", "new to all this, be nice",
               "a teen at heart and in real life", "inexperienced but eager to learn", "younger than I look in pics"],
        "3p": ["she is young, sweet and brand new to this", "new girl, just started this week",
               "our newest and youngest lady||multiple_providers", "sweet young thing, very shy at first",
               "this young lady is still in college", "she just turned 18", "fresh new student, very innocent",
               "she's new to the business, please be respectful", "a true PYT", "she has never done this before",
               "young and eager, first week working"],
        "es": ["soy jovencita y nueva en esto", "estudiante universitaria", "es mi primera vez aquí",
               "chica nueva, muy tierna", "muy jovencita y tímida"],
        "pt": ["novinha e tímida", "é minha primeira vez", "estudante, nova nisso"],
        "fr": ["jeune et nouvelle ici", "étudiante, c'est ma première fois"],
        "massage": ["young new therapists every week||third_party,multiple_providers",
                    "new young girls||third_party,multiple_providers",
                    "young friendly staff||third_party,multiple_providers", "student masseuse, new to this"],
    },
    "third_party": {
        "1p": ["call and ask for {name}", "ask for {name} when you call", "text my daddy to set it up",
               "dady handles all my bookings", "my manager answers this phone, he will set the time",
               "my driver brings me to you||incall_outcall", "talk to my boyfriend first, he does my schedule",
               "someone from my team will text you back", "daddy says only serious men"],
        "3p": ["she will treat you like a king", "{name} is sweet, quiet and easy to talk to",
               "she doesn't speak much but she is very friendly", "ask for {name}",
               "my girl {name} is waiting for your call", "I book for her, she does not use the phone",
               "this sweet provider only sees a few gentlemen a day", "her schedule fills up fast, text me to reserve",
               "{name} will make you forget your long day", "she does whatever makes you comfortable",
               "you will love her smile"],
        "agency": ["our beautiful staff is waiting||multiple_providers", "choose your favourite when you arrive||multiple_providers",
                   "under new management", "we have the girls you are looking for||multiple_providers",
                   "our ladies are friendly and eager to please||multiple_providers", "all our girls are hand-picked||multiple_providers",
                   "our new hostess {name} starts this week", "call the front desk and we will match you||multiple_providers"],
        "es": ["pregunta por {name}", "ella es muy cariñosa", "mis chicas te esperan||multiple_providers",
               "habla con mi manager primero"],
        "pt": ["pergunte pela {name}", "ela é muito carinhosa"],
        "fr": ["demandez {name}", "elle est très douce"],
        "massage": ["our beautiful staff||multiple_providers", "new management", "ask for {name}",
                    "our therapists are friendly and caring||multiple_providers", "under new management, same great service"],
    },
    "multiple_providers": {
        "any": ["two girls available, one or both", "duo special this week", "new ladies every week||third_party",
                "come choose between 3 sweethearts", "a different girl every week||third_party", "ask about our 2-girl special"],
        "1p": ["ask about my girlfriend", "my bestie can join us", "sisters, ask about us both", "we are two best friends",
               "me and my friend {name2}", "bring a friend, I'll bring mine too", "my roommate {name2} is available too"],
        "3p": ["she can bring her friend {name2}", "sisters, book them together", "{name} and {name2} work as a pair"],
        "es": ["somos dos amigas", "tenemos chicas nuevas cada semana||third_party", "ven a escoger"],
        "pt": ["somos duas amigas"],
        "fr": ["deux copines disponibles"],
        "massage": ["4 hands massage available", "many girls to choose from||third_party",
                    "rotating staff every week||third_party", "2 therapists at once"],
    },
    "restriction": {
        "any": ["no AA", "sorry no black men", "no AA under 40", "white and latino gentlemen only",
                "no african american", "no A.A. please", "NO AA, NO EXCEPTIONS", "caucasian men only",
                "no AA / no thugs", "black men 35+ only", "no indian or middle eastern men"],
        "es": ["no morenos", "solo hombres blancos y latinos"],
        "massage": ["no AA", "Asian and white men only", "no black guys"],
    },
    "foreign": {
        "1p": ["just arrived from {country}||movement", "new in this country", "little English, text is better",
               "no English, only smile", "my English is small but my heart is big", "first month in America",
               "fresh off the plane from {country}||movement", "don't speak english well, please be patient",
               "here on a visa, my English is limited"],
        "3p": ["she just arrived from {country} and speaks little English||movement",
               "she doesn't speak English, text me", "new from {country}, no English",
               "she is new to this country"],
        "es": ["recién llegada de {country}||movement", "no hablo inglés", "hablo poquito inglés",
               "acabo de llegar de {country}||movement"],
        "pt": ["não falo inglês", "pouco inglês, só português"],
        "fr": ["je ne parle pas anglais", "arrivée de {country} il y a une semaine||movement"],
        "massage": ["staff speak little English||third_party,multiple_providers",
                    "new from {country}, just arrived||movement"],
    },
    "ethnicity_stated": {
        "1p": ["sweet {nat} girl", "{nat} beauty", "{flag} {nat} doll", "I'm {nat} and proud of it",
               "half {nat}, half Irish", "exotic {nat} girl", "real {nat} sweetheart"],
        "3p": ["a sweet {nat} girl", "our {nat} beauty", "she is {nat}, very pretty"],
        "es": ["chica {nat_es}", "{nat_es} y cariñosa", "soy {nat_es} {flag}"],
        "pt": ["brasileira de verdade {flag}"],
        "fr": ["une douce {nat}"],
        "massage": ["Asian therapists||multiple_providers,third_party", "beautiful {nat} masseuse",
                    "{nat} girls||multiple_providers,third_party"],
    },
    "trust_language": {
        "any": ["100% real", "real pics, recent", "pics are me", "no fakes, no games", "what you see is what you get",
                "independent, not an agency", "no rush, never rushed", "no bait and switch", "no catfish here",
                "real and verified", "my pics are \U0001F4AF me", "recent pics, no filters", "no games, no scams"],
        "es": ["fotos 100% reales", "sin engaños, fotos reales"],
        "pt": ["fotos reais, sem enganação"],
        "fr": ["photos 100% réelles"],
        "massage": ["real pictures of our staff||third_party,multiple_providers", "no rush service"],
    },
    "movement": {
        "any": ["new in town", "just arrived in {city}", "visiting {city} until Sunday", "back in town for a few days",
                "only here 3 days", "last night in town", "touring, {city} is my next stop", "in town for the week",
                "leaving {city} soon, don't miss me"],
        "es": ["nueva en la ciudad", "solo por unos días en {city}"],
    },
    "venue_hotel": {
        "any": ["hotel visits only", "come to my room", "I'm at a hotel by the highway", "your hotel or mine||incall_outcall",
                "truckers welcome", "motel near exit 12", "room number sent after you text",
                "hotel incall near the airport||incall_outcall"],
        "massage": ["hotel outcall available||incall_outcall", "outcall to your hotel room||incall_outcall"],
    },
    "incall_outcall": {
        "any": ["incall & outcall", "in/out calls", "outcall only", "I host", "can't host, outcall only",
                "my place or yours", "I come to you", "come see me", "visit me tonight", "private upscale location",
                "car dates ok", "walk-ins welcome"],
        "es": ["a domicilio", "en mi lugar o el tuyo"],
        "massage": ["walk-ins welcome", "incall & outcall", "outcall available"],
    },
    "availability_24_7": {
        "any": ["24/7", "available 24 hrs", "all day & night", "anytime, just text", "always available",
                "never too early or too late", "open all hours", "day or night, I'm here", "around the clock",
                "2\ufe0f\u20e34\ufe0f\u20e3/7\ufe0f\u20e3", "all day ☀️ & night \U0001F319"],
        "es": ["24 horas", "día y noche"],
        "pt": ["dia e noite"],
        "fr": ["jour et nuit"],
        "massage": ["open 24 hours", "open 24/7", "anytime, day or night"],
    },
    "law_enforcement": {
        "any": ["no cops", "no LE", "not affiliated with law enforcement", "no police please", "no law",
                "LE not welcome", "if you're a cop keep scrolling", "no cops, no games||trust_language"],
        "es": ["no policía"],
        "massage": ["no cops", "no law enforcement"],
    },
    "drugs": {
        "any": ["420 friendly", "party friendly", "pnp ok", "party favors available",
                "love to party \U0001F609 if you know what I mean", "4:20 friendly \U0001F343", "420 & party friendly"],
        "massage": ["420 friendly"],
    },
    "risky_services": {
        "any": ["GFE", "G.F.E. all the way", "girlfriend experience", "BBBJ", "PSE available", "DFK",
                "Greek on request", "GF experience"],
        "massage": ["GFE style", "girlfriend experience"],
    },
}

TITLE_FRAG = {
    "youth": ["new girl", "sweet young thing", "college cutie", "barely legal", "first time", "shy student", "PYT"],
    "third_party": ["ask for {name}"],
    "multiple_providers": ["2 girls", "duo special", "besties", "choose ur girl||third_party"],
    "restriction": ["no AA"],
    "foreign": ["just arrived from {country}||movement", "new in USA"],
    "ethnicity_stated": ["{nat} beauty", "{flag} {nat}", "sweet {nat}", "{nat} doll"],
    "trust_language": ["100% real", "real pics", "no fakes"],
    "movement": ["new in town", "visiting", "last night", "back in town"],
    "venue_hotel": ["hotel specials"],
    "incall_outcall": ["incall/outcall", "in & out", "outcall"],
    "availability_24_7": ["24/7", "24hrs", "all night & day"],
    "law_enforcement": ["no LE"],
    "drugs": ["420 friendly", "party friendly"],
    "risky_services": ["GFE", "GFE/PSE"],
}

# --------------------------------------------------------------------------- fillers (cue-free)
FILL_1P = ["sweet, friendly and easy to talk to", "let me help you forget a long day", "discreet and clean",
           "satisfaction guaranteed", "text me for rates and times", "specials for early birds",
           "serious gentlemen only", "I love good music and good company", "don't be shy, text me", "kisses \U0001F48B",
           "I'm petite with a warm smile", "I like to keep things relaxed and fun", "text only, no calls",
           "no blocked numbers", "available now", "donations only", "short visits welcome",
           "let's make your day better", "upscale gentlemen preferred", "my smile is the first thing you'll notice",
           "I love to laugh and I'm a great listener", "treat me nice and I'll treat you nicer",
           "curvy in all the right places", "party girl with a soft heart", "sweet as candy \U0001F36C",
           "I'll make sure you leave smiling", "whether it's a quick hello or a long evening, text me",
           "respectful men get my best", "I'm the girl next door you always wanted to meet",
           "good vibes only"]
FILL_3P = ["she is sweet and friendly", "her smile will make your day", "discreet and clean", "text for rates",
           "specials today only", "gentlemen only", "she loves to talk and laugh", "very pretty, just like the pictures",
           "respectful men only please", "you will come back again", "she is petite and cute",
           "make your appointment early, she books fast"]
FILL_AGENCY = ["clean, modern rooms", "discreet parking in back", "VIP room available", "professional and friendly",
               "cash only", "major cards accepted", "call for specials", "shower available", "relaxing music and soft lights",
               "free drink with every visit"]
FILL_BROKEN = ["I am very nice girl, sweet and friendly", "you come, I make you relax", "I wait you honey",
               "very good service, you will like", "call me please, I am nice", "only gentleman please",
               "my name {name}, nice to meet", "I am good girl, very clean", "you happy, I happy", "no regret, promise"]
FILL_ES = ["hola guapo", "besitos \U0001F48B", "muy cariñosa y discreta", "llámame o escríbeme", "te espero, amor",
           "no te vas a arrepentir", "bienvenidos caballeros", "ven a relajarte conmigo"]
FILL_PT = ["oi amor", "beijinhos \U0001F48B", "muito carinhosa", "me chama no zap", "venha relaxar"]
FILL_FR = ["bisous \U0001F48B", "douce et discrète", "à bientôt mon chéri", "appelle-moi"]
FILL_DATING_S = ["looking for a generous gentleman", "roses appreciated \U0001F339", "help with bills in exchange for company",
                 "mutually beneficial arrangement", "no freebies, sorry", "sugar arrangement only",
                 "generous men get my attention", "let's make a deal that works for both of us"]
FILL_MASSAGE_S = ["table shower", "body scrub", "hot stone", "relaxing full body massage", "soft music, dim lights",
                  "grand opening specials", "free parking in back", "clean private rooms", "VIP room", "Chinese tea service"]
RATES_S = ["QV 80 \u00b7 HH 140 \u00b7 H 220", "roses: 150/hr", "specials \U0001F4B0 text for menu", "donation 200",
           "30min $100 / 1hr $180", "60 min massage $60", "$$ text me", "hh 120 h 200 no neg",
           "price depends, text", "special rates b4 noon"]


# --------------------------------------------------------------------------- text helpers
HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445",
        "y": "\u0443", "i": "\u0456", "A": "\u0391", "E": "\u0395", "O": "\u039f", "N": "\u039d", "T": "\u03a4"}


def obfuscate_text(rng, s):
    words = re.findall(r"[A-Za-z]{3,}", s)
    if not words:
        return s
    m = rng.randrange(5)
    if m == 0:
        return "".join(HOMO[c] if c in HOMO and rng.random() < 0.6 else c for c in s)
    w = max(words, key=len) if rng.random() < 0.5 else rng.choice(words)
    if m == 1:
        new = " ".join(w.upper())
    elif m == 2:
        new = re.sub(r"([aeiouAEIOU])", lambda mm: mm.group(1) * rng.randint(2, 4), w, count=1)
    elif m == 3:
        e = rng.choice(["\U0001F48B", "\u2728", "\U0001F338", "\u2764\ufe0f"])
        new = e.join(w)
    else:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)
    return s.replace(w, new, 1)


SMS = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bare\b", "r"), (r"\bplease\b", "pls"), (r"\btonight\b", "2nite"),
       (r"\bthanks\b", "thx"), (r"\btext\b", "txt"), (r"\bbefore\b", "b4"), (r"\bwith\b", "w/"), (r"\bI'm\b", "im")]


def smsify(s):
    for a, b in SMS:
        s = re.sub(a, b, s)
    return s


def cap_first(s):
    for i, c in enumerate(s):
        if c.isalpha():
            return s[:i] + c.upper() + s[i + 1:]
        if c.isdigit():
            return s
    return s


def sentence(s, rng):
    s = cap_first(s.strip())
    if s and s[-1] not in ".!?):\u2728" and ord(s[-1]) < 0x2000:
        s += rng.choice([".", ".", ".", "!", "!!", " :)"]) if rng.random() < 0.85 else ""
    return s


def prose_blocks(items, rng, max_per=4):
    blocks, i = [], 0
    while i < len(items):
        k = rng.randint(1, max_per)
        blocks.append(("p", " ".join(sentence(x, rng) for x in items[i:i + k])))
        i += k
    return blocks


EMOJI_BULLETS = ["\U0001F48B", "\u2728", "\U0001F338", "\U0001F525", "\U0001F352", "\U0001F4F1", "\U0001F451",
                 "\U0001F339", "\U0001F495", "\U0001F36D", "\U0001F4AF", "\u2b50"]


# --------------------------------------------------------------------------- ages
def adult_age_text(rng, a, person, ctx):
    if person == "3p":
        f = rng.choice(["she is {a}", "{name}, {a}", "age {a}", "{a} years old", "{name} is {w}"])
    else:
        f = rng.choice(["I'm {a}", "{a} yrs", "age {a}", "{a}yo", "I'm {w}", "{a} years old", "{name}, {a}"])
    return f.format(a=a, w=ADULT_WORDS.get(a, str(a)), name=ctx["name"])


def minor_age_text(rng, a, person, ctx, lang=None):
    form = rng.randrange(12)
    d = str(a)
    if lang == "es" and rng.random() < 0.6:
        x = rng.choice([ES_AGE[a], d])
        return rng.choice(["tengo %s" % x, "tengo %s añitos" % x, "%s añitos" % x, "edad: %s" % x])
    if lang == "pt" and rng.random() < 0.6:
        return rng.choice(["tenho %s anos" % rng.choice([PT_AGE[a], d]), "só %s aninhos" % d])
    if lang == "fr" and rng.random() < 0.6:
        return "j'ai %s ans" % rng.choice([FR_AGE[a], d])
    x = {0: d, 1: d + "yo", 2: d + " yrs", 3: EN_AGE[a], 4: "I" + d[1], 5: "1" + EN_D[a % 10],
         6: MISSP_AGE[a], 7: "".join(chr(0xFF10 + int(c)) for c in d), 8: "".join(c + "\ufe0f\u20e3" for c in d),
         9: chr(0x2460 + a - 1), 10: d + " y/o", 11: d}[form]
    if person == "3p":
        f = rng.choice(["she is {x}", "{name}, {x}", "only {x}", "age {x}", "{x} and very sweet", "she's just {x}"])
    else:
        f = rng.choice(["I'm {x}", "im only {x}", "age: {x}", "just {x} but mature", "sweet {x}", "{x} (shhh)",
                        "real age {x}", "tengo {x}", "{x} and shy", "only {x} so be nice"])
    return f.format(x=x, name=ctx["name"])


# --------------------------------------------------------------------------- cue planning
W_ESCORT = {"youth": 10, "third_party": 7, "multiple_providers": 5, "restriction": 4, "foreign": 4,
            "ethnicity_stated": 8, "trust_language": 7, "obfuscated_phone": 7, "movement": 1.5, "venue_hotel": 3,
            "incall_outcall": 6, "availability_24_7": 5, "law_enforcement": 3, "drugs": 2.5, "risky_services": 4}
W_MASSAGE = {"youth": 6, "third_party": 6, "multiple_providers": 6, "restriction": 3, "foreign": 5,
             "ethnicity_stated": 8, "trust_language": 2, "obfuscated_phone": 3, "movement": 1, "venue_hotel": 3,
             "incall_outcall": 5, "availability_24_7": 6, "law_enforcement": 1.5, "drugs": 0.5, "risky_services": 2}
W_DATING = {"youth": 10, "third_party": 4, "multiple_providers": 3, "restriction": 1, "foreign": 3,
            "ethnicity_stated": 5, "trust_language": 5, "obfuscated_phone": 5, "movement": 1, "venue_hotel": 2,
            "incall_outcall": 3, "availability_24_7": 2, "law_enforcement": 2, "drugs": 3, "risky_services": 2}


def wsample(rng, weights, exclude):
    pairs = [(f, w) for f, w in weights.items() if f not in exclude]
    return wchoice(rng, pairs)


def plan_suspicious(rng, cat, voice, minor):
    weights = {"escort": W_ESCORT, "massage": W_MASSAGE, "dating": W_DATING}[cat]
    cues = []
    if minor:
        cues.append("underage_age")
    if voice in ("agency", "review3p", "spa", "pimp3p"):
        cues.append("third_party")
        if voice in ("agency", "spa") and rng.random() < 0.7:
            cues.append("multiple_providers")
    if voice == "broken" and rng.random() < 0.5:
        cues.append("foreign")
    if minor:
        k = wchoice(rng, [(1, 25), (2, 30), (3, 30), (4, 15)])
    elif "third_party" not in cues and rng.random() < 0.15:
        cues += ["third_party", "youth"]
        k = wchoice(rng, [(2, 70), (3, 30)])
    else:
        k = wchoice(rng, [(2, 35), (3, 30), (4, 20), (5, 10), (6, 5)])
    while len(cues) < k:
        cues.append(wsample(rng, weights, cues))
    if not any(c in STRONG for c in cues):
        cues[rng.randrange(len(cues))] = wsample(rng, {f: weights[f] for f in weights if f in STRONG}, cues)
    return cues


def pick_phrase(rng, fam, person, lang, cat, benign=False, massage_style=False):
    b = BANK[fam]
    pool = None
    if lang and lang in b and rng.random() < 0.55:
        pool = b[lang]
    elif massage_style and "massage" in b and rng.random() < 0.65:
        pool = b["massage"]
    elif person == "agency" and "agency" in b:
        pool = b["agency"]
    if pool is None:
        pool = b.get("3p" if person in ("3p", "agency") else "1p", []) + b.get("any", [])
    if benign:
        pool = [e for e in pool if "||" not in e] or pool
    return parse_entry(rng.choice(pool))


# --------------------------------------------------------------------------- sex-work / dating ads
SUSP_VOICES = {
    "escort": [("first", 24), ("agency", 12), ("broken", 12), ("terse", 12), ("emoji", 12), ("caps", 7),
               ("es", 8), ("pt", 3), ("fr", 2), ("review3p", 5), ("pimp3p", 5)],
    "massage": [("spa", 45), ("broken", 18), ("first", 12), ("terse", 12), ("caps", 6), ("emoji", 7)],
    "dating": [("first", 35), ("terse", 20), ("emoji", 20), ("broken", 10), ("es", 10), ("caps", 5)],
}
LANG_OF = {"es": "es", "pt": "pt", "fr": "fr"}
PERSON_OF = {"agency": "agency", "spa": "agency", "review3p": "3p", "pimp3p": "3p"}

GENERIC_TITLES = {
    "escort": ["{name} \U0001F48B", "Sweet {name}", "{name} \u2014 unforgettable company", "Fun & friendly {name}",
               "Let's meet tonight", "Your next favourite", "Classy companion", "Sweet treat \U0001F352", "Dinner date?",
               "Soft smile, good vibes", "Available now \u2728", "\U0001F451 {name} \U0001F451", "Ready when you are",
               "{name} in {city}", "Don't miss out", "Sweetheart special"],
    "massage": ["Relaxing massage", "Stress relief \u2728", "Grand opening spa", "Best massage in {city}",
                "Body rub \U0001F338", "{city} Spa \u2014 relax today", "Asian Spa Grand Opening||ethnicity_stated",
                "Lotus Garden Spa", "Happy Spa", "Relax & unwind"],
    "dating": ["Looking for a sweet arrangement", "Lonely and bored", "Let's have fun", "Seeking generous friend",
               "Anyone up?", "Coffee date?", "Need a gentleman", "Sugar baby seeking mentor"],
}


def make_ctx(rng, cat):
    o = rng.choice(ORIGINS)
    ctx = {"name": rng.choice(F_NAMES), "name2": rng.choice(F_NAMES), "city": rng.choice(CITIES),
           "part": rng.choice(AREAS_OF_TOWN), "country": o[0], "nat": o[1], "nat_es": o[2], "flag": o[3]}
    if rng.random() < 0.4:
        ctx["nat"] = rng.choice(ETH_GENERIC)
        ctx["flag"] = rng.choice(["\U0001F1F5\U0001F1F7", "\U0001F1E8\U0001F1F4", "\U0001F1E9\U0001F1F4", ""]) if ctx["nat"] in ("Latina", "Puerto Rican", "Afro-Latina") else ""
        if not ctx["flag"]:
            ctx["flag"] = "\u2728"
    while ctx["name2"] == ctx["name"]:
        ctx["name2"] = rng.choice(F_NAMES)
    return ctx


def contact_line(rng, phone_text, person, ctx, voice):
    if "@" in phone_text:
        return rng.choice(["email {p}", "\U0001F4E7 {p}", "write me: {p}", "{p} (email only)"]).format(p=phone_text)
    if person in ("3p", "agency"):
        f = rng.choice(["Call {p}", "Text {p} to book", "Booking: {p}", "\U0001F4F1 {p}", "Call or text {p}",
                        "Appointments {p}"])
    elif voice in ("es",):
        f = rng.choice(["Llámame {p}", "WhatsApp {p}", "escríbeme \U0001F4F2 {p}"])
    elif voice == "pt":
        f = rng.choice(["Zap {p}", "me chama {p}"])
    elif voice == "fr":
        f = rng.choice(["Appelle-moi {p}", "SMS {p}"])
    else:
        f = rng.choice(["Text me {p}", "call/txt {p}", "\U0001F4F2 {p}", "hit me up {p}", "my # {p}", "{p} text only",
                        "Call {p}", "txt {p}"])
    return f.format(p=phone_text)


def build_suspicious(rng, cat, minor):
    ctx = make_ctx(rng, cat)
    voice = wchoice(rng, SUSP_VOICES[cat])
    person = PERSON_OF.get(voice, "1p")
    lang = LANG_OF.get(voice)
    plan = plan_suspicious(rng, cat, voice, minor)
    cues = list(plan)
    massage_style = cat == "massage"
    items = []
    # ages
    stated_age, title_suffix, site_age = None, "", None
    if minor:
        stated_age = rng.randint(14, 17) if rng.random() < 0.5 else rng.choice([16, 17])
        items.append(minor_age_text(rng, stated_age, "3p" if person != "1p" else "1p", ctx, lang))
        r = rng.random()
        if r < 0.25:
            title_suffix = " - %d" % rng.choice([18, 19, 20])
        elif r < 0.4:
            title_suffix = " - %d" % stated_age
        if rng.random() < 0.4:
            site_age = rng.choice([18, 19, 21])
    else:
        r = rng.random()
        if r < 0.5:
            stated_age = rng.choice([18, 18, 19, 19, 20, 21, 22, 23])
        elif r < 0.65:
            stated_age = rng.randint(24, 31) if "youth" not in cues else rng.randint(19, 22)
        if stated_age is not None:
            if rng.random() < 0.4 and cat != "massage":
                title_suffix = " - %d" % stated_age
            elif "youth" in cues and stated_age <= 21 and rng.random() < 0.4:
                items.append(rng.choice(["%d years young", "sweet %d y/o teen", "just %d and new to this"]) % stated_age)
            else:
                items.append(adult_age_text(rng, stated_age, "3p" if person != "1p" else "1p", ctx))
    # cue phrases
    for fam in plan:
        if fam in ("underage_age", "obfuscated_phone"):
            continue
        if fam == "youth" and any(("young" in i or "new to this" in i) for i in items):
            continue
        text, extras = pick_phrase(rng, fam, person, lang, cat, massage_style=massage_style)
        text = fill(text, ctx)
        if rng.random() < 0.12:
            text = obfuscate_text(rng, text)
        items.append(text)
        for e in extras:
            if e not in cues:
                cues.append(e)
    # fillers
    length = wchoice(rng, [("terse", 20), ("short", 35), ("medium", 30), ("long", 15)])
    nfill = {"terse": rng.randint(0, 1), "short": rng.randint(1, 3), "medium": rng.randint(3, 5), "long": rng.randint(6, 9)}[length]
    if voice == "broken":
        fpool = FILL_BROKEN + FILL_1P[:8]
    elif voice in ("agency", "spa"):
        fpool = FILL_AGENCY + (FILL_MASSAGE_S if cat == "massage" else [])
    elif person == "3p":
        fpool = FILL_3P
    elif lang:
        fpool = {"es": FILL_ES, "pt": FILL_PT, "fr": FILL_FR}[lang] + FILL_1P[:10]
    else:
        fpool = FILL_1P + (FILL_MASSAGE_S if cat == "massage" else [])
    if cat == "dating":
        fpool = FILL_DATING_S + fpool
    fills = [fill(x, ctx) for x in rng.sample(fpool, min(nfill, len(fpool)))]
    if rng.random() < 0.5:
        fills.append(rng.choice(RATES_S))
    body = items + fills
    rng.shuffle(body)
    if voice in ("terse", "caps") or (voice == "first" and rng.random() < 0.3):
        body = [smsify(x) if voice == "terse" else x for x in body]
    # phone
    p = phone_digits(rng)
    if "obfuscated_phone" in plan:
        phone_text = obf_phone(rng, p)
    elif rng.random() < 0.12 and person == "1p":
        phone_text = "%s@example.com" % ctx["name"].lower()
    else:
        phone_text = plain_phone(rng, p)
    contact = contact_line(rng, phone_text, person, ctx, voice)
    # title
    tf = [c for c in cues if c in TITLE_FRAG and c not in ("obfuscated_phone",)]
    rng.shuffle(tf)
    frags = []
    for fam in tf[:rng.choice([0, 1, 1, 2])]:
        t, ex = parse_entry(rng.choice(TITLE_FRAG[fam]))
        frags.append(fill(t, ctx))
        for e in ex:
            if e not in cues:
                cues.append(e)
    gt, gex = parse_entry(rng.choice(GENERIC_TITLES[cat]))
    if gex and not frags:
        for e in gex:
            if e not in cues:
                cues.append(e)
    else:
        gt = gt if not gex else "{name} \U0001F48B"
    gen = fill(gt, ctx)
    if frags:
        sep = rng.choice([" ~ ", " | ", " \u2728 ", " - ", " \U0001F48B ", ", "])
        title = sep.join(frags + ([gen] if rng.random() < 0.5 else []))
    else:
        title = gen
    title += title_suffix
    blocks = render_voice(rng, voice, body, contact)
    if voice == "caps" or (voice == "terse" and rng.random() < 0.2):
        title = title.upper()
    elif rng.random() < 0.2:
        title = title.upper()
    stats = None
    if cat != "dating" and rng.random() < 0.3:
        stats = []
        if stated_age is not None or site_age:
            stats.append(("Age", str(site_age or stated_age)))
        stats.append(("Height", rng.choice(["5'1\"", "5'3\"", "5'4\"", "5'6\"", "160 cm"])))
        stats.append(("Hair", rng.choice(["Brunette", "Black", "Blonde", "Red", "Auburn"])))
        if "ethnicity_stated" in cues and any(ctx["nat"] in i for i in items):
            stats.append(("Ethnicity", ctx["nat"]))
        if "incall_outcall" in cues:
            stats.append(("Meeting", rng.choice(["Incall & Outcall", "Outcall", "Incall"])))
        blocks.insert(0, ("kv", stats))
    elif site_age:
        blocks.insert(0, ("kv", [("Age", str(site_age))]))
    return {"title": title, "blocks": blocks, "cues": cues, "stated_age": stated_age, "ctx": ctx,
            "voice": voice}


def render_voice(rng, voice, body, contact):
    if voice == "terse":
        sep = rng.choice([" \u2022 ", " | ", ", ", " ~ ", " / ", "  "])
        line = sep.join(body + [contact])
        return [("p", line.lower() if rng.random() < 0.6 else line)]
    if voice == "emoji":
        items = []
        for x in body:
            e = rng.choice(EMOJI_BULLETS)
            items.append("%s %s %s" % (e, cap_first(x), e) if rng.random() < 0.3 else "%s %s" % (e, cap_first(x)))
        blocks = [("ul", items)]
        blocks.append(("p", "\U0001F4F2 " + contact + " " + rng.choice(EMOJI_BULLETS) * rng.randint(1, 3)))
        return blocks
    if voice == "caps":
        if rng.random() < 0.5:
            return [("p", " ".join(sentence(x, rng) for x in body).upper() + " " + contact.upper())]
        return [("p", x.upper()) for x in body] + [("p", contact.upper())]
    blocks = prose_blocks(body, rng, 4 if voice != "broken" else 2)
    if rng.random() < 0.15:
        blocks = [("p", b[1] + " " + rng.choice(EMOJI_BULLETS)) for b in blocks]
    blocks.append(("p", sentence(contact, rng) if not contact[0].isdigit() else contact))
    return blocks


# ---- benign adult ads
TRAITS = ["warm and well-read", "curious and down-to-earth", "laid-back", "witty and a little nerdy", "easygoing",
          "elegant but silly once you know me", "grounded", "playful and bookish", "calm", "sunny"]
HOBBIES = ["jazz bars", "long dinners", "bad puns", "museum afternoons", "trail running", "old movies", "spicy food",
           "crossword puzzles", "vinyl records", "pottery classes", "wine that costs too little", "sci-fi novels"]
ABOUT_B = ["Conversation matters to me as much as chemistry", "I'm happiest with people who are kind to waitstaff",
           "I keep a small schedule so I'm fully present for every date",
           "Expect good manners and I'll return them tenfold", "I laugh easily and I listen even better",
           "My friends call me the calm one", "I dress for the evening you have in mind, from jeans to black tie",
           "I love a well-made cocktail and a good story to go with it",
           "Dinner, a walk, a nightcap: slow evenings are my favourite kind",
           "I'm tall, curvy and comfortable in my own skin",
           "Ask me about my garden; I will talk about tomatoes for an hour"]
RATES_B = ["Rates: 1 hr {r1} \u00b7 2 hrs {r2} \u00b7 dinner date {r3}",
           "My donation for an hour is {r1}; longer dates on request",
           "Rates are firm: {r1} per hour, {r3} for a dinner date",
           "Hourly {r1}. Overnights by arrangement only"]
BOUND_B = ["Safe, protected and respectful meetings only", "Sober dates only",
           "I don't negotiate rates or discuss details by text",
           "If something doesn't feel right to me, the date ends, no hard feelings",
           "Please keep your messages polite and non-explicit", "I set my own limits and I keep them",
           "Cancellations within a day forfeit the deposit"]
SCREEN_B = ["Screening is required for everyone: full name, employer or LinkedIn, and a reference from a provider you've met",
            "A small deposit secures first-time bookings",
            "Please allow a day's notice for new friends",
            "I screen every new friend, no exceptions; it keeps everyone safe",
            "New friends: send your name, a work email and your preferred date and time",
            "References from other providers speed things up"]
CONTACT_B = ["Email {email} (preferred) or text {phone}", "Text only: {phone}. No blocked numbers",
             "Book through {email}", "Text {phone} with your name and the date you'd like",
             "Best way to reach me: {email}"]
LEGAL_B = ["All meetings are between consenting adults; time and companionship only",
           "Time and companionship only; anything else is a choice between consenting adults"]
WEAK_B = {
    "incall_outcall": ["I host in a private apartment in {part}", "Outcall only, within {city}",
                       "Incall in {part}, outcall for dinner dates", "I can meet you at your place"],
    "trust_language": ["My photos are recent and all me", "Every photo is me, taken this spring",
                       "I'm independent and I answer my own messages", "Unhurried dates; I never rush"],
    "movement": ["Visiting {city} the 12th to the 15th", "In {city} for one week only, then home",
                 "Touring the coast this month; {city} is next"],
    "ethnicity_stated": ["I'm half Filipina, half Irish", "Latina, born and raised here", "I'm Korean-American",
                         "Black, Southern and proud", "A Brazilian who fell in love with {city}"],
}


def benign_adult(rng, cat):
    ctx = make_ctx(rng, cat)
    email = "%s.%s@example.com" % (ctx["name"].lower(), rng.choice(["bookings", "dates", "hello", "private"]))
    p = phone_digits(rng)
    phone = plain_phone(rng, p)
    age = rng.randint(23, 46) if rng.random() < 0.85 else rng.randint(21, 22)
    stated_age = age if rng.random() < 0.8 else None
    r1 = rng.choice([250, 300, 350, 400, 500])
    ctxf = dict(ctx, email=email, phone=phone, r1="$%d" % r1, r2="$%d" % (r1 * 2 - 50), r3="$%d" % (r1 * 3))
    cues = []
    weak = None
    if rng.random() < 0.7:
        weak = rng.choice(["incall_outcall", "incall_outcall", "trust_language", "movement", "ethnicity_stated"])
        cues.append(weak)
    weak_text = fill(rng.choice(WEAK_B[weak]), ctxf) if weak else None
    voice = wchoice(rng, [("first", 40), ("terse", 12), ("emoji", 12), ("caps", 4), ("es", 8), ("pt", 4),
                          ("fr", 4), ("review1p", 16)])
    name = ctx["name"]
    agestr = ("I'm %d" % age) if stated_age else ""
    if voice in ("first", "review1p", "es", "pt", "fr"):
        if voice == "es":
            intro = "Hola, soy %s%s. Elegante, bilingüe y muy tranquila" % (name, (", %d años" % age) if stated_age else "")
        elif voice == "pt":
            intro = "Olá, sou %s%s. Calma, elegante e muito educada" % (name, (", %d anos" % age) if stated_age else "")
        elif voice == "fr":
            intro = "Bonjour, je suis %s%s. Douce, cultivée et très ponctuelle" % (name, (", %d ans" % age) if stated_age else "")
        else:
            tr = rng.choice(TRAITS)
            intro = "I'm %s%s, %s %s woman with a soft spot for %s" % (
                name, (", %d" % age) if stated_age else "", "an" if tr[0] in "aeiou" else "a", tr, rng.choice(HOBBIES))
        paras = [[intro] + rng.sample(ABOUT_B, rng.randint(1, 3))]
        if voice == "review1p":
            quotes = ["\u201cElegant, funny and genuinely kind.\u201d \u2014 J., a regular",
                      "\u201cThe best conversation I've had all year.\u201d \u2014 M.",
                      "\u201cPunctual, warm and easy to be around.\u201d \u2014 D.",
                      "\u201cRemembered the name of my dog. Who does that?\u201d \u2014 R."]
            paras.append(["What a few dates have said about me:"] + rng.sample(quotes, 2))
        mid = [fill(rng.choice(RATES_B), ctxf)] + rng.sample(BOUND_B, rng.randint(1, 2))
        if weak_text:
            mid.insert(rng.randrange(len(mid) + 1), weak_text)
        paras.append(mid)
        paras.append(rng.sample(SCREEN_B, rng.randint(1, 2)) + [fill(rng.choice(CONTACT_B), ctxf)])
        if rng.random() < 0.4:
            paras.append([rng.choice(LEGAL_B)])
        if rng.random() < 0.3:  # short version
            paras = [paras[0][:2], paras[-2] if len(paras) > 2 else paras[-1]]
        blocks = [("p", " ".join(sentence(x, rng) if not x.startswith("\u201c") else x for x in pp)) for pp in paras]
    elif voice == "emoji":
        items = ["\u2728 %s%s" % (name, (" \u00b7 %d" % age) if stated_age else ""),
                 "\U0001F377 dinner dates & slow evenings", "\U0001F4DA %s" % rng.choice(HOBBIES),
                 "\U0001F4B5 " + fill(rng.choice(RATES_B), ctxf), "\U0001F6E1\ufe0f screening required, no exceptions",
                 "\U0001F4F5 no blocked numbers"]
        if weak_text:
            items.insert(3, "\U0001F4CD " + weak_text)
        items.append("\U0001F48C " + fill(rng.choice(CONTACT_B), ctxf))
        blocks = [("ul", items)]
    else:  # terse / caps
        parts = ["%s%s" % (name, (", %d" % age) if stated_age else ""), "%s/hr" % r1, "screening required",
                 rng.choice(["sober dates only", "no haggling", "deposit for first dates", "respectful men only"])]
        if weak_text:
            parts.insert(2, weak_text)
        parts.append(rng.choice(["txt %s" % phone, email]))
        line = rng.choice([". ", " | ", " \u2022 "]).join(parts)
        blocks = [("p", line.upper() if voice == "caps" else line)]
    titles = ["{name} \u2014 slow evenings, good conversation", "Unhurried company with {name}",
              "{name} \u00b7 {city} \u00b7 by appointment", "Elegant dinner companion", "{name}, your favourite date",
              "Grown-up company in {city}", "Bookish brunette with a wicked laugh", "{name} \u2728"]
    title = fill(rng.choice(titles), ctx)
    if stated_age and rng.random() < 0.3:
        title += " - %d" % age
    if voice == "caps":
        title = title.upper()
    return {"title": title, "blocks": blocks, "cues": cues, "stated_age": stated_age, "ctx": ctx, "voice": voice}


# ---- benign massage
MODALITIES = ["Swedish", "deep tissue", "hot stone", "prenatal", "sports", "Thai (on a floor mat, fully clothed)",
              "shiatsu", "reflexology", "myofascial release", "lymphatic drainage", "cupping"]
MASSAGE_B = ["Strictly therapeutic; professional draping is used at all times",
             "Any inappropriate request ends the session immediately, with no refund",
             "Hours: Mon\u2013Fri 10\u20137, Sat 9\u20133", "60 min ${a} \u00b7 90 min ${b}", "Gift certificates available",
             "HSA/FSA receipts provided", "Cupping and assisted stretching add-ons available",
             "I specialize in lower back and shoulder tension from desk work",
             "Quiet studio with free parking", "Wear comfortable clothes for Thai sessions",
             "Please arrive 10 minutes early for your intake form", "Cancellations need a day's notice",
             "Runners and cyclists: ask about the post-race package"]
WEAK_M = {"incall_outcall": ["Mobile service available: I come to you with a table and fresh linens",
                             "Walk-ins welcome when the schedule allows", "Studio sessions or outcall to your home"],
          "trust_language": ["I'm an independent therapist, so you always see me"],
          "movement": ["I've just moved my practice to {city}"]}


def benign_massage(rng):
    ctx = make_ctx(rng, "massage")
    name, city = ctx["name"], ctx["city"]
    lic = "MA-%05d" % rng.randrange(100000)
    a = rng.choice([70, 75, 80, 85, 90, 95])
    ctxf = dict(ctx, a=a, b=a + 35)
    cues = []
    weak = None
    if rng.random() < 0.55:
        weak = rng.choice(["incall_outcall", "incall_outcall", "trust_language", "movement"])
        cues.append(weak)
    voice = wchoice(rng, [("therapist", 55), ("clinic", 25), ("terse", 10), ("es", 10)])
    mods = rng.sample(MODALITIES, rng.randint(2, 4))
    items = []
    if voice == "therapist":
        items.append("I'm %s %s, a licensed massage therapist (LMT #%s) with %d years of practice" % (
            name, rng.choice(SURNAMES), lic, rng.randint(3, 19)))
        items.append("I offer %s" % ", ".join(mods))
    elif voice == "clinic":
        clinic = rng.choice(["Harbor Wellness", "Stillwater Bodywork", "Kinetic Recovery Studio", "Juniper Massage Clinic",
                             "Fallowfield Physio & Massage"])
        items.append("%s offers licensed %s massage" % (clinic, ", ".join(mods)))
        items.append("State license %s on file" % lic)
    elif voice == "es":
        items.append("Masaje terapéutico profesional con %s, terapeuta con licencia (%s)" % (name, lic))
        items.append("Hablo español e inglés")
        items.append("Ofrezco %s" % ", ".join(mods))
    else:
        items.append("LMT %s, %s" % (lic, "/".join(m.split(" (")[0] for m in mods)))
    items += [fill(x, ctxf) for x in rng.sample(MASSAGE_B, rng.randint(1 if voice == "terse" else 2, 5))]
    if "Strictly therapeutic" not in " ".join(items) and rng.random() < 0.6:
        items.append(MASSAGE_B[0])
    if weak:
        items.insert(rng.randint(1, len(items)), fill(rng.choice(WEAK_M[weak]), ctx))
    phone = plain_phone(rng, phone_digits(rng))
    contact = rng.choice(["Book online or call %s" % phone, "Call %s" % phone,
                          "Appointments: %s or %s@example.com" % (phone, name.lower())])
    if voice == "terse":
        blocks = [("p", " | ".join(items + [contact]))]
    else:
        blocks = prose_blocks(items, rng, 3) + [("p", sentence(contact, rng))]
        if rng.random() < 0.3:
            blocks.insert(1, ("ul", ["%s \u2014 $%d" % (m.split(" (")[0].capitalize(), a + rng.choice([0, 10, 20]))
                                     for m in mods]))
    title = rng.choice(["Therapeutic massage in %s" % city, "Licensed massage \u2014 %s" % ", ".join(mods[:2]),
                        "Deep tissue & sports massage", "Massage for back pain, LMT", "Masaje terapéutico",
                        "Prenatal and Swedish massage", "%s Bodywork" % name])
    return {"title": title, "blocks": blocks, "cues": cues, "stated_age": None, "ctx": ctx, "voice": voice}


# ---- benign dating
DATING_B = ["Non-smoker, social drinker, two dogs who will judge you", "I love old movies, hiking and farmers markets",
            "Looking for someone kind, curious and a little bit goofy", "I work in accounting but I'm more fun than that sounds",
            "Divorced, no drama, grown kids who visit on holidays", "I cook a mean curry and I expect honest opinions",
            "Long walks are nice, but so is a couch and a good series", "Faith matters to me, and so does laughter",
            "I'm looking for a partner, not a pen pal", "Tall, bearded, soft-spoken, terrible at karaoke",
            "Let's start with coffee and see where it goes", "I volunteer at the animal shelter on weekends",
            "Must love cats or at least tolerate mine"]
DATING_WEAK = {"trust_language": ["Real photos on request, no catfish please", "No games, I'm here for something real"],
               "ethnicity_stated": ["{lat}, bilingual, big family", "Proud Black {wm} who loves jazz", "Korean-American foodie"],
               "movement": ["New in town for work and would love a local to show me around"]}


def benign_dating(rng):
    ctx = make_ctx(rng, "dating")
    woman = rng.random() < 0.6
    age = rng.randint(24, 63)
    seek = rng.choice(["a man", "a woman", "a partner", "a kind man", "a woman", "a companion"])
    lo = max(21, age - rng.randint(4, 10))
    hi = age + rng.randint(2, 10)
    cues = []
    weak = rng.choice(list(DATING_WEAK)) if rng.random() < 0.4 else None
    if weak:
        cues.append(weak)
    voice = wchoice(rng, [("personal", 60), ("terse", 15), ("emoji", 10), ("es", 8), ("missed", 7)])
    name = ctx["name"] if woman else rng.choice(M_NAMES)
    me = ("SWF" if woman else "SWM") if rng.random() < 0.5 else ("Woman" if woman else "Man")
    stated = age
    if voice == "missed":
        title = "Missed connection: %s at the %s" % (rng.choice(["red scarf", "green umbrella", "the guy with the violin case",
                                                                  "you with the library books"]),
                                                        rng.choice(["farmers market", "bus stop on 5th", "coffee shop in %s" % ctx["part"]]))
        body = ["We talked about %s for five minutes and I forgot to ask your name" % rng.choice(HOBBIES),
                "If you remember what I was reading, message me here", "No pressure, just hoping"]
        stated = None
        blocks = prose_blocks(body, rng, 3)
    else:
        intro = "%s, %d, seeking %s %d\u2013%d in or near %s" % (me, age, seek, lo, hi, ctx["city"])
        body = [intro] + rng.sample(DATING_B, rng.randint(1, 4))
        if weak:
            body.insert(rng.randint(1, len(body)), fill(rng.choice(DATING_WEAK[weak]), dict(ctx, lat="Latina" if woman else "Latino", wm="woman" if woman else "man")))
        body.append(rng.choice(["Message me through the site", "Reply with a photo and your favourite book",
                                "Email %s@example.com" % name.lower(), "Say hi, I don't bite"]))
        if voice == "terse":
            blocks = [("p", smsify(" / ".join(body)))]
        elif voice == "emoji":
            blocks = [("ul", ["%s %s" % (rng.choice(["\u2615", "\U0001F333", "\U0001F3B5", "\U0001F415", "\U0001F60A", "\U0001F4DA"]),
                                         cap_first(x)) for x in body])]
        elif voice == "es":
            body = ["%s, %d años, busco %s para cafecito y buena conversación" % ("Mujer" if woman else "Hombre", age,
                                                                                 rng.choice(["pareja", "amistad y algo más", "compañero"]))] + body[1:]
            blocks = prose_blocks(body, rng, 3)
        else:
            blocks = prose_blocks(body, rng, 3)
        title = rng.choice(["%s seeking %s" % ("Woman" if woman else "Man", seek.split()[-1]), "Coffee and conversation?",
                            "Let's go to the farmers market", "Looking for my person", "%d and ready for something lasting" % age,
                            "Hiking buddy & maybe more", "Cat person seeks dog person"])
    return {"title": title, "blocks": blocks, "cues": cues, "stated_age": stated, "ctx": ctx,
            "voice": voice}


# --------------------------------------------------------------------------- ordinary classifieds
COMPANIES = ["Brightwell Logistics", "Marrow & Finch Bakery", "Tidewater Dental Group", "Copperline HVAC",
             "Greywater Community Hospital", "Northgate Grocers", "Lantern Street Cafe", "Orrin Valley School District",
             "Stellmoor Hotel & Suites", "Bramble Auto Body", "Kestrel Freight Lines", "Saltmere Senior Living",
             "Quillon Print Works", "Harbor Light Daycare", "Pinecrest Landscaping", "Rook & Vale Outfitters"]
JOBS = [
    ("Warehouse Associate \u2014 all shifts", ["Pick, pack and ship customer orders", "Load and unload trailers", "Keep aisles clean and safe"],
     ["Able to lift 50 lbs", "Forklift certification a plus, we train"], ["Our facility runs 24 hours, so day, swing and overnight shifts are open",
     "No experience? No problem, this can be your first job"], "$17.50\u2013$21.00/hr"),
    ("Line Cook", ["Prep and cook from our seasonal menu", "Keep your station clean and stocked"], ["1 year of kitchen experience", "Food handler card"],
     ["Join a young, energetic kitchen team", "Apply in person Tue\u2013Thu 2\u20134pm and ask for Maria"], "$18\u2013$22/hr + tips"),
    ("Dental Assistant", ["Chairside assisting", "Sterilization and room turnover", "X-rays"], ["Current radiography certificate"],
     ["Bilingual Spanish/English a plus", "We're a small, independent practice, not a chain"], "$22\u2013$27/hr"),
    ("CDL-A Driver \u2014 Regional", ["Regional routes, drop and hook", "Pre- and post-trip inspections"], ["Class A CDL, 1 year experience", "Clean MVR"],
     ["Fuel cards accepted at all major truck stops", "Home every weekend; motel stays paid when you're out overnight"], "$0.62/mile"),
    ("Night Audit / Front Desk Agent", ["Check guests in and out", "Run the nightly audit", "Answer phones and emails"], ["Friendly, reliable, computer literate"],
     ["The front desk is staffed 24/7; this is the 11pm\u20137am shift", "Hotel room discounts for employees and family"], "$17/hr + shift differential"),
    ("Licensed Massage Therapist", ["Sports and rehab massage for clinic patients", "Chart notes in our system"], ["Current state massage license", "CPR"],
     ["Swedish, deep tissue and sports massage", "Our therapists see 5\u20136 clients per day, never more"], "$30\u2013$40/hr + tips"),
    ("Pilot Car / Escort Vehicle Driver", ["Escort oversize loads across three states", "Radio communication with the truck"],
     ["Own vehicle with amber lights and height pole", "Pilot car certification"], ["Available on short notice, day or night",
     "Hotel and per diem covered on multi-day runs"], "$1.85/mile"),
    ("Part-time Nanny", ["After-school pickup and homework help", "Light meal prep"], ["Valid driver's license", "References"],
     ["Two girls, ages 6 and 9", "College students welcome to apply"], "$20/hr"),
    ("Kitchen Helper \u2014 no English required", ["Dishwashing and prep", "Receiving deliveries"], ["Reliable and punctual"],
     ["Spanish-speaking supervisor on every shift", "New arrivals to the area welcome to apply"], "$16.50/hr"),
    ("Barista", ["Make espresso drinks", "Keep the caf\u00e9 tidy", "Cash handling"], ["Weekend availability"],
     ["Students welcome; we schedule around classes", "Our young team loves latte art and bad jokes"], "$15/hr + tips"),
    ("Home Health Aide", ["Visiting clients in their homes", "Medication reminders", "Light housekeeping"], ["HHA certificate", "Reliable car"],
     ["Available anytime? We have weekend and overnight cases", "Ask for Rosa in scheduling"], "$19\u2013$23/hr"),
    ("Retail Sales Associate", ["Help customers", "Stock and merchandise", "Open and close the store"], ["Friendly and reliable"],
     ["We're a Latina-owned boutique with a bilingual staff", "We're under new management and growing fast"], "$16/hr + commission"),
    ("Event Staff & Bartenders", ["Set up and break down events", "Serve guests"], ["Bartenders must be 21+"],
     ["Party rentals and weddings every weekend", "Girls and guys welcome, no experience needed for setup crew"], "$18/hr + gratuity"),
    ("Salon Receptionist", ["Greet clients and book appointments", "Retail sales", "Phones"], ["Upbeat and organized"],
     ["Our beautiful staff of stylists is waiting to meet you", "Walk-ins welcome, so the desk stays busy"], "$17/hr"),
]
JOB_COMPANY = {"Warehouse Associate": ["Brightwell Logistics", "Kestrel Freight Lines"], "Line Cook": ["Lantern Street Cafe", "Marrow & Finch Bakery"],
               "Dental Assistant": ["Tidewater Dental Group"], "CDL-A Driver": ["Kestrel Freight Lines", "Brightwell Logistics"],
               "Night Audit": ["Stellmoor Hotel & Suites"], "Licensed Massage Therapist": ["Greywater Sports Rehab", "Greywater Community Hospital"],
               "Pilot Car": ["Vantry Heavy Haul", "Orrin Valley Pilot Services"], "Part-time Nanny": ["the Whitcombe family", "a family in Calder Park"],
               "Kitchen Helper": ["Lantern Street Cafe", "Northgate Grocers"], "Barista": ["Lantern Street Cafe", "Marrow & Finch Bakery"],
               "Home Health Aide": ["Saltmere Senior Living", "Greywater Community Hospital"], "Retail Sales Associate": ["Rook & Vale Outfitters", "Casa Lorena Boutique"],
               "Event Staff & Bartenders": ["Quillon Events & Rentals"], "Salon Receptionist": ["Studio Juniper Salon", "Shear Joy Hair Co."]}
BENEFITS = ["Medical, dental and vision after 30 days", "401(k) with 4% match", "Paid time off from day one", "Weekly pay",
            "Free parking", "Employee discount", "Tuition reimbursement", "Paid holidays", "Uniforms provided",
            "Free shift meal", "Paid training", "Referral bonus $500"]


def ord_jobs(rng, ctx):
    title, duties, reqs, decoys, pay = rng.choice(JOBS)
    co = rng.choice(JOB_COMPANY.get(title.split(" \u2014")[0].split(" /")[0], COMPANIES))
    blocks = []
    kv = [("Company", co), ("Location", "%s, %s" % (ctx["part"], ctx["city"])), ("Pay", pay),
          ("Type", rng.choice(["Full-time", "Part-time", "Full-time / Part-time", "Seasonal"]))]
    dec = rng.sample(decoys, rng.randint(1, 2)) if rng.random() < 0.75 else []
    long_ad = rng.random() < 0.6
    blocks.append(("p", "%s is hiring a %s in %s. %s" % (co, title.split(" \u2014")[0].lower() if rng.random() < 0.5 else title.split(" \u2014")[0],
                                                          ctx["city"], " ".join(sentence(d, rng) for d in dec[:1]))))
    if long_ad:
        blocks.append(("kv", kv))
        blocks.append(("p", "What you'll do:"))
        blocks.append(("ul", duties))
        blocks.append(("p", "What you need:"))
        blocks.append(("ul", reqs))
        blocks.append(("p", "Benefits:"))
        blocks.append(("ul", rng.sample(BENEFITS, rng.randint(3, 7))))
        if len(dec) > 1:
            blocks.append(("p", sentence(dec[1], rng)))
        blocks.append(("p", "Apply online at careers.example.com or email jobs@example.com. %s is an equal opportunity employer." % co))
    else:
        blocks.append(("p", "Pay %s. %s Call %s." % (pay, " ".join(sentence(d, rng) for d in dec[1:]), plain_phone(rng, phone_digits(rng)))))
    return title, blocks


GOODS = [("Massage chair, full recliner with heat", 450), ("Ebony finish upright piano", 900), ("Two girls' bikes, 20 inch", 80),
         ("Commercial hotel pans, set of 12", 60), ("Party supplies: 10 tables, 60 chairs, canopy", 700),
         ("College dorm mini fridge", 60), ("iPhone 12, 128GB, unlocked", 280), ("Solid oak dining table + 6 chairs", 350),
         ("Jogging stroller", 90), ("Gaming PC, RTX 3060", 650), ("Sectional sofa, grey", 300), ("Espresso machine", 180),
         ("Self-propelled lawn mower", 150), ("Guitar amp, 40W", 120), ("Queen bed frame with headboard", 75),
         ("Kids' bunk bed", 140), ("Treadmill, folds up", 220), ("Snow tires on rims (4)", 260)]
GOODS_DECOY = ["No scams, no shipping; local pickup only", "Real photos of the actual item", "Ask for Maria if my husband answers",
               "No games, no lowball offers", "Available anytime after 5", "Brand new in box, never used",
               "Selling for my daughter, she's away at college", "Cash only, meet at the police station lot",
               "First come, first served", "Young family, no room anymore", "24 hour notice to pick up please"]


def ord_goods(rng, ctx):
    item, price = rng.choice(GOODS)
    price = int(price * rng.choice([0.8, 0.9, 1.0, 1.1]))
    cond = rng.choice(["like new", "good condition", "used, works great", "some scratches, works perfectly", "excellent"])
    extra = ["Smoke-free home", "Pet-free home", "Selling because we're moving", "Paid twice that", "Must go this week",
             "Dimensions in the last photo", "Pickup in %s" % ctx["part"]]
    lines = ["%s, %s" % (item, cond), "$%d %s" % (price, rng.choice(["firm", "OBO", "or best offer", ""]))]
    lines += rng.sample(extra, rng.randint(0, 3))
    if rng.random() < 0.6:
        lines += rng.sample(GOODS_DECOY, rng.randint(1, 2))
    lines.append(rng.choice(["Text %s", "Call or text %s", "%s"]) % plain_phone(rng, phone_digits(rng)))
    if rng.random() < 0.35:
        blocks = [("p", " ".join(sentence(x, rng) for x in lines))]
    else:
        blocks = prose_blocks(lines, rng, 3)
    title = "%s - $%d" % (item, price) if rng.random() < 0.6 else item
    if rng.random() < 0.15:
        title = title.upper()
    return title, blocks


HOUSING_DECOY = ["Under new management, newly renovated units", "24-hour emergency maintenance", "Private room with its own entrance",
                 "Walking distance to the college; students welcome", "Travel nurses welcome, furnished, month-to-month",
                 "No scams: I will show the room in person and never ask for money before you see it",
                 "Real photos, taken last week", "Se renta cuarto para persona sola, utilidades incluidas",
                 "Quiet building, mostly young professionals", "Hotel-style lobby with a 24/7 doorman"]


def ord_housing(rng, ctx):
    beds = rng.choice(["Studio", "1", "2", "3", "Room"])
    sqft = {"Studio": rng.choice([420, 450, 510]), "Room": rng.choice([140, 180]), "1": rng.randint(6, 8) * 100,
            "2": rng.randint(8, 11) * 100, "3": rng.randint(11, 15) * 100}[beds]
    rent = {"Studio": 1050, "Room": 700, "1": 1300, "2": 1650, "3": 2100}[beds] + rng.randrange(0, 400, 25)
    kv = [("Rent", "$%d/mo" % rent), ("Deposit", "$%d" % rent), ("Bedrooms", beds), ("Bathrooms", rng.choice(["1", "1.5", "2", "shared"])),
          ("Sq ft", str(sqft)), ("Available", rng.choice(["now", "June 1", "the 15th", "Aug 1"])),
          ("Pets", rng.choice(["cats ok", "no pets", "dogs under 30 lb", "ask"])), ("Parking", rng.choice(["1 space", "street", "garage $75"])),
          ("Laundry", rng.choice(["in unit", "on site", "none"]))]
    desc = ["%s %s in %s, %s" % ("Bright" if rng.random() < 0.5 else "Cozy", "studio" if beds == "Studio" else ("room" if beds == "Room" else "%s-bedroom apartment" % beds),
                                 ctx["part"], ctx["city"]),
            rng.choice(["Hardwood floors and big windows", "New kitchen with gas range", "Top floor, lots of light", "Close to the bus line and grocery"]),
            rng.choice(["Water and trash included", "Tenant pays electric", "All utilities included"])]
    if rng.random() < 0.6:
        desc += rng.sample(HOUSING_DECOY, rng.randint(1, 2))
    desc.append(rng.choice(["Call %s to see it", "Text %s for a showing", "Email leasing@example.com or call %s"]) % plain_phone(rng, phone_digits(rng)))
    blocks = prose_blocks(desc, rng, 3)
    if rng.random() < 0.75:
        blocks.insert(1, ("kv", rng.sample(kv, rng.randint(5, len(kv)))))
    title = rng.choice(["%s \u2014 $%d \u2014 %s" % ("Studio" if beds == "Studio" else ("Room for rent" if beds == "Room" else "%sBR" % beds), rent, ctx["part"]),
                        "$%d / %s / %s" % (rent, beds, ctx["city"]), "%s available %s" % ("Room" if beds == "Room" else "Apartment", kv[5][1])])
    return title, blocks


MAKES = [("Toyota", "Camry", "2.5L 4-cyl"), ("Honda", "Civic", "1.8L 4-cyl"), ("Ford", "F-150", "5.0L V8"), ("Subaru", "Outback", "2.5L flat-4"),
         ("Chevrolet", "Silverado", "5.3L V8"), ("Nissan", "Altima", "2.5L 4-cyl"), ("Mazda", "CX-5", "2.5L 4-cyl"),
         ("Hyundai", "Elantra", "2.0L 4-cyl"), ("Jeep", "Wrangler", "3.6L V6"), ("Volkswagen", "Jetta", "1.4L turbo")]
VEH_DECOY = ["Clean title, no games", "Real pictures, no filters", "Starts every time, day or night", "Two owners, both non-smokers",
             "No lowballers, no scams, no trades", "Used as an escort vehicle for a pilot-car business; amber light mount included",
             "My daughter's first car, she's off to college now", "Can meet at the police station parking lot"]


def ord_vehicles(rng, ctx):
    make, model, engine = rng.choice(MAKES)
    year = rng.randint(2006, 2021)
    miles = rng.randint(28, 210) * 1000
    price = max(2500, int((28000 - (2024 - year) * 1500 - miles * 0.03) / 100) * 100)
    kv = [("Year", str(year)), ("Make", make), ("Model", model), ("Mileage", "{:,}".format(miles)),
          ("Engine", engine),
          ("Transmission", rng.choice(["Automatic", "Manual", "CVT"])), ("Drivetrain", rng.choice(["FWD", "AWD", "4WD", "RWD"])),
          ("Exterior", rng.choice(["Silver", "Black", "Blue", "White", "Red"])), ("Title", rng.choice(["Clean", "Clean", "Rebuilt"])),
          ("VIN (last 6)", "%06d" % rng.randrange(10 ** 6))]
    desc = [rng.choice(["Runs and drives great", "New tires and brakes last fall", "Timing belt done at 100k", "Minor dent on rear bumper"]),
            rng.choice(["Service records available", "Cold AC", "Bluetooth stereo", "Tow package"])]
    if rng.random() < 0.6:
        desc += rng.sample(VEH_DECOY, rng.randint(1, 2))
    desc.append("$%d %s. %s" % (price, rng.choice(["OBO", "firm", "cash"]),
                                rng.choice(["Text %s", "Call %s after 6pm", "%s, ask for Luis"]) % plain_phone(rng, phone_digits(rng))))
    if rng.random() < 0.7:
        blocks = [("kv", kv)] + prose_blocks(desc, rng, 3)
    else:
        blocks = [("p", " \u2022 ".join("%s: %s" % x for x in kv[:6]))] + prose_blocks(desc, rng, 4)
    title = "%d %s %s \u2014 $%d" % (year, make, model, price) if rng.random() < 0.7 else "%d %s %s %dk miles" % (year, make, model, miles // 1000)
    return title, blocks


SERVICES = [
    ("24/7 Towing & Roadside", ["Lockouts, jump starts, flat tires and long-distance towing", "Licensed and insured", "Available 24 hours, day or night, including holidays"]),
    ("House Cleaning \u2014 Latina-owned family business", ["Weekly, biweekly or move-out cleans", "Two sisters, Rosa and Ana, do every job ourselves", "Free estimates"]),
    ("Handyman, no job too small", ["Drywall, doors, fixtures, furniture assembly", "Independent and insured, 15 years", "Ask for Dale"]),
    ("Math & Chemistry Tutoring", ["College student, chemistry major", "High school and first-year college courses", "$30/hr, online or at the library"]),
    ("Mobile Car Detailing \u2014 I come to you", ["Interior shampoo, clay bar, wax", "Home or office, anytime that works for you", "Real before and after photos on request"]),
    ("Immigration & Translation Help", ["Just arrived in the country? We help with visa paperwork, forms and appointments", "Spanish, Portuguese and French spoken", "No English needed to get started"]),
    ("Mobile Notary", ["Available anytime, evenings and weekends", "Loan signings, affidavits, POA", "I travel to your home, hospital or hotel"]),
    ("Dog Walking & Pet Sitting", ["Young, reliable and crazy about dogs", "Daily walks, drop-ins, overnights", "References from neighbours in %s"]),
    ("Moving Help \u2014 two guys and a truck", ["Local moves, junk removal, deliveries", "No hidden fees, no games", "Same-day when we can"]),
    ("Babysitting", ["Red Cross certified, 20 years old, college student", "Evenings and weekends", "Ask for my references"]),
    ("Lawn Care", ["Mowing, edging, leaf cleanup", "New customers get the first cut half off", "Fully insured"]),
    ("Computer Repair", ["Virus removal, upgrades, data recovery", "No fix, no fee", "Honest pricing, no scams"]),
]


def ord_services(rng, ctx):
    title, lines = rng.choice(SERVICES)
    lines = [l % ctx["part"] if "%s" in l else l for l in lines]
    lines = lines + [rng.choice(["Serving %s and nearby" % ctx["city"], "Call for a quote", "Cash, card or app payments", "Senior discount"])]
    lines.append(rng.choice(["Call %s", "Text %s", "%s \u2014 leave a message"]) % plain_phone(rng, phone_digits(rng)))
    style = rng.random()
    if style < 0.3:
        blocks = [("ul", lines[:-1]), ("p", lines[-1])]
    elif style < 0.45:
        blocks = [("p", " ".join(sentence(x, rng) for x in lines).upper())]
    else:
        blocks = prose_blocks(lines, rng, 3)
    return title, blocks


EVENTS = [
    ("Grand opening: new in town bakery!", ["Marrow & Finch Bakery opens Saturday on %s", "Free cookies for the first 100 guests", "Sourdough, conchas and pastel de nata"]),
    ("Sweet 16 & quincea\u00f1era venue", ["Ballroom for up to 150 guests in %s", "DJ booth, dance floor, catering kitchen", "Weekend dates still open this fall"]),
    ("Daddy\u2013Daughter Dance", ["Saturday 6\u20139pm at the %s community center", "Tickets $15 per pair, snacks included", "All ages welcome"]),
    ("Youth soccer tryouts, ages 14\u201317", ["U15 and U17 girls and boys teams", "Saturday 9am, %s fields", "Bring cleats, shin guards and water"]),
    ("Salsa night \u2014 Latin party every Friday", ["Beginner lesson at 8, social dance from 9", "Live band last Friday of the month", "21+ with ID"]),
    ("Fish market: fresh off the boat", ["Saturday dock sales at %s", "Salmon, halibut and crab straight from our boats", "Cash or card"]),
    ("Senior social for the young at heart", ["Bingo, cards and coffee every Tuesday in %s", "Free, bring a friend", "Rides available on request"]),
    ("Earth Day cleanup \u2014 Saturday 4/20", ["Meet at the %s trailhead at 9am", "Gloves and bags provided", "Volunteers of all ages welcome"]),
    ("College open house", ["Tour campus and meet faculty", "Students and parents welcome", "Saturday 10\u20132, %s campus"]),
    ("Garage sale \u2014 three families", ["Furniture, kids' clothes, tools", "Saturday & Sunday 7am\u20132pm", "%s, follow the signs"]),
    ("Free concert in the park", ["Community orchestra plays movie themes", "Sunday 5pm, %s bandshell", "Bring a blanket"]),
]


def ord_events(rng, ctx):
    title, lines = rng.choice(EVENTS)
    lines = [l % ctx["part"] if "%s" in l else l for l in lines]
    if rng.random() < 0.5:
        lines.append(rng.choice(["Questions? Call %s", "Info: %s", "RSVP %s"]) % plain_phone(rng, phone_digits(rng)))
    if rng.random() < 0.4:
        lines.append(rng.choice(["Ask for Maria at the front desk", "Real food, real people, no tickets needed",
                                 "Open to everyone in %s" % ctx["city"]]))
    blocks = prose_blocks(lines, rng, 2) if rng.random() < 0.6 else [("ul", lines)]
    return title, blocks


PETS = [("Golden retriever puppies", ["8 weeks old, first shots and vet check", "Parents on site", "$600, deposit holds"]),
        ("Two kitten sisters need a home together", ["12 weeks, litter trained", "Free to a good home, adoption form required"]),
        ("Lost cat \u2014 grey tabby", ["Missing since Tuesday near %s", "Answers to Pickle, very shy", "Reward for safe return"]),
        ("Rehoming two rabbits", ["Bonded pair, young and healthy", "Hutch and supplies included", "$40 rehoming fee"]),
        ("Young male cockatiel", ["Whistles, tame, comes with cage", "$120"]),
        ("Found dog", ["Brown mixed breed found near %s", "No collar, very friendly", "Describe him to claim"])]


def ord_pets(rng, ctx):
    title, lines = rng.choice(PETS)
    lines = [l % ctx["part"] if "%s" in l else l for l in lines]
    if rng.random() < 0.5:
        lines.append(rng.choice(["Real photos, no scams, no shipping", "Local only, you must come meet them",
                                 "No breeders, no resellers"]))
    lines.append(rng.choice(["Text %s", "Call %s", "%s"]) % plain_phone(rng, phone_digits(rng)))
    return title, prose_blocks(lines, rng, 3)


ORD_KINDS = [("jobs", 20, ord_jobs), ("goods", 20, ord_goods), ("housing", 15, ord_housing), ("vehicles", 12, ord_vehicles),
             ("services", 15, ord_services), ("events", 10, ord_events), ("pets", 8, ord_pets)]


def build_ordinary(rng):
    ctx = make_ctx(rng, "other")
    kind, fn = wchoice(rng, [((k, f), w) for k, w, f in ORD_KINDS])
    title, blocks = fn(rng, ctx)
    if rng.random() < 0.08:  # terse one-liner
        blocks = [("p", re.sub(r"\s+", " ", " ".join(b[1] if b[0] == "p" else "; ".join(b[1]) if b[0] == "ul" else
                                                  ", ".join("%s %s" % kv for kv in b[1]) for b in blocks)[:160]).rstrip() + "...")]
    return {"title": title, "blocks": blocks, "cues": [], "stated_age": None, "ctx": ctx, "voice": kind, "kind": kind}


# --------------------------------------------------------------------------- rendering
def e(s):
    return _html.escape(s, quote=False)


def blocks_text(blocks):
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append(val)
        elif kind == "ul":
            out.append("\n".join(x if ord(x[0]) > 0x2000 else "- " + x for x in val))
        elif kind == "kv":
            out.append("\n".join("%s: %s" % kv for kv in val))
    return "\n\n".join(out)


def blocks_html(blocks, rng, kvstyle="table", pclass=None):
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append("<p%s>%s</p>" % (' class="%s"' % pclass if pclass else "", e(val).replace("\n", "<br>")))
        elif kind == "ul":
            out.append("<ul>" + "".join("<li>%s</li>" % e(x) for x in val) + "</ul>")
        elif kind == "kv":
            if kvstyle == "dl":
                out.append("<dl class=\"attrs\">" + "".join("<dt>%s</dt><dd>%s</dd>" % (e(k), e(v)) for k, v in val) + "</dl>")
            elif kvstyle == "div":
                out.append("<div class=\"specs\">" + "".join('<div class="spec"><span class="k">%s</span> <span class="v">%s</span></div>' % (e(k), e(v)) for k, v in val) + "</div>")
            else:
                out.append("<table class=\"attrs\">" + "".join("<tr><th>%s</th><td>%s</td></tr>" % (e(k), e(v)) for k, v in val) + "</table>")
    return "\n".join(out)


CAT_LABEL = {"escort": ["Escorts", "Female Escorts", "Companions"], "massage": ["Body Rubs", "Massage", "Therapeutic & Relaxation"],
             "dating": ["Personals", "Dating", "Women Seeking Men", "Casual Encounters"],
             "jobs": ["Jobs", "Employment"], "goods": ["For Sale", "Buy & Sell"], "housing": ["Housing", "Rentals"],
             "vehicles": ["Cars & Trucks", "Vehicles"], "services": ["Services", "Local Services"], "events": ["Events", "Community"],
             "pets": ["Pets", "Animals"]}


def sidebar_titles(rng, cat, n):
    out = []
    for _ in range(n):
        ctx = make_ctx(rng, cat)
        if cat == "escort":
            t = rng.choice(["{name} \U0001F48B new in town", "Sweet {nat} girl - 22", "2 girls special 24/7", "Relax with {name}",
                            "{name} \u2014 dinner companion", "NEW GIRL \U0001F36D ask for {name}", "Classy {name}, 31",
                            "\U0001F451 VIP {name} \U0001F451", "Real pics, independent, {city}"])
        elif cat == "massage":
            t = rng.choice(["Grand opening spa \U0001F338", "Deep tissue LMT {city}", "New young staff, walk-ins", "Relaxing massage {name}",
                            "Sports massage, licensed", "Asian spa open late"])
        elif cat == "dating":
            t = rng.choice(["Woman, 41, seeking hiking partner", "Lonely and bored", "Coffee date?", "Sugar baby seeking mentor",
                            "SWM 38 looking for something real", "Missed connection at the library"])
        else:
            t = rng.choice(["Queen bed frame $60", "2BR apt near park $1400", "2012 Civic 140k mi", "Warehouse jobs $19/hr",
                            "Free firewood", "Lawn mowing, cheap", "Kittens free to good home", "Yard sale Sat", "iPad Air $180"])
        out.append(fill(t, ctx))
    return out


SITES = {"escort": ["Velvet Index", "AfterHours Board", "Moonrow", "Lanternboard", "Quiet Hours Directory"],
         "massage": ["Velvet Index", "Lanternboard", "Spa Finder Board", "Moonrow"],
         "dating": ["Lumen Personals", "Moonrow", "Corkline", "Heartline Classifieds"],
         "other": ["Tackboard", "Corkline", "Kettle Classifieds", "Swapsy", "Hearthlist", "Placard"]}


def page_common(rng, ad, rec_cat):
    ctx = ad["ctx"]
    kind = ad.get("kind", rec_cat)
    return {"site": rng.choice(SITES["other" if rec_cat == "other" else rec_cat]),
            "catlabel": rng.choice(CAT_LABEL[kind]), "city": ctx["city"], "adid": str(rng.randint(1000000, 99999999)),
            "date": "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
            "time": "%d:%02d %s" % (rng.randint(1, 12), rng.randrange(60), rng.choice(["am", "pm"])),
            "related": sidebar_titles(rng, rec_cat if rec_cat != "other" else "other", rng.randint(3, 6)),
            "views": rng.randint(12, 9000)}


def L_tackboard(rng, ad, c):
    rel = "".join('<li><a href="/ad/%d">%s</a></li>' % (rng.randint(10 ** 6, 10 ** 7), e(t)) for t in c["related"])
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{t} - {city} {cat} - {site}</title>
<link rel="stylesheet" href="/s/board.css"></head>
<body bgcolor="#ffffff">
<table width="100%" class="hdr"><tr><td><a href="/">{site}</a> &gt; <a href="/{cl}">{city}</a> &gt; <a href="/{cl}/c">{cat}</a></td>
<td align="right"><a href="/post">post an ad</a> | <a href="/account">my account</a> | <a href="/help">help</a></td></tr></table>
<table width="960" align="center" cellpadding="6"><tr><td valign="top" width="700" id="main">
<h2 class="postingtitle">{t}</h2>
<table class="meta" border="0"><tr><th align="left">Ad ID</th><td>{adid}</td></tr><tr><th align="left">Posted</th><td>{date} {time}</td></tr><tr><th align="left">Location</th><td>{city}</td></tr></table>
<div id="postingbody">
{body}
</div>
<p class="report"><a href="/report?id={adid}">report this ad</a> &middot; <a href="/share?id={adid}">email to a friend</a> &middot; <a href="/fav?id={adid}">&#9734; save</a></p>
</td><td valign="top" class="side" width="240"><b>More in {cat}</b><ul class="rel">{rel}</ul>
<p class="small">Posting rules: you must be 18 or older. Report exploitation to the hotline.</p></td></tr></table>
<div class="ftr"><a href="/terms">terms</a> &middot; <a href="/privacy">privacy</a> &middot; <a href="/safety">safety tips</a> &middot; &copy; 2024 {site}</div>
</body></html>""".format(t=e(ad["title"]), city=e(c["city"]), cat=e(c["catlabel"]), site=c["site"], cl=c["city"].lower().replace(" ", ""),
                         adid=c["adid"], date=c["date"], time=c["time"], body=blocks_html(ad["blocks"], rng, "table"), rel=rel)


def L_corkline(rng, ad, c):
    cards = "".join('<div class="card"><a href="/l/%s"><div class="thumb"></div><span class="ct">%s</span></a></div>' % (rng.randint(10 ** 5, 10 ** 6), e(t)) for t in c["related"])
    return """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{t} | {site}</title>
<style>body{{font-family:system-ui;margin:0}} .nav{{background:#243;color:#fff;padding:8px}} .wrap{{display:flex;gap:24px}} .listing{{flex:3}} .aside{{flex:1}} .cookie{{position:fixed;bottom:0}}</style>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"page":"listing","listingId":"{adid}","section":"{cat}"}});</script>
</head><body>
<div class="nav"><a href="/">{site}</a> <a href="/browse">Browse</a> <a href="/post" class="btn">+ Post</a> <a href="/login">Sign in</a></div>
<div class="wrap">
<main class="listing" id="listing-{adid}">
<div class="crumbs"><a href="/">Home</a> / <a href="/{cl}">{city}</a> / <span>{cat}</span></div>
<h1 class="listing-title">{t}</h1>
<div class="listing-meta"><span class="when">Posted {date}</span> <span class="where">{city}</span> <span class="views">{views} views</span></div>
<section class="listing-body">
{body}
</section>
<div class="actions"><button class="save">Save</button> <a class="report" href="/report/{adid}">Report listing</a></div>
</main>
<aside class="aside"><h3>You may also like</h3>{cards}</aside>
</div>
<div class="cookie" id="cookie-banner">We use cookies to improve your experience and show relevant listings. <button onclick="this.parentNode.remove()">Accept</button> <a href="/cookies">Settings</a></div>
<footer><p>&copy; {site} Ltd. All rights reserved. <a href="/terms">Terms</a> <a href="/privacy">Privacy</a></p></footer>
<script src="/js/app.bundle.js" defer></script>
</body></html>""".format(t=e(ad["title"]), site=c["site"], adid=c["adid"], cat=e(c["catlabel"]), cl=c["city"].lower().replace(" ", "-"),
                         city=e(c["city"]), date=c["date"], views=c["views"], body=blocks_html(ad["blocks"], rng, "div"), cards=cards)


def L_minimal(rng, ad, c):
    return """<html><head><title>{t}</title></head>
<body><main><article>
<h1>{t}</h1>
{body}
<p><small>ad #{adid} &middot; {date}</small></p>
</article></main>
<footer><small>{site}</small></footer></body></html>""".format(t=e(ad["title"]), body=blocks_html(ad["blocks"], rng, "dl"),
                                                                  adid=c["adid"], date=c["date"], site=c["site"])


def L_lumen(rng, ad, c):
    online = "".join('<li class="member"><span class="dot"></span>%s</li>' % e(t) for t in c["related"])
    return """<!DOCTYPE html>
<html><head><meta charset="UTF-8"><title>{site} :: {t}</title>
<style>.profile{{width:640px;float:left}} .online{{width:260px;float:right;font-size:12px}} .dot{{display:inline-block;width:6px;height:6px;background:#3c3}}</style></head>
<body>
<div id="top"><div class="logo">{site}</div><ul class="menu"><li><a href="/search">Search</a></li><li><a href="/inbox">Inbox (0)</a></li><li><a href="/upgrade">Go Premium</a></li></ul></div>
<div class="profile" role="main">
<div class="pheader"><h2>{t}</h2><span class="loc">{city}</span> &bull; <span class="since">active {date}</span></div>
<div class="pbody">
{body}
</div>
<div class="pfoot"><a href="/msg/{adid}" class="btn">Send message</a> <a href="/block/{adid}">Block</a> <a href="/report/{adid}">Report profile</a></div>
</div>
<div class="online"><h4>Also online now</h4><ul>{online}</ul></div>
<div style="clear:both"></div>
<div id="bottom">Members must be 18+. {site} does not screen members. Never send money to someone you have not met.</div>
</body></html>""".format(site=c["site"], t=e(ad["title"]), city=e(c["city"]), date=c["date"], body=blocks_html(ad["blocks"], rng, "dl"),
                         adid=c["adid"], online=online)


def L_kettle(rng, ad, c):
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{t} - {site} {city}</title>
<meta name="description" content="{cat} in {city} on {site}"></head>
<body class="m">
<header class="bar"><button class="burger" aria-label="menu">&#9776;</button> <span class="brand">{site}</span> <a class="search" href="/search">&#128269;</a></header>
<nav aria-label="breadcrumb"><ol class="bc"><li><a href="/">Home</a></li><li><a href="/{cl}">{city}</a></li><li><a href="/{cl}/{cat}">{cat}</a></li><li aria-current="page">Ad {adid}</li></ol></nav>
<section class="ad-body">
<h1 class="ad-title">{t}</h1>
<p class="ad-date">{date} &middot; {time}</p>
{body}
</section>
<div class="sticky-cta"><a class="cta" href="#contact">Contact</a> <a class="cta" href="/report?ad={adid}">Report this ad</a></div>
<footer class="foot"><a href="/app">Get the app</a> | <a href="/help">Help</a> | <a href="/terms">Terms</a></footer>
<script>document.querySelector('.burger').onclick=function(){{document.body.classList.toggle('open')}};</script>
</body></html>""".format(t=e(ad["title"]), site=c["site"], city=e(c["city"]), cat=e(c["catlabel"]), cl=c["city"].lower().replace(" ", ""),
                         adid=c["adid"], date=c["date"], time=c["time"], body=blocks_html(ad["blocks"], rng, "table"))


def L_velvet(rng, ad, c):
    rel = "".join('<div class="mini"><a href="/p/%d"><img src="/t/%d.jpg" alt=""><p>%s</p></a></div>' % (rng.randint(10 ** 4, 10 ** 5), rng.randint(1, 999), e(t)) for t in c["related"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "name": c["site"] + " listing " + c["adid"]})
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{t} \u2014 {city} | {site}</title>
<script type="application/ld+json">{ld}</script>
<style>#gallery .ph{{width:120px;height:160px;background:#222}} .stats th{{text-align:left}} #similar{{border-left:1px solid #444}}</style>
</head><body class="dark">
<div class="agegate-note">By using this site you confirm you are 18+ and agree to our terms.</div>
<header id="hd"><a class="logo" href="/">{site}</a><nav><a href="/{cl}">{city}</a><a href="/new">Newest</a><a href="/vip">VIP</a><a href="/advertise">Advertise</a></nav></header>
<div id="content">
<div id="profile" class="main-col">
<h1 class="name">{t}</h1>
<div id="gallery"><div class="ph"></div><div class="ph"></div><div class="ph"></div></div>
<div class="about">
{body}
</div>
<p class="posted">Listing {adid} &middot; updated {date}</p>
<p class="flag"><a href="/report/{adid}">Report this ad</a></p>
</div>
<div id="similar" class="side-col"><h3>Similar in {city}</h3>{rel}</div>
</div>
<footer id="ft">{site} is a venue for adult advertising. We do not tolerate exploitation. <a href="/report">Report abuse</a>.</footer>
<script>var _q=_q||[];_q.push(['track','view','{adid}']);</script>
</body></html>""".format(t=e(ad["title"]), city=e(c["city"]), site=c["site"], ld=ld, cl=c["city"].lower().replace(" ", ""),
                         body=blocks_html(ad["blocks"], rng, "table"), adid=c["adid"], date=c["date"], rel=rel)


def L_oldschool(rng, ad, c):
    body = blocks_html(ad["blocks"], rng, "table")
    return """<HTML><HEAD><TITLE>{site} - {cat} - {t}</TITLE></HEAD>
<BODY BGCOLOR="#FFFFCC" TEXT="#000000" LINK="#0000CC">
<CENTER><FONT SIZE="5" FACE="Arial"><B>{site}</B></FONT><BR><FONT SIZE="2">Free classifieds since 1998</FONT></CENTER>
<HR>
<FONT SIZE="2"><A HREF="/">HOME</A> | <A HREF="/cat">{cat}</A> | <A HREF="/post">PLACE AN AD</A></FONT>
<HR>
<TABLE WIDTH="80%" ALIGN="CENTER" BORDER="1" CELLPADDING="8"><TR><TD>
<FONT FACE="Verdana" SIZE="4"><B>{t}</B></FONT><BR>
<FONT SIZE="1">Ad #{adid} - {date} - {city}</FONT><P>
<FONT FACE="Verdana" SIZE="2">
{body}
</FONT>
</TD></TR></TABLE>
<CENTER><FONT SIZE="1"><A HREF="/list">&lt;&lt; BACK TO LISTINGS</A> &nbsp; <A HREF="/abuse?ad={adid}">REPORT AD</A><BR>Hit counter: {views}</FONT></CENTER>
</BODY></HTML>""".format(site=c["site"].upper(), cat=e(c["catlabel"]).upper(), t=e(ad["title"]), adid=c["adid"], date=c["date"],
                         city=e(c["city"]), body=body, views=c["views"])


def L_hearth(rng, ad, c):
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Classified Ref {adid}: {t}</title>
<link rel="stylesheet" href="/print.css" media="print"></head>
<body>
<div class="masthead"><span class="paper">The {site}</span> <span class="ed">Classified Section</span> <span class="date">{date}</span></div>
<div class="path">You are here: <a href="/">Classifieds</a> &raquo; <a href="/s/{cat}">{cat}</a> &raquo; {city}</div>
<div class="col-main">
<div class="classified" id="c{adid}">
<dl class="refs"><dt>Ref #</dt><dd>{adid}</dd><dt>Section</dt><dd>{cat}</dd><dt>Area</dt><dd>{city}</dd></dl>
<h3 class="headline">{t}</h3>
<div class="copy">
{body}
</div>
<p class="tools"><a href="javascript:window.print()">Print this ad</a> &middot; <a href="/report?ref={adid}">Report</a></p>
</div>
</div>
<div class="col-side"><div class="promo">Place your ad in print and online from $9.99.</div><div class="weather">Today: 61&deg;, light rain</div></div>
<div class="colophon">Published by The {site} Media Co. Advertisements are the sole responsibility of the advertiser.</div>
</body></html>""".format(adid=c["adid"], t=e(ad["title"]), site=c["site"], date=c["date"], cat=e(c["catlabel"]), city=e(c["city"]),
                         body=blocks_html(ad["blocks"], rng, "dl"))


def L_swapsy(rng, ad, c):
    sim = "".join('<li class="tile"><a href="/i/%d">%s</a><span class="p">$%d</span></li>' % (rng.randint(10 ** 6, 10 ** 7), e(t), rng.randint(10, 900)) for t in c["related"])
    seller = rng.choice(M_NAMES + F_NAMES)
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{t} for sale in {city} | {site}</title>
<style>.grid{{display:grid;grid-template-columns:2fr 1fr}} .safety{{background:#fff7e0}}</style></head>
<body>
<div class="topbar"><a href="/">{site}</a><form action="/search"><input name="q" placeholder="Search {site}"></form><a href="/sell">Sell</a></div>
<div class="grid">
<div class="item" id="item">
<h1 class="item-title">{t}</h1>
<div class="item-loc">{city} &middot; listed {date}</div>
<div class="desc">
{body}
</div>
<a class="report" href="/report/{adid}">Report item</a>
</div>
<div class="sidebar">
<div class="seller"><b>{seller}</b><br>Member since 2019 &middot; responds in about an hour<br><button>Message seller</button></div>
<div class="safety"><b>Stay safe</b><ul><li>Meet in a public place</li><li>Never wire money or pay with gift cards</li><li>Beware of scams and fake payment emails</li></ul></div>
<h4>Similar items</h4><ul class="similar">{sim}</ul>
</div>
</div>
<footer>&copy; {site} &middot; <a href="/about">About</a> &middot; <a href="/help">Help center</a></footer>
</body></html>""".format(t=e(ad["title"]), city=e(c["city"]), site=c["site"], date=c["date"], body=blocks_html(ad["blocks"], rng, "div"),
                         adid=c["adid"], seller=seller, sim=sim)


def L_moonrow(rng, ad, c):
    rel = "".join('<tr><td class="topic"><a href="/t/%d">%s</a></td><td class="replies">%d</td></tr>' % (rng.randint(10 ** 5, 10 ** 6), e(t), rng.randint(0, 12)) for t in c["related"])
    poster = rng.choice(["member", "guest", "verified poster", "new member"]) if rng.random() < 0.5 else "member"
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{t} - {cat} - {site} Board</title>
<style>table.thread td{{vertical-align:top;border:1px solid #ccc}} td.author{{width:150px;background:#eee}}</style></head>
<body>
<div class="boardhead"><h1 class="board">{site}</h1><div class="userbar">Welcome, guest. <a href="/login">Log in</a> or <a href="/register">register</a>.</div></div>
<div class="navlinks"><a href="/">Board index</a> &rsaquo; <a href="/f/{cl}">{city}</a> &rsaquo; <a href="/f/{cl}/{cat}">{cat}</a></div>
<table class="thread" width="100%"><tr><th colspan="2" class="ttl">{t}</th></tr>
<tr><td class="author"><b>{handle}</b><br><span class="rank">{poster}</span><br>Posts: {posts}</td>
<td class="post"><div class="postdate">Posted {date} {time}</div><div class="postbody">
{body}
</div><div class="postfoot"><a href="/report/{adid}">Report post</a> | <a href="/quote/{adid}">Quote</a></div></td></tr></table>
<h4>Other topics in this forum</h4><table class="topics">{rel}</table>
<div class="boardfoot">Powered by a board engine &middot; All times are local</div>
</body></html>""".format(t=e(ad["title"]), cat=e(c["catlabel"]), site=c["site"], cl=c["city"].lower().replace(" ", ""), city=e(c["city"]),
                         handle="user%d" % rng.randint(100, 99999), poster=poster, posts=rng.randint(1, 300), date=c["date"], time=c["time"],
                         body=blocks_html(ad["blocks"], rng, "table"), adid=c["adid"], rel=rel)


LAYOUTS = [L_tackboard, L_corkline, L_minimal, L_lumen, L_kettle, L_velvet, L_oldschool, L_hearth, L_swapsy, L_moonrow]
LAYOUT_FIT = {"escort": [0, 1, 2, 4, 5, 6, 9], "massage": [0, 1, 2, 4, 5, 6, 9], "dating": [0, 1, 2, 3, 4, 6, 9],
              "other": [0, 1, 2, 4, 6, 7, 9]}
LAYOUT_FIT_ORD = {"goods": [0, 1, 2, 4, 6, 7, 8, 8, 9], "vehicles": [0, 1, 2, 4, 6, 7, 8, 8], "pets": [0, 1, 2, 4, 6, 7, 9]}


def to_text(rng, ad):
    body = blocks_text(ad["blocks"])
    r = rng.random()
    if r < 0.75:
        return ad["title"] + "\n\n" + body
    if r < 0.9:
        return ad["title"] + " \u2014 " + body
    return body


# --------------------------------------------------------------------------- main
def generate(seed, n):
    rng = random.Random(seed)
    n_esc, n_mas, n_dat = round(n * 0.35), round(n * 0.15), round(n * 0.10)
    n_oth = n - n_esc - n_mas - n_dat
    slots = ([("escort", "suspicious")] * round(n_esc * 0.75) + [("escort", "benign")] * (n_esc - round(n_esc * 0.75)) +
             [("massage", "suspicious")] * round(n_mas * 0.6) + [("massage", "benign")] * (n_mas - round(n_mas * 0.6)) +
             [("dating", "suspicious")] * round(n_dat * 0.45) + [("dating", "benign")] * (n_dat - round(n_dat * 0.45)) +
             [("other", "benign")] * n_oth)
    rng.shuffle(slots)
    n_html = round(n * 0.55)
    fmt = ["html"] * n_html + ["text"] * (n - n_html)
    rng.shuffle(fmt)
    minor_p = {"escort": 0.14, "massage": 0.05, "dating": 0.22}
    for i, (cat, label) in enumerate(slots):
        if label == "suspicious":
            ad = build_suspicious(rng, cat, rng.random() < minor_p[cat])
        elif cat == "escort":
            ad = benign_adult(rng, cat)
        elif cat == "massage":
            ad = benign_massage(rng)
        elif cat == "dating":
            ad = benign_dating(rng)
        else:
            ad = build_ordinary(rng)
        rec = {"id": "d4-%06d" % (i + 1)}
        if fmt[i] == "html":
            c = page_common(rng, ad, cat)
            fit = LAYOUT_FIT[cat] if cat != "other" else LAYOUT_FIT_ORD.get(ad["kind"], LAYOUT_FIT["other"])
            rec["html"] = LAYOUTS[rng.choice(fit)](rng, ad, c)
        else:
            rec["text"] = to_text(rng, ad)
        rec["label"] = label
        rec["category"] = cat
        cues = []
        for f in FAM_ORDER:
            if f in ad["cues"]:
                cues.append(f)
        rec["cues"] = cues
        rec["stated_age"] = ad["stated_age"]
        yield rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--n", type=int, default=800)
    ap.add_argument("--out", default="test.jsonl.gz")
    a = ap.parse_args()
    buf = io.BytesIO()
    for rec in generate(a.seed, a.n):
        buf.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    data = buf.getvalue()
    if a.out.endswith(".gz"):
        with open(a.out, "wb") as fh:
            with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
                gz.write(data)
    else:
        with open(a.out, "wb") as fh:
            fh.write(data)


if __name__ == "__main__":
    main()
