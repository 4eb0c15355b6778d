/* SPDX-License-Identifier: MIT */
/* Where sentences end: at . ! ? before a word that can start a sentence,
 * but not after an abbreviation or an initial (words.tsv `abbr`), and after
 * initials such as "U.S." only before a word that usually opens a sentence
 * (words.tsv `opener`). A closing quote or bracket belongs to the sentence
 * it ends. */
#ifndef SCKG_SENTENCE_H
#define SCKG_SENTENCE_H

#include "lexicon/lexicon.h"

/* The end of the sentence that starts at b in p[b..e): the byte after its
 * closing punctuation and quotes, or e when it runs to the end. *next is
 * where the next sentence starts (past the spaces), e at the end. */
size_t sckg_sentence_end(const sckg_schema *s, const char *p, size_t b,
                         size_t e, size_t *next);

/* Word class bits of p[0..n) lowered (words.tsv), 0 when it is not listed. */
sckg_wclass sckg_word_class(const sckg_schema *s, const char *p, size_t n);

#endif
