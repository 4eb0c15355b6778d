/* SPDX-License-Identifier: MIT */
/* N-Triples writer: a finished graph's sorted triples, one per line, in the
 * escaping of N-Triples 1.1 (https://www.w3.org/TR/n-triples/). */
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "write/common.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

static void flush_out(out_buf *o) {
  if (o->len && !o->failed && o->sink(o->buf, o->len, o->stream) != o->len)
    o->failed = true;
  o->len = 0;
}

static void put(out_buf *o, const char *s, size_t n) {
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

static void puts_out(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* \u00XX for a byte below 0x80: N-Triples' UCHAR, upper-case hex as the
 * canonical form asks. */
static void put_uchar(out_buf *o, unsigned char c) {
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
static void write_iri(out_buf *o, const char *iri) {
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
static void write_string(out_buf *o, const char *s) {
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

static void write_triple(out_buf *o, const sckg_triple *t) {
  write_iri(o, t->s);
  put(o, " ", 1);
  write_iri(o, t->p);
  put(o, " ", 1);
  if (t->o.kind == SCKG_TERM_IRI) {
    write_iri(o, t->o.value);
  } else {
    write_string(o, t->o.value);
    if (t->o.lang) {
      put(o, "@", 1);
      puts_out(o, t->o.lang);
    } else if (t->o.datatype) {
      put(o, "^^", 2);
      write_iri(o, t->o.datatype);
    }
  }
  put(o, " .\n", 3);
}

static sckg_status check_subject(void *ctx, const sckg_triple *t, size_t n) {
  const sckg_graph *g = ctx;
  for (size_t i = 0; i < n; i++)
    if (t[i].o.kind == SCKG_TERM_LITERAL && t[i].o.lang &&
        !sckg_lang_valid(t[i].o.lang)) {
      char msg[512];
      snprintf(msg, sizeof msg,
               "cannot write N-Triples: a literal of <%.200s> has the "
               "language tag '%.40s', which is not well-formed",
               t[i].s, t[i].o.lang);
      sckg_graph_report(g, SCKG_ERR_INPUT, NULL, 0, 0, msg);
      return SCKG_ERR_INPUT;
    }
  return SCKG_OK;
}

static sckg_status write_subject(void *ctx, const sckg_triple *t, size_t n) {
  out_buf *o = ctx;
  for (size_t i = 0; i < n && !o->failed; i++)
    write_triple(o, &t[i]);
  return o->failed ? SCKG_ERR_WRITE : SCKG_OK;
}

sckg_status sckg_write_ntriples_to(const sckg_graph *g, sckg_byte_sink sink,
                                   void *stream) {
  if (!g || !sink || !g->finished)
    return SCKG_ERR_ARG;
  /* Validate before the first byte so a refused graph leaves no half file:
   * triples given by hand, that is; those made from the nodes tag their
   * literals with "en" alone. */
  if (g->triples) {
    sckg_status st = sckg_graph_each_subject(g, check_subject, (void *)g);
    if (st != SCKG_OK)
      return st;
  }
  out_buf *o = sckg_xmalloc(sizeof *o); /* the buffer needs no zeroing */
  memset(o, 0, offsetof(out_buf, buf));
  o->sink = sink;
  o->stream = stream;
  sckg_graph_each_subject(g, write_subject, o);
  flush_out(o);
  bool failed = o->failed;
  free(o);
  return failed ? SCKG_ERR_WRITE : SCKG_OK;
}

sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out) {
  if (!out)
    return SCKG_ERR_ARG;
  return sckg_write_file_done(sckg_write_ntriples_to(g, sckg_file_sink, out),
                              out);
}
