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

/* The IRI `iri`, whose clean length *n is known when it is *last (a
 * subject is written once per triple of its subject, a predicate often
 * several times in a row): copied without a second look. */
__attribute__((nonnull)) static void
write_repeated(out_buf *o, const char *iri, const char **last, size_t *n) {
  if (iri == *last && *n != OUT_ESCAPED) {
    put_clean_iri(o, iri, *n);
    return;
  }
  *last = iri;
  *n = write_iri(o, iri);
}

static sckg_status write_subject(void *ctx, const sckg_triple *t, size_t n) {
  out_buf *o = ctx;
  const char *s = NULL, *p = NULL;
  size_t s_len = OUT_ESCAPED, p_len = OUT_ESCAPED;
  for (size_t i = 0; i < n && !o->failed; i++) {
    write_repeated(o, t[i].s, &s, &s_len);
    put(o, " ", 1);
    write_repeated(o, t[i].p, &p, &p_len);
    put(o, " ", 1);
    const sckg_term *ob = &t[i].o;
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
