/* SPDX-License-Identifier: MIT */
/* Drawing a view with cgraph: the ID discipline that keeps agwrite's
 * output in creation order, nodes, titles, edges and the layout engine. */
#include "view/scene.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

sckg_status view_set_attr(void *obj, const char *name, const char *value) {
  return agsafeset(obj, view_cs(name), view_cs(value), view_cs("")) == 0
             ? SCKG_OK
             : SCKG_ERR_INTERNAL;
}

sckg_status view_set_attrs(void *obj, const char *const *pairs) {
  for (; *pairs; pairs += 2)
    if (view_set_attr(obj, pairs[0], pairs[1]) != SCKG_OK)
      return SCKG_ERR_INTERNAL;
  return SCKG_OK;
}

static sckg_status declare(Agraph_t *ag, int kind, const char *const *pairs) {
  for (; *pairs; pairs += 2)
    if (!agattr(ag, kind, view_cs(pairs[0]), view_cs(pairs[1])))
      return SCKG_ERR_INTERNAL;
  return SCKG_OK;
}

static sckg_status add_edge(Agraph_t *ag, Agnode_t *tail, Agnode_t *head,
                            const char *const *attrs, Agedge_t **out) {
  Agedge_t *e = agedge(ag, tail, head, NULL, 1);
  *out = e;
  if (!e)
    return SCKG_ERR_INTERNAL;
  return attrs ? view_set_attrs(e, attrs) : SCKG_OK;
}

/* A short stable node name: prefix + the IRI's last segment with anything
 * but [A-Za-z0-9] turned into '_'. When the segment was cut or the name is
 * taken (two IRIs that differ before their last segment), the low 32 bits of
 * the IRI's FNV hash follow, then a counter: nodes are created in IRI order,
 * so even that is deterministic. */
static const char *node_name(scene *v, const char *prefix, const char *iri) {
  const char *seg = iri + strlen(iri);
  while (seg > iri && seg[-1] != '/' && seg[-1] != '#')
    seg--;
  size_t n = strlen(seg);
  bool cut = n > NAME_SEG;
  sckg_buf_clear(&v->name);
  sckg_buf_adds(&v->name, prefix);
  size_t keep = v->name.len;
  for (size_t i = 0; i < n && i < NAME_SEG; i++) {
    unsigned char c = (unsigned char)seg[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9');
    sckg_buf_addc(&v->name, ok ? (char)c : '_');
  }
  if (v->name.len == keep)
    sckg_buf_addc(&v->name, '_');
  if (!cut && !agnode(v->ag, v->name.ptr, 0))
    return v->name.ptr;
  uint32_t h = (uint32_t)sckg_hash64(iri, strlen(iri));
  sckg_buf_printf(&v->name, "_%08x", (unsigned)h);
  size_t base = v->name.len;
  for (unsigned k = 2; agnode(v->ag, v->name.ptr, 0); k++) {
    v->name.len = base;
    sckg_buf_printf(&v->name, "_%u", k);
  }
  return v->name.ptr;
}

/* Object IDs in creation order. cgraph's default ID discipline uses the
 * address of a name's interned copy as the ID, and keeps subgraphs sorted by
 * ID: agwrite would then list the clusters in heap-address order, which
 * changes between runs. This one numbers names as they come: a named
 * object's ID is 2 * (its name's index + 1), an anonymous one's the next
 * odd number, the same even/odd split as the default (the layout and SVG
 * code of 2.42 misbehave when named objects get odd IDs). Names are found
 * again through an open-addressing table of indexes. They are the graph's
 * own reference-counted strings (agstrdup), as cgraph expects of whatever
 * agnameof returns (agwrite asks aghtmlstr about them); agclose frees them
 * with the graph's string table. */
typedef struct {
  Agraph_t *g;
  char **names; /* by index */
  size_t len, cap;
  size_t *slots; /* index + 1, 0 = empty; a power of two in size */
  size_t n_slots;
  IDTYPE anon; /* next anonymous ID, odd */
} id_state;

static size_t id_slot(const id_state *s, const char *name) {
  size_t i = (size_t)sckg_hash64(name, strlen(name)) & (s->n_slots - 1);
  while (s->slots[i] && strcmp(s->names[s->slots[i] - 1], name) != 0)
    i = (i + 1) & (s->n_slots - 1);
  return i;
}

static void id_grow(id_state *s) {
  free(s->slots);
  s->n_slots *= 2;
  s->slots = sckg_xcalloc(s->n_slots, sizeof *s->slots);
  for (size_t k = 0; k < s->len; k++)
    s->slots[id_slot(s, s->names[k])] = k + 1;
}

static void *id_open(Agraph_t *g, Agdisc_t *disc) {
  (void)disc;
  id_state *s = sckg_xcalloc(1, sizeof *s);
  s->g = g;
  s->n_slots = 64;
  s->slots = sckg_xcalloc(s->n_slots, sizeof *s->slots);
  s->anon = 1;
  return s;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id,
                   int createflag) {
  (void)objtype;
  id_state *s = state;
  if (!str) {
    *id = s->anon;
    s->anon += 2;
    return 1;
  }
  size_t i = id_slot(s, str);
  if (!s->slots[i]) {
    if (!createflag)
      return 0;
    if (s->len == s->cap) {
      s->cap = s->cap ? 2 * s->cap : 64;
      s->names = sckg_xrealloc(s->names, s->cap * sizeof *s->names);
    }
    char *name = agstrdup(s->g, str);
    if (!name)
      return 0;
    s->names[s->len++] = name;
    s->slots[i] = s->len;
    if (2 * s->len > s->n_slots)
      id_grow(s);
    i = id_slot(s, str);
  }
  *id = 2 * (IDTYPE)s->slots[i];
  return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
  return 0; /* no caller-chosen IDs */
}

static void id_free(void *state, int objtype, IDTYPE id) {
  (void)state; /* names live until the graph closes */
  (void)objtype;
  (void)id;
}

static char *id_print(void *state, int objtype, IDTYPE id) {
  (void)objtype;
  const id_state *s = state;
  if (id % 2 || id == 0 || id / 2 > s->len)
    return NULL;
  return s->names[id / 2 - 1];
}

static void id_close(void *state) {
  id_state *s = state;
  free(s->names);
  free(s->slots);
  free(s);
}

static void id_register(void *state, int objtype, void *obj) {
  (void)state;
  (void)objtype;
  (void)obj;
}

static Agiddisc_t id_disc = {id_open,  id_map,   id_alloc,   id_free,
                             id_print, id_close, id_register};
static Agdisc_t disc = {&AgMemDisc, &id_disc, &AgIoDisc};

/* Attribute lists: NULL-terminated name/value pairs. */
static const char *const graph_defaults[] = {
    "rankdir", "LR",       "fontname", "Helvetica", "fontsize",
    "16",      "labelloc", "t",        "labeljust", "l",
    "nodesep", "0.18",     "ranksep",  "0.5",       "newrank",
    "true",    "pad",      "0.2",      NULL};
/* label is declared although "\N" is Graphviz's own default: creating a
 * gvc context declares it globally, so without it every graph built after
 * the first render would carry it and the others would not. */
static const char *const node_defaults[] = {
    "fontname", "Helvetica", "fontsize",  "11",      "shape", "box",
    "style",    "filled",    "fillcolor", "#FFFFFF", "color", INK,
    "margin",   "0.1,0.04",  "label",     "\\N",     NULL};
static const char *const edge_defaults[] = {
    "fontname", "Helvetica", "fontsize", "9", "color",
    INK,        "arrowsize", "0.7",      NULL};
/* Every edge ranks, and runs from the left column to the right: actors
 * (wholes before their members) -> events -> what statements say -> the
 * right side (see below). Where that is against the meaning, the edge is
 * drawn backwards with dir=back, so a target left of its event still gets
 * the arrow. Why not constraint=false on targets, as the shared notes
 * suggest against dot's explosion in ranks: no edge here ever runs from an
 * event back to a left actor, so there are no actor-event-actor chains and
 * ranks stay few anyway, while unranked edges often join two nodes of one
 * rank, and such flat edges make dot 2.42 read past an array in mincross
 * when a cluster shares the rank (valgrind, about a third of random
 * variations of the story graph) and free memory twice when they carry a
 * label. Edge words are xlabels, placed after layout, for the same reason.
 * Weights keep columns tidy: an event stays next to its agents rather than
 * drifting towards its targets, and what a statement says stays in the
 * column after it. */
static const char *const agent_edge[] = {"dir", "none", "weight", "2", NULL};
static const char *const target_edge[] = {NULL};
static const char *const target_edge_back[] = {"dir", "back", NULL};
static const char *const says_edge[] = {"color",  BLUE, "penwidth", "1.6",
                                        "weight", "4",  NULL};
static const char *const claim_edge[] = {
    "style", "dotted", "xlabel", "claims", "arrowhead", "vee", NULL};
static const char *const claim_edge_back[] = {"style",     "dotted", "xlabel",
                                              "claims",    "dir",    "back",
                                              "arrowtail", "vee",    NULL};
/* Member -> whole with the diamond at the whole (on the right side) ... */
static const char *const part_edge[] = {
    "color", MUTED, "fontcolor", MUTED, "arrowhead", "odiamond", NULL};
/* ... or whole -> member drawn backwards (on the left, wholes first). */
static const char *const part_edge_back[] = {
    "color", MUTED,       "fontcolor", MUTED, "dir",
    "back",  "arrowtail", "odiamond",  NULL};

/* ---- drawing ---- */

static sckg_status draw_actor(scene *v, Agraph_t *where, size_t i) {
  const sckg_actor *a = v->actors[i];
  const class_style *style = view_style_of(a);
  Agnode_t *n = agnode(where, view_cs(node_name(v, "a_", a->iri)), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  v->anode[i] = n;
  sckg_buf_clear(&v->text);
  view_add_wrapped(&v->text, a->label);
  view_actor_tooltip(&v->aux, a);
  const char *attrs[] = {"label",     v->text.ptr, "shape",    style->shape,
                         "fillcolor", style->fill, "fontsize", "12",
                         "tooltip",   v->aux.ptr,  NULL};
  sckg_status st = view_set_attrs(n, attrs);
  if (!st && a == v->focus) {
    static const char *const focus_attrs[] = {
        "penwidth", "3", "fontname", "Helvetica-Bold", "fontsize", "14", NULL};
    st = view_set_attrs(n, focus_attrs);
  }
  if (st)
    return st;
  view_node_url(v, &v->aux, a->iri);
  return view_set_attr(n, "URL", v->aux.ptr);
}

static sckg_status draw_event(scene *v, Agraph_t *where, size_t i) {
  const sckg_event *e = v->events[i];
  Agnode_t *n = agnode(where, view_cs(node_name(v, "e_", e->iri)), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  v->enode[i] = n;
  view_event_label(v->g->schema, &v->text, e);
  view_event_tooltip(v->g->schema, &v->aux, e);
  family f = view_family_of(v, e->type);
  const char *style = e->negated ? "rounded,filled,dashed" : "rounded,filled";
  const char *attrs[] = {
      "label", v->text.ptr, "tooltip", v->aux.ptr,  "style",
      style,   "fontsize",  "10",      "fillcolor", view_family_styles[f].fill,
      NULL};
  sckg_status st = view_set_attrs(n, attrs);
  if (!st && v->event_role[i] == HUB) {
    static const char *const hub_attrs[] = {
        "fillcolor", BLUE, "fontcolor", "#FFFFFF",
        "color",     BLUE, "fontname",  "Helvetica-Bold",
        "fontsize",  "13", "penwidth",  "2",
        NULL};
    st = view_set_attrs(n, hub_attrs);
  } else if (!st && e->type == SCKG_EV_MAKE_STATEMENT) {
    static const char *const stmt_attrs[] = {"color", BLUE, "penwidth", "1.6",
                                             NULL};
    st = view_set_attrs(n, stmt_attrs);
  }
  if (st)
    return st;
  view_node_url(v, &v->aux, e->iri);
  return view_set_attr(n, "URL", v->aux.ptr);
}

sckg_status view_open_cluster(scene *v, const char *name, const char *label,
                              const char *const *attrs, Agraph_t **out) {
  Agraph_t *sub = agsubg(v->ag, view_cs(name), 1);
  if (!sub)
    return SCKG_ERR_INTERNAL;
  sckg_buf_clear(&v->text);
  view_add_escaped(&v->text, label, strlen(label));
  sckg_status st = view_set_attr(sub, "label", v->text.ptr);
  if (!st && attrs)
    st = view_set_attrs(sub, attrs);
  *out = sub;
  return st;
}

/* Add `s` escaped with its first letter in upper case (ASCII). */
static void add_capitalized(sckg_buf *b, const char *s) {
  if (*s >= 'a' && *s <= 'z') {
    sckg_buf_addc(b, (char)(*s - 32));
    s++;
  }
  view_add_escaped(b, s, strlen(s));
}

static void title_statement(scene *v, sckg_buf *b) {
  const sckg_event *e = v->hub;
  char date[11];
  add_capitalized(b, view_event_words(v->g->schema, e));
  sckg_buf_adds(b, " by ");
  for (size_t i = 0; i < e->n_agents; i++) {
    if (i)
      sckg_buf_adds(b, i + 1 == e->n_agents ? " and " : ", ");
    view_add_escaped(b, e->agents[i]->label, strlen(e->agents[i]->label));
  }
  if (sckg_date_format(e->date, date))
    sckg_buf_printf(b, ", %s", date);
  sckg_buf_adds(b, ": what it says and what happened around it");
}

static void title_actor(scene *v, sckg_buf *b) {
  const sckg_actor *a = v->focus;
  unsigned depth = v->opts->depth ? v->opts->depth : 1;
  view_add_escaped(b, a->label, strlen(a->label));
  if (a->qid) {
    sckg_buf_adds(b, " (Wikidata ");
    view_add_escaped(b, a->qid, strlen(a->qid));
    sckg_buf_addc(b, ')');
  }
  if (depth == 1)
    sckg_buf_adds(b, ": its events and who took part in them");
  else
    sckg_buf_printf(b, ": its events and theirs, %u steps out", depth);
}

static void title_article(scene *v, sckg_buf *b) {
  const sckg_article *a = v->article;
  char date[11];
  sckg_buf_adds(b, "What \"");
  const char *name = a->title ? a->title : a->ident;
  view_cut_into(b, name, strlen(name), 60, 2);
  sckg_buf_adds(b, "\" reports (");
  view_add_escaped(b, a->ident, strlen(a->ident));
  if (a->publisher) {
    sckg_buf_adds(b, ", ");
    view_add_escaped(b, a->publisher, strlen(a->publisher));
  }
  if (sckg_date_format(a->date, date))
    sckg_buf_printf(b, ", %s", date);
  sckg_buf_addc(b, ')');
}

/* `n` in digits with a comma every three ("135,547"): by hand, since
 * printf's grouping flag follows the locale. */
static void add_count(sckg_buf *b, size_t n) {
  char digits[32];
  int len = snprintf(digits, sizeof digits, "%zu", n);
  for (int i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0)
      sckg_buf_addc(b, ',');
    sckg_buf_addc(b, digits[i]);
  }
}

/* "Sanctions: 4 events in 3 articles", or the types' words listed. */
static void title_type(scene *v, sckg_buf *b) {
  size_t n_events = 0, n_articles = 0;
  size_t n_all = v->g->articles.len;
  unsigned char *seen = sckg_xcalloc(n_all ? n_all : 1, 1);
  sckg_article *const *arts = SCKG_ARTICLES(v->g);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->types[e->type])
      continue;
    n_events++;
    for (size_t j = 0; j < e->n_sources; j++) {
      size_t k = view_index_of((void *const *)arts, n_all,
                               offsetof(sckg_article, iri), e->sources[j]);
      if (k != SIZE_MAX && !seen[k]) {
        seen[k] = 1;
        n_articles++;
      }
    }
  }
  free(seen);
  if (v->type_title) {
    view_add_escaped(b, v->type_title, strlen(v->type_title));
  } else {
    bool first = true;
    for (int t = 0; t < SCKG_EV_COUNT; t++) {
      if (!v->types[t])
        continue;
      if (first)
        add_capitalized(b, sckg_type(v->g->schema, t)->label);
      else
        sckg_buf_printf(b, ", %s", sckg_type(v->g->schema, t)->label);
      first = false;
    }
  }
  sckg_buf_adds(b, ": ");
  add_count(b, n_events);
  sckg_buf_adds(b, n_events == 1 ? " event in " : " events in ");
  add_count(b, n_articles);
  sckg_buf_adds(b, n_articles == 1 ? " article" : " articles");
}

/* "All actors and events (3 articles)". */
static void title_all(scene *v, sckg_buf *b) {
  size_t n = v->g->articles.len;
  sckg_buf_adds(b, "All actors and events (");
  add_count(b, n);
  sckg_buf_adds(b, n == 1 ? " article)" : " articles)");
}

/* Where a summary sends the reader for the rest, by view: a narrower view
 * of the same thing, or another kind of view. */
static const char *summary_hint(const scene *v) {
  size_t n_types = 0;
  switch (v->kind) {
  case VIEW_STATEMENT:
    return "use --view actor:, article: or type: for the rest";
  case VIEW_ACTOR:
    return v->opts->depth > 1
               ? "use a lower --depth, or --view article: or type: for the "
                 "rest"
               : "use --view article: or type: for the rest";
  case VIEW_ARTICLE:
    return "use --view actor: or type: for the rest";
  case VIEW_TYPE:
    for (int t = 0; t < SCKG_EV_COUNT; t++)
      n_types += v->types[t];
    return n_types > 1
               ? "name fewer types, or use --view actor: or article: for the "
                 "rest"
               : "use --view actor: or article: for the rest";
  default:
    return "use --view type:, actor: or article: for the rest";
  }
}

/* A summary's second line, after the view's title: what it holds and
 * where the rest is: "Showing the 412 most reported of 135,547 events and
 * 588 of 12,975 actors: too many to draw; use --view type:, actor: or
 * article: for the rest". Lines end in "\l", so they stand left-aligned
 * like the title. */
static void title_summary(scene *v, sckg_buf *b) {
  sckg_buf_adds(b, "\\lShowing the ");
  add_count(b, v->shown_events);
  sckg_buf_adds(b, " most reported of ");
  add_count(b, v->total_events);
  sckg_buf_adds(b, v->total_events == 1 ? " event and " : " events and ");
  add_count(b, v->shown_actors);
  sckg_buf_adds(b, " of ");
  add_count(b, v->total_actors);
  sckg_buf_adds(b, v->total_actors == 1 ? " actor" : " actors");
  sckg_buf_adds(b, ": too many to draw; ");
  sckg_buf_adds(b, summary_hint(v));
  sckg_buf_adds(b, "\\l");
}

/* The graph's title, by view: "Joint statement by A, B and C, 2023-04-07:
 * what it says and what happened around it", "North Korea (Wikidata
 * Q423): its events and who took part in them", ...; a summary says so
 * on a second line. */
static void title(scene *v, sckg_buf *b) {
  sckg_buf_clear(b);
  switch (v->kind) {
  case VIEW_STATEMENT:
    title_statement(v, b);
    break;
  case VIEW_ACTOR:
    title_actor(v, b);
    break;
  case VIEW_ARTICLE:
    title_article(v, b);
    break;
  case VIEW_TYPE:
    title_type(v, b);
    break;
  default:
    title_all(v, b);
  }
  if (v->summary)
    title_summary(v, b);
}

static sckg_status draw_nodes(scene *v) {
  sckg_status st = SCKG_OK;
  if (v->hub) {
    static const char *const sign_attrs[] = {"style",    "rounded",   "color",
                                             BLUE,       "fontcolor", BLUE,
                                             "fontsize", "11",        NULL};
    static const char *const says_attrs[] = {
        "style", "rounded,filled", "fillcolor", "#EAF3FA",  "color",
        BLUE,    "fontcolor",      BLUE,        "fontsize", "11",
        NULL};
    Agraph_t *sign, *says;
    st = view_open_cluster(v, "cluster_issued_by", "issued by", sign_attrs,
                           &sign);
    for (size_t i = 0; !st && i < v->n_actors; i++)
      if (v->actor_role[i] == SIGNATORY)
        st = draw_actor(v, sign, i);
    for (size_t i = 0; !st && i < v->n_events; i++)
      if (v->event_role[i] == HUB)
        st = draw_event(v, v->ag, i);
    bool any_said = false;
    for (size_t i = 0; i < v->n_events; i++)
      any_said |= v->event_role[i] == SAID;
    if (!st && any_said)
      st = view_open_cluster(v, "cluster_says", "what it says", says_attrs,
                             &says);
    for (size_t i = 0; !st && any_said && i < v->n_events; i++)
      if (v->event_role[i] == SAID)
        st = draw_event(v, says, i);
  }
  for (size_t i = 0; !st && i < v->n_actors; i++)
    if (v->actor_role[i] == SHOWN || v->actor_role[i] == RIGHT ||
        v->actor_role[i] == FOCUS)
      st = draw_actor(v, v->ag, i);
  for (size_t i = 0; !st && i < v->n_events; i++)
    if (v->event_role[i] == SHOWN || v->event_role[i] == TOWARD)
      st = draw_event(v, v->ag, i);
  return st;
}

/* Tooltip and link of an edge between an actor or a statement (`who`,
 * in words) and event `e`: the relation and the event's evidence; the link
 * goes to the event, the subject of the triple the edge draws. */
static sckg_status link_edge(scene *v, Agedge_t *edge, const char *who,
                             const char *role, const sckg_event *e) {
  view_edge_tooltip(v->g->schema, &v->aux, who, role, e);
  sckg_status st = view_set_attr(edge, "tooltip", v->aux.ptr);
  view_node_url(v, &v->aux, e->iri);
  return st ? st : view_set_attr(edge, "URL", v->aux.ptr);
}

typedef enum { LINK_AGENT, LINK_TARGET, LINK_CLAIM } link_kind;

static bool has_actor(sckg_actor *const *list, size_t n, const sckg_actor *a) {
  for (size_t i = 0; i < n; i++)
    if (list[i] == a)
      return true;
  return false;
}

/* The edges between event `e` (node `n`) and its agents, targets or
 * claimants: from the actor, or to it when it is on the right side. An agent
 * of a statement shown in the view is not linked again to what the
 * statement says: "joint statement -> appeals -> United Nations" already
 * reads as the issuers' appeal, and three more lines per item would bury
 * the picture. */
static sckg_status draw_links(scene *v, const sckg_event *e, Agnode_t *n,
                              link_kind kind, bool toward) {
  sckg_actor *const *list = kind == LINK_AGENT    ? e->agents
                            : kind == LINK_TARGET ? e->targets
                                                  : e->attributed;
  size_t count = kind == LINK_AGENT    ? e->n_agents
                 : kind == LINK_TARGET ? e->n_targets
                                       : e->n_attributed;
  /* the statement drawn with it already says who speaks, and who claims */
  const sckg_event *voice = NULL;
  if (kind != LINK_TARGET && e->stated_in) {
    size_t k = view_event_index(v, e->stated_in);
    if (k != SIZE_MAX && v->enode[k])
      voice = e->stated_in;
  }
  for (size_t i = 0; i < count; i++) {
    size_t k = view_actor_index(v, list[i]);
    if (k == SIZE_MAX || !v->anode[k])
      continue;
    if (voice && has_actor(voice->agents, voice->n_agents, list[i]))
      continue;
    Agnode_t *a = v->anode[k];
    bool right =
        v->actor_role[k] == RIGHT || (toward && v->actor_role[k] == FOCUS);
    Agedge_t *edge;
    sckg_status st;
    const char *role;
    switch (kind) {
    case LINK_AGENT:
      st = right ? add_edge(v->ag, n, a, agent_edge, &edge)
                 : add_edge(v->ag, a, n, agent_edge, &edge);
      role = ": agent of ";
      break;
    case LINK_TARGET:
      st = right ? add_edge(v->ag, n, a, target_edge, &edge)
                 : add_edge(v->ag, a, n, target_edge_back, &edge);
      role = ": target of ";
      break;
    default:
      st = right ? add_edge(v->ag, n, a, claim_edge_back, &edge)
                 : add_edge(v->ag, a, n, claim_edge, &edge);
      role = " claims: ";
      break;
    }
    if (!st)
      st = link_edge(v, edge, list[i]->label, role, e);
    if (st)
      return st;
  }
  return SCKG_OK;
}

static sckg_status draw_edges(scene *v) {
  sckg_status st = SCKG_OK;
  for (size_t i = 0; !st && i < v->n_actors; i++) {
    const sckg_actor *a = v->actors[i];
    if (!v->anode[i] || !a->parent)
      continue;
    size_t k = view_actor_index(v, a->parent);
    if (k == SIZE_MAX || !v->anode[k])
      continue;
    const char *word = a->affiliated ? "affiliated with" : "part of";
    Agedge_t *e = v->actor_role[i] == RIGHT
                      ? agedge(v->ag, v->anode[i], v->anode[k], NULL, 1)
                      : agedge(v->ag, v->anode[k], v->anode[i], NULL, 1);
    if (!e)
      return SCKG_ERR_INTERNAL;
    st = view_set_attrs(e,
                        v->actor_role[i] == RIGHT ? part_edge : part_edge_back);
    if (!st)
      st = view_set_attr(e, "xlabel", word);
    /* "Kim Gunn: affiliated with South Korea", linked to the member */
    sckg_buf_clear(&v->aux);
    view_add_tip(&v->aux, a->label);
    sckg_buf_printf(&v->aux, ": %s ", word);
    view_add_tip(&v->aux, a->parent->label);
    if (!st)
      st = view_set_attr(e, "tooltip", v->aux.ptr);
    view_node_url(v, &v->aux, a->iri);
    if (!st)
      st = view_set_attr(e, "URL", v->aux.ptr);
  }
  for (size_t i = 0; !st && i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    Agnode_t *n = v->enode[i];
    if (!n)
      continue;
    bool toward = v->event_role[i] == TOWARD;
    st = draw_links(v, e, n, LINK_AGENT, toward);
    if (!st)
      st = draw_links(v, e, n, LINK_TARGET, toward);
    if (!st)
      st = draw_links(v, e, n, LINK_CLAIM, toward);
    if (!st && e->stated_in) {
      size_t k = view_event_index(v, e->stated_in);
      Agedge_t *says;
      if (k != SIZE_MAX && v->enode[k]) {
        st = add_edge(v->ag, v->enode[k], n, says_edge, &says);
        if (!st)
          st = link_edge(v, says, view_event_words(v->g->schema, e->stated_in),
                         " says: ", e);
      }
    }
  }
  return st;
}

/* dot up to SCKG_VIEW_DOT_MAX_NODES actors and events, sfdp past it,
 * unless one is chosen; other engines than dot get `layout` (for Graphviz's
 * own tools reading the DOT, and for write_render.c) and `overlap=prism`,
 * which moves nodes apart instead of letting force-directed layouts pile
 * them up. Called before the legend is drawn: its form depends on it. */
static sckg_status choose_engine(scene *v) {
  v->engine = v->opts->layout;
  if (!v->engine)
    v->engine = agnnodes(v->ag) > SCKG_VIEW_DOT_MAX_NODES ? "sfdp" : "dot";
  if (strcmp(v->engine, "dot") == 0)
    return SCKG_OK;
  sckg_status st = view_set_attr(v->ag, "layout", v->engine);
  return st ? st : view_set_attr(v->ag, "overlap", "prism");
}

sckg_status view_draw(scene *v) {
  sckg_status st;
  static const char *const names[] = {[VIEW_ALL] = "all",
                                      [VIEW_STATEMENT] = "statement",
                                      [VIEW_ACTOR] = "actor",
                                      [VIEW_ARTICLE] = "article",
                                      [VIEW_TYPE] = "type"};
  v->ag = agopen(view_cs(names[v->kind]), Agdirected, &disc);
  if (!v->ag)
    return SCKG_ERR_INTERNAL;
  st = declare(v->ag, AGRAPH, graph_defaults);
  if (!st)
    st = declare(v->ag, AGNODE, node_defaults);
  if (!st)
    st = declare(v->ag, AGEDGE, edge_defaults);
  if (!st) {
    title(v, &v->aux);
    st = view_set_attr(v->ag, "label", v->aux.ptr);
  }
  if (!st)
    st = draw_nodes(v);
  if (!st)
    st = draw_edges(v);
  if (!st)
    st = choose_engine(v);
  if (!st)
    st = view_draw_legend(v);
  return st;
}
