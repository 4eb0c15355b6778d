/* SPDX-License-Identifier: MIT */
/* Support: allocation, an arena, interned strings, growable arrays and
 * byte buffers. Out of memory aborts, after the handler of
 * sckg_set_out_of_memory_handler. */
#ifndef SCKG_SUPPORT_H
#define SCKG_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *sckg_xmalloc(size_t n);
void *sckg_xcalloc(size_t n, size_t size);
void *sckg_xrealloc(void *p, size_t n);
/* Zeroed memory aligned to `align` (a power of two), freed with free(). */
void *sckg_xcalloc_aligned(size_t align, size_t size);
char *sckg_xstrndup(const char *s, size_t n);

/* An arena: allocations live until sckg_arena_free. Chunks are never moved,
 * so pointers into the arena stay valid. */
typedef struct sckg_arena sckg_arena;
sckg_arena *sckg_arena_new(void);
void sckg_arena_free(sckg_arena *a);
/* A point in an arena's life to go back to (sckg_arena_rewind): what was
 * allocated before it is kept, what came after is dropped, and the memory
 * of its first chunk is used again rather than freed and allocated anew. */
typedef struct {
  void *head, *big; /* the arena's lists of chunks then */
  size_t used;      /* of its head then */
} sckg_arena_mark;
sckg_arena_mark sckg_arena_here(const sckg_arena *a);
void sckg_arena_rewind(sckg_arena *a, sckg_arena_mark m);
void *sckg_arena_alloc(sckg_arena *a, size_t n); /* zeroed, 16-aligned */
/* As sckg_arena_alloc, not zeroed: for memory the caller writes before it
 * reads it. */
void *sckg_arena_alloc_dirty(sckg_arena *a, size_t n);
char *sckg_arena_strndup(sckg_arena *a, const char *s, size_t n);
/* Copy n pointers into the arena. */
void *sckg_arena_memdup(sckg_arena *a, const void *p, size_t n);

/* Interned strings: one canonical NUL-terminated copy per distinct byte
 * string, owned by the arena, so equal strings compare equal by pointer. */
/* A read-only slice of bytes, not necessarily NUL-terminated. */
typedef struct {
  const char *ptr;
  size_t len;
} sckg_str;

typedef struct sckg_strtab sckg_strtab;
sckg_strtab *sckg_strtab_new(sckg_arena *arena);
void sckg_strtab_free(sckg_strtab *t);
/* Empty t for strings to come: it forgets every string (their copies stay
 * in its arena, to go with it or a rewind of it), keeping its memory. */
void sckg_strtab_clear(sckg_strtab *t);
const char *sckg_strtab_intern(sckg_strtab *t, const char *s, size_t len);
/* Look up without inserting; NULL when absent. */
const char *sckg_strtab_find(const sckg_strtab *t, const char *s, size_t len);
/* Look up s[0, len) as written (*written) and ASCII-lowercased (*lowered),
 * hashing both forms in one pass over it; without a capital in it the two
 * are one look-up. NULL for a form that is absent. Returns the slot of the
 * lowered form (sckg_strtab_slot), so that a table of one's own indexed by
 * slot is read without a look-up of its own. */
size_t sckg_strtab_find_cased(const sckg_strtab *t, const char *s, size_t len,
                              const char **written, const char **lowered);
/* Unaligned loads of 8 and 4 bytes, in the machine's order. */
static inline uint64_t sckg_load64(const char *s) {
  uint64_t w;
  memcpy(&w, s, 8);
  return w;
}

static inline uint32_t sckg_load32(const char *s) {
  uint32_t w;
  memcpy(&w, s, 4);
  return w;
}

/* Four bytes with byte 0 lowest, whatever the machine's order. */
static inline uint32_t sckg_load32_le(const char *s) {
  uint32_t w = sckg_load32(s);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  w = __builtin_bswap32(w); /* byte 0 lowest on every machine */
#endif
  return w;
}

/* Sixteen bytes at a time, for the scans that read a whole text: GCC's
 * and Clang's vector extension, so that no instruction set is named. A
 * comparison of two sckg_bytes16 gives each byte 0 or -1, an sckg_mask16. */
typedef unsigned char sckg_bytes16 __attribute__((vector_size(16)));
typedef signed char sckg_mask16 __attribute__((vector_size(16)));

static inline sckg_bytes16 sckg_load16(const char *s) {
  sckg_bytes16 v;
  memcpy(&v, s, sizeof v);
  return v;
}

/* Is any byte of m set? */
static inline bool sckg_any16(sckg_mask16 m) {
  uint64_t a, b;
  memcpy(&a, &m, 8);
  memcpy(&b, (const char *)&m + 8, 8);
  return (a | b) != 0;
}

/* The bytes an IRIREF excludes, sixteen at a time: <= 0x20, '"', '<' and
 * '>' (0x3C|2), backslash and '^' (0x5C|2), '`', and '{' '|' '}'
 * (0x7B..0x7D). The writers escape them; slugs may not hold them. */
static inline sckg_mask16 sckg_iriref_forbidden16(sckg_bytes16 v) {
  sckg_bytes16 two = v | 2;
  return (sckg_mask16)((v <= 0x20) | (v == '"') | (two == '>') | (two == '^') |
                       (v == '`') | ((sckg_bytes16)(v - '{') <= 2));
}

/* SCKG_CLEAN_PREFIX(name, special16, special) defines
 * size_t name(const char *s, size_t len): the bytes of s[0..len) before
 * the first one that `special` (a test of one byte) marks, len when none
 * does. special16 is the same test on sixteen bytes at a time, which does
 * most of the work: 16-byte blocks, the last one overlapping the one before
 * so that nothing past the string is read, and the one-byte test for what
 * is left and for the block that holds the marked byte. The writers scan
 * every IRI and literal this way for the bytes their syntax escapes. */
#define SCKG_CLEAN_PREFIX(name, special16, special)                            \
  static inline size_t name(const char *s, size_t len) {                       \
    size_t i = 0;                                                              \
    if (len >= 16) {                                                           \
      while (i + 16 <= len && !sckg_any16(special16(sckg_load16(s + i))))      \
        i += 16;                                                               \
      if (i + 16 > len) {                                                      \
        if (i == len || !sckg_any16(special16(sckg_load16(s + len - 16))))     \
          return len;                                                          \
      }                                                                        \
    }                                                                          \
    while (i < len && !special((unsigned char)s[i]))                           \
      i++;                                                                     \
    return i;                                                                  \
  }

/* The last n < 8 bytes of a string, s[0, n), as the low bytes of a word
 * (on a little-endian machine the same as copying them into a zeroed
 * word), read with at most three loads that stay inside them: a call to
 * memcpy of a variable length cost more than the rest of a hash. */
static inline uint64_t sckg_tail_word(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 4)
    return sckg_load32_le(s) | (uint64_t)sckg_load32_le(s + n - 4)
                                   << (8 * (n - 4));
  if (n == 0)
    return 0;
  return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
         (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* The hash of a key of sckg_short_key, whose high bits are the best: for
 * a key made another way as well (token.h). */
static inline uint64_t sckg_short_key_hash(const uint64_t key[2], size_t len) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  return (key[0] ^ (key[1] + len) * k) * k;
}

/* A string of 1 to 16 bytes, s[0, len), as the key of a memo of short
 * strings: its bytes zero-padded in key[0] and key[1], read without going
 * past its end. Returns the key's hash (sckg_short_key_hash). */
static inline uint64_t sckg_short_key(const char *s, size_t len,
                                      uint64_t key[2]) {
  key[0] = len >= 8 ? sckg_load64(s) : sckg_tail_word(s, len);
  key[1] = len <= 8    ? 0
           : len == 16 ? sckg_load64(s + 8)
                       : sckg_tail_word(s + 8, len - 8);
  return sckg_short_key_hash(key, len);
}

/* The slots of t, numbered below sckg_strtab_cap(t): a string keeps its
 * slot until t grows, and a copy (sckg_strtab_copy) keeps them all. The
 * slot of s[0, len) is its own, or the empty one where it would go. */
size_t sckg_strtab_cap(const sckg_strtab *t);
size_t sckg_strtab_slot(const sckg_strtab *t, const char *s, size_t len);

/* What a deep copy into a block of one's own needs (lexicon/image.c): an
 * allocator (zeroed, 16-aligned), the copy of a string, and a note that a
 * field of the copy now holds a pointer. */
typedef struct {
  void *(*alloc)(void *ctx, size_t n);
  const char *(*str)(void *ctx, const char *s, size_t len);
  void (*pointer)(void *ctx, const void *field);
  void *ctx;
} sckg_copier;
/* A copy of t made with c, its strings c's copies. It has no arena: it may
 * be searched, never interned into, and it is never freed. */
sckg_strtab *sckg_strtab_copy(const sckg_strtab *t, const sckg_copier *c);

/* A growable array of pointers (heap-owned; free with sckg_vec_free). */
typedef struct {
  void **items;
  size_t len, cap;
} sckg_vec;
void sckg_vec_push(sckg_vec *v, void *item);
/* Room for `extra` more pushes: one allocation where the count is known,
 * not one per doubling from two. */
void sckg_vec_reserve(sckg_vec *v, size_t extra);
void sckg_vec_free(sckg_vec *v);
/* Push unless the pointer is already there (linear: for short vectors). */
bool sckg_vec_push_unique(sckg_vec *v, void *item);
/* The same for a vector whose items live in `arena`: grown by a copy there,
 * never freed on its own (no sckg_vec_free). For the many small sets that
 * live as long as an arena, which the heap would allocate and free one by
 * one. */
void sckg_vec_push_in(sckg_arena *arena, sckg_vec *v, void *item);
bool sckg_vec_push_unique_in(sckg_arena *arena, sckg_vec *v, void *item);

/* A map from pointers (interned strings, nodes) to pointers, open
 * addressing; iteration order is not defined, so never emit from it. */
typedef struct {
  struct sckg_pmap_slot *slots;
  size_t cap, count;
} sckg_pmap;
void *sckg_pmap_get(const sckg_pmap *m, const void *key);
void sckg_pmap_put(sckg_pmap *m, const void *key, void *val);
void sckg_pmap_free(sckg_pmap *m);
/* Empty m, keeping its memory for the keys to come (as a new map, unless
 * it had grown large). */
void sckg_pmap_clear(sckg_pmap *m);

/* A growable byte buffer, always NUL-terminated after sckg_buf_* calls. */
typedef struct {
  char *ptr;
  size_t len, cap;
} sckg_buf;
void sckg_buf_add(sckg_buf *b, const char *s, size_t n);
void sckg_buf_adds(sckg_buf *b, const char *s);
void sckg_buf_addc(sckg_buf *b, char c);
void sckg_buf_printf(sckg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends v as 16 lowercase hex digits, as "%016llx" writes it: the
 * IRIs' hashes, without a format to parse. */
void sckg_buf_add_hex64(sckg_buf *b, uint64_t v);
/* The same 16 digits at out (no NUL); returns out. */
char *sckg_format_hex64(char *out, uint64_t v);
/* Writes v in decimal, as "%zu" does, NUL-terminated, into out (room for
 * 21 bytes); returns the digits' count, so that the caller, which makes
 * IRIs and literals of them, need not measure them again. */
size_t sckg_format_size(char *out, size_t v);
void sckg_buf_clear(sckg_buf *b);
/* Make room for `extra` more bytes and the NUL after them (b->cap - b->len
 * - 1 >= extra), for a writer that fills b->ptr + b->len itself and then
 * moves b->len on (and puts the NUL after it). */
void sckg_buf_reserve(sckg_buf *b, size_t extra);
void sckg_buf_free(sckg_buf *b);

/* qsort, the same order: an insertion sort when the items are few, as
 * they most often are. */
void sckg_sort(void *base, size_t n, size_t size,
               int (*cmp)(const void *, const void *));

/* Sort n items by a string of each, key_of(item) (NUL-terminated, its
 * length given: the IRIs of nodes know theirs), in strcmp order (equal
 * strings in no particular order). Faster than qsort with strcmp on long
 * strings with a common prefix, such as IRIs: the first eight bytes after
 * the prefix all of them share are compared as one integer, the rest only
 * when those agree. */
void sckg_sort_by_string(void **items, size_t n,
                         sckg_str (*key_of)(const void *item));

/* The string tables' hash of s[0, len), eight bytes at a time: for a
 * table of one's own keyed by strings. Not fixed: no output may depend
 * on its values. */
uint32_t sckg_str_hash(const char *s, size_t len);

/* FNV-1a, 64 bits: a fixed hash for content-derived IRIs. */
uint64_t sckg_hash64(const void *data, size_t len);

/* UTF-8: number of code points in s[0..n) (n assumed valid UTF-8). */
size_t sckg_utf8_count(const char *s, size_t n);
/* Offset of the first invalid UTF-8 sequence, or n when all valid. Rejects
 * overlong forms, surrogates and code points past U+10FFFF. */
size_t sckg_utf8_check(const char *s, size_t n);
/* The part of sckg_utf8_check for the sequences of s[0..n) that start in
 * s[i..stop): where the first invalid one starts (below stop), or where
 * the last ends (stop, or past it when one crosses it). */
size_t sckg_utf8_check_run(const char *s, size_t n, size_t i, size_t stop);

/* How many items ahead a walk over a big list of nodes prefetches: the
 * nodes lie all over the heap, and without it each one is a wait on
 * memory, longer the bigger the graph. */
enum { SCKG_AHEAD = 8 };

/* A slug of a name, for an IRI: lowercase ASCII letters and digits, other
 * runs one '-', non-ASCII percent-encoded; a long name is cut and gets a
 * hash of the whole, so that it stays distinct. Appended to `out`. */
void sckg_slugify(sckg_buf *out, const char *s, size_t n);
/* Of two labels of one actor read from the text, is `a` the one to keep
 * over `b`: the longer (the full name), of equal lengths the smaller in
 * byte order, so that the choice does not depend on the order met. */
bool sckg_label_better(const char *a, const char *b);

#endif
