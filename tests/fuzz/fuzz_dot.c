/* SPDX-License-Identifier: MIT */
/* Fuzz the DOT writer: its output must parse back with cgraph's agmemread
 * into the graph sckg built for the view: the same nodes, each with the
 * same value of every attribute (labels, tooltips, URLs), and no HTML
 * label where sckg set a plain string; the same number of edges, and for
 * each edge one between the same nodes with the same label. A DOT string
 * that text could break out of would show up as a node, an attribute or a
 * label that differs. */
#include "fuzz_common.h"
#include "view/view.h"

#include <graphviz/cgraph.h>

static char *cs(const char *s) { return (char *)s; }

/* Every node attribute of `want` has the same value on `got`. */
static void same_attrs(Agraph_t *wg, void *want, void *got, int kind) {
  for (Agsym_t *sym = agnxtattr(wg, kind, NULL); sym;
       sym = agnxtattr(wg, kind, sym)) {
    char *w = agxget(want, sym);
    char *g = agget(got, sym->name);
    if (!g || strcmp(w, g) != 0)
      fuzz_fail("an attribute does not read back the same", w);
    if (aghtmlstr(g) && !aghtmlstr(w))
      fuzz_fail("a plain string came back as an HTML label", w);
  }
}

static void check_graphs(Agraph_t *want, Agraph_t *got) {
  if (agnnodes(want) != agnnodes(got))
    fuzz_fail("the DOT has another number of nodes", NULL);
  if (agnedges(want) != agnedges(got))
    fuzz_fail("the DOT has another number of edges", NULL);
  same_attrs(want, want, got, AGRAPH);
  for (Agnode_t *n = agfstnode(want); n; n = agnxtnode(want, n)) {
    Agnode_t *m = agnode(got, agnameof(n), 0);
    if (!m)
      fuzz_fail("a node is missing from the DOT", agnameof(n));
    same_attrs(want, n, m, AGNODE);
    for (Agedge_t *e = agfstout(want, n); e; e = agnxtout(want, e)) {
      Agnode_t *h = agnode(got, agnameof(aghead(e)), 0);
      char *label = agget(e, cs("xlabel"));
      bool found = false;
      for (Agedge_t *f = h ? agfstout(got, m) : NULL; f && !found;
           f = agnxtout(got, f)) {
        char *fl = agget(f, cs("xlabel"));
        found = aghead(f) == h && (!label || (fl && strcmp(label, fl) == 0));
      }
      if (!found)
        fuzz_fail("an edge is missing from the DOT", agnameof(n));
    }
  }
}

/* Clusters keep their names and attributes (their labels) too. */
static void check_subgraphs(Agraph_t *wroot, Agraph_t *want, Agraph_t *got) {
  for (Agraph_t *s = agfstsubg(want); s; s = agnxtsubg(s)) {
    Agraph_t *t = agsubg(got, agnameof(s), 0);
    if (!t)
      fuzz_fail("a subgraph is missing from the DOT", agnameof(s));
    same_attrs(wroot, s, t, AGRAPH);
    check_subgraphs(wroot, s, t);
  }
}

static int quiet(char *msg) {
  (void)msg;
  return 0;
}

static sckg_status write_view(const sckg_graph *g, const char *view, char **out,
                              size_t *len) {
  FILE *f = open_memstream(out, len);
  if (!f)
    fuzz_fail("open_memstream failed", NULL);
  sckg_status st = sckg_write_dot(g, view, f);
  if (fclose(f) != 0)
    fuzz_fail("fclose of a memory stream failed", NULL);
  return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_case c;
  fuzz_case_parse(&c, data, size);
  sckg_graph *g = fuzz_build(&c);
  char *dot = NULL;
  size_t len = 0;
  sckg_status st = write_view(g, c.view, &dot, &len);
  /* "statement" names nothing in a graph without a statement event */
  if (st == SCKG_ERR_ARG && strcmp(c.view, "statement") == 0) {
    free(dot);
    c.view = "all";
    st = write_view(g, c.view, &dot, &len);
  }
  if (st != SCKG_OK)
    fuzz_fail("the DOT writer refused a graph", sckg_strerror(st));
  agusererrf old = agseterrf(quiet);
  Agraph_t *got = agmemread(dot);
  agseterrf(old);
  if (!got)
    fuzz_fail("the DOT does not parse", dot);
  Agraph_t *want = NULL;
  if (sckg_view_build(g, c.view, &want) != SCKG_OK || !want)
    fuzz_fail("the view built for DOT cannot be built again", c.view);
  check_graphs(want, got);
  check_subgraphs(want, want, got);
  agclose(want);
  agclose(got);
  free(dot);
  sckg_graph_free(g);
  fuzz_case_free(&c);
  return 0;
}
