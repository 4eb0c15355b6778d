/* SPDX-License-Identifier: MIT */
/* DOT output through cgraph. A view picks actors and events of a finished
 * graph and draws them in one visual language:
 *
 *   actors  shape and fill by class, fills from the Okabe-Ito palette (safe
 *           for colour-blind readers); the shape repeats the class so a grey
 *           print still tells a state from a group;
 *   events  small rounded boxes labelled with the type in words, the date
 *           and "denied" (dashed border) when reported as not happening.
 *           Events are nodes, not edge labels: an event has several agents
 *           and targets, a date, evidence, and may be what a statement says;
 *           a labelled edge per agent/target pair would repeat the event and
 *           could hold none of that once;
 *   edges   actor -- event (no arrow) and event -> target, so a path reads as
 *           a sentence; blue "says" arrows from a statement to what it
 *           states; dotted "claims" from whoever a report attributes an
 *           event to; grey edges with a diamond at what an actor belongs to;
 *   layout  left to right: issuers and other actors, then the statement and
 *           the events, then what it says, then (in a statement view) the
 *           actors it is about, so the accusers face the accused.
 *
 * cgraph writes nodes and edges in creation order, so everything is created
 * from the IRI-sorted arrays of the finished graph: the DOT is byte-identical
 * on every run. */
#include "graph_impl.h"
#include "lexicon/lexicon.h"
#include "sckg/write.h"
#include "view.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* cgraph takes `char *` for names and values it only reads (it copies them
 * with agstrdup); one cast here keeps the rest of the file honest about
 * string literals. */
static char *cs(const char *s) { return (char *)s; }

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

static const class_style class_styles[SCKG_CLASS_COUNT] = {
    [SCKG_CLASS_STATE] = {"state", "box", "#56B4E9", "rectangle"},
    [SCKG_CLASS_IGO] = {"intergovernmental organization", "hexagon", "#009E73",
                        "hexagon"},
    [SCKG_CLASS_AGENCY] = {"government agency", "tab", "#F0E442", "tab"},
    [SCKG_CLASS_ORGANIZATION] = {"organization", "component", "#CC79A7",
                                 "component"},
    [SCKG_CLASS_GROUP] = {"group", "octagon", "#D55E00", "octagon"},
    [SCKG_CLASS_PERSON] = {"person", "ellipse", "#E69F00", "ellipse"},
};

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

static const struct {
  const char *words;
  const char *fill;
} family_styles[FAM_COUNT] = {
    [FAM_SAY] = {"words, talks", "#FFFFFF"},
    [FAM_MEASURE] = {"sanctions, legal steps", "#FFF5B8"},
    [FAM_FORCE] = {"military acts", "#D9D9D9"},
    [FAM_ILLICIT] = {"alleged illicit acts", "#F6CDB3"},
};

static const class_style *style_of(const sckg_actor *a) {
  return &class_styles[a->cls < SCKG_CLASS_COUNT ? a->cls
                                                 : SCKG_CLASS_ORGANIZATION];
}

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

static family family_of(const scene *v, sckg_event_type t) {
  return (family)sckg_type(v->g->schema, t)->family;
}

/* ---- text ---- */

/* Graphviz reads `\` in labels, tooltips and URLs as the start of an escape
 * (\n, \N, \G ...) and HTML entities in them as characters, so a literal
 * backslash is written as `slashes` backslashes and `&` as an entity.
 * Labels and URLs are unescaped once (2 backslashes); tooltips twice (2.42
 * substitutes \N and friends again when it prepares the tooltip: 4).
 * Control characters become spaces: a raw newline would be a line break
 * nobody asked for. Quotes need nothing: agwrite quotes and escapes them. */
static void escape_into(sckg_buf *b, const char *s, size_t n, size_t slashes) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\')
      sckg_buf_add(b, "\\\\\\\\", slashes);
    else if (c == '&')
      sckg_buf_add(b, "&amp;", 5);
    else if ((unsigned char)c < 0x20 || c == 0x7f)
      sckg_buf_addc(b, ' ');
    else
      sckg_buf_addc(b, c);
  }
}

static void add_escaped(sckg_buf *b, const char *s, size_t n) {
  escape_into(b, s, n, 2);
}

static void add_tip(sckg_buf *b, const char *s) {
  escape_into(b, s, strlen(s), 4);
}

static size_t code_points(const char *s, size_t n) {
  return sckg_utf8_count(s, n);
}

/* Escape `s` and break it into lines of about WRAP code points. A break
 * replaces exactly one space and never splits a word, so turning each "\n"
 * back into a space gives the original text: tests rely on that. */
static void add_wrapped(sckg_buf *b, const char *s) {
  size_t line = 0;
  const char *p = s;
  for (bool first = true;; first = false) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    size_t width = code_points(p, n);
    if (!first) {
      if (line > 0 && line + 1 + width > WRAP) {
        sckg_buf_add(b, "\\n", 2);
        line = 0;
      } else {
        sckg_buf_addc(b, ' ');
        line++;
      }
    }
    add_escaped(b, p, n);
    line += width;
    if (!end)
      break;
    p = end + 1;
  }
}

/* The link of a node or edge: its IRI or, with a link base, the base
 * followed by the IRI percent-encoded (every byte but RFC 3986's
 * unreserved ones), which is what a describe page's "?uri=" expects. The
 * base is escaped like a label: Graphviz reads `\` in URLs as an escape. */
static void node_url(const scene *v, sckg_buf *b, const char *iri) {
  static const char hex[] = "0123456789ABCDEF";
  sckg_buf_clear(b);
  const char *base = v->opts->link_base;
  if (!base || !*base) {
    add_escaped(b, iri, strlen(iri));
    return;
  }
  add_escaped(b, base, strlen(base));
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++) {
    bool keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || strchr("-._~", *p);
    if (keep) {
      sckg_buf_addc(b, (char)*p);
    } else {
      sckg_buf_addc(b, '%');
      sckg_buf_addc(b, hex[*p >> 4]);
      sckg_buf_addc(b, hex[*p & 15]);
    }
  }
}

/* At most `max` code points of `s`, escaped with `slashes` backslashes
 * for one (escape_into), cut at a space with "..." when longer: titles of
 * articles and sentences can be long. */
static void cut_into(sckg_buf *b, const char *s, size_t n, size_t max,
                     size_t slashes) {
  if (code_points(s, n) <= max) {
    escape_into(b, s, n, slashes);
    return;
  }
  size_t keep = 0, cps = 0, last_space = 0;
  while (keep < n && cps < max) {
    keep++;
    while (keep < n && ((unsigned char)s[keep] & 0xC0) == 0x80)
      keep++; /* continuation bytes */
    cps++;
    if (keep < n && s[keep] == ' ')
      last_space = keep;
  }
  escape_into(b, s, last_space ? last_space : keep, slashes);
  sckg_buf_adds(b, "...");
}

static const char *event_words(const sckg_schema *s, const sckg_event *e) {
  if (e->type == SCKG_EV_MAKE_STATEMENT && e->n_agents > 1)
    return "joint statement";
  return sckg_type(s, e->type)->label;
}

static void event_label(const sckg_schema *s, sckg_buf *b,
                        const sckg_event *e) {
  char date[11];
  sckg_buf_clear(b);
  add_wrapped(b, event_words(s, e));
  if (sckg_date_format(e->date, date)) {
    sckg_buf_add(b, "\\n", 2);
    sckg_buf_adds(b, date);
  }
  if (e->negated)
    sckg_buf_adds(b, "\\ndenied");
}

/* Hovering an event shows what it was read from and where: appended to
 * what `b` holds, on new lines. */
static void event_details(sckg_buf *b, const sckg_event *e) {
  for (size_t i = 0; i < e->n_evidence && i < TIP_SENTENCES; i++) {
    if (b->len)
      sckg_buf_add(b, "\\n", 2);
    cut_into(b, e->evidence[i]->text, e->evidence[i]->text_len, TIP_CHARS, 4);
  }
  if (e->n_evidence > TIP_SENTENCES)
    sckg_buf_printf(b, "\\n(and %zu more sentences)",
                    e->n_evidence - TIP_SENTENCES);
  if (e->n_attributed) {
    sckg_buf_adds(b, b->len ? "\\nclaimed by: " : "claimed by: ");
    for (size_t i = 0; i < e->n_attributed; i++) {
      if (i)
        sckg_buf_adds(b, ", ");
      add_tip(b, e->attributed[i]->label);
    }
  }
  if (e->n_sources) {
    sckg_buf_adds(b, b->len ? "\\nsources: " : "sources: ");
    for (size_t i = 0; i < e->n_sources && i < TIP_SOURCES; i++) {
      if (i)
        sckg_buf_adds(b, ", ");
      add_tip(b, e->sources[i]->ident);
    }
    if (e->n_sources > TIP_SOURCES)
      sckg_buf_printf(b, " and %zu more", e->n_sources - TIP_SOURCES);
  }
}

static void event_tooltip(const sckg_schema *s, sckg_buf *b,
                          const sckg_event *e) {
  sckg_buf_clear(b);
  event_details(b, e);
  if (!b->len)
    add_tip(b, event_words(s, e));
}

/* An edge's tooltip: the relation in words on the first line ("United
 * States: agent of joint statement, 2023-04-07"), then what the event was
 * read from, so hovering a line tells as much as hovering its event. */
static void edge_tooltip(const sckg_schema *s, sckg_buf *b, const char *who,
                         const char *role, const sckg_event *e) {
  char date[11];
  sckg_buf_clear(b);
  add_tip(b, who);
  sckg_buf_adds(b, role);
  add_tip(b, event_words(s, e));
  if (sckg_date_format(e->date, date))
    sckg_buf_printf(b, ", %s", date);
  if (e->negated)
    sckg_buf_adds(b, " (denied)");
  event_details(b, e);
}

static void actor_tooltip(sckg_buf *b, const sckg_actor *a) {
  sckg_buf_clear(b);
  add_tip(b, a->label);
  sckg_buf_adds(b, " (");
  sckg_buf_adds(b, style_of(a)->words);
  if (a->qid) {
    sckg_buf_adds(b, ", Wikidata ");
    add_tip(b, a->qid);
  }
  sckg_buf_addc(b, ')');
  if (a->parent) {
    sckg_buf_adds(b, a->affiliated ? "\\naffiliated with " : "\\npart of ");
    add_tip(b, a->parent->label);
  }
}

/* ---- cgraph helpers ---- */

static sckg_status set_attr(void *obj, const char *name, const char *value) {
  return agsafeset(obj, cs(name), cs(value), cs("")) == 0 ? SCKG_OK
                                                          : SCKG_ERR_INTERNAL;
}

static sckg_status set_attrs(void *obj, const char *const *pairs) {
  for (; *pairs; pairs += 2)
    if (set_attr(obj, pairs[0], pairs[1]) != SCKG_OK)
      return SCKG_ERR_INTERNAL;
  return SCKG_OK;
}

static sckg_status declare(Agraph_t *ag, int kind, const char *const *pairs) {
  for (; *pairs; pairs += 2)
    if (!agattr(ag, kind, cs(pairs[0]), cs(pairs[1])))
      return SCKG_ERR_INTERNAL;
  return SCKG_OK;
}

static sckg_status add_edge(Agraph_t *ag, Agnode_t *tail, Agnode_t *head,
                            const char *const *attrs, Agedge_t **out) {
  Agedge_t *e = agedge(ag, tail, head, NULL, 1);
  *out = e;
  if (!e)
    return SCKG_ERR_INTERNAL;
  return attrs ? set_attrs(e, attrs) : SCKG_OK;
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

/* ---- choosing what a view shows ---- */

/* Index of an actor or event in its IRI-sorted array: binary search on the
 * `iri` field found at `iri_off` in each item, then a linear scan should the
 * array not be sorted after all. SIZE_MAX when absent. */
static size_t index_of(void *const *items, size_t n, size_t iri_off,
                       const void *item) {
  const char *iri = *(const char *const *)((const char *)item + iri_off);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *m = *(const char *const *)((const char *)items[mid] + iri_off);
    int c = strcmp(m, iri);
    if (c == 0)
      return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = 0; i < n; i++)
    if (items[i] == item)
      return i;
  return SIZE_MAX;
}

static size_t actor_index(const scene *v, const sckg_actor *a) {
  return index_of((void *const *)v->actors, v->n_actors,
                  offsetof(sckg_actor, iri), a);
}

static size_t event_index(const scene *v, const sckg_event *e) {
  return index_of((void *const *)v->events, v->n_events,
                  offsetof(sckg_event, iri), e);
}

static const sckg_actor *root_of(const sckg_actor *a) {
  for (int depth = 0; a->parent && depth < MAX_DEPTH; depth++)
    a = a->parent;
  return a;
}

/* The main statement: most agents (a joint statement outranks a remark),
 * then most sources (the most reported), then the lowest IRI, which the
 * sorted array gives by keeping the first of equals. */
static const sckg_event *main_statement(const scene *v) {
  const sckg_event *best = NULL;
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (e->type != SCKG_EV_MAKE_STATEMENT)
      continue;
    if (!best || e->n_agents > best->n_agents ||
        (e->n_agents == best->n_agents && e->n_sources > best->n_sources))
      best = e;
  }
  return best;
}

/* The event named by a full IRI or, failing that, by the one IRI ending in
 * `name`; NULL when none or several match. */
static const sckg_event *named_event(const scene *v, const char *name) {
  size_t n = strlen(name), hits = 0;
  const sckg_event *found = NULL;
  if (!n)
    return NULL;
  for (size_t i = 0; i < v->n_events; i++)
    if (strcmp(v->events[i]->iri, name) == 0)
      return v->events[i];
  for (size_t i = 0; i < v->n_events; i++) {
    const char *iri = v->events[i]->iri;
    size_t len = strlen(iri);
    if (len > n && memcmp(iri + len - n, name, n) == 0) {
      found = v->events[i];
      hits++;
    }
  }
  return hits == 1 ? found : NULL;
}

static bool same_date(sckg_date a, sckg_date b) {
  return a.year > 0 && a.year == b.year && a.month == b.month && a.day == b.day;
}

static bool share_source(const sckg_event *a, const sckg_event *b) {
  for (size_t i = 0; i < a->n_sources; i++)
    for (size_t j = 0; j < b->n_sources; j++)
      if (a->sources[i] == b->sources[j])
        return true;
  return false;
}

/* Whether an agent or target of `e` belongs (itself or through partOf /
 * affiliatedWith) to the same top actor as one of the hub's: the Treasury
 * counts as the United States, Kim Gunn as South Korea. */
static bool share_actor(const scene *v, const sckg_event *e,
                        const unsigned char *near) {
  for (int side = 0; side < 2; side++) {
    sckg_actor *const *list = side ? e->targets : e->agents;
    size_t n = side ? e->n_targets : e->n_agents;
    for (size_t i = 0; i < n; i++) {
      size_t k = actor_index(v, root_of(list[i]));
      if (k != SIZE_MAX && near[k])
        return true;
    }
  }
  return false;
}

/* "Around" the hub: at least two of {shares an actor, shares a source
 * article, same date}. Any one alone is too loose once the graph holds
 * years of news: North Korea is in thousands of events, an article reports
 * several stories, and many things happen on one day. */
static bool is_around(const scene *v, const sckg_event *e,
                      const unsigned char *near) {
  int signals = share_actor(v, e, near) + share_source(e, v->hub) +
                same_date(e->date, v->hub->date);
  return signals >= 2;
}

static void show_actors(scene *v, sckg_actor *const *list, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t k = actor_index(v, list[i]);
    if (k != SIZE_MAX && !v->actor_role[k])
      v->actor_role[k] = SHOWN;
  }
}

static void mark_roots(const scene *v, sckg_actor *const *list, size_t n,
                       unsigned char *marks, unsigned char value) {
  for (size_t i = 0; i < n; i++) {
    size_t k = actor_index(v, root_of(list[i]));
    if (k != SIZE_MAX)
      marks[k] = value;
  }
}

/* The right side: actors whose top actor is a target of the hub, or an
 * agent or target of what it says (the accused, the addressed), minus the
 * issuers' own. `marks` is scratch of n_actors bytes. */
static void mark_right(scene *v, unsigned char *marks) {
  memset(marks, 0, v->n_actors);
  mark_roots(v, v->hub->targets, v->hub->n_targets, marks, 1);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (v->event_role[i] != SAID)
      continue;
    mark_roots(v, e->agents, e->n_agents, marks, 1);
    mark_roots(v, e->targets, e->n_targets, marks, 1);
  }
  mark_roots(v, v->hub->agents, v->hub->n_agents, marks, 0);
  for (size_t i = 0; i < v->n_actors; i++) {
    size_t k = actor_index(v, root_of(v->actors[i]));
    if (v->actor_role[i] == SHOWN && k != SIZE_MAX && marks[k])
      v->actor_role[i] = RIGHT;
  }
}

/* Show the statements that report the events shown, up their statedIn
 * chains: who says so stays in the picture. */
static void show_reporting_statements(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    if (!v->event_role[i])
      continue;
    const sckg_event *p = v->events[i]->stated_in;
    for (int depth = 0; p && depth < MAX_DEPTH; depth++, p = p->stated_in) {
      size_t k = event_index(v, p);
      if (k != SIZE_MAX && !v->event_role[k])
        v->event_role[k] = SHOWN;
    }
  }
}

/* Show every actor of the events shown: agents, targets, claimants. */
static void show_event_actors(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    show_actors(v, e->agents, e->n_agents);
    show_actors(v, e->targets, e->n_targets);
    show_actors(v, e->attributed, e->n_attributed);
  }
}

/* Show what every shown actor belongs to, up to the top. */
static void show_parents(scene *v) {
  for (size_t i = 0; i < v->n_actors; i++) {
    if (!v->actor_role[i])
      continue;
    const sckg_actor *a = v->actors[i]->parent;
    for (int depth = 0; a && depth < MAX_DEPTH; depth++, a = a->parent) {
      size_t k = actor_index(v, a);
      if (k != SIZE_MAX && !v->actor_role[k])
        v->actor_role[k] = SHOWN;
    }
  }
}

/* Mark the hub, the events it states and the events around it; select_rest
 * adds the statements that report any of those, every actor they involve
 * and what those actors belong to. The hub's actors, for "around", are
 * its own and those of what it says: a statement accusing North Korea of
 * theft is about North Korea even when no target says so. */
static sckg_status select_statement(scene *v) {
  sckg_status st = SCKG_OK;
  unsigned char *near = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  const sckg_event *hub = v->hub;
  size_t h = event_index(v, hub);
  if (h == SIZE_MAX) {
    st = SCKG_ERR_INTERNAL;
    goto done;
  }
  v->event_role[h] = HUB;
  mark_roots(v, hub->agents, hub->n_agents, near, 1);
  mark_roots(v, hub->targets, hub->n_targets, near, 1);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (e->stated_in != hub || i == h)
      continue;
    v->event_role[i] = SAID;
    mark_roots(v, e->agents, e->n_agents, near, 1);
    mark_roots(v, e->targets, e->n_targets, near, 1);
  }
  for (size_t i = 0; i < v->n_events; i++)
    if (!v->event_role[i] && is_around(v, v->events[i], near))
      v->event_role[i] = SHOWN;
done:
  free(near);
  return st;
}

/* The statement view's roles once select_rest has chosen what it shows
 * (a summary marks everything SHOWN): the hub, what it says, its issuers,
 * and the right side. */
static void mark_statement_sides(scene *v) {
  const sckg_event *hub = v->hub;
  for (size_t i = 0; i < v->n_events; i++)
    if (v->event_role[i] && v->events[i]->stated_in == hub &&
        v->events[i] != hub)
      v->event_role[i] = SAID;
  size_t h = event_index(v, hub);
  if (h != SIZE_MAX)
    v->event_role[h] = HUB;
  for (size_t i = 0; i < hub->n_agents; i++) {
    size_t k = actor_index(v, hub->agents[i]);
    if (k != SIZE_MAX && v->actor_role[k])
      v->actor_role[k] = SIGNATORY;
  }
  unsigned char *scratch = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  mark_right(v, scratch);
  free(scratch);
}

/* ---- the size cap ---- */

/* The order of a summary: most sources (the most reported) first, then
 * most agents and targets (the most connected), then the lowest IRI,
 * which no two events share: a total order, so the summary does not
 * depend on how qsort breaks ties. */
static int cmp_most_reported(const void *pa, const void *pb) {
  const sckg_event *a = *(sckg_event *const *)pa;
  const sckg_event *b = *(sckg_event *const *)pb;
  size_t na = a->n_agents + a->n_targets, nb = b->n_agents + b->n_targets;
  if (a->n_sources != b->n_sources)
    return a->n_sources > b->n_sources ? -1 : 1;
  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp(a->iri, b->iri);
}

/* What a summary is being built from: the events the view selected, what
 * a statement among them brings along (index_said: lists threaded through
 * `said_next`, SIZE_MAX-terminated, in IRI order), and the undo lists of
 * the event being tried. */
typedef struct {
  const unsigned char *chosen; /* per event: selected by the view */
  size_t *said_first;          /* per event: first event it says, or SIZE_MAX */
  size_t *said_next;           /* per event: next of the same statement */
  sckg_vec added_events, added_actors; /* roles take_event may undo */
} taking;

/* Mark `role` SHOWN if it is not yet, and remember it in `added` so that
 * take_event can undo it. */
static void tentative(unsigned char *role, sckg_vec *added) {
  if (*role)
    return;
  *role = SHOWN;
  sckg_vec_push(added, role);
}

/* Tentatively show actor `a` and what it belongs to. */
static void take_actor(scene *v, const sckg_actor *a, taking *t) {
  for (int depth = 0; a && depth < MAX_DEPTH; depth++, a = a->parent) {
    size_t k = actor_index(v, a);
    if (k != SIZE_MAX)
      tentative(&v->actor_role[k], &t->added_actors);
  }
}

static void take_actors(scene *v, sckg_actor *const *list, size_t n,
                        taking *t) {
  for (size_t i = 0; i < n; i++)
    take_actor(v, list[i], t);
}

/* Tentatively show `e` and the statements that report it, up their
 * statedIn chain, with the agents, targets and claimants of each. */
static void take_chain(scene *v, const sckg_event *e, taking *t) {
  for (int depth = 0; e && depth < MAX_DEPTH; depth++, e = e->stated_in) {
    size_t k = event_index(v, e);
    if (k == SIZE_MAX || v->event_role[k])
      break; /* what reports a shown event is shown already */
    tentative(&v->event_role[k], &t->added_events);
    take_actors(v, e->agents, e->n_agents, t);
    take_actors(v, e->targets, e->n_targets, t);
    take_actors(v, e->attributed, e->n_attributed, t);
  }
}

/* Keep what was taken tentatively if it adds at most `room` nodes, and
 * count it; otherwise unmark all of it. Returns the nodes added (0 when
 * undone). Either way the undo lists are emptied for the next try. */
static size_t commit_or_undo(scene *v, size_t room, taking *t) {
  size_t added = t->added_events.len + t->added_actors.len;
  if (added <= room) {
    v->shown_events += t->added_events.len;
    v->shown_actors += t->added_actors.len;
  } else {
    for (size_t i = 0; i < t->added_events.len; i++)
      *(unsigned char *)t->added_events.items[i] = 0;
    for (size_t i = 0; i < t->added_actors.len; i++)
      *(unsigned char *)t->added_actors.items[i] = 0;
    added = 0;
  }
  t->added_events.len = 0;
  t->added_actors.len = 0;
  return added;
}

/* Show event `e` with everything the view draws along with it: the
 * statements that report it (up their statedIn chain), what it says when
 * the view shows a statement with its content (index_said), the agents,
 * targets and claimants of all these, and what those actors belong to;
 * but only if that keeps the view within `room` more nodes. Returns how
 * many nodes it added: 0 when it did not fit (nothing is left marked) or
 * was shown already. The work is proportional to the size of the event,
 * of the statements above it and of what it says, so trying every event
 * of a big graph stays about linear. */
static size_t take_event(scene *v, const sckg_event *e, size_t room,
                         taking *t) {
  take_chain(v, e, t);
  size_t k = event_index(v, e);
  for (size_t s = k == SIZE_MAX ? SIZE_MAX : t->said_first[k]; s != SIZE_MAX;
       s = t->said_next[s])
    take_chain(v, v->events[s], t);
  return commit_or_undo(v, room, t);
}

/* Index what a statement brings along in the view among the selected
 * events: in an actor view every statement selected brings what it says
 * (select_actor), in a statement view the hub does; the other views bring
 * no content with a statement, since they select events one by one. */
static void index_said(const scene *v, taking *t) {
  size_t n = v->n_events ? v->n_events : 1;
  t->said_first = sckg_xmalloc(n * sizeof *t->said_first);
  t->said_next = sckg_xmalloc(n * sizeof *t->said_next);
  for (size_t i = 0; i < v->n_events; i++)
    t->said_first[i] = t->said_next[i] = SIZE_MAX;
  for (size_t i = v->n_events; i-- > 0;) {
    const sckg_event *s = v->events[i]->stated_in;
    bool brings =
        v->kind == VIEW_ACTOR || (v->kind == VIEW_STATEMENT && s == v->hub);
    size_t k = s && brings && t->chosen[i] ? event_index(v, s) : SIZE_MAX;
    if (k == SIZE_MAX || !t->chosen[k])
      continue;
    t->said_next[i] = t->said_first[k];
    t->said_first[k] = i;
  }
}

/* The anchor of a summary, shown whatever the room: the actor of an actor
 * view (with what it belongs to), the statement of a statement view (with
 * what it says if that fits, else alone). Returns the nodes it added. */
static size_t take_anchor(scene *v, taking *t) {
  size_t used = 0;
  if (v->focus) {
    take_actor(v, v->focus, t);
    used = commit_or_undo(v, SIZE_MAX, t);
  } else if (v->hub) {
    used = take_event(v, v->hub, SCKG_VIEW_MAX_NODES, t);
    if (!used) {
      take_chain(v, v->hub, t);
      used = commit_or_undo(v, SIZE_MAX, t);
    }
  }
  return used;
}

/* A view too big to lay out (SCKG_VIEW_MAX_NODES, view.h) becomes its
 * summary: its anchor, then the events the view selected (`chosen`) in
 * cmp_most_reported's order, each with what take_event brings, as long
 * as they fit. An event that does not fit (one with hundreds of targets)
 * is passed over and the next one tried, so one oversized event cannot
 * empty the picture; the title says what is left out. O(events log
 * events) for the sort, then linear. */
static void select_most_reported(scene *v, const unsigned char *chosen) {
  taking t = {.chosen = chosen};
  sckg_event **order =
      sckg_xmalloc((v->n_events ? v->n_events : 1) * sizeof *order);
  size_t n = 0;
  for (size_t i = 0; i < v->n_events; i++)
    if (chosen[i])
      order[n++] = v->events[i];
  qsort(order, n, sizeof *order, cmp_most_reported);
  index_said(v, &t);
  size_t used = take_anchor(v, &t);
  size_t room = used < SCKG_VIEW_MAX_NODES ? SCKG_VIEW_MAX_NODES - used : 0;
  for (size_t i = 0; i < n && room > 0; i++)
    room -= take_event(v, order[i], room, &t);
  sckg_vec_free(&t.added_events);
  sckg_vec_free(&t.added_actors);
  free(t.said_first);
  free(t.said_next);
  free(order);
}

/* Every view ends here once it has marked the events it selects (and, for
 * "all", every actor): the statements that report them, their actors and
 * what those belong to join them; then, if that is more than the cap, the
 * view becomes its summary. The cap counts the nodes of the graph proper,
 * as choose_engine does; the legend comes on top. */
static void select_rest(scene *v) {
  unsigned char *chosen = sckg_xmalloc(v->n_events ? v->n_events : 1);
  memcpy(chosen, v->event_role, v->n_events);
  show_reporting_statements(v);
  show_event_actors(v);
  show_parents(v);
  for (size_t i = 0; i < v->n_actors; i++)
    v->total_actors += v->actor_role[i] != 0;
  for (size_t i = 0; i < v->n_events; i++)
    v->total_events += v->event_role[i] != 0;
  if (v->total_actors + v->total_events > SCKG_VIEW_MAX_NODES) {
    v->summary = true;
    memset(v->actor_role, 0, v->n_actors);
    memset(v->event_role, 0, v->n_events);
    select_most_reported(v, chosen);
  }
  free(chosen);
}

/* Every actor and event. */
static void select_all(scene *v) {
  memset(v->actor_role, SHOWN, v->n_actors);
  memset(v->event_role, SHOWN, v->n_events);
}

/* ---- actor, article and type views ---- */

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Equal but for ASCII case: no locale, so the same on every machine. */
static bool same_nocase(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (lower(*a) != lower(*b))
      return false;
  return *a == *b;
}

/* The ways to name an actor, tried in this order. */
typedef enum { BY_QID, BY_IRI, BY_SLUG, BY_LABEL, BY_COUNT } actor_key;

static bool actor_named(const sckg_actor *a, const char *name, actor_key key) {
  switch (key) {
  case BY_QID:
    return a->qid && same_nocase(a->qid, name);
  case BY_IRI:
    return strcmp(a->iri, name) == 0;
  case BY_SLUG:
    return strcmp(a->slug, name) == 0;
  default:
    return same_nocase(a->label, name);
  }
}

/* The actor `name` designates: the first way of naming (QID, IRI, slug,
 * label) that any actor answers to must single out one actor, or the name
 * is ambiguous. NULL with *problem set when none or several answer. */
static const sckg_actor *named_actor(const scene *v, const char *name,
                                     const char **problem) {
  for (int key = 0; key < BY_COUNT; key++) {
    const sckg_actor *found = NULL;
    size_t hits = 0;
    for (size_t i = 0; i < v->n_actors; i++)
      if (actor_named(v->actors[i], name, (actor_key)key)) {
        found = v->actors[i];
        hits++;
      }
    if (hits == 1)
      return found;
    if (hits > 1) {
      *problem = "names more than one actor (name it by its slug or IRI, "
                 "as 'sckg nt' prints them)";
      return NULL;
    }
  }
  *problem = "names no actor of the graph (give a Wikidata QID such as "
             "Q423, or an actor's slug or label such as north-korea or "
             "'North Korea')";
  return NULL;
}

static bool descends_from(const sckg_actor *a, const sckg_actor *top) {
  for (int depth = 0; a && depth <= MAX_DEPTH; depth++, a = a->parent)
    if (a == top)
      return true;
  return false;
}

static bool any_reached(const scene *v, sckg_actor *const *list, size_t n,
                        const unsigned char *reached) {
  for (size_t i = 0; i < n; i++) {
    size_t k = actor_index(v, list[i]);
    if (k != SIZE_MAX && reached[k])
      return true;
  }
  return false;
}

static void reach(const scene *v, sckg_actor *const *list, size_t n,
                  unsigned char *reached) {
  for (size_t i = 0; i < n; i++) {
    size_t k = actor_index(v, list[i]);
    if (k != SIZE_MAX)
      reached[k] = 1;
  }
}

/* The actor, its parts and members, their events; each further step the
 * events of every actor reached so far. Events found in a step reach their
 * actors only after the step, so depth 1 is exactly "its events and who
 * took part in them". A statement shown brings what it says (a statement
 * without its content tells nothing), and every event the statement that
 * reports it. */
static void select_actor(scene *v) {
  unsigned char *reached = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  unsigned depth = v->opts->depth ? v->opts->depth : 1;
  for (size_t i = 0; i < v->n_actors; i++)
    reached[i] = descends_from(v->actors[i], v->focus);
  for (unsigned step = 0; step < depth; step++) {
    for (size_t i = 0; i < v->n_events; i++) {
      const sckg_event *e = v->events[i];
      if (!v->event_role[i] &&
          (any_reached(v, e->agents, e->n_agents, reached) ||
           any_reached(v, e->targets, e->n_targets, reached) ||
           any_reached(v, e->attributed, e->n_attributed, reached)))
        v->event_role[i] = SHOWN;
    }
    for (size_t i = 0; i < v->n_events; i++) {
      const sckg_event *e = v->events[i];
      if (!v->event_role[i])
        continue;
      reach(v, e->agents, e->n_agents, reached);
      reach(v, e->targets, e->n_targets, reached);
      reach(v, e->attributed, e->n_attributed, reached);
    }
  }
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *s = v->events[i]->stated_in;
    size_t k = s ? event_index(v, s) : SIZE_MAX;
    if (k != SIZE_MAX && v->event_role[k] && !v->event_role[i])
      v->event_role[i] = SHOWN;
  }
  size_t f = actor_index(v, v->focus);
  if (f != SIZE_MAX)
    v->actor_role[f] = SHOWN; /* even with no event */
  free(reached);
}

/* The article `name` designates: by identifier ("ap-2023-04-07"), also
 * when given as a file name with folders or ".txt"; by IRI; or by
 * identifier in any case if that singles one out. */
static const sckg_article *named_article(const scene *v, const char *name,
                                         const char **problem) {
  sckg_article *const *arts = SCKG_ARTICLES(v->g);
  size_t n = v->g->articles.len;
  const char *slash = strrchr(name, '/');
  const char *id = slash ? slash + 1 : name;
  size_t len = strlen(id);
  if (len > 4 && strcmp(id + len - 4, ".txt") == 0)
    len -= 4;
  const sckg_article *found = NULL;
  size_t hits = 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(arts[i]->iri, name) == 0 ||
        (strlen(arts[i]->ident) == len && memcmp(arts[i]->ident, id, len) == 0))
      return arts[i];
  for (size_t i = 0; i < n; i++) {
    const char *ident = arts[i]->ident;
    bool same = strlen(ident) == len;
    for (size_t j = 0; same && j < len; j++)
      same = lower(ident[j]) == lower(id[j]);
    if (same) {
      found = arts[i];
      hits++;
    }
  }
  if (hits == 1)
    return found;
  *problem = hits ? "names more than one article (give its identifier "
                    "exactly)"
                  : "names no article of the graph (give an article's "
                    "identifier: its file name without folder and .txt)";
  return NULL;
}

static void select_article(scene *v) {
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    for (size_t j = 0; j < e->n_sources; j++)
      if (e->sources[j] == v->article)
        v->event_role[i] = SHOWN;
  }
}

/* The titles of the groups of event types (types.tsv's `group`) a type
 * view may name instead of types; a group with no title here lists its
 * types. */
static const struct {
  const char *name, *title;
} type_groups[] = {
    {"cyber", "Cyber operations"},
    {"sanctions", "Sanctions"},
    {"military", "Military acts"},
};
#define N_GROUPS (sizeof type_groups / sizeof *type_groups)

/* Parse "T[,T...]" into v->types: each T a contract type name in any case
 * (an "sckg:" in front allowed) or a group. A view that names exactly one
 * group is titled by it (*title). */
static bool parse_types(scene *v, const char *spec, const char **title) {
  char item[64];
  size_t commas = 0;
  *title = NULL;
  for (const char *p = spec;; commas++) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == 0 || n >= sizeof item)
      return false;
    memcpy(item, p, n);
    item[n] = '\0';
    const char *name = item;
    if (strncmp(name, "sckg:", 5) == 0)
      name += 5;
    bool known = false;
    for (int t = 0; t < SCKG_EV_COUNT; t++) {
      const char *group = sckg_type(v->g->schema, (sckg_event_type)t)->group;
      if (group && same_nocase(group, name))
        known = v->types[t] = true;
    }
    for (size_t g = 0; g < N_GROUPS && known; g++)
      if (same_nocase(type_groups[g].name, name))
        *title = type_groups[g].title;
    for (int t = 0; t < SCKG_EV_COUNT && !known; t++)
      if (same_nocase(sckg_event_types[t].name, name))
        known = v->types[t] = true;
    if (!known)
      return false;
    if (!end)
      break;
    p = end + 1;
  }
  if (commas > 0)
    *title = NULL; /* several items: list the types */
  return true;
}

static void select_type(scene *v) {
  for (size_t i = 0; i < v->n_events; i++)
    if (v->types[v->events[i]->type])
      v->event_role[i] = SHOWN;
}

/* Sides for the actor, article and type views: a top actor goes on the
 * right, with everything that belongs to it, when some of its family is a
 * target of a shown event and none of it acts or claims in one. Like the
 * statement view's right side it only receives edges, so it adds one rank
 * and no chains. */
static void mark_targets_right(scene *v) {
  unsigned char *side = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  enum { TARGETED = 1, ACTS = 2 };
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    for (size_t j = 0; j < e->n_targets; j++) {
      size_t k = actor_index(v, root_of(e->targets[j]));
      if (k != SIZE_MAX)
        side[k] |= TARGETED;
    }
    for (int who = 0; who < 2; who++) {
      sckg_actor *const *list = who ? e->attributed : e->agents;
      size_t n = who ? e->n_attributed : e->n_agents;
      for (size_t j = 0; j < n; j++) {
        size_t k = actor_index(v, root_of(list[j]));
        if (k != SIZE_MAX)
          side[k] |= ACTS;
      }
    }
  }
  for (size_t i = 0; i < v->n_actors; i++) {
    size_t k = actor_index(v, root_of(v->actors[i]));
    if (v->actor_role[i] == SHOWN && k != SIZE_MAX && side[k] == TARGETED)
      v->actor_role[i] = RIGHT;
  }
  free(side);
}

/* The actor view's middle: the focus and its parts (unless they went to
 * the right, being only ever targets), and the events aimed at them in
 * which they neither act nor claim. */
static void mark_focus(scene *v, const sckg_actor *middle) {
  unsigned char *kin = sckg_xcalloc(v->n_actors ? v->n_actors : 1, 1);
  for (size_t i = 0; i < v->n_actors; i++)
    if (v->actor_role[i] == SHOWN && descends_from(v->actors[i], middle)) {
      v->actor_role[i] = FOCUS;
      kin[i] = 1;
    }
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (v->event_role[i] == SHOWN &&
        any_reached(v, e->targets, e->n_targets, kin) &&
        !any_reached(v, e->agents, e->n_agents, kin) &&
        !any_reached(v, e->attributed, e->n_attributed, kin))
      v->event_role[i] = TOWARD;
  }
  free(kin);
}

/* The middle of an article or type view: the top actor that the shown
 * events aim at most often (at least twice) while it acts in some of them
 * (an actor that only receives went to the right already); ties go to the
 * lowest IRI. North Korea, accused and sanctioned in a story where it also
 * fires missiles, then stands between the two kinds of events as in its
 * own view. NULL when no actor qualifies. */
static const sckg_actor *pick_middle(scene *v) {
  size_t *aimed = sckg_xcalloc(v->n_actors ? v->n_actors : 1, sizeof *aimed);
  for (size_t i = 0; i < v->n_events; i++) {
    const sckg_event *e = v->events[i];
    if (!v->event_role[i])
      continue;
    for (size_t j = 0; j < e->n_targets; j++) {
      size_t k = actor_index(v, root_of(e->targets[j]));
      if (k != SIZE_MAX)
        aimed[k]++;
    }
  }
  size_t best = SIZE_MAX;
  for (size_t i = 0; i < v->n_actors; i++)
    if (v->actor_role[i] == SHOWN && aimed[i] >= 2 &&
        (best == SIZE_MAX || aimed[i] > aimed[best]))
      best = i;
  free(aimed);
  return best == SIZE_MAX ? NULL : v->actors[best];
}

/* ---- drawing ---- */

static sckg_status draw_actor(scene *v, Agraph_t *where, size_t i) {
  const sckg_actor *a = v->actors[i];
  const class_style *style = style_of(a);
  Agnode_t *n = agnode(where, cs(node_name(v, "a_", a->iri)), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  v->anode[i] = n;
  sckg_buf_clear(&v->text);
  add_wrapped(&v->text, a->label);
  actor_tooltip(&v->aux, a);
  const char *attrs[] = {"label",     v->text.ptr, "shape",    style->shape,
                         "fillcolor", style->fill, "fontsize", "12",
                         "tooltip",   v->aux.ptr,  NULL};
  sckg_status st = set_attrs(n, attrs);
  if (!st && a == v->focus) {
    static const char *const focus_attrs[] = {
        "penwidth", "3", "fontname", "Helvetica-Bold", "fontsize", "14", NULL};
    st = set_attrs(n, focus_attrs);
  }
  if (st)
    return st;
  node_url(v, &v->aux, a->iri);
  return set_attr(n, "URL", v->aux.ptr);
}

static sckg_status draw_event(scene *v, Agraph_t *where, size_t i) {
  const sckg_event *e = v->events[i];
  Agnode_t *n = agnode(where, cs(node_name(v, "e_", e->iri)), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  v->enode[i] = n;
  event_label(v->g->schema, &v->text, e);
  event_tooltip(v->g->schema, &v->aux, e);
  family f = family_of(v, e->type);
  const char *style = e->negated ? "rounded,filled,dashed" : "rounded,filled";
  const char *attrs[] = {
      "label", v->text.ptr, "tooltip", v->aux.ptr,  "style",
      style,   "fontsize",  "10",      "fillcolor", family_styles[f].fill,
      NULL};
  sckg_status st = set_attrs(n, attrs);
  if (!st && v->event_role[i] == HUB) {
    static const char *const hub_attrs[] = {
        "fillcolor", BLUE, "fontcolor", "#FFFFFF",
        "color",     BLUE, "fontname",  "Helvetica-Bold",
        "fontsize",  "13", "penwidth",  "2",
        NULL};
    st = set_attrs(n, hub_attrs);
  } else if (!st && e->type == SCKG_EV_MAKE_STATEMENT) {
    static const char *const stmt_attrs[] = {"color", BLUE, "penwidth", "1.6",
                                             NULL};
    st = set_attrs(n, stmt_attrs);
  }
  if (st)
    return st;
  node_url(v, &v->aux, e->iri);
  return set_attr(n, "URL", v->aux.ptr);
}

static sckg_status open_cluster(scene *v, const char *name, const char *label,
                                const char *const *attrs, Agraph_t **out) {
  Agraph_t *sub = agsubg(v->ag, cs(name), 1);
  if (!sub)
    return SCKG_ERR_INTERNAL;
  sckg_buf_clear(&v->text);
  add_escaped(&v->text, label, strlen(label));
  sckg_status st = set_attr(sub, "label", v->text.ptr);
  if (!st && attrs)
    st = set_attrs(sub, attrs);
  *out = sub;
  return st;
}

/* Add `s` escaped with its first letter in upper case (ASCII). */
static void add_capitalized(sckg_buf *b, const char *s) {
  if (*s >= 'a' && *s <= 'z') {
    sckg_buf_addc(b, (char)(*s - 32));
    s++;
  }
  add_escaped(b, s, strlen(s));
}

static void title_statement(scene *v, sckg_buf *b) {
  const sckg_event *e = v->hub;
  char date[11];
  add_capitalized(b, event_words(v->g->schema, e));
  sckg_buf_adds(b, " by ");
  for (size_t i = 0; i < e->n_agents; i++) {
    if (i)
      sckg_buf_adds(b, i + 1 == e->n_agents ? " and " : ", ");
    add_escaped(b, e->agents[i]->label, strlen(e->agents[i]->label));
  }
  if (sckg_date_format(e->date, date))
    sckg_buf_printf(b, ", %s", date);
  sckg_buf_adds(b, ": what it says and what happened around it");
}

static void title_actor(scene *v, sckg_buf *b) {
  const sckg_actor *a = v->focus;
  unsigned depth = v->opts->depth ? v->opts->depth : 1;
  add_escaped(b, a->label, strlen(a->label));
  if (a->qid) {
    sckg_buf_adds(b, " (Wikidata ");
    add_escaped(b, a->qid, strlen(a->qid));
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
  cut_into(b, name, strlen(name), 60, 2);
  sckg_buf_adds(b, "\" reports (");
  add_escaped(b, a->ident, strlen(a->ident));
  if (a->publisher) {
    sckg_buf_adds(b, ", ");
    add_escaped(b, a->publisher, strlen(a->publisher));
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
      size_t k = index_of((void *const *)arts, n_all,
                          offsetof(sckg_article, iri), e->sources[j]);
      if (k != SIZE_MAX && !seen[k]) {
        seen[k] = 1;
        n_articles++;
      }
    }
  }
  free(seen);
  if (v->type_title) {
    add_escaped(b, v->type_title, strlen(v->type_title));
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
    st = open_cluster(v, "cluster_issued_by", "issued by", sign_attrs, &sign);
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
      st = open_cluster(v, "cluster_says", "what it says", says_attrs, &says);
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
  edge_tooltip(v->g->schema, &v->aux, who, role, e);
  sckg_status st = set_attr(edge, "tooltip", v->aux.ptr);
  node_url(v, &v->aux, e->iri);
  return st ? st : set_attr(edge, "URL", v->aux.ptr);
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
    size_t k = event_index(v, e->stated_in);
    if (k != SIZE_MAX && v->enode[k])
      voice = e->stated_in;
  }
  for (size_t i = 0; i < count; i++) {
    size_t k = actor_index(v, list[i]);
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
    size_t k = actor_index(v, a->parent);
    if (k == SIZE_MAX || !v->anode[k])
      continue;
    const char *word = a->affiliated ? "affiliated with" : "part of";
    Agedge_t *e = v->actor_role[i] == RIGHT
                      ? agedge(v->ag, v->anode[i], v->anode[k], NULL, 1)
                      : agedge(v->ag, v->anode[k], v->anode[i], NULL, 1);
    if (!e)
      return SCKG_ERR_INTERNAL;
    st = set_attrs(e, v->actor_role[i] == RIGHT ? part_edge : part_edge_back);
    if (!st)
      st = set_attr(e, "xlabel", word);
    /* "Kim Gunn: affiliated with South Korea", linked to the member */
    sckg_buf_clear(&v->aux);
    add_tip(&v->aux, a->label);
    sckg_buf_printf(&v->aux, ": %s ", word);
    add_tip(&v->aux, a->parent->label);
    if (!st)
      st = set_attr(e, "tooltip", v->aux.ptr);
    node_url(v, &v->aux, a->iri);
    if (!st)
      st = set_attr(e, "URL", v->aux.ptr);
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
      size_t k = event_index(v, e->stated_in);
      Agedge_t *says;
      if (k != SIZE_MAX && v->enode[k]) {
        st = add_edge(v->ag, v->enode[k], n, says_edge, &says);
        if (!st)
          st = link_edge(v, says, event_words(v->g->schema, e->stated_in),
                         " says: ", e);
      }
    }
  }
  return st;
}

/* ---- legend ---- */

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
      size_t k = actor_index(v, a->parent);
      p->parts |= k != SIZE_MAX && v->anode[k] != NULL;
    }
  }
  for (size_t i = 0; i < v->n_events; i++) {
    if (!v->enode[i])
      continue;
    const sckg_event *e = v->events[i];
    p->fam[family_of(v, e->type)] = true;
    p->negated |= e->negated;
    p->claims |= e->n_attributed > 0;
    if (e->stated_in) {
      size_t k = event_index(v, e->stated_in);
      p->says |= k != SIZE_MAX && v->enode[k] != NULL;
    }
  }
}

/* One legend node; `attrs` may be NULL. Legend nodes share the "legend_"
 * prefix so tools and tests can tell them from the graph's own. */
static sckg_status legend_node(scene *v, Agraph_t *sub, const char *name,
                               const char *label, const char *const *attrs,
                               Agnode_t **out) {
  Agnode_t *n = agnode(sub, cs(name), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  sckg_buf_clear(&v->text);
  add_wrapped(&v->text, label);
  sckg_status st = set_attr(n, "label", v->text.ptr);
  if (!st)
    st = set_attr(n, "tooltip", "legend");
  if (!st && attrs)
    st = set_attrs(n, attrs);
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
                      class_styles[c].fill, class_styles[c].words,
                      class_styles[c].shape_words);
  for (int f = 0; f < FAM_COUNT; f++)
    if (p->fam[f])
      sckg_buf_printf(b,
                      "<TR><TD COLOR=\"" INK "\" BGCOLOR=\"%s\">event: %s"
                      "</TD></TR>",
                      family_styles[f].fill, family_styles[f].words);
  if (p->negated)
    sckg_buf_adds(b, "<TR><TD COLOR=\"" INK "\">dashed border: reported as "
                     "denied</TD></TR>");
  sckg_buf_adds(b, "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">");
  legend_edge_lines(v, p, b, true);
  sckg_buf_adds(b, "</TD></TR></TABLE>");
  Agnode_t *n = agnode(v->ag, cs("legend"), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  static const char *const attrs[] = {"shape",    "plain",   "style",
                                      "",         "tooltip", "legend",
                                      "fontsize", "9",       NULL};
  sckg_status st = set_attrs(n, attrs);
  char *html = agstrdup_html(v->ag, v->aux.ptr);
  if (!html)
    return SCKG_ERR_INTERNAL;
  if (!st)
    st = set_attr(n, "label", html);
  agstrfree(v->ag, html);
  return st;
}

static sckg_status draw_legend(scene *v) {
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
  sckg_status st = open_cluster(v, "cluster_legend", "legend", frame, &sub);
  for (int c = 0; !st && c < SCKG_CLASS_COUNT; c++) {
    if (!p.cls[c])
      continue;
    const char *attrs[] = {"shape",     class_styles[c].shape,
                           "fillcolor", class_styles[c].fill,
                           "fontsize",  "9",
                           "height",    "0.3",
                           NULL};
    snprintf(name, sizeof name, "legend_%s", sckg_class_names[c]);
    st = legend_node(v, sub, name, class_styles[c].words, attrs, &n);
  }
  for (int f = 0; !st && f < FAM_COUNT; f++) {
    if (!p.fam[f])
      continue;
    const char *attrs[] = {"style",     "rounded,filled",
                           "fillcolor", family_styles[f].fill,
                           "fontsize",  "9",
                           "height",    "0.3",
                           NULL};
    snprintf(name, sizeof name, "legend_family_%d", f);
    st = legend_node(v, sub, name, family_styles[f].words, attrs, &n);
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
  n = agnode(sub, cs("legend_edges"), 1);
  if (!n)
    return SCKG_ERR_INTERNAL;
  const char *attrs[] = {"shape",    "plaintext", "style", "",
                         "fontsize", "9",         "label", v->aux.ptr,
                         "tooltip",  "legend",    NULL};
  return set_attrs(n, attrs);
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
  sckg_status st = set_attr(v->ag, "layout", v->engine);
  return st ? st : set_attr(v->ag, "overlap", "prism");
}

static sckg_status draw(scene *v) {
  sckg_status st;
  static const char *const names[] = {[VIEW_ALL] = "all",
                                      [VIEW_STATEMENT] = "statement",
                                      [VIEW_ACTOR] = "actor",
                                      [VIEW_ARTICLE] = "article",
                                      [VIEW_TYPE] = "type"};
  v->ag = agopen(cs(names[v->kind]), Agdirected, &disc);
  if (!v->ag)
    return SCKG_ERR_INTERNAL;
  st = declare(v->ag, AGRAPH, graph_defaults);
  if (!st)
    st = declare(v->ag, AGNODE, node_defaults);
  if (!st)
    st = declare(v->ag, AGEDGE, edge_defaults);
  if (!st) {
    title(v, &v->aux);
    st = set_attr(v->ag, "label", v->aux.ptr);
  }
  if (!st)
    st = draw_nodes(v);
  if (!st)
    st = draw_edges(v);
  if (!st)
    st = choose_engine(v);
  if (!st)
    st = draw_legend(v);
  return st;
}

/* The layout engines a view may ask for: those of Graphviz's standard
 * plugin that lay out any graph (osage and patchwork draw clusters only). */
static const char *const engines[] = {"dot", "sfdp",  "neato",
                                      "fdp", "circo", "twopi"};

static bool known_engine(const char *name) {
  for (size_t i = 0; i < sizeof engines / sizeof *engines; i++)
    if (strcmp(engines[i], name) == 0)
      return true;
  return false;
}

/* A link base must be something a URL attribute and an SVG href carry
 * as is: no controls, spaces or the characters RFC 3987 leaves out. */
static bool good_link_base(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7f || strchr("<>\"{}|\\^`", *p))
      return false;
  return true;
}

static bool has_prefix(const char *s, const char *prefix, const char **rest) {
  size_t n = strlen(prefix);
  if (strncmp(s, prefix, n) != 0)
    return false;
  *rest = s + n;
  return true;
}

/* The roles that place what a view shows: sides, middle, hub. */
static void mark_sides(scene *v) {
  switch (v->kind) {
  case VIEW_ALL:
    break;
  case VIEW_STATEMENT:
    mark_statement_sides(v);
    break;
  default: {
    mark_targets_right(v);
    const sckg_actor *middle =
        v->kind == VIEW_ACTOR ? v->focus : pick_middle(v);
    if (middle)
      mark_focus(v, middle);
  }
  }
}

/* Parse the view name and mark what it shows. */
static sckg_status select_view(scene *v, const char **problem) {
  const char *name = v->opts->view ? v->opts->view : "all", *arg;
  sckg_status st = SCKG_OK;
  if (strcmp(name, "all") == 0) {
    select_all(v);
  } else if (strcmp(name, "statement") == 0) {
    v->kind = VIEW_STATEMENT;
    v->hub = main_statement(v);
    if (!v->hub) { /* no statement: the whole graph is the story */
      v->kind = VIEW_ALL;
      select_all(v);
    } else {
      st = select_statement(v);
    }
  } else if (has_prefix(name, "statement:", &arg)) {
    v->kind = VIEW_STATEMENT;
    v->hub = named_event(v, arg);
    if (!v->hub) {
      *problem = "names no statement event, or more than one (give its IRI "
                 "or the end of it)";
      return SCKG_ERR_ARG;
    }
    st = select_statement(v);
  } else if (has_prefix(name, "actor:", &arg)) {
    v->kind = VIEW_ACTOR;
    if (v->opts->depth > SCKG_VIEW_MAX_DEPTH) {
      *problem = "asks for too many steps: the depth goes from 1 to 8";
      return SCKG_ERR_ARG;
    }
    if (!(v->focus = named_actor(v, arg, problem)))
      return SCKG_ERR_ARG;
    select_actor(v);
  } else if (has_prefix(name, "article:", &arg)) {
    v->kind = VIEW_ARTICLE;
    if (!(v->article = named_article(v, arg, problem)))
      return SCKG_ERR_ARG;
    select_article(v);
  } else if (has_prefix(name, "type:", &arg)) {
    v->kind = VIEW_TYPE;
    if (!parse_types(v, arg, &v->type_title)) {
      *problem = "names no event type (give contract types such as "
                 "ImposeSanctions, comma-separated, or a group: cyber, "
                 "sanctions, military)";
      return SCKG_ERR_ARG;
    }
    select_type(v);
  } else {
    *problem = "is not a view (use all, statement, statement:IRI, "
               "actor:NAME, article:ID or type:TYPE)";
    return SCKG_ERR_ARG;
  }
  if (st)
    return st;
  select_rest(v);
  mark_sides(v);
  return SCKG_OK;
}

sckg_status sckg_view_make(const sckg_graph *g, const sckg_view_options *opts,
                           Agraph_t **out, const char **problem) {
  const char *ignored;
  if (!problem)
    problem = &ignored;
  *problem = "cannot be drawn: the graph or the options are invalid";
  if (out)
    *out = NULL;
  if (!g || !opts || !g->finished)
    return SCKG_ERR_ARG;
  if (opts->layout && !known_engine(opts->layout)) {
    *problem = "cannot be laid out: unknown layout engine (use dot, sfdp, "
               "neato, fdp, circo or twopi)";
    return SCKG_ERR_ARG;
  }
  if (opts->link_base && !good_link_base(opts->link_base)) {
    *problem = "cannot be linked: the link base holds a character that a "
               "URL cannot";
    return SCKG_ERR_ARG;
  }
  scene v = {0};
  sckg_status st = SCKG_OK;
  v.g = g;
  v.opts = opts;
  v.actors = SCKG_ACTORS(g);
  v.n_actors = g->actors.len;
  v.events = SCKG_EVENTS(g);
  v.n_events = g->events.len;
  v.actor_role = sckg_xcalloc(v.n_actors ? v.n_actors : 1, 1);
  v.event_role = sckg_xcalloc(v.n_events ? v.n_events : 1, 1);
  v.anode = sckg_xcalloc(v.n_actors ? v.n_actors : 1, sizeof *v.anode);
  v.enode = sckg_xcalloc(v.n_events ? v.n_events : 1, sizeof *v.enode);

  if ((st = select_view(&v, problem)) != SCKG_OK || !out)
    goto done;
  if ((st = draw(&v)) != SCKG_OK)
    goto done;
  *out = v.ag;
  v.ag = NULL;

done:
  if (v.ag)
    agclose(v.ag);
  free(v.actor_role);
  free(v.event_role);
  free(v.anode);
  free(v.enode);
  sckg_buf_free(&v.name);
  sckg_buf_free(&v.text);
  sckg_buf_free(&v.aux);
  return st;
}

sckg_status sckg_view_build(const sckg_graph *g, const char *view,
                            Agraph_t **out) {
  if (!view) {
    if (out)
      *out = NULL;
    return SCKG_ERR_ARG;
  }
  sckg_view_options opts = {.view = view};
  return sckg_view_make(g, &opts, out, NULL);
}

sckg_status sckg_write_check_view(const sckg_graph *g,
                                  const sckg_view_options *opts,
                                  const char **problem) {
  return sckg_view_make(g, opts, NULL, problem);
}

sckg_status sckg_write_view_dot(const sckg_graph *g,
                                const sckg_view_options *opts, FILE *out) {
  Agraph_t *ag = NULL;
  if (!out)
    return SCKG_ERR_ARG;
  sckg_status st = sckg_view_make(g, opts, &ag, NULL);
  if (st)
    goto done;
  /* agwrite flushes the stream and returns EOF when a write or the flush
   * fails; ferror catches a failure it did not report. */
  if (agwrite(ag, out) != 0 || ferror(out))
    st = SCKG_ERR_WRITE;
done:
  if (ag && agclose(ag) != 0 && !st)
    st = SCKG_ERR_INTERNAL;
  return st;
}

sckg_status sckg_write_dot(const sckg_graph *g, const char *view, FILE *out) {
  if (!view)
    return SCKG_ERR_ARG;
  sckg_view_options opts = {.view = view};
  return sckg_write_view_dot(g, &opts, out);
}
