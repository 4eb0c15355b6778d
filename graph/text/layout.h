/* SPDX-License-Identifier: MIT */
/* The layout of an article's body: its paragraphs, which of them are prose
 * to read, which is the headline, and which spans are captions, credits,
 * bylines, datelines and the like, each with the reason it is not read.
 *
 * Paragraphs are separated by line breaks; a single line break inside
 * hard-wrapped text, or before a line that goes on in lowercase, joins two
 * lines of one paragraph. A paragraph is prose unless its shape or a
 * pattern of schema/noise.tsv says otherwise: its last character and the
 * words inside it do not decide. */
#ifndef SCKG_LAYOUT_H
#define SCKG_LAYOUT_H

#include "lexicon/lexicon.h"

typedef struct {
  size_t b, e; /* byte span in the body */
} text_span;

typedef struct {
  size_t b, e;
  noise_kind kind;
} dropped_span;

typedef struct {
  text_span *prose; /* the paragraphs to read, in order, without their
                       datelines and credits */
  size_t n_prose;
  dropped_span *dropped; /* what is not read, in order */
  size_t n_dropped;
  text_span title;  /* the headline; empty when there is none */
  text_span *sents; /* the sentences of the prose, in order (sentence.h) */
  size_t n_sents;
} article_layout;

/* Lay out body[0..n). `headline`: whether the body may open with a
 * headline (not when a record's metadata gives the title). `indent`: the
 * characters before the body on its first line (a date line's), which
 * count when telling whether that line was wrapped. */
void sckg_layout_read(const sckg_schema *s, const char *body, size_t n,
                      bool headline, size_t indent, article_layout *out);
void sckg_layout_free(article_layout *l);

#endif
