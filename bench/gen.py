#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Deterministic generator of news-like articles for the sckg benchmark.

    bench/gen.py --mb 200 --dir OUT        # about 200 MB of .txt files
    bench/gen.py --articles 200 --dir OUT  # exactly 200 articles
    bench/gen.py --mb 50 --jsonl OUT.jsonl # one JSON object per line

Every sentence is built from templates of this file, filled with the names,
aliases and demonyms of schema/actors.tsv, the trigger words of
schema/events.tsv (every `|` alternative, `*` filled with a word or two),
the nouns of schema/heads.tsv, the titles of schema/titles.tsv, the
personal names of schema/names.tsv, the phrases of schema/anaphors.tsv
and the credit marks of schema/publishers.tsv, so that the text exercises
the whole lexicon.

Article number i is drawn from its own random generator, seeded from --seed
and i, so the output depends only on the arguments (and the schema): the
same arguments give byte-identical output, and a smaller corpus is a prefix
of a larger one (the first articles are the same).

--dir writes OUT/0000/a0000000.txt, OUT/0000/a0000001.txt, ... at most
1,000 files a folder; each file starts with a ' date YYYY-MM-DD' line and
the headline. --jsonl writes one object per line with the fields id, date,
publisher, title, text (text: the body, without date line and headline).
Sizes are in MB of 10^6 bytes, counted on the bytes written; generation
stops at the first article that reaches the size. Articles are made by
--jobs processes (default: one per CPU); the output does not depend on it.

Only the Python 3 standard library is used.
"""

import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(os.path.dirname(HERE), "schema")

# --------------------------------------------------------------------------
# The lexicon, read from schema/

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July",
             "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_REUTERS = ["Jan", "Feb", "March", "April", "May", "June", "July",
                  "Aug", "Sept", "Oct", "Nov", "Dec"]


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def field_list(s):
    return [] if s in ("", "-") else [x for x in s.split("|") if x]


class Actor:
    __slots__ = ("id", "cls", "label", "names", "capitals", "demonyms",
                 "parent", "state")

    def __init__(self, row):
        self.id, self.cls = row[0], row[1]
        self.parent = row[3] if row[3] != "-" else None
        self.label = row[4]
        aliases = field_list(row[5]) if len(row) > 5 else []
        self.demonyms = field_list(row[6]) if len(row) > 6 else []
        self.capitals = [a[:-1] for a in aliases if a.endswith("@")]
        plain = [a for a in aliases if not a.endswith("@")]
        if self.label not in plain and self.label not in self.capitals:
            plain.insert(0, self.label)
        # a name that the lexicon also lists with "the " is written with it
        with_the = {a[4:] for a in plain if a.startswith("the ")}
        names = []
        for a in plain:
            if a in with_the:
                a = "the " + a
            elif (self.cls in ("GovernmentAgency",
                               "IntergovernmentalOrganization")
                  and " " in a and not a.startswith("the ")
                  and not a[0].isdigit() and "'" not in a
                  and "\u2019" not in a):
                a = "the " + a
            if a not in names:
                names.append(a)
        self.names = names
        self.state = None


class Lexicon:
    def __init__(self, schema_dir):
        p = lambda name: os.path.join(schema_dir, name)
        self.actors = [Actor(r) for r in read_tsv(p("actors.tsv"))]
        by_id = {a.id: a for a in self.actors}
        for a in self.actors:  # the state an actor belongs to, if any
            x, seen = a, set()
            while x is not None and x.cls != "State" and x.id not in seen:
                seen.add(x.id)
                x = by_id.get(x.parent) if x.parent else None
            a.state = x if x is not None and x.cls == "State" else None
        self.by_id = by_id
        self.states = [a for a in self.actors if a.cls == "State"]
        self.demonym_states = [a for a in self.states if a.demonyms]
        self.persons = [a for a in self.actors if a.cls == "Person"]
        self.bodies = [a for a in self.actors
                       if a.cls in ("GovernmentAgency",
                                    "IntergovernmentalOrganization")]
        self.groups = [a for a in self.actors if a.cls == "Group"]
        self.orgs = [a for a in self.actors if a.cls == "Organization"]
        core_ids = ["north-korea", "north-korea", "north-korea",
                    "united-states", "united-states", "south-korea",
                    "south-korea", "japan", "japan", "china", "russia",
                    "un-security-council", "un", "us-treasury", "ofac",
                    "fbi", "us-justice-department", "us-state-department",
                    "lazarus-group", "kim-jong-un", "eu", "un-panel-of-experts"]
        self.core = [by_id[i] for i in core_ids if i in by_id] or self.actors

        heads = read_tsv(p("heads.tsv"))
        self.heads = {}
        for r in heads:
            mode = r[1] if len(r) > 1 else "state"
            plural = len(r) > 2 and r[2] == "plural"
            self.heads.setdefault(mode, []).append((r[0], plural))
        self.person_heads = [h for h, _ in self.heads.get("person", [])
                             if h[0].islower()] or ["spokesman"]
        self.titles = [r[0] for r in read_tsv(p("titles.tsv"))] or ["Minister"]
        names = read_tsv(p("names.tsv"))
        self.given = [r[0] for r in names if len(r) > 1 and r[1] == "given"]
        self.surnames = [r[0] for r in names
                         if len(r) > 1 and r[1] == "surname"]
        if not self.given:
            self.given = ["Alex"]
        if not self.surnames:
            self.surnames = ["Lee"]
        self.publishers = {}
        for r in read_tsv(p("publishers.tsv")):
            if len(r) > 1:
                self.publishers.setdefault(r[1], []).append(r[0])

        self.events = {}       # type -> list of pattern rows
        for r in read_tsv(p("events.tsv")):
            if len(r) < 5:
                continue
            row = Pattern(r)
            self.events.setdefault(row.type, []).append(row)
        self.types = sorted(self.events)
        self.crime_nouns = [t for pat in self.events.get("CyberTheft", [])
                            + self.events.get("CyberAttack", [])
                            if pat.form == "noun" for t in pat.triggers
                            if "*" not in t and not t.endswith(" of")]
        if not self.crime_nouns:
            self.crime_nouns = ["attack"]
        self.by_form = {}
        for typ in self.types:
            for pat in self.events[typ]:
                self.by_form.setdefault(pat.form, []).append(pat)
        self.plural_heads = [h for m in ("state", "group")
                             for h, pl in self.heads.get(m, []) if pl]
        self.singular_heads = [h for h, pl in self.heads.get("state", [])
                               if not pl] or ["government"]
        self.anaphors = {}
        for r in read_tsv(p("anaphors.tsv")):
            if len(r) > 1 and r[0].startswith("the "):
                self.anaphors.setdefault(r[1], []).append(r[0])
        self.test_nouns = [t for pat in self.events.get("WeaponsTest", [])
                           if pat.form == "noun" for t in pat.triggers
                           if "*" not in t] or ["tests"]


PREPS = {"with", "on", "to", "over", "about", "at", "from", "against",
         "of", "for", "that", "into", "by"}
IRREGULAR_PAST = {"said", "told", "met", "held", "stole", "froze", "broke",
                  "put", "set", "began", "spoke", "sent", "sought", "hit",
                  "had", "took", "made", "brought", "drove", "fought"}
PARTICIPLES = {"stolen", "frozen", "broken", "taken", "seen", "given"}
# the words that take the place of `*`, chosen by the word after it
FILL = {
    "concern": ["deep", "grave", "serious", "strong"],
    "concerns": ["serious", "growing", "their"],
    "concerned": ["deeply", "gravely", "very"],
    "accusation": ["the", "that"],
    "accusations": ["the", "such", "those"],
    "allegations": ["the", "such", "those"],
    "claims": ["the", "such"],
    "cooperation": ["security", "their", "trilateral"],
    "agreement": ["a security", "an information-sharing", "a new"],
    "pact": ["a defense", "a new"],
    "working": ["a new", "a joint"],
    "talks": ["high-level", "two days of", "trilateral"],
    "summit": ["a trilateral", "their first"],
    "protest": ["a strong", "a formal"],
    "sanctions": ["new", "fresh", "additional", "international"],
    "ban": ["the", "a trade", "an import"],
    "trade": ["its", "the"],
    "exercises": ["joint military", "large-scale", "annual"],
    "drills": ["live-fire", "joint", "naval"],
    "missile": ["a ballistic", "a cruise", "an intercontinental ballistic"],
    "missiles": ["two ballistic", "several cruise", "short-range"],
    "rocket": ["a long-range", "a space"],
    "warheads": ["new", "smaller nuclear"],
    "nuclear": ["a", "its sixth"],
    "test": ["a missile", "an engine"],
    "indictment": ["an", "a sealed"],
    "charges": ["criminal", "new"],
    "complaint": ["a criminal", "a civil"],
    "workers": ["IT", "thousands of"],
    "resolutions": ["U.N. Security Council", "several U.N."],
    "list": ["its sanctions", "the"],
}
OBJECT_STAR_NEXT = {"to", "from", "on", "under"}


class Pattern:
    """One row of events.tsv, its triggers sorted into grammatical shapes."""

    def __init__(self, r):
        self.type, self.form = r[0], r[1]
        self.triggers = field_list(r[2])
        self.agent = [s for s in r[3].split(",") if s and s != "-"]
        self.target = ([s for s in r[4].split(",") if s and s != "-"]
                       if len(r) > 4 else [])
        self.flags = set(field_list(r[5].replace(",", "|"))) \
            if len(r) > 5 else set()
        self.shapes = {}
        for t in self.triggers:
            self.shapes.setdefault(shape_of(t, self.form), []).append(t)
        self.shape_list = sorted(self.shapes)


def shape_of(trigger, form):
    if form != "verb":
        return form
    w = trigger.split(" ", 1)[0]
    if w == "according":
        return "according"
    if w == "quoted":
        return "quoted"
    if w in ("is", "was"):
        return "cop_s"
    if w in ("are", "were"):
        return "cop_p"
    if w == "has":
        return "perf_s"
    if w == "have":
        return "perf_p"
    if w in ("to", "would", "will"):
        return "modal"
    if w in ("summit", "phone", "forged", "fake", "jointly"):
        return "light"
    if w.endswith("ly"):
        return "adv"
    if w in PARTICIPLES:
        return "pp"
    if w.endswith("ing"):
        return "ing"
    if w in IRREGULAR_PAST or w.endswith("ed"):
        return "past"
    if w.endswith("s") and not w.endswith("ss"):
        return "pres3"
    return "base"


# --------------------------------------------------------------------------
# Text pieces of our own

CONTEXT = [
    "Tensions on the peninsula have been rising for months, and diplomats "
    "say there is little sign of a return to negotiations.",
    "The isolated country has been under international restrictions since "
    "its first nuclear detonation, and its economy has shrunk for years.",
    "Analysts say the revenue helps keep the weapons programs running even "
    "as trade with the outside world has all but stopped.",
    "Blockchain researchers have followed the money through dozens of "
    "wallets, mixers and cross-chain bridges.",
    "The exchange said customer balances were not affected and that "
    "withdrawals would resume within days.",
    "Security researchers said the attackers posed as recruiters and sent "
    "booby-trapped job offers to engineers.",
    "The measures freeze any property the listed entities hold under the "
    "jurisdiction of the issuing country and bar residents from dealing "
    "with them.",
    "Officials declined to say how the funds had been traced.",
    "Experts warned that the pace of the program has quickened since the "
    "collapse of the last round of talks.",
    "Prices of rice and corn in border markets have climbed, according to "
    "traders interviewed by phone.",
    "The regional forum is expected to take up the issue at its meeting "
    "next month.",
    "Investors pulled more than a billion dollars from decentralized "
    "finance platforms in the week that followed.",
    "A cabinet meeting was called to review the response, a government "
    "source said, speaking on condition of anonymity.",
    "The vessels switched off their transponders before meeting at sea, "
    "satellite imagery showed.",
    "Lawmakers have proposed tighter rules for crypto platforms that fail "
    "to screen their customers.",
    "Neither side gave details of the discussions.",
    "The incident drew renewed attention to weaknesses in the software "
    "that links different blockchains.",
    "Hundreds of people gathered near the station to watch the broadcast "
    "on a giant screen.",
    "Insurance companies said claims from the outage could reach tens of "
    "millions of dollars.",
    "It was not immediately clear whether anyone had been detained.",
]
CONTEXT_SLOTTED = [
    "The {n} {unit} figure could not be independently verified.",
    "The launch was the {ord} this year, by one count.",
    "The talks are the first at that level in {n} years.",
    "Trading on the exchange was suspended for {n} hours.",
    "Most of the {money} has not been recovered.",
    "The missile flew about {km} kilometers before falling into the sea.",
]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "10th", "11th", "12th"]
# What follows a verb trigger, by event type: {O} is the object phrase (the
# target, with its preposition), {S} a state, {crime}, {test}, {money}.
COMPLEMENT = {
    "ImposeSanctions": ["{O} over its weapons programs",
                        "{O} for helping {S} evade sanctions",
                        "{O} for their role in the {crime}", "{O}"],
    "EaseSanctions": ["{O} after months of negotiations",
                      "{O} as part of a broader deal", "{O}"],
    "Criticize": ["{O} over the {test}", "{O} for the {crime}",
                  "{O} as a threat to regional peace", "{O}"],
    "Accuse": ["{O} of carrying out the {crime}", "{O} for the {crime}",
               "{O} of trying to destabilize the region"],
    "Appeal": ["{O} to return to talks", "{O} to enforce the sanctions fully",
               "{O} to block transactions linked to the hackers",
               "{O} to show restraint"],
    "Demand": ["{O} to release the detained crew",
               "{O} to halt its weapons development"],
    "Threaten": ["{O} with a tough response", "{O} with countermeasures",
                 "{O}"],
    "Reject": ["{O} as baseless", "{O} outright", "{O}"],
    "LegalAction": ["{O} on charges of conspiracy and wire fraud",
                    "{O} in connection with the {crime}", "{O}"],
    "SeizeAssets": [" about {money} in cryptocurrency",
                    " dozens of web domains used in the scheme",
                    " {money} in stolen funds"],
    "CyberTheft": [" {money} in cryptocurrency{O}",
                   " {money} in digital tokens{O}", " customer funds{O}"],
    "CyberAttack": ["{O}", "{O} in a campaign that lasted months"],
    "CyberEspionage": ["{O}", "{O} for years"],
    "MoneyLaundering": [" the proceeds through mixers",
                        " {money} through over-the-counter brokers",
                        " the stolen tokens"],
    "SanctionsEvasion": [" to earn foreign currency for {S}",
                         " to fund its weapons programs", ""],
    "Investigate": [" the {crime}", " the breach", " the case"],
    "MilitaryExercise": [" near the border", " off the east coast",
                         " in the region"],
    "WeaponsTest": [" into the sea", " off its east coast", ""],
    "Consult": ["{O}", "{O} on the sidelines of a regional forum",
                "{O} in {city}"],
    "PledgeCooperation": ["{O}", "{O} against the {crime}"],
    "Cooperate": ["{O}", "{O} to track the {crime}"],
    "ExpressConcern": ["{O}"],
    "DenyAllegation": [""],
}
# the preposition that brings in the target after a trigger ending in this
# word ('' = no target)
NOUN_PREP = {
    "indictment": "against", "charges": "against", "complaint": "against",
    "agreement": "with", "pact": "with", "sanctions": "on", "ban": "on",
    "protest": "with", "talks": "with", "summit": "with", "call": "with",
    "intelligence": "with", "group": "with", "cooperation": "with",
    "closely": "with", "together": "with", "concern": "over",
    "concerns": "about", "alarm": "over", "concerned": "about",
    "information": "on", "secrets": "from", "technology": "from",
    "accusation": "", "accusations": "", "allegations": "", "claims": "",
    "exercises": "", "drills": "", "missile": "", "missiles": "",
    "rocket": "", "warheads": "", "test": "", "identities": "",
    "nationality": "", "abroad": "", "weapons": "", "list": "",
    "blacklist": "", "jointly": "",
}
# complements of single triggers that the rules above do not fit
BY_TRIGGER = {
    "pledged": " to work closely with {B}", "pledge": " to work with {B}",
    "pledges": " to work closely with {B}",
    "committed to": " working with {B}", "promised to": " work with {B}",
    "attributed": " the {crime} to {B}", "attributes": " the {crime} to {B}",
    "attribute": " the {crime} to {B}", "pinned": " the {crime} on {B}",
    "charged that": " {B} was behind the {crime}",
    "alleged": " that {B} was behind the {crime}",
    "has nothing to do": " with the {crime}",
    "had nothing to do": " with the {crime}",
    "insisting it had nothing to do": " with the {crime}",
    "denied": " any role in the {crime}", "denies": " any role in the {crime}",
    "deny": " the accusations", "denying": " any involvement in the {crime}",
    "has denied": " carrying out the {crime}",
    "warned": " {B} of consequences", "warns": " {B} against provocations",
    "vowed to keep expanding": " its nuclear arsenal",
    "vowed to expand": " its nuclear arsenal",
    "vowed to bolster": " its defenses against {B}",
    "vowed to retaliate": " against {B}", "vowed revenge": " against {B}",
    "vowed to respond": " to any provocation by {B}",
    "vowed to strike": " back at {B}", "vowed to retaliate against": " {B}",
    "vetoed": " a draft resolution on {S}", "vetoes": " any new measures",
    "fired": " a ballistic missile into the sea",
    "tested": " a new solid-fuel engine",
    "test-fired": " a cruise missile", "test-fires": " an artillery system",
    "test-launched": " a new intercontinental ballistic missile",
    "discussed": " the {crime} with {B}", "hosted": " {B} for talks",
    "welcomed": " {B} to the talks", "held a phone call": " with {B}",
    "met": " {B}", "meet": " {B}", "meets": " {B}",
    "published": " details of the {crime}",
    "sending * workers abroad": "", "dispatched * workers": " to {S}",
    "dispatched IT workers": " to {S}", "supplying": " {S} with weapons",
    "shipping weapons": " to {S}", "asked": " {B} to help",
    "encouraged": " {B} to join the effort",
    "lifted": " sanctions on {B}", "lifts": " a ban on {B}",
    "eased": " restrictions on {B}", "eases": " curbs on {B}",
    "delisted": " {B}", "unfroze": " assets of {B}",
}
FRAMES = [
    "{NP} came days after {NP2}.",
    "Officials pointed to {NP} as evidence of a growing threat.",
    "The move followed {NP}.",
    "Analysts said {NP} would likely raise tensions in the region.",
    "{NP} drew little public reaction.",
    "Few details of {NP} were made public.",
    "Markets barely moved after {NP}.",
]
QUOTES = [
    "This is a serious challenge to peace and stability in the region",
    "We will not tolerate such behavior",
    "Our response will be firm and measured",
    "Every country has a duty to enforce the resolutions it voted for",
    "There is no safe haven for those who steal from ordinary people",
    "The door to dialogue remains open",
    "These are baseless claims meant to tarnish our image",
    "We are working closely with our partners on next steps",
]
CAPTION_SCENES = [
    "{Dem} soldiers stand guard at a checkpoint in {city}",
    "A {dem} flag flutters outside a government building in {city}",
    "People watch a television broadcast of a news report at a railway "
    "station in {city}",
    "Delegates arrive for a meeting in {city}",
    "Representations of cryptocurrencies are seen in front of a screen "
    "showing a stock graph in this illustration picture",
    "Officials speak to reporters at a news conference in {city}",
]
DESKS = ["Washington", "Seoul", "Tokyo", "Beijing", "Singapore", "London",
         "Brussels", "Geneva", "New York", "Hong Kong"]


# --------------------------------------------------------------------------
# One article

class Writer:
    """Builds the article of one index with its own random generator."""

    def __init__(self, lex, seed, index):
        self.lex = lex
        self.index = index
        r = self.rng = random.Random(seed * 1000003 + index)
        rand = r.random
        # random.choice and randint are exact but slow; these draw from
        # random() alone, the same way on every run
        self.pick = lambda seq: seq[int(rand() * len(seq))]
        self.randint = lambda lo, hi: lo + int(rand() * (hi - lo + 1))
        base = datetime.date(2015, 1, 1)
        self.date = base + datetime.timedelta(days=self.randint(0, 3799))
        self.publisher = self.pick(sorted(lex.publishers))
        # the actors the article is about, and the type it dwells on
        self.cast = [self.pick_actor() for _ in range(self.randint(3, 6))]
        self.theme = self.pick(lex.types)

    # -- small pieces
    def pick_actor(self, cls=None):
        r, lex = self.rng, self.lex
        if cls == "Person":
            return self.pick(lex.persons)
        if cls == "state":
            return self.pick(lex.demonym_states)
        x = r.random()
        if x < 0.45:
            return self.pick(lex.core)
        return self.pick(lex.actors)

    def name(self, a):
        r = self.rng
        return a.names[0] if r.random() < 0.5 else self.pick(a.names)

    def actor(self, subject=False, number=None):
        """A noun phrase for an actor: a name or alias, a capital, a
        demonym phrase or (as subject) a phrase that refers back; number:
        None (any), "s" (singular), "p" (plural), "name" (a name only).
        Returns (text, plural)."""
        r, lex = self.rng, self.lex
        if number == "p":
            x = r.random()
            if x < 0.2 and lex.plural_heads:
                st = self.pick(self.cast) if r.random() < 0.6 \
                    else self.pick(lex.demonym_states)
                if st.demonyms:
                    return "{} {}".format(self.pick(st.demonyms),
                                          self.pick(lex.plural_heads)), True
            if x < 0.28 and subject and lex.anaphors.get("plural"):
                return cap(self.pick(lex.anaphors["plural"])), True
            return "{} and {}".format(self.actor(subject, "name")[0],
                                      self.actor(False, "name")[0]), True
        a = self.pick(self.cast) if r.random() < 0.6 else self.pick_actor()
        if number == "name":
            return self.name(a), False
        x = r.random()
        if subject and x < 0.06:
            mode = "topic-state" if a.cls == "State" else "group"
            if lex.anaphors.get(mode):
                ana = self.pick(lex.anaphors[mode])
                return ana, ana.endswith("s")
        if subject and a.capitals and x < 0.18:
            return self.pick(a.capitals), False
        if a.demonyms and x > 0.82:
            if number == "s":
                return "{} {}".format(self.pick(a.demonyms),
                                      self.pick(lex.singular_heads)), False
            mode = "group" if r.random() < 0.5 else "state"
            heads = lex.heads.get(mode) or [("officials", True)]
            head, plural = self.pick(heads)
            return self.pick(a.demonyms) + " " + head, plural
        return self.name(a), False

    def person(self):
        """A person: (name, name with title or apposition)."""
        r, lex = self.rng, self.lex
        if r.random() < 0.55:
            p = self.pick(lex.persons)
            name = self.name(p)
            if p.state is not None and r.random() < 0.5:
                return name, "{}, {} {},".format(
                    name, poss(p.state.names[0]),
                    self.pick(lex.person_heads))
            return name, name
        name = self.pick(lex.given) + " " + self.pick(lex.surnames)
        if r.random() < 0.5:
            return name, "{} {}".format(self.pick(lex.titles), name)
        body = self.pick(lex.bodies)
        return name, "{}, a {} for {},".format(
            name, self.pick(["spokesman", "spokeswoman", "spokesperson"]),
            body.names[0])

    def money(self):
        r = self.rng
        if r.random() < 0.5:
            return "${} million".format(self.randint(2, 900))
        return "${}.{} billion".format(self.randint(1, 3), self.randint(1, 9))

    def when(self):
        r, d = self.rng, self.date
        x = r.random()
        if x < 0.45:
            back = self.randint(0, 6)
            return "on " + WEEKDAYS[(d - datetime.timedelta(days=back)).weekday()]
        if x < 0.65:
            e = d - datetime.timedelta(days=self.randint(1, 60))
            return "on {} {}".format(MONTHS[e.month - 1], e.day)
        if x < 0.75:
            e = d - datetime.timedelta(days=self.randint(1, 40))
            return "on {} {}".format(MONTHS_AP[e.month - 1], e.day)
        return self.pick(["last week", "this week", "earlier this month",
                         "last month", "in " + MONTHS[(d.month - 2) % 12],
                         "late on " + WEEKDAYS[d.weekday()]])

    def fill(self, trigger, obj=None):
        """Expands `*`: the object when a preposition follows, else a
        modifier fitting the next word."""
        if "*" not in trigger:
            return trigger
        words = trigger.split(" ")
        out = []
        for i, w in enumerate(words):
            if w != "*":
                out.append(w)
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt in OBJECT_STAR_NEXT and obj is not None and i == 1:
                out.append(obj)
            else:
                out.append(self.pick(FILL.get(nxt, ["the"])))
        return " ".join(out)

    def complement(self, pat, trig):
        """What follows a verb trigger: the target and the rest of the
        predicate; with a leading space, or empty."""
        r = self.rng
        lex = self.lex
        last = trig.rsplit(" ", 1)[-1]
        slot = pat.target[0] if pat.target else None
        comp = BY_TRIGGER.get(trig)
        if comp is None:
            if slot is None:
                o = ""
            elif last in PREPS:
                o = " {B}" if last != "that" else " " + self.clause(1)
            elif last in NOUN_PREP:
                o = " {} {{B}}".format(NOUN_PREP[last]) if NOUN_PREP[last] \
                    else ""
            elif slot == "obj":
                o = " {B}"
            elif slot in ("over", "about", "at"):
                o = " " + slot + " {PB} {noun}"
            elif slot in ("that", "subj", "speaker"):
                o = ""
            else:
                o = " " + slot + " {B}"
            comp = self.pick(COMPLEMENT.get(pat.type, ["{O}"])) \
                .replace("{O}", o)
        if "{" not in comp:
            return comp
        b = ""
        if "{B}" in comp or "{PB}" in comp:
            b = self.person()[0] if pat.type == "LegalAction" and \
                r.random() < 0.5 else self.actor()[0]
        return comp.format(
            B=b, PB=poss(b), S=self.pick(lex.core).names[0],
            crime=self.pick(lex.crime_nouns), test=self.pick(lex.test_nouns),
            noun=self.pick(lex.crime_nouns + lex.test_nouns),
            money=self.money(),
            city=self.pick(self.pick(lex.demonym_states).capitals or DESKS))

    def crime_np(self):
        r = self.rng
        return "the " + self.pick(["", "recent ", "latest ", "{} ".format(
            self.money())]) + self.pick(self.lex.crime_nouns)

    def pattern(self, form=None, plain=False):
        """An event pattern: the article's theme 40 % of the time; of the
        given form; `plain`: not reported speech."""
        r, lex = self.rng, self.lex
        typ = self.theme if r.random() < 0.4 else self.pick(lex.types)
        pats = lex.events[typ]
        if form is not None or plain:
            ok = lambda p: (form is None or p.form == form) and \
                not (plain and "report" in p.flags)
            pats = [p for p in pats if ok(p)] or \
                [p for p in lex.by_form[form or "verb"] if ok(p)]
        return self.pick(pats)

    def clause(self, depth=0, when=True):
        """A clause with an event trigger, without final period."""
        r = self.rng
        pat = self.pattern(plain=depth > 0)
        if pat.form == "noun":
            return self.noun_clause(pat)
        if pat.form == "passive":
            return self.passive_clause(pat, when)
        return self.verb_clause(pat, depth, when)

    def verb_clause(self, pat, depth=0, when=True):
        r = self.rng
        shape = self.pick(pat.shape_list)
        trig = self.pick(pat.shapes[shape])
        if shape == "according":
            return "{}, {} {}".format(self.clause(depth + 1, when), trig,
                                      self.actor()[0])
        if shape == "quoted":
            return "{} was {} {}".format(self.person()[1], trig,
                                         self.clause(depth + 1, False))
        if "speaker" in pat.agent:
            # "X said Y was behind the hack": the speaker accuses
            other, p2 = self.actor(number="p" if shape == "cop_p" else "s")
            return "{} {} {} {} {}".format(
                self.actor(subject=True, number="s")[0],
                self.pick(["said", "says", "believes"]), other, trig,
                self.crime_np())
        if "report" in pat.flags:
            subj = self.person()[1] if r.random() < 0.4 else \
                self.actor(subject=True, number="s")[0]
            first = trig.split(" ", 1)[0]
            inner = self.clause(depth + 1, False) if depth < 2 else \
                self.crime_np() + " was under way"
            if first in ("told", "tells"):
                rest = " reporters that " + inner
            elif first == "issued":
                rest = " a warning that " + inner
            else:
                rest = (" that " if r.random() < 0.6 else " ") + inner
            if shape in ("base", "ing", "cop_p", "perf_p"):
                return "{} {} {}{}".format(subj, "would" if shape == "base"
                                           else "was", trig, rest) \
                    if shape in ("base", "ing") else \
                    "{} {}{}".format(subj, "said", rest)
            return "{} {}{}".format(subj, trig, rest)
        obj_star = "*" in trig and trig.split(" ")[1:2] == ["*"] and \
            trig.split(" ")[2:3] and trig.split(" ")[2] in OBJECT_STAR_NEXT
        if obj_star:
            vp = self.fill(trig, self.actor()[0])
            comp = ""
            if pat.type == "ImposeSanctions" and r.random() < 0.5:
                comp = " over its weapons programs"
        else:
            vp = self.fill(trig)
            comp = self.complement(pat, trig)
        if "statement" in pat.flags and not comp:
            comp = " that " + self.clause(depth + 1, False) if depth < 2 \
                else ""
        t = self.when() if when and r.random() < 0.5 else ""
        if shape in ("cop_p", "perf_p") or (shape == "base" and
                                            r.random() < 0.5):
            subj = self.actor(subject=True, number="p")[0]
            s = "{} {}{}".format(subj, vp, comp)
        elif shape == "base":
            s = "{} {} {}{}".format(
                self.actor(subject=True, number="s")[0], self.pick(
                    ["will", "would", "plans to", "is expected to",
                     "vowed to"]), vp, comp)
        elif shape == "ing":
            subj, plural = self.actor(subject=True)
            s = "{} {} {}{}".format(subj, "have been" if plural
                                    else "has been", vp, comp)
        elif shape == "modal":
            subj = self.actor(subject=True)[0]
            s = "{} said it wanted {}{}".format(subj, vp, comp) \
                if trig.startswith("to ") else \
                "{} said it {}{}".format(subj, vp, comp)
        elif shape == "light":
            subj = self.actor(subject=True)[0]
            first = trig.split(" ", 1)[0]
            if first == "jointly":
                s = "{} and {} jointly sanctioned {}".format(
                    subj, self.actor()[0], self.actor()[0])
            else:
                s = "{} {} {}{}".format(subj, {"summit": "held a",
                                               "phone": "held"}.get(
                    first, "used"), vp, comp)
        elif shape == "adv":
            s = "{} {} {}".format(self.actor(subject=True, number="p")[0],
                                  vp, self.actor()[0])
        elif shape == "pp":
            s = "{} {} by {}{}".format(self.pick(
                ["Funds", "Assets", "Tokens", "Documents"]), vp,
                self.actor()[0], comp)
        else:  # past, pres3, perf_s, cop_s
            subj = self.actor(subject=True,
                              number=None if shape == "past" else "s")[0]
            if t and shape == "past" and r.random() < 0.5:
                s = "{} {} {}{}".format(subj, t, vp, comp)
                t = ""
            else:
                s = "{} {}{}".format(subj, vp, comp)
        if t:
            s += " " + t
        return s

    def passive_clause(self, pat, when=True):
        r = self.rng
        trig = self.pick(pat.triggers)
        plural = trig.split(" ", 1)[0] in ("were", "have")
        if "subj" in pat.target:
            if pat.type == "LegalAction":
                subj = self.person()[1]
                if plural:
                    subj += " and " + self.person()[0]
            else:
                subj = self.actor(subject=True,
                                  number="p" if plural else "s")[0]
        else:
            subj = self.pick(["The attack", "The heist", "The intrusion",
                             "The theft", "The website", "The money"]
                            if not plural else
                            ["The attacks", "The funds", "The thefts",
                             "The domains", "Several wallets"])
        agent = self.actor()[0]
        t = " " + self.when() if when and r.random() < 0.4 else ""
        if trig.endswith(" by"):
            return "{} {} {}{}".format(subj, trig, agent, t)
        if trig.endswith((" to", " on")):
            by = " by " + agent if r.random() < 0.5 else ""
            return "{} {} {}{}{}".format(subj, trig, self.actor()[0], by, t)
        return "{} {} by {}{}".format(subj, trig, agent, t)

    def noun_phrase(self, pat):
        r = self.rng
        trig = self.fill(self.pick(pat.triggers))
        slot = pat.agent[0] if pat.agent else "poss"
        if slot == "by" or (slot == "subj" and r.random() < 0.5) or \
                trig.startswith("in "):
            np = "the {} by {}".format(trig, self.actor()[0]) \
                if not trig.startswith("in ") else \
                "{} shipping arms {}".format(self.actor()[0], trig)
        else:
            np = "{} {}".format(poss(self.actor(number="name")[0]), trig)
        last = trig.rsplit(" ", 1)[-1]
        if last in PREPS:
            np += " " + self.actor()[0]
        elif pat.target and pat.target[0] in PREPS and r.random() < 0.6:
            np += " {} {}".format(pat.target[0], self.actor()[0])
        return np

    def noun_clause(self, pat):
        r = self.rng
        np = self.noun_phrase(pat)
        frame = self.pick(FRAMES)
        np2 = self.noun_phrase(self.pattern("noun")) if "{NP2}" in frame \
            else ""
        return frame.format(NP=np, NP2=np2).rstrip(".")

    # -- sentences
    def sentence(self):
        r = self.rng
        x = r.random()
        if x < 0.12:
            return self.quote()
        if x < 0.22:
            c = self.pick(CONTEXT_SLOTTED) if r.random() < 0.3 \
                else self.pick(CONTEXT)
            return c.format(n=self.randint(2, 40), unit="million",
                            ord=self.pick(ORDINALS), money=self.money(),
                            km=self.pick(["600", "1,000", "950", "4,500"]))
        if x < 0.36:
            return cap(self.noun_clause(self.pattern("noun"))) + "."
        if x < 0.44:
            return cap(self.passive_clause(self.pattern("passive"))) + "."
        if x < 0.54:
            return "{}, {}.".format(cap(self.when()), self.verb_clause(
                self.pattern("verb"), 0, when=False))
        s = cap(self.clause())
        return s if s.endswith(".") else s + "."

    def quote(self):
        r = self.rng
        _, speaker = self.person()
        o, c = ("\u201c", "\u201d") if r.random() < 0.4 else ('"', '"')
        body = self.pick(QUOTES) if r.random() < 0.4 else \
            cap(self.verb_clause(self.pattern("verb", plain=True), 1))
        x = r.random()
        if x < 0.5:
            return "{}{},{} {} said.".format(o, body, c, speaker)
        if x < 0.75:
            return "{}{},{} said {}.".format(o, body, c, speaker.rstrip(","))
        return "{} told reporters: {}{}.{}".format(speaker, o, body, c)

    def headline(self):
        r = self.rng
        a = self.pick(self.cast)
        b = self.pick([x for x in self.cast if x is not a] or self.cast)
        name_a = self.pick(a.names)
        name_a = name_a[4:] if name_a.startswith("the ") else name_a
        name_b = self.pick(b.names)
        pats = [p for p in self.lex.events[self.theme] if p.form == "verb"]
        pres = [t for p in pats for t in p.shapes.get("pres3", [])]
        noun = self.pick(self.lex.crime_nouns + self.lex.test_nouns)
        if pres and r.random() < 0.6:
            t = self.fill(self.pick(pres), name_b)
            return cap("{} {} {} over {}".format(name_a, t, name_b, noun))
        if r.random() < 0.5:
            return cap("{} says {} behind {} {}".format(
                name_a, name_b, self.money(), noun))
        return cap("{}, {} to step up pressure on {}".format(
            name_a, self.pick(self.lex.core).names[0], name_b))

    def dateline(self):
        r, d, pub = self.rng, self.date, self.publisher
        marks = self.lex.publishers[pub]
        paren = [m for m in marks if m.startswith("(") and "@" not in m]
        mark = self.pick(paren) if paren else marks[0]
        city = self.pick(DESKS).upper()
        if mark in ("(Reuters)", "(Yonhap)"):
            return "{}, {} {} {} - ".format(
                city, MONTHS_REUTERS[d.month - 1], d.day, mark)
        if mark.startswith("("):
            return "{} {} \u2014 ".format(city, mark)
        return "{}, {} {} {} - ".format(city, MONTHS[d.month - 1], d.day,
                                        mark)

    def caption(self):
        r, lex, d = self.rng, self.lex, self.date
        st = self.pick(lex.demonym_states)
        city = self.pick(st.capitals or [st.names[0]])
        scene = self.pick(CAPTION_SCENES).format(
            Dem=st.demonyms[0], dem=st.demonyms[0], city=city)
        e = d - datetime.timedelta(days=self.randint(0, 900))
        photog = self.pick(lex.given) + " " + self.pick(lex.surnames)
        marks = lex.publishers[self.publisher]
        upper = [m for m in marks if m.isupper() and "(" not in m]
        credit = "{}/{}".format(upper[0], photog) if upper else \
            "({} Photo/{})".format(marks[-1].strip("()@"), photog)
        return "{}, {} {}, {}. {}".format(scene, MONTHS[e.month - 1], e.day,
                                          e.year, credit)

    def credit_line(self):
        r, lex, d = self.rng, self.lex, self.date
        x = r.random()
        marks = lex.publishers[self.publisher]
        handle = [m for m in marks if "@" in m]
        if handle and x < 0.5:
            return "\u2014 {} {} {} {}, {}".format(
                self.publisher, handle[0], MONTHS[d.month - 1], d.day,
                d.year)
        if x < 0.75:
            return "Reporting by {} {} in {}; Editing by {} {}".format(
                self.pick(lex.given), self.pick(lex.surnames),
                self.pick(DESKS), self.pick(lex.given), self.pick(lex.surnames))
        return "Read more: https://news.example.org/{}/{:07d}".format(
            d.year, self.index)

    def build(self):
        """Returns (title, body); body paragraphs separated by blank lines."""
        r = self.rng
        title = self.headline()
        paras = []
        if r.random() < 0.3:
            paras.append(self.caption())
        n = self.randint(5, 12)
        for i in range(n):
            k = self.randint(2, 4) if i else self.randint(1, 2)
            text = " ".join(self.sentence() for _ in range(k))
            if i == 0:
                text = self.dateline() + text
            paras.append(text)
            if i and r.random() < 0.06:
                paras.append(self.credit_line())
            if i and r.random() < 0.04:
                paras.append(self.caption())
        if r.random() < 0.5:
            paras.append(self.credit_line())
        return title, "\n\n".join(paras)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def poss(name):
    """The possessive of a name: "Japan's", "the United States'"."""
    return name + "'" if name.endswith("s") else name + "'s"


# --------------------------------------------------------------------------
# Output

def article(lex, seed, i):
    """Article number i: (id, date, publisher, title, body)."""
    w = Writer(lex, seed, i)
    title, body = w.build()
    return ("a{:07d}".format(i), w.date.isoformat(), w.publisher, title,
            body)


def encode(art, jsonl):
    """The bytes of an article as a .txt file or as a JSON Lines line."""
    aid, date, pub, title, body = art
    if jsonl:
        return (json.dumps({"id": aid, "date": date, "publisher": pub,
                            "title": title, "text": body},
                           ensure_ascii=False) + "\n").encode("utf-8")
    return " date {}\n{}\n\n{}\n".format(date, title, body).encode("utf-8")


_LEX = None  # the lexicon of a worker process


def _init_worker(schema):
    global _LEX
    _LEX = Lexicon(schema)


def _chunk(seed, start, count, jsonl):
    return [encode(article(_LEX, seed, i), jsonl)
            for i in range(start, start + count)]


CHUNK = 250  # articles a worker makes at a time


def articles(schema, seed, jobs, limit_n, jsonl):
    """Yields (index, bytes) in order, made by `jobs` processes; the bytes
    of an article depend only on seed and index, so the output is the same
    whatever `jobs` is."""
    if jobs <= 1:
        lex = Lexicon(schema)
        i = 0
        while limit_n is None or i < limit_n:
            yield i, encode(article(lex, seed, i), jsonl)
            i += 1
        return
    import collections
    import multiprocessing
    ctx = multiprocessing.get_context("fork") \
        if "fork" in multiprocessing.get_all_start_methods() \
        else multiprocessing.get_context()
    pool = ctx.Pool(jobs, _init_worker, (schema,))
    try:
        pending = collections.deque()
        start = 0
        i = 0
        while True:
            while len(pending) < 3 * jobs and (limit_n is None
                                               or start < limit_n):
                count = CHUNK if limit_n is None else \
                    min(CHUNK, limit_n - start)
                pending.append(pool.apply_async(
                    _chunk, (seed, start, count, jsonl)))
                start += count
            if not pending:
                return
            for data in pending.popleft().get():
                yield i, data
                i += 1
    finally:
        pool.terminate()
        pool.join()


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write a deterministic corpus of news-like articles "
        "built from the sckg lexicon.")
    size = ap.add_mutually_exclusive_group(required=True)
    size.add_argument("--mb", type=float,
                      help="total size in MB (10^6 bytes) of the output")
    size.add_argument("--articles", type=int, help="number of articles")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--dir", help="folder of .txt files (created; must be "
                     "empty), in subfolders of at most 1,000 files")
    out.add_argument("--jsonl", help="JSON Lines file ('-': standard "
                     "output), fields id, date, publisher, title, text")
    ap.add_argument("--seed", type=int, default=20230407,
                    help="seed (default: %(default)s)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes that make articles (default: the number "
                    "of CPUs); the output does not depend on it")
    ap.add_argument("--schema", default=DEFAULT_SCHEMA,
                    help="schema folder (default: the repository's)")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no summary on standard error")
    a = ap.parse_args(argv)
    if (a.mb is not None and not a.mb > 0) or \
            (a.articles is not None and a.articles < 0):
        ap.error("the size must be positive")
    if a.jobs < 1:
        ap.error("--jobs must be at least 1")
    limit_bytes = int(a.mb * 1e6) if a.mb is not None else None
    # with a size, the generator is asked for articles until it is reached
    gen = articles(a.schema, a.seed, a.jobs, a.articles, bool(a.jsonl))
    total = 0
    n = 0
    if a.dir:
        if os.path.isdir(a.dir) and os.listdir(a.dir):
            ap.error("{}: folder is not empty".format(a.dir))
        os.makedirs(a.dir, exist_ok=True)
        shard = None
        folder = None
        for i, data in gen:
            if limit_bytes is not None and total >= limit_bytes:
                break
            if i // 1000 != shard:
                shard = i // 1000
                folder = os.path.join(a.dir, "{:04d}".format(shard))
                os.mkdir(folder)
            with open(os.path.join(folder, "a{:07d}.txt".format(i)),
                      "wb") as f:
                f.write(data)
            total += len(data)
            n += 1
    else:
        f = sys.stdout.buffer if a.jsonl == "-" else open(a.jsonl, "wb")
        buf = []
        for i, data in gen:
            if limit_bytes is not None and total >= limit_bytes:
                break
            buf.append(data)
            total += len(data)
            n += 1
            if len(buf) >= 256:
                f.write(b"".join(buf))
                buf.clear()
        f.write(b"".join(buf))
        if f is sys.stdout.buffer:
            f.flush()
        else:
            f.close()
    gen.close()
    if not a.quiet:
        print("gen.py: {} articles, {} bytes".format(n, total),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
