/* SPDX-License-Identifier: MIT */
/* Uniting the graphs of separate runs (shards of the articles) into the
 * graph one run over all of them gives. The union of the shards' triples
 * is that graph but for what a run decides across its articles, which a
 * shard cannot see:
 *   - an undated report joins the dated event of the same type, agents,
 *     targets and polarity (of several, the earliest date): its sources,
 *     evidence, attributions and statements move to that event, and what
 *     pointed at it points there;
 *   - an actor keeps one label (the longer, of equal lengths the smaller in
 *     byte order, as sckg_label_better) and one parent (the smallest IRI);
 *   - lexicon actors the schema relates get skos:related when both are in
 *     the graph, though no shard held both.
 * The rest of a graph is each article's own, the same in any shard. */
#include "diff/snapshot.h"
#include "lexicon/lexicon.h"
#include "sckg/write.h"

#include <libxml/parser.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *iri;
  char *identity; /* type|agents|targets|negated: heap */
  const char *date;
} event_info;

typedef struct {
  ctx c;
  const char *derived_from, *evidence, *attributed_to, *stated_in, *part_of,
      *affiliated_with, *skos_related;
} uniter;

/* One subject's run of triples: [b, e). */
static size_t run_end(const tset *ts, size_t b) {
  size_t e = b;
  while (e < ts->n && ts->t[e].s == ts->t[b].s)
    e++;
  return e;
}

static void add_iris(sckg_buf *id, const tset *ts, size_t b, size_t e,
                     const char *p) {
  for (size_t i = b; i < e; i++)
    if (ts->t[i].p == p && ts->t[i].o.kind == SCKG_TERM_IRI) {
      sckg_buf_adds(id, ts->t[i].o.value);
      sckg_buf_addc(id, ' ');
    }
  sckg_buf_addc(id, '|');
}

/* The event whose triples are [b, e), or false when the subject is none. */
static bool read_event(const uniter *u, const tset *ts, size_t b, size_t e,
                       event_info *ev) {
  const ctx *c = &u->c;
  bool is_event = false;
  for (size_t i = b; i < e; i++)
    is_event |= ts->t[i].p == c->rdf_type && ts->t[i].o.value == c->sckg_event;
  if (!is_event)
    return false;
  sckg_buf id = {0};
  add_iris(&id, ts, b, e, c->event_type);
  add_iris(&id, ts, b, e, c->agent);
  add_iris(&id, ts, b, e, c->target);
  ev->iri = ts->t[b].s;
  ev->date = NULL;
  for (size_t i = b; i < e; i++) {
    if (ts->t[i].p == c->negated)
      sckg_buf_adds(&id, ts->t[i].o.value);
    if (ts->t[i].p == c->date)
      ev->date = ts->t[i].o.value;
  }
  ev->identity = id.ptr ? id.ptr : sckg_xstrndup("", 0);
  return true;
}

static int by_identity_then_date(const void *pa, const void *pb) {
  const event_info *a = pa, *b = pb;
  int c = strcmp(a->identity, b->identity);
  if (c)
    return c;
  if (!a->date || !b->date) /* dated first */
    return (a->date == NULL) - (b->date == NULL);
  c = strcmp(a->date, b->date);
  return c ? c : strcmp(a->iri, b->iri);
}

/* Map each undated event that has a dated twin to the earliest one. */
static void join_undated(const uniter *u, const tset *ts, sckg_pmap *into) {
  sckg_vec evs = {0};
  for (size_t b = 0, e; b < ts->n; b = e) {
    e = run_end(ts, b);
    event_info ev;
    if (read_event(u, ts, b, e, &ev)) {
      event_info *copy = sckg_xmalloc(sizeof *copy);
      *copy = ev;
      sckg_vec_push(&evs, copy);
    }
  }
  event_info *all = sckg_xcalloc(evs.len ? evs.len : 1, sizeof *all);
  for (size_t i = 0; i < evs.len; i++) {
    all[i] = *(event_info *)evs.items[i];
    free(evs.items[i]);
  }
  qsort(all, evs.len, sizeof *all, by_identity_then_date);
  for (size_t i = 0, j; i < evs.len; i = j) {
    const event_info *dated = all[i].date ? &all[i] : NULL;
    for (j = i; j < evs.len && strcmp(all[j].identity, all[i].identity) == 0;
         j++)
      if (dated && !all[j].date)
        sckg_pmap_put(into, all[j].iri, (void *)dated->iri);
  }
  for (size_t i = 0; i < evs.len; i++)
    free(all[i].identity);
  free(all);
  sckg_vec_free(&evs);
}

static const char *joined(const sckg_pmap *into, const char *iri) {
  const char *d = sckg_pmap_get(into, iri);
  return d ? d : iri;
}

static bool moves_with_report(const uniter *u, const char *p) {
  return p == u->derived_from || p == u->evidence || p == u->attributed_to ||
         p == u->stated_in;
}

/* The union's triples with the undated reports joined. */
static void rewrite(const uniter *u, const tset *in, const sckg_pmap *into,
                    tset *out) {
  for (size_t i = 0; i < in->n; i++) {
    sckg_triple t = in->t[i];
    const char *d = sckg_pmap_get(into, t.s);
    if (d && !moves_with_report(u, t.p))
      continue;
    if (d)
      t.s = d;
    if (t.o.kind == SCKG_TERM_IRI)
      t.o.value = joined(into, t.o.value);
    snap_push(out, t);
  }
}

/* Of a subject's labels, one; of its parents, one: as one run keeps them.
 * `ts` sorted; kept triples are compacted in place. */
static void one_label_one_parent(const uniter *u, tset *ts) {
  size_t k = 0;
  for (size_t b = 0, e; b < ts->n; b = e) {
    e = run_end(ts, b);
    const sckg_triple *label = NULL, *parent = NULL;
    for (size_t i = b; i < e; i++) {
      const sckg_triple *t = &ts->t[i];
      if (t->p == u->c.rdfs_label && t->o.kind == SCKG_TERM_LITERAL &&
          (!label || sckg_label_better(t->o.value, label->o.value)))
        label = t;
      if ((t->p == u->part_of || t->p == u->affiliated_with) &&
          (!parent || strcmp(t->o.value, parent->o.value) < 0))
        parent = t;
    }
    for (size_t i = b; i < e; i++) {
      const sckg_triple *t = &ts->t[i];
      if (t->p == u->c.rdfs_label && t->o.kind == SCKG_TERM_LITERAL &&
          t != label)
        continue;
      if ((t->p == u->part_of || t->p == u->affiliated_with) && t != parent)
        continue;
      ts->t[k++] = *t;
    }
  }
  ts->n = k;
}

static bool is_actor(const uniter *u, const tset *ts, const char *iri) {
  size_t n;
  const sckg_triple *t = snap_objects(ts, iri, u->c.rdf_type, &n);
  for (size_t i = 0; i < n; i++)
    if (t[i].o.value == u->c.sckg_actor)
      return true;
  return false;
}

/* skos:related between the lexicon's related actors both in the graph. */
static void relate(uniter *u, const sckg_schema *s, const char *base,
                   tset *ts) {
  sckg_buf iri = {0};
  const char **of = sckg_xcalloc(s->n_actors ? s->n_actors : 1, sizeof *of);
  for (size_t i = 0; i < s->n_actors; i++) {
    sckg_buf_clear(&iri);
    sckg_buf_printf(&iri, "%sactor/%s", base, s->actors[i]->id);
    const char *in = sckg_strtab_find(u->c.strings, iri.ptr, iri.len);
    of[i] = in && is_actor(u, ts, in) ? in : NULL;
  }
  size_t n = ts->n;
  for (size_t i = 0; i < s->n_actors; i++) {
    const lex_actor *la = s->actors[i];
    for (size_t k = 0; of[i] && k < la->n_related; k++) {
      const char *o = of[la->related[k]->index];
      if (!o || o == of[i])
        continue;
      snap_push(ts, (sckg_triple){of[i],
                                  u->skos_related,
                                  {SCKG_TERM_IRI, o, NULL, NULL}});
    }
  }
  if (ts->n != n)
    snap_sort_unique(ts);
  free(of);
  sckg_buf_free(&iri);
}

sckg_status sckg_union_files(const char *const *paths, size_t n,
                             const char *base, FILE *out, sckg_diag_sink sink,
                             void *handle) {
  if (!paths || !n || !out)
    return SCKG_ERR_ARG;
  const sckg_schema *schema;
  sckg_status st = sckg_schema_embedded(&schema);
  if (st)
    return st;
  xmlInitParser();
  uniter u = {0};
  snap_init(&u.c, sink, handle);
  u.derived_from = u.c.derived_from;
  u.evidence = snap_interns(&u.c, SCKG_NS "evidence");
  u.attributed_to = snap_interns(&u.c, SCKG_NS "attributedTo");
  u.stated_in = snap_interns(&u.c, SCKG_NS "statedIn");
  u.part_of = snap_interns(&u.c, SCKG_NS "partOf");
  u.affiliated_with = snap_interns(&u.c, SCKG_NS "affiliatedWith");
  u.skos_related = snap_interns(&u.c, SCKG_NS_SKOS "related");

  tset all = {0}, joined_set = {0};
  sckg_pmap into = {0};
  for (size_t i = 0; i < n && !st; i++)
    st = snap_load(&u.c, paths[i], &all);
  if (!st) {
    join_undated(&u, &all, &into);
    rewrite(&u, &all, &into, &joined_set);
    snap_sort_unique(&joined_set);
    one_label_one_parent(&u, &joined_set);
    relate(&u, schema, base ? base : SCKG_DEFAULT_BASE, &joined_set);
    /* a finished graph given as its triples: what the writers walk */
    sckg_graph g = {0};
    g.triples = joined_set.t;
    g.n_triples = joined_set.n;
    g.finished = true;
    st = sckg_write_ntriples(&g, out);
  }
  sckg_pmap_free(&into);
  free(all.t);
  free(joined_set.t);
  snap_free(&u.c);
  return st;
}
