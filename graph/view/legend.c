/* SPDX-License-Identifier: MIT */
/* The legend: what the shapes, fills and edges of this picture mean,
 * for what it shows only. */
#include "view/scene.h"

#include <stdint.h>
#include <string.h>

typedef struct {
  bool cls[SCKG_CLASS_COUNT], fam[FAM_COUNT];
  bool negated, says, claims, parts;
} present;

static void survey(const scene *v, present *p) {
  memset(p, 0, sizeof *p);
  for (size_t i = 0; i < v->n_actors; i++) {
    if (!v->anode[i])
      continue;
    const sckg_actor *a = v->actors[i];
    if (a->cls < SCKG_CLASS_COUNT)
      p->cls[a->cls] = true;
    if (a->parent) {
      size_t k = view_actor_index(v, a->parent);
      p->parts |= k != SIZE_MAX && v->anode[k] != NULL;
    }
  }
  for (size_t i = 0; i < v->n_events; i++) {
    if (!v->enode[i])
      continue;
    const sckg_event *e = v->events[i];
    p->fam[view_family_of(v, e->type)] = true;
    p->negated |= e->negated;
    p->claims |= e->n_attributed > 0;
    if (e->stated_in) {
      size_t k = view_event_index(v, e->stated_in);
      p->says |= k != SIZE_MAX && v->enode[k] != NULL;
    }
  }
}

/* One legend node; `attrs` may be NULL. Legend nodes share the "legend_"
 * prefix so tools and tests can tell them from the graph's own. */
static sckg_status legend_node(scene *v, Agraph_t *sub, const char *name,
                               const char *label, const char *const *attrs,
                               Agnode_t **out) {
  Agnode_t *n = agnode(sub, view_cs(name), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  sckg_buf_clear(&v->text);
  view_add_wrapped(&v->text, label);
  sckg_status st = view_set_attr(n, "label", v->text.ptr);
  if (!st)
    st = view_set_attr(n, "tooltip", "legend");
  if (!st && attrs)
    st = view_set_attrs(n, attrs);
  *out = n;
  return st;
}

/* The legend explains only what the picture holds: a framed column of the
 * actor classes and event kinds present, then the edge kinds in words.
 * It is one rank on purpose: a legend spanning ranks (a grid chained by
 * invisible edges, or drawn sample edges) made dot 2.42's mincross read
 * past an array in about a third of random variations of the story graph
 * (valgrind); single-rank clusters never did. Legend nodes have no edges,
 * so they sit in the first column, beside the issuers. */
/* The lines that explain the edges, each ended by `eol`: "\\l" in a
 * plain label, "<BR ALIGN=\"LEFT\"/>" in an HTML one. Fixed ASCII, so no
 * escaping but the HTML entity for '>'. */
static void legend_edge_lines(const scene *v, const present *p, sckg_buf *b,
                              bool html) {
  const char *eol = html ? "<BR ALIGN=\"LEFT\"/>" : "\\l";
  sckg_buf_printf(b, "actor --- event: who acts%s", eol);
  sckg_buf_printf(b, "event --%s actor: at whom%s", html ? "&gt;" : ">", eol);
  if (p->says)
    sckg_buf_printf(b, "blue arrow: what a statement says%s", eol);
  if (p->claims)
    sckg_buf_printf(b, "dotted arrow: who claims it%s", eol);
  if (p->parts)
    sckg_buf_printf(b, "grey, open diamond: part of, affiliated%s", eol);
  if (v->focus)
    sckg_buf_printf(b, "thick border: the actor in focus%s", eol);
}

/* The legend as one node holding an HTML table, for layouts that ignore
 * clusters (sfdp, neato, ...): there a legend of separate nodes would be
 * scattered over the picture. Shapes are named, since a table cell has
 * none; colours are the same. */
static sckg_status draw_legend_table(scene *v, const present *p) {
  sckg_buf *b = &v->aux;
  sckg_buf_clear(b);
  sckg_buf_adds(b, "<TABLE BORDER=\"1\" COLOR=\"" MUTED "\" CELLBORDER=\"1\" "
                   "CELLSPACING=\"3\" CELLPADDING=\"3\" STYLE=\"rounded\">"
                   "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\"><FONT COLOR=\"" MUTED
                   "\" POINT-SIZE=\"11\">legend</FONT></TD></TR>");
  for (int c = 0; c < SCKG_CLASS_COUNT; c++)
    if (p->cls[c])
      sckg_buf_printf(b,
                      "<TR><TD COLOR=\"" INK "\" BGCOLOR=\"%s\">%s "
                      "(%s)</TD></TR>",
                      view_class_styles[c].fill, view_class_styles[c].words,
                      view_class_styles[c].shape_words);
  for (int f = 0; f < FAM_COUNT; f++)
    if (p->fam[f])
      sckg_buf_printf(b,
                      "<TR><TD COLOR=\"" INK "\" BGCOLOR=\"%s\">event: %s"
                      "</TD></TR>",
                      view_family_styles[f].fill, view_family_styles[f].words);
  if (p->negated)
    sckg_buf_adds(b, "<TR><TD COLOR=\"" INK "\">dashed border: reported as "
                     "denied</TD></TR>");
  sckg_buf_adds(b, "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
  legend_edge_lines(v, p, b, true);
  sckg_buf_adds(b, "</TD></TR></TABLE>");
  Agnode_t *n = agnode(v->ag, view_cs("legend"), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  static const char *const attrs[] = {"shape",    "plain",   "style",
                                      "",         "tooltip", "legend",
                                      "fontsize", "9",       NULL};
  sckg_status st = view_set_attrs(n, attrs);
  char *html = agstrdup_html(v->ag, v->aux.ptr);
  if (!html)
    return SCKG_ERR_INTERNAL;
  if (!st)
    st = view_set_attr(n, "label", html);
  agstrfree(v->ag, html);
  return st;
}

sckg_status view_draw_legend(scene *v) {
  static const char *const frame[] = {"style",    "rounded",   "color",
                                      MUTED,      "fontcolor", MUTED,
                                      "fontsize", "11",        NULL};
  present p;
  survey(v, &p);
  if (agnnodes(v->ag) == 0)
    return SCKG_OK; /* an empty view: the title says so */
  if (strcmp(v->engine, "dot") != 0)
    return draw_legend_table(v, &p);
  Agraph_t *sub;
  Agnode_t *n;
  char name[64];
  sckg_status st =
      view_open_cluster(v, "cluster_legend", "legend", frame, &sub);
  for (int c = 0; !st && c < SCKG_CLASS_COUNT; c++) {
    if (!p.cls[c])
      continue;
    const char *attrs[] = {"shape",     view_class_styles[c].shape,
                           "fillcolor", view_class_styles[c].fill,
                           "fontsize",  "9",
                           "height",    "0.3",
                           NULL};
    snprintf(name, sizeof name, "legend_%s", sckg_class_names[c]);
    st = legend_node(v, sub, name, view_class_styles[c].words, attrs, &n);
  }
  for (int f = 0; !st && f < FAM_COUNT; f++) {
    if (!p.fam[f])
      continue;
    const char *attrs[] = {"style",     "rounded,filled",
                           "fillcolor", view_family_styles[f].fill,
                           "fontsize",  "9",
                           "height",    "0.3",
                           NULL};
    snprintf(name, sizeof name, "legend_family_%d", f);
    st = legend_node(v, sub, name, view_family_styles[f].words, attrs, &n);
  }
  if (!st && p.negated) {
    static const char *const attrs[] = {
        "style", "rounded,filled,dashed", "fontsize", "9", "height", "0.3",
        NULL};
    st = legend_node(v, sub, "legend_denied", "reported as denied", attrs, &n);
  }
  if (st)
    return st;
  sckg_buf_clear(&v->aux);
  legend_edge_lines(v, &p, &v->aux, false);
  n = agnode(sub, view_cs("legend_edges"), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  const char *attrs[] = {"shape",    "plaintext", "style", "",
                         "fontsize", "9",         "label", v->aux.ptr,
                         "tooltip",  "legend",    NULL};
  return view_set_attrs(n, attrs);
}
