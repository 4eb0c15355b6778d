/* SPDX-License-Identifier: MIT */
/* Names the text gives for an actor it has just named: a restatement in
 * parentheses ("the Gorvan Trading Company (Gortrade)") or after a naming
 * word ("Gorvan Trading Company, also known as Gorvan Shipping"). Such a
 * name stands for that actor in the rest of the article, as a short form
 * does (entities.c); this only finds where the text says so. */
#include "extract/reader.h"

#include <string.h>

enum { MAX_ALIAS_WORDS = 6 };

static bool is_punct(const reader *r, size_t i, char c) {
  return i < r->n && r->toks[i].kind == TK_PUNCT && r->text[r->toks[i].b] == c;
}

/* Where a name that restates the one ending at token e starts: after its
 * '(' or after ", also known as" (an optional comma, auxiliaries and
 * adverbs, a naming word, an optional "as"); 0 when neither stands there.
 * *paren tells which. */
static size_t alias_start(const reader *r, size_t e, bool *paren) {
  *paren = is_punct(r, e, '(');
  if (*paren)
    return e + 1;
  size_t k = e;
  if (ex_is_comma(r, k))
    k++;
  while (k < r->n && ex_is_lower_word(r, k) && (ex_word(r, k) & W_AUX))
    k++;
  if (k >= r->n || !ex_is_lower_word(r, k) || !(ex_word(r, k) & W_NAMING))
    return 0;
  k++;
  if (k < r->n && (ex_word(r, k) & W_PREDICATIVE))
    k++;
  return k;
}

/* The end of the capitalised words from token s (at most a few): the
 * alias itself; s when none. */
static size_t alias_end(const reader *r, size_t s) {
  size_t e = s;
  while (e < r->n && e < s + MAX_ALIAS_WORDS && r->toks[e].kind == TK_WORD &&
         r->toks[e].cap)
    e++;
  return e;
}

/* May mention m's actor take aliases: one body named by name, not a state
 * or a person (whose parentheses hold places, parties, ages, agencies). */
static bool takes_aliases(const mention *m) {
  if (m->kind != M_NAME || m->n != 1)
    return false;
  sckg_class c = m->actors[0]->cls;
  return c != SCKG_CLASS_STATE && c != SCKG_CLASS_PERSON;
}

/* Put `to` where the dropped actor `from` stood in the sentence's
 * mentions. */
static void repoint(reader *r, const ex_actor *from, ex_actor *to) {
  for (size_t k = 0; k < r->nm; k++)
    for (size_t i = 0; i < r->m[k].n; i++)
      if (r->m[k].actors[i] == from)
        r->m[k].actors[i] = to;
}

/* The alias after mention m, when the text gives one. */
static void note_alias(reader *r, const mention *m) {
  bool paren;
  size_t s = alias_start(r, m->te, &paren);
  if (!s)
    return;
  size_t e = alias_end(r, s);
  if (e == s || (paren && !is_punct(r, e, ')')))
    return;
  sckg_buf_clear(&r->scratch);
  ex_add_spaced(&r->scratch, r->text, r->toks[s].b, r->toks[e - 1].e);
  ex_actor *full = m->actors[0];
  ex_actor *dropped =
      sckg_entities_alias(&r->ents, r->scratch.ptr, r->scratch.len, full);
  if (dropped)
    repoint(r, dropped, full);
}

void ex_note_aliases(reader *r) {
  for (size_t k = 0; k < r->nm; k++)
    if (takes_aliases(&r->m[k]))
      note_alias(r, &r->m[k]);
}
