/* SPDX-License-Identifier: MIT */
/* Voice: whether a verb trigger is passive ("was fired", "stolen funds",
 * "a firm accused of backing hackers"), and what a passive participle
 * after a noun depends on. A passive's subject is what was acted on; its
 * agent, when it has one, is a by-phrase. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* May token i stand inside a noun phrase: a determiner, a number, a
 * possessive, a name, or a noun or adjective of the lexicon? */
static bool in_noun_phrase(const reader *r, size_t i) {
  const token *tk = &r->toks[i];
  /* "a unit of Iran's Revolutionary Guards": a name the lexicon lacks, or
   * knows only as a person's ("a Hong Kong-based firm") */
  if (tk->kind == TK_POSS || tk->kind == TK_NUM ||
      (tk->kind == TK_WORD && tk->cap && i > 0 && !(ex_word(r, i) & ~W_NAME)))
    return true;
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].tb <= i && i < r->m[k].te)
      return true;
  for (size_t k = 0; k < r->nt; k++)
    if (r->t[k].tb <= i && i < r->t[k].te)
      /* an event noun ("cyberattacks", which WordNet lacks), not a verb
       * ("sanctioned" is an adjective too); the words from a verb's '*'
       * on are its object ("breached a US-based company", "imposed its
       * first ever sanctions") */
      return (r->t[k].pat->flags & PAT_NOUN) ||
             (r->t[k].obj_from > r->t[k].tb && i >= r->t[k].obj_from);
  return ex_is_lower_word(r, i) && ex_may_start_np(r, i) &&
         !ex_finite_verb(r, i);
}

/* Is token v a verb: finite, or the end of a verb trigger? */
static bool clause_verb(const reader *r, size_t v) {
  bool verb = ex_finite_verb(r, v);
  for (size_t k = 0; k < r->nt && !verb; k++)
    verb = r->t[k].te == v + 1 && !(r->t[k].pat->flags & PAT_NOUN);
  return verb;
}

long ex_reduced_relative(const reader *r, const trigger *t) {
  if ((t->pat->flags & PAT_NOUN) || t->te != t->tb + 1 ||
      !(ex_verb_inflections(r, t->tb) &
        (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR)))
    return -1;
  /* no object after it: "accused of", "fired from", "linked to" */
  size_t after = t->te;
  if (after < r->n &&
      !(r->toks[after].kind == TK_PUNCT || (ex_word(r, after) & W_PREP)))
    return -1;
  /* the noun phrase before it */
  size_t q = t->tb;
  while (q > 0 && t->tb - q < 10 && in_noun_phrase(r, q - 1))
    q--;
  if (q == t->tb || q == 0)
    return -1;
  /* and before that phrase, what makes it no subject: a preposition ("on
   * a firm accused of") or the clause's own verb ("sanctioned a firm
   * accused of"), not a verb of saying, whose clause it may begin */
  size_t v = q - 1;
  sckg_wclass w = ex_word(r, v);
  if (!ex_is_lower_word(r, v) || (w & (W_SAY | W_COMP)))
    return -1;
  /* "sanctioned a bank and a firm accused of", "listed three firms,
   * among them one accused of": a noun phrase joined to another, or
   * after a preposition's pronoun, is no subject when a verb other than
   * one of saying stands before the first phrase: the clause's verb */
  if ((w & W_CONJ) || ((w & W_PREP) && ex_is_lower_word(r, v + 1) &&
                       (ex_word(r, v + 1) & W_OBJCASE))) {
    size_t b = v; /* a list may be long: "targeting nine people and two
                     entities from Russia, Iran and North Korea, including" */
    while (b > 0 && v - b < 40 &&
           (in_noun_phrase(r, b - 1) || ex_is_comma(r, b - 1) ||
            (ex_word(r, b - 1) & (W_PREP | W_CONJ)) ||
            (ex_word(r, b - 1) & W_OBJCASE)))
      b--;
    /* "Seoul and Tokyo met on": joined subjects, no verb before them */
    if (b == 0 || !clause_verb(r, b - 1) ||
        (ex_word(r, b - 1) & (W_SAY | W_COMP)))
      return -1;
    return (long)b - 1;
  }
  if (w & W_PREP) {
    /* "days after the FBI warned, in an advisory, that": a preposition
     * that opens clauses, its subject and a bare participle that a comma
     * or the sentence's end follows is that clause's verb; a participle
     * modifying a noun goes on ("after hackers linked to the North") */
    if ((w & W_CLAUSE) && !(after < r->n && (ex_word(r, after) & W_PREP)))
      return -1;
    /* "a spokesman for the ministry said on Monday": a name whose
     * preposition the reader found to speak for a role is a subject */
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].te == t->tb && r->m[k].tb >= q &&
          !r->m[ex_group_first(r, k)].prep)
        return -1;
    return (long)v;
  }
  return clause_verb(r, v) ? (long)v : -1;
}

/* A form of be (words.tsv `be`) before token i, over auxiliaries and
 * adverbs: "were repeatedly sanctioned". */
static bool be_before(const reader *r, size_t i) {
  if (!(r->classes_seen & W_BE))
    return false; /* no form of be for the walk below to end on */
  for (size_t k = i; k > 0 && k + 4 > i; k--) {
    sckg_wclass wd = ex_word(r, k - 1);
    if (wd & W_BE)
      return true;
    if (!(wd & W_AUX) && !ex_is_adverb(r, k - 1))
      return false;
  }
  return false;
}

/* "were added to the sanctions list", "was removed from its list": a
 * pattern whose verb's gap holds nothing, after a form of be */
static bool gapped_passive(const reader *r, const trigger *t) {
  return t->gap_empty &&
         (ex_verb_inflections(r, t->tb) &
          (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR)) &&
         be_before(r, t->tb);
}

bool ex_is_clause_passive(const reader *r, const trigger *t) {
  return (t->pat->flags & PAT_PASSIVE) ||
         (!(t->pat->flags & PAT_NOUN) && !t->object_before &&
          be_before(r, t->tb));
}

/* Does a mention end right before token i? */
static bool name_ends_at(const reader *r, size_t i) {
  for (size_t k = 0; k < r->nm; k++)
    if (r->m[k].te == i)
      return true;
  return false;
}

bool ex_is_passive(const reader *r, const trigger *t) {
  if (t->object_before)
    return false;
  if (!(t->pat->flags & (PAT_NOUN | PAT_PASSIVE)) && gapped_passive(r, t))
    return true;
  /* idioms of several words ("quoted as saying") say their own voice */
  if ((t->pat->flags & (PAT_NOUN | PAT_PASSIVE)) || t->te != t->tb + 1)
    return false;
  /* a participle: "sanctioned", "stolen", "held" */
  if (!(ex_verb_inflections(r, t->tb) &
        (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR)))
    return false;
  /* "stolen funds", "hacked accounts": a participle before its noun, with
   * no auxiliary before it, is attributive: passive in meaning */
  size_t g = ex_skip_adverbs_back(r, t->tb);
  bool aux_before =
      (t->tb > 0 && (ex_word(r, t->tb - 1) & (W_AUX | W_BE))) ||
      (g > 0 && g < t->tb && (ex_word(r, g - 1) & (W_AUX | W_BE)));
  /* "has since threatened": a preposition after an auxiliary is an
   * adverb of the verb group */
  if (t->tb > 1 && (ex_word(r, t->tb - 1) & W_PREP) &&
      (ex_word(r, t->tb - 2) & W_AUX) && !(ex_word(r, t->tb - 2) & W_BE))
    return false;
  /* what may stand before a noun phrase: a determiner, preposition,
   * conjunction, number, '$', or another trigger ("launder stolen funds") */
  bool np_start = false;
  if (t->tb > 0) {
    const token *p = &r->toks[t->tb - 1];
    /* not a comma: ", said fewer than" is the clause's verb */
    /* "listed the tankers as blocked property": after "as" too */
    np_start =
        (ex_word(r, t->tb - 1) & (W_DET | W_PREP | W_CONJ | W_PREDICATIVE) &&
         p->kind == TK_WORD) ||
        p->kind == TK_NUM || (p->kind == TK_PUNCT && r->text[p->b] == '$');
    for (size_t k = 0; k < r->nt && !np_start; k++)
      np_start = r->t[k].te == t->tb;
    /* "drained funds and hijacked computers": after a conjunction that
     * follows a verb, another verb of the same subject */
    if (ex_word(r, t->tb - 1) & W_CONJ)
      for (size_t k = 0; k < r->nt && np_start; k++)
        if (r->t[k].te < t->tb && !(r->t[k].pat->flags & PAT_NOUN) &&
            r->t[k].quoted == t->quoted)
          np_start = false;
  }
  /* "urged it to", "warned them of": a pronoun after it is its object;
   * not after a name, whose verb it is then, asked last, as it walks the
   * mentions */
  if (!aux_before && np_start && t->te == t->tb + 1 &&
      ex_is_lower_word(r, t->te) && !(ex_word(r, t->te) & W_DET) &&
      ex_may_start_np(r, t->te) && !name_ends_at(r, t->tb))
    return true;
  if (!aux_before && ex_reduced_relative(r, t) >= 0)
    return true;
  return be_before(r, t->tb);
}
