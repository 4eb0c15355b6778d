/* SPDX-License-Identifier: MIT */
/* Anaphors: pronouns, roles ("the ministry", "the spokesman") and plural
 * phrases ("the allies", "the three countries") resolved from what the
 * article remembers: statements, groups and the latest actors named. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* The latest statement with this head noun, else the latest of any. */
const statement_memory *ex_statement_by_noun(const reader *r,
                                             const char *noun) {
  for (size_t i = r->st.n_stmts; i-- > 0;)
    if (r->st.stmts[i].noun == noun)
      return &r->st.stmts[i];
  return r->st.n_stmts ? &r->st.stmts[r->st.n_stmts - 1] : NULL;
}

void ex_remember_statement(reader *r, const char *noun, ex_actor **agents,
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
const char *ex_trigger_noun(const reader *r, const trigger *t) {
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

/* "The U.S., Japan and South Korea launched a team, joined by eight
 * others. The 11 governments said": when no one group has the count, the
 * latest few groups together that have exactly that many. */
static void union_of_latest(const article_state *st, mention *m,
                            const phrase *ph) {
  mention trial = {0};
  for (size_t h = st->n_plurals; h-- > 0 && st->n_plurals - h <= 3;) {
    for (size_t i = 0; i < st->n_plural[h]; i++) {
      ex_actor *a = as_class(st->plural[h][i], ph->cls);
      if (!a)
        return;
      ex_add_actor(&trial, a);
    }
    if (trial.n >= (size_t)ph->count)
      break;
  }
  if (trial.n != (size_t)ph->count)
    return;
  for (size_t i = 0; i < trial.n; i++)
    ex_add_actor(m, trial.actors[i]);
}

/* "they", "the three countries": the latest group of several actors that
 * has the number and class the phrase asks for. */
void ex_resolve_plural(reader *r, mention *m, const phrase *ph) {
  const article_state *st = &r->st;
  /* "North Korean operatives were using their cyber program": a plural
   * name of one actor before a possessive "their" is what it stands for */
  sckg_wclass w = ph->n == 1 && ph->ltoks /* not a phrase made in place */
                      ? sckg_lexicon_word(r->s, ph->ltoks[0])
                      : 0;
  bool possessive = w & W_POSSPRON;
  /* "Hackers linked to the North drained an exchange. Later they breached
   * a company": a pronoun may stand for the one actor a plural subject
   * named (remembered as a group of one), "the allies" may not */
  bool pronoun = w & (W_SUBJPRON | W_OBJPRON | W_POSSPRON);
  /* a group named earlier in the same sentence comes first */
  for (size_t k = r->nm - 1; k-- > 0;) {
    ex_actor *g[EX_MAX_ACTORS];
    size_t n = ex_mention_usable(&r->m[k])
                   ? ex_group_actors(r, k, g, EX_MAX_ACTORS)
                   : 0;
    mention trial = {0};
    bool ok = n >= 2 || (n == 1 && possessive && r->m[k].plural && !ph->count &&
                         r->m[k].kind == M_NAME);
    for (size_t i = 0; i < n && ok; i++) {
      ex_actor *a = as_class(g[i], ph->cls);
      ok = a != NULL;
      ex_add_actor(&trial, a);
    }
    if (ok && (!ph->count || trial.n == (size_t)ph->count)) {
      for (size_t i = 0; i < trial.n; i++)
        ex_add_actor(m, trial.actors[i]);
      return;
    }
  }
  for (size_t h = st->n_plurals; h-- > 0;) {
    mention trial = {0};
    bool ok = true;
    for (size_t i = 0; i < st->n_plural[h] && ok; i++) {
      ex_actor *a = as_class(st->plural[h][i], ph->cls);
      ok = a != NULL;
      ex_add_actor(&trial, a);
    }
    if (!ok || (ph->count && trial.n != (size_t)ph->count) ||
        trial.n < (pronoun ? 1 : 2))
      continue;
    for (size_t i = 0; i < trial.n; i++)
      ex_add_actor(m, trial.actors[i]);
    return;
  }
  if (ph->count)
    union_of_latest(st, m, ph);
}

/* Do the n actors make up remembered group h, in any order? */
static bool same_group(const article_state *st, size_t h,
                       ex_actor *const *actors, size_t n) {
  if (st->n_plural[h] != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    bool in = false;
    for (size_t k = 0; k < n && !in; k++)
      in = st->plural[h][k] == actors[i];
    if (!in)
      return false;
  }
  return true;
}

void ex_remember_plural(article_state *st, ex_actor *const *actors, size_t n) {
  if (n == 0)
    return;
  /* a group named again becomes the latest, once: its repeats must not
   * push the groups named before it out of memory */
  for (size_t h = 0; h < st->n_plurals; h++)
    if (same_group(st, h, actors, n)) {
      memmove(st->plural + h, st->plural + h + 1,
              (st->n_plurals - h - 1) * sizeof *st->plural);
      memmove(st->n_plural + h, st->n_plural + h + 1,
              (st->n_plurals - h - 1) * sizeof *st->n_plural);
      st->n_plurals--;
      break;
    }
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
void ex_remember_recent(recent_actors *l, ex_actor *a) {
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
bool ex_label_has_word(const char *label, const char *noun) {
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

bool ex_name_modifies_noun(const reader *r, const mention *m) {
  return ex_common_noun_at(r, m->te);
}

/* The latest of a list whose label holds `noun`, or NULL. */
static ex_actor *recent_named(const recent_actors *l, const char *noun) {
  for (size_t i = l->n; i-- > 0;)
    if (ex_label_has_word(l->items[i]->label, noun))
      return l->items[i];
  return NULL;
}

/* The first body the article names later (r->later_bodies, known on a
 * second reading) that is an agency whose name holds `cue`, or has such a
 * part; NULL when none. */
static const lex_actor *later_body(const reader *r, const char *cue) {
  for (size_t i = 0; i < r->n_later_bodies; i++)
    for (const lex_actor *a = r->later_bodies[i];
         a && a->cls == SCKG_CLASS_AGENCY; a = a->parent)
      if (ex_label_has_word(a->label, cue))
        return a;
  return NULL;
}

bool ex_later_body_answers(const reader *r) {
  if (r->unresolved_cues_lost)
    return true;
  for (size_t k = 0; k < r->n_unresolved_cues; k++)
    if (later_body(r, r->unresolved_cues[k]))
      return true;
  return false;
}

/* Keep `cue` among the article's unresolved ones (reader.h). */
static void note_unresolved_cue(reader *r, const char *cue) {
  size_t cap = sizeof r->unresolved_cues / sizeof *r->unresolved_cues;
  for (size_t i = 0; i < r->n_unresolved_cues; i++)
    if (!strcmp(r->unresolved_cues[i], cue))
      return;
  if (r->n_unresolved_cues == cap)
    r->unresolved_cues_lost = true;
  else
    r->unresolved_cues[r->n_unresolved_cues++] = cue;
}

/* A role with a cue (prosecutors: justice): the latest agency whose name
 * holds the cue, or of which the latest one named is a part (the FBI is
 * the Justice Department's); else the first body the article names later
 * that is or has such a part. NULL, and flagged for a second reading, when
 * none. */
static ex_actor *role_body(reader *r, const char *cue) {
  const recent_actors *l = &r->st.agencies;
  for (size_t i = l->n; i-- > 0;)
    for (ex_actor *a = l->items[i]; a && a->cls == SCKG_CLASS_AGENCY;
         a = a->parent)
      if (ex_label_has_word(a->label, cue))
        return a;
  const lex_actor *later = later_body(r, cue);
  if (later)
    return ex_actor_of(r, later);
  r->role_unresolved = true;
  note_unresolved_cue(r, cue);
  return NULL;
}

/* A body of class `cls` named earlier in the sentence, the latest first,
 * whose label holds `noun` (any, when `noun` is NULL); a person's title
 * names its office ("Assistant Attorney General X vowed that the
 * department ..."). A name a preposition governs is merely named ("a
 * firm affiliated with the North's defense ministry, the ministry said"),
 * and a possessor too. NULL when none. */
static ex_actor *sentence_body(const reader *r, const char *noun,
                               sckg_class cls) {
  for (size_t k = r->nm - 1; k-- > 0;) {
    const mention *o = &r->m[k];
    if (o->kind != M_NAME || o->poss ||
        (o->tb > 0 && (ex_word(r, o->tb - 1) & W_PREP)))
      continue;
    for (size_t q = 0; q <= o->n; q++) {
      ex_actor *a = q < o->n ? o->actors[q] : o->office;
      if (a && a->cls == cls && (!noun || ex_label_has_word(a->label, noun)))
        return a;
    }
  }
  return NULL;
}

/* "the ministry", "the council": a body of this sentence whose label holds
 * the noun, else the article's latest agency that does (a Ministry, not
 * the Bureau named after it), else its latest international body that
 * does (the Security Council, not the U.N. named after it); else the
 * sentence's latest body of the anaphor's class ('"The FBI will ...," the
 * agency said'), else the article's. */
static ex_actor *body_referred(const reader *r, const char *noun, bool igo) {
  sckg_class cls = igo ? SCKG_CLASS_IGO : SCKG_CLASS_AGENCY;
  ex_actor *a = sentence_body(r, noun, SCKG_CLASS_AGENCY);
  if (!a)
    a = sentence_body(r, noun, SCKG_CLASS_IGO);
  if (!a)
    a = recent_named(&r->st.agencies, noun);
  if (!a)
    a = recent_named(&r->st.igos, noun);
  if (!a)
    a = sentence_body(r, NULL, cls);
  const recent_actors *own = igo ? &r->st.igos : &r->st.agencies;
  return a ? a : own->n ? own->items[own->n - 1] : NULL;
}

/* Does a preposition stand before mention o, over determiners ("by the
 * official news agency")? Groups and their prepositions are not known
 * while mentions are read. */
static bool governed(const reader *r, const mention *o) {
  size_t i = o->tb;
  while (i > 0 && (ex_word(r, i - 1) & W_DET))
    i--;
  return i > 0 && (ex_word(r, i - 1) & W_PREP);
}

/* Is mention o the speaker of a report inserted between commas: ",
 * Seoul's military said, "? */
static bool inserted_speaker(const reader *r, const mention *o) {
  return o->tb > 0 && ex_is_comma(r, o->tb - 1) && o->te + 1 < r->n &&
         (ex_word(r, o->te) & W_SAY) && ex_is_comma(r, o->te + 1);
}

/* "North Korea's spokesman insisted the country had nothing to do with
 * it": a description of a state right after a verb of saying (and its
 * "that") is the speaker's own state: the nearest name before the verb
 * that no preposition governs, when it is or serves a state. NULL
 * otherwise. */
static ex_actor *speaker_state(const reader *r, const mention *m) {
  size_t i = m->tb;
  if (i > 0 && (ex_word(r, i - 1) & W_COMP))
    i--;
  if (i == 0 || !(ex_word(r, i - 1) & W_SAY))
    return NULL;
  for (size_t k = r->nm - 1; k-- > 0;) {
    const mention *o = &r->m[k];
    if (o->te >= i || o->kind != M_NAME || o->n != 1 || o->poss ||
        governed(r, o))
      continue;
    return as_class(o->actors[0], SCKG_CLASS_STATE);
  }
  return NULL;
}

/* "Tokyo halted all trade with Pyongyang, a week after the council
 * imposed sanctions on the country": when every state the article is
 * about is named in the sentence, a description that a preposition
 * governs is the last state named before it that one governs too (not
 * the subject, who acts on it; not a possessor nor a body of a state).
 * A subject stays unresolved ("Seoul cut aid to Pyongyang after the
 * country fired" may mean either). NULL when none. */
static ex_actor *state_named_before(const reader *r, const mention *m) {
  for (size_t k = (size_t)(m - r->m); governed(r, m) && k-- > 0;) {
    const mention *o = &r->m[k];
    if (o->kind == M_NAME && o->n == 1 && !o->poss && governed(r, o) &&
        o->actors[0]->cls == SCKG_CLASS_STATE)
      return o->actors[0];
  }
  return NULL;
}

void ex_resolve_anaphor(reader *r, mention *m, const phrase *ph) {
  article_state *st = &r->st;
  switch (ph->ana) {
  case ANA_TOPIC_STATE: {
    ex_actor *own = speaker_state(r, m);
    ex_actor *topic = own ? own : ex_topic_state(r);
    ex_add_actor(m, topic ? topic : state_named_before(r, m));
    break;
  }
  case ANA_SUBJECT: {
    /* "Tornado Cash, a mixer used since its launch": a possessive 'its'
     * belongs to the nearest name before it */
    if (ph->n == 1 && (sckg_lexicon_word(r->s, ph->ltoks[0]) & W_POSSPRON))
      for (size_t k = r->nm - 1; k-- > 0 && !m->n;) {
        const mention *o = &r->m[k];
        /* not a name that modifies a noun: "the U.S. sanctions against its
         * officials"; nor the speaker of a report set off by commas
         * ("Pyongyang fired two missiles, Seoul's military said, its third
         * launch"), whose possessives are the report's */
        if (o->kind == M_NAME && o->n == 1 && !o->plural &&
            !ex_name_modifies_noun(r, o) && !inserted_speaker(r, o) &&
            o->actors[0]->cls != SCKG_CLASS_PERSON)
          ex_add_actor(m, o->actors[0]);
      }
    /* "North Korea has launched missiles, which it tested", "Treasury said
     * Sinbad succeeded a mixer that it sanctioned": the sentence's first
     * name that no preposition governs, not a person, comes first */
    for (size_t k = 0; k + 1 < r->nm && !m->n; k++) {
      const mention *o = &r->m[k];
      if (o->kind == M_NAME && o->n == 1 && !o->prep && !o->plural &&
          o->actors[0]->cls != SCKG_CLASS_PERSON)
        ex_add_actor(m, o->actors[0]);
    }
    for (size_t i = 0; i < st->n_subject && !m->n; i++)
      if (st->subject[i]->cls != SCKG_CLASS_PERSON)
        ex_add_actor(m, st->subject[i]);
    if (!m->n)
      ex_add_actor(m, st->last_state);
    break;
  }
  case ANA_PLURAL:
    m->plural = true;
    ex_resolve_plural(r, m, ph);
    break;
  case ANA_GROUP:
    ex_add_actor(m, st->last_group);
    break;
  case ANA_STATEMENT: {
    const statement_memory *sm = ex_statement_by_noun(r, ph->ltoks[ph->n - 1]);
    for (size_t i = 0; sm && i < sm->n; i++)
      ex_add_actor(m, sm->agents[i]);
    m->plural = sm && sm->n > 1;
    break;
  }
  case ANA_SPEAKER:
    break; /* resolved once the sentence's speaker is known */
  case ANA_PERSON:
    /* "Ambassador Liu said ..., and he called for": a person named
     * earlier in the sentence comes first */
    for (size_t k = r->nm - 1; k-- > 0 && !m->n;)
      if (r->m[k].kind == M_NAME && r->m[k].n == 1 &&
          r->m[k].actors[0]->cls == SCKG_CLASS_PERSON)
        ex_add_actor(m, r->m[k].actors[0]);
    /* "he" after "a spokesman for the ministry said": with no person
     * named, the one he spoke for */
    if (!m->n)
      ex_add_actor(m, st->last_person ? st->last_person
                      : st->n_subject ? st->subject[0]
                                      : NULL);
    break;
  case ANA_AGENCY:
    /* "prosecutors": the body whose name holds the cue (the Justice
     * Department), and none when the article named none */
    ex_add_actor(m, ph->cue ? role_body(r, ph->cue)
                            : body_referred(r, ph->ltoks[ph->n - 1], false));
    break;
  case ANA_ORGANIZATION:
    ex_add_actor(m, st->last_org);
    break;
  case ANA_IGO:
    ex_add_actor(m, body_referred(r, ph->ltoks[ph->n - 1], true));
    break;
  }
}
