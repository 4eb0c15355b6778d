/* SPDX-License-Identifier: MIT */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include "base/support.h"
#include "sckg/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Atomic: the handler is set once by a program's main, and read from any
 * reader thread that runs out. */
static _Atomic(void (*)(void)) oom_handler;

void sckg_set_out_of_memory_handler(void (*fn)(void)) { oom_handler = fn; }

static void die_oom(void) {
  void (*fn)(void) = oom_handler;
  if (fn)
    fn();
  abort();
}

void *sckg_xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    die_oom();
  return p;
}

void *sckg_xcalloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    die_oom();
  return p;
}

void *sckg_xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    die_oom();
  return q;
}

void *sckg_xcalloc_aligned(size_t align, size_t size) {
  size = (size + align - 1) / align * align; /* aligned_alloc asks it */
  void *p = aligned_alloc(align, size ? size : align);
  if (!p)
    die_oom();
  memset(p, 0, size);
  return p;
}

/* Hash tables: zeroed memory, and for a big one its own mapping in huge
 * pages where the kernel has them (transparent huge pages on request): a
 * probe lands anywhere in the table, and with 4 KB pages nearly every probe
 * of a table of a million entries also misses the TLB. */
enum { HUGE_TABLE = 4 << 20 };

static void *table_alloc(size_t n, size_t size) {
  size_t bytes = n * size;
  if (bytes < HUGE_TABLE)
    return sckg_xcalloc(n, size);
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    die_oom();
#ifdef MADV_HUGEPAGE
  madvise(p, bytes, MADV_HUGEPAGE); /* advice: fine if refused */
#endif
  return p;
}

static void table_free(void *p, size_t n, size_t size) {
  if (!p)
    return;
  if (n * size < HUGE_TABLE)
    free(p);
  else
    munmap(p, n * size);
}

char *sckg_xstrndup(const char *s, size_t n) {
  char *p = sckg_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* Open addressing with linear probing; the table doubles at 50% load.
 * A slot holds the string, its length and its hash, so that a probe reads
 * one slot and compares bytes only when the hashes agree. */
typedef struct {
  const char *str; /* NULL: empty */
  uint32_t len;    /* strings longer than 4 GB are never interned */
  uint32_t hash;
} strtab_slot;

struct sckg_strtab {
  sckg_arena *arena;
  strtab_slot *slots;
  size_t cap, count;
};

enum { STRTAB_CAP = 256 }; /* an article's tables hold a few hundred strings */

/* Empty a table for more of the same use: zeroed where it lies when no
 * bigger than this (cheaper than a fresh zeroed block), else freed, so
 * that the table one huge input grew is not zeroed for every small one
 * after it. Whether it was kept. */
enum { KEEP_TABLE = 16 * 1024 };
static bool table_clear(void *p, size_t n, size_t size) {
  if (n * size > KEEP_TABLE) {
    table_free(p, n, size);
    return false;
  }
  if (n)
    memset(p, 0, n * size);
  return true;
}

sckg_strtab *sckg_strtab_new(sckg_arena *arena) {
  sckg_strtab *t = sckg_xcalloc(1, sizeof *t);
  t->arena = arena;
  t->cap = STRTAB_CAP;
  t->slots = table_alloc(t->cap, sizeof *t->slots);
  return t;
}

void sckg_strtab_clear(sckg_strtab *t) {
  if (!table_clear(t->slots, t->cap, sizeof *t->slots)) {
    t->cap = STRTAB_CAP;
    t->slots = table_alloc(t->cap, sizeof *t->slots);
  }
  t->count = 0;
}

void sckg_strtab_free(sckg_strtab *t) {
  if (!t)
    return;
  table_free(t->slots, t->cap, sizeof *t->slots);
  free(t);
}

/* The table's own hash, eight bytes at a time (FNV-1a goes byte by byte
 * and must stay as it is: IRIs are made with it). Internal: nothing
 * depends on its values but the slots, and the order of the strings in
 * the schema image (image.c), which copies them slot by slot. */
static const uint64_t hash_k = 0x9E3779B97F4A7C15ull;

static uint64_t hash_step(uint64_t h, uint64_t w) {
  h = (h ^ w) * hash_k;
  return h ^ (h >> 29);
}

static uint32_t hash_end(uint64_t h, uint64_t tail) {
  h = (h ^ tail) * hash_k;
  return (uint32_t)(h ^ (h >> 32));
}

/* A high bit in each byte of w that is an ASCII capital, computed on all
 * eight bytes at once: for a byte below 0x80, adding 0x80 - 'A' sets its
 * high bit when it is 'A' or above, adding 0x80 - 'Z' - 1 when it is
 * above 'Z'; the sums stay inside their byte. */
static uint64_t capitals(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull, low7 = 0x7F * ones;
  uint64_t x = w & low7;
  uint64_t ge_a = x + (0x80 - 'A') * ones, gt_z = x + (0x80 - 'Z' - 1) * ones;
  return ge_a & ~gt_z & ~w & 0x80 * ones;
}

/* w with its ASCII capitals lowercased (0x80 >> 2 is 'a' - 'A'). */
static uint64_t lower_word(uint64_t w) { return w | capitals(w) >> 2; }

static uint64_t table_hash(const char *s, size_t len) {
  uint64_t h = len * hash_k;
  size_t i = 0;
  for (; i + 8 <= len; i += 8)
    h = hash_step(h, sckg_load64(s + i));
  return hash_end(h, sckg_tail_word(s + i, len - i));
}

uint32_t sckg_str_hash(const char *s, size_t len) {
  return (uint32_t)table_hash(s, len);
}

/* Are a[0, len) and b[0, len), ASCII-lowercased when `lower`, the same
 * bytes? Word by word, the last word overlapping the one before it. */
static inline bool same_bytes(const char *a, const char *b, size_t len,
                              bool lower) {
  if (len >= 8) {
    for (size_t i = 0;; i += 8) {
      size_t at = i + 8 <= len ? i : len - 8;
      uint64_t wb = sckg_load64(b + at);
      if (sckg_load64(a + at) != (lower ? lower_word(wb) : wb))
        return false;
      if (at + 8 == len)
        return true;
    }
  }
  if (len >= 4) {
    uint64_t b0 = sckg_load32(b), b1 = sckg_load32(b + len - 4);
    if (lower)
      b0 = lower_word(b0), b1 = lower_word(b1);
    return sckg_load32(a) == b0 && sckg_load32(a + len - 4) == b1;
  }
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)b[i];
    if ((unsigned char)a[i] != (lower && c >= 'A' && c <= 'Z' ? c + 32 : c))
      return false;
  }
  return true;
}

/* The slot of s[0, len) (ASCII-lowercased when `lower`), whose hash is
 * `hash`: found, or the empty one where it would go. */
static inline size_t probe(const sckg_strtab *t, const char *s, size_t len,
                           uint32_t hash, bool lower) {
  size_t i = hash & (t->cap - 1);
  for (;; i = (i + 1) & (t->cap - 1)) {
    const strtab_slot *x = &t->slots[i];
    if (!x->str ||
        (x->hash == hash && x->len == len && same_bytes(x->str, s, len, lower)))
      return i;
  }
}

static void grow(sckg_strtab *t) {
  strtab_slot *old = t->slots;
  size_t old_cap = t->cap;
  t->cap *= 2;
  t->slots = table_alloc(t->cap, sizeof *t->slots);
  for (size_t i = 0; i < old_cap; i++) {
    if (!old[i].str)
      continue;
    size_t j = old[i].hash & (t->cap - 1);
    while (t->slots[j].str)
      j = (j + 1) & (t->cap - 1);
    t->slots[j] = old[i];
  }
  table_free(old, old_cap, sizeof *old);
}

const char *sckg_strtab_intern(sckg_strtab *t, const char *s, size_t len) {
  if (len > UINT32_MAX) /* only names and IRIs are interned, never texts */
    return sckg_arena_strndup(t->arena, s, len);
  uint32_t hash = table_hash(s, len);
  size_t i = probe(t, s, len, hash, false);
  if (t->slots[i].str)
    return t->slots[i].str;
  const char *copy = sckg_arena_strndup(t->arena, s, len);
  t->slots[i] = (strtab_slot){copy, (uint32_t)len, hash};
  if (++t->count * 2 > t->cap)
    grow(t);
  return copy;
}

const char *sckg_strtab_find(const sckg_strtab *t, const char *s, size_t len) {
  if (len > UINT32_MAX)
    return NULL;
  return t->slots[probe(t, s, len, table_hash(s, len), false)].str;
}

static inline size_t find_cased(const sckg_strtab *t, const char *s, size_t len,
                                const char **written, const char **lowered) {
  /* table_hash of both forms, in one pass; a string longer than a slot's
   * length can hold meets no slot of its length */
  uint64_t h = len * hash_k, hl = h, caps = 0;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w = sckg_load64(s + i), c = capitals(w);
    caps |= c;
    h = hash_step(h, w);
    hl = hash_step(hl, w | c >> 2);
  }
  uint64_t w = sckg_tail_word(s + i, len - i), c = capitals(w);
  size_t at = probe(t, s, len, hash_end(h, w), false);
  *written = t->slots[at].str;
  if (caps | c)
    at = probe(t, s, len, hash_end(hl, w | c >> 2), true);
  *lowered = t->slots[at].str;
  return at;
}

/* find_cased of eight bytes or more, out of line: the short strings of
 * most calls then need no saved registers. */
__attribute__((noinline)) static size_t
find_cased_long(const sckg_strtab *t, const char *s, size_t len,
                const char **written, const char **lowered) {
  return find_cased(t, s, len, written, lowered);
}

size_t sckg_strtab_find_cased(const sckg_strtab *t, const char *s, size_t len,
                              const char **written, const char **lowered) {
  if (len >= 8)
    return find_cased_long(t, s, len, written, lowered);
  return find_cased(t, s, len, written, lowered);
}

size_t sckg_strtab_cap(const sckg_strtab *t) { return t->cap; }

size_t sckg_strtab_slot(const sckg_strtab *t, const char *s, size_t len) {
  return probe(t, s, len, table_hash(s, len), false);
}

sckg_strtab *sckg_strtab_copy(const sckg_strtab *t, const sckg_copier *c) {
  sckg_strtab *d = c->alloc(c->ctx, sizeof *d);
  d->cap = t->cap;
  d->count = t->count;
  d->slots = c->alloc(c->ctx, t->cap * sizeof *d->slots);
  c->pointer(c->ctx, &d->slots);
  for (size_t i = 0; i < t->cap; i++) /* same hashes: the same slots */
    if (t->slots[i].str) {
      d->slots[i] = t->slots[i];
      d->slots[i].str = c->str(c->ctx, t->slots[i].str, t->slots[i].len);
      c->pointer(c->ctx, &d->slots[i].str);
    }
  return d;
}

void sckg_vec_push(sckg_vec *v, void *item) {
  if (v->len == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 2; /* most hold one or two */
    v->items = sckg_xrealloc(v->items, v->cap * sizeof *v->items);
  }
  v->items[v->len++] = item;
}

void sckg_vec_reserve(sckg_vec *v, size_t extra) {
  size_t need = v->len + extra;
  if (need <= v->cap)
    return;
  size_t cap = v->cap * 2; /* still doubling when reserved a bit at a time */
  v->cap = cap > need ? cap : need;
  v->items = sckg_xrealloc(v->items, v->cap * sizeof *v->items);
}

static bool vec_holds(const sckg_vec *v, const void *item) {
  for (size_t i = 0; i < v->len; i++)
    if (v->items[i] == item)
      return true;
  return false;
}

bool sckg_vec_push_unique(sckg_vec *v, void *item) {
  if (vec_holds(v, item))
    return false;
  sckg_vec_push(v, item);
  return true;
}

void sckg_vec_push_in(sckg_arena *arena, sckg_vec *v, void *item) {
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 2; /* most hold one or two */
    void **items = sckg_arena_alloc_dirty(arena, cap * sizeof *items);
    if (v->len)
      memcpy(items, v->items, v->len * sizeof *items);
    v->items = items;
    v->cap = cap;
  }
  v->items[v->len++] = item;
}

bool sckg_vec_push_unique_in(sckg_arena *arena, sckg_vec *v, void *item) {
  if (vec_holds(v, item))
    return false;
  sckg_vec_push_in(arena, v, item);
  return true;
}

void sckg_vec_free(sckg_vec *v) {
  free(v->items);
  v->items = NULL;
  v->len = v->cap = 0;
}

void sckg_buf_reserve(sckg_buf *b, size_t extra) {
  /* no buffer grows so large; and so the sizes below cannot wrap */
  if (extra > SIZE_MAX / 2 - b->len)
    die_oom();
  if (b->len + extra + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1)
    cap *= 2;
  b->ptr = sckg_xrealloc(b->ptr, cap);
  b->cap = cap;
  b->ptr[b->len] = '\0';
}

void sckg_buf_add(sckg_buf *b, const char *s, size_t n) {
  sckg_buf_reserve(b, n);
  if (n)
    memcpy(b->ptr + b->len, s, n);
  b->len += n;
  b->ptr[b->len] = '\0';
}

void sckg_buf_adds(sckg_buf *b, const char *s) {
  sckg_buf_add(b, s, strlen(s));
}

/* one byte stored, not copied: a byte-wise caller inlines this, and a copy
 * of one byte would be a call to memcpy per byte */
void sckg_buf_addc(sckg_buf *b, char c) {
  sckg_buf_reserve(b, 1);
  b->ptr[b->len++] = c;
  b->ptr[b->len] = '\0';
}

void sckg_buf_printf(sckg_buf *b, const char *fmt, ...) {
  /* one pass when it fits in the room left, which is nearly always */
  sckg_buf_reserve(b, 63);
  size_t room = b->cap - b->len;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(b->ptr + b->len, room, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->ptr[b->len] = '\0';
    return;
  }
  if ((size_t)n >= room) {
    sckg_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
}

/* The eight digits of v in lower-case hex, as a word that memcpy stores
 * in their order: its nibbles spread to a byte each and all turned into
 * digits at once (a table lookup a nibble took more than the rest of an
 * event's IRI). */
static uint64_t hex32(uint32_t v) {
  uint64_t x = v;
  x = (x | x << 16) & 0x0000FFFF0000FFFFu;
  x = (x | x << 8) & 0x00FF00FF00FF00FFu;
  x = (x | x << 4) & 0x0F0F0F0F0F0F0F0Fu; /* nibble k of v in byte k */
  uint64_t letter = ((x + 0x0606060606060606u) >> 4) & 0x0101010101010101u;
  x += 0x3030303030303030u + letter * ('a' - '0' - 10);
  /* as stored, the digit of the high nibble first */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return x;
#else
  return __builtin_bswap64(x);
#endif
}

char *sckg_format_hex64(char *out, uint64_t v) {
  uint64_t hi = hex32((uint32_t)(v >> 32)), lo = hex32((uint32_t)v);
  memcpy(out, &hi, 8);
  memcpy(out + 8, &lo, 8);
  return out;
}

void sckg_buf_add_hex64(sckg_buf *b, uint64_t v) {
  char d[16];
  sckg_buf_add(b, sckg_format_hex64(d, v), sizeof d);
}

size_t sckg_format_size(char *out, size_t v) {
  char d[24];
  size_t n = 0;
  do
    d[n++] = (char)('0' + v % 10);
  while (v /= 10);
  for (size_t k = 0; k < n; k++)
    out[k] = d[n - 1 - k];
  out[n] = '\0';
  return n;
}

void sckg_buf_clear(sckg_buf *b) {
  b->len = 0;
  if (b->ptr)
    b->ptr[0] = '\0';
}

void sckg_buf_free(sckg_buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

uint64_t sckg_hash64(const void *data, size_t len) {
  const unsigned char *p = data;
  const uint64_t prime = 1099511628211ULL;
  uint64_t h = 14695981039346656037ULL;
  size_t i = 0;
  /* the same steps, eight to a round: the loop's test and branch, which
   * were as many instructions as a byte's own, taken once for eight */
  for (; len - i >= 8; i += 8)
    for (int k = 0; k < 8; k++)
      h = (h ^ p[i + k]) * prime;
  for (; i < len; i++)
    h = (h ^ p[i]) * prime;
  return h;
}

/* Text is read eight bytes at a time where only their high bits matter. */
#define HIGH_BITS 0x8080808080808080u

/* The continuation bytes (10xxxxxx) of s[0..n), n >= 16, sixteen at a
 * time: each lane of `lanes` counts those of its place, up to 255 blocks
 * before they are summed, and the last block overlaps the one before,
 * the bytes counted already masked off. */
static size_t utf8_continuations16(const char *s, size_t n) {
  /* AFTER + 16 - k: a mask that keeps the last k bytes of a block */
  static const unsigned char AFTER[32] = {
      0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
      0,    0,    0,    0,    0,    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
      0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  size_t cont = 0, i = 0;
  while (i < n) {
    sckg_bytes16 lanes = {0};
    for (size_t k = 0; k < 255 && i < n; k++, i += 16) {
      sckg_bytes16 v;
      if (n - i >= 16) {
        v = sckg_load16(s + i);
      } else {
        v = sckg_load16(s + n - 16) & sckg_load16((const char *)AFTER + n - i);
        i = n - 16; /* so that i + 16 == n */
      }
      lanes -= (sckg_bytes16)((v & 0xC0) == 0x80); /* -1 where one */
    }
    uint64_t a, b;
    memcpy(&a, &lanes, 8);
    memcpy(&b, (const char *)&lanes + 8, 8);
    const uint64_t even = 0x00FF00FF00FF00FFu; /* bytes to 16-bit lanes */
    uint64_t sum = (a & even) + (a >> 8 & even) + (b & even) + (b >> 8 & even);
    cont += (size_t)((sum * 0x0001000100010001u) >> 48);
  }
  return cont;
}

size_t sckg_utf8_count(const char *s, size_t n) {
  if (n >= 16)
    return n - utf8_continuations16(s, n);
  size_t cont = 0, i = 0; /* continuation bytes: 10xxxxxx */
  for (; n - i >= 8; i += 8) {
    uint64_t x = sckg_load64(s + i), c = x & ~(x << 1) & HIGH_BITS;
    cont += (size_t)(((c >> 7) * 0x0101010101010101u) >> 56); /* sum bytes */
  }
  for (; i < n; i++)
    cont += ((unsigned char)s[i] & 0xC0) == 0x80;
  return n - cont;
}

size_t sckg_utf8_check_run(const char *s, size_t n, size_t i, size_t stop) {
  const unsigned char *p = (const unsigned char *)s;
  while (i < stop) {
    unsigned c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k;
    unsigned cp, min;
    if ((c & 0xE0) == 0xC0) {
      k = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      k = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      k = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return i;
    }
    if (n - i <= k)
      return i;
    for (size_t j = 1; j <= k; j++) {
      if ((p[i + j] & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (p[i + j] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += k + 1;
  }
  return i;
}

size_t sckg_utf8_check(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    /* ASCII, most of a text, sixteen bytes at a time */
    while (n - i >= 16 &&
           !((sckg_load64(s + i) | sckg_load64(s + i + 8)) & HIGH_BITS))
      i += 16;
    size_t stop = n - i >= 16 ? i + 16 : n; /* then these a byte at a time */
    if ((i = sckg_utf8_check_run(s, n, i, stop)) < stop)
      return i;
  }
  return n;
}

/* A key and its value side by side: a probe reads one cache line. */
struct sckg_pmap_slot {
  const void *key; /* NULL: empty */
  void *val;
};

static size_t pmap_slot(const struct sckg_pmap_slot *slots, size_t cap,
                        const void *key) {
  size_t i =
      (size_t)(((uintptr_t)key >> 3) * 11400714819323198485ull) & (cap - 1);
  while (slots[i].key && slots[i].key != key)
    i = (i + 1) & (cap - 1);
  return i;
}

void *sckg_pmap_get(const sckg_pmap *m, const void *key) {
  if (!m->cap)
    return NULL;
  return m->slots[pmap_slot(m->slots, m->cap, key)].val;
}

void sckg_pmap_put(sckg_pmap *m, const void *key, void *val) {
  if ((m->count + 1) * 2 > m->cap) {
    struct sckg_pmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->cap = m->cap ? m->cap * 2 : 64;
    m->slots = table_alloc(m->cap, sizeof *m->slots);
    for (size_t k = 0; k < old_cap; k++)
      if (old[k].key)
        m->slots[pmap_slot(m->slots, m->cap, old[k].key)] = old[k];
    table_free(old, old_cap, sizeof *old);
  }
  size_t i = pmap_slot(m->slots, m->cap, key);
  if (!m->slots[i].key) {
    m->slots[i].key = key;
    m->count++;
  }
  m->slots[i].val = val;
}

void sckg_pmap_clear(sckg_pmap *m) {
  if (!table_clear(m->slots, m->cap, sizeof *m->slots))
    *m = (sckg_pmap){0};
  m->count = 0;
}

void sckg_pmap_free(sckg_pmap *m) {
  table_free(m->slots, m->cap, sizeof *m->slots);
  m->slots = NULL;
  m->cap = m->count = 0;
}

/* ---- Sorting ----------------------------------------------------------- */

/* Insertion sort, for the few items most sorts here have (an event's
 * agents, a graph of one article's actors): qsort's set-up and calls
 * through its comparison cost more there than the sort. Stable, as glibc's
 * qsort (a merge sort) is, so the order is the same. Inlined where the
 * element size and comparison are constants. */
static inline void sort_few(void *base, size_t n, size_t size,
                            int (*cmp)(const void *, const void *)) {
  char *a = base, tmp[32];
  for (size_t i = 1; i < n; i++) {
    memcpy(tmp, a + i * size, size);
    size_t j = i;
    for (; j > 0 && cmp(a + (j - 1) * size, tmp) > 0; j--)
      memcpy(a + j * size, a + (j - 1) * size, size);
    if (j != i)
      memcpy(a + j * size, tmp, size);
  }
}

/* Up to this many items sort_few beats qsort. */
enum { SORT_FEW = 16 };

void sckg_sort(void *base, size_t n, size_t size,
               int (*cmp)(const void *, const void *)) {
  if (n > SORT_FEW || size > 32)
    qsort(base, n, size, cmp);
  else
    sort_few(base, n, size, cmp);
}

/* ---- Sorting by strings ---------------------------------------------- */

typedef struct {
  uint64_t head;    /* 8 bytes after the common prefix, big-endian */
  const char *tail; /* what follows them, or NULL when the string ended */
  void *item;
} sort_key;

static int cmp_sort_key(const void *pa, const void *pb) {
  const sort_key *a = pa, *b = pb;
  if (a->head != b->head)
    return a->head < b->head ? -1 : 1;
  /* equal heads: a string that ended within them ended at the same byte
   * as the other, so the two are equal */
  if (!a->tail || !b->tail)
    return 0;
  return strcmp(a->tail, b->tail);
}

/* a[0, na) and b[0, nb), each sorted, merged into out. */
static void merge_keys(const sort_key *a, size_t na, const sort_key *b,
                       size_t nb, sort_key *out) {
  size_t i = 0, j = 0;
  while (i < na && j < nb)
    *out++ = cmp_sort_key(&b[j], &a[i]) < 0 ? b[j++] : a[i++];
  while (i < na)
    *out++ = a[i++];
  while (j < nb)
    *out++ = b[j++];
}

/* keys[0, n) sorted, with room for n more at tmp: runs of SORT_FEW by
 * insertion, then merged pairwise, with the comparison inlined (qsort
 * calls it through a pointer, and that call was most of the sort). */
static void sort_keys(sort_key *keys, sort_key *tmp, size_t n) {
  for (size_t i = 0; i < n; i += SORT_FEW)
    sort_few(keys + i, n - i < SORT_FEW ? n - i : SORT_FEW, sizeof *keys,
             cmp_sort_key);
  sort_key *from = keys, *to = tmp;
  for (size_t width = SORT_FEW; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n;
      size_t hi = mid + width < n ? mid + width : n;
      merge_keys(from + lo, mid - lo, from + mid, hi - mid, to + lo);
    }
    sort_key *t = from;
    from = to;
    to = t;
  }
  if (from != keys)
    memcpy(keys, from, n * sizeof *keys);
}

/* The first min(n, 8) bytes of s as a big-endian number, zeros after
 * them: read as a word, not a byte at a time. */
static inline uint64_t head_of(const char *s, size_t n) {
  uint64_t w = n >= 8 ? sckg_load64(s) : sckg_tail_word(s, n);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return n >= 8 ? w : __builtin_bswap64(w); /* tail_word: byte 0 lowest */
#else
  return __builtin_bswap64(w);
#endif
}

/* How many bytes the n strings `str` all start with. */
static size_t common_prefix(const sckg_str *str, size_t n) {
  const char *first = str[0].ptr;
  size_t common = str[0].len;
  for (size_t i = 1; i < n && common; i++) {
    if (i + SCKG_AHEAD < n)
      __builtin_prefetch(str[i + SCKG_AHEAD].ptr);
    const char *s = str[i].ptr;
    if (str[i].len < common)
      common = str[i].len;
    if (memcmp(s, first, common) == 0)
      continue; /* the common case: the whole prefix */
    size_t k = 0;
    while (s[k] == first[k]) /* they differ before `common` */
      k++;
    common = k;
  }
  return common;
}

void sckg_sort_by_string(void **items, size_t n,
                         sckg_str (*key_of)(const void *item)) {
  if (n < 2)
    return;
  /* keys, with room for sort_keys' second half, and the strings: on the
   * stack for the lists of a graph of one article, a few dozen items */
  enum { ON_STACK = 64 };
  sort_key few[2 * ON_STACK];
  sckg_str few_str[ON_STACK];
  sort_key *keys = n <= ON_STACK ? few : sckg_xmalloc(2 * n * sizeof *keys);
  sckg_str *str = n <= ON_STACK ? few_str : sckg_xmalloc(n * sizeof *str);
  for (size_t i = 0; i < n; i++) {
    if (i + 2 * SCKG_AHEAD < n)
      __builtin_prefetch(items[i + 2 * SCKG_AHEAD]);
    str[i] = key_of(items[i]);
  }
  size_t common = common_prefix(str, n);
  for (size_t i = 0; i < n; i++) {
    if (i + SCKG_AHEAD < n)
      __builtin_prefetch(str[i + SCKG_AHEAD].ptr + common);
    const char *s = str[i].ptr + common;
    size_t rest = str[i].len - common;
    keys[i].head = head_of(s, rest);
    keys[i].tail = rest >= 8 ? s + 8 : NULL;
    keys[i].item = items[i];
  }
  sort_keys(keys, keys + n, n);
  for (size_t i = 0; i < n; i++)
    items[i] = keys[i].item;
  if (keys != few) {
    free(keys);
    free(str);
  }
}

bool sckg_label_better(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  return la != lb ? la > lb : strcmp(a, b) < 0;
}

/* A slug: lowercase ASCII letters and digits, other runs become one '-',
 * non-ASCII bytes are percent-encoded so any name gives a valid IRI. Long
 * names are cut and get a hash of the whole, so they stay distinct. Written
 * straight into `limit` bytes the caller reserved: a slug is made per name
 * read, and a call per byte cost more than the rest of it. */
static size_t slugify_limited(char *out, const char *s, size_t n, size_t limit,
                              bool *cut) {
  static const char hex[] = "0123456789ABCDEF";
  size_t len = 0;
  bool dash = false;
  *cut = false;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    /* one character at a time, whole UTF-8 sequences, so that a cut never
     * splits one */
    size_t clen = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (clen > n - i)
      clen = n - i;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!keep) {
      dash = true;
      i++;
      continue;
    }
    size_t need = (dash && len > 0) + (c >= 0x80 ? 3 * clen : 1);
    if (len + need > limit) {
      *cut = true;
      break;
    }
    if (dash && len > 0)
      out[len++] = '-';
    dash = false;
    if (c >= 0x80) {
      for (size_t k = 0; k < clen; k++) {
        unsigned char b = (unsigned char)s[i + k];
        out[len++] = '%';
        out[len++] = hex[b >> 4];
        out[len++] = hex[b & 15];
      }
    } else {
      out[len++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    i += clen;
  }
  return len;
}

/* A slug: lowercase ASCII letters and digits, other runs become one '-',
 * non-ASCII characters are percent-encoded so any name gives a valid IRI.
 * Long names are cut at a character boundary and get a hash of the whole,
 * so they stay distinct. */
void sckg_slugify(sckg_buf *out, const char *s, size_t n) {
  enum { LONGEST = 64, CUT = 48 }; /* a cut slug's hash takes the rest */
  sckg_buf_reserve(out, LONGEST);
  bool cut;
  size_t len = slugify_limited(out->ptr + out->len, s, n, LONGEST, &cut);
  if (cut) {
    out->len += slugify_limited(out->ptr + out->len, s, n, CUT, &cut);
    out->ptr[out->len] = '\0';
    sckg_buf_printf(out, "-%08llx",
                    (unsigned long long)(sckg_hash64(s, n) >> 32));
  } else if (len == 0) {
    sckg_buf_adds(out, "x");
  } else {
    out->len += len;
    out->ptr[out->len] = '\0';
  }
}
