/* SPDX-License-Identifier: MIT */
#include "lexicon/morph.h"

#include <stdbool.h>
#include <string.h>

enum {
  POS_NOUN,
  POS_VERB,
  POS_ADJ,
  POS_ADV,
  N_POS,
  OFFSET_MASK = 0xFFFFFF /* an entry's pool offset; parts of speech above */
};
#define NOT_FOUND UINT32_MAX

static const sckg_morph_tables *const tables = &sckg_morph_wordnet;

/* ---- Look-up in the tables ----------------------------------------------- */

/* Whether a[0..n) and b[0..n) are the same bytes. A loop, not memcmp:
 * the strings are a few bytes long, and the calls to memcmp took a
 * quarter of a look-up's time. */
static bool same(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (a[i] != b[i])
      return false;
  return true;
}

/* FNV-1a, 32 bits: the hash schema/tools/wordnet_tables.c built the
 * indexes with. */
static uint32_t hash32(const char *w, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)w[i]) * 16777619u;
  return h;
}

/* The id of w[0..n) in a hash index over strings that `entry` places in
 * `pool` (offsets in the low 24 bits), or NOT_FOUND. The slots carry the
 * high bits of their string's hash, so a look-up reads a string only when
 * those agree: about once for a word that is there, almost never for one
 * that is not. The index is at most three quarters full, so an empty slot
 * ends every search. */
static uint32_t find(const uint32_t *index, unsigned bits, const char *pool,
                     const uint32_t *entry, const char *w, size_t n) {
  uint32_t h = hash32(w, n), mask = (1u << bits) - 1;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t v = index[i];
    if (v == 0)
      return NOT_FOUND;
    if ((v & ~mask) != (h & ~mask))
      continue;
    uint32_t id = (v & mask) - 1;
    uint32_t start = entry[id] & OFFSET_MASK;
    if ((entry[id + 1] & OFFSET_MASK) - start - 1 == n &&
        same(pool + start, w, n))
      return id;
  }
}

/* The id of the lemma w[0..n) (lowercase), or NOT_FOUND. */
static uint32_t find_lemma(const char *w, size_t n) {
  if (n == 0 || n > tables->max_len)
    return NOT_FOUND;
  return find(tables->lemma_index, tables->lemma_bits, tables->pool,
              tables->lemma, w, n);
}

static unsigned pos_of(uint32_t id) { return tables->lemma[id] >> 24; }

/* The index of the irregular form w[0..n), or NOT_FOUND. */
static uint32_t find_exc(const char *w, size_t n) {
  if (n == 0 || n > tables->max_form_len)
    return NOT_FOUND;
  return find(tables->exc_index, tables->exc_bits, tables->exc_pool,
              tables->exc_form, w, n);
}

/* ---- Morphy -------------------------------------------------------------- */

/* WordNet's detachment rules (morphy(7WN)): a form ending in `suffix` may be
 * the inflection of the stem with `ending` in its place. `undouble` marks
 * the rules whose stem may have doubled its last consonant ("spammed",
 * "blogging"): morphy leaves those to verb.exc, which has the old words
 * ("planned", "committed") but not the new. Not for adjectives: adj.exc
 * has every comparative of that kind, and undoubling only misreads nouns
 * ("litter" as "lit" + "-er"). */
typedef struct {
  const char *suffix;
  unsigned char suffix_len;
  const char *ending;
  unsigned char ending_len;
  bool undouble;
  sckg_inflection infl; /* what the rule detaches */
} rule;

#define RULE(s, e, u, k)                                                       \
  { s, sizeof s - 1, e, sizeof e - 1, u, SCKG_INFL_##k }
static const rule rules[] = {
    /* nouns */
    RULE("s", "", false, S), RULE("ses", "s", false, S),
    RULE("xes", "x", false, S), RULE("zes", "z", false, S),
    RULE("ches", "ch", false, S), RULE("shes", "sh", false, S),
    RULE("men", "man", false, S), RULE("ies", "y", false, S),
    /* verbs */
    RULE("s", "", false, S), RULE("ies", "y", false, S),
    RULE("es", "e", false, S), RULE("es", "", false, S),
    RULE("ed", "e", false, ED), RULE("ed", "", true, ED),
    RULE("ing", "e", false, ING), RULE("ing", "", true, ING),
    /* adjectives */
    RULE("er", "", false, ER), RULE("est", "", false, ER),
    RULE("er", "e", false, ER), RULE("est", "e", false, ER)};
#undef RULE

/* The rules of each part of speech: rules[first .. first + count).
 * Adverbs have only their exception list. */
static const struct {
  unsigned char first, count;
} rules_of[N_POS] = {{0, 8}, {8, 8}, {16, 4}, {0, 0}};

/* Morphy's nominal suffix: "spoonsful" is the plural of "spoonful", so the
 * rules apply to what comes before it and it is put back. */
static const char ful[] = "ful";

/* The readings found so far, without duplicates. Per part of speech a word
 * has at most one reading as itself, and then either its exceptions (two
 * at most in WordNet 3.0) or the rules' (two nouns, four verbs: "-ies"
 * matches -s, -ies, -es and -es; two adjectives): 3 + 5 + 3 + 3 = 14, well
 * under SCKG_MORPH_MAX. */
typedef struct {
  sckg_lemma items[SCKG_MORPH_MAX];
  size_t len;
} readings;

static void add(readings *r, uint32_t id, unsigned p, sckg_inflection infl) {
  for (size_t i = 0; i < r->len; i++)
    if (r->items[i].id == id && r->items[i].pos == 1u << p)
      return;
  if (r->len == SCKG_MORPH_MAX)
    return; /* unreachable with WordNet 3.0; see above */
  uint32_t start = tables->lemma[id] & OFFSET_MASK;
  sckg_lemma *l = &r->items[r->len++];
  l->text = tables->pool + start;
  l->len = (tables->lemma[id + 1] & OFFSET_MASK) - start - 1;
  l->pos = 1u << p;
  l->id = id;
  l->infl = infl;
}

/* A word split for inflection: the part that inflects, and what stands
 * before and after it in a multi-word form ("lashed| out"). */
typedef struct {
  const char *pre, *part, *post;
  size_t npre, npart, npost;
} split;

/* Whether pre + stem[0..nstem) + end + post is a lemma with part of speech
 * p; adds it when it is. */
static bool try_stem(readings *r, unsigned p, const split *s, const char *stem,
                     size_t nstem, const char *end, size_t nend,
                     sckg_inflection infl) {
  char cand[SCKG_MORPH_LEN_MAX];
  size_t n = s->npre + nstem + nend + s->npost;
  if (nstem == 0 || n > tables->max_len)
    return false;
  memcpy(cand, s->pre, s->npre);
  memcpy(cand + s->npre, stem, nstem);
  memcpy(cand + s->npre + nstem, end, nend);
  memcpy(cand + s->npre + nstem + nend, s->post, s->npost);
  uint32_t id = find_lemma(cand, n);
  if (id == NOT_FOUND || !(pos_of(id) & (1u << p)))
    return false;
  add(r, id, p, infl);
  return true;
}

static bool is_consonant(char c) {
  return c >= 'a' && c <= 'z' && !strchr("aeiou", c);
}

/* The suffix rules of part of speech p on `word` (the inflecting part, or
 * its stem before "ful"), `end` put after each result. */
static void apply_rules(readings *r, unsigned p, const split *s,
                        const char *word, size_t n, const char *end,
                        size_t nend) {
  char stem[SCKG_MORPH_LEN_MAX];
  for (unsigned i = rules_of[p].first;
       i < (unsigned)rules_of[p].first + rules_of[p].count; i++) {
    const rule *ru = &rules[i];
    if (n <= ru->suffix_len ||
        !same(word + n - ru->suffix_len, ru->suffix, ru->suffix_len))
      continue;
    size_t base = n - ru->suffix_len;
    memcpy(stem, word, base);
    memcpy(stem + base, ru->ending, ru->ending_len);
    if (try_stem(r, p, s, stem, base + ru->ending_len, end, nend, ru->infl))
      continue;
    /* "spammed": "spamm" is no lemma, "spam" may be */
    if (ru->undouble && base >= 3 && stem[base - 1] == stem[base - 2] &&
        is_consonant(stem[base - 1]))
      try_stem(r, p, s, stem, base - 1, end, nend, ru->infl);
  }
}

/* Whether irregular form e is listed in part of speech p's .exc file, and
 * if so, adds its readings of p, glued into the split's context. A listed
 * form takes no rule: WordNet lists forms the rules would misread ("seed
 * seed", "modest modest", "gas gas"), and so does morphy. */
/* What an irregular form of part of speech p inflects, by the detachment
 * rule whose suffix it ends in: "travelling" (listed for its doubled
 * consonant) is an -ing form as "warning" is; "stole" ends in none. */
static sckg_inflection irregular_kind(unsigned p, const char *w, size_t n) {
  for (unsigned i = rules_of[p].first;
       i < (unsigned)rules_of[p].first + rules_of[p].count; i++) {
    const rule *ru = &rules[i];
    if (ru->infl != SCKG_INFL_S && n > ru->suffix_len &&
        same(w + n - ru->suffix_len, ru->suffix, ru->suffix_len))
      return ru->infl;
  }
  return SCKG_INFL_IRREGULAR;
}

static bool add_exceptions(readings *r, unsigned p, const split *s,
                           uint32_t e) {
  if (e == NOT_FOUND || !(tables->exc_form[e] >> 24 & (1u << p)))
    return false;
  sckg_inflection kind = irregular_kind(p, s->part, s->npart);
  for (uint32_t i = tables->exc_first[e]; i < tables->exc_first[e + 1]; i++) {
    uint32_t t = tables->exc_target[i], id = t >> 2;
    if ((t & 3) != p)
      continue;
    if (s->npre + s->npost == 0) {
      add(r, id, p, kind); /* the generator kept only lemmas of their pos */
      continue;
    }
    uint32_t start = tables->lemma[id] & OFFSET_MASK;
    size_t len = (tables->lemma[id + 1] & OFFSET_MASK) - start - 1;
    try_stem(r, p, s, tables->pool + start, len, "", 0, kind);
  }
  return true;
}

/* The readings of part of speech p found by inflecting s->part, whose
 * irregular form index is e: its exceptions or else the rules, as
 * morphword() in WordNet's morph.c, but keeping every result that is a
 * lemma, not only the first. */
static void inflect(readings *r, unsigned p, const split *s, uint32_t e) {
  if (add_exceptions(r, p, s, e))
    return;
  const char *w = s->part;
  size_t n = s->npart;
  if (p == POS_NOUN) {
    /* "spoonsful": the rules work on "spoons" and "ful" goes back on */
    if (n > sizeof ful - 1 &&
        same(w + n - (sizeof ful - 1), ful, sizeof ful - 1)) {
      apply_rules(r, p, s, w, n - (sizeof ful - 1), ful, sizeof ful - 1);
      return;
    }
    /* morphy leaves "-ss" and words of two letters alone: "glass" is no
     * plural, and "as" would be the noun "a" */
    if (n <= 2 || (w[n - 1] == 's' && w[n - 2] == 's'))
      return;
  }
  apply_rules(r, p, s, w, n, "", 0);
}

/* Every reading of the lowercase word w[0..n). A multi-word form may be
 * listed whole ("governors general"); if not, a phrasal verb inflects its
 * first word ("lashed out"), a compound noun or adjective its last ("prime
 * ministers"). The irregular forms are looked up once, not per part of
 * speech. */
static void find_readings(readings *r, const char *w, size_t n) {
  uint32_t self = find_lemma(w, n);
  uint32_t e = find_exc(w, n);
  const char *space = memchr(w, ' ', n);
  split whole = {w, w, w + n, 0, n, 0}, first = whole, last = whole;
  uint32_t e_first = e, e_last = e;
  if (space) {
    first.npart = (size_t)(space - w);
    first.post = space;
    first.npost = n - first.npart;
    size_t last_space = first.npart;
    for (size_t k = last_space + 1; k < n; k++)
      if (w[k] == ' ')
        last_space = k;
    const char *l = w + last_space + 1;
    last.npre = (size_t)(l - w);
    last.part = l;
    last.npart = n - last.npre;
    e_first = find_exc(first.part, first.npart);
    e_last = find_exc(last.part, last.npart);
  }
  for (unsigned p = 0; p < N_POS; p++) {
    if (self != NOT_FOUND && pos_of(self) & (1u << p))
      add(r, self, p, SCKG_INFL_NONE);
    if (!space)
      inflect(r, p, &whole, e);
    else if (add_exceptions(r, p, &whole, e) || p == POS_ADV)
      continue;
    else if (p == POS_VERB && first.npart)
      inflect(r, p, &first, e_first);
    else if (p != POS_VERB && last.npart)
      inflect(r, p, &last, e_last);
  }
}

/* ---- The API ------------------------------------------------------------- */

/* The lowercase copy of word[0..n) in buf, or false when it is too long to
 * be any lemma's form. */
static bool lower(const char *word, size_t n, char *buf) {
  if (n == 0 || n >= SCKG_MORPH_LEN_MAX)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = word[i];
    buf[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  return true;
}

unsigned sckg_morph_pos(const char *word, size_t n) {
  char w[SCKG_MORPH_LEN_MAX];
  if (!lower(word, n, w))
    return 0;
  uint32_t id = find_lemma(w, n);
  return id == NOT_FOUND ? 0 : pos_of(id);
}

size_t sckg_morph_lemmas(const char *word, size_t n, sckg_lemma *out,
                         size_t max) {
  char w[SCKG_MORPH_LEN_MAX];
  if (!lower(word, n, w))
    return 0;
  readings r;
  r.len = 0;
  find_readings(&r, w, n);
  if (max)
    memcpy(out, r.items, (r.len < max ? r.len : max) * sizeof *out);
  return r.len;
}

unsigned sckg_morph_readings(const char *word, size_t n, unsigned *verb_infl) {
  sckg_lemma got[SCKG_MORPH_MAX];
  size_t k = sckg_morph_lemmas(word, n, got, SCKG_MORPH_MAX);
  unsigned p = 0, v = 0;
  for (size_t q = 0; q < k && q < SCKG_MORPH_MAX; q++) {
    p |= got[q].pos;
    if (got[q].pos == SCKG_POS_VERB)
      v |= 1u << got[q].infl;
  }
  *verb_infl = v;
  return p;
}

unsigned sckg_morph_tagged(const sckg_lemma *lemma) {
  unsigned p = 0;
  while (p < N_POS && lemma->pos != 1u << p)
    p++;
  if (p == N_POS || lemma->id >= tables->n)
    return 0;
  uint32_t key = lemma->id << 2 | p;
  uint32_t lo = 0, hi = tables->n_tagged;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (tables->tagged_key[mid] == key)
      return tables->tagged[mid];
    if (tables->tagged_key[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

/* ---- Verb forms ---------------------------------------------------------- */

/* Is form[0..n) read back as lemma `id` with part of speech `pos` (an
 * SCKG_POS_ bit)? */
static bool reads_as(const char *form, size_t n, uint32_t id, unsigned pos) {
  sckg_lemma got[SCKG_MORPH_MAX];
  size_t k = sckg_morph_lemmas(form, n, got, SCKG_MORPH_MAX);
  for (size_t i = 0; i < k && i < SCKG_MORPH_MAX; i++)
    if (got[i].id == id && got[i].pos == pos)
      return true;
  return false;
}

typedef struct {
  char (*out)[SCKG_MORPH_LEN_MAX];
  size_t max, n;
  uint32_t id;
  const char *lemma;
  size_t len;
  unsigned pos; /* the SCKG_POS_ bit the forms inflect */
} forms;

static void add_form(forms *f, const char *w, size_t n) {
  if (!n || n >= SCKG_MORPH_LEN_MAX || (n == f->len && same(w, f->lemma, n)))
    return;
  for (size_t i = 0; i < f->n && i < f->max; i++)
    if (strlen(f->out[i]) == n && same(f->out[i], w, n))
      return;
  if (!reads_as(w, n, f->id, f->pos))
    return;
  if (f->n < f->max) {
    memcpy(f->out[f->n], w, n);
    f->out[f->n][n] = '\0';
  }
  f->n++;
}

/* lemma[0..keep) + suffix, as a candidate form. */
static void add_suffixed(forms *f, size_t keep, const char *suffix) {
  char w[SCKG_MORPH_LEN_MAX];
  size_t sl = strlen(suffix);
  if (keep + sl >= sizeof w)
    return;
  memcpy(w, f->lemma, keep);
  memcpy(w + keep, suffix, sl);
  add_form(f, w, keep + sl);
}

/* The exception lists' forms of lemma f->id with part of speech index
 * `p`: a binary search for the first of its readings in exc_by_target. */
static void add_irregular_forms(forms *f, unsigned p) {
  uint32_t want = f->id << 2 | p, lo = 0, hi = tables->n_exc_readings;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (tables->exc_by_target[mid] < want)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (; lo < tables->n_exc_readings && tables->exc_by_target[lo] == want;
       lo++) {
    uint32_t i = tables->exc_form_of[lo];
    uint32_t b = tables->exc_form[i] & OFFSET_MASK,
             e = tables->exc_form[i + 1] & OFFSET_MASK;
    add_form(f, tables->exc_pool + b, e - b - 1);
  }
}

/* Start the forms of `lemma` with part of speech index p: false when the
 * lemma has no such reading. The listed irregular forms come first. */
static bool start_forms(forms *f, const char *lemma, size_t n,
                        char (*out)[SCKG_MORPH_LEN_MAX], size_t max,
                        unsigned p) {
  uint32_t id = n < SCKG_MORPH_LEN_MAX ? find_lemma(lemma, n) : NOT_FOUND;
  if (id == NOT_FOUND || !(pos_of(id) & (1u << p)))
    return false;
  *f = (forms){out, max, 0, id, lemma, n, 1u << p};
  add_irregular_forms(f, p);
  return true;
}

/* The regular -s form: -ies after a consonant and y, -es after a
 * sibilant, else -s. */
static void add_s_form(forms *f) {
  size_t n = f->len;
  char last = f->lemma[n - 1], before = n > 1 ? f->lemma[n - 2] : 0;
  if (last == 'y' && n > 1 && is_consonant(before))
    add_suffixed(f, n - 1, "ies");
  else if (last == 's' || last == 'x' || last == 'z' ||
           (last == 'h' && (before == 'c' || before == 's')))
    add_suffixed(f, n, "es");
  else
    add_suffixed(f, n, "s");
}

size_t sckg_morph_noun_plurals(const char *lemma, size_t n,
                               char (*out)[SCKG_MORPH_LEN_MAX], size_t max) {
  forms f;
  if (!start_forms(&f, lemma, n, out, max, POS_NOUN))
    return 0;
  /* the regular one, read back as the noun; none beside a listed one
   * (crises, not "crisises"; vetoes, not "vetos") */
  if (!f.n)
    add_s_form(&f);
  return f.n;
}

size_t sckg_morph_verb_forms(const char *lemma, size_t n, bool doublets,
                             char (*out)[SCKG_MORPH_LEN_MAX], size_t max) {
  forms f;
  if (!start_forms(&f, lemma, n, out, max, POS_VERB))
    return 0;
  /* a verb whose listed forms hold one not in -ed has its past among
   * them: no "stealed" beside "stole"; a hyphenated spelling variant of
   * an unhyphenated verb ("co-ordinates" of "coordinate") says nothing of
   * the verb's own forms */
  bool irregular = false;
  for (size_t i = 0; i < f.n && i < f.max; i++) {
    size_t l = strlen(f.out[i]);
    if (memchr(f.out[i], '-', l) && !memchr(lemma, '-', n))
      continue;
    irregular |= l < 2 || !same(f.out[i] + l - 2, "ed", 2);
  }
  if (doublets)
    irregular = false;
  /* the regular ones: -s/-es/-ies, -ed/-d/-ied, -ing/-ying; with a
   * doubled final consonant too ("planned"): each is kept only when it
   * reads back as this verb */
  char last = lemma[n - 1], before = n > 1 ? lemma[n - 2] : 0;
  bool consonant_y = last == 'y' && n > 1 && is_consonant(before);
  add_s_form(&f);
  if (consonant_y)
    add_suffixed(&f, n - 1, "ied");
  if (irregular)
    ;
  else if (last == 'e')
    add_suffixed(&f, n, "d");
  else if (!consonant_y)
    add_suffixed(&f, n, "ed");
  if (last == 'e' && before == 'i') {
    add_suffixed(&f, n - 2, "ying");
  } else if (last == 'e' && before != 'e' && before != 'y' && before != 'o') {
    add_suffixed(&f, n - 1, "ing");
  } else {
    add_suffixed(&f, n, "ing");
  }
  /* one vowel between consonants at the end doubles ("plan", "planned";
   * not "steal") */
  if (is_consonant(last) && last != 'w' && last != 'x' && last != 'y' &&
      n > 2 && !is_consonant(before) && is_consonant(lemma[n - 3])) {
    char twice[3] = {last, 0, 0};
    char suffix[8];
    memcpy(suffix, twice, 1);
    memcpy(suffix + 1, "ed", 3);
    if (!irregular)
      add_suffixed(&f, n, suffix);
    memcpy(suffix + 1, "ing", 4);
    add_suffixed(&f, n, suffix);
  }
  return f.n;
}
