/* SPDX-License-Identifier: MIT */
/* The DOT writer on hand-built graphs: byte-identical output, what each view
 * shows (read back with agmemread), hostile label text and write failures. */
#include "lexicon/lexicon.h"
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "view/grammar.h"
#include "view/view.h"
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

/* The view as DOT text with every option, heap-owned by the caller;
 * asserts success. */
static char *dot_text_opts(const sckg_graph *g, const sckg_view_options *o) {
  FILE *f = tmpfile();
  assert_non_null(f);
  assert_int_equal(sckg_write_view_dot(g, o, f), SCKG_OK);
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

/* The view as DOT text, heap-owned by the caller; asserts success. */
static char *dot_text(const sckg_graph *g, const char *view) {
  sckg_view_options o = {.view = view};
  return dot_text_opts(g, &o);
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
 * labelled ones trip dot 2.42's memory bugs (see view/draw.c). */
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
  const char *views[] = {"all",
                         "statement",
                         "statement:makestatement-kim",
                         "actor:Q423",
                         "article:ap-2023-04-07",
                         "type:cyber"};
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

/* Every edge of the graph proper has a tooltip and a link. */
static void check_edges_linked(Agraph_t *h) {
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v))
    for (Agedge_t *e = agfstout(h, v); e; e = agnxtout(h, e)) {
      if (is_legend(agtail(e)) || is_legend(aghead(e)))
        continue;
      assert_true(*attr(e, "tooltip"));
      assert_true(*attr(e, "URL"));
    }
}

/* The last message reported to the graph's sink, and its severity. */
static char last_message[1024];
static sckg_severity last_severity;

static void keep_last(void *handle, const sckg_diag *d) {
  (void)handle;
  snprintf(last_message, sizeof last_message, "%s", d->message);
  last_severity = d->severity;
}

/* The message sckg_write_check_view reports to the graph's sink for
 * `view`: one error, naming the view. */
static const char *problem_of(sckg_graph *g, const char *view) {
  sckg_view_options o = {.view = view};
  g->opts.sink = keep_last;
  last_message[0] = '\0';
  assert_int_equal(sckg_write_check_view(g, &o), SCKG_ERR_ARG);
  g->opts.sink = NULL;
  assert_int_equal(last_severity, SCKG_SEV_ERROR);
  char quoted[256];
  snprintf(quoted, sizeof quoted, "view '%s' ", view);
  assert_non_null(strstr(last_message, quoted));
  return last_message;
}

static void test_actor_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *by_qid = dot_text(g, "actor:Q423");
  const char *names[] = {"actor:q423", "actor:north-korea", "actor:NORTH KOREA",
                         "actor:" FX_BASE "actor/north-korea"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char *other = dot_text(g, names[i]);
    assert_string_equal(other, by_qid);
    free(other);
  }
  Agraph_t *h = parse(by_qid);
  assert_string_equal(agnameof(h), "actor");
  assert_string_equal(attr(h, "label"),
                      "North Korea (Wikidata Q423): its events and who took "
                      "part in them");
  /* Its events, what its statement says, the statement that reports one
   * of them (Kim's); not the EU's sanctions on Russia. */
  assert_int_equal(count_nodes(h, "e_"), 7);
  assert_int_equal(count_nodes(h, "a_"), 6);
  assert_null(agnode(h, cs("e_imposesanctions_eu"), 0));
  assert_null(agnode(h, cs("a_russia"), 0));
  check_edges_safe(h);
  check_edges_linked(h);
  assert_string_equal(attr(node(h, "a_north_korea"), "penwidth"), "3");
  assert_string_equal(attr(node(h, "a_united_states"), "penwidth"), "");
  assert_non_null(strstr(attr(node(h, "legend_edges"), "label"),
                         "thick border: the actor in focus"));
  /* North Korea in the middle: what is aimed at it comes in, what it does
   * goes out; the United Nations, only a target, on the right. */
  assert_string_equal(
      attr(edge(h, "e_makestatement_joint", "a_north_korea"), "dir"), "");
  assert_string_equal(attr(edge(h, "e_criticize_kim", "a_north_korea"), "dir"),
                      "");
  assert_string_equal(attr(edge(h, "a_north_korea", "e_cybertheft_kp"), "dir"),
                      "none");
  assert_string_equal(attr(edge(h, "e_appeal_un", "a_united_nations"), "dir"),
                      "");
  assert_string_equal(attr(edge(h, "a_kim_gunn", "e_makestatement_kim"), "dir"),
                      "none");
  agclose(h);

  /* Depth 2 reaches nothing more here: the EU's story is apart. */
  sckg_view_options o = {.view = "actor:Q423", .depth = 2};
  char *deeper = dot_text_opts(g, &o);
  h = parse(deeper);
  assert_int_equal(count_nodes(h, "e_"), 7);
  assert_non_null(strstr(attr(h, "label"), "2 steps out"));
  agclose(h);
  free(deeper);

  /* From the EU: depth 1 is its sanctions and Russia, nothing else. */
  char *eu = dot_text(g, "actor:european-union");
  h = parse(eu);
  assert_int_equal(count_nodes(h, "e_"), 1);
  assert_int_equal(count_nodes(h, "a_"), 2);
  assert_string_equal(attr(edge(h, "e_imposesanctions_eu", "a_russia"), "dir"),
                      "");
  agclose(h);
  free(eu);

  assert_non_null(strstr(problem_of(g, "actor:Q999"), "names no actor"));
  assert_non_null(strstr(problem_of(g, "actor:nobody"), "names no actor"));
  o.depth = SCKG_VIEW_MAX_DEPTH + 1;
  assert_int_equal(sckg_write_check_view(g, &o), SCKG_ERR_ARG);
  free(by_qid);
  fx_free(g);
}

/* Two actors with one label: the label is ambiguous, the slug is not. */
static void test_actor_ambiguous(void **state) {
  (void)state;
  sckg_graph *g = fx_new();
  sckg_article *art = fx_article(g, "a", NULL, 2023, 1, 2);
  sckg_actor *x = fx_actor(g, "lazarus-a", "Lazarus", SCKG_CLASS_GROUP, NULL);
  sckg_actor *y = fx_actor(g, "lazarus-b", "Lazarus", SCKG_CLASS_GROUP, NULL);
  fx_event(g, "cybertheft-x", SCKG_EV_CYBER_THEFT, FX_ACTORS(x), FX_NONE,
           FX_NODATE, art, "Lazarus stole.");
  fx_event(g, "cybertheft-y", SCKG_EV_CYBER_THEFT, FX_ACTORS(y), FX_NONE,
           FX_NODATE, art, "Lazarus stole again.");
  fx_finish(g);
  assert_non_null(strstr(problem_of(g, "actor:lazarus"), "more than one"));
  char *text = dot_text(g, "actor:lazarus-b");
  Agraph_t *h = parse(text);
  assert_int_equal(count_nodes(h, "e_"), 1);
  assert_non_null(agnode(h, cs("e_cybertheft_y"), 0));
  agclose(h);
  free(text);
  fx_free(g);
}

static void test_article_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *text = dot_text(g, "article:reuters-2023-04-07");
  const char *names[] = {"article:REUTERS-2023-04-07",
                         "article:corpus/reuters-2023-04-07.txt",
                         "article:" FX_BASE "article/reuters-2023-04-07"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char *other = dot_text(g, names[i]);
    assert_string_equal(other, text);
    free(other);
  }
  Agraph_t *h = parse(text);
  assert_string_equal(agnameof(h), "article");
  assert_string_equal(attr(h, "label"),
                      "What \"reuters-2023-04-07\" reports "
                      "(reuters-2023-04-07, Reuters, 2023-04-07)");
  /* Reuters reports the statement, the appeal and the denied attack. */
  assert_int_equal(count_nodes(h, "e_"), 3);
  assert_non_null(agnode(h, cs("e_makestatement_joint"), 0));
  assert_non_null(agnode(h, cs("e_appeal_un"), 0));
  assert_non_null(agnode(h, cs("e_cyberattack_kp"), 0));
  assert_int_equal(count_nodes(h, "a_"), 5);
  check_edges_safe(h);
  check_edges_linked(h);
  agclose(h);
  assert_non_null(strstr(problem_of(g, "article:nothing"), "names no article"));
  free(text);
  fx_free(g);
}

static void test_type_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *group = dot_text(g, "type:cyber");
  char *listed = dot_text(g, "type:CyberAttack,sckg:CyberTheft,cyberespionage");
  Agraph_t *h = parse(group);
  assert_string_equal(agnameof(h), "type");
  assert_string_equal(attr(h, "label"),
                      "Cyber operations: 2 events in 2 articles");
  /* The theft, the denied attack and the statement that says the theft. */
  assert_int_equal(count_nodes(h, "e_"), 3);
  assert_non_null(agnode(h, cs("e_makestatement_joint"), 0));
  assert_null(agnode(h, cs("e_moneylaundering_kp"), 0));
  check_edges_safe(h);
  check_edges_linked(h);
  agclose(h);
  h = parse(listed);
  assert_string_equal(attr(h, "label"),
                      "Cyber attack, cyber theft, cyber espionage: 2 events in "
                      "2 articles");
  assert_int_equal(count_nodes(h, "e_"), 3);
  agclose(h);

  /* The sanctioned go on the right. */
  char *sanctions = dot_text(g, "type:imposesanctions");
  h = parse(sanctions);
  assert_string_equal(attr(h, "label"),
                      "Imposes sanctions: 1 event in 1 article");
  assert_string_equal(attr(edge(h, "e_imposesanctions_eu", "a_russia"), "dir"),
                      "");
  assert_string_equal(
      attr(edge(h, "a_european_union", "e_imposesanctions_eu"), "dir"), "none");
  agclose(h);

  /* A type with no event is an empty picture with its title, not an
   * error. */
  char *none = dot_text(g, "type:EaseSanctions");
  h = parse(none);
  assert_int_equal(agnnodes(h), 0);
  assert_string_equal(attr(h, "label"),
                      "Eases sanctions: 0 events in 0 articles");
  agclose(h);

  const char *bad[] = {"type:", "type:cyber,", "type:,cyber", "type:nonsense",
                       "type:Impose Sanctions"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_non_null(strstr(problem_of(g, bad[i]), "names no event type"));
  free(group);
  free(listed);
  free(sanctions);
  free(none);
  fx_free(g);
}

/* The view names it: "is not a view", for any unknown name. */
static void test_unknown_view(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  assert_non_null(strstr(problem_of(g, "actors:Q423"), "is not a view"));
  assert_non_null(strstr(problem_of(g, "All"), "is not a view"));
  assert_non_null(
      strstr(problem_of(g, "statement:nothing-ends-so"), "names no statement"));
  sckg_view_options o = {.view = "all"};
  assert_int_equal(sckg_write_check_view(g, &o), SCKG_OK);
  assert_int_equal(sckg_write_check_view(NULL, &o), SCKG_ERR_ARG);
  assert_int_equal(sckg_write_check_view(g, NULL), SCKG_ERR_ARG);
  o.view = NULL; /* "all" */
  assert_int_equal(sckg_write_check_view(g, &o), SCKG_OK);
  fx_free(g);
}

/* A phrase of the view grammar, kept until the next call. */
static const char *grammar_phrase(sckg_view_phrase_id id) {
  static char text[1024];
  sckg_buf b = {0};
  sckg_view_phrase(id, &b);
  snprintf(text, sizeof text, "%s", b.ptr);
  sckg_buf_free(&b);
  return text;
}

/* Each form of the grammar's table parses as itself, its capitals as the
 * name it takes; a name of no form, in any case but the table's, is none,
 * and the message about it lists every form. */
static void test_grammar_forms(void **state) {
  (void)state;
  const char *arg;
  for (int f = 0; f < SCKG_VIEW_FORM_COUNT; f++) {
    const char *syntax = sckg_view_forms[f].syntax;
    assert_int_equal(sckg_view_form_of(syntax, &arg), f);
    assert_int_equal(*arg != '\0', sckg_view_form_takes_name(f));
    assert_non_null(strstr(grammar_phrase(SCKG_VIEW_NOT_A_VIEW), syntax));
  }
  assert_int_equal(sckg_view_form_of(NULL, &arg), SCKG_VIEW_FORM_ALL);
  assert_int_equal(sckg_view_form_of("actor:Q423", &arg), SCKG_VIEW_FORM_ACTOR);
  assert_string_equal(arg, "Q423");
  assert_int_equal(sckg_view_form_of("statement:", &arg),
                   SCKG_VIEW_FORM_STATEMENT_NAMED);
  assert_string_equal(arg, "");
  assert_int_equal(sckg_view_form_of("All", &arg), SCKG_VIEW_FORM_COUNT);
  assert_int_equal(sckg_view_form_of("actors:Q423", &arg),
                   SCKG_VIEW_FORM_COUNT);
  assert_int_equal(sckg_view_form_of("statements", &arg), SCKG_VIEW_FORM_COUNT);
  assert_false(sckg_view_form_takes_name(SCKG_VIEW_FORM_COUNT));
}

/* Every engine of the grammar's table is one a view may ask for and the
 * message about an unknown one names; a name of none is refused. */
static void test_grammar_engines(void **state) {
  (void)state;
  for (size_t e = 0; e < sckg_view_n_engines; e++) {
    const char *name = sckg_view_engines[e].name;
    assert_true(sckg_view_engine_known(name));
    assert_non_null(strstr(grammar_phrase(SCKG_VIEW_ENGINE_LIST), name));
    assert_non_null(strstr(grammar_phrase(SCKG_VIEW_NO_ENGINE), name));
  }
  assert_false(sckg_view_engine_known("osage"));
  assert_false(sckg_view_engine_known("Dot"));
  assert_false(sckg_view_engine_known(""));
  assert_string_equal(grammar_phrase(SCKG_VIEW_ENGINE_LIST),
                      "dot, sfdp, neato, fdp, circo or twopi");
}

/* The groups of the grammar's table are those of the embedded schema's
 * types.tsv, each holding a type, and the message about a bad type view
 * lists them all: a group added on one side only fails here. */
static void test_grammar_groups(void **state) {
  (void)state;
  const sckg_schema *schema;
  assert_int_equal(sckg_schema_embedded(&schema), SCKG_OK);
  for (int t = 0; t < SCKG_EV_COUNT; t++) {
    const char *group = sckg_type(schema, (sckg_event_type)t)->group;
    bool listed = !group;
    for (size_t g = 0; g < sckg_view_n_groups && !listed; g++)
      listed = strcmp(sckg_view_groups[g].name, group) == 0;
    if (!listed)
      fail_msg("types.tsv's group '%s' is not in view/grammar.c", group);
  }
  sckg_buf types = {0};
  for (size_t g = 0; g < sckg_view_n_groups; g++) {
    sckg_buf_clear(&types);
    sckg_view_group_types(schema, &sckg_view_groups[g], &types);
    if (types.len == 0)
      fail_msg("view/grammar.c's group '%s' holds no type of types.tsv",
               sckg_view_groups[g].name);
    assert_non_null(
        strstr(grammar_phrase(SCKG_VIEW_NO_TYPE), sckg_view_groups[g].name));
  }
  sckg_buf_clear(&types);
  sckg_view_group_types(schema, &sckg_view_groups[0], &types);
  assert_string_equal(types.ptr, "CyberAttack, CyberTheft, CyberEspionage");
  sckg_buf_free(&types);
}

static void test_edge_tooltips(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *text = dot_text(g, "statement");
  Agraph_t *h = parse(text);
  check_edges_linked(h);
  Agedge_t *agent = edge(h, "a_japan", "e_makestatement_joint");
  char *tip = unescape(attr(agent, "tooltip"), 4, '\n');
  assert_string_equal(tip, "Japan: agent of joint statement, 2023-04-07\n"
                           "The United States, South Korea, and Japan released "
                           "a joint statement on Friday.\n"
                           "They said so in a joint statement.\n"
                           "sources: ap-2023-04-07, reuters-2023-04-07");
  free(tip);
  assert_string_equal(attr(agent, "URL"), FX_BASE "event/makestatement-joint");
  Agedge_t *says = edge(h, "e_makestatement_joint", "e_cybertheft_kp");
  assert_string_equal(attr(says, "URL"), FX_BASE "event/cybertheft-kp");
  assert_true(strncmp(attr(says, "tooltip"),
                      "joint statement says: cyber theft\\n", 35) == 0);
  Agedge_t *denied = edge(h, "e_cyberattack_kp", "a_north_korea");
  assert_true(strncmp(attr(denied, "tooltip"),
                      "North Korea: agent of cyber attack (denied)", 43) == 0);
  Agedge_t *part = edge(h, "a_south_korea", "a_kim_gunn");
  assert_string_equal(attr(part, "tooltip"),
                      "Kim Gunn: affiliated with South Korea");
  assert_string_equal(attr(part, "URL"), FX_BASE "actor/kim-gunn");
  agclose(h);
  free(text);
  fx_free(g);
}

/* `prefix` and `i` in five digits, in the graph's arena. */
static const char *fx_name(sckg_graph *g, const char *prefix, size_t i) {
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%s%05zu", prefix, i);
  return sckg_arena_strndup(g->arena, buf, (size_t)n);
}

/* An event reported many times names its first 10 sentences (each cut
 * at 400 code points) and 20 sources in its tooltip, and its edges' ones,
 * then how many more. */
static void test_tooltip_cap(void **state) {
  (void)state;
  sckg_graph *g = fx_new();
  sckg_actor *jp = fx_actor(g, "japan", "Japan", SCKG_CLASS_STATE, "Q17");
  char long_sentence[1200];
  memset(long_sentence, 'a', sizeof long_sentence - 1);
  long_sentence[sizeof long_sentence - 1] = '\0';
  memcpy(long_sentence, "Japan said ", 11);
  sckg_event *e = NULL;
  for (size_t i = 0; i < 25; i++) {
    sckg_article *a = fx_article(g, fx_name(g, "report-", i), NULL, 0, 0, 0);
    const char *text = i == 0 ? sckg_arena_strndup(g->arena, long_sentence,
                                                   strlen(long_sentence))
                              : "Japan said so.";
    if (!e)
      e = fx_event(g, "makestatement-jp", SCKG_EV_MAKE_STATEMENT, FX_ACTORS(jp),
                   FX_NONE, FX_NODATE, a, text);
    else
      fx_report(g, e, a, text);
  }
  fx_finish(g);
  char *dot = dot_text(g, "all");
  Agraph_t *h = parse(dot);
  char *tip = unescape(attr(node(h, "e_makestatement_jp"), "tooltip"), 4, '\n');
  /* the long sentence (report-00000#char=0,1199 sorts first), cut at its
   * last space within 400 code points: after "said" */
  static const char head[] = "Japan said...\nJapan said so.\n";
  assert_true(strncmp(tip, head, sizeof head - 1) == 0);
  assert_non_null(strstr(tip, "\n(and 15 more sentences)\nsources: "
                              "report-00000, report-00001, "));
  assert_non_null(strstr(tip, ", report-00019 and 5 more"));
  assert_null(strstr(tip, "report-00020"));
  free(tip);
  tip = unescape(attr(edge(h, "a_japan", "e_makestatement_jp"), "tooltip"), 4,
                 '\n');
  assert_non_null(strstr(tip, "(and 15 more sentences)"));
  assert_true(strlen(tip) < 1000);
  free(tip);
  agclose(h);
  free(dot);
  fx_free(g);
}

static void test_link_base(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  sckg_view_options o = {.view = "statement",
                         .link_base =
                             "http://localhost:8890/describe/?a=1&url="};
  char *text = dot_text_opts(g, &o);
  Agraph_t *h = parse(text);
  const char *want =
      "http://localhost:8890/describe/?a=1&amp;url=https%3A%2F%2F"
      "w3id.org%2Fsckg%2Fid%2Factor%2Funited-states";
  assert_string_equal(attr(node(h, "a_united_states"), "URL"), want);
  /* Every link of the graph proper goes through the base. */
  for (Agnode_t *v = agfstnode(h); v; v = agnxtnode(h, v)) {
    if (is_legend(v))
      continue;
    assert_true(strncmp(attr(v, "URL"), "http://localhost:8890/", 22) == 0);
    for (Agedge_t *e = agfstout(h, v); e; e = agnxtout(h, e))
      assert_true(strncmp(attr(e, "URL"), "http://localhost:8890/", 22) == 0);
  }
  agclose(h);
  free(text);

  FILE *f = tmpfile();
  assert_non_null(f);
  const char *bad[] = {"http://x/ y", "http://x/\"", "http://x/<", "\t"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    o.link_base = bad[i];
    assert_int_equal(sckg_write_view_dot(g, &o, f), SCKG_ERR_ARG);
  }
  assert_int_equal(ftell(f), 0);
  fclose(f);
  fx_free(g);
}

/* A chosen layout other than dot travels in the DOT, with overlap=prism,
 * and the legend becomes one table node (those layouts drop clusters). */
static void test_layout(void **state) {
  (void)state;
  sckg_graph *g = fx_small(true);
  char *plain = dot_text(g, "all");
  Agraph_t *h = parse(plain);
  assert_string_equal(attr(h, "layout"), "");
  agclose(h);
  sckg_view_options o = {.view = "all", .layout = "neato"};
  char *neato = dot_text_opts(g, &o);
  h = parse(neato);
  assert_string_equal(attr(h, "layout"), "neato");
  assert_string_equal(attr(h, "overlap"), "prism");
  assert_null(agsubg(h, cs("cluster_legend"), 0));
  Agnode_t *legend = node(h, "legend");
  assert_true(aghtmlstr(agget(legend, cs("label"))));
  assert_non_null(strstr(attr(legend, "label"), "state (rectangle)"));
  assert_int_equal(count_nodes(h, "legend"), 1);
  agclose(h);
  o.layout = "dot";
  char *dot = dot_text_opts(g, &o);
  assert_string_equal(dot, plain);
  FILE *f = tmpfile();
  assert_non_null(f);
  o.layout = "osage";
  assert_int_equal(sckg_write_view_dot(g, &o, f), SCKG_ERR_ARG);
  o.layout = "";
  assert_int_equal(sckg_write_view_dot(g, &o, f), SCKG_ERR_ARG);
  assert_int_equal(ftell(f), 0);
  fclose(f);
  free(plain);
  free(neato);
  free(dot);
  fx_free(g);
}

/* ---- the all view's summary ----
 * A graph past SCKG_VIEW_MAX_NODES: five events that all three
 * articles report, one of them stated in a statement only one reports;
 * an event two articles report with more targets than the cap; and
 * `fillers` events of one report each, each with an actor of its own
 * (two nodes apiece). The summary takes the five (and the statement, and
 * the two actors: 8 nodes), passes over the oversized one, then fillers in
 * IRI order while two more nodes fit. */
enum { SUMMARY_HEAD = 8 };

static sckg_graph *fx_big(size_t fillers) {
  sckg_graph *g = fx_new();
  sckg_article *arts[3] = {
      fx_article(g, "a1", NULL, 2024, 1, 1),
      fx_article(g, "a2", NULL, 2024, 1, 2),
      fx_article(g, "a3", NULL, 2024, 1, 3),
  };
  sckg_actor *us =
      fx_actor(g, "united-states", "United States", SCKG_CLASS_STATE, "Q30");
  sckg_actor *kp =
      fx_actor(g, "north-korea", "North Korea", SCKG_CLASS_STATE, "Q423");
  sckg_event *stmt =
      fx_event(g, "makestatement-us", SCKG_EV_MAKE_STATEMENT, FX_ACTORS(us),
               FX_NONE, FX_NODATE, arts[0], "The United States said so.");
  for (size_t i = 0; i < 5; i++) {
    sckg_event *e = fx_event(g, fx_name(g, "popular-", i),
                             SCKG_EV_IMPOSE_SANCTIONS, FX_ACTORS(us),
                             FX_ACTORS(kp), FX_NODATE, arts[0], "Sanctions.");
    fx_report(g, e, arts[1], "Sanctions again.");
    fx_report(g, e, arts[2], "Sanctions once more.");
    if (i == 0)
      e->stated_in = stmt;
  }
  /* more targets than the cap: it can never fit */
  size_t n_many = SCKG_VIEW_MAX_NODES + 1;
  sckg_actor **many = calloc(n_many + 1, sizeof *many);
  assert_non_null(many);
  for (size_t i = 0; i < n_many; i++)
    many[i] = fx_actor(g, fx_name(g, "target-", i), fx_name(g, "Target ", i),
                       SCKG_CLASS_GROUP, NULL);
  sckg_event *huge =
      fx_event(g, "accuse-many", SCKG_EV_ACCUSE, FX_ACTORS(us), many, FX_NODATE,
               arts[0], "The United States accused them all.");
  fx_report(g, huge, arts[1], "It accused them all.");
  free(many);
  for (size_t i = 0; i < fillers; i++) {
    sckg_actor *a =
        fx_actor(g, fx_name(g, "filler-", i), fx_name(g, "Filler ", i),
                 SCKG_CLASS_ORGANIZATION, NULL);
    fx_event(g, fx_name(g, "filler-", i), SCKG_EV_CYBER_ATTACK, FX_ACTORS(a),
             FX_NONE, FX_NODATE, arts[i % 3], "It hacked.");
  }
  fx_finish(g);
  return g;
}

static void test_all_summary(void **state) {
  (void)state;
  const size_t fillers = SCKG_VIEW_MAX_NODES;
  const size_t fit = (SCKG_VIEW_MAX_NODES - SUMMARY_HEAD) / 2;
  sckg_graph *g = fx_big(fillers), *again = fx_big(fillers);
  char *text = dot_text(g, "all");
  char *text2 = dot_text(again, "all");
  assert_string_equal(text, text2); /* deterministic */
  Agraph_t *h = parse(text);
  size_t nodes = count_nodes(h, "a_") + count_nodes(h, "e_");
  assert_true(nodes <= SCKG_VIEW_MAX_NODES);
  assert_int_equal(count_nodes(h, "e_"), 6 + fit);
  assert_int_equal(count_nodes(h, "a_"), 2 + fit);
  char name[64];
  for (size_t i = 0; i < 5; i++) {
    snprintf(name, sizeof name, "e_popular_%05zu", i);
    node(h, name);
  }
  node(h, "e_makestatement_us"); /* brought by the event it reports */
  assert_null(agnode(h, cs("e_accuse_many"), 0));
  assert_null(agnode(h, cs("a_target_00000"), 0));
  /* fillers in IRI order, as many as fit */
  snprintf(name, sizeof name, "e_filler_%05zu", fit - 1);
  node(h, name);
  snprintf(name, sizeof name, "a_filler_%05zu", fit - 1);
  node(h, name);
  snprintf(name, sizeof name, "e_filler_%05zu", fit);
  assert_null(agnode(h, cs(name), 0));
  /* the title says it is a summary, of how much, and where the rest is */
  char want[256];
  snprintf(want, sizeof want,
           "All actors and events (3 articles)\\lShowing the %zu most "
           "reported of 1,%03zu events and %zu of 2,%03zu actors: too many "
           "to draw; use --view type:, actor: or article: for the rest\\l",
           6 + fit, (7 + fillers) % 1000, 2 + fit,
           (3 + SCKG_VIEW_MAX_NODES + fillers) % 1000);
  assert_string_equal(attr(h, "label"), want);
  /* past the dot threshold: laid out by sfdp */
  if (nodes > SCKG_VIEW_DOT_MAX_NODES)
    assert_string_equal(attr(h, "layout"), "sfdp");
  check_edges_safe(h);
  agclose(h);
  /* its statement view, with the oversized accusation around the
   * statement, is capped too: the statement (its anchor) with what it
   * says, then the most reported events around it */
  char *stmt = dot_text(g, "statement");
  h = parse(stmt);
  assert_string_equal(
      attr(h, "label"),
      "Makes a statement by United States: what it says and what happened "
      "around it\\lShowing the 6 most reported of 7 events and 2 of 1,003 "
      "actors: too many to draw; use --view actor:, article: or type: for "
      "the rest\\l");
  assert_string_equal(attr(node(h, "e_makestatement_us"), "color"), "#0072B2");
  assert_string_equal(attr(node(h, "e_makestatement_us"), "fillcolor"),
                      "#0072B2"); /* still the hub */
  node(h, "e_popular_00000");     /* what it says */
  assert_non_null(agsubg(h, cs("cluster_says"), 0));
  assert_null(agnode(h, cs("e_accuse_many"), 0));
  check_edges_safe(h);
  agclose(h);
  free(stmt);
  free(text);
  free(text2);
  fx_free(g);
  fx_free(again);
}

/* At the cap exactly, everything is drawn and the title is the plain one. */
static void test_all_at_cap(void **state) {
  (void)state;
  /* the small graph's actors and events, then fillers of two nodes and,
   * should one node be left, an actor without events */
  size_t room = SCKG_VIEW_MAX_NODES - FX_SMALL_ACTORS - FX_SMALL_EVENTS;
  sckg_graph *g = fx_small(true);
  sckg_article *art = SCKG_ARTICLES(g)[0];
  for (size_t i = 0; i + 2 <= room; i += 2) {
    sckg_actor *a =
        fx_actor(g, fx_name(g, "filler-", i), fx_name(g, "Filler ", i),
                 SCKG_CLASS_ORGANIZATION, NULL);
    fx_event(g, fx_name(g, "filler-", i), SCKG_EV_CYBER_ATTACK, FX_ACTORS(a),
             FX_NONE, FX_NODATE, art, "It hacked.");
  }
  if (room % 2)
    fx_actor(g, "lone", "Lone", SCKG_CLASS_PERSON, NULL);
  fx_finish(g);
  assert_int_equal(g->actors.len + g->events.len, SCKG_VIEW_MAX_NODES);
  char *text = dot_text(g, "all");
  Agraph_t *h = parse(text);
  assert_int_equal(count_nodes(h, "a_") + count_nodes(h, "e_"),
                   SCKG_VIEW_MAX_NODES);
  assert_string_equal(attr(h, "label"), "All actors and events (3 articles)");
  agclose(h);
  free(text);
  /* one more node and it is a summary */
  fx_actor(g, "one-more", "One more", SCKG_CLASS_PERSON, NULL);
  fx_finish(g);
  text = dot_text(g, "all");
  h = parse(text);
  assert_non_null(strstr(attr(h, "label"), "most reported"));
  assert_true(count_nodes(h, "a_") + count_nodes(h, "e_") <=
              SCKG_VIEW_MAX_NODES);
  agclose(h);
  free(text);
  fx_free(g);
}

/* The type, actor and article views of a graph past the cap are
 * summaries the same way, each with a hint of its own. Cyber attacks are
 * the fillers: the first of them in IRI order, as many as fit. */
static void test_type_summary(void **state) {
  (void)state;
  const size_t fillers = SCKG_VIEW_MAX_NODES;
  const size_t fit = SCKG_VIEW_MAX_NODES / 2;
  sckg_graph *g = fx_big(fillers), *again = fx_big(fillers);
  char *text = dot_text(g, "type:CyberAttack");
  char *text2 = dot_text(again, "type:CyberAttack");
  assert_string_equal(text, text2); /* deterministic */
  Agraph_t *h = parse(text);
  assert_string_equal(agnameof(h), "type");
  assert_int_equal(count_nodes(h, "e_"), fit);
  assert_int_equal(count_nodes(h, "a_"), fit);
  char name[64];
  snprintf(name, sizeof name, "e_filler_%05zu", fit - 1);
  node(h, name);
  snprintf(name, sizeof name, "e_filler_%05zu", fit);
  assert_null(agnode(h, cs(name), 0));
  char want[256];
  snprintf(want, sizeof want,
           "Cyber attack: 1,%03zu events in 3 articles\\lShowing the %zu most "
           "reported of 1,%03zu events and %zu of 1,%03zu actors: too many "
           "to draw; use --view actor: or article: for the rest\\l",
           fillers % 1000, fit, fillers % 1000, fit, fillers % 1000);
  assert_string_equal(attr(h, "label"), want);
  assert_string_equal(attr(h, "layout"), "sfdp"); /* 1,000 nodes */
  check_edges_safe(h);
  check_edges_linked(h);
  agclose(h);
  /* a group: name fewer types */
  char *group = dot_text(g, "type:cyber");
  h = parse(group);
  assert_non_null(strstr(attr(h, "label"),
                         "too many to draw; name fewer types, or use --view "
                         "actor: or article: for the rest\\l"));
  agclose(h);
  /* under the cap the same graph's type view is whole, with its one line */
  char *whole = dot_text(g, "type:ImposeSanctions");
  h = parse(whole);
  assert_string_equal(attr(h, "label"),
                      "Imposes sanctions: 5 events in 3 articles");
  assert_int_equal(count_nodes(h, "e_"), 6);
  agclose(h);
  /* an article view: the article is the title, kept */
  char *article = dot_text(g, "article:a1");
  h = parse(article);
  assert_true(strncmp(attr(h, "label"), "What \"a1\" reports", 16) == 0);
  assert_non_null(strstr(attr(h, "label"),
                         "too many to draw; use --view actor: or type: for "
                         "the rest\\l"));
  assert_true(count_nodes(h, "a_") + count_nodes(h, "e_") <=
              SCKG_VIEW_MAX_NODES);
  node(h, "e_popular_00004");
  assert_null(agnode(h, cs("e_accuse_many"), 0));
  agclose(h);
  free(text);
  free(text2);
  free(group);
  free(whole);
  free(article);
  fx_free(g);
  fx_free(again);
}

/* An actor view over the cap keeps its actor even when none of its events
 * fits: Target 00000's only event has more targets than the cap. Two
 * steps out it reaches the United States, whose events do fit. */
static void test_actor_summary(void **state) {
  (void)state;
  sckg_graph *g = fx_big(0);
  char *text = dot_text(g, "actor:target-00000");
  Agraph_t *h = parse(text);
  assert_string_equal(agnameof(h), "actor");
  assert_string_equal(
      attr(h, "label"),
      "Target 00000: its events and who took part in them\\lShowing the 0 "
      "most reported of 1 event and 1 of 1,002 actors: too many to draw; "
      "use --view article: or type: for the rest\\l");
  assert_int_equal(count_nodes(h, "e_"), 0);
  assert_int_equal(count_nodes(h, "a_"), 1);
  assert_string_equal(attr(node(h, "a_target_00000"), "penwidth"), "3");
  agclose(h);

  sckg_view_options o = {.view = "actor:target-00000", .depth = 2};
  char *deep = dot_text_opts(g, &o);
  h = parse(deep);
  assert_string_equal(
      attr(h, "label"),
      "Target 00000: its events and theirs, 2 steps out\\lShowing the 6 "
      "most reported of 7 events and 3 of 1,003 actors: too many to draw; "
      "use a lower --depth, or --view article: or type: for the rest\\l");
  assert_string_equal(attr(node(h, "a_target_00000"), "penwidth"), "3");
  for (size_t i = 0; i < 5; i++) {
    char name[64];
    snprintf(name, sizeof name, "e_popular_%05zu", i);
    node(h, name);
  }
  node(h, "e_makestatement_us");
  node(h, "a_north_korea");
  assert_null(agnode(h, cs("e_accuse_many"), 0));
  assert_null(agnode(h, cs("a_target_00001"), 0));
  check_edges_safe(h);
  check_edges_linked(h);
  agclose(h);
  free(text);
  free(deep);
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
      cmocka_unit_test(test_actor_view),
      cmocka_unit_test(test_actor_ambiguous),
      cmocka_unit_test(test_article_view),
      cmocka_unit_test(test_type_view),
      cmocka_unit_test(test_unknown_view),
      cmocka_unit_test(test_grammar_forms),
      cmocka_unit_test(test_grammar_groups),
      cmocka_unit_test(test_grammar_engines),
      cmocka_unit_test(test_edge_tooltips),
      cmocka_unit_test(test_tooltip_cap),
      cmocka_unit_test(test_link_base),
      cmocka_unit_test(test_layout),
      cmocka_unit_test(test_all_summary),
      cmocka_unit_test(test_all_at_cap),
      cmocka_unit_test(test_type_summary),
      cmocka_unit_test(test_actor_summary),
      cmocka_unit_test(test_write_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
