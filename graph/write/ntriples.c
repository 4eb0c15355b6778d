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
  sckg_status checked = sckg_write_check_langs(g, "N-Triples");
  if (checked != SCKG_OK)
    return checked;
  out_buf *o = sckg_xmalloc(sizeof *o);
  out_init(o, sink, stream);
  sckg_graph_each_subject(g, write_subject, o);
  flush_out(o);
  bool failed = o->failed;
  free(o);
  return failed ? SCKG_ERR_WRITE : SCKG_OK;
}

sckg_status sckg_write_ntriples(const sckg_graph *g, FILE *out) {
  return sckg_write_to_file(sckg_write_ntriples_to, g, out);
}
