/* SPDX-License-Identifier: MIT */
/* Parts of speech of a sentence's tokens: what WordNet says a word may be,
 * and the few readings context settles (an adverb inside a verb group, a
 * word that may start a noun phrase). The lexicon gives the possibilities;
 * the tests here pick among them by the neighbours. */
#include "extract/reader.h"
#include "lexicon/morph.h"

/* The readings of the word w (n bytes) as parts of speech and verb
 * inflections (bits): the lexicon's (`known`, from sckg_morph_readings), or
 * for a word it lacks what its shape says. */
static void tag(const char *w, size_t n, unsigned known, unsigned verb_infl,
                unsigned char *pos, unsigned char *infl) {
  /* "state-owned", "Moscow-backed": a compound joined by a hyphen that
   * WordNet lacks modifies the noun after it */
  if (!known && n > 1 && memchr(w + 1, '-', n - 1))
    known = SCKG_POS_ADJ;
  *pos = (unsigned char)known;
  *infl = (unsigned char)verb_infl;
}

static void look_up(const char *w, size_t n, unsigned char *pos,
                    unsigned char *verb_infl) {
  unsigned v;
  unsigned p = sckg_morph_readings(w, n, &v);
  tag(w, n, p, v, pos, verb_infl);
}

/* Does memo slot m hold the word (n bytes, hash h)? */
static bool memo_holds(const morph_memo *m, const char *word, size_t n,
                       uint32_t h) {
  return m->len == n && m->hash == h && memcmp(m->word, word, n) == 0;
}

/* look_up through the reader's memo (reader.h's morph_memo): a table of
 * two-slot buckets by a hash of the bytes, the latest used first; a new
 * word replaces the other. The memo changes no answer, only how often the
 * lexicon's tables are searched. */
static void look_up_memo(reader *w, const char *word, size_t n,
                         unsigned char *pos, unsigned char *verb_infl) {
  if (n > MORPH_MEMO_WORD) {
    look_up(word, n, pos, verb_infl);
    return;
  }
  uint32_t h = (uint32_t)sckg_hash64(word, n);
  morph_memo *m = &w->morph[(h & (MORPH_MEMO_SLOTS / 2 - 1)) * 2];
  if (!memo_holds(&m[0], word, n, h)) {
    morph_memo first = m[0];
    if (memo_holds(&m[1], word, n, h)) {
      m[0] = m[1];
    } else {
      look_up(word, n, &m[0].pos, &m[0].verb_infl);
      m[0].hash = h;
      m[0].len = (unsigned char)n;
      memcpy(m[0].word, word, n);
    }
    m[1] = first;
  }
  *pos = m[0].pos;
  *verb_infl = m[0].verb_infl;
}

/* Word token i's readings into the sentence's memo (reader.h's tag_pos
 * and tag_verb_infl). Out of line: the look-up saves and restores
 * registers that the memo's answer, most of the questions, needs not. */
__attribute__((noinline)) static void tag_token(reader *w, size_t i) {
  const token *t = &w->toks[i];
  const lex_word *lw = w->lexw[i];
  size_t n = t->e - t->b;
  /* a word of the schema carries its readings, unless the token was
   * written otherwise than its key (a curly apostrophe: longer) */
  if (lw && lw->len == n)
    tag(w->text + t->b, n, lw->pos, lw->verb_infl, &w->tag_pos[i],
        &w->tag_verb_infl[i]);
  else /* the text itself: only the schema's words are interned */
    look_up_memo(w, w->text + t->b, n, &w->tag_pos[i], &w->tag_verb_infl[i]);
  w->tag_gen[i] = w->gen;
}

/* Token i's readings in the lexicon, looked up once per sentence: the
 * grammar asks about the same words again and again. */
static inline void readings(const reader *r, size_t i, unsigned *pos,
                            unsigned *verb_infl) {
  *pos = *verb_infl = 0;
  if (i >= r->n || r->toks[i].kind != TK_WORD)
    return;
  /* the memo is not part of the reader's meaning: r stays const */
  if (r->tag_gen[i] != r->gen)
    tag_token((reader *)r, i);
  *pos = r->tag_pos[i];
  *verb_infl = r->tag_verb_infl[i];
}

unsigned ex_pos(const reader *r, size_t i) {
  unsigned pos, infl;
  readings(r, i, &pos, &infl);
  return pos;
}

bool ex_is_adverb(const reader *r, size_t i) {
  if (!ex_is_lower_word(r, i))
    return false;
  if (ex_word(r, i) & W_AUX && !(ex_word(r, i) & W_BE))
    return true; /* words.tsv's adverbs of the verb group: also, not */
  if (ex_word(r, i) &
      (W_DET | W_CONJ | W_CLAUSE | W_COMP | W_RELATIVE | W_PREP))
    return false;
  /* "has since threatened", "were repeatedly sanctioned": a word WordNet
   * knows only as an adverb */
  return ex_pos(r, i) == SCKG_POS_ADV;
}

size_t ex_skip_adverbs_back(const reader *r, size_t i) {
  for (size_t k = 0; k < 3 && i > 0 && ex_is_adverb(r, i - 1); k++)
    i--;
  return i;
}

bool ex_may_start_np(const reader *r, size_t i) {
  if (i >= r->n)
    return false;
  const token *t = &r->toks[i];
  if (t->kind == TK_NUM || (t->kind == TK_PUNCT && r->text[t->b] == '$'))
    return true;
  if (t->kind != TK_WORD)
    return false;
  sckg_wclass w = ex_word(r, i);
  if (w & (W_OBJCASE | W_OBJPRON | W_SUBJPRON | W_PREP | W_CLAUSE | W_COMP |
           W_CONJ | W_AUX | W_SAY))
    return false;
  if (w & W_DET || t->cap)
    return true;
  return (ex_pos(r, i) & (SCKG_POS_NOUN | SCKG_POS_ADJ)) != 0;
}

bool ex_finite_verb(const reader *r, size_t i) {
  if (!ex_is_lower_word(r, i) ||
      (ex_word(r, i) & ~(W_SAY | W_SUPPORT | W_NAMING | W_BEGIN)))
    return false;
  unsigned pos, infl;
  readings(r, i, &pos, &infl);
  /* an inflected form: "summoned", "stole"; the bare lemma may be a plan
   * or an imperative, "-ing" a noun or a participle */
  bool verb = infl & ~(1u << SCKG_INFL_NONE);
  bool ing = infl & (1u << SCKG_INFL_ING);
  return verb && !(pos & SCKG_POS_NOUN) && !ing;
}

unsigned ex_verb_inflections(const reader *r, size_t i) {
  unsigned pos, infl;
  readings(r, i, &pos, &infl);
  return infl;
}

bool ex_phrasal_verb(const reader *r, size_t i) {
  if (i + 1 >= r->n || !ex_is_lower_word(r, i) || !ex_is_lower_word(r, i + 1))
    return false;
  /* "seized on Tuesday", "hacked into the network": a preposition with its
   * object, not a particle */
  if (ex_may_start_np(r, i + 2))
    return false;
  const token *a = &r->toks[i], *b = &r->toks[i + 1];
  char two[2 * SCKG_MORPH_LEN_MAX];
  size_t la = a->e - a->b, lb = b->e - b->b;
  if (la + lb + 1 >= sizeof two)
    return false;
  memcpy(two, r->text + a->b, la);
  two[la] = ' ';
  memcpy(two + la + 1, r->text + b->b, lb);
  /* a verb among the readings of the two words as one, through the memo
   * of readings by bytes (look_up_memo): news repeats its phrasal verbs,
   * and the lexicon's search of one costs as much as the rest of this */
  unsigned char pos, infl;
  look_up_memo((reader *)r, two, la + lb + 1, &pos, &infl);
  return (pos & SCKG_POS_VERB) != 0;
}

bool ex_modal_back(const reader *r, size_t i) {
  bool chained = false;
  for (size_t k = i; k > 0 && k + 8 > i; k--) {
    sckg_wclass w = ex_word(r, k - 1);
    if (w & W_MODAL)
      return true;
    if (r->toks[k - 1].kind == TK_QUOTE)
      continue; /* 'would "pay dearly"' */
    /* "will continue to develop": one verb and its "to" */
    if (!chained && k >= 2 && (w & W_PREP) && ex_is_lower_word(r, k - 2) &&
        (ex_pos(r, k - 2) & SCKG_POS_VERB) && !ex_word(r, k - 2)) {
      chained = true;
      k--;
      continue;
    }
    if (!(w & (W_AUX | W_NEG)) && !ex_is_adverb(r, k - 1))
      return false;
  }
  return false;
}

size_t ex_time_adverbial(const reader *r, size_t i) {
  if (i >= r->n)
    return 0;
  sckg_wclass w = ex_word(r, i);
  if (w & (W_DAYREF | W_WEEKDAY))
    return 1;
  if ((w & W_PERIODREF) && i + 1 < r->n &&
      (ex_word(r, i + 1) &
       (W_PERIOD | W_MONTHUNIT | W_DAYUNIT | W_WEEKDAY | W_MONTH)))
    return 2;
  return 0;
}

size_t ex_time_adverbial_start(const reader *r, size_t i) {
  for (size_t len = 2; len >= 1; len--)
    if (i >= len && ex_time_adverbial(r, i - len) == len) {
      size_t s = i - len;
      if (len == 1 && s > 0 && (ex_word(r, s - 1) & W_PREP) &&
          (ex_word(r, s) & W_WEEKDAY))
        s--; /* "on Monday" */
      return s;
    }
  return i;
}

int ex_number_at(const reader *r, size_t i, int lo, int hi) {
  if (i >= r->n || r->toks[i].kind != TK_NUM)
    return 0;
  int v = 0;
  for (size_t k = r->toks[i].b; k < r->toks[i].e; k++) {
    char c = r->text[k];
    if (c < '0' || c > '9')
      return 0; /* "110th", "1,000" */
    v = v * 10 + (c - '0');
    if (v > 10000)
      return 0;
  }
  return v >= lo && v <= hi ? v : 0;
}
