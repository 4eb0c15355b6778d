/* SPDX-License-Identifier: MIT */
/* What the files of view/ share: the scene a view is built in, the styles
 * and the functions one file lends another. Private to view/; the rest of
 * the library reaches views through view/view.h. */
#ifndef SCKG_VIEW_SCENE_H
#define SCKG_VIEW_SCENE_H

#include "lexicon/lexicon.h"
#include "model/graph_impl.h"
#include "sckg/write.h"
#include "view/view.h"

#include <stddef.h>

/* cgraph takes `char *` for names and values it only reads (it copies them
 * with agstrdup); one cast here keeps the rest of view/ honest about
 * string literals. */
static inline char *view_cs(const char *s) { return (char *)s; }

enum {
  WRAP = 18,      /* code points per label line */
  NAME_SEG = 40,  /* bytes of an IRI segment kept in a node name */
  MAX_DEPTH = 32, /* partOf / statedIn chains longer than this are cycles */
  /* An event's tooltip, which each of its edges repeats, holds at most
   * TIP_SENTENCES sentences of TIP_CHARS code points and TIP_SOURCES
   * article identifiers, then says how many more: one sentence repeated
   * 50,000 times in an article is one event with 50,000 sentences, which
   * made 4.5 MB of DOT for three nodes, and a sentence listing hundreds
   * of actors gave hundreds of edges each repeating it. */
  TIP_SENTENCES = 10,
  TIP_CHARS = 400,
  TIP_SOURCES = 20,
};

#define BLUE "#0072B2"  /* statements and what they say */
#define INK "#333333"   /* borders, agent and target edges */
#define MUTED "#8C8C8C" /* belonging, legend frame */

/* Okabe-Ito fills, each dark enough under black text (contrast >= 5:1). */
typedef struct {
  const char *words; /* for the legend */
  const char *shape;
  const char *fill;
  const char *shape_words; /* for the legend of layouts without clusters */
} class_style;

/* Event families: a light tint behind the type words, so "what North Korea
 * is accused of" stands apart from words and measures at a glance. The tints
 * differ in lightness too, for readers who cannot tell the hues apart. */
/* The families of types.tsv, in sckg_family's order. */
typedef enum {
  FAM_SAY = SCKG_FAM_SAY,
  FAM_MEASURE = SCKG_FAM_MEASURE,
  FAM_FORCE = SCKG_FAM_FORCE,
  FAM_ILLICIT = SCKG_FAM_ILLICIT,
  FAM_COUNT = SCKG_FAM_COUNT
} family;

typedef struct {
  const char *words; /* for the legend */
  const char *fill;
} family_style;

/* Roles in a view; 0 is "not shown". In a statement view the actors the
 * statement is about (its targets and those of what it says, with their
 * parts, unless they issued it) go on the RIGHT: every edge between them
 * and an event runs event -> actor, so the picture reads issuers |
 * statement and events | those accused or addressed. They only receive
 * edges (but for their own wholes), so this adds a rank, not chains.
 * In an actor view the actor in FOCUS (with its parts) stands in the
 * middle: the events aimed at it (TOWARD) come before it, from their
 * agents on the left, and the events it takes part in after it, so both
 * read "who -> what -> whom" left to right. That is at most five columns
 * (left actors, events toward it, it, its events, right actors), never a
 * chain of actor-event-actor. */
enum { SHOWN = 1, SIGNATORY = 2, RIGHT = 3, FOCUS = 4 }; /* actors */
enum { SAID = 2, HUB = 3, TOWARD = 4 }; /* events (SHOWN = 1 too) */

/* What a view is built around (see sckg_view_options). */
typedef enum {
  VIEW_ALL,
  VIEW_STATEMENT,
  VIEW_ACTOR,
  VIEW_ARTICLE,
  VIEW_TYPE
} view_kind;

typedef struct {
  const sckg_graph *g;
  const sckg_view_options *opts;
  view_kind kind;
  const sckg_actor *focus;     /* VIEW_ACTOR: the actor named */
  const sckg_article *article; /* VIEW_ARTICLE: the article named */
  bool types[SCKG_EV_COUNT];   /* VIEW_TYPE: the types asked for */
  const char *type_title;      /* VIEW_TYPE: a group's title, or NULL */
  const char *engine;          /* layout engine */
  sckg_actor *const *actors;
  size_t n_actors;
  sckg_event *const *events;
  size_t n_events;
  const sckg_event *hub;             /* the statement in focus; NULL: "all" */
  unsigned char *actor_role;         /* per actor index */
  unsigned char *event_role;         /* per event index */
  size_t total_actors, total_events; /* what it holds without the cap */
  bool summary;                      /* over the cap: the most reported only */
  size_t shown_actors, shown_events; /* summary: how many of each it holds */
  Agraph_t *ag;
  Agnode_t **anode, **enode; /* per index, NULL when not shown */
  sckg_buf name, text, aux;  /* scratch */
} scene;

/* style.c: the tables of the visual language */
extern const class_style view_class_styles[SCKG_CLASS_COUNT];
extern const family_style view_family_styles[FAM_COUNT];
const class_style *view_style_of(const sckg_actor *a);
family view_family_of(const scene *v, sckg_event_type t);

/* labels.c: labels, tooltips, links */
void view_add_escaped(sckg_buf *b, const char *s, size_t n);
void view_add_tip(sckg_buf *b, const char *s);
void view_add_wrapped(sckg_buf *b, const char *s);
void view_node_url(const scene *v, sckg_buf *b, const char *iri);
void view_cut_into(sckg_buf *b, const char *s, size_t n, size_t max,
                   size_t slashes);
const char *view_event_words(const sckg_schema *s, const sckg_event *e);
void view_event_label(const sckg_schema *s, sckg_buf *b, const sckg_event *e);
void view_event_tooltip(const sckg_schema *s, sckg_buf *b, const sckg_event *e);
void view_edge_tooltip(const sckg_schema *s, sckg_buf *b, const char *who,
                       const char *role, const sckg_event *e);
void view_actor_tooltip(sckg_buf *b, const sckg_actor *a);

/* select.c: what a view shows, and the size cap */
size_t view_index_of(void *const *items, size_t n, size_t iri_off,
                     const void *item);
size_t view_actor_index(const scene *v, const sckg_actor *a);
size_t view_event_index(const scene *v, const sckg_event *e);
const sckg_actor *view_root_of(const sckg_actor *a);
const sckg_event *view_main_statement(const scene *v);
const sckg_event *view_named_event(const scene *v, const char *name);
sckg_status view_select_statement(scene *v);
void view_mark_statement_sides(scene *v);
void view_select_rest(scene *v);
void view_select_all(scene *v);

/* focus.c: actor, article and type views */
const sckg_actor *view_named_actor(const scene *v, const char *name,
                                   sckg_buf *problem);
void view_select_actor(scene *v);
const sckg_article *view_named_article(const scene *v, const char *name,
                                       sckg_buf *problem);
void view_select_article(scene *v);
bool view_parse_types(scene *v, const char *spec, const char **title);
void view_select_type(scene *v);
void view_mark_targets_right(scene *v);
void view_mark_focus(scene *v, const sckg_actor *middle);
const sckg_actor *view_pick_middle(scene *v);

/* draw.c: cgraph objects */
sckg_status view_set_attr(void *obj, const char *name, const char *value);
sckg_status view_set_attrs(void *obj, const char *const *pairs);
sckg_status view_open_cluster(scene *v, const char *name, const char *label,
                              const char *const *attrs, Agraph_t **out);
sckg_status view_draw(scene *v);

/* legend.c */
sckg_status view_draw_legend(scene *v);

#endif
