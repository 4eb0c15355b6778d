/* SPDX-License-Identifier: MIT */
/* Argument slots: the clause subject, the object, a by-phrase, a
 * possessor, a preposition's complement, and the other places an event's
 * agents and targets stand. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* --- slots ----------------------------------------------------------- */

bool ex_mention_usable(const mention *m) { return m->kind != M_ADJ && m->n; }

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
  for (size_t i = last->te; i < t->tb;) {
    const token *tk = &r->toks[i];
    size_t n = tk->e - tk->b;
    bool adverb =
        n > 3 && r->text[tk->e - 2] == 'l' && r->text[tk->e - 1] == 'y';
    /* "after the council on Saturday unanimously slapped": a time
     * adverbial may stand between the subject and its verb */
    size_t len = ex_time_adverbial(r, i);
    if (!len && (ex_word(r, i) & W_PREP) && ex_time_adverbial(r, i + 1))
      len = 1 + ex_time_adverbial(r, i + 1);
    /* "since the council began penalizing Pyongyang": a verb whose
     * complement is the trigger's participle shares its subject */
    bool catenative = i + 1 == t->tb && ex_finite_verb(r, i) &&
                      (ex_verb_inflections(r, t->tb) & (1u << SCKG_INFL_ING));
    if (len)
      i += len;
    else if ((ex_word(r, i) & W_AUX) || (ex_is_lower_word(r, i) && adverb) ||
             catenative)
      i++;
    else
      return false;
  }
  return true;
}

/* Where the verb group of the verb at v starts: before its auxiliaries,
 * negation and adverbs ("has not yet blacklisted"). */
static size_t verb_group_start(const reader *r, size_t v) {
  while (v > 0 &&
         ((ex_word(r, v - 1) & (W_AUX | W_NEG)) || ex_is_adverb(r, v - 1)))
    v--;
  return v;
}

/* "Kim Il, a North Korean programmer, stole": is mention m inside an
 * indefinite noun phrase set off by commas right before the verb group
 * that starts at e (verb_group_start)? It describes the subject before
 * it, and is not the subject. */
static bool in_apposition(const reader *r, const mention *m, size_t e,
                          size_t *open_comma) {
  if (e < 2 || !ex_is_comma(r, e - 1) || m->te > e - 1)
    return false;
  size_t open = m->tb;
  while (open > 0 && !ex_is_comma(r, open - 1) && m->tb - open < 6) {
    if (ex_finite_verb(r, open - 1))
      return false;
    open--;
  }
  *open_comma = open - 1;
  return open > 0 && ex_is_comma(r, open - 1) && open < m->tb &&
         (ex_word(r, open) & W_ARTICLE) && !(ex_word(r, open) & W_DEFINITE);
}

/* ex_common_subject, for the verb at v whose group starts at e
 * (verb_group_start), found once by a caller that needs it again. */
static bool common_subject_at(const reader *r, size_t v, size_t e) {
  /* a lowercase word of no closed class right before the group, first: a
   * load or two that rule out most verbs (a name or a pronoun before them)
   * before the readings of the words are asked */
  sckg_wclass closed = W_PREP | W_DET | W_CONJ | W_AUX | W_CLAUSE | W_COMP |
                       W_RELATIVE | W_SAY | W_OBJPRON | W_SUBJPRON | W_OBJCASE;
  if (e == 0 || !ex_is_lower_word(r, e - 1) || (ex_word(r, e - 1) & closed))
    return false;
  /* a finite verb, or one after an auxiliary: no participle ("a statement
   * condemning the launch") */
  if (e == v && !ex_finite_verb(r, v))
    return false;
  if (!(ex_pos(r, e - 1) & SCKG_POS_NOUN) || ex_time_adverbial_start(r, e) < e)
    return false;
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].tb < e && e <= r->m[k].te)
      return false; /* the noun is a name's head: "North Korean hackers" */
  size_t b = e - 1;
  /* back to the phrase's determiner, which opens it */
  while (b > 0 && e - b < 5 && !(ex_word(r, b) & W_DET) &&
         /* "The network": a sentence opens with a capital */
         (ex_is_lower_word(r, b - 1) || (ex_word(r, b - 1) & W_DET)) &&
         !(ex_word(r, b - 1) & (W_PREP | W_CONJ | W_CLAUSE | W_COMP |
                                W_RELATIVE | W_SAY | W_AUX)) &&
         !ex_finite_verb(r, b - 1) &&
         ((ex_word(r, b - 1) & W_DET) ||
          (ex_pos(r, b - 1) & (SCKG_POS_NOUN | SCKG_POS_ADJ))))
    b--;
  return (ex_word(r, b) & W_DET) && !(ex_word(r, b) & W_POSSPRON) &&
         (b == 0 || !(ex_word(r, b - 1) & W_PREP));
}

bool ex_common_subject(const reader *r, size_t v) {
  return common_subject_at(r, v, verb_group_start(r, v));
}

/* "The U.S. sanctioned North Korea, accusing it of theft": where the comma
 * before a participle trigger stands, or 0 when t is no such participle
 * (the comma is never the first token). */
static size_t participle_comma(const reader *r, const trigger *t) {
  if (t->pat->flags & PAT_NOUN)
    return 0;
  const token *tk = &r->toks[t->tb];
  if (tk->kind != TK_WORD || tk->cap ||
      !(ex_verb_inflections(r, t->tb) & (1u << SCKG_INFL_ING)))
    return 0;
  /* right after the comma: "X, was saying" is a verb group, not this */
  return t->tb > 1 && ex_is_comma(r, t->tb - 1) ? t->tb - 1 : 0;
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

/* The main verb before token `end`: the first verb trigger of t's quote
 * state outside a relative clause, not one of a clause it governs ("denied
 * allegations that its hackers stole ..., calling": denied). */
static const trigger *main_verb_before(const reader *r, const trigger *t,
                                       size_t end) {
  for (size_t k = 0; k < r->nt; k++) {
    const trigger *p = &r->t[k];
    if (p != t && p->te <= end && !(p->pat->flags & PAT_NOUN) &&
        p->quoted == t->quoted && !r->clause[p->tb])
      return p;
  }
  return verb_before(r, t, end);
}

/* The verb a participle after a comma depends on; NULL when t is no such
 * participle or no verb stands before its comma. */
const trigger *ex_participle_head(const reader *r, const trigger *t) {
  size_t comma = participle_comma(r, t);
  return comma ? main_verb_before(r, t, comma) : NULL;
}

/* The subject of the sentence before token `end`: its first group that no
 * preposition governs and that is not a mere possessor, in the quote state
 * `quoted`, outside relative clauses; -1 when none. */
static long first_subject(const reader *r, size_t end, bool quoted) {
  for (size_t k = 0; k < r->nm && r->m[k].te <= end; k++) {
    const mention *m = &r->m[k];
    size_t first = ex_group_first(r, k);
    if (ex_mention_usable(m) && m->quoted == quoted && !r->clause[m->tb] &&
        !r->m[first].prep && !(m->poss && !m->head) &&
        !(m->te == m->tb + 1 && (ex_word(r, m->tb) & W_OBJPRON)))
      return (long)k;
  }
  return -1;
}

/* The last inflected verb in tokens [from, end) with no clause opener
 * between it and end; 0 when none (token 0 has no subject before it). */
static size_t finite_verb_before(const reader *r, size_t from, size_t end) {
  for (size_t i = end; i-- > from && i > 0;) {
    const token *tk = &r->toks[i];
    if ((tk->kind == TK_PUNCT && r->text[tk->b] == ';') ||
        (ex_word(r, i) & (W_CLAUSE | W_COMP | W_RELATIVE)))
      return 0;
    if (ex_finite_verb(r, i))
      return i;
  }
  return 0;
}

/* "Accusing Pyongyang of running a criminal regime, Turnbull said": a
 * participle that opens the sentence has the subject of the clause after
 * its comma. -1 when t opens no sentence so. */
static long fronted_subject(const reader *r, const trigger *t) {
  if ((t->pat->flags & PAT_NOUN) ||
      !(ex_verb_inflections(r, t->tb) & (1u << SCKG_INFL_ING)))
    return -1;
  for (size_t i = 0; i < t->tb; i++)
    if (!ex_is_adverb(r, i) && r->toks[i].kind != TK_QUOTE)
      return -1;
  /* the comma after which a subject and its verb stand ("..., including
   * assassinations abroad, he said": not the first comma) */
  for (size_t c = t->te; c + 1 < r->n; c++) {
    if (!ex_is_comma(r, c) || r->quoted[c] != t->quoted)
      continue;
    long k = ex_group_after(r, c + 1, 3, false);
    if (k < 0)
      continue;
    size_t v = r->m[ex_group_last(r, (size_t)k)].te;
    while (v < r->n && ex_is_adverb(r, v))
      v++;
    bool verb = v < r->n && ex_finite_verb(r, v);
    for (size_t q = 0; q < r->nt && !verb; q++)
      verb = r->t[q].tb == v && !(r->t[q].pat->flags & PAT_NOUN);
    if (verb)
      return k;
  }
  return -1;
}

/* "..., the experts noted": a report verb whose subject stands between a
 * comma and it has no subject before that comma, even when the phrase
 * names no actor the lexicon knows. Returns where its subject may start
 * (the token after the comma), or 0. */
static size_t speaker_after_comma(const reader *r, const trigger *t) {
  if (!(t->pat->flags & PAT_REPORT) || (t->pat->flags & PAT_NOUN))
    return 0;
  bool noun = false;
  for (size_t i = t->tb; i-- > 0 && t->tb - i < 8;) {
    const token *tk = &r->toks[i];
    if (ex_is_comma(r, i))
      return noun ? i + 1 : 0;
    if (tk->kind != TK_WORD ||
        (ex_word(r, i) & (W_CLAUSE | W_COMP | W_RELATIVE | W_PREP)))
      return 0;
    if (ex_word(r, i) & (W_AUX | W_BE | W_NEG | W_MODAL) || ex_is_adverb(r, i))
      continue; /* "..., which voted for it, has argued" */
    if (tk->cap || (ex_pos(r, i) & SCKG_POS_NOUN))
      noun = true;
  }
  return 0;
}

static long subject_of_verb(const reader *r, const trigger *t, bool common_np);

/* "conspiracy to launder money": is verb trigger t a bare infinitive after a
 * noun and its preposition? Its subject is the noun's owner, never told
 * right before it. */
static bool noun_infinitive(const reader *r, const trigger *t) {
  size_t i = t->tb;
  return !(t->pat->flags & PAT_NOUN) && i >= 2 &&
         (ex_verb_inflections(r, i) & (1u << SCKG_INFL_NONE)) &&
         ex_is_lower_word(r, i - 1) && (ex_word(r, i - 1) & W_PREP) &&
         ex_is_lower_word(r, i - 2) && !ex_word(r, i - 2) &&
         (ex_pos(r, i - 2) & SCKG_POS_NOUN);
}

/* Is mention m the object of a plain verb right before it ("to defraud
 * the United States")? */
static bool verb_object(const reader *r, const mention *m) {
  size_t b = m->tb;
  return b > 0 && ex_is_lower_word(r, b - 1) && !ex_word(r, b - 1) &&
         ex_pos(r, b - 1) == SCKG_POS_VERB;
}

/* "Lee, blaming Pyongyang for the attack, vowed": a participial clause set
 * off by commas right before the verb group that starts at `close`
 * (verb_group_start) is an adjunct, and no name in it is the verb's
 * subject. Returns its span [*b, *e), false when none. */
static bool participial_adjunct(const reader *r, size_t close, size_t *b,
                                size_t *e) {
  if (close == 0 || !ex_is_comma(r, close - 1))
    return false;
  close--;
  for (size_t open = close; open-- > 0 && close - open < 30;) {
    if (!ex_is_comma(r, open))
      continue;
    if (open + 1 < close && ex_is_lower_word(r, open + 1) &&
        (ex_verb_inflections(r, open + 1) & (1u << SCKG_INFL_ING))) {
      *b = open + 1;
      *e = close;
      return true;
    }
    return false;
  }
  return false;
}

/* "said that Russia had risen to ..., and assured Putin": when the verb
 * at v is a perfect ("had risen") in the complement of a reporting verb,
 * a plain past joined after it by "and" joins the reporting verb, not the
 * tense the report shifted back. Returns that reporting verb, else NULL. */
static const trigger *backshifted(const reader *r, const trigger *t, size_t v) {
  if (v == 0 || !((ex_word(r, v) | ex_word(r, v - 1)) & W_PERFECT))
    return NULL;
  const trigger *q = main_verb_before(r, t, v);
  if (!q || !(q->pat->flags & PAT_REPORT) || q->tb >= v)
    return NULL;
  for (size_t k = q->te; k < v; k++)
    if (ex_word(r, k) & W_COMP)
      return q;
  return NULL;
}

static long subject_of(const reader *r, const trigger *t) {
  return subject_of_verb(r, t, true);
}

/* The subject of the plain verb word at v, read as a verb trigger in t's
 * place: a support verb, a verb of undergoing, or a verb the lexicon has no
 * event for before "and". */
static trigger verb_word(const trigger *t, size_t v) {
  static const lex_pattern verb; /* the word, as a verb trigger */
  trigger w = *t;
  w.pat = &verb;
  w.tb = v;
  w.te = w.obj_from = v + 1;
  return w;
}

static long verb_word_subject(const reader *r, const trigger *t, size_t v,
                              bool common_np) {
  trigger w = verb_word(t, v);
  return subject_of_verb(r, &w, common_np);
}

/* "breached a company built around the chain and made off with": is the
 * verb word at v a participle that modifies the noun phrase before it,
 * so that it is no verb "and" joins another to? */
static bool modifying_participle(const reader *r, const trigger *t, size_t v) {
  trigger w = verb_word(t, v);
  return ex_reduced_relative(r, &w) >= 0;
}

/* The subject of verb trigger t. `common_np`: whether a noun phrase that
 * names no actor right before the verb is its subject (not for a verb the
 * lexicon has no event for, read in place of one: in "said ... that the
 * community had made clear ..., and vowed to", the verb after "and vowed
 * to" stays the speaker's) */
static long subject_of_verb(const reader *r, const trigger *t, bool common_np) {
  long fronted = fronted_subject(r, t);
  if (fronted >= 0)
    return fronted;
  /* the participle after a comma: its subject is its verb's, or with no verb
   * trigger before it ("summoned the ambassador, urging Tokyo"), the sentence's
   */
  size_t comma = participle_comma(r, t);
  if (comma) {
    const trigger *head = main_verb_before(r, t, comma);
    long k = head ? subject_of(r, head) : first_subject(r, comma, t->quoted);
    if (k >= 0)
      return k;
  }
  /* "Japan condemned X and imposed sanctions on Y": a verb after "and"
   * shares the subject of the verb before it */
  size_t aux = t->tb; /* where a verb's auxiliaries start, asked twice */
  if (!(t->pat->flags & PAT_NOUN))
    while (aux > 0 && (ex_word(r, aux - 1) & W_AUX))
      aux--;
  if (!(t->pat->flags & PAT_NOUN)) {
    size_t i = aux;
    bool joined = i > 0 && (ex_word(r, i - 1) & W_CONJ);
    bool by_word = joined && r->toks[i - 1].kind == TK_WORD; /* not ',' */
    const trigger *p = by_word ? verb_before(r, t, i - 1) : NULL;
    /* a verb the lexicon has no event for may be nearer: "Seoul summoned
     * the ambassador and warned him", "voiced concern, urged restraint" */
    size_t v = joined ? finite_verb_before(r, p ? p->te : 0, i - 1) : 0;
    if (v && modifying_participle(r, t, v))
      v = 0;
    const trigger *said = joined && i == t->tb ? backshifted(r, t,
                                                             v   ? v
                                                             : p ? p->tb
                                                                 : 0)
                                               : NULL;
    if (said)
      return subject_of(r, said);
    if (v && r->clause[v] == r->clause[t->tb])
      return verb_word_subject(r, t, v, false);
    if (p)
      return subject_of(r, p);
  }
  /* "cyberattacks on exchanges that netted $3 billion": a relative
   * pronoun is the subject; it stands for the name right before it, or for
   * nothing the slots can name (a crime then takes its sentence's culprit) */
  if (!(t->pat->flags & PAT_NOUN)) {
    size_t i = aux;
    if (i > 0 && (ex_word(r, i - 1) & (W_COMP | W_RELATIVE))) {
      size_t rel = i - 1;
      if (rel > 0 && ex_is_comma(r, rel - 1))
        rel--;
      for (size_t k = 0; k < r->nm; k++) {
        if (r->m[k].te != rel || !ex_mention_usable(&r->m[k]) || r->m[k].poss)
          continue;
        /* "teams in the United States and Canada that laundered",
         * "sanctions on Pyongyang that ban its exports": a state that a
         * preposition governs is no antecedent; the head before it is.
         * A genitive's or a by-phrase's name speaks for its head ("a hack
         * by North Korean actors that netted $250 million"), and people
         * stay people ("measures against North Korean IT workers who use
         * fake identities") */
        size_t first = ex_group_first(r, k);
        const char *prep = r->m[first].prep;
        if (prep && prep != r->s->by_prep &&
            !(sckg_lexicon_word(r->s, prep) & W_GENITIVE) && r->m[k].n &&
            r->m[k].actors[0]->cls == SCKG_CLASS_STATE && !r->m[k].head)
          return -1;
        return (long)k;
      }
      return -1;
    }
  }
  size_t group = verb_group_start(r, t->tb); /* once, for every name */
  if (common_np && !(t->pat->flags & PAT_NOUN) &&
      common_subject_at(r, t->tb, group))
    return -1;
  size_t floor = speaker_after_comma(r, t);
  size_t adj_b = 0, adj_e = 0;
  if (!(t->pat->flags & PAT_NOUN))
    participial_adjunct(r, group, &adj_b, &adj_e);
  for (size_t k = r->nm; k-- > 0;) {
    const mention *m = &r->m[k];
    if (m->te > t->tb || (m->tb >= adj_b && m->tb < adj_e))
      continue;
    if (m->tb < floor)
      return -1;
    /* "said that X ..., and that the finding was the result of an
     * investigation": a second complement clause has its own subject */
    bool stop = false;
    for (size_t i = m->te; i < t->tb; i++)
      if ((r->toks[i].kind == TK_PUNCT && r->text[r->toks[i].b] == ';') ||
          (i > m->te && (ex_word(r, i) & W_COMP) &&
           (ex_word(r, i - 1) & W_CONJ)))
        stop = true;
    if (stop)
      return -1;
    if (!ex_mention_usable(m) || m->quoted != t->quoted)
      continue;
    if (m->te == m->tb + 1 && (ex_word(r, m->tb) & W_OBJPRON))
      continue; /* "makes them attractive to hackers seeking...": an object */
    /* the name the apposition describes is the subject; with none the
     * lexicon knows ("Kim Il, a North Korean programmer,"), the
     * apposition stands for it */
    size_t open;
    if (in_apposition(r, m, group, &open)) {
      /* the last name before it, over an age or a place ("Ghaleb
       * Alaumary, 37, of Mississauga, Ontario, a dual ... citizen,") */
      bool named = false;
      for (size_t q = k; q-- > 0 && !named;) {
        if (r->m[q].te > open || r->m[q].group == m->group)
          continue;
        bool verb = false;
        for (size_t j = r->m[q].te; j < open && !verb; j++)
          verb = ex_finite_verb(r, j);
        named = !verb && ex_mention_usable(&r->m[q]) && !r->m[q].prep;
        break;
      }
      if (named)
        continue;
    }
    /* "X, whose activity it tracks, stole": not from inside a relative
     * clause the trigger is not in */
    if (r->clause[m->tb] && r->clause[m->tb] != r->clause[t->tb])
      continue;
    /* the group's first member decides */
    const mention *f = &r->m[ex_group_first(r, k)];
    if (f->prep && f->prep != r->toks[t->tb].lower &&
        !clause_subject(r, f, m, t))
      continue;
    if (m->poss && !m->head)
      continue;
    /* "faces counts of conspiracy to defraud the United States and
     * conspiracy to launder money": the victim of one count is not the
     * launderer of the next; the crime takes the charged */
    if (noun_infinitive(r, t) && verb_object(r, f))
      return -1;
    return (long)k;
  }
  return -1;
}

/* The group starting within `window` tokens after token i, skipping
 * determiners, adjectives and quotes; -1 when none. */
long ex_group_after(const reader *r, size_t i, size_t window,
                    bool through_clause) {
  for (size_t k = 0; k < r->nm; k++) {
    const mention *m = &r->m[k];
    if (m->tb < i || !ex_mention_usable(m) ||
        (k > 0 && r->m[k - 1].group == m->group && r->m[k - 1].tb >= i))
      continue;
    /* "with his U.S. counterparts": a possessive pronoun is a determiner
     * of what follows */
    if (m->poss && m->te == m->tb + 1 && (ex_word(r, m->tb) & W_POSSPRON))
      continue;
    if (m->tb > i + window)
      return -1;
    for (size_t q = i; q < m->tb; q++) {
      const token *tk = &r->toks[q];
      if (tk->kind == TK_PUNCT && r->text[tk->b] != '$')
        return -1;
      if (ex_word(r, q) & (through_clause ? W_SAY : (W_CLAUSE | W_SAY)))
        return -1;
    }
    return (long)k;
  }
  return -1;
}

/* Does a pattern fill a slot from the phrase of `prep` (a by-phrase's
 * slot keeps its preposition too)? */
bool ex_pattern_takes(const lex_pattern *p, const char *prep) {
  for (size_t i = 0; i < 2 * MAX_SLOTS; i++) {
    const slot *sl = i < MAX_SLOTS ? &p->agent[i] : &p->target[i - MAX_SLOTS];
    if ((sl->kind == SLOT_PREP || sl->kind == SLOT_BY) && sl->prep == prep)
      return true;
  }
  return false;
}

/* The group after preposition `prep` following the trigger. */
static long prep_after(const reader *r, const trigger *t, const char *prep) {
  /* a preposition the sentence lacks opens no phrase, which one load of
   * its Bloom filter of words (reader.h) tells for most slots */
  if (prep && !r->words_seen[sckg_lexicon_bloom_bit(r->s, prep)])
    return -1;
  size_t end = t->te + 10 < r->n ? t->te + 10 : r->n;
  /* "weapons testing in response to exercises by X": the by-phrase
   * belongs to the trigger nearer to it, when that one takes it ("the
   * FBI attributed the hack to X": a hack takes no "to"); the first such
   * trigger after t ends the search, found once, not at every token */
  size_t taken = end;
  for (size_t k = 0; k < r->nt; k++)
    if (r->t[k].tb >= t->te && r->t[k].tb < taken && &r->t[k] != t &&
        ex_pattern_takes(r->t[k].pat, prep))
      taken = r->t[k].tb;
  /* from inside the trigger: "sanctions on X" holds its preposition */
  for (size_t i = t->tb + 1; i < end; i++) {
    const token *tk = &r->toks[i];
    if (tk->kind == TK_PUNCT &&
        (r->text[tk->b] == ';' || r->text[tk->b] == '.'))
      return -1;
    if (i == taken)
      return -1;
    /* "a report seen by Reuters": the phrase after such a participle is
     * the participle's, not the trigger's */
    if (i >= t->te && (ex_word(r, i) & W_WITNESS))
      return -1;
    if (tk->lower != prep)
      continue;
    /* "about how X", "targeting six people and three organisations from
     * Russia": the group may stand a few words into the phrase, but no
     * word that can only be a verb ends it ("urged them to abide by
     * U.N. rules", "called on states to respect U.N. sanctions") */
    long k = ex_group_after(r, i + 1, 7, true);
    for (size_t q = i + 1; k >= 0 && q < r->m[k].tb; q++)
      if (ex_is_lower_word(r, q) && ex_pos(r, q) == SCKG_POS_VERB &&
          !ex_word(r, q))
        return -1;
    return k;
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
    /* "the DPRK's November 21 launch": a date stands between too */
    if (tk->kind == TK_QUOTE ||
        (tk->kind == TK_WORD && !tk->cap &&
         !(ex_word(r, i - 1) & (W_PREP | W_SAY | W_CLAUSE))) ||
        (tk->cap && (ex_word(r, i - 1) & (W_MONTH | W_WEEKDAY))) ||
        (tk->kind == TK_PUNCT && r->text[tk->b] == '.' && i >= 2 &&
         (ex_word(r, i - 2) & W_MONTH)) || /* "Sept." */
        tk->kind == TK_NUM ||
        (tk->kind == TK_PUNCT &&
         (r->text[tk->b] == '$' || r->text[tk->b] == ',')) ||
        ((ex_word(r, i - 1) & W_CONJ) && r->toks[i - 1].kind == TK_WORD)) {
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
  if (!(r->classes_seen & W_SUPPORT))
    return -1; /* no support verb to find below */
  size_t i = t->tb;
  for (size_t skipped = 0; i > 0 && skipped < 4; skipped++, i--) {
    /* "oversaw Thursday's launch" */
    bool day = r->toks[i - 1].kind == TK_POSS ||
               (ex_word(r, i - 1) & (W_WEEKDAY | W_MONTH));
    /* "carried out the Bangladesh heist": a name modifying the noun */
    for (size_t k = 0; k < r->nm && !day; k++)
      day = r->m[k].tb < i && i <= r->m[k].te && r->m[k].kind == M_NAME;
    if (!day &&
        (!ex_is_lower_word(r, i - 1) ||
         (ex_word(r, i - 1) & (W_PREP | W_SAY | W_CLAUSE | W_SUPPORT | W_NEG))))
      break;
  }
  if (i > 0 && ex_is_lower_word(r, i - 1) && (ex_word(r, i - 1) & W_PREP))
    i--; /* "relies on", "engaged in" */
  if (i == 0 || !ex_is_lower_word(r, i - 1) || !(ex_word(r, i - 1) & W_SUPPORT))
    return -1;
  /* "the reckless use of the ransomware": a noun, no verb */
  if ((ex_word(r, i) & W_GENITIVE) || (i > 1 && (ex_word(r, i - 2) & W_DET)))
    return -1;
  return verb_word_subject(r, t, i - 1, true);
}

long ex_undergoer(const reader *r, const trigger *t) {
  if (!(r->classes_seen & W_UNDERGO))
    return -1; /* no verb of undergoing to find below */
  size_t i = t->tb;
  /* over the noun phrase's determiners and modifiers, names among them
   * ("by North Korean hacking attacks") */
  for (size_t k = 0; k < 5 && i > 0; k++) {
    long name = -1;
    for (size_t q = 0; q < r->nm && name < 0; q++)
      if (r->m[q].te == i && r->m[q].tb < i)
        name = (long)q;
    if (name >= 0) {
      i = r->m[name].tb;
      continue;
    }
    if (!ex_is_lower_word(r, i - 1) ||
        (ex_word(r, i - 1) & (W_PREP | W_UNDERGO | W_SAY)))
      break;
    i--;
  }
  if (i > 0 && ex_is_lower_word(r, i - 1) && (ex_word(r, i - 1) & W_PREP) &&
      r->toks[i - 1].lower == r->s->by_prep)
    i--; /* "was hit by" */
  if (i == 0 || !ex_is_lower_word(r, i - 1) || !(ex_word(r, i - 1) & W_UNDERGO))
    return -1;
  return verb_word_subject(r, t, i - 1, true);
}

/* '"North Korea stole it," said Brian Nelson': a verb right after a
 * closing quote (and its comma) has its subject after it. -1 when the
 * verb does not follow a quote. */
static long inverted_subject(const reader *r, const trigger *t) {
  size_t i = t->tb;
  if (i > 0 && ex_is_comma(r, i - 1))
    i--;
  if (i == 0 || r->toks[i - 1].kind != TK_QUOTE || r->quoted[i - 1] ||
      t->quoted)
    return -1;
  return ex_group_after(r, t->te, 3, false);
}

/* "charges three programmers employed by North Korea's military": an
 * object that names no actor, a few words of a noun phrase, followed by an
 * affiliation word and its preposition, is of the actor after them (people
 * of a state count as that state). -1 when the object is no such phrase. */
static long affiliated_object(const reader *r, size_t from) {
  if (!(r->classes_seen & W_AFFIL))
    return -1;
  size_t i = from;
  while (i < r->n && i < from + 5 && ex_is_lower_word(r, i) &&
         !(ex_word(r, i) & W_AFFIL) && ex_may_start_np(r, i) &&
         !ex_finite_verb(r, i))
    i++;
  if (i == from || i + 1 >= r->n || !ex_is_lower_word(r, i) ||
      !(ex_word(r, i) & W_AFFIL) || !(ex_word(r, i + 1) & W_PREP))
    return -1;
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].tb >= from && r->m[k].tb < i + 2)
      return -1; /* a name inside the phrase: it is the object, if any */
  return ex_group_after(r, i + 2, 2, false);
}

static long slot_group(const reader *r, const trigger *t, const slot *sl) {
  switch (sl->kind) {
  case SLOT_NONE:
    return -1;
  case SLOT_SUBJ:
    return subject_of(r, t);
  case SLOT_OBJ: {
    /* "blamed for the Bybit heist": a preposition right after the verb
     * governs no object; "hijacked servers in Japan": a place after the
     * object is not it (but "denounced cooperation among Washington and
     * Seoul" names the cooperating) */
    long k = ex_group_after(r, t->obj_from, 3, false);
    if (k < 0)
      return affiliated_object(r, t->obj_from);
    /* "slapped U.S.-drafted sanctions on Pyongyang": a name hyphened to
     * the word after it modifies that word; it stands for the object only
     * when no other slot names one ("vetoed a U.S.-drafted resolution"),
     * see ex_fill_slots */
    if (k >= 0 && ex_joining_hyphen(r, r->m[k].te))
      return -1;
    for (size_t i = t->obj_from; k >= 0 && i < r->m[k].tb; i++) {
      sckg_wclass w = ex_word(r, i);
      if (w & W_DET)
        continue;
      if ((w & W_PREP) && i == t->obj_from && t->obj_from == t->te)
        return -1;
      if ((w & W_LOCPREP) && i > t->obj_from && ex_is_lower_word(r, i - 1) &&
          !(ex_word(r, i - 1) & W_DET))
        return -1;
      /* "protested the decision to the U.N.": after "the" and a word that
       * names an act, a preposition's name is whom one turns to, not the
       * object (but "the move by Seoul", "the decision of Tokyo" name its
       * doer, and "called for action against X" wishes an act on X) */
      if ((w & W_PREP) && !(w & W_GENITIVE) && i > t->obj_from &&
          r->toks[i].lower != r->s->by_prep && ex_is_lower_word(r, i - 1) &&
          (ex_word(r, i - 1) & W_EVENTNOUN) && i >= 2 &&
          (ex_word(r, i - 2) & W_DEFINITE))
        return -1;
    }
    return k;
  }
  case SLOT_BY:
    return prep_after(r, t, sl->prep);
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
    return -1; /* known only once every frame is read: see ex_speaker_slots */
  }
  return -1;
}

/* Fill actors from the first slot that yields a group. */
size_t ex_fill_slots(const reader *r, const trigger *t, const slot *slots,
                     ex_actor **out, long *which, slot_kind *kind) {
  *which = -1;
  *kind = SLOT_NONE;
  bool obj = false;
  for (size_t i = 0; i < MAX_SLOTS && slots[i].kind != SLOT_NONE; i++) {
    obj |= slots[i].kind == SLOT_OBJ;
    long k = slot_group(r, t, &slots[i]);
    if (k >= 0) {
      size_t n = ex_group_actors(r, (size_t)k, out, EX_MAX_ACTORS);
      if (n) {
        *which = k;
        *kind = slots[i].kind;
        return n;
      }
    }
  }
  /* the name of a hyphened modifier of the object ("vetoed a U.S.-drafted
   * resolution"), when no slot named another */
  long k = obj ? ex_group_after(r, t->obj_from, 3, false) : -1;
  if (k >= 0 && ex_joining_hyphen(r, r->m[k].te)) {
    size_t n = ex_group_actors(r, (size_t)k, out, EX_MAX_ACTORS);
    if (n) {
      *which = k;
      *kind = SLOT_OBJ;
      return n;
    }
  }
  return 0;
}
