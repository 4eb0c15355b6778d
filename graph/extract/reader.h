/* SPDX-License-Identifier: MIT */
/* The extraction's reader: what it holds of the sentence being read and of
 * the article so far, shared by the files of graph/extract/. Private to the
 * extraction; functions shared between its files are prefixed ex_. */
#ifndef SCKG_EXTRACT_READER_H
#define SCKG_EXTRACT_READER_H

#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "lexicon/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TOKENS = EX_MAX_TOKENS, MAX_MENTIONS = 512, MAX_TRIGGERS = 256 };
/* the latest acts an article remembers (article_state.acts), a power of two
 * so that a place in their ring is a mask */
enum { EX_ACTS_KEPT = 8 };

typedef enum { M_NAME, M_ADJ, M_ANAPHOR } mention_kind;

typedef struct {
  size_t tb, te; /* token span */
  mention_kind kind;
  size_t n;         /* in `actors` */
  bool poss;        /* a possessor: "North Korea's [threats]" */
  bool plural;      /* stands for several (a plural head, "they") */
  bool role;        /* a person's role standing for a state: "the envoy" */
  const char *prep; /* the preposition governing it, lowered, or NULL */
  bool quoted;
  int group;          /* index of its coordination group */
  const phrase *head; /* the head noun that made it, if any */
  const phrase *ana;  /* the anaphor phrase, for M_ANAPHOR */
  ex_actor *named;    /* named without acting: the state in "Britain's
                           ambassador Barbara Woodward" */
  ex_actor *office;   /* the body a title names: the State Department in
                         "Secretary of State Rex Tillerson" */
  /* last: read only below n, so a new mention clears the fields before
   * it alone (ex_new_mention), not half the struct more */
  ex_actor *actors[EX_MAX_ACTORS];
} mention;

typedef struct {
  size_t tb, te;
  size_t obj_from;    /* where an object starts: after the trigger, or inside
                         it where a '*' stands ("added * to its list") */
  bool object_before; /* the pattern's object noun stands before the verb,
                         which its subject follows: "the sanctions (that)
                         Japan imposed"; active voice */
  bool gap_empty;     /* its first '*' holds no word: the object moved after it
                         ("removed from its list three firms") or is the
                         subject of a passive ("were added to the list") */
  const lex_pattern *pat;
  const char *text;
  bool negated;
  bool quoted;
} trigger;

typedef struct {
  size_t tok; /* token index of the expression */
  sckg_date date;
} date_expr;

/* A statement or report met in the article, remembered so that "the
 * statement" and "the report" can refer back to the right one. */
typedef struct {
  const char *noun; /* its head noun, lowered: "statement", "report" */
  ex_actor *agents[EX_MAX_ACTORS];
  size_t n;
  long event; /* its index among the article's events */
} statement_memory;

/* The agents of an act the article told of. */
typedef struct {
  ex_actor *agents[EX_MAX_ACTORS];
  size_t n;
} act_memory;

/* The last few actors of one class, latest last. */
typedef struct {
  ex_actor *items[8];
  size_t n;
} recent_actors;

/* What the article remembers between sentences. A new article clears
 * the fields before `last_agents` (read_article); the arrays from there on
 * are read only below counts kept among the cleared fields, so that what
 * an earlier article left in them is never read, and clearing them (three
 * quarters of the struct) would be work for nothing. */
typedef struct {
  ex_actor *subject[EX_MAX_ACTORS];
  size_t n_subject;
  size_t n_plural[8]; /* of each group in `plural` */
  size_t n_plurals;
  size_t n_stmts; /* in `stmts` */
  ex_actor *last_group, *last_person, *last_org;
  /* government agencies and international bodies named, latest last:
   * "the ministry" is the latest whose name says ministry */
  recent_actors agencies, igos;
  sckg_vec persons; /* ex_actor *, persons named so far */
  ex_actor *last_state;
  size_t n_last_agents[SCKG_EV_COUNT]; /* in `last_agents` */
  size_t last_para[SCKG_EV_COUNT];     /* the paragraph it was told in */
  size_t
      acts_told; /* acts remembered in the article: the latest few in `acts` */
  size_t n_named_acts;                  /* in `named_acts` */
  size_t n_last_targets[SCKG_EV_COUNT]; /* in `last_targets` */
  /* the date of the last sentence that had dated events, and their agents */
  sckg_date last_date;
  size_t last_date_sent; /* index of that sentence */
  ex_actor *last_date_agents[EX_MAX_ACTORS];
  size_t n_last_date_agents;
  /* the paragraph being read, and the last day a sentence fixed (with or
   * without events), its paragraph and the actors that sentence named */
  size_t para;
  sckg_date day;
  size_t day_para, day_sent;
  bool day_frame; /* told by "On Tuesday," opening its sentence */
  ex_actor *day_actors[EX_MAX_ACTORS];
  size_t n_day_actors;
  /* the article's date once a clause fixes that very day: a report of the
   * day's events ("failed to pass this afternoon", "on Friday") */
  sckg_date report_day;
  struct { /* not cleared: see above */
    /* the agents of the last event of each type, for "condemned the
     * launch" */
    ex_actor *last_agents[SCKG_EV_COUNT][EX_MAX_ACTORS];
    /* the last targets of each type, for "made the same accusation" */
    ex_actor *last_targets[SCKG_EV_COUNT][EX_MAX_ACTORS];
    /* groups of several actors, latest last: "they", "the three
     * countries" */
    ex_actor *plural[8][EX_MAX_ACTORS];
    statement_memory stmts[8]; /* the article's statements, latest last */
    /* the agents of the last act (no reaction to one), for "the
     * decision" */
    act_memory acts[EX_ACTS_KEPT]; /* a ring: the i-th act told at
                                      i % EX_ACTS_KEPT, none moved */
    /* acts with a word that only names an act beside their trigger, latest
     * last: "passed a resolution sanctioning shippers" is what "the
     * resolution" names again */
    struct {
      const char *noun; /* lowered */
      ex_actor *agents[EX_MAX_ACTORS];
      size_t n;
    } named_acts[8];
  };
} article_state;

/* How many acts st holds, and the k-th latest of them (k = 0: the latest). */
static inline size_t ex_acts_kept(const article_state *st) {
  return st->acts_told < EX_ACTS_KEPT ? st->acts_told : EX_ACTS_KEPT;
}
static inline const act_memory *ex_latest_act(const article_state *st,
                                              size_t k) {
  return &st->acts[(st->acts_told - 1 - k) & (EX_ACTS_KEPT - 1)];
}

/* One word's readings in the lexicon (tagging.c), kept across sentences
 * and articles: a word's bytes alone decide them, and news repeats its
 * words. A slot holds words of up to MORPH_MEMO_WORD bytes; slots go in
 * pairs, a bucket per hash. */
enum { MORPH_MEMO_SLOTS = 16384, MORPH_MEMO_WORD = 25 };
typedef struct {
  uint32_t hash;
  unsigned char len; /* 0: empty */
  unsigned char pos, verb_infl;
  char word[MORPH_MEMO_WORD];
} morph_memo;

typedef struct {
  entity_table ents; /* the article's actors */
  /* the memory of the article's actors and their strings, emptied for
   * each article (to `arena_empty`): an article's needs are much like
   * the last's, and a fresh arena each time would be allocated and
   * freed, and its string table made and freed, for every article */
  sckg_arena *arena;
  sckg_arena_mark arena_empty;
  /* the arrays of the last article's extraction (its events, actors and
   * mentions), kept for the next, which empties and fills them again */
  extraction kept;
  const sckg_schema *s;
  const article_text *a;
  article_state st;
  extraction *out;
  size_t sent_index;
  /* where the sentence's events start in out->events: those before it are
   * earlier sentences', found without walking back over them */
  size_t first_event;
  /* a role that speaks for a body the article names only later
   * ("federal prosecutors alleged ... the Justice Department said"): the
   * first reading flags it, and a second reads the article again knowing
   * the bodies the first one met, in the order met */
  bool role_unresolved;
  const lex_actor *later_bodies[16];
  size_t n_later_bodies;
  /* the cues of the roles the first reading left unresolved: a second
   * reading changes nothing unless a later body answers one of them.
   * More distinct cues than this, and the second reading is made anyway */
  const char *unresolved_cues[8];
  size_t n_unresolved_cues;
  bool unresolved_cues_lost;
  /* the sentence */
  const char *text; /* the body */
  token toks[MAX_TOKENS];
  size_t n;
  /* each token's word classes in words.tsv, looked up once as the
   * sentence is read: the grammar asks ex_word about every token many
   * times over */
  sckg_wclass wclass[MAX_TOKENS];
  /* and all else the lexicon knows of it (sckg_lexicon_entry), NULL when
   * nothing: its phrases are found from it */
  const lex_word *lexw[MAX_TOKENS];
  /* a Bloom filter of the sentence's lowered tokens
   * (sckg_lexicon_bloom_bit), a byte for each of its 256 bits (1: set),
   * so that a test is one load: a phrase with a word missing from it
   * cannot match (sckg_schema.sigs). Bit LEX_SIG_ANY is always set. */
  unsigned char words_seen[256];
  bool quoted[MAX_TOKENS];
  unsigned short clause[MAX_TOKENS]; /* relative clause id, 0 = main */
  /* all the word classes of the sentence's tokens, and all their kinds
   * (bit 1 << token_kind), gathered as the tokens are read: a pass or a
   * phrase that acts only where a class or a kind stands is skipped whole
   * when the sentence has none */
  sckg_wclass classes_seen;
  unsigned kinds_seen;
  /* and all the flags (PAT_ bits) of the patterns of its triggers, once
   * they are found: a pass over the frames that acts only on a denial, a
   * crime or a report is skipped whole when the sentence has none (most
   * have none of one or the other) */
  unsigned flags_seen;
  /* the longest phrase of each kind at each token and its end token,
   * found once as the sentence is read (ex_find_phrases): every pass of
   * the reader asks the same questions of the same tokens */
  unsigned gen;
  /* by token, then kind: a token's kinds side by side, not 32 KB apart,
   * where the kinds' lines fell in one set of the cache and evicted each
   * other */
  const phrase *memo_ph[MAX_TOKENS][PH_KIND_COUNT];
  unsigned short memo_end[MAX_TOKENS][PH_KIND_COUNT];
  /* bit k set: a phrase of kind k starts at the token, and memo_ph and
   * memo_end hold it; the others' entries are stale. Most tokens start
   * none, and most questions end at this byte. */
  unsigned char memo_kinds[MAX_TOKENS];
  _Static_assert(PH_KIND_COUNT <= 8, "a kind is a bit of memo_kinds");
  /* bit i % 64 of word i / 64: token i may start a trigger, as a trigger
   * starts there (memo_kinds) or its word starts a phrase that moves its
   * object (lex_moves_object); set with the memo. Few tokens do, and
   * ex_find_triggers goes from one to the next. */
  uint64_t trigger_starts[MAX_TOKENS / 64];
  _Static_assert(MAX_TOKENS % 64 == 0, "a bit of trigger_starts a token");
  /* each token's readings in the lexicon (tagging.c), valid where
   * tag_gen == gen: its parts of speech, and its verb readings'
   * inflections as 1 << sckg_inflection bits */
  unsigned tag_gen[MAX_TOKENS];
  unsigned char tag_pos[MAX_TOKENS];
  unsigned char tag_verb_infl[MAX_TOKENS];
  /* a bucket (two slots) is one cache line: the reader is allocated
   * 64-byte aligned (sckg_extractor_new) */
  _Alignas(64) morph_memo morph[MORPH_MEMO_SLOTS];
  mention m[MAX_MENTIONS];
  size_t nm;
  trigger t[MAX_TRIGGERS];
  size_t nt;
  date_expr dates[32];
  size_t nd;
  sckg_buf scratch;
  /* what the schema knows of the texts the sentences' tokens found */
  lex_form_memo forms;
  /* sckg_options.trace: each sentence's reading, line by line, to this
   * sink as SCKG_SEV_TRACE diagnostics naming the article (NULL: none) */
  sckg_diag_sink trace;
  void *trace_handle;
  const char *trace_file;
} reader;

typedef struct {
  trigger *t;
  ex_actor *agents[EX_MAX_ACTORS];
  size_t n_agents;
  ex_actor *targets[EX_MAX_ACTORS];
  size_t n_targets;
  long agent_mention;
  slot_kind agent_slot; /* which slot gave the agents */
  ex_actor *victim;     /* a company named before a crime noun */
  bool back_reference;  /* "the theft": told of before, not asserted here */
  long denies_charge;   /* a denial of the accusation frame with this index;
                          -1 (as read_frames starts it): none */
  bool negated;
  bool drop;
  const statement_memory *refers_back; /* "the statement" named again */
  bool reports_crime; /* a warning whose content is another's crime told as
                         fact: an accusation, no threat */
} frame;

/* phrases.c */
bool ex_all_caps(const reader *r, size_t i);
void ex_find_triggers(reader *r);
/* The token tests every pass asks at most tokens, inline: a call cost
 * more than the test. */
static inline bool ex_is_comma(const reader *r, size_t i) {
  return i < r->n && r->toks[i].kind == TK_PUNCT &&
         r->text[r->toks[i].b] == ',';
}
static inline bool ex_is_lower_word(const reader *r, size_t i) {
  return i < r->n && r->toks[i].kind == TK_WORD && !r->toks[i].cap;
}
/* Is token i a lowercase noun that words.tsv gives no class ("waters" in
 * "South Korean waters")? A name right before one modifies it. */
bool ex_common_noun_at(const reader *r, size_t i);
bool ex_joining_hyphen(const reader *r, size_t i);
/* Find the longest phrase of each kind at each token of the sentence, once
 * its tokens and their word classes are known. */
void ex_find_phrases(reader *r);
/* The longest phrase of one of the kinds in `mask` (bits 1 << phrase_kind)
 * at token i, its end token in *end; of equally long ones, the kind listed
 * first in phrase_kind. NULL, and *end 0, when none. */
static inline const phrase *ex_longest(const reader *r, size_t i, unsigned mask,
                                       size_t *end) {
  const phrase *best = NULL;
  size_t best_end = 0;
  if (i < r->n)
    for (mask &= r->memo_kinds[i]; mask; mask &= mask - 1) {
      unsigned kind = (unsigned)__builtin_ctz(mask); /* in kind order */
      if (r->memo_end[i][kind] > best_end) {
        best = r->memo_ph[i][kind];
        best_end = r->memo_end[i][kind];
      }
    }
  *end = best_end;
  return best;
}
bool ex_tok_is(const reader *r, size_t i, const char *w);
bool ex_tok_lower_is(const reader *r, size_t i, const char *w);
/* Token i's word classes (words.tsv); 0 past the sentence's end. */
static inline sckg_wclass ex_word(const reader *r, size_t i) {
  return i < r->n ? r->wclass[i] : 0;
}

/* aliases.c */
/* The names the sentence gives in parentheses or after "also known as"
 * for a body it has just named stand for that body from now on
 * (sckg_entities_alias); a mention of such a name is that body. */
void ex_note_aliases(reader *r);

/* mentions.c; anaphora.c (what the article remembers); groups.c */
void ex_add_actor(mention *m, ex_actor *a);
/* Append text[b..e) with each run of spaces and line breaks as one space:
 * a name wrapped over two lines is the name on one. */
void ex_add_spaced(sckg_buf *out, const char *text, size_t b, size_t e);
void ex_count_state(reader *r, ex_actor *a);
void ex_find_mentions(reader *r);
size_t ex_group_actors_run(const reader *r, size_t k, ex_actor **out,
                           size_t max);
/* Every actor of the group that mention k belongs to, at most max, in *out;
 * how many. Most groups are one mention of one actor, answered here with
 * no call, no run to walk and nothing to tell apart. */
static inline size_t ex_group_actors(const reader *r, size_t k, ex_actor **out,
                                     size_t max) {
  const mention *m = &r->m[k];
  if (m->n == 1 && max && (k == 0 || r->m[k - 1].group != m->group) &&
      (k + 1 == r->nm || r->m[k + 1].group != m->group)) {
    out[0] = m->actors[0];
    return 1;
  }
  return ex_group_actors_run(r, k, out, max);
}
/* Does name mention m modify a noun right after it ("U.N. member states",
 * "the U.S. sanctions against its officials")? It is then no subject. */
bool ex_name_modifies_noun(const reader *r, const mention *m);
/* The first and the last mention of mention k's coordination group. */
size_t ex_group_first(const reader *r, size_t k);
size_t ex_group_last(const reader *r, size_t k);
void ex_group_mentions(reader *r);
void ex_remember_plural(article_state *st, ex_actor *const *actors, size_t n);
void ex_remember_recent(recent_actors *l, ex_actor *a);
void ex_remember_statement(reader *r, const char *noun, ex_actor **agents,
                           size_t n, long event);
const statement_memory *ex_statement_by_noun(const reader *r, const char *noun);
const char *ex_trigger_noun(const reader *r, const trigger *t);

/* What mentions.c, anaphora.c, groups.c and unknown.c lend each other. */
/* The article's actor for lexicon actor a, made on first use. */
ex_actor *ex_actor_of(reader *r, const lex_actor *a);
/* The state the article is most about so far. */
ex_actor *ex_topic_state(reader *r);
size_t ex_opening_comma(const reader *r);
size_t ex_group_apposition(const reader *r, size_t e);
void ex_resolve_plural(reader *r, mention *m, const phrase *ph);
bool ex_label_has_word(const char *label, const char *noun);
/* After a first reading that left roles unresolved, with r->later_bodies
 * set: does one of those bodies answer one of their cues? When none does,
 * a second reading would take the same turns as the first. */
bool ex_later_body_answers(const reader *r);
void ex_resolve_anaphor(reader *r, mention *m, const phrase *ph);

mention *ex_new_mention(reader *r, size_t tb, size_t te, mention_kind kind);
ex_actor *ex_person_by_part(reader *r, size_t i);
bool ex_ends_trigger(const reader *r, size_t p);
size_t ex_unknown_org(reader *r, size_t i, sckg_class *cls);
size_t ex_unknown_name(reader *r, size_t i, sckg_class *cls);
bool ex_title_case(const reader *r);
size_t ex_numbered_plural(reader *r, size_t i);

/* voice.c */
/* Is verb trigger t passive: after a form of "be" ("was fired"), before
 * its noun ("stolen funds"), or a participle after a noun phrase that is
 * no subject ("a firm accused of", "missiles fired from")? Nominal and
 * explicitly passive patterns are not. */
bool ex_is_passive(const reader *r, const trigger *t);
/* Does trigger t tell its clause in the passive ("was indicted", a
 * passive pattern), not as a modifier ("stolen funds")? */
bool ex_is_clause_passive(const reader *r, const trigger *t);
/* parties.c: "Rim was indicted, the Justice Department said": an official
 * act in the passive without its doer is the reporting body's */
void ex_announced_acts(const reader *r, frame *f, size_t nf);
/* parties.c: "Yonhap reported, citing an official, that": the official's */
void ex_cited_sources(const reader *r, frame *f, size_t nf);
/* When verb trigger t is a participle modifying the noun phrase before it
 * ("sanctioned a firm accused of backing hackers"), the token before that
 * phrase: the clause's verb, or a preposition; -1 otherwise. */
long ex_reduced_relative(const reader *r, const trigger *t);

/* reactions.c */
/* The targets of the sentence's reactions that answer an event: named as
 * their object, by a relative clause, a pronoun, or a definite "the
 * claim"; an event wished for by an appeal or demand is dropped. */
void ex_event_objects(reader *r, frame *f, size_t nf);
/* Once every frame has its agents: a threat's condition's subject ("warned
 * of consequences if Seoul went ahead") and the maker of the request a
 * refusal answers ("Tokyo refused") are their targets; a refuser is
 * the addressee of the request it refused ("a request Tokyo turned down"). */
void ex_answered_parties(const reader *r, frame *f, size_t nf);

/* relatives.c */
/* What a noun phrase that a relative clause modifies is. */
typedef enum {
  ANTE_NONE,
  ANTE_NAME,  /* a name: index is its mention */
  ANTE_EVENT, /* an event noun: index is its trigger */
  ANTE_ACT,   /* a noun that only names an act: "the decision" */
  ANTE_CLAIM  /* a noun restating the reported clause before it: ", a
                 claim Kyiv rejects"; index is the report's trigger */
} ex_antecedent_kind;

typedef struct {
  ex_antecedent_kind kind;
  long index;
} ex_antecedent;

/* When verb trigger t, whose subject is mention `subj`, stands in a
 * relative clause and lacks its object, the noun phrase the clause
 * modifies is that object: "the launch, which Japan condemned". */
ex_antecedent ex_object_antecedent(const reader *r, const trigger *t,
                                   long subj);
/* The mention that did what nominal trigger t names, as a relative clause
 * after it says ("the drills that X held", "the vetoes cast by X"); -1
 * when none does. */
long ex_relative_agent(const reader *r, const trigger *t);
/* "Britain was hit by a cyberattack", "Sony suffered a breach": the group
 * that undergoes nominal trigger t (words.tsv `undergo`), or -1. */
long ex_undergoer(const reader *r, const trigger *t);

/* slots.c */
size_t ex_fill_slots(const reader *r, const trigger *t, const slot *slots,
                     ex_actor **out, long *which, slot_kind *kind);
long ex_group_after(const reader *r, size_t i, size_t window,
                    bool through_clause);
bool ex_mention_usable(const mention *m);
/* Does pattern p fill a slot from the phrase of preposition `prep`
 * (interned, lowercase)? */
bool ex_pattern_takes(const lex_pattern *p, const char *prep);
/* "It is the first time any country has blacklisted the university": does
 * a noun phrase that names no actor, opened by a determiner, stand right
 * before the verb at v (over auxiliaries and adverbs)? It is then the
 * verb's subject, and no name further back is. A phrase inside a
 * prepositional phrase or a time adverbial ("last week") is none. */
bool ex_common_subject(const reader *r, size_t v);
const trigger *ex_participle_head(const reader *r, const trigger *t);

/* tagging.c */
/* The parts of speech (SCKG_POS_ bits) WordNet gives token i, inflected
 * forms included; 0 for a closed-class word, a name or a number. */
unsigned ex_pos(const reader *r, size_t i);
/* Is token i an adverb that may stand inside a verb group: an adverb of
 * words.tsv ("also"), or a word WordNet knows only as one ("since")? */
bool ex_is_adverb(const reader *r, size_t i);
/* The token before i over at most three adverbs: where the verb group's
 * auxiliary stands, when it has one. */
size_t ex_skip_adverbs_back(const reader *r, size_t i);
/* May token i start or continue a noun phrase: a determiner, a number, a
 * capitalised word, or a noun or adjective of the lexicon, and no pronoun
 * or grammar word? */
bool ex_may_start_np(const reader *r, size_t i);
/* Is token i an inflected verb that cannot be a noun ("summoned",
 * "stole", not "attacks" or "meeting"): the head of a verb group? */
bool ex_finite_verb(const reader *r, size_t i);
/* The ways token i inflects a verb of the lexicon, as 1 << sckg_inflection
 * bits: "stolen" has SCKG_INFL_IRREGULAR, "warning" SCKG_INFL_ING. */
unsigned ex_verb_inflections(const reader *r, size_t i);
/* The value of token i when it is a number written in digits alone
 * within [lo, hi]; 0 otherwise ("110th", "1,000"). */
int ex_number_at(const reader *r, size_t i, int lo, int hi);
/* How many tokens at i make a time adverbial with no preposition:
 * "yesterday", "Monday", "last week", "this month"; 0 when none. */
size_t ex_time_adverbial(const reader *r, size_t i);
/* Where a time adverbial that ends right before token i starts ("on
 * Monday", "last week"); i when none ends there. */
size_t ex_time_adverbial_start(const reader *r, size_t i);
/* ex_after_modal's walk back from token i, in a sentence with a modal. */
bool ex_modal_back(const reader *r, size_t i);
/* Does a modal stand before token i in its verb group, over adverbs,
 * auxiliaries, a negation and one verb with its "to": "would pay", "will
 * not go", "will continue to develop"? Most sentences have no modal for
 * the walk to end on, which one test here tells without a call. */
static inline bool ex_after_modal(const reader *r, size_t i) {
  return (r->classes_seen & W_MODAL) && ex_modal_back(r, i);
}
/* Are tokens i and i + 1 a phrasal verb of the lexicon whose particle takes
 * no object ("lifting off on a rocket": lift off), so that the verb alone
 * means something else? */
bool ex_phrasal_verb(const reader *r, size_t i);

/* dates.c */
/* The day a speech act of trigger t whose sentence dates it not (or only
 * by the month) was made, from its context; `have` is what its sentence
 * gave. */
sckg_date ex_context_day(const reader *r, const trigger *t, sckg_date have,
                         ex_actor *const *agents, size_t n);
sckg_date ex_date_near(const reader *r, const trigger *t);
/* "The measures, adopted on Thursday, bar ...", "the March 20 attack": a
 * definite noun that heads an event type's noun patterns (or, a words.tsv
 * `eventnoun`, names an act), held by no trigger of the sentence, names
 * again the article's last such event of an earlier sentence; the day this
 * sentence fixes for it (a date inside its phrase, or for the phrase that
 * opens the sentence, its main clause's) dates that event if undated. */
void ex_date_named_again(reader *r);
void ex_find_dates(reader *r);

/* frames.c */
bool ex_is_act(const reader *r, sckg_event_type t);
bool ex_is_speech(const reader *r, sckg_event_type t);
/* Each frame's agents and targets from its trigger's slots, in order: a
 * frame reads only the sentence (which it does not change: const) and the
 * frames before it, and sets every field it reads before it reads it, so
 * that reading the frames again over unchanged mentions gives the same
 * frames. */
void ex_read_frames(const reader *r, frame *f, size_t nf);
/* A quote's first-person anaphors: the speaker of the sentence's first
 * reporting frame outside quotes. Returns whether a mention changed (the frames
 * are then read again). */
bool ex_resolve_speakers(reader *r, const frame *f, size_t nf);

/* parties.c */
void ex_apply_denials(const reader *r, frame *f, size_t nf);
void ex_crimes_not_by_accusers(const reader *r, frame *f, size_t nf);
void ex_denied_charges(const reader *r, frame *f, size_t nf);
void ex_inherit_agents(reader *r, frame *f, size_t nf);
void ex_accused_of_crimes(const reader *r, frame *f, size_t nf);
void ex_same_targets(reader *r, frame *f, size_t nf);
void ex_regime_targets(reader *r, frame *f, size_t nf);
void ex_proceeds_targets(const reader *r, frame *f, size_t nf);
void ex_victim_pronouns(const reader *r, frame *f, size_t nf);
void ex_speaker_slots(const reader *r, frame *f, size_t nf);
void ex_warnings_of_crime(const reader *r, frame *f, size_t nf);
/* the date a definite phrase ("the March 5 attack") carries */
sckg_date ex_date_in_phrase(const reader *r, const trigger *t);

/* emit.c */
void ex_copy_actors(ex_actor **dst, size_t *nd, ex_actor *const *src,
                    size_t ns);
void ex_emit_frames(reader *r, frame *f, size_t nf);

#endif
