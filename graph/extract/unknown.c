/* SPDX-License-Identifier: MIT */
/* Mentions the lexicon does not list: unknown organisations and names,
 * what a phrase in apposition ties them to, and numbered plurals ("the
 * four governments"). */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* Does a trigger phrase end with token p? "lashed out at Washington": the
 * preposition is the verb's, and what follows it is its object, no place. */
bool ex_ends_trigger(const reader *r, size_t p) {
  for (size_t j = p + 1, k = 0; j-- > 0 && k < 4; k++) {
    size_t end;
    if (ex_longest(r, j, 1u << PH_TRIGGER, &end) && end == p + 1)
      return true;
  }
  return false;
}

/* Capitalised words ending in an organisation cue: an unknown body
 * ("Chinyong Information Technology Cooperation Company", "Office of
 * Foreign Assets Control" when the lexicon lacks it). */
size_t ex_unknown_org(reader *r, size_t i, sckg_class *cls) {
  if (!r->toks[i].cap || r->toks[i].kind != TK_WORD ||
      (ex_word(r, i) & (W_DET | W_PREP)))
    return 0;
  size_t e = i, last_cue = 0;
  unsigned cue = 0;
  while (e < r->n && e < i + 8) {
    const token *t = &r->toks[e];
    if (t->kind == TK_WORD && t->cap) {
      sckg_wclass w = ex_word(r, e);
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
    if (ex_is_lower_word(r, e) && (ex_word(r, e) & W_NAMEJOIN) &&
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

/* Is the token a common word of the schema's grammar or patterns (then a
 * capital is only the sentence's start: "Prosecutors say")? */
static bool common_word(const reader *r, size_t i) {
  size_t e;
  return (ex_word(r, i) & ~W_NAME) ||
         ex_longest(r, i,
                    (1u << PH_HEAD) | (1u << PH_TRIGGER) | (1u << PH_ANAPHOR) |
                        (1u << PH_TITLE),
                    &e) != NULL;
}

/* After a name ending at token e: ", a" and a group head of heads.tsv that
 * a state's demonym or name modifies ("ZINC, a North Korean
 * state-sponsored group") or that an affiliation word ties to a state or
 * its body ("Kestrel, a group tied to North Korea's spy agency")? The
 * index of the head's first token, 0 when none. */
size_t ex_group_apposition(const reader *r, size_t e) {
  if (e + 3 >= r->n || !ex_is_comma(r, e) || !(ex_word(r, e + 1) & W_ARTICLE) ||
      (ex_word(r, e + 1) & W_DEFINITE))
    return 0;
  bool state = false;
  for (size_t i = e + 2; i < r->n && i < e + 7; i++) {
    size_t he;
    const phrase *h = ex_longest(r, i, 1u << PH_HEAD, &he);
    if (h && h->head == HEAD_GROUP) {
      size_t a = he;
      if (!state && a + 2 < r->n && ex_is_lower_word(r, a) &&
          (ex_word(r, a) & W_AFFIL) && (ex_word(r, a + 1) & W_PREP)) {
        a += 2;
        if (ex_word(r, a) & W_ARTICLE)
          a++;
        const phrase *ph = ex_longest(r, a, 1u << PH_ACTOR, &he);
        for (const lex_actor *x = ph ? ph->actor : NULL; x && !state;
             x = x->parent)
          state = x->cls == SCKG_CLASS_STATE;
      }
      return state ? i : 0;
    }
    const phrase *d =
        ex_longest(r, i, (1u << PH_ACTOR) | (1u << PH_DEMONYM), &he);
    if (d && d->actor && d->actor->cls == SCKG_CLASS_STATE) {
      state = true;
      i = he - 1;
      continue;
    }
    if (ex_is_comma(r, i) || r->toks[i].kind == TK_PUNCT ||
        (ex_word(r, i) & (W_PREP | W_CLAUSE | W_CONJ | W_SAY)))
      return 0;
  }
  return 0;
}

/* A capitalised name the lexicon does not know, standing where an actor
 * stands: right before a trigger or a reporting verb (over auxiliaries),
 * or right after a trigger or its preposition. Returns its end, or 0. A
 * given or family name of names.tsv makes it a Person, else an
 * Organization. */
size_t ex_unknown_name(reader *r, size_t i, sckg_class *cls) {
  size_t e = i;
  while (e < r->n && e < i + 3 && r->toks[e].kind == TK_WORD &&
         r->toks[e].cap &&
         !(ex_word(r, e) &
           (W_DET | W_PREP | W_MONTH | W_WEEKDAY | W_CONJ | W_CLAUSE)) &&
         !ex_all_caps(r, e) && !(e == i && common_word(r, e))) {
    size_t pe;
    if (e > i && ex_longest(r, e, (1u << PH_ACTOR) | (1u << PH_DEMONYM), &pe))
      break;
    e++;
  }
  if (e == i)
    return 0;
  size_t after = e;
  while (after < r->n && (ex_word(r, after) & W_AUX))
    after++;
  size_t te;
  const phrase *next =
      after < r->n ? ex_longest(r, after, 1u << PH_TRIGGER, &te) : NULL;
  bool before_verb =
      after < r->n && ((ex_word(r, after) & W_SAY) ||
                       (next && !(next->pattern->flags & PAT_NOUN)));
  bool after_verb = false;
  for (size_t k = i; k > 0 && i - k < 3 && !after_verb; k--) {
    const phrase *ph = ex_longest(r, k - 1, 1u << PH_TRIGGER, &te);
    after_verb = ph && te == i && !(ph->pattern->flags & PAT_NOUN);
    if (!(ex_word(r, k - 1) & (W_DET | W_PREP)))
      break;
  }
  /* "accused Western countries": a capital before a noun modifies it */
  if (after_verb && !before_verb && ex_is_lower_word(r, e) &&
      !(ex_word(r, e) & (W_PREP | W_CONJ | W_CLAUSE | W_AUX | W_SAY)))
    return 0;
  /* "Ghaleb Alaumary, 37, of ...", "X, a Canadian citizen, said": a name
   * opening the sentence that an apposition or an age follows */
  /* "In a separate case, X, 37, ...": right after an opening phrase */
  bool opens = i == 0 || ex_opening_comma(r) + 1 == i;
  bool before_apposition =
      opens && e + 1 < r->n && ex_is_comma(r, e) &&
      (((ex_word(r, e + 1) & W_ARTICLE) && !(ex_word(r, e + 1) & W_DEFINITE)) ||
       r->toks[e + 1].kind == TK_NUM);
  bool group = ex_group_apposition(r, e) > 0;
  if (!before_verb && !after_verb && !before_apposition && !group)
    return 0;
  *cls = group ? SCKG_CLASS_GROUP : SCKG_CLASS_ORGANIZATION;
  for (size_t k = i; k < e; k++)
    if ((ex_word(r, k) & W_NAME) && e - i >= 2)
      *cls = SCKG_CLASS_PERSON;
  return e;
}

/* "Draft Tabled by Britain Wins 13 Votes": is the sentence a title-case
 * headline, every lowercase word a grammar word of words.tsv and at least
 * three words past the first capitalised though the lexicon knows them as
 * common words? Its capitals then mark no names. */
bool ex_title_case(const reader *r) {
  /* one lowercase word of no class decides, and most sentences have one:
   * look for it before reading any word's parts of speech */
  for (size_t i = 0; i < r->n; i++)
    if (r->toks[i].kind == TK_WORD && !r->toks[i].cap && !ex_word(r, i))
      return false;
  size_t common = 0;
  for (size_t i = 1; i < r->n; i++)
    if (r->toks[i].kind == TK_WORD && r->toks[i].cap && !ex_all_caps(r, i) &&
        ex_pos(r, i))
      common++;
  return common >= 3;
}

/* The count of token i: digits ("11") or a number word ("four"); 0 when
 * neither. */
static int token_count(const reader *r, size_t i) {
  if (r->toks[i].kind == TK_NUM)
    return ex_number_at(r, i, 1, 10000);
  int v = 0;
  if ((ex_word(r, i) & W_CARDINAL) &&
      sckg_lexicon_word_value(r->s, r->toks[i].lower, &v))
    return v;
  return 0;
}

/* The class a plural noun at i asks its actors to have, when it is a
 * plural head of heads.tsv ("governments": States) or the noun of a
 * counted plural anaphor ("the three countries": States); false when it
 * is neither. The noun's end goes to *e. */
static bool plural_noun(const reader *r, size_t i, sckg_class *cls, size_t *e) {
  const phrase *h = ex_longest(r, i, 1u << PH_HEAD, e);
  if (h && h->plural) {
    *cls = h->head == HEAD_STATE ? SCKG_CLASS_STATE : SCKG_CLASS_COUNT;
    return true;
  }
  size_t n;
  phrase **phs = sckg_lexicon_phrases(r->s, r->toks[i - 2].lower, &n);
  for (size_t k = 0; k < n; k++) {
    const phrase *a = phs[k];
    if (a->kind == PH_ANAPHOR && a->ana == ANA_PLURAL && a->count &&
        a->n == 3 && a->ltoks[2] == r->toks[i].lower) {
      *cls = a->cls;
      *e = i + 1;
      return true;
    }
  }
  return false;
}

/* "the four governments", "the 11 governments": a definite article, a
 * number and a plural noun refer back to that many actors named before.
 * Returns the phrase's end, 0 when there is none at i. */
size_t ex_numbered_plural(reader *r, size_t i) {
  if (i + 2 >= r->n || !(ex_word(r, i) & W_DEFINITE))
    return 0;
  int count = token_count(r, i + 1);
  sckg_class cls;
  size_t e;
  if (count < 2 || count > EX_MAX_ACTORS || !plural_noun(r, i + 2, &cls, &e))
    return 0;
  phrase ana = {0}; /* as anaphors.tsv's "the three countries" reads */
  ana.kind = PH_ANAPHOR;
  ana.ana = ANA_PLURAL;
  ana.n = e - i;
  ana.count = count;
  ana.cls = cls;
  mention *m = ex_new_mention(r, i, e, M_ANAPHOR);
  if (m) {
    m->plural = true;
    ex_resolve_plural(r, m, &ana);
  }
  return e;
}
