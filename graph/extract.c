/* SPDX-License-Identifier: MIT */
/* The extraction: tokens -> actor mentions and triggers -> event frames.
 *
 * A sentence is read in passes. Phrases of the lexicon (actor names,
 * demonyms, head nouns, titles, anaphors) become mentions; mentions joined
 * by "and" or commas become groups ("The United States, South Korea and
 * Japan"). Event triggers then take their arguments from slots: the clause
 * subject (the nearest group to the left that no preposition governs), the
 * object right after the trigger, the group after a given preposition, a
 * by-phrase or a possessor. The article keeps a little state across
 * sentences for anaphors: the last subject, the last group of several
 * actors, the state the article is most about, the last statement. */
#include "extract.h"
#include "entities.h"
#include "lexicon.h"
#include "token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_TOKENS = EX_MAX_TOKENS, MAX_MENTIONS = 512, MAX_TRIGGERS = 256 };

typedef enum { M_NAME, M_ADJ, M_ANAPHOR } mention_kind;

typedef struct {
  size_t tb, te; /* token span */
  mention_kind kind;
  ex_actor *actors[EX_MAX_ACTORS];
  size_t n;
  bool poss;        /* a possessor: "North Korea's [threats]" */
  bool plural;      /* stands for several (a plural head, "they") */
  bool role;        /* a person's role standing for a state: "the envoy" */
  const char *prep; /* the preposition governing it, lowered, or NULL */
  bool quoted;
  int group;          /* index of its coordination group */
  const phrase *head; /* the head noun that made it, if any */
  const phrase *ana;  /* the anaphor phrase, for M_ANAPHOR */
  ex_actor *named;  /* named without acting: the state in "Britain's
                         ambassador Barbara Woodward" */
} mention;

typedef struct {
  size_t tb, te;
  size_t obj_from; /* where an object starts: after the trigger, or inside
                      it where a '*' stands ("added * to its list") */
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

/* The last few actors of one class, latest last. */
typedef struct {
  ex_actor *items[8];
  size_t n;
} recent_actors;

/* What the article remembers between sentences. */
typedef struct {
  ex_actor *subject[EX_MAX_ACTORS];
  size_t n_subject;
  /* groups of several actors, latest last: "they", "the three countries" */
  ex_actor *plural[8][EX_MAX_ACTORS];
  size_t n_plural[8];
  size_t n_plurals;
  statement_memory stmts[8]; /* the article's statements, latest last */
  size_t n_stmts;
  ex_actor *last_group, *last_person, *last_org;
  /* government agencies and international bodies named, latest last:
   * "the ministry" is the latest whose name says ministry */
  recent_actors agencies, igos;
  sckg_pmap state_counts; /* ex_actor * -> (void *)count */
  sckg_vec persons;       /* ex_actor *, persons named so far */
  ex_actor *last_state;
  /* the agents of the last event of each type, for "condemned the launch" */
  ex_actor *last_agents[SCKG_EV_COUNT][EX_MAX_ACTORS];
  size_t n_last_agents[SCKG_EV_COUNT];
  /* the agents of the last act (no reaction to one), for "the decision" */
  ex_actor *last_act_agents[EX_MAX_ACTORS];
  size_t n_last_act_agents;
  /* the last targets of each type, for "made the same accusation" */
  ex_actor *last_targets[SCKG_EV_COUNT][EX_MAX_ACTORS];
  size_t n_last_targets[SCKG_EV_COUNT];
  /* the date of the last sentence that had dated events, and their agents */
  sckg_date last_date;
  size_t last_date_sent; /* index of that sentence */
  ex_actor *last_date_agents[EX_MAX_ACTORS];
  size_t n_last_date_agents;
} article_state;

typedef struct {
  entity_table ents; /* the article's actors */
  const sckg_schema *s;
  const article_text *a;
  article_state st;
  extraction *out;
  size_t sent_index;
  /* the sentence */
  const char *text; /* the body */
  token toks[MAX_TOKENS];
  size_t n;
  bool quoted[MAX_TOKENS];
  unsigned short clause[MAX_TOKENS]; /* relative clause id, 0 = main */
  /* longest phrase per kind and token, valid where memo_gen == gen */
  unsigned gen;
  unsigned memo_gen[MAX_TOKENS];
  const phrase *memo_ph[PH_KIND_COUNT][MAX_TOKENS];
  unsigned short memo_end[PH_KIND_COUNT][MAX_TOKENS];
  mention m[MAX_MENTIONS];
  size_t nm;
  trigger t[MAX_TRIGGERS];
  size_t nt;
  date_expr dates[32];
  size_t nd;
  sckg_buf scratch;
  bool trace; /* SCKG_DEBUG is set: each sentence's reading on stderr */
} reader;

static size_t group_actors(const reader *r, size_t k, ex_actor **out,
                           size_t max);
static bool mention_usable(const mention *m);

static unsigned word(const reader *r, size_t i) {
  return i < r->n ? sckg_lexicon_word(r->s, r->toks[i].lower) : 0;
}

static bool tok_is(const reader *r, size_t i, const char *w) {
  if (i >= r->n)
    return false;
  const token *t = &r->toks[i];
  size_t n = strlen(w);
  return t->e - t->b == n && strncmp(r->text + t->b, w, n) == 0;
}

static bool tok_lower_is(const reader *r, size_t i, const char *w) {
  return i < r->n && r->toks[i].lower && r->toks[i].lower[0] == w[0] &&
         strcmp(r->toks[i].lower, w) == 0;
}

static bool is_comma(const reader *r, size_t i) {
  return i < r->n && r->toks[i].kind == TK_PUNCT &&
         r->text[r->toks[i].b] == ',';
}

static bool is_lower_word(const reader *r, size_t i) {
  return i < r->n && r->toks[i].kind == TK_WORD && !r->toks[i].cap;
}

/* Where the object of a trigger ending at token e starts: after the words
 * that only name it, "what they called" and "what it described as", when
 * they stand there ("condemned what it called the launch of ..."). */
static size_t object_start(const reader *r, size_t e) {
  if (!tok_lower_is(r, e, "what"))
    return e;
  for (size_t q = e + 1; q < e + 4 && q < r->n && is_lower_word(r, q); q++)
    if (word(r, q) & W_NAMING)
      return tok_lower_is(r, q + 1, "as") ? q + 2 : q + 1;
  return e;
}

/* --- phrase matching -------------------------------------------------- */

/* Two or more letters, all capitals: an acronym ("IT", "NIS"). */
static bool all_caps(const reader *r, size_t i) {
  const token *t = &r->toks[i];
  if (t->e - t->b < 2)
    return false;
  for (size_t k = t->b; k < t->e; k++)
    if (r->text[k] >= 'a' && r->text[k] <= 'z')
      return false;
  return true;
}

/* Does phrase ph match at token i? Returns the end token or 0. Triggers may
 * hold "*", which matches up to three tokens (never a clause end). */
static size_t match_at(const reader *r, const phrase *ph, size_t i) {
  size_t k = 0, j = i;
  while (k < ph->n) {
    if (k == ph->star) {
      /* try the rest after 0..4 skipped tokens */
      for (size_t skip = 0; skip <= 4; skip++) {
        size_t jj = j + skip;
        bool ok = true;
        for (size_t q = j; q < jj; q++)
          if (q >= r->n || r->toks[q].kind == TK_PUNCT ||
              r->toks[q].kind == TK_QUOTE)
            ok = false;
        if (!ok)
          break;
        size_t kk = k + 1, p = jj;
        while (kk < ph->n && p < r->n && r->toks[p].lower == ph->ltoks[kk])
          kk++, p++;
        if (kk == ph->n)
          return p;
      }
      return 0;
    }
    if (j >= r->n)
      return 0;
    const token *t = &r->toks[j];
    bool eq;
    if (ph->fold_case)
      eq = t->lower == ph->ltoks[k] &&
           !(ph->kind == PH_ANAPHOR && all_caps(r, j)); /* "IT" is not "it" */
    else if (k == 0 && ph->toks[0] == ph->ltoks[0] &&
             t->lower == ph->ltoks[0] && ph->ltoks[0][0] == 't' &&
             strcmp(ph->ltoks[0], "the") == 0)
      eq = true; /* "the North" also as "The North" */
    else
      eq = t->norm == ph->toks[k];
    if (!eq)
      return 0;
    k++, j++;
  }
  return j;
}

/* The longest phrase of one kind at token i, computed once per sentence:
 * every pass of the reader asks the same questions of the same tokens. */
static const phrase *longest_of_kind(const reader *r, size_t i,
                                     phrase_kind kind, size_t *end) {
  reader *w = (reader *)r; /* the cache is not part of the reader's meaning */
  if (w->memo_gen[i] != w->gen) {
    /* one pass over the phrases that start with this token fills in every
     * kind: most tokens are asked for several */
    size_t n;
    phrase **cands = sckg_lexicon_phrases(r->s, r->toks[i].lower, &n);
    for (int k = 0; k < PH_KIND_COUNT; k++) {
      w->memo_ph[k][i] = NULL;
      w->memo_end[k][i] = 0;
    }
    const char *next = i + 1 < r->n ? r->toks[i + 1].lower : NULL;
    const char *const *seconds =
        cands ? r->s->seconds + (cands - r->s->phrases) : NULL;
    for (size_t k = 0; k < n; k++) {
      /* most candidates fail on their second word: see that first */
      if (seconds[k] && seconds[k] != next)
        continue;
      const phrase *ph = cands[k];
      phrase_kind pk = ph->kind;
      size_t e = match_at(r, ph, i);
      if (e > w->memo_end[pk][i]) {
        w->memo_ph[pk][i] = ph;
        w->memo_end[pk][i] = (unsigned short)e;
      }
    }
    w->memo_gen[i] = w->gen;
  }
  *end = r->memo_end[kind][i];
  return r->memo_ph[kind][i];
}

/* The longest phrase of one of the kinds in `mask` at token i; of equally
 * long ones, the kind listed first in phrase_kind. */
static const phrase *longest(const reader *r, size_t i, unsigned mask,
                             size_t *end) {
  const phrase *best = NULL;
  size_t best_end = 0;
  for (int kind = 0; kind < PH_KIND_COUNT; kind++) {
    size_t e;
    if (!(mask & (1u << kind)))
      continue;
    const phrase *ph = longest_of_kind(r, i, (phrase_kind)kind, &e);
    if (ph && e > best_end) {
      best = ph;
      best_end = e;
    }
  }
  *end = best_end;
  return best;
}

/* --- actors ---------------------------------------------------------- */

static ex_actor *lex(reader *r, const lex_actor *a) {
  return sckg_entities_lex(&r->ents, a);
}

static void count_state(reader *r, ex_actor *a) {
  if (!a || a->cls != SCKG_CLASS_STATE)
    return;
  size_t c = (size_t)sckg_pmap_get(&r->st.state_counts, a);
  sckg_pmap_put(&r->st.state_counts, a, (void *)(c + 1));
  r->st.last_state = a;
}

/* The state the article is most about so far: most mentions, then the most
 * recent. Iterates the article's mentions (ordered), not the map. */
static ex_actor *topic_state(reader *r) {
  ex_actor *best = NULL;
  size_t best_n = 0;
  for (size_t i = 0; i < r->out->mentions.len; i++) {
    ex_actor *a = r->out->mentions.items[i];
    /* a description does not refer to a name of its own sentence: in "the
     * envoy met his U.S. counterpart and condemned the isolated country",
     * the country is neither */
    bool here = false;
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].kind == M_NAME && !r->m[k].poss)
        for (size_t q = 0; q < r->m[k].n; q++)
          here |= r->m[k].actors[q] == a;
    if (here)
      continue;
    size_t c = (size_t)sckg_pmap_get(&r->st.state_counts, a);
    if (c > best_n || (c == best_n && c && a == r->st.last_state)) {
      best = a;
      best_n = c;
    }
  }
  return best;
}

/* Append text[b..e) with each run of spaces and line breaks as one space:
 * a name wrapped over two lines is the name on one. */
static void add_spaced(sckg_buf *out, const char *text, size_t b, size_t e) {
  for (size_t i = b; i < e; i++) {
    bool sp = text[i] == ' ' || text[i] == '\n' || text[i] == '\r' ||
              text[i] == '\t';
    if (!sp)
      sckg_buf_addc(out, text[i]);
    else if (i == b || !(text[i - 1] == ' ' || text[i - 1] == '\n' ||
                         text[i - 1] == '\r' || text[i - 1] == '\t'))
      sckg_buf_addc(out, ' ');
  }
}

/* The text of tokens [b, e) as written, spaces made single, interned in
 * the graph. */
static const char *span_text(reader *r, size_t b, size_t e) {
  const char *p = r->text + r->toks[b].b;
  size_t n = r->toks[e - 1].e - r->toks[b].b;
  if (!memchr(p, '\n', n) && !memchr(p, '\r', n) && !memchr(p, '\t', n))
    return sckg_entities_intern(&r->ents, p, n);
  sckg_buf tmp = {0};
  add_spaced(&tmp, r->text, r->toks[b].b, r->toks[e - 1].e);
  const char *res = sckg_entities_intern(&r->ents, tmp.ptr, tmp.len);
  sckg_buf_free(&tmp);
  return res;
}

/* A derived actor: "North Korean hackers" from a demonym (or a name used
 * as one) and a head noun. The label uses the demonym when there is one,
 * so that "DPRK IT workers" and "North Korean IT workers" are one node. */
static ex_actor *derived(reader *r, const lex_actor *base, const phrase *head,
                           size_t hb, size_t he) {
  sckg_buf *b = &r->scratch;
  sckg_buf_clear(b);
  sckg_buf_adds(b, base->demonym ? base->demonym : base->label);
  sckg_buf_addc(b, ' ');
  /* the head as written in the text, lowercase words kept lowercase */
  size_t at = b->len;
  add_spaced(b, r->text, r->toks[hb].b, r->toks[he - 1].e);
  /* "Hackers linked to North Korea": a sentence's capital is not the
   * head's */
  if (hb == 0 && head->toks[0][0] >= 'a' && head->toks[0][0] <= 'z' &&
      b->ptr[at] >= 'A' && b->ptr[at] <= 'Z')
    b->ptr[at] = (char)(b->ptr[at] - 'A' + 'a');
  /* look the phrase up: "North Korean foreign ministry" may be an alias */
  sckg_class cls = head->head == HEAD_GROUP          ? SCKG_CLASS_GROUP
                   : head->head == HEAD_ORGANIZATION ? SCKG_CLASS_ORGANIZATION
                                                     : SCKG_CLASS_AGENCY;
  return sckg_entities_named(&r->ents, b->ptr, b->len, cls, lex(r, base));
}

static void add_actor(mention *m, ex_actor *a) {
  if (!a)
    return;
  for (size_t i = 0; i < m->n; i++)
    if (m->actors[i] == a)
      return;
  if (m->n < EX_MAX_ACTORS)
    m->actors[m->n++] = a;
}

static mention *new_mention(reader *r, size_t tb, size_t te,
                            mention_kind kind) {
  if (r->nm == MAX_MENTIONS)
    return NULL;
  mention *m = &r->m[r->nm++];
  memset(m, 0, sizeof *m);
  m->tb = tb;
  m->te = te;
  m->kind = kind;
  m->quoted = r->quoted[tb];
  m->group = (int)r->nm - 1;
  return m;
}

/* After a name at [.., j): up to three lowercase modifiers and a head noun?
 * Returns the head phrase and its span. */
static const phrase *head_after(const reader *r, size_t j, size_t *hb,
                                size_t *he) {
  for (size_t skip = 0; skip <= 3 && j + skip < r->n; skip++) {
    size_t e;
    const phrase *h = longest(r, j + skip, 1u << PH_HEAD, &e);
    if (h) {
      *hb = j + skip;
      *he = e;
      return h;
    }
    const token *t = &r->toks[j + skip];
    if (!(t->kind == TK_WORD && !t->cap) && !(t->kind == TK_QUOTE))
      break;
    size_t te;
    if (longest(r, j + skip, 1u << PH_TRIGGER, &te))
      break; /* "President Yoon met Prime Minister Kishida": a verb between */
    if (word(r, j + skip) & (W_PREP | W_CLAUSE | W_AUX | W_SAY | W_CONJ))
      break;
  }
  return NULL;
}

/* Before a state's name at i: a group or organisation head, an
 * affiliation word and a preposition ("hackers linked to North Korea", "a
 * group backed by Pyongyang")? Returns the head, and in *hb where it
 * starts; no mention may stand there already. */
static const phrase *head_before(const reader *r, size_t i, size_t *hb) {
  if (i < 3 || !(word(r, i - 1) & W_PREP) || !is_lower_word(r, i - 2) ||
      !(word(r, i - 2) & W_AFFIL))
    return NULL;
  size_t end = i - 2, floor = r->nm > 1 ? r->m[r->nm - 2].te : 0;
  const phrase *found = NULL; /* the longest: "hacking group", not "group" */
  for (size_t b = end; b-- > floor && b + 4 > end;) {
    size_t e;
    const phrase *h = longest(r, b, 1u << PH_HEAD, &e);
    if (h && e == end && h->head != HEAD_STATE && h->head != HEAD_PERSON) {
      *hb = b;
      found = h;
    }
  }
  return found;
}

/* Apply a head noun to a name mention. */
static size_t name_after(const reader *r, size_t j);
static ex_actor *person_named(reader *r, size_t b, size_t e,
                                ex_actor *affiliation);

static void apply_head(reader *r, mention *m, const lex_actor *base,
                       const phrase *h, size_t hb, size_t he) {
  m->te = he;
  m->head = h;
  m->plural = h->plural;
  m->kind = M_NAME;
  m->n = 0;
  switch (h->head) {
  case HEAD_STATE:
    add_actor(m, lex(r, base));
    break;
  case HEAD_PERSON: {
    /* "Russia's U.N. ambassador Vassily Nebenzia": the named person, who
     * speaks for the state; without a name the role stands for the state */
    size_t ne = name_after(r, he);
    if (ne > he && ne - he >= 2) {
      add_actor(m, person_named(r, he, ne, lex(r, base)));
      m->named = lex(r, base);
      m->te = ne;
    } else {
      add_actor(m, lex(r, base));
      m->role = true;
    }
    break;
  }
  case HEAD_GROUP:
  case HEAD_AGENCY:
  case HEAD_ORGANIZATION:
    add_actor(m, derived(r, base, h, hb, he));
    m->named = lex(r, base);
    break;
  }
}

/* A capitalised name of 1-4 words at j (not a known word), for titles. */
static size_t name_after(const reader *r, size_t j) {
  size_t e = j;
  while (e < r->n && e < j + 4 && r->toks[e].kind == TK_WORD &&
         r->toks[e].cap && !(word(r, e) & (W_MONTH | W_WEEKDAY)))
    e++;
  return e;
}

/* A person named at [b, e): a lexicon person, one named earlier in the
 * article by a part of the name ("Kim" after "Kim Gunn"), or a new one. */
static ex_actor *person_named(reader *r, size_t b, size_t e,
                                ex_actor *affiliation) {
  size_t end;
  const phrase *ph = longest(r, b, 1u << PH_ACTOR, &end);
  if (ph && end == e && ph->actor->cls == SCKG_CLASS_PERSON)
    return lex(r, ph->actor);
  const char *text = span_text(r, b, e);
  for (size_t i = 0; i < r->st.persons.len; i++) {
    ex_actor *p = r->st.persons.items[i];
    if (!strcmp(p->label, text))
      return p;
  }
  ex_actor *p = sckg_entities_named(&r->ents, text, strlen(text),
                                       SCKG_CLASS_PERSON, affiliation);
  return p;
}

/* Is token i a part of the name of a person named earlier ("Kim", "Bossert")?
 */
static ex_actor *person_by_part(reader *r, size_t i) {
  const token *t = &r->toks[i];
  size_t n = t->e - t->b;
  for (size_t k = r->st.persons.len; k-- > 0;) {
    ex_actor *p = r->st.persons.items[k];
    const char *l = p->label;
    for (const char *w = l; *w;) {
      const char *e = strchr(w, ' ');
      size_t wl = e ? (size_t)(e - w) : strlen(w);
      if (wl == n && memcmp(w, r->text + t->b, n) == 0)
        return p;
      if (!e)
        break;
      w = e + 1;
    }
  }
  return NULL;
}

/* The latest statement with this head noun, else the latest of any. */
static const statement_memory *statement_by_noun(const reader *r,
                                                 const char *noun) {
  for (size_t i = r->st.n_stmts; i-- > 0;)
    if (r->st.stmts[i].noun == noun)
      return &r->st.stmts[i];
  return r->st.n_stmts ? &r->st.stmts[r->st.n_stmts - 1] : NULL;
}

static void remember_statement(reader *r, const char *noun, ex_actor **agents,
                               size_t n, long event) {
  article_state *st = &r->st;
  if (st->n_stmts == sizeof st->stmts / sizeof *st->stmts) {
    memmove(st->stmts, st->stmts + 1, (st->n_stmts - 1) * sizeof *st->stmts);
    st->n_stmts--;
  }
  statement_memory *sm = &st->stmts[st->n_stmts++];
  sm->noun = noun;
  sm->n = n;
  memcpy(sm->agents, agents, n * sizeof *agents);
  sm->event = event;
}

/* The head noun of a trigger: its last token, lowered and interned. */
static const char *trigger_noun(const reader *r, const trigger *t) {
  return r->toks[t->te - 1].lower;
}

/* The actor standing for `a` in class `cls`: itself, or for a state, the
 * state a person or agency belongs to ("the three countries" after three
 * leaders). NULL when none. */
static ex_actor *as_class(ex_actor *a, sckg_class cls) {
  if (cls == SCKG_CLASS_COUNT || a->cls == cls)
    return a;
  if (cls != SCKG_CLASS_STATE)
    return NULL;
  for (int depth = 0; a && depth < 4; depth++, a = a->parent)
    if (a->cls == SCKG_CLASS_STATE)
      return a;
  return NULL;
}

/* "they", "the three countries": the latest group of several actors that
 * has the number and class the phrase asks for. */
static void resolve_plural(reader *r, mention *m, const phrase *ph) {
  const article_state *st = &r->st;
  /* "North Korean operatives were using their cyber program": a plural
   * name of one actor before a possessive "their" is what it stands for */
  bool possessive =
      ph->n == 1 && (sckg_lexicon_word(r->s, ph->ltoks[0]) & W_POSSPRON);
  /* a group named earlier in the same sentence comes first */
  for (size_t k = r->nm - 1; k-- > 0;) {
    ex_actor *g[EX_MAX_ACTORS];
    size_t n =
        mention_usable(&r->m[k]) ? group_actors(r, k, g, EX_MAX_ACTORS) : 0;
    mention trial = {0};
    bool ok = n >= 2 || (n == 1 && possessive && r->m[k].plural && !ph->count &&
                         r->m[k].kind == M_NAME);
    for (size_t i = 0; i < n && ok; i++) {
      ex_actor *a = as_class(g[i], ph->cls);
      ok = a != NULL;
      add_actor(&trial, a);
    }
    if (ok && (!ph->count || trial.n == (size_t)ph->count)) {
      for (size_t i = 0; i < trial.n; i++)
        add_actor(m, trial.actors[i]);
      return;
    }
  }
  for (size_t h = st->n_plurals; h-- > 0;) {
    mention trial = {0};
    bool ok = true;
    for (size_t i = 0; i < st->n_plural[h] && ok; i++) {
      ex_actor *a = as_class(st->plural[h][i], ph->cls);
      ok = a != NULL;
      add_actor(&trial, a);
    }
    if (!ok || (ph->count && trial.n != (size_t)ph->count) || trial.n < 2)
      continue;
    for (size_t i = 0; i < trial.n; i++)
      add_actor(m, trial.actors[i]);
    return;
  }
}

static void remember_plural(article_state *st, ex_actor *const *actors,
                            size_t n) {
  if (n < 2)
    return;
  size_t cap = sizeof st->n_plural / sizeof *st->n_plural;
  if (st->n_plurals == cap) {
    memmove(st->plural, st->plural + 1, (cap - 1) * sizeof *st->plural);
    memmove(st->n_plural, st->n_plural + 1, (cap - 1) * sizeof *st->n_plural);
    st->n_plurals--;
  }
  memcpy(st->plural[st->n_plurals], actors, n * sizeof *actors);
  st->n_plural[st->n_plurals++] = n;
}

/* Remember actor a as the latest of its list. */
static void remember_recent(recent_actors *l, ex_actor *a) {
  size_t n = l->n, i = 0;
  while (i < n && l->items[i] != a)
    i++;
  if (i == n && n == sizeof l->items / sizeof *l->items)
    i = 0; /* full: the oldest goes */
  if (i < n) {
    memmove(l->items + i, l->items + i + 1, (n - i - 1) * sizeof *l->items);
    n--;
  }
  l->items[n++] = a;
  l->n = n;
}

/* Does `label` hold the lowercase `noun` as a word ("Ministry" in
 * "Ministry of Foreign Affairs of South Korea")? */
static bool label_has_word(const char *label, const char *noun) {
  size_t len = strlen(noun);
  for (const char *w = label; *w; w++) {
    if (w != label && w[-1] != ' ')
      continue;
    size_t k = 0; /* the noun is lowercase, the label capitalised */
    while (k < len && w[k] && (w[k] | 0x20) == noun[k])
      k++;
    if (k == len && (w[len] == '\0' || w[len] == ' '))
      return true;
  }
  return false;
}

/* The latest of a list whose label holds `noun`, or NULL. */
static ex_actor *recent_named(const recent_actors *l, const char *noun) {
  for (size_t i = l->n; i-- > 0;)
    if (label_has_word(l->items[i]->label, noun))
      return l->items[i];
  return NULL;
}

/* "the ministry", "the council": the latest agency whose label holds the
 * noun (a Ministry, not the Bureau named after it), else the latest
 * international body that does (the Security Council, not the U.N. named
 * after it), else the latest of the anaphor's own class. */
static ex_actor *body_named(const article_state *st, const char *noun,
                              bool igo) {
  ex_actor *a = recent_named(&st->agencies, noun);
  if (!a)
    a = recent_named(&st->igos, noun);
  const recent_actors *own = igo ? &st->igos : &st->agencies;
  return a ? a : own->n ? own->items[own->n - 1] : NULL;
}

static void resolve_anaphor(reader *r, mention *m, const phrase *ph) {
  article_state *st = &r->st;
  switch (ph->ana) {
  case ANA_TOPIC_STATE:
    add_actor(m, topic_state(r));
    break;
  case ANA_SUBJECT: {
    /* "Tornado Cash, a mixer used since its launch": a possessive 'its'
     * belongs to the nearest name before it */
    if (ph->n == 1 && (sckg_lexicon_word(r->s, ph->ltoks[0]) & W_POSSPRON))
      for (size_t k = r->nm - 1; k-- > 0 && !m->n;) {
        const mention *o = &r->m[k];
        if (o->kind == M_NAME && o->n == 1 && !o->plural &&
            o->actors[0]->cls != SCKG_CLASS_PERSON)
          add_actor(m, o->actors[0]);
      }
    /* "North Korea has launched missiles, which it tested", "Treasury said
     * Sinbad succeeded a mixer that it sanctioned": the sentence's first
     * name that no preposition governs, not a person, comes first */
    for (size_t k = 0; k + 1 < r->nm && !m->n; k++) {
      const mention *o = &r->m[k];
      if (o->kind == M_NAME && o->n == 1 && !o->prep && !o->plural &&
          o->actors[0]->cls != SCKG_CLASS_PERSON)
        add_actor(m, o->actors[0]);
    }
    for (size_t i = 0; i < st->n_subject && !m->n; i++)
      if (st->subject[i]->cls != SCKG_CLASS_PERSON)
        add_actor(m, st->subject[i]);
    if (!m->n)
      add_actor(m, st->last_state);
    break;
  }
  case ANA_PLURAL:
    m->plural = true;
    resolve_plural(r, m, ph);
    break;
  case ANA_GROUP:
    add_actor(m, st->last_group);
    break;
  case ANA_STATEMENT: {
    const statement_memory *sm = statement_by_noun(r, ph->ltoks[ph->n - 1]);
    for (size_t i = 0; sm && i < sm->n; i++)
      add_actor(m, sm->agents[i]);
    m->plural = sm && sm->n > 1;
    break;
  }
  case ANA_SPEAKER:
    break; /* resolved once the sentence's speaker is known */
  case ANA_PERSON:
    /* "he" after "a spokesman for the ministry said": with no person
     * named, the one he spoke for */
    add_actor(m, st->last_person ? st->last_person
                 : st->n_subject ? st->subject[0]
                                 : NULL);
    break;
  case ANA_AGENCY:
    add_actor(m, body_named(st, ph->ltoks[ph->n - 1], false));
    break;
  case ANA_ORGANIZATION:
    add_actor(m, st->last_org);
    break;
  case ANA_IGO:
    add_actor(m, body_named(st, ph->ltoks[ph->n - 1], true));
    break;
  }
}

/* Capitalised words ending in an organisation cue: an unknown body
 * ("Chinyong Information Technology Cooperation Company", "Office of
 * Foreign Assets Control" when the lexicon lacks it). */
static size_t unknown_org(reader *r, size_t i, sckg_class *cls) {
  if (!r->toks[i].cap || r->toks[i].kind != TK_WORD ||
      (word(r, i) & (W_DET | W_PREP)))
    return 0;
  size_t e = i, last_cue = 0;
  unsigned cue = 0;
  while (e < r->n && e < i + 8) {
    const token *t = &r->toks[e];
    if (t->kind == TK_WORD && t->cap) {
      unsigned w = word(r, e);
      if (w & (W_ORGCUE | W_AGENCYCUE)) {
        last_cue = e + 1;
        cue = w;
        /* "Co.", "Ltd.": the abbreviation's dot is part of the name */
        if (e + 1 < r->n && r->toks[e + 1].kind == TK_PUNCT &&
            r->text[r->toks[e + 1].b] == '.' &&
            r->toks[e + 1].e == r->toks[e].e + 1 && e + 2 < r->n &&
            r->toks[e + 2].cap) {
          e += 2;
          continue;
        }
      }
      e++;
      continue;
    }
    /* "of", "and", "for" inside a name, when a capital follows */
    if (t->kind == TK_WORD &&
        (tok_is(r, e, "of") || tok_is(r, e, "and") || tok_is(r, e, "for")) &&
        e + 1 < r->n && r->toks[e + 1].cap) {
      e++;
      continue;
    }
    break;
  }
  if (!last_cue || last_cue - i < 2)
    return 0;
  *cls = (cue & W_AGENCYCUE) ? SCKG_CLASS_AGENCY : SCKG_CLASS_ORGANIZATION;
  return last_cue;
}

/* A name met before in the article by a part of it takes precedence over
 * reading a new unknown name there. */
static ex_actor *person_by_part(reader *r, size_t i);
static bool p_none(reader *r, size_t i) {
  return r->toks[i].cap && person_by_part(r, i) != NULL;
}

/* Is the token a common word of the schema's grammar or patterns (then a
 * capital is only the sentence's start: "Prosecutors say")? */
static bool common_word(const reader *r, size_t i) {
  size_t e;
  return (word(r, i) & ~W_NAME) ||
         longest(r, i,
                 (1u << PH_HEAD) | (1u << PH_TRIGGER) | (1u << PH_ANAPHOR) |
                     (1u << PH_TITLE),
                 &e) != NULL;
}

/* A capitalised name the lexicon does not know, standing where an actor
 * stands: right before a trigger or a reporting verb (over auxiliaries),
 * or right after a trigger or its preposition. Returns its end, or 0. A
 * given or family name of names.tsv makes it a Person, else an
 * Organization. */
static size_t unknown_name(reader *r, size_t i, sckg_class *cls) {
  size_t e = i;
  while (e < r->n && e < i + 3 && r->toks[e].kind == TK_WORD &&
         r->toks[e].cap &&
         !(word(r, e) &
           (W_DET | W_PREP | W_MONTH | W_WEEKDAY | W_CONJ | W_CLAUSE)) &&
         !all_caps(r, e) && !(e == i && common_word(r, e))) {
    size_t pe;
    if (e > i && longest(r, e, (1u << PH_ACTOR) | (1u << PH_DEMONYM), &pe))
      break;
    e++;
  }
  if (e == i)
    return 0;
  size_t after = e;
  while (after < r->n && (word(r, after) & W_AUX))
    after++;
  size_t te;
  const phrase *next =
      after < r->n ? longest(r, after, 1u << PH_TRIGGER, &te) : NULL;
  bool before_verb =
      after < r->n && ((word(r, after) & W_SAY) ||
                       (next && !(next->pattern->flags & PAT_NOUN)));
  bool after_verb = false;
  for (size_t k = i; k > 0 && i - k < 3 && !after_verb; k--) {
    const phrase *ph = longest(r, k - 1, 1u << PH_TRIGGER, &te);
    after_verb = ph && te == i && !(ph->pattern->flags & PAT_NOUN);
    if (!(word(r, k - 1) & (W_DET | W_PREP)))
      break;
  }
  /* "accused Western countries": a capital before a noun modifies it */
  if (after_verb && !before_verb && is_lower_word(r, e) &&
      !(word(r, e) & (W_PREP | W_CONJ | W_CLAUSE | W_AUX | W_SAY)))
    return 0;
  if (!before_verb && !after_verb)
    return 0;
  *cls = SCKG_CLASS_ORGANIZATION;
  for (size_t k = i; k < e; k++)
    if ((word(r, k) & W_NAME) && e - i >= 2)
      *cls = SCKG_CLASS_PERSON;
  return e;
}

static void find_mentions(reader *r) {
  unsigned actorish = (1u << PH_ACTOR) | (1u << PH_DEMONYM) | (1u << PH_TITLE) |
                      (1u << PH_ANAPHOR);
  for (size_t i = 0; i < r->n;) {
    size_t e;
    const phrase *ph = longest(r, i, actorish, &e);
    /* a pronoun anaphor must be a whole word at a clause position; the
     * phrase table makes sure of that; "it" inside a quote is not ours */
    if (!ph) {
      sckg_class cls;
      size_t oe = unknown_org(r, i, &cls);
      if (oe) {
        mention *m = new_mention(r, i, oe, M_NAME);
        if (m) {
          const char *text = span_text(r, i, oe);
          add_actor(m,
                    sckg_entities_named(&r->ents, text, strlen(text), cls, NULL));
        }
        i = oe;
        continue;
      }
      size_t ue = p_none(r, i) ? 0 : unknown_name(r, i, &cls);
      if (ue) {
        mention *m = new_mention(r, i, ue, M_NAME);
        if (m) {
          const char *text = span_text(r, i, ue);
          add_actor(m,
                    sckg_entities_named(&r->ents, text, strlen(text), cls, NULL));
        }
        i = ue;
        continue;
      }
      ex_actor *p = r->toks[i].cap ? person_by_part(r, i) : NULL;
      if (p && !(i + 1 < r->n && r->toks[i + 1].cap &&
                 r->toks[i + 1].kind == TK_WORD)) {
        mention *m = new_mention(r, i, i + 1, M_NAME);
        if (m)
          add_actor(m, p);
      }
      i++;
      continue;
    }
    /* "the North Koreans": not "the North" when a name that starts inside
     * it reaches further */
    if (ph->kind == PH_ANAPHOR || ph->kind == PH_ACTOR) {
      size_t j = i + 1, je = 0;
      while (j < e &&
             !longest(r, j, (1u << PH_ACTOR) | (1u << PH_DEMONYM), &je))
        j++;
      if (j < e && je > e) {
        i = j;
        continue;
      }
    }
    if (ph->kind == PH_ACTOR && ph->place && i > 0 &&
        (word(r, i - 1) & W_LOCPREP)) {
      i = e; /* "in Seoul": a place, not the government */
      continue;
    }
    if (ph->kind == PH_TITLE) {
      size_t ne = name_after(r, e);
      if (ne == e) {
        i = e;
        continue;
      }
      /* an affiliation just before: "South Korean President", "Russia's
       * U.N. ambassador" */
      ex_actor *aff = NULL;
      size_t start = i;
      if (r->nm && r->m[r->nm - 1].te == i && r->m[r->nm - 1].n == 1) {
        aff = r->m[r->nm - 1].actors[0];
        start = r->m[r->nm - 1].tb;
        r->nm--;
      }
      mention *m = new_mention(r, start, ne, M_NAME);
      if (m)
        add_actor(m, person_named(r, e, ne, aff));
      i = ne;
      continue;
    }
    mention *m =
        new_mention(r, i, e, ph->kind == PH_ANAPHOR ? M_ANAPHOR : M_NAME);
    if (!m)
      break;
    if (ph->kind == PH_ANAPHOR) {
      resolve_anaphor(r, m, ph);
      m->ana = ph; /* remembered for speaker resolution */
      if (e == i + 1 && (word(r, i) & W_POSSPRON)) {
        /* "..., its foreign ministry said": the state's body or envoy */
        const lex_actor *base =
            m->n == 1 && m->actors[0]->from_lexicon &&
                    m->actors[0]->cls == SCKG_CLASS_STATE
                ? m->actors[0]->lex
                : NULL;
        size_t hb, he;
        const phrase *h = base ? head_after(r, e, &hb, &he) : NULL;
        if (h) {
          apply_head(r, m, base, h, hb, he);
          i = m->te;
          continue;
        }
        m->poss = true; /* "its launch": a possessor, never a subject */
      }
      if (e < r->n && r->toks[e].kind == TK_POSS) {
        m->poss = true;
        m->te = e + 1;
        e++;
      }
      i = e;
      continue;
    }
    const lex_actor *base = ph->actor;
    size_t hb, he;
    const phrase *h = NULL;
    if (e < r->n && r->toks[e].kind == TK_POSS) {
      h = head_after(r, e + 1, &hb, &he);
      if (h) {
        apply_head(r, m, base, h, hb, he);
      } else {
        add_actor(m, lex(r, base));
        m->poss = true;
        m->te = e + 1;
      }
      i = m->te;
      continue;
    }
    h = head_after(r, e, &hb, &he);
    if (h) {
      apply_head(r, m, base, h, hb, he);
      i = m->te;
      continue;
    }
    /* "Seoul-based analysts said": a name joined by a hyphen to an
     * affiliation word, with no head after, is a modifier, no actor */
    if (e < r->n && (word(r, e) & W_AFFIL) && r->toks[e].b > 0 &&
        r->text[r->toks[e].b - 1] == '-') {
      r->nm--;
      i = e + 1;
      continue;
    }
    /* not in a list: "hackers linked to China, Russia and Iran" names no
     * one group of China's */
    if (base->cls == SCKG_CLASS_STATE && !is_comma(r, e) &&
        !(word(r, e) & W_CONJ) && (h = head_before(r, i, &hb))) {
      apply_head(r, m, base, h, hb, i - 2);
      m->tb = hb;
      m->te = e;
      i = e;
      continue;
    }
    add_actor(m, lex(r, base));
    if (ph->kind == PH_DEMONYM)
      m->kind = M_ADJ;
    i = e;
  }
}

/* A group of mentions joined by "and", commas, "as well as": the demonyms
 * of "U.S. and Japanese counterparts" share the head, and the group acts
 * together. Adjectival demonyms stay alone unless a head ends the group. */
static bool joinable(const reader *r, const mention *a, const mention *b) {
  if (a->poss || a->quoted != b->quoted)
    return false;
  /* "According to the ministry, the company has...": an opening phrase
   * ends at its comma */
  if (r->n && ((word(r, 0) & W_PREP) || tok_lower_is(r, 0, "according"))) {
    size_t c = 0;
    while (c < r->n && !is_comma(r, c))
      c++;
    if (a->te <= c && b->tb > c)
      return false;
  }
  size_t i = a->te;
  bool joined = false;
  while (i < b->tb) {
    if (is_comma(r, i) || tok_lower_is(r, i, "and") ||
        tok_lower_is(r, i, "the") || tok_lower_is(r, i, "its") ||
        tok_lower_is(r, i, "both")) {
      joined = true;
      i++;
      continue;
    }
    if (tok_lower_is(r, i, "as") && tok_lower_is(r, i + 1, "well") &&
        tok_lower_is(r, i + 2, "as")) {
      joined = true;
      i += 3;
      continue;
    }
    if (tok_lower_is(r, i, "along") && tok_lower_is(r, i + 1, "with")) {
      joined = true;
      i += 2;
      continue;
    }
    return false;
  }
  return joined || a->te == b->tb;
}

static void group_mentions(reader *r) {
  for (size_t k = 1; k < r->nm; k++) {
    mention *a = &r->m[k - 1], *b = &r->m[k];
    /* "U.S. Justice Department": a name right before another name is its
     * modifier, not a second actor */
    if (a->te == b->tb && a->kind == M_NAME && !a->poss && !a->head &&
        b->kind == M_NAME && a->n == 1 && b->n == 1 &&
        b->actors[0]->cls != SCKG_CLASS_STATE &&
        b->actors[0]->cls != SCKG_CLASS_PERSON) {
      a->kind = M_ADJ;
      continue;
    }
    /* "Sky Mavis, the company that develops Axie Infinity,": a definite
     * description in apposition is the same actor again */
    if (b->kind == M_ANAPHOR && b->tb == a->te + 1 && is_comma(r, a->te) &&
        a->kind == M_NAME && b->ana && b->ana->n > 1 &&
        (is_comma(r, b->te) || (word(r, b->te) & W_CLAUSE) ||
         tok_lower_is(r, b->te, "that"))) {
      b->kind = M_ADJ;
      continue;
    }
    /* "Kim Gunn, South Korea's chief nuclear negotiator,": an apposition
     * says who the person speaks for; it is not a second actor */
    if (b->role && b->tb == a->te + 1 && is_comma(r, a->te) && a->n == 1 &&
        a->actors[0]->cls == SCKG_CLASS_PERSON && b->n == 1) {
      if (!a->actors[0]->parent && !a->actors[0]->from_lexicon)
        sckg_entities_set_parent(a->actors[0], b->actors[0]);
      b->kind = M_ADJ;
      b->named = b->actors[0];
      continue;
    }
    if (joinable(r, a, b))
      b->group = a->group;
  }
  /* a group ending in a head: its adjectival members become names */
  for (size_t k = 0; k < r->nm;) {
    size_t j = k;
    while (j + 1 < r->nm && r->m[j + 1].group == r->m[k].group)
      j++;
    if (r->m[j].head && r->m[j].head->kind == PH_HEAD) {
      for (size_t q = k; q < j; q++)
        if (r->m[q].kind == M_ADJ) {
          r->m[q].kind = M_NAME;
          r->m[q].plural = r->m[j].plural;
        }
    }
    k = j + 1;
  }
  /* the preposition that governs each group */
  for (size_t k = 0; k < r->nm; k++) {
    mention *m = &r->m[k];
    if (k && r->m[k - 1].group == m->group) {
      m->prep = r->m[k - 1].prep;
      continue;
    }
    size_t i = m->tb;
    while (i > 0 &&
           ((word(r, i - 1) & W_DET) || r->toks[i - 1].kind == TK_QUOTE))
      i--;
    if (i > 0 && (word(r, i - 1) & W_PREP))
      m->prep = r->toks[i - 1].lower;
    /* "a spokesman for the ministry said": the ministry speaks */
    size_t he;
    const phrase *role =
        i >= 2 && m->prep &&
                (tok_lower_is(r, i - 1, "for") || tok_lower_is(r, i - 1, "of"))
            ? longest(r, i - 2, 1u << PH_HEAD, &he)
            : NULL;
    if (role && he == i - 1 && role->head == HEAD_PERSON)
      m->prep = NULL;
    /* "a panel of U.N. experts reported": the experts report */
    if (i >= 2 && m->prep && tok_lower_is(r, i - 1, "of") &&
        is_lower_word(r, i - 2) && (word(r, i - 2) & W_QUANT))
      m->prep = NULL;
  }
}

/* Every actor of the group that mention k belongs to. */
static size_t group_actors(const reader *r, size_t k, ex_actor **out,
                           size_t max) {
  size_t n = 0;
  for (size_t q = 0; q < r->nm; q++) {
    if (r->m[q].group != r->m[k].group || (r->m[q].kind == M_ADJ && q != k))
      continue;
    for (size_t i = 0; i < r->m[q].n; i++) {
      bool dup = false;
      for (size_t d = 0; d < n; d++)
        dup |= out[d] == r->m[q].actors[i];
      if (!dup && n < max)
        out[n++] = r->m[q].actors[i];
    }
  }
  return n;
}

/* --- triggers -------------------------------------------------------- */

static void find_triggers(reader *r) {
  for (size_t i = 0; i < r->n && r->nt < MAX_TRIGGERS;) {
    size_t e;
    const phrase *ph = longest(r, i, 1u << PH_TRIGGER, &e);
    if (!ph) {
      i++;
      continue;
    }
    /* a trigger inside a name or an anaphor ("the statement") is not one */
    bool inside = false;
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].tb <= i && i < r->m[k].te && r->m[k].kind != M_ADJ)
        inside = true;
    if (inside) {
      i++;
      continue;
    }
    trigger *t = &r->t[r->nt++];
    t->tb = i;
    t->te = e;
    t->obj_from = ph->star < ph->n ? i + ph->star : object_start(r, e);
    t->pat = ph->pattern;
    t->text = ph->text;
    t->quoted = r->quoted[i];
    /* "did not", "has never", "n't": within three tokens before */
    t->negated = false;
    for (size_t k = i; k > 0 && k + 3 > i; k--) {
      if (word(r, k - 1) & W_NEG) {
        t->negated = true;
        break;
      }
      if (!(word(r, k - 1) & W_AUX) && r->toks[k - 1].kind != TK_WORD)
        break;
    }
    i = e;
  }
}

/* --- slots ----------------------------------------------------------- */

static bool mention_usable(const mention *m) {
  return m->kind != M_ADJ && m->n;
}

/* The subject of trigger t: the nearest group to its left that no
 * preposition governs and that is not a mere possessor, in the same quote
 * state, not past a semicolon. */
/* "two days after the United States formally blamed Pyongyang": a word
 * that is both preposition and conjunction, then a name, then (over
 * auxiliaries and adverbs) the verb: the name is the clause's subject. */
static bool clause_subject(const reader *r, const mention *first,
                           const mention *last, const trigger *t) {
  if (!(sckg_lexicon_word(r->s, first->prep) & W_CLAUSE) ||
      (t->pat->flags & PAT_NOUN))
    return false;
  for (size_t i = last->te; i < t->tb; i++) {
    const token *tk = &r->toks[i];
    size_t n = tk->e - tk->b;
    bool adverb =
        n > 3 && r->text[tk->e - 2] == 'l' && r->text[tk->e - 1] == 'y';
    if (!(word(r, i) & W_AUX) && !(is_lower_word(r, i) && adverb))
      return false;
  }
  return true;
}

/* "The U.S. sanctioned North Korea, accusing it of theft": where the comma
 * before a participle trigger stands, or 0 when t is no such participle
 * (the comma is never the first token). */
static size_t participle_comma(const reader *r, const trigger *t) {
  if (t->pat->flags & PAT_NOUN)
    return 0;
  const token *tk = &r->toks[t->tb];
  if (tk->kind != TK_WORD || tk->cap || tk->e - tk->b < 5 ||
      memcmp(r->text + tk->e - 3, "ing", 3) != 0)
    return 0;
  /* right after the comma: "X, was saying" is a verb group, not this */
  return t->tb > 1 && is_comma(r, t->tb - 1) ? t->tb - 1 : 0;
}

/* The last verb trigger other than t that ends by token `end`, in t's
 * quote state: what a verb after "and", or a participle after a comma,
 * depends on. NULL when none. */
static const trigger *verb_before(const reader *r, const trigger *t,
                                  size_t end) {
  for (size_t k = r->nt; k-- > 0;) {
    const trigger *p = &r->t[k];
    if (p != t && p->te <= end && !(p->pat->flags & PAT_NOUN) &&
        p->quoted == t->quoted)
      return p;
  }
  return NULL;
}

/* The verb a participle after a comma depends on; NULL when t is no such
 * participle or no verb stands before its comma. */
static const trigger *participle_head(const reader *r, const trigger *t) {
  size_t comma = participle_comma(r, t);
  return comma ? verb_before(r, t, comma) : NULL;
}

/* The subject of the sentence before token `end`: its first group that no
 * preposition governs and that is not a mere possessor, in the quote state
 * `quoted`, outside relative clauses; -1 when none. */
static long first_subject(const reader *r, size_t end, bool quoted) {
  for (size_t k = 0; k < r->nm && r->m[k].te <= end; k++) {
    const mention *m = &r->m[k];
    size_t first = k;
    while (first > 0 && r->m[first - 1].group == m->group)
      first--;
    if (mention_usable(m) && m->quoted == quoted && !r->clause[m->tb] &&
        !r->m[first].prep && !(m->poss && !m->head) &&
        !(m->te == m->tb + 1 && (word(r, m->tb) & W_OBJPRON)))
      return (long)k;
  }
  return -1;
}

static long subject_of(const reader *r, const trigger *t) {
  /* "Japan condemned X and imposed sanctions on Y": a verb after "and"
   * shares the subject of the verb before it */
  if (!(t->pat->flags & PAT_NOUN)) {
    size_t i = t->tb;
    while (i > 0 && (word(r, i - 1) & W_AUX))
      i--;
    const trigger *p = i > 0 && tok_lower_is(r, i - 1, "and")
                           ? verb_before(r, t, i - 1)
                           : NULL;
    if (p)
      return subject_of(r, p);
  }
  /* the participle's subject is its verb's, or with no verb trigger
   * before it ("summoned the ambassador, urging Tokyo"), the sentence's */
  size_t comma = participle_comma(r, t);
  if (comma) {
    const trigger *head = verb_before(r, t, comma);
    long k = head ? subject_of(r, head) : first_subject(r, comma, t->quoted);
    if (k >= 0)
      return k;
  }
  /* "cyberattacks on exchanges that netted $3 billion": a relative
   * pronoun is the subject; it stands for the name right before it, or for
   * nothing the slots can name (a crime then takes its sentence's culprit) */
  if (!(t->pat->flags & PAT_NOUN)) {
    size_t i = t->tb;
    while (i > 0 && (word(r, i - 1) & W_AUX))
      i--;
    if (i > 0 &&
        (tok_lower_is(r, i - 1, "that") || tok_lower_is(r, i - 1, "which") ||
         tok_lower_is(r, i - 1, "who"))) {
      size_t rel = i - 1;
      if (rel > 0 && is_comma(r, rel - 1))
        rel--;
      for (size_t k = 0; k < r->nm; k++)
        if (r->m[k].te == rel && mention_usable(&r->m[k]) && !r->m[k].poss)
          return (long)k;
      return -1;
    }
  }
  for (size_t k = r->nm; k-- > 0;) {
    const mention *m = &r->m[k];
    if (m->te > t->tb)
      continue;
    bool stop = false;
    for (size_t i = m->te; i < t->tb; i++)
      if (r->toks[i].kind == TK_PUNCT && r->text[r->toks[i].b] == ';')
        stop = true;
    if (stop)
      return -1;
    if (!mention_usable(m) || m->quoted != t->quoted)
      continue;
    if (m->te == m->tb + 1 && (word(r, m->tb) & W_OBJPRON))
      continue; /* "makes them attractive to hackers seeking...": an object */
    /* "X, whose activity it tracks, stole": not from inside a relative
     * clause the trigger is not in */
    if (r->clause[m->tb] && r->clause[m->tb] != r->clause[t->tb])
      continue;
    /* the group's first member decides */
    size_t first = k;
    while (first > 0 && r->m[first - 1].group == m->group)
      first--;
    const mention *f = &r->m[first];
    if (f->prep && f->prep != r->toks[t->tb].lower &&
        !clause_subject(r, f, m, t))
      continue;
    if (m->poss && !m->head)
      continue;
    return (long)k;
  }
  return -1;
}

/* The group starting within `window` tokens after token i, skipping
 * determiners, adjectives and quotes; -1 when none. */
static long group_after(const reader *r, size_t i, size_t window,
                        bool through_clause) {
  for (size_t k = 0; k < r->nm; k++) {
    const mention *m = &r->m[k];
    if (m->tb < i || !mention_usable(m) ||
        (k > 0 && r->m[k - 1].group == m->group && r->m[k - 1].tb >= i))
      continue;
    /* "with his U.S. counterparts": a possessive pronoun is a determiner
     * of what follows */
    if (m->poss && m->te == m->tb + 1 && (word(r, m->tb) & W_POSSPRON))
      continue;
    if (m->tb > i + window)
      return -1;
    for (size_t q = i; q < m->tb; q++) {
      const token *tk = &r->toks[q];
      if (tk->kind == TK_PUNCT && r->text[tk->b] != '$')
        return -1;
      if (word(r, q) & (through_clause ? W_SAY : (W_CLAUSE | W_SAY)))
        return -1;
    }
    return (long)k;
  }
  return -1;
}

/* Does a pattern fill a slot from the phrase of `prep`? `by` says whether
 * prep is "by", which SLOT_BY takes. */
static bool pattern_takes(const lex_pattern *p, const char *prep, bool by) {
  for (size_t i = 0; i < 2 * MAX_SLOTS; i++) {
    const slot *sl = i < MAX_SLOTS ? &p->agent[i] : &p->target[i - MAX_SLOTS];
    if ((sl->kind == SLOT_PREP && sl->prep == prep) ||
        (by && sl->kind == SLOT_BY))
      return true;
  }
  return false;
}

/* The group after preposition `prep` following the trigger. */
static long prep_after(const reader *r, const trigger *t, const char *prep) {
  bool by = prep == sckg_strtab_find(r->s->strings, "by", 2);
  /* from inside the trigger: "sanctions on X" holds its preposition */
  for (size_t i = t->tb + 1; i < r->n && i < t->te + 10; i++) {
    const token *tk = &r->toks[i];
    if (tk->kind == TK_PUNCT &&
        (r->text[tk->b] == ';' || r->text[tk->b] == '.'))
      return -1;
    /* "weapons testing in response to exercises by X": the by-phrase
     * belongs to the trigger nearer to it, when that one takes it ("the
     * FBI attributed the hack to X": a hack takes no "to") */
    if (i >= t->te)
      for (size_t k = 0; k < r->nt; k++)
        if (r->t[k].tb == i && &r->t[k] != t &&
            pattern_takes(r->t[k].pat, prep, by))
          return -1;
    if (tk->lower == prep)
      return group_after(r, i + 1, 4, true); /* "about how X" */
  }
  return -1;
}

/* The possessor or adjectival name right before a nominal trigger:
 * "North Korea's cyber activities", "North Korean cyberattacks". */
static long possessor_of(const reader *r, const trigger *t) {
  size_t i = t->tb;
  size_t skipped = 0;
  while (i > 0 && skipped < 5) {
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].te == i && r->m[k].n &&
          (r->m[k].poss || r->m[k].kind == M_ADJ || r->m[k].kind == M_NAME))
        return (r->m[k].poss || r->m[k].kind == M_ADJ || skipped == 0) ? (long)k
                                                                       : -1;
    const token *tk = &r->toks[i - 1];
    if (tk->kind == TK_QUOTE ||
        (tk->kind == TK_WORD && !tk->cap &&
         !(word(r, i - 1) & (W_PREP | W_SAY | W_CLAUSE))) ||
        tk->kind == TK_NUM ||
        (tk->kind == TK_PUNCT &&
         (r->text[tk->b] == '$' || r->text[tk->b] == ',')) ||
        tok_is(r, i - 1, "and")) {
      i--;
      skipped++;
      continue;
    }
    break;
  }
  return -1;
}

/* The group named wholly inside the words a trigger's '*' matched: the
 * body in "under U.N. Security Council sanctions", the state in "subject to
 * Japanese sanctions". */
static long group_in_gap(const reader *r, const trigger *t) {
  if (t->obj_from <= t->tb || t->obj_from >= t->te)
    return -1; /* no '*', or it matched nothing */
  for (size_t k = 0; k < r->nm; k++) {
    const mention *m = &r->m[k];
    if (m->tb >= t->obj_from && m->te < t->te && m->n && /* "Japanese" too */
        (k == 0 || r->m[k - 1].group != m->group ||
         r->m[k - 1].tb < t->obj_from))
      return (long)k;
  }
  return -1;
}

/* The subject of the support verb whose object a nominal trigger is:
 * "North Korea carried out cyberattacks", "Pyongyang relies on cyber
 * theft", "has stepped up its thefts". Between verb and noun stand a few
 * lowercase words (a particle, determiners, modifiers) and at most one
 * preposition; -1 when no support verb stands there. */
static long support_subject(const reader *r, const trigger *t) {
  static const lex_pattern verb; /* the support verb, as a verb trigger */
  size_t i = t->tb;
  for (size_t skipped = 0; i > 0 && skipped < 4; skipped++, i--) {
    /* "oversaw Thursday's launch" */
    bool day = r->toks[i - 1].kind == TK_POSS ||
               (word(r, i - 1) & (W_WEEKDAY | W_MONTH));
    if (!day &&
        (!is_lower_word(r, i - 1) ||
         (word(r, i - 1) & (W_PREP | W_SAY | W_CLAUSE | W_SUPPORT | W_NEG))))
      break;
  }
  if (i > 0 && is_lower_word(r, i - 1) && (word(r, i - 1) & W_PREP))
    i--; /* "relies on", "engaged in" */
  if (i == 0 || !is_lower_word(r, i - 1) || !(word(r, i - 1) & W_SUPPORT))
    return -1;
  /* "the reckless use of the ransomware": a noun, no verb */
  if (tok_lower_is(r, i, "of") || (i > 1 && (word(r, i - 2) & W_DET)))
    return -1;
  trigger v = *t;
  v.pat = &verb;
  v.tb = i - 1;
  v.te = v.obj_from = i;
  return subject_of(r, &v);
}

/* '"North Korea stole it," said Brian Nelson': a verb right after a
 * closing quote (and its comma) has its subject after it. -1 when the
 * verb does not follow a quote. */
static long inverted_subject(const reader *r, const trigger *t) {
  size_t i = t->tb;
  if (i > 0 && is_comma(r, i - 1))
    i--;
  if (i == 0 || r->toks[i - 1].kind != TK_QUOTE || r->quoted[i - 1] ||
      t->quoted)
    return -1;
  return group_after(r, t->te, 3, false);
}

static long slot_group(const reader *r, const trigger *t, const slot *sl) {
  switch (sl->kind) {
  case SLOT_NONE:
    return -1;
  case SLOT_SUBJ:
    return subject_of(r, t);
  case SLOT_OBJ:
    return group_after(r, t->obj_from, 3, false);
  case SLOT_BY:
    return prep_after(r, t, sckg_strtab_find(r->s->strings, "by", 2));
  case SLOT_POSS:
    return possessor_of(r, t);
  case SLOT_PREP:
    return prep_after(r, t, sl->prep);
  case SLOT_GAP:
    return group_in_gap(r, t);
  case SLOT_SUPPORT:
    return support_subject(r, t);
  case SLOT_INVERTED:
    return inverted_subject(r, t);
  case SLOT_SPEAKER:
    return -1; /* known only once every frame is read: see speaker_slots */
  }
  return -1;
}

/* Fill actors from the first slot that yields a group. */
static size_t fill_slots(const reader *r, const trigger *t, const slot *slots,
                         ex_actor **out, long *which, slot_kind *kind) {
  *which = -1;
  *kind = SLOT_NONE;
  for (size_t i = 0; i < MAX_SLOTS && slots[i].kind != SLOT_NONE; i++) {
    long k = slot_group(r, t, &slots[i]);
    if (k >= 0) {
      size_t n = group_actors(r, (size_t)k, out, EX_MAX_ACTORS);
      if (n) {
        *which = k;
        *kind = slots[i].kind;
        return n;
      }
    }
  }
  return 0;
}

/* --- dates ----------------------------------------------------------- */

static int month_of(const reader *r, size_t i) {
  static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  if (!(word(r, i) & W_MONTH) || !r->toks[i].cap)
    return 0; /* "may" the verb, "march" the noun */
  for (int m = 0; m < 12; m++)
    if (strncmp(r->toks[i].lower, names[m], 3) == 0)
      return m + 1;
  return 0;
}

static int number_at(const reader *r, size_t i, int lo, int hi) {
  if (i >= r->n || r->toks[i].kind != TK_NUM)
    return 0;
  int v = 0;
  for (size_t k = r->toks[i].b; k < r->toks[i].e; k++) {
    char c = r->text[k];
    if (c < '0' || c > '9')
      return 0;
    v = v * 10 + (c - '0');
    if (v > 10000)
      return 0;
  }
  return v >= lo && v <= hi ? v : 0;
}

static void add_date(reader *r, size_t tok, sckg_date d) {
  if (r->nd < sizeof r->dates / sizeof *r->dates)
    r->dates[r->nd++] = (date_expr){tok, d};
}

/* Dates the sentence fixes, resolved against the article date. "since
 * March" is a span's start, not an event's date, and is skipped. */
static void find_dates(reader *r) {
  sckg_date ad = r->a->date;
  long today = ad.year ? sckg_date_days(ad) : 0;
  for (size_t i = 0; i < r->n; i++) {
    if (i > 0 &&
        (tok_lower_is(r, i - 1, "since") || tok_lower_is(r, i - 1, "until")))
      continue;
    unsigned w = word(r, i);
    if (w & W_WEEKDAY) {
      if (!ad.year)
        continue;
      static const char *const days[] = {"thursday", "friday", "saturday",
                                         "sunday",   "monday", "tuesday",
                                         "wednesday"};
      int wd = -1;
      for (int k = 0; k < 7; k++)
        if (!strcmp(r->toks[i].lower, days[k]))
          wd = k;
      /* 1970-01-01 was a Thursday: the last such weekday on or before */
      long cur = ((today % 7) + 7) % 7;
      long back = (cur - wd + 7) % 7;
      add_date(r, i, sckg_date_from_days(today - back));
      continue;
    }
    int m = month_of(r, i);
    if (m) {
      size_t j = i + 1;
      if (j < r->n && r->toks[j].kind == TK_PUNCT &&
          r->text[r->toks[j].b] == '.')
        j++;
      int day = number_at(r, j, 1, 31);
      int year = 0;
      if (day) {
        size_t y = j + 1;
        if (is_comma(r, y))
          y++;
        year = number_at(r, y, 1900, 2100);
      } else {
        year = number_at(r, j, 1900, 2100);
      }
      if (!year && !ad.year)
        continue;
      sckg_date d = {year ? year : ad.year, m, day};
      if (!year && (m > ad.month || (m == ad.month && day > ad.day + 1)))
        d.year--; /* "in December" in a February article: last year's */
      add_date(r, i, d);
      continue;
    }
    if (ad.year &&
        (tok_lower_is(r, i, "yesterday") || tok_lower_is(r, i, "today"))) {
      add_date(r, i,
               sckg_date_from_days(today - tok_lower_is(r, i, "yesterday")));
      continue;
    }
    if (ad.year && tok_lower_is(r, i, "month") && i > 0) {
      sckg_date d = ad;
      d.day = 0;
      if (tok_lower_is(r, i - 1, "last")) {
        if (--d.month == 0)
          d.month = 12, d.year--;
        add_date(r, i, d);
      } else if (tok_lower_is(r, i - 1, "this")) {
        add_date(r, i, d);
      }
    }
  }
}

/* "the May 2024 theft", "Thursday's launch": a date expression at token
 * `at` right before a nominal trigger other than t (only numbers, commas,
 * dots and a possessive between) dates that one, not t. */
static bool dates_a_noun(const reader *r, size_t at, const trigger *t) {
  for (size_t q = 0; q < r->nt; q++) {
    const trigger *u = &r->t[q];
    if (u == t || !(u->pat->flags & PAT_NOUN) || u->tb <= at || u->tb > at + 4)
      continue;
    bool modifier = true;
    for (size_t i = at + 1; i < u->tb && modifier; i++)
      modifier =
          r->toks[i].kind == TK_NUM || r->toks[i].kind == TK_POSS ||
          (r->toks[i].kind == TK_PUNCT &&
           (r->text[r->toks[i].b] == ',' || r->text[r->toks[i].b] == '.'));
    if (modifier)
      return true;
  }
  return false;
}

/* The date of the trigger's clause: the nearest date expression, but not
 * one after it that a relative clause holds ("rejected the accusation ...
 * about the ransomware that locked up computers in May"). */
static sckg_date date_near(const reader *r, const trigger *t) {
  sckg_date none = {0, 0, 0};
  long best = -1;
  size_t dist = (size_t)-1;
  /* "A report released on April 6 said North Korea laundered funds": what
   * a report says is not dated by the report */
  size_t report_end = 0;
  if (t->pat->flags & PAT_CRIME)
    for (size_t k = 0; k < r->nt; k++)
      if ((r->t[k].pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
          r->t[k].te <= t->tb && r->t[k].te > report_end)
        report_end = r->t[k].te;
  for (size_t k = 0; k < r->nd; k++) {
    size_t at = r->dates[k].tok;
    if (at < report_end || dates_a_noun(r, at, t))
      continue;
    bool blocked = false;
    for (size_t i = t->te; at >= t->te && i < at && !blocked; i++)
      blocked = (word(r, i) & W_CLAUSE) || tok_lower_is(r, i, "that");
    /* "The FBI said on Feb. 26 that North Korea was behind the hack": the
     * date before "that" dates the saying, not the crime */
    for (size_t i = at + 1;
         (t->pat->flags & PAT_CRIME) && at < t->tb && i < t->tb && !blocked;
         i++)
      blocked = tok_lower_is(r, i, "that");
    if (blocked)
      continue;
    size_t d = at >= t->te ? at - t->te : t->tb - at;
    if (d < dist) {
      dist = d;
      best = (long)k;
    }
  }
  return best >= 0 ? r->dates[best].date : none;
}

/* --- events ---------------------------------------------------------- */

static ex_event *emit(reader *r) {
  extraction *x = r->out;
  if (x->n_events == x->cap) {
    x->cap = x->cap ? x->cap * 2 : 64;
    x->events = sckg_xrealloc(x->events, x->cap * sizeof *x->events);
  }
  ex_event *e = &x->events[x->n_events++];
  memset(e, 0, sizeof *e);
  e->stated_in = -1;
  e->sent = r->sent_index;
  return e;
}

/* Is one actor the other, or part of it (up the partOf/affiliatedWith
 * chain, either way)? */
static bool kin(const ex_actor *a, const ex_actor *b) {
  for (const ex_actor *p = a; p; p = p->parent)
    if (p == b)
      return true;
  for (const ex_actor *p = b; p; p = p->parent)
    if (p == a)
      return true;
  return false;
}

static bool has_actor(ex_actor *const *arr, size_t n, const ex_actor *a) {
  for (size_t i = 0; i < n; i++)
    if (arr[i] == a)
      return true;
  return false;
}

static bool is_speech(sckg_event_type t) {
  return t == SCKG_EV_MAKE_STATEMENT || t == SCKG_EV_EXPRESS_CONCERN ||
         t == SCKG_EV_DENY_ALLEGATION || t == SCKG_EV_APPEAL ||
         t == SCKG_EV_DEMAND || t == SCKG_EV_CRITICIZE || t == SCKG_EV_ACCUSE ||
         t == SCKG_EV_REJECT || t == SCKG_EV_THREATEN ||
         t == SCKG_EV_PLEDGE_COOPERATION;
}

/* An act a later "the decision" or "the move" may stand for: anything but
 * a statement or a reaction to another's act (an accusation is an act:
 * "denounced the move" often answers one). */
static bool is_act(sckg_event_type t) {
  return t != SCKG_EV_MAKE_STATEMENT && t != SCKG_EV_EXPRESS_CONCERN &&
         t != SCKG_EV_DENY_ALLEGATION && t != SCKG_EV_APPEAL &&
         t != SCKG_EV_DEMAND && t != SCKG_EV_CRITICIZE;
}

typedef struct {
  trigger *t;
  ex_actor *agents[EX_MAX_ACTORS];
  size_t n_agents;
  ex_actor *targets[EX_MAX_ACTORS];
  size_t n_targets;
  long agent_mention;
  slot_kind agent_slot; /* which slot gave the agents */
  ex_actor *victim;   /* a company named before a crime noun */
  bool back_reference;  /* "the theft": told of before, not asserted here */
  long denies_charge;   /* a denial of the accusation frame with this index */
  bool negated;
  bool drop;
  const statement_memory *refers_back; /* "the statement" named again */
} frame;

/* Resolve "we"/"our" in a quote to the speaker of the sentence: the
 * subject of a reporting verb or statement outside the quote. */
static void resolve_speakers(reader *r, frame *f, size_t nf) {
  ex_actor *speaker[EX_MAX_ACTORS];
  size_t ns = 0;
  for (size_t i = 0; i < nf && !ns; i++)
    if (!f[i].t->quoted &&
        (f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) && f[i].n_agents) {
      memcpy(speaker, f[i].agents, f[i].n_agents * sizeof *speaker);
      ns = f[i].n_agents;
    }
  if (!ns)
    return;
  for (size_t k = 0; k < r->nm; k++) {
    mention *m = &r->m[k];
    if (m->kind == M_ANAPHOR && m->ana && m->ana->ana == ANA_SPEAKER && !m->n) {
      for (size_t i = 0; i < ns; i++)
        add_actor(m, speaker[i]);
      m->plural = ns > 1;
    }
  }
}

/* A verb trigger right after a form of "be" (adverbs may stand between):
 * "was fired", "were quickly sanctioned". Nominal and explicitly passive
 * patterns are not. */
static bool is_passive(const reader *r, const trigger *t) {
  /* idioms of several words ("quoted as saying") say their own voice */
  if ((t->pat->flags & (PAT_NOUN | PAT_PASSIVE)) || t->te != t->tb + 1)
    return false;
  const token *tk = &r->toks[t->tb];
  size_t n = tk->e - tk->b;
  const char *w = r->text + tk->b;
  bool participle = (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
                    (n > 2 && w[n - 2] == 'e' && w[n - 1] == 'n') ||
                    (n > 3 && !strncmp(w + n - 3, "ung", 3)) ||
                    !strncmp(w, "stolen", n) || !strncmp(w, "held", n) ||
                    !strncmp(w, "shot", n);
  if (!participle)
    return false;
  /* "stolen funds", "hacked accounts": a participle before its noun, with
   * no auxiliary before it, is attributive: passive in meaning */
  bool aux_before = t->tb > 0 && (word(r, t->tb - 1) & (W_AUX | W_BE));
  bool after_name = false; /* "The FBI urged node operators": a verb */
  for (size_t k = 0; k < r->nm; k++)
    after_name |= r->m[k].te == t->tb;
  /* what may stand before a noun phrase: a determiner, preposition,
   * conjunction, number, '$', or another trigger ("launder stolen funds") */
  bool np_start = false;
  if (t->tb > 0) {
    const token *p = &r->toks[t->tb - 1];
    np_start = (word(r, t->tb - 1) & (W_DET | W_PREP | W_CONJ)) ||
               p->kind == TK_NUM ||
               (p->kind == TK_PUNCT && r->text[p->b] == '$');
    for (size_t k = 0; k < r->nt && !np_start; k++)
      np_start = r->t[k].te == t->tb;
  }
  if (!aux_before && !after_name && np_start && t->te == t->tb + 1 &&
      is_lower_word(r, t->te) &&
      !(word(r, t->te) & (W_PREP | W_DET | W_CLAUSE | W_AUX | W_CONJ)))
    return true;
  for (size_t k = t->tb; k > 0 && k + 3 > t->tb; k--) {
    unsigned wd = word(r, k - 1);
    if (wd & W_BE)
      return true;
    if (!(wd & W_AUX))
      return false;
  }
  return false;
}

/* "Lazarus, the hacking outfit behind the theft of...", "the group
 * responsible for the heist": the crime is that of the name before. */
static size_t behind_agent(const reader *r, const trigger *t,
                           ex_actor **out) {
  size_t i = t->tb;
  while (i > 0 && t->tb - i < 6 &&
         ((word(r, i - 1) & W_DET) || is_lower_word(r, i - 1) ||
          r->toks[i - 1].kind == TK_NUM) &&
         !tok_lower_is(r, i - 1, "behind") && !tok_lower_is(r, i - 1, "for"))
    i--;
  if (i == 0 || !(tok_lower_is(r, i - 1, "behind") ||
                  (tok_lower_is(r, i - 1, "for") && i >= 2 &&
                   tok_lower_is(r, i - 2, "responsible"))))
    return 0;
  for (size_t q = r->nm; q-- > 0;) {
    const mention *m = &r->m[q];
    if (m->te >= i || !mention_usable(m))
      continue;
    return i - m->te <= 8 ? group_actors(r, q, out, EX_MAX_ACTORS) : 0;
  }
  return 0;
}

/* The object of a verb in a relative clause is the clause's antecedent:
 * "the Lazarus Group, a hacking group that the United States sanctioned",
 * "Blender.io, a bitcoin mixer that it sanctioned". */
static size_t relative_object(const reader *r, const trigger *t, long subj,
                              ex_actor **out) {
  if (subj < 0)
    return 0;
  size_t k = r->m[subj].tb;
  while (k > 0 && (word(r, k - 1) & W_DET) && !tok_lower_is(r, k - 1, "that"))
    k--;
  if (k == 0 ||
      !(tok_lower_is(r, k - 1, "that") || tok_lower_is(r, k - 1, "which") ||
        tok_lower_is(r, k - 1, "whom")))
    return 0;
  for (size_t i = (size_t)subj + 1; i < r->nm; i++)
    if (r->m[i].tb < t->tb)
      return 0; /* another name between subject and verb: not this shape */
  size_t rel = k - 1;
  /* the nearest name ending before "that", over an apposition */
  for (size_t q = r->nm; q-- > 0;) {
    const mention *m = &r->m[q];
    if (m->te > rel || !mention_usable(m))
      continue;
    if (rel - m->te > 8)
      return 0;
    return group_actors(r, q, out, EX_MAX_ACTORS);
  }
  return 0;
}

/* Is token i "it", "him", "her", "them"? */
static bool object_pronoun(const reader *r, size_t i) {
  return (word(r, i) & W_OBJPRON) || tok_lower_is(r, i, "it") ||
         tok_lower_is(r, i, "her");
}

static void read_frames(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    const lex_pattern *p = fr->t->pat;
    long which;
    const slot *agent_slots = p->agent;
    const slot *target_slots = p->target;
    static const slot by_only[MAX_SLOTS] = {{SLOT_BY, NULL}};
    static const slot subj_only[MAX_SLOTS] = {{SLOT_SUBJ, NULL}};
    static const slot none[MAX_SLOTS] = {{SLOT_NONE, NULL}};
    if (is_passive(r, fr->t)) {
      /* "the missile was fired", "funds were stolen by X": the agent is
       * the by-phrase, the subject is what was acted on */
      agent_slots = by_only;
      target_slots = p->target[0].kind == SLOT_OBJ ? subj_only : none;
    }
    fr->n_agents =
        fill_slots(r, fr->t, agent_slots, fr->agents, &which, &fr->agent_slot);
    fr->agent_mention = which;
    /* "the Ronin heist", "the Sony attack": a company named before a crime
     * is its victim, not its author */
    if ((p->flags & PAT_CRIME) && (p->flags & PAT_NOUN) &&
        fr->agent_slot == SLOT_POSS && which >= 0 && !r->m[which].poss &&
        fr->n_agents == 1 && fr->agents[0]->cls == SCKG_CLASS_ORGANIZATION) {
      fr->victim = fr->agents[0];
      fr->n_agents = 0;
      fr->agent_slot = SLOT_NONE;
      fr->agent_mention = -1;
    }
    long tw;
    slot_kind tk;
    fr->n_targets = fill_slots(r, fr->t, target_slots, fr->targets, &tw, &tk);
    if (fr->victim && !fr->n_targets)
      fr->targets[fr->n_targets++] = fr->victim;
    /* "sanctioned North Korea, accusing it of": the pronoun after the
     * participle is its verb's object */
    const trigger *head = participle_head(r, fr->t);
    if (head && object_pronoun(r, fr->t->obj_from))
      for (size_t j = 0; j < i; j++)
        if (f[j].t == head && f[j].n_targets) {
          fr->n_targets = f[j].n_targets;
          memcpy(fr->targets, f[j].targets,
                 f[j].n_targets * sizeof *fr->targets);
          break;
        }
    if (!fr->n_agents && (p->flags & PAT_CRIME) && (p->flags & PAT_NOUN))
      fr->n_agents = behind_agent(r, fr->t, fr->agents);
    if (!fr->n_targets && p->target[0].kind == SLOT_OBJ)
      fr->n_targets = relative_object(r, fr->t, fr->agent_mention, fr->targets);
    fr->negated = fr->t->negated;
    /* a statement named with "the" refers to the article's last one */
    /* "In a statement released Friday, the ministry said": the statement is
     * the main clause subject's */
    if ((p->flags & PAT_STATEMENT) && (p->flags & PAT_NOUN) && !fr->n_agents &&
        (word(r, 0) & W_PREP)) {
      size_t c = fr->t->te;
      while (c < r->n && !is_comma(r, c))
        c++;
      long k = c < r->n ? group_after(r, c + 1, 3, false) : -1;
      if (k >= 0) {
        fr->n_agents = group_actors(r, (size_t)k, fr->agents, EX_MAX_ACTORS);
        fr->agent_mention = k;
        fr->agent_slot = SLOT_SUBJ;
      }
    }
    const statement_memory *sm = statement_by_noun(r, trigger_noun(r, fr->t));
    if ((p->flags & PAT_STATEMENT) && sm) {
      size_t b = fr->t->tb;
      while (b > 0 &&
             (is_lower_word(r, b - 1) || r->toks[b - 1].kind == TK_POSS) &&
             !tok_lower_is(r, b - 1, "the") && !tok_lower_is(r, b - 1, "a") &&
             !(word(r, b - 1) & W_PREP) && fr->t->tb - b < 4)
        b--;
      for (size_t k = 0; k < r->nm; k++)
        if (r->m[k].te == b && r->m[k].poss && r->m[k].kind == M_ANAPHOR)
          b = r->m[k].tb;
      if (b > 0 && tok_lower_is(r, b - 1, "the")) {
        fr->refers_back = sm;
        fr->n_agents = sm->n;
        memcpy(fr->agents, sm->agents, sm->n * sizeof *fr->agents);
      }
    }
  }
}

/* Denials: events after a denial in its sentence are negated, and take the
 * denier as agent when they have none. */
static void apply_denials(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (!(f[i].t->pat->flags & PAT_DENY) || f[i].negated)
      continue;
    for (size_t k = i + 1; k < nf; k++) {
      if (is_speech(f[k].t->pat->type) && f[k].n_agents)
        break;
      if (!(f[k].t->pat->flags & PAT_CRIME))
        continue; /* "denied allegations of hacking": the hacking is denied */
      f[k].negated = true;
      if (!f[k].n_agents) {
        memcpy(f[k].agents, f[i].agents, f[i].n_agents * sizeof *f[k].agents);
        f[k].n_agents = f[i].n_agents;
      }
    }
  }
}

/* "Washington and Seoul accuse North Korea of supplying Russia, a charge
 * that both Moscow and Pyongyang deny": a denial after an accusation in its
 * sentence is aimed at the accusers and denies what they charge. */
static void denied_charges(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    f[i].denies_charge = -1;
    if (!(f[i].t->pat->flags & PAT_DENY) || !f[i].n_agents)
      continue;
    for (size_t k = i; k-- > 0;)
      if (f[k].t->pat->type == SCKG_EV_ACCUSE && f[k].n_agents) {
        memcpy(f[i].targets, f[k].agents, f[k].n_agents * sizeof *f[i].targets);
        f[i].n_targets = f[k].n_agents;
        f[i].denies_charge = (long)k;
        break;
      }
  }
}

/* "Bossert said North Korea was responsible for the attack": patterns with
 * a speaker slot take the agents of the sentence's report or statement. */
static void speaker_slots(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    bool wants = false;
    for (size_t k = 0; k < MAX_SLOTS; k++)
      wants |= f[i].t->pat->agent[k].kind == SLOT_SPEAKER;
    if (!wants || f[i].n_agents)
      continue;
    for (size_t k = 0; k < nf; k++)
      if (k != i && (f[k].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) &&
          f[k].n_agents) {
        memcpy(f[i].agents, f[k].agents, f[k].n_agents * sizeof *f[i].agents);
        f[i].n_agents = f[k].n_agents;
        f[i].agent_slot = SLOT_SPEAKER;
        break;
      }
  }
}

/* "expressed concern about the decision", "denounced the move": after a
 * reaction (and at most one preposition), a determiner and a word that
 * only names an act (words.tsv `eventnoun`) stand for the last act told
 * of, in this sentence before the reaction or earlier in the article;
 * its agents are the reaction's targets. */
static void react_to_last_act(reader *r, frame *f, size_t i, size_t from) {
  size_t q = from, end;
  if (q < r->n && (word(r, q) & W_PREP))
    q++;
  bool det = false;
  for (end = q + 4; q < r->n && q < end && is_lower_word(r, q); q++) {
    unsigned w = word(r, q);
    if (w & W_EVENTNOUN)
      break;
    if (w & W_DET)
      det = true;
    else if (w & (W_PREP | W_CLAUSE | W_SAY))
      return;
  }
  if (!det || q >= r->n || q >= end || !(word(r, q) & W_EVENTNOUN))
    return;
  ex_actor *const *src = r->st.last_act_agents;
  size_t n = r->st.n_last_act_agents;
  for (size_t k = i; k-- > 0;)
    if (is_act(f[k].t->pat->type) && f[k].n_agents && !f[k].negated) {
      src = f[k].agents;
      n = f[k].n_agents;
      break;
    }
  for (size_t k = 0; k < n; k++)
    for (size_t a = 0; a < f[i].n_agents; a++)
      if (kin(f[i].agents[a], src[k]))
        return; /* one's own act, or one's state's */
  memcpy(f[i].targets, src, n * sizeof *f[i].targets);
  f[i].n_targets = n;
}

/* An event named as the object of another ("condemned the launch",
 * "denounced the veto"): it is the one the article told of, not the
 * speaker's. Its agents come from the last event of its type, and the
 * speaker's act is aimed at them. */
static void event_objects(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    /* only reactions: announcing or reporting an act may be one's own */
    if ((f[i].t->pat->flags & (PAT_NOUN | PAT_REPORT)) ||
        !is_speech(f[i].t->pat->type) ||
        f[i].t->pat->type == SCKG_EV_MAKE_STATEMENT)
      continue;
    /* after the trigger, or what names its object ('*' stands inside) */
    size_t from = f[i].t->obj_from > f[i].t->te ? f[i].t->obj_from : f[i].t->te;
    for (size_t k = 0; k < nf; k++) {
      if (k == i || !(f[k].t->pat->flags & PAT_NOUN) || f[k].t->tb < from ||
          f[k].t->tb > from + 6)
        continue;
      bool adjacent = true; /* only determiners and modifiers between */
      for (size_t q = from; q < f[k].t->tb; q++)
        if (!(is_lower_word(r, q) || r->toks[q].kind == TK_POSS ||
              r->toks[q].kind == TK_NUM) ||
            ((word(r, q) & (W_PREP | W_CLAUSE | W_SAY)) &&
             !(tok_lower_is(r, q, "of") && q > from &&
               (word(r, q - 1) & W_QUANT))))
          adjacent = false;
      if (!adjacent)
        continue;
      sckg_event_type ty = f[k].t->pat->type;
      if (f[k].agent_slot == SLOT_SUBJ || !f[k].n_agents) {
        f[k].n_agents = r->st.n_last_agents[ty];
        memcpy(f[k].agents, r->st.last_agents[ty],
               f[k].n_agents * sizeof *f[k].agents);
        f[k].agent_slot = SLOT_NONE;
      }
      if (!f[i].n_targets && f[k].n_agents) {
        memcpy(f[i].targets, f[k].agents, f[k].n_agents * sizeof *f[i].targets);
        f[i].n_targets = f[k].n_agents;
      }
      break;
    }
    if (!f[i].n_targets)
      react_to_last_act(r, f, i, from);
    /* "the drills held by X and Y, which it condemns": a reaction with no
     * target in a relative clause reacts to the event named before it */
    size_t at = f[i].t->tb;
    while (at > 0 && (word(r, at - 1) & (W_AUX | W_DET)))
      at--;
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].te == at && r->m[k].kind == M_ANAPHOR)
        at = r->m[k].tb;
    bool relative = at > 0 && (tok_lower_is(r, at - 1, "which") ||
                               tok_lower_is(r, at - 1, "that"));
    for (size_t k = nf; relative && !f[i].n_targets && k-- > 0;) {
      if (!(f[k].t->pat->flags & PAT_NOUN) || f[k].t->te > f[i].t->tb ||
          !f[k].n_agents ||
          has_actor(f[i].agents, f[i].n_agents, f[k].agents[0]))
        continue;
      memcpy(f[i].targets, f[k].agents, f[k].n_agents * sizeof *f[i].targets);
      f[i].n_targets = f[k].n_agents;
    }
  }
}

/* A crime whose only agent is the clause subject that also accuses,
 * sanctions or reports ("The FBI blamed North Korea for the theft") is not
 * that subject's: it falls back to the accused. */
static void crimes_not_by_accusers(frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (!(f[i].t->pat->flags & PAT_CRIME) || f[i].agent_slot != SLOT_SUBJ)
      continue;
    for (size_t k = 0; k < nf; k++)
      if (k != i && !(f[k].t->pat->flags & PAT_CRIME) && f[k].n_agents &&
          (f[k].agent_mention == f[i].agent_mention ||
           has_actor(f[k].agents, f[k].n_agents, f[i].agents[0]))) {
        f[i].n_agents = 0;
        f[i].agent_slot = SLOT_NONE;
        break;
      }
  }
}

/* "Britain made the same accusation": a nominal event that is "the same"
 * or "a similar" one as before has the targets of the article's last event
 * of its type. */
static void same_targets(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    const trigger *t = f[i].t;
    sckg_event_type ty = t->pat->type;
    if (f[i].n_targets || !(t->pat->flags & PAT_NOUN) || t->tb == 0 ||
        !(tok_lower_is(r, t->tb - 1, "same") ||
          tok_lower_is(r, t->tb - 1, "similar")) ||
        !r->st.n_last_targets[ty])
      continue;
    f[i].n_targets = r->st.n_last_targets[ty];
    memcpy(f[i].targets, r->st.last_targets[ty],
           f[i].n_targets * sizeof *f[i].targets);
  }
}

/* Crimes with no agent take the accused of the sentence: the target of an
 * accusation, criticism or concern, else the last subject. */
static void inherit_agents(reader *r, frame *f, size_t nf) {
  for (size_t i = 0; i < nf; i++) {
    if (f[i].n_agents || !(f[i].t->pat->flags & PAT_CRIME))
      continue;
    /* "the theft", "the hack": the one the article told of before */
    sckg_event_type ty = f[i].t->pat->type;
    if ((f[i].t->pat->flags & PAT_NOUN) && f[i].t->tb > 0 &&
        (tok_lower_is(r, f[i].t->tb - 1, "the") ||
         tok_lower_is(r, f[i].t->tb - 1, "that") ||
         tok_lower_is(r, f[i].t->tb - 1, "this")) &&
        r->st.n_last_agents[ty]) {
      f[i].n_agents = r->st.n_last_agents[ty];
      memcpy(f[i].agents, r->st.last_agents[ty],
             f[i].n_agents * sizeof *f[i].agents);
      f[i].back_reference = true;
      continue;
    }
    for (size_t k = 0; k < nf; k++) {
      sckg_event_type t = f[k].t->pat->type;
      if ((t == SCKG_EV_ACCUSE || t == SCKG_EV_CRITICIZE ||
           t == SCKG_EV_EXPRESS_CONCERN) &&
          f[k].n_targets) {
        memcpy(f[i].agents, f[k].targets, f[k].n_targets * sizeof *f[i].agents);
        f[i].n_agents = f[k].n_targets;
        break;
      }
    }
    /* "U.N. experts say Pyongyang relies on cyber theft": the subject of
     * the reported clause */
    for (size_t k = 0; k < nf && !f[i].n_agents; k++) {
      if (!(f[k].t->pat->flags & PAT_REPORT) || f[k].t->te > f[i].t->tb)
        continue;
      for (size_t q = 0; q < r->nm; q++) {
        const mention *m = &r->m[q];
        if (m->tb < f[k].t->te || m->te > f[i].t->tb)
          continue;
        if (mention_usable(m) && !m->prep && !m->poss &&
            !has_actor(f[k].agents, f[k].n_agents, m->actors[0])) {
          /* not the speaker itself: "Japan said it would freeze assets
           * linked to the theft" does not make Japan the thief */
          f[i].n_agents = group_actors(r, q, f[i].agents, EX_MAX_ACTORS);
          f[i].agent_mention = (long)q;
        }
        break;
      }
    }
    /* "heists by Lazarus, among them the hack of the bridge": another
     * crime of the sentence */
    for (size_t k = 0; k < nf && !f[i].n_agents; k++)
      if (k != i && (f[k].t->pat->flags & PAT_CRIME) && f[k].n_agents &&
          f[k].negated == f[i].negated) {
        memcpy(f[i].agents, f[k].agents, f[k].n_agents * sizeof *f[i].agents);
        f[i].n_agents = f[k].n_agents;
      }
  }
  (void)r;
}

static void copy_actors(ex_actor **dst, size_t *nd, ex_actor *const *src,
                        size_t ns) {
  for (size_t i = 0; i < ns; i++)
    if (!has_actor(dst, *nd, src[i]) && *nd < EX_MAX_ACTORS)
      dst[(*nd)++] = src[i];
}

static void emit_frames(reader *r, frame *f, size_t nf) {
  /* which speakers have a typed speech act in this sentence */
  long statement_index = -1;
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    const lex_pattern *p = fr->t->pat;
    if (fr->drop || !fr->n_agents)
      continue;
    if ((p->flags & PAT_REPORT) && fr->agent_mention >= 0) {
      /* "the statement said": what follows is that statement's */
      const mention *m = &r->m[fr->agent_mention];
      if (m->kind == M_ANAPHOR && m->ana && m->ana->ana == ANA_STATEMENT) {
        const statement_memory *sm =
            statement_by_noun(r, m->ana->ltoks[m->ana->n - 1]);
        if (sm) {
          statement_index = sm->event;
          continue;
        }
      }
    }
    if (p->flags & PAT_REPORT) {
      /* reported speech: typed content makes no MakeStatement */
      bool typed = false;
      for (size_t k = 0; k < nf; k++)
        if (k != i && f[k].n_agents &&
            !(f[k].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)))
          typed = true;
      if (typed)
        continue;
    }
    if (p->flags & PAT_CLAIM)
      continue; /* a source for claims and accusations, not an event */
    if ((p->flags & PAT_STATEMENT) && fr->refers_back) {
      statement_index = fr->refers_back->event;
      continue;
    }
    ex_event *e = emit(r);
    e->type = p->type;
    copy_actors(e->agents, &e->n_agents, fr->agents, fr->n_agents);
    for (size_t k = 0; k < fr->n_targets; k++)
      if (!has_actor(e->agents, e->n_agents, fr->targets[k]))
        copy_actors(e->targets, &e->n_targets, &fr->targets[k], 1);
    e->negated = fr->negated;
    e->date = date_near(r, fr->t);
    /* "The spokesman also accused Washington", "They also voiced concern":
     * a speech act in a sentence that fixes no date, by actors (or their
     * parts) of the last dated sentence, continues it: when they are
     * referred back to ("the spokesman", "they") up to three sentences
     * later, else only in the very next sentence. No further: the same
     * report read in another article, with other sentences around it,
     * must get the same date, or shards of a corpus would disagree. */
    bool referred_back =
        fr->agent_mention >= 0 && r->m[fr->agent_mention].kind == M_ANAPHOR;
    size_t reach = referred_back ? 3 : 1;
    if (!e->date.year && !r->nd && is_speech(p->type) && r->st.last_date.year &&
        r->sent_index <= r->st.last_date_sent + reach)
      for (size_t k = 0; k < fr->n_agents && !e->date.year; k++)
        for (size_t q = 0; q < r->st.n_last_date_agents; q++)
          if (kin(fr->agents[k], r->st.last_date_agents[q])) {
            e->date = r->st.last_date;
            break;
          }
    e->trigger = fr->t->text;
    if (p->flags & PAT_STATEMENT) {
      statement_index = (long)(r->out->n_events - 1);
      remember_statement(r, trigger_noun(r, fr->t), fr->agents, fr->n_agents,
                         statement_index);
    }
  }
  /* what a statement or report says: the other events of its sentence */
  long speaker_stmt = statement_index;
  size_t first = r->out->n_events;
  while (first > 0 && r->out->events[first - 1].sent == r->sent_index)
    first--;
  for (size_t i = first; i < r->out->n_events; i++) {
    ex_event *e = &r->out->events[i];
    if ((long)i == speaker_stmt || e->type == SCKG_EV_MAKE_STATEMENT)
      continue;
    if (speaker_stmt >= 0) {
      e->stated_in = speaker_stmt;
      /* what a statement voices (concern, criticism, appeals) happens when
       * it is made; what it reports others did does not */
      if (!e->date.year && is_speech(e->type))
        e->date = r->out->events[speaker_stmt].date;
    }
  }
  /* claims: what a speaker reports others did ("officials say", "according
   * to the Treasury") is attributed to the speaker */
  const frame *speaker = NULL;
  for (size_t i = 0; i < nf && !speaker; i++)
    if ((f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) && f[i].n_agents &&
        !f[i].t->quoted)
      speaker = &f[i];
  for (size_t i = first; speaker && i < r->out->n_events; i++) {
    ex_event *e = &r->out->events[i];
    if (is_speech(e->type))
      continue;
    /* one does not claim one's own act, nor a ministry its state's */
    bool own = false;
    for (size_t k = 0; k < speaker->n_agents; k++)
      for (size_t q = 0; q < e->n_agents; q++)
        own |= kin(e->agents[q], speaker->agents[k]);
    if (!own)
      copy_actors(e->attributed, &e->n_attributed, speaker->agents,
                  speaker->n_agents);
  }
  /* the charges a denial denies, as negated events of the deniers */
  for (size_t i = 0; i < nf; i++) {
    if (f[i].denies_charge < 0)
      continue;
    for (size_t k = (size_t)f[i].denies_charge + 1; k < i; k++) {
      if (!(f[k].t->pat->flags & PAT_CRIME) || !f[k].n_agents || f[k].negated)
        continue;
      ex_event *e = emit(r);
      e->type = f[k].t->pat->type;
      copy_actors(e->agents, &e->n_agents, f[i].agents, f[i].n_agents);
      copy_actors(e->agents, &e->n_agents, f[k].agents, f[k].n_agents);
      e->negated = true;
      e->date = date_near(r, f[i].t);
      e->trigger = f[k].t->text;
    }
  }
  /* a report of another's wrongdoing is an accusation, unless the speaker
   * already accused, criticised or voiced concern in this sentence */
  for (size_t i = 0; i < nf; i++) {
    frame *fr = &f[i];
    if (!(fr->t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) || !fr->n_agents)
      continue;
    bool typed_speech = false;
    ex_actor *accused[EX_MAX_ACTORS];
    size_t na = 0;
    for (size_t k = 0; k < nf; k++) {
      if (k == i || !f[k].n_agents)
        continue;
      sckg_event_type t = f[k].t->pat->type;
      if (t != SCKG_EV_MAKE_STATEMENT && is_speech(t))
        typed_speech = true;
      if ((f[k].t->pat->flags & PAT_CRIME) && !f[k].negated &&
          !f[k].back_reference)
        for (size_t q = 0; q < f[k].n_agents; q++)
          if (!has_actor(fr->agents, fr->n_agents, f[k].agents[q]))
            copy_actors(accused, &na, &f[k].agents[q], 1);
    }
    if (typed_speech || !na)
      continue;
    ex_event *e = emit(r);
    e->type = SCKG_EV_ACCUSE;
    copy_actors(e->agents, &e->n_agents, fr->agents, fr->n_agents);
    copy_actors(e->targets, &e->n_targets, accused, na);
    e->date = date_near(r, fr->t);
    e->trigger = fr->t->text;
    e->stated_in = speaker_stmt;
    break;
  }
}

/* --- the sentence ---------------------------------------------------- */

static void remember(reader *r, frame *f, size_t nf) {
  article_state *st = &r->st;
  for (size_t k = 0; k < r->nm; k++) {
    mention *m = &r->m[k];
    if (m->named)
      sckg_vec_push_unique(&r->out->mentions, m->named);
    if (!m->n || m->kind == M_ADJ)
      continue;
    for (size_t i = 0; i < m->n; i++) {
      ex_actor *a = m->actors[i];
      sckg_vec_push_unique(&r->out->mentions, a);
      count_state(r, a);
      if (a->cls == SCKG_CLASS_GROUP)
        st->last_group = a;
      else if (a->cls == SCKG_CLASS_PERSON) {
        st->last_person = a;
        sckg_vec_push_unique(&st->persons, a);
      } else if (a->cls == SCKG_CLASS_AGENCY)
        remember_recent(&st->agencies, a);
      else if (a->cls == SCKG_CLASS_ORGANIZATION)
        st->last_org = a;
      else if (a->cls == SCKG_CLASS_IGO)
        remember_recent(&st->igos, a);
    }
  }
  bool dated = false;
  for (size_t i = r->out->n_events;
       i-- > 0 && r->out->events[i].sent == r->sent_index;) {
    const ex_event *e = &r->out->events[i];
    if (!e->date.year)
      continue;
    if (!dated) {
      st->n_last_date_agents = 0;
      st->last_date = e->date;
      st->last_date_sent = r->sent_index;
      dated = true;
    }
    copy_actors(st->last_date_agents, &st->n_last_date_agents, e->agents,
                e->n_agents);
  }
  /* an actor that acted outranks one merely named: "the ministry" after
   * "Seoul's foreign ministry said ... the North's defense ministry" */
  for (size_t i = 0; i < nf; i++)
    for (size_t k = 0; k < f[i].n_agents; k++) {
      ex_actor *a = f[i].agents[k];
      if (a->cls == SCKG_CLASS_AGENCY)
        remember_recent(&st->agencies, a);
      else if (a->cls == SCKG_CLASS_ORGANIZATION)
        st->last_org = a;
      else if (a->cls == SCKG_CLASS_PERSON)
        st->last_person = a;
    }
  /* the subject of the sentence: the first agent of an unquoted event,
   * else the first group no preposition governs */
  long subj = -1;
  for (size_t i = 0; i < nf && subj < 0; i++)
    if (!f[i].t->quoted && f[i].agent_mention >= 0 &&
        !(f[i].t->pat->flags & PAT_NOUN))
      subj = f[i].agent_mention;
  for (size_t k = 0; k < r->nm && subj < 0; k++)
    if (mention_usable(&r->m[k]) && !r->m[k].prep && !r->m[k].quoted &&
        !(r->m[k].poss && !r->m[k].head))
      subj = (long)k;
  if (subj >= 0) {
    ex_actor *g[EX_MAX_ACTORS];
    size_t n = group_actors(r, (size_t)subj, g, EX_MAX_ACTORS);
    if (n > 1 || r->m[subj].plural) {
      remember_plural(st, g, n);
    } else if (n == 1) {
      st->subject[0] = g[0];
      st->n_subject = 1;
    }
  }
  for (size_t k = 0; k < r->nm; k++) {
    ex_actor *g[EX_MAX_ACTORS];
    size_t n =
        mention_usable(&r->m[k]) ? group_actors(r, k, g, EX_MAX_ACTORS) : 0;
    if (n > 1) {
      remember_plural(st, g, n);
    }
  }
  for (size_t i = 0; i < nf; i++)
    if (f[i].n_agents) {
      sckg_event_type ty = f[i].t->pat->type;
      st->n_last_agents[ty] = f[i].n_agents;
      memcpy(st->last_agents[ty], f[i].agents,
             f[i].n_agents * sizeof *f[i].agents);
      if (is_act(ty) && !f[i].negated) { /* a denied act did not happen */
        st->n_last_act_agents = f[i].n_agents;
        memcpy(st->last_act_agents, f[i].agents,
               f[i].n_agents * sizeof *f[i].agents);
      }
      if (f[i].n_targets) {
        st->n_last_targets[ty] = f[i].n_targets;
        memcpy(st->last_targets[ty], f[i].targets,
               f[i].n_targets * sizeof *f[i].targets);
      }
    }
  /* actors who acted together in this sentence, as a joint statement's
   * signatories named through "we" or "the statement" */
  for (size_t i = 0; i < nf; i++)
    if (f[i].n_agents > 1 && !f[i].t->quoted) {
      remember_plural(st, f[i].agents, f[i].n_agents);
    }
}

/* Relative clauses set off by commas: ", whose ... ," and ", which ... ,"
 * get an id; the rest of the sentence is clause 0. */
static void mark_relative_clauses(reader *r) {
  unsigned short id = 0;
  for (size_t i = 0; i < r->n; i++)
    r->clause[i] = 0;
  for (size_t i = 0; i + 1 < r->n; i++) {
    if (!is_comma(r, i) ||
        !(tok_lower_is(r, i + 1, "whose") || tok_lower_is(r, i + 1, "which") ||
          tok_lower_is(r, i + 1, "who") || tok_lower_is(r, i + 1, "whom") ||
          tok_lower_is(r, i + 1, "where")))
      continue;
    id++;
    size_t k = i + 1;
    while (k < r->n && !is_comma(r, k))
      r->clause[k++] = id;
    i = k;
  }
}

/* Interned forms of text[b, e), as written and lowercased; false when the
 * word is too long to look up. */
static bool intern_forms(const reader *r, size_t b, size_t e, const char **norm,
                         const char **lower) {
  char low[64];
  size_t n = e - b;
  if (n > sizeof low)
    return false;
  memcpy(low, r->text + b, n);
  *norm = sckg_strtab_find(r->s->strings, r->text + b, n);
  *lower = sckg_ascii_lower(low, n) ? sckg_strtab_find(r->s->strings, low, n)
                                    : *norm;
  return true;
}

/* "North Korea-linked hackers": a hyphenated word the lexicon does not
 * know, whose last part is an affiliation word of words.tsv, is read as
 * two words, so that the name before the hyphen is found. `written` is
 * the length of the token's normalised form: a word that normalising
 * changed is left whole. Fills *second and shortens *t on success. */
static bool split_affiliation(const reader *r, token *t, size_t written,
                              token *second) {
  if (t->kind != TK_WORD || t->norm || t->lower || written != t->e - t->b)
    return false;
  size_t h = t->e;
  while (h > t->b && r->text[h - 1] != '-')
    h--;
  if (h <= t->b + 1 || h == t->e)
    return false;
  const char *norm, *lower;
  if (!intern_forms(r, h, t->e, &norm, &lower) ||
      !(sckg_lexicon_word(r->s, lower) & W_AFFIL))
    return false;
  *second = (token){.b = h,
                    .e = t->e,
                    .kind = TK_WORD,
                    .cap = r->text[h] >= 'A' && r->text[h] <= 'Z',
                    .norm = norm,
                    .lower = lower};
  t->e = h - 1;
  return intern_forms(r, t->b, t->e, &t->norm, &t->lower);
}

static void read_sentence(reader *r, size_t b, size_t e) {
  r->n = r->nm = r->nt = r->nd = 0;
  if (++r->gen == 0) { /* after 4 billion sentences, start the memo afresh */
    memset(r->memo_gen, 0, sizeof r->memo_gen);
    r->gen = 1;
  }
  size_t pos = b;
  token t;
  bool in_quote = false;
  while (r->n < MAX_TOKENS &&
         sckg_token_next(r->text, e, &pos, &t, &r->scratch)) {
    t.norm = sckg_strtab_find(r->s->strings, r->scratch.ptr, r->scratch.len);
    /* most words are lowercase already: one look-up for both */
    t.lower =
        sckg_ascii_lower(r->scratch.ptr, r->scratch.len)
            ? sckg_strtab_find(r->s->strings, r->scratch.ptr, r->scratch.len)
            : t.norm;
    token second;
    if (r->n + 1 < MAX_TOKENS &&
        split_affiliation(r, &t, r->scratch.len, &second)) {
      r->quoted[r->n] = in_quote;
      r->toks[r->n++] = t;
      t = second;
    }
    if (t.kind == TK_QUOTE) {
      /* a straight quote opens after a space, '(' or at the start; a
       * curly one says which it is (U+201C opens). A straight quote may be
       * the text's last byte: nothing after it is read. */
      bool opening;
      if (r->text[t.b] == '"')
        opening =
            t.b == b || r->text[t.b - 1] == ' ' || r->text[t.b - 1] == '\n' ||
            r->text[t.b - 1] == '\r' || r->text[t.b - 1] == '\t' ||
            r->text[t.b - 1] == '(';
      else
        opening = t.e - t.b == 3 && (unsigned char)r->text[t.b + 2] == 0x9C;
      in_quote = opening;
      r->quoted[r->n] = false;
    } else {
      r->quoted[r->n] = in_quote;
    }
    r->toks[r->n++] = t;
  }
  if (r->n == MAX_TOKENS &&
      sckg_token_next(r->text, e, &pos, &t, &r->scratch)) {
    /* the rest is not read: the caller says so */
    if (!r->out->n_cut++)
      r->out->first_cut = r->sent_index;
  }
  mark_relative_clauses(r);
  find_mentions(r);
  group_mentions(r);
  find_triggers(r);
  find_dates(r);
  frame f[MAX_TRIGGERS];
  memset(f, 0, r->nt * sizeof *f);
  for (size_t i = 0; i < r->nt; i++)
    f[i].t = &r->t[i];
  read_frames(r, f, r->nt);
  resolve_speakers(r, f, r->nt);
  read_frames(r, f, r->nt); /* again, now that "we" is known */
  if (r->trace) {
    fprintf(stderr, "S: %.*s\n", (int)(e - b), r->text + b);
    for (size_t i = 0; i < r->nm; i++)
      fprintf(stderr,
              "  M[%zu] %.*s n=%zu g=%d prep=%s poss=%d kind=%d pl=%d a0=%s\n",
              i, (int)(r->toks[r->m[i].te - 1].e - r->toks[r->m[i].tb].b),
              r->text + r->toks[r->m[i].tb].b, r->m[i].n, r->m[i].group,
              r->m[i].prep ? r->m[i].prep : "-", r->m[i].poss, r->m[i].kind,
              r->m[i].plural, r->m[i].n ? r->m[i].actors[0]->label : "-");
    for (size_t i = 0; i < r->nt; i++)
      fprintf(stderr, "  T %s %s agents=%zu targets=%zu q=%d\n",
              sckg_event_types[f[i].t->pat->type].name, f[i].t->text,
              f[i].n_agents, f[i].n_targets, f[i].t->quoted);
  }
  speaker_slots(f, r->nt);
  event_objects(r, f, r->nt);
  crimes_not_by_accusers(f, r->nt);
  apply_denials(f, r->nt);
  inherit_agents(r, f, r->nt);
  same_targets(r, f, r->nt);
  denied_charges(f, r->nt);
  emit_frames(r, f, r->nt);
  remember(r, f, r->nt);
}

/* The reader's buffers are large (a sentence's tokens, mentions and
 * triggers) and reused for every article; only the article's memory is
 * reset between articles. */
struct sckg_extractor {
  reader r;
};

sckg_extractor *sckg_extractor_new(void) {
  sckg_extractor *x = sckg_xcalloc(1, sizeof *x);
  /* asked once: getenv walks the environment, and this is per sentence */
  x->r.trace = getenv("SCKG_DEBUG") != NULL;
  return x;
}

void sckg_extractor_free(sckg_extractor *x) {
  if (!x)
    return;
  sckg_buf_free(&x->r.scratch);
  free(x);
}

void sckg_extract(sckg_extractor *x, const sckg_schema *s,
                  const article_text *a, extraction *out) {
  reader *r = &x->r;
  out->arena = sckg_arena_new();
  sckg_entities_init(&r->ents, s, out->arena);
  r->s = s;
  r->a = a;
  r->out = out;
  r->text = a->body;
  memset(&r->st, 0, sizeof r->st);
  for (size_t i = 0; i < a->n_sents; i++) {
    r->sent_index = i;
    read_sentence(r, a->sents[i].b, a->sents[i].e);
  }
  sckg_pmap_free(&r->st.state_counts);
  sckg_vec_free(&r->st.persons);
  out->actors = r->ents.order; /* handed over */
  r->ents.order = (sckg_vec){0};
  sckg_entities_free(&r->ents);
}

void sckg_extraction_free(extraction *x) {
  free(x->events);
  sckg_vec_free(&x->mentions);
  sckg_vec_free(&x->actors);
  sckg_arena_free(x->arena);
  memset(x, 0, sizeof *x);
}
