/* SPDX-License-Identifier: MIT */
/* The schema as an image compiled into the binary (image.h): a deep copy of
 * a loaded schema into one block, and its relocation where it lies. */
#include "lexicon/image.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* What the copy walks, field by field. A new field in one of these structs
 * changes its size: copy it in image_* below, then update the size here. */
_Static_assert(sizeof(phrase) == 112, "copy phrase's new field in image.c");
_Static_assert(sizeof(lex_actor) == 88, "copy lex_actor's new field");
_Static_assert(sizeof(lex_pattern) == 208, "copy lex_pattern's new field");
_Static_assert(sizeof(lex_word) == 64, "copy lex_word's new field");
_Static_assert(sizeof(noise_pattern) == 16, "copy noise_pattern's new field");
_Static_assert(sizeof(sckg_type_info) == 32, "copy sckg_type_info's field");
_Static_assert(sizeof(lex_pair) == 32, "copy lex_pair's new field");
_Static_assert(sizeof(lex_cand_info) == 16, "copy lex_cand_info's field");
_Static_assert(sizeof(sckg_schema) == 9432 + 32 * SCKG_EV_COUNT,
               "copy sckg_schema's new field in image.c");

/* The block being filled: a generous reservation (calloc maps it lazily),
 * the bit of each word that holds a pointer, and each source object's copy
 * so that shared objects stay shared and interned strings stay one. */
enum { IMAGE_MAX = 256 << 20 };

typedef struct {
  unsigned char *base;
  size_t used;
  uint64_t *pointers;
  sckg_pmap copies; /* source address -> its copy */
} image;

static void *image_alloc(image *m, size_t n, size_t align) {
  size_t at = (m->used + align - 1) & ~(align - 1);
  if (at + n > IMAGE_MAX) /* a schema 50 times today's: raise IMAGE_MAX */
    abort();
  m->used = at + n;
  return m->base + at; /* zeroed: calloc'd, and never handed out twice */
}

static void image_mark(image *m, const void *field) {
  size_t off = (size_t)((const unsigned char *)field - m->base);
  if (off % 8) /* every pointer field of these structs is aligned */
    abort();
  m->pointers[off / 512] |= (uint64_t)1 << (off / 8 % 64);
}

/* Store a pointer into a field of the copy and mark the word; NULL stays a
 * plain zero. */
#define IMAGE_SET(m, field, value)                                             \
  do {                                                                         \
    (field) = (value);                                                         \
    if (field)                                                                 \
      image_mark((m), &(field));                                               \
  } while (0)

static const char *image_str_n(image *m, const char *s, size_t len) {
  if (!s)
    return NULL;
  char *c = sckg_pmap_get(&m->copies, s);
  if (!c) {
    c = image_alloc(m, len + 1, 1);
    memcpy(c, s, len);
    sckg_pmap_put(&m->copies, s, c);
  }
  return c;
}

static const char *image_str(image *m, const char *s) {
  return s ? image_str_n(m, s, strlen(s)) : NULL;
}

static void *copier_alloc(void *ctx, size_t n) {
  return image_alloc(ctx, n, 16);
}
static const char *copier_str(void *ctx, const char *s, size_t len) {
  return image_str_n(ctx, s, len);
}
static void copier_pointer(void *ctx, const void *field) {
  image_mark(ctx, field);
}

/* An array of n strings. */
static const char **image_strs(image *m, const char *const *v, size_t n) {
  if (!v)
    return NULL;
  const char **c = image_alloc(m, (n ? n : 1) * sizeof *c, 16);
  for (size_t i = 0; i < n; i++)
    IMAGE_SET(m, c[i], image_str(m, v[i]));
  return c;
}

/* The copy of the object at src (size bytes) in the image, made once so
 * that a shared object stays shared: a plain copy of its bytes, whose
 * pointers the caller then sets when *fresh. */
static void *image_copy(image *m, const void *src, size_t size, bool *fresh) {
  void *c = sckg_pmap_get(&m->copies, src);
  *fresh = !c;
  if (c)
    return c;
  c = image_alloc(m, size, 16);
  sckg_pmap_put(&m->copies, src, c);
  memcpy(c, src, size);
  return c;
}

static lex_actor *image_actor(image *m, const lex_actor *a) {
  bool fresh;
  lex_actor *c = a ? image_copy(m, a, sizeof *a, &fresh) : NULL;
  if (!c || !fresh)
    return c;
  IMAGE_SET(m, c->id, image_str(m, a->id));
  IMAGE_SET(m, c->label, image_str(m, a->label));
  IMAGE_SET(m, c->qid, image_str(m, a->qid));
  IMAGE_SET(m, c->parent_id, image_str(m, a->parent_id));
  IMAGE_SET(m, c->demonym, image_str(m, a->demonym));
  IMAGE_SET(m, c->parent, image_actor(m, a->parent));
  c->related = NULL;
  if (a->related) {
    lex_actor **r =
        image_alloc(m, (a->n_related ? a->n_related : 1) * sizeof *r, 16);
    for (size_t i = 0; i < a->n_related; i++)
      IMAGE_SET(m, r[i], image_actor(m, a->related[i]));
    IMAGE_SET(m, c->related, r);
  }
  return c;
}

static const lex_pattern *image_pattern(image *m, const lex_pattern *p) {
  bool fresh;
  lex_pattern *c = p ? image_copy(m, p, sizeof *p, &fresh) : NULL;
  if (!c || !fresh)
    return c;
  for (size_t i = 0; i < MAX_SLOTS; i++) {
    IMAGE_SET(m, c->agent[i].prep, image_str(m, p->agent[i].prep));
    IMAGE_SET(m, c->target[i].prep, image_str(m, p->target[i].prep));
  }
  return c;
}

static phrase *image_phrase(image *m, const phrase *ph) {
  bool fresh;
  phrase *c = image_copy(m, ph, sizeof *ph, &fresh);
  if (!fresh)
    return c;
  IMAGE_SET(m, c->toks, image_strs(m, ph->toks, ph->n));
  IMAGE_SET(m, c->ltoks, image_strs(m, ph->ltoks, ph->n));
  c->is_star = NULL;
  if (ph->is_star) {
    bool *v = image_alloc(m, ph->n, 16);
    memcpy(v, ph->is_star, ph->n * sizeof *v);
    IMAGE_SET(m, c->is_star, v);
  }
  c->wclass = NULL;
  if (ph->wclass) {
    sckg_wclass *v = image_alloc(m, ph->n * sizeof *v, 16);
    memcpy(v, ph->wclass, ph->n * sizeof *v);
    IMAGE_SET(m, c->wclass, v);
  }
  IMAGE_SET(m, c->actor, image_actor(m, ph->actor));
  IMAGE_SET(m, c->cue, image_str(m, ph->cue));
  IMAGE_SET(m, c->pattern, image_pattern(m, ph->pattern));
  IMAGE_SET(m, c->text, image_str(m, ph->text));
  return c;
}

/* A word of the table and its key's copy. */
typedef struct {
  const char *key;
  const lex_word *src;
} word_copy;

static int word_copy_cmp(const void *a, const void *b) {
  uintptr_t x = (uintptr_t)((const word_copy *)a)->key;
  uintptr_t y = (uintptr_t)((const word_copy *)b)->key;
  return (x > y) - (x < y);
}

void lex_image_make(const sckg_schema *s, lex_image *out) {
  image m = {0};
  m.base = sckg_xcalloc(1, IMAGE_MAX);
  m.pointers = sckg_xcalloc(IMAGE_MAX / 512, sizeof *m.pointers);
  sckg_schema *d = image_alloc(&m, sizeof *d, 64); /* at offset 0 */
  *d = *s;
  d->arena = NULL; /* nothing is ever allocated in the image */
  for (int t = 0; t < SCKG_EV_COUNT; t++) {
    IMAGE_SET(&m, d->types[t].cameo, image_str(&m, s->types[t].cameo));
    IMAGE_SET(&m, d->types[t].label, image_str(&m, s->types[t].label));
    IMAGE_SET(&m, d->types[t].group, image_str(&m, s->types[t].group));
  }
  IMAGE_SET(&m, d->by_prep, image_str(&m, s->by_prep));
  sckg_copier cp = {copier_alloc, copier_str, copier_pointer, &m};
  IMAGE_SET(&m, d->strings, sckg_strtab_copy(s->strings, &cp));

  lex_actor **actors = image_alloc(&m, (s->n_actors + 1) * sizeof *actors, 16);
  for (size_t i = 0; i < s->n_actors; i++)
    IMAGE_SET(&m, actors[i], image_actor(&m, s->actors[i]));
  IMAGE_SET(&m, d->actors, actors);
  phrase **phrases = image_alloc(&m, (s->n_phrases + 1) * sizeof *phrases, 16);
  for (size_t i = 0; i < s->n_phrases; i++)
    IMAGE_SET(&m, phrases[i], image_phrase(&m, s->phrases[i]));
  IMAGE_SET(&m, d->phrases, phrases);
  uint32_t *cands = image_alloc(&m, (s->n_phrases + 1) * sizeof *cands, 16);
  memcpy(cands, s->cands, s->n_phrases * sizeof *cands);
  IMAGE_SET(&m, d->cands, cands);
  /* the signatures hang on where the words lie: made anew */
  IMAGE_SET(&m, d->sigs,
            image_alloc(&m, (s->n_phrases + 1) * sizeof *d->sigs, 16));
  lex_sign_phrases(d);

  /* The word table is filled anew, as its slots hang on where the keys lie,
   * and in the order of the keys' copies: with linear probing the order of
   * insertion places colliding keys, and the source's order is its own. The
   * keys were copied with the strings table, in its slots' order. */
  IMAGE_SET(&m, d->words, image_alloc(&m, s->words_cap * sizeof *d->words, 64));
  word_copy *order = sckg_xcalloc(s->words_used + 1, sizeof *order);
  size_t n_words = 0;
  for (size_t i = 0; i < s->words_cap; i++)
    if (s->words[i].key)
      order[n_words++] =
          (word_copy){image_str(&m, s->words[i].key), &s->words[i]};
  qsort(order, n_words, sizeof *order, word_copy_cmp);
  for (size_t i = 0; i < n_words; i++) {
    const lex_word *w = order[i].src;
    lex_word *c = lex_word_slot(d, order[i].key);
    *c = *w;
    IMAGE_SET(&m, c->key, order[i].key);
    c->phrases = NULL;
    if (w->phrases)
      IMAGE_SET(&m, c->phrases, phrases + (w->phrases - s->phrases));
  }
  free(order);
  size_t n_slots = sckg_strtab_cap(d->strings);
  IMAGE_SET(&m, d->word_at, image_alloc(&m, n_slots * sizeof *d->word_at, 64));
  lex_index_word_slots(d);
  /* the pairs' keys hang on where the words lie: made anew */
  IMAGE_SET(&m, d->pairs, image_alloc(&m, s->pairs_cap * sizeof *d->pairs, 64));
  lex_cand_info *info = image_alloc(&m, (s->n_phrases + 1) * sizeof *info, 64);
  IMAGE_SET(&m, d->cand_info, info);
  /* and the long groups of pairs by third word: the same sizes, the
   * buckets set with the keys */
  IMAGE_SET(&m, d->keyed,
            image_alloc(&m, (s->n_keyed + 1) * sizeof *d->keyed, 64));
  IMAGE_SET(&m, d->key_order,
            image_alloc(&m, (s->n_key_order + 1) * sizeof *d->key_order, 16));
  lex_pair_phrases(d);
  for (size_t k = 0; k < s->n_phrases; k++)
    image_mark(&m, &info[k].ph);

  IMAGE_SET(&m, d->pub_marks, image_strs(&m, s->pub_marks, s->n_pubs));
  IMAGE_SET(&m, d->pub_names, image_strs(&m, s->pub_names, s->n_pubs));
  noise_pattern *noise =
      image_alloc(&m, (s->n_noise ? s->n_noise : 1) * sizeof *noise, 16);
  for (size_t i = 0; i < s->n_noise; i++) {
    noise[i] = s->noise[i];
    IMAGE_SET(&m, noise[i].pat, image_str(&m, s->noise[i].pat));
  }
  IMAGE_SET(&m, d->noise, noise); /* in its order: noise_heads holds */

  /* Pointers become offsets from the start */
  size_t n = (m.used + 7) / 8;
  out->n_words = n;
  out->words = sckg_xcalloc(n ? n : 1, sizeof *out->words);
  memcpy(out->words, m.base, m.used);
  out->pointers = sckg_xcalloc((n + 63) / 64 + 1, sizeof *out->pointers);
  memcpy(out->pointers, m.pointers, (n + 63) / 64 * sizeof *out->pointers);
  uintptr_t base = (uintptr_t)m.base;
  for (size_t i = 0; i < n; i++)
    if (out->pointers[i / 64] >> (i % 64) & 1)
      out->words[i] -= base;
  sckg_pmap_free(&m.copies);
  free(m.pointers);
  free(m.base);
}

void lex_image_free(lex_image *im) {
  free(im->words);
  free(im->pointers);
  memset(im, 0, sizeof *im);
}

/* The image as C: each word an address constant, a pointer the image's own
 * address plus its offset, so that the linker, not the program, places it.
 * In an executable linked at a fixed address (sckg is) the words are final
 * in the file and a page is read only when used; in a position-independent
 * one the dynamic loader relocates them at start. */
bool lex_image_write_c(const lex_image *im, FILE *out) {
  fprintf(out, "/* Generated by schema/tools/schema_image.c from schema/: "
               "do not edit. */\n#include \"lexicon/image.h\"\n\n"
               "#define P(o) ((const char *)sckg_schema_image + (o))\n"
               "#define D(v) ((const void *)(v))\n\n"
               "_Alignas(64) const void *const sckg_schema_image[] = {\n");
  for (size_t i = 0; i < im->n_words; i++)
    fprintf(out, "%c(0x%" PRIx64 "),%s",
            im->pointers[i / 64] >> (i % 64) & 1 ? 'P' : 'D', im->words[i],
            i % 8 == 7 ? "\n" : "");
  fprintf(out, "D(0)};\nconst size_t sckg_schema_image_words = %zu;\n",
          im->n_words);
  fprintf(out, "const uint32_t sckg_schema_image_layout = %" PRIu32 ";\n",
          lex_image_layout());
  return !ferror(out);
}

const sckg_schema *lex_image_place(const uint64_t *src, size_t n_words,
                                   const uint64_t *pointers) {
  uint64_t *words = sckg_xmalloc((n_words ? n_words : 1) * sizeof *src);
  memcpy(words, src, n_words * sizeof *src);
  uint64_t base = (uint64_t)(uintptr_t)words;
  for (size_t k = 0; k < (n_words + 63) / 64; k++)
    for (uint64_t bits = pointers[k]; bits; bits &= bits - 1)
      words[k * 64 + (size_t)__builtin_ctzll(bits)] += base;
  return (const sckg_schema *)words;
}

uint32_t lex_image_layout(void) {
  const size_t sizes[] = {
      sizeof(sckg_schema),   sizeof(phrase),        sizeof(lex_sig),
      sizeof(lex_actor),     sizeof(lex_pattern),   sizeof(lex_word),
      sizeof(noise_pattern), sizeof(sckg_wclass),   sizeof(void *),
      sizeof(lex_pair),      (size_t)SCKG_EV_COUNT, (size_t)MAX_SLOTS};
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
    h = (h ^ (uint32_t)sizes[i]) * 16777619u;
  return h;
}
