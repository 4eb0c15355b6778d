/* SPDX-License-Identifier: MIT */
/* The finished graph as triples, one subject at a time, for the writers
 * (sckg_graph_each_subject) and as one sorted list. */
#include "model/model.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The predicates of the triples made from the nodes, in the byte order of
 * their IRIs (nif's "http://persistence." before dcterms' "http://purl.",
 * the w3.org ones, then ours under "https:"). All the triples a walk
 * hands over at once share their subject, so comparing two of them is
 * comparing their predicates' places in walk_iri, then their objects; an assert
 * checks the order when the walk starts. */
typedef enum {
  P_ANCHOR_OF,
  P_BEGIN_INDEX,
  P_END_INDEX,
  P_IS_STRING,
  P_REFERENCE_CONTEXT,
  P_DCT_DATE,
  P_IDENTIFIER,
  P_PUBLISHER,
  P_TITLE,
  P_TYPE,
  P_LABEL,
  P_SAME_AS,
  P_RELATED,
  P_WAS_DERIVED_FROM,
  P_AFFILIATED_WITH,
  P_AGENT,
  P_ATTRIBUTED_TO,
  P_DATE,
  P_EVENT_TYPE,
  P_EVIDENCE,
  P_MENTIONS,
  P_NEGATED,
  P_PART_OF,
  P_STATED_IN,
  P_TARGET,
  P_COUNT
} predicate;

/* The IRIs the walk hands out that are not the graph's own: predicates
 * and the classes every node of a kind has. From static storage, so a
 * writer may take them as they are listed here (sckg_walk_iris) for every
 * graph, not measure them again in each. */
enum {
  C_ACTOR = P_COUNT,
  C_ARTICLE,
  C_CONTEXT,
  C_EVENT,
  C_SENTENCE,
  C_BOOLEAN,
  C_NON_NEGATIVE,
  WALK_IRIS
};

#define RDF(x) SCKG_NS_RDF x
#define SCKG(x) SCKG_NS x
#define STR(x)                                                                 \
  { x, sizeof x - 1 }

static const sckg_str walk_iri[WALK_IRIS] = {
    [P_ANCHOR_OF] = STR(SCKG_NS_NIF "anchorOf"),
    [P_BEGIN_INDEX] = STR(SCKG_NS_NIF "beginIndex"),
    [P_END_INDEX] = STR(SCKG_NS_NIF "endIndex"),
    [P_IS_STRING] = STR(SCKG_NS_NIF "isString"),
    [P_REFERENCE_CONTEXT] = STR(SCKG_NS_NIF "referenceContext"),
    [P_DCT_DATE] = STR(SCKG_NS_DCT "date"),
    [P_IDENTIFIER] = STR(SCKG_NS_DCT "identifier"),
    [P_PUBLISHER] = STR(SCKG_NS_DCT "publisher"),
    [P_TITLE] = STR(SCKG_NS_DCT "title"),
    [P_TYPE] = STR(RDF("type")),
    [P_LABEL] = STR(SCKG_NS_RDFS "label"),
    [P_SAME_AS] = STR(SCKG_NS_OWL "sameAs"),
    [P_RELATED] = STR(SCKG_NS_SKOS "related"),
    [P_WAS_DERIVED_FROM] = STR(SCKG_NS_PROV "wasDerivedFrom"),
    [P_AFFILIATED_WITH] = STR(SCKG("affiliatedWith")),
    [P_AGENT] = STR(SCKG("agent")),
    [P_ATTRIBUTED_TO] = STR(SCKG("attributedTo")),
    [P_DATE] = STR(SCKG("date")),
    [P_EVENT_TYPE] = STR(SCKG("eventType")),
    [P_EVIDENCE] = STR(SCKG("evidence")),
    [P_MENTIONS] = STR(SCKG("mentions")),
    [P_NEGATED] = STR(SCKG("negated")),
    [P_PART_OF] = STR(SCKG("partOf")),
    [P_STATED_IN] = STR(SCKG("statedIn")),
    [P_TARGET] = STR(SCKG("target")),
    [C_ACTOR] = STR(SCKG("Actor")),
    [C_ARTICLE] = STR(SCKG("Article")),
    [C_CONTEXT] = STR(SCKG_NS_NIF "Context"),
    [C_EVENT] = STR(SCKG("Event")),
    [C_SENTENCE] = STR(SCKG_NS_NIF "Sentence"),
    [C_BOOLEAN] = STR(SCKG_NS_XSD "boolean"),
    [C_NON_NEGATIVE] = STR(SCKG_NS_XSD "nonNegativeInteger"),
};

const sckg_str *sckg_walk_iris(size_t *n) {
  *n = WALK_IRIS;
  return walk_iri;
}

#ifndef NDEBUG
static bool predicates_in_order(void) {
  for (int k = 1; k < P_COUNT; k++)
    if (strcmp(walk_iri[k - 1].ptr, walk_iri[k].ptr) >= 0)
      return false;
  return true;
}
#endif

/* An object and the length of its value, or 0 (sckg_subject_sized). */
typedef struct {
  sckg_term term;
  size_t len;
} object;

/* One subject's triples at a time. The strings a triple needs that no node
 * holds whole (a sentence's text and offsets, a date, an event's label)
 * live in the walker's buffers until the next subject; the IRIs it makes
 * (classes, event types, Wikidata entities) in its arena until the walk
 * ends, so that a writer may know an IRI by its address for the whole
 * walk. Each triple's predicate is kept beside it as well, for the sort. */
typedef struct {
  sckg_triple *t;
  unsigned char *pred;   /* predicate of t[i] */
  sckg_triple_lens *len; /* t[i]'s (sckg_subject_sized) */
  size_t n, cap;
  /* Whether t[0, n) is known to be in order and distinct already, as the
   * makers add them: then the subject needs no sort. */
  bool in_order;
  sckg_arena *arena;
  /* made when first needed: a graph of one article has a few of them */
  object class_iri[SCKG_CLASS_COUNT];
  bool class_after_actor[SCKG_CLASS_COUNT]; /* its IRI sorts after Actor's */
  object type_iri[SCKG_EV_COUNT];
  sckg_str type_label[SCKG_EV_COUNT]; /* sckg_type's, measured once */
  char index[2][24];                  /* nif:beginIndex, nif:endIndex */
  sckg_buf anchor;                    /* nif:anchorOf */
  char date[16];
  sckg_buf label;
  const sckg_schema *schema; /* what each event type's label is */
  /* Whether every literal must end in a NUL (the plain walk's consumers
   * read them to it); else one whose length is given may be handed in
   * place, unterminated: a sentence's text inside its article's. */
  bool terminate;
} triples;

/* Room for more triples: a few times a walk, so out of line. */
static void grow(triples *T) {
  T->cap = T->cap ? T->cap * 2 : 64;
  T->t = sckg_xrealloc(T->t, T->cap * sizeof *T->t);
  T->pred = sckg_xrealloc(T->pred, T->cap);
  T->len = sckg_xrealloc(T->len, T->cap * sizeof *T->len);
}

/* Add a triple; `follows` when its object is known to sort after that of
 * the triple added last, should that one have the same predicate (the
 * next of a list of nodes sorted by IRI, the same node again aside).
 * Inline: it runs for every triple, and as a call it took the term by
 * value through the stack. */
static inline void add_after(triples *T, const char *s, predicate p, object o,
                             bool follows) {
  if (T->n) {
    size_t last = T->n - 1;
    if (p < T->pred[last] || (p == T->pred[last] &&
                              (!follows || o.term.value == T->t[last].o.value)))
      T->in_order = false;
  }
  if (T->n == T->cap)
    grow(T);
  T->pred[T->n] = (unsigned char)p;
  T->len[T->n] = (sckg_triple_lens){walk_iri[p].len, o.len};
  T->t[T->n++] = (sckg_triple){s, walk_iri[p].ptr, o.term};
}

/* A triple whose object is not known to follow the last one's. */
static inline void add(triples *T, const char *s, predicate p, object o) {
  add_after(T, s, p, o, false);
}

/* The next triple of a run made from a list of nodes sorted by IRI (the
 * order of N-Triples), whose predicate no other triple of the subject has. */
static inline void add_next(triples *T, const char *s, predicate p, object o) {
  add_after(T, s, p, o, true);
}

/* An IRI, len its bytes when it needs no escape (else 0). */
static object iri_sized(const char *v, size_t len) {
  return (object){{SCKG_TERM_IRI, v, NULL, NULL}, len};
}
static object walk_iri_of(int k) {
  return iri_sized(walk_iri[k].ptr, walk_iri[k].len);
}
/* A literal, len its bytes when known (else 0). */
static object lit_sized(const char *v, size_t len, const char *lang,
                        const char *dt) {
  return (object){{SCKG_TERM_LITERAL, v, lang, dt}, len};
}
static object lit(const char *v, const char *lang, const char *dt) {
  return lit_sized(v, 0, lang, dt);
}

/* The IRI a + b, made in T's arena, with its length: a namespace and a
 * name that need no escape (a static one, or a Wikidata id, which the
 * lexicon checks is Q and digits), so the writers need not measure it. */
static object I(triples *T, const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *s = sckg_arena_alloc_dirty(T->arena, la + lb + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb + 1);
  return iri_sized(s, la + lb);
}

/* v in decimal, a literal of the datatype `dt`, made in T->index[which]
 * with its length. */
static object num(triples *T, int which, size_t v, const char *dt) {
  char *digits = T->index[which];
  return lit_sized(digits, sckg_format_size(digits, v), NULL, dt);
}

/* d as its xsd:date or xsd:gYearMonth in T->date, with its length (ten
 * bytes or seven), or as "" when d is no date. */
static object date_lit(triples *T, sckg_date d) {
  const char *dt = sckg_date_format(d, T->date);
  return lit_sized(T->date, dt ? (T->date[7] ? 10 : 7) : 0, NULL, dt);
}

static object class_iri(triples *T, sckg_class c) {
  if (!T->class_iri[c].term.value) {
    T->class_iri[c] = I(T, SCKG_NS, sckg_class_names[c]);
    T->class_after_actor[c] =
        strcmp(T->class_iri[c].term.value, walk_iri[C_ACTOR].ptr) > 0;
  }
  return T->class_iri[c];
}

static object type_iri(triples *T, sckg_event_type t) {
  if (!T->type_iri[t].term.value)
    T->type_iri[t] = I(T, SCKG_NS, sckg_event_types[t].name);
  return T->type_iri[t];
}

/* The makers below add a node's triples in the order the sort puts them
 * in, as far as it is known before the objects are seen, so that sorting
 * them is mostly checking that order. */

static void actor_triples(triples *T, const sckg_actor *a) {
  add(T, a->iri, P_TYPE, walk_iri_of(C_ACTOR));
  add_after(T, a->iri, P_TYPE, class_iri(T, a->cls),
            T->class_after_actor[a->cls]);
  add(T, a->iri, P_LABEL, lit_sized(a->label, a->label_len, "en", NULL));
  if (a->qid)
    add(T, a->iri, P_SAME_AS, I(T, SCKG_NS_WD, a->qid));
  for (size_t i = 0; i < a->n_related; i++)
    if (a->related[i] != a)
      add(T, a->iri, P_RELATED,
          iri_sized(a->related[i]->iri, a->related[i]->iri_len));
  if (a->parent)
    add(T, a->iri, a->affiliated ? P_AFFILIATED_WITH : P_PART_OF,
        iri_sized(a->parent->iri, a->parent->iri_len));
}

static void article_triples(triples *T, const sckg_article *a, bool text) {
  if (text)
    add(T, a->iri, P_IS_STRING, lit_sized(a->text, a->len, NULL, NULL));
  if (a->date.year)
    add(T, a->iri, P_DCT_DATE, date_lit(T, a->date));
  add(T, a->iri, P_IDENTIFIER, lit(a->ident, NULL, NULL));
  if (a->publisher)
    add(T, a->iri, P_PUBLISHER, lit(a->publisher, NULL, NULL));
  if (a->title)
    add(T, a->iri, P_TITLE, lit(a->title, NULL, NULL));
  add(T, a->iri, P_TYPE, walk_iri_of(C_CONTEXT));
  add_next(T, a->iri, P_TYPE, walk_iri_of(C_ARTICLE)); /* nif's, then ours */
  for (size_t i = 0; i < a->n_mentions; i++)
    add_next(T, a->iri, P_MENTIONS,
             iri_sized(a->mentions[i]->iri, a->mentions[i]->iri_len));
}

/* A sentence's text: where it lies, or a copy of it that ends in a NUL
 * when T must terminate its literals. Not copied otherwise: the N-Triples
 * writer reads it by its length, and a copy of every sentence was a tenth
 * of the bytes the walk moved. */
static object anchor_of(triples *T, const sckg_sentence *s) {
  if (!s->text_len)
    return lit_sized("", 0, NULL, NULL);
  if (!T->terminate)
    return lit_sized(s->text, s->text_len, NULL, NULL);
  sckg_buf_clear(&T->anchor);
  sckg_buf_add(&T->anchor, s->text, s->text_len);
  return lit_sized(T->anchor.ptr, T->anchor.len, NULL, NULL);
}

static void sentence_triples(triples *T, const sckg_sentence *s) {
  const char *nn = walk_iri[C_NON_NEGATIVE].ptr;
  add(T, s->iri, P_ANCHOR_OF, anchor_of(T, s));
  add(T, s->iri, P_BEGIN_INDEX, num(T, 0, s->begin, nn));
  add(T, s->iri, P_END_INDEX, num(T, 1, s->end, nn));
  add(T, s->iri, P_REFERENCE_CONTEXT,
      iri_sized(s->article->iri, s->article->iri_len));
  add(T, s->iri, P_TYPE, walk_iri_of(C_SENTENCE));
}

/* Between two names of a list: ", ", or " and " before the last. Their
 * lengths given, not measured: an event's label is made for every event. */
static void add_separator(sckg_buf *b, bool last) {
  if (last)
    sckg_buf_add(b, " and ", 5);
  else
    sckg_buf_add(b, ", ", 2);
}

/* The words an event of type t is read by in its label, measured when
 * first asked for. */
static sckg_str type_label(triples *T, sckg_event_type t) {
  if (!T->type_label[t].ptr) {
    const char *label = sckg_type(T->schema, t)->label;
    T->type_label[t] = (sckg_str){label, strlen(label)};
  }
  return T->type_label[t];
}

/* The labels of actors[0, n), ", " and " and " between them. */
static void add_names(sckg_buf *b, sckg_actor *const *actors, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i)
      add_separator(b, i + 1 == n);
    sckg_buf_add(b, actors[i]->label, actors[i]->label_len);
  }
}

/* "Japan imposes sanctions on North Korea (2023-04-07)": a label to read
 * an event by in a triple store's browser, made in T->label. Every part's
 * length is known (an actor keeps its label's), so nothing is measured. */
static void event_label(triples *T, const sckg_event *e) {
  sckg_buf *b = &T->label;
  sckg_buf_clear(b);
  add_names(b, e->agents, e->n_agents);
  sckg_buf_addc(b, ' ');
  if (e->negated)
    sckg_buf_add(b, "(denied) ", 9);
  sckg_str words = type_label(T, e->type);
  sckg_buf_add(b, words.ptr, words.len);
  if (e->n_targets) {
    sckg_buf_add(b, ": ", 2);
    add_names(b, e->targets, e->n_targets);
  }
  /* " (2023-04-07)" made in d and added at once: the date's length is
   * known (ten bytes, or seven for a month), so nothing is measured */
  char d[16] = " (";
  if (sckg_date_format(e->date, d + 2)) {
    size_t n = 2 + (d[2 + 7] ? 10 : 7);
    d[n] = ')';
    sckg_buf_add(b, d, n + 1);
  }
}

static void event_triples(triples *T, const sckg_event *e) {
  add(T, e->iri, P_TYPE, walk_iri_of(C_EVENT));
  event_label(T, e);
  add(T, e->iri, P_LABEL, lit_sized(T->label.ptr, T->label.len, "en", NULL));
  for (size_t i = 0; i < e->n_sources; i++)
    add_next(T, e->iri, P_WAS_DERIVED_FROM,
             iri_sized(e->sources[i]->iri, e->sources[i]->iri_len));
  for (size_t i = 0; i < e->n_agents; i++)
    add_next(T, e->iri, P_AGENT,
             iri_sized(e->agents[i]->iri, e->agents[i]->iri_len));
  for (size_t i = 0; i < e->n_attributed; i++)
    add_next(T, e->iri, P_ATTRIBUTED_TO,
             iri_sized(e->attributed[i]->iri, e->attributed[i]->iri_len));
  if (e->date.year)
    add(T, e->iri, P_DATE, date_lit(T, e->date));
  add(T, e->iri, P_EVENT_TYPE, type_iri(T, e->type));
  for (size_t i = 0; i < e->n_evidence; i++)
    add_next(T, e->iri, P_EVIDENCE,
             iri_sized(e->evidence[i]->iri, e->evidence[i]->iri_len));
  if (e->negated)
    add(T, e->iri, P_NEGATED,
        lit_sized("true", 4, NULL, walk_iri[C_BOOLEAN].ptr));
  for (size_t i = 0; i < e->n_stated_in_all; i++)
    add_next(T, e->iri, P_STATED_IN,
             iri_sized(e->stated_in_all[i]->iri, e->stated_in_all[i]->iri_len));
  for (size_t i = 0; i < e->n_targets; i++)
    add_next(T, e->iri, P_TARGET,
             iri_sized(e->targets[i]->iri, e->targets[i]->iri_len));
}

/* Two triples of one subject in N-Triples order: their predicates' places
 * in walk_iri, then their objects. */
static int same_subject_cmp(const triples *T, size_t a, const sckg_triple *x,
                            unsigned char px) {
  if (T->pred[a] != px)
    return T->pred[a] < px ? -1 : 1;
  const sckg_term *o = &T->t[a].o;
  if (o->value == x->o.value && o->kind == x->o.kind && o->lang == x->o.lang &&
      o->datatype == x->o.datatype)
    return 0; /* the common repeat: the very same strings */
  return sckg_term_cmp(o, &x->o);
}

/* Sort one subject's triples and drop repeats, in one insertion sort: the
 * makers add them nearly in order, so each is most often compared once,
 * with the last one kept, and found in its place, where it stays. */
static void sort_subject(triples *T) {
  size_t w = 0;
  for (size_t i = 0; i < T->n; i++) {
    unsigned char px = T->pred[i];
    sckg_triple_lens len = T->len[i];
    int c = w ? same_subject_cmp(T, w - 1, &T->t[i], px) : -1;
    if (c == 0)
      continue;  /* a repeat */
    if (c < 0) { /* in its place: the common case */
      if (w != i) {
        T->t[w] = T->t[i];
        T->pred[w] = px;
        T->len[w] = len;
      }
      w++;
      continue;
    }
    sckg_triple x = T->t[i];
    size_t j = w - 1;
    while (j > 0 && (c = same_subject_cmp(T, j - 1, &x, px)) > 0)
      j--;
    if (j > 0 && c == 0)
      continue; /* a repeat */
    for (size_t k = w; k > j; k--) {
      T->t[k] = T->t[k - 1];
      T->pred[k] = T->pred[k - 1];
      T->len[k] = T->len[k - 1];
    }
    T->t[j] = x;
    T->pred[j] = px;
    T->len[j] = len;
    w++;
  }
  T->n = w;
}

#ifndef NDEBUG
/* What sort_subject makes of a subject's triples; the makers' claims
 * (add_next, add_after) are checked against it. */
static bool sorted_and_distinct(const triples *T) {
  for (size_t i = 1; i < T->n; i++)
    if (same_subject_cmp(T, i - 1, &T->t[i], T->pred[i]) >= 0)
      return false;
  return true;
}
#endif

/* The given triples, a run of equal subjects at a time, no length known. */
static sckg_status walk_given(const sckg_graph *g, sckg_sized_fn fn,
                              void *ctx) {
  for (size_t i = 0, j; i < g->n_triples; i = j) {
    for (j = i + 1;
         j < g->n_triples && (g->triples[j].s == g->triples[i].s ||
                              strcmp(g->triples[j].s, g->triples[i].s) == 0);
         j++)
      ;
    sckg_subject_sized run = {g->triples + i, j - i, 0, NULL};
    sckg_status st = fn(ctx, &run);
    if (st != SCKG_OK)
      return st;
  }
  return SCKG_OK;
}

/* The four lists of nodes a walk merges. */
enum { ACTORS, ARTICLES, SENTENCES, EVENTS, KINDS };

/* The IRI of a node of the list `kind`. */
static const char *node_iri(int kind, const void *node) {
  return kind == ACTORS      ? ((const sckg_actor *)node)->iri
         : kind == ARTICLES  ? ((const sckg_article *)node)->iri
         : kind == SENTENCES ? ((const sckg_sentence *)node)->iri
                             : ((const sckg_event *)node)->iri;
}

/* Its iri_len. */
static size_t node_iri_len(int kind, const void *node) {
  return kind == ACTORS      ? ((const sckg_actor *)node)->iri_len
         : kind == ARTICLES  ? ((const sckg_article *)node)->iri_len
         : kind == SENTENCES ? ((const sckg_sentence *)node)->iri_len
                             : ((const sckg_event *)node)->iri_len;
}

/* order[0, n) holds the lists with nodes left, order[1, n) sorted by the
 * IRIs of their next nodes (head[]); the list order[0], whose next node's
 * IRI is now iri, is moved to its place among them. */
static void sift_first(int *order, const char **head, size_t n,
                       const char *iri) {
  int k = order[0];
  head[k] = iri;
  size_t j = 1;
  for (; j < n && strcmp(head[order[j]], iri) < 0; j++)
    order[j - 1] = order[j];
  order[j - 1] = k;
}

/* N-Triples order without sorting all the triples: each node's triples
 * have it as their subject, and no two nodes share an IRI, so visiting the
 * nodes in IRI order (a merge of the four lists, each sorted by IRI
 * already) and sorting each node's few triples orders the whole.
 * `terminate`: see the triples struct. */
static sckg_status walk_nodes(const sckg_graph *g, sckg_sized_fn fn, void *ctx,
                              bool terminate) {
  if (!g || !fn || !g->finished)
    return SCKG_ERR_ARG;
  if (g->triples)
    return walk_given(g, fn, ctx);
  assert(predicates_in_order());
  triples T = {
      .arena = sckg_arena_new(), .schema = g->schema, .terminate = terminate};
  const sckg_vec *lists[KINDS] = {&g->actors, &g->articles, &g->sentences,
                                  &g->events};
  size_t at[KINDS] = {0};
  /* The lists with nodes left, in the order of their next nodes' IRIs: a
   * node taken from the first, the list's next node goes back in its
   * place, which is most often first again (one list's nodes come in
   * runs), found with one comparison. */
  int order[KINDS];
  const char *head[KINDS];
  size_t live = 0;
  for (int k = 0; k < KINDS; k++)
    if (lists[k]->len) {
      head[k] = node_iri(k, lists[k]->items[0]);
      size_t j = live++;
      for (; j > 0 && strcmp(head[order[j - 1]], head[k]) > 0; j--)
        order[j] = order[j - 1];
      order[j] = k;
    }
  sckg_status st = SCKG_OK;
  while (live && st == SCKG_OK) {
    int best = order[0];
    void *node = lists[best]->items[at[best]++];
    T.n = 0;
    T.in_order = true;
    if (best == ACTORS)
      actor_triples(&T, node);
    else if (best == ARTICLES)
      article_triples(&T, node, !g->opts.omit_text);
    else if (best == SENTENCES)
      sentence_triples(&T, node);
    else
      event_triples(&T, node);
    if (!T.in_order)
      sort_subject(&T);
    assert(sorted_and_distinct(&T));
    sckg_subject_sized subject = {T.t, T.n, node_iri_len(best, node), T.len};
    st = fn(ctx, &subject);
    if (at[best] < lists[best]->len) {
      sift_first(order, head, live,
                 node_iri(best, lists[best]->items[at[best]]));
    } else {
      for (size_t j = 1; j < live; j++)
        order[j - 1] = order[j];
      live--;
    }
  }
  free(T.t);
  free(T.pred);
  free(T.len);
  sckg_buf_free(&T.label);
  sckg_buf_free(&T.anchor);
  sckg_arena_free(T.arena);
  return st;
}

sckg_status sckg_graph_each_subject_sized(const sckg_graph *g, sckg_sized_fn fn,
                                          void *ctx) {
  return walk_nodes(g, fn, ctx, false);
}

/* The public walk: the lengths left out. */
typedef struct {
  sckg_subject_fn fn;
  void *ctx;
} plain_walk;

static sckg_status plain_subject(void *ctx, const sckg_subject_sized *s) {
  const plain_walk *w = ctx;
  return w->fn(w->ctx, s->t, s->n);
}

sckg_status sckg_graph_each_subject(const sckg_graph *g, sckg_subject_fn fn,
                                    void *ctx) {
  if (!fn)
    return SCKG_ERR_ARG;
  plain_walk w = {fn, ctx};
  return walk_nodes(g, plain_subject, &w, true);
}

typedef struct {
  sckg_graph *g;
  sckg_triple *t;
  size_t n, cap;
} listing;

static sckg_status list_subject(void *ctx, const sckg_triple *t, size_t n) {
  listing *L = ctx;
  if (L->n + n > L->cap) {
    while (L->n + n > L->cap)
      L->cap = L->cap ? L->cap * 2 : 1024;
    L->t = sckg_xrealloc(L->t, L->cap * sizeof *L->t);
  }
  for (size_t i = 0; i < n; i++) {
    /* the walk's strings die with it or sooner: keep copies */
    sckg_triple x = t[i];
    x.o.value =
        x.o.kind == SCKG_TERM_LITERAL
            ? sckg_arena_strndup(L->g->arena, x.o.value, strlen(x.o.value))
            : sckg_graph_intern(L->g, x.o.value, strlen(x.o.value));
    L->t[L->n++] = x;
  }
  return SCKG_OK;
}

sckg_status sckg_graph_list_triples(const sckg_graph *cg) {
  if (!cg || !cg->finished)
    return SCKG_ERR_ARG;
  if (cg->triples)
    return SCKG_OK;
  sckg_graph *g = (sckg_graph *)cg; /* a cache: every graph is on the heap */
  listing L = {.g = g};
  sckg_status st = sckg_graph_each_subject(g, list_subject, &L);
  if (st != SCKG_OK) {
    free(L.t);
    return st;
  }
  g->triples = L.t ? L.t : sckg_xmalloc(1);
  g->n_triples = L.n;
  return SCKG_OK;
}
