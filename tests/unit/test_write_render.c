/* SPDX-License-Identifier: MIT */
/* The gvc renderer on hand-built graphs: SVG structure (one node group per
 * node, each with a title and a tooltip), labels as Graphviz draws them,
 * PNG/PDF signatures, bad arguments, write failures, silence on stderr and
 * the sfdp path for big views. Coordinates depend on fonts: never compared.
 * Set SCKG_DEMO_DIR to also write the story's statement.dot/.svg there. */
#define _POSIX_C_SOURCE 200809L

#include "model/graph_impl.h"
#include "sckg/write.h"
#include "view/view.h"
#include "write_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

typedef struct {
  char *data;
  size_t len;
} bytes;

static sckg_status render_opts(const sckg_graph *g, const sckg_view_options *o,
                               const char *format, bytes *out) {
  FILE *f = tmpfile();
  assert_non_null(f);
  sckg_status st = sckg_write_view_rendered(g, o, format, f);
  long len = ftell(f);
  assert_true(len >= 0);
  rewind(f);
  out->len = (size_t)len;
  out->data = malloc(out->len + 1);
  assert_non_null(out->data);
  assert_int_equal(fread(out->data, 1, out->len, f), out->len);
  out->data[out->len] = '\0';
  fclose(f);
  return st;
}

static sckg_status render(const sckg_graph *g, const char *view,
                          const char *format, bytes *out) {
  sckg_view_options o = {.view = view};
  return render_opts(g, &o, format, out);
}

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

static bool has_class(xmlNode *n, const char *cls) {
  xmlChar *v = xmlGetProp(n, X("class"));
  bool yes = v && strcmp((const char *)v, cls) == 0;
  xmlFree(v);
  return yes;
}

static xmlNode *child(xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
      return c;
  return NULL;
}

static xmlNode *descendant(xmlNode *n, const char *name) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp((const char *)c->name, name) == 0)
      return c;
    xmlNode *d = descendant(c, name);
    if (d)
      return d;
  }
  return NULL;
}

/* The <g class="node"> whose <title> is `name`, or NULL. */
typedef struct {
  size_t nodes, edges, titled, tipped;
  size_t edges_linked;    /* edges whose <a> has a tooltip and a link */
  size_t links, links_ok; /* every xlink:href, and those with `prefix` */
  const char *prefix;     /* where links must point; NULL: anywhere */
  const char *want;
  xmlNode *found;
} svg_walk;

#define XLINK "http://www.w3.org/1999/xlink"

static void walk(xmlNode *n, svg_walk *w) {
  for (xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (strcmp((const char *)c->name, "a") == 0) {
      xmlChar *href = xmlGetNsProp(c, X("href"), X(XLINK));
      if (href) {
        w->links++;
        w->links_ok += !w->prefix || strncmp((const char *)href, w->prefix,
                                             strlen(w->prefix)) == 0;
      }
      xmlFree(href);
    }
    if (strcmp((const char *)c->name, "g") == 0 && has_class(c, "edge")) {
      w->edges++;
      xmlNode *a = descendant(c, "a");
      xmlChar *tip = a ? xmlGetNsProp(a, X("title"), X(XLINK)) : NULL;
      xmlChar *href = a ? xmlGetNsProp(a, X("href"), X(XLINK)) : NULL;
      w->edges_linked += tip && *tip && href && *href;
      xmlFree(tip);
      xmlFree(href);
    }
    if (strcmp((const char *)c->name, "g") == 0 && has_class(c, "node")) {
      w->nodes++;
      xmlNode *title = child(c, "title"), *a = descendant(c, "a");
      xmlChar *name = title ? xmlNodeGetContent(title) : NULL;
      if (name && *name)
        w->titled++;
      if (name && w->want && strcmp((const char *)name, w->want) == 0)
        w->found = c;
      xmlFree(name);
      xmlChar *tip =
          a ? xmlGetNsProp(a, X("title"), X("http://www.w3.org/1999/xlink"))
            : NULL;
      if (tip && *tip)
        w->tipped++;
      xmlFree(tip);
    }
    walk(c->children, w);
  }
}

static xmlDoc *parse_svg(const bytes *b) {
  xmlDoc *doc =
      xmlReadMemory(b->data, (int)b->len, "view.svg", NULL,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  assert_non_null(doc);
  xmlNode *root = xmlDocGetRootElement(doc);
  assert_non_null(root);
  assert_string_equal((const char *)root->name, "svg");
  return doc;
}

/* Nodes and visible edges of the view as cgraph sees it, legend included:
 * the SVG leaves out the legend's invisible layout edges. */
static void view_counts_opts(const sckg_graph *g, const sckg_view_options *o,
                             size_t *nodes, size_t *edges) {
  Agraph_t *ag = NULL;
  assert_int_equal(sckg_view_make(g, o, &ag, NULL), SCKG_OK);
  *nodes = (size_t)agnnodes(ag);
  *edges = 0;
  for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n))
    for (Agedge_t *e = agfstout(ag, n); e; e = agnxtout(ag, e)) {
      const char *style = agget(e, (char *)"style");
      *edges += !style || strcmp(style, "invis") != 0;
    }
  agclose(ag);
}

static void view_counts(const sckg_graph *g, const char *view, size_t *nodes,
                        size_t *edges) {
  sckg_view_options o = {.view = view};
  view_counts_opts(g, &o, nodes, edges);
}

/* The lines of a node's label as drawn: its <text> elements joined by
 * `sep`; heap-owned. */
static char *node_text(xmlNode *g, const char *sep) {
  size_t cap = 1024, len = 0;
  char *out = calloc(1, cap);
  assert_non_null(out);
  for (xmlNode *c = g->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    xmlNode *t = strcmp((const char *)c->name, "text") == 0 ? c : NULL;
    if (!t) {
      char *inner = node_text(c, sep);
      size_t n = strlen(inner);
      if (n) {
        if (len && len + strlen(sep) < cap)
          len += (size_t)snprintf(out + len, cap - len, "%s", sep);
        if (len + n < cap)
          len += (size_t)snprintf(out + len, cap - len, "%s", inner);
      }
      free(inner);
      continue;
    }
    xmlChar *s = xmlNodeGetContent(t);
    if (len && len + strlen(sep) < cap)
      len += (size_t)snprintf(out + len, cap - len, "%s", sep);
    if (len + strlen((const char *)s) < cap)
      len += (size_t)snprintf(out + len, cap - len, "%s", (const char *)s);
    xmlFree(s);
  }
  return out;
}

/* Render twice: with dot the bytes are the same; sfdp's first layout in a
 * process differs from later ones (state Graphviz keeps across calls), so
 * big views are compared across processes only, by the CLI tests. */
/* Every edge has a tooltip and a link; every link (nodes' and edges')
 * points at an IRI of the graph, or at the link base when there is one. */
static void check_svg_opts(const sckg_graph *g, const sckg_view_options *o,
                           bool same_bytes) {
  bytes b;
  assert_int_equal(render_opts(g, o, "svg", &b), SCKG_OK);
  size_t nodes, edges;
  view_counts_opts(g, o, &nodes, &edges);
  xmlDoc *doc = parse_svg(&b);
  svg_walk w = {.prefix = o->link_base ? o->link_base : FX_BASE};
  walk(xmlDocGetRootElement(doc), &w);
  assert_int_equal(w.nodes, nodes);
  assert_int_equal(w.edges, edges);
  assert_int_equal(w.titled, nodes);
  assert_int_equal(w.tipped, nodes);
  assert_int_equal(w.edges_linked, edges);
  assert_true(w.links >= edges);
  assert_int_equal(w.links_ok, w.links);
  xmlFreeDoc(doc);

  bytes again;
  assert_int_equal(render_opts(g, o, "svg", &again), SCKG_OK);
  if (same_bytes) {
    assert_int_equal(again.len, b.len);
    assert_memory_equal(again.data, b.data, b.len);
  }
  free(again.data);
  free(b.data);
}

static void check_svg(const sckg_graph *g, const char *view, bool same_bytes) {
  sckg_view_options o = {.view = view};
  check_svg_opts(g, &o, same_bytes);
}

static void test_svg_structure(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  check_svg(g, "statement", true);
  check_svg(g, "all", true);
  check_svg(g, "statement:makestatement-kim", true);

  bytes b;
  assert_int_equal(render(g, "statement", "svg", &b), SCKG_OK);
  xmlDoc *doc = parse_svg(&b);
  svg_walk w = {.want = "a_united_states"};
  walk(xmlDocGetRootElement(doc), &w);
  assert_non_null(w.found);
  xmlNode *a = descendant(w.found, "a");
  assert_non_null(a);
  xmlChar *href = xmlGetNsProp(a, X("href"), X("http://www.w3.org/1999/xlink"));
  assert_string_equal((const char *)href, FX_BASE "actor/united-states");
  xmlFree(href);
  char *text = node_text(w.found, " ");
  assert_string_equal(text, "United States");
  free(text);
  xmlFreeDoc(doc);
  free(b.data);
  fx_free(g);
}

/* Graphviz draws the hostile labels as the original text: no escape is
 * interpreted, no entity decoded twice, no markup taken as markup. */
static void test_svg_hostile(void **state) {
  (void)state;
  static const char *const labels[] = {
      "\"; node [shape=x]; \"", "<<b>html</b>>",
      "C:\\path\\N \\n \\\\ ends in\\", "&amp; & AT&T &#38; \\\" done"};
  static const char *const slugs[] = {"quote", "html", "backslash", "entity"};
  sckg_graph *g = fx_new();
  sckg_article *art = fx_article(g, "hostile", NULL, 0, 0, 0);
  sckg_actor *actors[4];
  for (size_t i = 0; i < 4; i++)
    actors[i] = fx_actor(g, slugs[i], labels[i], SCKG_CLASS_GROUP, NULL);
  sckg_event *e =
      fx_event(g, "accuse-hostile", SCKG_EV_ACCUSE,
               FX_ACTORS(actors[0], actors[1]), FX_ACTORS(actors[2], actors[3]),
               FX_NODATE, art, "He said \"\\N\" & <left>; \\");
  fx_finish(g);
  check_svg(g, "all", true);

  bytes b;
  assert_int_equal(render(g, "all", "svg", &b), SCKG_OK);
  xmlDoc *doc = parse_svg(&b);
  for (size_t i = 0; i < 4; i++) {
    char name[32];
    snprintf(name, sizeof name, "a_%s", slugs[i]);
    svg_walk w = {.want = name};
    walk(xmlDocGetRootElement(doc), &w);
    assert_non_null(w.found);
    char *text = node_text(w.found, " ");
    assert_string_equal(text, labels[i]);
    free(text);
  }
  svg_walk w = {.want = "e_accuse_hostile"};
  walk(xmlDocGetRootElement(doc), &w);
  assert_non_null(w.found);
  xmlNode *a = descendant(w.found, "a");
  xmlChar *tip = xmlGetNsProp(a, X("title"), X("http://www.w3.org/1999/xlink"));
  char want[256];
  snprintf(want, sizeof want, "%.*s\nsources: hostile",
           (int)e->evidence[0]->text_len, e->evidence[0]->text);
  assert_string_equal((const char *)tip, want);
  xmlFree(tip);
  /* An edge's tooltip too: the backslash actor is a target. */
  bool seen = false;
  for (xmlNode *c = xmlDocGetRootElement(doc)->children; c; c = c->next) {
    xmlNode *g0 = c->type == XML_ELEMENT_NODE ? c->children : NULL;
    for (xmlNode *gr = g0; gr; gr = gr->next) {
      if (gr->type != XML_ELEMENT_NODE || !has_class(gr, "edge"))
        continue;
      xmlNode *ea = descendant(gr, "a");
      xmlChar *et = xmlGetNsProp(ea, X("title"), X(XLINK));
      snprintf(want, sizeof want,
               "%s: target of accuses\n%.*s\nsources: hostile", labels[2],
               (int)e->evidence[0]->text_len, e->evidence[0]->text);
      if (strcmp((const char *)et, want) == 0)
        seen = true;
      xmlFree(et);
    }
  }
  assert_true(seen);
  xmlFreeDoc(doc);
  free(b.data);
  fx_free(g);
}

/* The actor, article and type views, and links through a link base. */
static void test_svg_views(void **state) {
  (void)state;
  sckg_graph *g = fx_story();
  const char *views[] = {"actor:Q423", "actor:kim-gunn",
                         "article:ap-2023-04-07", "type:cyber",
                         "type:ImposeSanctions,LegalAction"};
  for (size_t i = 0; i < sizeof views / sizeof *views; i++)
    check_svg(g, views[i], true);
  sckg_view_options o = {.view = "actor:Q423",
                         .depth = 2,
                         .link_base = "http://localhost:8890/describe/?url="};
  check_svg_opts(g, &o, true);

  bytes b;
  assert_int_equal(render_opts(g, &o, "svg", &b), SCKG_OK);
  xmlDoc *doc = parse_svg(&b);
  svg_walk w = {.want = "a_north_korea"};
  walk(xmlDocGetRootElement(doc), &w);
  assert_non_null(w.found);
  xmlChar *href = xmlGetNsProp(descendant(w.found, "a"), X("href"), X(XLINK));
  assert_string_equal((const char *)href,
                      "http://localhost:8890/describe/?url=https%3A%2F%2F"
                      "w3id.org%2Fsckg%2Fid%2Factor%2Fnorth-korea");
  xmlFree(href);
  xmlFreeDoc(doc);
  free(b.data);
  fx_free(g);
}

/* Every layout engine --layout offers draws a complete picture. */
static void test_engines(void **state) {
  (void)state;
  sckg_graph *g = fx_story();
  const char *engines[] = {"dot", "sfdp", "neato", "fdp", "circo", "twopi"};
  for (size_t i = 0; i < sizeof engines / sizeof *engines; i++) {
    sckg_view_options o = {.view = "statement", .layout = engines[i]};
    check_svg_opts(g, &o, i == 0);
  }
  sckg_view_options o = {.view = "statement", .layout = "osage"};
  bytes b;
  assert_int_equal(render_opts(g, &o, "svg", &b), SCKG_ERR_ARG);
  assert_int_equal(b.len, 0);
  free(b.data);
  fx_free(g);
}

static void test_png_pdf(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  bytes b;
  assert_int_equal(render(g, "statement", "png", &b), SCKG_OK);
  assert_true(b.len > 8);
  assert_memory_equal(b.data, "\x89PNG\r\n\x1a\n", 8);
  free(b.data);
  assert_int_equal(render(g, "statement", "pdf", &b), SCKG_OK);
  assert_true(b.len > 5);
  assert_memory_equal(b.data, "%PDF-", 5);
  free(b.data);
  fx_free(g);
}

static void test_bad_arguments(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  const char *formats[] = {"gif", "SVG", "", "dot", "svg:cairo"};
  bytes b;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
    assert_int_equal(render(g, "statement", formats[i], &b), SCKG_ERR_ARG);
    assert_int_equal(b.len, 0);
    free(b.data);
  }
  assert_int_equal(render(g, "bogus", "svg", &b), SCKG_ERR_ARG);
  assert_int_equal(b.len, 0);
  free(b.data);
  assert_int_equal(render(g, "statement:nothing-ends-so", "svg", &b),
                   SCKG_ERR_ARG);
  free(b.data);
  assert_int_equal(sckg_write_rendered(g, "all", NULL, stdout), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_rendered(g, NULL, "svg", stdout), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_rendered(NULL, "all", "svg", stdout),
                   SCKG_ERR_ARG);
  assert_int_equal(sckg_write_rendered(g, "all", "svg", NULL), SCKG_ERR_ARG);
  fx_free(g);
}

/* gvRender would exit(1) on a failed write; we must return instead. */
static void test_write_error(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f)
    skip();
  sckg_graph *g = fx_small(true);
  assert_int_equal(sckg_write_rendered(g, "statement", "svg", f),
                   SCKG_ERR_WRITE);
  fclose(f);
  fx_free(g);
}

/* The library never prints: layout warnings and errors are kept off
 * stderr, including a bad view's. */
static void test_silent(void **state) {
  (void)state;
  sckg_graph *g = fx_story();
  FILE *err = tmpfile();
  assert_non_null(err);
  fflush(stderr);
  int saved = dup(2);
  assert_true(saved >= 0);
  assert_true(dup2(fileno(err), 2) >= 0);
  bytes b;
  sckg_status st1 = render(g, "statement", "svg", &b);
  free(b.data);
  sckg_status st2 = render(g, "statement", "png", &b);
  free(b.data);
  fflush(stderr);
  assert_true(dup2(saved, 2) >= 0);
  close(saved);
  assert_int_equal(st1, SCKG_OK);
  assert_int_equal(st2, SCKG_OK);
  fseek(err, 0, SEEK_END);
  assert_int_equal(ftell(err), 0);
  fclose(err);
  fx_free(g);
}

static void write_demo(const sckg_graph *g, const char *dir, const char *name,
                       const char *format) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  sckg_status st = strcmp(format, "dot") == 0
                       ? sckg_write_dot(g, "statement", f)
                       : sckg_write_rendered(g, "statement", format, f);
  assert_int_equal(st, SCKG_OK);
  assert_int_equal(fclose(f), 0);
}

static void test_story(void **state) {
  (void)state;
  sckg_graph *g = fx_story();
  check_svg(g, "statement", true);
  check_svg(g, "all", true);
  const char *dir = getenv("SCKG_DEMO_DIR");
  if (dir && *dir) {
    write_demo(g, dir, "statement.dot", "dot");
    write_demo(g, dir, "statement.svg", "svg");
  }
  fx_free(g);
}

/* Past SCKG_VIEW_DOT_MAX_NODES the layout switches to sfdp; the result is
 * still a complete SVG, and quick. */
static void test_big_view(void **state) {
  (void)state;
  enum { ACTORS = 260, EVENTS = 400 };
  sckg_graph *g = fx_new();
  sckg_article *art = fx_article(g, "big", NULL, 2023, 4, 7);
  sckg_actor *actors[ACTORS];
  for (int i = 0; i < ACTORS; i++) {
    char slug[32], label[32];
    snprintf(slug, sizeof slug, "actor-%03d", i);
    snprintf(label, sizeof label, "Actor %d", i);
    actors[i] = fx_actor(g, fx_printf2(g, slug, ""), fx_printf2(g, label, ""),
                         (sckg_class)(i % SCKG_CLASS_COUNT), NULL);
  }
  for (int i = 0; i < EVENTS; i++) {
    char slug[32];
    snprintf(slug, sizeof slug, "event-%03d", i);
    fx_event(g, fx_printf2(g, slug, ""), (sckg_event_type)(i % SCKG_EV_COUNT),
             FX_ACTORS(actors[i % ACTORS]),
             FX_ACTORS(actors[(i * 7 + 3) % ACTORS]), FX_DAY(2023, 4, 7), art,
             "Something happened.");
  }
  fx_finish(g);
  size_t nodes, edges;
  view_counts(g, "all", &nodes, &edges);
  assert_true(nodes > SCKG_VIEW_DOT_MAX_NODES);
  check_svg(g, "all", false);
  Agraph_t *ag = NULL;
  assert_int_equal(sckg_view_build(g, "all", &ag), SCKG_OK);
  assert_string_equal(agget(ag, (char *)"layout"), "sfdp");
  assert_null(agsubg(ag, (char *)"cluster_legend", 0));
  agclose(ag);
  fx_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_svg_structure),
      cmocka_unit_test(test_svg_hostile),
      cmocka_unit_test(test_svg_views),
      cmocka_unit_test(test_engines),
      cmocka_unit_test(test_png_pdf),
      cmocka_unit_test(test_bad_arguments),
      cmocka_unit_test(test_write_error),
      cmocka_unit_test(test_silent),
      cmocka_unit_test(test_story),
      cmocka_unit_test(test_big_view),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  xmlCleanupParser();
  return failed;
}
