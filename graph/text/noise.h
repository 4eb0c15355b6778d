/* SPDX-License-Identifier: MIT */
/* Finding the patterns of schema/noise.tsv in a paragraph: where each may
 * stand (lexicon.h, noise_where), letters in any case, on word
 * boundaries; '*' takes one to four words, or, ending a pattern, the rest
 * of the paragraph when that is short; '#' takes a number. */
#ifndef SCKG_TEXT_NOISE_H
#define SCKG_TEXT_NOISE_H

#include "base/chars.h"
#include "lexicon/lexicon.h"

/* The most words of a tail: what a pattern's final '*' takes, and a
 * credit closing a paragraph. */
enum { TAIL_MAX_WORDS = 8 };

/* Does p[b..e) hold more than TAIL_MAX_WORDS words? */
static inline bool over_tail(const char *p, size_t b, size_t e) {
  return count_words_upto(p, b, e, TAIL_MAX_WORDS + 1) > TAIL_MAX_WORDS;
}

/* A tail (NOISE_AT_END) stands in a paragraph's last bytes. */
enum { NOISE_TAIL_BYTES = 160 };

enum { NOISE_HITS_MAX = 32 };

/* A paragraph read once for all that is asked of it: its words, and where
 * the head of a pattern placed past its start stands (the schema's
 * noise_heads), so that the scans of sckg_noise_find look only there. */
typedef struct {
  size_t words; /* counted up to the most asked */
  /* the heads, in order, and where their patterns stand (bits 1 <<
   * noise_where): all those before `done`, the scans reading on from
   * there when there were more */
  size_t n_hits, done;
  size_t hit_at[NOISE_HITS_MAX];
  unsigned char hit_where[NOISE_HITS_MAX];
} noise_survey;

/* Survey p[b..e) (b < e, trimmed), counting its words up to `most`. From
 * the word that makes `most`, only its tail is read on: the cues of a
 * paragraph that long are not asked for. */
void sckg_noise_survey(const sckg_schema *s, const char *p, size_t b, size_t e,
                       size_t most, noise_survey *sv);

/* A pattern of `kind` (any kind when NOISE_KIND_COUNT) placed at `where`
 * that matches p[b..e), or NULL. For NOISE_AT_END, *at is where the
 * earliest such tail starts. Past the start, `sv` is the survey of
 * p[b..e') for some e' >= e. */
const noise_pattern *sckg_noise_find(const sckg_schema *s,
                                     const noise_survey *sv, const char *p,
                                     size_t b, size_t e, noise_kind kind,
                                     noise_where where, size_t *at);

#endif
