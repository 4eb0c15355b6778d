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

/* Does the head of the patterns placed at `where` stand at p[i]? */
static bool head_at(const sckg_schema *s, noise_where where, const char *p,
                    size_t i, size_t e) {
  unsigned char c = (unsigned char)to_lower(p[i]);
  size_t len = s->noise_heads.head_len[where][c];
  if (!len || len > e - i)
    return false;
  const char *head = s->noise[s->noise_heads.head[where][c]].pat;
  size_t n = 1;
  while (n < len && to_lower(p[i + n]) == head[n])
    n++;
  return n == len;
}

/* Note the heads at p[i]; a tail's only in the last bytes. */
static void note_heads(const sckg_schema *s, const char *p, size_t i, size_t e,
                       noise_survey *sv) {
  unsigned found = 0;
  for (unsigned w = NOISE_AT_END; w <= NOISE_AT_WEAK_CUE; w++)
    if (head_at(s, (noise_where)w, p, i, e) &&
        (w != NOISE_AT_END || e - i <= NOISE_TAIL_BYTES))
      found |= 1u << w;
  if (!found || sv->done < e)
    return;
  if (sv->n_hits == NOISE_HITS_MAX) {
    sv->done = i;
    return;
  }
  sv->hit_at[sv->n_hits] = i;
  sv->hit_where[sv->n_hits++] = (unsigned char)found;
}

/* One pass over runs of letters and digits: a pattern opens only where no
 * letter or digit stands before it, and most bytes are inside a run. */
void sckg_noise_survey(const sckg_schema *s, const char *p, size_t b, size_t e,
                       size_t most, noise_survey *sv) {
  sv->n_hits = 0;
  sv->done = e;
  size_t words = 0; /* not in *sv, which note_heads writes to */
  for (size_t i = b; i < e;) {
    /* here p[i - 1], if any, is neither a letter nor a digit */
    size_t at = i++;
    char c = p[at];
    /* one test, not a test of `follows` then of its bit: a third of
     * words open with a byte some head opens with, too many to predict */
    uint32_t follows = s->noise_heads.follows[(unsigned char)c];
    if (i < e ? follows >> (p[i] & 31) & 1 : follows != 0)
      note_heads(s, p, at, e, sv);
    /* the words past the most are counted too, and the count cut after:
     * one test fewer for each word */
    bool word = !blank(c) && (at == b || blank(p[at - 1]));
    if (word && ++words == most && e - at > NOISE_TAIL_BYTES) {
      i = e - NOISE_TAIL_BYTES; /* on to the tail */
      while (i < e && alnum(p[i - 1]))
        i++;
      continue;
    }
    if (alnum(c)) {
      i = alnum_end(p, i, e);
      if (i < e) /* after a letter or digit, no pattern opens */
        i++;
    }
  }
  sv->words = words < most ? words : most;
}

/* The patterns placed at `where` tried at p[i], as sckg_noise_find does. */
static const noise_pattern *try_at(const sckg_schema *s, const char *p,
                                   size_t b, size_t i, size_t e,
                                   noise_kind kind, noise_where where) {
  unsigned char c = (unsigned char)to_lower(p[i]);
  for (size_t k = s->noise_from[c]; k < s->noise_from[c + 1]; k++) {
    const noise_pattern *np = &s->noise[k];
    if (!wanted(np, kind, where))
      continue;
    size_t r = match_word(np->pat, p, b, i, e);
    if (r != NO_MATCH && (where != NOISE_AT_END || r == e))
      return np;
  }
  return NULL;
}

/* Positions go outside, and at each only the patterns whose head is there
 * are tried: most paragraphs are prose. */
const noise_pattern *sckg_noise_find(const sckg_schema *s,
                                     const noise_survey *sv, const char *p,
                                     size_t b, size_t e, noise_kind kind,
                                     noise_where where, size_t *at) {
  if (where == NOISE_AT_START)
    return head_at(s, where, p, b, e) ? try_at(s, p, b, b, e, kind, where)
                                      : NULL;
  /* a tail is short (at most TAIL_MAX_WORDS words after its first) */
  size_t from = where == NOISE_AT_END && e - b > NOISE_TAIL_BYTES
                    ? e - NOISE_TAIL_BYTES
                    : b;
  for (size_t h = 0; h < sv->n_hits; h++) {
    size_t i = sv->hit_at[h];
    const noise_pattern *np;
    if (sv->hit_where[h] & 1u << where && i >= from && i < e &&
        (np = try_at(s, p, b, i, e, kind, where))) {
      if (at)
        *at = i;
      return np;
    }
  }
  /* past the heads noted, a byte at a time */
  for (size_t i = sv->done > from ? sv->done : from; i < e; i++) {
    const noise_pattern *np;
    if (!(i > b && alnum(p[i - 1])) && head_at(s, where, p, i, e) &&
        (np = try_at(s, p, b, i, e, kind, where))) {
      if (at)
        *at = i;
      return np;
    }
  }
  return NULL;
}
