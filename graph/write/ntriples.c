/* SPDX-License-Identifier: MIT */
/* N-Triples writer: a finished graph's sorted triples, one per line, in the
 * escaping of N-Triples 1.1 (https://www.w3.org/TR/n-triples/). */
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "write/common.h"
#include "write/text_out.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The object of a line and its end, piece by piece: a literal, or an IRI
 * that needs an escape. */
static void write_object(out_buf *o, const sckg_term *ob) {
  if (ob->kind == SCKG_TERM_IRI) {
    write_iri(o, ob->value);
  } else {
    write_string(o, ob->value);
    if (ob->lang) {
      put(o, "@", 1);
      puts_out(o, ob->lang);
    } else if (ob->datatype) {
      put(o, "^^", 2);
      write_iri(o, ob->datatype);
    }
  }
  put(o, " .\n", 3);
}

/* A subject's lines. Most are three IRIs the cache knows clean, whose
 * lengths are known before a byte is written: such a line goes into the
 * buffer whole, after one check for room, and the start of any other line
 * ("<s> <p> ") too. */
static sckg_status write_subject(void *ctx, const sckg_triple *t, size_t n) {
  out_buf *o = ctx;
  if (!n)
    return o->failed ? SCKG_ERR_WRITE : SCKG_OK;
  /* the triples share their subject: the same bytes, if not one address */
  size_t s_len = iri_clean_len(o, t[0].s);
  const char *last_p = t[0].p;
  size_t p_len = iri_clean_len(o, last_p);
  for (size_t i = 0; i < n && !o->failed; i++) {
    const char *p = t[i].p;
    if (p != last_p) {
      last_p = p;
      p_len = iri_clean_len(o, p);
    }
    const sckg_term *ob = &t[i].o;
    size_t o_len =
        ob->kind == SCKG_TERM_IRI ? iri_clean_len(o, ob->value) : OUT_ESCAPED;
    bool whole_iris = o_len != OUT_ESCAPED;
    if (s_len == OUT_ESCAPED || p_len == OUT_ESCAPED ||
        !out_room(o, s_len + p_len + 6 + (whole_iris ? o_len + 6 : 0))) {
      write_iri(o, t[0].s);
      put(o, " ", 1);
      write_iri(o, p);
      put(o, " ", 1);
      write_object(o, ob);
      continue;
    }
    char *w = o->buf + o->len;
    *w = '<';
    w = copy_out(w + 1, t[0].s, s_len);
    w = copy_out(w, "> <", 3);
    w = copy_out(w, p, p_len);
    w = copy_out(w, "> ", 2);
    if (whole_iris) {
      *w = '<';
      w = copy_out(w + 1, ob->value, o_len);
      w = copy_out(w, "> .\n", 4);
      o->len = (size_t)(w - o->buf);
      continue;
    }
    o->len = (size_t)(w - o->buf);
    write_object(o, ob);
  }
  return o->failed ? SCKG_ERR_WRITE : SCKG_OK;
}

/* The graph's N-Triples through `o`, which is freed. */
static sckg_status write_through(const sckg_graph *g, out_buf *o) {
  sckg_graph_each_subject(g, write_subject, o);
  bool written = out_done(o);
  free(o);
  return written ? SCKG_OK : SCKG_ERR_WRITE;
}

sckg_status sckg_write_ntriples_to(const sckg_graph *g, sckg_byte_sink sink,
                                   void *stream) {
  if (!g || !sink || !g->finished)
    return SCKG_ERR_ARG;
  sckg_status checked = sckg_write_check_langs(g, "N-Triples");
  if (checked != SCKG_OK)
    return checked;
  return write_through(g, out_new(sink, stream));
}

sckg_status sckg_write_ntriples_buf(const sckg_graph *g, sckg_buf *out) {
  if (!g || !out || !g->finished)
    return SCKG_ERR_ARG;
  sckg_status checked = sckg_write_check_langs(g, "N-Triples");
  if (checked != SCKG_OK)
    return checked;
  return write_through(g, out_new_into(out));
}

sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out) {
  return sckg_write_to_file(sckg_write_ntriples_to, g, out);
}
