/* SPDX-License-Identifier: MIT */
/* What the two halves of `sckg diff` share: the state of one call, and a
 * snapshot read into a triple set. Private to diff/. */
#ifndef SCKG_DIFF_SNAPSHOT_H
#define SCKG_DIFF_SNAPSHOT_H

#include "model/graph_impl.h"
#include "sckg/diff.h"

/* State of one sckg_diff_files call. Both snapshots intern their IRIs and
 * language tags into one string table, so an IRI of the old graph and the
 * same IRI of the new one are the same pointer, and the vocabulary below
 * can be compared by pointer. */
typedef struct {
  sckg_arena *arena;
  sckg_strtab *strings;
  sckg_diag_sink sink;
  void *handle;
  const char *path; /* the file being read, for diagnostics */
  const char *rdf_type, *rdfs_label, *owl_same_as, *xsd_string;
  const char *sckg_event, *sckg_actor, *event_type, *agent, *target, *date,
      *negated, *derived_from, *identifier;
} ctx;

/* A snapshot: triples on the heap, sorted and distinct once read. */
typedef struct {
  sckg_triple *t;
  size_t n, cap;
} tset;

/* Set up / free the state of one call: its arena, string table, sink and
 * interned vocabulary. */
void snap_init(ctx *c, sckg_diag_sink sink, void *handle);
void snap_free(ctx *c);
/* Append a triple to `ts` as it is (its strings the caller's). */
void snap_push(tset *ts, sckg_triple t);
/* The triples of subject s with predicate p in the sorted `ts` (both
 * interned): *n of them from the result. */
const sckg_triple *snap_objects(const tset *ts, const char *s, const char *p,
                                size_t *n);
/* Sort `ts` and drop repeated triples. */
void snap_sort_unique(tset *ts);
/* Read the snapshot at `path` (N-Triples, Turtle or RDF/XML, told apart by its
 * first bytes) into `ts`, sorted and distinct; problems go to the sink. Appends
 * to what `ts` holds already (several snapshots into one set). */
sckg_status snap_load(ctx *c, const char *path, tset *ts);
/* `s` interned in the call's string table / copied into its arena. */
const char *snap_interns(ctx *c, const char *s);
const char *snap_copys(ctx *c, const char *s);

#endif
