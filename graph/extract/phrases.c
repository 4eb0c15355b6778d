/* SPDX-License-Identifier: MIT */
/* Token tests and the lexicon's phrases: the longest phrase of each kind
 * at a token, and the sentence's event triggers. */
#include "extract/reader.h"
#include "lexicon/morph.h"

bool ex_tok_is(const reader *r, size_t i, const char *w) {
  if (i >= r->n)
    return false;
  const token *t = &r->toks[i];
  size_t n = strlen(w);
  return t->e - t->b == n && strncmp(r->text + t->b, w, n) == 0;
}

bool ex_tok_lower_is(const reader *r, size_t i, const char *w) {
  return i < r->n && r->toks[i].lower && r->toks[i].lower[0] == w[0] &&
         strcmp(r->toks[i].lower, w) == 0;
}

/* A hyphen joining the words on either side, with no space:
 * "U.S.-drafted" is one word, though the name in it is a token of its own. */
bool ex_joining_hyphen(const reader *r, size_t i) {
  if (i == 0 || i + 1 >= r->n)
    return false;
  const token *t = &r->toks[i];
  return t->kind == TK_PUNCT && t->e == t->b + 1 && r->text[t->b] == '-' &&
         r->toks[i - 1].e == t->b && r->toks[i + 1].b == t->e;
}

bool ex_common_noun_at(const reader *r, size_t i) {
  return ex_is_lower_word(r, i) && (ex_pos(r, i) & SCKG_POS_NOUN) &&
         !ex_word(r, i);
}

/* Where the object of a trigger ending at token e starts: after the words
 * that only name it, "what they called" and "what it described as", when
 * they stand there ("condemned what it called the launch of ..."). */
static size_t object_start(const reader *r, size_t e) {
  if (!(ex_word(r, e) & W_FREEREL))
    return e;
  for (size_t q = e + 1; q < e + 4 && q < r->n && ex_is_lower_word(r, q); q++)
    if (ex_word(r, q) & W_NAMING)
      return (ex_word(r, q + 1) & W_PREDICATIVE) ? q + 2 : q + 1;
  return e;
}

/* --- phrase matching -------------------------------------------------- */

/* Two or more letters, all capitals: an acronym ("IT", "NIS"). */
bool ex_all_caps(const reader *r, size_t i) {
  const token *t = &r->toks[i];
  if (t->e - t->b < 2)
    return false;
  for (size_t k = t->b; k < t->e; k++)
    if (r->text[k] >= 'a' && r->text[k] <= 'z')
      return false;
  return true;
}

/* Does token j match word k of phrase ph, a word and not a class? */
static inline bool word_matches(const reader *r, const phrase *ph, size_t k,
                                size_t j) {
  const token *t = &r->toks[j];
  if (ph->fold_case)
    return t->lower == ph->ltoks[k] &&
           !(ph->kind == PH_ANAPHOR && ex_all_caps(r, j)); /* "IT" no "it" */
  return t->norm == ph->toks[k] ||
         /* "the North" also as "The North" */
         (k == 0 && ph->toks[0] == ph->ltoks[0] && t->lower == ph->ltoks[0] &&
          ph->ltoks[0][0] == 't' &&
          (sckg_lexicon_word(r->s, ph->ltoks[0]) & W_DEFINITE));
}

/* Does token j match token k of phrase ph? A class token ("@pejorative")
 * matches any word of the class. */
static bool token_matches(const reader *r, const phrase *ph, size_t k,
                          size_t j) {
  const token *t = &r->toks[j];
  if (ph->wclass && ph->wclass[k] == W_PROPER) {
    /* a name, not a demonym nor a name that modifies a noun: "breached
     * South Korean waters" (read before the mentions are: the words
     * alone decide) */
    if (t->kind != TK_WORD || !t->cap)
      return false;
    size_t e = j;
    while (e < r->n && r->toks[e].kind == TK_WORD && r->toks[e].cap)
      e++;
    size_t de;
    return !ex_longest(r, j, 1u << PH_DEMONYM, &de) && !ex_common_noun_at(r, e);
  }
  if (ph->wclass && ph->wclass[k])
    return t->kind == TK_WORD && (ex_word(r, j) & ph->wclass[k]);
  return word_matches(r, ph, k, j);
}

/* token_matches, inline for a phrase of words only, the most of those
 * match_from walks: its gaps test the word after them at every word. */
static inline bool token_matches_at(const reader *r, const phrase *ph, size_t k,
                                    size_t j) {
  return ph->wclass ? token_matches(r, ph, k, j) : word_matches(r, ph, k, j);
}

enum { STAR_WORDS = 4 }; /* the most words a '*' stands for */

/* A single quotation mark, as headlines quote ("brands the probe a
 * 'provocation'"): an apostrophe that no word holds. */
static bool single_quote(const reader *r, size_t j) {
  const token *t = &r->toks[j];
  const unsigned char *c = (const unsigned char *)r->text + t->b;
  if (t->kind != TK_PUNCT)
    return false;
  if (t->e - t->b == 1)
    return c[0] == '\'';
  return t->e - t->b == 3 && c[0] == 0xE2 && c[1] == 0x80 &&
         (c[2] == 0x98 || c[2] == 0x99); /* curly */
}

/* Does token j count as a word of a gap? Quotes and possessive endings do
 * not, nor a capitalised word after another (a name counts once: "North
 * Korea's launch" is two words). */
static bool gap_word(const reader *r, size_t j) {
  const token *t = &r->toks[j];
  if (t->kind == TK_QUOTE || t->kind == TK_POSS || single_quote(r, j))
    return false;
  return !(t->cap && j > 0 && r->toks[j - 1].cap &&
           r->toks[j - 1].kind == TK_WORD);
}

/* A '*' right before a class word holds an object and the start of its
 * predicate ("called the U.S. bomber flights a grave provocation"): it may
 * stand for up to OBJECT_STAR_WORDS words, when none of them starts a
 * clause or is a preposition other than "of". */
enum { OBJECT_STAR_WORDS = 10 };

static bool ends_object_gap(const reader *r, size_t j) {
  sckg_wclass w = ex_word(r, j);
  return (w & (W_CLAUSE | W_COMP | W_RELATIVE | W_AUX | W_MODAL | W_SAY)) ||
         ((w & W_PREP) && !(w & W_GENITIVE));
}

/* Phrase ph's tokens k.. matched from token j: the end token, or 0. A '*'
 * stands for up to STAR_WORDS words (gap_word), never across other
 * punctuation: the fewest that let the rest match. */
static size_t match_from(const reader *r, const phrase *ph, size_t k,
                         size_t j) {
  for (; k < ph->n; k++, j++) {
    if (ph->is_star && ph->is_star[k]) {
      bool object = k + 1 < ph->n && ph->wclass && ph->wclass[k + 1];
      /* what a disparaging word is said of holds no preposition but "of"
       * and "by": "called for an end to provocations", "called on Seoul
       * to stop provocations" wish, "was responsible for the provocation"
       * accuses (but "attack on a crypto exchange" is the attack's) */
      bool scorn =
          object && (ph->wclass[k + 1] & (W_PEJORATIVE | W_SCORN | W_WRONG));
      for (size_t words = 0;; j++) {
        /* the rest fails at its first token at most places of the gap:
         * tested here, without the call */
        bool next_fails = k + 1 < ph->n && !ph->is_star[k + 1] &&
                          (j >= r->n || !token_matches_at(r, ph, k + 1, j));
        size_t e = next_fails ? 0 : match_from(r, ph, k + 1, j);
        if (e)
          return e;
        if (j >= r->n || (r->toks[j].kind == TK_PUNCT &&
                          !ex_joining_hyphen(r, j) && !single_quote(r, j)))
          return 0;
        if (scorn && ex_is_lower_word(r, j) && (ex_word(r, j) & W_PREP) &&
            !(ex_word(r, j) & W_GENITIVE) && r->toks[j].lower != r->s->by_prep)
          return 0;
        object &= !ex_is_lower_word(r, j) || !ends_object_gap(r, j);
        if (gap_word(r, j) &&
            ++words > (object ? OBJECT_STAR_WORDS : STAR_WORDS))
          return 0;
      }
    }
    if (j >= r->n || !token_matches_at(r, ph, k, j))
      return 0;
  }
  return j;
}

/* Does phrase ph match at token i? Returns the end token or 0. */
static size_t match_at(const reader *r, const phrase *ph, size_t i) {
  return match_from(r, ph, 0, i);
}

/* match_at of a phrase of words only, with neither a '*' nor a class:
 * each word from `from` on matched in turn (word_matches), with no call;
 * those before it are known to match (LEX_CAND_PAIRED). */
static inline size_t match_words_at(const reader *r, const phrase *ph, size_t i,
                                    size_t from) {
  if (ph->n > r->n - i)
    return 0;
  for (size_t k = from; k < ph->n; k++)
    if (!word_matches(r, ph, k, i + k))
      return 0;
  return i + ph->n;
}

/* The signed words past the first LEX_SIG_TESTED: few phrases have any. */
static bool more_words_in_sentence(const reader *w, const lex_sig *sig) {
  for (unsigned k = LEX_SIG_TESTED; k < sig->n; k++)
    if (!w->words_seen[sig->bits[k]])
      return false;
  return true;
}

/* Can the phrase of signature sig match in this sentence at all? Most
 * candidates with a '*' after their first word, which match_from would try
 * at every word of the gap, fail here, and without their phrase read: the
 * schema keeps each phrase's signature (lex_sig). Token_matches compares
 * each signed word's lowered form with the token's, so a word missing from
 * the sentence rules the phrase out. Most candidates fail on their key,
 * the first signed word, which their entry of sckg_schema.cands carries:
 * the caller tests it, and this the others. */
static inline bool rest_in_sentence(const reader *w, const lex_sig *sig) {
  const unsigned char *seen = w->words_seen, *b = sig->bits;
  /* most phrases sign four words or fewer: those without a loop, and
   * without a branch (a test of each read 3.0M instructions more on 800
   * articles, and mispredicted no fewer branches) */
  return (seen[b[1]] & seen[b[2]] & seen[b[3]]) &&
         (sig->n <= LEX_SIG_TESTED || more_words_in_sentence(w, sig));
}

/* Can the phrase of cands entry c (lex_cand_at) match in the sentence? */
static inline bool cand_in_sentence(const reader *w, uint32_t c) {
  return w->words_seen[lex_cand_key(c)] &&
         rest_in_sentence(w, &w->s->sigs[lex_cand_at(c)]);
}

/* The phrases that may match at a token, in the schema's order (longest
 * first): those open after their first word and those whose second word is
 * the next token, merged, and of them those whose words all stand in the
 * sentence. */
typedef struct {
  lex_cands c;
  uint32_t a, b; /* read so far of c.open, c.fixed */
} cand_iter;

static void cands_at(const reader *r, size_t i, cand_iter *it) {
  const char *next = i + 1 < r->n ? r->toks[i + 1].lower : NULL;
  it->a = it->b = 0;
  if (!sckg_lexicon_candidates(r->s, r->lexw[i], next, &it->c))
    it->c.n_open = it->c.n_fixed = 0;
}

static const phrase *next_cand(const reader *r, cand_iter *it) {
  const lex_cands *c = &it->c;
  while (it->a < c->n_open || it->b < c->n_fixed) {
    uint32_t e = it->b == c->n_fixed ||
                         (it->a < c->n_open && lex_cand_at(c->open[it->a]) <
                                                   lex_cand_at(c->fixed[it->b]))
                     ? c->open[it->a++]
                     : c->fixed[it->b++];
    if (cand_in_sentence(r, e))
      return r->s->phrases[lex_cand_at(e)];
  }
  return NULL;
}

/* Can the class tokens after the '*' of phrase ph ("were * @scorn") match
 * in the sentence? A class none of its words has rules the phrase out
 * before match_from walks the gap for it, at every word of the gap.
 * "@proper" asks for a capital, no class: it is not tested. */
static bool classes_after_star(const reader *r, const phrase *ph) {
  for (size_t k = ph->star + 1; k < ph->n; k++)
    if (ph->wclass[k] && ph->wclass[k] != W_PROPER &&
        !(ph->wclass[k] & r->classes_seen))
      return false;
  return true;
}

/* Does the candidate c, sure to match at token i (LEX_CAND_SURE) but for
 * the acronym an anaphor must not be, match there? */
static bool sure_match(const reader *r, const lex_cand_info *c, size_t i) {
  if (c->kind != PH_ANAPHOR)
    return true;
  for (size_t j = i; j < i + c->n; j++)
    if (ex_all_caps(r, j)) /* "IT" no "it" */
      return false;
  return true;
}

/* The candidate of entry e and info c at token i, whose key the sentence
 * holds, into the memo if it matches there and beats the phrase of its
 * kind the memo holds. Of equally long phrases the first in the schema's
 * order wins: the one of smaller index, so that the candidates may come in
 * any order. Each is tested on its entry and its lex_cand_info, which lie
 * next to its list's: the phrase is read only to be matched, and not even
 * then when its list and pair matched it. `seen` is r->words_seen, read
 * once: the stores to the memo might be to it, for all the compiler
 * knows. Always inline: called from two loops, it was not, and the call
 * cost more than the rest of most candidates' tests (4.2M instructions more
 * on 800 articles). */
__attribute__((always_inline)) static inline void
memo_candidate(reader *r, size_t i, uint32_t e, const lex_cand_info *c,
               const unsigned char *seen, uint32_t *best_at) {
  uint32_t at = lex_cand_at(e);
  /* without a branch on the signature's length (rest_in_sentence) */
  if (!(seen[c->sig[0]] & seen[c->sig[1]] & seen[c->sig[2]]) ||
      ((c->flags & LEX_CAND_MORE) &&
       !more_words_in_sentence(r, &r->s->sigs[at])))
    return;
  unsigned kind = c->kind, bit = 1u << kind;
  bool held = r->memo_kinds[i] & bit;
  unsigned short *end = &r->memo_end[i][kind];
  if (!(c->flags & LEX_CAND_STAR)) {
    /* with no '*' it ends at i + n if it matches: read it only if that
     * beats the phrase of its kind the memo holds ("United States"
     * twice, as two actors' names) */
    if (held && (i + c->n < *end || (i + c->n == *end && best_at[kind] < at)))
      return;
  } else if (c->ph->wclass && !classes_after_star(r, c->ph))
    return;
  size_t m =
      (c->flags & LEX_CAND_SURE) ? (sure_match(r, c, i) ? i + c->n : 0)
      : (c->flags & LEX_CAND_STAR) || c->ph->wclass
          ? match_at(r, c->ph, i)
          : match_words_at(r, c->ph, i, (c->flags & LEX_CAND_PAIRED) ? 2 : 0);
  if (!m)
    return;
  if (!held || m > *end || (m == *end && at < best_at[kind])) {
    r->memo_ph[i][kind] = c->ph;
    *end = (unsigned short)m;
    best_at[kind] = at;
    r->memo_kinds[i] |= (unsigned char)bit;
  }
}

/* The candidates cands[order[j]] (info[order[j]]) for j in [from, to), each
 * tested on its entry's key. */
static inline void memo_places(reader *r, size_t i, const uint32_t *list,
                               const lex_cand_info *info, const uint16_t *order,
                               unsigned from, unsigned to, uint32_t *best_at) {
  const unsigned char *seen = r->words_seen;
  for (unsigned j = from; j < to; j++)
    if (seen[lex_cand_key(list[order[j]])])
      memo_candidate(r, i, list[order[j]], &info[order[j]], seen, best_at);
}

/* The candidates of a long group of a pair (lex_keyed) at token i: only
 * those whose third word the token two on may be, and those that ask
 * nothing of it, are read. Not inline: few tokens start such a group, and
 * its copies of memo_candidate crowded the loop over the others. */
__attribute__((noinline)) static void memo_keyed(reader *r, size_t i,
                                                 const uint32_t *list,
                                                 uint32_t keyed,
                                                 uint32_t *best_at) {
  const lex_keyed *x = &r->s->keyed[keyed - 1];
  const lex_cand_info *info = r->s->cand_info + (list - r->s->cands);
  const uint16_t *order = r->s->key_order + x->order_at;
  memo_places(r, i, list, info, order, x->from[LEX_THIRD_ANY],
              x->from[LEX_THIRD_ANY + 1], best_at);
  if (i + 2 < r->n && r->toks[i + 2].lower) {
    unsigned b = sckg_lexicon_bloom_bit(r->s, r->toks[i + 2].lower);
    memo_places(r, i, list, info, order, x->from[b], x->from[b + 1], best_at);
  }
}

/* The candidates at token i into the memo, both lists in one loop (most
 * tokens that start phrases have two): a long group of a pair by its
 * third word, the others each candidate on its entry's key, which rules
 * out most. */
static void memo_candidates(reader *r, size_t i, const lex_cands *c,
                            uint32_t *best_at) {
  const unsigned char *seen = r->words_seen;
  for (int fixed = 0; fixed < 2; fixed++) {
    const uint32_t *list = fixed ? c->fixed : c->open;
    uint32_t n = fixed ? c->n_fixed : c->n_open;
    if (fixed && c->fixed_keyed) {
      memo_keyed(r, i, list, c->fixed_keyed, best_at);
      continue;
    }
    const lex_cand_info *info =
        n ? r->s->cand_info + (list - r->s->cands) : NULL;
    for (uint32_t k = 0; k < n; k++)
      if (seen[lex_cand_key(list[k])])
        memo_candidate(r, i, list[k], &info[k], seen, best_at);
  }
}

void ex_find_phrases(reader *r) {
  /* a token's memo entries count only under its memo_kinds bits: clearing
   * those clears the row */
  memset(r->memo_kinds, 0, r->n * sizeof *r->memo_kinds);
  /* most sentences have fewer than 64 tokens: one word, with no call */
  r->trigger_starts[0] = 0;
  for (size_t w = 1; w * 64 < r->n; w++)
    r->trigger_starts[w] = 0;
  /* by kind, the index of the phrase in the memo: read only where a match
   * at the token set it (memo_kinds), the earlier tokens' left stale;
   * zeroed once so that no path reads an undefined value */
  uint32_t best_at[PH_KIND_COUNT] = {0};
  for (size_t i = 0; i < r->n; i++) {
    /* most tokens start no phrase: the next one is not read for them */
    if (!r->lexw[i] || !r->lexw[i]->n_phrases)
      continue;
    const char *next = i + 1 < r->n ? r->toks[i + 1].lower : NULL;
    lex_cands c;
    if (!sckg_lexicon_candidates(r->s, r->lexw[i], next, &c))
      continue;
    memo_candidates(r, i, &c, best_at);
    /* a word that moves its object has open phrases (lex_word) */
    if ((r->memo_kinds[i] & 1u << PH_TRIGGER) || r->lexw[i]->moves_object)
      r->trigger_starts[i / 64] |= (uint64_t)1 << (i % 64);
  }
}

/* --- triggers -------------------------------------------------------- */

/* Is the trigger starting at token i, of the given form, a verb here? A
 * past form no noun shares always is. The others look at the words
 * around it (over adverbs before it):
 * - the lemma is a verb after its subject, a name or a pronoun ("Seoul and
 *   Tokyo condemn", "they urge"), not after a modal or a determiner; after
 *   "to" only for a crime, whose purpose clauses report it ("hacked the
 *   bank to steal", "conspiracy to launder");
 * - a present form a plural noun shares ("sanctions", "attacks") is one
 *   between its subject and an object ("Washington sanctions three
 *   banks"), not in "U.S. sanctions on";
 * - a participle an adjective shares ("accused", "alleged") and an -ing
 *   form are verbs unless a noun phrase has begun: a determiner, a
 *   possessive, a number, a preposition (for a participle) or an
 *   adjective before it ("the accused", "the alleged theft", "the
 *   hacking"; but "denied stealing", "by blacklisting", ", accusing");
 *   one a noun shares is a noun after a noun too ("missile warning"). */
/* "the group, which the FBI attributes to North Korea": a name that
 * ends right before token s and follows a relative word, with a
 * preposition or the clause's end at `next`, is the subject of a relative
 * clause whose object moved before it; the word between is its verb, not a noun
 * the name modifies. */
static bool moved_object(const reader *r, size_t s, size_t next) {
  /* "a claim that Seoul rejects.": with nothing after the verb in its
   * clause, the object moved before the relative clause */
  bool ends = next >= r->n ||
              (r->toks[next].kind == TK_PUNCT && !ex_joining_hyphen(r, next));
  if (!ends && (next >= r->n || !(ex_word(r, next) & W_PREP) ||
                !ex_is_lower_word(r, next)))
    return false;
  /* the preposition's phrase names an actor or an event ("to North
   * Korea", "for the hack"), not "a label it pins on other nations" */
  bool named = ends;
  for (size_t k = 0; k < r->nm && !named; k++)
    named = r->m[k].tb > next && r->m[k].tb <= next + 3 && r->m[k].n;
  for (size_t j = next + 1; j <= next + 3 && j < r->n && !named; j++) {
    size_t e;
    const phrase *ph = ex_longest(r, j, 1u << PH_TRIGGER, &e);
    named = ph && (ph->pattern->flags & PAT_NOUN);
  }
  if (!named)
    return false;
  for (size_t k = 0; k < r->nm; k++) {
    const mention *m = &r->m[k];
    if (m->te != s || m->poss || !m->n || m->kind == M_ADJ || m->tb == 0)
      continue;
    sckg_wclass w = ex_word(r, m->tb - 1);
    if ((w & W_RELATIVE) ||
        ((w & W_COMP) && m->tb >= 2 && ex_is_lower_word(r, m->tb - 2) &&
         (ex_pos(r, m->tb - 2) & SCKG_POS_NOUN) &&
         !(ex_word(r, m->tb - 2) & W_SAY) && !ex_finite_verb(r, m->tb - 2)))
      return true;
  }
  return false;
}

/* Does the subject of a verb stand before it, the verb's words (over
 * adverbs and a quote mark) starting at token g, and at s before a time
 * adverbial ("South Korea on Monday cut off trade")? A name, a subject
 * pronoun, a plural noun or a relative pronoun after a noun. */
static bool subject_before(const reader *r, size_t g, size_t s) {
  if (g == 0)
    return false;
  sckg_wclass w = ex_word(r, g - 1);
  const token *p = &r->toks[g - 1];
  bool after_name = false;
  for (size_t k = 0; k < r->nm; k++)
    after_name |= s && r->m[k].te == s && !r->m[k].poss && r->m[k].n &&
                  r->m[k].kind != M_ADJ;
  /* "prosecutors accuse", "sanctions monitors accuse": a plural noun */
  bool plural_noun = ex_is_lower_word(r, g - 1) && !w &&
                     r->text[p->e - 1] == 's' &&
                     (ex_pos(r, g - 1) & SCKG_POS_NOUN);
  /* "workers who use", "hackers that steal": a relative pronoun after a
   * noun is the subject */
  bool relative = (w & (W_RELATIVE | W_COMP)) && g >= 2 &&
                  (ex_word(r, g - 1) & W_RELATIVE ||
                   (ex_pos(r, g - 2) & SCKG_POS_NOUN &&
                    !ex_finite_verb(r, g - 2) && !(ex_word(r, g - 2) & W_SAY)));
  return after_name || (w & W_SUBJPRON) || plural_noun || relative;
}

/* Has a noun phrase begun before the words starting at token g: a
 * determiner, a possessive, a number or an adjective stands before them? */
static bool np_begun_before(const reader *r, size_t g) {
  if (g == 0)
    return false;
  sckg_wclass w = ex_word(r, g - 1);
  const token *p = &r->toks[g - 1];
  return ((w & (W_DET | W_ARTICLE)) && !(w & W_COMP)) || p->kind == TK_POSS ||
         p->kind == TK_NUM ||
         (ex_is_lower_word(r, g - 1) && !(w & ~W_NAMING) &&
          ex_pos(r, g - 1) == SCKG_POS_ADJ);
}

static bool verb_place(const reader *r, size_t i, const phrase *ph) {
  /* "would also have banned its exports", "could be sanctioned": what a
   * modal governs is a hypothesis or a plan, no event (the bare form is
   * decided below, where a consequence is warned of only after one) */
  if (ph->form != FORM_BARE && !(ph->pattern->flags & PAT_CONSEQUENCE) &&
      ex_after_modal(r, i))
    return false;
  if (ph->form == FORM_ANY)
    return true;
  size_t g = ex_skip_adverbs_back(r, i);
  /* 'North Korea "categorically rejects"': over a quote mark */
  if (g > 0 && r->toks[g - 1].kind == TK_QUOTE)
    g = ex_skip_adverbs_back(r, g - 1);
  sckg_wclass w = g ? ex_word(r, g - 1) : 0;
  const token *p = g ? &r->toks[g - 1] : NULL;
  /* each form asks what it needs of the words before: the subject
   * (subject_before) only the finite ones */
  switch (ph->form) {
  case FORM_BARE: {
    /* "would impose", "could condemn": a plan or a possibility; but a
     * consequence is warned of only after a modal ("would pay a price") */
    bool modal = ex_after_modal(r, i);
    if (ph->pattern->flags & PAT_CONSEQUENCE)
      return modal;
    if (modal)
      return false;
    /* "to transfer and launder their proceeds": a crime's infinitive */
    if (p && (w & (W_PREP | W_CONJ)) && !(w & W_DET) &&
        ex_is_lower_word(r, g - 1) &&
        (sckg_type(r->s, ph->pattern->type)->roles & TYPE_CRIME))
      return !(g >= 2 && (ex_word(r, g - 2) & W_AUX)); /* not "would have to" */
    return !(w & W_OBJCASE) &&
           subject_before(r, g, ex_time_adverbial_start(r, g));
  }
  case FORM_PLURAL: {    /* "it blames for": a pronoun is no noun's modifier */
    size_t next = i + 1; /* over a closing quote mark */
    if (next < r->n && r->toks[next].kind == TK_QUOTE)
      next++;
    size_t s = ex_time_adverbial_start(r, g);
    return (w & W_SUBJPRON) ||
           (subject_before(r, g, s) && ex_may_start_np(r, next) &&
            !ex_is_comma(r, next)) ||
           moved_object(r, s, next);
  }
  case FORM_NOMINAL:
    /* "has since threatened": a preposition after an auxiliary is an
     * adverb */
    return !np_begun_before(r, g) &&
           !(p && (w & W_PREP) && !(g >= 2 && (ex_word(r, g - 2) & W_AUX)));
  case FORM_ING:
    return !np_begun_before(r, g);
  case FORM_ING_NOUN: {
    /* "missile warning data": a noun after a noun, unless an object
     * follows ("a statement condemning North Korea's launch") */
    if (np_begun_before(r, g))
      return false;
    bool after_noun = p && ex_is_lower_word(r, g - 1) && !w &&
                      ex_pos(r, g - 1) == SCKG_POS_NOUN;
    /* "the design and testing hall": joined to a noun a determiner
     * opens (no inflected verb: "the hacking and testing"), the -ing
     * form is a noun's too */
    after_noun |= p && (w & W_CONJ) && g >= 3 && ex_is_lower_word(r, g - 2) &&
                  !ex_word(r, g - 2) && (ex_pos(r, g - 2) & SCKG_POS_NOUN) &&
                  !(ex_verb_inflections(r, g - 2) & ~(1u << SCKG_INFL_NONE)) &&
                  (ex_word(r, g - 3) & (W_DET | W_ARTICLE));
    const token *n = i + 1 < r->n ? &r->toks[i + 1] : NULL;
    bool object =
        n && (n->cap || (ex_word(r, i + 1) & (W_DET | W_OBJCASE | W_COMP)));
    return !after_noun || object;
  }
  case FORM_ANY:
    break;
  }
  return true;
}

/* The longest trigger at token i that is a verb or noun where it stands
 * (verb_place); NULL when none. */
static const phrase *trigger_at(const reader *r, size_t i, size_t *end) {
  const phrase *ph = ex_longest(r, i, 1u << PH_TRIGGER, end);
  if (!ph || verb_place(r, i, ph))
    return ph;
  /* the longest is no verb here: the others that start here ("test" the
   * noun when "test" the verb is not one) */
  const phrase *best = NULL;
  size_t best_end = 0;
  cand_iter it; /* one that cannot match is no better */
  cands_at(r, i, &it);
  for (const phrase *c; (c = next_cand(r, &it));) {
    if (c->kind != PH_TRIGGER || c == ph || !verb_place(r, i, c))
      continue;
    size_t e = match_at(r, c, i);
    if (e > best_end) {
      best = c;
      best_end = e;
    }
  }
  *end = best_end;
  return best;
}

/* "the sanctions (that) Japan imposed on Pyongyang": a verb whose pattern
 * is verb, gap, noun ("impose * sanctions") after that noun, an optional
 * relative word and its subject's name, is the pattern with its object
 * moved before it. Returns the pattern's phrase, or NULL. */
static const phrase *object_relative_at(reader *r, size_t i) {
  /* the word must start such a phrase (looked for below) */
  if (!r->lexw[i] || !r->lexw[i]->moves_object || !ex_is_lower_word(r, i))
    return NULL;
  size_t s = i;
  while (s > 0 && (ex_word(r, s - 1) & (W_AUX | W_NEG)))
    s--;
  /* the cheap test first: a name ends right before the verb */
  long subj = -1;
  for (size_t k = 0; k < r->nm && subj < 0; k++)
    if (r->m[k].te == s && r->m[k].n && !r->m[k].poss && !r->m[k].prep &&
        r->m[k].kind != M_ADJ)
      subj = (long)ex_group_first(r, k);
  if (subj < 0 || !(ex_verb_inflections(r, i) &
                    (1u << SCKG_INFL_ED | 1u << SCKG_INFL_IRREGULAR)))
    return NULL;
  s = r->m[subj].tb;
  if (s > 0 && (ex_word(r, s - 1) & (W_RELATIVE | W_COMP)))
    s--;
  if (s == 0)
    return NULL;
  /* a '*' second: the phrases open after their first word */
  lex_cands c;
  if (!sckg_lexicon_candidates(r->s, r->lexw[i], NULL, &c))
    return NULL;
  const char *object = r->toks[s - 1].lower;
  for (uint32_t k = 0; k < c.n_open; k++) {
    /* of a verb, gap and word, the word's bit is the signature's only one:
     * rule out the others without reading them */
    uint32_t at = lex_cand_at(c.open[k]);
    const lex_sig *sig = &r->s->sigs[at];
    if (sig->n > 1 ||
        (sig->n == 1 &&
         (!object || sig->bits[0] != sckg_lexicon_bloom_bit(r->s, object))))
      continue;
    const phrase *ph = r->s->phrases[at];
    if (lex_moves_object(ph) && token_matches(r, ph, 2, s - 1))
      return ph;
  }
  return NULL;
}

/* The first token from i that may start a trigger: one the memo holds a
 * trigger at (trigger_at), or whose word starts a phrase that moves its
 * object (object_relative_at); r->n when none. Most tokens are neither,
 * and are passed over here in a few loads each. */
static size_t next_trigger_start(const reader *r, size_t i) {
  size_t n = r->n;
  if (i >= n)
    return n;
  size_t w = i / 64;
  uint64_t bits = r->trigger_starts[w] & (~(uint64_t)0 << (i % 64));
  while (!bits) { /* no bit is set past n */
    if (++w * 64 >= n)
      return n;
    bits = r->trigger_starts[w];
  }
  return w * 64 + (size_t)__builtin_ctzll(bits);
}

void ex_find_triggers(reader *r) {
  for (size_t i = next_trigger_start(r, 0); i < r->n && r->nt < MAX_TRIGGERS;
       i = next_trigger_start(r, i)) {
    size_t e;
    const phrase *ph = trigger_at(r, i, &e);
    bool moved = false;
    if (!ph && (ph = object_relative_at(r, i)) != NULL) {
      e = i + 1;
      moved = true;
    }
    if (!ph) {
      i++;
      continue;
    }
    /* a trigger inside a name or an anaphor ("the statement") is not one */
    bool inside = false;
    for (size_t k = 0; k < r->nm; k++)
      if (r->m[k].tb <= i && i < r->m[k].te && r->m[k].kind != M_ADJ)
        inside = true;
    /* "a hacking group": a noun that begins a longer head noun of
     * heads.tsv names the actor, not an event */
    size_t he;
    if (!inside && (ph->pattern->flags & PAT_NOUN) &&
        ex_longest(r, i, 1u << PH_HEAD, &he) && he > e)
      inside = true;
    /* "lifting off on a rocket" is no lifting of sanctions */
    bool phrasal =
        !(ph->pattern->flags & PAT_NOUN) && e == i + 1 && ex_phrasal_verb(r, i);
    if (inside || phrasal) {
      i++;
      continue;
    }
    trigger *t = &r->t[r->nt++];
    t->tb = i;
    t->te = e;
    t->object_before = moved;
    t->obj_from = ph->star < ph->n ? i + ph->star : object_start(r, e);
    /* a gap before a preposition holds the verb's object ("remove * from
     * * list"); one before a noun, its modifiers ("impose * sanctions") */
    t->gap_empty =
        ph->star + 1 < ph->n && i + ph->star < e &&
        (sckg_lexicon_word(r->s, ph->ltoks[ph->star + 1]) & W_PREP) &&
        token_matches(r, ph, ph->star + 1, i + ph->star);
    if (t->gap_empty)
      t->obj_from = object_start(r, e);
    /* "breach @proper": the name the frame asks for is the object */
    for (size_t k = 0; ph->wclass && k < ph->n && k < ph->star; k++)
      if (ph->wclass[k] == W_PROPER) {
        t->obj_from = i + k;
        break;
      }
    t->pat = ph->pattern;
    t->text = ph->text;
    t->quoted = r->quoted[i];
    /* "did not", "has never", "n't": within three tokens before */
    t->negated = false;
    for (size_t k = i; k > 0 && k + 3 > i; k--) {
      if (ex_word(r, k - 1) & W_NEG) {
        t->negated = true;
        break;
      }
      if (!(ex_word(r, k - 1) & W_AUX) && r->toks[k - 1].kind != TK_WORD)
        break;
    }
    /* a gap before a class word holds the verb's object, and the class
     * word its predicate: the object may name an event ("called the launch
     * a provocation"); other gaps hold modifiers ("rejected the U.S.
     * accusations") */
    bool object_gap = false;
    for (size_t k = ph->star + 1; ph->wclass && k < ph->n; k++)
      object_gap |= ph->wclass[k] != 0;
    i = object_gap ? t->obj_from : e;
  }
}
