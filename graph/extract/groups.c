/* SPDX-License-Identifier: MIT */
/* Coordination: mentions joined by "and", commas or "as well as" make a
 * group that acts together; demonyms share the head that ends it. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* A group of mentions joined by "and", commas, "as well as": the demonyms
 * of "U.S. and Japanese counterparts" share the head, and the group acts
 * together. Adjectival demonyms stay alone unless a head ends the group. */
size_t ex_group_first(const reader *r, size_t k) {
  while (k > 0 && r->m[k - 1].group == r->m[k].group)
    k--;
  return k;
}

size_t ex_group_last(const reader *r, size_t k) {
  while (k + 1 < r->nm && r->m[k + 1].group == r->m[k].group)
    k++;
  return k;
}

/* Does a verb follow token i, over adverbs and auxiliaries: "Japan
 * warned", "Seoul also condemned"? */
static bool verb_follows(const reader *r, size_t i) {
  while (i < r->n && ex_is_adverb(r, i))
    i++;
  return i < r->n && ex_finite_verb(r, i);
}

/* Is there a verb, an auxiliary or a modal among tokens [0, end): has a
 * clause begun before? */
static bool verb_before(const reader *r, size_t end) {
  for (size_t i = 0; i < end; i++)
    if (ex_finite_verb(r, i) ||
        (ex_is_lower_word(r, i) && (ex_word(r, i) & (W_AUX | W_MODAL)) &&
         !(ex_word(r, i) & W_PREP)))
      return true;
  return false;
}

/* Is token i (over determiners and quotes) governed by a preposition:
 * "warnings to Moscow, Lavrov replied" -- a list after a preposition is
 * its object, so a name after its comma with a verb of its own starts the
 * clause. */
static bool after_prep(const reader *r, size_t i) {
  while (i > 0 &&
         ((ex_word(r, i - 1) & W_DET) || r->toks[i - 1].kind == TK_QUOTE))
    i--;
  return i > 0 && (ex_word(r, i - 1) & W_PREP);
}

/* Do only list words stand between mentions a and b (commas, "and",
 * "as well as", over a name restated in parentheses), or nothing? */
static bool list_between(const reader *r, const mention *a, const mention *b) {
  size_t i = a->te;
  bool joined = false;
  /* over a name restated in parentheses: "the Agency (CISA) and" */
  if (i + 2 < b->tb && r->toks[i].kind == TK_PUNCT &&
      r->text[r->toks[i].b] == '(')
    for (size_t c = i + 1; c < b->tb && c < i + 6; c++)
      if (r->toks[c].kind == TK_PUNCT && r->text[r->toks[c].b] == ')') {
        i = c + 1;
        break;
      }
  while (i < b->tb) {
    if (ex_is_comma(r, i) || (ex_word(r, i) & (W_CONJ | W_LISTDET))) {
      joined = true;
      i++;
      continue;
    }
    size_t e; /* "as well as", "along with" */
    if (ex_longest(r, i, 1u << PH_CONJ, &e)) {
      joined = true;
      i = e;
      continue;
    }
    return false;
  }
  return joined || a->te == b->tb;
}

static bool joinable(const reader *r, const mention *a, const mention *b) {
  /* what stands between decides most pairs, first: the checks below may
   * only refuse */
  if (a->poss || a->quoted != b->quoted || !list_between(r, a, b))
    return false;
  /* "officials it accused of": a pronoun right after a name opens a
   * clause of its own; it is no member of a list without a conjunction */
  if (a->te == b->tb && b->kind == M_ANAPHOR && b->te == b->tb + 1)
    return false;
  /* "imposed costs on Pyongyang, Japan warned", "condemned North Korea,
   * and South Korea condemned it too": a name after a comma with its own
   * verb starts a clause when the list before it is an object (of a verb
   * or of a preposition) */
  if (b->tb > 0 && ex_is_comma(r, a->te) && verb_follows(r, b->te)) {
    size_t first = ex_group_first(r, (size_t)(a - r->m));
    if (verb_before(r, r->m[first].tb) || after_prep(r, r->m[first].tb))
      return false;
  }
  /* "According to the ministry, the company has...": an opening phrase
   * ends at its comma */
  size_t opening = ex_opening_comma(r);
  if (opening < r->n && a->te <= opening && b->tb > opening)
    return false;
  /* "..., the Lazarus Group, Microsoft said": a name right before a
   * reporting verb after a comma is the speaker, not the list's next */
  return !(b->te < r->n && (ex_word(r, b->te) & W_SAY) && a->te < b->tb &&
           ex_is_comma(r, b->tb - 1));
}

/* Is mention b a parenthesis right after mention a that names the same
 * actor again: "the Cybersecurity and Infrastructure Security Agency
 * (CISA)"? */
static bool restated_in_parens(const reader *r, const mention *a,
                               const mention *b) {
  return b->tb == a->te + 1 && b->te < r->n &&
         r->toks[a->te].kind == TK_PUNCT && r->text[r->toks[a->te].b] == '(' &&
         r->toks[b->te].kind == TK_PUNCT && r->text[r->toks[b->te].b] == ')' &&
         a->n == 1 && b->n == 1 && a->actors[0] == b->actors[0];
}

/* "In her statement, Choe said": a person's possessive pronoun in an
 * opening phrase points ahead, to the person who is the subject right
 * after its comma, not back to the last person named. */
static void fronted_possessives(reader *r) {
  size_t c = ex_opening_comma(r);
  if (c >= r->n)
    return;
  for (size_t k = 0; k + 1 < r->nm && r->m[k].te <= c; k++) {
    mention *m = &r->m[k];
    const mention *next = &r->m[k + 1];
    if (m->kind != M_ANAPHOR || !m->poss || !m->ana ||
        m->ana->ana != ANA_PERSON || next->tb != c + 1 ||
        next->kind != M_NAME || next->n != 1 ||
        next->actors[0]->cls != SCKG_CLASS_PERSON)
      continue;
    m->n = 0;
    ex_add_actor(m, next->actors[0]);
  }
}

void ex_group_mentions(reader *r) {
  fronted_possessives(r);
  size_t prev = 0; /* the last mention that is no restatement */
  for (size_t k = 1; k < r->nm; prev = k++) {
    mention *a = &r->m[prev], *b = &r->m[k];
    if (restated_in_parens(r, a, b)) {
      b->kind = M_ADJ;
      b->group = a->group; /* groups stay runs of neighbours */
      k++;
      if (k >= r->nm)
        break;
      b = &r->m[k];
    }
    /* "U.S. Justice Department": a name right before another name is its
     * modifier, not a second actor */
    if (a->te == b->tb && a->kind == M_NAME && !a->poss && !a->head &&
        b->kind == M_NAME && a->n == 1 && b->n == 1 &&
        b->actors[0]->cls != SCKG_CLASS_STATE &&
        b->actors[0]->cls != SCKG_CLASS_PERSON) {
      a->kind = M_ADJ;
      continue;
    }
    /* "U.N. Secretary-General Ban Ki-moon", "FBI Director X": a body's
     * name right before a person's is the person's title, not a second
     * actor; a person read from the text serves that body */
    if (a->te == b->tb && a->kind == M_NAME && !a->poss && !a->head &&
        b->kind == M_NAME && a->n == 1 && b->n == 1 &&
        a->actors[0]->cls != SCKG_CLASS_STATE &&
        a->actors[0]->cls != SCKG_CLASS_PERSON &&
        b->actors[0]->cls == SCKG_CLASS_PERSON) {
      if (!b->actors[0]->parent && !b->actors[0]->from_lexicon)
        sckg_entities_set_parent(b->actors[0], a->actors[0]);
      a->kind = M_ADJ;
      b->named = a->actors[0];
      continue;
    }
    /* "Sky Mavis, the company that develops Axie Infinity,": a definite
     * description in apposition is the same actor again */
    if (b->kind == M_ANAPHOR && b->tb == a->te + 1 && ex_is_comma(r, a->te) &&
        a->kind == M_NAME && b->ana && b->ana->n > 1 &&
        (ex_is_comma(r, b->te) || (ex_word(r, b->te) & W_CLAUSE) ||
         (ex_word(r, b->te) & W_COMP))) {
      b->kind = M_ADJ;
      continue;
    }
    /* "Kim Gunn, South Korea's chief nuclear negotiator,": an apposition
     * says who the person speaks for; it is not a second actor */
    if (b->role && b->tb == a->te + 1 && ex_is_comma(r, a->te) && a->n == 1 &&
        a->actors[0]->cls == SCKG_CLASS_PERSON && b->n == 1) {
      if (!a->actors[0]->parent && !a->actors[0]->from_lexicon)
        sckg_entities_set_parent(a->actors[0], b->actors[0]);
      b->kind = M_ADJ;
      b->named = b->actors[0];
      continue;
    }
    /* "ZINC, a North Korean state-sponsored group", "Kestrel, a group tied
     * to North Korea's spy agency": a name read from the text is part of
     * the state (or its body) the group apposition names; the apposition
     * is no second actor */
    /* the names first: most are the lexicon's, and the apposition is not
     * looked for after them */
    size_t gh = b->n == 1 && b->tb > a->te && a->kind == M_NAME && a->n == 1 &&
                        !a->actors[0]->from_lexicon && !a->actors[0]->parent &&
                        a->actors[0]->cls != SCKG_CLASS_PERSON
                    ? ex_group_apposition(r, a->te)
                    : 0;
    if (gh && b->tb <= gh + 4) {
      ex_actor *state = b->named ? b->named : b->actors[0];
      sckg_entities_set_parent(a->actors[0], state);
      b->kind = M_ADJ;
      b->named = state;
      continue;
    }
    /* "Deputy Director Jane Roe of the FBI said": a body named after a
     * person read from the text and a preposition of `behalf` is whom the
     * person serves; it is not a second actor. A state only after "of":
     * "extradited Jane Roe from Poland" is a place */
    size_t of = a->te;
    if (b->tb > of + 1 && (ex_word(r, b->tb - 1) & W_DET))
      of = b->tb - 2;
    if (of + 1 == b->tb && of < r->n && (ex_word(r, of) & W_BEHALF) &&
        a->kind == M_NAME && a->n == 1 && b->n == 1 && !b->poss &&
        b->kind == M_NAME && a->actors[0]->cls == SCKG_CLASS_PERSON &&
        b->actors[0]->cls != SCKG_CLASS_PERSON && b->actors[0]->from_lexicon &&
        !a->actors[0]->parent && !a->actors[0]->from_lexicon &&
        (b->actors[0]->cls != SCKG_CLASS_STATE ||
         (ex_word(r, of) & W_GENITIVE))) {
      sckg_entities_set_parent(a->actors[0], b->actors[0]);
      b->kind = M_ADJ;
      b->named = b->actors[0];
      continue;
    }
    /* "a North Korean hacker known as Jane Roe": the person a naming
     * word names after a role of heads.tsv serves whom the role does */
    size_t nw = b->tb >= 2 && (ex_word(r, b->tb - 1) & W_PREDICATIVE)
                    ? b->tb - 2
                    : b->tb - 1;
    if (a->head && a->n == 1 && b->n == 1 && nw == a->te &&
        ex_is_lower_word(r, nw) && (ex_word(r, nw) & W_NAMING) &&
        b->kind == M_NAME && b->actors[0]->cls == SCKG_CLASS_PERSON &&
        !b->actors[0]->parent && !b->actors[0]->from_lexicon &&
        b->actors[0] != a->actors[0]) {
      sckg_entities_set_parent(b->actors[0], a->actors[0]);
      continue;
    }
    if (joinable(r, a, b))
      b->group = a->group;
  }
  /* a group ending in a head: its adjectival members become names */
  for (size_t k = 0; k < r->nm;) {
    size_t j = ex_group_last(r, k);
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
           ((ex_word(r, i - 1) & W_DET) || r->toks[i - 1].kind == TK_QUOTE))
      i--;
    if (i > 0 && (ex_word(r, i - 1) & W_PREP))
      m->prep = r->toks[i - 1].lower;
    /* "a spokesman for the ministry said", "the delegates of Albania and
     * Norway condemned": a role or a body of a state speaks for it */
    size_t he;
    const phrase *role = i >= 2 && m->prep && (ex_word(r, i - 1) & W_BEHALF)
                             ? ex_longest(r, i - 2, 1u << PH_HEAD, &he)
                             : NULL;
    if (role && he == i - 1 &&
        (role->head == HEAD_PERSON || role->head == HEAD_STATE))
      m->prep = NULL;
    /* "a panel of U.N. experts reported": the experts report */
    if (i >= 2 && m->prep && (ex_word(r, i - 1) & W_GENITIVE) &&
        ex_is_lower_word(r, i - 2) && (ex_word(r, i - 2) & W_QUANT))
      m->prep = NULL;
  }
}

/* ex_group_actors of a group that is no lone mention of one actor. A
 * group is a run of neighbouring mentions (ex_group_mentions; before it,
 * each mention is a group of its own): only the run is read, not every
 * mention. */
size_t ex_group_actors_run(const reader *r, size_t k, ex_actor **out,
                           size_t max) {
  size_t n = 0;
  for (size_t q = ex_group_first(r, k), last = ex_group_last(r, k); q <= last;
       q++) {
    if (r->m[q].kind == M_ADJ && q != k)
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
