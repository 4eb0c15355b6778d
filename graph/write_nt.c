/* SPDX-License-Identifier: MIT */
/* N-Triples writer: a finished graph's sorted triples, one per line, in the
 * escaping of N-Triples 1.1 (https://www.w3.org/TR/n-triples/). */
#include "graph_impl.h"
#include "sckg/write.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Output goes through one fixed buffer handed to fwrite when full: a
 * graph has tens of thousands of short fields, and stdio's per-call locking
 * and format parsing would cost more than the escaping itself. `failed`
 * latches the first fwrite error so later calls are no-ops. */
enum { OUT_SIZE = 64 * 1024 };

typedef struct {
  FILE *file;
  size_t len;
  bool failed;
  char buf[OUT_SIZE];
} out_buf;

static void flush_out(out_buf *o) {
  if (o->len && !o->failed && fwrite(o->buf, 1, o->len, o->file) != o->len)
    o->failed = true;
  o->len = 0;
}

static void put(out_buf *o, const char *s, size_t n) {
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

/* IRIREF excludes #x00-#x20 and <>"{}|^`\ (all ASCII). The graph should
 * never hold such an IRI; if one slips in, UCHAR keeps the line parsable
 * instead of ending the IRI early. Percent-encoding would name another IRI. */
static bool iri_forbidden(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
         c == '}' || c == '|' || c == '^' || c == '`' || c == '\\';
}

static void write_iri(out_buf *o, const char *iri) {
  const char *run = iri;
  put(o, "<", 1);
  for (const char *p = iri; *p; p++) {
    if (!iri_forbidden((unsigned char)*p))
      continue;
    put(o, run, (size_t)(p - run));
    put_uchar(o, (unsigned char)*p);
    run = p + 1;
  }
  puts_out(o, run);
  put(o, ">", 1);
}

/* STRING_LITERAL_QUOTE: " \ LF CR as ECHAR (the only ones canonical
 * N-Triples escapes that way), every other C0 control and DEL as UCHAR so
 * the file holds no raw control bytes; UTF-8 above ASCII is copied as is. */
static void write_string(out_buf *o, const char *s) {
  const char *run = s;
  put(o, "\"", 1);
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char)*p;
    const char *esc;
    switch (c) {
    case '"':
      esc = "\\\"";
      break;
    case '\\':
      esc = "\\\\";
      break;
    case '\n':
      esc = "\\n";
      break;
    case '\r':
      esc = "\\r";
      break;
    default:
      if (c >= 0x20 && c != 0x7F)
        continue;
      esc = NULL;
    }
    put(o, run, (size_t)(p - run));
    if (esc)
      put(o, esc, 2);
    else
      put_uchar(o, c);
    run = p + 1;
  }
  puts_out(o, run);
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

sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out) {
  if (!g || !out || !g->finished)
    return SCKG_ERR_ARG;
  /* Validate before the first byte so a refused graph leaves no half file. */
  for (size_t i = 0; i < g->n_triples; i++) {
    const sckg_term *obj = &g->triples[i].o;
    if (obj->kind == SCKG_TERM_LITERAL && obj->lang &&
        !sckg_lang_valid(obj->lang))
      return SCKG_ERR_INPUT;
  }
  out_buf *o = sckg_xmalloc(sizeof *o);
  o->file = out;
  o->len = 0;
  o->failed = false;
  for (size_t i = 0; i < g->n_triples && !o->failed; i++)
    write_triple(o, &g->triples[i]);
  flush_out(o);
  bool failed = o->failed;
  free(o);
  if (failed || fflush(out) != 0 || ferror(out))
    return SCKG_ERR_WRITE;
  return SCKG_OK;
}
