/* SPDX-License-Identifier: MIT */
/* Reading actors and events out of an article's sentences. */
#ifndef SCKG_EXTRACT_H
#define SCKG_EXTRACT_H

#include "article.h"
#include "graph_impl.h"

enum { EX_MAX_ACTORS = 12, EX_MAX_TOKENS = 4096 /* read of one sentence */ };

/* One event as read from one sentence, before merging into the graph. */
typedef struct {
  sckg_event_type type;
  sckg_actor *agents[EX_MAX_ACTORS];
  size_t n_agents;
  sckg_actor *targets[EX_MAX_ACTORS];
  size_t n_targets;
  sckg_actor *attributed[EX_MAX_ACTORS];
  size_t n_attributed;
  sckg_date date;
  bool negated;
  long
      stated_in; /* index of the statement among this article's events, or -1 */
  const char *trigger; /* interned */
  size_t sent;         /* index of the sentence in the article_text */
} ex_event;

typedef struct {
  ex_event *events; /* heap */
  size_t n_events, cap;
  sckg_vec mentions; /* sckg_actor *, distinct */
  /* sentences longer than EX_MAX_TOKENS tokens, of which only the first
   * EX_MAX_TOKENS were read, and the first of them (index in article_text) */
  size_t n_cut, first_cut;
} extraction;

/* The extraction's working memory, reused from article to article (one
 * per thread). */
typedef struct sckg_extractor sckg_extractor;
sckg_extractor *sckg_extractor_new(void);
void sckg_extractor_free(sckg_extractor *x);

/* sckg_graph_read with the working memory `x` (NULL: one of its own),
 * which stays the caller's: a reader thread keeps one for all its
 * articles, since it is large (a sentence's tokens and memo) and zeroing a
 * fresh one for each article would cost more than reading a short one. */
sckg_status sckg_graph_read_using(const sckg_schema *schema,
                                  const sckg_options *opts,
                                  const sckg_input *in, sckg_extractor *x,
                                  sckg_graph **out);

/* Read the article's sentences. Actors are created in `g` as they are met;
 * events are returned in `out` for the graph to merge. */
void sckg_extract(sckg_extractor *x, sckg_graph *g, const article_text *a,
                  extraction *out);
void sckg_extraction_free(extraction *x);

/* Graph services the extraction uses (graph.c). */
sckg_actor *sckg_graph_lex_actor(sckg_graph *g, const struct lex_actor *a);
sckg_actor *sckg_graph_new_actor(sckg_graph *g, const char *label, size_t len,
                                 sckg_class cls, sckg_actor *parent);
const char *sckg_graph_intern(sckg_graph *g, const char *s, size_t len);
/* Give an actor read from the text the parent the text tells of (of
 * several, the smallest IRI; lexicon actors keep theirs). */
void sckg_graph_set_parent(sckg_graph *g, sckg_actor *a, sckg_actor *parent);

#endif
