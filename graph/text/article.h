/* SPDX-License-Identifier: MIT */
/* Reading an article: the date line, title, publisher, and the sentences of
 * its prose; what is not prose (captions, credits, bylines, ...) is laid
 * out with the reason it is not read (layout.h). */
#ifndef SCKG_ARTICLE_H
#define SCKG_ARTICLE_H

#include "base/kinds.h"
#include "base/support.h"
#include "lexicon/lexicon.h"
#include "sckg/status.h"
#include "text/layout.h"

typedef text_span sentence_span; /* byte span in the body */

typedef struct {
  const char *body; /* the text after the date line */
  size_t len;
  sckg_date date;             /* from the date line; year 0 when none */
  sckg_str title;             /* the headline, else the first line of prose */
  const char *publisher;      /* from a credit mark, or NULL */
  article_layout layout;      /* the prose paragraphs and what is not read */
  const sentence_span *sents; /* the sentences of the prose: the layout's */
  size_t n_sents;
} article_text;

/* Parse `text` (already checked to be valid UTF-8); `headline`: whether
 * its body may open with a headline (not when metadata gives the title).
 * On SCKG_ERR_INPUT, *why says what is wrong (static string) and *where
 * the byte offset. */
sckg_status sckg_article_read(const sckg_schema *s, const char *text,
                              size_t len, bool headline, article_text *out,
                              const char **why, size_t *where);
void sckg_article_text_free(article_text *a);

#endif
