/* SPDX-License-Identifier: MIT */
/* The schema's index of what the reading of an article looks for first
 * (lexicon.h, noise_index, pub_opens and abbr_max): built once with the
 * tables, and plain data, so that the image compiled into the binary
 * holds it. */
#include "base/chars.h"
#include "lexicon/lexicon.h"

#include <string.h>

/* The most bytes of a head: enough to tell most words from it. */
enum { HEAD_MAX = 8 };

static void index_noise(sckg_schema *s) {
  noise_index *ix = &s->noise_heads;
  memset(ix, 0, sizeof *ix);
  for (size_t k = 0; k < s->n_noise; k++) {
    const noise_pattern *np = &s->noise[k];
    const char *pat = np->pat;
    unsigned char c = (unsigned char)pat[0];
    if (upper(pat[0]) || blank(pat[0]))
      continue; /* no byte of a text opens it as a word */
    unsigned char *len = &ix->head_len[np->where][c];
    uint32_t *head = &ix->head[np->where][c];
    size_t n = 1;
    if (!*len) { /* its letters up to a '*' or '#' */
      *head = (uint32_t)k;
      while (n < HEAD_MAX && pat[n] && pat[n] != '*' && pat[n] != '#')
        n++;
    } else { /* the part both open with */
      const char *first = s->noise[*head].pat;
      while (n < *len && first[n] == pat[n])
        n++;
    }
    *len = (unsigned char)n;
    if (np->where == NOISE_AT_START)
      continue; /* looked for at the start only */
    char next = pat[1];
    uint32_t bit =
        !next || next == '*' || next == '#' ? UINT32_MAX : 1u << (next & 31);
    ix->follows[c] |= bit;
    if (lower(pat[0]))
      ix->follows[c - 32] |= bit;
  }
}

void lex_index_openers(sckg_schema *s) {
  index_noise(s);
  s->abbr_max = 0;
  s->abbr_ends = 0;
  for (size_t i = 0; i < s->words_cap; i++) { /* lex_word.len is set */
    const lex_word *w = &s->words[i];
    if (!w->key || !(w->cls & W_ABBR) || !w->len)
      continue;
    if (w->len > s->abbr_max)
      s->abbr_max = w->len;
    s->abbr_ends |= (uint64_t)1 << sckg_abbr_bit(w->key[0], w->key[w->len - 1]);
  }
  uint64_t *opens = s->pub_opens, empty = 0;
  memset(s->pub_opens, 0, sizeof s->pub_opens);
  for (size_t k = 0; k < s->n_pubs; k++) {
    uint64_t bit = (uint64_t)1 << k % 64;
    if (s->pub_marks[k][0])
      opens[(unsigned char)s->pub_marks[k][0]] |= bit;
    else
      empty |= bit;
  }
  if (!empty)
    return;
  opens['/'] |= empty;
  for (size_t c = 0; c < 256; c++)
    if (opens[c])
      opens[c] |= empty;
}
