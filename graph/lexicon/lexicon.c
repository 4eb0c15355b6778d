/* SPDX-License-Identifier: MIT */
/* Loading the schema tables (schema/README.md) into phrase indexes, and
 * looking words, phrases and actors up in them. */
#include "base/embedded.h"
#include "lexicon/image.h"
#include "lexicon/load.h"
#include "lexicon/morph.h"
#include "lexicon/token.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

/* The slot of an interned token in the word table: found, or the empty one
 * where it would go. The key is the token's distance from the schema, so a
 * relocated image (image.c) keeps its slots. */
lex_word *lex_word_slot(const sckg_schema *s, const char *key) {
  uint64_t off = (uint64_t)((uintptr_t)key - (uintptr_t)s);
  size_t mask = s->words_cap - 1;
  size_t i = (size_t)((off * 0x9E3779B97F4A7C15ull) >> 32) & mask;
  while (s->words[i].key && s->words[i].key != key)
    i = (i + 1) & mask;
  return &s->words[i];
}

/* The entry of an interned token, made when new; the table doubles at 50 %
 * load. */
static lex_word *word_entry(sckg_schema *s, const char *key) {
  if ((s->words_used + 1) * 2 > s->words_cap) {
    lex_word *old = s->words;
    size_t old_cap = s->words_cap;
    s->words_cap = old_cap ? old_cap * 2 : 1024;
    s->words = sckg_xcalloc(s->words_cap, sizeof *s->words);
    for (size_t k = 0; k < old_cap; k++)
      if (old[k].key)
        *lex_word_slot(s, old[k].key) = old[k];
    free(old);
  }
  lex_word *w = lex_word_slot(s, key);
  if (!w->key) {
    w->key = key;
    s->words_used++;
  }
  return w;
}

void lex_word_put(sckg_schema *s, const char *key, sckg_wclass bits) {
  word_entry(s, key)->cls |= bits;
}

void lex_word_set_value(sckg_schema *s, const char *key, int v) {
  lex_word *w = word_entry(s, key);
  w->num = (int16_t)v;
  w->has_num = true;
}

const lex_word *sckg_lexicon_entry(const sckg_schema *s, const char *tok) {
  if (!tok || !s->words_cap)
    return NULL;
  const lex_word *w = lex_word_slot(s, tok);
  return w->key ? w : NULL;
}

/* What s knows of text[0, len), looked up into f. */
static void look_up_form(const sckg_schema *s, const char *text, size_t len,
                         lex_form *f) {
  size_t at =
      sckg_strtab_find_cased(s->strings, text, len, &f->written, &f->lowered);
  f->entry = sckg_lexicon_entry_at(s, at);
  f->cls = f->entry ? f->entry->cls : 0;
  f->bloom = (unsigned char)(f->lowered ? sckg_lexicon_bloom_bit(s, f->lowered)
                                        : LEX_SIG_ANY);
}

const lex_form *sckg_lexicon_form_miss(lex_form_memo *m, const sckg_schema *s,
                                       const char *text, size_t len) {
  if (len - 1 >= sizeof m->spare.key) { /* none, or longer than a key */
    look_up_form(s, text, len, &m->spare);
    return &m->spare;
  }
  if (m->s != s) {
    if (m->s) /* a zeroed memo is empty: its pages need not be touched */
      memset(m->sets, 0, sizeof m->sets);
    m->s = s;
  }
  /* neither slot of the set holds the text (sckg_lexicon_form): the
   * newer becomes the older, and the older is forgotten */
  uint64_t key[2];
  uint64_t h = sckg_short_key(text, len, key);
  lex_form *set = m->sets[h >> (64 - LEX_FORM_MEMO_BITS)];
  set[1] = set[0];
  look_up_form(s, text, len, &set[0]);
  set[0].key[0] = key[0];
  set[0].key[1] = key[1];
  set[0].len = (uint32_t)len;
  return &set[0];
}

void lex_index_word_slots(sckg_schema *s) {
  for (size_t k = 0; k < s->words_cap; k++)
    if (s->words[k].key)
      s->word_at[sckg_strtab_slot(s->strings, s->words[k].key,
                                  strlen(s->words[k].key))] = (uint32_t)k + 1;
}

bool sckg_lexicon_word_value(const sckg_schema *s, const char *tok, int *out) {
  const lex_word *w = sckg_lexicon_entry(s, tok);
  if (!w || !w->has_num)
    return false;
  *out = w->num;
  return true;
}

uint32_t sckg_lexicon_event_head(const sckg_schema *s, const char *tok) {
  const lex_word *w = sckg_lexicon_entry(s, tok);
  return w ? w->heads : 0;
}

/* The head noun of each noun pattern's trigger: its last word before its
 * first preposition, else its last word ("missile launch": launch); none
 * after a '*' or a class. */
static void index_event_heads(sckg_schema *s) {
  for (size_t i = 0; i < s->n_phrases; i++) {
    const phrase *ph = s->phrases[i];
    if (ph->kind != PH_TRIGGER || !(ph->pattern->flags & PAT_NOUN))
      continue;
    size_t head = ph->n;
    for (size_t k = 0; k < ph->n; k++) {
      if ((ph->is_star && ph->is_star[k]) || (ph->wclass && ph->wclass[k]))
        break;
      if (k > 0 && (sckg_lexicon_word(s, ph->ltoks[k]) & W_PREP))
        break;
      head = k;
    }
    if (head == ph->n)
      continue;
    word_entry(s, ph->ltoks[head])->heads |= (uint32_t)1 << ph->pattern->type;
  }
}

sckg_wclass sckg_lexicon_word(const sckg_schema *s, const char *tok) {
  const lex_word *w = sckg_lexicon_entry(s, tok);
  return w ? w->cls : 0;
}

phrase **sckg_lexicon_phrases(const sckg_schema *s, const char *tok,
                              size_t *n) {
  const lex_word *w = sckg_lexicon_entry(s, tok);
  *n = w ? w->n_phrases : 0;
  return w && w->n_phrases ? w->phrases : NULL;
}

static int phrase_cmp(const void *pa, const void *pb) {
  const phrase *a = *(phrase *const *)pa, *b = *(phrase *const *)pb;
  if (a->ltoks[0] != b->ltoks[0]) /* by text, not address: the order is the
                                     tables', wherever the strings lie */
    return strcmp(a->ltoks[0], b->ltoks[0]);
  if (a->n != b->n)
    return a->n > b->n ? -1 : 1; /* longest first */
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  return strcmp(a->text, b->text);
}

static int actor_cmp(const void *pa, const void *pb) {
  return strcmp((*(lex_actor *const *)pa)->id, (*(lex_actor *const *)pb)->id);
}

lex_actor *sckg_lexicon_actor(const sckg_schema *s, const char *id) {
  size_t lo = 0, hi = s->n_actors;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(s->actors[mid]->id, id);
    if (!c)
      return s->actors[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* Does a phrase fix its second word: has it one, and no '*' nor class
 * there? */
static bool fixes_second(const phrase *ph) {
  return ph->n >= 2 && !(ph->is_star && ph->is_star[1]) &&
         !(ph->wclass && ph->wclass[1]);
}

/* A phrase's second word when it fixes one: its interned lowered token,
 * or NULL. */
static const char *fixed_second(const phrase *ph) {
  return fixes_second(ph) ? ph->ltoks[1] : NULL;
}

void lex_sign_phrases(sckg_schema *s) {
  for (size_t i = 0; i < s->n_phrases; i++) {
    const phrase *ph = s->phrases[i];
    lex_sig sig = {0}; /* LEX_SIG_ANY past n */
    size_t key_len = 0;
    /* a fixed second word is found with its pair (lex_pair), so a
     * candidate always has it: sign from the third word on */
    for (size_t k = fixes_second(ph) ? 2 : 1; k < ph->n && sig.n < LEX_SIG_BITS;
         k++) {
      if ((ph->is_star && ph->is_star[k]) || (ph->wclass && ph->wclass[k]))
        continue;
      unsigned char bit =
          (unsigned char)sckg_lexicon_bloom_bit(s, ph->ltoks[k]);
      size_t len = strlen(ph->ltoks[k]);
      sig.bits[sig.n++] = bit;
      if (len > key_len) { /* the key first (lex_sig) */
        key_len = len;
        sig.bits[sig.n - 1] = sig.bits[0];
        sig.bits[0] = bit;
      }
    }
    s->sigs[i] = sig;
  }
}

static uint64_t schema_off(const sckg_schema *s, const char *p) {
  return (uint64_t)((uintptr_t)p - (uintptr_t)s);
}

/* The slot of the pair (first, second), keyed by distance from the
 * schema: found, or the empty one where it would go. */
static lex_pair *pair_slot(const sckg_schema *s, uint64_t first,
                           uint64_t second) {
  size_t mask = s->pairs_cap - 1;
  uint64_t h = first * 0x9E3779B97F4A7C15ull ^ second * 0xC2B2AE3D27D4EB4Full;
  size_t i = (size_t)(h ^ h >> 29) & mask;
  while (s->pairs[i].n &&
         (s->pairs[i].first != first || s->pairs[i].second != second))
    i = (i + 1) & mask;
  return &s->pairs[i];
}

/* What the first tests of the phrase at need (lex_cand_info). */
static lex_cand_info describe_cand(const sckg_schema *s, uint32_t at) {
  const phrase *ph = s->phrases[at];
  const lex_sig *sig = &s->sigs[at];
  lex_cand_info c = {ph, {0}, (unsigned char)ph->kind, (unsigned char)ph->n, 0};
  memcpy(c.sig, sig->bits + 1, sizeof c.sig);
  if (ph->star != ph->n)
    c.flags |= LEX_CAND_STAR;
  if (sig->n > LEX_SIG_TESTED)
    c.flags |= LEX_CAND_MORE;
  if (ph->fold_case && !ph->wclass && ph->star == ph->n && ph->n <= 2)
    c.flags |= LEX_CAND_SURE;
  if (ph->fold_case && ph->kind != PH_ANAPHOR && !ph->wclass &&
      ph->star == ph->n && fixes_second(ph))
    c.flags |= LEX_CAND_PAIRED;
  return c;
}

/* Is a pair's group of n phrases long enough to be keyed (lex_keyed)? */
static bool keys_group(uint32_t n) {
  return n >= LEX_KEYED_MIN && n <= LEX_KEYED_MAX;
}

/* One more group of n phrases of a pair, as build_index arranges them:
 * s->n_keyed and s->n_key_order count those to key. */
static void count_keyed(sckg_schema *s, uint32_t n) {
  if (keys_group(n)) {
    s->n_keyed++;
    s->n_key_order += n;
  }
}

/* The bucket of a phrase of a pair (lex_keyed): its third word's bit, or
 * LEX_THIRD_ANY when it has no third word to look for there. */
static unsigned third_bucket(const sckg_schema *s, const phrase *ph) {
  if (ph->n < 3 || (ph->is_star && ph->is_star[2]) ||
      (ph->wclass && ph->wclass[2]))
    return LEX_THIRD_ANY;
  return sckg_lexicon_bloom_bit(s, ph->ltoks[2]);
}

/* The group s->cands[at..at + n) by third word into x, its places sorted
 * at order: a counting sort, so that the places of one bucket keep the
 * group's order. */
static void key_group(const sckg_schema *s, uint32_t at, uint32_t n,
                      lex_keyed *x, uint16_t *order) {
  const uint32_t *list = s->cands + at;
  memset(x->from, 0, sizeof x->from);
  for (uint32_t j = 0; j < n; j++)
    x->from[third_bucket(s, s->phrases[lex_cand_at(list[j])]) + 1]++;
  for (unsigned b = 0; b <= LEX_THIRD_ANY; b++)
    x->from[b + 1] = (uint16_t)(x->from[b + 1] + x->from[b]);
  uint16_t next[LEX_THIRD_ANY + 1];
  memcpy(next, x->from, sizeof next);
  for (uint32_t j = 0; j < n; j++)
    order[next[third_bucket(s, s->phrases[lex_cand_at(list[j])])]++] =
        (uint16_t)j;
}

/* The next of s->keyed and s->key_order as lex_pair_phrases fills them. */
typedef struct {
  size_t n_keyed, order_at;
} keyed_fill;

/* The group s->cands[at..at + n) by third word, when it is long: its
 * lex_pair.keyed, 0 when it is not keyed. build_index counted the room
 * (count_keyed) from the same groups. */
static uint32_t key_group_at(sckg_schema *s, uint32_t at, uint32_t n,
                             keyed_fill *f) {
  if (!keys_group(n) || f->n_keyed == s->n_keyed ||
      f->order_at + n > s->n_key_order)
    return 0;
  lex_keyed *x = &s->keyed[f->n_keyed++];
  x->order_at = (uint32_t)f->order_at;
  key_group(s, at, n, x, s->key_order + f->order_at);
  f->order_at += n;
  return (uint32_t)f->n_keyed;
}

void lex_pair_phrases(sckg_schema *s) {
  for (size_t k = 0; k < s->n_phrases; k++) {
    uint32_t at = lex_cand_at(s->cands[k]);
    s->cands[k] = lex_cand_entry(at, s->sigs[at].bits[0]);
    s->cand_info[k] = describe_cand(s, at);
  }
  keyed_fill f = {0, 0};
  for (size_t k = 0; k < s->words_cap; k++) {
    lex_word *w = &s->words[k];
    w->second_bits = 0; /* an image's bits hang on where it lies */
    if (!w->key || !w->n_phrases)
      continue;
    uint64_t first = schema_off(s, w->key);
    uint32_t at = (uint32_t)(w->phrases - s->phrases);
    uint32_t end = at + w->n_phrases;
    for (uint32_t g = at + w->n_open; g < end;) { /* a group of one second */
      const char *second = fixed_second(s->phrases[lex_cand_at(s->cands[g])]);
      uint32_t e = g + 1;
      while (e < end &&
             fixed_second(s->phrases[lex_cand_at(s->cands[e])]) == second)
        e++;
      uint64_t off = schema_off(s, second);
      *pair_slot(s, first, off) =
          (lex_pair){first, off, g, e - g, key_group_at(s, g, e - g, &f)};
      w->second_bits |= (uint64_t)1 << (sckg_lexicon_bloom_bit(s, second) % 64);
      g = e;
    }
  }
}

bool sckg_lexicon_candidates(const sckg_schema *s, const lex_word *w,
                             const char *next, lex_cands *out) {
  if (!w || !w->n_phrases)
    return false;
  uint32_t at = (uint32_t)(w->phrases - s->phrases);
  *out = (lex_cands){s->cands + at, NULL, w->n_open, 0, 0};
  if (next && (w->second_bits >> (sckg_lexicon_bloom_bit(s, next) % 64) & 1)) {
    const lex_pair *p =
        pair_slot(s, schema_off(s, w->key), schema_off(s, next));
    if (p->n) {
      out->fixed = s->cands + p->at;
      out->n_fixed = p->n;
      out->fixed_keyed = p->keyed;
    }
  }
  return out->n_open || out->n_fixed;
}

/* A phrase with a fixed second word, while its word's run is arranged. */
typedef struct {
  const char *second;
  uint32_t at;
} fixed_cand;

static int fixed_cand_cmp(const void *pa, const void *pb) {
  const fixed_cand *a = pa, *b = pb;
  int c = strcmp(a->second, b->second); /* by text: the image's bytes must
                                           not hang on the heap's order */
  return c ? c : (a->at > b->at) - (a->at < b->at);
}

/* Arranges the run phrases[i..j) of one first word into s->cands (see
 * sckg_schema.cands), adds its groups of one second word to *n_pairs, and
 * returns how many of its phrases are open. */
static uint32_t arrange_run(sckg_schema *s, size_t i, size_t j, fixed_cand *tmp,
                            size_t *n_pairs) {
  size_t k = i, n_fixed = 0;
  for (size_t p = i; p < j; p++) {
    const char *second = fixed_second(s->phrases[p]);
    if (second)
      tmp[n_fixed++] = (fixed_cand){second, (uint32_t)p};
    else
      s->cands[k++] = lex_cand_entry((uint32_t)p, 0); /* keyed once signed */
  }
  uint32_t n_open = (uint32_t)(k - i);
  qsort(tmp, n_fixed, sizeof *tmp, fixed_cand_cmp);
  for (size_t f = 0, group = 0; f < n_fixed; f++) {
    s->cands[k++] = lex_cand_entry(tmp[f].at, 0);
    *n_pairs += f == 0 || tmp[f].second != tmp[f - 1].second;
    if (f + 1 == n_fixed || tmp[f + 1].second != tmp[f].second) {
      count_keyed(s, (uint32_t)(f + 1 - group));
      group = f + 1;
    }
  }
  return n_open;
}

/* Each word's readings, once for every sentence that holds it. */
static void tag_words(sckg_schema *s) {
  for (size_t k = 0; k < s->words_cap; k++) {
    lex_word *w = &s->words[k];
    if (!w->key)
      continue;
    size_t n = strlen(w->key);
    unsigned infl;
    w->len = (uint16_t)(n < UINT16_MAX ? n : UINT16_MAX);
    w->pos = (unsigned char)sckg_morph_readings(w->key, n, &infl);
    w->verb_infl = (unsigned char)infl;
  }
}

static void build_index(sckg_schema *s) {
  qsort(s->phrases, s->n_phrases, sizeof *s->phrases, phrase_cmp);
  size_t n = s->n_phrases ? s->n_phrases : 1;
  s->sigs = sckg_xcalloc(n, sizeof *s->sigs);
  lex_sign_phrases(s);
  s->cands = sckg_xcalloc(n, sizeof *s->cands);
  s->cand_info = sckg_xcalloc(n, sizeof *s->cand_info);
  fixed_cand *tmp = sckg_xcalloc(n, sizeof *tmp);
  size_t n_pairs = 0;
  for (size_t i = 0; i < s->n_phrases;) {
    size_t j = i;
    while (j < s->n_phrases &&
           s->phrases[j]->ltoks[0] == s->phrases[i]->ltoks[0])
      j++;
    uint32_t n_open = arrange_run(s, i, j, tmp, &n_pairs);
    lex_word *w = word_entry(s, s->phrases[i]->ltoks[0]);
    w->phrases = s->phrases + i;
    w->n_phrases = (uint32_t)(j - i);
    w->n_open = n_open;
    for (size_t k = i; k < i + n_open; k++)
      w->moves_object |= lex_moves_object(s->phrases[lex_cand_at(s->cands[k])]);
    i = j;
  }
  s->keyed = sckg_xcalloc(s->n_keyed + 1, sizeof *s->keyed);
  s->key_order = sckg_xcalloc(s->n_key_order + 1, sizeof *s->key_order);
  free(tmp);
  size_t cap = 16; /* the pair table at most half full */
  while (cap < 2 * n_pairs)
    cap *= 2;
  s->pairs_cap = cap;
  s->pairs = sckg_xcalloc(cap, sizeof *s->pairs);
  lex_pair_phrases(s);
}

static const struct {
  const char *name;
  size_t min_fields;
  line_fn fn;
  bool required;
} tables[] = {
    {"words.tsv", 2, lex_word_line,
     true}, /* first: patterns check against it */
    {"actors.tsv", 5, lex_actor_line, true},
    {"heads.tsv", 2, lex_head_line, true},
    {"anaphors.tsv", 2, lex_anaphor_line, true},
    {"titles.tsv", 1, lex_title_line, true},
    {"types.tsv", 5, lex_type_line, true},    /* before events.tsv */
    {"classes.tsv", 5, lex_class_line, true}, /* before events.tsv too */
    {"events.tsv", 5, lex_event_line, true},
    {"names.tsv", 2, lex_name_line, true},
    {"publishers.tsv", 2, lex_publisher_line, true},
    {"noise.tsv", 3, lex_noise_line, true},
};

sckg_status sckg_lexicon_load(table_getter get, void *ctx, sckg_diag_sink sink,
                              void *handle, sckg_schema **out) {
  loader L = {0};
  L.sink = sink;
  L.handle = handle;
  sckg_schema *s = L.s = sckg_xcalloc(1, sizeof *s);
  s->arena = sckg_arena_new();
  s->strings = sckg_strtab_new(s->arena);
  s->by_prep = lex_intern_lower(s->strings, "by", 2); /* the `by` slot's name */
  *out = NULL;
  for (size_t t = 0; t < sizeof tables / sizeof *tables && L.st == SCKG_OK;
       t++) {
    size_t len;
    const char *data = get(ctx, tables[t].name, &len);
    L.file = tables[t].name;
    if (!data) {
      L.line = 0;
      lex_fail(&L, "missing schema table", NULL);
      break;
    }
    lex_each_line(&L, data, len, tables[t].min_fields, tables[t].fn);
    L.line = 0;
    if (tables[t].fn ==
        lex_type_line) /* every type, before a pattern names one */
      for (int k = 0; k < SCKG_EV_COUNT && L.st == SCKG_OK; k++)
        if (!s->types[k].label)
          lex_fail(&L, "no line for event type", sckg_event_types[k].name);
  }
  if (L.st == SCKG_OK) {
    s->n_actors = L.actors.len;
    s->actors = sckg_arena_memdup(s->arena, L.actors.items,
                                  L.actors.len * sizeof(void *));
    qsort(s->actors, s->n_actors, sizeof *s->actors, actor_cmp);
    for (size_t i = 0; i < s->n_actors; i++)
      s->actors[i]->index = i;
    L.file = "actors.tsv";
    for (size_t i = 0; i + 1 < s->n_actors && L.st == SCKG_OK; i++)
      if (!strcmp(s->actors[i]->id, s->actors[i + 1]->id)) {
        L.line = s->actors[i]->line > s->actors[i + 1]->line
                     ? s->actors[i]->line
                     : s->actors[i + 1]->line; /* the second one */
        lex_fail(&L, "duplicate actor id", s->actors[i]->id);
      }
    for (size_t i = 0; i < s->n_actors && L.st == SCKG_OK; i++) {
      lex_actor *a = s->actors[i];
      L.line = a->line;
      if (a->parent_id && !(a->parent = sckg_lexicon_actor(s, a->parent_id)))
        lex_fail(&L, "unknown parent id", a->parent_id);
      for (size_t k = 0; k < a->n_related && L.st == SCKG_OK; k++) {
        const char *id = (const char *)a->related[k];
        if (!(a->related[k] = sckg_lexicon_actor(s, id)))
          lex_fail(&L, "unknown related id", id);
      }
    }
  }
  /* a title's office: its id until the actors are sorted */
  L.file = "titles.tsv";
  for (size_t i = 0; i < L.phrases.len && L.st == SCKG_OK; i++) {
    phrase *ph = L.phrases.items[i];
    if (ph->kind != PH_TITLE || !ph->actor)
      continue;
    const char *id = (const char *)ph->actor;
    if (!(ph->actor = sckg_lexicon_actor(s, id)))
      lex_fail(&L, "unknown office id", id);
  }
  if (L.st == SCKG_OK && L.phrases.len >= LEX_MAX_PHRASES)
    lex_fail(&L, "too many phrases", NULL); /* lex_cand_at */
  if (L.st == SCKG_OK) {
    s->n_phrases = L.phrases.len;
    s->phrases = sckg_arena_memdup(s->arena, L.phrases.items,
                                   L.phrases.len * sizeof(void *));
    build_index(s);
    index_event_heads(s);
    tag_words(s);
    s->word_at = sckg_xcalloc(sckg_strtab_cap(s->strings), sizeof *s->word_at);
    lex_index_word_slots(s);
    s->n_pubs = L.pub_marks.len;
    s->pub_marks = sckg_arena_memdup(s->arena, L.pub_marks.items,
                                     L.pub_marks.len * sizeof(void *));
    s->pub_names = sckg_arena_memdup(s->arena, L.pub_names.items,
                                     L.pub_names.len * sizeof(void *));
    s->n_noise = L.noise_items.len;
    s->noise = sckg_arena_alloc(s->arena, (s->n_noise ? s->n_noise : 1) *
                                              sizeof *s->noise);
    /* a counting sort by first byte keeps the table's order within one */
    for (size_t i = 0; i < s->n_noise; i++) {
      const noise_pattern *np = L.noise_items.items[i];
      s->noise_from[(unsigned char)np->pat[0] + 1]++;
    }
    for (size_t c = 1; c <= 256; c++)
      s->noise_from[c] += s->noise_from[c - 1];
    unsigned next[256];
    memcpy(next, s->noise_from, sizeof next);
    for (size_t i = 0; i < s->n_noise; i++) {
      const noise_pattern *np = L.noise_items.items[i];
      s->noise[next[(unsigned char)np->pat[0]]++] = *np;
    }
    lex_index_openers(s);
  }
  sckg_vec_free(&L.phrases);
  sckg_vec_free(&L.actors);
  sckg_vec_free(&L.pub_marks);
  sckg_vec_free(&L.pub_names);
  sckg_vec_free(&L.noise_items);
  sckg_vec_free(&L.class_names);
  sckg_vec_free(&L.class_members);
  if (L.st != SCKG_OK) {
    sckg_schema_free(s);
    return L.st;
  }
  *out = s;
  return SCKG_OK;
}

void sckg_schema_free(sckg_schema *s) {
  if (!s)
    return;
  free(s->sigs);
  free(s->cands);
  free(s->cand_info);
  free(s->keyed);
  free(s->key_order);
  free(s->pairs);
  free(s->words);
  free(s->word_at);
  sckg_strtab_free(s->strings);
  sckg_arena_free(s->arena);
  free(s);
}

/* A lexicon actor whose name or alias is exactly `label`, or NULL. */
const lex_actor *sckg_lexicon_by_name(const sckg_schema *s, const char *label,
                                      size_t len) {
  sckg_buf norm = {0};
  sckg_str form;
  const char *toks[32];
  size_t n = 0, pos = 0, nc = 0;
  phrase **c = NULL;
  token t;
  bool ok = true;
  /* a name whose word the schema lacks is no actor's: a phrase's words
   * are all in its strings, so the search ends at that word; so it does
   * at a first word that opens no phrase, or at a word past the longest
   * it opens (the first: they run longest first, phrase_cmp) */
  while (ok && sckg_token_next(label, len, &pos, &t, &norm, &form)) {
    if (n == 32 || (n && n >= c[0]->n)) {
      ok = false;
      break;
    }
    if (n == 0) { /* the index is keyed by the lowered first word */
      const char *lowered;
      sckg_strtab_find_cased(s->strings, form.ptr, form.len, &toks[0],
                             &lowered);
      if (toks[0])
        c = sckg_lexicon_phrases(s, lowered, &nc);
      ok = nc > 0;
    } else {
      toks[n] = sckg_strtab_find(s->strings, form.ptr, form.len);
      ok = toks[n] != NULL;
    }
    n++;
  }
  const lex_actor *found = NULL;
  if (ok && n) {
    /* and a common first word ("north") opens a hundred: those of n
     * words, found by halving, are the only ones to compare */
    size_t lo = 0, hi = nc;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (c[mid]->n > n)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t i = lo; i < nc && c[i]->n == n && !found; i++) {
      if (c[i]->kind != PH_ACTOR)
        continue;
      bool eq = true;
      for (size_t k = 0; k < n && eq; k++)
        eq = c[i]->toks[k] == toks[k];
      if (eq)
        found = c[i]->actor;
    }
  }
  sckg_buf_free(&norm);
  return found;
}

/* The embedded schema is loaded once and shared. */
static const char *embedded_get(void *ctx, const char *name, size_t *len) {
  (void)ctx;
  const sckg_embedded_file *f = sckg_embedded_find(sckg_embedded_schema, name);
  if (!f)
    return NULL;
  *len = f->len;
  return f->data;
}

const sckg_embedded_file *sckg_embedded_find(const sckg_embedded_file *table,
                                             const char *name) {
  for (; table->name; table++)
    if (!strcmp(table->name, name))
      return table;
  return NULL;
}

/* The embedded schema: the image compiled in (image.h), used where it lies;
 * the tables are read from text only by the tool that makes the image,
 * which has none. */
static const sckg_schema *embedded_schema;
static sckg_status embedded_status;
static once_flag embedded_once = ONCE_FLAG_INIT;

static void embedded_init(void) {
  if (sckg_schema_image_words &&
      sckg_schema_image_layout == lex_image_layout()) {
    embedded_schema = (const sckg_schema *)(const void *)sckg_schema_image;
    return;
  }
  sckg_schema *s = NULL;
  embedded_status = sckg_lexicon_load(embedded_get, NULL, NULL, NULL, &s);
  embedded_schema = s;
}

sckg_status sckg_schema_embedded(const sckg_schema **out) {
  call_once(&embedded_once, embedded_init);
  if (!embedded_schema)
    return embedded_status;
  *out = embedded_schema;
  return SCKG_OK;
}

sckg_status sckg_schema_embedded_report(sckg_diag_sink sink, void *handle) {
  sckg_schema *s = NULL;
  sckg_status st = sckg_lexicon_load(embedded_get, NULL, sink, handle, &s);
  sckg_schema_free(s);
  return st;
}

/* Reading a schema directory: each table is read whole. */
typedef struct {
  const char *dir;
  char *bufs[16];
  size_t n;
} dir_ctx;

static const char *dir_get(void *ctx, const char *name, size_t *len) {
  dir_ctx *d = ctx;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", d->dir, name);
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  sckg_buf b = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    sckg_buf_add(&b, chunk, got);
  fclose(f);
  if (!b.ptr)
    sckg_buf_add(&b, "", 0);
  if (d->n < 16)
    d->bufs[d->n++] = b.ptr;
  *len = b.len;
  return b.ptr;
}

sckg_status sckg_schema_load_dir(const char *dir, sckg_diag_sink sink,
                                 void *handle, sckg_schema **out) {
  dir_ctx d = {dir, {0}, 0};
  sckg_status st = sckg_lexicon_load(dir_get, &d, sink, handle, out);
  for (size_t i = 0; i < d.n; i++)
    free(d.bufs[i]);
  return st;
}
