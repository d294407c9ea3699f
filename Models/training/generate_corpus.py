#!/usr/bin/env python3
"""Deterministic generator of RedFlag's labeled training corpus (synthetic, fictional, non-explicit).

Every ad is generated from a latent PROFILE (who wrote it: a third party advertising a controlled provider,
an independent adult provider, a licensed spa, an ordinary person selling a bike ...). The label is a fixed
function of the profile (see LABEL_OF / README.md), then 3% of labels are flipped on purpose (label noise).
Each profile emits the indicator families of DESIGN.md with documented probabilities (EMISSION); the generator
records which families it wrote into the ad's own text (`cues`) and which look-alike phrases it planted that the
lexicon is meant to suppress (`decoys`), so the corpus doubles as a recall/precision check for the extractor.

Usage:
  python3 Models/training/generate_corpus.py --out Models/training/corpus.jsonl --n 6000 --seed 2026
  python3 Models/training/generate_corpus.py --holdout          # Models/training/holdout.jsonl, 1500 records,
                                                                # disjoint layouts, skeletons and phrase pools
  python3 Models/training/generate_corpus.py --stats-only Models/training/corpus.jsonl   # stats of a file
  options: --stats (print stats after generating), --variant train|holdout, --noise 0.03, --table (print the
           emission table as Markdown)

Python 3 standard library only. Output is a pure function of (variant, n, seed, noise): every record has its own
random.Random seeded with a string, and no set/dict iteration order depends on hashing.

All content is synthetic: phone numbers are only NPA-555-01XX, emails only @example.com, URLs only
*.example.com. No text, name or number is copied from any real ad.
"""
import argparse
import datetime
import html
import json
import math
import os
import random
import re
import sys
import unicodedata
import zlib

# ------------------------------------------------------------------------------------------------------------
# Latent profiles, labels, emission probabilities
# ------------------------------------------------------------------------------------------------------------

FAMILIES = [
    "youth", "underage_age", "third_party", "multiple_providers", "restriction", "foreign", "ethnicity_stated",
    "trust_language", "obfuscated_phone", "movement", "venue_hotel", "incall_outcall", "availability_24_7",
    "law_enforcement", "drugs", "risky_services",
]
STRONG_FOUR = ["trust_language", "obfuscated_phone", "youth", "ethnicity_stated"]

CATEGORY_MIX = [("escort", 0.35), ("massage", 0.20), ("dating", 0.15), ("other", 0.30)]

PROFILE_MIX = {
    "escort": [("trafficked", 0.40), ("trafficked_lowkey", 0.08), ("independent", 0.37),
               ("independent_touring", 0.15)],
    "massage": [("illicit_parlor", 0.40), ("independent_bodyrub", 0.25), ("licensed_spa", 0.35)],
    "dating": [("disguised_commercial", 0.25), ("sugar_companion", 0.25), ("genuine_personal", 0.50)],
    "other": [("recruitment_lure", 0.03), ("ordinary", 0.97)],
}

# The labeling rule: suspicious iff the latent profile is one of these four; then NOISE of labels is flipped.
SUSPICIOUS_PROFILES = ["trafficked", "trafficked_lowkey", "illicit_parlor", "disguised_commercial",
                       "recruitment_lure"]
LABEL_OF = {p: ("suspicious" if p in SUSPICIOUS_PROFILES else "benign")
            for mix in PROFILE_MIX.values() for p, _ in mix}

PROFILE_DOC = {
    "trafficked": "escort ad posted by/for a controlled provider (third party, pimp, agency): the evidence-backed "
                  "indicators at high rates, movement language rare",
    "trafficked_lowkey": "controlled provider, but the poster writes plainly: indicators at low rates, overlaps "
                         "independent ads",
    "independent": "adult provider advertising herself: incall/outcall, 24/7, hotel, some trust language, movement",
    "independent_touring": "independent provider on tour: movement language in almost every ad",
    "illicit_parlor": "massage business fronting commercial sex with controlled staff (mama-san, rotating young "
                      "staff, 24/7)",
    "independent_bodyrub": "adult body-rub provider working for herself",
    "licensed_spa": "licensed therapeutic massage business",
    "disguised_commercial": "commercial sex by a controlled provider posted in dating/personals",
    "sugar_companion": "independent adult companion / arrangement seeker in dating",
    "genuine_personal": "ordinary personal ad (friendship, dating)",
    "ordinary": "ordinary classified: jobs, housing, vehicles, items, services, lost & found, events, pets",
    "recruitment_lure": "job ad luring young women with travel, housing and cash (recruitment pattern)",
}

# EMISSION[profile][family] = probability that the ad's own text carries a cue of that family.
# Columns follow FAMILIES. Strong four (RESEARCH.md): trust, obfuscated phone, youth, ethnicity.
_EMISSION_ROWS = {
    #                       yth   u18   3rd   mult  rest  forg  eth   trst  obf   move  hotl  inout 24/7  LE    drug  risk
    "trafficked":          [.66, .03, .50, .32, .30, .25, .70, .74, .66, .06, .45, .55, .45, .18, .18, .18],
    "trafficked_lowkey":   [.30, .00, .15, .08, .15, .08, .45, .45, .35, .08, .30, .50, .35, .08, .08, .10],
    "independent":         [.14, .00, .04, .05, .12, .03, .24, .35, .11, .35, .30, .60, .35, .08, .07, .14],
    "independent_touring": [.11, .00, .03, .04, .10, .04, .28, .36, .09, .90, .45, .55, .30, .07, .05, .12],
    "illicit_parlor":      [.50, .01, .45, .55, .25, .38, .72, .45, .50, .04, .20, .30, .55, .10, .04, .12],
    "independent_bodyrub": [.08, .00, .03, .03, .08, .03, .22, .30, .09, .25, .15, .45, .30, .05, .03, .05],
    "licensed_spa":        [.01, .00, .03, .20, .01, .02, .05, .08, .02, .01, .03, .06, .08, .00, .00, .00],
    "disguised_commercial":[.60, .02, .45, .15, .20, .15, .55, .62, .60, .05, .30, .30, .25, .08, .15, .08],
    "sugar_companion":     [.07, .00, .03, .02, .07, .02, .15, .30, .07, .30, .20, .25, .12, .04, .05, .06],
    "genuine_personal":    [.03, .00, .01, .00, .02, .02, .10, .15, .02, .18, .02, .01, .03, .00, .04, .00],
    "ordinary":            [.02, .00, .04, .00, .00, .00, .00, .04, .01, .05, .04, .00, .08, .01, .03, .00],
    "recruitment_lure":    [.65, .01, .30, .30, .00, .35, .15, .40, .35, .03, .05, .00, .10, .00, .00, .00],
}
EMISSION = {p: dict(zip(FAMILIES, row)) for p, row in _EMISSION_ROWS.items()}

# Probability that an ad of the profile carries 1-2 decoy phrases (look-alikes the lexicon must suppress).
DECOY_RATE = {"ordinary": 0.55, "licensed_spa": 0.50, "genuine_personal": 0.35, "recruitment_lure": 0.30,
              "sugar_companion": 0.15, "independent": 0.15, "independent_touring": 0.15,
              "independent_bodyrub": 0.15, "trafficked": 0.10, "trafficked_lowkey": 0.15,
              "illicit_parlor": 0.10, "disguised_commercial": 0.10}

# Probability that the ad text uses look-alike (Cyrillic/Greek/math) letters.
HOMOGLYPH_RATE = {"suspicious": 0.20, "adult_benign": 0.15, "other": 0.03}

LANG_ES = 0.06    # whole ad in Spanish
LANG_MIX = 0.045  # English ad with Spanish sentences (together ~10% of ads carry Spanish)

HTML_SHARE = 0.60

# ------------------------------------------------------------------------------------------------------------
# Small helpers
# ------------------------------------------------------------------------------------------------------------


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def L(block):
    """Parse a phrase block: one phrase per line, optional ' ## fam1,fam2' for extra families it carries."""
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        extra = ()
        if " ## " in line:
            line, tags = line.split(" ## ", 1)
            extra = tuple(t.strip() for t in tags.split(",") if t.strip())
            for t in extra:
                assert t in FAMILIES, t
        out.append((line.strip(), extra))
    return out


def S(block):
    """Parse a plain sentence block (no tags)."""
    return [t for t, _ in L(block)]


def title_case(s):
    """Capitalize lowercase words (unlike str.title, keeps "Let's" and "NO AA" as written)."""
    return " ".join(cap_first(w) if w.islower() else w for w in s.split(" "))


def partition(items, variant):
    """Split a pool into disjoint train/holdout parts, stably: order by CRC32 of the text, every 10 items the
    ones at positions 2, 5 and 8 go to holdout (30%), the rest to train. Pools of 1 item are shared."""
    if len(items) < 2:
        return list(items)
    keyed = sorted(items, key=lambda it: (zlib.crc32((it[0] if isinstance(it, tuple) else it).encode()),
                                          it[0] if isinstance(it, tuple) else it))
    hold = [it for i, it in enumerate(keyed) if i % 10 in (2, 5, 8)]
    train = [it for i, it in enumerate(keyed) if i % 10 not in (2, 5, 8)]
    if not hold:
        hold = [keyed[-1]]
        train = keyed[:-1]
    return hold if variant == "holdout" else train


def cap_first(s):
    """Capitalize the first letter if it is ASCII (a capital look-alike letter may not fold back)."""
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:] if ch.isascii() else s
    return s

# ------------------------------------------------------------------------------------------------------------
# Persona data (all fictional)
# ------------------------------------------------------------------------------------------------------------

# (area code, city, areas, url key). Phones are NPA-555-01XX only.
CITIES = [
    ("702", "Las Vegas", ["the Strip", "Henderson", "Summerlin", "Paradise", "Spring Valley"], "lasvegas"),
    ("775", "Reno", ["Midtown", "Sparks", "Downtown", "South Meadows"], "reno"),
    ("212", "New York", ["Midtown", "Chelsea", "Harlem", "Murray Hill", "the Financial District"], "newyork"),
    ("213", "Los Angeles", ["Koreatown", "Hollywood", "Downtown LA", "Westwood", "Silver Lake"], "losangeles"),
    ("305", "Miami", ["Brickell", "Doral", "Little Havana", "Wynwood", "Coral Gables"], "miami"),
    ("312", "Chicago", ["the Loop", "River North", "Wicker Park", "Lincoln Park", "O'Hare"], "chicago"),
    ("404", "Atlanta", ["Buckhead", "Midtown", "Decatur", "West End", "East Point"], "atlanta"),
    ("415", "San Francisco", ["SoMa", "the Mission", "Union Square", "the Sunset", "Nob Hill"], "sfbay"),
    ("602", "Phoenix", ["Scottsdale", "Tempe", "Midtown", "Ahwatukee", "Glendale"], "phoenix"),
    ("713", "Houston", ["the Galleria", "Midtown", "Westchase", "Medical Center", "Katy"], "houston"),
    ("214", "Dallas", ["Uptown", "Deep Ellum", "Love Field", "Irving", "Oak Lawn"], "dallas"),
    ("206", "Seattle", ["Capitol Hill", "Ballard", "SeaTac", "Bellevue", "Fremont"], "seattle"),
    ("303", "Denver", ["LoDo", "Cherry Creek", "Aurora", "Lakewood", "Five Points"], "denver"),
    ("617", "Boston", ["Back Bay", "Allston", "Quincy", "Cambridge", "the Seaport"], "boston"),
    ("215", "Philadelphia", ["Center City", "Fishtown", "University City", "Northeast Philly"], "philadelphia"),
    ("313", "Detroit", ["Dearborn", "Midtown", "Southfield", "Corktown"], "detroit"),
    ("407", "Orlando", ["International Drive", "Kissimmee", "Winter Park", "Downtown"], "orlando"),
    ("619", "San Diego", ["Gaslamp", "Mission Valley", "Chula Vista", "La Jolla"], "sandiego"),
    ("503", "Portland", ["the Pearl", "Beaverton", "Gresham", "Hawthorne"], "portland"),
    ("504", "New Orleans", ["the French Quarter", "Metairie", "Uptown", "Kenner"], "neworleans"),
    ("615", "Nashville", ["Midtown", "Antioch", "the Gulch", "Brentwood"], "nashville"),
    ("704", "Charlotte", ["Uptown", "South End", "University City", "Ballantyne"], "charlotte"),
    ("210", "San Antonio", ["the Riverwalk", "Alamo Heights", "Stone Oak", "Lackland area"], "sanantonio"),
    ("512", "Austin", ["South Congress", "the Domain", "Round Rock", "East Austin"], "austin"),
    ("916", "Sacramento", ["Midtown", "Natomas", "Elk Grove", "Rancho Cordova"], "sacramento"),
    ("410", "Baltimore", ["Fells Point", "Towson", "Inner Harbor", "Glen Burnie"], "baltimore"),
    ("813", "Tampa", ["Ybor City", "Westshore", "Brandon", "Channelside"], "tampa"),
    ("305", "Fort Lauderdale", ["Las Olas", "Hollywood", "Pompano"], "fortlauderdale"),
]

STAGE_NAMES = S("""
Mia
Jade
Sasha
Kitty
Ruby
Coco
Amber
Nikki
Bella
Crystal
Destiny
Honey
Star
Angel
Luna
Ivy
Roxy
Vicky
Lexi
Maya
Cherry
Daisy
Sakura
Mimi
Lily
Tina
Gigi
Paris
Diamond
Jasmine
Kiki
Lola
Nora
Bianca
Selena
Valentina
Yuki
Hana
Mei
Suki
Anya
Katya
Dasha
Camila
Daniela
Karla
Paola
Luz
Marisol
Chanel
Tiffany
Brandy
Summer
Autumn
Skye
Raven
Scarlett
Sophia
Aria
Layla
""")

PLAIN_NAMES = S("""
Mike
Dave
Linda
Karen
Tom
Maria
Jose
Ann
Steve
Paul
Grace
Omar
Priya
Hector
Susan
Wei
Dmitri
Fatima
Joel
Rick
Denise
Carlos
Beth
Terrence
Mona
Greg
Alicia
Raj
Nora
Frank
Lucia
Sam
Yolanda
Brian
Keisha
Walt
""")

# Ethnicity words that the lexicon matches standalone (so "{eth} girl" and "100% {eth}" both count).
ETHNICITIES = S("""
Asian
Korean
Thai
Japanese
Chinese
Filipina
Vietnamese
Taiwanese
Latina
Colombian
Colombiana
Brazilian
Dominican
Puerto Rican
Cuban
Venezuelan
Mexicana
Salvadoran
Ebony
Redbone
Russian
Ukrainian
Eastern European
Persian
Haitian
Jamaican
Caribbean
""")
ETHNICITY_WEIGHT_SUSPICIOUS = {"Asian": 6, "Korean": 3, "Thai": 2, "Chinese": 3, "Latina": 6, "Colombiana": 2,
                               "Venezuelan": 2, "Russian": 2, "Ukrainian": 1, "Filipina": 2, "Vietnamese": 2}
FLAGS = {"Colombian": "🇨🇴", "Colombiana": "🇨🇴", "Brazilian": "🇧🇷", "Dominican": "🇩🇴", "Puerto Rican": "🇵🇷",
         "Cuban": "🇨🇺", "Mexicana": "🇲🇽", "Thai": "🇹🇭", "Korean": "🇰🇷", "Chinese": "🇨🇳", "Japanese": "🇯🇵",
         "Vietnamese": "🇻🇳", "Filipina": "🇵🇭", "Russian": "🇷🇺", "Ukrainian": "🇺🇦", "Venezuelan": "🇻🇪",
         "Jamaican": "🇯🇲", "Haitian": "🇭🇹", "Taiwanese": "🇹🇼", "Salvadoran": "🇸🇻"}
COUNTRIES = S("""
Brazil
Colombia
Venezuela
Korea
Thailand
Vietnam
the Philippines
Ukraine
Russia
China
the Dominican Republic
Romania
Japan
""")
COUNTRIES_ES = S("""
Colombia
Venezuela
Cuba
México
Honduras
Guatemala
El Salvador
Perú
""")
HAIR = ["blonde", "brunette", "black", "red", "auburn", "honey blonde", "dark brown", "long black", "curly"]
DAYS = ["Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"]
STREETS = S("""
Virginia Ave
Maple St
Lincoln Blvd
Oak Street
5th Ave
Central Ave
Harbor Dr
Mission St
Elm Street
Washington Ave
Grand Ave
Sunset Blvd
""")
SPA_WORDS_A = ["Golden", "Lotus", "Jade", "Bamboo", "Orchid", "Serenity", "Blue Sky", "Sunrise", "Pearl", "Zen",
               "Harmony", "Oasis", "Silk", "Royal", "Happy", "Tranquil", "Moonlight", "Cherry Blossom"]
SPA_WORDS_B = ["Spa", "Massage", "Wellness", "Day Spa", "Body Works", "Relaxation Center", "Foot Spa", "Bodywork"]

# ------------------------------------------------------------------------------------------------------------
# Indicator phrase pools. Slots: {name} {name2} {pname} {age} {young_age} (persona age 18/19 only)
# {minor_age} {eth} {eth2} {flag} {country} {country_es} {city} {area} {exit} {day} {street}.
# A phrase with {eth} also carries ethnicity_stated; ' ## fam' lists other families a phrase carries.
# Pools are split 70/30 into train/holdout phrasings by partition().
# ------------------------------------------------------------------------------------------------------------

CUE_EN = {
    "youth": L("""
just turned {young_age}!
I just turned {young_age} 🎂
newly legal and a little shy
finally 18 and ready to meet you
barely legal cutie
barley 18, sweet and shy
bearly legal and so much fun
young and sweet
so young and full of energy
sweet young {eth} girl
young girl, very friendly
so yooung and sweet
yung and bubbly
cute yunq thing
a young thing with a big smile
fresh and new in the game
fresh n new
brand new girl, call now
new & fresh face
fresh face, first week here
fresh-faced cutie
new to this, please be patient
brand new 2 the game
first time posting, be nice
this is my very first ad
my first week doing this
a little inexperienced but sweet
sweet and innocent
petite and playful
tiny little frame
pocket size cutie
cute little spinner
sweet little princess
sweet lil angel
daddy's little girl
looking for a daddy
cute baby face
baby-faced and bubbly
your babygirl is waiting
school girl look
college girl on summer break
sweet coed
former cheerleader
pretty young thing
young-looking and petite
I look way younger than my age
sweet t33n vibes
sweet like candy 🍭
lollipop lover 🍭
{young_age} years old and full of energy
I'm only {young_age}
y o u n g and sweet
the youngest girl on the site
fresh out of school
petite {eth} spinner
your fresh young {eth} sweetheart
sweet little thing, new this week
"""),
    "underage_age": L("""
im {minor_age}
I'm {minor_age} but very mature
age: {minor_age}
she is only {minor_age}
{minor_age} yrs, sweet
{minor_age} years old
{minor_age}yo and shy
still in high school ## youth
"""),
    "third_party": L("""
ask for {name}
ask 4 {name} when you call
please ask for {name} when you call
call my manager to book
text my manager for appointments
her manager answers the phone
text her manager for rates
her driver will bring her to you
my driver drops me off ## incall_outcall
I have a driver, outcalls only ## incall_outcall
our girls will take good care of you
my girls are the best in {city}
all our ladies are clean and discreet
be nice to her
treat her right and she will treat you right
respect my girls
she is sweet and very friendly
she loves to talk and laugh
she will make your day
this girl is amazing
this girl will not disappoint
posting for a friend, she is shy
advertising on behalf of my girlfriend
book through our agency
call the agency for details
my daddy handles booking
our booker answers the phone
call her now
contact her today, she is waiting
her number is below
book with her manager
her boss sets the schedule
talk to my manager first
message her driver for the address
"""),
    "multiple_providers": L("""
two girls, one price
2 hot girls available
ask about my 2 girl special
3 beautiful ladies daily
new girls every week
new ladies weekly
meet our new girl
many beautiful ladies to choose from
girls to choose from every day
12 lovely girls on shift
beautiful ladies available now ## availability_24_7
girls daily 10am-10pm
rotating staff every week
gorgeous staff
all girl staff
we have new girls this week
we are two sweet {eth} besties
duo special with my bestie
double trouble tonight
come see us
come visit us, easy parking
me and my bestie
me n my girl are ready
👯 double fun
several girls on duty
different girls every week
"""),
    "restriction": L("""
no AA
NO AA MEN
***no aa***
No A.A. please
no black men
sorry no african american gentlemen
I don't see black men
white men only
only white gentlemen
no hispanic men
no indians
no blocked calls
no private numbers
no men under 30
mature gentlemen preferred
no youngsters
no pimps
🚫 AA
sorry fellas, no AA
no blocked/private numbers
"""),
    "foreign": L("""
new to the country
new to the USA and very sweet
just arrived to the USA ## movement
just came to this country
fresh off the plane ## youth
speaks little english
speak very little english
my english not so good, sorry
broken english but very sweet
limited english, text please
sweet girl from {country}
I'm originally from {country}
new ladies from Asia ## multiple_providers
just arrived from {country} ## movement
recently came from overseas
foreign exchange student
international beauty
exotic and playful
EXOTIC beauty
she speaks no english ## third_party
"""),
    "ethnicity_stated": L("""
sweet {eth} girl
{eth} beauty
100% {eth}
{eth} cutie
classy {eth} lady
proud {eth} girl
{eth} doll
{eth} sweetheart {flag}
{flag} {eth} girl
half {eth} half {eth2}
biracial beauty
{eth} and {eth2} mix
your favorite {eth} girl
a gorgeous {eth} woman
"""),
    "trust_language": L("""
100% real
1OO% real pics
100% REAL!
honest and real 100%
100% me, promise
real pics, no surprises
these photos are real
real and current pics
recent pics
my pics are 100% accurate
if I'm not the girl in the pics, walk away
pics or it's free
I look exactly like my pictures
what you see is what you get
wysiwyg
no games
NO GAMES, just fun
no bait and switch
I don't play games
not a scam
not a fake, call me
tired of the fakes?
no fake pics
I'm the real deal
a real girl, not a bot
no drama
verified provider
happy to video call for proof
100% independent
fully independent
legit and discreet
100% legit
read my reviews
💯 real
pics real 💯
✅ real pics
✔️ verified
no catfish
real photos, taken this week
"""),
    "obfuscated_phone": L("""
number is in my pics
my # is in the last pic
numbers spelled out so the ad stays up
text only
no calls, text me
the site keeps deleting my ads
can't post my number here
kik me
whatsapp only
replace the letters with numbers
number in words below
text only please
"""),
    "movement": L("""
new in town
NEW IN TOWN!!
new to the area, say hi
new 2 town
just arrived, call me
just got into town
arriving {day}
arriving tonight
leaving tomorrow, see me now
last night in town!
leaving soon
won't be here long
in town until {day}
in {city} for a few days only
here for a short time
visiting {city} this week
only visiting this weekend
back in town
I'm back, did you miss me?
back by popular demand
on tour this month
passing through {city}
fly me to you
limited stay
in your city tonight
last days in {city}
"""),
    "venue_hotel": L("""
hotel incall ## incall_outcall
incall at my private downtown hotel ## incall_outcall
hotel friendly outcalls ## incall_outcall
a comfy hotel suite
upscale hotel near {area}
text for room number
text me 4 my room
discreet hotel room
come to my motel
near the airport
right off exit {exit}
truckers welcome
near the truck stop
car dates ok
military friendly
near the base
meet at the hotel
my private hotel room
"""),
    "incall_outcall": L("""
incall only
INCALL / OUTCALL
in-calls available
outcall only
out calls to hotels ## venue_hotel
In/Out
in&out
I can host
hosting tonight
I can host or travel
your place or mine
I come to you
incall in {area}
outcalls to your home or office
outcall to all areas
"""),
    "availability_24_7": L("""
available 24/7
24/7
call me 24/7
open 24 hours
available 24 hrs
day or night
nite & day
all night
up all night
call me anytime
text anytime
available now
AVAILABLE NOW!!
avialable now
late night special
late nite fun
around the clock
overnights available
"""),
    "law_enforcement": L("""
no cops
no police!
no law enforcement
No LE!
no L.E. please
not affiliated with law enforcement
texting me means you agree you are not a cop
if you are a cop, do not call
cops will be reported
not a cop? then call
🚫👮
no 🚓
"""),
    "drugs": L("""
420 friendly
4/20 FRIENDLY
open minded, 420+
PNP friendly
party n play
party friendly
party favors available
let's party tonight
love partying
wild party girl
party gurl
come party with me
snow friendly
got snow?
molly friendly
❄️ friendly
🍃 friendly
smoke with me
"""),
    "risky_services": L("""
GFE
full GFE
true girlfriend experience
PSE available
GFE/PSE
full service available
no limits, open minded
anything goes
without limits
BB ok
bbfs available
greek ok
greek for extra
"""),
}

CUE_ES = {
    "youth": L("""
jovencita linda y cariñosa
soy jovencita y muy tierna
chica joven y bonita
recién cumplí {young_age}
tengo {young_age} añitos
nuevecita en el ambiente
fresquita y linda
carita de ángel
es mi primera vez aquí
chica sin experiencia
soy tu niña consentida
jovensita {eth}
"""),
    "underage_age": L("""
tengo {minor_age} años
soy menor de edad
"""),
    "third_party": L("""
pregunta por {name}
pregunten por {name} al llamar
nuestras chicas te esperan
mis nenas son las mejores
llama a mi manager
habla con su encargado
"""),
    "multiple_providers": L("""
chicas nuevas cada semana
tenemos chicas lindas
varias chicas para elegir
chicas disponibles hoy
dos chicas, un precio
"""),
    "restriction": L("""
no negros por favor
solo blancos
no morenos
no AA por favor
"""),
    "foreign": L("""
no hablo inglés
solo hablo español
hablo poco inglés
soy de {country_es}
chica extranjera
recién llegada de {country_es} ## movement
"""),
    "ethnicity_stated": L("""
latina cariñosa
colombiana hermosa
soy dominicana
venezolana linda
mexicana cariñosa
boricua bella
{eth} muy linda
"""),
    "trust_language": L("""
fotos 100% reales
soy real mi amor
sin engaños
no soy falsa
sin juegos
fotos recientes
"""),
    "obfuscated_phone": L("""
mi número está en la foto
numero en las fotos
solo mensajes de texto
"""),
    "movement": L("""
nueva en la ciudad
recién llegada
de paso por {city}
solo por unos días
últimos días aquí
"""),
    "venue_hotel": L("""
salidas a hotel
hotel o domicilio
voy a hoteles
"""),
    "incall_outcall": L("""
servicio a domicilio
voy a domicilio
lugar propio y discreto
tengo lugar
"""),
    "availability_24_7": L("""
disponible 24 horas
día y noche
disponible ahora
disponible ya
"""),
    "law_enforcement": L("""
no policías
no policia por favor
"""),
    "drugs": L("""
chica fiestera
amante de la fiesta
"""),
    "risky_services": L("""
sin límites
no tengo límites
griego incluido
todo al natural
"""),
}

# Massage-business phrasing, added to the pools above for the massage category.
CUE_MASSAGE = {
    "youth": L("""
new young staff ## multiple_providers
young pretty {eth} girls
fresh new girls ## multiple_providers
young therapists, very sweet
sweet young masseuse
"""),
    "multiple_providers": L("""
new staff every week
3-4 girls daily
beautiful girls on shift
rotating staff
gorgeous {eth} staff
new girls weekly, come see us
"""),
    "third_party": L("""
ask for Mama-san
ask for manager {name}
our girls are very friendly
ask for {name} at the front
"""),
    "availability_24_7": L("""
open 24/7
open late, call anytime
open 24 hours, 7 days
"""),
    "foreign": L("""
new from Asia
girls speak little english
"""),
    "venue_hotel": L("""
hotel outcall available ## incall_outcall
we come to your hotel
"""),
    "risky_services": L("""
full service available
table shower, GFE
"""),
}

# Cue phrases an ordinary classified really contains (true lexicon hits in innocent context).
CUE_ORDINARY = {
    "youth": L("""
young and energetic team
great for a young couple
fresh from the farm every weekend
petite frame, fits shorter riders
"""),
    "third_party": L("""
ask for {pname}
ask for {pname} at the counter
call and ask 4 {pname}
"""),
    "trust_language": L("""
no drama please, quiet household
real pics, not stock photos
100% legit seller
not a scam, you can see it in person
"""),
    "obfuscated_phone": L("""
text only please
no calls, text only
"""),
    "movement": L("""
new in town and looking for a room
visiting from out of state, must sell this week
leaving town soon, must sell
just got into town, need help moving
"""),
    "venue_hotel": L("""
pick up near the Riverside Hotel
we deliver to hotels and offices
meet in the motel parking lot by the highway
"""),
    "availability_24_7": L("""
call anytime
available now
open 24 hours
24/7 towing and lockouts
call day or night
"""),
    "law_enforcement": L("""
10% off for law enforcement and teachers
undercover parking spot included
"""),
    "drugs": L("""
420 friendly household
party house, weekends are loud
"""),
}

# Recruitment lures (suspicious "other" ads): per-family phrasing in a job-ad voice.
CUE_LURE = {
    "youth": L("""
young girls 18-25 wanted
looking for fresh faces, no portfolio needed
new to this is fine, we teach you everything
petite girls preferred
young ladies wanted for travel work
"""),
    "underage_age": L("""
girls 17 and up welcome
no ID needed, 17 and up
"""),
    "third_party": L("""
text our manager for details
our manager will pick you up
contact our booker with photos
"""),
    "multiple_providers": L("""
many girls already working with us
we have girls from all over
several ladies needed this month
"""),
    "foreign": L("""
new to the country? we can help
limited english ok
foreign girls welcome, visa help
"""),
    "ethnicity_stated": L("""
latina girls wanted
asian girls preferred
"""),
    "trust_language": L("""
100% legit, not a scam
real job, no games
"""),
    "obfuscated_phone": L("""
whatsapp only
text only, send 3 photos
"""),
    "availability_24_7": L("""
available 24/7 for interviews
call anytime, we answer day or night
"""),
    "movement": L("""
just arrived in town? start this week
new in town? we have a room for you
"""),
    "venue_hotel": L("""
hotel provided while traveling
you will stay at the hotel with the team
"""),
}

# ------------------------------------------------------------------------------------------------------------
# Decoys: phrases that look like an indicator but that the lexicon's suppressors are meant to cancel.
# Format: 'text ## family it imitates'. Keyed by where they fit.
# ------------------------------------------------------------------------------------------------------------

DECOYS = {
    "jobs": L("""
must be 18 to apply ## youth
applicants must be 18 years old or older ## youth
young professionals welcome to apply ## youth
Whether you're new to the industry or experienced, apply today ## youth
hotel front desk position, nights ## venue_hotel
hotel room attendant needed ## venue_hotel
24/7 customer support team ## availability_24_7
we reply within 24 hours ## availability_24_7
overnight shift stocker ## availability_24_7
must pass a screening for marijuana ## drugs
inexperienced applicants welcome, we train ## youth
a high school diploma is preferred ## youth
independent contractor position ## trust_language
retired law enforcement welcome to apply ## law_enforcement
Thai restaurant hiring servers ## ethnicity_stated
Asian fusion restaurant needs a line cook ## ethnicity_stated
bilingual in Chinese preferred ## ethnicity_stated
truck stop cashier wanted ## venue_hotel
Spanish speakers welcome, no English required ## foreign
day and night shifts available ## availability_24_7
positions available now ## availability_24_7
all night shift, security ## availability_24_7
"""),
    "housing": L("""
two blocks from Virginia Ave ## youth
building with 24/7 gym access ## availability_24_7
24/7 doorman ## availability_24_7
young professional preferred ## youth
perfect for a young family ## youth
no scams please ## trust_language
real photos of the apartment ## trust_language
luxury apartments for rent ## venue_hotel
background check for all adults 18 and over ## youth
no smoking, no 420 friendly guests ## drugs
tiny house for rent ## youth
"""),
    "vehicles": L("""
spinner rims included ## youth
no scams, serious buyers only ## trust_language
a real deal at this price ## trust_language
this 12 year old truck runs great ## underage_age
exotic car, garage kept ## foreign
European auto, new brakes ## ethnicity_stated
no lowballers, no scams please ## trust_language
"""),
    "items": L("""
fidget spinners for sale ## youth
extra virgin olive oil gift set ## youth
Petite sizes, like new ## youth
baby girl clothes, size 2T ## youth
oriental rugs, hand knotted ## ethnicity_stated
Persian rugs for sale ## ethnicity_stated
candy store display jars ## youth
party rentals and tents ## drugs
snow removal equipment ## drugs
weed eater for sale ## drugs
Japanese maple trees for sale ## ethnicity_stated
8 ball pool table ## drugs
Hawaiian shirts on sale ## ethnicity_stated
"""),
    "services": L("""
around the clock care for seniors ## availability_24_7
24/7 emergency service ## availability_24_7
cheap web hosting ## incall_outcall
full service car wash ## risky_services
Brazilian wax special ## ethnicity_stated
traditional Thai massage ## ethnicity_stated
Swedish massage and deep tissue ## ethnicity_stated
we are a full service agency ## risky_services
tutoring for middle school students ## underage_age
hosting events every weekend ## incall_outcall
free leads, fresh start for your career ## youth
"""),
    "lost": L("""
our little one misses her ## youth
reward offered, no questions asked ## law_enforcement
no police report needed, just bring her home ## law_enforcement
last seen near the Virgin Islands Cafe ## youth
"""),
    "events": L("""
birthday party packages ## drugs
sweet 16 party packages ## youth
coed softball league forming ## youth
Korean BBQ night ## ethnicity_stated
reservation for a party of 6 ## drugs
high school football coach needed ## youth
jazz duo for weddings ## multiple_providers
ladies night every Thursday ## multiple_providers
late night menu ## availability_24_7
"""),
    "pets": L("""
perfect for a young family ## youth
no teens please, adults only ## youth
Persian kittens ## ethnicity_stated
puppies just arrived, ready now ## movement
"""),
    "dating": L("""
I am {age25} years young ## youth
young at heart and full of life ## youth
love Thai food and Korean BBQ ## ethnicity_stated
not a teen, a grown woman ## youth
"""),
    "adult": L("""
no teens please ## youth
no bareback, ever ## risky_services
no gfe ## risky_services
No condom, no service. ## risky_services
I am {age25} years young ## youth
young at heart ## youth
no 420 friendly guests ## drugs
"""),
    "spa": L("""
traditional Thai massage ## ethnicity_stated
Swedish massage and deep tissue ## ethnicity_stated
Chinese acupressure and herbal tea ## ethnicity_stated
we reply within 24 hours ## availability_24_7
discounts for hotel staff ## venue_hotel
European facials ## ethnicity_stated
Korean spa scrub ## ethnicity_stated
"""),
}

# ------------------------------------------------------------------------------------------------------------
# Fillers: neutral text by category (shared by all profiles of the category unless named otherwise).
# ------------------------------------------------------------------------------------------------------------

FILL_ESCORT = S("""
Hi gentlemen 💋
Hey there, thanks for stopping by
I'm {name}, {height} with {hair} hair
I love good conversation and a glass of wine
Let me help you unwind after a long day
Discreet and respectful
Upscale and classy
Please be respectful of my time
Screening required for first-time visitors
Serious inquiries only
Clean, safe and discreet
Looking forward to meeting you
Come relax with me
Sweet personality and a warm smile
Dinner dates welcome
Always on time
Text with your name and the time you want
Gentlemen only, please
Easy going and fun to be around
I enjoy meeting new people
Respectful men only
Hygiene is a must
Short notice is OK
Please no low balling
No rush, no pressure
I promise you will leave with a smile
Great company and good vibes
Book ahead for the weekend
Deposit may be required for long dates
Unforgettable experience
Treat yourself tonight
Soft skin and a sweet smile
Down to earth and easy to talk to
Classy in public, fun in private
Let's make your day better
Bring a smile and good manners
Available for social events and dinners
Parking is easy
Please text first
""")

FILL_ESCORT_3P = S("""
{name} is sweet and easygoing
She has a warm smile and great manners
She is {height} with {hair} hair
She loves dinner dates and good music
She is very discreet
She will make you feel relaxed
She is waiting for your call
She is friendly and loves to talk
""")

FILL_MASSAGE = S("""
Relaxing massage by friendly staff
Clean private rooms with showers
Hot towels and soft music
Free parking in back
Walk-ins welcome
Open 10am-10pm
Deep tissue, Swedish, reflexology
Grand opening special
VIP room available
Table shower available
Foot massage and body massage
Cash only
Gift cards available
Come relax after work
Professional and clean
Best massage in {area}
Ask about our 60 minute special
Peaceful and private
Shower and sauna included
Come in and relax
We will take care of your stress
Hot stone and aromatherapy
""")

FILL_SPA = S("""
Licensed massage therapists (LMT #{lic})
Swedish, deep tissue and sports massage
Prenatal massage by appointment
Book online or call the front desk
HSA and FSA cards accepted
Appointments from 9am to 8pm
Couples massage available
Therapeutic massage for back and neck pain
Gift certificates for the holidays
Clean, quiet treatment rooms
Our therapists are state licensed and insured
First visit discount for new clients
Cancellation policy: 24 hour notice
Hot stone add-on for $15
Reflexology and chair massage
Located in the {area} plaza
Family owned since 2009
Free parking in the lot
""")

FILL_DATING_GENUINE = S("""
I enjoy hiking, cooking and old movies
Looking for someone honest and kind
Non-smoker, social drinker
I have two dogs and a small garden
Let's grab coffee first
I moved here for work and don't know many people yet
Tell me about your favorite book
I work in healthcare and have odd hours
Looking for a long term relationship
Must love dogs
I like live music and baseball
I'm a teacher and love the summer break
Family is important to me
I make a mean lasagna
Weekend farmers market regular
Looking for a partner for salsa classes
I volunteer at the animal shelter
Reply with a bit about yourself
Let's see where it goes
Divorced, no kids, easy going
I'm {age}, {height}, {hair} hair
""")

FILL_DATING_SUGAR = S("""
Looking for a generous gentleman
Dinner and drinks first
Discreet arrangement preferred
Donations for my time
Generous men only
Mutually beneficial arrangement
I love fine dining and travel
Spoil me and I will make your day
Roses for my time 🌹
Let's meet for a drink
Sweet, classy and discreet
Open to ongoing arrangements
Serious and generous only
I'm {height} with {hair} hair
""")

FILL_LURE = S("""
Earn $1500-$3000 a week
Cash paid daily
Housing and transportation provided
Must be willing to travel
Send 3 photos with your application
Flexible hours, start right away
Modeling, hostess and promo work
No experience needed, we train
Work in different cities every month
All expenses paid
Looking for outgoing, friendly girls
Start this week
""")

FILL_ES = {
    "escort": S("""
Hola caballeros 💋
Soy {name}, muy cariñosa y complaciente
Me encanta conocer gente nueva
Discreta y respetuosa
Llámame y pasemos un buen rato
Atención de calidad
Caballeros respetuosos solamente
Limpia y discreta
Te espero con una sonrisa
Servicio de compañía para cenas
Ven a relajarte conmigo
Solo caballeros serios
"""),
    "massage": S("""
Masajes relajantes
Cuartos privados y limpios
Estacionamiento gratis
Abierto todos los días
Masaje de cuerpo completo
Ven a relajarte después del trabajo
Precios especiales hoy
"""),
    "dating": S("""
Busco una relación seria
Me gusta bailar y cocinar
Soy sincera y alegre
Busco un caballero generoso
Primero un café para conocernos
Me encanta la playa y la música
"""),
    "other": S("""
Se vende en buenas condiciones
Precio negociable
Se habla español
Llámame para más información
Solo efectivo
Disponible para ver este fin de semana
Se solicita personal con o sin experiencia
Se renta cuarto amueblado
Pago semanal
Buen ambiente de trabajo
"""),
}

POLICY_PARAGRAPHS = S("""
Screening: please text your first name, the time you would like and a short intro. First-time visitors may be asked for a reference. I do not answer blocked numbers or rude messages, and I never discuss rates in detail over text.
Etiquette: please arrive freshly showered and on time. If you are running late, text me. Cancellations with less than two hours notice may need a deposit next time. Respect goes both ways and makes every visit better.
About me: I love travel, good food and long talks about nothing in particular. I am easy going, playful and always discreet. My friends say I have a contagious laugh, and I try to make every person I meet feel welcome.
Rates are for time and companionship only. Anything else that happens is a matter of choice between consenting adults. Please do not ask for discounts. Regulars get priority booking on weekends and holidays.
Location: clean, quiet and private, with easy parking and a discreet entrance. I will send directions once you are confirmed. Please do not knock on other doors.
Thank you for taking the time to read my ad. I look forward to hearing from you, and I promise to make our time together relaxed and memorable.
Payment: cash only, exact amount in an envelope please. I do not accept checks or online payment apps for the first visit.
Please read the whole ad before you contact me. Most questions are answered here. Messages that only say hi or ask for pictures will not get a reply.
A little more about me: I grew up near the coast, I love cooking for friends and I am always up for a good movie. I take pride in being punctual, attentive and easy to talk to, and I remember the people I meet.
Dinner dates and social events are welcome with advance notice. I dress to fit the occasion, from casual jeans to an evening dress, and I know how to make a night out feel effortless.
Booking tips: weekday afternoons are the easiest to schedule. Evenings and weekends fill up fast, so reach out a day or two ahead if you can. Same day requests are fine when there is an opening.
Privacy matters to me as much as it matters to you. I never share names or numbers, I delete messages after our meeting and I expect the same courtesy in return.
If we have not met before, tell me a little about yourself in your first message: your name, your age and how you found my ad. Short polite messages get the fastest answers.
I keep my space clean, warm and comfortable, with soft music and a clean towel for you. Water, juice or coffee is always available. Let me know if you have any allergies.
""")

POLICY_PARAGRAPHS_SPA = S("""
New clients: please arrive ten minutes early to fill out a short intake form. Let your therapist know about any injuries, allergies or areas you would like us to avoid. Your comfort is our priority.
Our policy: we offer professional therapeutic massage only. Inappropriate requests end the session immediately with full charge. Thank you for helping us keep a safe workplace.
Pricing: 30 minutes $45, 60 minutes $75, 90 minutes $105. Add hot stones or aromatherapy for $15. Packages of five sessions save 10 percent and never expire.
We are closed on major holidays. Gift certificates can be purchased at the front desk or by phone and make a great present for birthdays and anniversaries.
Our rooms are cleaned and the linens changed after every guest. We use unscented oil unless you request aromatherapy, and hot towels are included with every session longer than thirty minutes.
Parking: the lot in front is shared with the other businesses in the plaza. Please do not park in the spots reserved for the restaurant next door. Street parking is free after six.
Late arrivals: sessions end on time so the next guest is not kept waiting. If you are running late, call us and we will do our best to adjust.
""")

# ------------------------------------------------------------------------------------------------------------
# Ordinary classifieds: subtype -> (titles, sentences, price formats)
# ------------------------------------------------------------------------------------------------------------

ORDINARY = {
    "jobs": (S("""
Warehouse associate - ${wage}/hr
Line cook wanted, {area}
Front desk agent, evening shift
CDL driver - regional routes
Home health aide, flexible hours
Receptionist for busy dental office
Barista, part time
Delivery driver with own car
Retail sales associate
Landscaping crew member
Night auditor wanted
Dishwasher needed ASAP
Bookkeeper, 20 hrs a week
Customer service rep, remote
Forklift operator, ${wage}/hr
Dog walker for weekday mornings
"""), S("""
Full time and part time shifts available
Weekly pay, benefits after 90 days
Apply in person at the {area} location
Must pass a background check
Bilingual a plus
No experience needed, we train
Restaurant experience preferred for this role
Some weekends required
Starting pay ${wage} an hour, raises after review
Send your resume to the email below
Reliable transportation required
Friendly team and free staff meals
Uniform provided
Must be able to lift 50 lbs
Paid time off after six months
We are an equal opportunity employer
Interviews this week, call the office
Overtime available during the holidays
""")),
    "housing": (S("""
Sunny 1BR near {street} - ${rent}/mo
Room for rent in quiet house
2BR/1BA with parking, {area}
Studio, utilities included
Sublet for the summer
3BR house with a yard
Shared room near campus
Furnished room, month to month
"""), S("""
Laundry in the building
No smoking, cats OK
First month plus deposit
Close to the bus line and shops
Quiet building, new carpet
Street parking only
Showings on Tuesday and Saturday
Background and credit check required
Hardwood floors and big windows
Water and trash included
12-month lease preferred
Walk to the park and the library
Shared kitchen and bathroom
Available the first of the month
""")),
    "vehicles": (S("""
2012 Honda Civic, {miles}k miles
Ford F-150 2015, clean title
Toyota Camry - runs great
Motorcycle 2009, new tires
Minivan, seats 7, cold AC
Road bike, 54 cm frame
Utility trailer 5x8
"""), S("""
Clean title in hand
New brakes and battery
Cold AC, no leaks
Serious buyers only
No trades
Oil changed every 5k miles
Minor dent on the rear bumper
Timing belt done last year
Two sets of keys
Runs and drives great
Selling because I got a company car
Can meet at the bank
""")),
    "items": (S("""
Solid oak dining table with 6 chairs
Leather sofa, like new
Dresser - must go this week
Queen bed frame and mattress
Antique rocking chair
Kids bike, 16 inch
Standing desk, electric
Box of vinyl records
Stand mixer, barely used
Bookshelf and two lamps
Acoustic guitar with case
Set of golf clubs
"""), S("""
Pick up only, {area}
Smoke free, pet free home
Minor scratches, see photos
Moving sale, everything must go
Price is firm
Can help you load it
Cash or app payment
Still available if listed
Works perfectly
Original box included
Measurements in the photos
First come, first served
""")),
    "services": (S("""
Handyman - small jobs welcome
House cleaning, weekly or biweekly
Piano lessons for all ages
Movers with truck, {area}
Lawn mowing and cleanup
Computer repair, fast and cheap
Math tutoring, grades 3-12
Mobile car detailing
Plumbing repairs, licensed
Pet sitting while you travel
"""), S("""
Licensed and insured
Free estimates
Reasonable rates, references available
Same day service most days
Over 15 years of experience
Senior discounts
We bring our own supplies
Evenings and weekends available
Satisfaction guaranteed
Family owned and operated
Serving {city} and nearby towns
""")),
    "lost": (S("""
LOST DOG - brown terrier, {area}
Found: gray cat near {street}
Lost keys with a red lanyard
Missing parrot, answers to Kiwi
Found wallet at the bus stop
Lost cat, orange tabby, reward
"""), S("""
Last seen Tuesday evening
Very friendly, may be scared
Wearing a blue collar
Reward for safe return
Please check your garage and sheds
Microchipped
Please call if you see him
Describe it to claim it
Our kids miss him a lot
Answers to his name
""")),
    "events": (S("""
Garage sale Saturday 8am-2pm
Two concert tickets, face value
Community yoga in the park
Church fundraiser dinner
Book club looking for members
Farmers market opens this weekend
Free movie night for families
Charity 5K fun run
"""), S("""
Everyone welcome
Free admission, donations appreciated
Bring a chair or a blanket
Parking on the street
Food trucks and live music
Rain or shine
Tickets at the door
Kid friendly
Sign up at the front table
Starts at 6pm sharp
""")),
    "pets": (S("""
Puppies ready for new homes
Rehoming my 3 year old cat
Free kittens to a good home
Bearded dragon with tank
Parakeets, pair with cage
Aquarium, 55 gallon, with stand
"""), S("""
Vet checked and vaccinated
Good with kids and other pets
Rehoming fee applies
House trained
Comes with food and toys
Must have a fenced yard
Both parents on site
Ready this weekend
Indoor only
Looking for a loving forever home
""")),
}
ORDINARY_SUBTYPES = [("jobs", 0.22), ("housing", 0.16), ("vehicles", 0.13), ("items", 0.17), ("services", 0.12),
                     ("lost", 0.07), ("events", 0.07), ("pets", 0.06)]
LURE_TITLES = S("""
Models wanted - travel and housing provided
Hostess and promo girls needed, cash daily
Earn $2000 a week, no experience
Dancers and hostesses wanted, all expenses paid
Travel modeling job, women 18-25
Personal assistant needed, must travel
Promo models wanted, start this week
""")

ADULT_TITLE_FILL = {
    "escort": S("""
Sweet and Classy
Your Sweetheart {name}
Discreet Fun with {name}
Upscale Companion
Come Relax With Me
Unforgettable Time
Sweet Girl Next Door
Let Me Make Your Day
Ready for You
Classy and Discreet
"""),
    "massage": S("""
Grand Opening
Relaxing Massage
Best Massage in Town
{spa}
Stress Relief Massage
Body Massage Special
Amazing Hands
"""),
    "dating": S("""
Looking for a Generous Gentleman
Sweet Girl Seeking Fun
Let's Meet for a Drink
Lonely and Looking
Seeking Arrangement
Dinner Date?
"""),
}
GENUINE_TITLES = S("""
Looking for a hiking partner
Coffee and conversation?
Single mom seeking friendship
Retired teacher seeks pen pal
Missed connection at the farmers market
Anyone up for trivia night?
Seeking long-term relationship
New to dating again
Bookworm seeks the same
Looking for a dance partner
""")

# Licensed-spa and genuine-personal phrasing of the few cues those profiles emit.
CUE_SPA = {
    "youth": L("""
young athletes and seniors welcome
our newest therapist is fresh out of school
"""),
    "third_party": L("""
ask for {pname} at the front desk
ask for {pname} when you book
"""),
    "multiple_providers": L("""
we have five licensed therapists
we have male and female therapists
we have therapists available 7 days
"""),
    "ethnicity_stated": L("""
Thai trained therapist
Korean owned and operated
our Chinese therapist has 20 years experience
"""),
    "trust_language": L("""
read our verified reviews
real pictures of our studio
"""),
    "obfuscated_phone": L("""
text only for appointments
no calls during sessions, text only
"""),
    "movement": L("""
new to the area? first visit 20% off
just arrived in town? walk-ins welcome
"""),
    "venue_hotel": L("""
massage at your hotel room
we do hotel visits for conventions
"""),
    "incall_outcall": L("""
outcall massage available
outcall to homes and offices
"""),
    "availability_24_7": L("""
call anytime to book
available now for same day appointments
"""),
}
CUE_GENUINE = {
    "youth": L("""
petite brunette who loves the outdoors
petite and outdoorsy, looking for my match
"""),
    "third_party": L("""
ask for {name}, my roommate screens my calls
ask for {name} if my sister answers
"""),
    "restriction": L("""
no men under 30 please
no young guys please
"""),
    "foreign": L("""
my english is not perfect but I learn fast
new to the country and making friends
"""),
    "ethnicity_stated": L("""
I'm Latina and proud of it
Korean American, born and raised here
half Filipina, half Irish
"""),
    "trust_language": L("""
no games please
no drama
real pics, recent
I'm real, not a bot
"""),
    "obfuscated_phone": L("""
text only at first
no calls, text first
"""),
    "movement": L("""
new in town, looking to meet people
new to the area and want to explore
just got into town for a new job
"""),
    "venue_hotel": L("""
let's meet at a hotel bar downtown
first date at the hotel lounge downtown?
"""),
    "incall_outcall": L("""
your place or mine for a movie night
I can host dinner at my place
"""),
    "availability_24_7": L("""
night owl, text anytime
text me anytime
"""),
    "drugs": L("""
420 friendly
420 friendly and laid back
"""),
}

ES_TITLE_FILL = S("""
Chica Linda y Cariñosa
Ven a Relajarte
Hermosa y Discreta
Tu Mejor Compañía
Masajes Relajantes
""")
ES_ORD_TITLES = S("""
Se vende sofá en buen estado
Se renta cuarto en {area}
Se busca cocinero con experiencia
Perrito perdido en {area}
Se vende carro 2011, buen precio
Clases de guitarra para niños
""")

# Decorative emoji: (emoji, per-ad probability, family it is a lexicon cue of or None).
DECOR_ADULT = [("💋", 0.43, None), ("👑", 0.14, None), ("🍭", 0.115, "youth"), ("🌹", 0.09, None),
               ("🍒", 0.07, None), ("🔥", 0.15, None), ("💕", 0.15, None), ("✨", 0.12, None), ("😘", 0.10, None),
               ("🥰", 0.06, None), ("😍", 0.06, None), ("🌸", 0.05, None), ("💯", 0.04, "trust_language"),
               ("❄️", 0.02, "drugs"), ("🍬", 0.03, "youth"), ("🦋", 0.04, None), ("💎", 0.05, None)]
DECOR_MASSAGE = [("🌸", 0.25, None), ("🌺", 0.15, None), ("💆", 0.20, None), ("✨", 0.15, None),
                 ("💋", 0.10, None), ("🍭", 0.05, "youth"), ("🌹", 0.06, None), ("🔥", 0.05, None)]
DECOR_PERSONAL = [("😊", 0.20, None), ("🙂", 0.15, None), ("☕", 0.08, None), ("🌻", 0.06, None), ("✨", 0.08, None),
                  ("💕", 0.08, None), ("🐶", 0.05, None)]
DECOR_OTHER = [("🚗", 0.05, None), ("🏠", 0.05, None), ("🐶", 0.04, None), ("☕", 0.03, None), ("📞", 0.08, None),
               ("📍", 0.06, None), ("⭐", 0.05, None), ("🎉", 0.03, None)]

SLOT_RE = re.compile(r"\{(\w+)\}")

# Look-alike letters the normalizer folds back (Cyrillic, Greek).
HOMO_LOWER = {"a": "аα", "e": "еε", "o": "оοσ", "p": "рρ", "c": "сϲ", "y": "уγ", "x": "хχ", "i": "іι",
              "k": "кκ", "n": "ηи", "t": "тτ", "h": "һн", "b": "в", "w": "ωш", "s": "ѕ", "v": "ν", "u": "υ",
              "j": "ј", "r": "я"}
HOMO_UPPER = {"A": "АΑ", "B": "ВΒ", "E": "ЕΕ", "K": "КΚ", "M": "МΜ", "H": "НΗ", "O": "ОΟ", "P": "РΡ",
              "C": "СϹ", "T": "ТΤ", "Y": "УΥ", "X": "ХΧ", "I": "ІΙ", "N": "Ν", "Z": "Ζ"}
STRETCH_CUE = {"young": ["youngggg", "yooouung", "younggg", "yoooung"], "fresh": ["freeesh", "freeeesh"],
               "teen": ["teeeen"]}
STRETCH_FILL = {"sweet": ["sweeeet", "sweettt"], "so": ["sooo", "soooo"], "hi": ["hiii", "hiiii"],
                "hey": ["heyyy", "heyyyy"], "baby": ["babyyy"], "fun": ["funnn"], "please": ["pleaseee"],
                "love": ["loveee"], "call": ["calll"]}
MISSPELL = {"you": ["u", "u", "yu"], "your": ["ur", "yur", "you're"], "please": ["pls", "plz", "pleez"],
            "tonight": ["tonite", "2nite"], "night": ["nite"], "gentlemen": ["gentelmen", "gentleman", "gents"],
            "appointment": ["apointment", "appt"], "discreet": ["discrete", "discret"], "really": ["realy", "rly"],
            "beautiful": ["beautifull", "beatiful", "bootiful"], "because": ["cuz", "bc"], "love": ["luv"],
            "with": ["w/", "wit"], "pictures": ["pics", "pix"], "definitely": ["definately", "def"],
            "respectful": ["respectfull"], "experience": ["experiance"], "available": ["availble", "avail"],
            "message": ["msg"], "text": ["txt"], "thanks": ["thx"], "before": ["b4"], "are": ["r"],
            "great": ["gr8"], "Hello": ["Helo"], "hours": ["hrs"], "minutes": ["mins"]}

ORD_LONG = S("""
About us: we are a small local business that has served the neighborhood for over a decade. We care about doing things right the first time and treating people fairly. Most of our work comes from referrals.
Details: everything described here is accurate to the best of my knowledge. Please ask questions before you come out so nobody wastes a trip. I am usually home after 5pm on weekdays and most of the day on Sunday.
Directions: take the main road past the grocery store and turn left at the second light. Look for the blue mailbox. There is room to park in the driveway.
Terms: cash or app payment at pickup. Holds are only possible with a small deposit. I will take the listing down as soon as it is gone, so if you can see this, it is still here.
What we offer: a steady schedule, a clean workplace and supervisors who actually listen. Training is paid. After ninety days you can join the health plan and the retirement plan.
Please include a short note about yourself when you reply, and let me know the best time to reach you. I try to answer every message within a day or two.
Thanks for looking. Check my other listings for more household items, tools and books. Everything is priced to sell and bundles get a discount.
History: I bought it new and kept the receipts. It has been stored indoors, away from sun and moisture, and it was serviced regularly. I am only selling because we are downsizing.
Requirements: a valid ID, references from a previous landlord or employer, and proof of income. We respond to every complete application within the week.
Safety first: let's meet in a public place during the day for small items. For large items you are welcome to come to the house, and a friend can come along.
Schedule: the position is Monday through Friday with occasional Saturdays. Shifts are posted two weeks in advance and swaps are allowed with manager approval.
About the neighborhood: quiet street, friendly neighbors, a grocery store and two coffee shops within walking distance, and a park with a playground around the corner.
""")

DATING_LONG = S("""
A bit more about me: I grew up in a small town and moved to the city for school. I love Sunday mornings at the farmers market, long walks with my dog and trying new recipes, even when they go wrong.
What I am looking for: someone kind, curious and honest, who can laugh at himself and likes to make plans. I value good communication and people who follow through on what they say.
On weekends you will find me hiking, at a bookstore or at a trivia night with friends. I am trying to learn guitar, slowly. I would love to meet someone who enjoys the outdoors as much as I do.
I work in a hospital, so my schedule can be unusual, but I make time for the people who matter. Family dinners on Sunday are a tradition I would like to keep.
If you made it this far, thank you for reading. Send me a message about the last book you loved or the best meal you ever had, and let's see if we click over coffee.
""")

# ------------------------------------------------------------------------------------------------------------
# Phones and emails (fictional only: NPA-555-01XX, @example.com)
# ------------------------------------------------------------------------------------------------------------

W_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
W_EN_ALT = {"0": ["oh", "zer0", "zero", "O"], "1": ["0ne", "one"], "2": ["too", "two"], "4": ["for", "four"],
            "5": ["f1ve", "five"], "8": ["eight"], "3": ["three"], "6": ["six"], "7": ["seven"], "9": ["nine"]}
W_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
PHONE_SEPS = ["*", "~", "💋", "🌹", " * ", "•", " ~ ", "🔥", "**", "_"]
PLAIN_FORMS = ["{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}", "{a}{b}{c}", "{a} {b} {c}", "+1 {a}-{b}-{c}",
               "1-{a}-{b}-{c}", "({a}){b}-{c}"]
OBF_FORMS = ["spelled_en", "mixed", "spelled_es", "keycap", "fullwidth", "letters", "separators", "spaced",
             "circled", "mathbold", "mix_styles"]


def phone_plain(d, rng):
    return rng.choice(PLAIN_FORMS).format(a=d[:3], b=d[3:6], c=d[6:])


def _digit_style(ch, style, rng):
    n = int(ch)
    if style == "keycap":
        return ch + "\ufe0f\u20e3"
    if style == "fullwidth":
        return chr(0xFF10 + n)
    if style == "circled":
        return "\u24ea" if n == 0 else chr(0x2460 + n - 1)
    if style == "mathbold":
        return chr(0x1D7CE + n)
    return ch


def phone_obfuscated(d, rng, lang):
    form = rng.choice(OBF_FORMS)
    if lang == "es" and rng.random() < 0.6:
        form = "spelled_es"
    groups = [d[:3], d[3:6], d[6:]]
    if form == "spelled_en":
        sep = rng.choice([" ", "-", " - ", ", "])
        return sep.join(" ".join(W_EN[int(c)] for c in g) for g in groups)
    if form == "spelled_es":
        sep = rng.choice([" ", " - ", ", "])
        return sep.join(" ".join(W_ES[int(c)] for c in g) for g in groups)
    if form == "mixed":
        out = []
        for g in groups:
            parts = []
            for c in g:
                r = rng.random()
                if r < 0.45:
                    parts.append(c)
                else:
                    parts.append(rng.choice(W_EN_ALT[c]) if r < 0.75 else W_EN[int(c)])
            out.append("".join(parts) if rng.random() < 0.6 else " ".join(parts))
        # at least one spelled unit
        joined = rng.choice([" ", "-", " - "]).join(out)
        if not re.search(r"[a-zA-Z]", joined):
            joined = W_EN[int(d[0])] + joined[1:]
        return joined
    if form in ("keycap", "fullwidth", "circled", "mathbold"):
        sep = rng.choice(["", " ", "-"]) if form != "keycap" else rng.choice(["", " "])
        return sep.join("".join(_digit_style(c, form, rng) for c in g) for g in groups)
    if form == "letters":
        chars = list(d)
        subs = {"0": ["O", "o"], "1": ["l", "I"], "5": ["S"]}
        idx = [i for i, c in enumerate(chars) if c in subs]
        rng.shuffle(idx)
        done = []
        for i in idx:
            if len(done) >= rng.randint(1, 3):
                break
            if any(abs(i - j) <= 1 for j in done):
                continue  # never two letters side by side: the number must still read as digits
            chars[i] = rng.choice(subs[chars[i]])
            done.append(i)
        s = "".join(chars)
        sep = rng.choice(["-", ".", " ", ""])
        return sep.join([s[:3], s[3:6], s[6:]])
    if form == "separators":
        sep = rng.choice(PHONE_SEPS)
        if rng.random() < 0.25:
            return sep.join(d)
        return sep.join(groups)
    if form == "spaced":
        return " ".join(d) if rng.random() < 0.6 else "  ".join(" ".join(g) for g in groups)
    # mix_styles: each group in its own style
    styles = ["plain", "keycap", "fullwidth", "spelled", "mathbold"]
    out = []
    for g in groups:
        st = rng.choice(styles)
        if st == "spelled":
            out.append(" ".join(W_EN[int(c)] for c in g))
        else:
            out.append("".join(_digit_style(c, st, rng) for c in g))
    if all(o.isdigit() for o in out):
        out[1] = " ".join(W_EN[int(c)] for c in groups[1])
    return rng.choice([" ", "-", " - "]).join(out)


def email_text(handle, rng, obfuscate):
    if obfuscate and rng.random() < 0.6:
        return rng.choice(["{h} at example dot com", "{h} (at) example (dot) com", "{h} [at] example.com",
                           "{h} @ example . com"]).format(h=handle)
    return f"{handle}@example.com"


# ------------------------------------------------------------------------------------------------------------
# Text style transforms (all undone by the RedFlag normalizer, so cues stay matchable)
# ------------------------------------------------------------------------------------------------------------

WORD_RE = re.compile(r"[A-Za-z]+")


def homoglyph_word(w, rng, p):
    out = []
    for ch in w:
        pool = HOMO_LOWER.get(ch) or HOMO_UPPER.get(ch)
        out.append(rng.choice(pool) if pool and rng.random() < p else ch)
    return "".join(out)


def homoglyph_text(text, rng, share, p):
    return WORD_RE.sub(lambda m: homoglyph_word(m.group(0), rng, p) if rng.random() < share else m.group(0), text)


def math_bold(text):
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D400 + ord(ch) - 65))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - 97))
        else:
            out.append(ch)
    return "".join(out)


LEET_MAP = {"o": "0", "e": "3", "i": "1", "a": "4", "s": "5", "t": "7"}


def leet_word(w, rng):
    chars = list(w)
    cand = [i for i in range(1, len(w) - 1) if w[i].lower() in LEET_MAP and w[i - 1].isalpha() and w[i + 1].isalpha()]
    if not cand:
        return w
    rng.shuffle(cand)
    for i in cand[:rng.randint(1, min(3, len(cand)))]:
        chars[i] = LEET_MAP[w[i].lower()]
    return "".join(chars)


def leet_text(text, rng, share):
    return WORD_RE.sub(lambda m: leet_word(m.group(0), rng) if len(m.group(0)) >= 4 and rng.random() < share
                       else m.group(0), text)


def space_word(text, rng):
    words = [m for m in WORD_RE.finditer(text) if 4 <= len(m.group(0)) <= 7]
    if not words:
        return text
    m = rng.choice(words)
    before, after = text[:m.start()], text[m.end():]
    # never next to a one-letter word (the normalizer would glue them)
    if re.search(r"(^|\s)[A-Za-z]\s*$", before) or re.match(r"^\s*[A-Za-z](\s|$)", after):
        return text
    return before + " ".join(m.group(0)) + after


def stretch_text(text, rng, table, share):
    def rep(m):
        w = m.group(0)
        alts = table.get(w.lower())
        if alts and rng.random() < share:
            s = rng.choice(alts)
            return s.upper() if w.isupper() else (cap_first(s) if w[0].isupper() else s)
        return w
    return WORD_RE.sub(rep, text)


def misspell_text(text, rng, share):
    def rep(m):
        w = m.group(0)
        alts = MISSPELL.get(w) or MISSPELL.get(w.lower())
        if alts and rng.random() < share:
            s = rng.choice(alts)
            if w.isupper() and len(w) > 1:
                return s.upper()
            return cap_first(s) if w[0].isupper() else s
        return w
    return WORD_RE.sub(rep, text)

# ------------------------------------------------------------------------------------------------------------
# Skeletons (templates): how the ad's own text is arranged. Train and holdout use disjoint sets.
# ------------------------------------------------------------------------------------------------------------

SKELETONS = {
    "train": [("narrative", 0.34), ("bullets", 0.20), ("shouty", 0.10), ("compact", 0.14), ("qa", 0.10),
              ("long", 0.12)],
    "holdout": [("pipes", 0.22), ("numbered", 0.18), ("contact_first", 0.22), ("hashtags", 0.16),
                ("dialogue", 0.10), ("long_reversed", 0.12)],
}
BULLETS = {"train": ["•", "*", "-", "💋", "🌹", "~"], "holdout": ["►", "→", "♡", "★", "+", "◆"]}


class Ad:
    def __init__(self, idx, variant, seed):
        self.idx = idx
        self.variant = variant
        self.rng = rng = random.Random(f"redflag-corpus/{variant}/{seed}/{idx}")
        self.category = weighted(rng, CATEGORY_MIX)
        self.profile = weighted(rng, PROFILE_MIX[self.category])
        self.label_clean = LABEL_OF[self.profile]
        r = rng.random()
        self.lang = "es" if r < LANG_ES else ("mix" if r < LANG_ES + LANG_MIX else "en")
        self.adult = self.category != "other"
        self.cues = set()      # families actually written (bookkeeping); only sorted() is ever iterated
        self.decoys = set()
        self.style = []
        self.subtype = weighted(rng, ORDINARY_SUBTYPES) if self.profile == "ordinary" else (
            "jobs" if self.profile == "recruitment_lure" else None)
        self.make_persona()
        self.emitted = [f for f in FAMILIES if rng.random() < EMISSION[self.profile][f]]
        self.skeleton = weighted(rng, SKELETONS[variant])
        self.template = f"{self.category}-{self.skeleton}"

    # -------------------------------------------------------------------------------- persona and slots
    def make_persona(self):
        rng = self.rng
        npa, city, areas, ckey = rng.choice(CITIES)
        self.npa, self.city, self.ckey = npa, city, ckey
        self.area = rng.choice(areas)
        self.digits = f"{npa}555{rng.randrange(100, 200):04d}"
        band = weighted(rng, [((18, 19), 0.09), ((20, 23), 0.32), ((24, 29), 0.34), ((30, 45), 0.25)])
        self.age = rng.randint(*band)
        self.name = rng.choice(STAGE_NAMES)
        self.name2 = rng.choice([n for n in STAGE_NAMES if n != self.name])
        self.pname = rng.choice(PLAIN_NAMES)
        if self.profile in ("genuine_personal", "ordinary", "licensed_spa"):
            self.name = self.pname
        if self.label_clean == "suspicious":
            weights = [(e, 1 + ETHNICITY_WEIGHT_SUSPICIOUS.get(e, 0)) for e in ETHNICITIES]
        else:
            weights = [(e, 1) for e in ETHNICITIES]
        self.eth = weighted(rng, weights)
        self.eth2 = rng.choice([e for e in ETHNICITIES if e != self.eth])
        self.slots = {
            "name": self.name, "name2": self.name2, "pname": self.pname, "city": city, "area": self.area,
            "eth": self.eth, "eth2": self.eth2, "flag": FLAGS.get(self.eth),
            "country": rng.choice(COUNTRIES), "country_es": rng.choice(COUNTRIES_ES),
            "exit": str(rng.randint(3, 140)), "day": rng.choice(DAYS), "street": rng.choice(STREETS),
            "height": rng.choice(["4'11", "5'0", "5'1", "5'2", "5'3", "5'4", "5'5", "5'6", "5'7", "5'8", "5'9"]),
            "hair": rng.choice(HAIR), "lic": str(rng.randint(10000, 99999)),
            "spa": f"{rng.choice(SPA_WORDS_A)} {rng.choice(SPA_WORDS_B)}",
            "wage": str(rng.randint(15, 28)), "rent": f"{rng.randint(7, 24) * 100:,}",
            "miles": str(rng.randint(40, 190)),
            "age20": str(self.age) if self.age >= 20 else None,
            "age25": str(self.age) if self.age >= 25 else None,
            "age": str(self.age),
        }
        if self.age <= 19:
            forms = {18: ["18", "eighteen", "EIGHTEEN", "e1ghteen", "18"], 19: ["19", "nineteen", "n1neteen", "19"]}
            self.slots["young_age"] = rng.choice(forms[self.age])
            self.slots["young_age_es"] = rng.choice({18: ["18", "dieciocho"], 19: ["19", "diecinueve"]}[self.age])
        else:
            self.slots["young_age"] = self.slots["young_age_es"] = None
        self.slots["minor_age"] = rng.choice(["16", "17", "sixteen", "seventeen", "s1xteen", "17"])
        self.slots["minor_age_es"] = rng.choice(["16", "17", "dieciséis", "diecisiete"])

    def fill(self, text):
        """Fill slots; None when a slot has no value for this persona."""
        ok = True

        def rep(m):
            nonlocal ok
            key = m.group(1)
            if self.lang == "es" and key in ("young_age", "minor_age"):
                key += "_es"
            v = self.slots.get(key)
            if v is None:
                ok = False
                return ""
            return v
        out = SLOT_RE.sub(rep, text)
        return out if ok else None

    # -------------------------------------------------------------------------------- phrase pools
    def cue_pool(self, fam):
        """Candidate (text, extra families) for one family, for this ad's profile, language and variant."""
        v = self.variant
        if self.profile == "ordinary":
            return partition(CUE_ORDINARY.get(fam, []), v)
        if self.profile == "recruitment_lure":
            return partition(CUE_LURE.get(fam, []), v)
        if self.profile == "licensed_spa":
            return partition(CUE_SPA.get(fam, []), v)
        if self.profile == "genuine_personal":
            return partition(CUE_GENUINE.get(fam, []), v)
        en = partition(CUE_EN.get(fam, []), v)
        if self.category == "massage" and fam in CUE_MASSAGE and self.rng.random() < 0.6:
            en = partition(CUE_MASSAGE[fam], v)
        if self.lang == "es" or (self.lang == "mix" and self.rng.random() < 0.3):
            es = partition(CUE_ES.get(fam, []), v)
            if es and (self.lang == "es" and self.rng.random() < 0.8 or self.lang == "mix"):
                return es
        return en

    def pick(self, fam, avoid=()):
        """One cue phrase of `fam`: (text, families) with slots filled; None if nothing fits."""
        pool = self.cue_pool(fam)
        allowed = set(self.emitted)
        good, loose = [], []
        for text, extra in pool:
            if text in avoid:
                continue
            fams = {fam, *extra}
            if "{eth" in text or "{flag}" in text:
                fams.add("ethnicity_stated")
            filled = self.fill(text)
            if filled is None:
                continue
            (good if fams <= allowed else loose).append((text, filled, fams))
        cand = good or loose
        if not cand:
            return None
        raw, filled, fams = self.rng.choice(cand)
        return raw, filled, fams

    def decoy_pool(self):
        if self.profile == "ordinary":
            return DECOYS.get(self.subtype, [])
        if self.profile == "recruitment_lure":
            return DECOYS["jobs"]
        if self.profile == "licensed_spa":
            return DECOYS["spa"]
        if self.profile == "genuine_personal":
            return DECOYS["dating"]
        return DECOYS["adult"]

    def fillers(self):
        """Neutral sentences for this ad (not cues)."""
        v, cat, lang = self.variant, self.category, self.lang
        if lang == "es":
            base = FILL_ES["other" if cat == "other" else cat]
        elif self.profile == "ordinary":
            base = ORDINARY[self.subtype][1]
        elif self.profile == "recruitment_lure":
            base = FILL_LURE
        elif self.profile == "licensed_spa":
            base = FILL_SPA
        elif cat == "massage":
            base = FILL_MASSAGE
        elif self.profile == "genuine_personal":
            base = FILL_DATING_GENUINE
        elif cat == "dating":
            base = FILL_DATING_SUGAR + partition(FILL_ESCORT, v)[:10]
        else:
            base = FILL_ESCORT
        out = [t for t in (self.fill(x) for x in partition(base, v)) if t]
        if lang == "mix":
            es = [t for t in (self.fill(x) for x in partition(FILL_ES["other" if cat == "other" else cat], v)) if t]
            self.rng.shuffle(es)
            out = out + es[:2]
        return out

    # -------------------------------------------------------------------------------- content
    def build(self):
        rng = self.rng
        v = self.variant
        # 1. cue phrases per emitted family (obfuscated phone handled with the contact)
        cue_phr = []
        used = set()
        self.third_voice = False
        for fam in self.emitted:
            if fam == "obfuscated_phone":
                continue
            k = 1 if rng.random() < 0.72 else (2 if rng.random() < 0.85 else 3)
            for _ in range(k):
                got = self.pick(fam, avoid=used)
                if not got:
                    break
                raw, text, fams = got
                used.add(raw)
                cue_phr.append((text, fams))
        wrote_third = any("third_party" in fams for _, fams in cue_phr)
        if wrote_third and self.category in ("escort", "dating") and self.lang != "es":
            self.third_voice = rng.random() < 0.4
        # decoys
        decoy_phr = []
        if rng.random() < DECOY_RATE[self.profile] and self.lang != "es":
            pool = [d for d in partition(self.decoy_pool(), v) if self.fill(d[0])]
            rng.shuffle(pool)
            for text, fams in pool[:1 if rng.random() < 0.7 else 2]:
                decoy_phr.append(self.fill(text))
                self.decoys.update(fams)
        # decorative emoji
        if self.profile == "genuine_personal":
            decor_pool, rate = DECOR_PERSONAL, 0.35
        elif self.category in ("escort", "dating"):
            decor_pool, rate = DECOR_ADULT, (0.75 if self.category == "escort" else 0.5)
        elif self.category == "massage":
            decor_pool, rate = DECOR_MASSAGE, (0.25 if self.profile == "licensed_spa" else 0.5)
        else:
            decor_pool, rate = DECOR_OTHER, 0.15
        self.emoji = []
        if rng.random() < rate:
            for e, p, fam in decor_pool:
                if rng.random() < p / rate * 0.9:
                    self.emoji.append(e)
            if not self.emoji:
                self.emoji.append(decor_pool[0][0])
        self.decor_pool = decor_pool
        # 2. contact
        self.build_contact()
        # 3. styles
        grp = "other" if not self.adult else ("suspicious" if self.label_clean == "suspicious" else "adult_benign")
        self.homoglyph = rng.random() < HOMOGLYPH_RATE[grp]
        self.leet = self.adult and rng.random() < 0.10
        self.spaced = self.adult and rng.random() < 0.05
        self.stretch = rng.random() < (0.14 if self.adult else 0.02)
        self.misspell = rng.random() < (0.28 if self.adult else 0.10)
        r = rng.random()
        self.case = "upper" if r < (0.07 if self.adult else 0.03) else ("lower" if r < 0.15 else "normal")
        if self.skeleton == "shouty" and self.case == "normal" and rng.random() < 0.6:
            self.case = "upper"
        self.case_fn = {"upper": str.upper, "lower": str.lower, "normal": lambda x: x}[self.case]
        for flag in ("homoglyph", "leet", "spaced", "stretch", "misspell"):
            if getattr(self, flag):
                self.style.append(flag)
        if self.case != "normal":
            self.style.append(self.case)
        # cues after styling
        cue_texts = []
        for text, fams in cue_phr:
            cue_texts.append(self.style_cue(text))
            self.cues.update(fams)
        self.cue_texts = cue_texts
        self.cue_plain = [t for t, _ in cue_phr]
        self.decoy_texts = [self.case_fn(d) for d in decoy_phr]
        self.fill_pool = self.fillers()
        rng.shuffle(self.fill_pool)
        # 4. body and title
        self.body_blocks = self.compose_body()
        self.title = self.build_title(self.cue_plain)
        self.attrs = self.build_attrs()
        # decorative emoji that are lexicon cues count only where they were actually placed
        final = self.title + "\n" + self.body_text()
        for e, _, fam in self.decor_pool:
            if fam and e in final:
                self.cues.add(fam)

    def style_cue(self, text):
        rng = self.rng
        text = self.case_fn(text)
        if self.leet and rng.random() < 0.35:
            text = leet_text(text, rng, 0.5)
        if self.stretch and rng.random() < 0.5:
            text = stretch_text(text, rng, STRETCH_CUE, 0.8)
        if self.homoglyph and rng.random() < 0.5:
            text = homoglyph_text(text, rng, 0.5, 0.6)
        if self.spaced and rng.random() < 0.3:
            text = space_word(text, rng)
        return text

    def style_fill(self, text):
        rng = self.rng
        text = self.case_fn(text)
        if "@" in text or "://" in text:
            return text
        if self.misspell:
            text = misspell_text(text, rng, 0.5)
        if self.stretch and rng.random() < 0.4:
            text = stretch_text(text, rng, STRETCH_FILL, 0.7)
        if self.homoglyph and rng.random() < 0.25:
            text = homoglyph_text(text, rng, 0.4, 0.5)
        return text

    def build_contact(self):
        rng = self.rng
        obf = "obfuscated_phone" in self.emitted
        self.obf_phrase = None
        self.phone_text = None
        has_phone = rng.random() < (0.95 if self.adult else 0.85)
        if obf:
            mode_form = rng.random() < 0.82
            if not mode_form or rng.random() < 0.3:
                got = self.pick("obfuscated_phone")
                if got:
                    self.obf_phrase = got[1]
                    self.cues.update(got[2])
            if mode_form:
                self.phone_text = phone_obfuscated(self.digits, rng, self.lang)
                self.cues.add("obfuscated_phone")
                self.style.append("phone_obfuscated")
            elif has_phone and rng.random() < 0.5:
                self.phone_text = phone_plain(self.digits, rng)
        elif has_phone:
            self.phone_text = phone_plain(self.digits, rng)
        handle_base = (self.name if self.adult else self.pname).lower()
        handle = handle_base + rng.choice(["", str(rng.randint(2, 99)), ".vip", "_xo", "." + self.ckey, ".ads",
                                           "." + self.city.split()[0].lower()])
        self.email = None
        if rng.random() < (0.25 if self.adult else 0.35) or not self.phone_text:
            self.email = email_text(handle, rng, obfuscate=self.adult and rng.random() < 0.4)

    def contact_line(self, short=False):
        rng = self.rng
        parts = []
        if self.phone_text and short:
            return self.phone_text
        if self.phone_text:
            if self.lang == "es":
                fmt = rng.choice(["Llámame al {p}", "Escríbeme: {p}", "Escríbeme por WhatsApp al {p}", "Tel. {p}"])
            elif self.third_voice:
                fmt = rng.choice(["Call her now: {p}", "Text her at {p}", "Booking line: {p}", "{p}"])
            elif not self.adult or self.profile in ("licensed_spa", "genuine_personal"):
                fmt = rng.choice(["Call {p}", "Call or text {p}", "Phone: {p}", "{p}", "Contact {pn}: {p}"])
            else:
                fmt = rng.choice(["Call or text {p}", "☎️ {p}", "Text me: {p}", "Contact: {p}", "{p} 💋",
                                  "Txt {p}", "Call {n}: {p}", "{p}"])
            parts.append(fmt.format(p=self.phone_text, n=self.name, pn=self.pname))
        if self.email:
            parts.append(("Email: " if self.lang != "es" else "Correo: ") + self.email)
        return " · ".join(parts) if parts else ""

    def rates_line(self):
        rng = self.rng
        if self.category == "escort":
            a = rng.choice([80, 100, 120, 150, 160, 200])
            return rng.choice([f"${a} hh / ${a + 100} h", f"HH {a} 🌹 H {a + 80} 🌹", f"donation: {a + 50}/hr",
                               f"{a + 60} roses hour", f"${a} qv", f"Rates: ${a}/30min, ${a + 90}/hr"])
        if self.category == "massage":
            a = rng.choice([40, 50, 60, 70, 80])
            return rng.choice([f"${a}/hr", f"${a - 10} for 30 min, ${a + 20} for 60 min", f"60 min special ${a}"])
        if self.category == "dating" and self.profile != "genuine_personal":
            a = rng.choice([150, 200, 250, 300])
            return rng.choice([f"{a} roses 🌹", f"donations start at ${a}", f"generous gifts only, {a}+"])
        return None

    def compose_body(self):
        """A list of blocks: ('p', [sentences]) or ('lines', [lines])."""
        rng = self.rng
        sk = self.skeleton
        target = self.target_length()
        cues = list(self.cue_texts) + list(self.decoy_texts)
        rng.shuffle(cues)
        if self.obf_phrase:
            cues.insert(rng.randint(0, len(cues)), self.style_cue(self.obf_phrase))
        if self.third_voice:
            extra = [t for t in (self.fill(x) for x in partition(FILL_ESCORT_3P, self.variant)) if t]
            rng.shuffle(extra)
            first_person = re.compile(r"\b(?:I|I'm|me|my|Me|My|myself)\b")
            self.fill_pool = extra[:3] + [f for f in self.fill_pool if not first_person.search(f)]
        pieces = list(cues)
        tiny = sk == "compact" and rng.random() < 0.35
        if tiny:
            self.email = None if self.phone_text else self.email
            short = sum(len(p) for p in pieces) + len(self.phone_text or self.email or "") < 40
            self.fill_pool = self.fill_pool[:1] if short else []
        fills = [self.style_fill(f) for f in self.fill_pool]
        rates = self.rates_line() if rng.random() < 0.6 and not tiny else None
        if rates:
            rates = self.case_fn(rates)
        contact = self.contact_line(short=tiny)
        if self.case == "upper":
            contact = self.upper_keep_contact(contact)
        elif self.case == "lower":
            contact = contact.lower()

        def est():
            return sum(len(p) + 2 for p in pieces) + len(contact) + (len(rates) if rates else 0)
        # interleave fillers until the target length
        fi = 0
        while est() < target and fi < len(fills):
            pos = rng.randint(0, len(pieces))
            pieces.insert(pos, fills[fi])
            fi += 1
        long_pars = []
        if sk in ("long", "long_reversed") or (est() < target and target > 900):
            if self.profile == "genuine_personal":
                pool = DATING_LONG
            elif self.category in ("escort", "dating"):
                pool = POLICY_PARAGRAPHS
            else:
                pool = POLICY_PARAGRAPHS_SPA if self.category == "massage" else ORD_LONG
            pool = partition(pool, self.variant)
            rng.shuffle(pool)
            for par in pool:
                if est() + sum(len(x) for x in long_pars) >= target:
                    break
                long_pars.append(par)
            if self.lang == "es":
                long_pars = []
        emo = self.emoji

        def deco(s):
            if emo and rng.random() < 0.35:
                e = rng.choice(emo)
                return f"{s} {e}" if rng.random() < 0.7 else f"{e} {s}"
            return s

        def sentence(s):
            s = s.strip()
            if self.case == "normal":
                s = cap_first(s)
            if s and s[-1] not in ".!?" and not (ord(s[-1]) > 0x2000):
                s += rng.choice([".", ".", "!", "!!", "", "..."])
            return deco(s)

        blocks = []
        if sk in ("narrative", "long", "contact_first", "long_reversed", "hashtags"):
            sents = [sentence(p) for p in pieces]
            # split into paragraphs of 2-5 sentences
            pars, cur = [], []
            for s_ in sents:
                cur.append(s_)
                if len(cur) >= rng.randint(2, 5):
                    pars.append(cur)
                    cur = []
            if cur:
                pars.append(cur)
            for par in pars:
                blocks.append(("p", par))
            for par in long_pars:
                blocks.append(("p", [par]))
            if sk == "long_reversed":
                blocks.reverse()
            if rates:
                blocks.append(("p", [rates]))
            if contact:
                if sk == "contact_first":
                    blocks.insert(0, ("p", [contact]))
                else:
                    blocks.append(("p", [contact]))
            if sk == "hashtags":
                tags = ["#" + re.sub(r"\W", "", self.city.lower()), "#" + self.name.lower()]
                tags += rng.sample(["#relax", "#vip", "#classy", "#tonight", "#weekend", "#friendly", "#local",
                                    "#discreet", "#newpost", "#deal"], 3)
                blocks.append(("p", [" ".join(tags)]))
        elif sk in ("bullets", "numbered", "pipes", "qa", "dialogue"):
            lines = [(cap_first(p) if self.case == "normal" else p) for p in pieces]
            if sk == "bullets":
                b = rng.choice(BULLETS[self.variant])
                lines = [f"{b} {deco(x)}" for x in lines]
            elif sk == "numbered":
                lines = [f"{i + 1}) {x}" for i, x in enumerate(lines)]
            elif sk == "pipes":
                lines = [" | ".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]
            elif sk == "qa":
                heads = ["About me:", "What to expect:", "Details:", "Good to know:", "Also:"]
                lines = [f"{heads[min(i, len(heads) - 1)]} {x}" if i < 5 and rng.random() < 0.7 else x
                         for i, x in enumerate(lines)]
            elif sk == "dialogue":
                qs = ["Who am I?", "What do I offer?", "Why me?", "Anything else?", "So?"]
                out = []
                for i, x in enumerate(lines):
                    if i < len(qs) and rng.random() < 0.6:
                        out.append(qs[i])
                    out.append(x)
                lines = out
            if rates:
                lines.append(("Rates: " if sk == "qa" else "") + rates)
            blocks.append(("lines", lines))
            for par in long_pars:
                blocks.append(("p", [par]))
            if contact:
                blocks.append(("lines", [("Contact: " if sk == "qa" else "") + contact]))
        elif sk == "shouty":
            sep = rng.choice([" *** ", " ~ ", " !! ", " ** ", " ... "])
            text = sep.join(deco(p) for p in pieces)
            blocks.append(("p", [text]))
            if rates:
                blocks.append(("p", [rates]))
            if contact:
                blocks.append(("p", [contact]))
        else:  # compact
            text = ", ".join(pieces) if pieces else ""
            tail = " ".join(x for x in [text and sentence(text), rates if rng.random() < 0.5 else None, contact] if x)
            blocks.append(("p", [tail]))
        return blocks

    def upper_keep_contact(self, s):
        keep = [t for t in (self.email,) if t]
        out = s.upper()
        for k in keep:
            out = out.replace(k.upper(), k)
        return out

    def target_length(self):
        rng = self.rng
        if self.skeleton == "compact":
            return rng.randint(40, 220)
        if self.skeleton in ("long", "long_reversed"):
            return rng.randint(1200, 2800)
        x = math.exp(rng.gauss(math.log(480 if self.adult else 380), 0.7))
        return int(min(2600, max(90, x)))

    def build_title(self, cue_texts):
        """Title from the ad's own (unstyled) cue phrases; casing first, then look-alike letters."""
        rng = self.rng
        cat = self.category
        if self.profile == "ordinary":
            if self.lang == "es":
                t = self.fill(rng.choice(partition(ES_ORD_TITLES, self.variant))) or "Se vende"
            else:
                t = self.fill(rng.choice(partition(ORDINARY[self.subtype][0], self.variant))) or "For sale"
            if self.subtype in ("items", "vehicles") and rng.random() < 0.6 and "$" not in t:
                t += f" - ${rng.randint(2, 90) * (100 if self.subtype == 'vehicles' else 10)}"
            return t
        if self.profile == "recruitment_lure":
            return rng.choice(partition(LURE_TITLES, self.variant))
        if self.profile == "genuine_personal":
            t = rng.choice(partition(GENUINE_TITLES, self.variant))
            return f"{t} - {self.age}" if rng.random() < 0.6 else t
        bits = [c for c in cue_texts if len(c) <= 34]
        rng.shuffle(bits)
        bits = bits[:rng.choice([0, 1, 1, 2, 2, 3])]
        fill_pool = partition(ES_TITLE_FILL, self.variant) if self.lang == "es" else partition(ADULT_TITLE_FILL[cat], self.variant)
        if not bits or rng.random() < 0.4:
            bits.append(self.fill(rng.choice(fill_pool)) or "Sweet and Classy")
        sep = rng.choice([", ", " ~ ", " * ", " | ", " ", "!! "])
        t = sep.join(bits)
        if rng.random() < 0.5:
            t = title_case(t) if rng.random() < 0.6 else t.upper()
        if self.emoji and rng.random() < 0.6:
            e = rng.choice(self.emoji)
            t = f"{e} {t} {e}" if rng.random() < 0.5 else f"{t} {e}"
        if self.homoglyph and rng.random() < 0.5:
            t = math_bold(t) if rng.random() < 0.3 else homoglyph_text(t, rng, 0.6, 0.7)
            if "homoglyph" not in self.style:
                self.style.append("homoglyph")
        if self.category == "escort" or rng.random() < 0.6:
            t += f" - {self.age}"
        return t

    def build_attrs(self):
        """Attribute rows of the ad's own table (HTML), consistent with the cues already written."""
        rng = self.rng
        rows = []
        if self.adult and self.profile not in ("licensed_spa",):
            if self.profile != "genuine_personal" or rng.random() < 0.7:
                rows.append(("Age", str(self.age)))
            if "ethnicity_stated" in self.cues and rng.random() < 0.7:
                rows.append(("Ethnicity", self.eth))
            if "incall_outcall" in self.cues and rng.random() < 0.6:
                rows.append(("Incall", "Yes"))
                if rng.random() < 0.6:
                    rows.append(("Outcall", "Yes"))
            if "availability_24_7" in self.cues and rng.random() < 0.4:
                rows.append(("Availability", "24/7"))
            rows.append(("Hair", self.slots["hair"]))
            rows.append(("Height", self.slots["height"]))
        elif self.profile == "licensed_spa":
            rows.append(("Hours", "9am - 8pm"))
            rows.append(("License", f"LMT #{self.slots['lic']}"))
        elif self.subtype == "vehicles":
            rows += [("Condition", rng.choice(["good", "excellent", "fair"])), ("Title", "clean"),
                     ("Odometer", f"{self.slots['miles']},000")]
        elif self.subtype == "housing":
            rows += [("Bedrooms", str(rng.randint(1, 3))), ("Laundry", rng.choice(["in unit", "in bldg", "none"]))]
        elif self.subtype == "jobs":
            rows += [("Compensation", f"${self.slots['wage']}/hr"), ("Employment", rng.choice(["full time", "part time"]))]
        else:
            rows += [("Condition", rng.choice(["like new", "good", "used"]))]
        rows.append(("Location", f"{self.city}, {self.area}"))
        return rows

    def body_text(self):
        """The ad's own body as plain text (paragraph blocks joined by blank lines)."""
        out = []
        for kind, items in self.body_blocks:
            out.append(" ".join(items) if kind == "p" else "\n".join(items))
        return "\n\n".join(out)

# ------------------------------------------------------------------------------------------------------------
# Page chrome: other ads' titles (sidebars), scripts, comments, footers. Independent of the ad's label.
# ------------------------------------------------------------------------------------------------------------

SCRIPTS = {
    "train": [
        'var promos = ["Young new in town girls - upgrade to VIP", "Available 24/7? Bump your ad to the top", '
        '"Leaving soon? Renew now"];\nfunction rotate(i){var el=document.getElementById("promo");'
        'if(el){el.textContent=promos[i%promos.length];}setTimeout(function(){rotate(i+1);},5000);}',
        'window.adConfig = {"cat": "%CAT%", "city": "%CITY%", "kw": "young, fresh, new in town, 24/7, incall, '
        'asian, 100% real"};',
        'gtag("event", "page_view", {"label": "hotel incall sweet young latina no games"});\n'
        'document.documentElement.className += " js";',
        '(function(){var t="Ask for Mommy - two girl special - party friendly";window.__tagline=t;})();',
    ],
    "holdout": [
        'const banner = {text: "Brand new girls every week - just turned 18 specials", rotate: true};\n'
        'window.addEventListener("load", () => console.log(banner.text));',
        'dataLayer.push({"ad_tags": ["petite", "visiting", "outcall", "no cops", "ebony"]});',
        'var upsell = "Fresh faces sell faster: feature your ad (24 hrs)";',
    ],
}
COMMENTS = {
    "train": ["<!-- sponsored slot: sweet young new in town, sold through 2024-06 -->",
              "<!-- legacy header; A/B test 'young professionals' copy -->",
              "<!-- ad slot 3: hotel incall 24/7 premium -->",
              "<!-- footer: legal text managed by compliance, do not edit -->"],
    "holdout": ["<!-- promo: brand new girls, leaving soon -->",
                "<!-- cache: listing rendered by template v7 (teen-safe filter on) -->",
                "<!-- tracking pixel for 'asian massage 24/7' campaign -->"],
}
FOOTERS = {
    "adult": ["All models are 18+. This site is an advertising platform only.",
              "We cooperate with law enforcement. Ads involving minors or human trafficking are removed and reported.",
              "By entering you confirm you are 18 or older.",
              "Advertisers are independent adults and set their own rates."],
    "general": ["Users must be 18+ to post.", "We cooperate with law enforcement on illegal listings.",
                "Never wire money to strangers. Report scams.", "Report abuse · Terms · Privacy"],
}


def sidebar_titles(rng, variant, category, k):
    out = []
    fams = [f for f in CUE_EN if f not in ("underage_age", "obfuscated_phone")]
    for _ in range(k):
        adultish = category != "other" or rng.random() < 0.25
        if adultish:
            bits = []
            for _ in range(rng.randint(1, 3)):
                pool = partition(CUE_EN[rng.choice(fams)], variant)
                txt = rng.choice(pool)[0]
                txt = SLOT_RE.sub(lambda m: {"name": rng.choice(STAGE_NAMES), "eth": rng.choice(ETHNICITIES),
                                             "eth2": rng.choice(ETHNICITIES), "city": rng.choice(CITIES)[1],
                                             "young_age": "18", "minor_age": "18", "flag": "🌹",
                                             "country": rng.choice(COUNTRIES)}.get(m.group(1), "VIP"), txt)
                if txt not in bits:
                    bits.append(txt)
            t = title_case(" ".join(bits))
            if rng.random() < 0.5:
                t += " " + rng.choice(["💋", "👑", "🌹", "🔥", "🍭", "🍒"])
            t += f" - {rng.randint(18, 34)}"
        else:
            sub = weighted(rng, ORDINARY_SUBTYPES)
            t = rng.choice(ORDINARY[sub][0])
            t = SLOT_RE.sub(lambda m: {"area": "Downtown", "street": rng.choice(STREETS), "wage": "18",
                                       "rent": "1,200", "miles": "88", "pname": "Sam", "city": "town"}.get(
                m.group(1), ""), t)
        out.append(t)
    return out


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def posted_date(rng):
    d = datetime.datetime(2023, 1, 1) + datetime.timedelta(minutes=rng.randint(0, 730 * 24 * 60))
    return d


def body_html(ad, rng, list_mode="ul", messy=False):
    parts = []
    for kind, items in ad.body_blocks:
        if kind == "p":
            inner = esc(" ".join(items))
            if messy:
                inner = inner.replace("'", "&#x27;").replace('"', "&quot;")
                if rng.random() < 0.3:
                    inner = inner.replace(" ", "&nbsp;", 2)
                parts.append(f"<P>{inner}" + ("" if rng.random() < 0.5 else "</P>"))
            else:
                parts.append(f"<p>{inner}</p>")
        else:
            if list_mode == "ul":
                lis = "".join(f"<li>{esc(x)}</li>" for x in items)
                parts.append(f"<ul>{lis}</ul>")
            else:
                parts.append("<p>" + "<br>\n".join(esc(x) for x in items) + "</p>")
    return "\n".join(parts)


def hidden_span(ad, rng):
    if rng.random() < 0.25:
        areas = next(c[2] for c in CITIES if c[1] == ad.city)
        return f'<span style="display:none">{esc(ad.city.lower())} {esc(" ".join(a.lower() for a in areas))}</span>'
    return ""


def head(ad, rng, site, title_suffix, css, script, extra_meta=""):
    body = ad.body_text().replace("\n", " ")
    desc = attr(body if len(body) <= 150 else body[:150].rsplit(" ", 1)[0] + " ...")
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n{extra_meta}'
            f"<title>{esc(ad.title)} | {esc(title_suffix)}</title>\n"
            f'<meta name="description" content="{desc}">\n'
            f'<meta property="og:title" content="{attr(ad.title)}">\n'
            f'<meta property="og:url" content="{attr(ad.url)}">\n'
            f'<meta property="og:site_name" content="{site}">\n'
            f"<style>{css}</style>\n<script>{script}</script>\n</head>\n")


def attrs_table(ad, cls, th=False):
    cell = "th" if th else "td"
    rows = "".join(f"<tr><{cell}>{esc(k)}</{cell}><td>{esc(v)}</td></tr>" for k, v in ad.attrs)
    return f'<table class="{cls}">{rows}</table>'


def script_text(ad, rng):
    return rng.choice(SCRIPTS[ad.variant]).replace("%CAT%", ad.category).replace("%CITY%", ad.ckey)


def footer_lines(ad, rng, k=3):
    pool = FOOTERS["adult" if ad.adult else "general"]
    return rng.sample(pool, min(k, len(pool)))


CAT_LABEL = {"escort": "Escorts", "massage": "Body Rubs", "dating": "Personals", "other": "Classifieds"}
OTHER_LABEL = {"jobs": "Jobs", "housing": "Housing", "vehicles": "Cars & Trucks", "items": "For Sale",
               "services": "Services", "lost": "Lost & Found", "events": "Events", "pets": "Pets"}


def cat_label(ad):
    return OTHER_LABEL.get(ad.subtype, "Jobs") if ad.category == "other" else CAT_LABEL[ad.category]


# ---- train layouts --------------------------------------------------------------------------------------------

def lay_afterhours(ad, rng):
    css = ("body{font-family:Verdana,sans-serif;background:#1b1b22;color:#eee;margin:0}#layout{display:flex}"
           "#main{flex:3;padding:16px}.sidebar{flex:1;background:#24242e}.posting-title{color:#ffd6ec}")
    side = "".join(f'<li><a href="/{ad.ckey}/{ad.post_id - i - 3}">{esc(t)}</a></li>'
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 7))))
    foot = "".join(f"<p>{esc(x)}</p>" for x in footer_lines(ad, rng))
    return (head(ad, rng, "AfterHours", f"AfterHours {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n{rng.choice(COMMENTS[ad.variant])}\n<header class="topbar"><span class="logo">AfterHours</span>'
            f'<span id="promo"></span><nav class="cities"><a href="/lasvegas/">Las Vegas</a> <a href="/miami/">Miami</a> '
            f'<a href="/houston/">Houston</a> <a href="/post/">Post an Ad</a></nav></header>\n'
            f'<nav class="breadcrumb"><a href="/">AfterHours</a> &raquo; {esc(ad.city)} &raquo; {esc(cat_label(ad))}</nav>\n'
            f'<div id="layout"><div id="main">\n<h1 class="posting-title">{esc(ad.title)}</h1>\n'
            f'<p class="posted">Posted: {ad.date.strftime("%A, %B %d, %Y %I:%M %p")} &middot; {esc(ad.city)}</p>\n'
            f'<div id="postingbody">\n{body_html(ad, rng, "br")}\n</div>\n{attrs_table(ad, "attrs")}\n'
            f'{hidden_span(ad, rng)}<div class="gallery"><img src="https://afterhours.example.com/img/{ad.post_id}/1.jpg" alt="photo 1">'
            f'<img src="https://afterhours.example.com/img/{ad.post_id}/2.jpg" alt="photo 2"></div>\n'
            f'<p class="post-meta">Post ID: {ad.post_id} &middot; <a href="/report/{ad.post_id}">Report this ad</a></p>\n'
            f'</div>\n<div class="sidebar"><h3>Related ads</h3><ul>{side}</ul></div></div>\n'
            f"<footer>{foot}</footer>\n</body>\n</html>\n")


def lay_gildedroom(ad, rng):
    css = (".site-header{background:#000;color:gold}.wrap{display:grid;grid-template-columns:3fr 1fr}"
           ".profile-text p{line-height:1.5}.other-ads .card{margin:6px 0}")
    cards = "".join(f'<div class="card"><a href="/{ad.ckey}/profile/gr-{ad.post_id % 9000 + i}">{esc(t)}</a></div>'
                    for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 6))))
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage", "name": "GildedRoom",
                     "description": "new in town models, young and fresh, 24/7 VIP booking"})
    foot = "".join(f"<p>{esc(x)}</p>" for x in footer_lines(ad, rng))
    return (head(ad, rng, "GildedRoom", f"GildedRoom {ad.city}", css, script_text(ad, rng),
                 extra_meta=f'<script type="application/ld+json">{ld}</script>\n') +
            f'<body>\n<header class="site-header"><div class="brand">GILDEDROOM</div><nav class="main-menu">'
            f'<a href="/{ad.ckey}/">Companions</a> <a href="/{ad.ckey}/new-arrivals/">New Arrivals</a> '
            f'<a href="/vip/">VIP Gallery</a> <a href="/booking/">Booking</a></nav></header>\n'
            f'{rng.choice(COMMENTS[ad.variant])}\n<div class="wrap">\n<main class="profile" id="profile-gr-{ad.post_id}">\n'
            f'<h1>{esc(ad.title)}</h1>\n<div class="profile-text">\n{body_html(ad, rng, "ul")}\n</div>\n'
            f'{attrs_table(ad, "profile-stats", th=True)}\n'
            f'<div class="photos"><img src="https://gildedroom.example.com/media/{ad.post_id}/1.jpg" alt="{attr(ad.name)}"></div>\n'
            f'</main>\n<div class="other-ads"><h4>Other ads in {esc(ad.city)}</h4>{cards}</div>\n</div>\n'
            f'<footer class="site-footer">{foot}<p><a href="/report-abuse">Report abuse</a> | <a href="/terms">Terms</a></p>'
            f"</footer>\n</body>\n</html>\n")


def lay_spalocator(ad, rng):
    css = "#hdr{background:#0a5}.listing{padding:12px}.similar-listings{font-size:13px}.biz-info td{padding:2px 8px}"
    sims = "".join(f'<li><a href="/l/{ad.post_id + i + 1}">{esc(t)}</a></li>'
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 6))))
    stars = "&#9733;" * rng.randint(2, 5)
    foot = " ".join(esc(x) for x in footer_lines(ad, rng, 2))
    return (head(ad, rng, "SpaLocator", f"SpaLocator {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n<header id="hdr"><span class="logo">SpaLocator</span><nav id="topnav"><a href="/">Home</a> '
            f'<a href="/{ad.ckey}/">{esc(ad.city)}</a> <a href="/add">Add your spa</a></nav></header>\n'
            f'<div class="listing" id="listing-{ad.post_id}">\n<h2>{esc(ad.title)}</h2>\n'
            f'<p class="stars">{stars} ({rng.randint(0, 90)} reviews)</p>\n<div class="desc">\n'
            f'{body_html(ad, rng, "ul", messy=rng.random() < 0.3)}\n</div>\n{attrs_table(ad, "biz-info")}\n</div>\n'
            f'{rng.choice(COMMENTS[ad.variant])}\n'
            f'<div class="similar-listings"><h3>Similar listings nearby</h3><ul>{sims}</ul></div>\n'
            f'<footer id="ftr"><p>{foot}</p></footer>\n</body>\n</html>\n')


def lay_heartsmeet(ad, rng):
    css = ".hm-header{background:#c36}.page{display:flex}.profile-card{flex:3}aside{flex:1}.mini{display:block}"
    minis = "".join(f'<a class="mini" href="/profiles/{ad.post_id - i - 1}">{esc(t)}</a>'
                    for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(3, 6))))
    foot = " ".join(esc(x) for x in footer_lines(ad, rng, 2))
    return (head(ad, rng, "HeartsMeet", "HeartsMeet", css, script_text(ad, rng)) +
            f'<body>\n<header class="hm-header"><span class="logo">HeartsMeet</span><nav class="hm-nav">'
            f'<a href="/browse">Browse</a> <a href="/events">Events</a> <a href="/login">Log in</a></nav></header>\n'
            f'<div class="page">\n<section class="profile-card">\n<h1>{esc(ad.title)}</h1>\n'
            f'<p class="tagline">{esc(ad.city)} &middot; online {rng.randint(1, 12)} hours ago</p>\n'
            f'<div class="about">\n{body_html(ad, rng, "br")}\n</div>\n{attrs_table(ad, "facts")}\n'
            f'<p><button class="msg-btn" type="button">Send {esc(ad.name)} a message</button></p>\n</section>\n'
            f'<aside><h4>Suggested profiles</h4>{minis}</aside>\n</div>\n{rng.choice(COMMENTS[ad.variant])}\n'
            f'<footer class="hm-footer"><p>{foot}</p></footer>\n</body>\n</html>\n')


def lay_townpost(ad, rng):
    css = ("body{font-family:Arial,sans-serif;font-size:14px}.content{display:flex}.posting{flex:3}"
           "#related-ads{flex:1;border-left:1px solid #ddd}.price{color:#080}")
    rel = "".join(f'<li><a href="/{ad.ckey}/{ad.post_id - 7 * (i + 1)}">{esc(t)}</a></li>'
                  for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(3, 6))))
    foot = " · ".join(esc(x) for x in footer_lines(ad, rng, 3))
    return (head(ad, rng, "TownPost", f"TownPost {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n{rng.choice(COMMENTS[ad.variant])}\n<header id="tp-header"><span class="logo">TownPost</span>'
            f'<nav class="tp-menu"><a href="/{ad.ckey}/">{esc(ad.city.lower())}</a> <a href="/forsale/">for sale</a> '
            f'<a href="/housing/">housing</a> <a href="/jobs/">jobs</a> <a href="/post">post</a></nav></header>\n'
            f'<nav class="crumbs"><a href="/{ad.ckey}/">{esc(ad.city.lower())}</a> &gt; {esc(cat_label(ad).lower())}</nav>\n'
            f'<div class="content">\n<section class="posting">\n<h1>{esc(ad.title)} <small>({esc(ad.area)})</small></h1>\n'
            f'<div id="postingbody">\n{body_html(ad, rng, "br")}\n</div>\n{attrs_table(ad, "attrgroup")}\n'
            f'<p class="postinginfo">post id: {ad.post_id} · posted: {ad.date.strftime("%Y-%m-%d %H:%M")} · '
            f'<a href="/flag/{ad.post_id}">prohibited</a></p>\n</section>\n'
            f'<div id="related-ads"><h4>Related ads</h4><ul>{rel}</ul></div>\n</div>\n'
            f'<footer id="tp-footer"><p>{foot}</p></footer>\n</body>\n</html>\n')


def lay_metroads(ad, rng):
    """Old table layout, uppercase tags, unclosed cells, entities: messy on purpose."""
    side = "".join(f"<LI><A HREF=\"/{ad.ckey}/{ad.post_id + i}\">{esc(t)}</A>"
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 7))))
    cats = " | ".join(f'<A HREF="/{c.lower()}/">{c}</A>' for c in ["Escorts", "Body Rubs", "Dating", "Jobs", "For Sale"])
    rows = "".join(f"<TR><TD>{esc(k)}<TD>{esc(v)}" for k, v in ad.attrs)
    foot = "<BR>".join(esc(x) for x in footer_lines(ad, rng, 3))
    meta = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">\n' if rng.random() < 0.15 else ""
    return (f'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<HTML>\n<HEAD>\n{meta}'
            f"<TITLE>{esc(ad.title)} - {esc(ad.city)} {esc(cat_label(ad))} - MetroAds</TITLE>\n"
            f"<SCRIPT LANGUAGE=\"JavaScript\">{script_text(ad, rng)}</SCRIPT>\n</HEAD>\n"
            f'<BODY BGCOLOR="#FFFFFF">\n{rng.choice(COMMENTS[ad.variant])}\n'
            f'<DIV CLASS="navbar">MetroAds &gt; {esc(ad.city)} &gt; {cats}</DIV>\n'
            f'<TABLE WIDTH="100%" BORDER=0><TR>\n<TD CLASS="sidebar-left" WIDTH="22%" VALIGN="top"><B>Other ads</B><UL>{side}</UL>\n'
            f'<TD VALIGN="top">\n<FONT SIZE="+2"><B>{esc(ad.title)}</B></FONT><BR>\n'
            f'<FONT SIZE="-1">Posted: {ad.date.strftime("%m/%d/%Y %I:%M %p")}</FONT>\n'
            f'<DIV CLASS="adtext">\n{body_html(ad, rng, "br", messy=True)}\n</DIV>\n'
            f'<TABLE CLASS="details">{rows}</TABLE>\n{hidden_span(ad, rng)}'
            f'<P>Post ID: {ad.post_id}\n</TABLE>\n</DIV>\n'
            f'<DIV CLASS="footer"><FONT SIZE="-2">{foot}</FONT></DIV>\n</BODY>\n</HTML>\n')


def lay_localpages(ad, rng):
    css = "main{display:grid;grid-template-columns:1fr 300px}.ad-facts dt{font-weight:bold}.recommended a{display:block}"
    rec = "".join(f'<a href="/ad/{ad.post_id + 11 * (i + 1)}">{esc(t)}</a>'
                  for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(3, 6))))
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in ad.attrs)
    ld = json.dumps({"@context": "https://schema.org", "@type": "Offer", "name": "listing", "areaServed": ad.city,
                     "keywords": "fresh, young, 24/7, visiting, real pics"})
    foot = "".join(f"<li>{esc(x)}</li>" for x in footer_lines(ad, rng, 3))
    return (head(ad, rng, "LocalPages", f"LocalPages · {ad.city}", css, script_text(ad, rng),
                 extra_meta=f'<script type="application/ld+json">{ld}</script>\n') +
            f'<body>\n<header class="page-header"><a class="brand" href="/">LocalPages</a>'
            f'<nav><a href="/{ad.ckey}/">{esc(ad.city)}</a> <a href="/{ad.ckey}/{ad.category}/">{esc(cat_label(ad))}</a> '
            f'<a href="/new">Post</a></nav></header>\n<main>\n<article class="ad">\n<h1 class="ad-title">{esc(ad.title)}</h1>\n'
            f'<time datetime="{ad.date.isoformat()}">{ad.date.strftime("%b %d, %Y")}</time>\n'
            f'<div class="ad-body">\n{body_html(ad, rng, rng.choice(["ul", "br"]))}\n</div>\n'
            f'<dl class="ad-facts">{facts}</dl>\n</article>\n'
            f'<aside class="recommended"><h2>You may also like</h2>{rec}</aside>\n</main>\n'
            f'{rng.choice(COMMENTS[ad.variant])}\n<footer><ul>{foot}</ul></footer>\n</body>\n</html>\n')


# ---- holdout layouts ------------------------------------------------------------------------------------------

def lay_lunapages(ad, rng):
    css = ".top-menu{display:flex}.listing-detail{max-width:760px}.you-may-also-like li{list-style:none}"
    ymal = "".join(f"<li><a href=\"/p/{ad.post_id + i * 3}\">{esc(t)}</a></li>"
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 6))))
    facts = "".join(f"<li><span>{esc(k)}:</span> {esc(v)}</li>" for k, v in ad.attrs)
    foot = "".join(f"<small>{esc(x)}</small><br>" for x in footer_lines(ad, rng, 2))
    return (head(ad, rng, "LunaPages", f"LunaPages – {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n<div id="app">\n<div class="top-menu"><a href="/">LunaPages</a><a href="/{ad.ckey}">{esc(ad.city)}</a>'
            f'<a href="/favorites">Favorites</a></div>\n{rng.choice(COMMENTS[ad.variant])}\n'
            f'<section class="listing-detail">\n<h2 class="listing-title">{esc(ad.title)}</h2>\n'
            f'<div class="listing-copy">\n{body_html(ad, rng, "ul")}\n</div>\n<ul class="facts">{facts}</ul>\n</section>\n'
            f'<div class="you-may-also-like"><h3>You may also like</h3><ul>{ymal}</ul></div>\n'
            f'<div class="site-footer-disclaimer">{foot}</div>\n</div>\n</body>\n</html>\n')


def lay_swapmeet(ad, rng):
    css = ".masthead{background:#234}.post{padding:10px}.widget{border:1px solid #ccc;margin:8px}"
    recent = "".join(f"<p><a href=\"/item/{ad.post_id - i}\">{esc(t)}</a></p>"
                     for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(3, 6))))
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in ad.attrs)
    foot = " ".join(esc(x) for x in footer_lines(ad, rng, 2))
    return (head(ad, rng, "SwapMeet", f"SwapMeet {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n<div class="masthead">SwapMeet · {esc(ad.city)} · <a href="/sell">Sell</a></div>\n'
            f'<div class="post">\n<h1>{esc(ad.title)}</h1>\n<div class="post-text">\n{body_html(ad, rng, "br")}\n</div>\n'
            f'<dl>{dl}</dl>\n<p>Listing #{ad.post_id}</p>\n</div>\n{rng.choice(COMMENTS[ad.variant])}\n'
            f'<div class="widget recent-ads"><h4>Recent ads</h4>{recent}</div>\n'
            f'<div class="disclaimer">{foot}</div>\n</body>\n</html>\n')


def lay_nocturne(ad, rng):
    css = ".navbar{background:#111}.card-main{padding:20px}#more-from-user a{display:block}"
    more = "".join(f'<a href="/u/{ad.post_id % 777}/{i}">{esc(t)}</a>'
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(3, 5))))
    foot = " ".join(esc(x) for x in footer_lines(ad, rng, 3))
    return (head(ad, rng, "Nocturne", f"Nocturne {ad.city}", css, script_text(ad, rng)) +
            f'<body>\n<div class="navbar"><a href="/">NOCTURNE</a> <a href="/{ad.ckey}/">{esc(ad.city)}</a> '
            f'<a href="/new-today">New today</a></div>\n<div class="card-main">\n<h1>{esc(ad.title)}</h1>\n'
            f'<div class="bio">\n{body_html(ad, rng, "br", messy=rng.random() < 0.4)}\n</div>\n'
            f'{attrs_table(ad, "details", th=True)}\n{hidden_span(ad, rng)}</div>\n'
            f'<div id="more-from-user"><h4>More from this advertiser</h4>{more}</div>\n'
            f'{rng.choice(COMMENTS[ad.variant])}\n<div class="footer-legal">{foot}</div>\n</body>\n</html>\n')


def lay_oldtown(ad, rng):
    side = "".join(f"<TR><TD><A HREF=\"/a/{ad.post_id + i}\">{esc(t)}</A>"
                   for i, t in enumerate(sidebar_titles(rng, ad.variant, ad.category, rng.randint(4, 6))))
    rows = "".join(f"<TR><TD><B>{esc(k)}</B><TD>{esc(v)}" for k, v in ad.attrs)
    foot = " / ".join(esc(x) for x in footer_lines(ad, rng, 2))
    return (f"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">\n"
            f"<TITLE>OldTown Board :: {esc(ad.title)}</TITLE>\n<SCRIPT>{script_text(ad, rng)}</SCRIPT></HEAD>\n"
            f"<BODY>\n<TABLE WIDTH=\"100%\"><TR><TD CLASS=\"side-bar\" VALIGN=\"TOP\" WIDTH=\"200\">"
            f"<TABLE CLASS=\"featured-ads\">{side}</TABLE>\n<TD VALIGN=\"TOP\">\n"
            f"<H2>{esc(ad.title)}</H2>\n<FONT FACE=\"Arial\">{body_html(ad, rng, 'br', messy=True)}</FONT>\n"
            f"<TABLE BORDER=1 CELLPADDING=2>{rows}</TABLE>\n</TABLE>\n{rng.choice(COMMENTS[ad.variant])}\n"
            f"<CENTER CLASS=\"footer\"><FONT SIZE=1>{foot}</FONT></CENTER>\n</BODY></HTML>\n")


HTML_LAYOUTS = {
    "train": [("afterhours", lay_afterhours, ("escort", "dating", "massage")),
              ("gildedroom", lay_gildedroom, ("escort", "massage")),
              ("spalocator", lay_spalocator, ("massage",)),
              ("heartsmeet", lay_heartsmeet, ("dating",)),
              ("townpost", lay_townpost, ("other", "dating")),
              ("metroads", lay_metroads, ("escort", "massage", "dating", "other")),
              ("localpages", lay_localpages, ("escort", "massage", "dating", "other"))],
    "holdout": [("lunapages", lay_lunapages, ("escort", "massage", "dating")),
                ("swapmeet", lay_swapmeet, ("other", "dating")),
                ("nocturne", lay_nocturne, ("escort", "massage")),
                ("oldtown", lay_oldtown, ("escort", "massage", "dating", "other"))],
}
HOSTS = {"afterhours": "afterhours", "gildedroom": "gildedroom", "spalocator": "spalocator",
         "heartsmeet": "heartsmeet", "townpost": "townpost", "metroads": "metroads", "localpages": "localpages",
         "lunapages": "lunapages", "swapmeet": "swapmeet", "nocturne": "nocturne", "oldtown": "oldtown"}


# ---- text dumps -------------------------------------------------------------------------------------------------

def txt_backpage(ad, rng):
    site = rng.choice(["cityads", "metroads", "afterhours"])
    pad = " " * rng.randint(3, 12)
    lines = [f"{ad.title}{pad}{ad.title}" if rng.random() < 0.5 else ad.title,
             f"{pad}Posted:{pad}{ad.date.strftime('%A, %B %d, %Y %I:%M %p')}{pad}", "", ad.body_text(), ""]
    if ad.adult:
        lines.append(f"{pad}Poster's age: {ad.age}{pad}")
    lines.append(f"{pad}Location:{pad}{ad.city}, {ad.area}{pad}")
    lines.append(f"{pad}Post ID: {ad.post_id} {ad.ckey}{pad}")
    if rng.random() < 0.3:
        lines.append(f"{pad}Other ads by this user:{pad}{ad.title} - {ad.city} {cat_label(ad).lower()} - {site}")
    return "\n".join(lines)


def txt_plain(ad, rng):
    return f"{ad.title}\n\n{ad.body_text()}"


def txt_oneline(ad, rng):
    return re.sub(r"\s*\n+\s*", " ", f"{ad.title} {ad.body_text()} {ad.city}")


def txt_fields(ad, rng):
    body = ad.body_text().replace("\n", " ")
    out = [f"title: {ad.title}", f"city: {ad.city}", f"category: {cat_label(ad).lower()}"]
    if ad.adult and rng.random() < 0.7:
        out.append(f"age: {ad.age}")
    out.append(f"text: {body}")
    return "\n".join(out)


def txt_markdown(ad, rng):
    return (f"## {ad.title}\n\n*Posted {ad.date.strftime('%d %b %Y')} in {ad.city}*\n\n{ad.body_text()}\n\n"
            f"---\nListing {ad.post_id}")


def txt_wrapped(ad, rng):
    width = rng.randint(56, 72)
    out = [ad.title.upper() if rng.random() < 0.3 else ad.title, ""]
    for par in ad.body_text().split("\n\n"):
        line = ""
        for w in par.split():
            if len(line) + len(w) + 1 > width:
                out.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        out.append(line)
        out.append("")
    return "\n".join(out).strip()


def txt_scrape(ad, rng):
    return (f"< Back to results   |   Save   |   Share   |   Report ad\n{ad.title}\n{ad.city} · {ad.area}\n\n"
            f"{ad.body_text()}\n\nAd #{ad.post_id} · viewed {rng.randint(20, 900)} times")


TEXT_LAYOUTS = {
    "train": [("dump-backpage", txt_backpage, 0.35), ("dump-plain", txt_plain, 0.30),
              ("dump-oneline", txt_oneline, 0.20), ("dump-fields", txt_fields, 0.15)],
    "holdout": [("dump-markdown", txt_markdown, 0.35), ("dump-wrapped", txt_wrapped, 0.35),
                ("dump-scrape", txt_scrape, 0.30)],
}

# ------------------------------------------------------------------------------------------------------------
# Records
# ------------------------------------------------------------------------------------------------------------

PHONE_LIKE = re.compile(r"(?<![\d#])\(?(\d{3})\)?[\s.\-*~]{0,3}(\d{3})[\s.\-*~]{0,3}(\d{4})(?!\d)")
EMAIL_LIKE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
URL_LIKE = re.compile(r"https?://([^/\s\"'<>]+)")


def safety_check(content, rec_id):
    """Refuse to write anything that could be a real contact: phones must be NPA-555-01XX, emails and URLs
    must be example.com."""
    for m in PHONE_LIKE.finditer(content):
        a, b, c = ("".join(str(unicodedata.decimal(ch)) for ch in g) for g in m.groups())
        if b != "555" or not c.startswith("01"):
            raise SystemExit(f"{rec_id}: phone-like number that is not 555-01XX: {m.group(0)!r}")
    for m in EMAIL_LIKE.finditer(content):
        if m.group(1).lower() != "example.com":
            raise SystemExit(f"{rec_id}: email outside example.com: {m.group(0)!r}")
    for m in URL_LIKE.finditer(content):
        host = m.group(1).lower()
        if not (host == "example.com" or host.endswith(".example.com") or host == "schema.org"):
            raise SystemExit(f"{rec_id}: URL outside example.com: {m.group(0)!r}")


def make_record(idx, variant, seed, flipped):
    ad = Ad(idx, variant, seed)
    ad.build()
    rng = ad.rng
    ad.post_id = rng.randint(100000, 99999999)
    ad.date = posted_date(rng)
    prefix = "gen" if variant == "train" else "hold"
    rec_id = f"{prefix}-{idx + 1:06d}"
    rec = {"id": rec_id}
    if rng.random() < HTML_SHARE:
        options = [(name, fn) for name, fn, cats in HTML_LAYOUTS[variant] if ad.category in cats]
        name, fn = rng.choice(options)
        slug = cat_label(ad).lower().replace(" & ", "-").replace(" ", "-")
        ad.url = f"https://{HOSTS[name]}.example.com/{ad.ckey}/{slug}/{ad.post_id}"
        content = fn(ad, rng)
        rec["url"] = ad.url
        rec["html"] = content
        layout = name
    else:
        name, fn, _ = weighted(rng, [((n, f, w), w) for n, f, w in TEXT_LAYOUTS[variant]])
        content = fn(ad, rng)
        if rng.random() < 0.5:
            rec["url"] = f"https://dump.example.com/{ad.ckey}/{ad.post_id}"
        rec["text"] = content
        layout = name
    safety_check(content, rec_id)
    label = ad.label_clean
    if flipped:
        label = "benign" if label == "suspicious" else "suspicious"
    rec.update({
        "label": label, "category": ad.category, "layout": layout, "template": ad.template,
        "profile": ad.profile, "label_clean": ad.label_clean, "noise_flipped": flipped,
        "lang": ad.lang, "cues": sorted(ad.cues), "decoys": sorted(ad.decoys), "style": sorted(set(ad.style)),
        "ad_chars": len(ad.title) + 1 + len(ad.body_text()),
    })
    return rec


def generate(out_path, n, seed, variant, noise):
    k = int(round(noise * n))
    flips = set(random.Random(f"redflag-corpus/noise/{variant}/{seed}").sample(range(n), k))
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    records = []
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for i in range(n):
            rec = make_record(i, variant, seed, i in flips)
            f.write(json.dumps(rec, ensure_ascii=False, separators=(", ", ": ")) + "\n")
            records.append({k2: v for k2, v in rec.items() if k2 not in ("html", "text")})
    os.replace(tmp, out_path)
    return records


# ------------------------------------------------------------------------------------------------------------
# Stats
# ------------------------------------------------------------------------------------------------------------

def auc(scores, labels):
    """ROC-AUC with ties counted as 1/2 (labels are booleans)."""
    pairs = sorted(zip(scores, labels), key=lambda t: t[0])
    n_pos = sum(1 for _, y in pairs if y)
    n_neg = len(pairs) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    rank_sum, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2.0
        rank_sum += avg_rank * sum(1 for t in pairs[i:j] if t[1])
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def print_stats(records, out=sys.stdout):
    def p(*a):
        print(*a, file=out)
    n = len(records)
    labels = ["suspicious", "benign"]
    by_label = {l: [r for r in records if r["label"] == l] for l in labels}
    p(f"records: {n}")
    p("label counts: " + ", ".join(f"{l}={len(by_label[l])} ({100 * len(by_label[l]) / n:.1f}%)" for l in labels)
      + f"; noise-flipped={sum(1 for r in records if r['noise_flipped'])}")
    cats = ["escort", "massage", "dating", "other"]
    p("\nlabel x category:")
    p(f"{'':12}" + "".join(f"{c:>9}" for c in cats) + f"{'total':>9}")
    for l in labels:
        p(f"{l:12}" + "".join(f"{sum(1 for r in by_label[l] if r['category'] == c):>9}" for c in cats)
          + f"{len(by_label[l]):>9}")
    p(f"{'total':12}" + "".join(f"{sum(1 for r in records if r['category'] == c):>9}" for c in cats) + f"{n:>9}")
    profiles = [p_ for mix in PROFILE_MIX.values() for p_, _ in mix]
    p("\nprofiles: " + ", ".join(f"{pr}={sum(1 for r in records if r['profile'] == pr)}" for pr in profiles))
    layouts = sorted({r["layout"] for r in records})
    p("layouts: " + ", ".join(f"{lay}={sum(1 for r in records if r['layout'] == lay)}" for lay in layouts))
    html_n = sum(1 for r in records if not r["layout"].startswith("dump-"))
    p(f"html records: {html_n} ({100 * html_n / n:.1f}%), text records: {n - html_n}")
    p("languages: " + ", ".join(f"{lg}={sum(1 for r in records if r['lang'] == lg)}" for lg in ("en", "es", "mix")))
    styles = ["homoglyph", "leet", "spaced", "stretch", "misspell", "upper", "lower", "phone_obfuscated"]
    p("styles (share of ads): " + ", ".join(
        f"{s}={100 * sum(1 for r in records if s in r['style']) / n:.1f}%" for s in styles))
    lens = sorted(r["ad_chars"] for r in records)
    p(f"ad text length (title+body chars): min={lens[0]} p10={lens[n // 10]} median={lens[n // 2]} "
      f"p90={lens[9 * n // 10]} max={lens[-1]}")

    p("\nshare of ads containing a cue of each family (generator bookkeeping), by recorded label:")
    p(f"{'family':20}{'suspicious':>12}{'benign':>9}{'benign-adult':>14}{'P(susp|cue)':>13}{'recall':>8}{'F1':>7}")
    adult_benign = [r for r in by_label["benign"] if r["category"] != "other"]
    for fam in FAMILIES:
        s_ = sum(1 for r in by_label["suspicious"] if fam in r["cues"])
        b_ = sum(1 for r in by_label["benign"] if fam in r["cues"])
        ab = sum(1 for r in adult_benign if fam in r["cues"])
        prec = s_ / (s_ + b_) if s_ + b_ else float("nan")
        rec_ = s_ / len(by_label["suspicious"]) if by_label["suspicious"] else float("nan")
        f1 = 2 * prec * rec_ / (prec + rec_) if s_ else 0.0
        p(f"{fam:20}{100 * s_ / max(1, len(by_label['suspicious'])):>11.1f}%{100 * b_ / max(1, len(by_label['benign'])):>8.1f}%"
          f"{100 * ab / max(1, len(adult_benign)):>13.1f}%{prec:>13.2f}{rec_:>8.2f}{f1:>7.2f}")
    p("(P(susp|cue) and recall: predicting 'suspicious' whenever that one family is present.)")

    p("\ndecoys planted (look-alikes the lexicon should suppress), share of ads: " + ", ".join(
        f"{fam}={100 * sum(1 for r in records if fam in r['decoys']) / n:.1f}%"
        for fam in FAMILIES if any(fam in r["decoys"] for r in records)))

    y = [r["label"] == "suspicious" for r in records]
    y_clean = [r["label_clean"] == "suspicious" for r in records]
    p("\nranking baselines, ROC-AUC against recorded (noisy) labels [and against clean labels]:")
    p(f"  oracle (latent profile's label; the ceiling that label noise leaves): {auc([float(v) for v in y_clean], y):.3f}")
    strong = [float(sum(f in r["cues"] for f in STRONG_FOUR)) for r in records]
    p(f"  count of strong-four families present:    {auc(strong, y):.3f} [{auc(strong, y_clean):.3f}]")
    allc = [float(len([f for f in r["cues"] if f != "movement"]) - ("movement" in r["cues"])) for r in records]
    p(f"  count of families (movement counts -1):   {auc(allc, y):.3f} [{auc(allc, y_clean):.3f}]")
    for fam in FAMILIES:
        sc = [1.0 if fam in r["cues"] else 0.0 for r in records]
        a = auc(sc, y)
        p(f"  {fam + ' alone:':40} {a:.3f}")


def emission_table_markdown():
    short = {"youth": "youth", "underage_age": "u18", "third_party": "3rd", "multiple_providers": "multi",
             "restriction": "restr", "foreign": "foreign", "ethnicity_stated": "ethn", "trust_language": "trust",
             "obfuscated_phone": "obf", "movement": "move", "venue_hotel": "hotel", "incall_outcall": "in/out",
             "availability_24_7": "24/7", "law_enforcement": "LE", "drugs": "drugs", "risky_services": "risky"}
    head_ = "| profile | label | " + " | ".join(short[f] for f in FAMILIES) + " |"
    sep = "|---|---|" + "|".join("---:" for _ in FAMILIES) + "|"
    rows = [head_, sep]
    for prof in _EMISSION_ROWS:
        rows.append(f"| {prof} | {LABEL_OF[prof]} | " +
                    " | ".join(f"{EMISSION[prof][f]:.2f}".lstrip("0") if EMISSION[prof][f] else "0"
                               for f in FAMILIES) + " |")
    return "\n".join(rows)


# ------------------------------------------------------------------------------------------------------------
# CLI
# ------------------------------------------------------------------------------------------------------------

def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="output JSONL (default: corpus.jsonl, or holdout.jsonl with --holdout)")
    ap.add_argument("--n", type=int, help="number of records (default 6000, or 1500 with --holdout)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--variant", choices=["train", "holdout"], default=None)
    ap.add_argument("--holdout", action="store_true", help="same as --variant holdout")
    ap.add_argument("--noise", type=float, default=0.03, help="share of labels flipped (default 0.03)")
    ap.add_argument("--stats", action="store_true", help="print the self-check statistics after generating")
    ap.add_argument("--stats-only", metavar="JSONL", help="print statistics of an existing corpus file and exit")
    ap.add_argument("--table", action="store_true", help="print the emission table as Markdown and exit")
    args = ap.parse_args(argv)

    if args.table:
        print(emission_table_markdown())
        return 0
    if args.stats_only:
        with open(args.stats_only, encoding="utf-8") as f:
            recs = [json.loads(line) for line in f if line.strip()]
        print_stats(recs)
        return 0
    variant = "holdout" if args.holdout else (args.variant or "train")
    n = args.n if args.n is not None else (1500 if variant == "holdout" else 6000)
    out = args.out or os.path.join(here, "holdout.jsonl" if variant == "holdout" else "corpus.jsonl")
    recs = generate(out, n, args.seed, variant, args.noise)
    size = os.path.getsize(out)
    print(f"wrote {out}: {n} records, {size / 1e6:.1f} MB, variant={variant}, seed={args.seed}, "
          f"noise={args.noise}", file=sys.stderr)
    if args.stats:
        print_stats(recs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
