/* SPDX-License-Identifier: MIT */
/* Reading an article: the date line, title, publisher, and the sentences of
 * its body with the paragraphs that are captions, credits or embedded posts
 * marked as noise. */
#ifndef SCKG_ARTICLE_H
#define SCKG_ARTICLE_H

#include "graph_impl.h"
#include "lexicon.h"

typedef struct {
  size_t b, e; /* byte span in the body */
  bool noise;  /* in a caption, credit line, embedded post or link */
} sentence_span;

typedef struct {
  const char *body; /* the text after the date line */
  size_t len;
  sckg_date date;        /* from the date line; year 0 when none */
  sckg_str title;        /* first line of the body, trimmed */
  const char *publisher; /* from a credit mark, or NULL */
  sentence_span *sents;  /* heap array */
  size_t n_sents;
} article_text;

/* Parse `text` (already checked to be valid UTF-8). On SCKG_ERR_INPUT,
 * *why says what is wrong (static string) and *where the byte offset. */
sckg_status sckg_article_read(const sckg_schema *s, const char *text,
                              size_t len, article_text *out, const char **why,
                              size_t *where);
void sckg_article_text_free(article_text *a);

/* Parse "YYYY-MM-DD" exactly; false when not a real calendar date. */
bool sckg_date_parse(const char *s, size_t n, sckg_date *out);
/* Days since 1970-01-01 and back, for weekday arithmetic. */
long sckg_date_days(sckg_date d);
sckg_date sckg_date_from_days(long days);

#endif
