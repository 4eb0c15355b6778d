/* SPDX-License-Identifier: MIT */
/* Comparing two graph snapshots (read by snapshot.c): summarise events
 * and actors in one line each, and print the lines that differ. */
#include "diff/snapshot.h"

#include <libxml/parser.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- Summaries ---------------------------------------------------------- */

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* How a node reads: its rdfs:label (the first, if several), else <IRI>. */
static const char *node_label(const ctx *c, const tset *ts, const char *iri,
                              sckg_buf *scratch) {
  size_t n;
  const sckg_triple *t = snap_objects(ts, iri, c->rdfs_label, &n);
  for (size_t i = 0; i < n; i++)
    if (t[i].o.kind == SCKG_TERM_LITERAL)
      return t[i].o.value;
  sckg_buf_clear(scratch);
  sckg_buf_printf(scratch, "<%s>", iri);
  return scratch->ptr;
}

/* Append text to a summary line. A control character (a label with a
 * line break) would split the line, so it is shown as N-Triples escapes it. */
static void add_text(sckg_buf *b, const char *s) {
  const char *run = s;
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch >= 0x20 && ch != 0x7F)
      continue;
    sckg_buf_add(b, run, (size_t)(s - run));
    if (ch == '\n')
      sckg_buf_adds(b, "\\n");
    else if (ch == '\r')
      sckg_buf_adds(b, "\\r");
    else
      sckg_buf_printf(b, "\\u%04X", ch);
    run = s + 1;
  }
  sckg_buf_adds(b, run);
}

/* Append the given strings sorted bytewise, joined by sep; "?" for none. */
static void add_sorted(sckg_buf *b, const char **v, size_t n, const char *sep) {
  if (!n)
    sckg_buf_addc(b, '?');
  qsort(v, n, sizeof *v, cmp_str);
  for (size_t i = 0; i < n; i++) {
    if (i)
      sckg_buf_adds(b, sep);
    add_text(b, v[i]);
  }
}

/* A local name in `ns`, or the whole IRI in <> when it is not in ns (or
 * ns is NULL). */
static const char *local_or_iri(ctx *c, const char *iri, const char *ns) {
  size_t k = ns ? strlen(ns) : 0;
  if (ns && strncmp(iri, ns, k) == 0 && iri[k])
    return iri + k;
  sckg_buf b = {0};
  sckg_buf_printf(&b, "<%s>", iri);
  const char *out = snap_interns(c, b.ptr);
  sckg_buf_free(&b);
  return out;
}

/* The labels of the objects of (s, p), interned so they outlive scratch. */
static size_t labels_of(ctx *c, const tset *ts, const char *s, const char *p,
                        const char ***out) {
  size_t n;
  const sckg_triple *t = snap_objects(ts, s, p, &n);
  const char **v = sckg_arena_alloc(c->arena, (n ? n : 1) * sizeof *v);
  sckg_buf scratch = {0};
  for (size_t i = 0; i < n; i++)
    v[i] = t[i].o.kind == SCKG_TERM_IRI
               ? snap_copys(c, node_label(c, ts, t[i].o.value, &scratch))
               : t[i].o.value;
  sckg_buf_free(&scratch);
  *out = v;
  return n;
}

/* TYPE AGENTS → TARGETS DATE [SOURCES] (denied) */
static const char *event_line(ctx *c, const tset *ts, const char *e) {
  sckg_buf b = {0};
  size_t n;
  const sckg_triple *t = snap_objects(ts, e, c->event_type, &n);
  const char **v = sckg_arena_alloc(c->arena, (n ? n : 1) * sizeof *v);
  for (size_t i = 0; i < n; i++)
    v[i] = t[i].o.kind == SCKG_TERM_IRI ? local_or_iri(c, t[i].o.value, SCKG_NS)
                                        : t[i].o.value;
  add_sorted(&b, v, n, "/");
  sckg_buf_addc(&b, ' ');
  n = labels_of(c, ts, e, c->agent, &v);
  add_sorted(&b, v, n, ", ");
  n = labels_of(c, ts, e, c->target, &v);
  if (n) {
    sckg_buf_adds(&b, " \xE2\x86\x92 "); /* → */
    add_sorted(&b, v, n, ", ");
  }
  t = snap_objects(ts, e, c->date, &n);
  for (size_t i = 0; i < n; i++) {
    sckg_buf_adds(&b, i ? "/" : " ");
    add_text(&b, t[i].o.value);
  }
  t = snap_objects(ts, e, c->derived_from, &n);
  v = sckg_arena_alloc(c->arena, (n ? n : 1) * sizeof *v);
  for (size_t i = 0; i < n; i++) {
    size_t k;
    const sckg_triple *id = snap_objects(ts, t[i].o.value, c->identifier, &k);
    v[i] = k ? id[0].o.value : local_or_iri(c, t[i].o.value, NULL);
  }
  sckg_buf_adds(&b, " [");
  if (n) /* no sources reads "[]", not "[?]" */
    add_sorted(&b, v, n, ", ");
  sckg_buf_adds(&b, "]");
  t = snap_objects(ts, e, c->negated, &n);
  for (size_t i = 0; i < n; i++)
    if (t[i].o.kind == SCKG_TERM_LITERAL &&
        (strcmp(t[i].o.value, "true") == 0 || strcmp(t[i].o.value, "1") == 0)) {
      sckg_buf_adds(&b, " (denied)");
      break;
    }
  const char *line = sckg_arena_strndup(c->arena, b.ptr, b.len);
  sckg_buf_free(&b);
  return line;
}

/* actor LABEL (CLASS, QID); the parenthesis lists what is known. */
static const char *actor_line(ctx *c, const tset *ts, const char *a) {
  sckg_buf b = {0};
  sckg_buf_adds(&b, "actor ");
  sckg_buf scratch = {0};
  add_text(&b, node_label(c, ts, a, &scratch));
  sckg_buf_free(&scratch);
  size_t n, parts = 0;
  const sckg_triple *t = snap_objects(ts, a, c->rdf_type, &n);
  for (size_t i = 0; i < n; i++) {
    const char *cls = t[i].o.value;
    if (t[i].o.kind != SCKG_TERM_IRI || cls == c->sckg_actor ||
        strncmp(cls, SCKG_NS, strlen(SCKG_NS)) != 0)
      continue;
    sckg_buf_adds(&b, parts++ ? "/" : " (");
    add_text(&b, cls + strlen(SCKG_NS));
  }
  t = snap_objects(ts, a, c->owl_same_as, &n);
  size_t qids = 0;
  for (size_t i = 0; i < n; i++) {
    const char *q = t[i].o.value;
    if (t[i].o.kind != SCKG_TERM_IRI ||
        strncmp(q, SCKG_NS_WD, strlen(SCKG_NS_WD)) != 0)
      continue;
    sckg_buf_adds(&b, qids++ ? "/" : parts ? ", " : " (");
    add_text(&b, q + strlen(SCKG_NS_WD));
  }
  if (parts || qids)
    sckg_buf_addc(&b, ')');
  const char *line = sckg_arena_strndup(c->arena, b.ptr, b.len);
  sckg_buf_free(&b);
  return line;
}

/* One line per event and per actor, sorted bytewise. */
static void summarise(ctx *c, const tset *ts, sckg_vec *lines) {
  for (size_t i = 0; i < ts->n; i++) {
    const sckg_triple *t = &ts->t[i];
    if (t->p != c->rdf_type || t->o.kind != SCKG_TERM_IRI)
      continue;
    if (t->o.value == c->sckg_event)
      sckg_vec_push(lines, (void *)event_line(c, ts, t->s));
    else if (t->o.value == c->sckg_actor)
      sckg_vec_push(lines, (void *)actor_line(c, ts, t->s));
  }
  if (lines->len)
    qsort(lines->items, lines->len, sizeof *lines->items, cmp_str);
}

/* Triples in exactly one of two sorted, distinct sets. */
static size_t count_differing(const tset *a, const tset *b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a->n && j < b->n) {
    int cmp = sckg_triple_cmp(&a->t[i], &b->t[j]);
    if (cmp == 0)
      i++, j++;
    else if (cmp < 0)
      i++, n++;
    else
      j++, n++;
  }
  return n + (a->n - i) + (b->n - j);
}

static void print_line(FILE *out, char mark, const char *line) {
  fputc(mark, out);
  fputc(' ', out);
  fputs(line, out);
  fputc('\n', out);
}

sckg_status sckg_diff_files(const char *old_path, const char *new_path,
                            FILE *out, bool *differ, sckg_diag_sink sink,
                            void *handle) {
  if (!old_path || !new_path || !out || !differ)
    return SCKG_ERR_ARG;
  *differ = false;
  xmlInitParser();
  ctx c;
  snap_init(&c, sink, handle);

  tset a = {0}, b = {0};
  sckg_vec la = {0}, lb = {0}, removed = {0}, added = {0};
  sckg_status st = snap_load(&c, old_path, &a);
  if (st)
    goto done;
  st = snap_load(&c, new_path, &b);
  if (st)
    goto done;

  summarise(&c, &a, &la);
  summarise(&c, &b, &lb);
  /* Lines compared as multisets: two events that read the same and one
   * that goes away still show as one "-" line. */
  size_t i = 0, j = 0;
  while (i < la.len || j < lb.len) {
    int cmp = i == la.len   ? 1
              : j == lb.len ? -1
                            : strcmp(la.items[i], lb.items[j]);
    if (cmp == 0)
      i++, j++;
    else if (cmp < 0)
      sckg_vec_push(&removed, la.items[i++]);
    else
      sckg_vec_push(&added, lb.items[j++]);
  }
  for (size_t k = 0; k < removed.len; k++)
    print_line(out, '-', removed.items[k]);
  for (size_t k = 0; k < added.len; k++)
    print_line(out, '+', added.items[k]);
  size_t n = count_differing(&a, &b);
  *differ = n > 0;
  if (n && !removed.len && !added.len)
    fprintf(out, "~ %zu triples differ (no event or actor changed)\n", n);
  if (fflush(out) != 0 || ferror(out))
    st = SCKG_ERR_WRITE;

done:
  free(a.t);
  free(b.t);
  sckg_vec_free(&la);
  sckg_vec_free(&lb);
  sckg_vec_free(&removed);
  sckg_vec_free(&added);
  snap_free(&c);
  return st;
}
