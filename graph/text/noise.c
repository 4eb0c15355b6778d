/* SPDX-License-Identifier: MIT */
#include "text/noise.h"

#include <string.h>

#define NO_MATCH ((size_t)-1)

/* Where pattern `pat` matching p at i ends, or NO_MATCH. Letters compare
 * in any case; '#' takes a number; '*' takes one to four words, or, ending
 * the pattern, the rest of the span when it is at most TAIL_MAX_WORDS. */
static size_t match_at(const char *pat, const char *p, size_t i, size_t e) {
  for (; *pat; pat++) {
    if (*pat == '*') {
      if (i >= e || blank(p[i]))
        return NO_MATCH;
      if (!pat[1])
        return over_tail(p, i, e) ? NO_MATCH : e;
      int spaces = 0;
      for (size_t j = i + 1; j <= e; j++) {
        if (blank(p[j - 1]) && ++spaces > 3)
          break;
        size_t r = match_at(pat + 1, p, j, e);
        if (r != NO_MATCH)
          return r;
      }
      return NO_MATCH;
    }
    if (*pat == '#') {
      if (i >= e || !digit(p[i]))
        return NO_MATCH;
      while (i < e && digit(p[i]))
        i++;
      continue;
    }
    if (i >= e || to_lower(p[i]) != *pat)
      return NO_MATCH;
    i++;
  }
  return i;
}

/* A match that starts at a word start of p[b..e) and ends at a word end. */
static size_t match_word(const char *pat, const char *p, size_t b, size_t i,
                         size_t e) {
  if (i > b && alnum(p[i - 1]) && alnum(pat[0]))
    return NO_MATCH;
  size_t r = match_at(pat, p, i, e);
  if (r != NO_MATCH && r < e && alnum(p[r]) && alnum(pat[strlen(pat) - 1]))
    return NO_MATCH;
  return r;
}

static bool wanted(const noise_pattern *np, noise_kind kind,
                   noise_where where) {
  return np->where == where && (kind == NOISE_KIND_COUNT || np->kind == kind);
}

void sckg_noise_index(const sckg_schema *s, noise_index *ix) {
  memset(ix, 0, sizeof *ix);
  for (size_t k = 0; k < s->n_noise; k++) {
    const noise_pattern *np = &s->noise[k];
    char c = np->pat[0], raw[2] = {c, lower(c) ? (char)(c - 32) : c};
    for (size_t i = 0; i < 2; i++) /* a pattern opens a word */
      if (to_lower(raw[i]) == c && !blank(raw[i]))
        ix->opens[np->where][(unsigned char)raw[i]] = true;
  }
}

/* Positions go outside, and at each only the patterns that start with its
 * byte are tried: most paragraphs are prose. */
const noise_pattern *sckg_noise_find(const sckg_schema *s,
                                     const noise_index *ix, const char *p,
                                     size_t b, size_t e, noise_kind kind,
                                     noise_where where, size_t *at) {
  if (where == NOISE_AT_START) {
    unsigned char c = (unsigned char)to_lower(p[b]);
    for (size_t k = s->noise_from[c]; k < s->noise_from[c + 1]; k++)
      if (wanted(&s->noise[k], kind, where) &&
          match_word(s->noise[k].pat, p, b, b, e) != NO_MATCH)
        return &s->noise[k];
    return NULL;
  }
  const bool *opens = ix->opens[where];
  /* a tail is short (at most TAIL_MAX_WORDS words after its first) */
  size_t from = where == NOISE_AT_END && e - b > 160 ? e - 160 : b;
  for (size_t i = from; i < e; i++) {
    if (!opens[(unsigned char)p[i]] || (i > b && alnum(p[i - 1])))
      continue;
    unsigned char c = (unsigned char)to_lower(p[i]);
    for (size_t k = s->noise_from[c]; k < s->noise_from[c + 1]; k++) {
      const noise_pattern *np = &s->noise[k];
      if (!wanted(np, kind, where))
        continue;
      size_t r = match_word(np->pat, p, b, i, e);
      if (r != NO_MATCH && (where != NOISE_AT_END || r == e)) {
        if (at)
          *at = i;
        return np;
      }
    }
  }
  return NULL;
}
