/* SPDX-License-Identifier: MIT */
/* Reading actors and events out of an article's sentences. */
#ifndef SCKG_EXTRACT_H
#define SCKG_EXTRACT_H

#include "base/kinds.h"
#include "extract/entities.h"
#include "text/article.h"

enum { EX_MAX_ACTORS = 12, EX_MAX_TOKENS = 4096 /* read of one sentence */ };

/* One event as read from one sentence, before merging into the graph. */
typedef struct {
  sckg_event_type type;
  size_t n_agents, n_targets, n_attributed; /* in the arrays below */
  sckg_date date;
  bool negated;
  long
      stated_in; /* index of the statement among this article's events, or -1 */
  const char *trigger; /* the trigger phrase as the schema writes it */
  size_t sent;         /* index of the sentence in the article_text */
  /* last: read only below their counts, so a new event clears the fields
   * before them alone (emit.c), not the four fifths of the struct they
   * are */
  ex_actor *agents[EX_MAX_ACTORS];
  ex_actor *targets[EX_MAX_ACTORS];
  ex_actor *attributed[EX_MAX_ACTORS];
} ex_event;

/* What the extraction reads in one article: a plain result, which the
 * reader (read.c) turns into graph nodes. Its arrays, its actors and
 * their strings live in the extractor that read it, until that one reads
 * again. */
typedef struct {
  ex_event *events;
  size_t n_events, cap;
  sckg_vec actors;   /* ex_actor *, every actor met, by ex_actor.index */
  sckg_vec mentions; /* ex_actor *, distinct: the actors the text names */
  /* sentences longer than EX_MAX_TOKENS tokens, of which only the first
   * EX_MAX_TOKENS were read, and the first of them (index in article_text) */
  size_t n_cut, first_cut;
} extraction;

/* The extraction's working memory, reused from article to article (one
 * per thread). */
typedef struct sckg_extractor sckg_extractor;
sckg_extractor *sckg_extractor_new(void);
void sckg_extractor_free(sckg_extractor *x);
/* Report how each sentence is read to `sink`, one SCKG_SEV_TRACE
 * diagnostic a line, naming `file`; a NULL sink stops it. */
void sckg_extractor_trace(sckg_extractor *x, sckg_diag_sink sink, void *handle,
                          const char *file);

/* Read the article's sentences with the schema: the actors met and the
 * events read, in `out` (empty: zeroed, or after sckg_extraction_free),
 * to be read before the extractor's next sckg_extract (or
 * sckg_extractor_free). */
void sckg_extract(sckg_extractor *x, const sckg_schema *s,
                  const article_text *a, extraction *out);
/* Empty x: the memory it points to is the extractor's. */
void sckg_extraction_free(extraction *x);

#endif
