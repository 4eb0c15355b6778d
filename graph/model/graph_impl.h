/* SPDX-License-Identifier: MIT */
/* The graph model shared by the extraction and the writers. Private to the
 * library: writers read these structures of a finished graph directly. */
#ifndef SCKG_GRAPH_IMPL_H
#define SCKG_GRAPH_IMPL_H

#include "base/kinds.h"
#include "base/support.h"
#include "sckg/graph.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* A node's iri_len: the bytes of its IRI when the graph minted it
 * from parts known to need no escape in N-Triples (the base, which
 * sckg_graph_new checks, fixed words, digits, percent-encoded segments and
 * slugs checked as they come), else 0: a graph made by other means, or a
 * slug with a byte IRIs forbid. The walk hands it on (sckg_subject_sized),
 * so that a writer of a graph of one article does not measure and scan
 * again every IRI the graph has just made. */
/* A node's IRI with its length: iri_len, or measured when that is 0. */
static inline sckg_str sckg_node_iri(const char *iri, size_t iri_len) {
  return (sckg_str){iri, iri_len ? iri_len : strlen(iri)};
}

typedef struct sckg_actor sckg_actor;
struct sckg_actor {
  const char *slug;  /* unique local key; the IRI is base + "actor/" + slug */
  size_t slug_len;   /* its bytes: every event's key spells its actors' */
  const char *iri;   /* full IRI */
  size_t iri_len;    /* or 0: see before sckg_actor */
  const char *label; /* canonical English label */
  size_t label_len;  /* its bytes, so that the walk need not measure it */
  sckg_class cls;
  const char *qid;      /* "Q423", or NULL */
  sckg_actor *parent;   /* partOf (or affiliatedWith for persons), or NULL */
  bool affiliated;      /* parent is sckg:affiliatedWith, not sckg:partOf */
  sckg_actor **related; /* skos:related (cyber group aliases kept apart) */
  size_t n_related;
  bool from_lexicon; /* false: an unknown name read from the text */
  size_t rank;       /* its place in g->actors, sorted by IRI (finish) */
};

typedef struct sckg_article sckg_article;

/* A sentence that serves as evidence: a NIF string node. */
typedef struct {
  const char *iri; /* article IRI + "#char=BEGIN,END" */
  size_t iri_len;  /* or 0: see before sckg_actor */
  sckg_article *article;
  size_t begin, end; /* Unicode code points into the article text */
  /* The exact sentence, text_len bytes: inside the article's text where the
   * graph keeps that (so not NUL-terminated), else a copy of its own. */
  const char *text;
  size_t text_len;
} sckg_sentence;

struct sckg_article {
  const char *ident; /* dcterms:identifier: file name, no folder, no .txt */
  const char *iri;
  size_t iri_len;        /* or 0: see before sckg_actor */
  const char *title;     /* first line or headline */
  const char *publisher; /* NULL when unknown */
  sckg_date date;        /* from the date line or --date; year 0 when unknown */
  const char *text; /* the article text after the date line (nif:isString) */
  size_t len;       /* bytes of text */
  sckg_actor **mentions; /* distinct; sorted by IRI once finished */
  size_t n_mentions;
  size_t rank; /* its place in the order of its sentences' IRIs (finish) */
};

typedef struct sckg_event sckg_event;
struct sckg_event {
  const char *iri;
  size_t iri_len; /* or 0: see before sckg_actor */
  sckg_event_type type;
  sckg_actor **agents; /* sorted by IRI, distinct, at least one */
  size_t n_agents;
  sckg_actor **targets; /* sorted by IRI, distinct */
  size_t n_targets;
  sckg_actor **attributed; /* sckg:attributedTo, sorted by IRI */
  size_t n_attributed;
  sckg_date date;
  bool negated;
  /* The statements that report it (sckg:statedIn), sorted by IRI; the
   * first of them to draw it under: the one with most agents (a joint
   * statement before one agency's report), then the smallest IRI. */
  sckg_event *stated_in; /* that primary one, or NULL */
  sckg_event **stated_in_all;
  size_t n_stated_in_all;
  const char *trigger;      /* the words it was read from, for labels */
  sckg_sentence **evidence; /* sorted by IRI */
  size_t n_evidence;
  sckg_article **sources; /* sorted by IRI */
  size_t n_sources;
};

struct sckg_graph {
  const sckg_schema *schema;
  sckg_options opts;
  const char *base; /* resource namespace, ends in '/' or '#' */
  size_t base_len;
  sckg_arena *arena; /* owns every node, string and array below */
  sckg_strtab *strings;
  sckg_vec actors;    /* sckg_actor *; sorted by IRI after finish */
  sckg_vec events;    /* sckg_event *; sorted by IRI after finish */
  sckg_vec articles;  /* sckg_article *; sorted by IRI after finish */
  sckg_vec sentences; /* sckg_sentence *: evidence; sorted by IRI, distinct */
  /* All the triples in one array, sorted and distinct: NULL until
   * sckg_graph_list_triples fills it, or given by a test that hands the
   * writers a graph of its own making. The writers walk it when it is there,
   * and otherwise make each subject's triples from the nodes as they go
   * (sckg_graph_each_subject), so a big graph never holds them all. */
  sckg_triple *triples;
  size_t n_triples;
  bool finished;
  void *build; /* extraction state, freed by finish unless `reusable` */
  /* Whether the graph is to be emptied and read into again (a streamed
   * article's, sckg_graph_reuse): then finishing keeps its building
   * state's maps and arrays for the next article, which would otherwise
   * allocate and zero them anew. */
  bool reusable;
  sckg_arena_mark empty; /* the arena as a new graph leaves it */
};

/* Accessors for writers: a finished graph's arrays. */
#define SCKG_ACTORS(g) ((sckg_actor **)(g)->actors.items)
#define SCKG_EVENTS(g) ((sckg_event **)(g)->events.items)
#define SCKG_ARTICLES(g) ((sckg_article **)(g)->articles.items)

/* Is `t` a well-formed language tag (N-Triples' LANGTAG)? */
bool sckg_lang_valid(const char *t);

/* Fill g->triples, once, with every triple of the finished graph: for
 * tests and checks that look across subjects. A cache, freed with the
 * graph; the graph's content is the same before and after. */
sckg_status sckg_graph_list_triples(const sckg_graph *g);

/* The IRIs from static storage that sckg_graph_each_subject hands out, as
 * the same addresses (its predicates and the classes of its nodes), with
 * their lengths; *n of them. None needs an escape in N-Triples. */
const sckg_str *sckg_walk_iris(size_t *n);

/* One subject's triples as the walk hands them to the writers: besides the
 * triples, the lengths they would otherwise measure. A length of 0 is not
 * known (a walk of given triples knows none); an IRI's is given only when
 * it needs no escape in N-Triples (see the note before sckg_actor), a literal's
 * always counts its bytes as they are. A literal whose length is given may
 * not end in a NUL (a sentence's text is handed where it lies, inside its
 * article's): read it by that length. */
typedef struct {
  size_t p, o; /* the predicate's, the object's value's */
} sckg_triple_lens;

typedef struct {
  const sckg_triple *t;
  size_t n;
  size_t s_len;                /* the subject's */
  const sckg_triple_lens *len; /* t[i]'s, or NULL for none known */
} sckg_subject_sized;

typedef sckg_status (*sckg_sized_fn)(void *ctx, const sckg_subject_sized *s);

/* sckg_graph_each_subject, with the lengths (and the literals they give
 * not always terminated). */
sckg_status sckg_graph_each_subject_sized(const sckg_graph *g, sckg_sized_fn fn,
                                          void *ctx);

/* Whether s[0..n) holds no byte an IRI may not carry as it is (IRIREF's
 * forbidden ones, and DEL): what the graph checks of the parts it mints
 * IRIs from that do not come from itself. */
bool sckg_iri_part_clean(const char *s, size_t n);

/* Compare two terms / triples by their bytes, as N-Triples sorts them. */
int sckg_term_cmp(const sckg_term *a, const sckg_term *b);
int sckg_triple_cmp(const void *a, const void *b);

/* A diagnostic to the graph's sink (sckg_options.sink): errors when `st`
 * is not SCKG_OK, warnings otherwise. */
void sckg_graph_report(const sckg_graph *g, sckg_status st, const char *file,
                       unsigned long line, unsigned long col, const char *msg);

/* Empty g, made by sckg_graph_new and not finished, or finished while
 * `reusable`, into the graph sckg_graph_new(g->schema, opts) would make,
 * keeping its memory: its arena's first chunk, its string table, maps and
 * arrays. On an error (bad options, or a graph that cannot be reused) g
 * is left as it was, to be freed. */
sckg_status sckg_graph_reuse(sckg_graph *g, const sckg_options *opts);

/* Services of the graph model to the reader (model/graph.c). */
const char *sckg_graph_intern(sckg_graph *g, const char *s, size_t len);
struct lex_actor;
sckg_actor *sckg_graph_lex_actor(sckg_graph *g, const struct lex_actor *a);

#endif
