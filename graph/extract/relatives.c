/* SPDX-License-Identifier: MIT */
/* Relative clauses around a noun: what a verb's missing object stands for
 * ("the launch, which Japan condemned"; "a request Seoul has rebuffed"),
 * and who did what an event noun names when a clause after it says so
 * ("the drills that Washington and Seoul kicked off", "the vetoes cast by
 * China"). English marks both by word order alone: a noun, an optional
 * relative word, a subject, and a verb whose object is not there. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* Is the object of verb trigger t missing: after it (over adverbs and a
 * phrasal verb's particle) stands the sentence's end, punctuation other
 * than '$', or a grammar word that starts no noun phrase ("as", "in",
 * "and")? */
static bool object_gap(const reader *r, const trigger *t) {
  /* a '*' inside the trigger: empty when no noun phrase starts there
   * ("that Seoul put on its list"); after it, a free relative's object
   * stands before the verb ("what Washington called") */
  if (t->obj_from != t->te)
    return t->obj_from < t->te && !ex_may_start_np(r, t->obj_from);
  size_t i = t->te;
  if (i > 0 && ex_phrasal_verb(r, i - 1))
    i++;
  for (size_t n = 1; n;) {
    while (i < r->n && ex_is_adverb(r, i) && !(ex_word(r, i) & W_PREP))
      i++;
    i += n = ex_time_adverbial(r, i);
  }
  if (i >= r->n)
    return true;
  const token *tk = &r->toks[i];
  if (tk->kind == TK_PUNCT)
    return r->text[tk->b] != '$';
  if (tk->kind != TK_WORD)
    return false;
  return (ex_word(r, i) & (W_PREP | W_CONJ | W_CLAUSE | W_COMP | W_RELATIVE)) &&
         !(ex_word(r, i) & W_DET);
}

/* Does a noun phrase end at token i: a noun of the lexicon in lowercase,
 * and no word the grammar knows as something else ("said", "and")? */
static bool noun_at(const reader *r, size_t i) {
  return ex_is_lower_word(r, i) && (ex_pos(r, i) & SCKG_POS_NOUN) &&
         !ex_finite_verb(r, i) &&
         !(ex_word(r, i) &
           (W_PREP | W_DET | W_CONJ | W_CLAUSE | W_COMP | W_RELATIVE | W_AUX |
            W_BE | W_SAY | W_OBJCASE | W_SUBJPRON | W_OBJPRON));
}

/* May token i stand inside a noun phrase before its head: a determiner,
 * a modifier, or an -ing form ("a hacking group", "a growing threat")? */
static bool np_word(const reader *r, size_t i) {
  if (!ex_is_lower_word(r, i))
    return false;
  if (ex_may_start_np(r, i))
    return true;
  sckg_wclass w = ex_word(r, i);
  if (w & (W_PREP | W_SAY | W_CLAUSE | W_CONJ | W_AUX | W_COMP | W_RELATIVE))
    return false;
  /* an -ing form, or a word the lexicon does not know ("bitcoin") */
  return (ex_verb_inflections(r, i) & (1u << SCKG_INFL_ING)) ||
         (!w && !ex_pos(r, i));
}

/* The event noun a post-modifier ending at token `head` follows: "the
 * drills held in March", "the exercises by Washington and Seoul"; -1 when
 * a comma, a clause or a verb group comes first. */
static long postmodified_event(const reader *r, size_t head) {
  for (size_t q = head + 1; q-- > 0 && head - q < 8;) {
    for (size_t k = 0; k < r->nt; k++)
      if ((r->t[k].pat->flags & PAT_NOUN) && r->t[k].te == q + 1 && q < head)
        return (long)k;
    const token *tk = &r->toks[q];
    if ((tk->kind == TK_PUNCT && r->text[tk->b] != '$') ||
        tk->kind == TK_QUOTE ||
        (ex_word(r, q) &
         (W_CLAUSE | W_COMP | W_RELATIVE | W_SAY | W_AUX | W_BE | W_CONJ)))
      return -1;
  }
  return -1;
}

/* What the noun phrase ending at token `head` is. */
static ex_antecedent antecedent_at(const reader *r, size_t head) {
  ex_antecedent a = {ANTE_NONE, -1};
  long ev = postmodified_event(r, head);
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].te == head + 1 && ex_mention_usable(&r->m[k]) && !r->m[k].poss)
      /* "the drills held by X and Y, which": a name a preposition
       * governs modifies the event before it */
      return r->m[ex_group_first(r, k)].prep && ev >= 0
                 ? (ex_antecedent){ANTE_EVENT, ev}
                 : (ex_antecedent){ANTE_NAME, (long)k};
  for (size_t q = 0; q < r->nt; q++)
    if ((r->t[q].pat->flags & PAT_NOUN) && r->t[q].tb <= head &&
        head < r->t[q].te)
      return (ex_antecedent){ANTE_EVENT, (long)q};
  if (ex_word(r, head) & W_EVENTNOUN)
    return (ex_antecedent){ANTE_ACT, -1};
  if (!noun_at(r, head))
    return ev >= 0 ? (ex_antecedent){ANTE_EVENT, ev} : a;
  /* "Blender.io, a bitcoin mixer that": a common noun set off after a
   * name by a comma stands in apposition to it */
  size_t s = head;
  while (s > 0 && head - s < 6 && np_word(r, s - 1))
    s--;
  if (s < 2 || !ex_is_comma(r, s - 1))
    return a;
  /* "Moscow says the drones were Ukrainian, a claim Kyiv rejects": a noun that
   * names what was said restates the reported clause before the comma */
  for (size_t q = r->nt; (ex_word(r, head) & W_RESTATE) && q-- > 0;)
    if ((r->t[q].pat->flags & PAT_REPORT) && r->t[q].te < s - 1)
      return (ex_antecedent){ANTE_CLAIM, (long)q};
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].te == s - 1 && ex_mention_usable(&r->m[k]) && !r->m[k].poss)
      return (ex_antecedent){ANTE_NAME, (long)k};
  return a;
}

ex_antecedent ex_object_antecedent(const reader *r, const trigger *t,
                                   long subj) {
  ex_antecedent none = {ANTE_NONE, -1};
  if (subj < 0 || (t->pat->flags & PAT_NOUN) || !object_gap(r, t))
    return none;
  for (size_t i = (size_t)subj + 1; i < r->nm; i++)
    if (r->m[i].tb < t->tb)
      return none; /* another name between subject and verb: not this shape */
  size_t k = r->m[ex_group_first(r, (size_t)subj)].tb;
  while (k > 0 && (ex_word(r, k - 1) & W_DET) && !(ex_word(r, k - 1) & W_COMP))
    k--;
  if (k == 0)
    return none;
  if (ex_word(r, k - 1) & (W_COMP | W_RELATIVE)) {
    size_t rel = k - 1;
    /* "Seoul believes that Pyongyang hacked": after a verb, "that" opens
     * the verb's complement, not a relative clause */
    if (rel == 0 || ex_word(r, rel - 1) & W_SAY || ex_finite_verb(r, rel - 1))
      return none;
    for (size_t q = 0; q < r->nt; q++)
      if (!(r->t[q].pat->flags & PAT_NOUN) &&
          (r->t[q].te == rel || (r->t[q].tb < rel && r->t[q].te == rel + 1)))
        return none;
    size_t head = rel - 1;
    bool comma = head > 0 && ex_is_comma(r, head);
    if (comma)
      head--;
    ex_antecedent a = antecedent_at(r, head);
    /* "X held exercises last month, which Y denounced": after a comma,
     * "which" may stand for what the clause before it told */
    for (size_t q = r->nt; comma && a.kind == ANTE_NONE && q-- > 0;)
      if (r->t[q].te <= head + 1 && ex_is_act(r, r->t[q].pat->type))
        a = (ex_antecedent){ANTE_EVENT, (long)q};
    return a;
  }
  /* no relative word: "a launch the EU condemned", "the sanctions Japan
   * imposed" (a noun right before the subject) */
  if (!noun_at(r, k - 1))
    return none;
  return antecedent_at(r, k - 1);
}

long ex_relative_agent(const reader *r, const trigger *t) {
  size_t i = t->te;
  if (!(t->pat->flags & PAT_NOUN) || i >= r->n)
    return -1;
  /* "the vetoes cast by China": a participle and its by-phrase; not one
   * of seeing ("a report seen by Reuters"), whose by-phrase is no author */
  if (i + 1 < r->n && ex_is_lower_word(r, i) && !(ex_word(r, i) & W_WITNESS) &&
      (ex_pos(r, i) & SCKG_POS_VERB) &&
      (ex_verb_inflections(r, i) &
       (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR |
        1u << SCKG_INFL_NONE)) &&
      r->toks[i + 1].lower == r->s->by_prep)
    return ex_group_after(r, i + 2, 3, false);
  /* "the drills that Washington and Seoul kicked off": a relative clause
   * whose verb lacks its object; a comma before it makes a clause that
   * comments on the event, often a reaction ("the launch, which Japan
   * condemned"), so none may stand */
  if (ex_word(r, i) & (W_COMP | W_RELATIVE))
    i++;
  long k = ex_group_after(r, i, 1, false);
  if (k < 0 || r->m[k].tb != i)
    return -1;
  size_t v = r->m[ex_group_last(r, (size_t)k)].te;
  while (v < r->n && ((ex_word(r, v) & W_AUX) || ex_is_adverb(r, v)))
    v++;
  if (v >= r->n || !ex_is_lower_word(r, v) || !(ex_pos(r, v) & SCKG_POS_VERB) ||
      !(ex_verb_inflections(r, v) & ~(1u << SCKG_INFL_ING)))
    return -1;
  /* the clause's verb performs the event ("held", "imposed", "fired"), it
   * does not answer it: a trigger of another type is a reaction */
  const trigger *verb = NULL;
  for (size_t q = 0; q < r->nt; q++)
    if (r->t[q].tb == v)
      verb = &r->t[q];
  if (verb && verb->pat->type != t->pat->type)
    return -1;
  trigger probe = verb ? *verb : *t;
  probe.tb = v;
  probe.te = probe.obj_from = v + 1;
  return object_gap(r, &probe) ? k : -1;
}
