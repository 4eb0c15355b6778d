/* SPDX-License-Identifier: MIT */
/* Finding the patterns of schema/noise.tsv in a paragraph: where each may
 * stand (lexicon.h, noise_where), letters in any case, on word
 * boundaries; '*' takes one to four words, or, ending a pattern, the rest
 * of the paragraph when that is short; '#' takes a number. */
#ifndef SCKG_TEXT_NOISE_H
#define SCKG_TEXT_NOISE_H

#include "lexicon/lexicon.h"
#include "text/chars.h"

/* The most words of a tail: what a pattern's final '*' takes, and a
 * credit closing a paragraph. */
enum { TAIL_MAX_WORDS = 8 };

/* Does p[b..e) hold more than TAIL_MAX_WORDS words? */
static inline bool over_tail(const char *p, size_t b, size_t e) {
  return count_words_upto(p, b, e, TAIL_MAX_WORDS + 1) > TAIL_MAX_WORDS;
}

/* The bytes that can open a pattern, by where it stands (either case of
 * its first letter): scans try the patterns only at these, and most bytes
 * of a paragraph open none. Built for each article from the schema. */
typedef struct {
  bool opens[NOISE_AT_WEAK_CUE + 1][256];
} noise_index;

void sckg_noise_index(const sckg_schema *s, noise_index *ix);

/* A pattern of `kind` (any kind when NOISE_KIND_COUNT) placed at `where`
 * that matches p[b..e), or NULL. For NOISE_AT_END, *at is where the
 * earliest such tail starts. */
const noise_pattern *sckg_noise_find(const sckg_schema *s,
                                     const noise_index *ix, const char *p,
                                     size_t b, size_t e, noise_kind kind,
                                     noise_where where, size_t *at);

#endif
