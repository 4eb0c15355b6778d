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
#include "extract/reader.h"
#include "lexicon/morph.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* --- the sentence ---------------------------------------------------- */

/* Does text [b, e) hold the words w whole (a possessive may follow)? */
static bool holds_words(const char *b, const char *e, const char *w) {
  size_t n = strlen(w);
  for (const char *p = b; p + n <= e; p++)
    if ((p == b || p[-1] == ' ') && !memcmp(p, w, n) &&
        (p + n == e || p[n] == ' ' || p[n] == '\'' ||
         (unsigned char)p[n] == 0xE2)) /* a curly apostrophe */
      return true;
  return false;
}

/* Does mention m's text name `state`, by its label or its demonym:
 * "Bangladesh's central bank", "North Korean hackers"? */
static bool names_within(const reader *r, const mention *m,
                         const ex_actor *state) {
  const char *b = r->text + r->toks[m->tb].b;
  const char *e = r->text + r->toks[m->te - 1].e;
  return holds_words(b, e, state->label) ||
         (state->lex && state->lex->demonym &&
          holds_words(b, e, state->lex->demonym));
}

/* An act of these agents, the latest the article told of: it takes the
 * place of the oldest of the ring (reader.h), where moving the others down
 * cost more than the rest of remembering a sentence's acts. */
static void remember_act(article_state *st,
                         ex_actor *const agents[EX_MAX_ACTORS], size_t n) {
  act_memory *a = &st->acts[st->acts_told++ & (EX_ACTS_KEPT - 1)];
  a->n = n;
  /* the whole array, a copy of known size the compiler makes in a few
   * moves where one of n pointers was a call; past n nothing is read */
  memcpy(a->agents, agents, sizeof a->agents);
}

/* Act frame fr, and the word naming an act within a few tokens of its
 * trigger ("passed a resolution sanctioning shippers"), if any. */
static void remember_named_act(reader *r, const frame *fr) {
  enum { NEAR = 3 };
  if (!(r->classes_seen & W_EVENTNOUN))
    return; /* no word naming an act in the sentence */
  size_t from = fr->t->tb > NEAR ? fr->t->tb - NEAR : 0;
  for (size_t q = from; q < r->n && q < fr->t->te + NEAR; q++) {
    if (!ex_is_lower_word(r, q) || !(ex_word(r, q) & W_EVENTNOUN))
      continue;
    article_state *st = &r->st;
    size_t cap = sizeof st->named_acts / sizeof *st->named_acts;
    if (st->n_named_acts == cap)
      memmove(st->named_acts, st->named_acts + 1,
              (cap - 1) * sizeof *st->named_acts);
    else
      st->n_named_acts++;
    st->named_acts[st->n_named_acts - 1].noun = r->toks[q].lower;
    st->named_acts[st->n_named_acts - 1].n = 0;
    ex_copy_actors(st->named_acts[st->n_named_acts - 1].agents,
                   &st->named_acts[st->n_named_acts - 1].n, fr->agents,
                   fr->n_agents);
    return;
  }
}

/* Actor a among the extraction's mentions, in the order first met: a flag
 * of its own, not a search of the list, says whether it is there. */
static void note_mention(reader *r, ex_actor *a) {
  if (a->mentioned)
    return;
  a->mentioned = true;
  sckg_vec_push(&r->out->mentions, a);
}

static void remember(reader *r, frame *f, size_t nf) {
  article_state *st = &r->st;
  for (size_t k = 0; k < r->nm; k++) {
    mention *m = &r->m[k];
    if (m->named)
      note_mention(r, m->named);
    if (m->office)
      note_mention(r, m->office);
    if (!m->n || m->kind == M_ADJ)
      continue;
    for (size_t i = 0; i < m->n; i++) {
      ex_actor *a = m->actors[i];
      note_mention(r, a);
      /* "Bangladesh's central bank": the state its name says is named */
      if (a->parent && a->parent->cls == SCKG_CLASS_STATE && !a->affiliated &&
          !a->parent->mentioned && names_within(r, m, a->parent))
        note_mention(r, a->parent);
      /* "In Canberra, Prime Minister Malcolm Turnbull": a person who
       * serves a state (not one of its bodies) names that state too */
      if (a->cls == SCKG_CLASS_PERSON && a->parent &&
          a->parent->cls == SCKG_CLASS_STATE)
        note_mention(r, a->parent);
      ex_count_state(r, a);
      if (a->cls == SCKG_CLASS_GROUP)
        st->last_group = a;
      else if (a->cls == SCKG_CLASS_PERSON) {
        st->last_person = a;
        if (!a->in_persons) { /* a flag, not a search of the list */
          a->in_persons = true;
          sckg_vec_push(&st->persons, a);
        }
      } else if (a->cls == SCKG_CLASS_AGENCY)
        ex_remember_recent(&st->agencies, a);
      else if (a->cls == SCKG_CLASS_ORGANIZATION)
        st->last_org = a;
      else if (a->cls == SCKG_CLASS_IGO)
        ex_remember_recent(&st->igos, a);
    }
  }
  bool dated = false;
  /* "North Korea said Thursday it would ..., a day after Seoul acted": the
   * day its speakers spoke, whether or not the saying is an event of its
   * own, is the sentence's day for what they say next */
  for (size_t i = 0; i < nf && !dated; i++) {
    if (!(f[i].t->pat->flags & (PAT_REPORT | PAT_STATEMENT)) ||
        !f[i].n_agents || f[i].t->quoted)
      continue;
    sckg_date d = ex_date_near(r, f[i].t);
    if (!d.year || !d.day)
      continue;
    st->n_last_date_agents = 0;
    st->last_date = d;
    st->last_date_sent = r->sent_index;
    ex_copy_actors(st->last_date_agents, &st->n_last_date_agents, f[i].agents,
                   f[i].n_agents);
    dated = true;
  }
  bool spoke = dated;
  for (size_t i = r->out->n_events; !spoke && i-- > r->first_event;) {
    const ex_event *e = &r->out->events[i];
    if (!e->date.year)
      continue;
    if (!dated) {
      st->n_last_date_agents = 0;
      st->last_date = e->date;
      st->last_date_sent = r->sent_index;
      dated = true;
    }
    ex_copy_actors(st->last_date_agents, &st->n_last_date_agents, e->agents,
                   e->n_agents);
  }
  /* an actor that acted outranks one merely named: "the ministry" after
   * "Seoul's foreign ministry said ... the North's defense ministry" */
  for (size_t i = 0; i < nf; i++)
    for (size_t k = 0; k < f[i].n_agents; k++) {
      ex_actor *a = f[i].agents[k];
      if (a->cls == SCKG_CLASS_AGENCY)
        ex_remember_recent(&st->agencies, a);
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
    if (ex_mention_usable(&r->m[k]) && !r->m[k].prep && !r->m[k].quoted &&
        !ex_name_modifies_noun(r, &r->m[k]) && !(r->m[k].poss && !r->m[k].head))
      subj = (long)k;
  if (subj >= 0) {
    ex_actor *g[EX_MAX_ACTORS];
    size_t n = ex_group_actors(r, (size_t)subj, g, EX_MAX_ACTORS);
    if (n > 1 || r->m[subj].plural) {
      ex_remember_plural(st, g, n);
    } else if (n == 1) {
      st->subject[0] = g[0];
      st->n_subject = 1;
    }
  }
  /* each group of several actors: a group is a run of neighbouring
   * mentions (ex_group_mentions), and every usable mention of a run has
   * the same actors as its group's, remembered once (again would change
   * nothing); the run of a single mention of one actor has one */
  for (size_t k = 0; k < r->nm; k++) {
    if (!ex_mention_usable(&r->m[k]))
      continue;
    size_t last = ex_group_last(r, k);
    ex_actor *g[EX_MAX_ACTORS];
    size_t n =
        last > k || r->m[k].n > 1 ? ex_group_actors(r, k, g, EX_MAX_ACTORS) : 0;
    if (n > 1)
      ex_remember_plural(st, g, n);
    k = last;
  }
  for (size_t i = 0; i < nf; i++)
    if (f[i].n_agents) {
      sckg_event_type ty = f[i].t->pat->type;
      st->n_last_agents[ty] = f[i].n_agents;
      st->last_para[ty] = st->para;
      /* whole arrays, as in remember_act */
      memcpy(st->last_agents[ty], f[i].agents, sizeof f[i].agents);
      if (ex_is_act(r, ty) && !f[i].negated) { /* a denied act did not happen */
        remember_act(st, f[i].agents, f[i].n_agents);
        remember_named_act(r, &f[i]);
      }
      /* "rejected Washington's accusation": the accusation a denial aims
       * at is an act of the accusers, "the move" a later sentence names */
      if ((f[i].t->pat->flags & PAT_DENY) && f[i].n_targets)
        remember_act(st, f[i].targets, f[i].n_targets);
      if (f[i].n_targets) {
        st->n_last_targets[ty] = f[i].n_targets;
        memcpy(st->last_targets[ty], f[i].targets, sizeof f[i].targets);
      }
    }
  /* actors who acted together in this sentence, as a joint statement's
   * signatories named through "we" or "the statement"; the parties of a
   * meeting too, met and meeting ("Biden met Yoon and Kishida. The three
   * leaders ...") */
  for (size_t i = 0; i < nf; i++) {
    if (f[i].t->quoted)
      continue;
    ex_actor *all[EX_MAX_ACTORS];
    size_t n = 0;
    ex_copy_actors(all, &n, f[i].agents, f[i].n_agents);
    if (sckg_type(r->s, f[i].t->pat->type)->roles & TYPE_PAIR)
      ex_copy_actors(all, &n, f[i].targets, f[i].n_targets);
    if (n > 1)
      ex_remember_plural(st, all, n);
  }
}

/* 'said the North "categorically rejects" the resolution', 'calling the
 * move a "serious provocation" and': a few quoted words inside a clause,
 * with words of the clause on both sides, are the writer's sentence
 * quoting a phrase, not a quotation of speech with a speaker of its own. */
static void unquote_scare_quotes(reader *r) {
  enum { SCARE_MAX = 6 }; /* words a quoted phrase may hold */
  if (!(r->kinds_seen & 1u << TK_QUOTE))
    return;
  for (size_t open = 1; open + 2 < r->n; open++) {
    if (r->toks[open].kind != TK_QUOTE || !r->quoted[open + 1] ||
        r->toks[open - 1].kind != TK_WORD)
      continue;
    size_t close = open + 1;
    bool clause_mark = false;
    while (close < r->n && r->toks[close].kind != TK_QUOTE) {
      clause_mark |= r->toks[close].kind == TK_PUNCT;
      close++;
    }
    if (close + 1 >= r->n || clause_mark || close - open - 1 > SCARE_MAX ||
        r->toks[close + 1].kind != TK_WORD)
      continue;
    for (size_t i = open + 1; i < close; i++)
      r->quoted[i] = false;
    open = close;
  }
}

/* Relative clauses set off by commas: ", whose ... ," and ", which ... ,"
 * get an id; the rest of the sentence is clause 0. */
static void mark_relative_clauses(reader *r) {
  unsigned short id = 0;
  for (size_t i = 0; i < r->n; i++)
    r->clause[i] = 0;
  if (!(r->classes_seen & (W_COMP | W_RELATIVE)))
    return; /* both kinds of clause below open on one */
  for (size_t i = 0; i + 1 < r->n && (r->classes_seen & W_RELATIVE); i++) {
    /* the word's class first: one load, where a comma is two */
    if (!(ex_word(r, i + 1) & W_RELATIVE) || !ex_is_comma(r, i))
      continue;
    id++;
    size_t k = i + 1;
    while (k < r->n && !ex_is_comma(r, k))
      r->clause[k++] = id;
    i = k;
  }
  /* ", a hacking group that the United States sanctioned, stole": inside
   * an apposition set off by commas, a relative word after a noun opens a
   * clause that runs to the closing comma */
  for (size_t open = 0; open < r->n; open++) {
    if (!ex_is_comma(r, open) || (open + 1 < r->n && r->clause[open + 1]))
      continue; /* a comma that opens a relative clause marked above */
    /* the last span runs to the sentence's end: "blaming it for the
     * attack that crippled banks in March." */
    size_t close = open + 1;
    while (close < r->n && !ex_is_comma(r, close))
      close++;
    bool said = false; /* "said on Tuesday that": a complement */
    for (size_t i = open + 2; i < close; i++) {
      said |= (ex_word(r, i - 1) & W_SAY) != 0;
      if (!(ex_word(r, i) & (W_COMP | W_RELATIVE)) || said ||
          ex_finite_verb(r, i - 1) || !(ex_pos(r, i - 1) & SCKG_POS_NOUN) ||
          (ex_word(r, i - 1) & (W_WEEKDAY | W_MONTH | W_DAYREF)) ||
          r->toks[i - 1].kind == TK_NUM)
        continue;
      id++;
      for (size_t k = i; k < close; k++)
        r->clause[k] = id;
      break;
    }
    open = close - 1;
  }
}

/* Interned forms of text[b, e), as written and lowercased; false when the
 * word is too long to look up. */
static bool intern_forms(const reader *r, size_t b, size_t e, const char **norm,
                         const char **lower) {
  enum { LONGEST = 64 }; /* longer words are not looked up */
  if (e - b > LONGEST)
    return false;
  sckg_strtab_find_cased(r->s->strings, r->text + b, e - b, norm, lower);
  return true;
}

/* "North Korea-linked hackers": a hyphenated word the lexicon does not
 * know, whose last part is an affiliation word of words.tsv, is read as
 * two words, so that the name before the hyphen is found. `written` is
 * the length of the token's normalised form: a word that normalising
 * changed is left whole. Fills *second and shortens *t on success. */
static bool split_affiliation(const reader *r, token *t, size_t written,
                              token *second) {
  /* most words hold no hyphen, which the scan told (token.h) */
  if (!t->hyphen || t->kind != TK_WORD || t->norm || t->lower ||
      written != t->e - t->b)
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
  t->hyphen = memchr(r->text + t->b, '-', t->e - t->b) != NULL;
  return intern_forms(r, t->b, t->e, &t->norm, &t->lower);
}

/* "Seoul and Washington vowed to keep a closer watch": two parties vowing
 * an act together pledge cooperation; one party vowing its own act ("Kim
 * vowed to build more weapons") pledges none. */
static void drop_lone_joint_acts(const reader *r, frame *f, size_t nf) {
  if (!(r->flags_seen & PAT_JOINT))
    return;
  for (size_t i = 0; i < nf; i++)
    if ((f[i].t->pat->flags & PAT_JOINT) && f[i].n_agents < 2)
      f[i].drop = true;
}

/* One line of the trace (sckg_options.trace) to its sink. */
__attribute__((format(printf, 2, 3))) static void trace(reader *r,
                                                        const char *fmt, ...) {
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  sckg_diag d = {SCKG_OK, r->trace_file, 0, 0, line, SCKG_SEV_TRACE};
  r->trace(r->trace_handle, &d);
}

/* What a sentence's tokens gather as they are read, kept out of the
 * reader until the last: a byte stored into it (words_seen) may alias any
 * of its fields, which would be loaded and stored again for each token. */
typedef struct {
  size_t n;            /* the tokens read */
  sckg_wclass classes; /* reader.classes_seen */
  unsigned kinds;      /* reader.kinds_seen */
} token_tally;

/* The sentence's next token, scanned into r->toks[k->n], whose text the
 * schema knows as f, counted in: its entry, its word classes and its bit
 * of the sentence's words (reader.h). */
static void add_token(reader *r, token_tally *k, const lex_form *f) {
  r->lexw[k->n] = f->entry;
  r->wclass[k->n] = f->cls;
  r->words_seen[f->bloom] = 1;
  k->classes |= f->cls;
  k->kinds |= 1u << r->toks[k->n].kind;
  k->n++;
}

/* Whether quote t of the sentence starting at b opens a quotation: a
 * straight quote opens after a space, '(' or at the start; a curly one
 * says which it is (U+201C opens). A straight quote may be the text's last
 * byte: nothing after it is read. */
static bool opens_quote(const char *s, const token *t, size_t b) {
  if (s[t->b] == '"')
    return t->b == b || s[t->b - 1] == ' ' || s[t->b - 1] == '\n' ||
           s[t->b - 1] == '\r' || s[t->b - 1] == '\t' || s[t->b - 1] == '(';
  return t->e - t->b == 3 && (unsigned char)s[t->b + 2] == 0x9C;
}

/* The tokens of the sentence text[b, e), up to MAX_TOKENS, into r->toks
 * and the arrays beside it, each scanned into its place: one built aside
 * and copied there was read back as wider words than its fields were
 * written, which the processor cannot forward from the pending stores.
 * Returns the end of what was read. */
static size_t read_tokens(reader *r, size_t b, size_t e) {
  const char *text = r->text;
  const sckg_schema *s = r->s;
  token_tally k = {0, 0, 0};
  size_t pos = b;
  sckg_str form;
  uint64_t key[2];
  bool in_quote = false;
  memset(r->words_seen, 0, sizeof r->words_seen);
  r->words_seen[LEX_SIG_ANY] = 1;
  while (k.n < MAX_TOKENS) {
    token *t = &r->toks[k.n];
    if (!sckg_token_next_keyed(text, e, &pos, t, &r->scratch, &form, key))
      break;
    const lex_form *f =
        sckg_lexicon_form_keyed(&r->forms, s, form.ptr, form.len, key);
    t->norm = f->written;
    t->lower = f->lowered;
    if (k.n + 1 < MAX_TOKENS && split_affiliation(r, t, form.len, t + 1)) {
      r->quoted[k.n] = in_quote;
      add_token(r, &k,
                sckg_lexicon_form(&r->forms, s, text + t->b, t->e - t->b));
      t++;
      f = sckg_lexicon_form(&r->forms, s, text + t->b, t->e - t->b);
    }
    if (t->kind == TK_QUOTE) {
      in_quote = opens_quote(text, t, b);
      r->quoted[k.n] = false;
    } else {
      r->quoted[k.n] = in_quote;
    }
    add_token(r, &k, f);
  }
  r->n = k.n;
  r->classes_seen = k.classes;
  r->kinds_seen = k.kinds;
  return pos;
}

/* The frames of the sentence's triggers, each with its agents and
 * targets from its own slots. */
static void read_frames(reader *r, frame *f) {
  memset(f, 0, r->nt * sizeof *f);
  r->flags_seen = 0;
  for (size_t i = 0; i < r->nt; i++) {
    f[i].t = &r->t[i];
    f[i].denies_charge = -1; /* ex_denied_charges, for a denial only */
    r->flags_seen |= r->t[i].pat->flags;
  }
  ex_read_frames(r, f, r->nt);
  if (ex_resolve_speakers(r, f, r->nt))
    ex_read_frames(r, f, r->nt); /* again, now that "we" is known */
}

/* The sentence text [b, e), its mentions and its nf frames to the trace. */
static void trace_sentence(reader *r, const frame *f, size_t nf, size_t b,
                           size_t e) {
  trace(r, "S: %.*s", (int)(e - b), r->text + b);
  for (size_t i = 0; i < r->nm; i++)
    trace(r, "  M[%zu] %.*s n=%zu g=%d prep=%s poss=%d kind=%d pl=%d a0=%s", i,
          (int)(r->toks[r->m[i].te - 1].e - r->toks[r->m[i].tb].b),
          r->text + r->toks[r->m[i].tb].b, r->m[i].n, r->m[i].group,
          r->m[i].prep ? r->m[i].prep : "-", r->m[i].poss, r->m[i].kind,
          r->m[i].plural, r->m[i].n ? r->m[i].actors[0]->label : "-");
  for (size_t i = 0; i < nf; i++)
    trace(r, "  T %s %s agents=%zu (slot %d) targets=%zu q=%d",
          sckg_event_types[f[i].t->pat->type].name, f[i].t->text, f[i].n_agents,
          (int)f[i].agent_slot, f[i].n_targets, f[i].t->quoted);
}

/* The frames read against each other (speakers, denials, the doers and
 * victims of crimes, answers), then the events they give. */
static void settle_frames(reader *r, frame *f) {
  ex_cited_sources(r, f, r->nt);
  ex_speaker_slots(r, f, r->nt);
  ex_announced_acts(r, f, r->nt);
  ex_event_objects(r, f, r->nt);
  ex_accused_of_crimes(r, f, r->nt);
  ex_crimes_not_by_accusers(r, f, r->nt);
  ex_apply_denials(r, f, r->nt);
  ex_inherit_agents(r, f, r->nt);
  ex_answered_parties(r, f, r->nt);
  ex_same_targets(r, f, r->nt);
  ex_regime_targets(r, f, r->nt);
  ex_proceeds_targets(r, f, r->nt);
  ex_victim_pronouns(r, f, r->nt);
  ex_warnings_of_crime(r, f, r->nt);
  ex_denied_charges(r, f, r->nt);
  drop_lone_joint_acts(r, f, r->nt);
  ex_emit_frames(r, f, r->nt);
}

static void read_sentence(reader *r, size_t b, size_t e) {
  r->nm = r->nt = r->nd = 0;
  if (++r->gen == 0) { /* after 4 billion sentences, start the memo afresh */
    memset(r->tag_gen, 0, sizeof r->tag_gen);
    r->gen = 1;
  }
  size_t pos = read_tokens(r, b, e);
  token rest;
  sckg_str form;
  if (r->n == MAX_TOKENS &&
      sckg_token_next(r->text, e, &pos, &rest, &r->scratch, &form)) {
    /* the rest is not read: the caller says so */
    if (!r->out->n_cut++)
      r->out->first_cut = r->sent_index;
  }
  ex_find_phrases(r);
  unquote_scare_quotes(r);
  mark_relative_clauses(r);
  ex_find_mentions(r);
  ex_note_aliases(r);
  ex_group_mentions(r);
  ex_find_triggers(r);
  ex_find_dates(r);
  frame f[MAX_TRIGGERS];
  /* the passes from here to the events read only the frames: a sentence
   * with no trigger (one in five) skips them whole */
  size_t nf = r->nt;
  if (nf)
    read_frames(r, f);
  if (r->trace)
    trace_sentence(r, f, nf, b, e);
  if (nf)
    settle_frames(r, f);
  ex_date_named_again(r);
  remember(r, f, r->nt);
}

/* The reader's buffers are large (a sentence's tokens, mentions and
 * triggers) and reused for every article; only the article's memory is
 * reset between articles. */
struct sckg_extractor {
  reader r;
};

sckg_extractor *sckg_extractor_new(void) {
  /* aligned as the reader asks (its memo's buckets are cache lines) */
  sckg_extractor *x =
      sckg_xcalloc_aligned(_Alignof(sckg_extractor), sizeof(sckg_extractor));
  x->r.arena = sckg_arena_new();
  x->r.arena_empty = sckg_arena_here(x->r.arena);
  return x;
}

void sckg_extractor_trace(sckg_extractor *x, sckg_diag_sink sink, void *handle,
                          const char *file) {
  x->r.trace = sink;
  x->r.trace_handle = handle;
  x->r.trace_file = file;
}

void sckg_extractor_free(sckg_extractor *x) {
  if (!x)
    return;
  sckg_buf_free(&x->r.scratch);
  sckg_entities_release(&x->r.ents);
  sckg_arena_free(x->r.arena);
  free(x->r.kept.events);
  sckg_vec_free(&x->r.kept.actors);
  sckg_vec_free(&x->r.kept.mentions);
  free(x);
}

static void read_article(sckg_extractor *x, const sckg_schema *s,
                         const article_text *a, extraction *out);

/* The lexicon's agencies among the article's mentions, in the order met:
 * the bodies a role named before them may speak for. */
static void note_bodies(reader *r, const extraction *out) {
  r->n_later_bodies = 0;
  for (size_t i = 0; i < out->mentions.len; i++) {
    const ex_actor *a = out->mentions.items[i];
    if (a->cls == SCKG_CLASS_AGENCY && a->lex &&
        r->n_later_bodies < sizeof r->later_bodies / sizeof *r->later_bodies)
      r->later_bodies[r->n_later_bodies++] = a->lex;
  }
}

void sckg_extract(sckg_extractor *x, const sckg_schema *s,
                  const article_text *a, extraction *out) {
  reader *r = &x->r;
  r->n_later_bodies = 0;
  r->role_unresolved = false;
  r->n_unresolved_cues = 0;
  r->unresolved_cues_lost = false;
  read_article(x, s, a, out);
  if (!r->role_unresolved)
    return;
  note_bodies(r, out);
  if (!r->n_later_bodies || !ex_later_body_answers(r))
    return;
  sckg_extraction_free(out);
  read_article(x, s, a, out);
  r->n_later_bodies = 0;
}

static void read_article(sckg_extractor *x, const sckg_schema *s,
                         const article_text *a, extraction *out) {
  reader *r = &x->r;
  /* the last article's actors are read no more (extract.h) */
  sckg_arena_rewind(r->arena, r->arena_empty);
  sckg_entities_init(&r->ents, s, r->arena);
  /* and its arrays, emptied: allocated once, not grown anew each time */
  *out = (extraction){.events = r->kept.events,
                      .cap = r->kept.cap,
                      .mentions = r->kept.mentions};
  out->mentions.len = 0;
  r->ents.order = r->kept.actors;
  r->ents.order.len = 0;
  r->s = s;
  r->a = a;
  r->out = out;
  r->text = a->body;
  memset(&r->st, 0, offsetof(article_state, last_agents)); /* reader.h */
  for (size_t i = 0; i < a->n_sents; i++) {
    r->sent_index = i;
    r->first_event = out->n_events;
    read_sentence(r, a->sents[i].b, a->sents[i].e);
  }
  sckg_vec_free(&r->st.persons);
  out->actors = r->ents.order; /* handed over */
  r->ents.order = (sckg_vec){0};
  sckg_entities_free(&r->ents);
  r->kept = *out; /* the arrays, as they grew, for the next article */
}

void sckg_extraction_free(extraction *x) { memset(x, 0, sizeof *x); }
