/* SPDX-License-Identifier: MIT */
/* A graph while articles are read into it and merged: what model/ (actors,
 * merging, finishing) and read.c (an article into a graph) share. Private
 * to the library. */
#ifndef SCKG_BUILD_H
#define SCKG_BUILD_H

#include "model/graph_impl.h"

/* An event under construction: the public node first, so a sckg_event *
 * of this graph is also an ev_node *. */
typedef struct ev_node {
  sckg_event pub;
  const char *key; /* type|agents|targets|neg|date: the identity */
  size_t key_len;  /* its bytes: finishing sorts and hashes every key */
  struct ev_node *merged_into;
  /* Sets, their items in the graph's arena (sckg_vec_push_in) */
  sckg_vec evidence, sources, attributed;
  sckg_vec stated_in; /* candidate statements (ev_node *) */
  sckg_vec triggers;  /* interned trigger words */
} ev_node;

/* A slot of the graph's actors by slug: the slug's hash (sckg_str_hash)
 * beside the actor, so that a probe reads the actor only when the hashes
 * agree; NULL for empty. */
typedef struct {
  uint32_t hash;
  sckg_actor *actor;
} actor_slot;

typedef struct {
  /* The graph's actors by slug, open addressing with linear probing, at
   * most half full: an actor is found by its slug's bytes with one hash
   * and one probe, where interning the slug and finding the actor by the
   * interned address took two of each. */
  actor_slot *actor_slots;
  size_t actor_cap, n_actor_slots;
  /* The graph's actor of each lexicon actor it holds, by lex_actor index:
   * an entry holds one only where its bit in lex_made is set. A graph
   * holds a few of the lexicon's hundreds: the array is not cleared, and
   * the bits are walked, not the array (sckg_graph_lex_made). */
  sckg_actor **lex_actors;
  uint64_t *lex_made;
  sckg_pmap events_by_key;     /* interned key -> ev_node */
  sckg_pmap articles_by_ident; /* interned ident -> sckg_article */
  sckg_vec all_events;         /* ev_node *, in creation order */
  /* The extraction's working memory, kept for all the articles read into
   * this graph: read.c's, and freed through reader_free (NULL when it is
   * not this graph's to free), so that the model knows nothing of it. */
  void *reader;
  void (*reader_free)(void *reader);
  sckg_buf buf;
  const char *input_name; /* of the last article read, for messages */
} build_state;

#define BUILD(g) ((build_state *)(g)->build)

/* The graph's actor with this slug, made with the label, class, item
 * (NULL for none) and parent when it has none yet (*made says which); the
 * strings may live anywhere: the graph keeps copies, unless `lasting`
 * says the label and item last as long as the graph (the schema's, which
 * outlives it), and then keeps them as they are. */
sckg_actor *sckg_graph_actor(sckg_graph *g, const char *slug, const char *label,
                             sckg_class cls, const char *qid,
                             sckg_actor *parent, bool lasting, bool *made);
/* The graph's actor of the lexicon actor of this index, or NULL; the
 * first index at or after `from` that has one (the schema's n_actors when
 * none has); and `a` made that. */
sckg_actor *sckg_graph_lex_made(const sckg_graph *g, size_t index);
size_t sckg_graph_next_lex_made(const sckg_graph *g, size_t from);
void sckg_graph_set_lex_made(sckg_graph *g, size_t index, sckg_actor *a);
/* An article identifier as an IRI segment, appended to `out`. */
void sckg_graph_encode_segment(sckg_buf *out, const char *s, size_t n);
/* What joins an article's IRI and "char=b,e" in its sentences' IRIs. */
char sckg_graph_sentence_sep(const sckg_article *a);

/* Actors by IRI, for qsort; an actor's IRI, for sckg_sort_by_string. */
int sckg_graph_actor_cmp(const void *pa, const void *pb);
sckg_str sckg_graph_actor_iri(const void *a);
/* Add an evidence sentence to an event's set. */
void sckg_graph_push_recent(sckg_graph *g, sckg_vec *v, sckg_sentence *s);
/* The error for a second article with an identifier already in the graph. */
void sckg_graph_report_taken(const sckg_graph *g, const char *name,
                             const char *ident);

#endif
