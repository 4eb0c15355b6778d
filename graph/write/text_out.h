/* SPDX-License-Identifier: MIT */
/* The output buffer and the term forms that the N-Triples and Turtle
 * writers share: an IRI in <...> and a literal's string in "...", escaped
 * as N-Triples 1.1 and Turtle 1.1 both read them. Header-only (static
 * inline): these run for every term of every triple, and each writer's
 * loop gets them inlined. */
#ifndef SCKG_WRITE_TEXT_OUT_H
#define SCKG_WRITE_TEXT_OUT_H

#include "base/support.h"
#include "sckg/write.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Output goes through one buffer handed to the sink when full: a graph has
 * tens of thousands of short fields, and a call per field (stdio's locking
 * and format parsing, or a caller's function) would cost more than the
 * escaping itself. `failed` latches the first short write so later calls
 * are no-ops. Or, with `into`, the buffer is that sckg_buf's own memory,
 * grown as it fills: the bytes are written where the caller keeps them,
 * not copied there from a buffer of the writer's. */
enum {
  OUT_SIZE = 64 * 1024,
  IRI_CACHE_BITS = 10,
  IRI_CACHE = 1 << IRI_CACHE_BITS
};

/* What write_iri returns for an IRI it had to escape: no clean length. */
#define OUT_ESCAPED SIZE_MAX

typedef struct {
  sckg_byte_sink sink; /* where full buffers go, or NULL with `into` */
  void *stream;
  sckg_buf *into;
  char *buf;  /* `own`, or into->ptr */
  size_t len; /* bytes in buf */
  size_t cap; /* bytes buf may hold (into's NUL not counted) */
  bool failed;
  /* IRIs known to need no escape, with their length, by address: the
   * graph's strings are interned and each IRI is written many times (a
   * subject once per triple, the predicates all the time): so an IRI
   * handed to write_iri must not change while `o` lives. A slot holds
   * something only when its bit in `filled` is set: out_new clears the
   * bits alone, not the slots, for every graph written, and a graph of one
   * article writes only a few hundred IRIs. */
  uint64_t filled[IRI_CACHE / 64];
  struct {
    const char *iri;
    size_t len;
  } safe[IRI_CACHE];
  char own[]; /* OUT_SIZE bytes, with a sink */
} out_buf;

/* A full buffer out: to the sink, or with `into`, kept there and room
 * made for more. */
static inline void flush_out(out_buf *o) {
  if (o->into) {
    o->into->len = o->len;
    sckg_buf_reserve(o->into, OUT_SIZE);
    o->buf = o->into->ptr;
    o->cap = o->into->cap - 1;
    return;
  }
  if (o->len && !o->failed && o->sink(o->buf, o->len, o->stream) != o->len)
    o->failed = true;
  o->len = 0;
}

static inline void put(out_buf *o, const char *s, size_t n) {
  if (o->cap - o->len >= n) { /* the common case: it fits */
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    return;
  }
  while (n) {
    if (o->len == o->cap)
      flush_out(o);
    size_t room = o->cap - o->len, k = n < room ? n : room;
    memcpy(o->buf + o->len, s, k);
    o->len += k;
    s += k;
    n -= k;
  }
}

static inline void puts_out(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* \u00XX for a byte below 0x80: N-Triples' UCHAR, upper-case hex as the
 * canonical form asks; at w, returning where it ends. */
static inline char *uchar_at(char *w, unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  memcpy(w, "\\u00", 4);
  w[4] = hex[c >> 4];
  w[5] = hex[c & 15];
  return w + 6;
}

static inline void put_uchar(out_buf *o, unsigned char c) {
  char u[6];
  put(o, u, (size_t)(uchar_at(u, c) - u));
}

/* Sixteen bytes at a time (sckg_bytes16): the text of literals and IRIs is
 * scanned for the few bytes that need an escape, and a byte at a time (a
 * table lookup, a test and a branch each) was most of the writing. */
static inline void store16(char *w, sckg_bytes16 v) { memcpy(w, &v, sizeof v); }

/* IRIREF excludes #x00-#x20 and <>"{}|^`\ (all ASCII): a table, since
 * every IRI of every triple passes through here. */
static const unsigned char iri_forbidden[256] = {
    /* 0x00-0x7F; the rest, UTF-8 bytes, are all allowed (0) */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0,
};

static inline bool iri_forbidden_byte(unsigned char c) {
  return iri_forbidden[c];
}

SCKG_CLEAN_PREFIX(iri_clean_prefix, sckg_iriref_forbidden16, iri_forbidden_byte)

/* Where an IRI's address falls in the cache: interned strings lie next to
 * each other in the arena, so the address is mixed (Fibonacci hashing) and
 * its top bits taken. */
static inline size_t iri_slot(const char *iri) {
  return (size_t)(((uint64_t)(uintptr_t)iri * 0x9E3779B97F4A7C15u) >>
                  (64 - IRI_CACHE_BITS));
}

/* `iri` between < and >, its n bytes known to need no escape. */
static inline void put_clean_iri(out_buf *o, const char *iri, size_t n) {
  if (o->cap - o->len >= n + 2) {
    o->buf[o->len] = '<';
    memcpy(o->buf + o->len + 1, iri, n);
    o->buf[o->len + 1 + n] = '>';
    o->len += n + 2;
    return;
  }
  put(o, "<", 1);
  put(o, iri, n);
  put(o, ">", 1);
}

/* `iri`, of len bytes that need no escape, into the cache at `slot`. */
static inline void keep_clean(out_buf *o, size_t slot, const char *iri,
                              size_t len) {
  o->filled[slot / 64] |= (uint64_t)1 << (slot % 64);
  o->safe[slot].iri = iri;
  o->safe[slot].len = len;
}

/* iri_clean_len for an IRI the cache does not know: scanned, and kept in
 * the cache when clean. Out of line, so that what the cache knows costs a
 * few instructions inlined where it is asked. */
static size_t scan_new_iri(out_buf *o, const char *iri, size_t slot) {
  size_t len = strlen(iri);
  if (iri_clean_prefix(iri, len) != len)
    return OUT_ESCAPED;
  keep_clean(o, slot, iri, len);
  return len;
}

/* The length of `iri` when it needs no escape, else OUT_ESCAPED. */
static inline size_t iri_clean_len(out_buf *o, const char *iri) {
  size_t slot = iri_slot(iri);
  if (!(o->filled[slot / 64] >> (slot % 64) & 1) || o->safe[slot].iri != iri)
    return scan_new_iri(o, iri, slot);
  return o->safe[slot].len;
}

/* IRIs known to need no escape, kept in the cache from the start: the
 * static ones of the walk, which every graph writes, are then not measured
 * again for each (in a stream, a graph per article). They must outlive `o`,
 * as every IRI the cache holds. */
static inline void out_know_clean(out_buf *o, const sckg_str *iris, size_t n) {
  for (size_t i = 0; i < n; i++) {
    assert(iri_clean_prefix(iris[i].ptr, iris[i].len) == iris[i].len &&
           strlen(iris[i].ptr) == iris[i].len);
    keep_clean(o, iri_slot(iris[i].ptr), iris[i].ptr, iris[i].len);
  }
}

/* `iri` between < and >, the bytes IRIREF forbids as UCHAR. */
static void put_escaped_iri(out_buf *o, const char *iri) {
  size_t len = strlen(iri), n = iri_clean_prefix(iri, len);
  put(o, "<", 1);
  for (;;) {
    put(o, iri, n);
    if (n == len)
      break;
    put_uchar(o, (unsigned char)iri[n]);
    iri += n + 1;
    len -= n + 1;
    n = iri_clean_prefix(iri, len);
  }
  put(o, ">", 1);
}

/* The graph mints only valid IRIs, so the scan finds nothing and the IRI
 * is copied whole; if one slips in, UCHAR keeps the line parsable instead
 * of ending the IRI early (percent-encoding would name another IRI). */
static inline void write_iri(out_buf *o, const char *iri) {
  size_t n = iri_clean_len(o, iri);
  if (n == OUT_ESCAPED)
    put_escaped_iri(o, iri);
  else
    put_clean_iri(o, iri, n);
}

/* Whether there is room for n more bytes at o->buf + o->len, made by a
 * flush when need be, for a writer that puts a whole line there at once
 * and then moves o->len on; false when the buffer cannot hold n bytes,
 * which must then go through put. */
static inline bool out_room(out_buf *o, size_t n) {
  if (o->cap - o->len < n)
    flush_out(o);
  return o->cap - o->len >= n;
}

/* n bytes copied to w; returns where they end. A term of 16 to 64 bytes
 * (most IRIs: a line holds three) is copied inline, as two or four 16-byte
 * blocks that overlap where n is not a multiple of 16: a call to memcpy
 * for each, through the PLT and its choice among sizes, took longer than
 * the copy. */
static inline char *copy_out(char *w, const char *s, size_t n) {
  if (n - 16 > 48) {
    memcpy(w, s, n);
    return w + n;
  }
  if (n > 32) {
    store16(w + 16, sckg_load16(s + 16));
    store16(w + n - 32, sckg_load16(s + n - 32));
  }
  store16(w, sckg_load16(s));
  store16(w + n - 16, sckg_load16(s + n - 16));
  return w + n;
}

/* Bytes a literal cannot hold as they are: " \ and the C0 controls and
 * DEL; NUL too, which ends the string. */
static const unsigned char lit_special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
};

/* lit_special, sixteen at a time. */
static inline sckg_mask16 lit_special16(sckg_bytes16 v) {
  return (sckg_mask16)((v < 0x20) | (v == '"') | (v == '\\') | (v == 0x7F));
}

static inline bool lit_special_byte(unsigned char c) { return lit_special[c]; }

SCKG_CLEAN_PREFIX(lit_clean_prefix, lit_special16, lit_special_byte)

/* The escape of a byte lit_special marks, after its backslash: the letter
 * of its ECHAR, or 0 for UCHAR. */
static const char lit_echar[256] = {
    ['"'] = '"', ['\\'] = '\\', ['\n'] = 'n', ['\r'] = 'r'};

/* The escape of c, a byte lit_special marks, at w; returns where it ends. */
static inline char *escape_at(char *w, unsigned char c) {
  if (!lit_echar[c])
    return uchar_at(w, c);
  w[0] = '\\';
  w[1] = lit_echar[c];
  return w + 2;
}

/* STRING_LITERAL_QUOTE: " \ LF CR as ECHAR (the only ones canonical
 * N-Triples escapes that way), every other C0 control and DEL as UCHAR so
 * the file holds no raw control bytes; UTF-8 above ASCII is copied as is.
 * The len bytes of s, of which the first n need no escape (a writer that
 * measured them already does not measure them again). Written in place
 * when the buffer has room for the longest it can come to (six bytes for
 * each): an article's text has an escape every hundred bytes or so, and
 * two calls to put for each cost more than the bytes between them. Room
 * is made only in memory (`into`): a sink is not handed a buffer early. */
static inline void put_string(out_buf *o, const char *s, size_t len, size_t n) {
  size_t most = 6 * len + 2;
  if (o->into && o->cap - o->len < most)
    flush_out(o);
  if (o->cap - o->len >= most) {
    char *w = o->buf + o->len;
    *w++ = '"';
    for (;;) {
      w = copy_out(w, s, n);
      if (n == len)
        break;
      w = escape_at(w, (unsigned char)s[n]);
      s += n + 1;
      len -= n + 1;
      n = lit_clean_prefix(s, len);
    }
    *w++ = '"';
    o->len = (size_t)(w - o->buf);
    return;
  }
  put(o, "\"", 1);
  for (;;) {
    put(o, s, n);
    if (n == len)
      break;
    char e[6];
    put(o, e, (size_t)(escape_at(e, (unsigned char)s[n]) - e));
    s += n + 1;
    len -= n + 1;
    n = lit_clean_prefix(s, len);
  }
  put(o, "\"", 1);
}

static inline void write_string(out_buf *o, const char *s) {
  size_t len = strlen(s);
  put_string(o, s, len, lit_clean_prefix(s, len));
}

/* An out_buf that hands its bytes to `sink` OUT_SIZE at a time; free it
 * after out_done. The header is zeroed; the cache's slots and the buffer
 * need no zeroing. */
static inline out_buf *out_new(sckg_byte_sink sink, void *stream) {
  out_buf *o = sckg_xmalloc(sizeof *o + OUT_SIZE);
  memset(o, 0, offsetof(out_buf, safe));
  o->sink = sink;
  o->stream = stream;
  o->buf = o->own;
  o->cap = OUT_SIZE;
  return o;
}

/* `o` set up to append to `b`, in b's own memory. `o` may live on the
 * stack (it holds no buffer of its own): a stream writes a graph per
 * article into memory, and a heap block of this size for each cost a
 * malloc and free that walk the heap's bins. */
static inline void out_init_into(out_buf *o, sckg_buf *b) {
  memset(o, 0, offsetof(out_buf, safe));
  o->into = b;
  sckg_buf_reserve(b, OUT_SIZE);
  o->buf = b->ptr;
  o->len = b->len;
  o->cap = b->cap - 1;
}

/* The last bytes out: to the sink, or with `into`, ended there by the NUL
 * an sckg_buf keeps. Returns whether everything was written. */
static inline bool out_done(out_buf *o) {
  if (o->into) {
    o->into->len = o->len;
    o->buf[o->len] = '\0';
  } else {
    flush_out(o);
  }
  return !o->failed;
}

#endif
