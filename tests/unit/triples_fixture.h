/* SPDX-License-Identifier: MIT */
/* Finished graphs given as a plain list of triples, for the tests of the
 * triple writers (N-Triples, RDF/XML) and of the snapshot diff that reads
 * what they wrote. Gives: `row`, one triple as a test spells it; make_graph,
 * the graph those rows make once sckg_graph_finish's work is done (triples
 * sorted with sckg_triple_cmp, in an arena; free_graph frees it); and
 * write_mem / write_file, which run a writer into memory or into a file.
 *
 * A separate header from write_fixture.h, whose graphs are actors and
 * events for the DOT and render writers: these tests never look at nodes,
 * and a graph made here has none (no schema, no base), only its triples,
 * which is all the triple writers read when the triples are there.
 *
 * The helpers fail the running cmocka test when anything goes wrong. A test
 * file including this one defines _POSIX_C_SOURCE 200809L before any
 * include, since write_mem needs open_memstream. */
#ifndef SCKG_TRIPLES_FIXTURE_H
#define SCKG_TRIPLES_FIXTURE_H

#include "model/graph_impl.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

/* One triple as the tests spell it: lit = 0 for an IRI object, whose IRI is
 * v; lang and dt are NULL where the literal has none. */
typedef struct {
  const char *s, *p;
  int lit;
  const char *v, *lang, *dt;
} row;

/* The finished graph of `n` rows (rows may be NULL when n is 0), sorted as
 * every writer expects; the strings stay the caller's. Freed with
 * free_graph. */
static inline sckg_graph *make_graph(const row *rows, size_t n) {
  sckg_graph *g = calloc(1, sizeof *g);
  assert_non_null(g);
  g->arena = sckg_arena_new();
  /* never NULL, not even without rows: a graph without a triples array
   * sends the writers to its nodes instead */
  g->triples = sckg_arena_alloc(g->arena, (n ? n : 1) * sizeof *g->triples);
  for (size_t i = 0; i < n; i++) {
    sckg_triple *t = &g->triples[i];
    t->s = rows[i].s;
    t->p = rows[i].p;
    t->o.kind = rows[i].lit ? SCKG_TERM_LITERAL : SCKG_TERM_IRI;
    t->o.value = rows[i].v;
    t->o.lang = rows[i].lang;
    t->o.datatype = rows[i].dt;
  }
  qsort(g->triples, n, sizeof *g->triples, sckg_triple_cmp);
  g->n_triples = n;
  g->finished = true;
  return g;
}

static inline void free_graph(sckg_graph *g) {
  sckg_arena_free(g->arena);
  free(g);
}

/* sckg_write_ntriples, sckg_write_rdfxml. */
typedef sckg_status (*writer_fn)(const sckg_graph *, FILE *);

/* Write g into memory with `write`; returns its status. *text is
 * NUL-terminated and heap-owned by the caller, "" when nothing was written;
 * *len gets its length unless len is NULL. */
static inline sckg_status write_mem(writer_fn write, const sckg_graph *g,
                                    char **text, size_t *len) {
  size_t ignored;
  FILE *f = open_memstream(text, len ? len : &ignored);
  assert_non_null(f);
  sckg_status st = write(g, f);
  assert_int_equal(fclose(f), 0);
  return st;
}

/* Write g into a new file at `path` with `write`, which must succeed. */
static inline void write_file(const char *path, writer_fn write,
                              const sckg_graph *g) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  assert_int_equal(write(g, f), SCKG_OK);
  assert_int_equal(fclose(f), 0);
}

#endif
