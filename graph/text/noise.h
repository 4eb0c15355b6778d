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

/* A tail (NOISE_AT_END) stands in a paragraph's last bytes. */
enum { NOISE_TAIL_BYTES = 160 };

/* By where a pattern stands and by the byte it opens with, the head of
 * the patterns there that open with the byte: the letters all of them
 * open with, up to a '*' or '#'. A scan tries the patterns only where the
 * head is, and most words of a paragraph do not even open with one. Built
 * for each article from the schema; head_len 0 where no pattern opens,
 * and then head is not set. `follows`: by byte, either case of a letter,
 * the second bytes of the patterns past the start that it opens, each as
 * bit (byte & 31), all bits for a '*', '#' or the end; 0 when it opens
 * none. */
typedef struct {
  unsigned char head_len[NOISE_AT_WEAK_CUE + 1][256];
  const char *head[NOISE_AT_WEAK_CUE + 1][256];
  uint32_t follows[256];
} noise_index;

void sckg_noise_index(const sckg_schema *s, noise_index *ix);

enum { NOISE_HITS_MAX = 32 };

/* A paragraph read once for all that is asked of it: its words, and where
 * the head of a pattern placed past its start stands, so that the scans
 * of sckg_noise_find look only there. */
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
void sckg_noise_survey(const noise_index *ix, const char *p, size_t b, size_t e,
                       size_t most, noise_survey *sv);

/* A pattern of `kind` (any kind when NOISE_KIND_COUNT) placed at `where`
 * that matches p[b..e), or NULL. For NOISE_AT_END, *at is where the
 * earliest such tail starts. Past the start, `sv` is the survey of
 * p[b..e') for some e' >= e. */
const noise_pattern *sckg_noise_find(const sckg_schema *s,
                                     const noise_index *ix,
                                     const noise_survey *sv, const char *p,
                                     size_t b, size_t e, noise_kind kind,
                                     noise_where where, size_t *at);

#endif
