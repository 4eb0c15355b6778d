/* SPDX-License-Identifier: MIT */
/* The schema tables loaded into phrase indexes for the extraction. */
#ifndef SCKG_LEXICON_H
#define SCKG_LEXICON_H

#include "base/kinds.h"
#include "base/support.h"
#include "sckg/graph.h"

/* What a matched phrase is. */
typedef enum {
  PH_ACTOR,   /* a name or alias of a lexicon actor */
  PH_DEMONYM, /* an adjective pointing at a lexicon actor */
  PH_HEAD,    /* a noun that makes an actor of a demonym or possessive */
  PH_TITLE,   /* a person's title before a name: "Prime Minister" */
  PH_ANAPHOR, /* a phrase that refers back: "the isolated country", "they" */
  PH_TRIGGER, /* an event pattern's trigger */
  PH_CONJ,    /* a conjunction of several words: "as well as" (words.tsv) */
  PH_KIND_COUNT
} phrase_kind;

typedef enum {
  HEAD_STATE,
  HEAD_GROUP,
  HEAD_PERSON,
  HEAD_AGENCY,
  HEAD_ORGANIZATION
} head_mode;

typedef enum {
  ANA_TOPIC_STATE,  /* the state the article is most about so far */
  ANA_SUBJECT,      /* the last singular subject: "it" */
  ANA_PLURAL,       /* the last group of several actors: "they" */
  ANA_GROUP,        /* the last Group actor: "the group", "the hackers" */
  ANA_STATEMENT,    /* the agents of the last statement: "the statement" */
  ANA_SPEAKER,      /* the speaker of a quote: "we" */
  ANA_PERSON,       /* the last person: "he", "she" */
  ANA_AGENCY,       /* the last government agency: "the bureau" */
  ANA_ORGANIZATION, /* the last company or platform: "the exchange" */
  ANA_IGO           /* the last international body: "the council" */
} anaphor_mode;

/* Argument slots of an event pattern. */
typedef enum {
  SLOT_NONE,
  SLOT_SUBJ,
  SLOT_OBJ,
  SLOT_BY,
  SLOT_POSS,
  SLOT_PREP,     /* the actor after a given preposition */
  SLOT_GAP,      /* the actor in the trigger's '*': "under [U.N.] sanctions" */
  SLOT_SUPPORT,  /* the subject of a support verb: "[X] carried out attacks" */
  SLOT_INVERTED, /* after a verb that follows a quote: '"...," said [X]' */
  SLOT_SPEAKER   /* whoever reports it in the sentence: "X said Y was behind" */
} slot_kind;

typedef struct {
  slot_kind kind;
  const char *prep; /* interned lowercase preposition for SLOT_PREP */
} slot;

enum { MAX_SLOTS = 6 };

enum {
  PAT_DENY = 1,          /* a denial: the events it governs are negated */
  PAT_REPORT = 2,        /* reported speech: MakeStatement only if untyped */
  PAT_STATEMENT = 4,     /* a formal statement or report */
  PAT_CRIME = 8,         /* of a crime type (types.tsv): agent from context */
  PAT_NOUN = 16,         /* a nominal form */
  PAT_PASSIVE = 32,      /* a passive form */
  PAT_CLAIM = 64,        /* names a source only ("according to X"): no event */
  PAT_CONSEQUENCE = 128, /* a consequence a speaker warns of ("X would pay
                            a price"): an event only after a modal */
  PAT_JOINT = 256        /* a joint act: an event only when two parties or
                            more are its agents ("Seoul and Tokyo vowed to") */
};
/* The flags a verb pattern whose triggers take every inflection may have:
 * a noun or passive pattern writes its forms out. */
#define PAT_FLAGS_OF_VERBS                                                     \
  (PAT_DENY | PAT_REPORT | PAT_STATEMENT | PAT_CRIME | PAT_CLAIM |             \
   PAT_CONSEQUENCE | PAT_JOINT)

typedef struct {
  sckg_event_type type;
  slot agent[MAX_SLOTS];
  slot target[MAX_SLOTS];
  unsigned flags;
} lex_pattern;

typedef struct lex_actor lex_actor;
struct lex_actor {
  const char *id;
  const char *label;
  const char *qid;
  const char *parent_id;
  const char *demonym; /* first demonym, for derived labels */
  sckg_class cls;
  lex_actor *parent;
  lex_actor **related;
  size_t n_related;
  size_t index;       /* position in sckg_schema.actors */
  unsigned long line; /* its line in actors.tsv, for diagnostics */
};

/* Word classes of words.tsv, as bits of a sckg_wclass: a word may be in
 * several ("since" is a preposition and bounds a span). 128 bits, as GCC
 * and Clang give them on 64-bit targets: the classes outgrew 64, and one
 * integer keeps every test a single `&`. */
__extension__ typedef unsigned __int128 sckg_wclass;

/* The form of the verb a verb pattern's trigger starts with. Where a form
 * may also be read as a noun or as a plan, the reader checks the words
 * before it (ex_find_triggers). */
typedef enum {
  FORM_ANY,     /* a past or third-person form no noun shares: "condemned" */
  FORM_NOMINAL, /* a participle an adjective or noun shares: "accused" */
  FORM_PLURAL,  /* a present form a plural noun shares: "sanctions" */
  FORM_BARE,    /* the lemma: "they condemn", not "to condemn", "could" */
  FORM_ING,     /* "by blacklisting", ", accusing", "denied stealing" */
  FORM_ING_NOUN /* an -ing form a noun shares: "warning", "hacking" */
} trigger_form;

/* A phrase: a sequence of interned tokens and what it means. */
typedef struct {
  const char **toks;  /* interned, as written (case kept) */
  const char **ltoks; /* interned, lowered */
  size_t n;
  size_t star; /* index of the first "*" (a trigger's gap), n when none */
  const bool *is_star;       /* per token: a '*'; NULL when none is */
  const sckg_wclass *wclass; /* per token: a class token's classes
                                ("@pejorative"), 0 for a word; NULL when
                                the phrase has none */
  phrase_kind kind;
  bool fold_case;    /* match case-insensitively (triggers, heads, anaphors) */
  bool place;        /* a place name standing for its actor (alias with @) */
  lex_actor *actor;  /* PH_ACTOR, PH_DEMONYM; PH_TITLE: the office it names
                        when no state stands before it, or NULL */
  head_mode head;    /* PH_HEAD */
  anaphor_mode ana;  /* PH_ANAPHOR */
  int count;         /* PH_ANAPHOR: how many it names ("the three"), 0 = any */
  sckg_class cls;    /* PH_ANAPHOR: their class, SCKG_CLASS_COUNT = any */
  const char *cue;   /* PH_ANAPHOR agency, PH_HEAD state, PH_TITLE: a word the
                        name   of the body meant holds ("prosecutors": justice),
                        lowered; NULL = none (the anaphor's last word) */
  bool plural;       /* PH_HEAD: a plural noun */
  trigger_form form; /* PH_TRIGGER of a verb pattern: which form of the
                        verb it starts with, and so where it is a verb */
  const lex_pattern *pattern; /* PH_TRIGGER */
  const char *text;           /* the phrase as written in the table */
} phrase;

/* Word classes of words.tsv: the W_ bits below. */

/* a preposition: what follows is not a subject */
#define W_PREP ((sckg_wclass)1 << 0)
/* a locative preposition: a place after it is a place */
#define W_LOCPREP ((sckg_wclass)1 << 1)
/* a determiner or possessive pronoun */
#define W_DET ((sckg_wclass)1 << 2)
/* a negation: not, never */
#define W_NEG ((sckg_wclass)1 << 3)
/* an auxiliary or adverb that may stand inside a verb group */
#define W_AUX ((sckg_wclass)1 << 4)
/* joins a list of actors: and, as well as */
#define W_CONJ ((sckg_wclass)1 << 5)
/* starts a new clause: which, who, while, but, because */
#define W_CLAUSE ((sckg_wclass)1 << 6)
#define W_MONTH ((sckg_wclass)1 << 7)
#define W_WEEKDAY ((sckg_wclass)1 << 8)
/* ends an organisation's name: Co., Ltd, Ministry */
#define W_ORGCUE ((sckg_wclass)1 << 9)
/* a reporting verb: said, says, told */
#define W_SAY ((sckg_wclass)1 << 10)
/* ends a government body's name: Ministry, Bureau */
#define W_AGENCYCUE ((sckg_wclass)1 << 11)
/* a possessive pronoun: its, their */
#define W_POSSPRON ((sckg_wclass)1 << 12)
/* a form of "be": before a participle, a passive */
#define W_BE ((sckg_wclass)1 << 13)
/* a given or family name (names.tsv) */
#define W_NAME ((sckg_wclass)1 << 14)
/* an object pronoun: them, him; never a subject */
#define W_OBJPRON ((sckg_wclass)1 << 15)
/* counts what its "of" names: number, series, wave */
#define W_QUANT ((sckg_wclass)1 << 16)
/* names what follows: "what it called", "described" */
#define W_NAMING ((sckg_wclass)1 << 17)
/* a verb whose subject does what its object names: "carried out cyberattacks",
 * "relies on theft" */
#define W_SUPPORT ((sckg_wclass)1 << 18)
/* ties a group to a state: "linked", "backed" */
#define W_AFFIL ((sckg_wclass)1 << 19)
/* only names an act: decision, move, step */
#define W_EVENTNOUN ((sckg_wclass)1 << 20)
/* its dot does not end a sentence: "Mr.", "Jan." */
#define W_ABBR ((sckg_wclass)1 << 21)
/* usually opens a sentence: after "U.S." one ends */
#define W_OPENER ((sckg_wclass)1 << 22)
/* a day from the article's date: "yesterday" */
#define W_DAYREF ((sckg_wclass)1 << 23)
/* which period of a unit: "last" (month) */
#define W_PERIODREF ((sckg_wclass)1 << 24)
/* the unit "month" */
#define W_MONTHUNIT ((sckg_wclass)1 << 25)
/* bounds a span: "since", "until" */
#define W_SPAN ((sckg_wclass)1 << 26)
/* opens a reported clause: "that" */
#define W_COMP ((sckg_wclass)1 << 27)
/* opens a relative clause: "which", "who" */
#define W_RELATIVE ((sckg_wclass)1 << 28)
/* the, a, an */
#define W_ARTICLE ((sckg_wclass)1 << 29)
/* points back: the, this, that, these, those */
#define W_DEFINITE ((sckg_wclass)1 << 30)
/* a personal pronoun in the object case: it, them, her */
#define W_OBJCASE ((sckg_wclass)1 << 31)
/* a personal pronoun that may be a subject: we, they */
#define W_SUBJPRON ((sckg_wclass)1 << 32)
/* the preposition of a genitive: "a panel of experts", "the use of" */
#define W_GENITIVE ((sckg_wclass)1 << 33)
/* a preposition after a role that names whom it speaks for: "a spokesman
 * for the ministry", "the delegates of Albania" */
#define W_BEHALF ((sckg_wclass)1 << 34)
/* a lowercase word that may stand inside a name: "Bureau of
 * Investigation" */
#define W_NAMEJOIN ((sckg_wclass)1 << 35)
/* a determiner that may stand inside a list of names: "both Moscow and
 * Pyongyang", "Japan and its allies" */
#define W_LISTDET ((sckg_wclass)1 << 36)
/* says an act repeats an earlier one: "made the same accusation" */
#define W_SAME ((sckg_wclass)1 << 37)
/* names the culprit before it of the crime after it: "the group behind the
 * theft", "the group responsible for the heist" */
#define W_CULPRIT ((sckg_wclass)1 << 38)
/* opens an introductory phrase that ends at its comma, as a preposition
 * does: "According to the ministry, ..." */
#define W_LEAD ((sckg_wclass)1 << 39)
/* a free relative pronoun: "condemned what it called the launch" */
#define W_FREEREL ((sckg_wclass)1 << 40)
/* introduces what something is called: "what it described as a threat" */
#define W_PREDICATIVE ((sckg_wclass)1 << 41)
/* disparages what it names: provocation, violation, nonsense */
#define W_PEJORATIVE ((sckg_wclass)1 << 42)
/* a part of a day: "this afternoon" is the article's day */
#define W_DAYUNIT ((sckg_wclass)1 << 43)
/* opens a condition: what its clause tells is hypothetical, no event */
#define W_CONDITIONAL ((sckg_wclass)1 << 44)
/* a modal: the bare verb after it is a plan or a possibility */
#define W_MODAL ((sckg_wclass)1 << 45)
/* a span of time a periodref counts, with no date fixed: "last week" */
#define W_PERIOD ((sckg_wclass)1 << 46)
/* moves a day by its value: "a day later" +1, "a day earlier" -1 */
#define W_SHIFT ((sckg_wclass)1 << 47)
/* the auxiliary of a perfect: "has denied" tells of no one day */
#define W_PERFECT ((sckg_wclass)1 << 48)
/* a number word, its value the number: "the three governments" */
#define W_CARDINAL ((sckg_wclass)1 << 49)
/* the preposition of a launch's origin: "fired from the Pyongyang area" */
#define W_ORIGIN ((sckg_wclass)1 << 50)
/* introduces instances of what stands before it: "heists, among them the
 * hack of the bridge", "attacks, including WannaCry" */
#define W_INSTANCE ((sckg_wclass)1 << 51)
/* a rank that may stand before a title: "FBI Deputy Director X", "Acting
 * U.S. Attorney X" */
#define W_RANK ((sckg_wclass)1 << 52)
/* names the cause of an act after it: "sanctioned over their roles in
 * cyberattacks", "designated for laundering" */
#define W_CAUSE ((sckg_wclass)1 << 53)
/* a role that serves its state wherever it stands: "authorities in
 * Germany" are Germany's, "programmers in Moscow" not Russia's */
#define W_AUTHORITY ((sckg_wclass)1 << 54)
/* a verb whose subject undergoes the event noun after it: "was hit by a
 * cyberattack", "suffered a data breach" */
#define W_UNDERGO ((sckg_wclass)1 << 55)
/* a class of no words: in a trigger, "@proper" matches a capitalised
 * word ("breach @proper": breached Sony, not a ceasefire) */
#define W_PROPER ((sckg_wclass)1 << 56)
/* opens a time of its own: "hours after Trump warned", "a week before the
 * launch": a date on one side does not date the other */
#define W_SEQUENCE ((sckg_wclass)1 << 57)
/* names the source of a report after it: "Yonhap reported, citing a
 * government official": the claim is the official's */
#define W_SOURCE ((sckg_wclass)1 << 58)
/* names what someone said: ", a claim Kyiv rejects" after a reported
 * clause restates it, and a reaction to it answers its speaker */
#define W_RESTATE ((sckg_wclass)1 << 59)
/* what computers hold or run, which gives an attack on it a cyber sense:
 * "the attack on the Harmony bridge", "attacks that wiped servers" */
#define W_CYBER ((sckg_wclass)1 << 62)
/* a participle of getting to see a text: "a report seen by Reuters",
 * "a letter obtained by Yonhap": its by-phrase names no author */
#define W_WITNESS ((sckg_wclass)1 << 63)
/* an adjective that disparages what it is said of, in events.tsv's
 * `@scorn`: "said the reasons were unconvincing" criticises them */
#define W_SCORN ((sckg_wclass)1 << 68)
/* a noun that names a wrong done, in events.tsv's `@wrong`: "said the
 * launch was a violation" accuses its doer */
#define W_WRONG ((sckg_wclass)1 << 69)
/* a private person: "two Chinese nationals", "a Japanese businessman" do
 * not speak for their state, as "North Korean officials" do */
#define W_PRIVATE ((sckg_wclass)1 << 66)
/* a noun for something said: "issued the warning on Tuesday", "made the
 * remarks on Monday" tell again a speech act told before, and date it */
#define W_UTTERANCE ((sckg_wclass)1 << 64)
/* tells when something started: "the drills, which began March 4": its
 * date is the day of the act the drills name */
#define W_BEGIN ((sckg_wclass)1 << 60)
/* intent or ability: "its ability to conduct cyberattacks", "plans to
 * impose sanctions": the act its preposition opens is not told as done */
#define W_INTENT ((sckg_wclass)1 << 61)
/* opposing a kind of act: "keep fighting cybercrime", "the fight against
 * money laundering": the crime after it is a category fought, no act told */
#define W_OPPOSE ((sckg_wclass)1 << 70)
/* a noun that introduces a name: "tracks it under the name TraderTraitor" */
#define W_ALIAS ((sckg_wclass)1 << 71)

/* What a span of an article that is not read is (noise.tsv's kinds; the
 * title, datelines and timestamps are found by their shape alone). */
typedef enum {
  NOISE_TITLE,      /* the headline: the article's title, not read */
  NOISE_CAPTION,    /* a photo caption or its alt text */
  NOISE_CREDIT,     /* a photo or agency credit after a caption or prose */
  NOISE_BYLINE,     /* "By Megan Carlisle" */
  NOISE_DATELINE,   /* "WASHINGTON (AP) —" before the lead */
  NOISE_TIMESTAMP,  /* "Published : 2013.04.13 11:05" */
  NOISE_LABEL,      /* a section label, masthead or metadata field */
  NOISE_POST,       /* an embedded social-media post or its credit */
  NOISE_LINK,       /* "Read more: ...", "Related coverage" */
  NOISE_CORRECTION, /* a correction or editor's note */
  NOISE_COPYRIGHT,  /* "Copyright 2023 ...", "All rights reserved." */
  NOISE_KIND_COUNT
} noise_kind;

/* Where a noise.tsv pattern stands in a paragraph. */
typedef enum {
  NOISE_AT_START,   /* it opens the paragraph */
  NOISE_AT_END,     /* it closes the paragraph (a credit or link tail) */
  NOISE_AT_CUE,     /* anywhere in a short paragraph */
  NOISE_AT_WEAK_CUE /* anywhere, beside a credit or a date-and-place tail */
} noise_where;

typedef struct {
  const char *pat; /* lowercase; '*' one to four words, '#' a number */
  noise_kind kind;
  noise_where where;
} noise_pattern;

/* By where a pattern stands and by the byte it opens with, the head of
 * the patterns there that open with the byte: the letters all of them
 * open with, up to a '*' or '#'. A scan of an article tries the patterns
 * only where the head is, and most words of a paragraph do not even open
 * with one. head_len 0 where no pattern opens; else the head is the first
 * head_len bytes of the pattern sckg_schema.noise[head[where][byte]] (an
 * index, not a pointer, so that an image carries it as it is).
 * `follows`: by byte, either case of a letter, the second bytes of the
 * patterns past the start that it opens, each as bit (byte & 31), all
 * bits for a '*', '#' or the end; 0 when it opens none. */
typedef struct {
  unsigned char head_len[NOISE_AT_WEAK_CUE + 1][256];
  uint32_t head[NOISE_AT_WEAK_CUE + 1][256];
  uint32_t follows[256];
} noise_index;

/* The name of a noise kind, as noise.tsv and --explain write it. */
const char *sckg_noise_kind_name(noise_kind k);

/* The roles of an event type (types.tsv). */
enum {
  TYPE_SPEECH = 1, /* voiced or reported by its agents */
  TYPE_ACT = 2,    /* a deed a later "the decision" or "the move" may name */
  TYPE_CRIME = 4,  /* an alleged illicit act: its agent may come from context */
  TYPE_PAIR = 8,   /* needs two parties among its agents and targets */
  TYPE_JOINT = 16, /* done together: its partners are agents, not targets */
  TYPE_REACTION = 32, /* answers an act: an event it names is a past one */
  TYPE_OFFICIAL = 64  /* done by an authority: told in the passive, the
                         body that announces it did it */
};

/* What an event type is: one line of types.tsv. */
typedef struct {
  const char *cameo; /* CAMEO code, or NULL where CAMEO has none */
  const char *label; /* short English words for diagrams: "imposes sanctions" */
  unsigned roles;    /* TYPE_ bits */
  sckg_family family;
  const char *group; /* the view group it belongs to ("cyber"), or NULL */
} sckg_type_info;

/* What a phrase's words need of a sentence, so that a matcher rules out most
 * candidates without reading them: the bloom bit (sckg_lexicon_bloom_bit)
 * of each of its words after the first that is neither a '*' nor a class,
 * up to LEX_SIG_BITS of them, but for a fixed second word, which its pair
 * finds (lex_pair). Each such word must stand in a sentence the phrase
 * matches. The places past n hold LEX_SIG_ANY, a bit every sentence's
 * filter sets, so that the first LEX_SIG_TESTED are tested without a
 * branch on n.
 * The first bit is the phrase's key: that of its longest such word, the
 * likeliest to be missing ("upgrade" in "vowed * to upgrade * ties", not
 * "to"). The entries of sckg_schema.cands carry it (lex_cand_key), so that
 * a list rules most of its phrases out without their signatures. */
enum { LEX_SIG_BITS = 7, LEX_SIG_TESTED = 4, LEX_SIG_ANY = 0 };
typedef struct {
  unsigned char n; /* the bits used */
  unsigned char bits[LEX_SIG_BITS];
} lex_sig;

/* An entry of sckg_schema.cands: a phrase's key (lex_sig) in the low
 * LEX_CAND_KEY_BITS, its index in sckg_schema.phrases above; the schema
 * holds fewer than LEX_MAX_PHRASES phrases. The key is the entry's first
 * byte in memory, so a test of the key alone loads just it. */
enum { LEX_CAND_KEY_BITS = 8, LEX_MAX_PHRASES = 1 << (32 - LEX_CAND_KEY_BITS) };
static inline uint32_t lex_cand_entry(uint32_t at, unsigned key) {
  return at << LEX_CAND_KEY_BITS | key;
}
static inline uint32_t lex_cand_at(uint32_t c) {
  return c >> LEX_CAND_KEY_BITS;
}
static inline unsigned lex_cand_key(uint32_t c) {
  return c & ((1u << LEX_CAND_KEY_BITS) - 1);
}

/* What the first tests of a candidate need, by its place in
 * sckg_schema.cands (cand_info[k] for cands[k]), so that a list's
 * candidates are mostly decided next to the list, without reading their
 * signature, their pointer in sckg_schema.phrases nor the phrase: the
 * phrase, bits 1..LEX_SIG_TESTED-1 of its signature (lex_sig), its kind
 * and length, and LEX_CAND_ flags. */
enum {
  LEX_CAND_STAR = 1, /* it has a '*' */
  LEX_CAND_MORE = 2, /* its signature has more than LEX_SIG_TESTED bits */
  /* it matches wherever its list finds it: a phrase of one or two words,
   * of any case, with no '*' nor class, whose first word the list and
   * whose second the pair (lex_pair) have matched; an anaphor but for an
   * acronym ("IT" no "it"), which the matcher tests */
  LEX_CAND_SURE = 4,
  /* its first two words match wherever its list finds it: a phrase of
   * words only, of any case and no anaphor, whose first word the list and
   * whose second the pair have matched; the matcher starts at the third */
  LEX_CAND_PAIRED = 8
};
typedef struct {
  const phrase *ph;
  unsigned char sig[LEX_SIG_TESTED - 1];
  unsigned char kind, n, flags;
} lex_cand_info;

/* What the schema knows of one interned lowered token: its word classes,
 * the phrases it starts, the event types its noun patterns head, and its
 * number. One probe of the schema's word table finds all of it. */
typedef struct {
  sckg_wclass cls;  /* words.tsv's classes, 0 when none */
  const char *key;  /* the token; NULL: an empty slot */
  phrase **phrases; /* the phrases it starts, longest first: a run of
                       sckg_schema.phrases */
  uint32_t n_phrases;
  uint32_t heads; /* 1 << type of each event type its noun patterns head */
  int16_t num;    /* words.tsv's number (a month's, a day offset) */
  bool has_num;
  uint32_t n_open; /* of its phrases, those open after it (lex_cands) */
  /* bit sckg_lexicon_bloom_bit % 64 of each fixed second word of its
   * phrases: a next token whose bit is not set has no pair (lex_pair), and
   * the pair table, large and cold, is not probed for it */
  uint64_t second_bits;
  /* the token's readings in WordNet (sckg_morph_readings), and its length,
   * so that the tagger need not look it up again in every sentence */
  uint16_t len;
  unsigned char pos, verb_infl;
  /* of its open phrases, one moves its object (lex_moves_object) */
  bool moves_object;
} lex_word;

/* A long group of one pair's phrases (LEX_KEYED_MIN or more: "republic
 * of" starts some 90 names) by their third word, so that a matcher reads
 * those whose third word the next token but one may be, a few, and not
 * the whole group: in bucket b (0-255) those whose third word is a word
 * whose bit (sckg_lexicon_bloom_bit) is b, in bucket LEX_THIRD_ANY those
 * of two words or with a '*' or a class third. The group's places (0 for
 * its first entry) sorted by bucket: those of bucket b at
 * order[from[b]..from[b + 1]) of sckg_schema.key_order + order_at. The
 * buckets hang on where the schema lies, as the keys do. */
enum {
  LEX_KEYED_MIN = 16,
  LEX_KEYED_MAX = UINT16_MAX, /* the longest group keyed */
  LEX_THIRD_ANY = 256
};
typedef struct {
  uint32_t order_at;
  uint16_t from[LEX_THIRD_ANY + 2];
} lex_keyed;

/* The phrases a first word starts that fix their second word to one
 * token, grouped by that token: the group of (first, second) is
 * sckg_schema.cands[at..at + n). The two words are keyed by their
 * distance from the schema, as lex_word's are, so that the table holds
 * in an image wherever it lies. n == 0: an empty slot. */
typedef struct {
  uint64_t first, second;
  uint32_t at, n;
  uint32_t keyed; /* 1 + its group's index in sckg_schema.keyed, or 0 */
} lex_pair;

/* Is ph a verb, a gap and a word ("impose * sanctions"), whose word may
 * stand before the verb as the object a relative clause moved ("the
 * sanctions Japan imposed")? */
static inline bool lex_moves_object(const phrase *ph) {
  return ph->kind == PH_TRIGGER && ph->n == 3 && ph->star == 1 &&
         !(ph->pattern->flags & PAT_NOUN);
}

/* The phrases that may match at a token: those its word starts whose
 * second word is open (a '*', a class, or none) and those whose second
 * word is the next token's. Each list holds indexes into
 * sckg_schema.phrases in ascending order, so read merged they keep the
 * phrases' order (longest first). */
typedef struct {
  const uint32_t *open, *fixed;
  uint32_t n_open, n_fixed;
  /* the fixed list's index by third word: 1 + its index in
   * sckg_schema.keyed, or 0 when it is short (lex_keyed) */
  uint32_t fixed_keyed;
} lex_cands;

struct sckg_schema {
  sckg_type_info types[SCKG_EV_COUNT]; /* by sckg_event_type */
  /* the preposition of events.tsv's `by` slot, interned: a passive's agent
   * stands after it */
  const char *by_prep;
  sckg_arena *arena;
  sckg_strtab
      *strings;       /* every token of every phrase, as written and lowered */
  lex_actor **actors; /* sorted by id */
  size_t n_actors;
  phrase **phrases; /* all phrases */
  size_t n_phrases;
  /* Indexes into phrases with their keys (lex_cand_at, lex_cand_key), a
   * permutation of them: within the run of each first word
   * (lex_word.phrases), its n_open open phrases, then its groups by
   * second word (lex_pair), each in the phrases' order. Most
   * of a common word's phrases ("the", "to") are ruled out by the word
   * after it without being read. */
  uint32_t *cands;
  lex_pair *pairs; /* open addressing, pairs_cap a power of two */
  size_t pairs_cap;
  /* For cands[k], what its first tests need (lex_cand_info). */
  lex_cand_info *cand_info;
  /* For phrases[i], its signature (lex_sig). */
  lex_sig *sigs;
  /* The long groups of pairs by third word (lex_keyed, lex_pair.keyed),
   * and the places they sort: n_keyed and n_key_order are known once the
   * lists are arranged, the contents once the words are placed. */
  lex_keyed *keyed;
  uint16_t *key_order;
  size_t n_keyed, n_key_order;
  /* What the schema knows of each token (lex_word), by its interned lowered
   * form: open addressing keyed by the token's distance from the schema
   * itself, so that a schema compiled into the binary (image.c) keeps its
   * slots wherever it is loaded. */
  lex_word *words;
  size_t words_cap, words_used;
  /* For each slot of `strings` (sckg_strtab_slot), 1 + the index in `words`
   * of the entry of the string there, 0 when none: a token's text finds
   * its entry with the probe that interns it (sckg_lexicon_entry_at). */
  uint32_t *word_at;
  /* publishers.tsv: credit marks and the publisher they name. */
  const char **pub_marks;
  const char **pub_names;
  size_t n_pubs;
  /* noise.tsv: the patterns of what is not prose, by first byte (in table
   * order within one): those starting with byte c are
   * noise[noise_from[c]..noise_from[c + 1]). */
  noise_pattern *noise;
  size_t n_noise;
  unsigned noise_from[257];
  /* The bytes of the longest word of the `abbr` class: a longer word
   * before a dot is no abbreviation, and is not looked up. (Here, where it
   * fills the gap after noise_from: a schema that grows moves the words
   * of the image, and with them their bits of Bloom filters.) */
  uint32_t abbr_max;
  /* What the layout of an article looks for first, built with the tables
   * (lex_index_openers) rather than for each article: the heads of the
   * noise patterns, and by byte the publishers' marks that open with it,
   * mark k as bit k % 64 (an empty mark, which matches the part of
   * "/name" before its slash or a word of dots, under '/' and every byte
   * another mark opens with); 0 for most bytes. */
  noise_index noise_heads;
  uint64_t pub_opens[256];
  /* Of each `abbr` word, bit sckg_abbr_bit of its first and last bytes:
   * a word before a dot whose bit is not set is not looked up, as most
   * words that end a sentence. */
  uint64_t abbr_ends;
};

/* The bit of schema.abbr_ends for a word that opens with byte `first` and
 * ends with `last`, either case of a letter the same. */
static inline unsigned sckg_abbr_bit(char first, char last) {
  return ((unsigned)(first & 31) * 5 + (unsigned)(last & 31)) & 63;
}

/* The bit (0-255) of a sentence's Bloom filter of words that stands for
 * the interned lowered token w: by its distance from the schema, so that
 * the signatures compiled into an image hold wherever it lies. */
static inline unsigned sckg_lexicon_bloom_bit(const sckg_schema *s,
                                              const char *w) {
  return (unsigned)((((uintptr_t)w - (uintptr_t)s) * 0x9E3779B97F4A7C15u) >>
                    56);
}
/* Fill s->word_at (sckg_strtab_cap(s->strings) zeroed entries) from the
 * word table (image.c, after it places the words). */
void lex_index_word_slots(sckg_schema *s);
/* Fill s->sigs from s->phrases (image.c, after it places the words). */
void lex_sign_phrases(sckg_schema *s);
/* Fill s->noise_heads, s->pub_opens, s->abbr_max and s->abbr_ends from
 * s->noise,
 * s->pub_marks and the word table (its lengths set). */
void lex_index_openers(sckg_schema *s);
/* Fill s->pairs (s->pairs_cap zeroed slots) from s->cands and the word
 * table, set the keys of s->cands' entries and s->cand_info from
 * s->sigs, and fill s->keyed and s->key_order (s->n_keyed and
 * s->n_key_order entries) with the pairs' keyed fields (image.c,
 * after it places them and signs the phrases, as the keys hang on where the
 * words lie). */
void lex_pair_phrases(sckg_schema *s);
/* The phrases that may match at a token whose word's entry is `w`
 * (sckg_lexicon_entry of its interned lowered form; NULL: none), followed
 * by the interned lowered word `next` (NULL: none); false when none may. */
bool sckg_lexicon_candidates(const sckg_schema *s, const lex_word *w,
                             const char *next, lex_cands *out);
/* All the schema knows of an interned lowered token, or NULL when nothing. */
const lex_word *sckg_lexicon_entry(const sckg_schema *s, const char *tok);
/* The same of the string in slot `at` of s->strings, as
 * sckg_strtab_find_cased gives it for a token's lowered form. */
static inline const lex_word *sckg_lexicon_entry_at(const sckg_schema *s,
                                                    size_t at) {
  uint32_t k = s->word_at[at];
  return k ? &s->words[k - 1] : NULL;
}
/* What the schema knows of a token's text, all a sentence's reader asks of
 * it as it reads the token: its interned forms as written and lowered
 * (NULL: absent), the entry of the lowered one (sckg_lexicon_entry), that
 * entry's word classes and the lowered form's bit of a sentence's Bloom
 * filter (sckg_lexicon_bloom_bit; LEX_SIG_ANY when absent, a bit every
 * sentence sets). One cache line: a token read through a memo of them
 * (lex_form_memo) touches neither the string table, nor the word table,
 * nor the entry. */
typedef struct {
  sckg_wclass cls;
  uint64_t key[2]; /* the memo's: the text's bytes (sckg_short_key) */
  const char *written, *lowered;
  const lex_word *entry;
  uint32_t len; /* the memo's: the text's length, 0 for an empty slot */
  unsigned char bloom;
} lex_form;

/* A memo of lex_forms by their text, for texts of up to 16 bytes: a text
 * repeats its words, and a hit reads one line where a look-up hashes the
 * text twice and reads a string table's slot, the string there, the word
 * table's index and the entry, each from its own place in memory. It
 * changes no answer. Zeroed, it is empty; it forgets all when asked of
 * another schema, but it cannot tell a schema from one made where a freed
 * one lay: it lives no longer than its schema.
 * Each text has a set of two slots, the newer first: of 4,000 words (the
 * real articles') in one slot each, most misses were of two words taking
 * one slot from each other. A miss costs the look-up's reads of tables too
 * big to stay in the cache, so the memo is large (2 MB): with 4,096 sets,
 * the dev articles read 20 times over missed 17,444 times, with 16,384 sets
 * 4,651 times, and the real text took 2 % less time. */
enum { LEX_FORM_MEMO_BITS = 14 }; /* of sets */
typedef struct {
  const sckg_schema *s; /* the schema its forms are of */
  lex_form spare;       /* a text too long for the memo */
  _Alignas(64) lex_form sets[1u << LEX_FORM_MEMO_BITS][2];
} lex_form_memo;
_Static_assert(sizeof(lex_form) == 64, "a lex_form is one cache line");

/* sckg_lexicon_form of a text the memo does not hold (lexicon.c). */
const lex_form *sckg_lexicon_form_miss(lex_form_memo *m, const sckg_schema *s,
                                       const char *text, size_t len);

/* What s knows of text[0, len), through memo m: valid until the next call.
 * key is sckg_short_key's key of the text when it is 1 to 16 bytes long,
 * made by the caller (sckg_token_next_keyed), and not read otherwise. A
 * hit is read here, without a call. */
static inline const lex_form *
sckg_lexicon_form_keyed(lex_form_memo *m, const sckg_schema *s,
                        const char *text, size_t len, const uint64_t key[2]) {
  if (len - 1 < sizeof m->spare.key && m->s == s) {
    uint64_t h = sckg_short_key_hash(key, len);
    const lex_form *set = m->sets[h >> (64 - LEX_FORM_MEMO_BITS)];
    for (int k = 0; k < 2; k++)
      if (set[k].len == len && set[k].key[0] == key[0] &&
          set[k].key[1] == key[1])
        return &set[k];
  }
  return sckg_lexicon_form_miss(m, s, text, len);
}

/* The same, the key made here. */
static inline const lex_form *sckg_lexicon_form(lex_form_memo *m,
                                                const sckg_schema *s,
                                                const char *text, size_t len) {
  uint64_t key[2] = {0, 0};
  if (len - 1 < sizeof m->spare.key)
    sckg_short_key(text, len, key);
  return sckg_lexicon_form_keyed(m, s, text, len, key);
}

/* The slot of `key` in s's word table: its entry, or the empty slot where it
 * would go (image.c fills a table of its own with it). */
lex_word *lex_word_slot(const sckg_schema *s, const char *key);
/* The phrases starting with interned lowered token `tok` (longest first). */
phrase **sckg_lexicon_phrases(const sckg_schema *s, const char *tok, size_t *n);
/* Word class bits of an interned lowered token (0 when none). */
sckg_wclass sckg_lexicon_word(const sckg_schema *s, const char *tok);
/* The event types whose noun patterns an interned lowered token heads, as
 * bits 1 << sckg_event_type; 0 when none. */
uint32_t sckg_lexicon_event_head(const sckg_schema *s, const char *tok);

/* What event type t is (types.tsv). */
static inline const sckg_type_info *sckg_type(const sckg_schema *s,
                                              sckg_event_type t) {
  return &s->types[t];
}
/* The number words.tsv gives an interned lowered token (a month's 1-12, a
 * weekday's 1-7 from Monday, a day or period offset); false when none. */
bool sckg_lexicon_word_value(const sckg_schema *s, const char *tok, int *out);
/* The lexicon actor whose name or alias is exactly `label` (token by
 * token, as written), or NULL. */
const lex_actor *sckg_lexicon_by_name(const sckg_schema *s, const char *label,
                                      size_t len);
/* The lexicon actor with this id, or NULL. */
lex_actor *sckg_lexicon_actor(const sckg_schema *s, const char *id);
/* Parse the tables of a schema from named buffers. `get` returns the bytes
 * of a table by file name, or NULL when absent. */
typedef const char *(*table_getter)(void *ctx, const char *name, size_t *len);
sckg_status sckg_lexicon_load(table_getter get, void *ctx, sckg_diag_sink sink,
                              void *handle, sckg_schema **out);

#endif
