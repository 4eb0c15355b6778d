/* SPDX-License-Identifier: MIT */
/* The output buffer and the term forms that the N-Triples and Turtle
 * writers share: an IRI in <...> and a literal's string in "...", escaped
 * as N-Triples 1.1 and Turtle 1.1 both read them. Header-only (static
 * inline): these run for every term of every triple, and each writer's
 * loop gets them inlined. */
#ifndef SCKG_WRITE_TEXT_OUT_H
#define SCKG_WRITE_TEXT_OUT_H

#include "sckg/write.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <string.h>

/* Output goes through one fixed buffer handed to the sink when full: a
 * graph has tens of thousands of short fields, and a call per field (stdio's
 * locking and format parsing, or a caller's function) would cost more than
 * the escaping itself. `failed` latches the first short write so later
 * calls are no-ops. */
enum { OUT_SIZE = 64 * 1024, IRI_CACHE = 1024 };

typedef struct {
  sckg_byte_sink sink; /* where full buffers go */
  void *stream;
  size_t len;
  bool failed;
  /* IRIs known to need no escape, with their length, by address: the
   * graph's strings are interned and each IRI is written many times (a
   * subject once per triple, the predicates all the time) */
  struct {
    const char *iri;
    size_t len;
  } safe[IRI_CACHE];
  char buf[OUT_SIZE];
} out_buf;

static inline void flush_out(out_buf *o) {
  if (o->len && !o->failed && o->sink(o->buf, o->len, o->stream) != o->len)
    o->failed = true;
  o->len = 0;
}

static inline void put(out_buf *o, const char *s, size_t n) {
  if (OUT_SIZE - o->len >= n) { /* the common case: it fits */
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    return;
  }
  while (n) {
    if (o->len == OUT_SIZE)
      flush_out(o);
    size_t room = OUT_SIZE - o->len, k = n < room ? n : room;
    memcpy(o->buf + o->len, s, k);
    o->len += k;
    s += k;
    n -= k;
  }
}

static inline void puts_out(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* \u00XX for a byte below 0x80: N-Triples' UCHAR, upper-case hex as the
 * canonical form asks. */
static inline void put_uchar(out_buf *o, unsigned char c) {
  static const char hex[] = "0123456789ABCDEF";
  char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
  put(o, u, sizeof u);
}

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

/* The graph mints only valid IRIs, so the scan finds nothing and the IRI
 * is copied whole; if one slips in, UCHAR keeps the line parsable instead
 * of ending the IRI early (percent-encoding would name another IRI). */
static inline void write_iri(out_buf *o, const char *iri) {
  const unsigned char *p = (const unsigned char *)iri;
  size_t slot = ((uintptr_t)iri >> 3) % IRI_CACHE, n = 0;
  if (o->safe[slot].iri == iri) {
    n = o->safe[slot].len;
  } else {
    while (p[n] && !iri_forbidden[p[n]])
      n++;
    if (!p[n]) {
      o->safe[slot].iri = iri;
      o->safe[slot].len = n;
    }
  }
  if (!p[n] && OUT_SIZE - o->len >= n + 2) {
    o->buf[o->len] = '<';
    memcpy(o->buf + o->len + 1, iri, n);
    o->buf[o->len + 1 + n] = '>';
    o->len += n + 2;
    return;
  }
  put(o, "<", 1);
  const char *run = iri;
  for (p += n; *p; p++) {
    if (!iri_forbidden[*p])
      continue;
    put(o, run, (size_t)((const char *)p - run));
    put_uchar(o, *p);
    run = (const char *)p + 1;
  }
  puts_out(o, run);
  put(o, ">", 1);
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

/* STRING_LITERAL_QUOTE: " \ LF CR as ECHAR (the only ones canonical
 * N-Triples escapes that way), every other C0 control and DEL as UCHAR so
 * the file holds no raw control bytes; UTF-8 above ASCII is copied as is. */
static inline void write_string(out_buf *o, const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  const char *run = s;
  put(o, "\"", 1);
  for (;; p++) {
    while (!lit_special[*p]) /* NUL is special: the scan stops there */
      p++;
    unsigned char c = *p;
    if (!c)
      break;
    put(o, run, (size_t)((const char *)p - run));
    if (c == '"')
      put(o, "\\\"", 2);
    else if (c == '\\')
      put(o, "\\\\", 2);
    else if (c == '\n')
      put(o, "\\n", 2);
    else if (c == '\r')
      put(o, "\\r", 2);
    else
      put_uchar(o, c);
    run = (const char *)p + 1;
  }
  put(o, run, (size_t)((const char *)p - run));
  put(o, "\"", 1);
}

/* Set up `o` (not zeroed past its header: the buffer needs no zeroing). */
static inline void out_init(out_buf *o, sckg_byte_sink sink, void *stream) {
  memset(o, 0, offsetof(out_buf, buf));
  o->sink = sink;
  o->stream = stream;
}

#endif
