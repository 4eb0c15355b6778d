/* SPDX-License-Identifier: MIT */
/* Support: the arena, interned strings, vectors, buffers, the pointer map,
 * the fixed hash and the UTF-8 checks every other module builds on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>

#include "base/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A byte that depends on where it is, so that overlapping allocations or a
 * moved chunk show up as a wrong byte. */
static unsigned char pattern(size_t alloc, size_t byte) {
  return (unsigned char)((alloc * 31 + byte * 7 + 1) & 0xFF);
}

static bool all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i])
      return false;
  return true;
}

/* --- arena ------------------------------------------------------------- */

enum { N_ALLOCS = 20000 };

static void arena_allocations_stay_valid_and_zeroed(void **state) {
  (void)state;
  /* dirty the heap first, so that zeroing is the arena's doing */
  sckg_arena *dirty = sckg_arena_new();
  for (size_t i = 0; i < 64; i++)
    memset(sckg_arena_alloc(dirty, 4000), 0xAA, 4000);
  sckg_arena_free(dirty);

  sckg_arena *a = sckg_arena_new();
  unsigned char **ptrs = calloc(N_ALLOCS, sizeof *ptrs);
  size_t *sizes = calloc(N_ALLOCS, sizeof *sizes);
  size_t total = 0;
  for (size_t i = 0; i < N_ALLOCS; i++) {
    sizes[i] = 1 + (i * 37) % 700; /* ~7 MB in all: many chunks */
    ptrs[i] = sckg_arena_alloc(a, sizes[i]);
    assert_non_null(ptrs[i]);
    assert_int_equal((uintptr_t)ptrs[i] % 16, 0);
    assert_true(all_zero(ptrs[i], sizes[i]));
    for (size_t k = 0; k < sizes[i]; k++)
      ptrs[i][k] = pattern(i, k);
    total += sizes[i];
  }
  assert_true(total > 4 * 64 * 1024);
  for (size_t i = 0; i < N_ALLOCS; i++)
    for (size_t k = 0; k < sizes[i]; k++)
      if (ptrs[i][k] != pattern(i, k))
        fail_msg("allocation %zu byte %zu was overwritten", i, k);
  free(ptrs);
  free(sizes);
  sckg_arena_free(a);
}

static void arena_request_bigger_than_a_chunk(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  unsigned char *small = sckg_arena_alloc(a, 100);
  memset(small, 0x5A, 100);
  size_t big_n = 3 * 64 * 1024 + 5;
  unsigned char *big = sckg_arena_alloc(a, big_n);
  assert_non_null(big);
  assert_int_equal((uintptr_t)big % 16, 0);
  assert_true(all_zero(big, big_n));
  memset(big, 0xC3, big_n);
  /* the current chunk keeps serving small requests after the big one */
  unsigned char *after = sckg_arena_alloc(a, 100);
  assert_true(all_zero(after, 100));
  memset(after, 0x11, 100);
  unsigned char *big2 = sckg_arena_alloc(a, big_n);
  assert_true(all_zero(big2, big_n));
  for (size_t i = 0; i < 100; i++) {
    assert_int_equal(small[i], 0x5A);
    assert_int_equal(after[i], 0x11);
  }
  for (size_t i = 0; i < big_n; i++)
    if (big[i] != 0xC3)
      fail_msg("big allocation byte %zu was overwritten", i);
  /* the pointers do not overlap */
  assert_true(after + 100 <= big || after >= big + big_n);
  assert_true(big2 + big_n <= big || big2 >= big + big_n);
  sckg_arena_free(a);
}

/* A rewind drops what came after the mark, small and big, and the
 * arena serves the same memory again; what came before it stays. */
static void arena_rewind_to_a_mark(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  unsigned char *kept = sckg_arena_alloc(a, 100);
  memset(kept, 0x5A, 100);
  sckg_arena_mark m = sckg_arena_here(a);
  unsigned char *first = sckg_arena_alloc_dirty(a, 48);
  for (int round = 0; round < 3; round++) {
    /* past the first chunk, several times over, and big requests */
    for (size_t i = 0; i < 40; i++)
      memset(sckg_arena_alloc_dirty(a, 10000), 0xEE, 10000);
    memset(sckg_arena_alloc_dirty(a, 200000), 0xEE, 200000);
    sckg_arena_rewind(a, m);
    unsigned char *again = sckg_arena_alloc(a, 48);
    assert_ptr_equal(again, first); /* the same place, zeroed on request */
    assert_true(all_zero(again, 48));
    for (size_t i = 0; i < 100; i++)
      assert_int_equal(kept[i], 0x5A);
  }
  /* a mark in a later chunk, with big chunks before it */
  sckg_arena_alloc(a, 300000);
  for (size_t i = 0; i < 10; i++)
    sckg_arena_alloc(a, 10000);
  unsigned char *before = sckg_arena_alloc(a, 64);
  memset(before, 0x33, 64);
  sckg_arena_mark later = sckg_arena_here(a);
  unsigned char *next = sckg_arena_alloc(a, 64);
  for (size_t i = 0; i < 20; i++)
    sckg_arena_alloc(a, 10000);
  sckg_arena_alloc(a, 300000);
  sckg_arena_rewind(a, later);
  assert_ptr_equal(sckg_arena_alloc(a, 64), next);
  for (size_t i = 0; i < 64; i++)
    assert_int_equal(before[i], 0x33);
  sckg_arena_rewind(a, m); /* and back past that one */
  assert_ptr_equal(sckg_arena_alloc_dirty(a, 48), first);
  sckg_arena_free(a);
}

static void arena_strndup_and_memdup(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  char *s = sckg_arena_strndup(a, "hello world", 5);
  assert_string_equal(s, "hello");
  char *e = sckg_arena_strndup(a, "", 0);
  assert_string_equal(e, "");
  int src[4] = {1, 2, 3, 4};
  int *d = sckg_arena_memdup(a, src, sizeof src);
  assert_ptr_not_equal(d, src);
  assert_memory_equal(d, src, sizeof src);
  sckg_arena_free(a);
  sckg_arena_free(NULL); /* a no-op */
}

/* --- strtab ------------------------------------------------------------ */

static void strtab_same_bytes_same_pointer(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  char buf1[] = "North Korea", buf2[] = "North Korea";
  const char *p1 = sckg_strtab_intern(t, buf1, strlen(buf1));
  const char *p2 = sckg_strtab_intern(t, buf2, strlen(buf2));
  assert_ptr_equal(p1, p2);
  assert_ptr_not_equal(p1, buf1); /* a copy, owned by the arena */
  assert_string_equal(p1, "North Korea");
  /* the length decides, not the NUL */
  assert_ptr_equal(sckg_strtab_intern(t, "North Korea's", 11), p1);
  const char *diff = sckg_strtab_intern(t, "North korea", 11);
  assert_ptr_not_equal(diff, p1);
  const char *prefix = sckg_strtab_intern(t, "North", 5);
  assert_ptr_not_equal(prefix, p1);
  assert_string_equal(prefix, "North");
  const char *empty = sckg_strtab_intern(t, "", 0);
  assert_non_null(empty);
  assert_string_equal(empty, "");
  assert_ptr_equal(sckg_strtab_intern(t, "xyz", 0), empty);
  assert_ptr_equal(sckg_strtab_find(t, "North Korea", 11), p1);
  assert_ptr_equal(sckg_strtab_find(t, "", 0), empty);
  assert_null(sckg_strtab_find(t, "South Korea", 11));
  assert_null(sckg_strtab_find(t, "North Kore", 10));
  sckg_strtab_free(t);
  sckg_arena_free(a);
}

/* Strings of every length from 0 to 1500: all distinct, all NUL-terminated
 * copies with no embedded NUL. */
static void strtab_strings_of_many_lengths(void **state) {
  (void)state;
  enum { MAXLEN = 1500 };
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  char *src = malloc(MAXLEN + 1);
  for (size_t i = 0; i < MAXLEN; i++)
    src[i] = (char)('a' + i % 26);
  src[MAXLEN] = '\0';
  const char **got = calloc(MAXLEN + 1, sizeof *got);
  for (size_t n = 0; n <= MAXLEN; n++) {
    got[n] = sckg_strtab_intern(t, src, n);
    assert_int_equal(strlen(got[n]), n);
    assert_memory_equal(got[n], src, n);
  }
  for (size_t n = 0; n <= MAXLEN; n++) {
    for (size_t m = n + 1; m <= MAXLEN && m < n + 3; m++)
      assert_ptr_not_equal(got[n], got[m]);
    assert_ptr_equal(sckg_strtab_find(t, src, n), got[n]);
    assert_ptr_equal(sckg_strtab_intern(t, src, n), got[n]);
  }
  free(got);
  free(src);
  sckg_strtab_free(t);
  sckg_arena_free(a);
}

static size_t key_of(char *buf, size_t i) {
  return (size_t)snprintf(buf, 32, "key-%zu", i);
}

static void strtab_growth_keeps_pointers(void **state) {
  (void)state;
  enum { N = 150000 };
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  const char **ptrs = calloc(N, sizeof *ptrs);
  char buf[32];
  for (size_t i = 0; i < N; i++) {
    size_t n = key_of(buf, i);
    ptrs[i] = sckg_strtab_intern(t, buf, n);
    assert_string_equal(ptrs[i], buf);
  }
  for (size_t i = 0; i < N; i++) {
    size_t n = key_of(buf, i);
    if (strcmp(ptrs[i], buf) != 0)
      fail_msg("string %zu changed to '%s'", i, ptrs[i]);
    if (sckg_strtab_find(t, buf, n) != ptrs[i])
      fail_msg("find of '%s' lost its pointer", buf);
    if (sckg_strtab_intern(t, buf, n) != ptrs[i])
      fail_msg("intern of '%s' gave a new pointer", buf);
  }
  for (size_t i = N; i < N + 1000; i++) {
    size_t n = key_of(buf, i);
    assert_null(sckg_strtab_find(t, buf, n));
  }
  free(ptrs);
  sckg_strtab_free(t);
  sckg_arena_free(a);
  sckg_strtab_free(NULL); /* a no-op */
}

/* The byte by byte lowercase that sckg_strtab_find_cased must agree with. */
static void lower_ascii(char *dst, const char *src, size_t n) {
  for (size_t i = 0; i < n; i++)
    dst[i] = src[i] >= 'A' && src[i] <= 'Z' ? (char)(src[i] + 32) : src[i];
}

static void strtab_find_cased_examples(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  const char *north = sckg_strtab_intern(t, "north", 5);
  const char *North = sckg_strtab_intern(t, "North", 5);
  const char *w, *l;
  sckg_strtab_find_cased(t, "North", 5, &w, &l);
  assert_ptr_equal(w, North);
  assert_ptr_equal(l, north);
  sckg_strtab_find_cased(t, "NORTH", 5, &w, &l);
  assert_null(w);
  assert_ptr_equal(l, north);
  sckg_strtab_find_cased(t, "north", 5, &w, &l); /* one look-up for both */
  assert_ptr_equal(w, north);
  assert_ptr_equal(l, north);
  sckg_strtab_find_cased(t, "south", 5, &w, &l);
  assert_null(w);
  assert_null(l);
  /* only ASCII capitals are lowered: not the bytes around 'A'..'Z', nor
   * bytes of UTF-8 whose low seven bits are a capital ("Ä" is C3 84) */
  const char *odd = sckg_strtab_intern(t, "@[\xC3\x84\xC1Z", 6);
  const char *odd_low = sckg_strtab_intern(t, "@[\xC3\x84\xC1z", 6);
  sckg_strtab_find_cased(t, "@[\xC3\x84\xC1Z", 6, &w, &l);
  assert_ptr_equal(w, odd);
  assert_ptr_equal(l, odd_low);
  /* longer than a word of eight bytes, capitals in each part */
  const char *long_low =
      sckg_strtab_intern(t, "democratic people's republic", 28);
  sckg_strtab_find_cased(t, "Democratic People's Republic", 28, &w, &l);
  assert_null(w);
  assert_ptr_equal(l, long_low);
  sckg_strtab_free(t);
  sckg_arena_free(a);
}

/* Random strings of bytes chosen near the edges of the capitals, of every
 * length from 0 to CASED_MAXLEN, into keys and lens; some interned into t
 * as written and some lowercased. */
enum { CASED_KEYS = 4000, CASED_MAXLEN = 24 };
static void cased_keys(sckg_strtab *t, char (*keys)[CASED_MAXLEN],
                       size_t *lens) {
  static const char bytes[] = "@AZ[`az{Mm\x80\xC1\xC3\xDA\xE2\xFA-. ";
  unsigned seed = 7;
  for (size_t i = 0; i < CASED_KEYS; i++) {
    size_t n = lens[i] = i % (CASED_MAXLEN + 1);
    for (size_t k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      keys[i][k] = bytes[(seed >> 16) % (sizeof bytes - 1)];
    }
    char low[CASED_MAXLEN];
    lower_ascii(low, keys[i], n);
    if (i % 3 == 0)
      sckg_strtab_intern(t, keys[i], n);
    if (i % 2 == 0)
      sckg_strtab_intern(t, low, n);
  }
}

/* A find_cased of the keys of cased_keys always agrees with two finds, one
 * of the lowered copy. */
static void strtab_find_cased_agrees_with_find(void **state) {
  (void)state;
  enum { N = CASED_KEYS, MAXLEN = CASED_MAXLEN };
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  char(*keys)[MAXLEN] = malloc(N * sizeof *keys);
  size_t *lens = malloc(N * sizeof *lens);
  cased_keys(t, keys, lens);
  for (size_t i = 0; i < N; i++) {
    char low[MAXLEN];
    lower_ascii(low, keys[i], lens[i]);
    const char *w, *l;
    size_t at = sckg_strtab_find_cased(t, keys[i], lens[i], &w, &l);
    if (w != sckg_strtab_find(t, keys[i], lens[i]) ||
        l != sckg_strtab_find(t, low, lens[i]))
      fail_msg("find_cased of key %zu (length %zu) disagrees", i, lens[i]);
    if (at >= sckg_strtab_cap(t) || at != sckg_strtab_slot(t, low, lens[i]))
      fail_msg("find_cased of key %zu gave another slot", i);
  }
  free(keys);
  free(lens);
  sckg_strtab_free(t);
  sckg_arena_free(a);
}

/* A short key holds the string's bytes zero-padded (on a little-endian
 * machine, where the words are the bytes in order), for every length from
 * 1 to 16, reading none past its end; two strings of one key but another
 * length ("ab", "ab\0") hash apart. */
static void short_key_is_the_padded_bytes(void **state) {
  (void)state;
  char buf[16];
  for (size_t i = 0; i < sizeof buf; i++)
    buf[i] = (char)(0x41 + 13 * i);
  for (size_t len = 1; len <= 16; len++) {
    /* the string at the end of a block of its own length: a read past its
     * end would be out of bounds (and seen by a sanitizer) */
    char *s = malloc(len);
    memcpy(s, buf, len);
    uint64_t key[2], want[2] = {0, 0};
    sckg_short_key(s, len, key);
    memcpy(want, s, len);
    if (*(const unsigned char *)&(uint16_t){1}) /* little-endian */
      if (key[0] != want[0] || key[1] != want[1])
        fail_msg("the key of %zu bytes is not their padded copy", len);
    free(s);
  }
  uint64_t k2[2], k3[2];
  uint64_t h2 = sckg_short_key("ab\0", 2, k2),
           h3 = sckg_short_key("ab\0", 3, k3);
  assert_true(k2[0] == k3[0] && k2[1] == k3[1]);
  assert_true(h2 != h3);
}

/* --- vec --------------------------------------------------------------- */

/* A reservation makes room once; pushes into it do not move the items,
 * and a small reservation past a full vector still doubles it. */
static void vec_reserve(void **state) {
  (void)state;
  static int items[40];
  sckg_vec v = {0};
  sckg_vec_reserve(&v, 0);
  assert_null(v.items);
  sckg_vec_reserve(&v, 30);
  assert_int_equal(v.cap, 30);
  void **at = v.items;
  for (size_t i = 0; i < 30; i++)
    sckg_vec_push(&v, &items[i]);
  assert_ptr_equal(v.items, at);
  sckg_vec_reserve(&v, 1);
  assert_int_equal(v.cap, 60);
  sckg_vec_reserve(&v, 10);
  assert_int_equal(v.cap, 60);
  for (size_t i = 30; i < 40; i++)
    sckg_vec_push(&v, &items[i]);
  assert_int_equal(v.len, 40);
  for (size_t i = 0; i < 40; i++)
    assert_ptr_equal(v.items[i], &items[i]);
  sckg_vec_free(&v);
}

static void vec_push_and_push_unique(void **state) {
  (void)state;
  enum { N = 1000 };
  static int items[N];
  sckg_vec v = {0};
  for (size_t i = 0; i < N; i++)
    sckg_vec_push(&v, &items[i]);
  assert_int_equal(v.len, N);
  assert_true(v.cap >= v.len);
  for (size_t i = 0; i < N; i++)
    assert_ptr_equal(v.items[i], &items[i]);
  sckg_vec_free(&v);
  assert_null(v.items);
  assert_int_equal(v.len, 0);

  assert_true(sckg_vec_push_unique(&v, &items[0]));
  assert_true(sckg_vec_push_unique(&v, &items[1]));
  assert_false(sckg_vec_push_unique(&v, &items[0]));
  assert_false(sckg_vec_push_unique(&v, &items[1]));
  assert_true(sckg_vec_push_unique(&v, &items[2]));
  assert_int_equal(v.len, 3);
  assert_ptr_equal(v.items[0], &items[0]);
  assert_ptr_equal(v.items[1], &items[1]);
  assert_ptr_equal(v.items[2], &items[2]);
  /* NULL is an item like any other */
  assert_true(sckg_vec_push_unique(&v, NULL));
  assert_false(sckg_vec_push_unique(&v, NULL));
  assert_int_equal(v.len, 4);
  sckg_vec_free(&v);
}

/* A vector in an arena: its items are where the arena put them, each
 * growth a copy there, and the arena frees them (under ASan a free of
 * its own, or a copy that lost an item, would show). */
static void vec_push_in_an_arena(void **state) {
  (void)state;
  enum { N = 1000 };
  static int items[N];
  sckg_arena *a = sckg_arena_new();
  sckg_vec v = {0}, w = {0};
  for (size_t i = 0; i < N; i++) {
    sckg_vec_push_in(a, &v, &items[i]);
    sckg_vec_push_in(a, &w, &items[N - 1 - i]); /* interleaved growths */
  }
  assert_int_equal(v.len, N);
  assert_true(v.cap >= v.len);
  for (size_t i = 0; i < N; i++) {
    assert_ptr_equal(v.items[i], &items[i]);
    assert_ptr_equal(w.items[i], &items[N - 1 - i]);
  }
  sckg_vec u = {0};
  assert_true(sckg_vec_push_unique_in(a, &u, &items[0]));
  assert_true(sckg_vec_push_unique_in(a, &u, &items[1]));
  assert_false(sckg_vec_push_unique_in(a, &u, &items[0]));
  assert_true(sckg_vec_push_unique_in(a, &u, &items[2]));
  assert_false(sckg_vec_push_unique_in(a, &u, &items[2]));
  assert_int_equal(u.len, 3);
  assert_ptr_equal(u.items[2], &items[2]);
  sckg_arena_free(a);
}

/* --- buf --------------------------------------------------------------- */

static void buf_add_printf_clear(void **state) {
  (void)state;
  sckg_buf b = {0};
  sckg_buf_clear(&b); /* on an empty buffer: nothing to do, no crash */
  assert_int_equal(b.len, 0);
  sckg_buf_add(&b, "", 0);
  assert_non_null(b.ptr);
  assert_string_equal(b.ptr, "");
  sckg_buf_add(&b, "abcdef", 3);
  assert_int_equal(b.len, 3);
  assert_string_equal(b.ptr, "abc");
  sckg_buf_adds(&b, "de");
  sckg_buf_addc(&b, 'f');
  assert_string_equal(b.ptr, "abcdef");
  assert_int_equal(b.len, 6);
  sckg_buf_printf(&b, "-%d-%s-%05.1f", 42, "x", 2.5);
  assert_string_equal(b.ptr, "abcdef-42-x-002.5");
  assert_int_equal(b.len, strlen(b.ptr));
  sckg_buf_printf(&b, "%s", "");
  assert_string_equal(b.ptr, "abcdef-42-x-002.5");
  sckg_buf_clear(&b);
  assert_int_equal(b.len, 0);
  assert_string_equal(b.ptr, "");
  /* growth well past the first allocation, by add and by printf */
  char big[5000];
  memset(big, 'q', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  for (int i = 0; i < 10; i++)
    sckg_buf_printf(&b, "%s%d", big, i);
  assert_int_equal(b.len, 10 * (sizeof big - 1 + 1));
  assert_int_equal(strlen(b.ptr), b.len);
  assert_int_equal(b.ptr[sizeof big - 1], '0');
  assert_int_equal(b.ptr[b.len - 1], '9');
  assert_true(b.cap > b.len);
  sckg_buf_clear(&b);
  for (int i = 0; i < 10000; i++)
    sckg_buf_addc(&b, (char)('a' + i % 26));
  assert_int_equal(b.len, 10000);
  assert_int_equal(b.ptr[10000], '\0');
  assert_int_equal(b.ptr[9999], 'a' + 9999 % 26);
  sckg_buf_free(&b);
  assert_null(b.ptr);
  assert_int_equal(b.len, 0);
}

/* A cleared table knows no string, interns as a new one does, and
 * stays usable after growing past what it keeps. */
static void strtab_clear_forgets_all(void **state) {
  (void)state;
  sckg_arena *a = sckg_arena_new();
  sckg_strtab *t = sckg_strtab_new(a);
  char buf[32];
  for (size_t n_keys = 10; n_keys <= 5000; n_keys *= 10) {
    for (size_t i = 0; i < n_keys; i++) {
      size_t n = key_of(buf, i);
      sckg_strtab_intern(t, buf, n);
    }
    sckg_strtab_clear(t);
    for (size_t i = 0; i < n_keys; i++) {
      size_t n = key_of(buf, i);
      if (sckg_strtab_find(t, buf, n))
        fail_msg("'%s' outlived the clear", buf);
    }
    const char *p = sckg_strtab_intern(t, "again", 5);
    assert_string_equal(p, "again");
    assert_ptr_equal(sckg_strtab_intern(t, "again", 5), p);
    sckg_strtab_clear(t);
  }
  sckg_strtab_free(t);
  sckg_arena_free(a);
}

/* --- pmap -------------------------------------------------------------- */

static void pmap_clear_forgets_all(void **state) {
  (void)state;
  static char keys[5000];
  static int vals[5000];
  sckg_pmap m = {0};
  sckg_pmap_clear(&m); /* an empty map too */
  for (size_t n_keys = 10; n_keys <= 5000; n_keys *= 10) {
    for (size_t i = 0; i < n_keys; i++)
      sckg_pmap_put(&m, &keys[i], &vals[i]);
    sckg_pmap_clear(&m);
    assert_int_equal(m.count, 0);
    for (size_t i = 0; i < n_keys; i++)
      if (sckg_pmap_get(&m, &keys[i]))
        fail_msg("key %zu outlived the clear", i);
    sckg_pmap_put(&m, &keys[1], &vals[2]);
    assert_ptr_equal(sckg_pmap_get(&m, &keys[1]), &vals[2]);
    assert_int_equal(m.count, 1);
    sckg_pmap_clear(&m);
  }
  sckg_pmap_free(&m);
}

static void pmap_put_get_overwrite_grow(void **state) {
  (void)state;
  enum { N = 20000 };
  static char keys[N];
  static int vals[N], other[N];
  sckg_pmap m = {0};
  assert_null(sckg_pmap_get(&m, &keys[0]));
  sckg_pmap_put(&m, &keys[0], &vals[0]);
  assert_ptr_equal(sckg_pmap_get(&m, &keys[0]), &vals[0]);
  assert_null(sckg_pmap_get(&m, &keys[1]));
  sckg_pmap_put(&m, &keys[0], &other[0]); /* overwrite */
  assert_ptr_equal(sckg_pmap_get(&m, &keys[0]), &other[0]);
  assert_int_equal(m.count, 1);
  for (size_t i = 0; i < N; i++)
    sckg_pmap_put(&m, &keys[i], &vals[i]);
  assert_int_equal(m.count, N);
  assert_true(m.cap >= 2 * N);
  for (size_t i = 0; i < N; i++)
    if (sckg_pmap_get(&m, &keys[i]) != &vals[i])
      fail_msg("key %zu lost its value after growth", i);
  for (size_t i = 0; i < N; i += 2)
    sckg_pmap_put(&m, &keys[i], &other[i]);
  assert_int_equal(m.count, N);
  for (size_t i = 0; i < N; i++)
    assert_ptr_equal(sckg_pmap_get(&m, &keys[i]), i % 2 ? &vals[i] : &other[i]);
  assert_null(sckg_pmap_get(&m, &vals[0])); /* never put */
  sckg_pmap_free(&m);
  assert_null(sckg_pmap_get(&m, &keys[0]));
  assert_int_equal(m.count, 0);
}

/* --- hash64 ------------------------------------------------------------ */

static void hash64_is_fnv1a(void **state) {
  (void)state;
  /* the FNV-1a 64 offset basis and published test vectors */
  assert_int_equal(sckg_hash64("", 0), 0xcbf29ce484222325ULL);
  assert_int_equal(sckg_hash64("a", 1), 0xaf63dc4c8601ec8cULL);
  assert_int_equal(sckg_hash64("foobar", 6), 0x85944171f73967e8ULL);
  /* the length decides, not a NUL */
  assert_int_equal(sckg_hash64("ab", 1), 0xaf63dc4c8601ec8cULL);
  assert_int_not_equal(sckg_hash64("a\0", 2), sckg_hash64("a", 1));
}

/* --- UTF-8 ------------------------------------------------------------- */

#define CHECK(lit) sckg_utf8_check(lit, sizeof(lit) - 1)

static void utf8_check_accepts_valid(void **state) {
  (void)state;
  assert_int_equal(sckg_utf8_check("", 0), 0);
  assert_int_equal(CHECK("plain ASCII\t\n\x7F"), 14);
  assert_int_equal(CHECK("\xC3\xA9"), 2);         /* é, 2 bytes */
  assert_int_equal(CHECK("\xE2\x82\xAC"), 3);     /* €, 3 bytes */
  assert_int_equal(CHECK("\xF0\x9F\x98\x80"), 4); /* U+1F600, 4 bytes */
  assert_int_equal(CHECK("a\xC3\xA9"
                         "b\xE2\x82\xAC"
                         "c\xF0\x9F\x98\x80"
                         "d"),
                   13);
  /* the edges of each length */
  assert_int_equal(CHECK("\xC2\x80"), 2);         /* U+0080 */
  assert_int_equal(CHECK("\xDF\xBF"), 2);         /* U+07FF */
  assert_int_equal(CHECK("\xE0\xA0\x80"), 3);     /* U+0800 */
  assert_int_equal(CHECK("\xED\x9F\xBF"), 3);     /* U+D7FF */
  assert_int_equal(CHECK("\xEE\x80\x80"), 3);     /* U+E000 */
  assert_int_equal(CHECK("\xEF\xBF\xBF"), 3);     /* U+FFFF */
  assert_int_equal(CHECK("\xF0\x90\x80\x80"), 4); /* U+10000 */
  assert_int_equal(CHECK("\xF4\x8F\xBF\xBF"), 4); /* U+10FFFF */
  /* n bounds the check: a sequence cut by n is truncated */
  assert_int_equal(sckg_utf8_check("ab\xC3\xA9", 3), 2);
}

static void utf8_check_rejects_invalid(void **state) {
  (void)state;
  /* overlong forms */
  assert_int_equal(CHECK("ab\xC0\x80"), 2);
  assert_int_equal(CHECK("\xC1\xBF"), 0);
  assert_int_equal(CHECK("abc\xE0\x80\x80"), 3);
  assert_int_equal(CHECK("\xE0\x9F\xBF"), 0);
  assert_int_equal(CHECK("x\xF0\x80\x80\x80"), 1);
  assert_int_equal(CHECK("\xF0\x8F\xBF\xBF"), 0);
  /* surrogates */
  assert_int_equal(CHECK("ok \xED\xA0\x80"), 3);
  assert_int_equal(CHECK("\xED\xBF\xBF"), 0);
  /* past U+10FFFF, and bytes that never occur */
  assert_int_equal(CHECK("1234\xF4\x90\x80\x80"), 4);
  assert_int_equal(CHECK("\xF5\x80\x80\x80"), 0);
  assert_int_equal(CHECK("a\xF8\x88\x80\x80\x80"), 1);
  assert_int_equal(CHECK("ab\xFE"), 2);
  assert_int_equal(CHECK("\xFF"), 0);
  /* truncated sequences: at the end and followed by ASCII */
  assert_int_equal(CHECK("x\xC3"), 1);
  assert_int_equal(CHECK("x\xE2\x82"), 1);
  assert_int_equal(CHECK("xy\xF0\x9F\x98"), 2);
  assert_int_equal(CHECK("x\xE2\x82y"), 1);
  assert_int_equal(CHECK("\xC3 "), 0);
  assert_int_equal(CHECK("\xF0\x9F\x98z"), 0);
  /* lone continuation bytes */
  assert_int_equal(CHECK("\x80"), 0);
  assert_int_equal(CHECK("abc\xBF"), 3);
  assert_int_equal(CHECK("\xC3\xA9\xA9"), 2);
  /* the first error counts when there are several */
  assert_int_equal(CHECK("\xC3\xA9z\x80\xC0\x80"), 3);
  /* after runs of ASCII, read sixteen bytes at a time */
  assert_int_equal(CHECK("0123456789abcdef\x80"), 16);
  assert_int_equal(CHECK("0123456789abcde\xC3"), 15);
  assert_int_equal(CHECK("0123456789abcdefghij\xC3\xA9klmnopqrstu\xFF"), 33);
  assert_int_equal(CHECK("0123456\xE2\x82\xAC"
                         "0123456789abcdef\xED\xA0\x80"),
                   26);
}

/* ASCII is read in blocks: an error or a character of several bytes at
 * any offset into a block, or across two, is met where it stands. */
static void utf8_check_at_every_offset(void **state) {
  (void)state;
  char text[64];
  for (size_t at = 0; at + 4 <= sizeof text; at++) {
    memset(text, 'a', sizeof text);
    text[at] = '\x80'; /* a lone continuation byte */
    assert_int_equal(sckg_utf8_check(text, sizeof text), at);
    memcpy(text + at, "\xF0\x9F\x98\x80", 4); /* U+1F600 */
    assert_int_equal(sckg_utf8_check(text, sizeof text), sizeof text);
    assert_int_equal(sckg_utf8_check(text, at + 3), at); /* cut by n */
    text[sizeof text - 1] = '\xC3';                      /* cut at the end */
    assert_int_equal(sckg_utf8_check(text, sizeof text),
                     at + 4 == sizeof text ? at : sizeof text - 1);
  }
}

static void utf8_count_code_points(void **state) {
  (void)state;
  assert_int_equal(sckg_utf8_count("", 0), 0);
  assert_int_equal(sckg_utf8_count("abc", 3), 3);
  assert_int_equal(sckg_utf8_count("\xC3\xA9", 2), 1);
  assert_int_equal(sckg_utf8_count("\xE2\x80\x9Cq\xE2\x80\x9D", 7), 3);
  assert_int_equal(sckg_utf8_count("a\xC3\xA9"
                                   "b\xE2\x82\xAC"
                                   "c\xF0\x9F\x98\x80"
                                   "d",
                                   13),
                   7);
  assert_int_equal(sckg_utf8_count("abcdef", 2), 2);
  /* longer texts are read eight bytes at a time: sequences across the
   * eights, and a tail shorter than eight */
  assert_int_equal(sckg_utf8_count("abcdefg\xE2\x80\x9Cxyz\xC3\xA9"
                                   "0123456789\xF0\x9F\x98\x80",
                                   29),
                   23);
  assert_int_equal(sckg_utf8_count("\x80\x80\x80\x80\x80\x80\x80\x80"
                                   "\xBF",
                                   9),
                   0);
}

/* From sixteen bytes on, sixteen at a time, the last sixteen overlapping
 * the block before, and the lanes summed every 255 blocks: every length
 * up to past 255 blocks, a continuation byte at each place, against a
 * count a byte at a time. */
static void utf8_count_blocks_agree_with_bytes(void **state) {
  (void)state;
  enum { N = 16 * 260 };
  static char text[N];
  for (size_t i = 0; i < N; i++)
    text[i] = i % 3 ? (char)0x80 : (char)(i % 5 ? 'a' : 0xC3);
  for (size_t n = 0; n <= N; n += n < 64 ? 1 : 61) {
    size_t want = 0;
    for (size_t i = 0; i < n; i++)
      want += ((unsigned char)text[i] & 0xC0) != 0x80;
    assert_int_equal(sckg_utf8_count(text, n), want);
  }
  for (size_t at = 0; at < 40; at++) {
    char t[40];
    memset(t, 'x', sizeof t);
    t[at] = (char)0xBF;
    for (size_t n = 0; n <= sizeof t; n++)
      assert_int_equal(sckg_utf8_count(t, n), n - (at < n));
  }
}

/* The number writers give what printf's "%016llx" and "%zu" give. */
static void hex64_and_size_as_printf(void **state) {
  (void)state;
  const uint64_t hs[] = {0,
                         1,
                         0xabcdef,
                         0x0123456789abcdefull,
                         0xfedcba9876543210ull,
                         0x9a09a09a0f0f0f0full,
                         UINT64_MAX};
  sckg_buf b = {0};
  char want[32];
  for (size_t i = 0; i < sizeof hs / sizeof *hs; i++) {
    sckg_buf_clear(&b);
    sckg_buf_adds(&b, "x-");
    sckg_buf_add_hex64(&b, hs[i]);
    snprintf(want, sizeof want, "x-%016llx", (unsigned long long)hs[i]);
    assert_string_equal(b.ptr, want);
    assert_int_equal(b.len, 18);
  }
  sckg_buf_free(&b);
  const size_t ns[] = {0, 7, 10, 99, 100, 12345, SIZE_MAX};
  char got[24];
  for (size_t i = 0; i < sizeof ns / sizeof *ns; i++) {
    snprintf(want, sizeof want, "%zu", ns[i]);
    assert_int_equal(sckg_format_size(got, ns[i]), strlen(want));
    assert_string_equal(got, want);
  }
}

/* Aligned, zeroed, and of the size asked even when it is no multiple of
 * the alignment (aligned_alloc's own rule). */
static void xcalloc_aligned_is_aligned_and_zeroed(void **state) {
  (void)state;
  const size_t sizes[] = {1, 63, 64, 65, 4097};
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    unsigned char *p = sckg_xcalloc_aligned(64, sizes[i]);
    assert_int_equal((uintptr_t)p % 64, 0);
    for (size_t k = 0; k < sizes[i]; k++)
      assert_int_equal(p[k], 0);
    memset(p, 0xA5, sizes[i]); /* all of it is ours (ASan would say) */
    free(p);
  }
}

/* --- sorting ----------------------------------------------------------- */

/* An item sorted by its string, with its place before the sort, so that a
 * sort that is not stable or loses an item shows. */
typedef struct {
  const char *key;
  size_t was;
} sort_item;

static int item_cmp(const void *pa, const void *pb) {
  const sort_item *a = *(sort_item *const *)pa, *b = *(sort_item *const *)pb;
  return strcmp(a->key, b->key);
}

/* glibc's qsort's order, and with equal keys the input order. */
static int item_cmp_stable(const void *pa, const void *pb) {
  int c = item_cmp(pa, pb);
  const sort_item *a = *(sort_item *const *)pa, *b = *(sort_item *const *)pb;
  return c ? c : (a->was > b->was) - (a->was < b->was);
}

static sckg_str key_of_item(const void *p) {
  const char *key = ((const sort_item *)p)->key;
  return (sckg_str){key, strlen(key)};
}

/* sckg_sort and sckg_sort_by_string against a sort of the same items by
 * (key, place), for few and many items (insertion sort and qsort), keys
 * with a long common prefix, ending within the first eight bytes after
 * it, and repeated. */
static void sort_few_and_many(void **state) {
  (void)state;
  enum { MAX = 40 };
  static const char *const tails[] = {"",         "a",        "b",
                                      "ab",       "abcdefgh", "abcdefghi",
                                      "abcdefgi", "zz",       "abcdefgh-"};
  char keys[MAX][64];
  sort_item items[MAX];
  sort_item *a[MAX], *b[MAX], *want[MAX];
  unsigned seed = 7;
  for (size_t n = 0; n <= MAX; n++)
    for (int round = 0; round < 20; round++) {
      for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        snprintf(keys[i], sizeof keys[i], "https://example.org/x/%s",
                 tails[(seed >> 16) % (sizeof tails / sizeof *tails)]);
        items[i] = (sort_item){keys[i], i};
        a[i] = b[i] = want[i] = &items[i];
      }
      qsort(want, n, sizeof *want, item_cmp_stable);
      sckg_sort(a, n, sizeof *a, item_cmp);
      for (size_t i = 0; i < n; i++)
        assert_ptr_equal(a[i], want[i]);
      sckg_sort_by_string((void **)b, n, key_of_item);
      for (size_t i = 0; i < n; i++) /* equal keys in no particular order */
        assert_string_equal(b[i]->key, want[i]->key);
    }
}

/* sckg_tail_word puts byte 0 lowest on every machine, as head_of (the
 * sort's key) and the token keys expect: each length's word is the sum
 * of its bytes shifted by their places. */
static void tail_word_puts_byte_zero_lowest(void **state) {
  (void)state;
  const char *s = "\x01\x82\x03\xf4\x05\x06\x87";
  for (size_t n = 0; n < 8; n++) {
    uint64_t want = 0;
    for (size_t i = 0; i < n; i++)
      want |= (uint64_t)(unsigned char)s[i] << (8 * i);
    assert_int_equal(sckg_tail_word(s, n), want);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(xcalloc_aligned_is_aligned_and_zeroed),
      cmocka_unit_test(arena_allocations_stay_valid_and_zeroed),
      cmocka_unit_test(arena_request_bigger_than_a_chunk),
      cmocka_unit_test(arena_rewind_to_a_mark),
      cmocka_unit_test(arena_strndup_and_memdup),
      cmocka_unit_test(strtab_same_bytes_same_pointer),
      cmocka_unit_test(strtab_strings_of_many_lengths),
      cmocka_unit_test(strtab_growth_keeps_pointers),
      cmocka_unit_test(strtab_clear_forgets_all),
      cmocka_unit_test(strtab_find_cased_examples),
      cmocka_unit_test(strtab_find_cased_agrees_with_find),
      cmocka_unit_test(short_key_is_the_padded_bytes),
      cmocka_unit_test(vec_push_and_push_unique),
      cmocka_unit_test(vec_reserve),
      cmocka_unit_test(vec_push_in_an_arena),
      cmocka_unit_test(buf_add_printf_clear),
      cmocka_unit_test(hex64_and_size_as_printf),
      cmocka_unit_test(pmap_put_get_overwrite_grow),
      cmocka_unit_test(pmap_clear_forgets_all),
      cmocka_unit_test(hash64_is_fnv1a),
      cmocka_unit_test(utf8_check_accepts_valid),
      cmocka_unit_test(utf8_check_rejects_invalid),
      cmocka_unit_test(utf8_check_at_every_offset),
      cmocka_unit_test(utf8_count_code_points),
      cmocka_unit_test(utf8_count_blocks_agree_with_bytes),
      cmocka_unit_test(sort_few_and_many),
      cmocka_unit_test(tail_word_puts_byte_zero_lowest),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
