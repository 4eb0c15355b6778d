/* SPDX-License-Identifier: MIT */
/* The DOT writer on hand-built graphs: byte-identical output, what each view
 * shows (read back with agmemread), hostile label text and write failures. */
#include "graph_impl.h"
#include "sckg/write.h"
#include "view.h"
#include "write_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <graphviz/cgraph.h>

static char *cs(const char *s) { return (char *)s; }

/* The view as DOT text, heap-owned by the caller; asserts success. */
static char *dot_text(const sckg_graph *g, const char *view) {
  FILE *f = tmpfile();
  assert_non_null(f);
  assert_int_equal(sckg_write_dot(g, view, f), SCKG_OK);
  long len = ftell(f);
  assert_true(len > 0);
  rewind(f);
  char *text = malloc((size_t)len + 1);
  assert_non_null(text);
  assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
  text[len] = '\0';
  fclose(f);
  return text;
}

static Agraph_t *parse(const char *text) {
  Agraph_t *h = agmemread(text);
  assert_non_null(h);
  return h;
}

static size_t count_nodes(Agraph_t *h, const char *prefix) {
  size_t n = 0, len = strlen(prefix);
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v))
    n += strncmp(agnameof(v), prefix, len) == 0;
  return n;
}

static bool is_legend(Agnode_t *v) {
  return strncmp(agnameof(v), "legend_", 7) == 0;
}

/* Edges of the graph proper: the legend's sample edges left out. */
static size_t count_edges(Agraph_t *h) {
  size_t n = 0;
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v))
    for (Agedge_t *e = agfstout(h, v); e; e = agnxtout(h, e))
      n += !is_legend(agtail(e)) && !is_legend(aghead(e));
  return n;
}

/* Every edge ranks and none carries a `label`: unranked (flat) edges and
 * labelled ones trip dot 2.42's memory bugs (see write_dot.c). */
static void check_edges_safe(Agraph_t *h) {
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v))
    for (Agedge_t *e = agfstout(h, v); e; e = agnxtout(h, e)) {
      const char *c = agget(e, (char *)"constraint");
      const char *l = agget(e, (char *)"label");
      assert_true(!c || strcmp(c, "false") != 0);
      assert_true(!l || !*l);
    }
}

static Agnode_t *node(Agraph_t *h, const char *name) {
  Agnode_t *v = agnode(h, cs(name), 0);
  assert_non_null(v);
  return v;
}

static Agedge_t *edge(Agraph_t *h, const char *tail, const char *head) {
  Agedge_t *e = agedge(h, node(h, tail), node(h, head), NULL, 0);
  assert_non_null(e);
  return e;
}

static const char *attr(void *obj, const char *name) {
  const char *v = agget(obj, cs(name));
  return v ? v : "";
}

/* Undo the writer's escaping: `slashes` backslashes are one (2 in labels, 4
 * in tooltips, which Graphviz unescapes twice), "\n" a line break (a space
 * in a wrapped label, `nl` says which), "&amp;" an ampersand. */
static char *unescape(const char *s, size_t slashes, char nl) {
  char *out = malloc(strlen(s) + 1), *o = out;
  assert_non_null(out);
  while (*s) {
    if (strncmp(s, "\\\\\\\\", slashes) == 0) {
      *o++ = '\\';
      s += slashes;
    } else if (s[0] == '\\' && s[1] == 'n') {
      *o++ = nl;
      s += 2;
    } else if (strncmp(s, "&amp;", 5) == 0) {
      *o++ = '&';
      s += 5;
    } else {
      *o++ = *s++;
    }
  }
  *o = '\0';
  return out;
}

static void test_deterministic(void **state) {
  (void)state;
  const char *views[] = {"all", "statement", "statement:makestatement-kim"};
  for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
    sckg_graph *a = fx_small(true), *b = fx_small(true);
    char *t1 = dot_text(a, views[i]), *t2 = dot_text(a, views[i]);
    char *t3 = dot_text(b, views[i]);
    assert_string_equal(t1, t2);
    assert_string_equal(t1, t3); /* another build, other addresses */
    free(t1);
    free(t2);
    free(t3);
    fx_free(a);
    fx_free(b);
  }
}

static void test_all_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *text = dot_text(g, "all");
  Agraph_t *h = parse(text);
  assert_string_equal(agnameof(h), "all");
  assert_string_equal(attr(h, "rankdir"), "LR");
  assert_int_equal(count_nodes(h, "a_"), FX_SMALL_ACTORS);
  assert_int_equal(count_nodes(h, "e_"), FX_SMALL_EVENTS);
  assert_int_equal(count_edges(h), FX_SMALL_EDGES);
  check_edges_safe(h);
  assert_null(agsubg(h, cs("cluster_issued_by"), 0));
  assert_non_null(agsubg(h, cs("cluster_legend"), 0));
  /* Node names come from the IRIs' last segments. */
  assert_string_equal(attr(node(h, "a_united_states"), "label"),
                      "United States");
  assert_string_equal(attr(node(h, "a_united_states"), "URL"),
                      FX_BASE "actor/united-states");
  assert_string_equal(attr(node(h, "a_united_nations"), "shape"), "hexagon");
  assert_string_equal(attr(node(h, "e_imposesanctions_eu"), "label"),
                      "imposes sanctions\\n2022-01-10");
  /* No sides without a statement: every actor leads its events, a target
   * through an edge drawn backwards; wholes lead their members. */
  assert_string_equal(
      attr(edge(h, "a_north_korea", "e_makestatement_joint"), "dir"), "back");
  assert_null(agedge(h, node(h, "e_makestatement_joint"),
                     node(h, "a_north_korea"), NULL, 0));
  assert_string_equal(attr(edge(h, "a_north_korea", "e_cybertheft_kp"), "dir"),
                      "none");
  assert_string_equal(attr(edge(h, "a_south_korea", "a_kim_gunn"), "xlabel"),
                      "affiliated with");
  agclose(h);
  free(text);
  fx_free(g);
}

static void test_statement_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *text = dot_text(g, "statement");
  Agraph_t *h = parse(text);
  assert_string_equal(agnameof(h), "statement");
  assert_int_equal(count_nodes(h, "a_"), FX_STMT_ACTORS);
  assert_int_equal(count_nodes(h, "e_"), FX_STMT_EVENTS);
  assert_int_equal(count_edges(h), FX_STMT_EDGES);
  check_edges_safe(h);
  assert_null(agnode(h, cs("e_imposesanctions_eu"), 0)); /* not around */
  assert_null(agnode(h, cs("a_russia"), 0));

  Agraph_t *issued = agsubg(h, cs("cluster_issued_by"), 0);
  assert_non_null(issued);
  assert_int_equal(agnnodes(issued), 3);
  assert_non_null(agnode(issued, cs("a_japan"), 0));
  Agraph_t *says = agsubg(h, cs("cluster_says"), 0);
  assert_non_null(says);
  assert_int_equal(agnnodes(says), 2);
  assert_non_null(agnode(says, cs("e_cybertheft_kp"), 0));
  assert_non_null(agnode(says, cs("e_appeal_un"), 0));

  Agnode_t *hub = node(h, "e_makestatement_joint");
  assert_string_equal(attr(hub, "label"), "joint statement\\n2023-04-07");
  assert_string_equal(attr(hub, "fillcolor"), "#0072B2");
  assert_non_null(strstr(attr(hub, "tooltip"),
                         "sources: ap-2023-04-07, reuters-2023-04-07"));
  assert_string_equal(
      attr(edge(h, "e_makestatement_joint", "e_cybertheft_kp"), "color"),
      "#0072B2");
  assert_string_equal(attr(edge(h, "a_japan", "e_makestatement_joint"), "dir"),
                      "none");
  /* North Korea, what the statement is about, is on the right: its edges
   * run from the events and rank; the United Nations too (appealed to). */
  assert_string_equal(
      attr(edge(h, "e_makestatement_joint", "a_north_korea"), "dir"), "");
  assert_string_equal(attr(edge(h, "e_cybertheft_kp", "a_north_korea"), "dir"),
                      "none");
  assert_null(
      agedge(h, node(h, "a_north_korea"), node(h, "e_cybertheft_kp"), NULL, 0));
  assert_string_equal(attr(edge(h, "e_appeal_un", "a_united_nations"), "dir"),
                      "");
  /* The issuers speak through the statement: no second link to its items. */
  assert_null(agedge(h, node(h, "a_japan"), node(h, "e_appeal_un"), NULL, 0));
  assert_non_null(agnode(h, cs("legend_denied"), 0));

  Agnode_t *denied = node(h, "e_cyberattack_kp");
  assert_string_equal(attr(denied, "label"), "cyber attack\\ndenied");
  assert_non_null(strstr(attr(denied, "style"), "dashed"));

  Agedge_t *claim = edge(h, "a_united_states", "e_moneylaundering_kp");
  assert_string_equal(attr(claim, "xlabel"), "claims");
  assert_string_equal(attr(claim, "style"), "dotted");
  assert_string_equal(attr(edge(h, "a_south_korea", "a_kim_gunn"), "xlabel"),
                      "affiliated with");
  assert_string_equal(attr(node(h, "a_kim_gunn"), "shape"), "ellipse");
  agclose(h);
  free(text);
  fx_free(g);
}

/* A statement that names no target is still about whom it accuses: the
 * agents of what it says count for "around" and go on the right. */
static void test_statement_without_target(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  for (size_t i = 0; i < g->events.len; i++) {
    sckg_event *e = SCKG_EVENTS(g)[i];
    if (e->type == SCKG_EV_MAKE_STATEMENT)
      e->n_targets = 0;
  }
  char *text = dot_text(g, "statement");
  Agraph_t *h = parse(text);
  assert_int_equal(count_nodes(h, "e_"), FX_STMT_EVENTS);
  assert_string_equal(attr(edge(h, "e_cyberattack_kp", "a_north_korea"), "dir"),
                      "none");
  assert_null(agnode(h, cs("e_imposesanctions_eu"), 0));
  agclose(h);
  free(text);
  fx_free(g);
}

static void test_named_statement(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *by_suffix = dot_text(g, "statement:makestatement-kim");
  char *by_iri = dot_text(g, "statement:" FX_BASE "event/makestatement-kim");
  assert_string_equal(by_suffix, by_iri);
  Agraph_t *h = parse(by_suffix);
  assert_string_equal(attr(node(h, "e_makestatement_kim"), "fillcolor"),
                      "#0072B2");
  Agraph_t *issued = agsubg(h, cs("cluster_issued_by"), 0);
  assert_non_null(issued);
  assert_int_equal(agnnodes(issued), 1);
  assert_non_null(agnode(issued, cs("a_kim_gunn"), 0));
  assert_non_null(
      agnode(agsubg(h, cs("cluster_says"), 0), cs("e_criticize_kim"), 0));
  agclose(h);

  FILE *f = tmpfile();
  assert_non_null(f);
  assert_int_equal(sckg_write_dot(g, "statement:", f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, "statement:nothing-ends-so", f),
                   SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, "statement:-kp", f), SCKG_ERR_ARG);
  assert_int_equal(ftell(f), 0); /* nothing written on error */
  fclose(f);
  free(by_suffix);
  free(by_iri);
  fx_free(g);
}

static void test_fallback_to_all(void **state) {
  (void)state;
  sckg_graph *g = fx_small(false);
  char *stmt = dot_text(g, "statement"), *all = dot_text(g, "all");
  assert_string_equal(stmt, all);
  free(stmt);
  free(all);
  fx_free(g);
}

static void test_bad_arguments(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  FILE *f = tmpfile();
  Agraph_t *ag = NULL;
  assert_non_null(f);
  assert_int_equal(sckg_write_dot(g, "bogus", f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, "Statement", f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, "", f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, NULL, f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(NULL, "all", f), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_dot(g, "all", NULL), SCKG_ERR_ARG);
  assert_int_equal(sckg_view_build(g, "bogus", &ag), SCKG_ERR_ARG);
  assert_null(ag);
  g->finished = false;
  assert_int_equal(sckg_write_dot(g, "all", f), SCKG_ERR_ARG);
  assert_int_equal(ftell(f), 0);
  fclose(f);
  fx_free(g);
}

/* Text that would break DOT or Graphviz's label syntax comes back from the
 * parser as the writer escaped it, and unescaped as the original. */
static const char *const hostile[] = {
    "\"; node [shape=x]; \"",
    "<<b>html</b>>",
    "C:\\path\\N \\n \\\\ ends in\\",
    "&amp; & AT&T &#38; \\\" done",
    "a label of many words that wraps over several lines",
};
static const char *const hostile_slugs[] = {"quote", "html", "backslash",
                                            "entity", "long"};
#define N_HOSTILE (sizeof hostile / sizeof *hostile)

static void test_hostile_labels(void **state) {
  (void)state;
  sckg_graph *g = fx_new();
  sckg_article *art = fx_article(g, "a&b\\c", NULL, 0, 0, 0);
  sckg_actor *actors[N_HOSTILE];
  for (size_t i = 0; i < N_HOSTILE; i++)
    actors[i] =
        fx_actor(g, hostile_slugs[i], hostile[i], SCKG_CLASS_GROUP, NULL);
  const char *evidence = "He said \"\\N\" & <left>; } digraph x { y \\";
  fx_event(g, "accuse-hostile", SCKG_EV_ACCUSE, FX_ACTORS(actors[0], actors[1]),
           FX_ACTORS(actors[2], actors[3], actors[4]), FX_NODATE, art,
           evidence);
  fx_finish(g);

  char *text = dot_text(g, "all");
  Agraph_t *h = parse(text);
  assert_int_equal(count_nodes(h, "a_"), N_HOSTILE);
  assert_int_equal(count_nodes(h, "e_"), 1);
  assert_int_equal(count_edges(h), N_HOSTILE);
  assert_null(agnode(h, cs("x"), 0));
  for (size_t i = 0; i < N_HOSTILE; i++) {
    char name[32];
    snprintf(name, sizeof name, "a_%s", hostile_slugs[i]);
    char *label = unescape(attr(node(h, name), "label"), 2, ' ');
    assert_string_equal(label, hostile[i]);
    free(label);
  }
  char *tip = unescape(attr(node(h, "e_accuse_hostile"), "tooltip"), 4, '\n');
  assert_string_equal(tip, "He said \"\\N\" & <left>; } digraph x { y \\"
                           "\nsources: a&b\\c");
  free(tip);

  /* Wrapped lines hold at most 18 code points (one long word may exceed). */
  const char *label = attr(node(h, "a_long"), "label");
  size_t line = 0;
  for (const char *p = label; *p; p++) {
    if (p[0] == '\\' && p[1] == 'n') {
      line = 0;
      p++;
    } else {
      assert_true(++line <= 18);
    }
  }
  assert_non_null(strstr(label, "\\n"));
  agclose(h);
  free(text);
  fx_free(g);
}

static void test_story_statement(void **state) {
  (void)state;
  sckg_graph *g = fx_story();
  char *text = dot_text(g, "statement");
  Agraph_t *h = parse(text);
  /* Everything in the two articles is about or around the statement. */
  assert_int_equal(count_nodes(h, "a_"), FX_STORY_ACTORS);
  assert_int_equal(count_nodes(h, "e_"), FX_STORY_EVENTS);
  Agraph_t *says = agsubg(h, cs("cluster_says"), 0);
  assert_non_null(says);
  assert_int_equal(agnnodes(says), FX_STORY_SAID);
  check_edges_safe(h);
  assert_int_equal(agnnodes(agsubg(h, cs("cluster_issued_by"), 0)), 3);
  size_t hubs = 0;
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v))
    if (strcmp(attr(v, "fillcolor"), "#0072B2") == 0) {
      hubs++;
      assert_string_equal(attr(v, "label"), "joint statement\\n2023-04-07");
      assert_string_equal(attr(v, "URL"),
                          FX_BASE "event/makestatement-japan-south-korea-"
                                  "united-states-2023-04-07");
    }
  assert_int_equal(hubs, 1);
  assert_null(agnode(h, cs("legend_denied"), 0)); /* nothing is denied */
  agclose(h);
  free(text);
  fx_free(g);
}

static void test_write_error(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f)
    skip();
  sckg_graph *g = fx_story();
  assert_int_equal(sckg_write_dot(g, "statement", f), SCKG_ERR_WRITE);
  fclose(f);
  fx_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_all_view),
      cmocka_unit_test(test_statement_view),
      cmocka_unit_test(test_statement_without_target),
      cmocka_unit_test(test_named_statement),
      cmocka_unit_test(test_fallback_to_all),
      cmocka_unit_test(test_bad_arguments),
      cmocka_unit_test(test_hostile_labels),
      cmocka_unit_test(test_story_statement),
      cmocka_unit_test(test_write_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
